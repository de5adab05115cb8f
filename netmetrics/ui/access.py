"""Who this session is: an owner (signed in when the secrets ask for it) or a viewer through a share link.

Decided on the server at the top of every run, before any data is read. A `share` query parameter is
checked against the admin file and then removed from the address bar; the session keeps only the link's
id, in server-side session state, and the link is checked again by id on every run, so a revoked or
expired link stops working on the viewer's next interaction. A link bound to an e-mail also needs that
account signed in through st.login.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from netmetrics import share, workspaces
from netmetrics.config import data_dir
from netmetrics.db import DatabaseError
from netmetrics.ui import signin, workspace_picker
from netmetrics.ui.text import plain

_LINK = "_nm_share_link_id"  # the viewer's link id; only this module writes it
_REFUSED = "_nm_share_refused"  # a session refused once stays refused (no fallback to the owner's view)
_ACCESS = "_nm_access"
BUSY = "The list of workspaces and links is busy (a command is writing it). Reload the page in a moment."
REFUSAL = ("This share link does not work: it is unknown, expired or revoked. Ask the person who sent it "
           "for a new one.")


@dataclass(frozen=True)
class Access:
    can_edit: bool
    db_path: str | None = None  # the workspace file shown; None = the main database
    workspace_name: str | None = None
    link_label: str | None = None
    allow_comments: bool = False  # a viewer whose link allows notes (checked again by id on every run)
    scope: tuple[str, ...] | None = ()  # the workspaces an owner may manage; None = every one; () for a viewer

    @property
    def can_comment(self) -> bool:
        """The owner, or a viewer whose live link allows comments."""
        return self.can_edit or self.allow_comments


OWNER = Access(can_edit=True, scope=None)  # the single-user app: every workspace, the main one shown
AccountStep = Literal["sign_in", "other_account"]  # an e-mail link that waits for the right account


@contextlib.contextmanager
def _admin():
    """The admin file for one check, closed right after: DuckDB lets one process at a time write a file, so
    the app never keeps it open and `netmetrics share revoke` works while the dashboard runs."""
    admin = workspaces.open_admin(data_dir())
    try:
        yield admin
    finally:
        admin.close()


@contextlib.contextmanager
def admin_file():
    """The admin file for one step of an owner page, closed right after; when a CLI command is writing it,
    say so and stop the run instead of showing a traceback."""
    try:
        admin = workspaces.open_admin(data_dir())
    except DatabaseError:
        st.warning(BUSY, icon=":material/hourglass:")
        st.stop()
    try:
        yield admin
    finally:
        admin.close()


def owner_only(ctx, message: str) -> None:
    """Refuse a viewer on the server: an owner page is not in a viewer's navigation, and this refuses a
    forged request too."""
    if not ctx.can_edit:
        st.error(message, icon=":material/lock:")
        st.stop()


def _refuse() -> None:
    st.session_state.pop(_LINK, None)
    st.session_state[_REFUSED] = True
    st.session_state.pop(_ACCESS, None)
    st.error(REFUSAL, icon=":material/block:")
    st.stop()


def resolve() -> Access:
    """The session's access for this run; draws a plain refusal and stops the run when a link fails."""
    if "share" in st.query_params:
        token = st.query_params.get("share")
        del st.query_params["share"]  # never left in the address bar, history or a copied URL
        link = _checked(lambda admin: share.verify_token(admin, token))
        if link is None:
            _refuse()
        st.session_state.pop(_REFUSED, None)
        st.session_state[_LINK] = link.id
    if st.session_state.get(_REFUSED):
        _refuse()
    link_id = st.session_state.get(_LINK)
    st.session_state.pop(_ACCESS, None)  # nothing from an earlier run counts until this run's checks pass
    if link_id is None:
        access = _owner(signin.require_owner())  # a password or st.login when secrets ask; stops until then
    else:
        found = _checked(lambda admin: _viewer(admin, link_id))
        if found is None:
            _refuse()
        if not isinstance(found, Access):
            _account_step(found)
        access = found
    st.session_state[_ACCESS] = access
    return access


def _owner(scope: tuple[str, ...] | None) -> Access:
    """The owner's access to the workspace picked in the sidebar among those they may open."""
    if workspaces.admin_path(data_dir()).exists():
        options = _checked(lambda admin: workspace_picker.choices(admin, scope))
    else:  # no workspaces registered: the single-user app, without touching the admin file
        options = workspace_picker.choices(None, scope)
    chosen = workspace_picker.pick(options)
    return Access(can_edit=True, db_path=chosen.db_path, workspace_name=chosen.name, scope=scope)


def _viewer(admin, link_id: int) -> Access | AccountStep | None:
    link = share.check_link(admin, link_id)
    workspace = workspaces.by_id(admin, link.workspace_id) if link is not None else None
    if link is None or workspace is None:
        return None
    if link.email:
        email = signin.signed_in_email()
        if email is None:
            return "sign_in"
        if email != link.email:
            return "other_account"
    return Access(can_edit=False, db_path=str(workspace.path(data_dir())), workspace_name=workspace.name,
                  link_label=link.label, allow_comments=link.allow_comments)


def _account_step(step: AccountStep) -> None:
    """An e-mail link and no (or another) signed-in account: say what to do, show no data, stop."""
    if step == "other_account":
        st.error(plain(f"This link was sent to another account than {signin.signed_in_email()}. Sign out, sign "
                       "in with the account it was sent to, then open the link again."), icon=":material/block:")
        signin.sign_out_button()
    elif signin.settings().mode != "oidc":
        st.error("This link is for a named account, but this dashboard has no sign-in set up. Ask the person "
                 "who sent it for a link without an e-mail.", icon=":material/block:")
    else:
        st.info("This link is for a named account. Sign in with it, then open the link again (signing in "
                "brings you back to the start page).", icon=":material/lock:")
        signin.sign_in_button()
    st.stop()


def _checked(check):
    """Run a check against the admin file; when the file is busy (a CLI command writing it), say so and stop:
    never a traceback, never a fallback to the owner's view."""
    try:
        with _admin() as admin:
            return check(admin)
    except DatabaseError:
        st.warning(BUSY, icon=":material/hourglass:")
        st.stop()


def recheck() -> None:
    """For fragments, which rerun without app.py: a viewer's link is checked again by id, as on a full run."""
    link_id = st.session_state.get(_LINK)
    if st.session_state.get(_REFUSED):
        _refuse()
    if link_id is None:
        if not signin.is_owner():
            st.stop()
        return
    found = _checked(lambda admin: _viewer(admin, link_id))
    if found is None:
        _refuse()
    if not isinstance(found, Access):
        st.stop()


def may_manage(slug: str) -> bool:
    """Whether this run's owner may share, export or manage the workspace `slug`."""
    access = current()
    return access.can_edit and (access.scope is None or slug in access.scope)


def managed_workspaces() -> list[workspaces.Workspace]:
    """The registered workspaces this run's owner may share, export or manage (none before the first is
    created: the admin file is not made just to say so)."""
    if not workspaces.admin_path(data_dir()).exists():
        return []
    with admin_file() as admin:
        return [w for w in workspaces.list_workspaces(admin) if may_manage(w.slug)]


def is_admin() -> bool:
    """An owner of every workspace (no sign-in, the password, or "*" on the allow-list): creates and deletes."""
    access = current()
    return access.can_edit and access.scope is None


def current() -> Access:
    """This run's access (resolve() has run); a viewer unless the run decided otherwise."""
    return st.session_state.get(_ACCESS, Access(can_edit=False))


def can_edit() -> bool:
    return current().can_edit


def require_edit() -> None:
    """Server-side guard for every write: a viewer's run stops here, whatever widget state it sent."""
    if not can_edit():
        st.error("This is a read-only shared view: nothing can be changed here.", icon=":material/lock:")
        st.stop()
