"""NetMetrics dashboard: the shared frame (sidebar, context) and navigation. Run: streamlit run app.py

The navigation is role-aware: a share-link viewer's session registers only the dashboard and plan pages,
so the Data pages cannot be reached by any link or URL (their write paths refuse viewers as well).
"""

from pathlib import Path

import streamlit as st

from netmetrics.ui import shell

PAGES = Path(__file__).resolve().parent / "pages"

ctx = shell.build()

pages = {
    "Dashboard": [
        st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page(PAGES / "groups.py", title="Groups", icon=":material/groups:"),
        st.Page(PAGES / "roi.py", title="ROI & payback", icon=":material/savings:"),
        st.Page(PAGES / "time.py", title="Time", icon=":material/schedule:"),
        st.Page(PAGES / "give_get.py", title="Give & get", icon=":material/handshake:"),
        st.Page(PAGES / "trends.py", title="Trends", icon=":material/trending_up:"),
        st.Page(PAGES / "verdicts.py", title="Verdicts", icon=":material/gavel:"),
        st.Page(PAGES / "web_traffic.py", title="Web traffic", icon=":material/language:"),
        st.Page(PAGES / "group_types.py", title="Group types", icon=":material/category:"),
    ],
    "Plan": [
        st.Page(PAGES / "whatif.py", title="What-if", icon=":material/tune:"),
        st.Page(PAGES / "report.py", title="Report", icon=":material/summarize:"),
    ],
}
if ctx.can_edit:
    pages["Data"] = [
        st.Page(PAGES / "import_data.py", title="Import", icon=":material/upload_file:"),
        st.Page(PAGES / "import_history.py", title="Import history", icon=":material/history:"),
        st.Page(PAGES / "manual_entry.py", title="Manual entry", icon=":material/edit_note:"),
        st.Page(PAGES / "share.py", title="Share", icon=":material/share:"),
        st.Page(PAGES / "workspace.py", title="Workspace", icon=":material/folder:"),
    ]
st.navigation(pages, expanded=True).run()
