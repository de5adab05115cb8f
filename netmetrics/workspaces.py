"""Workspaces: one DuckDB file per business under DATA_DIR/workspaces/<slug>.duckdb, listed in the admin
file DATA_DIR/admin.duckdb. No Streamlit: the CLI, the app and the tests share this.

A separate file per workspace is the isolation: a query opened on one workspace's file cannot read
another's rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from netmetrics.db import Database

SLUG = re.compile(r"[a-z0-9-]{1,40}")
MAX_NAME = 80
ADMIN_FILE = "admin.duckdb"
FOLDER = "workspaces"


class WorkspaceError(ValueError):
    """A workspace request that cannot be done, explained for people."""


@dataclass(frozen=True)
class Workspace:
    id: int
    slug: str
    name: str
    file: str  # relative to the data directory
    created_at: datetime

    def path(self, data_dir: str | Path) -> Path:
        return Path(data_dir) / self.file


def admin_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / ADMIN_FILE


def open_admin(data_dir: str | Path) -> Database:
    """The admin file, created and migrated on first use."""
    return Database(admin_path(data_dir), kind="admin")


RESERVED = ("default",)  # the main database's name on the sign-in allow-list


def check_slug(slug: str) -> str:
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise WorkspaceError(f"{slug!r} is not a workspace slug: use 1 to 40 lower-case letters, digits or "
                             "hyphens, e.g. design-studio")
    return slug


def check_name(name: str) -> str:
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        raise WorkspaceError("a workspace name cannot be empty")
    if len(cleaned) > MAX_NAME:
        raise WorkspaceError(f"a workspace name has at most {MAX_NAME} characters")
    return cleaned


_COLUMNS = "id, slug, name, file, created_at"


def _workspace(row) -> Workspace:
    return Workspace(*row)


def list_workspaces(admin: Database) -> list[Workspace]:
    return [_workspace(r) for r in admin.rows(f"select {_COLUMNS} from workspaces order by slug")]  # noqa: S608


def get(admin: Database, slug: str) -> Workspace | None:
    rows = admin.rows(f"select {_COLUMNS} from workspaces where slug = ?", [slug])  # noqa: S608
    return _workspace(rows[0]) if rows else None


def by_id(admin: Database, workspace_id: int) -> Workspace | None:
    rows = admin.rows(f"select {_COLUMNS} from workspaces where id = ?", [int(workspace_id)])  # noqa: S608
    return _workspace(rows[0]) if rows else None


def require(admin: Database, slug: str) -> Workspace:
    workspace = get(admin, check_slug(slug))
    if workspace is None:
        raise WorkspaceError(f"there is no workspace {slug!r}; `netmetrics workspace list` shows them")
    return workspace


def create(admin: Database, data_dir: str | Path, slug: str, name: str | None = None) -> Workspace:
    """Register a workspace and create its (empty, migrated) database file."""
    check_slug(slug)
    if slug in RESERVED:
        raise WorkspaceError(f"{slug!r} names the main database on the sign-in allow-list; choose another slug")
    name = check_name(name if name is not None else slug)
    if get(admin, slug) is not None:
        raise WorkspaceError(f"a workspace {slug!r} exists already")
    file = f"{FOLDER}/{slug}.duckdb"
    target = Path(data_dir) / file
    if target.exists():
        raise WorkspaceError(f"{target} exists already but is not a registered workspace; move it away first")
    Database(target).close()  # create and migrate the file before anyone links to it
    with admin.transaction() as cur:
        cur.execute("insert into workspaces (slug, name, file) values (?, ?, ?)", [slug, name, file])
    return require(admin, slug)


def rename(admin: Database, slug: str, name: str) -> Workspace:
    workspace = require(admin, slug)
    with admin.transaction() as cur:
        cur.execute("update workspaces set name = ? where id = ?", [check_name(name), workspace.id])
    return require(admin, slug)


def delete(admin: Database, data_dir: str | Path, slug: str) -> Workspace:
    """Forget the workspace and its share links and delete its database file. Cannot be undone."""
    workspace = require(admin, slug)
    with admin.transaction() as cur:
        cur.execute("delete from share_links where workspace_id = ?", [workspace.id])
        cur.execute("delete from workspaces where id = ?", [workspace.id])
    path = workspace.path(data_dir)
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    return workspace
