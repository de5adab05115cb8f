"""The What-if page through AppTest: sliders move results as the engine computes, only the fragment
reruns, scenarios save, reload and travel in the URL, bad URL values are ignored with a notice."""

from __future__ import annotations

import functools

import pytest

from netmetrics import whatif
from tests.app.conftest import metric_values, open_app
from tests.conftest import EXPECTED_JANUARY

JANUARY = {"preset": "custom", "from": "2025-01-01", "to": "2025-01-31"}
PAGE = "pages/whatif.py"
MONTHS = 31 / whatif.DAYS_PER_MONTH
CHAMBER, HARBOUR, QUIET = 0, 1, 2  # the widgets follow the groups in alphabetical order


def table(at, column: str):
    """The first dataframe on the page that has `column`."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def money(value: float) -> str:
    return f"${value:,.0f}" if abs(value) >= 100 else f"${value:,.2f}"


def test_baseline_shows_the_period_as_monthly_rates(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page=PAGE)
    values = metric_values(at)
    assert values["Cost per month"] == money((82 + 78) / MONTHS)  # hourly value 0
    assert values["Revenue per month"] == money(850 / MONTHS)
    harbour_visits = at.number_input(key=f"wi_{HARBOUR}_activities_per_month").value
    assert harbour_visits == pytest.approx(2 / MONTHS)


def test_moving_sliders_changes_results_as_the_engine_computes(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page=PAGE)
    at.slider(key="wi_hourly_value").set_value(40.0).run()
    hours = EXPECTED_JANUARY["Total"]["hours"]
    assert metric_values(at)["Cost per month"] == money((82 + 78 + hours * 40) / MONTHS)
    at.number_input(key=f"wi_{HARBOUR}_avg_sale_value").set_value(1000.0).run()
    harbour_sales = 2 / MONTHS
    expected_revenue = harbour_sales * 1000 + 100 / MONTHS  # plus Quiet's sale
    assert metric_values(at)["Revenue per month"] == money(expected_revenue)
    assert "Harbour.avg_sale_value=1000" in at.query_params["set"]
    assert "hourly_value=40" in at.query_params["set"]


def run_fragments(at, monkeypatch) -> None:
    """Rerun as the browser does when a widget inside a fragment changes: a fragment-scoped rerun.
    AppTest itself always reruns the whole script, so the rerun request is built here."""
    from streamlit.testing.v1 import local_script_runner

    fragment_ids = list(at._fragment_storage._fragments)  # the fragments registered by the last run
    assert fragment_ids
    with monkeypatch.context() as patched:
        patched.setattr(local_script_runner, "RerunData", functools.partial(
            local_script_runner.RerunData, fragment_id_queue=fragment_ids, is_fragment_scoped_rerun=True))
        at.run()


def test_a_widget_in_the_fragment_reruns_only_the_fragment(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page=PAGE)
    context_before = at.session_state["_nm_context"]
    runs_before = at.session_state["wi_fragment_runs"]
    at.slider(key="wi_hourly_value").set_value(40.0)
    run_fragments(at, monkeypatch)
    assert at.session_state["wi_fragment_runs"] == runs_before + 1
    assert at.session_state["_nm_context"] is context_before  # app.py and the page body did not run
    hours = EXPECTED_JANUARY["Total"]["hours"]
    assert metric_values(at)["Cost per month"] == money((82 + 78 + hours * 40) / MONTHS)


def test_dropping_a_group(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page=PAGE)
    at.toggle(key=f"wi_{HARBOUR}_drop").set_value(True).run()
    assert metric_values(at)["Revenue per month"] == money(100 / MONTHS)  # only Quiet's sale is left
    assert "Harbour (dropped)" in set(table(at, "Cost / month now")["Group"])
    assert at.query_params["drop"] == "Harbour"


def test_a_saved_scenario_reloads(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page=PAGE)
    at.slider(key="wi_horizon_months").set_value(6).run()
    at.number_input(key=f"wi_{CHAMBER}_dues_per_month").set_value(0.0).run()
    cost = metric_values(at)["Cost per month"]
    at.text_input(key="wi_save_name").input("No chamber dues").run()
    at.button(key="wi_save").click().run()
    assert any("Saved as 'No chamber dues'" in s.value for s in at.success)

    fresh = open_app(hand_path, monkeypatch, JANUARY, page=PAGE)
    assert metric_values(fresh)["Cost per month"] != cost
    fresh.selectbox(key="wi_load_name").set_value("No chamber dues")
    fresh.button(key="wi_load").click().run()
    assert metric_values(fresh)["Cost per month"] == cost
    assert fresh.slider(key="wi_horizon_months").value == 6


def test_a_scenario_url_reopens_it(hand_path, monkeypatch):
    url = {**JANUARY, "set": ["Chamber.dues_per_month=0", "horizon_months=6"], "drop": "Quiet"}
    at = open_app(hand_path, monkeypatch, url, page=PAGE)
    assert at.number_input(key=f"wi_{CHAMBER}_dues_per_month").value == 0
    assert at.slider(key="wi_horizon_months").value == 6
    assert at.toggle(key=f"wi_{QUIET}_drop").value is True
    assert metric_values(at)["Revenue per month"] == money(750 / MONTHS)


def test_bad_url_values_are_ignored_with_a_notice(hand_path, monkeypatch):
    url = {**JANUARY, "set": ["Chamber.dues_per_month=-5", "Ghost.avg_sale_value=3", "horizon_months=abc"],
           "drop": "<b>Nobody</b>", "add": "X:planet"}
    at = open_app(hand_path, monkeypatch, url, page=PAGE)
    notices = [w.value for w in at.warning]
    assert len(notices) == 5 and all(n.startswith("Ignored") for n in notices)
    assert metric_values(at)["Revenue per month"] == money(850 / MONTHS)


def test_an_added_group_shows_its_payback(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, {**JANUARY, "add": "Tech Meetup:lead_group",
                                           "set": "horizon_months=24"}, page=PAGE)
    frame = table(at, "Pays back in month")
    row = frame[frame["Group"] == "Tech Meetup (added)"].iloc[0]
    d = whatif.Drivers(**whatif.TYPICAL["lead_group"])
    g = whatif.Globals(horizon_months=24)
    expected = whatif.payback_month(whatif.monthly_cost(d, g), whatif.monthly_revenue(d, g), d.ramp_up_months, 24)
    assert row["Pays back in month"] == str(expected)


def test_the_page_on_an_empty_database(tmp_path, monkeypatch):
    at = open_app(tmp_path / "e.duckdb", monkeypatch, page=PAGE)
    assert any("No data yet" in i.value for i in at.info)
    assert not at.slider
