"""Store parsed files in one transaction, idempotently; list and undo imports.

Goes through netmetrics.db.Database only (transaction, insert_frame, bump_data_version).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

import numpy as np
import pandas as pd

from netmetrics.db import FACT_TABLES, Database
from netmetrics.ingest.model import TABLE_COLUMNS, ParsedFile, group_key

WEB_COLUMNS = TABLE_COLUMNS["web_visits"]


@dataclass
class FileOutcome:
    file_name: str
    status: Literal["imported", "already_imported", "refused"]
    message: str
    import_id: int | None = None
    rows: dict[str, int] = field(default_factory=dict)
    previous_import_id: int | None = None
    previous_imported_at: datetime | None = None
    replaced_web_rows: int = 0


@dataclass
class ImportResult:
    files: list[FileOutcome] = field(default_factory=list)
    groups_created: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.status != "refused" for f in self.files)

    @property
    def import_ids(self) -> list[int]:
        return [f.import_id for f in self.files if f.import_id is not None]

    @property
    def changed(self) -> bool:
        return any(f.status == "imported" for f in self.files)

    @property
    def messages(self) -> list[str]:
        out = [f.message for f in self.files]
        if self.groups_created:
            out.append(f"New groups: {', '.join(self.groups_created)}.")
        return out


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def commit(db: Database, parsed: list[ParsedFile]) -> ImportResult:
    """Store every file in one transaction. Nothing is stored if any file is not ok."""
    result = ImportResult()
    refused = [p for p in parsed if not p.ok]
    if refused:
        for p in parsed:
            if p.ok:
                result.files.append(
                    FileOutcome(
                        p.file_name,
                        "refused",
                        f"{p.file_name}: not stored, because another file was refused.",
                    )
                )
            else:
                first = p.errors[0] if p.errors else None
                reason = str(first) if first else "the day/month order of its dates must be chosen"
                result.files.append(FileOutcome(p.file_name, "refused", f"{p.file_name}: refused: {reason}"))
        return result
    with db.transaction() as cur:
        groups = {
            group_key(n): (gid, t)
            for gid, n, t in cur.execute("select group_id, name, type from groups").fetchall()
        }
        seen_in_batch: dict[str, str] = {}
        changed = False
        for p in parsed:
            prev = cur.execute(
                "select import_id, imported_at from imports where sha256 = ? and undone_at is null "
                "order by import_id limit 1",
                [p.sha256],
            ).fetchone()
            if prev or p.sha256 in seen_in_batch:
                when = prev[1] if prev else None
                msg = (
                    f"{p.file_name}: already imported on {when:%Y-%m-%d %H:%M} (import {prev[0]}); "
                    "nothing changed."
                    if prev
                    else f"{p.file_name}: the same file as {seen_in_batch[p.sha256]} in this upload; "
                    "stored once."
                )
                result.files.append(
                    FileOutcome(
                        p.file_name,
                        "already_imported",
                        msg,
                        previous_import_id=prev[0] if prev else None,
                        previous_imported_at=when,
                    )
                )
                continue
            seen_in_batch[p.sha256] = p.file_name
            group_ids = _find_or_create_groups(cur, p, groups, result)
            replaced = _replace_overlapping_web(cur, p)
            date_from, date_to = p.date_range
            details = _details(p, replaced)
            import_id = cur.execute(
                "insert into imports (file_name, kind, sha256, row_count, date_from, date_to, details) "
                "values (?, ?, ?, ?, ?, ?, ?) returning import_id",
                [
                    p.file_name,
                    p.kind,
                    p.sha256,
                    p.row_count,
                    _clean(date_from),
                    _clean(date_to),
                    json.dumps(details, default=str),
                ],
            ).fetchone()[0]
            counts = {}
            for table in FACT_TABLES:
                frame = p.frames.get(table)
                if frame is None or not len(frame):
                    continue
                frame = frame.copy()
                if "group_name" in frame.columns:
                    codes, names = pd.factorize(frame["group_name"])
                    frame.insert(0, "group_id", np.asarray([group_ids[group_key(n)] for n in names])[codes])
                    frame = frame.drop(columns=["group_name"])
                frame["import_id"] = import_id
                counts[table] = Database.insert_frame(cur, table, _typed(frame))
            stored = ", ".join(f"{n} {t}" for t, n in counts.items()) or "no rows"
            span = f" from {date_from} to {date_to}" if date_from else ""
            msg = f"{p.file_name}: imported as import {import_id} ({stored}{span})."
            if replaced:
                files = ", ".join(sorted({r["file_name"] for r in replaced}))
                msg += (
                    f" {len(replaced)} web-visit rows from older imports ({files}) overlapping these days "
                    "were replaced by this newer file, so no day is counted twice."
                )
            result.files.append(
                FileOutcome(p.file_name, "imported", msg, import_id, counts, replaced_web_rows=len(replaced))
            )
            changed = True
        if changed:
            Database.bump_data_version(cur)
    return result


def _find_or_create_groups(cur, p: ParsedFile, groups: dict, result: ImportResult) -> dict[str, int]:
    frame = p.frames.get("groups")
    wanted: dict[str, dict] = {}
    if frame is not None:
        for rec in frame.to_dict("records"):
            wanted.setdefault(group_key(rec["name"]), rec)
    for table in ("activities", "referrals", "sales"):
        f = p.frames.get(table)
        if f is not None and len(f):
            for name in pd.unique(f["group_name"]):
                wanted.setdefault(group_key(name), {"name": name})
    ids = {}
    for key, rec in wanted.items():
        gtype = _clean(rec.get("type"))
        joined, left, dues = (
            _clean(rec.get("joined_on")),
            _clean(rec.get("left_on")),
            _clean(rec.get("annual_dues")),
        )
        if key in groups:
            gid = groups[key][0]
            for column, value in (
                ("type", gtype),
                ("joined_on", joined),
                ("left_on", left),
                ("annual_dues", dues),
            ):
                if value is not None:
                    # column names from this fixed tuple only
                    cur.execute(f"update groups set {column} = ? where group_id = ?", [value, gid])  # noqa: S608
        else:
            gid = cur.execute(
                "insert into groups (name, type, joined_on, left_on, annual_dues) values (?, ?, ?, ?, ?) "
                "returning group_id",
                [str(rec["name"]).strip(), gtype or "other", joined, left, dues or 0.0],
            ).fetchone()[0]
            groups[key] = (gid, gtype or "other")
            result.groups_created.append(str(rec["name"]).strip())
        ids[key] = gid
    return ids


def _replace_overlapping_web(cur, p: ParsedFile) -> list[dict]:
    """The newer GA file wins for the days it covers: remove older rows inside (or, for range rows,
    overlapping) its date range, and return them so an undo can put them back."""
    web = p.frames.get("web_visits")
    if web is None or not len(web):
        return []
    start, end = min(web["start_date"]), max(web["end_date"])
    rows = cur.execute(
        "select w.visit_id, w.start_date, w.end_date, w.channel, w.source, w.medium, w.sessions, w.users, "
        "w.import_id, i.file_name from web_visits w left join imports i using (import_id) "
        "where w.start_date <= ? and w.end_date >= ?",
        [end, start],
    ).fetchall()
    if not rows:
        return []
    cur.execute("delete from web_visits where start_date <= ? and end_date >= ?", [end, start])
    keys = ("visit_id", *WEB_COLUMNS, "import_id", "file_name")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("start_date", "end_date"):
        if column in frame.columns:
            # datetime64 goes to DuckDB as is (the insert casts it to DATE): far faster than date objects
            frame[column] = pd.to_datetime(pd.Series(frame[column], dtype=object)).dt.normalize()
    for column in frame.columns:
        if frame[column].dtype == object and column not in ("start_date", "end_date"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _details(p: ParsedFile, replaced: list[dict]) -> dict:
    return {
        "kind": p.kind,
        "recognised": p.details,
        "tables": [
            {
                "sheet": t.sheet,
                "role": t.role,
                "header_row": t.header_row,
                "rows": t.row_count,
                "rows_used": t.rows_used,
                "mapping": t.mapping,
                "note": t.note,
            }
            for t in p.tables
        ],
        "warnings": [str(w) for w in p.warnings],
        "skipped_rows": [{"sheet": s.sheet, "row": s.row, "reason": s.reason} for s in p.skipped_rows],
        "replaced_web_visits": [
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()} for r in replaced
        ],
    }


def undo(db: Database, import_id: int) -> str:
    """Delete one import's facts and mark it undone, in one transaction. Returns a sentence for people.

    Web-visit rows that this import had replaced are put back (when their own import is still active).
    Groups it created stay (they may have been edited since); remove them on the Groups page if unwanted.
    """
    with db.transaction() as cur:
        row = cur.execute(
            "select file_name, undone_at, details from imports where import_id = ?", [import_id]
        ).fetchone()
        if row is None:
            raise LookupError(f"There is no import {import_id}. See the list of imports.")
        file_name, undone_at, details = row
        if undone_at is not None:
            return f"Import {import_id} ({file_name}) was already undone on {undone_at:%Y-%m-%d %H:%M}."
        removed = 0
        for table in FACT_TABLES:
            removed += cur.execute(
                f"select count(*) from {table} where import_id = ?",  # noqa: S608 fixed names
                [import_id],
            ).fetchone()[0]
            cur.execute(f"delete from {table} where import_id = ?", [import_id])  # noqa: S608 fixed names
        restored = _restore_web(cur, details)
        cur.execute("update imports set undone_at = current_timestamp where import_id = ?", [import_id])
        Database.bump_data_version(cur)
    msg = f"Import {import_id} ({file_name}) undone: {removed} rows removed."
    if restored:
        msg += f" {restored} web-visit rows it had replaced from older imports were put back."
    return msg


def _restore_web(cur, details: str | None) -> int:
    try:
        replaced = json.loads(details or "{}").get("replaced_web_visits") or []
    except ValueError:
        return 0
    live = {r[0] for r in cur.execute("select import_id from imports where undone_at is null").fetchall()}
    rows = [r for r in replaced if r.get("import_id") in live]
    if not rows:
        return 0
    frame = pd.DataFrame([{**{c: r.get(c) for c in WEB_COLUMNS}, "import_id": r["import_id"]} for r in rows])
    return Database.insert_frame(cur, "web_visits", _typed(frame))


def list_imports(db: Database) -> pd.DataFrame:
    """Every import, newest first: id, file, kind, rows, date range, when, undone when."""
    return db.df(
        "select import_id, file_name, kind, row_count, date_from, date_to, imported_at, undone_at "
        "from imports order by import_id desc"
    )
