"""Owner sign-in on the server: a password form or st.login, before any data is read.

access.resolve() calls `require_owner()` for every session that is not a share-link viewer. The password
flag lives only in server-side session state and is written only here, after the hash verified; it holds
a fingerprint of the hash, so changing the hash in secrets signs every password session out.
"""

from __future__ import annotations

import hashlib
import math

import streamlit as st

from netmetrics import auth
from netmetrics.ui.text import plain

_PASSWORD_OK = "_nm_owner_password_ok"  # not a widget key: the browser cannot set it
WRONG_PASSWORD = "That password is not right."
TOO_MANY = "Too many wrong passwords. Wait {seconds} seconds, then try again."
PASSWORD_LABEL = "Owner password"
NOT_AN_OWNER = "which is not an owner of this dashboard"
THROTTLE = auth.Throttle()  # one per server process, shared by every session


def settings() -> auth.SignIn:
    """The sign-in settings from st.secrets; no secrets file (or an unreadable one) means open, silently."""
    try:
        if not st.secrets.load_if_toml_exists():
            return auth.SignIn()
        return auth.settings_from(st.secrets.to_dict())
    except Exception:  # noqa: BLE001 - a broken secrets file must not show a traceback; Streamlit logs it
        return auth.SignIn()


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()


def _user() -> dict:
    try:
        return dict(st.user.to_dict())
    except Exception:  # noqa: BLE001 - no user info in this run
        return {}


def signed_in_email() -> str | None:
    """The e-mail the identity provider confirmed for this browser (lower case); None when nobody signed in
    or sign-in is not set up (an identity cookie left from an earlier setup does not count)."""
    if settings().mode != "oidc":
        return None
    user = _user()
    email = str(user.get("email") or "").strip().lower() if user.get("is_logged_in") is True else ""
    return email or None


def _decide(config: auth.SignIn) -> auth.Decision:
    password_ok = config.mode == "password" and \
        st.session_state.get(_PASSWORD_OK) == _fingerprint(config.password_hash)
    email = signed_in_email()
    return auth.decide(config, password_ok=password_ok, logged_in=email is not None, email=email)


def is_owner() -> bool:
    """The decision without drawing anything (for fragments, which rerun without app.py)."""
    return _decide(settings()) == "owner"


def sign_in_button() -> None:
    provider = settings().provider
    st.button("Sign in", on_click=st.login, args=(provider,) if provider else (), type="primary",
              icon=":material/login:", key="_nm_sign_in")


def sign_out_button() -> None:
    st.button("Sign out", on_click=st.logout, key="_nm_sign_out", icon=":material/logout:")


def require_owner() -> tuple[str, ...] | None:
    """The workspaces this owner may open (None: every one); otherwise draw the sign-in (or a refusal) and
    stop the run."""
    config = settings()
    decision = _decide(config)
    email = signed_in_email()
    if decision == "owner":
        if config.mode == "oidc":
            with st.sidebar:
                st.caption(plain(f"Signed in as {email}"))
                sign_out_button()
        elif config.mode == "password":
            with st.sidebar:
                st.caption("Signed in with the owner password")
                st.button("Sign out", on_click=_forget_password, key="_nm_password_sign_out",
                          icon=":material/logout:")
        return auth.owned(config, email)
    if decision == "ask_password":
        _password_form(config.password_hash)
    elif decision == "ask_login":
        st.info("Sign in to open the dashboard.", icon=":material/lock:")
        sign_in_button()
    else:
        st.error(plain(f"You are signed in as {email}, {NOT_AN_OWNER}. If someone shared a dashboard with you, "
                       "open the link they sent you again."), icon=":material/block:")
        sign_out_button()
    st.stop()


def _forget_password() -> None:
    st.session_state.pop(_PASSWORD_OK, None)


def _password_form(password_hash: str) -> None:
    with st.form("owner_sign_in", clear_on_submit=True):
        password = st.text_input(PASSWORD_LABEL, type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    wait = THROTTLE.wait()
    if wait > 0:  # checked before the hash, so guessing costs time whatever the session
        st.error(TOO_MANY.format(seconds=math.ceil(wait)), icon=":material/timer:")
        return
    if auth.verify_password(password, password_hash):
        st.session_state[_PASSWORD_OK] = _fingerprint(password_hash)
        st.rerun()
    THROTTLE.failed()
    st.error(WRONG_PASSWORD, icon=":material/block:")
