"""The banner that says the workspace holds demo data, with a guarded way to clear it."""

from __future__ import annotations

import streamlit as st

from netmetrics import demo
from netmetrics.ui import access
from netmetrics.ui.resources import database


def show(can_edit: bool = True) -> None:
    if not can_edit:  # a viewer sees whose numbers these are, and no way to delete them
        st.info("This shared workspace holds **demo data** for an imaginary design studio.",
                icon=":material/science:")
        return
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.info("You are looking at **demo data** for an imaginary design studio. Clear it before "
              "importing your own numbers.", icon=":material/science:")
    with right.popover("Clear demo data"):
        st.write("This deletes every group, activity, referral and sale in this workspace.")
        if st.button("Delete the demo data", key="nm_clear_demo", type="primary"):
            access.require_edit()
            demo.clear_all_data(database())
            st.rerun()
