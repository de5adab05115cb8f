"""Coach notes through the real app: a viewer whose link allows comments leaves a note; the owner reads and
resolves it; the text stays plain; viewers without comments get no form and viewers never resolve."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from netmetrics import notes, workspaces
from netmetrics.db import Database
from tests.app import test_share_links
from tests.app.conftest import ENTRY, ROOT
from tests.app.test_share_links import JANUARY, link, visit

data_dir = test_share_links.data_dir  # the fixture: two workspaces, NETMETRICS_DATA_DIR set
HOSTILE = "<script>alert(1)</script> **bold** $x$"


def owner(data_dir, monkeypatch) -> AppTest:
    """The owner's session on the 'hand' workspace file (the owner's database is the one NETMETRICS_DB names)."""
    monkeypatch.setenv("NETMETRICS_DB", str(workspace_path(data_dir)))
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params.update(JANUARY)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def workspace_path(data_dir):
    admin = workspaces.open_admin(data_dir)
    try:
        return workspaces.require(admin, "hand").path(data_dir)
    finally:
        admin.close()


def note_forms(at: AppTest) -> list:
    return [t for t in at.text_area if t.key == "nm_note_body"]


def resolve_buttons(at: AppTest) -> list:
    return [b for b in at.button if (b.key or "").startswith("nm_resolve_")]


def leave_note(at: AppTest, body: str, *, forged: bool = False) -> AppTest:
    """Type a note and save it. `forged`: set_value, not input, so the value goes to the server as given, as a
    forged request would send it (input() keeps to the widget's max_chars)."""
    area = at.text_area(key="nm_note_body")
    if forged:
        area.set_value(body)
    else:
        area.input(body)
    next(b for b in at.button if b.label == "Save note").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_a_coach_leaves_a_note_and_the_owner_reads_and_resolves_it(data_dir, monkeypatch):
    _, token = link(data_dir, "hand", comments=True)
    viewer = visit(token, JANUARY)
    assert [e.label for e in viewer.expander if "note" in e.label.lower()] == ["Leave a note for the owner"]
    assert not resolve_buttons(viewer)
    leave_note(viewer, HOSTILE)
    assert any("Note saved" in s.value for s in viewer.success)
    assert not resolve_buttons(viewer)  # a viewer never sees notes to resolve, their own neither

    at = owner(data_dir, monkeypatch)
    assert [t.value for t in at.title] == ["Overview"]
    assert any(e.label == "Notes (1)" for e in at.expander)
    assert [t.value for t in at.text] == [HOSTILE]  # st.text: shown literally, never HTML or markdown
    assert not any(HOSTILE in m.value for m in at.markdown)
    header = next(m.value for m in at.markdown if "Coach for hand" in m.value)
    assert "period 2025-01-01 to 2025-01-31" in header and "UTC" in header
    [button] = resolve_buttons(at)
    button.click()
    at.run()
    assert not at.exception
    assert not any(e.label.startswith("Notes") for e in at.expander)  # no open note anywhere: nothing drawn
    assert not at.text and not resolve_buttons(at)

    db = Database(workspace_path(data_dir))
    try:
        [note] = notes.list_notes(db, include_resolved=True)
    finally:
        db.close()
    assert (note.body, note.author, note.page) == (HOSTILE, "Coach for hand", "Overview")
    assert note.resolved_at is not None


def test_a_note_is_shown_on_the_page_it_was_left_on_only(data_dir, monkeypatch):
    _, token = link(data_dir, "hand", comments=True)
    viewer = visit(token, JANUARY)
    viewer.switch_page(str(ROOT / "pages/trends.py"))
    viewer.run()
    leave_note(viewer, "Trends look flat")
    at = owner(data_dir, monkeypatch)
    assert any(e.label == "Notes (0)" for e in at.expander)
    assert any("Trends (1)" in c.value for c in at.caption)
    at.switch_page(str(ROOT / "pages/trends.py"))
    at.run()
    assert [t.value for t in at.text] == ["Trends look flat"]


def test_an_empty_note_is_refused(data_dir):
    _, token = link(data_dir, "hand", comments=True)
    viewer = leave_note(visit(token, JANUARY), "  \n  ", forged=True)
    assert any("empty" in w.value for w in viewer.warning) and not viewer.success


def test_an_overlong_note_never_stores_more_than_the_limit(data_dir, monkeypatch):
    _, token = link(data_dir, "hand", comments=True)
    # Streamlit cuts a widget value at max_chars
    leave_note(visit(token, JANUARY), "x" * (notes.MAX_BODY + 500), forged=True)
    db = Database(workspace_path(data_dir))
    try:
        assert [len(n.body) for n in notes.list_notes(db)] == [notes.MAX_BODY]
    finally:
        db.close()


def test_a_viewer_without_comments_gets_no_form(data_dir):
    _, token = link(data_dir, "hand")
    viewer = visit(token, JANUARY)
    assert not note_forms(viewer) and not resolve_buttons(viewer)
    assert not any("note" in e.label.lower() for e in viewer.expander)


def test_the_write_and_the_resolve_refuse_viewers_whatever_the_widgets_say(monkeypatch):
    """Server side: the session's access decides, not a widget. Call the handlers as a forged event would."""
    from netmetrics.ui import access, notes_view

    def no_database():
        raise AssertionError("a refused session must not reach the database")

    monkeypatch.setattr(notes_view, "database", no_database)
    silent = access.Access(can_edit=False, db_path="x", link_label="Coach")
    talking = access.Access(can_edit=False, db_path="x", link_label="Coach", allow_comments=True)
    assert notes_view.author_for(silent) is None
    assert notes_view.author_for(talking) == "Coach"
    assert notes_view.author_for(access.OWNER) == notes.OWNER
    for who in (silent, talking):
        monkeypatch.setattr(access, "current", lambda who=who: who)
        if who is silent:
            notes_view.add(None, "Overview", "hello")  # refused before the database is touched
        notes_view.resolve(1)  # a viewer never resolves, comments or not


def test_a_link_whose_comments_are_withdrawn_loses_the_form(data_dir):
    link_id, token = link(data_dir, "hand", comments=True)
    viewer = visit(token, JANUARY)
    assert note_forms(viewer)
    admin = workspaces.open_admin(data_dir)
    try:
        with admin.transaction() as cur:
            cur.execute("update share_links set allow_comments = false where id = ?", [link_id])
    finally:
        admin.close()
    viewer.run()
    assert not note_forms(viewer)  # the link is checked again by id on every run
