from django import forms
from django.utils.translation import gettext_lazy as _

LIMIT = 1200


class ReportForm(forms.Form):
    """What a reader sends: the page, yes/no, and for a problem two short texts. ``website`` is a
    honeypot: hidden from people, filled in by bots."""

    page = forms.CharField(max_length=300)
    useful = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))], required=False)
    doing = forms.CharField(
        label=_("What were you trying to do?"), max_length=LIMIT, required=False, widget=forms.Textarea
    )
    wrong = forms.CharField(label=_("What went wrong?"), max_length=LIMIT, required=False, widget=forms.Textarea)
    website = forms.CharField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("useful") and not (data.get("doing") or data.get("wrong")):
            raise forms.ValidationError(_("Answer yes or no, or tell us what went wrong."), code="empty")
        return data
