"""NetMetrics dashboard: page config, the shared sidebar, and navigation. Run: streamlit run app.py"""

from datetime import date

import streamlit as st

from netmetrics.ui import context, demo_banner, resources, sidebar

st.set_page_config(page_title="NetMetrics", page_icon=":material/hub:", layout="wide")

db = resources.database()
facts = resources.workspace_facts(str(db.path), db.data_version())
period, grain, rate = sidebar.show(date.today(), facts["span"], facts["fy_start_month"])
sidebar.settings_editor(db)

context.publish(context.Context(
    db_path=str(db.path), version=db.data_version(), period=period, grain=grain, hourly_rate=rate,
    currency=facts["currency"], fy_start_month=facts["fy_start_month"], is_demo=facts["is_demo"],
    has_data=not facts["groups"].empty, groups=facts["groups"],
))

# Sections are laid out for the pages to come (ROI, time, give & get, trends, what-if, import, share).
pages = {
    "Dashboard": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/groups.py", title="Groups", icon=":material/groups:"),
    ],
}
navigation = st.navigation(pages)
if facts["is_demo"] and not facts["groups"].empty:
    demo_banner.show(db)
navigation.run()
