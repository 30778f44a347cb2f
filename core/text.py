"""Text helpers shared by the content apps: script normalisation, Markdown, word differences."""

import difflib
import re
from html import unescape

import nh3
from django.conf import settings
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from core.memory import BoundedMemory

# Latin (and one IPA) letters that official Kazakh texts type in place of the
# Cyrillic letters they look like. Only words that also contain Cyrillic
# letters are touched, so Latin words and abbreviations stay as they are.
LOOKALIKES = str.maketrans(
    {
        "i": "і",
        "I": "І",
        "ə": "ә",
        "Ə": "Ә",
        "a": "а",
        "c": "с",
        "e": "е",
        "o": "о",
        "p": "р",
        "x": "х",
        "y": "у",
        "h": "һ",
        "A": "А",
        "B": "В",
        "C": "С",
        "E": "Е",
        "H": "Н",
        "K": "К",
        "M": "М",
        "O": "О",
        "P": "Р",
        "T": "Т",
        "X": "Х",
    }
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_FOREIGN = re.compile(r"[A-Za-z\u0259\u018F\u0600-\u06FF]")


def normalise_cyrillic(text):
    """Replace Latin look-alike letters inside Cyrillic words; the wording is unchanged."""

    def fix(match):
        word = match.group(0)
        if _CYRILLIC.search(word) and _FOREIGN.search(word):
            return word.translate(LOOKALIKES)
        return word

    return _WORD.sub(fix, text)


def text_lines(text):
    """The non-empty lines of a text, stripped (table cells, options: one per line)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def mixed_script_words(text):
    """Words that mix Cyrillic with Latin or Arabic letters (typos that break search)."""
    return [w for w in _WORD.findall(text) if _CYRILLIC.search(w) and _FOREIGN.search(w)]


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip


# Rendered Markdown by its source, kept by each process (the HTML is a pure function of the source, so it
# never goes stale). A page re-rendered after an edit elsewhere (every save moves the content version, and
# the page cache starts again) then pays the Markdown of its own texts only once per process: a long essay's
# is some 35 ms.
text_memory = BoundedMemory(lambda: settings.AZAMAT_TEXT_MEMORY_BYTES)


def render_markdown(source):
    """Render editor-written Markdown to sanitised HTML (no scripts, no event attributes)."""
    if not source:
        return ""
    if (html := text_memory.get(source)) is not None:
        return html
    html = nh3.clean(
        _markdown.render(source),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"scope"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    text_memory.put(source, html, text_size(source, html))
    return html


def text_size(*texts):
    """About how many bytes of memory these strings take (two a letter: Cyrillic text is stored so)."""
    return sum(2 * len(text) + 64 for text in texts)


def plain_text(markdown):
    """The words of a Markdown text, without markup."""
    return " ".join(unescape(strip_tags(render_markdown(markdown))).split())


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old, new):
    """Two HTML strings: ``old`` with removed words in <del>, ``new`` with added words in <ins>."""
    old_tokens, new_tokens = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    old_html, new_html = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        old_part, new_part = escape("".join(old_tokens[a1:a2])), escape("".join(new_tokens[b1:b2]))
        if op == "equal":
            old_html.append(old_part)
            new_html.append(new_part)
            continue
        if a2 > a1:
            old_html.append(f"<del>{old_part}</del>")
        if b2 > b1:
            new_html.append(f"<ins>{new_part}</ins>")
    return _lines(old_html), _lines(new_html)


def similarity(old, new):
    """How much of the wording two texts share, 0..1 (by words)."""
    return difflib.SequenceMatcher(a=(old or "").split(), b=(new or "").split(), autojunk=False).ratio()


def _lines(parts):
    return mark_safe("".join(parts).replace("\n", "<br>\n"))


# Characters that Word files (XML 1.0) cannot hold and that no one types on purpose: C0 and C1
# controls other than tab and line breaks, lone surrogates, and the Unicode non-characters.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0010fffe\U0010ffff]"
)


def control_characters(text):
    """The forbidden control characters in ``text``, as ``U+000B`` codes (first ten, no repeats)."""
    found = []
    for char in _CONTROL.findall(text or ""):
        code = f"U+{ord(char):04X}"
        if code not in found:
            found.append(code)
    return found[:10]


def without_control_characters(text):
    """``text`` with the characters of ``control_characters`` removed."""
    return _CONTROL.sub("", text) if text else text


def control_characters_message(codes):
    """The error for text holding control characters (Word and PDF files cannot carry them)."""
    return _(
        "This text contains invisible control characters (%(codes)s) that cannot go into Word or PDF files; "
        "delete them (they often come with text copied from other programs)."
    ) % {"codes": ", ".join(codes)}
