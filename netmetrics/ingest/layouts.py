"""Recognise what a table is: where its header is, which column means what, and which layout it has
(tracker, event log, workbook sheets for groups/activities/referrals/sales, or a Google Analytics export)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from netmetrics.ingest import synonyms

# Target fields a column can be mapped to, with labels for the mapping select boxes.
FIELD_LABELS: dict[str, str] = {
    "date": "Date (a day, a month like 2025-03, a quarter like 2025-Q1)",
    "week": "Week start",
    "month": "Month",
    "quarter": "Quarter",
    "year": "Year",
    "period": "Period",
    "start_date": "Period start",
    "end_date": "Period end",
    "group_name": "Group",
    "group_type": "Group type",
    "joined_on": "Joined on",
    "left_on": "Left on",
    "annual_dues": "Annual dues",
    "activity_count": "Activities (count)",
    "kind": "Activity kind",
    "mode": "Online / offline",
    "hours": "Hours (total)",
    "event_hours": "Event hours",
    "prep_hours": "Preparation hours",
    "travel_hours": "Travel hours",
    "recovery_hours": "Recovery hours",
    "expenses": "Cost / expenses",
    "people_met": "People met",
    "person": "Person",
    "notes": "Notes",
    "referrals_received": "Referrals received",
    "referrals_given": "Referrals given",
    "own_purchases": "Own purchases (count)",
    "direction": "Referral direction (received / given)",
    "own_purchase": "Own purchase (yes / no)",
    "referral_count": "Referrals (count)",
    "contact": "Contact",
    "sale_count": "Sales (count)",
    "amount": "Sales value",
    "client": "Client",
    "count": "Count",
}
DATE_FIELDS = (
    "date",
    "week",
    "month",
    "quarter",
    "year",
    "period",
    "start_date",
    "end_date",
    "joined_on",
    "left_on",
)
PERIOD_FIELDS = ("start_date", "date", "week", "month", "quarter", "year", "period")  # in order of preference
GRAIN_OF = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}
HOUR_FIELDS = ("hours", "event_hours", "prep_hours", "travel_hours", "recovery_hours")
NUMBER_FIELDS = (
    "activity_count",
    *HOUR_FIELDS,
    "expenses",
    "people_met",
    "referrals_received",
    "referrals_given",
    "own_purchases",
    "referral_count",
    "sale_count",
    "amount",
    "annual_dues",
    "count",
)
SUMMED_FIELDS = ("expenses",)  # several columns may feed one field: tickets + travel + meals are all money spent
ACTIVITY_MEASURES = ("activity_count", *HOUR_FIELDS, "expenses", "people_met")
TRACKER_MEASURES = ("activity_count", "referrals_received", "referrals_given", "own_purchases", "sale_count")

_GA_SESSIONS = {"sessions", "sessioni", "istunnot", "сеансы", "сессии", "sitzungen", "ga sessions", "visits"}


def header_score(cells: Sequence) -> int:
    """How many cells of a row read as known column names."""
    return sum(1 for c in cells if _text(c) and synonyms.header_field(c))


def find_header(rows: Sequence[tuple[int, list]], look: int = 30) -> int | None:
    """Index of the header row among the first rows: the one with most known column names.
    Title rows, notes and blank rows above it are skipped. None if no row has two filled cells."""
    best, best_score = None, 0
    first_filled = None
    for i, (_line, cells) in enumerate(rows[:look]):
        filled = sum(1 for c in cells if _text(c))
        if filled < 2:
            continue
        if first_filled is None:
            first_filled = i
        score = header_score(cells)
        if score > best_score:
            best, best_score = i, score
    return best if best is not None else first_filled


def clean_headers(cells: Sequence) -> list[str]:
    out: list[str] = []
    for i, cell in enumerate(cells):
        name = _text(cell) or f"column {i + 1}"
        name = re.sub(r"\s+", " ", name)
        base, n = name, 2
        while name in out:
            name, n = f"{base} ({n})", n + 1
        out.append(name)
    return out


def auto_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Source header -> target field through the synonym table; a field is used by its first column only."""
    mapping: dict[str, str | None] = {}
    used: set[str] = set()
    for header in headers:
        target = synonyms.header_field(header)
        if target in used and target not in SUMMED_FIELDS:
            target = None
        if target:
            used.add(target)
        mapping[header] = target
    return mapping


def apply_overrides(mapping: dict[str, str | None], overrides: dict[str, str | None] | None) -> list[str]:
    """Apply the user's mapping choices in place; returns the names that are not known fields."""
    unknown = []
    for header, target in (overrides or {}).items():
        if header not in mapping:
            unknown.append(header)
            continue
        if target in (None, "", "-", "ignore"):
            mapping[header] = None
            continue
        if target not in FIELD_LABELS:
            unknown.append(f"{header} -> {target}")
            continue
        for other, t in mapping.items():  # one column per field: the user's choice wins
            if t == target and other != header and target not in SUMMED_FIELDS:
                mapping[other] = None
        mapping[header] = target
    return unknown


def sheet_role(sheet: str) -> str | None:
    return synonyms.lookup("sheet", sheet) if sheet else None


def decide_role(sheet: str, fields: set[str]) -> str | None:
    """Which table a sheet feeds. The sheet name wins when it names one; then the columns decide."""
    named = sheet_role(sheet)
    if named == "ignore":
        return None
    measures = fields & set(TRACKER_MEASURES)
    if named in ("groups", "activities", "referrals", "sales"):
        if named == "groups" and (measures or fields & {"date", "week", "month"}):
            return "tracker"
        return named
    if "group_name" not in fields:
        return None
    if "direction" in fields:
        return "referrals"
    has_date = bool(fields & set(PERIOD_FIELDS))
    if not has_date and not measures and fields & {"group_type", "joined_on", "left_on", "annual_dues"}:
        return "groups"
    if measures & {"referrals_received", "referrals_given", "own_purchases"} or len(measures) >= 2:
        return "tracker"
    if "activity_count" in fields:
        return "tracker"
    if fields & {
        "hours",
        "event_hours",
        "prep_hours",
        "travel_hours",
        "recovery_hours",
        "expenses",
        "kind",
        "mode",
        "people_met",
    }:
        return "activities"
    if fields & {"amount", "sale_count", "client"}:
        return "sales"
    if has_date:
        return "activities"
    return None


def resolve_fields(
    role: str,
    mapping: dict[str, str | None],
    numeric_share: dict[str, float],
    money_share: dict[str, float] | None = None,
) -> None:
    """Fix words that mean different things in different layouts, in place.

    numeric_share: header -> share of filled cells that read as numbers;
    money_share: header -> share of filled cells written with a currency ('Travel' holding '€ 12,50').
    """
    for header, target in list(mapping.items()):
        if target in HOUR_FIELDS and (money_share or {}).get(header, 0.0) > 0.5:
            mapping[header] = "expenses"

    def swap(old: str, new: str) -> None:
        for header, target in mapping.items():
            if target == old and new not in mapping.values():
                mapping[header] = new

    for header, target in list(mapping.items()):
        share = numeric_share.get(header, 0.0)
        if target == "activity_count" and share < 0.5 and "kind" not in mapping.values():
            mapping[header] = "kind"  # Italian 'Attività' holding 'Colazione BNI'
        elif target == "kind" and share > 0.9 and "activity_count" not in mapping.values():
            mapping[header] = "activity_count"
    if role == "referrals":
        for old in ("referrals_received", "referrals_given", "count"):
            swap(old, "referral_count")
        swap("own_purchases", "own_purchase")
    elif role == "sales":
        swap("count", "sale_count")
    elif role in ("activities", "tracker"):
        swap("count", "activity_count")
        swap("own_purchase", "own_purchases")


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell != cell:
        return ""
    return str(cell).strip()


def ga_column(header: str) -> str | None:
    """What a Google Analytics column is: date, nth_day, nth_week, nth_month, year_month, day_index,
    channel, source_medium, source, medium, sessions, users; None for the rest."""
    raw = header.strip()
    key = synonyms.normalise(raw.removeprefix("ga:"))
    compact = key.replace(" ", "")
    if compact in ("date", "day", "data", "jour", "paiva", "дата", "datum"):
        return "date"
    if compact in ("nthday",):
        return "nth_day"
    if compact in ("nthweek",):
        return "nth_week"
    if compact in ("nthmonth",):
        return "nth_month"
    if compact in ("yearmonth", "month", "monthoftheyear"):
        return "year_month"
    if compact == "dayindex":
        return "day_index"
    if "sourcemedium" in compact or "sorgentemezzo" in compact or "sourcesupport" in compact:
        return "source_medium"
    if any(w in key for w in ("channel", "canal", "canaux", "canali", "kanava", "канал")) or compact in (
        "channelgrouping",
        "defaultchannelgrouping",
    ):
        return "channel"
    if compact in ("source", "sessionsource", "sorgente", "lahde", "источник", "firstusersource"):
        return "source"
    if compact in ("medium", "sessionmedium", "mezzo", "support", "media", "канал"):
        return "medium"
    if key in _GA_SESSIONS or compact in _GA_SESSIONS:
        return "sessions"
    if compact in (
        "users",
        "totalusers",
        "activeusers",
        "utenti",
        "utilisateurs",
        "kayttajat",
        "пользователи",
        "utilisateursactifs",
        "utentiattivi",
        "nutzer",
        "visitors",
    ):
        return "users"
    return None
