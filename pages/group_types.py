"""Group types (being built)."""

import streamlit as st

from netmetrics.ui import components

ctx = components.page_header("Group types")
st.info("This page is being built.")
