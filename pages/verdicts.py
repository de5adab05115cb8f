"""Verdicts: one verdict per group (too early, paying back, watch, reconsider), each with its rule and numbers."""

import streamlit as st

from netmetrics import verdicts
from netmetrics.charts import verdicts as verdict_charts
from netmetrics.ui import components, roi_view, text

ctx = components.page_header("Verdicts")
if components.empty_state(ctx):
    st.stop()

thresholds = roi_view.thresholds(ctx)
judged = roi_view.judged(ctx, thresholds)
st.caption(f"Judged at {ctx.period.end:%d %b %Y} (the end of the period in the sidebar) · {roi_view.cost_basis(ctx)}")
st.markdown(verdicts.rules_in_words(thresholds))
roi_view.thresholds_editor(ctx, thresholds)
if judged.empty:
    st.info(f"No group has any history by {ctx.period.end:%d %b %Y}. Pick a later period end in the sidebar.")
    st.stop()

text.reading(verdicts.reading(judged))
st.plotly_chart(verdict_charts.verdict_map(judged, ctx.colors, min_months=thresholds.min_months,
                                           paying_back_pct=thresholds.paying_back_pct,
                                           reconsider_below_pct=thresholds.reconsider_below_pct,
                                           window_months=thresholds.window_months), key="nm_verdict_map")
st.dataframe(verdicts.display_table(judged, ctx.currency, thresholds.window_months), hide_index=True,
             width="stretch", key="nm_verdict_table")

st.subheader("Per group")
columns = st.columns(3)
for i, (_, row) in enumerate(verdicts.in_order(judged).iterrows()):
    with columns[i % 3]:
        roi_view.verdict_card(row, ctx.currency)
