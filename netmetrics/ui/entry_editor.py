"""Manual entry: one st.data_editor per table with typed columns, and a Save that goes through
netmetrics.manual (validation, one transaction, data version bump).

The table an editor was given is kept in session state until it is saved (or the data changes while
nothing is being edited), so the edits the browser sends always apply to the rows they were made on.
Saving starts a new editor (a new key), so the saved edits are not applied twice.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from netmetrics import manual
from netmetrics.db import Database
from netmetrics.ingest.model import GROUP_TYPES
from netmetrics.ui import access
from netmetrics.ui.import_view import show_problems
from netmetrics.ui.text import plain

_GEN = "_nm_manual_gen_{}"
_LOADED = "_nm_manual_loaded_{}"
_FLASH = "_nm_manual_flash"
LIMIT = manual.DEFAULT_LIMIT


def editor_key(table: str) -> str:
    return f"nm_manual_{table}_{st.session_state.get(_GEN.format(table), 0)}"


def _pending(key: str) -> bool:
    state = st.session_state.get(key) or {}
    return any(state.get(part) for part in ("edited_rows", "added_rows", "deleted_rows"))


def _original(db: Database, table: str, key: str) -> pd.DataFrame:
    version = db.data_version()
    held = st.session_state.get(_LOADED.format(table))
    if held and held[0] == key and (held[1] == version or _pending(key)):
        return held[2]
    frame = manual.load(db, table, LIMIT)
    st.session_state[_LOADED.format(table)] = (key, version, frame)
    return frame


def _column_config(table: str, groups: list[str]) -> dict:
    number = {c: st.column_config.NumberColumn(manual.LABELS[c], min_value=0.0, format="%g",
                                               default=1.0 if c in manual.COUNT_COLUMNS else None)
              for c in manual.NUMBER_COLUMNS}
    dates = {c: st.column_config.DateColumn(manual.LABELS[c], format="YYYY-MM-DD",
                                            required=c == "start_date") for c in manual.DATE_COLUMNS}
    config = {**number, **dates}
    config["start_date"] = st.column_config.DateColumn("Date", format="YYYY-MM-DD", required=True,
                                                       help="The day, or the first day of the period the row covers")
    config["end_date"] = st.column_config.DateColumn("Until", format="YYYY-MM-DD",
                                                     help="Last day of the period; empty for a single day")
    config["group"] = st.column_config.SelectboxColumn("Group", options=groups, required=True)
    config["type"] = st.column_config.SelectboxColumn("Type", options=list(GROUP_TYPES), default="other")
    config["direction"] = st.column_config.SelectboxColumn("Direction", options=list(manual.DIRECTIONS),
                                                           required=True)
    config["mode"] = st.column_config.SelectboxColumn("Online/offline", options=list(manual.MODES))
    config["own_purchase"] = st.column_config.CheckboxColumn(
        "Own purchase", default=False, help="A given referral that was your own purchase from a member")
    config["name"] = st.column_config.TextColumn("Name", required=True)
    for column in ("kind", "person", "notes", "contact", "client"):
        config[column] = st.column_config.TextColumn(manual.LABELS[column])
    spec = manual.SPECS[table]
    return {c: v for c, v in config.items() if c in spec.columns}


def flash() -> None:
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(plain(message), icon=":material/check_circle:")


def show(db: Database, table: str) -> None:
    """The editor for one table and its Save button. Owners only: a viewer's run stops here."""
    access.require_edit()
    spec = manual.SPECS[table]
    groups = manual.group_names(db)
    if table != "groups" and not groups:
        st.info("Add a group on the Groups tab first: every activity, referral and sale belongs to a group.")
        return
    key = editor_key(table)
    original = _original(db, table, key)
    total = manual.count(db, table)
    if total > len(original):
        st.caption(f"Showing the latest {len(original):,} of {total:,} rows. Older rows are not shown here; "
                   "undo or re-import a file to change many rows at once.")
    else:
        st.caption(f"{total:,} rows. Add a row at the bottom, click a cell to change it, select rows and press "
                   "the bin to delete them. Nothing is stored until you save.")
    edited = st.data_editor(original, key=key, num_rows="dynamic", column_config=_column_config(table, groups),
                            column_order=spec.columns, width="stretch")
    if st.button(f"Save {spec.label.lower()}", key=f"nm_manual_save_{table}", type="primary",
                 icon=":material/save:"):
        result = manual.save(db, table, original, edited)
        if not result.ok:
            st.error(plain(result.message) + " Fix the rows below and save again.", icon=":material/error:")
            show_problems(result.problems, key=f"nm_manual_problems_{table}")
            return
        if not result.changed:
            st.info(result.message)
            return
        st.session_state[_GEN.format(table)] = st.session_state.get(_GEN.format(table), 0) + 1
        st.session_state[_FLASH] = result.message
        st.rerun()
