"""ROI helpers and figures: months of history, payback in words, the tables people read, the demo's payback."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from netmetrics import roi
from netmetrics.charts import roi as roi_charts
from netmetrics.periods import Period

END = date(2026, 11, 23)


@pytest.mark.parametrize(("start", "end", "months"), [
    (date(2025, 1, 1), date(2025, 6, 30), 6.0),
    (date(2025, 1, 1), date(2025, 6, 29), 5 + 29 / 30),
    (date(2025, 1, 1), date(2025, 1, 1), 1 / 31),
    (date(2025, 1, 31), date(2025, 2, 27), 28 / 28),  # 31 Jan + 1 month = 28 Feb (clipped)
    (date(2025, 3, 1), date(2025, 2, 1), 0.0),
    (pd.Timestamp("2024-11-24"), pd.Timestamp("2026-11-23"), 24.0),
])
def test_months_between(start, end, months):
    assert roi.months_between(start, end) == pytest.approx(months)


def test_percent_ticks_are_decades_and_the_band_edges():
    assert roi_charts.percent_ticks(5, 30_000) == [10, 50, 100, 200, 1000, 10_000]
    assert roi_charts.percent_ticks(60, 150) == [100]


def test_payback_text():
    assert roi.payback_text({"payback_month": None}) == "not yet"
    assert roi.payback_text({"payback_month": pd.NA}) == "not yet"
    row = {"payback_month": 8, "payback_on": pd.Timestamp("2025-09-30"), "fell_back": False, "ahead_now": True}
    assert roi.payback_text(row) == "month 8 (Sep 2025)"
    assert roi.payback_text({**row, "fell_back": True, "ahead_now": False}) == "month 8 (Sep 2025), behind again now"


def test_columns_say_whether_revenue_is_profit():
    assert roi.columns(100)["revenue"].label == "Revenue"
    cols = roi.columns(40)
    assert cols["revenue"].label == "Gross profit" and "40 % margin" in cols["revenue"].formula
    assert cols["revenue_per_hour"].label == "Gross profit per hour"
    assert "100 % = break-even" in cols["return_ratio_pct"].formula
    assert "0 % = break-even" in cols["net_roi_pct"].formula


def test_demo_payback_stories(demo_db):
    s = roi.payback_summary(demo_db, END).set_index("group")
    assert 7 <= s.loc["BNI Harbour", "payback_month"] <= 9 and bool(s.loc["BNI Harbour", "ahead_now"])
    assert not bool(s.loc["BNI Harbour", "fell_back"])
    assert pd.isna(s.loc["Riverside Chamber of Commerce", "payback_month"])
    assert s.loc["Riverside Chamber of Commerce", "months"] == 23
    assert pd.isna(s.loc["Association of Independent Designers", "payback_month"])
    # the chamber never paid back at any point of its curve
    curves = roi.payback_curves(demo_db, END)
    assert not curves.loc[curves["group"] == "Riverside Chamber of Commerce", "ahead"].any()


def test_demo_roi_table_has_payback_and_dashes(demo_db):
    frame = roi.roi_table(demo_db, Period(date(2025, 11, 24), END))
    table = roi.display_table(frame).set_index("Group")
    assert table.loc["BNI Harbour", "Months to payback"] in ("7", "8", "9")
    assert table.loc["Riverside Chamber of Commerce", "Paid back in"] == "not yet"
    assert table.loc["Association of Independent Designers", "Cost per sale"] == "–"
    assert table.loc["Total", "Paid back in"] == ""
    text = roi.reading(frame)
    assert text.startswith("In this period networking cost $") and "return ratio of" in text and "net ROI" in text


def test_return_ratio_chart_shades_the_typical_band_and_marks_break_even(demo_db):
    frame = roi.roi_table(demo_db, Period(date(2025, 11, 24), END))
    groups = frame[~frame["is_total"]]
    fig = roi_charts.return_ratio_bars(groups, {"BNI Harbour": "#abcdef"}, (50, 200))
    band = [s for s in fig.layout.shapes if s.type == "rect"]
    assert [(s.x0, s.x1) for s in band] == [(50, 200)]
    assert [s.x0 for s in fig.layout.shapes if s.type == "line"] == [100]
    bar = fig.data[0]
    assert "BNI Harbour" in bar.y and bar.marker.color[list(bar.y).index("BNI Harbour")] == "#abcdef"
    assert "Association of Independent Designers" not in bar.y  # zero return cannot sit on a log axis ...
    assert "Not shown (no revenue): Association of Independent Designers" in fig.layout.xaxis.title.text
    assert fig.layout.xaxis.type == "log" and "%" in fig.layout.xaxis.title.text
    assert "Net ROI" in bar.hovertemplate


def test_cost_chart_stacks_cost_parts_beside_revenue(demo_db):
    groups = roi.roi_table(demo_db, Period(date(2025, 11, 24), END), hourly_rate=20).query("not is_total")
    fig = roi_charts.cost_and_revenue(groups, {}, "€", "Revenue")
    assert [t.name for t in fig.data] == ["Expenses", "Dues", "Time cost", "Revenue (group colour)"]
    assert {t.offsetgroup for t in fig.data} == {"cost", "revenue"} and fig.layout.barmode == "relative"
    assert fig.layout.xaxis.title.text == "Money (€)"


def test_payback_figures(demo_db):
    curves, summary = roi.payback_curves(demo_db, END), roi.payback_summary(demo_db, END)
    fig = roi_charts.payback_curves(curves, summary, {"BNI Harbour": "#abcdef"})
    names = summary["group"].tolist()
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 2 * len(names)
    stars = [t for t in fig.data if t.mode == "markers"]
    assert len(stars) == summary["payback_month"].notna().sum()
    titles = [a.text for a in fig.layout.annotations]
    assert any("BNI Harbour" in t and "paid back in month" in t for t in titles)
    assert any("Riverside" in t and "not paid back yet" in t for t in titles)
    net = roi_charts.cumulative_net(curves, {}, "$")
    assert len(net.data) == len(names) and net.layout.xaxis.title.text == "Months since joining"
    assert roi.payback_reading(summary).startswith("Paid back: ")
    table = roi.payback_table(summary).set_index("Group")
    assert table.loc["Riverside Chamber of Commerce", "Ahead (+) or behind (−)"].startswith("−$")


def test_roi_table_uses_a_payback_it_is_given(demo_db):
    period = Period(date(2025, 11, 24), END)
    payback = roi.payback_summary(demo_db, END, 25, 60)
    given = roi.roi_table(demo_db, period, 25, 60, payback=payback)
    pd.testing.assert_frame_equal(given, roi.roi_table(demo_db, period, 25, 60))
    fake = payback.assign(payback_month=3)  # what is given is what is used
    assert set(roi.roi_table(demo_db, period, payback=fake).query("not is_total")["payback_month"]) == {3}
