"""ROI & payback: what each group cost (money and time) against what it brought, and when it paid back."""

import streamlit as st

from netmetrics import queries, roi
from netmetrics.charts import roi as roi_charts
from netmetrics.ui import components, roi_view, text

ctx = components.page_header("ROI & payback")
if components.empty_state(ctx):
    st.stop()

revenue = roi.revenue_label(ctx.gross_margin_pct)
table = roi_view.roi_table(ctx)
groups, total = queries.split_total(table)
_, previous_total = queries.split_total(roi_view.roi_table(ctx, ctx.period.previous()))

st.caption(roi_view.basis(ctx))
roi_view.roi_cards(total, previous_total, ctx)
if components.no_rows_in_period(groups, ctx):
    st.stop()
text.reading(roi.reading(table, ctx.currency, ctx.gross_margin_pct))
roi_view.ratio_explainer(ctx.gross_margin_pct, ctx.currency)

left, right = st.columns(2)
left.plotly_chart(roi_charts.cost_and_revenue(groups, ctx.colors, ctx.currency, revenue), key="nm_roi_cost")
right.plotly_chart(roi_charts.return_ratio_bars(groups, ctx.colors, roi.TYPICAL_BAND, revenue), key="nm_roi_ratio")

st.subheader("Per group")
st.caption("Cost per referral, cost per sale and revenue per hour use the period's figures; a dash means no "
           "data (the denominator is zero). Payback uses all history up to the period's end.")
st.dataframe(roi.display_table(table, ctx.currency, ctx.gross_margin_pct), hide_index=True, width="stretch",
             key="nm_roi_table")

st.subheader("Payback since joining")
curves = roi_view.payback_curves(ctx)
summary = roi_view.payback_summary(ctx)
st.caption(roi.payback_caption(ctx.period.end, ctx.gross_margin_pct))
if summary.empty:
    st.info(f"No group has any history by {ctx.period.end:%d %b %Y}.")
    st.stop()
text.reading(roi.payback_reading(summary))
st.plotly_chart(roi_charts.cumulative_net(curves, ctx.colors, ctx.currency, revenue), key="nm_roi_net")
st.plotly_chart(roi_charts.payback_curves(curves, summary, ctx.colors, ctx.currency, revenue), key="nm_roi_curves")
st.dataframe(roi.payback_table(summary, ctx.currency, ctx.gross_margin_pct), hide_index=True, width="stretch",
             key="nm_payback_table")
components.prorated_note(bool(total["prorated"]))
