-- Workspace settings (fiscal year start, currency, demo flag, data version) as key/value text.
create table settings (
    key varchar primary key,
    value varchar not null
);
insert into settings values ('data_version', '0');
