"""Every page type of the public site, with an address that shows it."""

import pytest

LANGUAGES = ("kk", "ru", "en")

PAGE_TYPES = {
    "home": "/{lang}/",
    "constitution": "/{lang}/constitution/",
    "constitution-topic": "/{lang}/constitution/?topic=citizenship",
    "section": "/{lang}/constitution/section/IV/",
    "article": "/{lang}/constitution/article/53/",
    "article-1995": "/{lang}/constitution/1995/article/50/",
    "changes": "/{lang}/constitution/changes/",
    "guides": "/{lang}/guides/",
    "guide": "/{lang}/guides/lost-id-card/",
    "guide-print": "/{lang}/guides/eds/print/",
    "guide-tables": "/{lang}/guides/individual-entrepreneur/",
    "essays": "/{lang}/essays/",
    "essay": "/{lang}/essays/law-abiding-culture/",
    "essay-charts": "/{lang}/essays/crime-trends-world/",
    "essay-links": "/{lang}/essays/constitution-2026/",
    "essay-fraud": "/{lang}/essays/internet-fraud/",
    "guide-new": "/{lang}/guides/online-fraud/",
    "letter-fraud": "/{lang}/forms/fraud-report/",
    "letters": "/{lang}/forms/",
    "letter-form": "/{lang}/forms/lost-id-card/",
    "search": "/{lang}/search/?q=%D0%AD%D0%A6%D2%9A",
    "answers-question": "/{lang}/answers/id-document/?document=id-card",
    "answers-outcome": "/{lang}/answers/id-document/?document=id-card&id-age=30&id-reason=stolen&id-where=kazakhstan"
    "&id-speed=category-1",
    "figures": "/{lang}/feedback/figures/",
    "glossary": "/{lang}/glossary/",
    "accessibility": "/{lang}/accessibility/",
    "offline": "/{lang}/offline/",
    "not-found": "/{lang}/no-such-page/",
}

# A page of each kind of layout, for the checks that need not run on every page type (the dark theme), and
# for those `make test` runs on them only (the keyboard walk; `make test-all` walks every page type).
REPRESENTATIVE = (
    "home",
    "constitution",
    "article",
    "changes",
    "guide-tables",
    "essay-charts",
    "letter-form",
    "search",
    "answers-outcome",
    "accessibility",
    "not-found",
)


def addresses(languages=LANGUAGES, kinds=None):
    """``(page type, language, path)`` for every page type (or those in ``kinds``) in every language."""
    return [
        (name, lang, path.format(lang=lang))
        for name, path in PAGE_TYPES.items()
        if kinds is None or name in kinds
        for lang in languages
    ]


def every_language_marked(rows):
    """``rows`` of ``addresses()`` as pytest parameters where each page type keeps one language in ``make
    test`` (the first page type Kazakh, the next Russian, then English, and round again: every language and
    every page type are checked there) and its other languages are marked ``exhaustive`` (``make test-all``
    and CI check every page type in every language)."""
    kinds = list(dict.fromkeys(kind for kind, _lang, _path in rows))
    quick = {kind: LANGUAGES[index % len(LANGUAGES)] for index, kind in enumerate(kinds)}
    return [
        pytest.param(kind, lang, path, marks=() if quick[kind] == lang else pytest.mark.exhaustive)
        for kind, lang, path in rows
    ]
