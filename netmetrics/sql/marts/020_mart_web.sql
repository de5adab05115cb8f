-- Website sessions from Google Analytics for a period at a grain. Grain: one row per bucket.
--   direct_sessions      = the Direct channel
--   social_sessions      = Organic Social + Paid Social
--   paid_social_sessions = Paid Social
-- Rows covering a range (a report without a date dimension) are prorated by day like other facts.
-- Where the stored data has no channel (an export without a channel dimension), the channel
-- figures are NULL ("not in this file"), never 0.
create or replace macro mart_web(p_from, p_to, grain) as table
with overlapping as (
    select
        channel, sessions,
        greatest(start_date, cast(p_from as date)) as day_from,
        least(end_date, cast(p_to as date)) as day_to,
        end_date - start_date + 1 as days_covered
    from web_visits
    where start_date <= cast(p_to as date) and end_date >= cast(p_from as date)
),

days as (
    select
        o.channel,
        o.sessions / o.days_covered as sessions,
        cast(d.day as date) as day,
        o.days_covered > o.day_to - o.day_from + 1 as prorated
    from overlapping as o,
        unnest(generate_series(o.day_from, o.day_to, interval 1 day)) as d(day)
),

final as (
    select
        period_bucket(day, grain, 1, cast(p_from as date)) as bucket,
        case when count(channel) > 0
            then coalesce(sum(sessions) filter (where channel = 'Direct'), 0) end as direct_sessions,
        case when count(channel) > 0
            then coalesce(sum(sessions) filter (where channel in ('Organic Social', 'Paid Social')), 0) end
            as social_sessions,
        case when count(channel) > 0
            then coalesce(sum(sessions) filter (where channel = 'Paid Social'), 0) end as paid_social_sessions,
        sum(sessions) as total_sessions,
        bool_or(prorated) as prorated
    from days
    group by 1
)

select * from final
order by bucket;
