"""Group types: guidance for every type, the aggregation on the demo, the figures."""

from __future__ import annotations

from datetime import date

import pytest

from netmetrics import group_types, queries
from netmetrics.charts import group_types as type_charts
from netmetrics.metrics import GROUP_TYPES
from netmetrics.periods import Period

PERIOD = Period(date(2025, 11, 24), date(2026, 11, 23))


def test_every_type_has_guidance_and_a_colour():
    assert set(group_types.GUIDANCE) == set(GROUP_TYPES) == set(group_types.TYPE_COLORS)
    for guide in group_types.GUIDANCE.values():
        assert guide.strengths and guide.weaknesses and guide.check


@pytest.fixture(scope="module")
def types(demo_db):
    frame = group_types.by_type(demo_db, PERIOD, hourly_rate=25)
    total = queries.comparison(demo_db, PERIOD, hourly_rate=25).set_index("group").loc["Total"]
    return frame, total


def test_by_type_adds_up_to_the_comparison_total(types):
    frame, total = types
    assert frame["is_total"].sum() == 1 and frame.iloc[-1]["label"] == "Total"
    by_type = frame[~frame["is_total"]]
    for column in ("activities", "hours", "cost", "sales_value", "referrals_received"):
        assert by_type[column].sum() == pytest.approx(total[column])
    assert frame.iloc[-1]["return_ratio_pct"] == pytest.approx(total["return_ratio_pct"])
    assert set(by_type["label"]) == {"Chamber of commerce", "Referral club (BNI, LeTip…)", "Association",
                                     "Social media", "Informal network"}  # the event series was left last year


def test_type_table_reading_and_figures(types):
    frame, _ = types
    table = group_types.display_table(frame, "€").set_index("Group type")
    assert table.loc["Social media", "Groups"] == "1" and table.loc["Total", "Cost"].startswith("€")
    assert "Gross profit" in group_types.display_table(frame, "€", 50).columns
    text = group_types.reading(frame, "€")
    assert "took the most time: " in text and "Social media" in text
    by_type = frame[~frame["is_total"]]
    fig = type_charts.return_ratio_by_type(by_type, group_types.TYPE_COLORS)
    assert [(s.x0, s.x1) for s in fig.layout.shapes if s.type == "rect"] == [(50, 200)]
    colors = dict(zip(fig.data[0].y, fig.data[0].marker.color))
    assert colors["Social media"] == group_types.TYPE_COLORS["social"]
    assert fig.layout.xaxis.type == "log" and fig.layout.title.text == "Return ratio by group type"
    assert fig.layout.xaxis.title.text == "Return ratio: revenue ÷ cost × 100 (%, log scale)"
    assert list(fig.data[0].text) == [f"{v:,.0f} %" for v in by_type.set_index("label").loc[
        list(fig.data[0].y), "return_ratio_pct"]]
    bars = type_charts.cost_and_revenue_by_type(by_type, group_types.TYPE_COLORS, "€")
    assert len(bars.data) == 2 and bars.layout.xaxis.title.text == "Money (€)"
    line = group_types.summary_line(by_type.set_index("type").loc["lead_group"], "€")
    assert line.startswith("1 group (BNI Harbour): €")
