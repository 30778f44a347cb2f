"""The essays' part of the public export: every published essay with its sections, sources and data."""

from core.export import Section, array, released
from essays.api import EssayOut, essay_out, essays_for_api

ESSAYS = 4  # read at a time, with their parts


def _essays(fields):
    return array(essay_out(essay, fields) for essay in released(essays_for_api().iterator(ESSAYS)))


essays = Section(list[EssayOut], _essays)
