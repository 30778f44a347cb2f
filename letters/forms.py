"""The web form of a letter, built from its fields, with translated validation messages."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.i18n import translated
from core.text import control_characters, control_characters_message
from letters import iin as iin_rules
from letters import templating
from letters.models import LetterField

PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()\-]+$")
EARLIEST = 1900
OTHER_VALUE_LIMIT = 100  # dates, choices: longer values cannot be valid

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
        self.oversized = self._cut_oversized()

    @staticmethod
    def choices_from(query, letter_fields):
        """Initial ticks from an address (``?attachments=1&attachments=3``), as a questionnaire's outcome links
        to the letter: only the numbers of options of choice and checklist fields, never typed text (an
        address could carry personal data into logs and histories)."""
        initial = {}
        for item in letter_fields:
            if item.kind not in (LetterField.Kind.CHOICE, LetterField.Kind.CHECKLIST):
                continue
            count = len(item.option_list(translated(item, "options").value))
            picked = [value for value in query.getlist(item.name)[:20] if value.isdigit() and 1 <= int(value) <= count]
            if picked:
                initial[item.name] = picked if item.kind == LetterField.Kind.CHECKLIST else picked[0]
        return initial

    def _cut_oversized(self):
        """Cut values longer than their field allows before anything echoes them back: the form is
        shown again with the beginning kept and an error, never with a megabyte pasted twice."""
        if not self.is_bound:
            return {}
        data, oversized = self.data.copy(), {}
        for name, field in self.fields.items():
            limit = getattr(field, "max_length", None) or OTHER_VALUE_LIMIT
            values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]
            if any(len(value) > limit for value in values if isinstance(value, str)):
                data.setlist(name, [value[:limit] for value in values])
                oversized[name] = limit
        self.data = data
        return oversized

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
        for name, limit in self.oversized.items():
            self.add_error(
                name,
                _("This is longer than %(limit)s characters: only the beginning is kept. Shorten it.")
                % {"limit": limit},
            )
        for name in list(data):
            values = data[name] if isinstance(data[name], list) else [data[name]]
            codes = [code for value in values if isinstance(value, str) for code in control_characters(value)]
            if codes:
                self.add_error(name, control_characters_message(codes))
        kinds = {item.name: item.kind for item in self.letter_fields}
        iin_name = next((name for name, kind in kinds.items() if kind == LetterField.Kind.IIN), None)
        born = data.get("birth_date")
        if iin_name and data.get(iin_name) and born:
            if iin_rules.birth_date(data[iin_name]) != born:
                self.add_error(iin_name, _("The IIN does not match the date of birth."))
        return data

    def letter_values(self):
        """What goes into the letter: texts, dates (written out by the letter's language), chosen
        options (lists for checklists) and ``today``."""
        values = {"today": timezone.localdate()}
        for item in self.letter_fields:
            value = self.cleaned_data.get(item.name)
            field = self.fields[item.name]
            if item.kind == LetterField.Kind.CHOICE:
                value = dict(field.choices).get(value, "")
            elif item.kind == LetterField.Kind.CHECKLIST:
                labels = dict(field.choices)
                value = [labels[key] for key in value or [] if key in labels]
            values[item.name] = value if value is not None else ""
        return values

    def applicant_gender(self):
        """The applicant's gender for gendered words: a ``gender`` choice field (first option male,
        second female) if the letter asks, else the IIN's seventh digit; None when unknown."""
        for item in self.letter_fields:
            if item.name == "gender" and item.kind == LetterField.Kind.CHOICE:
                chosen = self.cleaned_data.get("gender")
                if chosen in ("1", "2"):
                    return templating.MALE if chosen == "1" else templating.FEMALE
        for item in self.letter_fields:
            if item.kind == LetterField.Kind.IIN and self.cleaned_data.get(item.name):
                return templating.gender_from_iin(self.cleaned_data[item.name])
        return None
