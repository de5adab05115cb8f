"""Trends (being built)."""

import streamlit as st

from netmetrics.ui import components

ctx = components.page_header("Trends")
st.info("This page is being built.")
