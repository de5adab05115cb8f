"""The Report page through AppTest: on demo data and on an empty database, with its two download buttons."""

from __future__ import annotations

from netmetrics import report
from tests.app.conftest import open_app

PAGE = "pages/report.py"
YEAR = {"preset": "custom", "from": "2025-11-24", "to": "2026-11-23", "rate": "25"}
LABELS = ["Download the report (HTML)", "Download the tables (XLSX)"]


def test_report_page_on_demo_data(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, YEAR, page=PAGE)
    assert [t.value for t in at.title] == ["Report"]
    assert [b.label for b in at.download_button] == LABELS
    outline = next(m.value for m in at.markdown if m.value.startswith("- **Overview**"))
    for _, title in report.SECTIONS:
        assert f"**{title}**" in outline
    assert "six comparisons for 5 groups" in outline
    assert "a verdict for each of 6 groups" in outline
    sheets = at.dataframe[0].value
    assert sheets["Sheet"].tolist() == list(report.SHEETS)
    assert sheets.set_index("Sheet").loc["Comparisons", "Rows"] == 6  # five groups and the total
    assert "time valued at $25 an hour" in "\n".join(c.value for c in at.caption)


def test_report_page_on_an_empty_database(tmp_path, monkeypatch):
    at = open_app(tmp_path / "empty.duckdb", monkeypatch, page=PAGE)
    assert "No data yet" in "\n".join(i.value for i in at.info)
    assert [b.label for b in at.download_button] == LABELS
    assert not at.dataframe


def test_report_page_for_a_period_with_nothing_in_it(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, {"preset": "custom", "from": "2020-01-01", "to": "2020-01-31"}, page=PAGE)
    assert [b.label for b in at.download_button] == LABELS
    outline = next(m.value for m in at.markdown if m.value.startswith("- **Overview**"))
    assert "nothing recorded in the period" in outline
