"""Fixtures shared by the unit tests (tests/conftest.py holds the hand-built ones)."""

from __future__ import annotations

from datetime import date

import pytest

from netmetrics import demo
from netmetrics.db import Database

DEMO_END = date(2026, 11, 23)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The demo business up to DEMO_END, loaded once for every test that only reads it. A test that
    writes must load its own copy."""
    db = Database(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    demo.load_demo(db, DEMO_END)
    yield db
    db.close()
