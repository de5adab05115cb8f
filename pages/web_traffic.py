"""Web traffic: direct and social sessions from imported Google Analytics data, the networking overlaid,
whether direct visits follow the activities a few weeks later, and range totals as they were given."""

import streamlit as st

from netmetrics import web_traffic
from netmetrics.charts import web_traffic as web_charts
from netmetrics.ui import analysis_cache as cache
from netmetrics.ui import components, text

GRAIN_LABELS = {"day": "Day", "week": "Week", "month": "Month"}

ctx = components.page_header("Web traffic")
span = cache.web_span(ctx)
if span is None:
    if not ctx.has_data:
        components.empty_state(ctx)
    st.info("No website data yet. This page fills with your Google Analytics visits per channel and day: "
            "*Direct* (people who typed your address, a rough measure of business cards and word of mouth) and "
            "*Organic/Paid Social*, next to your networking.", icon=":material/language:")
    st.markdown("**How to export it from Google Analytics 4**\n\n" + "\n".join(
        f"{i}. {step}" for i, step in enumerate(web_traffic.GA4_EXPORT_STEPS, start=1)))
    st.stop()

grain = st.segmented_control("Show per", list(GRAIN_LABELS), format_func=GRAIN_LABELS.get, key="nm_web_grain",
                             default="week" if ctx.grain == "week" else "month") or "week"
frame = cache.sessions_over_time(ctx, grain)
st.caption(f"{ctx.period.label} · website data from {span[0]:%d %b %Y} to {span[1]:%d %b %Y}")
if not frame["has_web"].any():
    st.info(f"No website data between {ctx.period.label}; the imported exports cover {span[0]:%d %b %Y} to "
            f"{span[1]:%d %b %Y}. Pick a period in the sidebar that overlaps them.", icon=":material/language:")
    st.stop()

sums = web_traffic.totals(frame)
cards = st.columns(4)
for column, (field, label, help_text) in zip(cards, (
        ("direct_sessions", "Direct sessions", "GA channel Direct: people who typed the address."),
        ("social_sessions", "Social sessions", "GA channels Organic Social + Paid Social."),
        ("paid_social_sessions", "Paid social sessions", "GA channel Paid Social (ads)."),
        ("total_sessions", "All sessions", "Every channel together."))):
    column.metric(label, web_traffic.session_text(sums[field]), help=help_text, border=True)
if sums["direct_sessions"] is None:
    st.warning("Direct and social visits are **not in this file**: the imported export has no channel dimension "
               "(they are not 0). Export the Traffic acquisition report by *Session default channel group* to see "
               "them.", icon=":material/info:")
text.reading(web_traffic.reading(sums, ctx.period.days))

st.plotly_chart(web_charts.sessions_with_activities(frame, grain=grain), key="nm_web_sessions")
if not ctx.has_data:
    st.caption("No networking recorded yet, so there is nothing to overlay: import your tracker to see the "
               "activities beside the visits.")

st.subheader("Do direct visits follow the networking?")
weeks = cache.web_weekly(ctx)
if weeks.empty or weeks["direct_sessions"].isna().all():
    st.info("The correlation needs weekly *Direct* visits, which are not in this file: import an export by "
            "*Session default channel group* with a date dimension.", icon=":material/info:")
elif not weeks["activities"].any():
    st.info("The correlation needs networking activities in the same weeks as the website data; none are "
            "recorded there yet.", icon=":material/info:")
else:
    driver = st.segmented_control("Networking measured as", list(web_traffic.DRIVERS), default="activities",
                                  format_func=web_traffic.DRIVERS.get, key="nm_web_driver") or "activities"
    correlation = web_traffic.lag_correlation(weeks, x=driver)
    best = web_traffic.strongest_lag(correlation)
    st.plotly_chart(web_charts.lag_bars(correlation, None if best is None else int(best["lag"]),
                                        x_label=web_traffic.DRIVERS[driver].lower()), key="nm_web_lags")
    st.caption(web_traffic.correlation_caption(correlation, web_traffic.DRIVERS[driver].lower())
               + f" Whole weeks in the period: {len(weeks)}.")

ranges = cache.web_ranges(ctx)
if not ranges.empty:
    st.subheader("Range totals")
    st.caption("These exports gave one total for a range of days (no date dimension). Over time they are "
               "spread evenly over their days, which draws a flat line nobody measured; here they are as given. "
               "*Prorated* means the period cuts the range, so only the share of its days inside is counted.")
    st.dataframe(web_traffic.ranges_table(ranges), hide_index=True, width="stretch")
components.prorated_note(bool(frame["prorated"].any()))
