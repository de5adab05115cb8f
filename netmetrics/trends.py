"""Trends over a long window, because networking pays 6 to 12 months late: rolling 12-month sums,
year-over-year change, each group's share of referrals and revenue over time, and two periods side by
side. (db, period, ...) -> DataFrame; no Streamlit. All sums and shares are computed in SQL
(`mart_rolling`, `mart_group_shares`, `mart_period_pair`)."""

from __future__ import annotations

import pandas as pd

from netmetrics.db import Database
from netmetrics.metrics import METRICS, format_value
from netmetrics.periods import Period, add_months, check_grain

MEASURES = ("activities", "hours", "cost", "referrals_received", "referrals_given", "sales", "sales_value")
SHARE_MEASURES = {"referrals_received": "referral_share", "sales_value": "revenue_share"}
COMPARE_WITH = {"previous": "The period before", "year_before": "The same period a year earlier",
                "custom": "A period I choose"}


def rolling(db: Database, period: Period, hourly_rate: float = 0.0) -> pd.DataFrame:
    """One row per month x group (and total) x measure for the months of the period: the month's value,
    the rolling 12-month sum, the same sum a year earlier, the change in %, and the group's share of
    the rolling sum. Reads up to 23 months before the period, then cuts."""
    return db.df("select * from mart_rolling(?, ?, ?)", [period.start, period.end, float(hourly_rate)])


def rolling_measure(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The rows of one measure."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    return frame[frame["measure"] == measure].reset_index(drop=True)


def latest_yoy(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per group (and total) the last month's rolling 12-month sum against a year earlier."""
    rows = rolling_measure(frame, measure)
    if rows.empty:
        return rows
    return rows[rows["bucket"] == rows["bucket"].max()].reset_index(drop=True)


def group_shares(db: Database, period: Period, grain: str, fy_start_month: int = 1) -> pd.DataFrame:
    """One row per bucket x group: its share (0..1, NULL when the bucket has none) of referrals received
    and of revenue."""
    check_grain(grain)
    return db.df("select * from mart_group_shares(?, ?, ?, ?)",
                 [period.start, period.end, grain, int(fy_start_month)])


def other_period(period: Period, choice: str, custom: Period | None = None) -> Period:
    """The period to put beside `period`: the one before, the same a year earlier, or a chosen one."""
    if choice == "previous":
        return period.previous()
    if choice == "year_before":
        return Period(add_months(period.start, -12), add_months(period.end, -12), "custom")
    if choice == "custom" and custom is not None:
        return custom
    raise ValueError(f"unknown comparison {choice!r}")


def period_pair(db: Database, a: Period, b: Period, hourly_rate: float = 0.0) -> pd.DataFrame:
    """One row per group (and total) x measure: the value in period A and in period B, the change and
    the change in % (NULL when B is 0)."""
    return db.df("select * from mart_period_pair(?, ?, ?, ?, ?)",
                 [a.start, a.end, b.start, b.end, float(hourly_rate)])


def pair_table(pair: pd.DataFrame, measure: str, currency: str, label_a: str, label_b: str) -> pd.DataFrame:
    """The page's side-by-side table for one measure; groups in name order, total last."""
    rows = pair[pair["measure"] == measure]
    unit = METRICS[measure].unit
    return pd.DataFrame({
        "Group": rows["group"],
        label_a: [format_value(v, unit, currency) for v in rows["value_a"]],
        label_b: [format_value(v, unit, currency) for v in rows["value_b"]],
        "Change": [format_value(v, unit, currency) if pd.isna(v) or v <= 0 else "+" + format_value(v, unit, currency)
                   for v in rows["change"]],
        "Change %": ["–" if pd.isna(v) else f"{v:+,.0f} %" for v in rows["change_pct"]],
    }).reset_index(drop=True)


def reading(frame: pd.DataFrame, measure: str, currency: str = "$") -> str:
    """E.g. "Over the 12 months to Nov 2026 revenue was $22,290, +128 % on the 12 months before.
    Friends & past clients brought the largest share (55 %)." """
    latest = latest_yoy(frame, measure)
    if latest.empty:
        return "Nothing recorded in this period."
    label = METRICS[measure].label.lower()
    unit = METRICS[measure].unit
    total = latest[latest["is_total"]].iloc[0]
    month = pd.Timestamp(total["bucket"]).strftime("%b %Y")
    sentence = f"Over the 12 months to {month}, {label} came to {format_value(total['rolling_12'], unit, currency)}"
    if pd.notna(total["yoy_pct"]):
        sentence += f", {total['yoy_pct']:+,.0f} % on the 12 months before."
    else:
        sentence += "; there is not a full year of data before that to compare with."
    groups = latest[~latest["is_total"] & latest["rolling_share"].notna()]
    if not groups.empty and groups["rolling_share"].max() > 0:
        top = groups.loc[groups["rolling_share"].idxmax()]
        sentence += f" {top['group']} had the largest share ({top['rolling_share'] * 100:.0f} %)."
    return sentence
