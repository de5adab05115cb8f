"""ROI & payback (being built)."""

import streamlit as st

from netmetrics.ui import components

ctx = components.page_header("ROI & payback")
st.info("This page is being built.")
