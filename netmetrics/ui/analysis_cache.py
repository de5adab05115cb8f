"""Cached results for the Time, Give & get, Trends and Web traffic pages, keyed like resources.py by
(database file, data version, arguments): every import bumps the version, so no chart is stale.

Pages call the public functions with their Context (and a Period when it is not the context's, as
Context.comparison and roi_view do); the cached functions below them take plain, hashable values.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from netmetrics import give_get, time_use, trends, web_traffic
from netmetrics.periods import Period
from netmetrics.ui.context import Context
from netmetrics.ui.resources import open_database

_CACHE = {"ttl": 3600, "max_entries": 256, "show_spinner": False}


# -- cached queries --------------------------------------------------------------------------------------
@st.cache_data(**_CACHE)
def _hours_by_group(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return time_use.hours_by_group(open_database(path), Period(start, end))


@st.cache_data(**_CACHE)
def _hours_over_time(path: str, version: int, start: date, end: date, grain: str, fy_start_month: int
                     ) -> pd.DataFrame:
    return time_use.hours_over_time(open_database(path), Period(start, end), grain, fy_start_month)


@st.cache_data(**_CACHE)
def _give_get(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return give_get.give_get(open_database(path), Period(start, end))


@st.cache_data(**_CACHE)
def _rolling(path: str, version: int, start: date, end: date, hourly_rate: float) -> pd.DataFrame:
    return trends.rolling(open_database(path), Period(start, end), hourly_rate)


@st.cache_data(**_CACHE)
def _group_shares(path: str, version: int, start: date, end: date, grain: str, fy_start_month: int
                  ) -> pd.DataFrame:
    return trends.group_shares(open_database(path), Period(start, end), grain, fy_start_month)


@st.cache_data(**_CACHE)
def _period_pair(path: str, version: int, a_start: date, a_end: date, b_start: date, b_end: date,
                 hourly_rate: float) -> pd.DataFrame:
    return trends.period_pair(open_database(path), Period(a_start, a_end), Period(b_start, b_end), hourly_rate)


@st.cache_data(**_CACHE)
def _web_span(path: str, version: int) -> tuple[date, date] | None:
    return web_traffic.web_span(open_database(path))


@st.cache_data(**_CACHE)
def _sessions_over_time(path: str, version: int, start: date, end: date, grain: str) -> pd.DataFrame:
    return web_traffic.sessions_over_time(open_database(path), Period(start, end), grain)


@st.cache_data(**_CACHE)
def _web_weekly(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return web_traffic.weekly(open_database(path), Period(start, end))


@st.cache_data(**_CACHE)
def _web_ranges(path: str, version: int, start: date, end: date) -> pd.DataFrame:
    return web_traffic.ranges(open_database(path), Period(start, end))


# -- what the pages call ---------------------------------------------------------------------------------
def hours_by_group(ctx: Context, period: Period | None = None) -> pd.DataFrame:
    p = period or ctx.period
    return _hours_by_group(ctx.db_path, ctx.version, p.start, p.end)


def hours_over_time(ctx: Context) -> pd.DataFrame:
    return _hours_over_time(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end, ctx.grain,
                            ctx.fy_start_month)


def give_get_frame(ctx: Context, period: Period | None = None) -> pd.DataFrame:
    p = period or ctx.period
    return _give_get(ctx.db_path, ctx.version, p.start, p.end)


def rolling(ctx: Context) -> pd.DataFrame:
    return _rolling(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end, ctx.hourly_rate)


def group_shares(ctx: Context) -> pd.DataFrame:
    return _group_shares(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end, ctx.grain, ctx.fy_start_month)


def period_pair(ctx: Context, other: Period) -> pd.DataFrame:
    """The context's period (A) beside `other` (B)."""
    return _period_pair(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end, other.start, other.end,
                        ctx.hourly_rate)


def web_span(ctx: Context) -> tuple[date, date] | None:
    return _web_span(ctx.db_path, ctx.version)


def sessions_over_time(ctx: Context, grain: str) -> pd.DataFrame:
    return _sessions_over_time(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end, grain)


def web_weekly(ctx: Context) -> pd.DataFrame:
    return _web_weekly(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end)


def web_ranges(ctx: Context) -> pd.DataFrame:
    return _web_ranges(ctx.db_path, ctx.version, ctx.period.start, ctx.period.end)
