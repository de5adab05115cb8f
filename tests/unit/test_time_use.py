"""Time page: where the hours go, golden rows on the hand fixture and the demo's social-group story."""

from datetime import date

import pandas as pd
import pytest

from netmetrics import charts, time_use
from netmetrics.charts import time_use as time_charts
from netmetrics.periods import Period

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))
COLORS = charts.group_colors(["Harbour", "Chamber", "Quiet"])


def rows(frame):
    return {r["group"]: r for _, r in frame.iterrows()}


def test_hours_by_group_golden_rows(hand_db):
    frame = time_use.hours_by_group(hand_db, JANUARY)
    by = rows(frame)
    assert list(frame["group"]) == ["Harbour", "Chamber", "Quiet", "Total"]  # most hours first, total last
    harbour = by["Harbour"]
    assert harbour["hours"] == pytest.approx(8.5)
    assert harbour["non_event_hours"] == pytest.approx(4.5)  # prep 1.5 + travel 2 + recovery 1
    assert harbour["non_event_share"] == pytest.approx(4.5 / 8.5)
    assert harbour["hours_per_referral"] == pytest.approx(8.5 / 3)
    assert harbour["hours_per_sale"] == pytest.approx(8.5 / 2)
    assert harbour["hours_per_activity"] == pytest.approx(4.25)
    chamber = by["Chamber"]  # 3.2 prorated event hours, no referral, no sale: ratios are "no data"
    assert chamber["non_event_share"] == pytest.approx(0)
    assert pd.isna(chamber["hours_per_referral"]) and pd.isna(chamber["hours_per_sale"])
    assert time_use.display_table(frame).set_index("Group").loc["Chamber", "Hours per sale"] == "–"
    quiet = by["Quiet"]  # no hours: no share; one referral: 0 hours per referral
    assert pd.isna(quiet["non_event_share"])
    assert quiet["hours_per_referral"] == pytest.approx(0)
    total = by["Total"]
    assert total["hours"] == pytest.approx(11.7)
    assert total["non_event_share"] == pytest.approx(4.5 / 11.7)
    assert total["hours_per_referral"] == pytest.approx(11.7 / 4)
    assert total["hours_per_sale"] == pytest.approx(11.7 / 3)
    assert bool(total["prorated"])


def test_hours_over_time_adds_up_to_the_period(hand_db):
    series = time_use.hours_over_time(hand_db, JANUARY, "week")
    totals = series[series["is_total"]]
    assert totals["hours"].sum() == pytest.approx(11.7)
    assert series[series["group"] == "Harbour"]["prep_hours"].sum() == pytest.approx(1.5)
    with pytest.raises(ValueError):
        time_use.hours_over_time(hand_db, JANUARY, "decade")


def test_reading_names_the_share_and_the_biggest_eater(hand_db):
    text = time_use.reading(time_use.hours_by_group(hand_db, JANUARY))
    assert "38 %" in text  # 4.5 of 11.7 hours
    assert "Harbour took the most: 8 hours (73 %) for 2 sales." in text
    assert time_use.reading(time_use.hours_by_group(hand_db, Period(date(2030, 1, 1), date(2030, 1, 2)))) == \
        "No hours recorded in this period."


def test_charts_stack_the_parts_and_say_no_referrals(hand_db):
    frame = time_use.hours_by_group(hand_db, JANUARY)
    fig = time_charts.hours_by_part(frame)
    parts = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in parts] == ["Event", "Preparation", "Travel", "Recovery"]
    assert sum(t.x[0] for t in parts) == pytest.approx(8.5)  # Harbour, first row
    assert fig.layout.barmode == "stack" and fig.layout.xaxis.title.text == "Hours (h)"
    assert "53 % not the event" in fig.data[-1].text[0]
    per = time_charts.hours_per_result(frame, COLORS)
    per_referral = dict(zip(per.data[0].y, per.data[0].text))
    assert per_referral["Chamber"] == "no referrals" and per_referral["Harbour"] == "2.8 h"
    assert dict(zip(per.data[0].y, per.data[0].marker.color))["Harbour"] == COLORS["Harbour"]
    over = time_charts.hours_over_time(time_use.hours_over_time(hand_db, JANUARY, "month"), COLORS)
    assert {t.name for t in over.data} == {"Harbour", "Chamber", "Quiet"}
    assert over.layout.yaxis.title.text == "Hours per month (h)"


@pytest.mark.parametrize("period", [Period(date(2024, 11, 24), date(2026, 11, 23)),
                                    Period(date(2025, 11, 24), date(2026, 11, 23))])
def test_demo_social_group_eats_the_most_hours(demo_db, period):
    frame = time_use.hours_by_group(demo_db, period)
    groups = frame[~frame["is_total"]]
    assert groups.iloc[0]["group"] == "LinkedIn Local Makers"
    assert groups.iloc[0]["hours"] > 0.5 * frame[frame["is_total"]].iloc[0]["hours"]
    assert groups.iloc[0]["hours_per_sale"] > 5 * groups.set_index("group").loc["BNI Harbour", "hours_per_sale"]
