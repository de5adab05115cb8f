"""Groups: one group's figures over time and its share of all networking."""

import streamlit as st

from netmetrics import charts, queries
from netmetrics.metrics import GROUP_TYPES, METRICS
from netmetrics.ui import components

TREND_METRICS = ("activities", "hours", "cost", "referrals_received", "referrals_given", "sales",
                 "sales_value", "return_ratio_pct")

ctx = components.page_header("Groups")
if components.empty_state(ctx):
    st.stop()

names = ctx.groups["name"].tolist()
wanted = st.query_params.get("group")
if "nm_group" not in st.session_state and wanted in names:
    st.session_state.nm_group = wanted
name = st.selectbox("Group", names, key="nm_group")
st.query_params["group"] = name
info = ctx.groups[ctx.groups["name"] == name].iloc[0]
st.caption(f"{GROUP_TYPES[info['type']]} · {ctx.period.label}")

current = ctx.comparison()
group_row = queries.group_row(current, name)
components.kpi_cards(group_row, queries.group_row(ctx.comparison(ctx.period.previous()), name), ctx)

if group_row is None:
    st.info(f"{name} has nothing recorded between {ctx.period.label}.")
    st.stop()

series = ctx.series()
group_series = series[series["group"] == name]
metric = st.segmented_control("Show over time", TREND_METRICS, default="sales_value",
                              format_func=lambda m: METRICS[m].label, key="nm_group_metric") or "sales_value"
left, right = st.columns(2)
left.plotly_chart(charts.metric_over_time(group_series, metric, ctx.colors, ctx.currency, grain=ctx.grain),
                  key="nm_group_trend")
share_row = queries.group_row(queries.shares(current), name)
right.plotly_chart(charts.group_share_bars(share_row, ctx.colors.get(name, charts.NEUTRAL)),
                   key="nm_group_share")
st.plotly_chart(charts.hours_split_over_time(group_series, grain=ctx.grain), key="nm_group_hours")
components.prorated_note(bool(group_row["prorated"]))
