"""Take docs/overview.png from a running dashboard (Playwright driving Debian's chromium).

    .venv/bin/pip install playwright && apt-get install chromium
    .venv/bin/streamlit run app.py --server.port 8599 &
    .venv/bin/python docs/take_screenshot.py http://localhost:8599/
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501/"
OUT = Path(__file__).resolve().parent / "overview.png"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
    page = browser.new_page(viewport={"width": 1500, "height": 1250}, device_scale_factor=1)
    page.goto(URL)
    page.get_by_text("The six comparisons").wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=60_000)
    page.wait_for_timeout(2500)  # let Plotly finish drawing
    page.screenshot(path=str(OUT), full_page=False)
    browser.close()
print(f"wrote {OUT}")
