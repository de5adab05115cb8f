"""The Period value object: presets, grains, the previous period, fiscal years. Pure Python."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

GRAINS = ("week", "month", "quarter", "year")

PRESETS = {
    "this_month": "This month",
    "last_month": "Last month",
    "this_quarter": "This quarter",
    "last_quarter": "Last quarter",
    "ytd": "Year to date",
    "last_12_months": "Last 12 months",
    "last_year": "Last calendar year",
    "all": "All time",
    "custom": "Custom range",
}

# How far back "the previous period" sits for presets built on calendar months.
_SHIFT_MONTHS = {
    "this_month": 1, "last_month": 1, "this_quarter": 3, "last_quarter": 3,
    "ytd": 12, "last_12_months": 12, "last_year": 12,
}


def check_grain(grain: str, grains: tuple[str, ...] = GRAINS) -> None:
    """Refuse a grain outside `grains` (it reaches SQL as a bound value, but an unknown one would
    silently mean 'the whole period')."""
    if grain not in grains:
        raise ValueError(f"unknown grain {grain!r}; choose one of {', '.join(grains)}")


def add_months(day: date, months: int, *, month_end: bool = False) -> date:
    """Shift by whole months; clip to the month's length, or snap to its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, last if month_end else min(day.day, last))


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def quarter_start(day: date, fy_start_month: int = 1) -> date:
    offset = (day.month - fy_start_month) % 3
    return add_months(day.replace(day=1), -offset)


def fiscal_year_start(day: date, fy_start_month: int = 1) -> date:
    offset = (day.month - fy_start_month) % 12
    return add_months(day.replace(day=1), -offset)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    preset: str = "custom"

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        if self.start.year == self.end.year:
            return f"{self.start:%d %b} – {self.end:%d %b %Y}"
        return f"{self.start:%d %b %Y} – {self.end:%d %b %Y}"

    def previous(self) -> Period:
        """The period to compare with: the same span a month, quarter or year back for calendar
        presets, otherwise the same number of days just before."""
        months = _SHIFT_MONTHS.get(self.preset)
        if months:
            return Period(add_months(self.start, -months),
                          add_months(self.end, -months, month_end=_is_month_end(self.end)), self.preset)
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1), "custom")


def preset_period(preset: str, today: date, *, fy_start_month: int = 1,
                  data_start: date | None = None, data_end: date | None = None) -> Period:
    """Resolve a preset against today (and the data's span for "all time")."""
    month_start = today.replace(day=1)
    if preset == "this_month":
        return Period(month_start, today, preset)
    if preset == "last_month":
        start = add_months(month_start, -1)
        return Period(start, month_start - timedelta(days=1), preset)
    if preset == "this_quarter":
        return Period(quarter_start(today, fy_start_month), today, preset)
    if preset == "last_quarter":
        end = quarter_start(today, fy_start_month) - timedelta(days=1)
        return Period(quarter_start(end, fy_start_month), end, preset)
    if preset == "ytd":
        return Period(fiscal_year_start(today, fy_start_month), today, preset)
    if preset == "last_12_months":
        return Period(add_months(today, -12) + timedelta(days=1), today, preset)
    if preset == "last_year":
        return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), preset)
    if preset == "all":
        start = data_start or add_months(today, -12)
        return Period(start, max(data_end or today, start), preset)
    raise ValueError(f"unknown period preset: {preset!r}")


def parse_date(text: str | None) -> date | None:
    """An ISO date from a URL or a command line, or None when missing or malformed."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None
