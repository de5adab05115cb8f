"""Give & get: own purchase share and its red flag at the threshold, reciprocity and its labels."""

from datetime import date

import pandas as pd
import pytest

from netmetrics import charts, give_get
from netmetrics.charts import give_get as gg_charts
from netmetrics.db import Database
from netmetrics.periods import Period
from tests.conftest import insert, single

MARCH = Period(date(2025, 3, 1), date(2025, 3, 31))
JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))

# name: (given, of which own purchases, received)
CASES = {
    "At threshold": (5, 4, 5),      # 80 % with 5 given: red flag; 5/10 = 0.5 balanced
    "Below share": (5, 3, 11),      # 60 %: no flag; 5/16 = 0.31 taker
    "Too few given": (2, 2, 0),     # 100 % but only 2 given: no flag; 2 exchanges: too few
    "Minimum given": (3, 3, 1),     # 100 % with exactly 3 given: red flag; 3/4 = 0.75 over-giver
    "Edge of taking": (1, 0, 2),    # 1/3 exactly: still balanced
    "Silent": (0, 0, 0),            # nothing either way: no share, no index
}


@pytest.fixture
def gg_db(tmp_path):
    db = Database(tmp_path / "gg.duckdb")
    insert(db, "groups", [{"group_id": i, "name": name, "type": "other"} for i, name in enumerate(CASES, 1)])
    referrals, activities = [], []
    for gid, (given, own, received) in enumerate(CASES.values(), 1):
        activities.append({"group_id": gid, **single("2025-03-03"), "activity_count": gid})
        referrals += [{"group_id": gid, **single("2025-03-10"), "direction": "given", "own_purchase": k < own}
                      for k in range(given)]
        referrals += [{"group_id": gid, **single("2025-03-12"), "direction": "received"} for _ in range(received)]
    insert(db, "activities", activities)
    insert(db, "referrals", referrals)
    yield db
    db.close()


def test_red_flag_and_reciprocity_at_their_boundaries(gg_db):
    frame = give_get.give_get(gg_db, MARCH).set_index("group")
    assert frame.loc["At threshold", "own_purchase_share"] == pytest.approx(0.8)
    flags = frame["own_purchase_flag"].to_dict()
    assert flags == {"At threshold": True, "Below share": False, "Too few given": False, "Minimum given": True,
                     "Edge of taking": False, "Silent": False, "Total": False}
    assert frame.loc["Below share", "reciprocity"] == pytest.approx(5 / 16)
    assert frame.loc["Edge of taking", "reciprocity"] == pytest.approx(1 / 3)
    labels = frame["balance_label"].to_dict()
    assert labels["At threshold"] == "balanced" and labels["Below share"] == "taker"
    assert labels["Too few given"] == "too few" and labels["Minimum given"] == "over-giver"
    assert labels["Edge of taking"] == "balanced" and labels["Silent"] == "too few"
    assert pd.isna(frame.loc["Silent", "own_purchase_share"]) and pd.isna(frame.loc["Silent", "reciprocity"])
    assert frame.loc["Total", "referrals_given"] == 16 and frame.loc["Total", "own_purchases"] == 12
    assert frame.loc["Minimum given", "given_per_activity"] == pytest.approx(3 / 4)  # group 4 has 4 activities


def test_thresholds_are_settings(gg_db):
    strict = give_get.Rules(flag_share=0.6, min_given=5)
    flags = give_get.give_get(gg_db, MARCH, strict).set_index("group")["own_purchase_flag"]
    assert flags["Below share"] and flags["At threshold"] and not flags["Minimum given"]
    assert "60 % or more" in strict.flag_text() and "at least 5 given" in strict.flag_text()


def test_hand_fixture_harbour(hand_db):
    frame = give_get.give_get(hand_db, JANUARY).set_index("group")
    assert frame.loc["Harbour", "own_purchase_share"] == pytest.approx(0.5)
    assert frame.loc["Harbour", "reciprocity"] == pytest.approx(2 / 5)
    assert frame.loc["Quiet", "reciprocity"] == pytest.approx(0)  # only received, one referral: too few
    assert frame.loc["Quiet", "balance_label"] == "too few"
    table = give_get.display_table(frame.reset_index()).set_index("Group")
    assert table.loc["Chamber", "Own purchases share"] == "–" and table.loc["Harbour", "Reciprocity"] == "0.40"


def test_reading_names_takers_givers_and_flags(gg_db):
    text = give_get.reading(give_get.give_get(gg_db, MARCH))
    assert "You gave 16 referrals and received 19" in text
    assert "take from Below share" in text and "give to Minimum given" in text
    assert "Red flag for At threshold and Minimum given" in text


def test_charts(gg_db):
    frame = give_get.give_get(gg_db, MARCH)
    colors = charts.group_colors(list(CASES))
    fig = gg_charts.given_vs_received(frame, colors)
    given, received = fig.data
    assert dict(zip(given.y, given.x))["At threshold"] == -5 and dict(zip(received.y, received.x))["Below share"] == 11
    assert all(not t.startswith("-") for t in fig.layout.xaxis.ticktext)
    own = gg_charts.own_purchase_share(frame, colors, 0.8, 3)
    by = dict(zip(own.data[0].y, own.data[0].marker.color))
    assert by["At threshold"] == gg_charts.RED and by["Below share"] == colors["Below share"]
    assert dict(zip(own.data[0].y, own.data[0].text))["Silent"] == "nothing given"
    assert "red flag" in dict(zip(own.data[0].y, own.data[0].text))["Minimum given"]
    rec = gg_charts.reciprocity(frame, colors, 1 / 3, 2 / 3)
    assert "Silent" not in rec.data[0].y and rec.layout.xaxis.range[1] > 1
    part = gg_charts.participation(frame, colors)
    assert dict(zip(part.data[0].y, part.data[0].x))["Silent"] == 6


def test_demo_chamber_own_purchases_raise_the_red_flag(demo_db):
    frame = give_get.give_get(demo_db, Period(date(2024, 11, 24), date(2026, 11, 23))).set_index("group")
    chamber = frame.loc["Riverside Chamber of Commerce"]
    assert chamber["own_purchase_share"] == 1 and chamber["referrals_given"] >= 3 and chamber["own_purchase_flag"]
    assert frame["own_purchase_flag"].sum() == 1  # the lead group gives mostly real referrals
    assert frame.loc["LinkedIn Local Makers", "balance_label"] == "taker"
