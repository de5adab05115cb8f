"""The verdict rules at their boundaries, the thresholds as settings, and the demo's stories."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from netmetrics import roi, verdicts
from netmetrics.charts import verdicts as verdict_charts
from netmetrics.verdicts import PAYING_BACK, RECONSIDER, TOO_EARLY, WATCH, Thresholds, judge

T = Thresholds()


def group(**overrides) -> dict:
    """A group with 12 months of history, 1000 of cost and `ratio` % back, never paid back, no referrals."""
    row = {"group": "G", "months_of_history": 12.0, "start_on": date(2025, 1, 1), "window_from": date(2025, 1, 1),
           "window_to": date(2025, 12, 31), "cost": 1000.0, "revenue": 800.0, "return_ratio_pct": 80.0,
           "payback_month": None, "payback_on": None, "ahead_now": False, "referrals_given": 0.0,
           "own_purchases": 0.0, "own_purchase_share": None, "left_on": None}
    row.update(overrides)
    if "return_ratio_pct" in overrides and overrides["return_ratio_pct"] is not None and "revenue" not in overrides:
        row["revenue"] = row["cost"] * overrides["return_ratio_pct"] / 100
    return row


def test_too_early_below_six_months_whatever_the_ratio():
    assert judge(group(months_of_history=5.99, return_ratio_pct=900.0), T).verdict == TOO_EARLY
    assert judge(group(months_of_history=5.99, return_ratio_pct=1.0), T).verdict == TOO_EARLY
    assert judge(group(months_of_history=6.0, return_ratio_pct=900.0), T).verdict == PAYING_BACK


def test_paying_back_from_exactly_the_threshold():
    assert judge(group(return_ratio_pct=100.0), T).verdict == PAYING_BACK
    assert judge(group(return_ratio_pct=99.99), T).verdict == WATCH


def test_reconsider_strictly_below_the_threshold_and_only_without_payback():
    assert judge(group(return_ratio_pct=50.0), T).verdict == WATCH
    assert judge(group(return_ratio_pct=49.99), T).verdict == RECONSIDER
    paid = judge(group(return_ratio_pct=49.99, payback_month=4, payback_on=date(2025, 4, 30), ahead_now=True), T)
    assert paid.verdict == WATCH and "paid back since joining" in paid.rule
    # paid back once but behind again now counts as no payback
    behind = judge(group(return_ratio_pct=30.0, payback_month=4, payback_on=date(2025, 4, 30), ahead_now=False), T)
    assert behind.verdict == RECONSIDER and "behind again now" in behind.numbers


def test_no_payback_after_the_deadline_means_reconsider():
    assert judge(group(months_of_history=17.99, return_ratio_pct=80.0), T).verdict == WATCH
    late = judge(group(months_of_history=18.0, return_ratio_pct=80.0), T)
    assert late.verdict == RECONSIDER and "18 months" in late.rule
    assert judge(group(months_of_history=30.0, return_ratio_pct=80.0, ahead_now=True, payback_month=9), T).verdict \
        == WATCH


def test_no_cost_in_the_window():
    free = judge(group(cost=0.0, revenue=500.0, return_ratio_pct=None), T)
    assert free.verdict == PAYING_BACK and "No cost" in free.rule
    idle = judge(group(cost=0.0, revenue=0.0, return_ratio_pct=None, months_of_history=30.0), T)
    assert idle.verdict == WATCH and "nothing to judge" in idle.rule


def test_every_verdict_states_its_rule_and_numbers():
    found = judge(group(return_ratio_pct=120.0, cost=1000.0), T, currency="€")
    assert found.label == "Paying back"
    assert "at or above 100 %" in found.rule
    assert "return ratio 120 %" in found.numbers and "€1,200 on €1,000" in found.numbers
    assert "12.0 months of history since 01 Jan 2025" in found.numbers
    assert "not paid back since joining" in found.numbers
    early = judge(group(months_of_history=3.0), T)
    assert "its 3.0 months so far" in early.numbers


def test_thresholds_change_the_verdicts():
    strict = replace(T, paying_back_pct=150.0, reconsider_below_pct=90.0, min_months=12.0)
    assert judge(group(return_ratio_pct=120.0), strict).verdict == WATCH
    assert judge(group(return_ratio_pct=80.0), strict).verdict == RECONSIDER
    assert judge(group(months_of_history=11.9, return_ratio_pct=80.0), strict).verdict == TOO_EARLY


def test_red_flag_at_the_share_and_count_boundaries():
    assert verdicts.red_flag(group(referrals_given=5.0, own_purchases=4.0), T).startswith("Red flag: 4 of 5")
    assert verdicts.red_flag(group(referrals_given=5.0, own_purchases=3.99), T) == ""
    assert verdicts.red_flag(group(referrals_given=2.0, own_purchases=2.0), T) == ""  # under 3 given
    assert verdicts.red_flag(group(referrals_given=3.0, own_purchases=3.0), T) != ""
    flagged = judge(group(return_ratio_pct=150.0, referrals_given=10.0, own_purchases=9.0), T)
    assert flagged.verdict == PAYING_BACK and "90%" in flagged.red_flag  # the flag never changes the verdict


def test_threshold_problems():
    assert T.problems() == []
    assert replace(T, reconsider_below_pct=120.0).problems()
    assert replace(T, own_purchase_share=0.0).problems()
    assert replace(T, window_months=0).problems()


def test_thresholds_are_workspace_settings(empty_db):
    assert verdicts.load_thresholds(empty_db) == T
    chosen = replace(T, min_months=9.0, window_months=6, own_purchase_share=0.7)
    assert verdicts.save_thresholds(empty_db, chosen) == []
    assert empty_db.get_setting("verdict.min_months") == "9"
    assert empty_db.get_setting("verdict.window_months") == "6"
    assert verdicts.load_thresholds(empty_db) == chosen
    assert verdicts.save_thresholds(empty_db, replace(T, reconsider_below_pct=500.0))  # refused: above 100
    assert verdicts.load_thresholds(empty_db) == chosen
    empty_db.set_setting("verdict.min_months", "lots")  # unreadable: that one falls back to its default
    assert verdicts.load_thresholds(empty_db).min_months == 6.0


def demo_verdicts(db, rate=0.0, t=T):
    inputs = roi.verdict_inputs(db, date(2026, 11, 23), rate, 100.0, t.window_months)
    return verdicts.judge_all(inputs, t).set_index("group")


def test_demo_stories_come_out_of_the_rules(demo_db):
    judged = demo_verdicts(demo_db)
    assert judged.loc["Association of Independent Designers", "verdict"] == TOO_EARLY
    assert judged.loc["BNI Harbour", "verdict"] == PAYING_BACK
    assert 7 <= judged.loc["BNI Harbour", "payback_month"] <= 9
    chamber = judged.loc["Riverside Chamber of Commerce"]
    assert chamber["verdict"] == RECONSIDER and pd.isna(chamber["payback_month"])
    assert "Left on 31 Oct 2025" in judged.loc["Design Week Workshops", "numbers"]
    # the social group eats hours: once time is valued it stops paying back
    timed = demo_verdicts(demo_db, rate=40.0)
    assert timed.loc["LinkedIn Local Makers", "verdict"] == RECONSIDER
    assert timed.loc["Association of Independent Designers", "verdict"] == TOO_EARLY


def test_verdict_map_draws_every_group_and_the_thresholds(demo_db):
    judged = demo_verdicts(demo_db).reset_index()
    fig = verdict_charts.verdict_map(judged, {"BNI Harbour": "#123456"}, min_months=6, paying_back_pct=100,
                                     reconsider_below_pct=50)
    assert len(fig.data) == len(judged)
    bni = next(t for t in fig.data if t.name == "BNI Harbour")
    assert bni.marker.color == "#123456" and bni.text == ("Paying back",)
    assert {s.x0 for s in fig.layout.shapes if s.type == "line" and s.x0 == s.x1} == {6}
    assert {s.y0 for s in fig.layout.shapes if s.type == "line" and s.y0 == s.y1} == {100, 50}
    assert fig.layout.yaxis.type == "log" and "%" in fig.layout.yaxis.title.text


def test_display_table_and_reading(demo_db):
    judged = demo_verdicts(demo_db).reset_index()
    table = verdicts.display_table(judged, "€").set_index("Group")
    assert table.loc["BNI Harbour", "Verdict"] == "Paying back"
    assert table.loc["LinkedIn Local Makers", "Own purchases / given"] == "–"
    assert table.loc["BNI Harbour", "Cost, last 12 months"].startswith("€")
    text = verdicts.reading(judged)
    assert text.startswith("Paying back: ") and "too early: Association of Independent Designers" in text
    assert list(verdicts.in_order(judged)["verdict"])[-1] == TOO_EARLY
