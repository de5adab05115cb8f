-- Return on investment per group for a period, plus a 'Total' row (is_total). Grain: one row per group
-- active in the period, plus the total. Built on mart_metrics at the 'period' grain.
--   revenue           = sales value x margin_pct / 100 (100 = sales; lower = gross profit)
--   return_ratio_pct  = revenue / cost x 100 (seed 001; 100 % = break-even)
--   net_roi_pct       = (revenue - cost) / cost x 100 (0 % = break-even)
--   cost_per_referral = cost / referrals received; cost_per_sale = cost / sales
--   revenue_per_hour  = revenue / hours
-- Every ratio with a zero denominator is NULL (safe_div).
create or replace macro mart_roi(p_from, p_to, hourly_rate, margin_pct) as table
with metrics as (
    select * from mart_metrics(p_from, p_to, 'period', 1, hourly_rate)
),

final as (
    select
        is_total, group_id, "group", type,
        activities, hours, expenses, dues, time_cost, cost,
        referrals_received, sales, sales_value,
        sales_value * margin_pct / 100.0 as revenue,
        safe_div(sales_value * margin_pct, cost) as return_ratio_pct,
        safe_div((sales_value * margin_pct / 100.0 - cost) * 100, cost) as net_roi_pct,
        safe_div(cost, referrals_received) as cost_per_referral,
        safe_div(cost, sales) as cost_per_sale,
        safe_div(sales_value * margin_pct / 100.0, hours) as revenue_per_hour,
        prorated
    from metrics
)

select * from final
order by is_total, "group";
