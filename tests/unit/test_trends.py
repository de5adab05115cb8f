"""Trends: rolling 12-month sums, year-over-year change, shares over time and two periods, on hand-built
months whose sums are worked out in the comments."""

from datetime import date

import pandas as pd
import pytest

from netmetrics import charts, trends
from netmetrics.charts import trends as trend_charts
from netmetrics.db import Database
from netmetrics.periods import Period
from tests.conftest import insert, single

YEAR_2025 = Period(date(2025, 1, 1), date(2025, 12, 31))
JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))
FEBRUARY = Period(date(2025, 2, 1), date(2025, 2, 28))


def month_starts(first: str, count: int) -> list[str]:
    return [d.date().isoformat() for d in pd.date_range(first, periods=count, freq="MS")]


@pytest.fixture
def long_db(tmp_path):
    """Steady: one sale of 100 on the 15th of every month of 2023 and 2024, 200 every month of 2025.
    Late: joined 2024-07-01, one sale of 50 a month from July 2024. Once: a single sale of 500 on
    2024-06-15 and nothing else (no membership dates), so months without rows must still count."""
    db = Database(tmp_path / "long.duckdb")
    insert(db, "groups", [{"group_id": 1, "name": "Steady", "type": "lead_group", "joined_on": "2023-01-01"},
                          {"group_id": 2, "name": "Late", "type": "social", "joined_on": "2024-07-01"},
                          {"group_id": 3, "name": "Once", "type": "event"}])
    sales = [{"group_id": 1, **single(d[:8] + "15"), "amount": 100} for d in month_starts("2023-01-01", 24)]
    sales += [{"group_id": 1, **single(d[:8] + "15"), "amount": 200} for d in month_starts("2025-01-01", 12)]
    sales += [{"group_id": 2, **single(d[:8] + "15"), "amount": 50} for d in month_starts("2024-07-01", 18)]
    sales.append({"group_id": 3, **single("2024-06-15"), "amount": 500})
    insert(db, "sales", sales)
    yield db
    db.close()


def revenue_rows(db, period=YEAR_2025):
    frame = trends.rolling_measure(trends.rolling(db, period), "sales_value")
    return {(r["group"], pd.Timestamp(r["bucket"]).strftime("%Y-%m")): r for _, r in frame.iterrows()}


def test_rolling_12_month_sums_golden(long_db):
    rows = revenue_rows(long_db)
    assert len({month for _, month in rows}) == 12  # only the period's months are returned
    assert rows[("Steady", "2025-01")]["value"] == 200
    assert rows[("Steady", "2025-01")]["rolling_12"] == pytest.approx(11 * 100 + 200)
    assert rows[("Steady", "2025-06")]["rolling_12"] == pytest.approx(6 * 100 + 6 * 200)
    assert rows[("Steady", "2025-12")]["rolling_12"] == pytest.approx(2400)
    # Once: the sale of June 2024 stays in the window through May 2025 and drops out in June
    assert rows[("Once", "2025-05")]["rolling_12"] == pytest.approx(500)
    assert rows[("Once", "2025-06")]["rolling_12"] == pytest.approx(0)
    assert rows[("Total", "2025-01")]["rolling_12"] == pytest.approx(1300 + 7 * 50 + 500)


def test_year_over_year_golden_and_honest_about_short_history(long_db):
    rows = revenue_rows(long_db)
    # Steady, Jan 2025: 1,300 against the 12 months to Jan 2024 (1,200): +8.33 %
    assert rows[("Steady", "2025-01")]["year_before"] == pytest.approx(1200)
    assert rows[("Steady", "2025-01")]["yoy_pct"] == pytest.approx(100 / 1200 * 100)
    assert rows[("Steady", "2025-12")]["yoy_pct"] == pytest.approx(100)  # 2,400 vs 1,200
    # Late joined in July 2024: a year-before window that starts earlier has no full year behind it
    assert pd.isna(rows[("Late", "2025-06")]["yoy_pct"]) and pd.isna(rows[("Late", "2025-06")]["year_before"])
    # Once has a full history (it has no start date but its first fact), but a zero year before: no data
    assert pd.isna(rows[("Once", "2025-12")]["yoy_pct"])


def test_rolling_shares_add_up_per_month(long_db):
    rows = revenue_rows(long_db)
    jan = [rows[(g, "2025-01")]["rolling_share"] for g in ("Steady", "Late", "Once")]
    assert sum(jan) == pytest.approx(1)
    assert jan[0] == pytest.approx(1300 / 2150)
    assert pd.isna(rows[("Total", "2025-01")]["rolling_share"])


def test_latest_yoy_and_reading(long_db):
    frame = trends.rolling(long_db, YEAR_2025)
    latest = trends.latest_yoy(frame, "sales_value").set_index("group")
    assert set(latest.index) == {"Steady", "Late", "Once", "Total"}
    assert latest.loc["Steady", "yoy_pct"] == pytest.approx(100)
    text = trends.reading(frame, "sales_value", "€")
    assert text.startswith("Over the 12 months to Dec 2025, revenue came to €3,000")
    assert "Steady had the largest share (80 %)" in text
    with pytest.raises(ValueError):
        trends.rolling_measure(frame, "nonsense")


def test_group_shares_per_bucket(hand_db):
    shares = trends.group_shares(hand_db, JANUARY, "month").set_index("group")
    assert shares.loc["Harbour", "referral_share"] == pytest.approx(0.75)
    assert shares.loc["Quiet", "referral_share"] == pytest.approx(0.25)
    assert shares.loc["Harbour", "revenue_share"] == pytest.approx(750 / 850)
    weekly = trends.group_shares(hand_db, JANUARY, "week")
    empty_weeks = weekly.groupby("bucket")["all_revenue"].first() == 0
    assert weekly[weekly["bucket"].isin(empty_weeks[empty_weeks].index)]["revenue_share"].isna().all()
    fig = trend_charts.share_area(shares.reset_index(), "referral_share", "referrals_received",
                                  charts.group_colors(["Harbour", "Chamber", "Quiet"]), "Share")
    assert sum(t.y[0] for t in fig.data) == pytest.approx(100)
    assert fig.layout.yaxis.title.text == "Share of all groups (%)"


def test_period_pair_side_by_side(hand_db):
    pair = trends.period_pair(hand_db, JANUARY, FEBRUARY)
    revenue = pair[pair["measure"] == "activities"].set_index("group")
    assert revenue.loc["Harbour", "value_a"] == 2 and revenue.loc["Harbour", "value_b"] == 1
    assert revenue.loc["Harbour", "change_pct"] == pytest.approx(100)
    assert pd.isna(revenue.loc["Quiet", "change_pct"])  # 0 in February: no percentage
    table = trends.pair_table(pair, "sales_value", "$", "A", "B").set_index("Group")
    assert table.loc["Harbour", "A"] == "$750" and table.loc["Harbour", "Change"] == "+$750"
    assert table.loc["Quiet", "Change %"] == "–"
    fig = trend_charts.period_pair_bars(pair, "sales_value", {}, "A", "B")
    assert [t.name for t in fig.data] == ["A", "B (grey)"] and fig.layout.yaxis.title.text == "Revenue ($)"


def test_other_period_choices():
    q = Period(date(2025, 4, 1), date(2025, 6, 30), "last_quarter")
    assert trends.other_period(q, "previous") == Period(date(2025, 1, 1), date(2025, 3, 31), "last_quarter")
    assert trends.other_period(q, "year_before") == Period(date(2024, 4, 1), date(2024, 6, 30))
    chosen = Period(date(2023, 1, 1), date(2023, 1, 31))
    assert trends.other_period(q, "custom", chosen) == chosen
    with pytest.raises(ValueError):
        trends.other_period(q, "custom")


def test_rolling_lines_and_yoy_bars(long_db):
    frame = trends.rolling(long_db, YEAR_2025)
    fig = trend_charts.rolling_lines(trends.rolling_measure(frame, "sales_value"), "sales_value",
                                     {"Steady": "#123456"}, "€")
    steady = next(t for t in fig.data if t.name == "Steady")
    assert steady.line.color == "#123456" and list(steady.y)[-1] == pytest.approx(2400)
    assert "12 months to %{x|%b %Y}: €%{y:,.2f}<br>That month alone: €%{customdata[0]:,.2f}" in steady.hovertemplate
    assert next(t for t in fig.data if t.name == "Total").line.dash == "dash"
    assert fig.layout.yaxis.title.text == "Revenue (€), sum of 12 months"
    bars = trend_charts.yoy_bars(trends.latest_yoy(frame, "sales_value"), "sales_value", {}, "€")
    assert dict(zip(bars.data[0].y, bars.data[0].text))["Steady"] == "+100 %"
    assert dict(zip(bars.data[0].y, bars.data[0].text))["Late"] == "no full year before"
