"""Known terms marked where they first stand on a page.

The kernel's ``tr`` tag passes the HTML of each editor-written Markdown field it renders on a page (never
an official text) to ``mark``, in the order the page is rendered. ``mark`` wraps the first occurrence on
the page of each term of the glossary in a definition link::

    <dfn class="term"><a href="/ru/glossary/#mrp" title="Месячный расчётный показатель — …">МРП</a></dfn>

and remembers on the request which terms it has marked, so that later fields leave them as they are.
It reads the HTML with a real parser and copies it unchanged but for the wrapped words; nothing inside
links, headings, abbreviations, definitions, code, buttons or elements of class ``official`` is touched.
The page cache then stores the marked page; the stored texts are never changed.

Matching: abbreviations (two capitals or more, like ЦОН, ХҚКО, eGov) are matched as written and as
whole words, so «ХҚКО-ға» marks «ХҚКО»; other words ignore case and may carry a short ending (Russian
and Kazakh inflect: «нотариусу», «нотариустың», «апостилем»), never standing inside a longer word's
beginning. Cost on a page with Markdown: one query (the terms' spellings in the page's language), a
regular expression compiled once per process for each set of terms, one parse of each Markdown field. The
page cache keeps the result, so this is paid once per page and content version; and each process keeps
the marked text of each field (``core.text.text_memory``), so a page rendered again after an edit
elsewhere parses only the fields that changed.
"""

import itertools
import re
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from django.urls import reverse
from django.utils.translation import override

from core.text import text_memory, text_size
from glossary.models import Term

# Elements whose text is never marked; void elements (br, img) never hold text and need no entry.
SKIPPED = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "abbr",
    "dfn",
    "code",
    "pre",
    "kbd",
    "samp",
    "button",
    "label",
    "summary",
    "script",
    "style",
    "textarea",
    "select",
    "option",
    "title",
    "svg",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ENDINGS = "аяеёоыиуюэьйәіөүұ" + "aeiouy"
LONGEST_ENDING = 5  # «-ларға», «-ами»: enough for the common Russian and Kazakh endings


def is_abbreviation(spelling):
    """ЦОН, ХҚКО, eGov: two capitals or more, or a capital after a small letter."""
    capitals = sum(1 for char in spelling if char.isupper())
    return capitals >= 2 or bool(re.search(r"[^\W\d_][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", spelling) and capitals)


def spelling_pattern(spelling):
    """The regular expression of one spelling (see the module docstring)."""
    if is_abbreviation(spelling):
        return re.escape(spelling)
    words = spelling.split()
    last = words[-1]
    if len(last) >= 5:
        stem = last[:-1] if last[-1].lower() in ENDINGS else last
        last_pattern = re.escape(stem) + rf"\w{{0,{LONGEST_ENDING}}}"
    else:
        last_pattern = re.escape(last)
    return "(?i:" + r"\s+".join([*(re.escape(word) for word in words[:-1]), last_pattern]) + ")"


def compile_terms(terms, language):
    """``(regex, {group name: (slug, definition)})`` for the spellings of ``terms`` in ``language``;
    longer spellings come first, so «Конституционный Суд» wins over «Суд», «акимат» over «аким»."""
    alternatives, found = [], {}
    spellings = [(spelling, term) for term in terms for spelling in term.spellings_in(language)]
    for number, (spelling, term) in enumerate(sorted(spellings, key=lambda item: -len(item[0]))):
        name = f"t{number}"
        alternatives.append(f"(?P<{name}>{spelling_pattern(spelling)})")
        found[name] = (
            term.slug,
            " — ".join(part for part in (term.spellings_in(language)[0], _definition(term, language)) if part),
        )
    if not alternatives:
        return None, {}
    # Not inside a word, an address (egov.kz, name@mail) or a hyphenated word's second half.
    regex = re.compile(r"(?<![\w.@/-])(?:" + "|".join(alternatives) + r")(?!\w)(?![.@/]\w)")
    return regex, found


def _definition(term, language):
    return getattr(term, f"definition_{language}") or ""


def _matchers(request, language):
    """The compiled terms of ``language`` for this page: read once per page (one query, only on a page with
    Markdown to mark), compiled once per process for each set of terms and reused while the terms stay the
    same. Rendered pages are then kept by the page cache, so the query is paid once per page and version."""
    found = request.__dict__.setdefault("glossary_matchers", {})
    if language not in found:
        fields = (f"term_{language}", f"spellings_{language}", f"definition_{language}")
        rows = tuple(Term.objects.order_by("slug").values_list("slug", *fields))
        found[language] = _compiled(rows, language)
    return found[language]


_versions = itertools.count()


@lru_cache(maxsize=8)
def _compiled(rows, language):
    terms = [
        Term(
            slug=slug,
            **{f"term_{language}": term, f"spellings_{language}": spellings, f"definition_{language}": definition},
        )
        for slug, term, spellings, definition in rows
    ]
    regex, names = compile_terms(terms, language)
    with override(language):
        base = reverse("glossary:index")
    return regex, names, base, next(_versions)  # the last: which set of terms, for the memory of marked texts


class _Marker(HTMLParser):
    """Copies HTML as it came, wrapping first occurrences of terms in the text outside skipped elements."""

    def __init__(self, regex, names, base, seen):
        super().__init__(convert_charrefs=False)
        self.regex, self.names, self.base, self.seen = regex, names, base, seen
        self.out, self.open, self.skipping = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in SKIPPED or "official" in classes
        self.open.append((tag, skip))
        self.skipping += skip

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if not any(name == tag for name, _skip in self.open):
            return
        while self.open:
            name, skip = self.open.pop()
            self.skipping -= skip
            if name == tag:
                break

    def handle_data(self, data):
        self.out.append(data if self.skipping else self.regex.sub(self._wrap, data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def _wrap(self, match):
        slug, definition = self.names[match.lastgroup]
        if slug in self.seen:
            return match.group(0)
        self.seen.add(slug)
        return (
            f'<dfn class="term"><a href="{escape(self.base)}#{escape(slug)}" title="{escape(definition)}">'
            f"{match.group(0)}</a></dfn>"
        )


def mark(html, request, language):
    """``html`` (text in ``language``) with the first occurrence on the page of each known term marked (see
    the module docstring)."""
    if not html:
        return html
    regex, names, base, terms = _matchers(request, language)
    if regex is None:
        return html
    seen = request.__dict__.setdefault("glossary_marked", set())
    # Kept in the process's memory of rendered texts (``core.text``) by the set of terms, the text and the
    # terms marked on the page before it: a page renders its fields in the same order, so a page rendered
    # again after an edit elsewhere marks nothing again.
    key = ("glossary", terms, str(html), frozenset(seen))
    if (found := text_memory.get(key)) is None:
        marker = _Marker(regex, names, base, set(seen))
        marker.feed(key[2])
        marker.close()
        found = ("".join(marker.out), frozenset(marker.seen - seen))
        text_memory.put(key, found, text_size(key[2], found[0]))
    seen.update(found[1])
    return found[0]
