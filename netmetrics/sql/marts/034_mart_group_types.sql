-- The comparison aggregated by group type for a period, plus a 'Total' row (is_total). Grain: one row
-- per group type with a group active in the period, plus the total. Sums come from mart_metrics at the
-- 'period' grain; every ratio is recomputed from the sums (a ratio of sums, not an average of ratios).
--   revenue = sales value x margin_pct / 100; return ratio and net ROI are on that revenue.
create or replace macro mart_group_types(p_from, p_to, hourly_rate, margin_pct) as table
with metrics as (
    select * from mart_metrics(p_from, p_to, 'period', 1, hourly_rate)
    where not is_total
),

by_type as (
    select
        type, grouping(type) = 1 as is_total,
        count(*) as group_count,
        string_agg("group", ', ' order by "group") as group_names,
        sum(activities) as activities, sum(people_met) as people_met, sum(hours) as hours,
        sum(expenses) as expenses, sum(dues) as dues, sum(time_cost) as time_cost, sum(cost) as cost,
        sum(referrals_received) as referrals_received, sum(referrals_given) as referrals_given,
        sum(own_purchases) as own_purchases, sum(sales) as sales, sum(sales_value) as sales_value,
        bool_or(prorated) as prorated
    from metrics
    group by grouping sets ((type), ())
),

final as (
    select
        is_total,
        case when is_total then 'total' else type end as type,
        group_count, group_names,
        activities, people_met, hours, expenses, dues, time_cost, cost,
        referrals_received, referrals_given, own_purchases, sales, sales_value,
        sales_value * margin_pct / 100.0 as revenue,
        safe_div(sales, activities) as sales_per_activity,
        safe_div(referrals_received, activities) as referrals_per_activity,
        safe_div(sales, referrals_received) as sales_per_referral,
        safe_div(sales_value, referrals_received) as value_per_referral,
        safe_div(sales_value, activities) as value_per_activity,
        safe_div(referrals_given, activities) as given_per_activity,
        safe_div(sales_value * margin_pct, cost) as return_ratio_pct,
        safe_div((sales_value * margin_pct / 100.0 - cost) * 100, cost) as net_roi_pct,
        safe_div(cost, referrals_received) as cost_per_referral,
        safe_div(sales_value * margin_pct / 100.0, hours) as revenue_per_hour,
        prorated
    from by_type
)

select * from final
order by is_total, type;
