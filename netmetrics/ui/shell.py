"""The frame around every page: page config, the shared sidebar and the published Context.

app.py builds it before st.navigation runs the page. Streamlit keeps a legacy mode for apps with a
`pages/` folder until the first st.navigation call in the process: the first run after a server start
runs app.py (or, for a deep link, a page script without app.py) inside an implicit navigation, so its
widgets get other ids than on every later run, and the first change the visitor makes resets every
sidebar widget to its default. `build()` and `page_context()` leave that mode before drawing anything.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from netmetrics.ui import access, context, resources, sidebar

_BUILT_THIS_RUN = "_nm_shell_built"


def build() -> context.Context:
    _leave_legacy_pages_mode()  # before any widget: their ids must be the same on every run
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
    """Streamlit leaves its legacy mode at the first st.navigation call in the process, after the first
    run has drawn its widgets (and a deep link that arrives first never makes one). Leave it here and
    rerun through app.py, so the navigation shows our sections and widget ids stay stable. (A Streamlit
    internal: if it moves, the page still works, as in the legacy mode.)"""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a Streamlit without it
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
