"""Numbers as people type them: decimal comma or dot, thousands with dot/comma/space/NBSP/apostrophe,
currency before or after, percentages, accounting negatives, hh:mm durations."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import time, timedelta

_CURRENCY = re.compile(
    r"(US\$|C\$|A\$|R\$|€|\$|£|¥|₽|₹|₺|₴|zł|\b(?:EUR|USD|GBP|CHF|RUB|SEK|NOK|DKK|PLN|CAD|AUD|JPY|euros?|руб|р)\b\.?|руб\.?)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_GROUPED_SPACES = re.compile(r"^\d{1,3}([\s\u00a0\u202f\u2009\u2007']\d{3})+([.,]\d+)?$")
_BODY = re.compile(r"^\d*[.,]?\d*([.,]\d+)*$")
_DURATION = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")


class NumberError(ValueError):
    """A cell that should hold a number but does not; the message is for people."""


def _strip(text: str) -> tuple[str, bool, bool]:
    """Remove currency, spaces and signs; return (digits and separators, negative, percent)."""
    s = text.strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = _CURRENCY.sub("", s).strip()
    percent = s.endswith("%")
    if percent:
        s = s[:-1].strip()
    if s[:1] in "-\u2212\u2013":
        negative, s = not negative, s[1:].strip()
    elif s[:1] == "+":
        s = s[1:].strip()
    elif s.endswith("-"):
        negative, s = not negative, s[:-1].strip()
    s = _CURRENCY.sub("", s).strip()  # "-€1,250" or "€ -1 250"
    if s[:1] in "-\u2212":
        negative, s = not negative, s[1:].strip()
    if _SPACES.search(s) or "'" in s or "\u2019" in s:
        s = s.replace("\u2019", "'")
        if not _GROUPED_SPACES.match(s):
            raise NumberError(f"'{text}' is not a number")
        s = _SPACES.sub("", s).replace("'", "")
    return s, negative, percent


def has_currency(text: str) -> bool:
    return bool(_CURRENCY.search(text)) and any(c.isdigit() for c in text)


def separator_vote(text: str) -> str | None:
    """'.' or ',' when this value shows which one is the decimal separator, else None."""
    try:
        s, _, _ = _strip(text)
    except NumberError:
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        return "." if s.rfind(".") > s.rfind(",") else ","
    for sep in (".", ","):
        if sep in s:
            if s.count(sep) > 1:
                return "," if sep == "." else "."  # 1.250.000: the dot groups thousands
            head, tail = s.split(sep)
            if len(tail) != 3 or head in ("", "0"):
                return sep  # 1,5 or 12.25 or 0,125: a decimal separator
            return None  # 1,250 or 1.250: either way
    return None


def guess_decimal(values: Iterable[str], default: str = ".") -> str:
    """The decimal separator most values agree on (used for the ambiguous ones like 1.250)."""
    votes = {".": 0, ",": 0}
    for value in values:
        vote = separator_vote(value)
        if vote:
            votes[vote] += 1
    if votes["."] == votes[","]:
        return default
    return "." if votes["."] > votes[","] else ","


def parse_number(value, decimal: str = ".") -> float | None:
    """A float, or None for an empty cell. Raises NumberError for text that is not a number."""
    if value is None:
        return None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        return float(value)
    if isinstance(value, timedelta):
        return value.total_seconds() / 3600
    if isinstance(value, time):
        return value.hour + value.minute / 60 + value.second / 3600
    text = str(value)
    if not text.strip() or text.strip() in ("-", "\u2013", "\u2014", "n/a", "N/A", "NA"):
        return None
    s, negative, _percent = _strip(text)
    if not s or not _BODY.match(s) or not any(c.isdigit() for c in s):
        raise NumberError(f"'{text.strip()}' is not a number")
    thousands = "," if decimal == "." else "."
    if "." in s and "," in s:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        thousands = "," if decimal == "." else "."
    elif s.count(decimal) > 1:
        decimal, thousands = thousands, decimal
    elif thousands in s:
        head, _, tail = s.partition(thousands)
        groups = s.split(thousands)
        if not (all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3 and head != "0"):
            decimal, thousands = thousands, decimal  # 1,5 in a dot-decimal file is still 1.5
    if s.count(decimal) > 1:
        raise NumberError(f"'{text.strip()}' is not a number")
    if thousands in s:
        int_part = s.split(decimal)[0]
        groups = int_part.split(thousands)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise NumberError(f"'{text.strip()}' is not a number")
    number = float(s.replace(thousands, "").replace(decimal, "."))
    return -number if negative else number


def parse_hours(value, decimal: str = ".") -> float | None:
    """Hours as a number (1,5) or a duration (1:30, 01:30:00)."""
    if isinstance(value, str):
        m = _DURATION.match(value.strip())
        if m:
            h, mnt, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            return h + mnt / 60 + sec / 3600
    return parse_number(value, decimal)
