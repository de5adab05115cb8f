"""Time: where the hours go (the event and the preparation, travel and recovery around it), per group
and over time, and how many hours a referral or a sale takes."""

import streamlit as st

from netmetrics import queries, time_use
from netmetrics.charts import time_use as time_charts
from netmetrics.metrics import format_value
from netmetrics.ui import analysis_cache as cache
from netmetrics.ui import components, text

FILL_WITH = ("This page fills with the hours of your networking: for each activity the time at the event "
             "itself and the preparation, travel and recovery around it (tracker columns such as *event hours*, "
             "*prep hours*, *travel hours*, *recovery hours*), plus the referrals and sales of each group.")

ctx = components.page_header("Time")
if components.empty_state(ctx, FILL_WITH, icon=":material/schedule:"):
    st.stop()

frame = cache.hours_by_group(ctx)
_, total = queries.split_total(frame)
_, previous_total = queries.split_total(cache.hours_by_group(ctx, ctx.period.previous()))

st.caption(f"{ctx.period.label} · change against {ctx.period.previous().label}")
if total is None or not total["hours"]:
    components.nothing_recorded(ctx, "No hours", FILL_WITH, icon=":material/schedule:")
    st.stop()

components.kpi_cards(total, previous_total, ctx, metrics=("hours", "event_hours", "prep_hours", "travel_hours"))
cards = st.columns(4)
for column, (name, value) in zip(cards, (
        ("non_event_share", None if total["non_event_share"] is None else total["non_event_share"] * 100),
        ("hours_per_referral", total["hours_per_referral"]),
        ("hours_per_sale", total["hours_per_sale"]),
        ("hours_per_activity", total["hours_per_activity"]))):
    label, formula, unit = time_use.TIME_METRICS[name]
    column.metric(label, format_value(value, unit), help=formula, border=True)

text.reading(time_use.reading(frame))

left, right = st.columns(2)
left.plotly_chart(time_charts.hours_by_part(frame), key="nm_time_parts")
right.plotly_chart(time_charts.hours_per_result(frame, ctx.colors), key="nm_time_per_result")
st.plotly_chart(time_charts.hours_over_time(cache.hours_over_time(ctx), ctx.colors, grain=ctx.grain),
                key="nm_time_over_time")

st.subheader("Hours by group")
st.caption("A dash means no data: the group brought no referral or no sale in the period.")
st.dataframe(time_use.display_table(frame), hide_index=True, width="stretch")
components.prorated_note(bool(total["prorated"]))
