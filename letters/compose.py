"""A filled-in letter as a document: the template's text with the visitor's values put in."""

from core.documents import Doc
from core.i18n import translated
from letters import templating


def compose(letter, values, language, gender=None):
    """The letter in ``language``: addressee block on the right, centred title, paragraphs.

    A placeholder alone on a line whose value is a list (a checklist) becomes a bulleted list. An
    addressee line or a paragraph that uses an optional field left empty is left out, so a letter
    without attachments has no empty «Приложения:».
    """
    body = translated(letter, "body", language).value
    filename = translated(letter, "filename", language).value or letter.slug
    doc = Doc(title=translated(letter, "title", language).value, language=language, filename=filename)

    def fill(text):
        return templating.fill(text, values, language, gender)

    lines = body.replace("\r\n", "\n").split("\n")
    heading_at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if heading_at is not None:
        header = [line for line in lines[:heading_at] if line.strip() and not templating.empty_names(line, values)]
        doc.add("right", "\n".join(fill(line) for line in header))
        doc.add("title", fill(lines[heading_at][2:].strip()))
        lines = lines[heading_at + 1 :]
    for block in _paragraphs(lines):
        if any(templating.empty_names(line, values) for line in block):
            continue
        paragraph = []

        def flush(paragraph=paragraph):
            if paragraph:
                doc.add("paragraph", " ".join(paragraph))
                paragraph.clear()

        for line in block:
            stripped = line.strip()
            alone = templating.PLACEHOLDER.fullmatch(stripped)
            if alone and isinstance(values.get(alone.group("name")), list):
                flush()
                doc.add("bullets", items=values[alone.group("name")])
            elif stripped.startswith("- "):
                flush()
                doc.add("bullets", items=[fill(stripped[2:])])
            else:
                paragraph.append(fill(stripped))
        flush()
    return doc


def _paragraphs(lines):
    """Lines grouped into paragraphs (blocks between empty lines)."""
    block = []
    for line in lines:
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block
