"""Owner sign-in through the real app: a password or st.login before any data is read; share links unchanged."""

from __future__ import annotations

import bcrypt
import pytest
from streamlit.testing.v1 import AppTest

from netmetrics import auth
from netmetrics.ui import signin
from tests.app.conftest import ENTRY, ROOT, metric_values
from tests.app.test_share_links import data_dir, link  # noqa: F401 - the fixture, shared

JANUARY = {"preset": "custom", "from": "2025-01-01", "to": "2025-01-31"}
HASH = bcrypt.hashpw(b"coach-proof", bcrypt.gensalt(rounds=4)).decode()
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-cookie-secret",
        "client_id": "netmetrics", "client_secret": "x",
        "server_metadata_url": "http://localhost:9/.well-known/openid-configuration"}
OIDC = {"auth": AUTH, "netmetrics": {"owners": {"Owner@Example.com": "default"}}}


@pytest.fixture(autouse=True)
def fresh_throttle(monkeypatch):
    """The throttle is one per server process; each test starts with a clean one."""
    monkeypatch.setattr(signin, "THROTTLE", auth.Throttle(limit=3, window=60))


def app(db_path, monkeypatch, secrets: dict, user: dict | None = None, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("NETMETRICS_DB", str(db_path))
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update(secrets)
    if user is not None:
        at.user = user
    at.query_params.update(query or JANUARY)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def nothing_shown(at: AppTest) -> bool:
    return not at.metric and not at.get("plotly_chart") and not at.dataframe and not at.sidebar.selectbox


def sign_in(at: AppTest, password: str) -> AppTest:
    [box] = [t for t in at.text_input if t.label == signin.PASSWORD_LABEL]
    box.input(password)
    [submit] = [b for b in at.button if b.label == "Sign in"]
    submit.click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_without_sign_in_secrets_the_owner_is_in_as_before(hand_path, monkeypatch):
    at = app(hand_path, monkeypatch, {"other": {"x": 1}})
    assert metric_values(at)["Revenue"] == "$850"
    assert not any(t.label == signin.PASSWORD_LABEL for t in at.text_input)


def test_a_password_hash_asks_for_the_password_before_any_data(hand_path, monkeypatch):
    at = app(hand_path, monkeypatch, {"netmetrics": {"owner_password_hash": HASH}})
    assert nothing_shown(at)
    assert any(t.label == signin.PASSWORD_LABEL for t in at.text_input)
    at.run()
    assert nothing_shown(at)


def test_a_wrong_password_is_refused_and_shows_nothing(hand_path, monkeypatch):
    at = sign_in(app(hand_path, monkeypatch, {"netmetrics": {"owner_password_hash": HASH}}), "guess")
    assert any(signin.WRONG_PASSWORD in e.value for e in at.error)
    assert nothing_shown(at)
    assert "_nm_owner_password_ok" not in at.session_state


def test_a_widget_value_cannot_stand_in_for_the_password_flag(hand_path, monkeypatch):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    monkeypatch.setenv("NETMETRICS_DB", str(hand_path))
    at.secrets.update({"netmetrics": {"owner_password_hash": HASH}})
    at.session_state["_nm_owner_password_ok"] = "forged"
    at.query_params.update(JANUARY)
    at.run()
    assert nothing_shown(at)


def test_the_right_password_opens_the_overview_for_this_session(hand_path, monkeypatch):
    at = sign_in(app(hand_path, monkeypatch, {"netmetrics": {"owner_password_hash": HASH}}), "coach-proof")
    assert metric_values(at)["Revenue"] == "$850"
    assert not at.error
    at.run()  # still signed in on the next run
    assert metric_values(at)["Revenue"] == "$850"


def test_an_argon2_hash_works_too(hand_path, monkeypatch):
    from argon2 import PasswordHasher

    argon = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("coach-proof")
    at = sign_in(app(hand_path, monkeypatch, {"netmetrics": {"owner_password_hash": argon}}), "coach-proof")
    assert metric_values(at)["Revenue"] == "$850"


def test_a_share_link_viewer_needs_no_password(data_dir):  # noqa: F811
    _, token = link(data_dir, "hand")
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update({"netmetrics": {"owner_password_hash": HASH}})
    at.query_params.update({**JANUARY, "share": token})
    at.run()
    assert not at.exception
    assert metric_values(at)["Revenue"] == "$850"
    assert not any(t.label == signin.PASSWORD_LABEL for t in at.text_input)


def test_oidc_not_logged_in_sees_a_sign_in_button_and_no_data(hand_path, monkeypatch):
    for user in (None, {"is_logged_in": False}):  # AppTest's default user has no is_logged_in at all
        at = app(hand_path, monkeypatch, OIDC, user=user)
        assert any(b.label == "Sign in" for b in at.button)
        assert nothing_shown(at)


def test_oidc_an_allowed_e_mail_is_the_owner(hand_path, monkeypatch):
    at = app(hand_path, monkeypatch, OIDC, user={"is_logged_in": True, "email": "OWNER@example.com"})
    assert metric_values(at)["Revenue"] == "$850"
    assert any(b.label == "Sign out" for b in at.sidebar.button)


def test_oidc_another_e_mail_is_refused_with_a_sign_out(hand_path, monkeypatch):
    at = app(hand_path, monkeypatch, OIDC, user={"is_logged_in": True, "email": "someone@example.com"})
    assert any(signin.NOT_AN_OWNER in e.value for e in at.error)
    assert any(b.label == "Sign out" for b in at.button)
    assert nothing_shown(at)
    [out] = [b for b in at.button if b.label == "Sign out"]
    out.click().run()
    assert not at.exception
    assert at.user == {"is_logged_in": False}
    assert any(b.label == "Sign in" for b in at.button) and nothing_shown(at)


def test_a_password_session_signs_out(hand_path, monkeypatch):
    at = sign_in(app(hand_path, monkeypatch, {"netmetrics": {"owner_password_hash": HASH}}), "coach-proof")
    assert metric_values(at)["Revenue"] == "$850"
    [out] = [b for b in at.sidebar.button if b.label == "Sign out"]
    out.click().run()
    assert not at.exception
    assert nothing_shown(at) and any(t.label == signin.PASSWORD_LABEL for t in at.text_input)
    assert "_nm_owner_password_ok" not in at.session_state


def test_wrong_passwords_are_throttled_for_every_session(hand_path, monkeypatch):
    secrets = {"netmetrics": {"owner_password_hash": HASH}}
    at = app(hand_path, monkeypatch, secrets)
    for guess in ("one", "two", "three"):  # the fixture's limit: 3 a minute
        sign_in(at, guess)
        assert any(signin.WRONG_PASSWORD in e.value for e in at.error)
    fresh = sign_in(app(hand_path, monkeypatch, secrets), "coach-proof")  # a new session, the right password
    assert any("Too many wrong passwords. Wait" in e.value for e in fresh.error)
    assert nothing_shown(fresh) and "_nm_owner_password_ok" not in fresh.session_state


OWNER_USER = {"is_logged_in": True, "email": "owner@example.com"}


def owner_of(data_dir, monkeypatch, slugs) -> AppTest:  # noqa: F811
    secrets = {"auth": AUTH, "netmetrics": {"owners": {"owner@example.com": slugs}}}
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update(secrets)
    at.user = OWNER_USER
    at.query_params.update(JANUARY)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_an_owner_of_several_workspaces_picks_one_in_the_sidebar(data_dir, monkeypatch):  # noqa: F811
    at = owner_of(data_dir, monkeypatch, ["hand", "studio"])
    picker = at.sidebar.selectbox(key="nm_workspace")
    assert picker.options == ["Hand Made", "Design Studio"]  # only theirs: not the main database
    assert metric_values(at)["Revenue"] == "$850"
    picker.set_value("studio").run()
    assert not at.exception
    studio = metric_values(at)
    assert studio["Revenue"] != "$850" and studio["Activities"] != "4"
    at.switch_page(str(ROOT / "pages/share.py"))
    at.run()
    assert at.selectbox(key="nm_share_workspace").options == ["Hand Made (hand)", "Design Studio (studio)"]


def test_an_owner_of_one_workspace_sees_it_without_a_picker_and_manages_only_it(data_dir, monkeypatch):  # noqa: F811
    link(data_dir, "studio")  # someone else's link: not listed for this owner
    at = owner_of(data_dir, monkeypatch, "hand")
    assert not any(s.key == "nm_workspace" for s in at.sidebar.selectbox)
    assert metric_values(at)["Revenue"] == "$850"
    at.switch_page(str(ROOT / "pages/share.py"))
    at.run()
    assert at.selectbox(key="nm_share_workspace").options == ["Hand Made (hand)"]
    assert any("No live links" in c.value for c in at.caption)
    at.switch_page(str(ROOT / "pages/workspace.py"))
    at.run()
    assert not any(b.label in ("Create", "Delete for good") for b in at.button)  # an admin's job
    assert [b.proto.label for b in at.get("download_button")] == ["Download the DuckDB file",
                                                                 "Download every table as XLSX"]


def test_a_star_on_the_allow_list_owns_every_workspace(data_dir, monkeypatch):  # noqa: F811
    at = owner_of(data_dir, monkeypatch, "*")
    assert at.sidebar.selectbox(key="nm_workspace").options == ["Main workspace", "Hand Made", "Design Studio"]
    at.switch_page(str(ROOT / "pages/workspace.py"))
    at.run()
    assert any(b.label == "Create" for b in at.button)


def test_an_owner_whose_workspaces_do_not_exist_is_told_so(data_dir, monkeypatch):  # noqa: F811
    at = owner_of(data_dir, monkeypatch, ["gone"])
    assert any("None of the workspaces this account owns exists" in e.value for e in at.error)
    assert nothing_shown(at)


def test_a_forged_workspace_choice_outside_the_owners_list_is_ignored(data_dir, monkeypatch):  # noqa: F811
    secrets = {"auth": AUTH, "netmetrics": {"owners": {"owner@example.com": ["hand", "default"]}}}
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update(secrets)
    at.user = OWNER_USER
    at.session_state["nm_workspace"] = "studio"  # what a crafted request could ask for: not this owner's
    at.query_params.update(JANUARY)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.sidebar.selectbox(key="nm_workspace").value == "default"  # back to the first of their own
    assert at.sidebar.selectbox(key="nm_workspace").options == ["Main workspace", "Hand Made"]
    assert any("No data yet" in i.value for i in at.info) and not at.metric  # the main file is empty; the studio is not
