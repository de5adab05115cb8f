"""The Time, Give & get, Trends and Web traffic pages through the real app: demo data (numbers equal to
the CLI's), an empty database, and a database holding only Google Analytics data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netmetrics import cli
from netmetrics.db import Database
from netmetrics.ingest import ImportOptions, commit, parse_upload
from netmetrics.metrics import format_value
from tests.app.conftest import metric_values, open_app

PAGES = ["pages/time.py", "pages/give_get.py", "pages/trends.py", "pages/web_traffic.py"]
CORPUS = Path(__file__).resolve().parents[1] / "ingest" / "corpus"
LAST_12 = {"preset": "custom", "from": "2025-11-24", "to": "2026-11-23"}
ALL_TIME = {"preset": "custom", "from": "2024-11-24", "to": "2026-11-23"}


def ga_path(tmp_path, *names: str) -> Path:
    path = tmp_path / "ga.duckdb"
    db = Database(path)
    result = commit(db, [parse_upload(n, (CORPUS / n).read_bytes(), ImportOptions()) for n in names])
    assert result.ok, result.messages
    db.close()
    return path


def summary(path, query: dict) -> dict:
    db = Database(path)
    try:
        return cli.summary_document(db, date.fromisoformat(query["from"]), date.fromisoformat(query["to"]), 0.0)
    finally:
        db.close()


def web(path, query: dict) -> dict:
    db = Database(path)
    try:
        return cli.web_document(db, date.fromisoformat(query["from"]), date.fromisoformat(query["to"]), "month")
    finally:
        db.close()


def texts(at) -> str:
    return "\n".join([i.value for i in at.info] + [m.value for m in at.markdown] + [c.value for c in at.caption]
                     + [w.value for w in at.warning])


@pytest.mark.parametrize("page", PAGES)
def test_empty_database_says_what_would_fill_the_page(tmp_path, monkeypatch, page):
    at = open_app(tmp_path / "empty.duckdb", monkeypatch, page=page)
    assert any("No data yet" in i.value for i in at.info)
    assert not at.get("plotly_chart")
    shown = texts(at)
    assert {"pages/time.py": "preparation, travel and recovery", "pages/give_get.py": "referrals you gave",
            "pages/trends.py": "a year or more", "pages/web_traffic.py": "Traffic acquisition"}[page] in shown


@pytest.mark.parametrize(("page", "nothing", "fills_with"), [
    ("pages/time.py", "No hours", "preparation, travel and recovery"),
    ("pages/give_get.py", "No referrals or activities", "referrals you gave"),
    ("pages/trends.py", "Nothing", "a year or more"),
])
def test_a_period_with_nothing_in_it_says_so(demo_path, monkeypatch, page, nothing, fills_with):
    at = open_app(demo_path, monkeypatch, {"preset": "custom", "from": "2020-01-01", "to": "2020-01-31"}, page=page)
    [said] = [i.value for i in at.info if "recorded between" in i.value]
    assert said.startswith(f"{nothing} recorded between 01 Jan – 31 Jan 2020. This page fills with")
    assert fills_with in said and said.endswith(". Pick a longer period in the sidebar.")
    assert not at.metric and not at.get("plotly_chart")


@pytest.mark.parametrize("page", PAGES)
def test_demo_data_draws_every_page(demo_path, monkeypatch, page):
    at = open_app(demo_path, monkeypatch, LAST_12, page=page)
    assert len(at.get("plotly_chart")) >= 2
    assert any(m.value.startswith("**Reading:**") for m in at.markdown)


def test_time_numbers_equal_the_cli(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, LAST_12, page="pages/time.py")
    document = summary(demo_path, LAST_12)
    values = metric_values(at)
    for name, label in (("hours", "Hours"), ("event_hours", "Event hours"), ("prep_hours", "Prep hours"),
                        ("travel_hours", "Travel hours")):
        assert values[label] == format_value(document["total"][name], "hours")
    non_event = (document["total"]["hours"] - document["total"]["event_hours"]) / document["total"]["hours"] * 100
    assert values["Not the event itself"] == format_value(non_event, "percent")
    assert values["Hours per sale"] == format_value(document["total"]["hours"] / document["total"]["sales"], "hours")
    table = at.dataframe[0].value.set_index("Group")
    for group in document["groups"]:
        assert table.loc[group["group"], "Hours"] == format_value(group["hours"], "hours")
    assert table.index[0] == "LinkedIn Local Makers"  # the social group eats the most hours
    assert "LinkedIn Local Makers took the most" in next(m.value for m in at.markdown if "Reading" in m.value)


def test_give_get_numbers_equal_the_cli_and_the_chamber_is_flagged(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, ALL_TIME, page="pages/give_get.py")
    document = summary(demo_path, ALL_TIME)
    values = metric_values(at)
    assert values["Referrals given"] == format_value(document["total"]["referrals_given"], "count")
    assert values["Referrals received"] == format_value(document["total"]["referrals_received"], "count")
    assert values["Own purchases"] == format_value(document["total"]["own_purchases"], "count")
    table = at.dataframe[0].value.set_index("Group")
    for group in document["groups"]:
        assert table.loc[group["group"], "Given"] == format_value(group["referrals_given"], "count")
    assert table.loc["Riverside Chamber of Commerce", "Red flag"] == "yes"
    assert table.loc["Riverside Chamber of Commerce", "Own purchases share"] == "100 %"
    assert (table["Red flag"] == "yes").sum() == 1
    assert table.loc["LinkedIn Local Makers", "Balance"] == "taker"
    shown = texts(at)
    assert "80 % or more of the referrals given, with at least 3 given" in shown
    assert "Red flag for Riverside Chamber of Commerce" in shown


def b_total(at) -> str:
    """The total of period B in the Trends page's side-by-side table."""
    table = at.dataframe[0].value.set_index("Group")
    return table.loc["Total", next(c for c in table.columns if c.startswith("B: "))]


def test_trends_numbers_equal_the_cli_and_the_comparison_changes(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, LAST_12, page="pages/trends.py")
    document = summary(demo_path, LAST_12)
    before = summary(demo_path, {"from": "2024-11-24", "to": "2025-11-23"})
    table = at.dataframe[0].value.set_index("Group")
    column_a = next(c for c in table.columns if c.startswith("A: "))
    column_b = next(c for c in table.columns if c.startswith("B: "))
    assert table.loc["Total", column_a] == format_value(document["total"]["sales_value"], "money")
    assert table.loc["Total", column_b] == format_value(before["total"]["sales_value"], "money")
    assert "Over the 12 months to Nov 2026" in texts(at)
    at.radio(key="nm_trend_compare").set_value("year_before").run()
    assert not at.exception
    assert b_total(at) == format_value(before["total"]["sales_value"], "money")  # 12 months: the year before
    at.radio(key="nm_trend_compare").set_value("custom").run()
    assert not at.exception and at.date_input(key="nm_trend_other")
    assert at.date_input(key="nm_trend_other").value == (date(2024, 11, 24), date(2025, 11, 23))
    half = {"from": "2026-01-01", "to": "2026-06-30"}
    at.date_input(key="nm_trend_other").set_value((date(2026, 1, 1), date(2026, 6, 30))).run()
    assert b_total(at) == format_value(summary(demo_path, half)["total"]["sales_value"], "money")
    at.segmented_control(key="nm_trend_measure").set_value("hours").run()
    table = at.dataframe[0].value.set_index("Group")
    assert table.loc["Total", next(c for c in table.columns if c.startswith("A: "))] == format_value(
        document["total"]["hours"], "hours")
    at.segmented_control(key="nm_trend_share_basis").set_value("grain").run()
    assert not at.exception and len(at.get("plotly_chart")) == 6


def test_web_traffic_numbers_equal_the_cli(demo_path, monkeypatch):
    at = open_app(demo_path, monkeypatch, LAST_12, page="pages/web_traffic.py")
    document = web(demo_path, LAST_12)
    values = metric_values(at)
    assert values["Direct sessions"] == f"{document['direct_sessions']:,.0f}"
    assert values["Social sessions"] == f"{document['social_sessions']:,.0f}"
    assert values["All sessions"] == f"{document['total_sessions']:,.0f}"
    shown = texts(at)
    assert "correlation, not proof" in shown and "Whole weeks in the period: 52" in shown
    at.segmented_control(key="nm_web_grain").set_value("day").run()
    assert metric_values(at)["Direct sessions"] == values["Direct sessions"]
    at.segmented_control(key="nm_web_driver").set_value("people_met").run()
    assert not at.exception
    assert "Weeks with more people met go with" in texts(at)


@pytest.mark.parametrize("page", ["pages/time.py", "pages/give_get.py", "pages/trends.py"])
def test_ga_only_database_other_pages_ask_for_a_tracker(tmp_path, monkeypatch, page):
    at = open_app(ga_path(tmp_path, "ga4_channels_daily.csv"), monkeypatch,
                  {"preset": "custom", "from": "2025-01-01", "to": "2025-01-10"}, page=page)
    assert any("Website visits are imported, but no networking groups yet" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_ga_only_database_web_page_shows_the_visits(tmp_path, monkeypatch):
    path = ga_path(tmp_path, "ga4_channels_daily.csv")
    query = {"preset": "custom", "from": "2025-01-01", "to": "2025-01-10"}
    at = open_app(path, monkeypatch, query, page="pages/web_traffic.py")
    document = web(path, query)
    values = metric_values(at)
    assert values["Direct sessions"] == f"{document['direct_sessions']:,.0f}" == "1,045"
    assert values["Paid social sessions"] == f"{document['paid_social_sessions']:,.0f}"
    assert len(at.get("plotly_chart")) == 1
    shown = texts(at)
    assert "No networking recorded yet" in shown
    assert "needs networking activities" in shown or "needs weekly" in shown


def test_web_page_without_channel_says_not_in_this_file(tmp_path, monkeypatch):
    path = ga_path(tmp_path, "ga4_no_channel.csv")
    at = open_app(path, monkeypatch, {"preset": "custom", "from": "2025-04-01", "to": "2025-04-03"},
                  page="pages/web_traffic.py")
    values = metric_values(at)
    assert values["Direct sessions"] == "not in this file" and values["All sessions"] == "36"
    assert any("not in this file" in w.value for w in at.warning)


def test_web_page_lists_range_totals(tmp_path, monkeypatch):
    path = ga_path(tmp_path, "ga4_no_date.csv")
    at = open_app(path, monkeypatch, {"preset": "custom", "from": "2025-03-10", "to": "2025-04-30"},
                  page="pages/web_traffic.py")
    ranges = at.dataframe[0].value
    assert list(ranges["Prorated"]) == ["yes"] and list(ranges["Direct (whole range)"]) == ["310"]
    assert metric_values(at)["Direct sessions"] == f"{310 * 22 / 31:,.0f}"
    assert any("Range totals" in s.value for s in at.subheader)
