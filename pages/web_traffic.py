"""Web traffic (being built)."""

import streamlit as st

from netmetrics.ui import components

ctx = components.page_header("Web traffic")
st.info("This page is being built.")
