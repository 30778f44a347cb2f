"""An edition's official text as Akoma Ntoso 3.0 (OASIS LegalDocML): the standard XML of legislation,
for those who process law by machine (Laws.Africa, the EU's Formex converters, parliaments' tools).

Identifiers follow the AKN naming convention: the work is ``/akn/kz/act/constitution/<adopted on>``,
the expression in one language adds ``/<ISO 639-2 code>@<in force from>``. Sections are ``chapter``s,
articles ``article`` (eId ``art_17``), points ``paragraph`` (``art_17__para_1``), sub-points ``point``
inside them; the eIds follow the anchors of the article pages.
"""

from django.utils import timezone
from lxml import etree

from constitution.fulltext import whole_text

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGE_CODES = {"kk": "kaz", "ru": "rus", "en": "eng"}
AZAMAT_NS = "https://azamat.kz/ns/akn"
CONTENT_TYPE = "application/akn+xml; charset=utf-8"


def work_uri(edition):
    return f"/akn/kz/act/constitution/{edition.adopted_on.isoformat()}"


def expression_uri(edition, language):
    return f"{work_uri(edition)}/{LANGUAGE_CODES[language]}@{edition.in_force_from.isoformat()}"


def _element(parent, tag, text=None, **attributes):
    node = etree.SubElement(parent, f"{{{NS}}}{tag}", {k.rstrip("_"): str(v) for k, v in attributes.items()})
    if text is not None:
        node.text = text
    return node


def _frbr(parent, level, this, uri, on, author, **extra):
    """One FRBR level of the identification block."""
    node = _element(parent, level)
    _element(node, "FRBRthis", value=this)
    _element(node, "FRBRuri", value=uri)
    _element(node, "FRBRdate", date=on.isoformat(), name=extra.pop("date_name", "Generation"))
    _element(node, "FRBRauthor", href=author)
    for tag, attributes in extra.items():
        _element(node, tag, **attributes)
    return node


def _meta(act, whole):
    edition, language = whole.edition, whole.language
    meta = _element(act, "meta")
    identification = _element(meta, "identification", source="#azamat")
    work, expression = work_uri(edition), expression_uri(edition, language)
    _frbr(
        identification,
        "FRBRWork",
        f"{work}/!main",
        work,
        edition.adopted_on,
        "#people",
        date_name="adoption",
        FRBRcountry={"value": "kz"},
        FRBRname={"value": whole.title},
    )
    _frbr(
        identification,
        "FRBRExpression",
        f"{expression}/!main",
        expression,
        edition.in_force_from,
        "#azamat",
        FRBRlanguage={"language": LANGUAGE_CODES[language]},
    )
    _frbr(
        identification,
        "FRBRManifestation",
        f"{expression}/!main.xml",
        f"{expression}.akn",
        timezone.localdate(),
        "#azamat",
    )
    references = _element(meta, "references", source="#azamat")
    _element(references, "TLCOrganization", eId="azamat", href="/ontology/organization/kz/azamat", showAs="Azamat")
    _element(references, "TLCPerson", eId="people", href="/ontology/person/kz/people", showAs="People of Kazakhstan")
    if edition.source_url or whole.source:
        # Where the official text comes from: AKN has no element for it, so in our own namespace.
        proprietary = _element(meta, "proprietary", source="#azamat")
        source = etree.SubElement(proprietary, f"{{{AZAMAT_NS}}}source", nsmap={"azamat": AZAMAT_NS})
        source.text = whole.source
        if edition.source_url:
            source.set("href", edition.source_url)


def _content(parent, text):
    _element(_element(parent, "content"), "p", text)


def _article(body, item):
    number = item.article.number
    article = _element(body, "article", eId=f"art_{number}")
    _element(article, "num", str(number))
    if not item.paragraphs:
        _content(article, "")
        return
    prefix = f"art_{number}__"
    seen = set()

    def unique(eid):
        """An official text may number two points alike (a typo in the source): eIds must still differ."""
        candidate, copy = eid, 1
        while candidate in seen:
            copy += 1
            candidate = f"{eid}_{copy}"
        seen.add(candidate)
        return candidate

    heads = []  # (paragraph, [children])
    for paragraph in item.paragraphs:
        if heads and paragraph.anchor.startswith(heads[-1][0].anchor + "-"):
            heads[-1][1].append(paragraph)
        else:
            heads.append((paragraph, []))
    for head, children in heads:
        tag = "point" if head.level == 2 else "paragraph"
        node = _element(article, tag, eId=unique(prefix + _eid(head.anchor, tag)))
        if head.label:
            _element(node, "num", head.label)
        if not children:
            _content(node, head.text)
            continue
        _element(_element(node, "intro"), "p", head.text)
        for child in children:
            tag = "point" if child.level == 2 else "alinea"
            sub = _element(node, tag, eId=unique(prefix + _eid(child.anchor, tag)))
            if child.label:
                _element(sub, "num", child.label)
            _content(sub, child.text)


def _eid(anchor, tag):
    """``p1`` → ``para_1``, ``p1-3`` → ``para_1__point_3``, ``p1-t2`` → ``para_1__alinea_2``, ``t1`` → ``para_t1``."""
    if anchor.startswith("t"):
        return f"para_{anchor}"
    parts = anchor[1:].split("-")
    if len(parts) == 1:
        return f"{'point' if tag == 'point' else 'para'}_{parts[0]}"
    head, child = parts[0], "-".join(parts[1:])
    if child.startswith("t"):
        return f"para_{head}__alinea_{child[1:]}"
    return f"para_{head}__point_{child}"


def document(edition, language):
    """The edition in ``language`` as Akoma Ntoso bytes, or None when it has no official text in it."""
    whole = whole_text(edition, language)
    if not whole.available:
        return None
    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})
    act = _element(root, "act", name="constitution")
    _meta(act, whole)
    if whole.preamble:
        preamble = _element(act, "preamble")
        for line in whole.preamble.splitlines():
            if line.strip():
                _element(preamble, "p", line.strip())
    body = _element(act, "body")
    for part in whole.sections:
        chapter = _element(body, "chapter", eId=f"chp_{part.section.number}")
        _element(chapter, "num", part.section.number)
        _element(chapter, "heading", part.title)
        for item in part.articles:
            _article(chapter, item)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
