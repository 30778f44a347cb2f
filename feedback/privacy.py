"""Personal data typed into a report is masked before anything is stored (the form asks people not to
type it; some will). Masked: anything like an IIN/BIN (12 digits, spaces allowed), a phone number
(+7/8 and ten digits, or any run of 10–11 digits with separators), an e-mail address, a payment card
number (13–19 digits)."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# Runs of digits with the separators people write between them.
DIGITS = re.compile(r"(?<![\w])\+?\d[\d\s().-]{8,}\d(?![\w])")
MASK = {"email": "[e-mail]", "number": "[number]"}


def _number(match):
    digits = re.sub(r"\D", "", match.group())
    return MASK["number"] if len(digits) >= 10 else match.group()


def mask(text):
    """``text`` with e-mail addresses and long numbers (IIN, phone, card) replaced."""
    text = EMAIL.sub(MASK["email"], text or "")
    return DIGITS.sub(_number, text)
