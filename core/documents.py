"""Documents to download: one simple structure, written out as Word (.docx) or PDF.

Guides, essays and letters describe what they contain as a ``Doc`` (a title and a list of
blocks); ``docx_bytes`` writes it with python-docx and ``pdf_bytes`` renders it to HTML and
prints that with WeasyPrint and the print stylesheet. The PDF embeds DejaVu Sans (bundled in
``core/fonts`` with its licence), which has every Kazakh letter. The fonts are read from disk, never
served: pages use no web fonts, so they are kept out of the static files.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from markdown_it import MarkdownIt

from core.text import without_control_characters

FONTS = Path(__file__).resolve().parent / "fonts"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


@dataclass
class Block:
    """One piece of a document.

    kind: ``title``, ``heading``, ``subheading``, ``paragraph``, ``meta`` (small print),
    ``right`` (lines set on the right, as an addressee block), ``bullets``, ``numbers``,
    ``checklist`` (items with a box to tick), ``table`` (``rows``, the first is the header) or
    ``figure`` (an SVG chart our own templates made; PDFs show it, Word files have its table instead).
    """

    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    rows: list = field(default_factory=list)


@dataclass
class Doc:
    title: str
    language: str
    filename: str
    blocks: list = field(default_factory=list)

    def add(self, kind, text="", **kwargs):
        if text or kwargs.get("items") or kwargs.get("rows"):
            self.blocks.append(Block(kind, text, **kwargs))
        return self

    def add_markdown(self, source):
        self.blocks.extend(markdown_blocks(source))
        return self

    def printable(self):
        """A copy without the control characters Word files cannot hold (and PDFs should not show):
        editors' and visitors' text is checked for them, this is the last line of defence."""
        clean = without_control_characters
        return Doc(
            title=clean(self.title),
            language=self.language,
            filename=clean(self.filename),
            blocks=[
                Block(
                    block.kind,
                    clean(block.text),
                    items=[clean(item) for item in block.items],
                    rows=[[clean(cell) for cell in row] for row in block.rows],
                )
                for block in self.blocks
            ],
        )


_parser = MarkdownIt("commonmark").enable("table")


def markdown_blocks(source):
    """Markdown as document blocks: paragraphs, lists and tables, inline markup dropped."""
    blocks, tokens = [], _parser.parse(source or "")
    list_stack, row, rows, in_table = [], None, None, False
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(Block("bullets" if token.type == "bullet_list_open" else "numbers"))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            finished = list_stack.pop()
            if list_stack:
                list_stack[-1].items.extend(finished.items)
            else:
                blocks.append(finished)
        elif token.type == "table_open":
            in_table, rows = True, []
        elif token.type == "table_close":
            in_table = False
            blocks.append(Block("table", rows=rows))
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "inline":
            text = _plain(token)
            previous = tokens[index - 1].type if index else ""
            if in_table:
                row.append(text)
            elif list_stack:
                list_stack[-1].items.append(text)
            elif previous == "heading_open":
                blocks.append(Block("subheading", text))
            else:
                blocks.append(Block("paragraph", text))
    return blocks


def _plain(inline):
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


# --- Word ----------------------------------------------------------------------------------------


def docx_bytes(doc):
    """The document as a Word file."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    word = Document()
    style = word.styles["Normal"]
    style.font.name = "Arial"  # has every Kazakh letter on Windows, macOS and LibreOffice
    style.font.size = Pt(11)
    word.core_properties.title = doc.title
    word.core_properties.language = doc.language
    for block in doc.blocks:
        if block.kind == "title":
            heading = word.add_heading(block.text, level=1)
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "heading":
            word.add_heading(block.text, level=2)
        elif block.kind == "subheading":
            word.add_heading(block.text, level=3)
        elif block.kind == "right":
            for line in block.text.splitlines():
                paragraph = word.add_paragraph(line)
                paragraph.paragraph_format.left_indent = Cm(8)  # the addressee block, in the right half
                paragraph.paragraph_format.space_after = Pt(0)
        elif block.kind == "meta":
            run = word.add_paragraph().add_run(block.text)
            run.font.size = Pt(9)
        elif block.kind in ("bullets", "numbers", "checklist"):
            style_name = "List Number" if block.kind == "numbers" else "List Bullet"
            for item in block.items:
                text = f"☐ {item}" if block.kind == "checklist" else item
                word.add_paragraph(text, style=None if block.kind == "checklist" else style_name)
        elif block.kind == "figure":
            continue  # Word has no SVG; the chart's numbers follow as a table
        elif block.kind == "table" and block.rows:
            columns = max(len(row) for row in block.rows)
            table = word.add_table(rows=0, cols=columns)
            table.style = "Table Grid"
            for number, row in enumerate(block.rows):
                cells = table.add_row().cells
                for column, text in enumerate(row):
                    cells[column].text = text
                    if number == 0:
                        for run in cells[column].paragraphs[0].runs:
                            run.bold = True
        else:
            for line in block.text.split("\n\n"):
                word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- PDF -----------------------------------------------------------------------------------------


def pdf_bytes(doc):
    """The document as a PDF: HTML from a template, printed by WeasyPrint with the bundled font."""
    from weasyprint import CSS, HTML

    html = render_to_string("documents/document.html", {"doc": doc})
    stylesheet = CSS(string=render_to_string("documents/print.css", {"fonts": FONTS.as_uri()}))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=[stylesheet])


def download(content, filename, content_type):
    """A file download with a name readable in every language (RFC 6266 ``filename*``)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Content-Length"] = str(len(content))
    return response


def respond(doc, fmt):
    """The download of ``doc`` as ``fmt`` ("pdf" or "docx")."""
    doc = doc.printable()
    if fmt == "pdf":
        return download(pdf_bytes(doc), f"{doc.filename}.pdf", PDF)
    return download(docx_bytes(doc), f"{doc.filename}.docx", DOCX)
