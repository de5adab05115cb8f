"""Time (being built)."""

import streamlit as st

from netmetrics.ui import components

ctx = components.page_header("Time")
st.info("This page is being built.")
