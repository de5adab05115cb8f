"""Cached results for the Time, Give & get, Trends and Web traffic pages, keyed like resources.py by
(database file, data version, arguments): every import bumps the version, so no chart is stale."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from netmetrics import give_get, time_use, trends, web_traffic
from netmetrics.periods import Period
from netmetrics.ui.resources import open_database

_CACHE = {"ttl": 3600, "max_entries": 256, "show_spinner": False}


@st.cache_data(**_CACHE)
def hours_by_group(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return time_use.hours_by_group(open_database(path), Period(start, end))


@st.cache_data(**_CACHE)
def hours_over_time(path: str, version: int, start: date, end: date, grain: str, fy_start_month: int) -> pd.DataFrame:
    return time_use.hours_over_time(open_database(path), Period(start, end), grain, fy_start_month)


@st.cache_data(**_CACHE)
def give_get_frame(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return give_get.give_get(open_database(path), Period(start, end))


@st.cache_data(**_CACHE)
def rolling(path: str, version: int, start: date, end: date, hourly_rate: float) -> pd.DataFrame:
    return trends.rolling(open_database(path), Period(start, end), hourly_rate)


@st.cache_data(**_CACHE)
def group_shares(path: str, version: int, start: date, end: date, grain: str, fy_start_month: int) -> pd.DataFrame:
    return trends.group_shares(open_database(path), Period(start, end), grain, fy_start_month)


@st.cache_data(**_CACHE)
def period_pair(path: str, version: int, a_start: date, a_end: date, b_start: date, b_end: date,
                hourly_rate: float) -> pd.DataFrame:
    return trends.period_pair(open_database(path), Period(a_start, a_end), Period(b_start, b_end), hourly_rate)


@st.cache_data(**_CACHE)
def web_span(path: str, version: int) -> tuple[date, date] | None:
    return web_traffic.web_span(open_database(path))


@st.cache_data(**_CACHE)
def sessions_over_time(path: str, version: int, start: date, end: date, grain: str) -> pd.DataFrame:
    return web_traffic.sessions_over_time(open_database(path), Period(start, end), grain)


@st.cache_data(**_CACHE)
def web_weekly(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return web_traffic.weekly(open_database(path), Period(start, end))


@st.cache_data(**_CACHE)
def web_ranges(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return web_traffic.ranges(open_database(path), Period(start, end))
