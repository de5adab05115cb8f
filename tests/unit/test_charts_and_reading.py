"""Figures and sentences from aggregated frames: checked on their data, not on pixels."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from netmetrics import charts, queries, reading
from netmetrics.metrics import format_table, format_value
from netmetrics.periods import Period

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))


def test_cost_vs_revenue_has_one_bar_per_group_in_its_colour(hand_db):
    groups, _ = queries.split_total(queries.comparison(hand_db, JANUARY, hourly_rate=10))
    colors = charts.group_colors(["Harbour", "Chamber", "Quiet"])
    fig = charts.cost_vs_revenue(groups, colors, "€")
    revenue, cost = fig.data
    assert list(cost.y) == list(groups["group"])
    assert dict(zip(revenue.y, revenue.x)) == pytest.approx({"Chamber": 0, "Harbour": 750, "Quiet": 100})
    assert dict(zip(cost.y, cost.x)) == pytest.approx({"Chamber": 80, "Harbour": 197, "Quiet": 0})
    assert dict(zip(revenue.y, revenue.marker.color))["Harbour"] == charts.PALETTE[0]
    assert dict(zip(revenue.y, revenue.text)) == {"Chamber": "0 %", "Harbour": "381 %", "Quiet": "–"}
    assert fig.layout.xaxis.title.text.startswith("Money (€)")


def test_shares_add_up_to_100_percent(hand_db):
    frame = queries.comparison(hand_db, JANUARY)
    fig = charts.shares_by_group(queries.shares(frame), charts.group_colors(["Harbour", "Chamber", "Quiet"]))
    by_measure = [sum(trace.x[i] for trace in fig.data) for i in range(4)]
    assert by_measure == pytest.approx([100, 100, 100, 100])
    harbour = next(t for t in fig.data if t.name == "Harbour")
    assert harbour.x[2] == pytest.approx(75)  # 3 of 4 referrals


def test_metric_over_time_excludes_totals_and_titles_axes(hand_db):
    series = queries.series(hand_db, JANUARY, "week")
    fig = charts.metric_over_time(series, "sales_value", {}, "$", grain="week")
    assert {t.name for t in fig.data} == {"Harbour", "Chamber", "Quiet"}
    assert fig.layout.yaxis.title.text == "Revenue ($)"
    assert sum(sum(t.y) for t in fig.data) == pytest.approx(850)


def test_hours_split_stacks_the_four_parts(hand_db):
    series = queries.series(hand_db, JANUARY, "month")
    total = series[series["is_total"]]
    fig = charts.hours_split_over_time(total)
    assert [t.name for t in fig.data] == ["Event", "Preparation", "Travel", "Recovery"]
    assert [t.y[0] for t in fig.data] == pytest.approx([7.2, 1.5, 2, 1])


def test_reading_names_the_group_with_most_referrals(hand_db):
    text = reading.overview_reading(queries.comparison(hand_db, JANUARY))
    assert text.startswith("Harbour brought 75 % of referrals for 73 % of the hours.")
    assert "every $1.00 of cost returned $5.31" in text  # 850 / (82 + 78) with no hourly value


def test_reading_of_an_empty_period(empty_db):
    assert reading.overview_reading(queries.comparison(empty_db, JANUARY)) == "No networking recorded in this period."


def test_formatting_shows_a_dash_for_no_data(hand_db):
    frame = queries.comparison(hand_db, JANUARY)
    table = format_table(frame, ["sales_per_activity", "sales_value", "return_ratio_pct"], "€")
    quiet = table[table["Group"] == "Quiet"].iloc[0]
    assert quiet["Sales per activity"] == "–" and quiet["Revenue"] == "€100" and quiet["Return ratio"] == "–"
    assert format_value(1234.4, "money", "$") == "$1,234" and format_value(12.5, "money", "$") == "$12.50"


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, pd.NaT, np.float32("nan")])
@pytest.mark.parametrize("unit", ["count", "hours", "money", "money_ratio", "ratio", "percent", "share"])
def test_every_kind_of_missing_value_is_a_dash(missing, unit):
    assert format_value(missing, unit, "€") == "–"


def test_a_share_is_shown_in_percent():
    assert format_value(0.8, "share") == "80 %" == format_value(80, "percent")
    assert format_value(0.0449, "share") == "4 %" and format_value(12.5, "share") == "1,250 %"
