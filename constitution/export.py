"""The Constitution's part of the public export: every edition with its sections and articles."""

from pydantic import Field

from constitution.api import (
    ArticleOut,
    EditionOut,
    SectionOut,
    article_out,
    articles_with_counterparts,
    edition_out,
    editions_with_counts,
    name_ranges,
    section_out,
    sections_with_ranges,
)
from core.export import Section, array, dumps, released

ARTICLES = 50  # read at a time, with their counterparts


class ExportEdition(EditionOut):
    section_list: list[SectionOut] = Field(description="The edition's sections.")
    article_list: list[ArticleOut] = Field(description="The edition's articles with their official texts.")


def _editions(fields):
    articles = articles_with_counterparts().order_by("sort_key", "id")
    yield "["
    for index, edition in enumerate(editions_with_counts()):
        head = edition_out(edition, fields, edition.section_count, edition.article_count)
        sections = [section_out(s, fields, edition) for s in name_ranges(list(sections_with_ranges(edition)), edition)]
        yield ("," if index else "") + dumps(head)[:-1] + ',"section_list":' + dumps(sections) + ',"article_list":'
        yield from array(
            article_out(a, fields, edition) for a in released(articles.filter(constitution=edition).iterator(ARTICLES))
        )
        yield "}"
    yield "]"


editions = Section(list[ExportEdition], _editions)
