"""The banner that says the workspace holds demo data, with a guarded way to clear it."""

from __future__ import annotations

import streamlit as st

from netmetrics import demo
from netmetrics.ui.resources import database


def show() -> None:
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.info("You are looking at **demo data** for an imaginary design studio. Clear it before "
              "importing your own numbers.", icon=":material/science:")
    with right.popover("Clear demo data"):
        st.write("This deletes every group, activity, referral and sale in this workspace.")
        if st.button("Delete the demo data", key="nm_clear_demo", type="primary"):
            demo.clear_all_data(database())
            st.rerun()
