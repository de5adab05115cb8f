"""The what-if engine: seed 001's funnel, baseline = actual figures, drop, break-even, text forms."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from netmetrics import cli, queries, scenarios, whatif
from netmetrics.metrics import GROUP_TYPES
from netmetrics.periods import Period
from tests.conftest import EXPECTED_JANUARY

JANUARY = (date(2025, 1, 1), date(2025, 1, 31))
MONTHS = 31 / whatif.DAYS_PER_MONTH


def lines_of(db) -> list[whatif.GroupLine]:
    return whatif.baseline(queries.comparison(db, Period(*JANUARY)), *JANUARY)


def test_seed_001_funnel():
    """$500 a month, 50 contacts, 15 conversions (30 %), $70 ticket: $1,050, 210 %, net 110 %."""
    line = whatif.GroupLine("Employee", "other", whatif.Drivers(
        activities_per_month=1, people_met_per_activity=50, sales_per_person_met=0.3, avg_sale_value=70,
        expenses_per_activity=500))
    p = whatif.project(line, whatif.Globals())
    assert p.monthly_revenue == pytest.approx(1050)
    assert p.monthly_cost == pytest.approx(500)
    assert p.return_ratio_pct == pytest.approx(210) and p.net_roi_pct == pytest.approx(110)


def test_a_scenario_equal_to_the_baseline_reproduces_the_period(hand_db):
    lines = lines_of(hand_db)
    result = whatif.run(lines, whatif.Scenario(globals={"hourly_value": 10}))
    assert result.scenario == result.baseline
    for p in result.baseline:
        expected = EXPECTED_JANUARY[p.group]
        assert p.monthly_cost * MONTHS == pytest.approx(expected["cost"])
        assert p.monthly_revenue * MONTHS == pytest.approx(expected["sales_value"])
        assert p.hours_per_month * MONTHS == pytest.approx(expected["hours"])
        if expected["activities"]:  # without activities the revenue is kept as a fixed monthly amount
            assert p.sales_per_month * MONTHS == pytest.approx(expected["sales"])
        if expected["return_ratio_pct"] is None:
            assert p.return_ratio_pct is None
        else:
            assert p.return_ratio_pct == pytest.approx(expected["return_ratio_pct"])
    assert result.baseline_total["monthly_cost"] * MONTHS == pytest.approx(277)
    assert result.baseline_total["return_ratio_pct"] == pytest.approx(850 / 277 * 100)


def test_dropping_a_group_removes_exactly_its_cost_and_revenue(hand_db):
    result = whatif.run(lines_of(hand_db), whatif.Scenario(dropped={"Harbour"}, globals={"hourly_value": 10}))
    harbour = next(p for p in result.baseline if p.group == "Harbour")
    assert result.scenario_total["monthly_cost"] == pytest.approx(
        result.baseline_total["monthly_cost"] - harbour.monthly_cost)
    assert result.scenario_total["monthly_revenue"] == pytest.approx(
        result.baseline_total["monthly_revenue"] - harbour.monthly_revenue)
    assert "Harbour" not in {p.group for p in result.scenario}


def test_changing_a_driver_moves_only_its_group(hand_db):
    scenario = whatif.Scenario(changes={"Harbour": {"activities_per_month": 8}})
    result = whatif.run(lines_of(hand_db), scenario)
    before = {p.group: p for p in result.baseline}
    after = {p.group: p for p in result.scenario}
    assert after["Chamber"] == before["Chamber"]
    assert after["Harbour"].monthly_revenue > before["Harbour"].monthly_revenue
    assert after["Harbour"].sales_per_month == pytest.approx(8 * 1.5 * (2 / 3))


@pytest.mark.parametrize("driver", ["sales_per_referral", "avg_sale_value", "activities_per_month"])
def test_break_even_values_plugged_back_give_100_percent(hand_db, driver):
    g = whatif.Globals(hourly_value=60)
    harbour = next(line for line in lines_of(hand_db) if line.group == "Harbour")
    value = getattr(whatif.break_even(harbour, g), driver)
    assert value is not None and value > 0
    plugged = replace(harbour, drivers=replace(harbour.drivers, **{driver: value}))
    assert whatif.project(plugged, g).return_ratio_pct == pytest.approx(100)


def test_typical_figures_exist_for_every_group_type():
    assert tuple(whatif.TYPICAL) == whatif.GROUP_TYPES == tuple(GROUP_TYPES)


def test_sales_per_activity_is_the_funnel_of_one_activity():
    d = whatif.Drivers(activities_per_month=4, referrals_per_activity=0.5, sales_per_referral=0.4,
                       people_met_per_activity=10, sales_per_person_met=0.01)
    assert d.sales_per_activity() == pytest.approx(0.5 * 0.4 + 10 * 0.01)
    assert d.sales_per_month() == pytest.approx(4 * 0.3)


def test_break_even_is_none_when_unreachable():
    line = whatif.GroupLine("Costly", "event", whatif.Drivers(activities_per_month=2, expenses_per_activity=100,
                                                             dues_per_month=50))
    assert whatif.break_even(line, whatif.Globals()) == whatif.BreakEven(None, None, None)


def test_an_added_group_starts_from_typical_figures_and_pays_back_after_its_ramp_up():
    scenario = whatif.Scenario(added={"Tech Meetup": "lead_group"}, globals={"horizon_months": 36})
    result = whatif.run([], scenario)
    added = result.scenario[0]
    d = whatif.Drivers(**whatif.TYPICAL["lead_group"])
    cost, revenue = whatif.monthly_cost(d, result.globals), whatif.monthly_revenue(d, result.globals)
    assert added.added and added.monthly_cost == pytest.approx(cost)
    month = added.payback_month
    assert month is not None
    assert revenue * (month - d.ramp_up_months) >= cost * month
    assert revenue * (month - 1 - d.ramp_up_months) < cost * (month - 1)


def test_payback_month_boundaries():
    assert whatif.payback_month(100, 100, 0, 12) is None  # never ahead
    assert whatif.payback_month(100, 200, 0, 12) == 1
    assert whatif.payback_month(100, 200, 3, 12) == 6  # 200 x (6 - 3) = 600 = 100 x 6
    assert whatif.payback_month(100, 200, 3, 5) is None  # beyond the horizon


@pytest.mark.parametrize(("text", "expected"), [
    ("BNI Harbour.activities_per_month=5", ("BNI Harbour", "activities_per_month", 5.0)),
    ("Dr. Smith's club.avg_sale_value=1200.5", ("Dr. Smith's club", "avg_sale_value", 1200.5)),
    ("hourly_value=40", (None, "hourly_value", 40.0)),
])
def test_assignments_parse(text, expected):
    assert whatif.parse_assignment(text) == expected


@pytest.mark.parametrize("text", ["BNI.activities_per_month=-1", "BNI.__class__=1", "horizon_months=0",
                                  "BNI.avg_sale_value=nan", "BNI.avg_sale_value=1e99", "x", "hourly_value=abc"])
def test_bad_assignments_are_refused(text):
    with pytest.raises(ValueError):
        whatif.parse_assignment(text)


def test_build_scenario_ignores_bad_values_with_notices():
    scenario, notices = whatif.build_scenario(
        ["A.activities_per_month=3", "Ghost.activities_per_month=3", "A.oops=1", "horizon_months=24"],
        ["B", "Nobody"], ["New one:event", "Bad:planet", "A:chamber"], {"A", "B"})
    assert scenario.changes == {"A": {"activities_per_month": 3.0}}
    assert scenario.dropped == {"B"} and scenario.added == {"New one": "event"}
    assert scenario.globals == {"horizon_months": 24.0}
    assert len(notices) == 5
    again, none = whatif.build_scenario(**{"assignments": whatif.to_text(scenario)["set"],
                                           "dropped": whatif.to_text(scenario)["drop"],
                                           "added": whatif.to_text(scenario)["add"]}, known_groups={"A", "B"})
    assert none == [] and again == scenario


def test_saved_scenarios_round_trip(hand_db):
    scenario = whatif.Scenario(changes={"Harbour": {"avg_sale_value": 999}}, dropped={"Quiet"},
                               globals={"hourly_value": 25})
    scenarios.save(hand_db, "  Less  Quiet ", scenario, *JANUARY)
    assert scenarios.names(hand_db) == ["Less Quiet"]
    loaded, notices = scenarios.load(hand_db, "Less Quiet", {"Harbour", "Chamber", "Quiet"})
    assert notices == [] and loaded.changes == scenario.changes and loaded.dropped == {"Quiet"}
    with pytest.raises(LookupError):
        scenarios.load(hand_db, "missing", set())
    with pytest.raises(ValueError):
        scenarios.save(hand_db, "   ", scenario, *JANUARY)


def test_cli_whatif_json(hand_db, capsys):
    path = str(hand_db.path)
    hand_db.close()
    code = cli.main(["--db", path, "whatif", "--from", "2025-01-01", "--to", "2025-01-31", "--format", "json",
                     "--drop", "Quiet", "--set", "hourly_value=10", "--set", "Chamber.dues_per_month=0"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["from"] == "2025-01-01" and doc["hourly_value"] == 10
    assert {g["group"] for g in doc["baseline"]["groups"]} == {"Harbour", "Chamber", "Quiet"}
    assert {g["group"] for g in doc["scenario"]["groups"]} == {"Harbour", "Chamber"}
    assert doc["baseline"]["total"]["monthly_cost"] * MONTHS == pytest.approx(277, abs=1e-3)
    chamber = next(g for g in doc["scenario"]["groups"] if g["group"] == "Chamber")
    assert chamber["monthly_cost"] * MONTHS == pytest.approx(80 - 16, abs=1e-3)  # dues gone
    assert set(doc["baseline"]["groups"][0]) >= {"group", "monthly_cost", "monthly_revenue", "return_ratio_pct",
                                                "net_roi_pct", "hours_per_month"}
    code = cli.main(["--db", path, "whatif", "--set", "Ghost.avg_sale_value=5"])
    assert code == 1 and "no group 'Ghost'" in capsys.readouterr().err
