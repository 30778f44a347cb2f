"""Letter pages: fill in the form, download the letter. Nothing typed is stored, cached or logged."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core import documents
from core.content import can_preview
from core.i18n import translated
from letters.compose import compose
from letters.forms import LetterForm
from letters.models import LetterTemplate


def index(request):
    letters = LetterTemplate.objects.published()
    context = {"letters": letters, "breadcrumbs": [{"title": _("Application letters"), "url": ""}]}
    return render(request, "letters/index.html", context)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def detail(request, slug):
    """GET: the empty form. POST (CSRF-protected): the letter as .docx or .pdf, or the form again
    with its errors. The values live only in this request."""
    letters = LetterTemplate.objects.all() if can_preview(request) else LetterTemplate.objects.published()
    letter = get_object_or_404(letters.select_related("guide"), slug=slug)
    fields = list(letter.fields.all())
    initial = LetterForm.choices_from(request.GET, fields) if request.method == "GET" else {}
    form = LetterForm(fields, request.POST or None, initial=initial)
    fmt = request.POST.get("format") if request.method == "POST" else None
    if request.method == "POST" and fmt in ("docx", "pdf") and form.is_valid():
        doc = compose(letter, form.letter_values(), get_language(), gender=form.applicant_gender())
        return documents.respond(doc, fmt)
    status = 400 if request.method == "POST" else 200
    context = {
        "letter": letter,
        "form": form,
        "format_missing": request.method == "POST" and fmt not in ("docx", "pdf"),
        "breadcrumbs": [
            {"title": _("Application letters"), "url": reverse("letters:index")},
            {"title": translated(letter, "title").value, "url": ""},
        ],
    }
    return render(request, "letters/detail.html", context, status=status)
