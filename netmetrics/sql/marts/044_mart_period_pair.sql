-- Two periods side by side (e.g. this quarter and the one before). Grain: one row per group x measure
-- (and a total row per measure, is_total) for the groups with figures in either period.
--   value_a, value_b = the measure in period A and in period B (0 when the group has no row there)
--   change           = value_a - value_b
--   change_pct       = (value_a - value_b) / value_b x 100 (NULL when value_b is 0)
create or replace macro mart_period_pair(a_from, a_to, b_from, b_to, hourly_rate) as table
with a as (
    select * from mart_metrics(a_from, a_to, 'period', 1, hourly_rate)
),

b as (
    select * from mart_metrics(b_from, b_to, 'period', 1, hourly_rate)
),

joined as (
    select
        coalesce(a.is_total, b.is_total) as is_total,
        coalesce(a.group_id, b.group_id) as group_id,
        coalesce(a."group", b."group") as "group",
        coalesce(a.activities, 0) as activities_a, coalesce(b.activities, 0) as activities_b,
        coalesce(a.hours, 0) as hours_a, coalesce(b.hours, 0) as hours_b,
        coalesce(a.cost, 0) as cost_a, coalesce(b.cost, 0) as cost_b,
        coalesce(a.referrals_received, 0) as referrals_received_a,
        coalesce(b.referrals_received, 0) as referrals_received_b,
        coalesce(a.referrals_given, 0) as referrals_given_a, coalesce(b.referrals_given, 0) as referrals_given_b,
        coalesce(a.sales, 0) as sales_a, coalesce(b.sales, 0) as sales_b,
        coalesce(a.sales_value, 0) as sales_value_a, coalesce(b.sales_value, 0) as sales_value_b
    from a
    full outer join b on a.is_total = b.is_total and a.group_id is not distinct from b.group_id
),

long as (
    unpivot joined
    on (activities_a, activities_b) as activities, (hours_a, hours_b) as hours, (cost_a, cost_b) as cost,
       (referrals_received_a, referrals_received_b) as referrals_received,
       (referrals_given_a, referrals_given_b) as referrals_given,
       (sales_a, sales_b) as sales, (sales_value_a, sales_value_b) as sales_value
    into name measure value value_a, value_b
),

final as (
    select
        is_total, group_id, "group", measure, value_a, value_b,
        value_a - value_b as change,
        safe_div((value_a - value_b) * 100, value_b) as change_pct
    from long
)

select * from final
order by measure, is_total, "group";
