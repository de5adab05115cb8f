"""The HTML report opened from disk in headless Chromium with the network cut: every chart draws (plotly.js
is inside the file), nothing is requested from outside, and a hostile group name runs no script.

Skipped when Playwright or Debian's /usr/bin/chromium is missing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from netmetrics import demo, report
from netmetrics.db import Database
from netmetrics.periods import Period
from tests.conftest import insert, single
from tests.e2e.harness import needs_chromium

pytestmark = needs_chromium
YEAR = Period(date(2025, 11, 24), date(2026, 11, 23), "last_12_months")


def open_offline(browser, path: Path):
    """Open a file with every non-file request aborted; returns (page, outside requests, errors, dialogs)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside, errors, dialogs = [], [], []

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_files)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    return page, outside, errors, dialogs


def test_the_demo_report_draws_every_chart_offline(browser, tmp_path):
    db = Database(tmp_path / "demo.duckdb")
    demo.load_demo(db, date(2026, 11, 23))
    path = tmp_path / "report.html"
    path.write_text(report.build_report(db, YEAR, hourly_rate=25).html, encoding="utf-8")
    db.close()
    page, outside, errors, _ = open_offline(browser, path)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 17", timeout=30_000)
    assert page.locator(".js-plotly-plot").count() == 17
    assert page.evaluate("typeof window.Plotly") == "object"
    # each chart has data drawn in it (bars, lines, markers or areas), not only axes
    drawn = page.evaluate("""[...document.querySelectorAll('.js-plotly-plot')].map(
        g => g.querySelectorAll('.trace, .point, .bars path, .scatterlayer path').length)""")
    assert all(n > 0 for n in drawn), drawn
    assert page.locator("h2").all_inner_texts() == [title for _, title in report.SECTIONS]
    assert outside == [] and errors == []
    page.emulate_media(media="print")
    assert page.locator("nav").is_hidden()
    page.context.close()


def test_a_hostile_group_name_runs_no_script(browser, tmp_path):
    db = Database(tmp_path / "hostile.duckdb")
    insert(db, "groups", [{"group_id": 1, "name": "<img src=x onerror=alert(1)><script>alert(2)</script>",
                           "type": "lead_group", "joined_on": "2024-06-01", "annual_dues": 365}])
    insert(db, "activities", [{"group_id": 1, **single("2025-01-08"), "event_hours": 2, "expenses": 20}])
    insert(db, "sales", [{"group_id": 1, **single("2025-01-20"), "amount": 500}])
    path = tmp_path / "hostile.html"
    path.write_text(report.build_report(db, Period(date(2025, 1, 1), date(2025, 1, 31)),
                                        generated=datetime(2025, 2, 1)).html, encoding="utf-8")
    db.close()
    page, outside, errors, dialogs = open_offline(browser, path)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0", timeout=30_000)
    page.wait_for_timeout(300)
    assert dialogs == [] and errors == []
    assert outside == [] and page.locator("img").count() == 0  # the <img src=x> is text, never an element
    assert "<script>alert(2)</script>" in page.locator("#overview table").inner_text()
    page.context.close()
