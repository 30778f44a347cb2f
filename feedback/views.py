"""``/{lang}/feedback/``: a report posted from the foot of a page, then back to that page with a
thank-you (post/redirect/get), or the form again with what is wrong (nothing typed is lost).

No CSRF token: the pages carrying the form are cached for everyone, so no per-visitor token can be in
them. Nothing is done in a visitor's name (no account, no session): the risk is forged reports, which
the same-origin check below (the browser's Origin, else its Referer, must be this site), the honeypot and
the rate limit stop.

With JavaScript (``static/js/feedback.js``) the form is sent in place and asks for JSON (``Accept:
application/json``): the same checks, answered with ``{"message": …}`` (what the page says after the
redirect) or ``{"errors": […]}`` and the same status codes."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from feedback import selectors, services
from feedback.forms import ReportForm


def _same_origin(request):
    sent = request.headers.get("Origin") or request.headers.get("Referer")
    if not sent:
        return False
    parts = urlsplit(sent)
    return f"{parts.scheme}://{parts.netloc}" in {settings.SITE_URL, f"{request.scheme}://{request.get_host()}"}


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _refused(request, status, errors, template, context=None):
    if _wants_json(request):
        return JsonResponse({"errors": errors}, status=status)
    return render(request, template, context or {}, status=status)


def figures(request):
    """``/{lang}/feedback/figures/``: how useful readers found each part of the site, over 30 and 365 days.
    A public page like the others (cached until the content changes, at most a day: the figures are by day)."""
    context = {
        "windows": [(30, selectors.useful_by_section(30)), (365, selectors.useful_by_section(365))],
        "few": selectors.FEW_ANSWERS,
        "breadcrumbs": [{"title": _("What readers tell us"), "url": ""}],
    }
    return render(request, "feedback/figures.html", context)


@csrf_exempt
@never_cache
@require_POST
def submit(request):
    if not _same_origin(request):
        return _refused(request, 403, [_("The report was not accepted")], "feedback/refused.html")
    form = ReportForm(request.POST)
    page = services.page_of(request.POST.get("page", ""))
    if page is None:
        message = _("The report does not name a page of this site, so it was not kept.")
        return _refused(request, 400, [message], "feedback/form.html", {"form": form, "not_a_page": True})
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return _refused(request, 400, errors, "feedback/form.html", {"form": form, "page": request.POST["page"]})
    if services.over_limit(request):
        message = _("We received many reports from you in a short time. Please try again in an hour.")
        return _refused(request, 429, [message], "feedback/limited.html")
    language, path = page
    if not form.cleaned_data["website"]:  # a bot filled the hidden field: thanked, not stored
        services.store(language, path, form.cleaned_data)
    if _wants_json(request):
        answer = {"message": _("Thank you for your feedback. Editors read every report.")}
        if form.cleaned_data["useful"] == "no" and not (form.cleaned_data["doing"] or form.cleaned_data["wrong"]):
            answer = {"message": _("Thank you. What went wrong? Tell us below."), "ask": True}
        return JsonResponse(answer)
    return HttpResponseRedirect(f"/{language}{path}?feedback=sent#feedback")
