"""A filled-in letter as a document: the template's text with the visitor's values put in."""

from letters.models import PLACEHOLDER
from portal.documents import Doc
from portal.i18n import translated


def _fill(line, values):
    def value(match):
        found = values.get(match.group(1), "")
        return "; ".join(found) if isinstance(found, list) else str(found)

    return PLACEHOLDER.sub(value, line)


def compose(letter, values, language):
    """The letter in ``language``: addressee block on the right, centred title, paragraphs; a
    placeholder alone on a line whose value is a list (a checklist) becomes a bulleted list."""
    body = translated(letter, "body", language).value
    filename = translated(letter, "filename", language).value or letter.slug
    doc = Doc(title=translated(letter, "title", language).value, language=language, filename=filename)
    lines = body.replace("\r\n", "\n").split("\n")
    heading_at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if heading_at is not None:
        doc.add("right", "\n".join(_fill(line, values) for line in lines[:heading_at] if line.strip()))
        doc.add("title", _fill(lines[heading_at][2:].strip(), values))
        lines = lines[heading_at + 1 :]
    paragraph = []

    def flush():
        if paragraph:
            doc.add("paragraph", " ".join(paragraph))
            paragraph.clear()

    for line in lines:
        stripped = line.strip()
        alone = PLACEHOLDER.fullmatch(stripped)
        if alone and isinstance(values.get(alone.group(1)), list):
            flush()
            doc.add("bullets", items=values[alone.group(1)])
        elif not stripped:
            flush()
        elif stripped.startswith("- "):
            flush()
            doc.add("bullets", items=[_fill(stripped[2:], values)])
        else:
            paragraph.append(_fill(stripped, values))
    flush()
    return doc
