"""``/{lang}/feedback/``: a report posted from the foot of a page, then back to that page with a
thank-you (post/redirect/get), or the form again with what is wrong (nothing typed is lost).

No CSRF token: the pages carrying the form are cached for everyone, so no per-visitor token can be in
them. Nothing is done in a visitor's name (no account, no session): the risk is forged reports, which
the same-origin check below (the browser's Origin, else its Referer, must be this site), the honeypot and
the rate limit stop."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from feedback import services
from feedback.forms import ReportForm


def _same_origin(request):
    sent = request.headers.get("Origin") or request.headers.get("Referer")
    if not sent:
        return False
    parts = urlsplit(sent)
    return f"{parts.scheme}://{parts.netloc}" in {settings.SITE_URL, f"{request.scheme}://{request.get_host()}"}


@csrf_exempt
@never_cache
@require_POST
def submit(request):
    if not _same_origin(request):
        return render(request, "feedback/refused.html", status=403)
    form = ReportForm(request.POST)
    page = services.page_of(request.POST.get("page", ""))
    if page is None:
        return render(request, "feedback/form.html", {"form": form, "not_a_page": True}, status=400)
    if not form.is_valid():
        return render(request, "feedback/form.html", {"form": form, "page": request.POST["page"]}, status=400)
    if services.over_limit(request):
        return render(request, "feedback/limited.html", status=429)
    language, path = page
    if not form.cleaned_data["website"]:  # a bot filled the hidden field: thanked, not stored
        services.store(language, path, form.cleaned_data)
    return HttpResponseRedirect(f"/{language}{path}?feedback=sent#feedback")
