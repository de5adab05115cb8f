"""The report for the meeting: one self-contained HTML file of the period (overview, ROI & payback, give &
get, trends, verdicts, with interactive Plotly charts and plotly.js embedded once, so it opens offline)
and an XLSX of the tables. Pure: no Streamlit.

Nothing is computed here that a page computes: the report calls the same engine functions (queries, roi,
give_get, trends, verdicts, reading) and the same figures (netmetrics.charts) as the dashboard pages, and
only lays them out. All text from the workspace (group names, rules with names, notes) is HTML-escaped;
every text cell of the workbook goes through netmetrics.export.neutralise.

    report = build_report(db, period, hourly_rate=25)
    Path("report.html").write_text(report.html, encoding="utf-8"); Path("tables.xlsx").write_bytes(report.xlsx)

The HTML and the XLSX are rendered on first access (the queries run in build_report), so asking for one
does not pay for the other.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from netmetrics import charts, give_get, queries, reading, roi, trends, verdicts
from netmetrics.charts import give_get as give_get_charts
from netmetrics.charts import roi as roi_charts
from netmetrics.charts import trends as trend_charts
from netmetrics.charts import verdicts as verdict_charts
from netmetrics.db import Database
from netmetrics.export import neutralise
from netmetrics.metrics import COMPARISONS, METRICS, OVERVIEW_KPIS, format_table, format_value, is_missing
from netmetrics.periods import Period

LOWER_IS_BETTER = {"cost", "hours", "time_cost", "cost_per_referral", "cost_per_sale"}
COMPARISON_COLUMNS = ("activities", "referrals_received", "referrals_given", "sales", "sales_value",
                      *COMPARISONS, "return_ratio_pct", "net_roi_pct")
ROI_CARDS = ("cost", "revenue", "return_ratio_pct", "net_roi_pct", "time_cost", "cost_per_referral",
             "cost_per_sale", "revenue_per_hour")
GIVE_GET_CARDS = ("referrals_given", "referrals_received", "own_purchases", "activities")
TREND_MEASURE = "sales_value"  # the Trends page's default measure

# (anchor, heading) of the report's sections, in order.
SECTIONS = (("overview", "Overview"), ("roi", "ROI & payback"), ("give-get", "Give & get"),
            ("trends", "Trends"), ("verdicts", "Verdicts"))
SHEETS = ("Overview", "Comparisons", "ROI", "Payback", "Give & get", "Trends", "Verdicts")

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "toImageButtonOptions": {"format": "png", "scale": 2}}


# -- gathering -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read once from the engine."""

    workspace: str
    period: Period
    previous: Period
    generated: datetime
    hourly_rate: float
    gross_margin_pct: float
    currency: str
    fy_start_month: int
    grain: str
    has_data: bool
    colors: dict
    current: pd.DataFrame          # queries.comparison, period
    before: pd.DataFrame           # queries.comparison, previous period
    series: pd.DataFrame           # queries.series at the grain
    roi_now: pd.DataFrame          # roi.roi_table, period
    roi_before: pd.DataFrame       # roi.roi_table, previous period
    curves: pd.DataFrame           # roi.payback_curves to the period's end
    payback: pd.DataFrame          # roi.payback_summary to the period's end
    give_get_now: pd.DataFrame     # give_get.give_get, period
    give_get_before: pd.DataFrame  # give_get.give_get, previous period
    rolling: pd.DataFrame          # trends.rolling
    pair: pd.DataFrame             # trends.period_pair: the period against the previous one
    thresholds: verdicts.Thresholds
    judged: pd.DataFrame           # verdicts.judge_all at the period's end


def gather(db: Database, period: Period, *, hourly_rate: float = 0, gross_margin_pct: float = 100,
           currency: str = "$", fy_start_month: int = 1, grain: str = "month", workspace: str | None = None,
           generated: datetime | None = None) -> ReportData:
    """Run the engine's queries for the report (the same calls the pages make)."""
    rate, margin = float(hourly_rate), float(gross_margin_pct)
    previous = period.previous()
    thresholds = verdicts.load_thresholds(db)
    inputs = roi.verdict_inputs(db, period.end, rate, margin, int(thresholds.window_months))
    payback = roi.payback_summary(db, period.end, rate, margin)
    return ReportData(
        workspace=workspace or db.path.stem, period=period, previous=previous,
        generated=generated or datetime.now().replace(microsecond=0), hourly_rate=rate, gross_margin_pct=margin,
        currency=currency, fy_start_month=int(fy_start_month), grain=grain, has_data=queries.has_data(db),
        colors=charts.group_colors(queries.groups(db)["name"].tolist()),
        current=queries.comparison(db, period, rate), before=queries.comparison(db, previous, rate),
        series=queries.series(db, period, grain, fy_start_month=fy_start_month, hourly_rate=rate),
        roi_now=roi.roi_table(db, period, rate, margin, payback=payback),
        roi_before=roi.roi_table(db, previous, rate, margin),
        curves=roi.payback_curves(db, period.end, rate, margin), payback=payback,
        give_get_now=give_get.give_get(db, period), give_get_before=give_get.give_get(db, previous),
        rolling=trends.rolling(db, period, rate), pair=trends.period_pair(db, period, previous, rate),
        thresholds=thresholds, judged=verdicts.judge_all(inputs, thresholds, currency),
    )


class Report:
    """The report of one period: `.html` (str) and `.xlsx` (bytes), each rendered on first access."""

    def __init__(self, data: ReportData):
        self.data = data

    @cached_property
    def html(self) -> str:
        return render_html(self.data)

    @cached_property
    def xlsx(self) -> bytes:
        return render_xlsx(self.data)

    def file_name(self, extension: str) -> str:
        return f"{file_stem(self.data.period)}.{extension}"

    def outline(self) -> list[tuple[str, str]]:
        """(section, what it holds) for a preview."""
        return outline(self.data)

    def sheet_rows(self) -> dict[str, int]:
        """Data rows per workbook sheet (the header row not counted)."""
        return {name: len(columns[0][1]) if columns else 0 for name, columns in _sheets(self.data).items()}


def build_report(db: Database, period: Period, *, hourly_rate: float = 0, gross_margin_pct: float = 100,
                 currency: str = "$", fy_start_month: int = 1, grain: str = "month",
                 workspace: str | None = None, generated: datetime | None = None) -> Report:
    """The report of `period` on `db`. `workspace` names it in the header (default: the database file's
    name); `generated` is the time printed in it (default: now)."""
    return Report(gather(db, period, hourly_rate=hourly_rate, gross_margin_pct=gross_margin_pct,
                         currency=currency, fy_start_month=fy_start_month, grain=grain, workspace=workspace,
                         generated=generated))


# -- small pure helpers ------------------------------------------------------------------------------------
def file_stem(period: Period) -> str:
    """'netmetrics-report-2025-11-24-to-2026-11-23'."""
    return f"netmetrics-report-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}"


def change_pct(now, before) -> float | None:
    """The change against the previous period in %, None when either is missing or the previous is 0."""
    if is_missing(now) or is_missing(before) or before == 0:
        return None
    return (float(now) - float(before)) / abs(float(before)) * 100


def _total(frame: pd.DataFrame) -> pd.Series | None:
    return queries.split_total(frame)[1]


def _figure(row: pd.Series | None, name: str) -> float | None:
    """One figure of a total row as a float; None when there is no row or no data."""
    return None if row is None or is_missing(row[name]) else float(row[name])


def _has_rows(groups: pd.DataFrame) -> bool:
    """As components.no_rows_in_period: groups with any activity, cost or revenue in the period."""
    return bool(len(groups)) and not all(math.isclose(v, 0) for v in
                                         groups[["activities", "cost", "sales_value"]].sum())


def cost_basis(d: ReportData) -> str:
    return roi.cost_basis(d.currency, d.hourly_rate, d.gross_margin_pct)


def _trends_have_data(d: ReportData) -> bool:
    total = _total(d.current)
    return total is not None and bool(total["activities"] or total["cost"] or total["sales_value"]
                                      or total["referrals_received"])


def _give_get_has_data(d: ReportData) -> bool:
    total = _total(d.give_get_now)
    return total is not None and bool(total["referrals_given"] or total["referrals_received"] or total["activities"])


def outline(d: ReportData) -> list[tuple[str, str]]:
    """What each section holds, in words, for the page's preview."""
    if not d.has_data:
        return [(title, "no data yet") for _, title in SECTIONS]
    groups, _ = queries.split_total(d.current)
    n = len(groups)
    judged = len(d.judged)
    in_period = _has_rows(groups)
    nothing = "nothing recorded in the period"
    return [
        ("Overview", f"{len(OVERVIEW_KPIS)} key figures with the change against {d.previous.label}, the reading, "
                     f"2 charts and the six comparisons for {n} group{'s' * (n != 1)}" if in_period else nothing),
        ("ROI & payback", "cost against revenue, return ratio and payback since joining, 4 charts and 2 tables"
         if in_period else nothing),
        ("Give & get", "referrals given and received, own purchases, reciprocity and participation, 4 charts "
                       "and a table" if _give_get_has_data(d) else nothing),
        ("Trends", "revenue per " + d.grain + ", rolling 12 months, year over year, shares over time and the "
                   "period against the previous one, 6 charts and a table" if _trends_have_data(d) else nothing),
        ("Verdicts", f"a verdict for each of {judged} group{'s' * (judged != 1)} with its rule and numbers, a chart "
                     "and a table" if judged else "no group has history by the period's end"),
    ]


# -- HTML --------------------------------------------------------------------------------------------------
def _e(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _md(text: str) -> str:
    """Our own captions (never user text) with **bold** kept: escaped first, then the bold marks."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", _e(text))


def _md_list(text: str) -> str:
    items = [f"<li>{_md(line.removeprefix('- '))}</li>" for line in text.splitlines() if line.strip()]
    return f"<ul class=\"rules\">{''.join(items)}</ul>"


_NUMERIC = re.compile(r"^[+\-−]?\D{0,4}?[\d,.]+( %| h)?$|^[–-]$")


class _Figures:
    """Renders figures as interactive divs; plotly.js goes inline with the first one only."""

    def __init__(self):
        self.count = 0

    def __call__(self, fig: go.Figure) -> str:
        self.count += 1
        height = int(fig.layout.height or 440)
        div = fig.to_html(full_html=False, include_plotlyjs=self.count == 1, div_id=f"nm-chart-{self.count}",
                          config=PLOTLY_CONFIG, default_width="100%", default_height=f"{height}px")
        return f'<figure class="chart">{div}</figure>'


def _table(frame: pd.DataFrame, *, total_rows: Sequence[bool] | None = None, wide: Sequence[str] = ()) -> str:
    """A display frame (strings) as an HTML table; numbers right-aligned, the total row bold."""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in frame.columns)
    rows = []
    for i, values in enumerate(frame.itertuples(index=False)):
        cells = []
        for j, (column, value) in enumerate(zip(frame.columns, values)):
            text = "" if is_missing(value) else str(value)
            if j == 0:
                cells.append(f'<th scope="row">{_e(text)}</th>')
                continue
            css = "num" if _NUMERIC.match(text) else ("wide" if column in wide else "")
            cells.append(f'<td class="{css}">{_e(text)}</td>' if css else f"<td>{_e(text)}</td>")
        total = total_rows is not None and bool(total_rows[i])
        rows.append(f'<tr class="total">{"".join(cells)}</tr>' if total else f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _cards(cards: list[tuple[str, str, float | None, bool, str]]) -> str:
    """KPI cards: (label, value, change %, lower is better, help)."""
    out = []
    for label, value, change, lower_better, help_text in cards:
        if change is None:
            delta = '<div class="delta">no change to show</div>'
        else:
            good = (change < 0) if lower_better else (change > 0)
            tone = "flat" if round(change) == 0 else ("good" if good else "bad")
            arrow = "▲" if change > 0 else ("▼" if change < 0 else "")
            delta = f'<div class="delta {tone}">{arrow} {change:+.0f} %</div>'
        out.append(f'<div class="kpi" title="{_e(help_text)}"><div class="label">{_e(label)}</div>'
                   f'<div class="value">{_e(value)}</div>{delta}</div>')
    return f'<div class="kpis">{"".join(out)}</div>'


def _p(text: str, css: str = "") -> str:
    return f'<p class="{css}">{_e(text)}</p>' if css else f"<p>{_e(text)}</p>"


def _reading(text: str) -> str:
    return f'<p class="reading"><strong>Reading:</strong> {_e(text)}</p>'


def _note(text: str) -> str:
    return f'<p class="note">{_e(text)}</p>'


def _grid(*parts: str) -> str:
    return f'<div class="charts">{"".join(parts)}</div>'


_PRORATED = ("Some figures are prorated: rows that cover a week, a month or a report range and only partly fall "
             "in this period count for the share of their days inside it.")


def _overview(d: ReportData, fig: Callable[[go.Figure], str]) -> str:
    groups, total = queries.split_total(d.current)
    before = _total(d.before)
    cards = []
    for name in OVERVIEW_KPIS:
        m = METRICS[name]
        now, prev = _figure(total, name), _figure(before, name)
        shown = now if now is not None or m.unit == "percent" else 0.0
        cards.append((m.label, m.format(shown, d.currency), change_pct(now, prev), name in LOWER_IS_BETTER,
                      f"{m.formula}. {m.help}".strip()))
    parts = [_p(f"{d.period.label} · change against {d.previous.label}", "caption"), _cards(cards)]
    if not _has_rows(groups):
        return "".join([*parts, _note(f"Nothing recorded between {d.period.label}.")])
    parts += [
        _reading(reading.overview_reading(d.current, d.currency)),
        _grid(fig(charts.shares_by_group(queries.shares(d.current), d.colors)),
              fig(charts.cost_vs_revenue(groups, d.colors, d.currency))),
        "<h3>The six comparisons</h3>",
        _p("Per group and in total. A dash means no data: the denominator is zero.", "caption"),
        _table(format_table(d.current, list(COMPARISON_COLUMNS), d.currency),
               total_rows=d.current["is_total"].tolist()),
    ]
    if total is not None and bool(total["prorated"]):
        parts.append(_note(_PRORATED))
    return "".join(parts)


def _roi(d: ReportData, fig: Callable[[go.Figure], str]) -> str:
    margin, currency = d.gross_margin_pct, d.currency
    revenue = roi.revenue_label(margin)
    cols = roi.columns(margin)
    groups, total = queries.split_total(d.roi_now)
    before = _total(d.roi_before)
    cards = []
    for name in ROI_CARDS:
        col = cols[name]
        now, prev = _figure(total, name), _figure(before, name)
        if now is None and col.unit == "money":
            now = 0.0
        cards.append((col.label, format_value(now, col.unit, currency), change_pct(now, prev),
                      name in LOWER_IS_BETTER, col.formula))
    parts = [_p(f"{d.period.label} · change against {d.previous.label} · {cost_basis(d)}", "caption"), _cards(cards)]
    if not _has_rows(groups):
        return "".join([*parts, _note(f"Nothing recorded between {d.period.label}.")])
    parts += [
        _reading(roi.reading(d.roi_now, currency, margin)),
        _p(f"Return ratio = {cols['return_ratio_pct'].formula}. Net ROI = {cols['net_roi_pct'].formula}. "
           f"Networking typically returns {roi.TYPICAL_BAND[0]:g}–{roi.TYPICAL_BAND[1]:g} % (the shaded band). "
           "Cost = expenses + dues + hours × the hourly value.", "caption"),
        _grid(fig(roi_charts.cost_and_revenue(groups, d.colors, currency, revenue)),
              fig(roi_charts.return_ratio_bars(groups, d.colors, roi.TYPICAL_BAND, revenue))),
        "<h3>Per group</h3>",
        _p("Cost per referral, cost per sale and revenue per hour use the period's figures; a dash means no data "
           "(the denominator is zero). Payback uses all history up to the period's end.", "caption"),
        _table(roi.display_table(d.roi_now, currency, margin), total_rows=d.roi_now["is_total"].tolist()),
        "<h3>Payback since joining</h3>",
        f'<p class="caption">{_md(roi.payback_caption(d.period.end, margin))}</p>',
    ]
    if d.payback.empty:
        parts.append(_note(f"No group has any history by {d.period.end:%d %b %Y}."))
    else:
        parts += [
            _reading(roi.payback_reading(d.payback)),
            fig(roi_charts.cumulative_net(d.curves, d.colors, currency, revenue)),
            fig(roi_charts.payback_curves(d.curves, d.payback, d.colors, currency, revenue)),
            _table(roi.payback_table(d.payback, currency, margin)),
        ]
    if total is not None and bool(total["prorated"]):
        parts.append(_note(_PRORATED))
    return "".join(parts)


def _give_get(d: ReportData, fig: Callable[[go.Figure], str]) -> str:
    rules = give_get.RULES
    frame = d.give_get_now
    total, before = _total(frame), _total(d.give_get_before)
    parts = [_p(f"{d.period.label} · change against {d.previous.label}", "caption")]
    if not _give_get_has_data(d):
        return "".join([*parts, _note(f"No referrals or activities recorded between {d.period.label}.")])
    cards = []
    for name in GIVE_GET_CARDS:
        m = METRICS[name]
        now, prev = float(total[name]), _figure(before, name)
        cards.append((m.label, m.format(now, d.currency), change_pct(now, prev), False, m.formula))
    parts += [
        _cards(cards),
        _reading(give_get.reading(frame)),
        _grid(fig(give_get_charts.given_vs_received(frame, d.colors)),
              fig(give_get_charts.own_purchase_share(frame, d.colors, rules.flag_share, rules.min_given))),
        _p(f"Red flag when {rules.flag_text()}: your giving is then mostly buying from members, a sign that your "
           "own contacts are thin or irrelevant to them, or that they have nothing you need: a poor fit.", "caption"),
        _grid(fig(give_get_charts.reciprocity(frame, d.colors, rules.taker_below, rules.over_giver_above)),
              fig(give_get_charts.participation(frame, d.colors))),
        _p(f"Reciprocity = referrals given ÷ (given + received). 0.50 is balanced; below {rules.taker_below:.2f} "
           f"you receive more than twice what you give (a taker); above {rules.over_giver_above:.2f} you give more "
           f"than twice what you receive (an over-giver). With fewer than {rules.min_exchanges:g} referrals either "
           "way it is too few to tell.", "caption"),
        "<h3>Give and get by group</h3>",
        _table(give_get.display_table(frame), total_rows=frame["is_total"].tolist()),
    ]
    if bool(total["prorated"]):
        parts.append(_note(_PRORATED))
    return "".join(parts)


def _trends(d: ReportData, fig: Callable[[go.Figure], str]) -> str:
    measure, currency = TREND_MEASURE, d.currency
    parts = [_p(f"{d.period.label} · measure: {METRICS[measure].label.lower()}", "caption")]
    if not _trends_have_data(d):
        return "".join([*parts, _note(f"Nothing recorded between {d.period.label}.")])
    rows = trends.rolling_measure(d.rolling, measure)
    parts += [
        _reading(trends.reading(d.rolling, measure, currency)),
        "<h3>Per group</h3>",
        fig(charts.metric_over_time(d.series, measure, d.colors, currency, grain=d.grain)),
    ]
    if not rows.empty:
        referrals = trends.rolling_measure(d.rolling, "referrals_received").query("not is_total")
        x_title = "12 months ending with the month"
        parts += [
            "<h3>Rolling 12 months and year over year</h3>",
            _p("Each point sums the month and the 11 before it. The change compares those 12 months with the 12 "
               "months before; it is shown only where the group has data for that whole earlier year.", "caption"),
            _grid(fig(trend_charts.rolling_lines(rows, measure, d.colors, currency)),
                  fig(trend_charts.yoy_bars(trends.latest_yoy(d.rolling, measure), measure, d.colors, currency))),
            "<h3>Who brings the referrals and the revenue, over time</h3>",
            _grid(fig(trend_charts.share_area(referrals, "rolling_share", "rolling_12", d.colors,
                                              "Share of referrals received", currency, x_title=x_title)),
                  fig(trend_charts.share_area(rows.query("not is_total"), "rolling_share", "rolling_12", d.colors,
                                              "Share of revenue", currency, money=True, x_title=x_title))),
        ]
    label_a, label_b = f"A: {d.period.label}", f"B: {d.previous.label}"
    parts += [
        "<h3>The period against the one before</h3>",
        fig(trend_charts.period_pair_bars(d.pair, measure, d.colors, label_a, label_b, currency)),
        _table(trends.pair_table(d.pair, measure, currency, label_a, label_b),
               total_rows=d.pair.loc[d.pair["measure"] == measure, "is_total"].tolist()),
    ]
    return "".join(parts)


def _verdicts(d: ReportData, fig: Callable[[go.Figure], str]) -> str:
    t, judged = d.thresholds, d.judged
    parts = [_p(f"Judged at {d.period.end:%d %b %Y} (the end of the period) · {cost_basis(d)}", "caption"),
             _md_list(verdicts.rules_in_words(t))]
    if judged.empty:
        return "".join([*parts, _note(f"No group has any history by {d.period.end:%d %b %Y}.")])
    parts += [
        _reading(verdicts.reading(judged)),
        fig(verdict_charts.verdict_map(judged, d.colors, min_months=t.min_months, paying_back_pct=t.paying_back_pct,
                                       reconsider_below_pct=t.reconsider_below_pct, window_months=t.window_months)),
        _table(verdicts.display_table(judged, d.currency, t.window_months), wide=("Rule",)),
        "<h3>Per group</h3>",
    ]
    cards = []
    for _, row in verdicts.in_order(judged).iterrows():
        meta = verdicts.VERDICTS[row["verdict"]]
        flag = f'<p class="flag">{_e(row["red_flag"])}</p>' if row["red_flag"] else ""
        cards.append(f'<div class="card"><h4>{_e(row["group"])}</h4>'
                     f'<span class="badge" style="background:{_e(meta["color"])}">{_e(meta["label"])}</span>'
                     f'<p><strong>Rule:</strong> {_e(row["rule"])}</p>'
                     f'<p class="small"><strong>Numbers:</strong> {_e(row["numbers"])}</p>{flag}</div>')
    parts.append(f'<div class="cards">{"".join(cards)}</div>')
    return "".join(parts)


_CSS = """
:root { --ink: #1d2530; --muted: #5b6573; --line: #d9dee4; --band: #f4f6f8; --good: #1e7f4f; --bad: #b23a2a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: var(--ink); background: #fff; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 2px solid var(--ink); }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 40px 0 8px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 24px 0 6px; }
h4 { margin: 0 0 6px; font-size: 1rem; }
.meta { color: var(--muted); margin: 0 0 8px; }
.meta strong { color: var(--ink); }
nav { margin: 8px 0 12px; }
nav a { margin-right: 14px; color: #1f6f8b; text-decoration: none; font-weight: 600; }
.caption, .note { color: var(--muted); font-size: 0.9rem; margin: 4px 0 10px; }
.reading { background: var(--band); border-left: 4px solid #1f6f8b; padding: 8px 12px; margin: 12px 0; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 10px 0 14px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kpi .label { color: var(--muted); font-size: 0.85rem; }
.kpi .value { font-size: 1.45rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi .delta { font-size: 0.85rem; color: var(--muted); }
.kpi .delta.good { color: var(--good); } .kpi .delta.bad { color: var(--bad); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px; }
@media screen and (max-width: 900px) { .charts { grid-template-columns: minmax(0, 1fr); }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
figure.chart { margin: 8px 0; min-width: 0; }
.table-wrap { overflow-x: auto; margin: 8px 0 14px; }
table { border-collapse: collapse; width: 100%; font-size: 0.86rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--band); border-bottom: 2px solid var(--ink); font-weight: 650; }
tbody th { font-weight: 500; }
td.num { text-align: right; white-space: nowrap; }
td.wide { min-width: 22em; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
ul.rules { margin: 6px 0 12px; padding-left: 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card p { margin: 6px 0; } .small { font-size: 0.86rem; color: var(--muted); }
.badge { display: inline-block; color: #fff; border-radius: 10px; padding: 1px 10px; font-size: 0.82rem;
         font-weight: 600; }
.flag { color: var(--bad); font-size: 0.88rem; }
footer { color: var(--muted); font-size: 0.82rem; margin-top: 40px; padding-bottom: 30px;
         border-top: 1px solid var(--line); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .modebar-container, .modebar { display: none !important; }
  h2 { break-before: page; border-top: none; margin-top: 0; }
  section:first-of-type h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  .charts { display: block; }
  figure.chart, .kpi, .card, tr, .reading { break-inside: avoid; }
  .kpis { grid-template-columns: repeat(4, 1fr); }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  .badge, .reading, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# Charts follow the page width when it is printed (the print layout is one column).
_RESIZE_FOR_PRINT = """<script>
(function () {
  function resize() {
    if (!window.Plotly) { return; }
    document.querySelectorAll('.js-plotly-plot').forEach(function (g) { window.Plotly.Plots.resize(g); });
  }
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();
</script>"""


def render_html(d: ReportData) -> str:
    """The whole report as one HTML document: no external resource, plotly.js inline once."""
    fig = _Figures()
    builders = {"overview": _overview, "roi": _roi, "give-get": _give_get, "trends": _trends,
                "verdicts": _verdicts}
    sections = []
    for anchor, title in SECTIONS:
        body = builders[anchor](d, fig) if d.has_data else _note("No data yet: this workspace has no groups.")
        sections.append(f'<section id="{anchor}"><h2 id="{anchor}-title">{_e(title)}</h2>{body}</section>')
    nav = "".join(f'<a href="#{anchor}">{_e(title)}</a>' for anchor, title in SECTIONS)
    title = f"NetMetrics report · {d.workspace} · {d.period.label}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="NetMetrics">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>NetMetrics report: {_e(d.workspace)}</h1>
<p class="meta"><strong>Workspace:</strong> {_e(d.workspace)} · <strong>Period:</strong> {_e(d.period.label)}
 · <strong>Compared with:</strong> {_e(d.previous.label)} · <strong>Generated:</strong>
 {_e(f"{d.generated:%d %b %Y %H:%M}")}</p>
<p class="meta"><strong>Counted:</strong> {_e(cost_basis(d))} · <strong>Grain:</strong> {_e(d.grain)}</p>
<nav>{nav}</nav>
</header>
<main>
{"".join(sections)}
</main>
<footer>
<p>Made by NetMetrics. The charts are interactive (hover for the figures, click a legend entry to hide a group) and
work offline: everything they need is inside this file. A dash means no data: the denominator is zero.
Return ratio = revenue ÷ cost × 100 (100 % = break-even); net ROI = (revenue − cost) ÷ cost × 100
(0 % = break-even).</p>
</footer>
{_RESIZE_FOR_PRINT if fig.count else ""}
</body>
</html>
"""


# -- XLSX --------------------------------------------------------------------------------------------------
# A column: (header, values, kind or one kind per row). Kinds: text, count, money, money_ratio, hours, ratio,
# percent (a value in %, written as a fraction with a % format), share (a fraction 0..1), date, month.
Column = tuple[str, Sequence, "str | Sequence[str]"]


def _number_formats(currency: str) -> dict[str, str]:
    symbol = "".join(ch for ch in currency if ch not in '"\\')
    money = f'"{symbol}"#,##0.00' if symbol else "#,##0.00"
    return {"text": "@", "count": "#,##0.##;-#,##0.##;0", "money": money, "money_ratio": money,
            "hours": "#,##0.0", "ratio": "0.00", "percent": "0%", "share": "0%", "date": "yyyy-mm-dd",
            "integer": "0"}


def _cell(value, kind: str):
    """A value as the workbook stores it: numbers as numbers, missing as empty, text neutralised."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        return neutralise(value) if value else None
    if isinstance(value, bool):
        return "yes" if value else "no"
    number = float(value)
    if kind == "percent":
        return number / 100
    if kind == "integer":
        return int(number)
    return number


def _kpi_rows(d: ReportData) -> list[Column]:
    total, before = _total(d.current), _total(d.before)
    names = [n for n in METRICS if n in d.current.columns]
    units = [METRICS[n].unit for n in names]
    now = [None if total is None else total[n] for n in names]
    prev = [None if before is None else before[n] for n in names]
    return [
        ("Metric", [METRICS[n].label for n in names], "text"),
        (f"This period ({d.period.label})", now, units),
        (f"Previous period ({d.previous.label})", prev, units),
        ("Change (%)", [change_pct(a, b) for a, b in zip(now, prev)], "percent"),
        ("Formula", [METRICS[n].formula for n in names], "text"),
    ]


def _sheets(d: ReportData) -> dict[str, list[Column]]:
    """The workbook's tables, numeric, one per sheet, in SHEETS order."""
    margin = d.gross_margin_pct
    cmp_ = d.current
    comparisons = [("Group", cmp_["group"].tolist(), "text"), ("Type", cmp_["type"].tolist(), "text")]
    comparisons += [(METRICS[n].label, cmp_[n].tolist(), METRICS[n].unit) for n in COMPARISON_COLUMNS]

    r = d.roi_now
    roi_cols = [("Group", r["group"].tolist(), "text")]
    roi_cols += [(c.label, r[n].tolist(), c.unit) for n, c in roi.columns(margin).items()]
    roi_cols += [("Months to payback", r["payback_month"].tolist(), "integer"),
                 ("Paid back in", ["" if t else roi.payback_text(row) for t, (_, row) in
                                   zip(r["is_total"], r.iterrows())], "text")]

    p = d.payback
    rev = roi.revenue_label(margin).lower()
    payback = [("Group", p["group"].tolist(), "text"), ("Since", p["start_on"].tolist(), "date"),
               ("Months of record", p["months"].tolist(), "integer"),
               ("Months to payback", p["payback_month"].tolist(), "integer"),
               ("Paid back in", [roi.payback_text(row) for _, row in p.iterrows()], "text"),
               ("Cumulative cost", p["cum_cost"].tolist(), "money"),
               (f"Cumulative {rev}", p["cum_revenue"].tolist(), "money"),
               ("Ahead (+) or behind (−)", p["cum_net"].tolist(), "money")]

    g = d.give_get_now
    give = [("Group", g["group"].tolist(), "text"), ("Activities", g["activities"].tolist(), "count"),
            ("Given", g["referrals_given"].tolist(), "count"), ("Received", g["referrals_received"].tolist(), "count"),
            ("Own purchases", g["own_purchases"].tolist(), "count"),
            ("Own purchases share", g["own_purchase_share"].tolist(), "share"),
            ("Red flag", ["yes" if f and not t else "" for f, t in zip(g["own_purchase_flag"], g["is_total"])],
             "text"),
            ("Reciprocity", g["reciprocity"].tolist(), "ratio"),
            ("Balance", ["" if t else b for b, t in zip(g["balance_label"], g["is_total"])], "text"),
            ("Given per activity", g["given_per_activity"].tolist(), "ratio")]

    pair = d.pair[d.pair["measure"].isin(trends.MEASURES)]
    units = [METRICS[m].unit for m in pair["measure"]]
    trend = [("Group", pair["group"].tolist(), "text"),
             ("Measure", [METRICS[m].label for m in pair["measure"]], "text"),
             (f"This period ({d.period.label})", pair["value_a"].tolist(), units),
             (f"Previous period ({d.previous.label})", pair["value_b"].tolist(), units),
             ("Change", pair["change"].tolist(), units), ("Change (%)", pair["change_pct"].tolist(), "percent")]

    j = d.judged
    window = f"last {d.thresholds.window_months:g} months"
    verdict = [("Group", j["group"].tolist(), "text"), ("Verdict", j["verdict_label"].tolist(), "text"),
               ("Months of history", j["months_of_history"].tolist(), "ratio"),
               (f"Return ratio, {window}", j["return_ratio_pct"].tolist(), "percent"),
               (f"Cost, {window}", j["cost"].tolist(), "money"),
               (f"Revenue, {window}", j["revenue"].tolist(), "money"),
               ("Months to payback", j["payback_month"].tolist(), "integer"),
               ("Ahead now", ["yes" if a else "no" for a in j["ahead_now"]], "text"),
               ("Own purchases share", j["own_purchase_share"].tolist(), "share"),
               ("Red flag", j["red_flag"].tolist(), "text"), ("Rule", j["rule"].tolist(), "text"),
               ("Numbers", j["numbers"].tolist(), "text")]

    return {"Overview": _kpi_rows(d), "Comparisons": comparisons, "ROI": roi_cols, "Payback": payback,
            "Give & get": give, "Trends": trend, "Verdicts": verdict}


def render_xlsx(d: ReportData) -> bytes:
    """One sheet per table; a bold header row; numbers as numbers with number formats; text neutralised."""
    formats = _number_formats(d.currency)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = neutralise(f"NetMetrics tables: {d.workspace}, {d.period.label}")
    wb.properties.creator = "NetMetrics"
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor="E9EDF1")
    for name, columns in _sheets(d).items():
        ws = wb.create_sheet(name)
        ws.append([neutralise(header) for header, _, _ in columns])
        for cell in ws[1]:
            cell.font, cell.fill = bold, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        rows = len(columns[0][1]) if columns else 0
        for i in range(rows):
            kinds = [kind if isinstance(kind, str) else kind[i] for _, _, kind in columns]
            ws.append([_cell(values[i], kind) for (_, values, _), kind in zip(columns, kinds)])
            for cell, kind in zip(ws[ws.max_row], kinds):
                if cell.value is not None and not isinstance(cell.value, str):
                    cell.number_format = formats[kind]
        totals = [i for i, v in enumerate(columns[0][1], start=2) if v == "Total"] if columns else []
        for row in totals:
            for cell in ws[row]:
                cell.font = bold
        for index, (header, values, _) in enumerate(columns, start=1):
            longest = max([len(str(header)), *(len(str(v)) for v in values if isinstance(v, str))], default=10)
            ws.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
        ws.freeze_panes = "B2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
