"""Share links through the real app: a viewer sees one workspace's dashboard, read-only, and nothing else."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from netmetrics import demo, share, workspaces
from netmetrics.db import Database
from netmetrics.ui.access import REFUSAL
from tests.app.conftest import ENTRY, ROOT, metric_values

JANUARY = {"preset": "custom", "from": "2025-01-01", "to": "2025-01-31"}


@pytest.fixture
def data_dir(tmp_path, hand_db, monkeypatch):
    """Two workspaces: 'hand' holds the hand-built January rows (revenue $850), 'studio' the demo data."""
    folder = tmp_path / "data"
    admin = workspaces.open_admin(folder)
    hand = workspaces.create(admin, folder, "hand", "Hand Made")
    studio = workspaces.create(admin, folder, "studio", "Design Studio")
    hand_db.close()
    shutil.copy(hand_db.path, hand.path(folder))
    db = Database(studio.path(folder))
    demo.load_demo(db)
    db.close()
    admin.close()
    monkeypatch.setenv("NETMETRICS_DATA_DIR", str(folder))
    monkeypatch.setenv("NETMETRICS_DB", str(tmp_path / "owner.duckdb"))  # the owner's own file, never shown
    return folder


def link(data_dir, workspace: str, **kwargs) -> tuple[int, str]:
    admin = workspaces.open_admin(data_dir)
    try:
        return share.create_link(admin, workspace, f"Coach for {workspace}", **kwargs)
    finally:
        admin.close()


def visit(token: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params.update({**(query or {}), "share": token})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def refused(at: AppTest) -> bool:
    return any(REFUSAL in e.value for e in at.error) and not at.metric and not at.get("plotly_chart") \
        and not at.dataframe and not at.sidebar.selectbox


def test_a_valid_link_shows_its_workspace_and_leaves_the_address_bar(data_dir):
    _, token = link(data_dir, "hand")
    at = visit(token, JANUARY)
    assert metric_values(at)["Revenue"] == "$850"
    assert "share" not in at.query_params
    assert at.query_params["from"] == "2025-01-01"  # the rest of the view survives
    assert any("Read-only view of Hand Made" in i.value for i in at.sidebar.info)
    assert not any("demo data" in i.value for i in at.info)
    assert not any(s.key == "nm_workspace" for s in at.sidebar.selectbox)  # a viewer never picks a workspace
    at.run()  # the next run has no token: the session is still the same viewer
    assert metric_values(at)["Revenue"] == "$850"
    assert "share" not in at.query_params


def test_each_link_shows_only_its_own_workspace(data_dir):
    _, hand_token = link(data_dir, "hand")
    _, studio_token = link(data_dir, "studio")
    hand = metric_values(visit(hand_token, JANUARY))
    studio_at = visit(studio_token, JANUARY)
    studio = metric_values(studio_at)
    assert hand["Revenue"] == "$850"
    assert studio["Revenue"] != hand["Revenue"] and studio["Activities"] != hand["Activities"]
    assert any("demo data" in i.value for i in studio_at.info)  # the studio holds the demo data
    assert not any(b.label == "Delete the demo data" for b in studio_at.button)  # but cannot clear it
    groups = set(studio_at.dataframe[0].value["Group"])
    assert not groups & {"Harbour", "Chamber", "Quiet"}


def test_the_use_is_recorded(data_dir):
    link_id, token = link(data_dir, "hand")
    visit(token)
    admin = workspaces.open_admin(data_dir)
    try:
        assert share.get_link(admin, link_id).last_used_at is not None
    finally:
        admin.close()


@pytest.mark.parametrize("page", ["pages/import_data.py", "pages/import_history.py", "pages/manual_entry.py"])
def test_data_pages_cannot_be_reached_by_url(data_dir, page):
    _, token = link(data_dir, "hand")
    at = visit(token, JANUARY)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(str(ROOT / page))  # the viewer's navigation never registered it
    # What a browser sends for /import_data (or a stale page hash): st.Page hashes its url path. AppTest has
    # no public way to send an unregistered page, so set the request it would make.
    at._page_hash = calc_hash(Path(page).stem)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    # st.navigation registers only the viewer's pages, so the URL of a Data page opens the default page.
    assert [t.value for t in at.title] == ["Overview"]
    assert metric_values(at)["Revenue"] == "$850"
    assert not at.get("file_uploader") and not at.get("data_editor")
    assert not any(b.label.startswith(("Save", "Import", "Undo")) for b in at.button)


def test_the_owner_still_reaches_the_data_pages(data_dir, monkeypatch):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    at.switch_page(str(ROOT / "pages/import_data.py"))
    assert at._page_hash == calc_hash("import_data")  # the request the viewer test forges
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Import"]
    assert at.get("file_uploader")
    assert any(e.label == "Workspace settings" for e in at.sidebar.expander)


def test_a_viewer_has_no_settings_editor_no_threshold_editor_and_no_scenario_saving(data_dir):
    _, token = link(data_dir, "studio")
    at = visit(token)
    assert not any(e.label == "Workspace settings" for e in at.sidebar.expander)
    assert not at.sidebar.text_input  # the currency field is not drawn
    at.switch_page(str(ROOT / "pages/verdicts.py"))
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Verdicts"]
    assert not any("thresholds" in e.label for e in at.expander)
    at.switch_page(str(ROOT / "pages/whatif.py"))
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["What-if"]
    assert at.slider  # the sliders work
    assert not any(b.label == "Save scenario" for b in at.button)
    assert any("scenarios are not saved" in c.value for c in at.caption)


def test_a_link_revoked_during_a_session_is_refused_on_the_next_run(data_dir):
    link_id, token = link(data_dir, "hand")
    at = visit(token, JANUARY)
    assert metric_values(at)["Revenue"] == "$850"
    admin = workspaces.open_admin(data_dir)
    try:
        share.revoke(admin, link_id)
    finally:
        admin.close()
    at.run()
    assert not at.exception
    assert refused(at)
    at.switch_page(str(ROOT / "pages/overview.py"))
    at.run()
    assert refused(at)  # refused stays refused: never falls back to the owner's view


def test_an_expired_link_is_refused(data_dir):
    _, token = link(data_dir, "hand", expires_days=1, now=datetime.now() - timedelta(days=2))  # noqa: DTZ005
    assert refused(visit(token, JANUARY))


@pytest.mark.parametrize("token", ["x", "A" * 43, "%3Cscript%3E", ""])
def test_a_random_token_is_refused(data_dir, token):
    link(data_dir, "hand")
    assert refused(visit(token, JANUARY))


def test_a_deleted_workspace_refuses_its_links(data_dir):
    _, token = link(data_dir, "studio")
    admin = workspaces.open_admin(data_dir)
    try:
        workspaces.delete(admin, data_dir, "studio")
    finally:
        admin.close()
    assert refused(visit(token))


OIDC_SECRETS = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-secret",
                          "client_id": "netmetrics", "client_secret": "x",
                          "server_metadata_url": "http://localhost:9/.well-known/openid-configuration"},
                 "netmetrics": {"owners": {"owner@example.com": "default"}}}


def visit_signed_in(token: str, user: dict | None, secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update(OIDC_SECRETS if secrets is None else secrets)
    if user is not None:
        at.user = user
    at.query_params.update({**JANUARY, "share": token})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def shows_nothing(at: AppTest) -> bool:
    return not at.metric and not at.get("plotly_chart") and not at.dataframe and not at.sidebar.selectbox


def test_an_email_link_asks_for_sign_in_and_shows_nothing_until_then(data_dir):
    _, token = link(data_dir, "hand", email="anna@example.com")
    for user in (None, {"is_logged_in": False}):
        at = visit_signed_in(token, user)
        assert any("Sign in with it, then open the link again" in i.value for i in at.info)
        assert any(b.label == "Sign in" for b in at.button)
        assert shows_nothing(at) and "share" not in at.query_params


def test_an_email_link_opens_for_that_account_whatever_the_case(data_dir):
    _, token = link(data_dir, "hand", email="Anna@Example.com")
    at = visit_signed_in(token, {"is_logged_in": True, "email": "ANNA@example.COM"})
    assert metric_values(at)["Revenue"] == "$850"
    assert any("Read-only view of Hand Made" in i.value for i in at.sidebar.info)
    assert not any(e.label == "Workspace settings" for e in at.sidebar.expander)  # read-only all the same


def test_an_email_link_refuses_another_account_with_a_sign_out(data_dir):
    _, token = link(data_dir, "hand", email="anna@example.com")
    at = visit_signed_in(token, {"is_logged_in": True, "email": "owner@example.com"})
    assert any("sent to another account than owner@example.com" in e.value.replace("\\", "") for e in at.error)
    assert any(b.label == "Sign out" for b in at.button)
    assert shows_nothing(at)


def test_an_email_link_cannot_open_where_no_sign_in_is_set_up(data_dir):
    _, token = link(data_dir, "hand", email="anna@example.com")
    at = visit_signed_in(token, {"is_logged_in": True, "email": "anna@example.com"}, secrets={})
    assert any("no sign-in set up" in e.value for e in at.error)
    assert shows_nothing(at)


def test_a_revoked_link_stops_the_what_if_sliders_too(data_dir):
    link_id, token = link(data_dir, "studio")
    at = visit(token)
    at.switch_page(str(ROOT / "pages/whatif.py"))
    at.run()
    assert at.slider and not at.exception
    admin = workspaces.open_admin(data_dir)
    try:
        share.revoke(admin, link_id)
    finally:
        admin.close()
    # AppTest reruns the whole script on a widget change; a real server reruns only the what-if fragment,
    # which is why scenario_editor checks the link itself (access.recheck). This checks the refusal shows.
    at.slider[0].set_value(at.slider[0].max).run()
    assert not at.exception
    assert any(REFUSAL in e.value for e in at.error)
