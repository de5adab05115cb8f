"""Owner sign-in end to end in headless Chromium: st.login against a real OpenID Connect provider on localhost
(the `oidc-provider-mock` package), the e-mail allow-list and its workspaces, e-mail-bound share links, and the
password fallback. Nothing here is faked: the provider issues signed ID tokens, Streamlit sets its identity
cookie, and the app decides on the server.

Skipped when Playwright, oidc-provider-mock or Debian's /usr/bin/chromium is missing."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import bcrypt
import pytest

from tests.e2e.harness import WAIT, cli, free_port, link_path, needs_chromium, new_page, process, streamlit

sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("oidc_provider_mock")
pytestmark = needs_chromium
OWNER = "owner@example.com"
COACH = "anna@coach.example"
PASSWORD = "harbour-lights-42"
METRIC = '[data-testid="stMetric"]'


def _data(tmp_path_factory, name: str) -> Path:
    data = tmp_path_factory.mktemp(name)
    cli(data, "workspace", "create", "studio", "--name", "Studio Alpha", "--demo")
    cli(data, "workspace", "create", "other", "--name", "Other Bravo")
    return data


def _secrets(data: Path, text: str) -> str:
    path = data / "secrets.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def oidc_app(tmp_path_factory):
    """The identity provider and the dashboard, both on localhost; the owner owns the main database (the studio's
    file here) and the "other" workspace."""
    data = _data(tmp_path_factory, "signin_oidc")
    provider_port, app_port = free_port(), free_port()
    provider = f"http://localhost:{provider_port}"
    secrets_file = _secrets(data, f"""
[auth]
redirect_uri = "http://localhost:{app_port}/oauth2callback"
cookie_secret = "{secrets.token_hex(16)}"
client_id = "netmetrics-e2e"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[netmetrics.owners]
"{OWNER}" = ["default", "other"]
""")
    env = {"NETMETRICS_DATA_DIR": str(data), "NETMETRICS_DB": str(data / "workspaces" / "studio.duckdb")}
    with process([sys.executable, "-m", "oidc_provider_mock", "--port", str(provider_port)], data / "provider.log",
                 f"{provider}/.well-known/openid-configuration"), \
            streamlit(data, env, "--secrets.files", secrets_file, port=app_port, host="localhost") as base:
        yield base, data


@pytest.fixture(scope="module")
def password_app(tmp_path_factory):
    data = _data(tmp_path_factory, "signin_password")
    digest = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
    secrets_file = _secrets(data, f'[netmetrics]\nowner_password_hash = "{digest}"\n')
    env = {"NETMETRICS_DATA_DIR": str(data), "NETMETRICS_DB": str(data / "workspaces" / "studio.duckdb")}
    with streamlit(data, env, "--secrets.files", secrets_file) as base:
        yield base


def _sign_in_at_provider(page, base: str, email: str) -> None:
    """Click the app's Sign in, answer the provider's form as `email`, and wait to be back in the app."""
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/oauth2/authorize**", timeout=WAIT)
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/**", timeout=WAIT)


def _no_data(page) -> None:
    sync_api.expect(page.locator(METRIC)).to_have_count(0, timeout=WAIT)
    sync_api.expect(page.get_by_text("The six comparisons")).to_have_count(0, timeout=WAIT)


def _overview(page) -> None:
    page.get_by_text("The six comparisons").first.wait_for(timeout=WAIT)
    page.locator(METRIC).first.wait_for(timeout=WAIT)


def test_an_allowed_owner_signs_in_with_the_provider_and_switches_workspaces(browser, oidc_app):
    base, _ = oidc_app
    page = new_page(browser)
    page.goto(base + "/")
    page.get_by_text("Sign in to open the dashboard.").first.wait_for()
    _no_data(page)

    _sign_in_at_provider(page, base, OWNER)
    page.get_by_text(f"Signed in as {OWNER}").first.wait_for()
    _overview(page)
    picker = page.get_by_role("combobox", name="Workspace", exact=True)
    assert picker.input_value() == "Main workspace"
    assert "Share" in page.locator('[data-testid="stSidebarNav"]').inner_text()

    picker.click()
    page.get_by_role("option", name="Other Bravo").first.click()
    sync_api.expect(picker).to_have_count(1, timeout=WAIT)  # the rerun has replaced the old widget
    sync_api.expect(picker).to_have_value("Other Bravo", timeout=WAIT)
    page.get_by_text("No data yet").first.wait_for()  # the other workspace is empty: no studio number follows
    _no_data(page)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_timeout(500)
    page.goto(base + "/")
    page.get_by_text("Sign in to open the dashboard.").first.wait_for()
    _no_data(page)
    page.context.close()


def test_an_account_not_on_the_allow_list_sees_nothing(browser, oidc_app):
    base, _ = oidc_app
    page = new_page(browser)
    page.goto(base + "/")
    _sign_in_at_provider(page, base, "stranger@example.com")
    page.get_by_text("which is not an owner of this dashboard").first.wait_for()
    _no_data(page)
    assert "Import" not in page.locator("body").inner_text()
    page.context.close()


def test_an_e_mail_bound_link_opens_only_for_that_signed_in_account(browser, oidc_app):
    base, data = oidc_app
    path = link_path(cli(data, "share", "create", "--workspace", "studio", "--label", "Coach Anna", "--email", COACH))

    coach = new_page(browser)
    coach.goto(base + path)
    coach.get_by_text("This link is for a named account").first.wait_for()
    coach.wait_for_function("!location.search.includes('share=')", timeout=WAIT)
    _no_data(coach)
    _sign_in_at_provider(coach, base, COACH)  # the provider brings the coach back to the start page
    coach.get_by_text("open the link they sent you again").first.wait_for()
    _no_data(coach)
    coach.goto(base + path)  # the same link again, now signed in as its account
    _overview(coach)
    coach.get_by_text("Read-only view of Studio Alpha").first.wait_for()
    nav = coach.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Overview" in nav and "Share" not in nav and "Import" not in nav

    other = new_page(browser)
    other.goto(base + "/")
    _sign_in_at_provider(other, base, "bob@coach.example")
    other.goto(base + path)
    other.get_by_text("This link was sent to another account than bob@coach.example").first.wait_for()
    _no_data(other)
    coach.context.close()
    other.context.close()


def test_the_password_fallback_refuses_a_wrong_password_and_signs_out(browser, password_app):
    base = password_app
    page = new_page(browser)
    page.goto(base + "/")
    box = page.get_by_label("Owner password")
    box.wait_for()
    _no_data(page)
    box.fill("not-it")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("That password is not right.").first.wait_for()
    _no_data(page)

    page.get_by_label("Owner password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    _overview(page)
    page.get_by_text("Signed in with the owner password").first.wait_for()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Owner password").wait_for()
    _no_data(page)

    fresh = new_page(browser)  # another browser: the sign-in belongs to the session, not to the server
    fresh.goto(base + "/")
    fresh.get_by_label("Owner password").wait_for()
    _no_data(fresh)
    page.context.close()
    fresh.context.close()
