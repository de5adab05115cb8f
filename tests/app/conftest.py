"""AppTest helpers: the real app.py against a real DuckDB file named by NETMETRICS_DB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from netmetrics import demo
from netmetrics.db import Database

ROOT = Path(__file__).resolve().parents[2]
ENTRY = str(Path(__file__).resolve().parent / "entry.py")


def open_app(db_path, monkeypatch, query: dict | None = None, page: str | None = None) -> AppTest:
    monkeypatch.setenv("NETMETRICS_DB", str(db_path))
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    if page:
        at.switch_page(str(ROOT / page))
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    """The demo business as of 23 Nov 2026, one file per test module (the pages' numbers are checked
    against the CLI's on it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    db = Database(path)
    demo.load_demo(db, date(2026, 11, 23))
    db.close()
    return path


@pytest.fixture
def hand_path(hand_db):
    path = hand_db.path
    hand_db.close()
    return path
