"""Group types: the comparisons added up by type of group, with what each type is usually good and bad at."""

import streamlit as st

from netmetrics import group_types, roi
from netmetrics.charts import group_types as type_charts
from netmetrics.ui import components, roi_view, text

ctx = components.page_header("Group types")
if components.empty_state(ctx):
    st.stop()

revenue = roi.revenue_label(ctx.gross_margin_pct)
types = roi_view.by_type(ctx)
by_type, total = types[~types["is_total"]], types[types["is_total"]]
st.caption(roi_view.basis(ctx))
if components.no_rows_in_period(types, ctx):
    st.stop()
text.reading(group_types.reading(types, ctx.currency, ctx.gross_margin_pct))
st.caption("Each figure adds up the groups of that type; the ratios are ratios of the sums (a type with one "
           "big group and one small one is weighted by their sizes). A dash means no data.")

left, right = st.columns(2)
left.plotly_chart(type_charts.cost_and_revenue_by_type(by_type, group_types.TYPE_COLORS, ctx.currency, revenue),
                  key="nm_types_cost")
right.plotly_chart(type_charts.return_ratio_by_type(by_type, group_types.TYPE_COLORS, roi.TYPICAL_BAND, revenue),
                   key="nm_types_ratio")
st.dataframe(group_types.display_table(types, ctx.currency, ctx.gross_margin_pct), hide_index=True,
             width="stretch", key="nm_types_table")

st.subheader("What each type is usually good and bad at")
st.caption("General guidance on the type, not a judgement of your groups: set it against your numbers above.")
columns = st.columns(3)
for i, (_, row) in enumerate(by_type.iterrows()):
    with columns[i % 3]:
        roi_view.type_card(row, ctx.currency, ctx.gross_margin_pct)
components.prorated_note(bool(total["prorated"].iloc[0]) if len(total) else False)
