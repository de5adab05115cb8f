"""Take the README's screenshots from a running dashboard (Playwright driving Debian's chromium).

    apt-get install chromium && .venv/bin/pip install playwright
    .venv/bin/streamlit run app.py --server.port 8599 &      # on the demo data
    .venv/bin/python docs/take_screenshots.py http://localhost:8599

share.png needs workspaces and links: make them in a scratch data directory first, e.g.
    netmetrics --data-dir /tmp/shot workspace create studio --name "Design Studio" --demo
    netmetrics --data-dir /tmp/shot share create --workspace studio --label "Coach Anna" --comments
    NETMETRICS_DATA_DIR=/tmp/shot .venv/bin/streamlit run app.py --server.port 8598 &
    .venv/bin/python docs/take_screenshots.py http://localhost:8598 share
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501").rstrip("/")
OUT = Path(__file__).resolve().parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# file name -> (url path, text that shows the page is drawn, height)
PAGES = {
    "overview": ("/", "The six comparisons", 1250),
    "groups": ("/groups", "Where the hours go", 1300),
    "roi": ("/roi", "Payback", 1500),
    "time": ("/time", "Reading", 1300),
    "give_get": ("/give_get", "Reading", 1300),
    "trends": ("/trends", "Reading", 1500),
    "verdicts": ("/verdicts", "Reading", 1300),
    "web_traffic": ("/web_traffic", "Reading", 1400),
    "group_types": ("/group_types", "Reading", 1300),
    "whatif": ("/whatif", "Break-even", 1500),
    "import": ("/import_data", "Import", 900),
    "share": ("/share", "Live links", 1400),
}
WANTED = sys.argv[2:] or [name for name in PAGES if name != "share"]

with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
    for name in WANTED:
        path, marker, height = PAGES[name]
        page = browser.new_page(viewport={"width": 1500, "height": height})
        page.goto(BASE + path)
        page.get_by_text(marker).first.wait_for(timeout=60_000)
        page.wait_for_timeout(3000)  # let Plotly finish drawing
        page.screenshot(path=str(OUT / f"{name}.png"))
        page.close()
        print(f"wrote docs/{name}.png")
    browser.close()
