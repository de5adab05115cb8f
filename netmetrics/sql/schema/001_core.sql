-- Core tables. Every fact row carries start_date and end_date (the same day for a single event),
-- so totals given for a week, a month or a report range are stored as given and prorated by day.
create sequence if not exists seq_group_id start 1;
create sequence if not exists seq_import_id start 1;
create sequence if not exists seq_fact_id start 1;

create table groups (
    group_id integer primary key default nextval('seq_group_id'),
    name varchar not null unique,
    type varchar not null default 'other'
        check (type in ('chamber', 'lead_group', 'event', 'association', 'social', 'informal', 'other')),
    joined_on date,
    left_on date,
    annual_dues double not null default 0 check (annual_dues >= 0),
    notes varchar,
    check (left_on is null or joined_on is null or left_on >= joined_on)
);

create table imports (
    import_id integer primary key default nextval('seq_import_id'),
    file_name varchar not null,
    kind varchar not null,          -- demo, tracker, event_log, workbook, ga4, ua, ga_api, manual
    sha256 varchar,
    row_count integer not null default 0,
    date_from date,
    date_to date,
    imported_at timestamp not null default current_timestamp,
    undone_at timestamp,
    details varchar                 -- JSON: what was recognised, warnings
);

create table activities (
    activity_id bigint not null default nextval('seq_fact_id'),
    group_id integer not null,
    start_date date not null,
    end_date date not null,
    activity_count double not null default 1 check (activity_count >= 0),
    kind varchar,                   -- meeting, event, one_to_one, post, ...
    mode varchar check (mode in ('online', 'offline', 'both')),
    event_hours double not null default 0 check (event_hours >= 0),
    prep_hours double not null default 0 check (prep_hours >= 0),
    travel_hours double not null default 0 check (travel_hours >= 0),
    recovery_hours double not null default 0 check (recovery_hours >= 0),
    expenses double not null default 0 check (expenses >= 0),
    people_met double not null default 0 check (people_met >= 0),
    person varchar,                 -- who went (team leads track several people)
    notes varchar,
    import_id integer,
    check (end_date >= start_date)
);

create table referrals (
    referral_id bigint not null default nextval('seq_fact_id'),
    group_id integer not null,
    start_date date not null,
    end_date date not null,
    direction varchar not null check (direction in ('received', 'given')),
    referral_count double not null default 1 check (referral_count >= 0),
    own_purchase boolean not null default false,   -- a given referral that is the owner's own purchase
    contact varchar,
    notes varchar,
    import_id integer,
    check (end_date >= start_date),
    check (not own_purchase or direction = 'given')
);

create table sales (
    sale_id bigint not null default nextval('seq_fact_id'),
    group_id integer not null,
    start_date date not null,
    end_date date not null,
    sale_count double not null default 1 check (sale_count >= 0),
    amount double not null default 0 check (amount >= 0),
    referral_id bigint,
    client varchar,
    notes varchar,
    import_id integer,
    check (end_date >= start_date)
);

create table web_visits (
    visit_id bigint not null default nextval('seq_fact_id'),
    start_date date not null,
    end_date date not null,
    channel varchar,                -- GA default channel group; null when the export has none
    source varchar,
    medium varchar,
    sessions double not null default 0 check (sessions >= 0),
    users double check (users >= 0),
    import_id integer,
    check (end_date >= start_date)
);
