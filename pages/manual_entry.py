"""Manual entry: add, fix and delete groups, activities, referrals and sales, checked like an import."""

import streamlit as st

from netmetrics import manual
from netmetrics.ui import components, entry_editor
from netmetrics.ui.resources import database

ctx = components.page_header("Manual entry")
db = database()
entry_editor.flash()
tabs = st.tabs([manual.SPECS[t].label for t in manual.TABLES])
for tab, table in zip(tabs, manual.TABLES, strict=True):
    with tab:
        entry_editor.show(db, table)
