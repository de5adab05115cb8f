"""The Overview page built "the common Streamlit way", as a benchmark baseline.

    NETMETRICS_DB=bench/results/big-1000000.duckdb streamlit run bench/pandas_overview.py

The raw tables are read once into st.cache_data-cached pandas DataFrames; every rerun then filters
them by the period (prorating multi-day rows by day: weight = overlap days / covered days), groups by
group for the period and the previous period, prorates dues, and draws the same KPI cards, the same
two Plotly charts and the same comparisons table as pages/overview.py. The period comes from
st.query_params (preset=custom&from=...&to=...) and the same sidebar widget keys as the real app
(nm_preset, nm_range), so one AppTest driver moves both.
"""

from __future__ import annotations

import os
from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from netmetrics import charts, queries, reading
from netmetrics.db import Database
from netmetrics.metrics import COMPARISONS, METRICS, format_table
from netmetrics.periods import PRESETS, Period, parse_date, preset_period

MEASURES = ("activities", "people_met", "event_hours", "prep_hours", "travel_hours", "recovery_hours",
            "expenses", "referrals_received", "referrals_given", "own_purchases", "sales", "sales_value")
KPI_METRICS = ("activities", "hours", "cost", "referrals_received", "referrals_given", "sales",
               "sales_value", "return_ratio_pct")
LOWER_IS_BETTER = {"cost", "hours"}
TABLE_COLUMNS = ["activities", "referrals_received", "referrals_given", "sales", "sales_value",
                 *COMPARISONS, "return_ratio_pct", "net_roi_pct"]
# the columns of netmetrics.queries.comparison, in its order
COLUMNS = ["is_total", "group_id", "group", "type", "activities", "people_met", "hours", "event_hours",
           "prep_hours", "travel_hours", "recovery_hours", "expenses", "dues", "time_cost", "cost",
           "referrals_received", "referrals_given", "own_purchases", "sales", "sales_value",
           *COMPARISONS, "return_ratio_pct", "net_roi_pct", "prorated"]
# stored column -> measure, per raw table
_ACTIVITY_COLUMNS = {"activity_count": "activities", "people_met": "people_met", "event_hours": "event_hours",
                     "prep_hours": "prep_hours", "travel_hours": "travel_hours",
                     "recovery_hours": "recovery_hours", "expenses": "expenses"}


# -- loading: once per file ------------------------------------------------------------------------
@st.cache_data(show_spinner="Loading data…")
def load_tables(path: str) -> dict[str, pd.DataFrame]:
    db = Database(path)
    try:
        tables = {name: db.df(f"select * from {name}")  # noqa: S608 - fixed table names
                  for name in ("groups", "activities", "referrals", "sales")}
        tables["currency"] = db.get_setting("currency", "$")
    finally:
        db.close()
    return tables


# -- computing: on every rerun ---------------------------------------------------------------------
def _in_period(frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.DataFrame, pd.Series]:
    """Rows overlapping [start, end] and each row's weight (days inside / days covered)."""
    rows = frame[(frame["start_date"] <= end) & (frame["end_date"] >= start)]
    inside = (rows["end_date"].clip(upper=end) - rows["start_date"].clip(lower=start)).dt.days + 1
    covered = (rows["end_date"] - rows["start_date"]).dt.days + 1
    return rows, inside / covered


def _safe_div(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return numerator / denominator.where(denominator != 0)


def comparison(tables: dict, period: Period, hourly_rate: float = 0.0) -> pd.DataFrame:
    """The same frame as netmetrics.queries.comparison, computed in pandas."""
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    parts = []

    rows, weight = _in_period(tables["activities"], start, end)
    part = rows[list(_ACTIVITY_COLUMNS)].mul(weight, axis=0).rename(columns=_ACTIVITY_COLUMNS)
    parts.append(part.assign(group_id=rows["group_id"], prorated=weight < 1))

    rows, weight = _in_period(tables["referrals"], start, end)
    counted = rows["referral_count"] * weight
    parts.append(pd.DataFrame({
        "group_id": rows["group_id"],
        "referrals_received": counted.where(rows["direction"] == "received", 0.0),
        "referrals_given": counted.where(rows["direction"] == "given", 0.0),
        "own_purchases": counted.where(rows["own_purchase"], 0.0),
        "prorated": weight < 1,
    }))

    rows, weight = _in_period(tables["sales"], start, end)
    parts.append(pd.DataFrame({"group_id": rows["group_id"], "sales": rows["sale_count"] * weight,
                               "sales_value": rows["amount"] * weight, "prorated": weight < 1}))

    facts = pd.concat(parts, ignore_index=True)
    facts[list(MEASURES)] = facts[list(MEASURES)].fillna(0.0)
    facts["prorated"] = facts["prorated"].astype(bool)
    per_group = facts.groupby("group_id").agg({**{m: "sum" for m in MEASURES}, "prorated": "any"})

    # dues: annual dues / 365 per day of membership inside the period
    groups = tables["groups"].set_index("group_id")
    joined = groups["joined_on"].fillna(start).clip(lower=start)
    left = groups["left_on"].fillna(end).clip(upper=end)
    member = (groups["joined_on"].fillna(end) <= end) & (groups["left_on"].fillna(start) >= start)
    dues = (groups["annual_dues"] / 365.0 * ((left - joined).dt.days + 1))[member].rename("dues")

    result = per_group.join(dues, how="outer")
    result[list(MEASURES)] = result[list(MEASURES)].fillna(0.0)
    result["dues"] = result["dues"].fillna(0.0)
    result["prorated"] = result["prorated"].fillna(False).astype(bool)
    result = result.join(groups[["name", "type"]]).rename(columns={"name": "group"})
    result = result.reset_index().rename(columns={"index": "group_id"})
    result["is_total"] = False
    result = result.sort_values("group", kind="stable")

    total = result[[*MEASURES, "dues"]].sum().to_frame().T
    total["prorated"] = bool(result["prorated"].any())
    total["is_total"], total["group"], total["type"], total["group_id"] = True, "Total", None, pd.NA
    frame = pd.concat([result, total], ignore_index=True)

    frame["hours"] = frame[["event_hours", "prep_hours", "travel_hours", "recovery_hours"]].sum(axis=1)
    frame["time_cost"] = frame["hours"] * hourly_rate
    frame["cost"] = frame["expenses"] + frame["dues"] + frame["time_cost"]
    frame["sales_per_activity"] = _safe_div(frame["sales"], frame["activities"])
    frame["referrals_per_activity"] = _safe_div(frame["referrals_received"], frame["activities"])
    frame["sales_per_referral"] = _safe_div(frame["sales"], frame["referrals_received"])
    frame["value_per_referral"] = _safe_div(frame["sales_value"], frame["referrals_received"])
    frame["value_per_activity"] = _safe_div(frame["sales_value"], frame["activities"])
    frame["given_per_activity"] = _safe_div(frame["referrals_given"], frame["activities"])
    frame["return_ratio_pct"] = _safe_div(frame["sales_value"] * 100, frame["cost"])
    frame["net_roi_pct"] = _safe_div((frame["sales_value"] - frame["cost"]) * 100, frame["cost"])
    frame["group_id"] = frame["group_id"].astype("Int32")
    frame["group"], frame["type"] = frame["group"].astype("str"), frame["type"].astype("str")
    frame["is_total"] = frame["is_total"].astype(bool)
    frame["prorated"] = frame["prorated"].astype(bool)
    for column in frame.columns.difference(["is_total", "group_id", "group", "type", "prorated"]):
        frame[column] = frame[column].astype(float)
    return frame[COLUMNS]


# -- the page ----------------------------------------------------------------------------------------
def _period_from_sidebar(today: date) -> Period:
    if "nm_preset" not in st.session_state:
        params = st.query_params
        preset = params.get("preset", "last_12_months")
        st.session_state.nm_preset = preset if preset in PRESETS else "last_12_months"
        start, end = parse_date(params.get("from")), parse_date(params.get("to"))
        if not (start and end and start <= end):
            fallback = preset_period("last_12_months", today)
            start, end = fallback.start, fallback.end
        st.session_state.nm_range = (start, end)
    preset = st.sidebar.selectbox("Show", list(PRESETS), format_func=PRESETS.get, key="nm_preset")
    if preset == "custom":
        chosen = st.sidebar.date_input("From – to", key="nm_range", format="YYYY-MM-DD")
        start, end = (chosen[0], chosen[-1]) if chosen else st.session_state.nm_range
        period = Period(start, end, "custom")
        st.query_params.from_dict({"preset": preset, "from": start.isoformat(), "to": end.isoformat()})
    else:
        period = preset_period(preset, today)
        st.query_params.from_dict({"preset": preset})
    return period


def _change(now, before) -> str | None:
    if now is None or before is None or pd.isna(now) or pd.isna(before) or before == 0:
        return None
    return f"{(now - before) / abs(before) * 100:+.0f} %"


def main() -> None:
    st.set_page_config(page_title="NetMetrics (pandas baseline)", layout="wide")
    tables = load_tables(os.environ["NETMETRICS_DB"])
    currency = tables["currency"]
    period = _period_from_sidebar(date.today())
    previous = period.previous()

    current = comparison(tables, period)
    groups, total = queries.split_total(current)
    _, previous_total = queries.split_total(comparison(tables, previous))
    colors = charts.group_colors(tables["groups"].sort_values("group_id")["name"].tolist())

    st.title("Overview")
    st.caption(f"{period.label} · change against {previous.label}")
    columns = st.columns(4)
    for i, name in enumerate(KPI_METRICS):
        metric = METRICS[name]
        now = total[name] if total is not None else None
        before = previous_total[name] if previous_total is not None else None
        columns[i % 4].metric(
            metric.label, metric.format(now if now is not None else 0 if metric.unit != "percent" else None,
                                        currency),
            delta=_change(now, before), delta_color="inverse" if name in LOWER_IS_BETTER else "normal",
            help=f"{metric.formula}. {metric.help}".strip(), border=True)
    if groups.empty or np.allclose(groups[["activities", "cost", "sales_value"]].sum(), 0):
        st.info(f"Nothing recorded between {period.label}.")
        st.stop()
    st.markdown(f"**Reading:** {reading.overview_reading(current, currency)}")

    left, right = st.columns(2)
    left.plotly_chart(charts.shares_by_group(queries.shares(current), colors), key="nm_shares")
    right.plotly_chart(charts.cost_vs_revenue(groups, colors, currency), key="nm_cost_revenue")

    st.subheader("The six comparisons")
    st.caption("Per group and in total. A dash means no data: the denominator is zero.")
    st.dataframe(format_table(current, TABLE_COLUMNS, currency), hide_index=True, width="stretch")
    if bool(total["prorated"]):
        st.caption("Some figures are prorated: rows that cover a week, a month or a report range and "
                   "only partly fall in this period count for the share of their days inside it.")


# Streamlit runs a page as __main__; the benchmark imports `comparison` without drawing the page.
if __name__ == "__main__":
    main()
