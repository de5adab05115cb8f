"""Isolation: with two workspaces, no page, CLI call or link of one shows a number of the other.

One data directory, built once through the real CLI in subprocesses: workspaces `alpha` and `beta`, each with its
own tracker and Google Analytics export whose totals are unmistakable (alpha: cost 1,111, revenue 77,777; beta:
cost 2,222, revenue 55,555; per-group revenues and website sessions as distinctive). Then:

* every read command of the CLI on one workspace (`summary` as JSON, table and CSV, with --db and through
  NETMETRICS_DB; `web`, `whatif`, `imports`; `share create` and `share list --workspace`) prints that workspace's
  exact totals and none of the other's figures (what-if projections included) or names;
* a share link per workspace, opened in AppTest, on every page a viewer can reach, shows none of the other's
  numbers or names anywhere: text, metrics, widget options, table cells, chart data (plotly's base64 arrays
  decoded), the address bar and, on the Report page, the HTML and XLSX the download buttons build;
* the owner, whose NETMETRICS_DB is alpha's file, sees alpha and not beta on every dashboard page, and beta and
  not alpha after picking beta in the sidebar's workspace picker.

The "does not show" checks would pass on an empty page, so each view also has to show its own numbers somewhere.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from google.protobuf.descriptor import FieldDescriptor
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
ENTRY = str(ROOT / "tests" / "app" / "entry.py")  # AppTest must start here (see its docstring)

# Every page a share-link viewer can reach (app.py's Dashboard and Plan sections), with its title.
VIEWER_PAGES = {
    "pages/overview.py": "Overview",
    "pages/groups.py": "Groups",
    "pages/roi.py": "ROI & payback",
    "pages/time.py": "Time",
    "pages/give_get.py": "Give & get",
    "pages/trends.py": "Trends",
    "pages/verdicts.py": "Verdicts",
    "pages/web_traffic.py": "Web traffic",
    "pages/group_types.py": "Group types",
    "pages/whatif.py": "What-if",
    "pages/report.py": "Report",
}
MONTHS = ("2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11")
GA_DAYS = [f"202509{d:02d}" for d in range(1, 8)]


@dataclass(frozen=True)
class Group:
    name: str
    type: str
    activities: int  # per month
    hours: float  # per month
    costs: tuple[int, ...]  # per month
    revenues: tuple[int, ...]  # per month


@dataclass(frozen=True)
class Spec:
    slug: str
    name: str
    groups: tuple[Group, ...]
    received: int  # referrals received per tracker row (one referral given, one sale on every row)
    direct: tuple[int, ...]  # GA Direct sessions per day
    social: tuple[int, ...]  # GA Organic Social sessions per day
    cost: int  # the expected totals, worked out by hand
    revenue: int
    direct_sessions: int
    all_sessions: int

    @property
    def hours(self) -> float:
        return sum(g.hours for g in self.groups) * len(MONTHS)

    @property
    def referrals_received(self) -> int:
        return self.received * len(self.groups) * len(MONTHS)

    @property
    def file_stem(self) -> str:
        return f"{self.slug}-tracker"

    @property
    def numbers(self) -> tuple[int, ...]:
        """Figures no other workspace may show: the totals, each group's revenue and the website sessions."""
        return (self.cost, self.revenue, *(sum(g.revenues) for g in self.groups), self.direct_sessions,
                self.all_sessions)

    @property
    def names(self) -> tuple[str, ...]:
        return (*(g.name for g in self.groups), self.file_stem)

    def tracker_csv(self) -> str:
        lines = ["Month,Group,Type,Activities,Hours,Cost,Referrals Received,Referrals Given,Own Purchases,Sales,"
                 "Sales Value"]
        for group in self.groups:
            for month, cost, revenue in zip(MONTHS, group.costs, group.revenues, strict=True):
                lines.append(f'{month},{group.name},{group.type},{group.activities},{group.hours},{cost},'
                             f'{self.received},1,0,1,"{revenue:,}"')
        return "\n".join(lines) + "\n"

    def ga_csv(self) -> str:
        lines = ["# ----------------------------------------",
                 "# Traffic acquisition: Session primary channel group (Default Channel Group)",
                 f"# Property: {self.slug}.example - GA4", "# ----------------------------------------", "#",
                 f"# Start date: {GA_DAYS[0]}", f"# End date: {GA_DAYS[-1]}",
                 "Session primary channel group (Default Channel Group),Date,Sessions"]
        for day, direct, social in zip(GA_DAYS, self.direct, self.social, strict=True):
            lines += [f"Direct,{day},{direct}", f"Organic Social,{day},{social}"]
        return "\n".join(lines) + "\n"


ALPHA = Spec(
    "alpha", "Alpha Bakery",
    (Group("Alpha Guild", "referral club", 4, 8, (100, 110, 95, 112, 105, 115),
           (7000, 9100, 6400, 8291, 7500, 8000)),
     Group("Alpha Lunch Club", "chamber", 1, 2, (80, 75, 82, 79, 78, 80),
           (5000, 4486, 6000, 5500, 5200, 5300))),
    received=2, direct=(601, 612, 623, 634, 615, 616, 620), social=(100, 98, 99, 97, 96, 95, 105),
    cost=1_111, revenue=77_777, direct_sessions=4_321, all_sessions=5_011,
)
BETA = Spec(
    "beta", "Beta Plumbing",
    (Group("Beta Circle", "referral club", 4, 6, (230, 240, 229, 230, 230, 230),
           (6000, 7219, 6300, 6400, 6500, 6500)),
     Group("Beta Chamber", "chamber", 1, 3, (140, 138, 139, 139, 139, 138),
           (2800, 2736, 2700, 2800, 2800, 2800))),
    received=3, direct=(1201, 1250, 1230, 1240, 1260, 1225, 1236), social=(300, 310, 305, 295, 290, 300, 302),
    cost=2_222, revenue=55_555, direct_sessions=8_642, all_sessions=10_744,
)
SPECS = {s.slug: s for s in (ALPHA, BETA)}
OTHER = {"alpha": BETA, "beta": ALPHA}


def test_the_specs_add_up():
    """The hand-written totals agree with the rows, and no figure of one workspace is one of the other's."""
    for spec in SPECS.values():
        assert sum(sum(g.costs) for g in spec.groups) == spec.cost
        assert sum(sum(g.revenues) for g in spec.groups) == spec.revenue
        assert sum(spec.direct) == spec.direct_sessions
        assert sum(spec.direct) + sum(spec.social) == spec.all_sessions
    assert not set(ALPHA.numbers) & set(BETA.numbers)


# -- what a view shows, and whether it holds another workspace's figures ---------------------------------------


def _forms(value: int) -> list[str]:
    """How a whole number can be written on a page, in a table, a CSV or a chart's JSON."""
    grouped = f"{value:,}"
    forms = {grouped, str(value), grouped.replace(",", " "), grouped.replace(",", "\u202f"),
             grouped.replace(",", "\u00a0")}
    if value >= 1000:
        forms |= {f"{value / 1000:.1f}k", f"{value / 1000:.2f}k", f"{value / 1000:.1f}K", f"{value / 1000:.2f}K"}
    return sorted(forms, key=len, reverse=True)


def _number_pattern(value: int) -> re.Pattern:
    """The number standing alone: not part of a longer number or word; '77,777.00' and '77777.0' count."""
    alternatives = "|".join(re.escape(f) for f in _forms(value))
    return re.compile(rf"(?<![\w.,])(?:{alternatives})(?:\.0+)?(?![\w]|[.,]\d)")


@dataclass
class Seen:
    """Everything a view shows: its text and its numbers (table cells, chart data, widget values)."""

    texts: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)

    def add_number(self, value) -> None:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return
        if math.isfinite(number):
            self.numbers.append(number)

    def add_frame(self, frame: pd.DataFrame) -> None:
        self.texts += [str(c) for c in frame.columns] + [str(i) for i in frame.index]
        for column in frame.columns:
            for value in frame[column].tolist():
                if isinstance(value, str):
                    self.texts.append(value)
                elif isinstance(value, int | float | np.number) and not isinstance(value, bool):
                    self.add_number(value)
                elif value is not None:
                    self.texts.append(str(value))

    def add_json(self, node) -> None:
        if isinstance(node, dict):
            if "bdata" in node and "dtype" in node:  # plotly's typed arrays: numbers in base64
                for number in np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"]).ravel():
                    self.add_number(number)
                return
            for key, value in node.items():
                self.texts.append(str(key))
                self.add_json(value)
        elif isinstance(node, list):
            for value in node:
                self.add_json(value)
        elif isinstance(node, str):
            self.texts.append(node)
        elif isinstance(node, int | float) and not isinstance(node, bool):
            self.add_number(node)

    def add_html(self, html: str) -> None:
        from plotly.offline import get_plotlyjs

        html = html.replace(get_plotlyjs(), "")  # the chart library, not the report's content
        for match in re.finditer(r'\{"dtype":"(\w+)","bdata":"([^"]*)"(?:,"shape":"[^"]*")?\}', html):
            self.add_json({"dtype": match[1], "bdata": json.loads(f'"{match[2]}"')})  # JSON escapes, e.g. \\u002f
        self.texts.append(re.sub(r'"bdata":"[^"]*"', '"bdata":""', html))

    def add_xlsx(self, data: bytes) -> None:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True)
        for sheet in book.worksheets:
            self.texts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str):
                        self.texts.append(value)
                    elif isinstance(value, int | float) and not isinstance(value, bool):
                        self.add_number(value)

    def add_proto(self, message) -> None:
        """Every string and number in an element's message; Arrow tables decoded, chart specs parsed."""
        from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

        for descriptor, value in message.ListFields():
            values = value if _is_repeated(descriptor) else [value]
            for item in values:
                if descriptor.type == FieldDescriptor.TYPE_MESSAGE:
                    self.add_proto(item)
                elif descriptor.type == FieldDescriptor.TYPE_STRING:
                    if descriptor.name == "spec":  # a chart's JSON: parse it, base64 arrays and all
                        try:
                            self.add_json(json.loads(item))
                            continue
                        except ValueError:
                            pass
                    self.texts.append(item)
                elif descriptor.type == FieldDescriptor.TYPE_BYTES:
                    try:
                        self.add_frame(convert_arrow_bytes_to_pandas_df(item))
                    except Exception:  # noqa: BLE001 - not an Arrow table: nothing people read
                        continue
                elif descriptor.type in _NUMBER_TYPES:
                    self.add_number(item)

    def add_app(self, at: AppTest) -> None:
        for node in at._tree:
            if getattr(node, "proto", None) is not None:
                self.add_proto(node.proto)
        self.texts.append(str(at.query_params))  # the address bar

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def leaks(self, figures: Iterable[float], names: Iterable[str]) -> list[str]:
        """Which of another workspace's figures and names show here, described for the failure message."""
        found, text = [], self.text
        for value in figures:
            match = _number_pattern(round(value)).search(text)
            if match:
                found.append(f"{value:,} as text: {text[max(0, match.start() - 80):match.end() + 40]!r}")
            close = [n for n in self.numbers if abs(n - value) < 0.01]
            if close:
                found.append(f"{value:,} as a number ({close[0]!r})")
        return found + [f"the name {name!r}" for name in names if name in text]

    def shows(self, value: float) -> bool:
        return bool(_number_pattern(round(value)).search(self.text)) or any(abs(n - value) < 0.01
                                                                            for n in self.numbers)


_NUMBER_TYPES = {FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT, FieldDescriptor.TYPE_INT32,
                 FieldDescriptor.TYPE_INT64, FieldDescriptor.TYPE_UINT32, FieldDescriptor.TYPE_UINT64,
                 FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SINT64}


def _is_repeated(descriptor) -> bool:
    repeated = getattr(descriptor, "is_repeated", None)
    return repeated if repeated is not None else descriptor.label == FieldDescriptor.LABEL_REPEATED


def test_the_scanner_finds_a_figure_in_any_usual_form():
    seen = Seen(texts=["Revenue $77,777.00 this year", "cost 1111", "about 77.8k visits"])
    assert seen.shows(77_777) and seen.shows(1_111)
    assert not Seen(texts=["$177,777", "77,7770", "1,111.5", "A1111B", "2025-11-11"]).leaks(ALPHA.numbers, [])
    seen = Seen()
    seen.add_json({"x": {"dtype": "f8", "bdata": base64.b64encode(np.array([1.0, 55555.0]).tobytes()).decode()}})
    assert seen.leaks(ALPHA.numbers, ALPHA.names) == []
    assert seen.leaks(BETA.numbers, BETA.names) == ["55,555 as a number (55555.0)"]


# -- the data directory, made through the CLI -------------------------------------------------------------------


def _cli(*args: str, env: dict | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "netmetrics.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, f"netmetrics {' '.join(args)}: {done.stderr}"
    return done.stdout


READS = {  # name: a read command's arguments after `--db FILE`
    "summary-json": ("summary", "--format", "json"),
    "summary-table": ("summary",),
    "summary-csv": ("summary", "--format", "csv"),
    "web-json": ("web", "--format", "json"),
    "whatif-json": ("whatif", "--format", "json"),
    "imports": ("imports",),
}


@dataclass(frozen=True)
class World:
    data_dir: Path
    files: dict[str, Path]  # slug: its workspace file
    tokens: dict[str, str]  # slug: its share link's token
    outputs: dict[tuple[str, str], str]  # (slug, read): what the CLI printed

    def plan_total(self, slug: str) -> dict:
        return json.loads(self.outputs[(slug, "whatif-json")])["baseline"]["total"]

    def figures(self, slug: str) -> list[float]:
        """A workspace's figures no other workspace may show: its totals, group revenues and sessions, and what
        the what-if projection makes of them (monthly revenue, the horizon's cost and revenue)."""
        plan = self.plan_total(slug)
        return [*SPECS[slug].numbers, plan["monthly_revenue"], plan["horizon_cost"], plan["horizon_revenue"]]


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    data = tmp_path_factory.mktemp("isolation") / "data"
    files = {}
    for spec in SPECS.values():
        _cli("--data-dir", str(data), "workspace", "create", spec.slug, "--name", spec.name)
        files[spec.slug] = data / "workspaces" / f"{spec.slug}.duckdb"
        (data.parent / f"{spec.file_stem}.csv").write_text(spec.tracker_csv(), encoding="utf-8")
        (data.parent / f"{spec.slug}-ga4.csv").write_text(spec.ga_csv(), encoding="utf-8")

    def workspace_lane(spec: Spec) -> dict[tuple[str, str], str]:
        """One workspace's import, then its reads (a DuckDB file takes one process at a time)."""
        db = str(files[spec.slug])
        _cli("--db", db, "import", str(data.parent / f"{spec.file_stem}.csv"),
             str(data.parent / f"{spec.slug}-ga4.csv"))
        outputs = {(spec.slug, name): _cli("--db", db, *args) for name, args in READS.items()}
        # no --db: the CLI takes NETMETRICS_DB, as the dashboard does
        outputs[(spec.slug, "summary-env")] = _cli("summary", "--format", "json",
                                                   env=dict(os.environ, NETMETRICS_DB=db))
        return outputs

    def admin_lane(_) -> dict[tuple[str, str], str]:
        """The share links, in the admin file."""
        outputs = {}
        for spec in SPECS.values():
            outputs[(spec.slug, "share-create")] = _cli("--data-dir", str(data), "share", "create", "--workspace",
                                                        spec.slug, "--label", f"Coach of {spec.name}")
        for spec in SPECS.values():
            outputs[(spec.slug, "share-list")] = _cli("--data-dir", str(data), "share", "list", "--workspace",
                                                      spec.slug)
        return outputs

    outputs = {}
    with ThreadPoolExecutor(max_workers=3) as pool:  # three files, three lanes
        lanes = [pool.submit(workspace_lane, spec) for spec in SPECS.values()] + [pool.submit(admin_lane, None)]
        for lane in lanes:
            outputs |= lane.result()
    tokens = {slug: next(line.strip() for line in outputs[(slug, "share-create")].splitlines()
                         if line.strip().startswith("/?share=")).removeprefix("/?share=") for slug in SPECS}
    return World(data, files, tokens, outputs)


# -- the CLI -----------------------------------------------------------------------------------------------------


def _seen_in(output: str) -> Seen:
    seen = Seen(texts=[output])
    if output.lstrip().startswith("{"):
        seen.add_json(json.loads(output))
    return seen


@pytest.mark.parametrize("read", [*READS, "summary-env", "share-create", "share-list"])
@pytest.mark.parametrize("slug", SPECS)
def test_no_cli_call_on_one_workspace_shows_the_other(world, slug, read):
    output = world.outputs[(slug, read)]
    other = OTHER[slug]
    assert output.strip()
    assert _seen_in(output).leaks(world.figures(other.slug), other.names) == []
    assert other.name not in output


@pytest.mark.parametrize("slug", SPECS)
def test_cli_summary_gives_the_workspace_s_exact_totals(world, slug):
    spec = SPECS[slug]
    for read in ("summary-json", "summary-env"):
        document = json.loads(world.outputs[(slug, read)])
        assert (document["from"], document["to"]) == ("2025-06-01", "2025-11-30")
        total = document["total"]
        assert (total["expenses"], total["cost"], total["sales_value"]) == (spec.cost, spec.cost, spec.revenue)
        assert total["activities"] == sum(g.activities for g in spec.groups) * len(MONTHS)
        assert total["referrals_received"] == spec.referrals_received
        assert total["hours"] == spec.hours
        assert {g["group"]: (g["expenses"], g["sales_value"]) for g in document["groups"]} == {
            g.name: (sum(g.costs), sum(g.revenues)) for g in spec.groups}

    total_line = next(line for line in world.outputs[(slug, "summary-table")].splitlines()
                      if line.startswith("Total"))
    assert f"${spec.cost:,}" in total_line and f"${spec.revenue:,}" in total_line

    rows = {r["group"]: r for r in csv.DictReader(io.StringIO(world.outputs[(slug, "summary-csv")]))}
    assert set(rows) == {*(g.name for g in spec.groups), "Total"}
    assert (float(rows["Total"]["cost"]), float(rows["Total"]["sales_value"])) == (spec.cost, spec.revenue)


@pytest.mark.parametrize("slug", SPECS)
def test_cli_web_whatif_imports_and_links_give_the_workspace_s_own(world, slug):
    spec = SPECS[slug]
    web = json.loads(world.outputs[(slug, "web-json")])
    assert (web["direct_sessions"], web["total_sessions"]) == (spec.direct_sessions, spec.all_sessions)

    plan = json.loads(world.outputs[(slug, "whatif-json")])
    assert {g["group"] for g in plan["baseline"]["groups"]} == {g.name for g in spec.groups}
    total = world.plan_total(slug)
    # monthly rates of the same six months: revenue over cost is the period's, 77,777 / 1,111 for alpha
    assert total["return_ratio_pct"] == pytest.approx(spec.revenue / spec.cost * 100, rel=1e-4)
    assert total["monthly_revenue"] / total["monthly_cost"] == pytest.approx(spec.revenue / spec.cost, rel=1e-4)

    imports = world.outputs[(slug, "imports")]
    assert f"{spec.file_stem}.csv" in imports and f"{spec.slug}-ga4.csv" in imports
    listed = world.outputs[(slug, "share-list")]
    assert f"Coach of {spec.name}" in listed and f"Coach of {OTHER[slug].name}" not in listed


# -- the dashboard -----------------------------------------------------------------------------------------------


@pytest.fixture
def app_env(world, monkeypatch) -> World:
    """The dashboard's environment: this data directory, and alpha's file as the owner's own database (so a
    viewer of beta has alpha's figures one wrong turn away)."""
    monkeypatch.setenv("NETMETRICS_DATA_DIR", str(world.data_dir))
    monkeypatch.setenv("NETMETRICS_DB", str(world.files["alpha"]))
    return world


@pytest.fixture
def deferred_downloads(monkeypatch) -> list[tuple[str | None, object]]:
    """(file name, callable) of every deferred download a run registers: what the Report's buttons would send."""
    found: list[tuple[str | None, object]] = []
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        found.append((file_name, data_callable))
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return found


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _open(token: str | None = None) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params.update({"preset": "all", **({"share": token} if token else {})})  # the data is from 2025
    return _run(at)


def _go(at: AppTest, page: str, downloads: list) -> Seen:
    """Open the page in this session; everything it shows, the files its download buttons build included."""
    downloads.clear()
    at.switch_page(str(ROOT / page))
    _run(at)
    return _see(at, page, downloads)


def _see(at: AppTest, page: str, downloads: list) -> Seen:
    """Everything the page the session is on shows, the files its download buttons build included."""
    assert [t.value for t in at.title] == [VIEWER_PAGES[page]]
    seen = Seen()
    seen.add_app(at)
    for file_name, build in downloads:
        data = build()
        if str(file_name).endswith(".html"):
            seen.add_html(data)
        elif str(file_name).endswith(".xlsx"):
            seen.add_xlsx(data)
        else:
            seen.texts.append(data if isinstance(data, str) else bytes(data).decode("utf-8", "replace"))
    if page == "pages/report.py":
        assert sorted(Path(str(name)).suffix for name, _ in downloads) == [".html", ".xlsx"]
    return seen


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _own_missing(world: World, slug: str, page: str, at: AppTest, seen: Seen) -> list[str]:
    """What the page should show of its own workspace and does not: without it, 'shows nothing of the other'
    would hold for an empty page too."""
    spec = SPECS[slug]
    revenues = tuple(sum(g.revenues) for g in spec.groups)
    cards = {
        "pages/overview.py": {"Revenue": _money(spec.revenue), "Cost": _money(spec.cost),
                              "Referrals received": str(spec.referrals_received)},
        "pages/groups.py": {"Revenue": _money(revenues[0])},  # the first group is shown first
        "pages/time.py": {"Hours": f"{spec.hours:,.1f} h"},
        "pages/give_get.py": {"Referrals received": str(spec.referrals_received)},
        "pages/web_traffic.py": {"Direct sessions": f"{spec.direct_sessions:,}",
                                 "All sessions": f"{spec.all_sessions:,}"},
        "pages/whatif.py": {"Revenue per month": _money(world.plan_total(slug)["monthly_revenue"])},
    }.get(page, {})
    shown = _metrics(at)
    missing = [f"{page}: the card {label!r} shows {shown.get(label)!r}, not {value!r}"
               for label, value in cards.items() if shown.get(label) != value]
    figures = {
        "pages/roi.py": (spec.cost, spec.revenue, *revenues),
        "pages/trends.py": (spec.revenue, *revenues),
        "pages/verdicts.py": revenues,
        "pages/group_types.py": (spec.cost, spec.revenue),
        "pages/report.py": (spec.cost, spec.revenue, *revenues),
    }.get(page, ())
    missing += [f"{page}: {value:,} is not shown" for value in figures if not seen.shows(value)]
    if page != "pages/web_traffic.py" and not any(g.name in seen.text for g in spec.groups):  # it names none
        missing.append(f"{page}: no group of {slug} is named")
    return missing


@pytest.mark.parametrize("page", VIEWER_PAGES)
@pytest.mark.parametrize("slug", SPECS)
def test_a_link_shows_no_figure_of_the_other_workspace_on_any_page(app_env, deferred_downloads, slug, page):
    spec, other = SPECS[slug], OTHER[slug]
    at = _open(app_env.tokens[slug])
    assert _metrics(at)["Revenue"] == _money(spec.revenue)
    seen = _go(at, page, deferred_downloads)
    assert any(f"Read-only view of {spec.name}" in i.value for i in at.sidebar.info)  # still the viewer
    assert seen.leaks(app_env.figures(other.slug), [*other.names, other.name]) == []
    assert _own_missing(app_env, slug, page, at, seen) == []


def _owner_problems(world: World, at: AppTest, slug: str, downloads: list) -> list[str]:
    """Every viewer page for the owner's workspace `slug`: what leaks from the other one and what is missing.
    (The owner's workspace picker may name the other workspace; its figures and groups stay out.)"""
    other = OTHER[slug]
    problems = []
    for page in VIEWER_PAGES:
        seen = _go(at, page, downloads)
        problems += [f"{page}: {leak}" for leak in seen.leaks(world.figures(other.slug), other.names)]
        problems += _own_missing(world, slug, page, at, seen)
    return problems


def test_the_owner_whose_database_is_alpha_sees_alpha_and_not_beta_on_every_page(app_env, deferred_downloads):
    at = _open()
    assert (_metrics(at)["Revenue"], _metrics(at)["Cost"]) == (_money(ALPHA.revenue), _money(ALPHA.cost))
    assert not at.sidebar.info or not any("Read-only" in i.value for i in at.sidebar.info)
    assert _owner_problems(app_env, at, "alpha", deferred_downloads) == []


@pytest.mark.parametrize("page", VIEWER_PAGES)
def test_the_owner_who_switches_to_beta_on_a_page_sees_beta_there(app_env, deferred_downloads, page):
    """The owner (alpha's file as NETMETRICS_DB) on a page of alpha picks beta in the sidebar and stays on the
    page: nothing of alpha may stay behind in the widgets, the session or the address bar."""
    at = _open()
    picker = next((s for s in at.sidebar.selectbox if s.label == "Workspace"), None)
    assert picker is not None, "the owner of two workspaces has a picker in the sidebar"
    _go(at, page, deferred_downloads)
    assert _own_missing(app_env, "alpha", page, at, _see(at, page, deferred_downloads)) == []
    deferred_downloads.clear()
    next(s for s in at.sidebar.selectbox if s.label == "Workspace").set_value("beta")
    _run(at)
    seen = _see(at, page, deferred_downloads)
    assert seen.leaks(app_env.figures("alpha"), ALPHA.names) == []
    assert _own_missing(app_env, "beta", page, at, seen) == []
