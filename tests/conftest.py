"""Shared fixtures: real DuckDB files in tmp_path, filled from small hand-built rows."""

from __future__ import annotations

import pandas as pd
import pytest

from netmetrics.db import Database

PERIOD = ("2025-01-01", "2025-01-31")


def insert(db: Database, table: str, rows: list[dict]) -> None:
    with db.transaction() as cur:
        Database.insert_frame(cur, table, pd.DataFrame(rows))
        Database.bump_data_version(cur)


def single(day: str) -> dict:
    return {"start_date": day, "end_date": day}


@pytest.fixture
def empty_db(tmp_path) -> Database:
    db = Database(tmp_path / "empty.duckdb")
    yield db
    db.close()


@pytest.fixture
def hand_db(tmp_path) -> Database:
    """Three groups in January 2025 whose every summary field is worked out by hand in the tests.

    Harbour: two single-day activities, dues 730/yr over all 31 days, 3 referrals in, 2 out (1 own
    purchase), 2 sales. Chamber: joined on the 16th (dues for 16 days), one tracker row of 3 activities
    spanning 18 Dec - 16 Jan (16 of its 30 days fall in January). Quiet: no activities, no cost, one
    referral and one sale, so its per-activity and ROI ratios are undefined (NULL).
    """
    db = Database(tmp_path / "hand.duckdb")
    insert(db, "groups", [
        {"group_id": 1, "name": "Harbour", "type": "lead_group", "joined_on": "2024-06-01", "annual_dues": 730},
        {"group_id": 2, "name": "Chamber", "type": "chamber", "joined_on": "2025-01-16", "annual_dues": 365},
        {"group_id": 3, "name": "Quiet", "type": "informal", "joined_on": None, "annual_dues": 0},
    ])
    insert(db, "activities", [
        {"group_id": 1, **single("2025-01-08"), "event_hours": 2, "prep_hours": 1, "travel_hours": 1,
         "recovery_hours": 0.5, "expenses": 20, "people_met": 5},
        {"group_id": 1, **single("2025-01-15"), "event_hours": 2, "prep_hours": 0.5, "travel_hours": 1,
         "recovery_hours": 0.5, "expenses": 30, "people_met": 3},
        {"group_id": 2, "start_date": "2024-12-18", "end_date": "2025-01-16", "activity_count": 3,
         "event_hours": 6, "expenses": 60},
        # outside the period: must not count
        {"group_id": 1, **single("2025-02-03"), "event_hours": 9, "expenses": 999},
    ])
    insert(db, "referrals", [
        *[{"group_id": 1, **single(d), "direction": "received"} for d in ("2025-01-08", "2025-01-09", "2025-01-20")],
        {"group_id": 1, **single("2025-01-10"), "direction": "given", "own_purchase": False},
        {"group_id": 1, **single("2025-01-11"), "direction": "given", "own_purchase": True},
        {"group_id": 3, **single("2025-01-20"), "direction": "received"},
    ])
    insert(db, "sales", [
        {"group_id": 1, **single("2025-01-21"), "amount": 500, "client": "Acme"},
        {"group_id": 1, **single("2025-01-28"), "amount": 250, "client": "Bolt"},
        {"group_id": 3, **single("2025-01-30"), "amount": 100, "client": "Cousin Ltd"},
    ])
    yield db
    db.close()


# Hand-computed expectations for hand_db over January 2025 with an hourly rate of 10.
EXPECTED_JANUARY = {
    "Harbour": {
        "activities": 2, "people_met": 8, "hours": 8.5, "event_hours": 4, "prep_hours": 1.5,
        "travel_hours": 2, "recovery_hours": 1, "expenses": 50, "dues": 62, "cost": 197,
        "referrals_received": 3, "referrals_given": 2, "own_purchases": 1, "sales": 2, "sales_value": 750,
        "sales_per_activity": 1.0, "referrals_per_activity": 1.5, "sales_per_referral": 2 / 3,
        "value_per_referral": 250, "value_per_activity": 375, "given_per_activity": 1.0,
        "return_ratio_pct": 750 / 197 * 100, "net_roi_pct": 553 / 197 * 100,
    },
    "Chamber": {
        "activities": 1.6, "people_met": 0, "hours": 3.2, "event_hours": 3.2, "prep_hours": 0,
        "travel_hours": 0, "recovery_hours": 0, "expenses": 32, "dues": 16, "cost": 80,
        "referrals_received": 0, "referrals_given": 0, "own_purchases": 0, "sales": 0, "sales_value": 0,
        "sales_per_activity": 0, "referrals_per_activity": 0, "sales_per_referral": None,
        "value_per_referral": None, "value_per_activity": 0, "given_per_activity": 0,
        "return_ratio_pct": 0, "net_roi_pct": -100,
    },
    "Quiet": {
        "activities": 0, "people_met": 0, "hours": 0, "event_hours": 0, "prep_hours": 0,
        "travel_hours": 0, "recovery_hours": 0, "expenses": 0, "dues": 0, "cost": 0,
        "referrals_received": 1, "referrals_given": 0, "own_purchases": 0, "sales": 1, "sales_value": 100,
        "sales_per_activity": None, "referrals_per_activity": None, "sales_per_referral": 1,
        "value_per_referral": 100, "value_per_activity": None, "given_per_activity": None,
        "return_ratio_pct": None, "net_roi_pct": None,
    },
    "Total": {
        "activities": 3.6, "people_met": 8, "hours": 11.7, "event_hours": 7.2, "prep_hours": 1.5,
        "travel_hours": 2, "recovery_hours": 1, "expenses": 82, "dues": 78, "cost": 277,
        "referrals_received": 4, "referrals_given": 2, "own_purchases": 1, "sales": 3, "sales_value": 850,
        "sales_per_activity": 3 / 3.6, "referrals_per_activity": 4 / 3.6, "sales_per_referral": 0.75,
        "value_per_referral": 212.5, "value_per_activity": 850 / 3.6, "given_per_activity": 2 / 3.6,
        "return_ratio_pct": 850 / 277 * 100, "net_roi_pct": 573 / 277 * 100,
    },
}
