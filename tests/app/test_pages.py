"""The real Streamlit app through AppTest: every page, on empty, hand-built and demo databases."""

from __future__ import annotations

from datetime import date

import pytest

from netmetrics import demo
from netmetrics.db import Database
from tests.app.conftest import metric_values, open_app

PAGES = ["pages/overview.py", "pages/groups.py"]
JANUARY = {"preset": "custom", "from": "2025-01-01", "to": "2025-01-31"}


@pytest.fixture(scope="module")
def demo_today_path(tmp_path_factory):
    """The demo business as a first start makes it: ending today (conftest's demo_path ends on a fixed day)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    db = Database(path)
    demo.load_demo(db)
    db.close()
    return path


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_an_empty_database_shows_the_friendly_state(tmp_path, monkeypatch, page):
    at = open_app(tmp_path / "empty.duckdb", monkeypatch, page=page)
    assert any("No data yet" in i.value for i in at.info)
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_demo_data_draws_charts(demo_today_path, monkeypatch, page):
    at = open_app(demo_today_path, monkeypatch, page=page)
    assert len(at.get("plotly_chart")) >= 2
    assert any("demo data" in i.value for i in at.info)
    assert metric_values(at)["Activities"] not in ("0", "–")


def test_overview_numbers_match_the_hand_fixture(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, {**JANUARY, "rate": "10"})
    values = metric_values(at)
    assert values["Activities"] == "3.6"
    assert values["Hours"] == "11.7 h"
    assert values["Cost"] == "$277"
    assert values["Revenue"] == "$850"
    assert values["Return ratio"] == "307 %"
    reading = next(m.value for m in at.markdown if m.value.startswith("**Reading:**"))
    assert "Harbour brought 75 % of referrals" in reading
    table = at.dataframe[0].value
    assert list(table["Group"]) == ["Chamber", "Harbour", "Quiet", "Total"]
    assert table.set_index("Group").loc["Quiet", "Sales per activity"] == "–"
    assert any("prorated" in c.value for c in at.caption)


def test_changing_the_period_changes_numbers_and_url(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY)
    assert metric_values(at)["Revenue"] == "$850"
    at.sidebar.date_input(key="nm_range").set_value((date(2025, 1, 1), date(2025, 1, 25))).run()
    assert metric_values(at)["Revenue"] == "$500"  # the sales of the 28th and the 30th drop out
    assert at.query_params["to"] == "2025-01-25"
    at.sidebar.selectbox(key="nm_preset").set_value("all").run()
    assert at.query_params["preset"] in ("all", ["all"]) and "from" not in at.query_params


def test_a_copied_url_reopens_the_same_view(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, {**JANUARY, "grain": "week", "rate": "10"})
    assert at.sidebar.selectbox(key="nm_preset").value == "custom"
    assert at.sidebar.number_input(key="nm_rate").value == 10
    assert [str(d) for d in at.sidebar.date_input(key="nm_range").value] == ["2025-01-01", "2025-01-31"]


def test_bad_url_values_fall_back_quietly(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, {"preset": "<script>", "grain": "decade", "rate": "-5",
                                          "from": "2025-13-01"})
    assert at.sidebar.selectbox(key="nm_preset").value == "last_12_months"
    assert at.sidebar.number_input(key="nm_rate").value == 0


def test_groups_page_shows_one_group(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page="pages/groups.py")
    at.selectbox(key="nm_group").set_value("Harbour").run()
    assert at.query_params["group"] == "Harbour"
    values = metric_values(at)
    assert values["Revenue"] == "$750" and values["Referrals received"] == "3"
    share = at.get("plotly_chart")[1].proto.spec
    assert '"Referrals received"' in share and "75" in share


def test_a_group_link_opens_that_group(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, {**JANUARY, "group": "Chamber"}, page="pages/groups.py")
    assert at.selectbox(key="nm_group").value == "Chamber"
    assert metric_values(at)["Activities"] == "1.6"


def test_clearing_demo_data_empties_the_workspace(tmp_path, monkeypatch):
    path = tmp_path / "d.duckdb"
    db = Database(path)
    demo.load_demo(db)
    db.close()
    at = open_app(path, monkeypatch)
    at.button(key="nm_clear_demo").click().run()
    assert any("No data yet" in i.value for i in at.info)
    at.button(key="nm_load_demo").click().run()
    assert len(at.get("plotly_chart")) >= 2
