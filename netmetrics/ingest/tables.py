"""Owner's tables to normalised frames: tracker rows, event logs and the workbook sheets
(groups, activities, referrals, sales). Every row is checked; problems name the row and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from netmetrics.ingest import dates, layouts, numbers, synonyms
from netmetrics.ingest.model import TABLE_COLUMNS, ImportOptions, ParsedTable, Problem, group_key
from netmetrics.ingest.readers import Formula
from netmetrics.ingest.validate import RowIssues

PREVIEW_ROWS = 20
MAX_CELL = 10_000  # characters in one cell (a note may be long; a megabyte is not a note)
MAX_NAME = 200  # characters in a group name
EARLIEST_FACT = date(1980, 1, 1)  # activities, referrals and sales before this are typos
EARLIEST_MEMBERSHIP = date(1900, 1, 1)  # a member since 1950 is possible; 1900-01-00 is an empty Excel date
MAX_YEARS_AHEAD = 2  # dates after the end of the year after next are typos (2925 for 2025)

HINT_DATE = (
    "Write the date like the other rows (for example 2025-03-14, 14/03/2025, 2025-03, 2025-Q1 or Week 10 2025) "
    "and check that the day exists."
)
HINT_NUMBER = "Put a number in this cell (for example 2 or 1,5), or leave it empty for zero."
HINT_FORMULA = (
    "This is a formula saved as text: type the number itself, or paste the values in the spreadsheet."
)
HINT_UNSAVED_FORMULA = (
    "The workbook was written by a program that does not compute formulas: open it in Excel or LibreOffice "
    "and save it again (that stores the results), or type the number itself."
)
HINT_NEGATIVE = "Counts, hours and amounts cannot be below zero: correct the cell or leave it empty."
HINT_GROUP = "Every row needs the name of the group it belongs to: fill it in."


@dataclass
class RawTable:
    """A table as read: its header, its body as text/objects, and the row numbers people see."""

    sheet: str
    header_line: int
    headers: list[str]
    frame: pd.DataFrame  # object dtype, one column per header
    lines: list[int]
    mapping: dict[str, str | None]
    role: str | None = None
    notes: list[str] = field(default_factory=list)
    shape: dict[int, str] = field(default_factory=dict)  # frame position -> why the row's cells do not fit

    def column(self, target: str) -> str | None:
        for header, t in self.mapping.items():
            if t == target:
                return header
        return None

    def columns(self, target: str) -> list[str]:
        return [header for header, t in self.mapping.items() if t == target]


def _filled(cell) -> bool:
    """layouts._text(cell) != "" without building the text for the common cases (a hot loop)."""
    if isinstance(cell, str):
        return bool(cell) and not cell.isspace()
    return bool(layouts._text(cell))


def read_table(sheet: str, rows: list[tuple[int, list]], override: dict | None) -> RawTable | None:
    """Find the header, build the body frame (blank rows dropped) and the column mapping."""
    index = layouts.find_header(rows)
    if index is None:
        return None
    header_line, header_cells = rows[index]
    # a header may have trailing empty cells; the body may be wider or narrower
    width = len(header_cells)
    while width and not layouts._text(header_cells[width - 1]):
        width -= 1
    headers = layouts.clean_headers(header_cells[:width])
    body, lines, lengths = [], [], []
    shape: dict[int, str] = {}
    for line, cells in rows[index + 1 :]:
        if not any(_filled(c) for c in cells):
            continue
        extra = [c for c in cells[width:] if layouts._text(c)] if len(cells) > width else None
        if extra:
            shape[len(body)] = (
                f"The row has {len(cells) - sum(1 for c in reversed(cells) if not layouts._text(c))} cells but "
                f"the header has {width} columns: '{_short(extra[0])}' is in a column without a header."
            )
        lengths.append(len(cells))
        cells = list(cells[:width]) + [None] * (width - len(cells))
        body.append(cells)
        lines.append(line)
    # a text file whose rows have different numbers of cells: a cell was lost or added by hand
    # (when most rows are short, the writer just left out trailing empty cells: that is fine)
    short = np.flatnonzero(np.asarray(lengths, dtype=int) < width) if not sheet and lengths else []
    if len(short) and len(short) * 2 <= len(lengths):
        for pos in short:
            if int(pos) not in shape:
                shape[int(pos)] = (
                    f"The row has {lengths[pos]} cells but the header has {width} columns: a separator is "
                    "missing or a cell was cut, so the values may be in the wrong columns."
                )
    frame = (
        pd.DataFrame(body, columns=headers, dtype=object)
        if body
        else pd.DataFrame(columns=headers, dtype=object)
    )
    mapping = layouts.auto_mapping(headers)
    layouts.apply_overrides(mapping, override)
    return RawTable(sheet, header_line, headers, frame, lines, mapping, shape=shape)


def _short(value, limit: int = 40) -> str:
    text = layouts._text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _factorized(series: pd.Series, fn):
    """Apply fn once per distinct value; returns (values, error messages) as object arrays."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    values: list = []
    errors: list = []
    for u in uniques:
        try:
            values.append(fn(u))
            errors.append(None)
        except ValueError as exc:
            values.append(None)
            errors.append(str(exc))
    try:  # empty cells (None/NaN) share the last slot
        values.append(fn(None))
    except ValueError:
        values.append(None)
    errors.append(None)
    val_arr = np.empty(len(values), dtype=object)
    val_arr[:] = values
    err_arr = np.array(errors, dtype=object)
    return val_arr[codes], err_arr[codes]


def numeric_share(raw: RawTable, decimal: str) -> dict[str, float]:
    out = {}
    for header in raw.headers:
        sample = [v for v in raw.frame[header].head(200) if layouts._text(v)]
        if not sample:
            continue
        ok = 0
        for v in sample:
            try:
                numbers.parse_number(v, decimal)
                ok += 1
            except ValueError:
                pass
        out[header] = ok / len(sample)
    return out


def money_share(raw: RawTable) -> dict[str, float]:
    """header -> share of filled cells written with a currency sign or code (1 250,00 €, $25.00)."""
    out = {}
    for header in raw.headers:
        sample = [v for v in raw.frame[header].head(200) if isinstance(v, str) and v.strip()]
        if sample:
            out[header] = sum(1 for v in sample if numbers.has_currency(v)) / len(sample)
    return out


def text_values(raw: RawTable) -> list[str]:
    """Every filled text cell of the mapped number columns (for the file's decimal separator vote)."""
    out = []
    for header, target in raw.mapping.items():
        if target in layouts.NUMBER_FIELDS:
            out.extend(v for v in raw.frame[header].head(5000) if isinstance(v, str))
    return out


def date_values(raw: RawTable) -> list:
    out = []
    for header, target in raw.mapping.items():
        if target in layouts.DATE_FIELDS:
            out.extend(v for v in raw.frame[header] if isinstance(v, str))
    return out


def _is_total(value) -> bool:
    text = layouts._text(value)
    if not text:
        return False
    if synonyms.is_total_label(text):
        return True
    key = synonyms.normalise(text)
    return key.startswith(
        (
            "total ",
            "totale ",
            "grand total",
            "subtotal",
            "sub total",
            "sous total",
            "итого",
            "yhteensa ",
            "totals ",
        )
    )


class TableConverter:
    """Turns one RawTable with a role into typed columns, then into the schema frames."""

    def __init__(self, file: str, raw: RawTable, options: ImportOptions, decimal: str, order: str | None):
        self.file, self.raw, self.options = file, raw, options
        self.decimal, self.order = decimal, order
        self.sheet = raw.sheet or None
        self.problems: list[Problem] = []
        self.n = len(raw.frame)
        self.issues = RowIssues(file, self.sheet, raw.lines)
        self.keep = np.ones(self.n, dtype=bool)  # False for totals rows
        self.use: np.ndarray | None = None  # the rows stored, once convert() has decided
        self.typed_frame = pd.DataFrame()  # the preview of the typed rows

    # -- helpers ---------------------------------------------------------------------------------
    def problem(
        self,
        message: str,
        hint: str,
        column: str | None = None,
        row: int | None = None,
        severity: str = "error",
    ) -> None:
        self.problems.append(Problem(self.file, self.sheet, row, column, message, hint, severity))

    def col(self, target: str) -> pd.Series | None:
        header = self.raw.column(target)
        return None if header is None else self.raw.frame[header]

    def _numbers(self, target: str) -> np.ndarray | None:
        headers = self.raw.columns(target)
        if len(headers) > 1:
            totals = [h for h in headers if _names_a_total(h)]
            if totals:  # 'Tickets', 'Meals', 'Total cost': the total alone, or it would be counted twice
                headers = totals[:1]
                self.raw.notes.append(f"'{headers[0]}' used as the total of {', '.join(self.raw.columns(target))}")
            parts = [self._number_column(target, h) for h in headers]
            return np.where(np.all([np.isnan(p) for p in parts], axis=0), np.nan,
                            np.sum([np.nan_to_num(p) for p in parts], axis=0))
        if not headers:
            return None
        return self._number_column(target, headers[0])

    def _number_column(self, target: str, header: str) -> np.ndarray:
        series = self.raw.frame[header]
        parse = numbers.parse_hours if target in layouts.HOUR_FIELDS else numbers.parse_number
        decimal = self.decimal
        values, errors = _factorized(series, lambda v: parse(v, decimal))
        for pos in np.flatnonzero(errors != None):  # noqa: E711
            text = layouts._text(series.iat[pos])
            if isinstance(series.iat[pos], Formula):
                self.issues.add(
                    int(pos),
                    header,
                    f"The cell holds the formula '{_short(text)}' but its result was not saved in the workbook.",
                    HINT_UNSAVED_FORMULA,
                )
            elif text.startswith(("=", "+", "@")) and any(c.isalpha() for c in text):
                self.issues.add(
                    int(pos),
                    header,
                    f"'{text}' is not a number (it looks like a formula saved as text).",
                    HINT_FORMULA,
                )
            else:
                self.issues.add(int(pos), header, f"'{text}' is not a number.", HINT_NUMBER)
        out = values.astype(float)  # empty cells (None) become NaN
        negative = np.flatnonzero(out < 0)
        for pos in negative:
            self.issues.add(
                int(pos), header, f"{layouts._text(series.iat[pos])} is below zero.", HINT_NEGATIVE
            )
        return out

    def _spans(self, target: str, grain: str | None) -> tuple[np.ndarray, np.ndarray] | None:
        series = self.col(target)
        if series is None:
            return None
        header = self.raw.column(target)
        order = self.order
        values, errors = _factorized(series, lambda v: dates.parse_span(v, order, grain))
        for pos in np.flatnonzero(errors != None):  # noqa: E711
            self.issues.add(int(pos), header, _date_message(errors[pos]), HINT_DATE)
        starts = np.array([v.start if v is not None else None for v in values], dtype=object)
        ends = np.array([v.end if v is not None else None for v in values], dtype=object)
        return starts, ends

    def _text(self, target: str) -> np.ndarray | None:
        series = self.col(target)
        if series is None:
            return None
        values, _ = _factorized(series, lambda v: layouts._text(_cell_text(v)) or None)
        return values

    # -- the steps -------------------------------------------------------------------------------
    def convert(self) -> dict[str, pd.DataFrame]:
        role = self.raw.role
        self._mark_totals()
        self._check_cells()
        if role == "groups":
            return self._groups()
        spans = self._period()
        if spans is None:
            return {}
        start, end = spans
        names = self._group_names()
        frames: dict[str, pd.DataFrame] = {}
        measures = {t: self._numbers(t) for t in layouts.NUMBER_FIELDS}
        dues = measures.get("annual_dues")
        if dues is not None and role in ("tracker", "activities"):
            # a dues or membership-fee column in a dated table is money paid in that row's period
            spent = measures.get("expenses")
            measures["expenses"] = dues if spent is None else np.where(
                np.isnan(spent) & np.isnan(dues), np.nan, np.nan_to_num(spent) + np.nan_to_num(dues)
            )
            measures["annual_dues"] = None
            self.raw.notes.append(f"'{self.raw.column('annual_dues')}' counted as money spent in each row's period")
        self._split_hours(measures)
        texts = {
            t: self._text(t) for t in ("kind", "mode", "person", "notes", "contact", "client", "group_type")
        }
        self._resolve_type_or_kind(texts)
        self._check_own_purchases(measures)
        self._forget_totals_issues()
        use = self.use = self.issues.usable(self.keep, self.options.skip_bad_rows)

        def z(name):
            arr = measures.get(name)
            return np.zeros(self.n) if arr is None else np.nan_to_num(arr, nan=0.0)

        base = {"group_name": names, "start_date": start, "end_date": end}
        # activities
        if role == "activities":
            count = self._one_each(measures["activity_count"])
            act_mask = use.copy()
        else:
            count = z("activity_count")
            present = [measures[t] for t in layouts.ACTIVITY_MEASURES if measures.get(t) is not None]
            act_mask = (
                use & np.any([np.nan_to_num(a) > 0 for a in present], axis=0) if present else use & False
            )
        if role in ("activities", "tracker"):
            mode = self._modes(texts["mode"])
            frames["activities"] = _frame(
                "activities",
                act_mask,
                {
                    **base,
                    "activity_count": count,
                    "kind": texts["kind"],
                    "mode": mode,
                    "event_hours": z("event_hours"),
                    "prep_hours": z("prep_hours"),
                    "travel_hours": z("travel_hours"),
                    "recovery_hours": z("recovery_hours"),
                    "expenses": z("expenses"),
                    "people_met": z("people_met"),
                    "person": texts["person"],
                    "notes": texts["notes"],
                },
            )
        # referrals
        parts = []
        if role == "referrals":
            count = self._one_each(measures["referral_count"])
            direction, own = self._directions()
            parts.append(
                _frame(
                    "referrals",
                    use & (direction != None),  # noqa: E711
                    {
                        **base,
                        "direction": direction,
                        "referral_count": count,
                        "own_purchase": own,
                        "contact": texts["contact"],
                        "notes": texts["notes"],
                    },
                )
            )
        else:
            received, given, own_count = z("referrals_received"), z("referrals_given"), z("own_purchases")
            given_other = np.clip(given - own_count, 0, None)
            for mask, direction, cnt, own in (
                (received > 0, "received", received, False),
                (given_other > 0, "given", given_other, False),
                (own_count > 0, "given", own_count, True),
            ):
                parts.append(
                    _frame(
                        "referrals",
                        use & mask,
                        {
                            **base,
                            "direction": direction,
                            "referral_count": cnt,
                            "own_purchase": own,
                            "contact": texts["contact"],
                            "notes": None,
                        },
                    )
                )
        frames["referrals"] = (
            pd.concat(parts, ignore_index=True) if parts else _frame("referrals", use & False, {})
        )
        # sales
        if role == "sales":
            count = self._one_each(measures["sale_count"])
            frames["sales"] = _frame(
                "sales",
                use.copy(),
                {
                    **base,
                    "sale_count": count,
                    "amount": z("amount"),
                    "client": texts["client"],
                    "notes": texts["notes"],
                },
            )
        else:
            if (
                measures.get("amount") is not None
                and measures.get("sale_count") is None
                and (z("amount") > 0).any()
            ):
                self.problem(
                    "There is a sales value column but no column with the number of sales; the values "
                    "are stored with a count of 0.",
                    "Add a 'Sales' column with the number of deals if you want conversion figures.",
                    severity="warning",
                )
            sale_count, amount = z("sale_count"), z("amount")
            frames["sales"] = _frame(
                "sales",
                use & ((sale_count > 0) | (amount > 0)),
                {
                    **base,
                    "sale_count": sale_count,
                    "amount": amount,
                    "client": texts["client"],
                    "notes": None,
                },
            )
        frames["groups"] = self._groups_from_facts(names, texts["group_type"], use)
        self._typed_preview(base, measures, texts)
        return frames

    def _one_each(self, count: np.ndarray | None) -> np.ndarray:
        """The count column of a table with one row per activity, referral or sale: 1 where it is empty."""
        return np.ones(self.n) if count is None else np.where(np.isnan(count), 1.0, count)

    def _forget_totals_issues(self) -> None:
        for pos in list(self.issues.issues):
            if not self.keep[pos]:
                del self.issues.issues[pos]

    def _mark_totals(self) -> None:
        label = self.col("group_name")
        candidates = [label] if label is not None else []
        if self.raw.headers:
            candidates.append(self.raw.frame[self.raw.headers[0]])
        total = np.zeros(self.n, dtype=bool)
        for series in candidates:
            flags, _ = _factorized(series, _is_total)
            total |= flags.astype(bool)
        skipped = [self.raw.lines[pos] for pos in np.flatnonzero(total)]
        self.keep &= ~total
        if skipped:
            self.raw.notes.append(f"totals row(s) {', '.join(map(str, skipped[:10]))} not counted")

    def _check_cells(self) -> None:
        """Rows whose cells do not line up with the header, and cells far too long to be what they say."""
        for pos, message in self.raw.shape.items():
            if self.keep[pos]:
                self.issues.add(
                    pos,
                    None,
                    message,
                    "Open the file in a spreadsheet, check this row's cells against the header and save it again.",
                )
        for header, target in self.raw.mapping.items():
            limit = MAX_NAME if target == "group_name" else MAX_CELL
            series = self.raw.frame[header]
            codes, uniques = pd.factorize(series)
            long = np.array([isinstance(u, str) and len(u) > limit for u in uniques] + [False], dtype=bool)
            if not long.any():
                continue
            lengths = np.array([len(u) if isinstance(u, str) else 0 for u in uniques] + [0])[codes]
            for pos in np.flatnonzero(long[codes] & self.keep):
                what = "a group name" if target == "group_name" else "a cell"
                self.issues.add(
                    int(pos),
                    header,
                    f"The cell holds {lengths[pos]:,} characters, too long for {what} (at most {limit:,}).",
                    "Check that this is the right file and column, or shorten the text.",
                )

    def _check_years(self, start: np.ndarray, end: np.ndarray, header: str | None, earliest: date) -> None:
        """A date centuries away is a typo (2925 for 2025) or an empty Excel date (1900-01-00)."""
        latest = date(date.today().year + MAX_YEARS_AHEAD, 12, 31)
        days = {d for d in pd.unique(np.concatenate([start, end])) if d is not None}
        if all(earliest <= d <= latest for d in days):
            return
        for pos in range(self.n):
            if not self.keep[pos] or pos in self.issues.issues:
                continue
            for day in (start[pos], end[pos]):
                if day is not None and not (earliest <= day <= latest):
                    self.issues.add(
                        pos,
                        header,
                        f"The date {day.isoformat()} is {'far in the past' if day < earliest else 'far in the future'} "
                        f"(dates from {earliest.year} to {latest.year} are accepted).",
                        "Check the year of this date.",
                    )
                    break

    def _period(self) -> tuple[np.ndarray, np.ndarray] | None:
        raw = self.raw
        start_end = raw.column("start_date") and raw.column("end_date")
        if start_end:
            s = self._spans("start_date", None)
            e = self._spans("end_date", None)
            start, end = s[0], e[1]
            for pos in np.flatnonzero((start != None) & (end != None)):  # noqa: E711
                if end[pos] < start[pos]:
                    self.issues.add(
                        int(pos),
                        raw.column("end_date"),
                        "The period ends before it starts.",
                        "Check the start and end dates of this row.",
                    )
        else:
            target = next((t for t in layouts.PERIOD_FIELDS if raw.column(t)), None)
            if target is None:
                if self.options.period is None:
                    self.problem(
                        "This table has no date column, so it is not known which period the rows cover.",
                        "Choose the period the rows cover (on the Import page, or --period START..END "
                        "on the command line), or add a date, month or quarter column.",
                    )
                    return None
                p_start, p_end = self.options.period
                start = np.full(self.n, p_start, dtype=object)
                end = np.full(self.n, p_end, dtype=object)
                raw.notes.append(f"rows cover the chosen period {p_start}..{p_end}")
                return start, end
            start, end = self._spans(target, layouts.GRAIN_OF.get(target))
        header = raw.column("start_date") or next(
            raw.column(t) for t in layouts.PERIOD_FIELDS if raw.column(t)
        )
        missing = np.flatnonzero((start == None) & self.keep)  # noqa: E711
        for pos in missing:
            if pos not in self.issues.issues:
                self.issues.add(int(pos), header, "The date is missing.", HINT_DATE)
        self._check_years(start, end, header, EARLIEST_FACT)
        return start, end

    def _group_names(self) -> np.ndarray:
        header = self.raw.column("group_name")
        if header is None:
            self.problem(
                "No column names the group of each row.",
                "Add a 'Group' column, or choose which column holds the group in the mapping.",
            )
            self.keep[:] = False
            return np.full(self.n, None, dtype=object)
        # every spelling of a group ('BNI Harbour', 'bni harbour ') as its first one; once per distinct name
        codes, spellings = pd.factorize(self._text("group_name"))
        first: dict[str, str] = {}
        out = np.asarray([first.setdefault(group_key(s), s) for s in spellings] + [None], dtype=object)[codes]
        blank = np.flatnonzero((out == None) & self.keep)  # noqa: E711
        for pos in blank:
            if self._looks_like_unlabelled_total(pos):
                self.keep[pos] = False
                self.raw.notes.append(
                    f"row {self.raw.lines[pos]} has no group and adds up the rows above: "
                    "taken as a totals row, not counted"
                )
            else:
                self.issues.add(int(pos), header, "The group name is missing.", HINT_GROUP)
        return out

    def _looks_like_unlabelled_total(self, pos: int) -> bool:
        cells = [self.raw.frame[h].iat[pos] for h, t in self.raw.mapping.items() if t in layouts.NUMBER_FIELDS]
        formulas = [c for c in cells if isinstance(c, Formula)]
        if formulas and all(f.is_sum for f in formulas) and pos > 0:
            return True  # =SUM(D4:D9) under the rows, its result not saved
        if pos != self.n - 1 or pos == 0:
            return False
        matched = False
        for header, target in self.raw.mapping.items():
            if target not in layouts.NUMBER_FIELDS:
                continue
            try:
                col = [numbers.parse_number(v, self.decimal) for v in self.raw.frame[header].iloc[: pos + 1]]
            except ValueError:
                return False
            if col[-1] is None:
                continue
            above = sum(v for v, k in zip(col[:-1], self.keep[:pos], strict=True) if v is not None and k)
            if abs(above - col[-1]) > 0.005 * max(1.0, abs(above)):
                return False
            matched = True
        return matched

    def _split_hours(self, measures: dict) -> None:
        total = measures.pop("hours", None)
        if total is None:
            return
        parts = [measures.get(t) for t in ("prep_hours", "travel_hours", "recovery_hours")]
        if measures.get("event_hours") is None:
            rest = (
                sum(np.nan_to_num(p) for p in parts if p is not None)
                if any(p is not None for p in parts)
                else 0
            )
            event = np.nan_to_num(total) - rest
            header = self.raw.column("hours")
            for pos in np.flatnonzero((event < -1e-9) & (np.nan_to_num(total) >= 0)):
                self.issues.add(
                    int(pos),
                    header,
                    "The total hours are less than the preparation, travel and "
                    "recovery hours of the same row.",
                    "Correct the total or the parts.",
                )
            measures["event_hours"] = np.clip(event, 0, None)

    def _check_own_purchases(self, measures: dict) -> None:
        own, given = measures.get("own_purchases"), measures.get("referrals_given")
        if own is None or self.raw.role == "referrals":
            return
        header = self.raw.column("own_purchases")
        given = np.zeros(self.n) if given is None else np.nan_to_num(given)
        for pos in np.flatnonzero(np.nan_to_num(own) > given):
            self.issues.add(
                int(pos),
                header,
                f"{own[pos]:g} own purchases but only {given[pos]:g} referrals given.",
                "Own purchases are counted among the referrals given: the referrals given must include them.",
            )

    def _directions(self) -> tuple[np.ndarray, np.ndarray]:
        header = self.raw.column("direction")
        series = self.col("direction")
        own_flags = self.col("own_purchase")
        direction = np.full(self.n, None, dtype=object)
        own = np.zeros(self.n, dtype=bool)
        if series is None:
            self.problem(
                "This referrals table has no column saying whether each referral was received or given.",
                "Add a 'Direction' column with 'received' or 'given', or map one in the mapping.",
            )
            self.keep[:] = False
            return direction, own
        values, _ = _factorized(
            series, lambda v: synonyms.lookup("direction", v) if layouts._text(v) else None
        )
        for pos, value in enumerate(values):
            if not self.keep[pos]:
                continue
            if value is None:
                text = layouts._text(series.iat[pos])
                self.issues.add(
                    pos,
                    header,
                    f"'{text}' is not a direction." if text else "The direction is missing.",
                    "Write 'received' or 'given' (or 'own purchase' for a given referral that was "
                    "your own purchase).",
                )
            elif value == "own_purchase":
                direction[pos], own[pos] = "given", True
            else:
                direction[pos] = value
        if own_flags is not None:
            flag_header = self.raw.column("own_purchase")
            flags, _ = _factorized(
                own_flags,
                lambda v: synonyms.lookup("yesno", _cell_text(v)) if layouts._text(_cell_text(v)) else "no",
            )
            for pos, flag in enumerate(flags):
                if not self.keep[pos]:
                    continue
                if flag is None:
                    self.issues.add(
                        pos,
                        flag_header,
                        f"'{layouts._text(own_flags.iat[pos])}' is not yes or no.",
                        "Write yes or no (or leave it empty for no).",
                    )
                elif flag == "yes":
                    if direction[pos] == "received":
                        self.issues.add(
                            pos,
                            flag_header,
                            "A received referral cannot be an own purchase.",
                            "Own purchases are referrals you give: set the direction to 'given'.",
                        )
                    own[pos] = True
        return direction, own

    def _modes(self, modes: np.ndarray | None) -> np.ndarray | None:
        if modes is None:
            return None
        out, _ = _factorized(modes, lambda v: synonyms.lookup("mode", v) if v else None)
        unknown = set(modes[(out == None) & (modes != None)])  # noqa: E711
        if unknown:
            self.problem(
                f"Unknown online/offline value(s): {', '.join(sorted(unknown)[:5])}; stored as empty.",
                "Use online, offline or both.",
                self.raw.column("mode"),
                severity="warning",
            )
        return out

    def _resolve_type_or_kind(self, texts: dict) -> None:
        """'Type' in an event log usually says what kind of activity it was, not the group's type."""
        if self.raw.role != "activities" or texts.get("group_type") is None or texts.get("kind") is not None:
            return
        values = [v for v in texts["group_type"] if v]
        known = sum(1 for v in values if synonyms.lookup("group_type", v))
        if values and known < len(values) / 2:
            texts["kind"], texts["group_type"] = texts["group_type"], None
            header = self.raw.column("group_type")
            self.raw.mapping[header] = "kind"

    def _group_type(self, value: str | None, pos: int, header: str | None) -> str | None:
        if value is None:
            return None
        mapped = synonyms.lookup("group_type", value)
        if mapped is None:
            key = synonyms.normalise(value)
            mapped = next(
                (t for w, t in synonyms.table()["group_type"].items() if len(w) > 3 and w in key), None
            ) or _type_by_words(key)
        if mapped is None:
            self.problem(
                f"The group type '{value}' is not one of chamber, lead_group, event, association, "
                "social, informal, other: stored as 'other'.",
                "Fix the type in the file or later on the Groups page.",
                header,
                self.raw.lines[pos],
                severity="warning",
            )
            return "other"
        return mapped

    def _groups_from_facts(self, names, types, use) -> pd.DataFrame:
        header = self.raw.column("group_type")
        seen: dict[str, str | None] = {}
        for pos in np.flatnonzero(use):
            name = names[pos]
            if name is None:
                continue
            t = None if types is None else types[pos]
            if name not in seen or (seen[name] is None and t):
                seen[name] = self._group_type(t, pos, header) if t else None
        return pd.DataFrame(
            {
                "name": list(seen),
                "type": list(seen.values()),
                "joined_on": None,
                "left_on": None,
                "annual_dues": np.nan,
            },
            columns=list(TABLE_COLUMNS["groups"]),
        )

    def _groups(self) -> dict[str, pd.DataFrame]:
        names = self._group_names()
        types = self._text("group_type")
        joined = self._spans("joined_on", None)
        left = self._spans("left_on", None)
        dues = self._numbers("annual_dues")
        for spans, target in ((joined, "joined_on"), (left, "left_on")):
            if spans is not None:
                self._check_years(spans[0], spans[1], self.raw.column(target), EARLIEST_MEMBERSHIP)
        if joined is not None and left is not None:
            for pos in range(self.n):
                if joined[0][pos] and left[0][pos] and left[0][pos] < joined[0][pos]:
                    self.issues.add(
                        pos,
                        self.raw.column("left_on"),
                        "The group was left before it was joined.",
                        "Check the joined and left dates.",
                    )
        self._forget_totals_issues()
        use = self.use = self.issues.usable(self.keep, self.options.skip_bad_rows)
        header = self.raw.column("group_type")
        rows = {}
        for pos in np.flatnonzero(use):
            name = names[pos]
            if name is None or name in rows:
                continue
            rows[name] = {
                "name": name,
                "type": self._group_type(types[pos], pos, header) if types is not None else None,
                "joined_on": joined[0][pos] if joined is not None else None,
                "left_on": left[0][pos] if left is not None else None,
                "annual_dues": dues[pos] if dues is not None else np.nan,
            }
        frame = pd.DataFrame(list(rows.values()), columns=list(TABLE_COLUMNS["groups"]))
        self.typed_frame = frame.head(PREVIEW_ROWS)
        return {"groups": frame}

    def _typed_preview(self, base: dict, measures: dict, texts: dict) -> None:
        k = min(self.n, PREVIEW_ROWS)
        data = {"row": self.raw.lines[:k]}
        for key, arr in base.items():
            data[key] = arr[:k]
        for key, arr in measures.items():
            if arr is not None:
                data[key] = arr[:k]
        for key, arr in texts.items():
            if arr is not None:
                data[key] = arr[:k]
        self.typed_frame = pd.DataFrame(data)

    def result(self) -> ParsedTable:
        note = "; ".join(self.raw.notes)
        used = int((self.keep if self.use is None else self.use).sum())
        return ParsedTable(
            sheet=self.raw.sheet,
            role=self.raw.role or "ignored",
            header_row=self.raw.header_line,
            mapping=dict(self.raw.mapping),
            preview=self.typed_frame,
            row_count=int(self.keep.sum()),
            rows_used=used,
            note=note,
        )


def _frame(table: str, mask: np.ndarray, columns: dict) -> pd.DataFrame:
    """Select the masked rows of full-length arrays (scalars broadcast) into a schema-shaped frame."""
    n = int(mask.sum()) if len(mask) else 0
    data = {}
    for name in TABLE_COLUMNS[table]:
        value = columns.get(name)
        if isinstance(value, np.ndarray):
            data[name] = value[mask]
        else:
            data[name] = [value] * n
    frame = pd.DataFrame(data, columns=list(TABLE_COLUMNS[table]))
    return frame


_STOP = {"di", "de", "del", "della", "des", "du", "d", "la", "le", "les", "l", "of", "the", "and", "et", "e", "a"}


def _type_by_words(key: str) -> str | None:
    """'Gruppo di referral locale' -> lead_group: every word of a known type name appears in the value."""
    words = set(key.split()) - _STOP
    best, best_len = None, 0
    for synonym, target in synonyms.table()["group_type"].items():
        needed = set(synonym.split()) - _STOP
        if len(needed) >= 2 and needed <= words and len(needed) > best_len:
            best, best_len = target, len(needed)
    return best


def _names_a_total(header: str) -> bool:
    key = synonyms.normalise(header)
    return any(w in key.split() for w in ("total", "totale", "totali", "totaux", "yhteensa", "общие", "итого")) or (
        "total" in key
    )


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _date_message(error: str) -> str:
    if "could be day/month" in error:
        return f"{error}."
    return f"{error[0].upper()}{error[1:]}." if error else "This is not a date."
