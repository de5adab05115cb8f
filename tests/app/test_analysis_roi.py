"""The ROI & payback, Verdicts and Group types pages through AppTest: on demo data, an empty database and a
database holding only Google Analytics data, with the key numbers checked against the CLI's summary."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from netmetrics import cli
from netmetrics.db import Database
from netmetrics.ingest import commit, parse_upload
from netmetrics.metrics import format_value
from tests.app.conftest import metric_values, open_app

ROI, VERDICTS, TYPES = "pages/roi.py", "pages/verdicts.py", "pages/group_types.py"
PAGES = [ROI, VERDICTS, TYPES]
END = date(2026, 11, 23)
YEAR = {"preset": "custom", "from": "2025-11-24", "to": "2026-11-23"}
GA_FILE = Path(__file__).resolve().parents[1] / "ingest" / "corpus" / "ga4_channels_daily.csv"


@pytest.fixture(scope="module")
def ga_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("ga") / "ga.duckdb"
    db = Database(path)
    result = commit(db, [parse_upload(GA_FILE.name, GA_FILE.read_bytes())])
    assert result.files[0].status == "imported"
    db.close()
    return path


def summary(path, start, end, rate) -> dict:
    db = Database(path)
    try:
        return cli.summary_document(db, start, end, rate)
    finally:
        db.close()


def texts(elements) -> str:
    return "\n".join(e.value for e in elements)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_on_an_empty_database_says_what_would_fill_it(tmp_path, monkeypatch, page):
    at = open_app(tmp_path / "empty.duckdb", monkeypatch, page=page)
    assert "No data yet" in texts(at.info)
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("page", PAGES)
def test_each_page_on_a_database_with_only_web_data(ga_path, monkeypatch, page):
    at = open_app(ga_path, monkeypatch, page=page)
    assert "Website visits are imported, but no networking groups yet" in texts(at.info)
    assert not at.button
    assert not at.get("plotly_chart")
    doc = summary(ga_path, None, None, 0)
    assert doc["groups"] == [] and doc["total"]["cost"] == 0  # the CLI agrees: no networking to judge


def test_roi_page_numbers_equal_the_cli(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, {**YEAR, "rate": "25"}, page=ROI)
    values = metric_values(at)
    total = summary(demo_path, date(2025, 11, 24), END, 25)["total"]
    assert values["Cost"] == format_value(total["cost"], "money")
    assert values["Revenue"] == format_value(total["sales_value"], "money")
    assert values["Return ratio"] == format_value(total["return_ratio_pct"], "percent")
    assert values["Net ROI"] == format_value(total["net_roi_pct"], "percent")
    assert values["Cost per referral"] == format_value(total["cost"] / total["referrals_received"], "money_ratio")
    per_group = at.dataframe[0].value.set_index("Group")
    cli_groups = {g["group"]: g for g in summary(demo_path, date(2025, 11, 24), END, 25)["groups"]}
    for name, row in per_group.drop(index="Total").iterrows():
        assert row["Cost"] == format_value(cli_groups[name]["cost"], "money")
        assert row["Return ratio"] == format_value(cli_groups[name]["return_ratio_pct"], "percent")
    assert len(at.get("plotly_chart")) == 4
    assert "Association of Independent Designers" in per_group.index


def test_roi_page_tells_the_payback_stories(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, YEAR, page=ROI)
    payback = at.dataframe[1].value.set_index("Group")
    assert int(payback.loc["BNI Harbour", "Months to payback"]) in (7, 8, 9)
    assert payback.loc["Riverside Chamber of Commerce", "Paid back in"] == "not yet"
    assert payback.loc["Association of Independent Designers", "Months to payback"] == "–"
    assert "all history" in texts(at.caption) and "23 Nov 2026" in texts(at.caption)
    assert "**100 % is break-even**" in texts(at.caption) and "**0 % is break-even**" in texts(at.caption)
    reading = next(m.value for m in at.markdown if m.value.startswith("**Reading:** Paid back"))
    assert "BNI Harbour in month 8" in reading and "Riverside Chamber of Commerce (23 months in)" in reading
    ratio_chart = json.loads(at.get("plotly_chart")[1].proto.spec)["layout"]
    assert [(s["x0"], s["x1"]) for s in ratio_chart["shapes"] if s["type"] == "rect"] == [(50, 200)]
    assert [a["text"] for a in ratio_chart["annotations"]] == ["shaded: typical 50–200 % · dashed: break-even 100 %"]


def test_roi_page_with_a_margin_counts_gross_profit(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, {**YEAR, "margin": "50"}, page=ROI)
    values = metric_values(at)
    total = summary(demo_path, date(2025, 11, 24), END, 0)["total"]
    assert values["Gross profit"] == format_value(total["sales_value"] / 2, "money")
    assert values["Return ratio"] == format_value(total["return_ratio_pct"] / 2, "percent")
    assert "Gross profit" in at.dataframe[0].value.columns


def test_roi_page_on_the_hand_fixture(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, {"preset": "custom", "from": "2025-01-01", "to": "2025-01-31",
                                           "rate": "10"}, page=ROI)
    values = metric_values(at)
    assert (values["Cost"], values["Revenue"], values["Return ratio"], values["Net ROI"]) == \
        ("$277", "$850", "307 %", "207 %")
    assert values["Time cost"] == "$117"
    per_group = at.dataframe[0].value.set_index("Group")
    assert per_group.loc["Quiet", "Return ratio"] == "–" and per_group.loc["Harbour", "Cost per sale"] == "$98.50"


def test_verdicts_page_on_demo_data(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, YEAR, page=VERDICTS)
    verdict = at.dataframe[0].value.set_index("Group")["Verdict"]
    assert verdict["Association of Independent Designers"] == "Too early"
    assert verdict["BNI Harbour"] == "Paying back"
    assert verdict["Riverside Chamber of Commerce"] == "Reconsider"
    assert len(at.get("plotly_chart")) == 1
    cards = [m.value for m in at.markdown if m.value.startswith("**Rule:**")]
    assert len(cards) == len(verdict)
    assert "months of history since" in texts(at.caption)


def test_verdict_thresholds_are_saved_as_settings(tmp_path, monkeypatch, demo_path):
    path = tmp_path / "copy.duckdb"
    path.write_bytes(Path(demo_path).read_bytes())
    at = open_app(path, monkeypatch, YEAR, page=VERDICTS)
    at.number_input(key="nm_v_min_months").set_value(36.0)
    next(b for b in at.button if b.label == "Save thresholds").click().run()
    assert not at.exception
    verdict = at.dataframe[0].value["Verdict"]
    assert set(verdict) == {"Too early"}
    db = Database(path)
    assert db.get_setting("verdict.min_months") == "36"
    db.close()
    at.number_input(key="nm_v_below").set_value(500.0)  # above "paying back from": refused, nothing stored
    next(b for b in at.button if b.label == "Save thresholds").click().run()
    assert "must not be above" in texts(at.error)
    at.button(key="nm_v_reset").click().run()
    assert "Too early" in set(at.dataframe[0].value["Verdict"]) and len(set(at.dataframe[0].value["Verdict"])) > 1


def test_group_types_page_totals_equal_the_cli(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, {**YEAR, "rate": "25"}, page=TYPES)
    frame = at.dataframe[0].value.set_index("Group type")
    total = summary(demo_path, date(2025, 11, 24), END, 25)["total"]
    assert frame.loc["Total", "Cost"] == format_value(total["cost"], "money")
    assert frame.loc["Total", "Revenue"] == format_value(total["sales_value"], "money")
    assert frame.loc["Total", "Activities"] == format_value(total["activities"], "count")
    assert frame.loc["Total", "Return ratio"] == format_value(total["return_ratio_pct"], "percent")
    assert len(at.get("plotly_chart")) == 2
    body = texts(at.markdown)
    assert "**Good at:**" in body and "**Weak at:**" in body and "Referral club" in body
