"""Template tags for translated content and Markdown."""

import dataclasses
from datetime import datetime

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext

from core.i18n import translated
from core.registry import markups
from core.text import render_markdown

register = template.Library()


@register.simple_tag(takes_context=True)
def tr(context, obj, field, markdown=False, inline=False, official=False, lines=False, marked=False, words=0):
    """Render a translated field; text shown in another language carries a notice and its ``lang``.

    ``official=True`` prefers Russian, then Kazakh, for official legal texts that
    have no translation in the page's language (the issue on the Constitution).
    Markdown on a page (a request is there) in the page's language passes through the apps' ``markup``
    (``core.registry``) unless it is official: the glossary marks known terms there, at render time, leaving
    the stored text alone. ``marked=True`` does the same for a plain-text field (an article's summary, a
    guide's lead). ``words=N`` shortens plain text to its first N words (a list of related articles shows
    the start of each summary; the article's page has it whole).
    """
    order = ("ru", "kk") if official else None
    text = translated(obj, field, order=order)
    if words and not markdown:
        text = dataclasses.replace(text, value=Truncator(text.value).words(words, truncate="…"))
    if markdown:
        html = render_markdown(text.value)
        request = context.get("request")
        if request is not None and not official and not text.is_fallback:
            for mark in markups():
                html = mark(html, request, text.language)
        body = mark_safe(html)  # noqa: S308 - sanitised Markdown, marked by the apps' markup
    elif marked and context.get("request") is not None and not official and not text.is_fallback:
        html = conditional_escape(text.value)
        for mark in markups():
            html = mark(html, context["request"], text.language)
        body = mark_safe(html)  # noqa: S308 - escaped text, marked by the apps' markup
    elif lines:
        body = linebreaksbr(text.value, autoescape=True)
    else:
        body = text.value
    if not text.is_fallback:
        return format_html("{}", body)
    if inline:
        return format_html(
            '<span lang="{}">{}</span> <small class="badge">{}</small>', text.language, body, gettext("not translated")
        )
    notice = gettext("Not yet translated: shown in the original language.")
    return format_html(
        '<div class="fallback" lang="{}"><p class="notice" lang="{}">{}</p>{}</div>',
        text.language,
        text.requested,
        notice,
        body if markdown else format_html("<p>{}</p>", body),
    )


@register.filter
def markdown(source):
    """Render Markdown to sanitised HTML."""
    return mark_safe(render_markdown(source))


@register.filter
def last_number(items):
    """The ``number`` of the last item of a list."""
    return items[-1].number if items else ""


@register.simple_tag
def text(obj, field):
    """The translated value of ``field`` as a ``Text`` (value, language, is_fallback), for templates
    that lay the value out themselves: ``{% text table "columns" as columns %}``."""
    return translated(obj, field)


@register.filter
def long_date(value):
    """A date written out in the page's language: ``25 қараша 2026``, ``25 ноября 2026``, ``25 November 2026``.

    Django's Kazakh month names are capitalised; in a Kazakh date the month is written in lower case.
    """
    if not value:
        return ""
    if isinstance(value, datetime):  # also unwraps a lazy value
        value = localtime(value).date()
    text = date_format(value, "j E Y")
    return text.lower() if get_language() == "kk" else text


@register.simple_tag(takes_context=True)
def json_ld(context, data=None):
    """``<script type="application/ld+json">`` blocks: ``data``, or the page's ``structured_data`` and
    its breadcrumbs."""
    from core.structured import breadcrumb_list, dumps

    request = context["request"]
    blocks = (
        [data]
        if data is not None
        else [*context.get("structured_data", []), breadcrumb_list(request, context.get("breadcrumbs"))]
    )
    return mark_safe(
        "".join(f'<script type="application/ld+json">{dumps(block)}</script>\n' for block in blocks if block)
    )


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # blocks inside it can still be overridden by child templates

    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render once, use twice (the page title in <title> and
    in its link-preview tags)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
