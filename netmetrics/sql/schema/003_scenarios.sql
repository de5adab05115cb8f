-- Named what-if scenarios, saved as plain text values (the same GROUP.DRIVER=VALUE form as URLs).
create sequence if not exists seq_scenario_id start 1;
create table scenarios (
    scenario_id integer primary key default nextval('seq_scenario_id'),
    name varchar not null unique,
    period_from date,
    period_to date,
    payload varchar not null,       -- JSON: {"set": [...], "drop": [...], "add": [...]}
    saved_at timestamp not null default current_timestamp
);
