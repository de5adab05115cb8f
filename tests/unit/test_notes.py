"""Coach notes: validation, listing by page, resolving; bodies stored exactly as typed."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from netmetrics import notes
from netmetrics.db import Database
from netmetrics.periods import Period

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))
NOW = datetime(2025, 3, 1, 12, 0, 0)
HOSTILE = "<script>alert(1)</script> **bold** $x$"


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "w.duckdb")
    yield database
    database.close()


def test_a_note_is_stored_with_page_period_author_and_time(db):
    note = notes.add_note(db, "Overview", JANUARY, "Coach Anna", "  Drop the Quiet group?  ", now=NOW)
    assert (note.page, note.period_from, note.period_to) == ("Overview", date(2025, 1, 1), date(2025, 1, 31))
    assert (note.author, note.body, note.created_at, note.resolved_at) == ("Coach Anna", "Drop the Quiet group?",
                                                                             NOW, None)
    assert notes.list_notes(db) == [note]


def test_a_hostile_body_is_stored_as_is(db):
    note = notes.add_note(db, "Trends", JANUARY, "Coach <b>", HOSTILE)
    assert notes.get_note(db, note.note_id).body == HOSTILE
    assert notes.list_notes(db, "Trends")[0].author == "Coach <b>"


@pytest.mark.parametrize("body", ["", "   \n\t ", "x" * (notes.MAX_BODY + 1), None, 42, "a\x00b"])
def test_empty_too_long_or_non_text_bodies_are_refused(db, body):
    with pytest.raises(ValueError):
        notes.add_note(db, "Overview", JANUARY, "Coach", body)
    assert notes.list_notes(db, include_resolved=True) == []


def test_the_longest_body_is_taken(db):
    assert len(notes.add_note(db, "Overview", JANUARY, "Coach", "y" * notes.MAX_BODY).body) == notes.MAX_BODY


@pytest.mark.parametrize(("page", "author"), [("Import", "Coach"), ("nowhere", "Coach"), ("Overview", "  "),
                                              ("Overview", "a" * (notes.MAX_AUTHOR + 1))])
def test_unknown_pages_and_bad_authors_are_refused(db, page, author):
    with pytest.raises(ValueError):
        notes.add_note(db, page, JANUARY, author, "hello")


def test_a_note_without_a_period(db):
    note = notes.add_note(db, "Report", None, notes.OWNER, "for the meeting")
    assert (note.period_from, note.period_to, note.author) == (None, None, "owner")


def test_listing_filters_by_page_newest_first_and_hides_resolved(db):
    first = notes.add_note(db, "Overview", JANUARY, "Coach", "one", now=datetime(2025, 2, 1))
    second = notes.add_note(db, "Overview", JANUARY, "Coach", "two", now=datetime(2025, 2, 2))
    other = notes.add_note(db, "Trends", JANUARY, "Coach", "three", now=datetime(2025, 2, 3))
    assert notes.list_notes(db, "Overview") == [second, first]
    assert notes.list_notes(db) == [other, second, first]
    resolved = notes.resolve(db, first.note_id, now=NOW)
    assert resolved.resolved_at == NOW
    assert notes.list_notes(db, "Overview") == [second]
    assert notes.list_notes(db, "Overview", include_resolved=True) == [second, resolved]
    assert notes.resolve(db, first.note_id, now=datetime(2026, 1, 1)).resolved_at == NOW  # the first time stays


def test_resolving_an_unknown_note_is_refused(db):
    with pytest.raises(LookupError):
        notes.resolve(db, 99)


def test_notes_do_not_move_the_data_version(db):
    before = db.data_version()
    note = notes.add_note(db, "Overview", JANUARY, "Coach", "hi")
    notes.resolve(db, note.note_id)
    assert db.data_version() == before  # notes change no figure, so cached charts stay valid


def test_open_notes_are_capped(db, monkeypatch):
    monkeypatch.setattr(notes, "MAX_OPEN", 2)
    first = notes.add_note(db, "Overview", JANUARY, "Coach", "one")
    notes.add_note(db, "Overview", JANUARY, "Coach", "two")
    with pytest.raises(ValueError, match="open notes already"):
        notes.add_note(db, "Overview", JANUARY, "Coach", "three")
    notes.resolve(db, first.note_id)
    notes.add_note(db, "Overview", JANUARY, "Coach", "three")


def test_every_dashboard_and_plan_page_takes_notes_and_no_data_page_does():
    pages = Path(__file__).resolve().parents[2] / "pages"
    titles = {p.stem: m.group(1) for p in pages.glob("*.py")
              if (m := re.search(r'page_header\("([^"]+)"\)', p.read_text(encoding="utf-8")))}
    data = {"import_data", "import_history", "manual_entry"}
    assert set(notes.PAGES) <= set(titles.values())
    assert {titles[stem] for stem in ("overview", "groups", "roi", "time", "give_get", "trends", "verdicts",
                                      "web_traffic", "group_types", "whatif", "report")} == set(notes.PAGES)
    assert not {titles[stem] for stem in data} & set(notes.PAGES)
