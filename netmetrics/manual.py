"""Manual entry: load the latest rows of groups, activities, referrals and sales for editing, and save
an edited table (added, changed and deleted rows, matched by id) with the import's validation rules,
in one transaction that bumps the data version. Pure Python: no Streamlit here.

A table for editing has its id column first (empty for a new row), the group by name instead of its id,
and the fields people fill in. Its index is the row number people see (1, 2, 3, ...); problems name it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from netmetrics.db import Database
from netmetrics.ingest import dates, numbers, synonyms
from netmetrics.ingest.model import GROUP_TYPES, Problem, group_key
from netmetrics.ingest.tables import HINT_DATE, HINT_GROUP, HINT_NEGATIVE, HINT_NUMBER

DEFAULT_LIMIT = 500
DIRECTIONS = ("received", "given")
MODES = ("online", "offline", "both")


@dataclass(frozen=True)
class Spec:
    label: str  # the tab and the "where" of a problem
    id: str
    columns: tuple[str, ...]  # editable columns, in order ('group' is the group's name)
    order: str  # which rows are "the latest"


SPECS: dict[str, Spec] = {
    "groups": Spec("Groups", "group_id", ("name", "type", "joined_on", "left_on", "annual_dues", "notes"),
                   "name, group_id"),
    "activities": Spec("Activities", "activity_id",
                       ("group", "start_date", "end_date", "activity_count", "kind", "mode", "event_hours",
                        "prep_hours", "travel_hours", "recovery_hours", "expenses", "people_met", "person",
                        "notes"),
                       "f.start_date desc, f.activity_id desc"),
    "referrals": Spec("Referrals", "referral_id",
                      ("group", "start_date", "end_date", "direction", "referral_count", "own_purchase",
                       "contact", "notes"),
                      "f.start_date desc, f.referral_id desc"),
    "sales": Spec("Sales", "sale_id", ("group", "start_date", "end_date", "sale_count", "amount", "client", "notes"),
                  "f.start_date desc, f.sale_id desc"),
}
TABLES = tuple(SPECS)

LABELS = {
    "name": "Name", "type": "Type", "joined_on": "Joined", "left_on": "Left", "annual_dues": "Annual dues",
    "notes": "Notes", "group": "Group", "start_date": "Date", "end_date": "Until",
    "activity_count": "Activities", "kind": "Activity", "mode": "Online/offline", "event_hours": "Event hours",
    "prep_hours": "Prep hours", "travel_hours": "Travel hours", "recovery_hours": "Recovery hours",
    "expenses": "Cost", "people_met": "People met", "person": "Person", "direction": "Direction",
    "referral_count": "Referrals", "own_purchase": "Own purchase", "contact": "Contact",
    "sale_count": "Sales", "amount": "Amount", "client": "Client",
}
DATE_COLUMNS = ("start_date", "end_date", "joined_on", "left_on")
HOUR_COLUMNS = ("event_hours", "prep_hours", "travel_hours", "recovery_hours")
COUNT_COLUMNS = ("activity_count", "referral_count", "sale_count")  # empty means 1
NUMBER_COLUMNS = (*COUNT_COLUMNS, *HOUR_COLUMNS, "expenses", "people_met", "amount", "annual_dues")
BOOL_COLUMNS = ("own_purchase",)

HINT_UNKNOWN_GROUP = "Choose one of your groups, or add the group on the Groups tab first and save it."
HINT_DIRECTION = "Choose 'received' or 'given'."


@dataclass
class SaveResult:
    table: str
    problems: list[Problem] = field(default_factory=list)
    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)

    @property
    def message(self) -> str:
        label = SPECS[self.table].label
        if not self.ok:
            return f"{label}: nothing was saved because {len(self.problems)} problem(s) were found."
        if not self.changed:
            return f"{label}: no changes to save."
        return f"{label}: {self.inserted} added, {self.updated} changed, {self.deleted} deleted. Saved."


# -- reading --------------------------------------------------------------------------------------

def _spec(table: str) -> Spec:
    if table not in SPECS:  # table names come from this fixed list only
        raise ValueError(f"not an editable table: {table!r}")
    return SPECS[table]


def count(db: Database, table: str) -> int:
    _spec(table)
    return int(db.scalar(f"select count(*) from {table}"))  # noqa: S608 - allow-listed name


def group_names(db: Database) -> list[str]:
    return [r[0] for r in db.rows("select name from groups order by name")]


def load(db: Database, table: str, limit: int = DEFAULT_LIMIT) -> pd.DataFrame:
    """The latest `limit` rows of a table, shaped for editing (see the module docstring)."""
    spec = _spec(table)
    if table == "groups":
        sql = f"select group_id, {', '.join(spec.columns)} from groups order by {spec.order} limit ?"  # noqa: S608
    else:
        fields = ", ".join("g.name as \"group\"" if c == "group" else f"f.{c}" for c in spec.columns)
        sql = (f"select f.{spec.id}, {fields} from {table} f join groups g using (group_id) "  # noqa: S608
               f"order by {spec.order} limit ?")
    frame = db.df(sql, [int(limit)])
    return shape(table, frame)


def shape(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Give a frame the editing columns and types: ids as nullable ints, dates as date objects,
    numbers as floats, flags as bools, text as objects; the index numbers rows from 1."""
    spec = _spec(table)
    out = pd.DataFrame(index=range(len(frame)))
    out[spec.id] = pd.array(frame[spec.id] if spec.id in frame else [None] * len(frame), dtype="Int64")
    for column in spec.columns:
        values = frame[column] if column in frame else pd.Series([None] * len(frame))
        if column in DATE_COLUMNS:
            out[column] = pd.Series([_date_or_none(v) for v in values], dtype=object).values
        elif column in NUMBER_COLUMNS:
            out[column] = pd.to_numeric(values, errors="coerce").astype(float).values
        elif column in BOOL_COLUMNS:
            out[column] = values.fillna(False).astype(bool).values
        else:
            out[column] = pd.Series([None if _blank(v) else str(v) for v in values], dtype=object).values
    out.index = pd.RangeIndex(1, len(out) + 1)
    return out


def empty(table: str) -> pd.DataFrame:
    return shape(table, pd.DataFrame())


# -- checking -------------------------------------------------------------------------------------

def _blank(value) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _date_or_none(value) -> date | None:
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


class _Row:
    """One edited row being checked: typed values out, problems collected with its row number."""

    def __init__(self, spec: Spec, row_label, record: dict, problems: list[Problem]):
        self.spec, self.row, self.record, self.problems = spec, row_label, record, problems

    def problem(self, column: str | None, message: str, hint: str) -> None:
        self.problems.append(Problem(f"{self.spec.label} table", None, self.row,
                                     LABELS.get(column, column) if column else None, message, hint))

    def text(self, column: str) -> str | None:
        value = self.record.get(column)
        return None if _blank(value) else " ".join(str(value).split()) or None

    def number(self, column: str) -> float:
        value = self.record.get(column)
        parse = numbers.parse_hours if column in HOUR_COLUMNS else numbers.parse_number
        try:
            number = parse(value)
        except ValueError:
            self.problem(column, f"'{str(value).strip()}' is not a number.", HINT_NUMBER)
            return 0.0
        if number is None:
            return 1.0 if column in COUNT_COLUMNS else 0.0
        if number < 0:
            self.problem(column, f"{number:g} is below zero.", HINT_NEGATIVE)
        return number

    def day(self, column: str, required: bool) -> date | None:
        value = self.record.get(column)
        if _blank(value):
            if required:
                self.problem(column, "The date is missing.", HINT_DATE)
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        try:
            span = dates.parse_span(value, None, None)
        except ValueError as exc:
            message = str(exc)
            self.problem(column, f"{message[:1].upper()}{message[1:]}.", HINT_DATE)
            return None
        return span.start if span else None

    def flag(self, column: str) -> bool:
        value = self.record.get(column)
        if _blank(value):
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            return bool(value)
        answer = synonyms.lookup("yesno", value)
        if answer is None:
            self.problem(column, f"'{value}' is not yes or no.", "Tick the box for yes, leave it empty for no.")
        return answer == "yes"


def _check_group(row: _Row, known: dict[str, int]) -> int | None:
    name = row.text("group")
    if name is None:
        row.problem("group", "The group name is missing.", HINT_GROUP)
        return None
    gid = known.get(name.casefold())
    if gid is None:
        row.problem("group", f"There is no group called '{name}'.", HINT_UNKNOWN_GROUP)
    return gid


def _check_fact(table: str, row: _Row, known: dict[str, int]) -> dict:
    out = {"group_id": _check_group(row, known)}
    start = row.day("start_date", required=True)
    end = row.day("end_date", required=False) or start
    if start and end and end < start:
        row.problem("end_date", "The period ends before it starts.", "Check the start and end dates of this row.")
    out |= {"start_date": start, "end_date": end}
    for column in row.spec.columns:
        if column in NUMBER_COLUMNS:
            out[column] = row.number(column)
        elif column in ("kind", "person", "notes", "contact", "client"):
            out[column] = row.text(column)
    if table == "activities":
        mode = row.text("mode")
        out["mode"] = synonyms.lookup("mode", mode) if mode else None
        if mode and out["mode"] is None:
            row.problem("mode", f"'{mode}' is not online, offline or both.", "Choose online, offline or both.")
    if table == "referrals":
        text = row.text("direction")
        direction = synonyms.lookup("direction", text) if text else None
        own = row.flag("own_purchase")
        if direction == "own_purchase":
            direction, own = "given", True
        if direction is None:
            row.problem("direction", f"'{text}' is not a direction." if text else "The direction is missing.",
                        HINT_DIRECTION)
        elif own and direction == "received":
            row.problem("own_purchase", "A received referral cannot be an own purchase.",
                        "Own purchases are referrals you give: set the direction to 'given'.")
        out["direction"], out["own_purchase"] = direction, own
    return out


def _check_group_row(row: _Row) -> dict:
    name = row.text("name")
    if name is None:
        row.problem("name", "The group name is missing.", "Every group needs a name: fill it in.")
    text = row.text("type")
    gtype = "other" if text is None else (text if text in GROUP_TYPES else synonyms.lookup("group_type", text))
    if gtype not in GROUP_TYPES:
        row.problem("type", f"'{text}' is not a group type.", f"Choose one of {', '.join(GROUP_TYPES)}.")
    joined = row.day("joined_on", required=False)
    left = row.day("left_on", required=False)
    if joined and left and left < joined:
        row.problem("left_on", "The group was left before it was joined.", "Check the joined and left dates.")
    return {"name": name, "type": gtype, "joined_on": joined, "left_on": left,
            "annual_dues": row.number("annual_dues"), "notes": row.text("notes")}


def _ids(frame: pd.DataFrame, id_column: str) -> list[int]:
    return [int(v) for v in frame[id_column] if not _blank(v)] if id_column in frame else []


def _is_empty_row(record: dict, spec: Spec) -> bool:
    return all(_blank(record.get(c)) or (c in BOOL_COLUMNS and record.get(c) is False) for c in spec.columns)


def save(db: Database, table: str, original: pd.DataFrame, edited: pd.DataFrame) -> SaveResult:
    """Store the differences between the table as loaded and as edited, all or nothing.

    Rows whose id disappeared are deleted, rows with an id whose values changed are updated, rows
    without an id are added (blank new rows are ignored). Any problem: nothing is stored.
    """
    spec = _spec(table)
    result = SaveResult(table)
    problems = result.problems
    before = {int(r[spec.id]): r for r in original.to_dict("records") if not _blank(r.get(spec.id))}
    kept_ids = set(_ids(edited, spec.id))
    deleted = [i for i in before if i not in kept_ids]
    foreign = kept_ids - set(before)
    if foreign:
        problems.append(Problem(f"{spec.label} table", None, None, None,
                                f"Rows {sorted(foreign)[:5]} were not part of the table as it was loaded.",
                                "Reload the page and make your changes again."))
        return result
    groups = {name.casefold(): gid for gid, name in db.rows("select group_id, name from groups")}

    updates: list[tuple[int, dict]] = []
    inserts: list[dict] = []
    for label, record in zip(edited.index, edited.to_dict("records"), strict=True):
        rid = None if _blank(record.get(spec.id)) else int(record[spec.id])
        if rid is None and _is_empty_row(record, spec):
            continue
        row = _Row(spec, int(label) if isinstance(label, (int, float)) else label, record, problems)
        values = _check_group_row(row) if table == "groups" else _check_fact(table, row, groups)
        if rid is None:
            inserts.append(values)
            continue
        old = _Row(spec, None, before[rid], [])  # as loaded, read the same way
        old_values = _check_group_row(old) if table == "groups" else _check_fact(table, old, groups)
        if values != old_values:
            updates.append((rid, values))

    if table == "groups":
        _check_group_names(db, spec, edited, deleted, problems)
        _check_group_deletions(db, [before[i] for i in deleted], problems)
    if problems:
        return result
    if not (deleted or updates or inserts):
        return result
    try:
        with db.transaction() as cur:
            for rid in deleted:
                cur.execute(f"delete from {table} where {spec.id} = ?", [rid])  # noqa: S608 - allow-listed
            for rid, values in updates:
                assignments = ", ".join(f"{c} = ?" for c in values)
                cur.execute(f"update {table} set {assignments} where {spec.id} = ?",  # noqa: S608
                            [*values.values(), rid])
            if inserts and table == "groups":
                for values in inserts:  # never behind ids written without the sequence
                    values["group_id"] = cur.execute(
                        "select greatest(nextval('seq_group_id'), (select coalesce(max(group_id), 0) + 1 "
                        "from groups))").fetchone()[0]
            if inserts:
                Database.insert_frame(cur, table, pd.DataFrame(inserts))
            Database.bump_data_version(cur)
    except Exception as exc:  # a constraint the checks above missed: nothing was stored
        problems.append(Problem(f"{spec.label} table", None, None, None,
                                f"The database refused the change ({exc}). Nothing was saved.",
                                "Check the rows you changed and save again."))
        return result
    result.inserted, result.updated, result.deleted = len(inserts), len(updates), len(deleted)
    return result


def _check_group_names(db: Database, spec: Spec, edited: pd.DataFrame, deleted: list[int],
                       problems: list[Problem]) -> None:
    """Group names stay unique, ignoring case and spaces, across shown and not shown groups."""
    shown = set(_ids(edited, spec.id)) | set(deleted)
    taken = {group_key(name): name for gid, name in db.rows("select group_id, name from groups") if gid not in shown}
    for label, record in zip(edited.index, edited.to_dict("records"), strict=True):
        name = record.get("name")
        if _blank(name):
            continue
        key = group_key(name)
        if key in taken:
            problems.append(Problem(f"{spec.label} table", None, int(label), "Name",
                                    f"There is already a group called '{taken[key]}'.",
                                    "Group names must differ (upper/lower case and spaces do not count): "
                                    "choose another name, or edit the existing group."))
        else:
            taken[key] = " ".join(str(name).split())


def _check_group_deletions(db: Database, records: list[dict], problems: list[Problem]) -> None:
    for record in records:
        gid = int(record["group_id"])
        counts = {t: int(db.scalar(f"select count(*) from {t} where group_id = ?", [gid]))  # noqa: S608
                  for t in ("activities", "referrals", "sales")}
        if any(counts.values()):
            held = ", ".join(f"{n} {t}" for t, n in counts.items() if n)
            problems.append(Problem("Groups table", None, None, "Name",
                                    f"The group '{record['name']}' cannot be deleted: it still has {held}.",
                                    "Delete those rows on their tabs first (or undo the import that brought "
                                    "them), then delete the group."))
