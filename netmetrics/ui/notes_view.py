"""Coach notes under a page's title: a viewer whose link allows comments leaves a note on this page and
period; the owner reads the page's open notes (author, date, period) and resolves them. (The owner has no
form here: notes are the coach's channel; netmetrics.notes takes the author 'owner' for other callers.)

Who may do what is decided on the server from the session's access (the link is checked again by id on every
run), never from a widget: a viewer without comments gets no form and the write refuses them, and a viewer
never gets a Resolve button and the resolve refuses them. Note text is user text: the body is drawn only with
st.text, names only through text.plain.
"""

from __future__ import annotations

import contextlib
from collections import Counter

import streamlit as st

from netmetrics import notes
from netmetrics.ui import access
from netmetrics.ui.context import Context
from netmetrics.ui.resources import database
from netmetrics.ui.text import plain


def show(ctx: Context, page: str) -> None:
    """Draw the notes part of a dashboard page (nothing on other pages or for a viewer without comments)."""
    if page not in notes.PAGES:
        return
    who = access.current()
    if who.can_edit:
        _owner(ctx, page)
    elif who.allow_comments:
        with st.expander("Leave a note for the owner", icon=":material/edit_note:"):
            _form(ctx, page)


def _owner(ctx: Context, page: str) -> None:
    db = database()
    open_notes = notes.list_notes(db)
    if not open_notes:
        return  # nothing to read anywhere: no clutter on the owner's pages
    here = [n for n in open_notes if n.page == page]
    with st.expander(f"Notes ({len(here)})", icon=":material/sticky_note_2:", expanded=bool(here)):
        if not here:
            st.caption("No open notes on this page.")
        for note in here:
            st.markdown(f"**{plain(note.author)}** · {note.created_at:%Y-%m-%d %H:%M} UTC · period {_period(note)}")
            st.text(note.body)  # plain text: never HTML, markdown or LaTeX
            if st.button("Resolve", key=f"nm_resolve_{note.note_id}", icon=":material/check:"):
                resolve(note.note_id)
        elsewhere = Counter(n.page for n in open_notes if n.page != page)
        if elsewhere:
            st.caption("Open notes on other pages: "
                       + ", ".join(f"{plain(p)} ({count})" for p, count in sorted(elsewhere.items())))


def _period(note: notes.Note) -> str:
    if note.period_from is None or note.period_to is None:
        return "not given"
    return f"{note.period_from:%Y-%m-%d} to {note.period_to:%Y-%m-%d}"


def _form(ctx: Context, page: str) -> None:
    with st.form(f"nm_note_form_{page}", clear_on_submit=True, border=False):
        body = st.text_area(f"A note on {plain(page)}, {ctx.period.start:%Y-%m-%d} to {ctx.period.end:%Y-%m-%d}",
                            key="nm_note_body", max_chars=notes.MAX_BODY,
                            help="Plain text. The owner sees it with your name, the date and this period.")
        if st.form_submit_button("Save note", icon=":material/send:"):
            add(ctx, page, body)


def author_for(who: access.Access) -> str | None:
    """Whom a note from this session is by: the owner, or the label of a live link that allows comments;
    None when the session may not leave notes."""
    if who.can_edit:
        return notes.OWNER
    if who.allow_comments:
        return who.link_label or "viewer"
    return None


def add(ctx: Context, page: str, body: str) -> None:
    """Server-side guard, then the write: the session's access decides, whatever the browser sent."""
    who = access.current()
    author = author_for(who)
    if author is None:
        st.error("This shared view does not take notes.", icon=":material/lock:")
        st.stop()
        return
    try:
        notes.add_note(database(), page, ctx.period, author, body)
    except ValueError as exc:
        message = str(exc)
        st.warning(plain(message[:1].upper() + message[1:]) + ".", icon=":material/edit_off:")
        return
    st.success("Note saved. The owner sees it on this page, with your name, the date and this period.",
               icon=":material/check:")


def resolve(note_id: int) -> None:
    if not access.can_edit():
        access.require_edit()  # a viewer's run stops here
        return
    with contextlib.suppress(LookupError):  # resolved or gone meanwhile: the rerun shows the current list
        notes.resolve(database(), note_id)
    st.rerun()
