"""The admin's language switcher and the editor's guide."""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from editors.models import EditorPreference


@require_POST
@staff_member_required
def set_language(request):
    """Save the editor's choice of admin language and return to the page they were on."""
    language = request.POST.get("language")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest("unknown language")
    EditorPreference.objects.update_or_create(user=request.user, defaults={"language": language})
    translation.activate(language)
    target = request.POST.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/admin/"
    return HttpResponseRedirect(target)


@staff_member_required
def guide(request):
    """How drafts, preview, history, translations and the checks on save work, in the admin's language."""
    from django.contrib import admin

    context = {**admin.site.each_context(request), "title": translation.gettext("Editor's guide")}
    return render(request, f"editors/guide_{translation.get_language()}.html", context)
