-- Coach notes: a note on one page and period, left by a share-link viewer (author = the link's label) or the owner.
-- The body is user text, stored as typed and shown only as plain text; its length is checked in netmetrics.notes.
create sequence if not exists seq_note_id start 1;
create table notes (
    note_id integer primary key default nextval('seq_note_id'),
    page varchar not null,
    period_from date,
    period_to date,
    author varchar not null,
    body varchar not null,
    created_at timestamp not null default current_timestamp,
    resolved_at timestamp
);
