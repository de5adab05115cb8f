"""Where the hours go: event, preparation, travel and recovery per group. (db, period) -> DataFrame; no
Streamlit. The figures come from `mart_time` and `mart_metrics`; this module only reads and words them."""

from __future__ import annotations

import pandas as pd

from netmetrics.db import Database
from netmetrics.metrics import format_value
from netmetrics.periods import Period, check_grain

HOUR_COLUMNS = ("event_hours", "prep_hours", "travel_hours", "recovery_hours")

# Figures of this page that the metric registry does not hold: (label, formula, unit).
TIME_METRICS = {
    "non_event_share": ("Not the event itself", "(prep + travel + recovery hours) ÷ hours", "percent"),
    "hours_per_referral": ("Hours per referral", "hours ÷ referrals received", "hours"),
    "hours_per_sale": ("Hours per sale", "hours ÷ sales", "hours"),
    "hours_per_activity": ("Hours per activity", "hours ÷ activities", "hours"),
}


def hours_by_group(db: Database, period: Period) -> pd.DataFrame:
    """One row per group with figures in the period (most hours first) plus a 'Total' row (is_total):
    the four kinds of hours, the share that is not the event, hours per referral, per sale, per activity."""
    return db.df("select * from mart_time(?, ?)", [period.start, period.end])


def hours_over_time(db: Database, period: Period, grain: str, fy_start_month: int = 1) -> pd.DataFrame:
    """Hours per bucket x group (and per bucket total, is_total) at a grain, split by kind."""
    check_grain(grain)
    return db.df(
        "select bucket, is_total, group_id, \"group\", hours, event_hours, prep_hours, travel_hours, "
        "recovery_hours from mart_metrics(?, ?, ?, ?, 0.0) order by bucket, is_total, \"group\"",
        [period.start, period.end, grain, int(fy_start_month)])


def display_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The page's table: hours formatted as people read them; a missing ratio is a dash."""
    shown = pd.DataFrame({"Group": frame["group"]})
    for column, label in (("hours", "Hours"), ("event_hours", "Event"), ("prep_hours", "Preparation"),
                          ("travel_hours", "Travel"), ("recovery_hours", "Recovery")):
        shown[label] = [format_value(v, "hours") for v in frame[column]]
    shown["Not the event itself"] = [format_value(v, "share") for v in frame["non_event_share"]]
    shown["Referrals received"] = [format_value(v, "count") for v in frame["referrals_received"]]
    shown["Sales"] = [format_value(v, "count") for v in frame["sales"]]
    for column in ("hours_per_referral", "hours_per_sale"):
        shown[TIME_METRICS[column][0]] = [format_value(v, "hours") for v in frame[column]]
    return shown


def reading(frame: pd.DataFrame) -> str:
    """E.g. "Of 1,145 hours, 56 % went to preparation, travel and recovery, not the events themselves.
    LinkedIn Local Makers took the most (630 hours, 55 %) for 2 sales." """
    groups = frame[~frame["is_total"]]
    totals = frame[frame["is_total"]]
    if totals.empty or not totals.iloc[0]["hours"]:
        return "No hours recorded in this period."
    total = totals.iloc[0]
    sentences = [f"Of {total['hours']:,.0f} hours of networking, {total['non_event_share'] * 100:.0f} % went to "
                 "preparation, travel and recovery rather than the events themselves."]
    top = groups.loc[groups["hours"].idxmax()]
    sales = "no sale" if not top["sales"] else f"{format_value(top['sales'], 'count')} sale" + (
        "s" if top["sales"] != 1 else "")
    sentences.append(f"{top['group']} took the most: {top['hours']:,.0f} hours "
                     f"({top['hours'] / total['hours'] * 100:.0f} %) for {sales}.")
    return " ".join(sentences)
