"""Workspace: download the workspace shown (DuckDB file, XLSX of every table); create, rename and delete
workspaces (an owner of every workspace only). Refused on the server for a viewer."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from netmetrics import workspace_export, workspaces
from netmetrics.config import data_dir
from netmetrics.ui import access, components, resources
from netmetrics.ui.text import plain

_DONE = "_nm_workspace_done"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ctx = components.page_header("Workspace")
access.owner_only(ctx, "Workspaces are managed by the owner only.")


def downloads(db: resources.Database, stem: str, key: str) -> None:
    """Both files are made when their button is clicked, not on every run."""
    left, right = st.columns(2)
    left.download_button("Download the DuckDB file", data=lambda: workspace_export.duckdb_bytes(db),
                         file_name=f"{stem}.duckdb", mime="application/octet-stream", key=f"nm_dl_db_{key}",
                         icon=":material/database:", on_click="ignore")
    right.download_button("Download every table as XLSX", data=lambda: workspace_export.xlsx_bytes(db),
                          file_name=f"{stem}.xlsx", mime=XLSX, key=f"nm_dl_xlsx_{key}",
                          icon=":material/table_view:", on_click="ignore")


def export_section() -> None:
    st.subheader("Download")
    st.caption("The DuckDB file is the whole workspace: keep it as a backup or open it with "
               "`netmetrics --db FILE`. The XLSX has one sheet per table; text that looks like a formula "
               "is stored as text.")
    st.markdown(plain(f"Workspace: {access.current().workspace_name} ({Path(ctx.db_path).name}). "
                      "Pick another in the sidebar to download it."))
    downloads(resources.database(), Path(ctx.db_path).stem, "current")


def manage_section(known: list[workspaces.Workspace]) -> None:
    st.subheader("Workspaces")
    st.caption(plain(f"Each workspace is its own database file in {data_dir()}; share links open one workspace."))
    if known:
        st.dataframe({"Slug": [w.slug for w in known], "Name": [w.name for w in known],
                      "File": [w.file for w in known], "Created": [w.created_at for w in known]},
                     hide_index=True, width="stretch")
    with st.expander("Create a workspace", expanded=not known), st.form("nm_ws_create", clear_on_submit=True):
        slug = st.text_input("Slug", max_chars=40, placeholder="design-studio", key="nm_ws_new_slug",
                             help="Lower-case letters, digits and hyphens; it names the file.")
        name = st.text_input("Name", max_chars=workspaces.MAX_NAME, placeholder="Design Studio",
                             key="nm_ws_new_name")
        if st.form_submit_button("Create", type="primary"):
            try:
                with access.admin_file() as admin:
                    made = workspaces.create(admin, data_dir(), slug.strip(), name.strip() or None)
            except workspaces.WorkspaceError as exc:
                st.error(plain(exc), icon=":material/error:")
            else:
                done(f"Created {made.name}. Import into it with netmetrics --db {made.path(data_dir())} import FILE")
    if not known:
        return
    names = {w.slug: f"{w.name} ({w.slug})" for w in known}
    with st.expander("Rename a workspace"), st.form("nm_ws_rename"):
        slug = st.selectbox("Workspace", list(names), format_func=names.get, key="nm_ws_rename_slug")
        name = st.text_input("New name", max_chars=workspaces.MAX_NAME, key="nm_ws_rename_name")
        if st.form_submit_button("Rename"):
            try:
                with access.admin_file() as admin:
                    renamed = workspaces.rename(admin, slug, name)
            except workspaces.WorkspaceError as exc:
                st.error(plain(exc), icon=":material/error:")
            else:
                done(f"Renamed {slug} to {renamed.name}.")
    with st.expander("Delete a workspace"), st.form("nm_ws_delete", clear_on_submit=True):
        st.warning("Deleting removes the workspace's database file and every share link to it. There is no "
                   "undo: download the DuckDB file first.", icon=":material/warning:")
        slug = st.selectbox("Workspace", list(names), format_func=names.get, key="nm_ws_delete_slug")
        typed = st.text_input("Type the slug to confirm", key="nm_ws_delete_confirm")
        if st.form_submit_button("Delete for good"):
            if typed.strip() != slug:
                st.error(plain(f"Type {slug} exactly to delete it."), icon=":material/error:")
            else:
                delete(next(w for w in known if w.slug == slug))


def delete(workspace: workspaces.Workspace) -> None:
    # First close the connection this server process keeps to the file (a viewer's or an export's), so the
    # file really goes and a workspace created later under the same slug starts from a new file.
    path = str(workspace.path(data_dir()))
    cached = resources.open_database(path)
    resources.open_database.clear(path)
    cached.close()
    with access.admin_file() as admin:
        workspaces.delete(admin, data_dir(), workspace.slug)
    done(f"Deleted {workspace.name} and its share links.")


def done(message: str) -> None:
    """Say what happened after the rerun that redraws the lists."""
    st.session_state[_DONE] = message
    st.rerun()


if _DONE in st.session_state:
    st.success(plain(st.session_state.pop(_DONE)), icon=":material/check:")
export_section()
if access.is_admin():
    manage_section(access.managed_workspaces())  # an owner of every workspace manages them all
else:
    st.caption("Workspaces are created, renamed and deleted by whoever runs this dashboard (an owner of every "
               "workspace).")
