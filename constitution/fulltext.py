"""The whole text of an edition in one official language, as the full-text page, the booklets (PDF, Word,
EPUB) and the Akoma Ntoso document present it: one shape read from the database once."""

from dataclasses import dataclass, field

from constitution import selectors
from constitution.text import paragraphs
from core.i18n import translated


@dataclass
class WholeArticle:
    article: object
    summary: str
    paragraphs: list

    @property
    def anchor(self):
        """The article's anchor on the full-text page (``#article-17``); its paragraphs add theirs (``-p1``)."""
        return f"article-{self.article.number}"


@dataclass
class WholeSection:
    section: object
    title: str
    articles: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"section-{self.section.number}"


@dataclass
class WholeText:
    """An edition in ``language``; ``available`` says whether its official text exists in that language
    (``languages`` are the ones it does exist in)."""

    edition: object
    language: str
    languages: list
    sections: list
    title: str = ""
    preamble: str = ""
    source: str = ""

    @property
    def available(self):
        return self.language in self.languages

    @property
    def articles(self):
        return [article for section in self.sections for article in section.articles]


def whole_text(edition, language):
    """The edition's official text in ``language`` (no fallback to another language: an official text is
    that language's or none); summaries are ours, in the same language where written (2 queries)."""
    sections = selectors.full_text(edition)
    languages = selectors.official_languages(edition, sections)
    whole = WholeText(edition, language, languages, [], title=translated(edition, "title", language).value)
    if language not in languages:
        return whole
    whole.preamble = getattr(edition, f"preamble_{language}", "") or ""
    whole.source = translated(edition, "source", language).value
    for section in sections:
        part = WholeSection(section, translated(section, "title", language).value)
        for article in section.article_list:
            text = getattr(article, f"text_{language}", "") or ""
            summary = getattr(article, f"summary_{language}", "") or ""
            part.articles.append(WholeArticle(article, summary, paragraphs(text)))
        whole.sections.append(part)
    return whole
