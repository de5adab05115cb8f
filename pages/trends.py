"""Trends: per-group series at the chosen grain, rolling 12-month sums and their year-over-year change,
each group's share of referrals and revenue over time, and two periods side by side. Networking pays
6 to 12 months late, so the long view decides."""

import streamlit as st

from netmetrics import charts, queries, trends
from netmetrics.charts import trends as trend_charts
from netmetrics.metrics import METRICS
from netmetrics.periods import Period
from netmetrics.ui import analysis_cache as cache
from netmetrics.ui import components, text

FILL_WITH = ("This page fills with a year or more of tracked networking per group: activities, hours, costs, "
             "referrals and sales with their dates. Rolling sums read the 11 months before the period too, "
             "and the year-over-year change the 23 months before.")

ctx = components.page_header("Trends")
if components.empty_state(ctx, FILL_WITH, icon=":material/trending_up:"):
    st.stop()

_, total = queries.split_total(ctx.comparison())
st.caption(ctx.period.label)
if total is None or not (total["activities"] or total["cost"] or total["sales_value"] or total["referrals_received"]):
    components.nothing_recorded(ctx, fills_with=FILL_WITH, icon=":material/trending_up:")
    st.stop()

measure = st.segmented_control("Measure", trends.MEASURES, default="sales_value", key="nm_trend_measure",
                               format_func=lambda m: METRICS[m].label) or "sales_value"

rolling = cache.rolling(ctx)
text.reading(trends.reading(rolling, measure, ctx.currency))

st.subheader("Per group")
st.plotly_chart(charts.metric_over_time(ctx.series(), measure, ctx.colors, ctx.currency, grain=ctx.grain),
                key="nm_trend_series")

st.subheader("Rolling 12 months and year over year")
st.caption("Each point sums the month and the 11 before it, so one good or bad month does not swing the line. "
           "The change compares those 12 months with the 12 months before; it is shown only where the group "
           "has data for that whole earlier year.")
left, right = st.columns(2)
left.plotly_chart(trend_charts.rolling_lines(trends.rolling_measure(rolling, measure), measure, ctx.colors,
                                             ctx.currency), key="nm_trend_rolling")
right.plotly_chart(trend_charts.yoy_bars(trends.latest_yoy(rolling, measure), measure, ctx.colors, ctx.currency),
                   key="nm_trend_yoy")

st.subheader("Who brings the referrals and the revenue, over time")
basis = st.segmented_control("Shares of", ["rolling", "grain"], default="rolling", key="nm_trend_share_basis",
                             format_func=lambda b: "Rolling 12 months" if b == "rolling" else f"Each {ctx.grain}")
left, right = st.columns(2)
if basis == "grain":
    shares = cache.group_shares(ctx)
    x_title = f"{ctx.grain.capitalize()} starting"
    referral_frame, revenue_frame = shares, shares
    referral_cols, revenue_cols = ("referral_share", "referrals_received"), ("revenue_share", "sales_value")
else:
    x_title = "12 months ending with the month"
    referral_frame = trends.rolling_measure(rolling, "referrals_received").query("not is_total")
    revenue_frame = trends.rolling_measure(rolling, "sales_value").query("not is_total")
    referral_cols = revenue_cols = ("rolling_share", "rolling_12")
left.plotly_chart(trend_charts.share_area(referral_frame, *referral_cols, ctx.colors, "Share of referrals received",
                                          ctx.currency, x_title=x_title), key="nm_trend_share_referrals")
right.plotly_chart(trend_charts.share_area(revenue_frame, *revenue_cols, ctx.colors, "Share of revenue",
                                           ctx.currency, money=True, x_title=x_title), key="nm_trend_share_revenue")
st.caption("A band that narrows is a group that brings less of your results than it used to, even when its own "
           "figures look steady: networks change as the business changes.")

st.subheader("Two periods side by side")
choice = st.radio("Compare the period with", list(trends.COMPARE_WITH), format_func=trends.COMPARE_WITH.get,
                  horizontal=True, key="nm_trend_compare")
custom = None
if choice == "custom":
    default = ctx.period.previous()
    chosen = st.date_input("The other period", value=(default.start, default.end), key="nm_trend_other",
                           format="YYYY-MM-DD")
    custom = Period(chosen[0], chosen[-1]) if chosen else default
other = trends.other_period(ctx.period, choice, custom)
label_a, label_b = f"A: {ctx.period.label}", f"B: {other.label}"
pair = cache.period_pair(ctx, other)
st.plotly_chart(trend_charts.period_pair_bars(pair, measure, ctx.colors, label_a, label_b, ctx.currency),
                key="nm_trend_pair")
st.dataframe(trends.pair_table(pair, measure, ctx.currency, label_a, label_b), hide_index=True, width="stretch")
components.prorated_note(bool(total["prorated"]))
