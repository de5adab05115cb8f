"""The frame around every page: page config, the shared sidebar and the published Context.

app.py builds it before st.navigation runs the page. Streamlit keeps a legacy mode for apps with a
`pages/` folder, in which a deep link (the first request after a server start, or AppTest's reruns)
runs a page script without app.py; `page_context()` notices and builds the frame itself, so a page
always has its sidebar and context.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from netmetrics.ui import access, context, resources, sidebar

_BUILT_THIS_RUN = "_nm_shell_built"


def build() -> context.Context:
    st.set_page_config(page_title="NetMetrics", page_icon=":material/hub:", layout="wide")
    who = access.resolve()  # first: a failed share link stops the run before any data is read
    db = resources.database()
    version = db.data_version()
    facts = resources.workspace_facts(str(db.path), version)
    if not who.can_edit:
        sidebar.viewer_note(who.workspace_name, who.link_label)
    period, grain, rate, margin = sidebar.show(date.today(), facts["span"], facts["fy_start_month"])
    if who.can_edit:
        sidebar.settings_editor(db)
    ctx = context.Context(
        db_path=str(db.path), version=version, period=period, grain=grain, hourly_rate=rate,
        gross_margin_pct=margin,
        currency=facts["currency"], fy_start_month=facts["fy_start_month"], is_demo=facts["is_demo"],
        has_data=not facts["groups"].empty, has_web=facts["has_web"], groups=facts["groups"],
        can_edit=who.can_edit, viewing=None if who.can_edit else who.workspace_name,
    )
    context.publish(ctx)
    st.session_state[_BUILT_THIS_RUN] = True
    return ctx


def page_context() -> context.Context:
    """The context for the page being drawn, building the frame if app.py did not run first."""
    if not st.session_state.pop(_BUILT_THIS_RUN, False):
        _leave_legacy_pages_mode()
        build()
        st.session_state.pop(_BUILT_THIS_RUN, None)
    return context.current()


def _leave_legacy_pages_mode() -> None:
    """Streamlit leaves its legacy mode at the first st.navigation call in the process; a deep link that
    arrives first never makes one. Leave it here and rerun the same page through app.py, so the
    navigation shows our sections. (A Streamlit internal: if it moves, the page still works.)"""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a Streamlit without it
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
