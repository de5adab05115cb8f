-- The admin file (admin.duckdb in the data directory): which workspaces exist and who may view them.
-- Each workspace's data lives in its own DuckDB file (workspaces/<slug>.duckdb), never in here.
create sequence if not exists seq_workspace_id start 1;
create table workspaces (
    id integer primary key default nextval('seq_workspace_id'),
    slug varchar not null unique,          -- ^[a-z0-9-]{1,40}$, checked in netmetrics.workspaces
    name varchar not null,
    file varchar not null,                 -- relative to the data directory: workspaces/<slug>.duckdb
    created_at timestamp not null default current_timestamp
);

create sequence if not exists seq_share_link_id start 1;
create table share_links (
    id integer primary key default nextval('seq_share_link_id'),
    workspace_id integer not null,         -- workspaces.id (no foreign key: deleting a workspace deletes its links)
    label varchar not null,
    token_sha256 varchar not null unique,  -- hex SHA-256 of the token; the token itself is never stored
    created_at timestamp not null,         -- UTC, naive
    expires_at timestamp,                  -- UTC; the link works while now < expires_at; null = never expires
    email varchar,                         -- a viewer e-mail the link requires after sign-in (st.login)
    allow_comments boolean not null default false,
    revoked_at timestamp,
    last_used_at timestamp
);
