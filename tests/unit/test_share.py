"""Share links: random tokens stored only as SHA-256, expiry, revocation, last use."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import pytest

from netmetrics import share, workspaces

NOW = datetime(2025, 3, 1, 12, 0, 0)


@pytest.fixture
def admin(tmp_path):
    db = workspaces.open_admin(tmp_path)
    workspaces.create(db, tmp_path, "acme", "Acme")
    workspaces.create(db, tmp_path, "beta", "Beta")
    yield db
    db.close()


def test_tokens_are_long_random_and_url_safe(admin):
    tokens = {share.create_link(admin, "acme", f"Coach {i}")[1] for i in range(20)}
    assert len(tokens) == 20
    for token in tokens:
        assert len(token) >= 43  # 32 bytes of token_urlsafe: 256 bits, well over 128
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert share.share_path("abc") == "/?share=abc"


def test_only_the_hash_is_stored(admin, tmp_path):
    link_id, token = share.create_link(admin, "acme", "Coach Anna")
    stored = admin.rows("select token_sha256 from share_links where id = ?", [link_id])[0][0]
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    every_value = " ".join(str(v) for row in admin.rows("select * from share_links") for v in row)
    assert token not in every_value
    admin.close()  # flush to disk, then look at the raw bytes of the file and its log
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("admin.duckdb*"))
    assert token.encode() not in raw


def test_a_valid_token_opens_its_workspace_and_records_the_use(admin):
    link_id, token = share.create_link(admin, "beta", "Coach Anna", now=NOW)
    assert share.get_link(admin, link_id).last_used_at is None
    link = share.verify_token(admin, token, NOW + timedelta(hours=1))
    assert (link.id, link.workspace_slug, link.label) == (link_id, "beta", "Coach Anna")
    assert link.last_used_at == NOW + timedelta(hours=1)
    assert share.get_link(admin, link_id).last_used_at == NOW + timedelta(hours=1)


@pytest.mark.parametrize("token", [None, "", "x", "not a token at all!", "A" * 43, "A" * 500, 42, "é" * 43])
def test_unknown_or_malformed_tokens_are_refused(admin, token):
    share.create_link(admin, "acme", "Coach")
    assert share.verify_token(admin, token, NOW) is None


def test_expiry_is_exclusive_at_the_boundary(admin):
    link_id, token = share.create_link(admin, "acme", "Coach", expires_days=7, now=NOW)
    end = NOW + timedelta(days=7)
    assert share.get_link(admin, link_id).expires_at == end
    assert share.verify_token(admin, token, end - timedelta(seconds=1)) is not None
    assert share.verify_token(admin, token, end) is None
    assert share.check_link(admin, link_id, end - timedelta(seconds=1)) is not None
    assert share.check_link(admin, link_id, end) is None


def test_a_link_without_expiry_keeps_working(admin):
    _, token = share.create_link(admin, "acme", "Coach", now=NOW)
    assert share.verify_token(admin, token, NOW + timedelta(days=3650)) is not None


def test_revoke_stops_the_token_and_the_session_check(admin):
    link_id, token = share.create_link(admin, "acme", "Coach", now=NOW)
    assert share.verify_token(admin, token, NOW) is not None
    revoked = share.revoke(admin, link_id, NOW + timedelta(minutes=5))
    assert revoked.revoked_at == NOW + timedelta(minutes=5)
    assert share.verify_token(admin, token, NOW + timedelta(minutes=6)) is None
    assert share.check_link(admin, link_id, NOW + timedelta(minutes=6)) is None
    assert share.revoke(admin, link_id, NOW + timedelta(days=1)).revoked_at == NOW + timedelta(minutes=5)
    with pytest.raises(LookupError, match="no share link 999"):
        share.revoke(admin, 999)


def test_links_are_listed_with_their_workspace(admin):
    share.create_link(admin, "acme", "One", expires_days=3, email="Anna@Example.com", comments=True, now=NOW)
    share.create_link(admin, "beta", "Two", now=NOW)
    links = share.list_links(admin)
    assert [(link.id, link.workspace_slug, link.label) for link in links] == [(1, "acme", "One"), (2, "beta", "Two")]
    assert (links[0].email, links[0].allow_comments, links[1].allow_comments) == ("anna@example.com", True, False)
    assert [link.label for link in share.list_links(admin, "beta")] == ["Two"]


@pytest.mark.parametrize("kwargs, message", [
    ({"workspace": "nope", "label": "x"}, "no workspace"),
    ({"workspace": "acme", "label": "  "}, "label"),
    ({"workspace": "acme", "label": "x", "expires_days": 0}, "expires-days"),
    ({"workspace": "acme", "label": "x", "expires_days": -3}, "expires-days"),
    ({"workspace": "acme", "label": "x", "email": "not-an-email"}, "e-mail"),
])
def test_bad_requests_are_refused(admin, kwargs, message):
    with pytest.raises(ValueError, match=message):
        share.create_link(admin, **kwargs)
    assert share.list_links(admin) == []
