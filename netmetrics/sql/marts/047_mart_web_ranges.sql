-- Website sessions stored as one total for a range of days (a GA report without a date dimension).
-- Over time these are spread evenly over their days, which draws a flat line that was never
-- measured, so they are also listed as they were given. Grain: one row per stored range (first
-- day, last day) that overlaps [p_from, p_to].
--   days_in_period / days = the share counted in this period (prorated when below 1)
--   channel figures are NULL when the export has no channel ("not in this file"), never 0
create or replace macro mart_web_ranges(p_from, p_to) as table
with ranges as (
    select
        start_date, end_date, channel, sessions,
        least(end_date, cast(p_to as date)) - greatest(start_date, cast(p_from as date)) + 1 as days_inside
    from web_visits
    where end_date > start_date
      and start_date <= cast(p_to as date) and end_date >= cast(p_from as date)
),

final as (
    select
        start_date, end_date,
        end_date - start_date + 1 as days,
        any_value(days_inside) as days_in_period,
        case when count(channel) > 0
            then coalesce(sum(sessions) filter (where channel = 'Direct'), 0) end as direct_sessions,
        case when count(channel) > 0
            then coalesce(sum(sessions) filter (where channel in ('Organic Social', 'Paid Social')), 0) end
            as social_sessions,
        sum(sessions) as total_sessions,
        days_in_period < days as prorated
    from ranges
    group by start_date, end_date, days_inside
)

select * from final
order by start_date, end_date;
