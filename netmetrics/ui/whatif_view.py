"""The What-if page's parts: the scenario widgets (inside a fragment, so a slider reruns only the
scenario), the URL form of the scenario, saving and comparing scenarios."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from netmetrics import scenarios, whatif
from netmetrics.charts import whatif as whatif_charts
from netmetrics.metrics import format_value
from netmetrics.ui import access
from netmetrics.ui.context import Context
from netmetrics.ui.resources import database

STATE = "wi_scenario"  # the current scenario as text: {"set": [...], "drop": [...], "add": [...]}
PENDING = "wi_pending"  # a scenario to load into the widgets on the next full run
URL_KEYS = ("set", "drop", "add")


def _key(index: int, driver: str) -> str:
    return f"wi_{index}_{driver}"


def load_from_url_once(known: set[str]) -> None:
    """On a session's first visit, take a scenario from the URL; invalid values become notices."""
    if STATE in st.session_state:
        return
    text = {k: st.query_params.get_all(k) for k in URL_KEYS}
    scenario, notices = whatif.build_scenario(text["set"], text["drop"], text["add"], known)
    st.session_state[PENDING] = scenario
    st.session_state[STATE] = whatif.to_text(scenario)
    st.session_state["wi_notices"] = notices


def apply_pending(lines: list[whatif.GroupLine], ctx: Context) -> None:
    """Put a loaded scenario (URL or saved) into the widgets before they are drawn."""
    scenario: whatif.Scenario | None = st.session_state.pop(PENDING, None)
    if scenario is None:
        return
    st.session_state["wi_added"] = dict(scenario.added)
    st.session_state["wi_hourly_value"] = scenario.globals.get("hourly_value", ctx.hourly_rate)
    st.session_state["wi_gross_margin_pct"] = scenario.globals.get("gross_margin_pct", ctx.gross_margin_pct)
    st.session_state["wi_horizon_months"] = int(scenario.globals.get("horizon_months", 12))
    for index, line in enumerate(_all_lines(lines)):
        st.session_state[f"wi_{index}_drop"] = line.group in scenario.dropped
        changes = scenario.changes.get(line.group, {})
        for driver in whatif.GROUP_DRIVERS:
            st.session_state[_key(index, driver)] = float(changes.get(driver, getattr(line.drivers, driver)))


def _all_lines(lines: list[whatif.GroupLine]) -> list[whatif.GroupLine]:
    added = st.session_state.get("wi_added", {})
    return whatif.apply(lines, whatif.Scenario(added=added))


def _globals_widgets(ctx: Context) -> None:
    st.session_state.setdefault("wi_hourly_value", float(ctx.hourly_rate))
    st.session_state.setdefault("wi_gross_margin_pct", float(ctx.gross_margin_pct))
    st.session_state.setdefault("wi_horizon_months", 12)
    left, middle, right = st.columns(3)
    left.slider(f"Value of an hour ({ctx.currency})", 0.0, 300.0, step=5.0, key="wi_hourly_value")
    middle.slider("Gross margin on sales (%)", 1.0, 100.0, step=1.0, key="wi_gross_margin_pct")
    right.slider("Horizon (months)", 1, 60, key="wi_horizon_months")


def _group_widgets(index: int, line: whatif.GroupLine, ctx: Context) -> None:
    label = f"{line.group} (added)" if line.added else line.group
    with st.expander(label, expanded=False):
        st.toggle("Drop this group", key=f"wi_{index}_drop")
        columns = st.columns(3)
        for i, (driver, text) in enumerate(whatif.GROUP_DRIVERS.items()):
            key = _key(index, driver)
            st.session_state.setdefault(key, float(getattr(line.drivers, driver)))
            money = driver in ("expenses_per_activity", "dues_per_month", "avg_sale_value")
            columns[i % 3].number_input(f"{text}{f' ({ctx.currency})' if money else ''}", min_value=0.0,
                                        max_value=float(whatif.LIMITS.get(driver, (0, whatif.MAX_VALUE))[1]),
                                        step=0.1 if not money else 10.0, format="%.2f", key=key)


def _scenario_from_widgets(lines: list[whatif.GroupLine]) -> whatif.Scenario:
    scenario = whatif.Scenario(added=dict(st.session_state.get("wi_added", {})))
    scenario.globals = {"hourly_value": st.session_state.wi_hourly_value,
                        "gross_margin_pct": st.session_state.wi_gross_margin_pct,
                        "horizon_months": float(st.session_state.wi_horizon_months)}
    for index, line in enumerate(_all_lines(lines)):
        if st.session_state.get(f"wi_{index}_drop"):
            scenario.dropped.add(line.group)
        changes = {d: float(st.session_state[_key(index, d)]) for d in whatif.GROUP_DRIVERS
                   if not _same(st.session_state.get(_key(index, d)), getattr(line.drivers, d))}
        if changes:
            scenario.changes[line.group] = changes
    return scenario


def _same(a, b) -> bool:
    return a is None or abs(float(a) - float(b)) < 5e-3  # number inputs show two decimals


def _add_group_form(known: set[str]) -> None:
    with st.popover("Add a hypothetical group", icon=":material/add:"):
        name = st.text_input("Name", key="wi_new_name", max_chars=60).strip()
        group_type = st.selectbox("Type", whatif.GROUP_TYPES, key="wi_new_type",
                                  help="It starts from the type's typical figures; change them afterwards.")
        if st.button("Add", key="wi_add"):
            if not name or name in known or name in st.session_state.get("wi_added", {}):
                st.warning("Give the new group a name no other group has.")
            else:
                st.session_state.setdefault("wi_added", {})[name] = group_type
                st.rerun(scope="fragment")


def _results(result: whatif.Result, ctx: Context) -> None:
    base, then = result.baseline_total, result.scenario_total
    cards = st.columns(4)
    for column, field, unit, label in ((cards[0], "monthly_cost", "money", "Cost per month"),
                                       (cards[1], "monthly_revenue", "money", "Revenue per month"),
                                       (cards[2], "return_ratio_pct", "percent", "Return ratio"),
                                       (cards[3], "hours_per_month", "hours", "Hours per month")):
        delta = None
        if then[field] is not None and base[field] is not None and abs(then[field] - base[field]) > 0.005:
            delta = format_value(then[field] - base[field], unit, ctx.currency)
            delta = delta if delta.startswith("-") else f"+{delta}"
        column.metric(label, format_value(then[field], unit, ctx.currency), delta=delta, border=True,
                      delta_color="inverse" if field in ("monthly_cost", "hours_per_month") else "normal")
    hours = then["hours_per_month"] - base["hours_per_month"]
    st.markdown(f"Over {result.globals.horizon_months:g} months: cost "
                f"{format_value(then['horizon_cost'], 'money', ctx.currency)}, revenue "
                f"{format_value(then['horizon_revenue'], 'money', ctx.currency)}; "
                f"{abs(hours):.1f} hours a month {'freed' if hours < 0 else 'added'}.")
    st.plotly_chart(whatif_charts.baseline_vs_scenario(result, ctx.colors, ctx.currency), key="wi_chart")
    st.dataframe(comparison_frame(result, ctx.currency), hide_index=True, width="stretch", key="wi_table")
    st.subheader("Break-even")
    st.caption("The value of one driver at which a group's revenue exactly covers its cost (return ratio 100 %), "
               "the others unchanged. A dash: no value of that driver alone gets there.")
    st.dataframe(break_even_frame(result, ctx.currency), hide_index=True, width="stretch", key="wi_break_even")


def comparison_frame(result: whatif.Result, currency: str) -> pd.DataFrame:
    base = {p.group: p for p in result.baseline}
    rows = []
    for p in result.scenario:
        b = base.get(p.group)
        rows.append({"Group": p.group + (" (added)" if p.added else ""),
                     "Cost / month now": format_value(b.monthly_cost if b else None, "money", currency),
                     "Cost / month then": format_value(p.monthly_cost, "money", currency),
                     "Revenue / month now": format_value(b.monthly_revenue if b else None, "money", currency),
                     "Revenue / month then": format_value(p.monthly_revenue, "money", currency),
                     "Return ratio now": format_value(b.return_ratio_pct if b else None, "percent"),
                     "Return ratio then": format_value(p.return_ratio_pct, "percent"),
                     "Net ROI then": format_value(p.net_roi_pct, "percent"),
                     "Pays back in month": (str(p.payback_month) if p.payback_month else "not within horizon")
                     if p.added else ""})
    for name in base.keys() - {p.group for p in result.scenario}:
        b = base[name]
        rows.append({"Group": f"{name} (dropped)",
                     "Cost / month now": format_value(b.monthly_cost, "money", currency),
                     "Cost / month then": format_value(0, "money", currency),
                     "Revenue / month now": format_value(b.monthly_revenue, "money", currency),
                     "Revenue / month then": format_value(0, "money", currency),
                     "Return ratio now": format_value(b.return_ratio_pct, "percent"),
                     "Return ratio then": "–", "Net ROI then": "–", "Pays back in month": ""})
    return pd.DataFrame(rows)


def break_even_frame(result: whatif.Result, currency: str) -> pd.DataFrame:
    return pd.DataFrame([{"Group": group,
                          "Sales per referral": format_value(b.sales_per_referral, "ratio"),
                          "Average sale value": format_value(b.avg_sale_value, "money", currency),
                          "Activities per month": format_value(b.activities_per_month, "ratio")}
                         for group, b in result.break_even.items()])


def _mirror_in_url(scenario: whatif.Scenario) -> None:
    text = whatif.to_text(scenario)
    st.session_state[STATE] = text
    for key in URL_KEYS:
        if text[key]:
            st.query_params[key] = text[key]
        else:
            st.query_params.pop(key, None)


@st.fragment
def scenario_editor(lines: list[whatif.GroupLine], ctx: Context) -> None:
    """Everything that moves with a slider; reruns alone when a widget inside changes."""
    access.recheck()  # a fragment rerun skips app.py: a revoked link must still stop here
    st.session_state["wi_fragment_runs"] = st.session_state.get("wi_fragment_runs", 0) + 1
    _globals_widgets(ctx)
    known = {line.group for line in lines}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.markdown("**Change the drivers of each group** (they start at the period's actual monthly rates)")
    with right:
        _add_group_form(known)
    for index, line in enumerate(_all_lines(lines)):
        _group_widgets(index, line, ctx)
    scenario = _scenario_from_widgets(lines)
    _mirror_in_url(scenario)
    result = whatif.run(lines, scenario)
    _results(result, ctx)
    _save_controls(scenario, ctx)


def _save_controls(scenario: whatif.Scenario, ctx: Context) -> None:
    if not ctx.can_edit:
        st.caption("A shared view: move the sliders freely; scenarios are not saved.")
        return
    name = st.text_input("Save this scenario as", key="wi_save_name", max_chars=scenarios.MAX_NAME)
    if st.button("Save scenario", key="wi_save"):
        access.require_edit()
        try:
            scenarios.save(database(), name, scenario, ctx.period.start, ctx.period.end)
        except ValueError as exc:
            st.warning(str(exc))
        else:
            st.success(f"Saved as '{' '.join(name.split())}'.")


def saved_scenarios(lines: list[whatif.GroupLine], ctx: Context) -> None:
    """Reload a saved scenario, or compare two or three side by side."""
    db = database()
    names = scenarios.names(db)
    if not names:
        st.caption("No saved scenarios yet.")
        return
    left, right = st.columns(2)
    with left:
        chosen = st.selectbox("Saved scenario", names, key="wi_load_name")
        if st.button("Load", key="wi_load"):
            scenario, notices = scenarios.load(db, chosen, {line.group for line in lines})
            st.session_state[PENDING] = scenario
            st.session_state["wi_notices"] = notices
            st.rerun()
    with right:
        picked = st.multiselect("Compare", names, max_selections=3, key="wi_compare")
    if len(picked) >= 2:
        known = {line.group for line in lines}
        columns = {}
        for name in picked:
            scenario, _ = scenarios.load(db, name, known)
            totals = whatif.run(lines, scenario).scenario_total
            columns[name] = [format_value(totals["monthly_cost"], "money", ctx.currency),
                             format_value(totals["monthly_revenue"], "money", ctx.currency),
                             format_value(totals["return_ratio_pct"], "percent"),
                             format_value(totals["net_roi_pct"], "percent"),
                             format_value(totals["hours_per_month"], "hours")]
        frame = pd.DataFrame(columns, index=["Cost per month", "Revenue per month", "Return ratio", "Net ROI",
                                             "Hours per month"])
        st.dataframe(frame, width="stretch", key="wi_compare_table")
