"""Workspaces: one DuckDB file each under workspaces/, listed in admin.duckdb; slugs and names checked."""

from __future__ import annotations

import pytest

from netmetrics import share, workspaces
from netmetrics.db import Database
from netmetrics.workspaces import WorkspaceError


@pytest.fixture
def admin(tmp_path):
    db = workspaces.open_admin(tmp_path)
    yield db
    db.close()


def test_create_makes_a_migrated_file_and_a_row(admin, tmp_path):
    made = workspaces.create(admin, tmp_path, "acme", "  Acme \n  Design  ")
    assert (made.slug, made.name, made.file) == ("acme", "Acme Design", "workspaces/acme.duckdb")
    assert made.path(tmp_path) == tmp_path / "workspaces" / "acme.duckdb"
    assert made.path(tmp_path).is_file()
    db = Database(made.path(tmp_path))
    assert db.rows("select count(*) from groups") == [(0,)]  # a workspace schema, empty
    db.close()
    assert (tmp_path / "admin.duckdb").is_file()
    assert [w.slug for w in workspaces.list_workspaces(admin)] == ["acme"]


def test_the_name_defaults_to_the_slug_and_list_is_sorted(admin, tmp_path):
    workspaces.create(admin, tmp_path, "zeta")
    workspaces.create(admin, tmp_path, "alpha-2")
    assert [(w.slug, w.name) for w in workspaces.list_workspaces(admin)] == [("alpha-2", "alpha-2"), ("zeta", "zeta")]


@pytest.mark.parametrize("slug", ["", "Acme", "a b", "a_b", "../x", "x/y", "a" * 41, "acme\n", "é", "acme.duckdb"])
def test_bad_slugs_are_refused_and_nothing_is_made(admin, tmp_path, slug):
    with pytest.raises(WorkspaceError, match="slug"):
        workspaces.create(admin, tmp_path, slug)
    assert workspaces.list_workspaces(admin) == []
    assert not (tmp_path / "workspaces").exists() or not any((tmp_path / "workspaces").iterdir())


def test_a_slug_of_forty_is_fine_and_duplicates_are_refused(admin, tmp_path):
    workspaces.create(admin, tmp_path, "a" * 40)
    with pytest.raises(WorkspaceError, match="exists already"):
        workspaces.create(admin, tmp_path, "a" * 40)


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_bad_names_are_refused(admin, tmp_path, name):
    with pytest.raises(WorkspaceError, match="name"):
        workspaces.create(admin, tmp_path, "acme", name)
    workspaces.create(admin, tmp_path, "acme")
    with pytest.raises(WorkspaceError, match="name"):
        workspaces.rename(admin, "acme", name)


def test_rename_keeps_the_slug_and_the_file(admin, tmp_path):
    made = workspaces.create(admin, tmp_path, "acme")
    renamed = workspaces.rename(admin, "acme", " Acme  Ltd ")
    assert (renamed.id, renamed.slug, renamed.name, renamed.file) == (made.id, "acme", "Acme Ltd", made.file)


def test_unknown_workspaces_are_explained(admin, tmp_path):
    with pytest.raises(WorkspaceError, match="no workspace 'nope'"):
        workspaces.rename(admin, "nope", "x")
    with pytest.raises(WorkspaceError, match="no workspace 'nope'"):
        workspaces.delete(admin, tmp_path, "nope")


def test_delete_removes_the_row_the_file_and_the_links(admin, tmp_path):
    keep = workspaces.create(admin, tmp_path, "keep")
    gone = workspaces.create(admin, tmp_path, "gone")
    share.create_link(admin, "keep", "Coach")
    _, token = share.create_link(admin, "gone", "Coach")
    workspaces.delete(admin, tmp_path, "gone")
    assert [w.slug for w in workspaces.list_workspaces(admin)] == ["keep"]
    assert not gone.path(tmp_path).exists()
    assert keep.path(tmp_path).exists()
    assert [link.workspace_slug for link in share.list_links(admin)] == ["keep"]
    assert share.verify_token(admin, token) is None


def test_a_stray_file_is_never_overwritten(admin, tmp_path):
    (tmp_path / "workspaces").mkdir()
    (tmp_path / "workspaces" / "acme.duckdb").write_bytes(b"not mine")
    with pytest.raises(WorkspaceError, match="not a registered workspace"):
        workspaces.create(admin, tmp_path, "acme")
    assert (tmp_path / "workspaces" / "acme.duckdb").read_bytes() == b"not mine"


def test_the_admin_file_has_no_workspace_data_tables(admin):
    tables = {r[0] for r in admin.rows("select table_name from information_schema.tables")}
    assert {"workspaces", "share_links"} <= tables
    assert not tables & {"groups", "activities", "sales", "referrals"}
