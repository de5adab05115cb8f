"""Report: the period's overview, ROI & payback, give & get, trends and verdicts as one HTML file with
interactive charts that opens offline, and the tables as an XLSX, for the meeting with the coach."""

import streamlit as st

from netmetrics.ui import components, report_view, roi_view
from netmetrics.ui.text import plain

ctx = components.page_header("Report")
empty = components.empty_state(ctx)

st.caption(roi_view.basis(ctx))
st.markdown("One click, one file for the meeting: everything below for the period in the sidebar, with charts "
            "you can hover and filter, that opens in any browser without a network connection (the chart "
            "library is inside the file) and prints cleanly. The tables also come as a spreadsheet.")

files = report_view.files(ctx)
left, right = st.columns(2)
left.download_button("Download the report (HTML)", data=files.html, file_name=files.html_name, mime="text/html",
                     key="nm_report_html", type="primary", icon=":material/description:", on_click="ignore",
                     width="stretch")
right.download_button("Download the tables (XLSX)", data=files.xlsx, file_name=files.xlsx_name,
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      key="nm_report_xlsx", icon=":material/table_view:", on_click="ignore", width="stretch")
if empty:
    st.caption("The workspace has no groups yet, so the report and the tables will say so and stay empty.")
    st.stop()

outline, sheets = report_view.preview(ctx)
st.subheader("What is in it")
st.markdown("\n".join(f"- **{plain(section)}**: {plain(what)}" for section, what in outline))
st.subheader("The spreadsheet")
st.caption("One sheet per table, numbers stored as numbers; text that a spreadsheet could run as a formula is "
           "prefixed with an apostrophe.")
st.dataframe(sheets, hide_index=True, width="content", key="nm_report_sheets")
