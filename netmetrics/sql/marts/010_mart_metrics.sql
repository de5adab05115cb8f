-- The group comparison for a period at a grain. Grain: one row per bucket x group, plus one total
-- row per bucket (is_total, group_id null). With grain 'period' there is one bucket: the whole period.
--   cost        = expenses + dues + hours x hourly_rate
--   dues        = annual dues / 365 per day of membership inside the bucket and the period
--   return_ratio_pct = sales_value / cost x 100 (seed 001; 100 % = break-even)
--   net_roi_pct      = (sales_value - cost) / cost x 100
-- Ratios with a zero denominator are NULL (safe_div).
create or replace macro mart_metrics(p_from, p_to, grain, fy_start_month, hourly_rate) as table
with facts as (
    select * from stg_facts_in_period(p_from, p_to)
),

-- a fact on one day (or any fact at the 'period' grain) falls in one bucket ...
single_bucket_facts as (
    select period_bucket(day_from, grain, fy_start_month, cast(p_from as date)) as bucket, *
    from facts
    where grain = 'period' or day_from = day_to
),

-- ... a fact spanning days is spread evenly over them, so buckets it straddles share it by days
spread_facts as (
    select
        period_bucket(cast(d.day as date), grain, fy_start_month, cast(p_from as date)) as bucket,
        f.* replace (
            f.activities / n as activities, f.people_met / n as people_met,
            f.event_hours / n as event_hours, f.prep_hours / n as prep_hours,
            f.travel_hours / n as travel_hours, f.recovery_hours / n as recovery_hours,
            f.expenses / n as expenses, f.referrals_received / n as referrals_received,
            f.referrals_given / n as referrals_given, f.own_purchases / n as own_purchases,
            f.sales / n as sales, f.sales_value / n as sales_value
        )
    from (select *, day_to - day_from + 1 as n from facts where grain <> 'period' and day_from < day_to) as f,
        unnest(generate_series(f.day_from, f.day_to, interval 1 day)) as d(day)
),

fact_totals as (
    select
        bucket, group_id,
        sum(activities) as activities, sum(people_met) as people_met,
        sum(event_hours) as event_hours, sum(prep_hours) as prep_hours,
        sum(travel_hours) as travel_hours, sum(recovery_hours) as recovery_hours,
        sum(expenses) as expenses,
        sum(referrals_received) as referrals_received, sum(referrals_given) as referrals_given,
        sum(own_purchases) as own_purchases, sum(sales) as sales, sum(sales_value) as sales_value,
        bool_or(weight < 1) as prorated
    from (
        select * exclude (n) from spread_facts
        union all by name
        select * from single_bucket_facts
    )
    group by all
),

buckets as (
    select
        period_bucket(cast(day as date), grain, fy_start_month, cast(p_from as date)) as bucket,
        min(cast(day as date)) as bucket_from, max(cast(day as date)) as bucket_to
    from unnest(generate_series(cast(p_from as date), cast(p_to as date), interval 1 day)) as t(day)
    group by 1
),

memberships as (
    select
        b.bucket, g.group_id,
        greatest(b.bucket_from, coalesce(g.joined_on, b.bucket_from)) as member_from,
        least(b.bucket_to, coalesce(g.left_on, b.bucket_to)) as member_to,
        g.annual_dues
    from buckets as b
    cross join groups as g
    where coalesce(g.joined_on, b.bucket_to) <= b.bucket_to
      and coalesce(g.left_on, b.bucket_from) >= b.bucket_from
),

group_buckets as (
    select
        coalesce(f.bucket, m.bucket) as bucket,
        coalesce(f.group_id, m.group_id) as group_id,
        coalesce(f.activities, 0) as activities, coalesce(f.people_met, 0) as people_met,
        coalesce(f.event_hours, 0) as event_hours, coalesce(f.prep_hours, 0) as prep_hours,
        coalesce(f.travel_hours, 0) as travel_hours, coalesce(f.recovery_hours, 0) as recovery_hours,
        coalesce(f.expenses, 0) as expenses,
        coalesce(m.annual_dues / 365.0 * (m.member_to - m.member_from + 1), 0) as dues,
        coalesce(f.referrals_received, 0) as referrals_received,
        coalesce(f.referrals_given, 0) as referrals_given,
        coalesce(f.own_purchases, 0) as own_purchases,
        coalesce(f.sales, 0) as sales, coalesce(f.sales_value, 0) as sales_value,
        coalesce(f.prorated, false) as prorated
    from fact_totals as f
    full outer join memberships as m on f.bucket = m.bucket and f.group_id = m.group_id
),

rolled_up as (
    select
        bucket, group_id, grouping(group_id) = 1 as is_total,
        sum(activities) as activities, sum(people_met) as people_met,
        sum(event_hours) as event_hours, sum(prep_hours) as prep_hours,
        sum(travel_hours) as travel_hours, sum(recovery_hours) as recovery_hours,
        sum(event_hours + prep_hours + travel_hours + recovery_hours) as hours,
        sum(expenses) as expenses, sum(dues) as dues,
        sum(referrals_received) as referrals_received, sum(referrals_given) as referrals_given,
        sum(own_purchases) as own_purchases, sum(sales) as sales, sum(sales_value) as sales_value,
        bool_or(prorated) as prorated
    from group_buckets
    group by grouping sets ((bucket, group_id), (bucket))
),

final as (
    select
        r.bucket,
        r.is_total,
        r.group_id,
        case when r.is_total then 'Total' else g.name end as "group",
        g.type,
        r.activities, r.people_met,
        r.hours, r.event_hours, r.prep_hours, r.travel_hours, r.recovery_hours,
        r.expenses, r.dues,
        r.hours * hourly_rate as time_cost,
        r.expenses + r.dues + r.hours * hourly_rate as cost,
        r.referrals_received, r.referrals_given, r.own_purchases, r.sales, r.sales_value,
        safe_div(r.sales, r.activities) as sales_per_activity,
        safe_div(r.referrals_received, r.activities) as referrals_per_activity,
        safe_div(r.sales, r.referrals_received) as sales_per_referral,
        safe_div(r.sales_value, r.referrals_received) as value_per_referral,
        safe_div(r.sales_value, r.activities) as value_per_activity,
        safe_div(r.referrals_given, r.activities) as given_per_activity,
        safe_div(r.sales_value * 100, cost) as return_ratio_pct,
        safe_div((r.sales_value - cost) * 100, cost) as net_roi_pct,
        r.prorated
    from rolled_up as r
    left join groups as g on g.group_id = r.group_id
)

select * from final
order by bucket, is_total, "group";
