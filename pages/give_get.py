"""Give & get: referrals given and received per group, own purchases with their red flag, participation
and reciprocity (DOMAIN.md, seed 004: takers leave quickly, and so do over-givers, who burn out)."""

import streamlit as st

from netmetrics import give_get, queries
from netmetrics.charts import give_get as give_get_charts
from netmetrics.ui import analysis_cache as cache
from netmetrics.ui import components, text

RULES = give_get.RULES
FILL_WITH = ("This page fills with the referrals you gave to each group's members and those you received "
             "from them (tracker columns such as *referrals given*, *referrals received* and *own purchase*), "
             "and with your activities in each group.")

ctx = components.page_header("Give & get")
if components.empty_state(ctx, FILL_WITH, icon=":material/handshake:"):
    st.stop()

frame = cache.give_get_frame(ctx)
_, total = queries.split_total(frame)
_, previous_total = queries.split_total(cache.give_get_frame(ctx, ctx.period.previous()))

st.caption(f"{ctx.period.label} · change against {ctx.period.previous().label}")
if total is None or not (total["referrals_given"] or total["referrals_received"] or total["activities"]):
    components.nothing_recorded(ctx, "No referrals or activities", FILL_WITH, icon=":material/handshake:")
    st.stop()

components.kpi_cards(total, previous_total, ctx,
                     metrics=("referrals_given", "referrals_received", "own_purchases", "activities"))
text.reading(give_get.reading(frame))

left, right = st.columns(2)
left.plotly_chart(give_get_charts.given_vs_received(frame, ctx.colors), key="nm_gg_diverging")
right.plotly_chart(give_get_charts.own_purchase_share(frame, ctx.colors, RULES.flag_share, RULES.min_given),
                   key="nm_gg_own")
st.caption(f"**Red flag** when {RULES.flag_text()}: your giving is then mostly buying from members, a sign "
           "that your own contacts are thin or irrelevant to them, or that they have nothing you need: a poor fit.")

left, right = st.columns(2)
left.plotly_chart(give_get_charts.reciprocity(frame, ctx.colors, RULES.taker_below, RULES.over_giver_above),
                  key="nm_gg_reciprocity")
right.plotly_chart(give_get_charts.participation(frame, ctx.colors), key="nm_gg_participation")
st.caption(
    f"**Reciprocity** = referrals given ÷ (given + received). 0.50 is balanced; below {RULES.taker_below:.2f} you "
    f"receive more than twice what you give (a *taker*: members stop sending work to people who never send any "
    f"back); above {RULES.over_giver_above:.2f} you give more than twice what you receive (an *over-giver*: "
    f"generous, but it burns out). With fewer than {RULES.min_exchanges:g} referrals either way it is *too few* "
    "to tell.")

st.subheader("Give and get by group")
st.dataframe(give_get.display_table(frame), hide_index=True, width="stretch")
components.prorated_note(bool(total["prorated"]))
