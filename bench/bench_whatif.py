"""Time a what-if change: one driver or slider moved on the What-if page, with the demo data and with
1,000,000 activity rows (the database of bench_overview.py).

    python bench/bench_whatif.py [--changes 15]

AppTest reruns the whole page for every widget change (it has no fragment-scoped rerun), so these
times are an upper bound: in the browser only the scenario fragment reruns. The engine alone
(whatif.run on the period's baseline) is timed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

import bench_overview  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from netmetrics import demo, queries, whatif  # noqa: E402
from netmetrics.db import Database  # noqa: E402
from netmetrics.periods import Period  # noqa: E402

ENTRY = ROOT / "tests" / "app" / "entry.py"


def time_page(db_path: Path, period: Period, changes: int) -> tuple[float, float]:
    os.environ["NETMETRICS_DB"] = str(db_path)
    at = AppTest.from_file(str(ENTRY), default_timeout=600)
    at.query_params.update({"preset": "custom", "from": period.start.isoformat(), "to": period.end.isoformat()})
    at.run()
    at.switch_page(str(ROOT / "pages" / "whatif.py")).run()
    assert not at.exception, at.exception
    times = []
    for i in range(changes):
        slider = at.slider(key="wi_hourly_value") if i % 2 else at.number_input(key="wi_0_activities_per_month")
        value = float(5 * (i + 1)) if i % 2 else float(i + 1)
        started = time.perf_counter()
        slider.set_value(value).run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times), sorted(times)[int(len(times) * 0.9) - 1]


def time_engine(db_path: Path, period: Period, repeats: int = 200) -> float:
    db = Database(db_path)
    lines = whatif.baseline(queries.comparison(db, period), period.start, period.end)
    db.close()
    scenario = whatif.Scenario(changes={lines[0].group: {"activities_per_month": 9}}, globals={"hourly_value": 40})
    started = time.perf_counter()
    for _ in range(repeats):
        whatif.run(lines, scenario)
    return (time.perf_counter() - started) / repeats * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=15)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        demo_path = Path(tmp) / "demo.duckdb"
        end = date(2026, 11, 23)
        db = Database(demo_path)
        demo.load_demo(db, end)
        db.close()
        rows.append(("demo data", demo_path, Period(date(2025, 11, 24), end)))
        big, _ = bench_overview.ensure_db(1_000_000)
        rows.append(("1,000,000 activity rows", big, Period(date(2025, 11, 1), date(2026, 10, 31))))
        print("| data | page rerun median (AppTest, whole page) | p90 | engine alone |")
        print("|---|---:|---:|---:|")
        for label, path, period in rows:
            median, p90 = time_page(path, period, args.changes)
            engine = time_engine(path, period)
            print(f"| {label} | {median:.0f} ms | {p90:.0f} ms | {engine:.2f} ms |")


if __name__ == "__main__":
    main()
