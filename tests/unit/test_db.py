"""Migrations, transactions and the write allow-list on a real DuckDB file."""

import pandas as pd
import pytest

from netmetrics.db import Database, DatabaseError, migrations
from tests.conftest import insert, single


def test_an_older_database_opens_in_a_newer_version_without_loss(tmp_path):
    path = tmp_path / "old.duckdb"
    old = Database(path, up_to_version=1)  # as made by a version that only knew migration 001
    insert_sql = "insert into groups (name, type) values ('Old group', 'chamber')"
    with old.transaction() as cur:
        cur.execute(insert_sql)
    assert old.schema_version() == 1
    old.close()

    new = Database(path)
    assert new.schema_version() == migrations()[-1][0] >= 2
    assert new.rows("select name, type from groups") == [("Old group", "chamber")]
    assert new.data_version() == 0  # the settings table arrived with migration 002


def test_reopening_applies_nothing_twice(tmp_path):
    Database(tmp_path / "a.duckdb").close()
    again = Database(tmp_path / "a.duckdb")
    assert again.migrate() == []
    assert again.scalar("select count(*) from schema_migrations") == len(migrations())


def test_a_newer_schema_is_refused_clearly(tmp_path):
    db = Database(tmp_path / "n.duckdb")
    with db.transaction() as cur:
        cur.execute("insert into schema_migrations (version, name) values (999, 'future')")
    db.close()
    with pytest.raises(DatabaseError, match="newer NetMetrics"):
        Database(tmp_path / "n.duckdb")


def test_a_failed_transaction_leaves_nothing(empty_db):
    insert(empty_db, "groups", [{"group_id": 1, "name": "A"}])
    with pytest.raises(Exception, match="constraint|Constraint"), empty_db.transaction() as cur:
        Database.insert_frame(cur, "activities", pd.DataFrame([{"group_id": 1, **single("2025-01-01")}]))
        Database.insert_frame(cur, "activities", pd.DataFrame([{"group_id": 1, **single("2025-01-02"),
                                                                 "event_hours": -1}]))
    assert empty_db.scalar("select count(*) from activities") == 0


def test_insert_refuses_unknown_tables_and_columns(empty_db):
    with empty_db.transaction() as cur, pytest.raises(ValueError, match="not a writable table"):
        Database.insert_frame(cur, "schema_migrations", pd.DataFrame([{"version": 5}]))
    with empty_db.transaction() as cur, pytest.raises(ValueError, match="unknown columns"):
        Database.insert_frame(cur, "groups", pd.DataFrame([{'name"; drop table groups; --': "x"}]))
    assert empty_db.scalar("select count(*) from groups") == 0


def test_missing_values_take_column_defaults(empty_db):
    insert(empty_db, "groups", [{"name": "A"}, {"name": "B", "type": "social", "annual_dues": 12}])
    assert empty_db.rows("select name, type, annual_dues from groups order by name") == [
        ("A", "other", 0.0), ("B", "social", 12.0)]


def test_settings_bump_the_data_version(empty_db):
    before = empty_db.data_version()
    empty_db.set_setting("currency", "€")
    assert empty_db.get_setting("currency") == "€" and empty_db.data_version() == before + 1
