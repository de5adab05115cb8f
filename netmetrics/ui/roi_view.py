"""Cached results and screen parts for the ROI & payback, Verdicts and Group types pages.

Results are cached like resources.py: keyed by (database file, data version, arguments), so every import
or settings change (which bumps the version) shows fresh figures.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from netmetrics import group_types, roi, verdicts
from netmetrics.metrics import format_value
from netmetrics.periods import Period
from netmetrics.ui import access, components
from netmetrics.ui.context import Context
from netmetrics.ui.resources import open_database
from netmetrics.ui.text import plain

_CACHE = {"ttl": 3600, "max_entries": 256, "show_spinner": False}


# -- cached queries --------------------------------------------------------------------------------------
@st.cache_data(**_CACHE)
def _roi_table(path: str, version: int, start: date, end: date, rate: float, margin: float) -> pd.DataFrame:
    return roi.roi_table(open_database(path), Period(start, end), rate, margin)


@st.cache_data(**_CACHE)
def _payback_curves(path: str, version: int, end: date, rate: float, margin: float) -> pd.DataFrame:
    return roi.payback_curves(open_database(path), end, rate, margin)


@st.cache_data(**_CACHE)
def _payback_summary(path: str, version: int, end: date, rate: float, margin: float) -> pd.DataFrame:
    return roi.payback_summary(open_database(path), end, rate, margin)


@st.cache_data(**_CACHE)
def _verdict_inputs(path: str, version: int, end: date, rate: float, margin: float, window: int) -> pd.DataFrame:
    return roi.verdict_inputs(open_database(path), end, rate, margin, window)


@st.cache_data(**_CACHE)
def _thresholds(path: str, version: int) -> verdicts.Thresholds:
    return verdicts.load_thresholds(open_database(path))


@st.cache_data(**_CACHE)
def _by_type(path: str, version: int, start: date, end: date, rate: float, margin: float) -> pd.DataFrame:
    return group_types.by_type(open_database(path), Period(start, end), rate, margin)


def roi_table(ctx: Context, period: Period | None = None) -> pd.DataFrame:
    p = period or ctx.period
    return _roi_table(ctx.db_path, ctx.version, p.start, p.end, ctx.hourly_rate, ctx.gross_margin_pct)


def payback_curves(ctx: Context) -> pd.DataFrame:
    return _payback_curves(ctx.db_path, ctx.version, ctx.period.end, ctx.hourly_rate, ctx.gross_margin_pct)


def payback_summary(ctx: Context) -> pd.DataFrame:
    return _payback_summary(ctx.db_path, ctx.version, ctx.period.end, ctx.hourly_rate, ctx.gross_margin_pct)


def thresholds(ctx: Context) -> verdicts.Thresholds:
    return _thresholds(ctx.db_path, ctx.version)


def judged(ctx: Context, t: verdicts.Thresholds) -> pd.DataFrame:
    inputs = _verdict_inputs(ctx.db_path, ctx.version, ctx.period.end, ctx.hourly_rate, ctx.gross_margin_pct,
                             int(t.window_months))
    return verdicts.judge_all(inputs, t, ctx.currency)


def by_type(ctx: Context) -> pd.DataFrame:
    return _by_type(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end, ctx.hourly_rate,
                    ctx.gross_margin_pct)


# -- screen parts ---------------------------------------------------------------------------------------


def roi_cards(total: pd.Series | None, previous: pd.Series | None, ctx: Context) -> None:
    """Cost, revenue (or gross profit), return ratio, net ROI, cost per referral and per sale, revenue
    per hour for the period, with the change against the previous period."""
    cols = roi.columns(ctx.gross_margin_pct)
    names = ("cost", "revenue", "return_ratio_pct", "net_roi_pct", "time_cost", "cost_per_referral",
             "cost_per_sale", "revenue_per_hour")
    lower_is_better = {"cost", "time_cost", "cost_per_referral", "cost_per_sale"}
    columns = st.columns(4)
    for i, name in enumerate(names):
        col = cols[name]
        now = None if total is None or roi.is_missing(total[name]) else float(total[name])
        before = None if previous is None or roi.is_missing(previous[name]) else float(previous[name])
        if now is None and col.unit == "money":
            now = 0.0
        columns[i % 4].metric(col.label, format_value(now, col.unit, ctx.currency),
                              delta=components.change(now, before),
                              delta_color="inverse" if name in lower_is_better else "normal",
                              help=col.formula, border=True)


def cost_basis(ctx: Context) -> str:
    """What counts as cost and as revenue on this view (hourly value, gross margin)."""
    return roi.cost_basis(ctx.currency, ctx.hourly_rate, ctx.gross_margin_pct,
                          money_only="money only (set an hourly value in the sidebar to count time)")


def basis(ctx: Context) -> str:
    """The period, what it is compared with, and what counts as cost and revenue."""
    return f"{ctx.period.label} · change against {ctx.period.previous().label} · {cost_basis(ctx)}"


def ratio_explainer(margin_pct: float, currency: str = "$") -> None:
    rev, cur = roi.revenue_label(margin_pct).lower(), plain(currency)
    st.caption(
        f"**Return ratio** = {rev} ÷ cost × 100, the formula of the networking ROI articles: **100 % is "
        f"break-even**; 210 % means each {cur}1 spent brought {cur}2.10 back. **Net ROI** = ({rev} − cost) ÷ "
        "cost × 100, "
        "the usual ROI: **0 % is break-even**; the same case is +110 %. Networking typically returns 50–200 % "
        "(the shaded band). Cost = expenses + dues + hours × your hourly value (sidebar)."
        + ("" if margin_pct >= 100 else f" Revenue is counted as gross profit: sales × {margin_pct:g} % margin.")
    )


def verdict_card(row: pd.Series, currency: str) -> None:
    """One bordered card per group: the verdict, the rule in words, the numbers, the red flag."""
    meta = verdicts.VERDICTS[row["verdict"]]
    with st.container(border=True):
        st.markdown(f"**{plain(row['group'])}**")
        st.badge(meta["label"], icon=meta["icon"], color={"too_early": "gray", "paying_back": "green",
                                                          "watch": "orange", "reconsider": "red"}[row["verdict"]])
        st.markdown(f"**Rule:** {plain(row['rule'])}")
        st.caption(f"**Numbers:** {plain(row['numbers'])}")
        if row["red_flag"]:
            st.warning(plain(row["red_flag"]), icon=":material/flag:")


def thresholds_editor(ctx: Context, current: verdicts.Thresholds) -> None:
    """The thresholds as workspace settings, in an expander with a form; saving reruns the page. Owners only."""
    if not ctx.can_edit:
        return
    with st.expander("Verdict thresholds (workspace settings)"):
        with st.form("nm_verdict_thresholds", border=False):
            a, b, c = st.columns(3)
            min_months = a.number_input("Too early under (months of history)", 0.0, 60.0,
                                        float(current.min_months), 1.0, key="nm_v_min_months")
            window = a.number_input("Recent window (months)", 1, 60, int(current.window_months), 1,
                                    key="nm_v_window")
            paying = b.number_input("Paying back from return ratio (%)", 0.0, 10_000.0,
                                    float(current.paying_back_pct), 10.0, key="nm_v_paying")
            below = b.number_input("Reconsider below return ratio (%)", 0.0, 10_000.0,
                                   float(current.reconsider_below_pct), 10.0, key="nm_v_below")
            deadline = b.number_input("Reconsider when not paid back after (months)", 0.0, 120.0,
                                      float(current.deadline_months), 1.0, key="nm_v_deadline")
            share = c.number_input("Red flag: own purchases share of referrals given at or above", 0.05, 1.0,
                                   float(current.own_purchase_share), 0.05, key="nm_v_share")
            min_given = c.number_input("Red flag only once referrals given reach", 0.0, 1000.0,
                                       float(current.min_given), 1.0, key="nm_v_min_given")
            saved = st.form_submit_button("Save thresholds", type="primary")
        if st.button("Reset to defaults", key="nm_v_reset"):
            access.require_edit()
            verdicts.save_thresholds(open_database(ctx.db_path), verdicts.DEFAULTS)
            st.rerun()
    if saved:
        access.require_edit()
        chosen = verdicts.Thresholds(min_months=min_months, window_months=int(window), paying_back_pct=paying,
                                     reconsider_below_pct=below, deadline_months=deadline,
                                     own_purchase_share=share, min_given=min_given)
        problems = verdicts.save_thresholds(open_database(ctx.db_path), chosen)
        if problems:
            st.error(" ".join(problems))
        else:
            st.rerun()


def type_card(row: pd.Series, currency: str, margin_pct: float) -> None:
    """A bordered card: the type's numbers, then its usual strengths and weaknesses."""
    guide = group_types.GUIDANCE.get(row["type"], group_types.GUIDANCE["other"])
    with st.container(border=True):
        st.markdown(f"**{plain(row['label'])}**")
        st.caption(plain(group_types.summary_line(row, currency, margin_pct)))
        st.markdown(f":green[**Good at:**] {guide.strengths}")
        st.markdown(f":red[**Weak at:**] {guide.weaknesses}")
        st.markdown(f"**Check:** {guide.check}")
