"""NetMetrics dashboard: the shared frame (sidebar, context) and navigation. Run: streamlit run app.py"""

from pathlib import Path

import streamlit as st

from netmetrics.ui import shell

PAGES = Path(__file__).resolve().parent / "pages"

shell.build()

# Sections are laid out for the pages to come (ROI, time, give & get, trends, what-if, import, share).
pages = {
    "Dashboard": [
        st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page(PAGES / "groups.py", title="Groups", icon=":material/groups:"),
    ],
}
st.navigation(pages).run()
