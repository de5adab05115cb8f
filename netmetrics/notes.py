"""Coach notes on a page and period: add, list, resolve. No Streamlit; who may do what is decided by the caller
(netmetrics.ui.notes_view checks the session's share link on the server).

A body is stored exactly as typed (after trimming the ends) and must be shown as plain text, never as HTML or
markdown. Times are UTC without a zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from netmetrics.db import Database, utcnow
from netmetrics.periods import Period

MAX_BODY = 2000
MAX_AUTHOR = 80
MAX_OPEN = 500  # open notes per workspace: a link left in the wrong hands cannot fill the file
OWNER = "owner"
# The pages notes attach to (their titles): the dashboard and plan pages a viewer can open.
PAGES = ("Overview", "Groups", "ROI & payback", "Time", "Give & get", "Trends", "Verdicts", "Web traffic",
         "Group types", "What-if", "Report")


@dataclass(frozen=True)
class Note:
    note_id: int
    page: str
    period_from: date | None
    period_to: date | None
    author: str
    body: str
    created_at: datetime
    resolved_at: datetime | None


def add_note(db: Database, page: str, period: Period | None, author: str, body: object,
             now: datetime | None = None) -> Note:
    """Store a note; ValueError for an unknown page, a missing author, or a body empty or over MAX_BODY."""
    if page not in PAGES:
        raise ValueError(f"notes attach to a dashboard page, not {page!r}")
    author = " ".join(str(author or "").split())
    if not author or len(author) > MAX_AUTHOR:
        raise ValueError(f"a note needs an author of 1 to {MAX_AUTHOR} characters")
    if not isinstance(body, str):
        raise ValueError("a note is text")
    body = body.strip()
    if not body:
        raise ValueError("the note is empty")
    if len(body) > MAX_BODY:
        raise ValueError(f"a note holds at most {MAX_BODY} characters; this one has {len(body)}")
    if "\x00" in body:
        raise ValueError("the note holds a NUL character")
    if db.scalar("select count(*) from notes where resolved_at is null") >= MAX_OPEN:
        raise ValueError(f"there are {MAX_OPEN} open notes already; the owner resolves some first")
    start, end = (period.start, period.end) if period is not None else (None, None)
    with db.transaction() as cur:
        cur.execute("insert into notes (page, period_from, period_to, author, body, created_at) "
                    "values (?, ?, ?, ?, ?, ?) returning note_id",
                    [page, start, end, author, body, now or utcnow()])
        note_id = cur.fetchone()[0]
    return get_note(db, note_id)


_SELECT = "select note_id, page, period_from, period_to, author, body, created_at, resolved_at from notes"


def get_note(db: Database, note_id: int) -> Note | None:
    rows = db.rows(f"{_SELECT} where note_id = ?", [int(note_id)])  # noqa: S608 - fixed text, bound id
    return Note(*rows[0]) if rows else None


def list_notes(db: Database, page: str | None = None, include_resolved: bool = False) -> list[Note]:
    """Notes, newest first; of one page when given; open ones only unless include_resolved."""
    where, params = [], []
    if page is not None:
        where.append("page = ?")
        params.append(page)
    if not include_resolved:
        where.append("resolved_at is null")
    sql = _SELECT + (" where " + " and ".join(where) if where else "") + " order by created_at desc, note_id desc"
    return [Note(*r) for r in db.rows(sql, params)]


def resolve(db: Database, note_id: int, now: datetime | None = None) -> Note:
    """Mark a note resolved; resolving it again keeps the first time. LookupError for an unknown note."""
    if get_note(db, note_id) is None:
        raise LookupError(f"there is no note {note_id}")
    with db.transaction() as cur:
        cur.execute("update notes set resolved_at = coalesce(resolved_at, ?) where note_id = ?",
                    [now or utcnow(), int(note_id)])
    return get_note(db, note_id)
