"""The one door to DuckDB: open, migrate, install views, run bound queries, write in transactions.

This is the only module that imports duckdb. Everything else passes SQL text with `?` placeholders
and values, or a DataFrame to insert into an allow-listed table.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

SQL_LAYERS = ("staging", "marts")  # views and macros, recreated on every open, in this order
# Which migrations a file takes: a workspace (its data) or the admin file (workspaces and share links).
SCHEMAS = {"workspace": "schema", "admin": "admin"}

# Identifiers that may be written to. Column names are checked against the live table too.
WRITABLE_TABLES = frozenset({"groups", "imports", "activities", "referrals", "sales", "web_visits", "settings",
                             "notes"})
FACT_TABLES = ("activities", "referrals", "sales", "web_visits")


def utcnow() -> datetime:
    """Now as the files store times: UTC, without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)


class DatabaseError(Exception):
    """A database problem explained for people (locked file, newer schema, ...)."""


def _sql_files(layer: str) -> list[tuple[str, str]]:
    folder = resources.files("netmetrics.sql").joinpath(layer)
    files = sorted((f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".sql"))
    return files


def migrations(kind: str = "workspace") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every file in sql/schema (or sql/admin for the admin file), named NNN_name.sql."""
    return [(int(name[:3]), name, sql) for name, sql in _sql_files(SCHEMAS[kind])]


class Database:
    """One DuckDB connection per process and file; a fresh cursor for every use.

    A DuckDB connection is not thread-safe, but cursors made from it are independent, so each
    Streamlit session thread takes its own cursor. Writes are serialised by a lock.
    """

    def __init__(self, path: str | Path, *, up_to_version: int | None = None, kind: str = "workspace"):
        if kind not in SCHEMAS:
            raise ValueError(f"unknown database kind: {kind!r}")
        self.path = Path(path)
        self.kind = kind
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(self.path))
        except duckdb.IOException as exc:
            raise DatabaseError(
                f"The database {self.path} cannot be opened: {exc}. If another NetMetrics process "
                "(a running dashboard) has it open, stop that process or use another file with --db."
            ) from exc
        self._write_lock = threading.Lock()
        self.migrate(up_to_version)
        if up_to_version is None and kind == "workspace":
            self.install_views()

    # -- schema --------------------------------------------------------------------------------
    def schema_version(self) -> int:
        cur = self._con.cursor()
        cur.execute("create table if not exists schema_migrations (version integer primary key, "
                    "name varchar not null, applied_at timestamp default current_timestamp)")
        return cur.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()[0]

    def migrate(self, up_to_version: int | None = None) -> list[str]:
        """Apply the schema files newer than the database, each in its own transaction."""
        current = self.schema_version()
        known = migrations(self.kind)
        if known and current > known[-1][0]:
            raise DatabaseError(
                f"The database {self.path} was made by a newer NetMetrics (schema {current}); "
                "upgrade NetMetrics to open it."
            )
        applied = []
        for version, name, sql in known:
            if version <= current or (up_to_version is not None and version > up_to_version):
                continue
            with self.transaction() as cur:
                cur.execute(sql)
                cur.execute("insert into schema_migrations (version, name) values (?, ?)", [version, name])
            applied.append(name)
        return applied

    def install_views(self) -> None:
        """(Re)create the staging and mart views and macros; they hold no data."""
        with self.transaction() as cur:
            for layer in SQL_LAYERS:
                for _name, sql in _sql_files(layer):
                    cur.execute(sql)

    # -- reading -------------------------------------------------------------------------------
    def cursor(self):
        return self._con.cursor()

    def df(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or []).fetchall()
        finally:
            cur.close()

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    # -- writing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """All-or-nothing: commit when the block ends, roll back on any exception."""
        with self._write_lock:
            cur = self._con.cursor()
            cur.execute("begin transaction")
            try:
                yield cur
            except BaseException:
                cur.execute("rollback")
                raise
            else:
                cur.execute("commit")
            finally:
                cur.close()

    @staticmethod
    def insert_frame(cur, table: str, frame: pd.DataFrame) -> int:
        """Insert a DataFrame into an allow-listed table by column name; returns rows inserted."""
        if table not in WRITABLE_TABLES:
            raise ValueError(f"not a writable table: {table!r}")
        if frame.empty:
            return 0
        defaults = dict(cur.execute(
            "select column_name, column_default from information_schema.columns where table_name = ?",
            [table]).fetchall())
        unknown = [c for c in frame.columns if c not in defaults]
        if unknown:
            raise ValueError(f"unknown columns for {table}: {unknown}")
        # Names are checked against the live table above; a missing value takes the column's default.
        targets = ", ".join(f'"{c}"' for c in frame.columns)
        values = ", ".join(f'coalesce("{c}", {defaults[c]})' if defaults[c] else f'"{c}"' for c in frame.columns)
        cur.register("_incoming", frame)
        cur.execute(f"insert into {table} ({targets}) select {values} from _incoming")  # noqa: S608
        cur.unregister("_incoming")  # on error the transaction's cursor is closed, which drops it too
        return len(frame)

    @staticmethod
    def bump_data_version(cur) -> None:
        """Every write that changes figures bumps this, so cached charts are never stale."""
        cur.execute("update settings set value = cast(cast(value as bigint) + 1 as varchar) "
                    "where key = 'data_version'")

    def data_version(self) -> int:
        return int(self.scalar("select value from settings where key = 'data_version'") or 0)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("select value from settings where key = ?", [key])
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        """Store a workspace setting; settings change what pages show, so the data version moves too."""
        with self.transaction() as cur:
            cur.execute("insert or replace into settings values (?, ?)", [key, value])
            self.bump_data_version(cur)

    def snapshot_bytes(self) -> bytes:
        """The whole file as one consistent copy: writes wait while the write-ahead log is folded into the
        file (CHECKPOINT) and the file is read, so the copy opens on its own with every committed row."""
        with self._write_lock:
            cur = self._con.cursor()
            try:
                cur.execute("checkpoint")
            finally:
                cur.close()
            return self.path.read_bytes()

    def close(self) -> None:
        self._con.close()
