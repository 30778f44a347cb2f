"""The individual identification number (ИИН / ЖСН) of Kazakhstan.

Twelve digits: the date of birth as YYMMDD, a digit for the century and sex (1–2 for the 1800s,
3–4 for the 1900s, 5–6 for the 2000s; odd for men, even for women), four serial digits and a
control digit. The control digit is the weighted sum of the first eleven digits modulo 11 with
weights 1…11; when that gives 10, a second pass with weights 3, 4, …, 11, 1, 2; when that also
gives 10 the number is not valid.
"""

from datetime import date

FIRST_WEIGHTS = tuple(range(1, 12))
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
CENTURIES = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}


class InvalidIIN(ValueError):
    """``code`` says what is wrong: length, digits, century, date or checksum."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def control_digit(first_eleven):
    """The control digit for eleven digits, or None when both passes give 10."""
    digits = [int(d) for d in first_eleven]
    for weights in (FIRST_WEIGHTS, SECOND_WEIGHTS):
        value = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if value != 10:
            return value
    return None


def birth_date(iin):
    """The date of birth an IIN encodes; raises InvalidIIN."""
    century = CENTURIES.get(iin[6])
    if century is None:
        raise InvalidIIN("century")
    try:
        return date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError as exc:
        raise InvalidIIN("date") from exc


def validate(value):
    """The IIN without spaces when it is valid; raises InvalidIIN otherwise."""
    iin = "".join((value or "").split())
    if len(iin) != 12:
        raise InvalidIIN("length")
    if not iin.isascii() or not iin.isdigit():
        raise InvalidIIN("digits")
    birth_date(iin)
    if control_digit(iin[:11]) != int(iin[11]):
        raise InvalidIIN("checksum")
    return iin


def make(born, sex_century_digit, serial):
    """An IIN for a date of birth, century/sex digit and four-digit serial, or None when no
    control digit exists for them (used by tests and the benchmark data)."""
    first = f"{born:%y%m%d}{sex_century_digit}{serial:04d}"
    check = control_digit(first)
    return None if check is None else first + str(check)
