"""What-if: start from the period's real figures per group, change costs, hours and the funnel, and see
cost, revenue, ROI and payback move at once."""

import streamlit as st

from netmetrics import whatif
from netmetrics.ui import components, whatif_view

ctx = components.page_header("What-if")
if components.empty_state(ctx):
    st.stop()

lines = whatif.baseline(ctx.comparison(), ctx.period.start, ctx.period.end)
st.caption(f"Baseline: the actual figures of {ctx.period.label} as monthly rates. Hourly value, margin and "
           "horizon apply to baseline and scenario alike, so the difference is what the group changes do.")
whatif_view.load_from_url_once({line.group for line in lines})
whatif_view.apply_pending(lines, ctx)
for notice in st.session_state.pop("wi_notices", []):
    st.warning(notice)

whatif_view.scenario_editor(lines, ctx)

st.subheader("Saved scenarios")
whatif_view.saved_scenarios(lines, ctx)
