"""Read-only share links: a random token per link, stored only as its SHA-256, revocable, with an optional
expiry. No Streamlit: the CLI, the app and the tests share this.

The token is shown once (the `/?share=TOKEN` the owner sends); whoever holds it views one workspace.
Times are UTC without a zone. A link works while now < expires_at.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from netmetrics import workspaces
from netmetrics.db import Database, utcnow

TOKEN_BYTES = 32  # 256 bits from the OS's CSPRNG
MAX_LABEL = 80
MAX_EXPIRES_DAYS = 3650
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")  # what token_urlsafe makes; anything else is refused unread
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class Link:
    id: int
    workspace_id: int
    workspace_slug: str
    label: str
    created_at: datetime
    expires_at: datetime | None
    email: str | None
    allow_comments: bool
    revoked_at: datetime | None
    last_used_at: datetime | None

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def share_path(token: str) -> str:
    """The path and query the owner sends: append it to the dashboard's address."""
    return f"/?share={token}"


_SELECT = ("select l.id, l.workspace_id, w.slug, l.label, l.created_at, l.expires_at, l.email, l.allow_comments, "
           "l.revoked_at, l.last_used_at from share_links l join workspaces w on w.id = l.workspace_id")


def create_link(admin: Database, workspace: str, label: str, expires_days: int | None = None,
                email: str | None = None, comments: bool = False, now: datetime | None = None) -> tuple[int, str]:
    """A new link to view the workspace (its slug); returns (link id, token). Only the hash is stored."""
    target = workspaces.require(admin, workspace)
    label = " ".join(str(label or "").split())
    if not label or len(label) > MAX_LABEL:
        raise ValueError(f"a link needs a label of 1 to {MAX_LABEL} characters, e.g. 'Coach Anna'")
    if expires_days is not None and not (0 < expires_days <= MAX_EXPIRES_DAYS):
        raise ValueError(f"--expires-days must be between 1 and {MAX_EXPIRES_DAYS}")
    email = email.strip().lower() if email else None
    if email is not None and not _EMAIL.fullmatch(email):
        raise ValueError(f"{email!r} is not an e-mail address")
    now = now or utcnow()
    expires_at = now + timedelta(days=expires_days) if expires_days else None
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with admin.transaction() as cur:
        cur.execute("insert into share_links (workspace_id, label, token_sha256, created_at, expires_at, email, "
                    "allow_comments) values (?, ?, ?, ?, ?, ?, ?) returning id",
                    [target.id, label, digest(token), now, expires_at, email, bool(comments)])
        link_id = cur.fetchone()[0]
    return link_id, token


def _link(row) -> Link:
    return Link(*row[:7], bool(row[7]), *row[8:])


def verify_token(admin: Database, token: object, now: datetime | None = None) -> Link | None:
    """The live link the token opens, recording its use; None for an unknown, revoked or expired token."""
    if not isinstance(token, str) or not _TOKEN_SHAPE.fullmatch(token):
        return None
    rows = admin.rows(f"{_SELECT} where l.token_sha256 = ?", [digest(token)])  # noqa: S608 - bound hash
    now = now or utcnow()
    link = _link(rows[0]) if rows else None
    if link is None or not link.live(now):
        return None
    with admin.transaction() as cur:
        cur.execute("update share_links set last_used_at = ? where id = ?", [now, link.id])
    return replace(link, last_used_at=now)


def get_link(admin: Database, link_id: int) -> Link | None:
    rows = admin.rows(f"{_SELECT} where l.id = ?", [int(link_id)])  # noqa: S608 - fixed text, bound id
    return _link(rows[0]) if rows else None


def check_link(admin: Database, link_id: int, now: datetime | None = None) -> Link | None:
    """Re-check a link a session already opened: None once it is revoked, expired or its workspace gone."""
    link = get_link(admin, link_id)
    return link if link is not None and link.live(now or utcnow()) else None


def list_links(admin: Database, workspace: str | None = None) -> list[Link]:
    if workspace is None:
        rows = admin.rows(f"{_SELECT} order by l.id")  # noqa: S608 - fixed text
    else:
        rows = admin.rows(f"{_SELECT} where w.slug = ? order by l.id", [workspace])  # noqa: S608 - bound slug
    return [_link(r) for r in rows]


def revoke(admin: Database, link_id: int, now: datetime | None = None) -> Link:
    """Revoke a link for good; revoking a revoked link keeps its first revocation time."""
    link = get_link(admin, link_id)
    if link is None:
        raise LookupError(f"there is no share link {link_id}; `netmetrics share list` shows them")
    with admin.transaction() as cur:
        cur.execute("update share_links set revoked_at = coalesce(revoked_at, ?) where id = ?",
                    [now or utcnow(), link.id])
    return get_link(admin, link.id)
