# Kazakh formats, which Django does not ship: grouping and decimals as in Russian
# (``4 325``, ``0,2``), dates as written in Kazakh (``1 шілде 2026 ж.``).
DATE_FORMAT = "j E Y ж."
SHORT_DATE_FORMAT = "d.m.Y"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
