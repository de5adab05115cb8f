-- Website sessions beside networking activities, per bucket (day, week or month).
-- Grain: one row per bucket with web data or activities in [p_from, p_to].
-- The session columns are those of mart_web (NULL channel figures = the export has no channel);
-- activities and people met are the total rows of mart_metrics (0 where none were recorded).
create or replace macro mart_web_activity(p_from, p_to, grain) as table
with web as (
    select * from mart_web(p_from, p_to, grain)
),

networking as (
    select bucket, activities, people_met
    from mart_metrics(p_from, p_to, grain, 1, 0.0)
    where is_total
),

final as (
    select
        coalesce(w.bucket, n.bucket) as bucket,
        w.direct_sessions, w.social_sessions, w.paid_social_sessions, w.total_sessions,
        w.bucket is not null as has_web,
        coalesce(n.activities, 0) as activities, coalesce(n.people_met, 0) as people_met,
        coalesce(w.prorated, false) as prorated
    from web as w
    full outer join networking as n on n.bucket = w.bucket
)

select * from final
order by bucket;
