"""Presenting official texts: numbered paragraphs with anchors, and word-by-word differences."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

POINT = re.compile(r"^(\d+(?:-\d+)?)\.\s+")
SUBPOINT = re.compile(r"^(\d+(?:-\d+)?)\)\s+")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article: a point (``1.``), a sub-point (``1)``) or plain text."""

    anchor: str
    label: str
    text: str
    level: int


def paragraphs(text):
    """Split an official text (points separated by newlines) into anchored paragraphs."""
    result, point, plain = [], None, 0
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if match := POINT.match(line):
            point, plain = match.group(1), 0
            result.append(Paragraph(f"p{point}", f"{point}.", line[match.end() :], 1))
        elif match := SUBPOINT.match(line):
            prefix = f"p{point}-" if point else "p"
            result.append(Paragraph(f"{prefix}{match.group(1)}", f"{match.group(1)})", line[match.end() :], 2))
        else:
            plain += 1
            anchor = f"p{point}-t{plain}" if point else f"t{plain}"
            result.append(Paragraph(anchor, "", line, 1))
    return result


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
