"""The values that cross the ingest boundary: options in, a parsed file out, problems for people."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import pandas as pd

from netmetrics import config

DateOrder = Literal["auto", "dayfirst", "monthfirst"]

# Columns of each normalised frame, exactly as the schema tables (group_name instead of group_id).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "groups": ("name", "type", "joined_on", "left_on", "annual_dues"),
    "activities": (
        "group_name",
        "start_date",
        "end_date",
        "activity_count",
        "kind",
        "mode",
        "event_hours",
        "prep_hours",
        "travel_hours",
        "recovery_hours",
        "expenses",
        "people_met",
        "person",
        "notes",
    ),
    "referrals": (
        "group_name",
        "start_date",
        "end_date",
        "direction",
        "referral_count",
        "own_purchase",
        "contact",
        "notes",
    ),
    "sales": ("group_name", "start_date", "end_date", "sale_count", "amount", "client", "notes"),
    "web_visits": ("start_date", "end_date", "channel", "source", "medium", "sessions", "users"),
}
GROUP_TYPES = ("chamber", "lead_group", "event", "association", "social", "informal", "other")


def group_key(name: object) -> str:
    """A group's identity: its name ignoring case and runs of spaces (' bni  HARBOUR' is 'BNI Harbour')."""
    return " ".join(str(name).split()).casefold()


@dataclass
class ImportOptions:
    """What the user told us about the files (UI widgets or CLI flags)."""

    period: tuple[date, date] | None = None  # the period rows without a date column cover
    skip_bad_rows: bool = False  # store the good rows, list the bad ones as skipped
    date_order: DateOrder = "auto"  # for 03/04/2025: day first or month first
    mapping: dict[str, dict[str, str | None]] = field(default_factory=dict)  # sheet -> header -> field
    # limits from NETMETRICS_MAX_FILE_MB / NETMETRICS_MAX_ROWS (200 MB, 2,000,000 rows by default)
    max_bytes: int = field(default_factory=lambda: config.import_limits()[0])
    max_rows: int = field(default_factory=lambda: config.import_limits()[1])


@dataclass(frozen=True)
class Problem:
    """Something wrong, said for people: what, where, and what to do."""

    file: str
    sheet: str | None
    row: int | None  # as the user sees it in the spreadsheet: 1-based, header row included
    column: str | None
    message: str
    hint: str = ""
    severity: Literal["error", "warning"] = "error"
    row_level: bool = False  # a bad row that --skip-bad-rows could leave out, not a whole-file problem

    @property
    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text


@dataclass(frozen=True)
class SkippedRow:
    sheet: str | None
    row: int
    reason: str


@dataclass
class ParsedTable:
    """One table found in a file (a CSV, one sheet of a workbook, the useful table of a GA export)."""

    sheet: str  # sheet name; "" for a CSV or text file
    role: str  # tracker, activities, referrals, sales, groups, web_visits, ignored
    header_row: int | None  # 1-based row of the header
    mapping: dict[str, str | None]  # source header -> target field (None: not used)
    preview: pd.DataFrame  # the first parsed rows, typed
    row_count: int = 0  # data rows read (totals and blank rows excluded)
    rows_used: int = 0
    note: str = ""  # e.g. "Grand total row skipped"


@dataclass
class ParsedFile:
    file_name: str
    kind: str | None
    sha256: str
    size: int
    tables: list[ParsedTable] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    needs_date_order: bool = False
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    details: dict = field(default_factory=dict)  # what was recognised: encoding, delimiter, GA range, ...

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when the file can be stored as it is (with the options it was parsed with)."""
        return self.kind is not None and not self.errors and not self.needs_date_order

    @property
    def row_count(self) -> int:
        return sum(len(f) for name, f in self.frames.items() if name != "groups")

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        starts = [f["start_date"].min() for n, f in self.frames.items() if n != "groups" and len(f)]
        ends = [f["end_date"].max() for n, f in self.frames.items() if n != "groups" and len(f)]
        return (min(starts) if starts else None, max(ends) if ends else None)

    def summary(self) -> str:
        """One line for people: what was found and what will be stored."""
        if self.kind is None:
            return f"{self.file_name}: not imported."
        counts = ", ".join(f"{len(f)} {name}" for name, f in self.frames.items() if len(f))
        start, end = self.date_range
        span = f" from {start} to {end}" if start else ""
        return f"{self.file_name}: {KIND_LABELS.get(self.kind, self.kind)}; {counts or 'no rows'}{span}."


KIND_LABELS = {
    "tracker": "tracker table",
    "event_log": "event log (one row per activity)",
    "workbook": "workbook",
    "ga4": "Google Analytics 4 export",
    "ua": "Universal Analytics export",
    "ga_api": "Google Analytics API export",
    "groups": "list of groups",
    "referrals": "list of referrals",
    "sales": "list of sales",
}
