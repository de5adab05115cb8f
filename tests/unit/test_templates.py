"""The downloadable templates import cleanly through parse_upload + commit, with exact row counts."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from netmetrics import templates
from netmetrics.db import Database
from netmetrics.ingest import ImportOptions, commit, parse_upload
from netmetrics.ingest.model import GROUP_TYPES


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "t.duckdb")
    yield database
    database.close()


def test_workbook_has_the_help_sheet_first_then_one_sheet_per_table():
    wb = load_workbook(io.BytesIO(templates.workbook_bytes()))
    assert wb.sheetnames == ["How to fill this in", "Groups", "Activities", "Referrals", "Sales"]
    help_text = " ".join(str(c.value) for row in wb["How to fill this in"].iter_rows() for c in row if c.value)
    assert all(t in help_text for t in GROUP_TYPES) and "received" in help_text and "Own purchase" in help_text
    assert [c.value for c in wb["Referrals"][1]] == list(templates.REFERRALS[0])


def test_workbook_template_imports_cleanly_with_exact_counts(db):
    parsed = parse_upload(templates.XLSX_NAME, templates.workbook_bytes(), ImportOptions())
    assert parsed.ok and parsed.kind == "workbook" and parsed.problems == []
    assert {n: len(f) for n, f in parsed.frames.items()} == {
        "groups": 3, "activities": 4, "referrals": 4, "sales": 2}
    assert parsed.details["ignored_sheets"] == ["How to fill this in"]
    roles = {t.sheet: t.role for t in parsed.tables}
    assert roles == {"How to fill this in": "ignored", "Groups": "groups", "Activities": "activities",
                     "Referrals": "referrals", "Sales": "sales"}
    assert all(target for t in parsed.tables if t.role != "ignored" for target in t.mapping.values())

    result = commit(db, [parsed])
    assert result.ok and result.files[0].rows == {"activities": 4, "referrals": 4, "sales": 2}
    assert db.rows("select name, type, joined_on is not null, annual_dues from groups order by name") == [
        ("BNI Harbour", "lead_group", True, 650.0), ("Chamber of Commerce", "chamber", True, 420.0),
        ("LinkedIn", "social", False, 0.0)]
    assert db.rows("select sum(event_hours + prep_hours + travel_hours + recovery_hours), sum(expenses), "
                   "sum(people_met), count(mode) from activities") == [(10.0, 60.0, 19.0, 4)]
    assert db.rows("select direction, own_purchase, count(*) from referrals group by all order by all") == [
        ("given", False, 1), ("given", True, 1), ("received", False, 2)]
    assert db.rows("select sum(sale_count), sum(amount) from sales") == [(2.0, 2050.0)]


def test_csv_tracker_template_imports_cleanly_with_exact_counts(db):
    parsed = parse_upload(templates.CSV_NAME, templates.tracker_csv_bytes(), ImportOptions())
    assert parsed.ok and parsed.kind == "tracker" and parsed.problems == []
    assert parsed.tables[0].row_count == parsed.tables[0].rows_used == templates.TRACKER_ROWS == 4
    result = commit(db, [parsed])
    assert result.ok and result.groups_created == ["BNI Harbour", "Chamber of Commerce", "LinkedIn"]
    assert db.rows("select count(*), sum(activity_count), sum(expenses), min(start_date)::varchar, "
                   "max(end_date)::varchar from activities") == [(4, 15.0, 135.0, "2025-01-01", "2025-02-28")]
    assert db.rows("select direction, own_purchase, sum(referral_count) from referrals group by all "
                   "order by all") == [("given", False, 4.0), ("given", True, 1.0), ("received", False, 7.0)]
    assert db.rows("select count(*), sum(sale_count), sum(amount) from sales") == [(2, 2.0, 2050.0)]
    assert db.rows("select name, type from groups order by name") == [
        ("BNI Harbour", "lead_group"), ("Chamber of Commerce", "chamber"), ("LinkedIn", "social")]


def test_templates_are_deterministic():
    assert templates.tracker_csv_bytes() == templates.tracker_csv_bytes()
    assert templates.tracker_csv_bytes().startswith(b"Month,Group,Group type,Activities,")
