"""Header names and cell words in English, French, Italian, Finnish and Russian (and some German), kept as
data in synonyms.csv (category, target, lang, synonym). Matching ignores case, accents, punctuation and spacing.

Categories: header (column names), sheet, group_type, direction, mode, yesno, total (totals-row labels),
month (month names), period (the word of a week or quarter label: 'Week 10 2025', 'KW 10/2025',
'1er trimestre 2025') and ordinal (what follows the number in '1er', '2e', '1st', '1º')."""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from importlib import resources

CATEGORIES = (
    "header", "sheet", "group_type", "direction", "mode", "yesno", "total", "month", "period", "ordinal"
)

_NON_WORD = re.compile(r"[^0-9a-zа-я]+")
_UNITS = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")


def normalise(text: object) -> str:
    """'  Référence reçues (€) ' -> 'reference recues'. Cyrillic kept, ё -> е, й -> и."""
    s = unicodedata.normalize("NFKD", str(text).casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ё", "е").replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")
    return _NON_WORD.sub(" ", s).strip()


@functools.cache
def table() -> dict[str, dict[str, str]]:
    """category -> normalised synonym -> target."""
    text = resources.files("netmetrics.ingest").joinpath("synonyms.csv").read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {c: {} for c in CATEGORIES}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["category"]][normalise(row["synonym"])] = row["target"]
    return out


def lookup(category: str, text: object) -> str | None:
    """The target for a word or header, trying it whole, then without units in brackets ('Cost (€)')."""
    words = table()[category]
    key = normalise(text)
    if key in words:
        return words[key]
    stripped = normalise(_UNITS.sub(" ", str(text)))
    if stripped in words:
        return words[stripped]
    bracketed = [a or b for a, b in _UNITS.findall(str(text))]
    for inner in bracketed:  # 'Amount (sales value)'
        if normalise(inner) in words and category != "header":
            return words[normalise(inner)]
    return None


_MONEY = re.compile(r"[€$£¥₽₹]|\b(eur|euro|euros|usd|gbp|chf|rub|руб)\b", re.IGNORECASE)


def header_field(header: object) -> str | None:
    target = lookup("header", header)
    if target == "sale_count" and _MONEY.search(str(header)):
        return "amount"  # 'Sales ($)', 'Ventes (€)': money, not a number of deals
    return target


def month_number(word: str) -> int | None:
    target = table()["month"].get(normalise(word))
    return int(target) if target else None


def period_word(words: str) -> str | None:
    """'week' or 'quarter' for the words of a period label ('KW', 'semaine', 'trimestre', 'calendar week')."""
    return table()["period"].get(normalise(words))


def is_ordinal_suffix(word: str) -> bool:
    """'er', 'e', 'ème', 'st', 'nd', 'º', 'й': the letters after the number of an ordinal ('1er', '2nd')."""
    return normalise(word) in table()["ordinal"]


def is_total_label(text: object) -> bool:
    key = normalise(text)
    return bool(key) and key in table()["total"]
