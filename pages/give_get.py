"""Give & get (being built)."""

import streamlit as st

from netmetrics.ui import components

ctx = components.page_header("Give & get")
st.info("This page is being built.")
