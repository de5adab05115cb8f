"""The database, opened once per process and file, and cached query results keyed by data version."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import streamlit as st

from netmetrics import demo, queries
from netmetrics.config import settings
from netmetrics.db import Database
from netmetrics.periods import Period
from netmetrics.ui import access


@st.cache_resource(show_spinner=False)
def open_database(path: str) -> Database:
    return Database(path)


_first_start_lock = threading.Lock()


def database() -> Database:
    """The workspace database. The default file gets demo data on its first start only; once the
    owner clears it, it stays empty. A file named by NETMETRICS_DB or --db starts empty. A viewer
    (share link) gets the linked workspace's file and nothing else; an owner, the workspace they picked."""
    chosen = access.current().db_path
    if chosen is not None:
        return open_database(chosen)
    current = settings()
    db = open_database(str(current.db_path))
    if current.is_default_db and db.get_setting("first_start_done") is None:
        with _first_start_lock:
            if db.get_setting("first_start_done") is None:
                if not queries.has_data(db):
                    demo.load_demo(db)
                db.set_setting("first_start_done", "1")
    return db


# Results are cached by (file, data version, arguments): every write bumps the version, so a chart
# never shows figures older than the data. Bounded in size and time.
_CACHE = {"ttl": 3600, "max_entries": 256, "show_spinner": False}


@st.cache_data(**_CACHE)
def comparison(path: str, version: int, start: date, end: date, hourly_rate: float) -> pd.DataFrame:
    return queries.comparison(open_database(path), Period(start, end), hourly_rate)


@st.cache_data(**_CACHE)
def series(path: str, version: int, start: date, end: date, grain: str, fy_start_month: int,
           hourly_rate: float) -> pd.DataFrame:
    return queries.series(open_database(path), Period(start, end), grain, fy_start_month=fy_start_month,
                          hourly_rate=hourly_rate)


@st.cache_data(**_CACHE)
def workspace_facts(path: str, version: int) -> dict:
    """Data span, groups in colour order and settings: small facts every page needs."""
    db = open_database(path)
    span = queries.data_span(db)
    return {
        "span": span,
        "groups": queries.groups(db),
        "currency": db.get_setting("currency", "$"),
        "fy_start_month": int(db.get_setting("fy_start_month", "1")),
        "is_demo": demo.is_demo(db),
        "has_web": queries.has_web(db),
    }
