"""`netmetrics workspace ...` and `netmetrics share ...` over a real data directory."""

from __future__ import annotations

import hashlib
import re

import pytest

from netmetrics import cli, share, workspaces
from netmetrics.db import Database


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_workspace_create_list_rename_delete(tmp_path, capsys):
    d = str(tmp_path)
    code, out, _ = run(capsys, "--data-dir", d, "workspace", "create", "acme", "--name", "Acme Design", "--demo")
    assert code == 0 and "Created workspace acme (Acme Design)" in out
    db = Database(tmp_path / "workspaces" / "acme.duckdb")
    assert db.scalar("select count(*) from groups") > 0  # --demo filled it
    db.close()
    assert run(capsys, "--data-dir", d, "workspace", "create", "beta")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "workspace", "list")
    assert code == 0 and "acme" in out and "Acme Design" in out and "workspaces/beta.duckdb" in out
    code, out, _ = run(capsys, "--data-dir", d, "workspace", "rename", "beta", "Beta Bakery")
    assert code == 0 and "Beta Bakery" in out
    code, _, err = run(capsys, "--data-dir", d, "workspace", "delete", "beta")
    assert code == 1 and "--yes" in err and (tmp_path / "workspaces" / "beta.duckdb").exists()
    code, out, _ = run(capsys, "--data-dir", d, "workspace", "delete", "beta", "--yes")
    assert code == 0 and not (tmp_path / "workspaces" / "beta.duckdb").exists()
    out = run(capsys, "--data-dir", d, "workspace", "list")[1]
    assert "beta" not in out and "acme" in out


def test_the_data_dir_comes_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NETMETRICS_DATA_DIR", str(tmp_path / "env"))
    assert run(capsys, "workspace", "create", "acme")[0] == 0
    assert (tmp_path / "env" / "admin.duckdb").is_file()
    assert (tmp_path / "env" / "workspaces" / "acme.duckdb").is_file()
    assert "No workspaces" in run(capsys, "--data-dir", str(tmp_path / "other"), "workspace", "list")[1]


@pytest.mark.parametrize("argv, message", [
    (["workspace", "create", "Not OK"], "not a workspace slug"),
    (["workspace", "rename", "nope", "X"], "no workspace 'nope'"),
    (["share", "create", "--workspace", "nope", "--label", "x"], "no workspace 'nope'"),
    (["share", "revoke", "99"], "no share link 99"),
    (["share", "create", "--workspace", "acme", "--label", "x", "--expires-days", "0"], "expires-days"),
])
def test_mistakes_are_explained_with_exit_1(tmp_path, capsys, argv, message):
    assert run(capsys, "--data-dir", str(tmp_path), "workspace", "create", "acme")[0] == 0
    code, _, err = run(capsys, "--data-dir", str(tmp_path), *argv)
    assert code == 1 and message in err and "Traceback" not in err


def test_share_create_prints_the_link_once_and_stores_only_its_hash(tmp_path, capsys):
    d = str(tmp_path)
    run(capsys, "--data-dir", d, "workspace", "create", "acme")
    code, out, _ = run(capsys, "--data-dir", d, "share", "create", "--workspace", "acme", "--label", "Coach Anna",
                       "--expires-days", "30", "--comments")
    assert code == 0
    token = re.search(r"^/\?share=([A-Za-z0-9_-]+)$", out, re.MULTILINE).group(1)
    assert len(token) >= 43
    admin = workspaces.open_admin(tmp_path)
    try:
        assert admin.rows("select token_sha256 from share_links") == [(hashlib.sha256(token.encode()).hexdigest(),)]
        assert share.verify_token(admin, token).workspace_slug == "acme"
    finally:
        admin.close()
    code, out, _ = run(capsys, "--data-dir", d, "share", "list")
    assert code == 0 and "Coach Anna" in out and "live until" in out and token not in out
    code, out, _ = run(capsys, "--data-dir", d, "share", "revoke", "1")
    assert code == 0 and "revoked" in out
    assert "revoked" in run(capsys, "--data-dir", d, "share", "list")[1]
    admin = workspaces.open_admin(tmp_path)
    try:
        assert share.verify_token(admin, token) is None
    finally:
        admin.close()


def test_an_email_link_says_who_must_sign_in(tmp_path, capsys):
    run(capsys, "--data-dir", str(tmp_path), "workspace", "create", "acme")
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "share", "create", "--workspace", "acme", "--label",
                       "Anna", "--email", "Anna@Example.com")
    assert code == 0 and "It opens only for anna@example.com signed in" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "share", "list")
    assert "anna@example.com" in out


def test_default_is_not_a_workspace_slug(tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "workspace", "create", "default")
    assert code != 0 and "names the main database" in err


def test_existing_commands_still_use_the_db_option(hand_db, capsys):
    path = str(hand_db.path)
    hand_db.close()
    code, out, _ = run(capsys, "--db", path, "summary", "--from", "2025-01-01", "--to", "2025-01-31")
    assert code == 0 and "Harbour" in out
