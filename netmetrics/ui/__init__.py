"""The only package code that imports streamlit: cached resources, the shared sidebar, components."""
