"""Share: read-only links to one workspace for a coach. Owner only, refused on the server for a viewer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from netmetrics import share, workspaces
from netmetrics.config import data_dir
from netmetrics.ui import access, components, signin
from netmetrics.ui.text import plain

ctx = components.page_header("Share")
access.owner_only(ctx, "Share links are managed by the owner only.")


def no_workspaces() -> None:
    st.info("A share link opens one **workspace**: a business with its own database file in the data "
            "directory. This dashboard runs on a single database, so there is no workspace to link to yet. "
            "Create one from the command line (or on the Workspace page), then come back here.",
            icon=":material/info:")
    st.code(f'netmetrics --data-dir "{data_dir()}" workspace create studio --name "Design Studio" --demo\n'
            f'netmetrics --data-dir "{data_dir()}" share create --workspace studio --label "Coach Anna" '
            "--expires-days 30", language="bash")
    st.caption("The dashboard finds workspaces in the data directory: `NETMETRICS_DATA_DIR`, or `data/` "
               "next to the app. Without `--demo` the workspace starts empty; import into it with "
               "`netmetrics --db data/workspaces/studio.duckdb import tracker.xlsx`.")


def create_form(known: list[workspaces.Workspace]) -> None:
    names = {w.slug: w.name for w in known}
    can_sign_in = signin.settings().mode == "oidc"
    with st.form("nm_share_create", clear_on_submit=True):
        st.subheader("New link")
        slug = st.selectbox("Workspace to share", list(names), format_func=lambda s: f"{names[s]} ({s})",
                            key="nm_share_workspace")
        label = st.text_input("Label", max_chars=share.MAX_LABEL, placeholder="Coach Anna", key="nm_share_label",
                              help="Who the link is for; only you see it.")
        days = st.number_input("Expires after (days)", min_value=1, max_value=share.MAX_EXPIRES_DAYS, value=None,
                               step=1, key="nm_share_days", placeholder="never",
                               help="Leave empty for a link that works until you revoke it.")
        email = st.text_input("Coach's e-mail (optional)", max_chars=254, key="nm_share_email",
                              placeholder="anna@example.com", disabled=not can_sign_in,
                              help="The link then works only for this account, signed in through the "
                                   "dashboard's identity provider." if can_sign_in else
                                   "Needs sign-in with an identity provider ([auth] in secrets.toml).")
        comments = st.checkbox("Allow comments", key="nm_share_comments",
                               help="The coach may leave notes on the pages they see.")
        submitted = st.form_submit_button("Create link", type="primary")
    if not submitted:
        return
    try:
        with access.admin_file() as admin:
            _, token = share.create_link(admin, slug, label, expires_days=int(days) if days else None,
                                         email=(email or "").strip() or None, comments=comments)
    except (ValueError, workspaces.WorkspaceError) as exc:
        st.error(plain(exc), icon=":material/error:")
        return
    st.success(plain(f"Link created for {names[slug]}. Add this to the dashboard's address and send it:"),
               icon=":material/link:")
    st.code(share.share_path(token), language=None)
    st.warning("Copy it now: it will not be shown again. Only a fingerprint of it is stored; if it is lost, "
               "revoke it and create a new one.", icon=":material/warning:")


def _when(moment, missing: str = "") -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment is not None else missing


def live_links(known: list[workspaces.Workspace]) -> None:
    st.subheader("Live links")
    with access.admin_file() as admin:
        now = share.utcnow()
        links = [link for link in share.list_links(admin) if link.live(now)]
    names = {w.id: w.name for w in known}
    links = [link for link in links if link.workspace_id in names]  # only the workspaces this owner manages
    if not links:
        st.caption("No live links. Expired and revoked links stop working and are not listed here "
                   "(`netmetrics share list` shows them all).")
        return
    st.dataframe(pd.DataFrame({
        "Label": [link.label for link in links],
        "Workspace": [names.get(link.workspace_id, link.workspace_slug) for link in links],
        "Created": [_when(link.created_at) for link in links],
        "Expires": [_when(link.expires_at, "never") for link in links],
        "Last used": [_when(link.last_used_at, "not yet") for link in links],
        "E-mail": [link.email or "" for link in links],
        "Comments": [link.allow_comments for link in links],
    }), hide_index=True, width="stretch")
    st.caption("Times are UTC. Revoking works at once: the coach's next click is refused.")
    for link in links:
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.markdown(plain(f"{link.label} · {names.get(link.workspace_id, link.workspace_slug)}"))
        if button.button("Revoke", key=f"nm_revoke_{link.id}", icon=":material/link_off:"):
            with access.admin_file() as admin:
                share.revoke(admin, link.id)
            st.toast(plain(f"Revoked the link {link.label}."), icon=":material/link_off:")
            st.rerun()


known = access.managed_workspaces()
if not known:
    no_workspaces()
else:
    create_form(known)
    live_links(known)
