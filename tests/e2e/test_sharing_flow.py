"""Sharing end to end in headless Chromium against `streamlit run app.py` on localhost: the owner creates a link
on the Share page, a viewer in a second browser context opens it, sees only that workspace's overview and no
Data pages, leaves a note; the owner reads the note and revokes the link; the viewer's next click is refused.
A random token, an expired token and a revoked token are refused.

Skipped when Playwright or Debian's /usr/bin/chromium is missing."""

from __future__ import annotations

import secrets
from datetime import timedelta

import duckdb
import pytest

from netmetrics import share, workspaces
from tests.e2e.harness import WAIT, cli, link_path, needs_chromium, new_page, streamlit

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = needs_chromium
REFUSED = "This share link does not work"
DATA_PAGES = ("Import", "Import history", "Manual entry", "Share", "Workspace")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("share_e2e")
    cli(data, "workspace", "create", "studio", "--name", "Studio Alpha", "--demo")
    cli(data, "workspace", "create", "other", "--name", "Other Bravo")
    env = {"NETMETRICS_DATA_DIR": str(data), "NETMETRICS_DB": str(data / "workspaces" / "studio.duckdb")}
    with streamlit(data, env) as base:
        yield base, data


def _overview_drawn(page) -> None:
    page.get_by_text("The six comparisons").first.wait_for(timeout=WAIT)


def _refused(page) -> None:
    page.get_by_text(REFUSED).first.wait_for(timeout=WAIT)
    sync_api.expect(page.get_by_text("The six comparisons")).to_have_count(0, timeout=WAIT)
    sync_api.expect(page.locator('[data-testid="stMetric"]')).to_have_count(0, timeout=WAIT)


def _nav_titles(page) -> list[str]:
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.wait_for(timeout=WAIT)
    return [t.strip().splitlines()[-1].strip() for t in nav.locator("a").all_inner_texts() if t.strip()]


def test_owner_shares_viewer_reads_and_notes_owner_revokes(browser, server):
    base, data = server
    owner = new_page(browser)
    owner.goto(f"{base}/share")
    owner.get_by_text("New link").first.wait_for()
    owner.get_by_label("Label", exact=True).and_(owner.locator("input")).fill("Coach Anna")
    select = owner.get_by_role("combobox", name="Workspace to share", exact=True)
    if select.input_value() != "Studio Alpha (studio)":
        select.click()
        owner.get_by_role("option", name="Studio Alpha (studio)").first.click()
    owner.wait_for_function("""document.querySelector('input[role="combobox"][aria-label="Workspace to share"]')
        .value === 'Studio Alpha (studio)'""", timeout=WAIT)
    owner.get_by_text("Allow comments").click()
    owner.get_by_role("button", name="Create link").click()
    code = owner.locator("code", has_text="/?share=").first
    code.wait_for()
    path = code.inner_text().strip()
    assert path.startswith("/?share=") and len(path) > 30

    viewer = new_page(browser)
    viewer.goto(base + path)
    _overview_drawn(viewer)
    viewer.locator('[data-testid="stMetric"]').first.wait_for()
    viewer.wait_for_function("!location.search.includes('share=')", timeout=WAIT)
    assert "share=" not in viewer.url
    body = viewer.locator("body").inner_text()
    assert "Studio Alpha" in body and "Other Bravo" not in body
    titles = _nav_titles(viewer)
    assert "Overview" in titles and not set(titles) & set(DATA_PAGES), titles
    assert "Share" in _nav_titles(owner)  # the owner's navigation has them

    note = f"Coach note {secrets.token_hex(4)}: drop the Tuesday lunch"
    viewer.get_by_text("Leave a note for the owner").click()
    viewer.locator("textarea").first.fill(note)
    viewer.get_by_role("button", name="Save note").click()
    viewer.get_by_text("Note saved.").first.wait_for()

    # a Data page's URL with the link opens no upload widget for the viewer
    forged = new_page(browser)
    forged.goto(f"{base}/import_data{path}")
    _overview_drawn(forged)
    assert forged.locator('[data-testid="stFileUploader"]').count() == 0
    assert not set(_nav_titles(forged)) & set(DATA_PAGES)
    forged.context.close()

    owner.goto(base + "/")
    owner.get_by_text(note).first.wait_for()
    assert owner.get_by_text("Notes (1)").count() == 1

    owner.goto(f"{base}/share")
    owner.get_by_text("Coach Anna · Studio Alpha").first.wait_for()
    owner.get_by_role("button", name="Revoke").first.click()
    owner.get_by_text("No live links").first.wait_for()

    # the viewer's next click in the same session is refused, and so is opening the link again
    viewer.locator('[data-testid="stSidebarNav"] a', has_text="Groups").first.click()
    _refused(viewer)
    viewer.goto(base + path)
    _refused(viewer)

    # a live link to the other workspace shows that workspace only, never the studio's name
    out = cli(data, "share", "create", "--workspace", "other", "--label", "Other coach")
    path = link_path(out)
    viewer.goto(base + path)
    viewer.get_by_text("Other Bravo").first.wait_for()
    assert viewer.get_by_text(REFUSED).count() == 0 and "Overview" in _nav_titles(viewer)
    assert "Studio Alpha" not in viewer.locator("body").inner_text()
    # and that token cannot be pointed at the studio: no parameter or page picks a workspace for a viewer
    viewer.goto(f"{base}/share{path}&workspace=studio&nm_workspace=studio")
    viewer.get_by_text("Other Bravo").first.wait_for()
    assert "Studio Alpha" not in viewer.locator("body").inner_text()
    assert viewer.get_by_role("combobox", name="Workspace", exact=True).count() == 0
    viewer.context.close()
    owner.context.close()


def test_random_and_expired_tokens_are_refused(browser, server):
    base, data = server
    viewer = new_page(browser)
    viewer.goto(f"{base}/?share={secrets.token_urlsafe(32)}")
    _refused(viewer)

    out = cli(data, "share", "create", "--workspace", "studio", "--label", "Soon gone", "--expires-days", "1")
    path = link_path(out)
    con = duckdb.connect(str(workspaces.admin_path(data)))
    try:
        con.execute("update share_links set expires_at = ? where label = 'Soon gone'",
                    [share.utcnow() - timedelta(minutes=1)])
    finally:
        con.close()
    viewer.goto(base + path)
    _refused(viewer)
    viewer.context.close()
