"""Website traffic from imported Google Analytics data beside the networking: sessions over time, the
correlation of weekly activities with direct visits at lags of 0 to 8 weeks, and range totals.
(db, period, ...) -> DataFrame; no Streamlit. Sums come from SQL (`mart_web_activity`,
`mart_web_weekly`, `mart_web_ranges`); `lag_correlation` is a pure function over weekly sums."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from netmetrics.db import Database
from netmetrics.periods import Period, check_grain
from netmetrics.queries import WEB_GRAINS

TOTAL_FIELDS = ("direct_sessions", "social_sessions", "paid_social_sessions", "total_sessions")
MAX_LAG_WEEKS = 8
MIN_PAIRS = 8  # fewer weekly pairs than this: no correlation is shown for that lag
DRIVERS = {"activities": "Activities", "people_met": "People met"}  # weekly networking measures to correlate

GA4_EXPORT_STEPS = (
    "In Google Analytics 4 open **Reports › Acquisition › Traffic acquisition**.",
    "Keep the primary dimension **Session default channel group** and add **Date** as a secondary "
    "dimension (the **+** next to it), so every row is one channel on one day.",
    "Pick the date range at the top right (a year or more is best: networking pays late).",
    "Click **Share this report › Download file › Download CSV**.",
    "Import the file on the **Import** page, or on the command line: `netmetrics import FILE.csv`.",
)


def web_span(db: Database) -> tuple[date, date] | None:
    """First and last day covered by imported web data, or None when there is none."""
    first, last = db.rows("select min(start_date), max(end_date) from web_visits")[0]
    return (first, last) if first else None


def sessions_over_time(db: Database, period: Period, grain: str = "week") -> pd.DataFrame:
    """One row per bucket: direct, social, paid social and all sessions (channel columns NULL where the
    exports have no channel), whether web data exists there, and the activities recorded."""
    check_grain(grain, WEB_GRAINS)
    return db.df("select * from mart_web_activity(?, ?, ?)", [period.start, period.end, grain])


def weekly(db: Database, period: Period) -> pd.DataFrame:
    """Whole weeks (Monday..Sunday) inside the period that hold web data: activities, people met, sessions."""
    return db.df("select * from mart_web_weekly(?, ?)", [period.start, period.end])


def ranges(db: Database, period: Period) -> pd.DataFrame:
    """Web data stored as one total for several days (an export without a date), as it was given."""
    return db.df("select * from mart_web_ranges(?, ?)", [period.start, period.end])


def totals(frame: pd.DataFrame) -> dict[str, float | None]:
    """Period totals of the session columns, the CLI's rule: None ("not in the data") when any bucket
    with web data lacks the channel, never 0."""
    rows = frame[frame["has_web"]] if "has_web" in frame else frame
    result = {}
    for field in TOTAL_FIELDS:
        values = rows[field]
        result[field] = None if rows.empty or values.isna().any() else float(values.sum())
    return result


def lag_correlation(weeks: pd.DataFrame, x: str = "activities", y: str = "direct_sessions",
                    max_lag: int = MAX_LAG_WEEKS, min_pairs: int = MIN_PAIRS) -> pd.DataFrame:
    """Pearson correlation of `x` in week t with `y` in week t + lag, for lag = 0..max_lag weeks.

    `weeks` has one row per week (column `week`, a Monday); weeks are matched by date, so a week missing
    from the data is a gap, not a shift. Returns one row per lag: r (NaN when fewer than `min_pairs`
    pairs or a side that never varies) and the number of week pairs it rests on."""
    rows = []
    if weeks.empty or weeks[y].isna().all():
        return pd.DataFrame({"lag": range(max_lag + 1), "r": math.nan, "weeks": 0})
    index = pd.to_datetime(weeks["week"])
    xs = pd.Series(weeks[x].to_numpy(dtype=float), index=index)
    ys = pd.Series(weeks[y].to_numpy(dtype=float), index=index)
    for lag in range(max_lag + 1):
        later = ys.copy()
        later.index = later.index - pd.Timedelta(weeks=lag)  # y of week t + lag lines up with x of week t
        pairs = pd.concat([xs, later], axis=1, join="inner").dropna()
        r = math.nan
        if len(pairs) >= min_pairs:
            a, b = pairs.iloc[:, 0].to_numpy(), pairs.iloc[:, 1].to_numpy()
            if np.std(a) > 0 and np.std(b) > 0:
                r = float(np.corrcoef(a, b)[0, 1])
        rows.append({"lag": lag, "r": r, "weeks": len(pairs)})
    return pd.DataFrame(rows)


def strongest_lag(correlation: pd.DataFrame) -> pd.Series | None:
    """The lag with the highest correlation, or None when no lag has one."""
    valid = correlation.dropna(subset=["r"])
    if valid.empty:
        return None
    return valid.loc[valid["r"].idxmax()]


def correlation_caption(correlation: pd.DataFrame, x_label: str = "activities",
                        y_label: str = "direct visits") -> str:
    """The honest sentence under the lag chart."""
    best = strongest_lag(correlation)
    weeks = int(correlation["weeks"].max()) if len(correlation) else 0
    if best is None:
        return (f"Not enough weeks to correlate {x_label} with {y_label}: each lag needs at least {MIN_PAIRS} "
                f"whole weeks that hold both (this period has {weeks}). Pick a longer period.")
    lag = int(best["lag"])
    when = "in the same week" if lag == 0 else f"{lag} week{'s' if lag != 1 else ''} later"
    strength = _strength(best["r"])
    return (f"Weeks with more {x_label} go with {strength} {y_label} {when} (r = {best['r']:.2f}, "
            f"from {int(best['weeks'])} pairs of weeks). This is a correlation, not proof: other things "
            "(season, campaigns, search) move visits too, and a few weeks can make or break it.")


def _strength(r: float) -> str:
    if r >= 0.5:
        return "clearly more"
    if r >= 0.3:
        return "somewhat more"
    if r > 0.1:
        return "slightly more"
    return "no more"


def session_text(value: float | None) -> str:
    """A session count as people read it; None is "not in this file", never 0."""
    return "not in this file" if value is None else f"{value:,.0f}"


def reading(sums: dict[str, float | None], days: int) -> str:
    """E.g. "Direct visits averaged 80 a week and social visits 45 a week (1 in 4 of all sessions)." """
    weeks = max(days / 7, 1e-9)
    total = sums["total_sessions"]
    if sums["direct_sessions"] is None:
        return (f"{session_text(total)} sessions in all, {total / weeks:,.0f} a week. The imported export has no "
                "channel, so direct and social visits are not in this file: export by *Session default channel "
                "group* to see them.")
    direct, social = sums["direct_sessions"], sums["social_sessions"]
    share = f" ({direct / total * 100:.0f} % of all sessions)" if total else ""
    return (f"Direct visits, people who typed the address, averaged {direct / weeks:,.0f} a week{share}; visits "
            f"from social networks averaged {social / weeks:,.0f} a week.")


def ranges_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The range totals as the page shows them."""
    return pd.DataFrame({
        "From": [f"{d:%Y-%m-%d}" for d in pd.to_datetime(frame["start_date"])],
        "To": [f"{d:%Y-%m-%d}" for d in pd.to_datetime(frame["end_date"])],
        "Days": frame["days"].astype(int),
        "Days in the period": frame["days_in_period"].astype(int),
        "Direct (whole range)": [session_text(None if pd.isna(v) else v) for v in frame["direct_sessions"]],
        "Social (whole range)": [session_text(None if pd.isna(v) else v) for v in frame["social_sessions"]],
        "All (whole range)": [session_text(v) for v in frame["total_sessions"]],
        "Prorated": ["yes" if p else "no" for p in frame["prorated"]],
    })
