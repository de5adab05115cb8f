"""Workspace export: the DuckDB copy reopens with every row; the XLSX holds every table, typed and safe."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from netmetrics import demo
from netmetrics.db import Database
from netmetrics.workspace_export import TABLES, duckdb_bytes, xlsx_bytes
from tests.conftest import insert

HOSTILE = '=HYPERLINK("x")'


def counts(db: Database) -> dict[str, int]:
    return {t: db.scalar(f"select count(*) from {t}") for t in TABLES}  # noqa: S608 - fixed names


def test_the_duckdb_copy_reopens_with_the_same_rows(hand_db, tmp_path):
    insert(hand_db, "groups", [{"group_id": 9, "name": HOSTILE, "type": "other"}])  # still in the WAL
    before = counts(hand_db)
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(duckdb_bytes(hand_db))
    reopened = Database(copy)
    try:
        assert counts(reopened) == before
        assert reopened.scalar("select name from groups where group_id = 9") == HOSTILE
        assert reopened.data_version() == hand_db.data_version()
        insert(reopened, "groups", [{"group_id": 10, "name": "New after export"}])
        assert reopened.scalar("select count(*) from groups") == before["groups"] + 1
    finally:
        reopened.close()
    insert(hand_db, "groups", [{"group_id": 11, "name": "Still writable"}])  # the original carries on


def test_the_demo_workspace_copies_too(empty_db, tmp_path):
    demo.load_demo(empty_db)
    copy = tmp_path / "demo-copy.duckdb"
    copy.write_bytes(duckdb_bytes(empty_db))
    reopened = Database(copy)
    try:
        assert counts(reopened) == counts(empty_db)
        assert demo.is_demo(reopened)
        insert(reopened, "groups", [{"name": "New after export"}])  # sequences carry on: a fresh id
        assert reopened.scalar("select count(*) from groups") == counts(empty_db)["groups"] + 1
    finally:
        reopened.close()


def test_the_xlsx_has_one_sheet_per_table_with_typed_values(hand_db):
    insert(hand_db, "groups", [{"group_id": 9, "name": HOSTILE, "type": "other", "notes": "-2 + 3",
                                "annual_dues": 12.5, "joined_on": "2024-03-01"}])
    book = load_workbook(io.BytesIO(xlsx_bytes(hand_db)))
    assert book.sheetnames == list(TABLES)
    for table in TABLES:
        ws = book[table]
        assert all(c.font.bold for c in ws[1])
        assert ws.max_row - 1 == hand_db.scalar(f"select count(*) from {table}")  # noqa: S608
    groups = book["groups"]
    header = [c.value for c in groups[1]]
    assert header[:3] == ["group_id", "name", "type"]
    rows = {r[0]: dict(zip(header, r)) for r in groups.iter_rows(min_row=2, values_only=True)}
    assert rows[9]["name"] == "'" + HOSTILE  # shown as text, never run as a formula
    assert rows[9]["notes"] == "'-2 + 3"
    assert rows[9]["annual_dues"] == 12.5 and isinstance(rows[9]["group_id"], int)
    assert rows[9]["joined_on"] == datetime(2024, 3, 1)  # openpyxl reads dates back as datetimes
    assert rows[1]["name"] == "Harbour" and rows[1]["annual_dues"] == 730
    joined = next(c for c in groups[2] if c.column == header.index("joined_on") + 1)
    assert joined.is_date and joined.number_format == "yyyy-mm-dd"
    activities = book["activities"]
    a_header = [c.value for c in activities[1]]
    first = dict(zip(a_header, next(activities.iter_rows(min_row=2, values_only=True))))
    assert isinstance(first["start_date"], datetime) and isinstance(first["event_hours"], int | float)
    no_formula = [c.value for ws in book for row in ws.iter_rows() for c in row
                  if isinstance(c.value, str) and c.value.startswith("=")]
    assert no_formula == []
    referrals = book["referrals"]
    r_header = [c.value for c in referrals[1]]
    own = [dict(zip(r_header, r))["own_purchase"] for r in referrals.iter_rows(min_row=2, values_only=True)]
    assert set(own) == {True, False}


def test_an_empty_workspace_exports_headers_only(empty_db):
    book = load_workbook(io.BytesIO(xlsx_bytes(empty_db)))
    assert book["sales"].max_row == 1
    assert [c.value for c in book["settings"][1]] == ["key", "value"]
    assert book["settings"].max_row >= 2  # the settings sheet still lists the defaults
