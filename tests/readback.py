"""Read downloaded files back as text, to check what they say."""

import io

import docx
import pypdf


def docx_text(content):
    """The paragraphs and table cells of a .docx file."""
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(content):
    """The text of every page of a PDF."""
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
