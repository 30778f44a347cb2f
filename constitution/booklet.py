"""The whole text of an edition as a booklet to download: PDF (WeasyPrint), Word (python-docx), EPUB (ebooklib).

All three are built from ``fulltext.whole_text``, the same data as the full-text page. Building a PDF
of the whole Constitution takes seconds, so each booklet is kept in the cache under the content
version (``core.content``): any change to the text moves the version, and the next download builds
the booklet afresh; older versions simply expire.
"""

import io

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from constitution.fulltext import whole_text
from core.content import last_updated, version_label
from core.documents import DOCX, FONTS, PDF

EPUB = "application/epub+zip"
CONTENT_TYPES = {"pdf": PDF, "docx": DOCX, "epub": EPUB}
CACHE_SECONDS = 7 * 24 * 3600


def cache_key(edition, language, fmt):
    return f"booklet:{version_label(last_updated())}:{edition.year}:{language}:{fmt}"


def booklet(edition, language, fmt):
    """``(bytes, filename)`` of the edition's booklet in ``language`` and ``fmt``, or None when the
    edition has no official text in that language. Cached per content version."""
    key = cache_key(edition, language, fmt)
    if (stored := cache.get(key)) is not None:
        return stored
    whole = whole_text(edition, language)
    if not whole.available:
        return None
    with translation.override(language):
        content = BUILDERS[fmt](whole)
    built = (content, f"constitution-{edition.year}-{language}.{fmt}")
    cache.set(key, built, CACHE_SECONDS)
    return built


def _article_title(item):
    return _("Article %(number)s") % {"number": item.article.number}


def _section_title(part):
    return f"{_('Section %(number)s') % {'number': part.section.number}}. {part.title}"


def _facts(whole):
    """The title page's lines: how the edition was adopted, whether it is in force, where the text is from."""
    edition = whole.edition
    lines = [getattr(edition, f"adoption_{whole.language}", "") or ""]
    if edition.in_force_until:
        lines.append(_("No longer in force since %(date)s.") % {"date": edition.in_force_until.isoformat()})
    else:
        lines.append(_("In force since %(date)s.") % {"date": edition.in_force_from.isoformat()})
    lines.append(_("Source of the official text:") + f" {whole.source} {edition.source_url}".rstrip())
    lines.append(_("Published by Azamat; the official text only, without our explanations."))
    return [line for line in lines if line]


def pdf(whole):
    """A4 booklet: title page, contents with page numbers (``target-counter``), the section in the header."""
    from weasyprint import CSS, HTML

    context = {"whole": whole, "facts": _facts(whole)}
    html = render_to_string("constitution/booklet/booklet.html", context)
    css = CSS(string=render_to_string("constitution/booklet/booklet.css", {"fonts": FONTS.as_uri()}))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=[css])


def docx(whole):
    """Word booklet: title page, a contents field Word fills in on opening, each section on its own
    pages with its title in the header."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word = Document()
    word.styles["Normal"].font.name = "Arial"
    word.styles["Normal"].font.size = Pt(11)
    word.core_properties.title = whole.title
    word.core_properties.language = whole.language
    title = word.add_heading(whole.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in _facts(whole):
        word.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    word.add_heading(_("Contents"), level=1)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), 'TOC \\o "1-2" \\h \\z \\u')
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = _("Contents: open in Word and update the field (F9) to see page numbers.")
    run.append(text)
    field.append(run)
    word.add_paragraph()._p.append(field)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    word.settings.element.append(update)  # Word offers to fill in the contents when the file opens

    if whole.preamble:
        word.add_heading(_("Preamble"), level=1)
        for line in whole.preamble.splitlines():
            if line.strip():
                word.add_paragraph(line.strip())
    for part in whole.sections:
        section = word.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = f"{whole.title} — {_section_title(part)}"
        word.add_heading(_section_title(part), level=1)
        for item in part.articles:
            word.add_heading(_article_title(item), level=2)
            if not item.paragraphs and item.article.is_excluded:
                word.add_paragraph(_("Excluded by an amendment."))
            for paragraph in item.paragraphs:
                text = f"{paragraph.label} {paragraph.text}" if paragraph.label else paragraph.text
                added = word.add_paragraph(text)
                if paragraph.level == 2:
                    added.paragraph_format.left_indent = Pt(18)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def epub(whole):
    """EPUB 3: a title page, one chapter per section, the navigation listing sections and articles."""
    from ebooklib import epub as book

    edition = whole.edition
    publication = book.EpubBook()
    publication.set_identifier(f"azamat-constitution-{edition.year}-{whole.language}")
    publication.set_title(whole.title)
    publication.set_language(whole.language)
    publication.add_author(_("Republic of Kazakhstan"))
    publication.add_metadata("DC", "publisher", _("Azamat"))
    publication.add_metadata("DC", "source", edition.source_url or whole.source)
    style = book.EpubItem(
        uid="style", file_name="style.css", media_type="text/css", content=b"li.subpoint{margin-left:1.5em}"
    )
    publication.add_item(style)

    def chapter(name, heading, body):
        page = book.EpubHtml(title=heading, file_name=name, lang=whole.language)
        page.content = render_to_string("constitution/booklet/epub_chapter.html", {"heading": heading, "body": body})
        page.add_item(style)
        publication.add_item(page)
        return page

    cover = chapter("title.xhtml", whole.title, {"facts": _facts(whole), "preamble": whole.preamble})
    spine, toc = [cover], [cover]
    for part in whole.sections:
        heading = _section_title(part)
        page = chapter(f"section-{part.section.number}.xhtml", heading, {"part": part})
        links = [
            book.Link(f"{page.file_name}#{item.anchor}", _article_title(item), item.anchor) for item in part.articles
        ]
        toc.append((book.Section(heading, href=page.file_name), links))
        spine.append(page)
    publication.toc = toc
    publication.add_item(book.EpubNcx())
    publication.add_item(book.EpubNav())
    publication.spine = ["nav", *spine]
    buffer = io.BytesIO()
    book.write_epub(buffer, publication)
    return buffer.getvalue()


BUILDERS = {"pdf": pdf, "docx": docx, "epub": epub}
