-- Rolling 12-month sums and their year-over-year change, per group and in total.
-- Grain: one row per month x group (plus a total row per month, is_total) x measure, for the months
-- that overlap [p_from, p_to]. Months are calendar months; a month is counted whole even when the
-- period cuts it, because a rolling sum is about the 12 months ending with it.
--   value        = the measure in that month
--   rolling_12   = the sum of the month and the 11 before it (so 11 months before p_from are read)
--   year_before  = rolling_12 of the same month a year earlier (23 months before p_from are read)
--   yoy_pct      = (rolling_12 - year_before) / year_before x 100; NULL when year_before is 0 or when
--                  the group has no data as far back as the year-before window starts (a partial year
--                  would make any change look huge)
--   rolling_share = rolling_12 / the rolling_12 of all groups (0..1; NULL on total rows or a zero total)
create or replace macro mart_rolling(p_from, p_to, hourly_rate) as table
with bounds as (
    select
        cast(date_trunc('month', cast(p_from as date)) as date) as first_month,
        cast(date_trunc('month', cast(p_from as date)) - interval 23 month as date) as read_from
),

monthly as (
    select m.*
    from bounds as b,
        mart_metrics(b.read_from, p_to, 'month', 1, hourly_rate) as m
),

months as (
    select cast(t.m as date) as bucket
    from bounds as b,
        unnest(generate_series(b.read_from, cast(p_to as date), interval 1 month)) as t(m)
),

members as (
    select distinct is_total, group_id, "group" from monthly
),

-- the first day a group has anything (a fact or its membership); the total starts with the first group
first_days as (
    select group_id, min(day) as first_day
    from (
        select group_id, start_date as day from stg_facts
        union all
        select group_id, joined_on from groups where joined_on is not null
    )
    group by group_id
),

dense as (
    select
        g.is_total, g.group_id, g."group", mo.bucket,
        coalesce(x.activities, 0) as activities, coalesce(x.hours, 0) as hours, coalesce(x.cost, 0) as cost,
        coalesce(x.referrals_received, 0) as referrals_received,
        coalesce(x.referrals_given, 0) as referrals_given,
        coalesce(x.sales, 0) as sales, coalesce(x.sales_value, 0) as sales_value,
        case when g.is_total then (select min(first_day) from first_days) else f.first_day end as first_day
    from members as g
    cross join months as mo
    left join monthly as x
        on x.bucket = mo.bucket and x.is_total = g.is_total and x.group_id is not distinct from g.group_id
    left join first_days as f on f.group_id = g.group_id
),

long as (
    unpivot dense
    on activities, hours, cost, referrals_received, referrals_given, sales, sales_value
    into name measure value value
),

windowed as (
    select
        *,
        sum(value) over twelve as rolling_12
    from long
    window twelve as (partition by is_total, group_id, measure order by bucket
                      rows between 11 preceding and current row)
),

with_year_before as (
    select
        *,
        lag(rolling_12, 12) over (partition by is_total, group_id, measure order by bucket) as year_before,
        first_day <= cast(bucket - interval 23 month as date) as has_year_before
    from windowed
),

final as (
    select
        bucket, is_total, group_id, "group", measure, value, rolling_12,
        case when has_year_before then year_before end as year_before,
        case when has_year_before then safe_div((rolling_12 - year_before) * 100, year_before) end as yoy_pct,
        case when not is_total then safe_div(
            rolling_12, sum(rolling_12) filter (where not is_total) over (partition by measure, bucket))
        end as rolling_share
    from with_year_before, bounds
    where bucket >= bounds.first_month
)

select * from final
order by measure, bucket, is_total, "group";
