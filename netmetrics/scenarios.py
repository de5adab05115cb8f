"""Saved what-if scenarios: plain text values in the `scenarios` table, validated again on load."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from netmetrics import whatif
from netmetrics.db import Database

MAX_NAME = 80


def save(db: Database, name: str, scenario: whatif.Scenario, start: date, end: date) -> None:
    """Save (or overwrite) a scenario under a name."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"Give the scenario a name of 1 to {MAX_NAME} characters.")
    payload = json.dumps(whatif.to_text(scenario), ensure_ascii=False)
    with db.transaction() as cur:
        cur.execute("delete from scenarios where name = ?", [name])
        cur.execute("insert into scenarios (name, period_from, period_to, payload) values (?, ?, ?, ?)",
                    [name, start, end, payload])


def names(db: Database) -> list[str]:
    return [row[0] for row in db.rows("select name from scenarios order by saved_at desc, name")]


def listing(db: Database) -> pd.DataFrame:
    return db.df("select name, period_from, period_to, saved_at from scenarios order by saved_at desc")


def load(db: Database, name: str, known_groups: set[str]) -> tuple[whatif.Scenario, list[str]]:
    """The saved scenario rebuilt from its text values; values that no longer fit become notices."""
    row = db.rows("select payload from scenarios where name = ?", [name])
    if not row:
        raise LookupError(f"There is no saved scenario called '{name}'.")
    payload = json.loads(row[0][0])
    return whatif.build_scenario(payload.get("set", []), payload.get("drop", []), payload.get("add", []),
                                 known_groups, name=name)


def delete(db: Database, name: str) -> None:
    with db.transaction() as cur:
        cur.execute("delete from scenarios where name = ?", [name])
