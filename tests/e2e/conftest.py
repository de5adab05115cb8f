"""Headless Chromium (Debian's, driven by Playwright) for the browser tests; they skip without either."""

from __future__ import annotations

import pytest

from tests.e2e.harness import CHROMIUM


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    with sync_api.sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                               "--disable-dev-shm-usage"])
        except sync_api.Error as exc:  # pragma: no cover - a chromium Playwright cannot drive
            pytest.skip(f"chromium does not start under Playwright: {exc}")
        yield chromium
        chromium.close()
