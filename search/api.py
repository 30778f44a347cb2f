"""``/api/v1/search``: the search page as JSON."""

from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field

from core.apitools import ERRORS, Language
from core.text import without_control_characters
from search import selectors

router = Router(tags=["Search"])


class SearchHitOut(Schema):
    kind: str = Field(description="article, guide or essay.")
    title: str
    url: str = Field(description="The page, in the language searched.")
    summary: str = Field(description="Its one-sentence summary (an article's, a guide's) or an essay's lead.")
    snippet: str = Field(description="The passage with the most matched words.")
    snippet_html: str = Field(description="The same, HTML-escaped, with matches in <mark>.")
    score: float = Field(description="Relevance (BM25 over title, keywords, summary and text); higher is better.")


class SearchOut(Schema):
    query: str = Field(description="The query as searched (cut to 200 characters).")
    language: str
    redirect: str | None = Field(description='The article a query like "5-бап" or "article 5" asks for.')
    corrected_query: str = Field(description='The query as read when a word was a typo ("Did you mean …?"), else "".')
    best: SearchHitOut | None = Field(description="The best answer, when one result clearly wins.")
    total: int = Field(description="How many published items match.")
    hits: list[SearchHitOut] = Field(description="The best results, best first (at most 20).")
    results: dict[str, list[SearchHitOut]] = Field(description="The same hits by kind (article, guide, essay).")


def hit_out(hit):
    return {
        "kind": hit.kind,
        "title": hit.title,
        "url": hit.url,
        "summary": hit.summary,
        "snippet": hit.snippet,
        "snippet_html": str(hit.snippet_html),
        "score": hit.score,
    }


@router.get("", response={200: SearchOut, **ERRORS}, summary="Search published content")
def search_api(
    request,
    q: str = Query("", description="What to look for, in words as people ask; typos and word forms are fine."),
    lang: Language = Query("kk", description="The language to search in (fallback text included)."),
):
    query = without_control_characters(q)[: selectors.MAX_QUERY].strip()
    with translation.override(lang):
        redirect, _notice = selectors.shortcut(query)
    results = selectors.search("" if redirect else query, lang)
    return {
        "query": query,
        "language": lang,
        "redirect": redirect,
        "corrected_query": results.corrected,
        "best": hit_out(results.best) if results.best else None,
        "total": results.total,
        "hits": [hit_out(hit) for hit in results.hits],
        "results": {kind: [hit_out(hit) for hit in hits] for kind, hits in results.by_kind().items()},
    }
