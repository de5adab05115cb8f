"""Read the marts for a period: functions (db, period, ...) -> DataFrame. No Streamlit here."""

from __future__ import annotations

from datetime import date

import pandas as pd

from netmetrics.db import Database
from netmetrics.periods import Period, check_grain

_METRICS_SQL = "select * from mart_metrics(?, ?, ?, ?, ?)"


def data_span(db: Database) -> tuple[date, date] | None:
    """First and last day covered by any stored fact or membership, or None for an empty database."""
    first, last = db.rows("""
        select min(start_date), max(end_date) from (
            select start_date, end_date from activities
            union all select start_date, end_date from referrals
            union all select start_date, end_date from sales
            union all select start_date, end_date from web_visits
            union all select joined_on, coalesce(left_on, joined_on) from groups
        )""")[0]
    return (first, last) if first else None


def has_data(db: Database) -> bool:
    return bool(db.scalar("select exists (select 1 from groups)"))


def has_web(db: Database) -> bool:
    return bool(db.scalar("select exists (select 1 from web_visits)"))


def groups(db: Database) -> pd.DataFrame:
    """Every group in a stable order (by id), which also fixes each group's colour."""
    return db.df("select group_id, name, type, joined_on, left_on, annual_dues from groups order by group_id")


def comparison(db: Database, period: Period, hourly_rate: float = 0.0) -> pd.DataFrame:
    """One row per group active in the period plus a 'Total' row (is_total) with all measures and ratios."""
    frame = db.df(_METRICS_SQL, [period.start, period.end, "period", 1, float(hourly_rate)])
    return frame.drop(columns=["bucket"])


def series(db: Database, period: Period, grain: str, *, fy_start_month: int = 1,
           hourly_rate: float = 0.0) -> pd.DataFrame:
    """One row per bucket x group (and per bucket total) at a grain: week, month, quarter or year."""
    check_grain(grain)
    return db.df(_METRICS_SQL, [period.start, period.end, grain, int(fy_start_month), float(hourly_rate)])


WEB_GRAINS = ("day", "week", "month")


def web(db: Database, period: Period, grain: str = "month") -> pd.DataFrame:
    """Direct, social and total website sessions per bucket (channel columns NULL where the stored
    exports have no channel)."""
    check_grain(grain, WEB_GRAINS)
    return db.df("select * from mart_web(?, ?, ?)", [period.start, period.end, grain])


def split_total(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series | None]:
    """(group rows, the total row) of a comparison frame."""
    groups_only = frame[~frame["is_total"]].reset_index(drop=True)
    totals = frame[frame["is_total"]]
    return groups_only, (totals.iloc[0] if len(totals) else None)


def group_row(frame: pd.DataFrame, name: str) -> pd.Series | None:
    """The row of one group in a comparison or shares frame, or None when it has none."""
    rows = frame[frame["group"] == name]
    return rows.iloc[0] if len(rows) else None


def shares(frame: pd.DataFrame, columns=("activities", "hours", "referrals_received", "sales_value")) -> pd.DataFrame:
    """Each group's share (0..1) of the period's activities, hours, referrals and revenue; NaN when the
    total is zero."""
    groups_only, total = split_total(frame)
    result = groups_only[["group_id", "group"]].copy()
    for column in columns:
        denominator = total[column] if total is not None else 0
        result[column] = groups_only[column] / denominator if denominator else float("nan")
    return result
