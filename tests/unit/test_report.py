"""The meeting report: one self-contained HTML file (plotly.js inline once, no network, user text escaped)
and an XLSX of the tables (numbers as numbers, formula-looking text neutralised)."""

from __future__ import annotations

import html
import io
import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from plotly.offline import get_plotlyjs

from netmetrics import queries, report
from netmetrics.db import Database
from netmetrics.metrics import format_value
from netmetrics.periods import Period
from tests.conftest import insert, single

YEAR = Period(date(2025, 11, 24), date(2026, 11, 23), "last_12_months")
JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))
GENERATED = datetime(2026, 11, 23, 9, 30)
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_FORMULA = '=HYPERLINK("x")'


@pytest.fixture(scope="module")
def demo_report(demo_db):
    return report.build_report(demo_db, YEAR, hourly_rate=25, workspace="Studio Nord", generated=GENERATED)


@pytest.fixture
def hostile_db(tmp_path):
    """Two groups whose names are an HTML script and a spreadsheet formula, with figures in January 2025."""
    db = Database(tmp_path / "hostile.duckdb")
    insert(db, "groups", [
        {"group_id": 1, "name": HOSTILE_SCRIPT, "type": "lead_group", "joined_on": "2024-06-01", "annual_dues": 365},
        {"group_id": 2, "name": HOSTILE_FORMULA, "type": "chamber", "joined_on": "2024-01-01", "annual_dues": 0},
    ])
    insert(db, "activities", [
        {"group_id": 1, **single("2025-01-08"), "event_hours": 2, "expenses": 20, "people_met": 4},
        {"group_id": 2, **single("2025-01-09"), "event_hours": 3, "expenses": 40, "people_met": 2},
    ])
    insert(db, "referrals", [
        {"group_id": 1, **single("2025-01-10"), "direction": "received"},
        {"group_id": 2, **single("2025-01-11"), "direction": "given", "own_purchase": True},
    ])
    insert(db, "sales", [{"group_id": 1, **single("2025-01-20"), "amount": 500, "client": "Acme"}])
    yield db
    db.close()


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def column(ws, header: str) -> list:
    headers = [c.value for c in ws[1]]
    index = headers.index(header)
    return [row[index] for row in ws.iter_rows(min_row=2)]


def row_of(ws, first: str) -> dict:
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == first:
            return dict(zip(headers, row))
    raise KeyError(first)


# -- HTML ---------------------------------------------------------------------------------------------------
def test_the_html_loads_nothing_from_the_network(demo_report):
    page = demo_report.html
    assert re.findall(r"<script[^>]*\bsrc\s*=", page, flags=re.IGNORECASE) == []
    assert re.findall(r"<link\b", page, flags=re.IGNORECASE) == []
    assert "cdn.plot.ly" not in page.split(get_plotlyjs())[0] + page.split(get_plotlyjs())[-1]


def test_plotly_js_is_embedded_exactly_once_and_every_chart_is_drawn(demo_report):
    page = demo_report.html
    assert page.count(get_plotlyjs()) == 1
    charts = re.findall(r'<div id="(nm-chart-\d+)" class="plotly-graph-div"', page)
    assert len(charts) == 17 and len(set(charts)) == 17
    assert page.count("Plotly.newPlot(") - get_plotlyjs().count("Plotly.newPlot(") == 17
    # the library comes before the first chart that needs it
    assert page.index(get_plotlyjs()) < re.search(r'Plotly\.newPlot\(\s*"nm-chart-1"', page).start()


def test_the_html_has_every_section_and_the_header(demo_report):
    page = demo_report.html
    for anchor, title in report.SECTIONS:
        assert f'<h2 id="{anchor}-title">{html.escape(title)}</h2>' in page
        assert f'<a href="#{anchor}">' in page
    assert "ROI &amp; payback" in page and "Give &amp; get" in page
    assert "<h1>NetMetrics report: Studio Nord</h1>" in page
    assert YEAR.label in page and YEAR.previous().label in page
    assert "23 Nov 2026 09:30" in page
    assert "time valued at $25 an hour" in page
    assert "@media print" in page


def test_the_html_shows_the_figures_of_the_comparison(demo_db, demo_report):
    page = demo_report.html
    _, total = queries.split_total(queries.comparison(demo_db, YEAR, 25))
    _, before = queries.split_total(queries.comparison(demo_db, YEAR.previous(), 25))
    revenue = format_value(total["sales_value"], "money", "$")
    assert revenue == "$22,290"  # the demo business's year, worked out by the engine
    assert f'<div class="label">Revenue</div><div class="value">{revenue}</div>' in page
    assert f'<div class="value">{format_value(total["cost"], "money", "$")}</div>' in page
    change = (total["sales_value"] - before["sales_value"]) / before["sales_value"] * 100
    assert f"{change:+.0f} %</div>" in page
    # the six comparisons table carries the total row
    assert re.search(r'<tr class="total"><th scope="row">Total</th><td class="num">302</td>', page)


def test_group_names_are_escaped_everywhere(demo_report):
    page = demo_report.html
    assert "Friends &amp; past clients" in page
    outside_scripts = re.sub(r"<script\b.*?</script>", "", page, flags=re.DOTALL)
    assert "Friends & past clients" not in outside_scripts


def test_a_hostile_group_name_is_escaped_in_the_html(hostile_db):
    page = report.build_report(hostile_db, JANUARY, workspace="<b>ws</b>", generated=GENERATED).html
    assert HOSTILE_SCRIPT not in page
    assert "<script>alert" not in page
    assert html.escape(HOSTILE_SCRIPT) in page  # shown as text in tables, readings and cards
    assert HOSTILE_FORMULA not in page
    assert html.escape(HOSTILE_FORMULA) in page
    assert "<b>ws</b>" not in page and "&lt;b&gt;ws&lt;/b&gt;" in page
    # inside the figures' JSON the name is a JSON string with < escaped, never markup
    assert "\\u003cscript\\u003ealert(1)\\u003c\\u002fscript\\u003e" in page


def test_an_empty_database_gives_a_small_report_that_says_so(empty_db):
    built = report.build_report(empty_db, JANUARY, generated=GENERATED)
    assert built.html.count("No data yet") == len(report.SECTIONS)
    assert get_plotlyjs() not in built.html  # no chart, no library
    assert workbook(built.xlsx).sheetnames == list(report.SHEETS)
    assert built.outline() == [(title, "no data yet") for _, title in report.SECTIONS]


def test_a_period_with_nothing_in_it_says_so(hand_db):
    built = report.build_report(hand_db, Period(date(2020, 1, 1), date(2020, 1, 31)), generated=GENERATED)
    assert built.html.count("Nothing recorded between 01 Jan – 31 Jan 2020") == 3  # overview, ROI, trends
    assert "No referrals or activities recorded between 01 Jan – 31 Jan 2020" in built.html
    assert "No group has any history by 31 Jan 2020" in built.html
    assert get_plotlyjs() not in built.html
    assert workbook(built.xlsx).sheetnames == list(report.SHEETS)


def test_a_gross_margin_counts_gross_profit(demo_db):
    built = report.build_report(demo_db, YEAR, gross_margin_pct=50, generated=GENERATED)
    _, total = queries.split_total(queries.comparison(demo_db, YEAR))
    assert f'<div class="label">Gross profit</div><div class="value">' \
           f'{format_value(total["sales_value"] / 2, "money")}</div>' in built.html
    assert "50 % gross margin" in built.html


def test_change_pct():
    assert report.change_pct(150, 100) == 50
    assert report.change_pct(50, -100) == 150
    assert report.change_pct(5, 0) is None
    assert report.change_pct(None, 3) is None
    assert report.change_pct(float("nan"), 3) is None


# -- XLSX ---------------------------------------------------------------------------------------------------
def test_the_workbook_has_one_sheet_per_table_with_a_bold_header(demo_report):
    wb = workbook(demo_report.xlsx)
    assert wb.sheetnames == ["Overview", "Comparisons", "ROI", "Payback", "Give & get", "Trends", "Verdicts"]
    for ws in wb.worksheets:
        assert ws.max_row > 1, ws.title
        assert all(cell.font.bold for cell in ws[1]), ws.title
        assert ws.freeze_panes == "B2"
    assert demo_report.sheet_rows() == {ws.title: ws.max_row - 1 for ws in wb.worksheets}


def test_the_workbook_stores_numbers_as_numbers(demo_db, demo_report):
    wb = workbook(demo_report.xlsx)
    _, total = queries.split_total(queries.comparison(demo_db, YEAR, 25))
    totals = row_of(wb["Comparisons"], "Total")
    assert totals["Revenue"].data_type == "n" and totals["Revenue"].value == pytest.approx(total["sales_value"])
    assert totals["Activities"].value == pytest.approx(302)
    assert totals["Return ratio"].value == pytest.approx(total["return_ratio_pct"] / 100)
    assert totals["Return ratio"].number_format == "0%"
    assert totals["Revenue"].number_format == '"$"#,##0.00'
    overview = row_of(wb["Overview"], "Revenue")
    assert overview[f"This period ({YEAR.label})"].value == pytest.approx(total["sales_value"])
    assert isinstance(row_of(wb["Payback"], "BNI Harbour")["Since"].value, datetime)
    assert row_of(wb["Payback"], "BNI Harbour")["Months to payback"].value == 19  # with time valued at $25
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type in ("n", "s", "d"), (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):  # text never looks like a number
                    assert not re.fullmatch(r"[$]?[\d,.]+ ?%?", cell.value), (ws.title, cell.coordinate)
    # missing ratios are empty cells, never 0 or text
    assert row_of(wb["Comparisons"], "LinkedIn Local Makers")["Given per activity"].value == 0
    assert row_of(wb["ROI"], "Association of Independent Designers")["Cost per sale"].value is None


def test_a_hostile_group_name_is_neutralised_in_the_workbook(hostile_db):
    wb = workbook(report.build_report(hostile_db, JANUARY, generated=GENERATED).xlsx)
    names = column(wb["Comparisons"], "Group")
    assert "'" + HOSTILE_FORMULA in [c.value for c in names]
    assert HOSTILE_SCRIPT in [c.value for c in names]  # harmless in a spreadsheet, kept as it is
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), (ws.title, cell.value)
    assert "'" + HOSTILE_FORMULA in [c.value for c in column(wb["Verdicts"], "Group")]
    assert "'" + HOSTILE_FORMULA in [c.value for c in column(wb["Trends"], "Group")]
