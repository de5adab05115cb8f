"""The owner's workspace: which database this session's dashboard shows, picked in the sidebar when the owner
may open more than one. The main database ("default") is the one the app has always used; registered
workspaces live in the data directory. The choice is checked against what this owner may open on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from netmetrics import workspaces
from netmetrics.auth import DEFAULT_WORKSPACE
from netmetrics.config import data_dir
from netmetrics.db import Database
from netmetrics.ui.text import plain

MAIN_NAME = "Main workspace"
KEY = "nm_workspace"
_SHOWN = "_nm_workspace_shown"
# Session state and URL parameters that hold one workspace's figures or settings (what-if inputs, the group
# picked, settings editors, an import in progress, a draft note): forgotten when the owner switches, so no
# value of one workspace is shown, or saved, in another.
WORKSPACE_STATE = ("wi_", "nm_group", "nm_v_", "nm_currency", "nm_fy", "nm_manual_", "nm_imp", "_nm_import_",
                   "nm_map_", "nm_preview_", "nm_problems_", "nm_skipped_", "nm_undo_", "nm_note_", "nm_trend_")
WORKSPACE_URL = ("group", "set", "drop", "add")


@dataclass(frozen=True)
class Choice:
    slug: str
    name: str
    db_path: str | None  # None: the main database


def choices(admin: Database | None, scope: tuple[str, ...] | None) -> list[Choice]:
    """The workspaces this owner may open, the main one first; `scope` None means every one."""
    found = [Choice(DEFAULT_WORKSPACE, MAIN_NAME, None)]
    if admin is not None:
        found += [Choice(w.slug, w.name, str(w.path(data_dir()))) for w in workspaces.list_workspaces(admin)]
    return found if scope is None else [c for c in found if c.slug in scope]


def pick(options: list[Choice]) -> Choice:
    """The workspace for this run: the only one, or the sidebar's choice among several (never one outside
    `options`, whatever the browser sends)."""
    if not options:
        st.error("None of the workspaces this account owns exists on this server yet. Ask the person who runs "
                 "the dashboard to create it.", icon=":material/folder_off:")
        st.stop()
    if len(options) == 1:
        st.session_state.pop(KEY, None)
        return _shown(options[0])
    by_slug = {c.slug: c for c in options}
    if KEY in st.session_state and st.session_state[KEY] not in by_slug:  # a workspace deleted meanwhile
        del st.session_state[KEY]
    slug = st.sidebar.selectbox("Workspace", list(by_slug), key=KEY, format_func=lambda s: plain(by_slug[s].name),
                                help="Each workspace is a separate business with its own data.")
    return _shown(by_slug.get(slug, options[0]))


def _shown(choice: Choice) -> Choice:
    """Forget the last workspace's view state when this run shows another one."""
    if st.session_state.get(_SHOWN, choice.slug) != choice.slug:
        for key in [k for k in st.session_state if str(k).startswith(WORKSPACE_STATE)]:
            del st.session_state[key]
        for name in WORKSPACE_URL:
            st.query_params.pop(name, None)
    st.session_state[_SHOWN] = choice.slug
    return choice
