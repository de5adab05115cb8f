"""The shared sidebar: period presets, custom range, grain, hourly value, workspace settings.

The selection lives in st.query_params (plain, validated strings) so a copied URL reopens the view:
?preset=custom&from=2025-01-01&to=2025-06-30&grain=month&rate=40
"""

from __future__ import annotations

import calendar
from datetime import date

import streamlit as st

from netmetrics.periods import GRAINS, PRESETS, Period, parse_date, preset_period
from netmetrics.ui import access
from netmetrics.ui.text import plain

DEFAULT_PRESET = "last_12_months"
DEFAULT_GRAIN = "month"
MAX_RATE = 10_000.0
URL_KEYS = ("preset", "from", "to", "grain", "rate", "margin")


def _rate(text: str | None) -> float:
    try:
        value = float(text) if text else 0.0
    except ValueError:
        return 0.0
    return value if 0 <= value <= MAX_RATE else 0.0


def _margin(text: str | None) -> float:
    try:
        value = float(text) if text else 100.0
    except ValueError:
        return 100.0
    return value if 0 < value <= 100 else 100.0


def _init_from_url(today: date, span) -> None:
    """Take each part of the view from the URL the first time a session needs it (a page may have set
    some already, like the Import page does after an import); anything invalid falls back quietly."""
    params, state = st.query_params, st.session_state
    if "nm_preset" not in state:
        preset = params.get("preset", DEFAULT_PRESET)
        state.nm_preset = preset if preset in PRESETS else DEFAULT_PRESET
    if "nm_grain" not in state:
        grain = params.get("grain", DEFAULT_GRAIN)
        state.nm_grain = grain if grain in GRAINS else DEFAULT_GRAIN
    if "nm_rate" not in state:
        state.nm_rate = _rate(params.get("rate"))
    if "nm_margin" not in state:
        state.nm_margin = _margin(params.get("margin"))
    if "nm_range" not in state:
        start, end = parse_date(params.get("from")), parse_date(params.get("to"))
        if not (start and end and start <= end):
            fallback = preset_period(DEFAULT_PRESET, today, data_start=span and span[0],
                                     data_end=span and span[1])
            start, end = fallback.start, fallback.end
        state.nm_range = (start, end)


def show(today: date, span: tuple[date, date] | None, fy_start_month: int) -> tuple[Period, str, float, float]:
    """Draw the period filter; return (period, grain, hourly value, gross margin %) and mirror them in
    the URL."""
    _init_from_url(today, span)
    sidebar = st.sidebar
    sidebar.header("Period")
    preset = sidebar.selectbox("Show", list(PRESETS), format_func=PRESETS.get, key="nm_preset")
    if preset == "custom":
        chosen = sidebar.date_input("From – to", key="nm_range", format="YYYY-MM-DD")
        start, end = (chosen[0], chosen[-1]) if chosen else st.session_state.nm_range
        period = Period(start, end, "custom")
    else:
        period = preset_period(preset, today, fy_start_month=fy_start_month,
                               data_start=span and span[0], data_end=span and span[1])
    sidebar.caption(f"{period.label} · compared with {period.previous().label}")
    grain = sidebar.segmented_control("Grain", GRAINS, key="nm_grain", format_func=str.capitalize) or "month"
    rate = sidebar.number_input("Value of an hour of your time", min_value=0.0, max_value=MAX_RATE,
                                step=5.0, key="nm_rate",
                                help="Counted as cost for every networking hour. 0 = money only.")
    margin = sidebar.number_input("Gross margin on sales (%)", min_value=1.0, max_value=100.0, step=5.0,
                                  key="nm_margin",
                                  help="ROI pages can count profit instead of sales: revenue × margin. "
                                       "100 % = count sales as they are.")
    params = {"preset": preset, "grain": grain}
    if preset == "custom":
        params |= {"from": period.start.isoformat(), "to": period.end.isoformat()}
    if rate:
        params["rate"] = f"{rate:g}"
    if margin != 100:
        params["margin"] = f"{margin:g}"
    _mirror_in_url(params)
    return period, grain, float(rate), float(margin)


def _mirror_in_url(params: dict[str, str]) -> None:
    """Write the sidebar's keys to the URL, leaving keys of pages (group, what-if) alone."""
    for key in URL_KEYS:
        if key not in params:
            st.query_params.pop(key, None)
        elif st.query_params.get(key) != params[key]:
            st.query_params[key] = params[key]


def viewer_note(workspace: str | None, label: str | None) -> None:
    """Tell a share-link viewer what they are looking at (names shown as plain text)."""
    st.sidebar.info(f"Read-only view of {plain(workspace or 'a workspace')}, shared as {plain(label or 'a link')}.",
                    icon=":material/visibility:")


def settings_editor(db) -> None:
    """Workspace settings: fiscal-year start and currency symbol. Owners only: a viewer's run stops here."""
    access.require_edit()
    with st.sidebar.expander("Workspace settings"):
        months = list(range(1, 13))
        fy = int(db.get_setting("fy_start_month", "1"))
        new_fy = st.selectbox("Fiscal year starts in", months, index=fy - 1,
                              format_func=lambda m: calendar.month_name[m], key="nm_fy")
        currency = db.get_setting("currency", "$")
        new_currency = st.text_input("Currency symbol", value=currency, max_chars=4, key="nm_currency").strip()
        if new_fy != fy:
            db.set_setting("fy_start_month", str(new_fy))
        if new_currency and new_currency != currency:
            db.set_setting("currency", new_currency)
