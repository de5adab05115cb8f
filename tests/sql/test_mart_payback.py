"""Golden rows for the payback, ROI, verdict-input and group-type marts (netmetrics/sql/marts/03x_*.sql)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from netmetrics import group_types, queries, roi
from netmetrics.periods import Period
from tests.conftest import insert, single

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))
DAY_DUES = 1200 / 365  # 1200 a year, by day


def monthly_expenses(group_id: int, months=range(1, 7), amount=100.0, hours=0.0) -> list[dict]:
    return [{"group_id": group_id, **single(f"2025-{m:02d}-15"), "expenses": amount, "event_hours": hours}
            for m in months]


@pytest.fixture
def payback_db(empty_db):
    """Pays: dues 1200/yr from 1 Jan 2025, 100 of expenses every month, a 600 sale in March (month 3).
    Never: the same costs, a 100 sale in February. Loose: no joined date, first fact on 10 Feb, no dues."""
    insert(empty_db, "groups", [
        {"group_id": 1, "name": "Pays", "type": "lead_group", "joined_on": "2025-01-01", "annual_dues": 1200},
        {"group_id": 2, "name": "Never", "type": "chamber", "joined_on": "2025-01-01", "annual_dues": 1200},
        {"group_id": 3, "name": "Loose", "type": "informal", "joined_on": None, "annual_dues": 0},
    ])
    insert(empty_db, "activities", [*monthly_expenses(1), *monthly_expenses(2),
                                    {"group_id": 3, **single("2025-02-10"), "expenses": 50, "event_hours": 2}])
    insert(empty_db, "sales", [
        {"group_id": 1, **single("2025-03-20"), "amount": 600},
        {"group_id": 2, **single("2025-02-20"), "amount": 100},
        {"group_id": 3, **single("2025-04-01"), "amount": 80},
    ])
    return empty_db


def curve(db, name, end=date(2025, 6, 30), rate=0.0, margin=100.0) -> pd.DataFrame:
    frame = roi.payback_curves(db, end, rate, margin)
    return frame[frame["group"] == name].reset_index(drop=True)


def summary(db, end=date(2025, 6, 30), rate=0.0, margin=100.0) -> pd.DataFrame:
    return roi.payback_summary(db, end, rate, margin).set_index("group")


def test_cumulative_curve_by_month_since_joining(payback_db):
    got = curve(payback_db, "Pays")
    assert got["month_no"].tolist() == [1, 2, 3, 4, 5, 6]
    assert [str(d.date()) for d in got["month_from"]] == ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01",
                                                          "2025-05-01", "2025-06-01"]
    days = [31, 28, 31, 30, 31, 30]
    expected_cost, running = [], 0.0
    for d in days:
        running += 100 + DAY_DUES * d
        expected_cost.append(running)
    assert got["cum_cost"].tolist() == pytest.approx(expected_cost)
    assert got["cum_revenue"].tolist() == pytest.approx([0, 0, 600, 600, 600, 600])
    assert got["dues"].tolist() == pytest.approx([DAY_DUES * d for d in days])
    # month 3: 600 against 595.89 of cost -> ahead; month 4 adds 198.63 of cost -> behind again
    assert got["ahead"].tolist() == [False, False, True, False, False, False]


def test_payback_month_and_falling_back(payback_db):
    s = summary(payback_db)
    assert s.loc["Pays", "payback_month"] == 3
    assert str(s.loc["Pays", "payback_on"].date()) == "2025-03-31"
    assert bool(s.loc["Pays", "fell_back"]) and not bool(s.loc["Pays", "ahead_now"])
    assert pd.isna(s.loc["Never", "payback_month"]) and not bool(s.loc["Never", "fell_back"])
    # seen at the end of March, the payback holds and nothing has fallen back yet
    march = summary(payback_db, end=date(2025, 3, 31))
    assert march.loc["Pays", "payback_month"] == 3 and bool(march.loc["Pays", "ahead_now"])
    assert not bool(march.loc["Pays", "fell_back"]) and march.loc["Pays", "months"] == 3


def test_the_hourly_value_can_push_the_payback_back(payback_db):
    """The hourly value counts as cost: 1 hour a month at 10 pushes month 3's cost (595.89 + 30) above 600."""
    insert(payback_db, "activities", [{"group_id": 1, **single(f"2025-0{m}-01"), "activity_count": 0,
                                       "prep_hours": 1} for m in (1, 2, 3)])
    assert summary(payback_db).loc["Pays", "payback_month"] == 3
    assert pd.isna(summary(payback_db, rate=10).loc["Pays", "payback_month"])


def test_margin_counts_profit_not_sales(payback_db):
    got = curve(payback_db, "Pays", margin=50)
    assert got["cum_revenue"].tolist()[2] == pytest.approx(300)
    assert pd.isna(summary(payback_db, margin=50).loc["Pays", "payback_month"])


def test_group_without_joined_date_starts_at_its_first_fact(payback_db):
    got = curve(payback_db, "Loose")
    assert str(got["month_from"][0].date()) == "2025-02-10"
    assert str(got["month_to"][0].date()) == "2025-03-09"
    assert got["dues"].sum() == 0
    s = summary(payback_db)
    assert s.loc["Loose", "payback_month"] == 2  # the 80 sale on 1 April falls in 10 Mar - 9 Apr
    assert s.loc["Loose", "cum_cost"] == pytest.approx(50)


def test_last_month_is_cut_by_the_end_and_marked_partial(payback_db):
    got = curve(payback_db, "Pays", end=date(2025, 6, 10))
    assert got["month_no"].max() == 6 and bool(got["partial"].iloc[-1]) and not got["partial"].iloc[:-1].any()
    assert got["dues"].iloc[-1] == pytest.approx(DAY_DUES * 10)


def test_range_rows_spread_by_day_and_facts_before_joining_count_in_month_1(empty_db):
    insert(empty_db, "groups", [{"group_id": 1, "name": "G", "joined_on": "2025-01-10", "annual_dues": 0}])
    insert(empty_db, "activities", [
        {"group_id": 1, "start_date": "2025-02-01", "end_date": "2025-02-20", "expenses": 200},  # 20 days
        {"group_id": 1, **single("2024-12-01"), "expenses": 30},  # a visit as a guest before joining
    ])
    got = curve(empty_db, "G", end=date(2025, 3, 31))
    # month 1 = 10 Jan - 9 Feb: the guest visit (30) + 9 days of the range row (90); month 2 = the other 110
    assert got["expenses"].tolist()[:2] == pytest.approx([120, 110])


def test_left_group_stops_at_its_last_record_and_pays_dues_only_while_member(empty_db):
    insert(empty_db, "groups", [{"group_id": 1, "name": "Gone", "joined_on": "2025-01-01", "left_on": "2025-02-14",
                                 "annual_dues": 365}])
    insert(empty_db, "sales", [{"group_id": 1, **single("2025-03-05"), "amount": 10}])  # trailing sale
    got = curve(empty_db, "Gone", end=date(2025, 12, 31))
    assert got["month_no"].tolist() == [1, 2, 3]
    assert str(got["month_to"].iloc[-1].date()) == "2025-03-05"
    assert got["dues"].sum() == pytest.approx(45)  # 1 Jan - 14 Feb


@pytest.mark.parametrize(("joined", "left", "dues"), [
    (None, None, 31.0),  # a member all month
    ("2025-01-16", None, 16.0),  # joined mid-month
    ("2024-05-01", "2025-01-10", 10.0),  # left on the 10th
    ("2025-02-01", None, 0.0),  # joined later: not a member then
    (None, "2024-12-31", 0.0),  # left before
])
def test_membership_dues_count_the_days_of_membership(empty_db, joined, left, dues):
    """The dues macro of mart_payback and mart_verdict_inputs: annual dues / 365 per day of membership."""
    got = empty_db.scalar("select membership_dues(date '2025-01-01', date '2025-01-31', cast(? as date), "
                          "cast(? as date), 365)", [joined, left])
    assert got == pytest.approx(dues)


def test_payback_cost_equals_mart_metrics_cost_over_the_same_days(hand_db):
    """Both marts count dues by day and spread range rows by day: their costs agree."""
    end = date(2025, 1, 31)
    s = summary(hand_db, end=end, rate=10)
    metrics = queries.comparison(hand_db, Period(date(2024, 6, 1), end), hourly_rate=10).set_index("group")
    assert s.loc["Harbour", "cum_cost"] == pytest.approx(metrics.loc["Harbour", "cost"])
    assert s.loc["Harbour", "cum_revenue"] == pytest.approx(metrics.loc["Harbour", "sales_value"])


def test_mart_roi_on_the_hand_fixture(hand_db):
    frame = roi.roi_table(hand_db, JANUARY, hourly_rate=10).set_index("group")
    harbour = frame.loc["Harbour"]
    assert harbour["cost"] == pytest.approx(197) and harbour["time_cost"] == pytest.approx(85)
    assert harbour["return_ratio_pct"] == pytest.approx(750 / 197 * 100)
    assert harbour["net_roi_pct"] == pytest.approx(553 / 197 * 100)
    assert harbour["cost_per_referral"] == pytest.approx(197 / 3)
    assert harbour["cost_per_sale"] == pytest.approx(197 / 2)
    assert harbour["revenue_per_hour"] == pytest.approx(750 / 8.5)
    quiet = frame.loc["Quiet"]
    assert all(pd.isna(quiet[c]) for c in ("return_ratio_pct", "net_roi_pct", "revenue_per_hour"))
    assert quiet["cost_per_referral"] == 0 and quiet["cost_per_sale"] == 0  # no cost, one referral, one sale
    chamber = frame.loc["Chamber"]
    assert pd.isna(chamber["cost_per_referral"]) and pd.isna(chamber["cost_per_sale"])
    assert frame.loc["Total", "return_ratio_pct"] == pytest.approx(850 / 277 * 100)
    half = roi.roi_table(hand_db, JANUARY, hourly_rate=10, margin_pct=50).set_index("group")
    assert half.loc["Harbour", "revenue"] == pytest.approx(375)
    assert half.loc["Harbour", "return_ratio_pct"] == pytest.approx(375 / 197 * 100)


def test_seed_001_worked_example_210_percent(empty_db):
    """DOMAIN.md: 500 of cost, 15 sales at 70 -> return ratio 210 %, net ROI 110 %."""
    insert(empty_db, "groups", [{"group_id": 1, "name": "Team"}])
    insert(empty_db, "activities", [{"group_id": 1, **single("2025-01-05"), "expenses": 500}])
    insert(empty_db, "sales", [{"group_id": 1, **single("2025-01-20"), "amount": 70} for _ in range(15)])
    row = roi.roi_table(empty_db, JANUARY).set_index("group").loc["Team"]
    assert row["return_ratio_pct"] == pytest.approx(210) and row["net_roi_pct"] == pytest.approx(110)
    assert row["cost_per_sale"] == pytest.approx(500 / 15)


def test_mart_group_types_sums_groups_of_a_type(hand_db):
    insert(hand_db, "groups", [{"group_id": 4, "name": "Harbour 2", "type": "lead_group", "joined_on": "2025-01-01"}])
    insert(hand_db, "sales", [{"group_id": 4, **single("2025-01-05"), "amount": 250}])
    frame = group_types.by_type(hand_db, JANUARY, hourly_rate=10).set_index("type")
    lead = frame.loc["lead_group"]
    assert lead["group_count"] == 2 and lead["group_names"] == "Harbour, Harbour 2"
    assert lead["sales_value"] == 1000 and lead["cost"] == pytest.approx(197)
    assert lead["return_ratio_pct"] == pytest.approx(1000 / 197 * 100)
    assert lead["sales_per_activity"] == pytest.approx(3 / 2)
    total = queries.comparison(hand_db, JANUARY, hourly_rate=10).set_index("group").loc["Total"]
    for column in ("activities", "hours", "cost", "sales_value", "referrals_received", "return_ratio_pct"):
        assert frame.loc["total", column] == pytest.approx(total[column])
    assert pd.isna(frame.loc["informal", "return_ratio_pct"])


def test_verdict_inputs_window_and_own_purchases(empty_db):
    insert(empty_db, "groups", [{"group_id": 1, "name": "G", "joined_on": "2024-01-01", "annual_dues": 365}])
    insert(empty_db, "activities", [{"group_id": 1, **single("2024-03-01"), "expenses": 1000},
                                    {"group_id": 1, **single("2025-03-01"), "expenses": 100}])
    insert(empty_db, "sales", [{"group_id": 1, **single("2025-06-01"), "amount": 465}])
    insert(empty_db, "referrals", [{"group_id": 1, **single("2025-05-01"), "direction": "given",
                                    "own_purchase": own} for own in (True, True, True, False)])
    row = roi.verdict_inputs(empty_db, date(2025, 12, 31)).iloc[0]
    assert str(row["window_from"].date()) == "2025-01-01" and str(row["window_to"].date()) == "2025-12-31"
    assert row["cost"] == pytest.approx(100 + 365) and row["revenue"] == 465
    assert row["return_ratio_pct"] == pytest.approx(100)
    assert row["own_purchase_share"] == pytest.approx(0.75) and row["referrals_given"] == 4
    assert row["months_of_history"] == pytest.approx(24)
    assert pd.isna(row["payback_month"])  # the 1000 of 2024 is never recovered
