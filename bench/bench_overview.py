"""Time a period change on the Overview page: NetMetrics (DuckDB marts) against "the common way" (pandas).

    python bench/bench_overview.py [--rows 20000 1000000] [--reruns 15] [--rebuild]

For each size it builds (or reuses) bench/results/big-<rows>.duckdb, then drives the real app.py
(Overview is the default page) and bench/pandas_overview.py through AppTest: a cold first run, one
warm-up run, then N reruns, each with a new custom period set through the sidebar widgets, so no
cached result is ever reused. Every run's wall time is taken with time.perf_counter. Both pages must
show the same Revenue card (and the same comparisons table) for the same period.

It also times the computation alone, without Streamlit: netmetrics.queries.comparison (the SQL mart)
and the pandas baseline's comparison(), for the period and its previous period, as a page run does.
"""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
APP = ROOT / "tests" / "app" / "entry.py"  # runs app.py; see its docstring on the pages/ quirk
PANDAS_PAGE = BENCH / "pandas_overview.py"
sys.path[:0] = [str(ROOT), str(BENCH)]

import make_big_db  # noqa: E402
import pandas as pd  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from netmetrics import charts, queries  # noqa: E402
from netmetrics.db import Database  # noqa: E402
from netmetrics.periods import Period  # noqa: E402

TIMEOUT = 600
SPAN_START, SPAN_END = make_big_db.START, make_big_db.END


# -- the database ------------------------------------------------------------------------------------
def ensure_db(rows: int, rebuild: bool = False) -> tuple[Path, float | None]:
    """(path, build seconds or None when an existing file with `rows` activities was reused)."""
    path = RESULTS / f"big-{rows}.duckdb"
    if path.exists() and not rebuild:
        try:
            db = Database(path)
            try:
                if db.scalar("select count(*) from activities") == rows:
                    return path, None
            finally:
                db.close()
        except Exception as exc:  # noqa: BLE001 - a broken file is rebuilt
            print(f"rebuilding {path}: {exc}", file=sys.stderr)
    began = time.perf_counter()
    make_big_db.build(path, rows)
    return path, time.perf_counter() - began


# -- periods -------------------------------------------------------------------------------------------
def distinct_periods(count: int, seed: int = 11) -> list[Period]:
    """`count` custom periods of 4 weeks to a year inside the data; no period, and no previous period,
    equals any other, so neither page can answer from a cached result."""
    rng = random.Random(seed)
    seen: set[tuple[date, date]] = set()
    periods = []
    while len(periods) < count:
        length = rng.randint(28, 365)
        first = SPAN_START + timedelta(days=length)  # leave room for the previous period
        start = first + timedelta(days=rng.randint(0, (SPAN_END - first).days - length))
        period = Period(start, start + timedelta(days=length - 1))
        keys = {(period.start, period.end), (period.previous().start, period.previous().end)}
        if keys & seen:
            continue
        seen |= keys
        periods.append(period)
    return periods


# -- where the time goes inside a run of the real app ---------------------------------------------------
class Breakdown:
    """Wrap a few functions to sum their wall time per run (they run on AppTest's script thread)."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)
        self._undo = []

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)
        own = name in vars(owner)  # else it is inherited (a mixin method) and is only shadowed here

        @functools.wraps(original)
        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.totals[label] += time.perf_counter() - began

        setattr(owner, name, timed)
        self._undo.append((owner, name, original if own else None))

    def take(self) -> dict[str, float]:
        result, self.totals = dict(self.totals), defaultdict(float)
        return result

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            if original is None:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
        self._undo.clear()


def install_breakdown() -> Breakdown:
    import streamlit as st
    from streamlit.delta_generator import DeltaGenerator

    from netmetrics.ui import context

    b = Breakdown()
    b.wrap(queries, "comparison", "SQL: queries.comparison (cache misses)")
    b.wrap(context.Context, "comparison", "ctx.comparison (cache lookup + SQL + unpickle)")
    b.wrap(charts, "shares_by_group", "charts: build figures")
    b.wrap(charts, "cost_vs_revenue", "charts: build figures")
    b.wrap(DeltaGenerator, "plotly_chart", "st.plotly_chart (figure -> JSON -> proto)")
    b.wrap(DeltaGenerator, "dataframe", "st.dataframe (Arrow)")
    b.wrap(st, "dataframe", "st.dataframe (Arrow)")  # st.dataframe is bound to the main container
    b.wrap(DeltaGenerator, "metric", "st.metric x8")
    return b


# -- driving a page ------------------------------------------------------------------------------------
def _check(at: AppTest, what: str) -> None:
    if at.exception:
        for e in at.exception:
            print(f"EXCEPTION in {what}: {e.message}\n{''.join(e.stack_trace)}", file=sys.stderr)
        raise SystemExit(f"{what} raised; see above")


def _timed_run(at: AppTest) -> float:
    began = time.perf_counter()
    at.run(timeout=TIMEOUT)
    return time.perf_counter() - began


def _choose(at: AppTest, period: Period) -> float:
    at.sidebar.selectbox(key="nm_preset").set_value("custom")
    at.sidebar.date_input(key="nm_range").set_value((period.start, period.end))
    return _timed_run(at)


def page_view(at: AppTest) -> dict:
    """What the page shows that both must agree on: KPI cards and the comparisons table."""
    return {"metrics": {m.label: m.value for m in at.metric},
            "table": at.dataframe[0].value.reset_index(drop=True) if len(at.dataframe) else None}


class PageDriver:
    """One AppTest session of a page: a cold first run, a warm-up run, then timed period changes."""

    def __init__(self, script: Path, db_path: Path, breakdown: Breakdown | None = None):
        self.script, self.db_path, self.breakdown = script, db_path, breakdown
        self.at = AppTest.from_file(str(script), default_timeout=TIMEOUT)
        self.cold = 0.0
        self.times: list[float] = []
        self.views: list[dict] = []
        self.parts: list[dict] = []

    def open(self, cold: Period, warm: Period) -> None:
        os.environ["NETMETRICS_DB"] = str(self.db_path)
        self.at.query_params.update({"preset": "custom", "from": cold.start.isoformat(),
                                     "to": cold.end.isoformat()})
        self.cold = _timed_run(self.at)
        _check(self.at, f"{self.script.name} cold run")
        _choose(self.at, warm)
        _check(self.at, f"{self.script.name} warm-up run")

    def step(self, period: Period) -> None:
        os.environ["NETMETRICS_DB"] = str(self.db_path)
        if self.breakdown:
            self.breakdown.take()  # drop what other runs left
        self.times.append(_choose(self.at, period))
        _check(self.at, f"{self.script.name} {period.start}..{period.end}")
        if self.breakdown:
            self.parts.append(self.breakdown.take())
        caption = " ".join(c.value for c in self.at.caption)
        assert period.label in caption, f"{self.script.name} did not move to {period.label}: {caption}"
        self.views.append(page_view(self.at))


def bench_pair(db_path: Path, cold: Period, warm: Period, periods: list[Period],
               order: str = "interleaved") -> tuple[PageDriver, PageDriver]:
    """Drive both pages through the same periods. Interleaved (alternating which goes first) puts
    machine noise on both alike, but each page then runs with the other's memory traffic in the CPU
    caches; sequential runs all of NetMetrics, then all of the common way."""
    breakdown = install_breakdown()
    try:
        real = PageDriver(APP, db_path, breakdown)
        common = PageDriver(PANDAS_PAGE, db_path)
        if order == "interleaved":
            real.open(cold, warm)
            common.open(cold, warm)
            for i, period in enumerate(periods):
                for driver in ((real, common) if i % 2 == 0 else (common, real)):
                    driver.step(period)
        else:
            for driver in (real, common):
                driver.open(cold, warm)
                for period in periods:
                    driver.step(period)
    finally:
        breakdown.restore()
    return real, common


def compare_views(real: list[dict], common: list[dict], periods: list[Period]) -> tuple[int, int, list[str]]:
    """Assert the Revenue card agrees for every period; count (and describe) table cells that differ."""
    differing, cells, notes = 0, 0, []
    for r, c, period in zip(real, common, periods, strict=True):
        assert r["metrics"]["Revenue"] == c["metrics"]["Revenue"], (period, r["metrics"], c["metrics"])
        if r["table"] is not None and c["table"] is not None:
            a, b = r["table"].astype(str), c["table"].astype(str)
            cells += a.size
            mask = (a != b).to_numpy()
            differing += int(mask.sum())
            for i, j in zip(*mask.nonzero(), strict=True):
                where = f"{period.label}, {a.iat[i, 0]} / {a.columns[j]}"
                notes.append(f"{where}: {a.iat[i, j]} vs {b.iat[i, j]}")
    return differing, cells, notes


# -- computation alone -------------------------------------------------------------------------------
def compute_only(db_path: Path, periods: list[Period]) -> dict:
    import pandas_overview

    db = Database(db_path)
    try:
        sql = []
        for period in periods:  # a page run computes the period and its previous period
            for p in (period, period.previous()):
                began = time.perf_counter()
                queries.comparison(db, p)
                sql.append(time.perf_counter() - began)
        began = time.perf_counter()
        tables = {name: db.df(f"select * from {name}")  # noqa: S608 - fixed table names
                  for name in ("groups", "activities", "referrals", "sales")}
        load = time.perf_counter() - began
    finally:
        db.close()
    stored = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)  # st.cache_data keeps pickled bytes ...
    hits = []
    for _ in range(3):  # ... and unpickles a fresh copy on every hit, i.e. every rerun
        began = time.perf_counter()
        pickle.loads(stored)
        hits.append(time.perf_counter() - began)
    common = []
    for period in periods:
        for p in (period, period.previous()):
            began = time.perf_counter()
            pandas_overview.comparison(tables, p)
            common.append(time.perf_counter() - began)
    return {"sql": sql, "pandas": common, "load": load, "hit": statistics.median(hits),
            "pickled_mb": len(stored) / 1e6}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]


def warm_up_machinery() -> None:
    """Pay the one-off import and first-serialisation costs before either page is measured."""
    AppTest.from_string("import streamlit as st\nst.write('hi')").run(timeout=TIMEOUT)
    charts.cost_vs_revenue(pd.DataFrame({"group": ["a"], "cost": [1.0], "sales_value": [2.0],
                                         "return_ratio_pct": [200.0]}), {}).to_json()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 1_000_000],
                        help="activity rows per database (one table row each)")
    parser.add_argument("--reruns", type=int, default=15)
    parser.add_argument("--order", choices=("interleaved", "sequential"), default="interleaved",
                        help="run the two pages' reruns alternately (default) or one page after the other")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the databases even if present")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    warm_up_machinery()

    periods = distinct_periods(args.reruns + 2)
    cold, warm, timed = periods[0], periods[1], periods[2:]
    results = []
    for rows in args.rows:
        path, build_s = ensure_db(rows, args.rebuild)
        how = f"built in {build_s:.1f} s" if build_s is not None else "reused"
        print(f"\n## {rows:,} activity rows: {path.name} ({how})", flush=True)
        driven = bench_pair(path, cold, warm, timed, args.order)
        real, common = ({"cold": d.cold, "times": d.times, "views": d.views, "parts": d.parts}
                        for d in driven)
        differing, cells, notes = compare_views(real["views"], common["views"], timed)
        p = timed[0]
        print(f"Same figures: Revenue {real['views'][0]['metrics']['Revenue']} on both pages for "
              f"{p.label} (checked for all {len(timed)} periods); comparisons table: "
              f"{differing} of {cells} cells differ"
              + (" (last-digit rounding of float sums)" if differing else ""))
        for note in notes[:5]:
            print(f"    differs: {note} (NetMetrics vs common way)")
        print("  KPI cards, NetMetrics :", real["views"][0]["metrics"])
        print("  KPI cards, common way:", common["views"][0]["metrics"])
        compute = compute_only(path, timed)
        results.append({"rows": rows, "build": build_s, "real": real, "common": common, "compute": compute})

        # where a NetMetrics rerun spends its time
        parts = defaultdict(list)
        for run in real["parts"]:
            for label, seconds in run.items():
                parts[label].append(seconds)
        print(f"\nNetMetrics rerun, median ms per part ({rows:,} rows; parts overlap where nested):")
        print("| part | median ms |\n|---|---:|")
        print(f"| whole AppTest run() | {_ms(statistics.median(real['times']))} |")
        for label, values in sorted(parts.items()):
            print(f"| {label} | {_ms(statistics.median(values))} |")
        st_parts = ("ctx.comparison (cache lookup + SQL + unpickle)", "charts: build figures",
                    "st.plotly_chart (figure -> JSON -> proto)", "st.dataframe (Arrow)", "st.metric x8")
        rest = [t - sum(run.get(k, 0.0) for k in st_parts) for t, run in zip(real["times"], real["parts"],
                                                                           strict=True)]
        print(f"| everything else (AppTest, script exec, sidebar, navigation, tree parsing) | "
              f"{_ms(statistics.median(rest))} |")

    print("\n## Period change on the Overview page (AppTest run() wall time, "
          f"{args.reruns} reruns, each a new custom period, {args.order})\n")
    print("| rows | NetMetrics median ms | p90 | common-way median ms | p90 | ratio (common / NetMetrics) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        nm, cw = statistics.median(r["real"]["times"]), statistics.median(r["common"]["times"])
        print(f"| {r['rows']:,} | {_ms(nm)} | {_ms(_p90(r['real']['times']))} | {_ms(cw)} | "
              f"{_ms(_p90(r['common']['times']))} | {cw / nm:.1f}x |")
    print("\nOne-off costs\n")
    print("| rows | DB build s | NetMetrics cold first run ms | common-way cold first run ms "
          "(reads all tables into pandas) |")
    print("|---:|---:|---:|---:|")
    for r in results:
        build = f"{r['build']:.1f}" if r["build"] is not None else "reused"
        print(f"| {r['rows']:,} | {build} | {_ms(r['real']['cold'])} | {_ms(r['common']['cold'])} |")
    print("\nComputation alone, no Streamlit (median ms per call; a page run makes 2 calls: "
          "period + previous)\n")
    print("| rows | queries.comparison (SQL) median | p90 | pandas comparison() median | p90 | "
          "pandas: read tables once s | pandas: st.cache_data hit (unpickle) ms per rerun |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        c = r["compute"]
        print(f"| {r['rows']:,} | {_ms(statistics.median(c['sql']))} | {_ms(_p90(c['sql']))} | "
              f"{_ms(statistics.median(c['pandas']))} | {_ms(_p90(c['pandas']))} | {c['load']:.2f} | "
              f"{_ms(c['hit'])} ({c['pickled_mb']:,.0f} MB) |")
    print(f"\nTotal wall time: {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
