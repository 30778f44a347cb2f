"""The web form of a letter, built from its fields, with translated validation messages."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from letters import iin as iin_rules
from letters.models import LetterField
from portal.i18n import translated
from portal.templatetags.azamat import long_date

PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()\-]+$")
EARLIEST = 1900

IIN_MESSAGES = {
    "length": gettext_lazy("An IIN has exactly 12 digits."),
    "digits": gettext_lazy("An IIN has digits only."),
    "century": gettext_lazy("This is not a valid IIN: its 7th digit must be from 1 to 6."),
    "date": gettext_lazy("This is not a valid IIN: its first six digits must be a date of birth (YYMMDD)."),
    "checksum": gettext_lazy("This is not a valid IIN: its last (control) digit does not match. Check for a typo."),
}


def normalise_phone(value):
    """A Kazakhstan number (+7 7XX …) written as ``+7 701 234 56 78``, from ``+7…``, ``8…`` or ten
    digits with any spaces, dashes or brackets; raises ValidationError otherwise."""
    text = (value or "").strip()
    digits = re.sub(r"\D", "", text) if PHONE_CHARACTERS.match(text) else ""
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) != 10 or digits[0] != "7":
        raise forms.ValidationError(_("Enter a Kazakhstan phone number like +7 701 234 56 78."), code="phone")
    return f"+7 {digits[0:3]} {digits[3:6]} {digits[6:8]} {digits[8:10]}"


def not_in_the_future(value):
    if value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."), code="future")
    if value.year < EARLIEST:
        raise forms.ValidationError(_("Enter a date after %(year)s.") % {"year": EARLIEST}, code="past")


class IINField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "pattern": r"[0-9 ]{12,14}"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return iin_rules.validate(value)
        except iin_rules.InvalidIIN as exc:
            raise forms.ValidationError(str(IIN_MESSAGES[exc.code]), code=f"iin_{exc.code}") from exc


class PhoneField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=30, **kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"autocomplete": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return normalise_phone(value) if value else value


class LetterForm(forms.Form):
    """Inputs for the fields of one letter, labelled in the page's language."""

    def __init__(self, letter_fields, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter_fields = list(letter_fields)
        for item in self.letter_fields:
            self.fields[item.name] = self._field(item)

    def _field(self, item):
        common = {
            "label": translated(item, "label").value,
            "help_text": translated(item, "help_text").value,
            "required": item.required,
        }
        kind = item.kind
        if kind == LetterField.Kind.TEXTAREA:
            return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), **common)
        if kind == LetterField.Kind.DATE:
            return forms.DateField(
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                input_formats=["%Y-%m-%d", "%d.%m.%Y"],
                validators=[not_in_the_future],
                **common,
            )
        if kind == LetterField.Kind.IIN:
            return IINField(**common)
        if kind == LetterField.Kind.PHONE:
            return PhoneField(**common)
        options = item.option_list(translated(item, "options").value)
        choices = [(str(number), option) for number, option in enumerate(options, start=1)]
        if kind == LetterField.Kind.CHOICE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if kind == LetterField.Kind.CHECKLIST:
            return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
        return forms.CharField(max_length=200, **common)

    def clean(self):
        data = super().clean()
        kinds = {item.name: item.kind for item in self.letter_fields}
        iin_name = next((name for name, kind in kinds.items() if kind == LetterField.Kind.IIN), None)
        born = data.get("birth_date")
        if iin_name and data.get(iin_name) and born:
            if iin_rules.birth_date(data[iin_name]) != born:
                self.add_error(iin_name, _("The IIN does not match the date of birth."))
        return data

    def letter_values(self):
        """What goes into the letter: texts, dates written out, chosen options (lists for checklists)."""
        values = {"today": long_date(timezone.localdate())}
        for item in self.letter_fields:
            value = self.cleaned_data.get(item.name)
            field = self.fields[item.name]
            if item.kind == LetterField.Kind.DATE:
                value = long_date(value) if value else ""
            elif item.kind == LetterField.Kind.CHOICE:
                value = dict(field.choices).get(value, "")
            elif item.kind == LetterField.Kind.CHECKLIST:
                labels = dict(field.choices)
                value = [labels[key] for key in value or [] if key in labels]
            values[item.name] = value if value is not None else ""
        return values
