"""Owner sign-in rules: password hashes, the e-mail allow-list and the decision, without Streamlit."""

from __future__ import annotations

import bcrypt
import pytest
from argon2 import PasswordHasher

from netmetrics import auth

BCRYPT = bcrypt.hashpw(b"s3cret pass", bcrypt.gensalt(rounds=4)).decode()
ARGON2 = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("s3cret pass")


@pytest.mark.parametrize("stored", [BCRYPT, ARGON2, f"  {BCRYPT}\n"])
def test_the_right_password_verifies(stored):
    assert auth.verify_password("s3cret pass", stored)


@pytest.mark.parametrize("stored", [BCRYPT, ARGON2])
@pytest.mark.parametrize("password", ["wrong", "", "S3cret pass", "s3cret pass ", "x" * 100])
def test_a_wrong_password_is_refused(stored, password):
    assert not auth.verify_password(password, stored)


@pytest.mark.parametrize("stored", ["", "s3cret pass", "$2b$12$short", "$argon2id$v=19$garbage", "$1$abc$def",
                                    BCRYPT[:-5], ARGON2[:-5], None])
def test_a_malformed_hash_never_verifies_and_never_raises(stored):
    assert not auth.verify_password("s3cret pass", stored)


def test_hash_password_makes_a_bcrypt_hash_that_verifies():
    made = auth.hash_password("another one")
    assert made.startswith("$2b$") and auth.verify_password("another one", made)


def test_the_allow_list_matches_e_mails_case_insensitively():
    owners = auth.owners_from({"Owner@Example.com": "default", " coach@x.org ": ["studio", "default"], "": "x"})
    assert auth.workspaces_for(owners, "owner@example.com") == ("default",)
    assert auth.workspaces_for(owners, "OWNER@EXAMPLE.COM ") == ("default",)
    assert auth.workspaces_for(owners, "coach@x.org") == ("studio", "default")
    assert auth.workspaces_for(owners, "someone@example.com") == ()
    assert auth.workspaces_for(owners, None) == ()
    assert auth.workspaces_for(owners, "") == ()


def test_settings_open_without_auth_or_password():
    assert auth.settings_from({}).mode == "open"
    assert auth.settings_from(None).mode == "open"
    assert auth.settings_from({"netmetrics": {"owner_password_hash": "  "}}).mode == "open"
    assert auth.settings_from({"netmetrics": {"owners": {"a@b.c": "default"}}}).mode == "open"


def test_settings_password_and_oidc():
    password = auth.settings_from({"netmetrics": {"owner_password_hash": BCRYPT}})
    assert password.mode == "password" and password.password_hash == BCRYPT
    oidc = auth.settings_from({"auth": {"redirect_uri": "http://localhost:8501/oauth2callback"},
                               "netmetrics": {"owner_password_hash": BCRYPT, "owners": {"A@B.C": "default"}}})
    assert oidc.mode == "oidc"  # [auth] wins over the password
    assert oidc.owners == {"a@b.c": ("default",)}


def test_decide():
    assert auth.decide(auth.SignIn()) == "owner"
    password = auth.SignIn(mode="password", password_hash=BCRYPT)
    assert auth.decide(password) == "ask_password"
    assert auth.decide(password, password_ok=True) == "owner"
    assert auth.decide(password, logged_in=True, email="a@b.c") == "ask_password"  # st.user does not count here
    oidc = auth.SignIn(mode="oidc", owners=auth.owners_from({"Owner@Example.com": "default", "s@x.org": "studio"}))
    assert auth.decide(oidc) == "ask_login"
    assert auth.decide(oidc, password_ok=True) == "ask_login"  # a password does not count here
    assert auth.decide(oidc, logged_in=True, email="owner@EXAMPLE.com") == "owner"
    assert auth.decide(oidc, logged_in=True, email="intruder@example.com") == "refused"
    assert auth.decide(oidc, logged_in=True, email=None) == "refused"
    assert auth.decide(oidc, logged_in=True, email="s@x.org") == "owner"  # of another workspace
    assert auth.decide(auth.SignIn(mode="oidc"), logged_in=True, email="owner@example.com") == "refused"


def test_owned_workspaces():
    oidc = auth.SignIn(mode="oidc", owners=auth.owners_from(
        {"a@b.c": ["default", "studio"], "admin@b.c": "*", "s@b.c": "studio"}))
    assert auth.owned(oidc, "A@B.C") == ("default", "studio")
    assert auth.owned(oidc, "s@b.c") == ("studio",)
    assert auth.owned(oidc, "admin@b.c") is None  # every workspace
    assert auth.owned(oidc, "nobody@b.c") == ()
    assert auth.owned(auth.SignIn()) is None  # the local app
    assert auth.owned(auth.SignIn(mode="password", password_hash=BCRYPT)) is None


def test_the_throttle_allows_limit_failures_per_window():
    now = [1000.0]
    throttle = auth.Throttle(limit=2, window=60, clock=lambda: now[0])
    assert throttle.wait() == 0
    throttle.failed()
    now[0] += 10
    throttle.failed()
    assert throttle.wait() == pytest.approx(50)  # the first failure leaves the window at 1060
    now[0] += 49.5
    assert throttle.wait() == pytest.approx(0.5)
    now[0] += 0.5
    assert throttle.wait() == 0  # one failure left in the window: one more try
    throttle.failed()
    assert throttle.wait() == pytest.approx(10)


def test_the_provider_for_st_login():
    flat = {"auth": {"client_id": "x", "redirect_uri": "r", "cookie_secret": "c"}}
    named = {"auth": {"redirect_uri": "r", "cookie_secret": "c", "google": {"client_id": "x"}}}
    assert auth.settings_from(flat).provider is None
    assert auth.settings_from(named).provider == "google"
    assert auth.settings_from(named).mode == "oidc"
