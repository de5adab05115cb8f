"""Overview: the period's key figures, who brings what, and the six comparisons per group."""

import streamlit as st

from netmetrics import charts, queries, reading
from netmetrics.metrics import COMPARISONS
from netmetrics.ui import components, text

ctx = components.page_header("Overview")
if components.empty_state(ctx):
    st.stop()

current = ctx.comparison()
groups, total = queries.split_total(current)
_, previous_total = queries.split_total(ctx.comparison(ctx.period.previous()))

st.caption(f"{ctx.period.label} · change against {ctx.period.previous().label}")
components.kpi_cards(total, previous_total, ctx)
if components.no_rows_in_period(groups, ctx):
    st.stop()
text.reading(reading.overview_reading(current, ctx.currency))

left, right = st.columns(2)
left.plotly_chart(charts.shares_by_group(queries.shares(current), ctx.colors), key="nm_shares")
right.plotly_chart(charts.cost_vs_revenue(groups, ctx.colors, ctx.currency), key="nm_cost_revenue")

st.subheader("The six comparisons")
st.caption("Per group and in total. A dash means no data: the denominator is zero.")
components.comparison_table(current, ["activities", "referrals_received", "referrals_given", "sales",
                                      "sales_value", *COMPARISONS, "return_ratio_pct", "net_roi_pct"], ctx)
components.prorated_note(bool(total["prorated"]))
