"""Owner sign-in on the server: a password form or st.login, before any data is read.

access.resolve() calls `require_owner()` for every session that is not a share-link viewer. The password
flag lives only in server-side session state and is written only here, after the hash verified; it holds
a fingerprint of the hash, so changing the hash in secrets signs every password session out.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from netmetrics import auth

_PASSWORD_OK = "_nm_owner_password_ok"  # not a widget key: the browser cannot set it
WRONG_PASSWORD = "That password is not right."
NOT_ALLOWED = "This account is not allowed to open this dashboard."
PASSWORD_LABEL = "Owner password"


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


def _decide(config: auth.SignIn) -> tuple[auth.Decision, dict]:
    user = _user() if config.mode == "oidc" else {}
    password_ok = config.mode == "password" and \
        st.session_state.get(_PASSWORD_OK) == _fingerprint(config.password_hash)
    decision = auth.decide(config, password_ok=password_ok, logged_in=user.get("is_logged_in") is True,
                           email=user.get("email"))
    return decision, user


def is_owner() -> bool:
    """The decision without drawing anything (for fragments, which rerun without app.py)."""
    return _decide(settings())[0] == "owner"


def require_owner() -> None:
    """Return when this session is the owner; otherwise draw the sign-in (or a refusal) and stop the run."""
    config = settings()
    decision, user = _decide(config)
    if decision == "owner":
        if config.mode == "oidc":
            with st.sidebar:
                st.caption(f"Signed in as {user.get('email', '')}")
                st.button("Sign out", on_click=st.logout, key="_nm_sign_out", icon=":material/logout:")
        return
    if decision == "ask_password":
        _password_form(config.password_hash)
    elif decision == "ask_login":
        st.info("Sign in to open the dashboard.", icon=":material/lock:")
        st.button("Sign in", on_click=st.login, type="primary", icon=":material/login:")
    else:
        st.error(NOT_ALLOWED, icon=":material/block:")
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
    st.stop()


def _password_form(password_hash: str) -> None:
    with st.form("owner_sign_in", clear_on_submit=True):
        password = st.text_input(PASSWORD_LABEL, type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    if auth.verify_password(password, password_hash):
        st.session_state[_PASSWORD_OK] = _fingerprint(password_hash)
        st.rerun()
    st.error(WRONG_PASSWORD, icon=":material/block:")
