"""Dates and periods as people and exports write them, and the column-wide day/month order decision.

A value becomes a Span (start, end): a day, or the week, month, quarter or year it names. The order of
03/04/2025 is decided from the whole column (and file): a 13 or more in the first place means day first,
in the second place month first; if no value tells, the order is ambiguous and must be asked.

Week and quarter labels in words ('Week 10 2025', 'KW 10/2025', 'Semaine 10 2025', '1er trimestre 2025',
'1. Quartal 2025', 'I trimestre 2025') are read only after every other form failed, with the words from
synonyms.csv (categories period and ordinal); a week is the ISO week, Monday to Sunday.
"""

from __future__ import annotations

import calendar
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from netmetrics.ingest.synonyms import is_ordinal_suffix, month_number, normalise, period_word

EXCEL_EPOCH = date(1899, 12, 30)
GRAINS = ("day", "week", "month", "quarter", "year")


class DateError(ValueError):
    """A value that is not a date or a period; the message is for people."""


@dataclass(frozen=True)
class Span:
    start: date
    end: date


_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_ISO_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_DMY = re.compile(
    r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$"
)
_QUARTER = (
    re.compile(r"^(\d{4})\s*[-/ ]?\s*[QqTtKk](\d)$"),
    re.compile(r"^[QqTtKk](\d)\s*[-/ ]?\s*(\d{4})$"),
    re.compile(r"^(\d)\s*(?:кв\.?|квартал)\s*(\d{4})(?:\s*г\.?)?$", re.IGNORECASE),
)
_WEEK = re.compile(r"^(\d{4})-?[Ww](\d{1,2})(?:-?(\d))?$")
_RANGE = re.compile(r"^(.+?)\s*(?:\.\.|\s[-\u2013\u2014]\s|\s+to\s+|\s+au\s+|\s+al\s+|\s+—\s+)\s*(.+)$")
_WORDS = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def month_span(year: int, month: int) -> Span:
    return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def quarter_span(year: int, quarter: int) -> Span:
    if not 1 <= quarter <= 4:
        raise DateError(f"quarter {quarter} does not exist")
    return Span(date(year, 3 * quarter - 2, 1), month_span(year, 3 * quarter).end)


def widen(day: date, grain: str | None) -> Span:
    """The span of the given grain that starts at (week) or contains (month, quarter, year) a day."""
    if grain == "week":
        return Span(day, day + timedelta(days=6))
    if grain == "month":
        return month_span(day.year, day.month)
    if grain == "quarter":
        return quarter_span(day.year, (day.month - 1) // 3 + 1)
    if grain == "year":
        return Span(date(day.year, 1, 1), date(day.year, 12, 31))
    return Span(day, day)


def _make(year: int, month: int, day: int, text: str) -> date:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"'{text}' is not a real date") from None


def dmy_order_vote(value) -> str | None | bool:
    """For a d/m/y-looking text: 'dayfirst', 'monthfirst', None (either way, e.g. 03/04/2025),
    or False when the order does not matter (ISO, 01/01/2025, dotted dates, not a date)."""
    if not isinstance(value, str):
        return False
    m = _DMY.match(value.strip())
    if not m:
        return False
    a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
    if sep == ".":
        return "dayfirst"  # dd.mm.yyyy: Finnish, Russian, German, Italian
    if a > 12 >= b:
        return "dayfirst"
    if b > 12 >= a:
        return "monthfirst"
    if a == b or a > 12 and b > 12:
        return False
    return None


def decide_order(values: Iterable, option: str = "auto") -> tuple[str | None, bool]:
    """(order, ambiguous). Order from the option or the column's evidence; ambiguous when nothing tells."""
    votes = {"dayfirst": 0, "monthfirst": 0}
    undecided = 0
    for value in set(values):  # each distinct date once: a long tracker repeats its dates many times
        vote = dmy_order_vote(value)
        if vote is None:
            undecided += 1
        elif vote:
            votes[vote] += 1
    if option in ("dayfirst", "monthfirst"):
        return option, False
    if votes["dayfirst"] or votes["monthfirst"]:
        return ("dayfirst" if votes["dayfirst"] >= votes["monthfirst"] else "monthfirst"), False
    return None, undecided > 0


def parse_span(value, order: str | None = None, grain: str | None = None) -> Span | None:
    """Parse one cell into a Span (None for an empty cell). Raises DateError with a message for people.

    order: 'dayfirst' / 'monthfirst' for 03/04/2025 (None: refuse such values as ambiguous);
    grain: what one value in this column covers when it names a day ('week' for a week-start column).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return widen(value.date(), grain)
    if isinstance(value, date):
        return widen(value, grain)
    if isinstance(value, bool):
        raise DateError(f"'{value}' is not a date")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        return _from_number(value, grain)
    text = str(value).strip()
    if not text:
        return None
    return _parse_text(text, order, grain)


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str, order: str | None, grain: str | None) -> Span:
    if text.isdigit():
        if len(text) == 8:  # YYYYMMDD (Google Analytics)
            return widen(_make(int(text[:4]), int(text[4:6]), int(text[6:]), text), grain)
        if len(text) == 6 and 1 <= int(text[4:]) <= 12:  # YYYYMM (GA yearMonth)
            return month_span(int(text[:4]), int(text[4:]))
        if len(text) == 4 and 1900 <= int(text) <= 2200:  # a year
            return Span(date(int(text), 1, 1), date(int(text), 12, 31))
        if len(text) == 5:  # an Excel serial day kept as text
            return _from_number(int(text), grain)
        raise DateError(f"'{text}' is not a date")
    if re.fullmatch(r"\d{5}\.\d+", text):
        return _from_number(float(text), grain)
    m = _ISO.match(text)
    if m:
        return widen(_make(int(m.group(1)), int(m.group(2)), int(m.group(3)), text), grain)
    m = _DMY.match(text)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        use = "dayfirst" if sep == "." else order
        if use is None:
            if a > 12 >= b:
                use = "dayfirst"
            elif b > 12 >= a:
                use = "monthfirst"
            elif a == b:
                use = "dayfirst"
            else:
                raise DateError(f"'{text}' could be day/month or month/day")
        day, month = (a, b) if use == "dayfirst" else (b, a)
        return widen(_make(y, month, day, text), grain)
    m = _ISO_MONTH.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return month_span(int(m.group(1)), int(m.group(2)))
    m = _MONTH_YEAR.match(text)
    if m and 1 <= int(m.group(1)) <= 12:
        return month_span(int(m.group(2)), int(m.group(1)))
    for pattern in _QUARTER:
        m = pattern.match(text)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            year, quarter = (a, b) if a > 4 else (b, a)
            return quarter_span(year, quarter)
    m = _WEEK.match(text)
    if m:
        return iso_week_span(int(m.group(1)), int(m.group(2)), text)
    m = _RANGE.match(text)
    if m:
        first, last = (
            _parse_text(m.group(1).strip(), order, None),
            _parse_text(m.group(2).strip(), order, None),
        )
        if last.end < first.start:
            raise DateError(f"'{text}' ends before it starts")
        return Span(first.start, last.end)
    try:
        return _parse_words(text, grain)
    except DateError:
        label = _parse_label(text)  # a fallback: the forms above are the common ones and stay fast
        if label is None:
            raise
        return label


def _from_number(value: float, grain: str | None) -> Span:
    number = float(value)
    if number.is_integer() and 19000101 <= number <= 21001231:
        return _parse_text(str(int(number)), None, grain)
    if 1900 <= number <= 2200 and number.is_integer():
        return Span(date(int(number), 1, 1), date(int(number), 12, 31))
    if 20000 <= number <= 80000:  # Excel serial day (1954..2119)
        return widen(EXCEL_EPOCH + timedelta(days=int(number)), grain)
    raise DateError(f"'{value:g}' is not a date")


def _parse_words(text: str, grain: str | None) -> Span:
    """Month names in English, French, Italian, Finnish, Russian: 'Mar 2025', 'mars 2025', 'Mar-25',
    '1 March 2025', 'March 1, 2025', '1. maaliskuuta 2025', '1 марта 2025 г.'."""
    tokens = _WORDS.findall(text.lower())
    months = [month_number(t) for t in tokens if not t.isdigit()]
    months = [m for m in months if m]
    other_words = [
        t
        for t in tokens
        if not t.isdigit() and not month_number(t) and t not in ("г", "the", "of", "de", "di", "del")
    ]
    numbers = [t for t in tokens if t.isdigit()]
    if len(months) != 1 or other_words or not numbers or len(numbers) > 2:
        raise DateError(f"'{text}' is not a date")
    month = months[0]
    years = [n for n in numbers if len(n) == 4]
    if len(numbers) == 1:
        n = numbers[0]
        if len(n) == 4 or (len(n) == 2 and int(n) > 31):
            year = int(n) if len(n) == 4 else 2000 + int(n)
            return month_span(year, month)
        if len(n) == 2 and re.search(r"[A-Za-zА-Яа-я]+[-/ ]\d{2}$", text.strip()):  # Mar-25 (Excel)
            return month_span(2000 + int(n), month)
        raise DateError(f"'{text}' has no year")
    if not years and re.fullmatch(r"\d{1,2}[-/ .]+[^\W\d_]+\.?[-/ .]+\d{2}", text.strip()):  # 05-Jan-25
        return widen(_make(2000 + int(numbers[1]), month, int(numbers[0]), text), grain)
    if len(years) != 1:
        raise DateError(f"'{text}' is not a date")
    day = int(next(n for n in numbers if n is not years[0]))
    return widen(_make(int(years[0]), month, day, text), grain)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}  # 'I trimestre 2025', 'III квартал 2025'
_LABEL_FILLER = ("г", "the", "of", "de", "di", "del", "du", "n", "no", "nr", "nro", "num")


def iso_week_span(year: int, week: int, text: str) -> Span:
    """Monday to Sunday of ISO week `week` of `year` (week 1 holds the year's first Thursday)."""
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        last = date(year, 12, 28).isocalendar()[1] if 1 <= year <= 9999 else 52
        raise DateError(f"'{text}' is not a real week (the weeks of {year} are 1 to {last})") from None
    return Span(start, start + timedelta(days=6))


def _parse_label(text: str) -> Span | None:
    """A week or quarter label in words: the period word (synonyms.csv), its number and a year, in any
    order: 'Week 10 2025', 'W10 2025', 'KW 10/2025', '10. KW 2025', 'Semaine 10 2025', 'Settimana 10 2025',
    '1er trimestre 2025', '2e trimestre 2025', '1. Quartal 2025', '1° trimestre 2025', 'I trimestre 2025',
    'Q1 25'. None when the text is not such a label; DateError when it is one but names no real period."""
    tokens = _WORDS.findall(text.casefold())
    words: list[str] = []
    numbers: list[str] = []
    roman: list[int] = []
    for i, token in enumerate(tokens):
        if token.isdigit():
            numbers.append(token)
        elif i and tokens[i - 1].isdigit() and is_ordinal_suffix(token):
            continue  # '1er', '2e', '1st', '1º'
        elif token in _ROMAN:
            roman.append(_ROMAN[token])
        elif normalise(token) not in _LABEL_FILLER:
            words.append(token)
    grain = period_word(" ".join(words)) if words else None
    if grain is None:
        return None
    if roman and grain == "quarter" and len(roman) == 1:
        numbers.insert(0, str(roman.pop()))
    if roman or not numbers or len(numbers) > 2:
        return None
    if len(numbers) == 1:
        has_year = any(len(n) == 4 for n in numbers)
        raise DateError(f"'{text}' has no {grain} number" if has_year else f"'{text}' has no year")
    long = [i for i, n in enumerate(numbers) if len(n) == 4]
    if not long and len(numbers[1]) == 2 and not tokens[0].isdigit() and tokens[-1] == numbers[1]:
        long = [1]  # 'KW 10/25', 'Q1 25': a two-digit year only after the word and its number
    if len(long) != 1 or len(numbers[1 - long[0]]) > 2:
        raise DateError(f"'{text}' is not a date")
    year_text, index = numbers[long[0]], numbers[1 - long[0]]
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    if grain == "week":
        return iso_week_span(year, int(index), text)
    return quarter_span(year, int(index))
