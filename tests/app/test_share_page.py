"""The owner's Share and Workspace pages through the real app: links are made and revoked from the page, the
token is shown once and stored only as its hash; workspaces are created, renamed, exported and deleted; a
viewer can neither reach these pages nor use them."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from netmetrics import share, workspaces
from tests.app.conftest import ENTRY, ROOT
from tests.app.test_share_links import JANUARY, OIDC_SECRETS, link, visit
from tests.app.test_share_links import data_dir as data_dir  # the fixture, used by name

PAGES = ("pages/share.py", "pages/workspace.py")


def owner_on(page: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    at.switch_page(str(ROOT / page))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def admin_do(folder, action):
    admin = workspaces.open_admin(folder)
    try:
        return action(admin)
    finally:
        admin.close()


def create_on_page(at: AppTest, workspace: str, label: str, comments: bool = False) -> str:
    at.selectbox(key="nm_share_workspace").set_value(workspace)
    at.text_input(key="nm_share_label").input(label)
    if comments:
        at.checkbox(key="nm_share_comments").check()
    next(b for b in at.button if b.label == "Create link").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert len(at.code) == 1
    path = at.code[0].value
    assert path.startswith("/?share=")
    return path.removeprefix("/?share=")


def test_the_owner_creates_a_link_whose_token_is_shown_once_and_stored_as_a_hash(data_dir):
    at = owner_on("pages/share.py")
    assert [t.value for t in at.title] == ["Share"]
    token = create_on_page(at, "hand", "Coach Anna", comments=True)
    assert any("will not be shown again" in w.value for w in at.warning)
    opened = admin_do(data_dir, lambda admin: share.verify_token(admin, token))
    assert opened is not None and opened.label == "Coach Anna" and opened.workspace_slug == "hand"
    assert opened.allow_comments
    stored = admin_do(data_dir, lambda admin: admin.rows("select * from share_links"))
    assert [row for row in stored if share.digest(token) in row]
    assert not any(token in str(value) for row in stored for value in row)
    admin_files = [workspaces.admin_path(data_dir), Path(f"{workspaces.admin_path(data_dir)}.wal")]
    assert not any(token.encode() in f.read_bytes() for f in admin_files if f.exists())
    assert set(at.dataframe[0].value["Label"]) == {"Coach Anna"}
    at.run()  # the next run does not show it again
    assert not at.code


def test_the_e_mail_field_needs_sign_in_and_binds_the_link(data_dir):
    assert owner_on("pages/share.py").text_input(key="nm_share_email").disabled  # no identity provider here
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update({**OIDC_SECRETS, "netmetrics": {"owners": {"owner@example.com": "*"}}})
    at.user = {"is_logged_in": True, "email": "owner@example.com"}
    at.run()
    at.switch_page(str(ROOT / "pages/share.py"))
    at.run()
    assert not at.text_input(key="nm_share_email").disabled
    at.text_input(key="nm_share_email").input(" Anna@Coach.Example ")
    token = create_on_page(at, "hand", "Coach Anna")
    link = admin_do(data_dir, lambda admin: share.verify_token(admin, token))
    assert link.email == "anna@coach.example"
    assert "anna@coach.example" in set(at.dataframe[0].value["E-mail"])
    at.text_input(key="nm_share_email").input("not-an-address")
    at.text_input(key="nm_share_label").input("Typo")
    next(b for b in at.button if b.label == "Create link").click()
    at.run()
    assert any("is not an e-mail address" in e.value for e in at.error) and not at.code


def test_a_created_link_opens_the_dashboard_for_a_viewer(data_dir):
    token = create_on_page(owner_on("pages/share.py"), "hand", "Coach Ben")
    viewer = visit(token, JANUARY)
    assert any("Read-only view of Hand Made" in i.value for i in viewer.sidebar.info)


def test_revoking_from_the_page_works_at_once(data_dir):
    link_id, token = link(data_dir, "hand")
    other_id, other = link(data_dir, "studio")
    at = owner_on("pages/share.py")
    assert set(at.dataframe[0].value["Workspace"]) == {"Hand Made", "Design Studio"}
    at.button(key=f"nm_revoke_{link_id}").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert admin_do(data_dir, lambda admin: share.verify_token(admin, token)) is None
    assert admin_do(data_dir, lambda admin: share.verify_token(admin, other)) is not None
    assert set(at.dataframe[0].value["Workspace"]) == {"Design Studio"}
    assert not [b for b in at.button if b.key == f"nm_revoke_{link_id}"]
    assert [b for b in at.button if b.key == f"nm_revoke_{other_id}"]


def test_hostile_labels_show_as_plain_text(data_dir):
    admin_do(data_dir, lambda admin: share.create_link(admin, "hand", "<b>**Anna**</b> $x$"))
    at = owner_on("pages/share.py")
    assert list(at.dataframe[0].value["Label"]) == ["<b>**Anna**</b> $x$"]
    shown = [m.value for m in at.markdown if "Anna" in m.value]
    assert shown and all("\\*\\*" in m and "\\<b\\>" in m and "\\$" in m for m in shown)


def test_without_workspaces_the_share_page_explains_the_commands(tmp_path, monkeypatch):
    folder = tmp_path / "empty-data"
    monkeypatch.setenv("NETMETRICS_DATA_DIR", str(folder))
    monkeypatch.setenv("NETMETRICS_DB", str(tmp_path / "owner.duckdb"))
    at = owner_on("pages/share.py")
    assert any("needs a workspace" in i.value or "no workspace" in i.value for i in at.info)
    commands = at.code[0].value
    assert "workspace create" in commands and "--demo" in commands and "share create" in commands
    assert not at.get("form") and not any(b.label == "Create link" for b in at.button)
    assert not workspaces.admin_path(folder).exists()  # looking does not create anything


@pytest.mark.parametrize("page", PAGES)
def test_a_viewer_cannot_reach_the_owner_pages(data_dir, page):
    _, token = link(data_dir, "hand")
    at = visit(token, JANUARY)
    assert not any(p in str(at._tree) for p in ("nm_share_label", "nm_ws_new_slug"))
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(str(ROOT / page))
    at._page_hash = calc_hash(Path(page).stem)  # what a browser sends for /share or /workspace
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [t.value for t in at.title] == ["Overview"]
    assert not at.code and not at.get("download_button") and not at.text_input


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_refuse_a_viewer_session_on_the_server(data_dir, page):
    """Run the page script itself in a viewer's session (as if the navigation had been bypassed)."""
    link_id, token = link(data_dir, "hand")
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    at.session_state["_nm_share_link_id"] = link_id  # what access.resolve keeps for a viewer
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("owner only" in e.value for e in at.error)
    assert not at.code and not at.dataframe and not at.get("download_button") and not at.button
    assert admin_do(data_dir, lambda admin: share.list_links(admin)) == [
        admin_do(data_dir, lambda admin: share.get_link(admin, link_id))]  # nothing was made


def test_the_pages_work_for_the_owner_when_run_directly(data_dir):
    at = AppTest.from_file(str(ROOT / "pages/share.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error and any(b.label == "Create link" for b in at.button)


def test_the_owner_downloads_and_manages_workspaces(data_dir):
    at = owner_on("pages/workspace.py")
    assert [t.value for t in at.title] == ["Workspace"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the DuckDB file", "Download every table as XLSX"]
    assert any("Workspace: Main workspace (owner.duckdb)" in m.value.replace("\\", "") for m in at.markdown)
    at.sidebar.selectbox(key="nm_workspace").set_value("studio").run()
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == labels
    assert any("Design Studio (studio.duckdb)" in m.value.replace("\\", "") for m in at.markdown)

    at.text_input(key="nm_ws_new_slug").input("north")
    at.text_input(key="nm_ws_new_name").input("Studio North")
    next(b for b in at.button if b.label == "Create").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Created Studio North" in s.value for s in at.success)
    north = admin_do(data_dir, lambda admin: workspaces.get(admin, "north"))
    assert north is not None and north.path(data_dir).exists()
    assert "north" in list(at.dataframe[0].value["Slug"])

    at.selectbox(key="nm_ws_rename_slug").set_value("north")
    at.text_input(key="nm_ws_rename_name").input("North Office")
    next(b for b in at.button if b.label == "Rename").click()
    at.run()
    assert admin_do(data_dir, lambda admin: workspaces.get(admin, "north")).name == "North Office"

    _, token = link(data_dir, "north")
    at.selectbox(key="nm_ws_delete_slug").set_value("north")
    at.text_input(key="nm_ws_delete_confirm").input("nort")
    next(b for b in at.button if b.label == "Delete for good").click()
    at.run()
    assert any("exactly" in e.value for e in at.error)
    assert north.path(data_dir).exists()

    at.selectbox(key="nm_ws_delete_slug").set_value("north")
    at.text_input(key="nm_ws_delete_confirm").input("north")
    next(b for b in at.button if b.label == "Delete for good").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert admin_do(data_dir, lambda admin: workspaces.get(admin, "north")) is None
    assert not north.path(data_dir).exists()
    assert admin_do(data_dir, lambda admin: share.verify_token(admin, token)) is None
    assert "north" not in list(at.dataframe[0].value["Slug"])
