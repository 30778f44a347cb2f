"""Presenting official texts: numbered paragraphs with anchors (word differences are in core.text)."""

import re
from dataclasses import dataclass

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
