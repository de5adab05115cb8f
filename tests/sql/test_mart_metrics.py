"""Golden rows for mart_metrics: the seed 000 worked example and a hand-built fixture."""

from __future__ import annotations

import math
from datetime import date

import pytest

from netmetrics import queries, time_use, trends, web_traffic
from netmetrics.db import Database
from netmetrics.metrics import SUMMARY_FIELDS
from netmetrics.periods import Period
from tests.conftest import EXPECTED_JANUARY, insert, single

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))


def _same(actual, expected) -> bool:
    if expected is None:
        return actual is None or (isinstance(actual, float) and math.isnan(actual))
    return actual == pytest.approx(expected, abs=1e-9)


def test_seed_000_worked_example(empty_db):
    """DOMAIN.md: activities 3/1/2, referrals 0/2/1 -> received per activity 0, 2.0, 0.5; total 0.5."""
    insert(empty_db, "groups", [{"group_id": i, "name": f"Networking group {i}"} for i in (1, 2, 3)])
    insert(empty_db, "activities", [{"group_id": g, **single("2025-03-03")} for g in (1, 1, 1, 2, 3, 3)])
    insert(empty_db, "referrals", [{"group_id": g, **single("2025-03-04"), "direction": "received"}
                                   for g in (2, 2, 3)])
    frame = queries.comparison(empty_db, Period(JANUARY.start.replace(month=3), JANUARY.end.replace(month=3)))
    got = dict(zip(frame["group"], zip(frame["activities"], frame["referrals_received"],
                                       frame["referrals_per_activity"])))
    assert got == {"Networking group 1": (3, 0, 0.0), "Networking group 2": (1, 2, 2.0),
                   "Networking group 3": (2, 1, 0.5), "Total": (6, 3, 0.5)}


def test_hand_fixture_reproduces_every_summary_field(hand_db):
    frame = queries.comparison(hand_db, JANUARY, hourly_rate=10)
    assert sorted(frame["group"]) == sorted(EXPECTED_JANUARY)
    for name, expected in EXPECTED_JANUARY.items():
        row = frame[frame["group"] == name].iloc[0]
        wrong = {f: (row[f], expected[f]) for f in SUMMARY_FIELDS if not _same(row[f], expected[f])}
        assert not wrong, f"{name}: {wrong}"


def test_prorated_flag_marks_rows_cut_by_the_period(hand_db):
    frame = queries.comparison(hand_db, JANUARY).set_index("group")
    assert frame.loc["Chamber", "prorated"] and frame.loc["Total", "prorated"]
    assert not frame.loc["Harbour", "prorated"]


def test_time_cost_is_hours_times_rate(hand_db):
    frame = queries.comparison(hand_db, JANUARY, hourly_rate=40).set_index("group")
    assert frame.loc["Total", "time_cost"] == pytest.approx(11.7 * 40)
    assert frame.loc["Total", "cost"] == pytest.approx(82 + 78 + 11.7 * 40)


def test_weekly_buckets_split_a_range_row_by_days(hand_db):
    """The chamber's 30-day tracker row (3 activities, 6 h) spreads 0.1 activity a day over its weeks."""
    series = queries.series(hand_db, JANUARY, "week")
    chamber = series[series["group"] == "Chamber"].set_index("bucket")
    # Jan 1-5 fall in the week of Mon 30 Dec (5 days), Jan 6-12 and 13-16 after it; membership from
    # 16 Jan keeps the chamber in the later weeks with dues only.
    assert [round(v, 6) for v in chamber["activities"]] == [0.5, 0.7, 0.4, 0, 0]
    assert chamber["activities"].sum() == pytest.approx(1.6)
    assert chamber["hours"].sum() == pytest.approx(3.2)
    # Dues (1 a day) start on the day of joining: 16-19 Jan, 20-26 Jan, 27-31 Jan.
    assert chamber["dues"].tolist() == pytest.approx([0, 0, 4, 7, 5])


def test_monthly_totals_match_the_period_totals(hand_db):
    """Summing the month buckets gives the same totals as the whole period."""
    period = Period(JANUARY.start.replace(year=2024, month=12), JANUARY.end.replace(month=2, day=28))
    series = queries.series(hand_db, period, "month")
    whole = queries.comparison(hand_db, period).set_index("group")
    totals = series[series["is_total"]]
    for column in ("activities", "hours", "expenses", "dues", "sales_value", "referrals_received"):
        assert totals[column].sum() == pytest.approx(whole.loc["Total", column]), column
    assert len(totals) == 3


def test_fiscal_quarters_start_in_the_chosen_month(hand_db):
    period = Period(JANUARY.start.replace(year=2024, month=12, day=1), JANUARY.end)
    buckets = sorted({d.isoformat()[:10] for d in queries.series(
        hand_db, period, "quarter", fy_start_month=4)["bucket"]})
    assert buckets == ["2024-10-01", "2025-01-01"]
    buckets = sorted({d.isoformat()[:10] for d in queries.series(
        hand_db, period, "year", fy_start_month=7)["bucket"]})
    assert buckets == ["2024-07-01"]


def test_group_outside_membership_and_without_facts_is_absent(hand_db):
    insert(hand_db, "groups", [{"group_id": 4, "name": "Gone", "joined_on": "2023-01-01",
                                "left_on": "2024-06-30", "annual_dues": 1000}])
    frame = queries.comparison(hand_db, JANUARY)
    assert "Gone" not in set(frame["group"])


def test_empty_database_gives_no_rows_and_no_error(empty_db):
    assert queries.comparison(empty_db, JANUARY).empty
    assert queries.data_span(empty_db) is None


@pytest.mark.parametrize(("read", "allowed"), [
    (lambda db, grain: queries.series(db, JANUARY, grain), "week, month, quarter, year"),
    (lambda db, grain: time_use.hours_over_time(db, JANUARY, grain), "week, month, quarter, year"),
    (lambda db, grain: trends.group_shares(db, JANUARY, grain), "week, month, quarter, year"),
    (lambda db, grain: queries.web(db, JANUARY, grain), "day, week, month"),
    (lambda db, grain: web_traffic.sessions_over_time(db, JANUARY, grain), "day, week, month"),
])
def test_bad_grain_is_refused(hand_db, read, allowed):
    with pytest.raises(ValueError, match="grain") as refused:
        read(hand_db, "fortnight")
    assert str(refused.value) == f"unknown grain 'fortnight'; choose one of {allowed}"


def test_dates_are_bound_not_formatted(hand_db):
    """A hostile string where a date belongs is a bound value: it fails to convert, nothing runs."""
    with pytest.raises(Exception, match="(?i)conversion|date"):
        hand_db.df("select * from mart_metrics(?, ?, 'period', 1, 0)", ["2025-01-01'); drop table groups; --",
                                                                         "2025-01-31"])
    assert hand_db.scalar("select count(*) from groups") == 3


def test_database_is_a_real_file(hand_db):
    assert hand_db.path.exists() and isinstance(hand_db, Database)
    hand_db.close()
    reopened = Database(hand_db.path)  # the rows were written to the file, not kept in memory
    try:
        assert reopened.scalar("select count(*) from groups") == 3
    finally:
        reopened.close()
