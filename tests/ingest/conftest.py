"""Shared fixtures for the ingest tests: the corpus, a fresh DuckDB file, and an owner's workbook."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from netmetrics.db import Database
from netmetrics.ingest import ImportOptions, commit, parse_upload

CORPUS = Path(__file__).parent / "corpus"


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def parse(name: str, data: bytes | None = None, **options):
    return parse_upload(name, corpus(name) if data is None else data, ImportOptions(**options))


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "netmetrics.duckdb")
    yield database
    database.close()


def group_totals(db: Database) -> dict[str, dict[str, float]]:
    """Per group: activities, hours, cost, referrals received/given, own purchases, sales, sales value."""
    rows = db.rows("""
        select g.name,
               sum(f.activities), sum(f.event_hours + f.prep_hours + f.travel_hours + f.recovery_hours),
               sum(f.expenses), sum(f.referrals_received), sum(f.referrals_given), sum(f.own_purchases),
               sum(f.sales), sum(f.sales_value)
        from stg_facts f join groups g using (group_id) group by g.name""")
    keys = ("activities", "hours", "cost", "received", "given", "own", "sales", "value")
    return {r[0]: dict(zip(keys, (round(v, 6) for v in r[1:]), strict=True)) for r in rows}


def channel_totals(db: Database) -> dict[str | None, float]:
    return {r[0]: r[1] for r in db.rows("select channel, sum(sessions) from web_visits group by channel")}


def snapshot(db: Database) -> dict[str, list]:
    tables = ("groups", "imports", "activities", "referrals", "sales", "web_visits", "settings")
    return {t: sorted(map(repr, db.rows(f"select * from {t}"))) for t in tables}  # noqa: S608


def store(db: Database, *names: str, **options):
    parsed = [parse(n, **options) for n in names]
    for p in parsed:
        assert p.ok, [str(x) for x in p.problems]
    return commit(db, parsed)


def workbook_bytes() -> bytes:
    """An owner's workbook: a help sheet, then groups/activities/referrals/sales with title rows."""
    wb = Workbook()
    help_sheet = wb.active
    help_sheet.title = "How to fill this in"
    help_sheet.append(["One row per activity, referral or sale."])
    groups = wb.create_sheet("Groups")
    groups.append(["My networking groups"])
    groups.append([])
    groups.append(["Name", "Type", "Joined", "Annual dues"])
    groups.append(["BNI Harbour", "Lead group", datetime(2024, 1, 15), 600])
    groups.append(["Chamber of Commerce ", "Chambre de commerce", 45306, "45,00"])
    groups.append(["Golf Friends", "Golf club", None, None])
    acts = wb.create_sheet("Activities")
    acts.append(["Activities 2025"])
    acts.append(["Date", "Group", "Kind", "Hours", "Cost", "Notes"])
    acts.append([datetime(2025, 1, 8), "bni harbour ", "Breakfast", 1.5, 12.5, "=formula as text"])
    acts.append([datetime(2025, 1, 15), "BNI Harbour", "Breakfast", 1.5, 12.5, None])
    acts.append([45680, "Chamber of Commerce", "Mixer", 2, 0, None])  # Excel serial = 2025-01-23
    acts.append(["2025-02-05", "Golf Friends", "Round", 4, "30", None])
    acts.append(["TOTAL", None, None, 9, 55, None])
    refs = wb.create_sheet("Referrals")
    refs.append(["Date", "Group", "Direction", "Own purchase", "Contact"])
    refs.append([datetime(2025, 1, 9), "BNI Harbour", "Received", "no", "Ada"])
    refs.append([datetime(2025, 1, 16), "BNI Harbour", "Given", "yes", "Bob"])
    refs.append([datetime(2025, 1, 17), "BNI Harbour", "given", None, "Cy"])
    refs.append([datetime(2025, 1, 24), "Chamber of Commerce", "reçue", None, "Di"])
    sales = wb.create_sheet("Sales")
    sales.append(["Date", "Group", "Amount", "Client"])
    sales.append([datetime(2025, 2, 1), "BNI Harbour", 1250, "Ada Ltd"])
    sales.append([datetime(2025, 2, 20), "Chamber of Commerce", "$800.50", "Di & Co"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
