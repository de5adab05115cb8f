-- The numbers behind each group's verdict at p_to. Grain: one row per group with any history by p_to.
-- The window is the last window_months months of the group's record: it ends at p_to, or earlier for a
-- group that was left (the later of the day it was left and its last fact), and starts no earlier than
-- the group's start (joined date, else first fact; facts before the start count in the window when the
-- window reaches back to the start, as in mart_payback).
--   cost    = expenses + dues + hours x hourly_rate inside the window (dues by day of membership)
--   revenue = sales value x margin_pct / 100 inside the window
--   return_ratio_pct = revenue / cost x 100 (NULL when the window cost nothing)
--   own_purchase_share = own purchases / referrals given in the window (NULL when none were given)
-- The payback columns come from mart_payback_summary (all history up to p_to).
create or replace macro mart_verdict_inputs(p_to, hourly_rate, margin_pct, window_months) as table
with payback as (
    select * from mart_payback_summary(p_to, hourly_rate, margin_pct)
),

windows as (
    select
        p.*, g.joined_on, g.left_on, g.annual_dues,
        greatest(p.start_on, cast(p.end_on - to_months(window_months) as date) + 1) as window_from,
        p.end_on as window_to
    from payback as p
    join groups as g on g.group_id = p.group_id
),

clipped as (
    select
        w.group_id,
        (least(f.end_date, w.window_to) - greatest(f.start_date, w.window_from) + 1)
            / (f.end_date - f.start_date + 1) as weight,
        -- a fact dated before the start belongs to month 1: count it whole when the window reaches the start
        case when f.end_date < w.start_on and w.window_from = w.start_on then 1.0 end as before_start,
        f.*
    from windows as w
    join stg_facts as f
        on f.group_id = w.group_id
        and f.start_date <= w.window_to
        and (f.end_date >= w.window_from or (w.window_from = w.start_on and f.end_date < w.start_on))
),

fact_sums as (
    select
        group_id,
        sum(activities * coalesce(before_start, weight)) as activities,
        sum((event_hours + prep_hours + travel_hours + recovery_hours) * coalesce(before_start, weight)) as hours,
        sum(expenses * coalesce(before_start, weight)) as expenses,
        sum(referrals_received * coalesce(before_start, weight)) as referrals_received,
        sum(referrals_given * coalesce(before_start, weight)) as referrals_given,
        sum(own_purchases * coalesce(before_start, weight)) as own_purchases,
        sum(sales * coalesce(before_start, weight)) as sales,
        sum(sales_value * coalesce(before_start, weight)) as sales_value
    from clipped
    group by group_id
),

window_dues as (
    select group_id, membership_dues(window_from, window_to, joined_on, left_on, annual_dues) as dues
    from windows
),

final as (
    select
        w.group_id, w."group", w.type, w.joined_on, w.left_on, w.start_on, w.window_from, w.window_to,
        coalesce(s.activities, 0) as activities,
        coalesce(s.hours, 0) as hours,
        coalesce(s.expenses, 0) as expenses,
        d.dues,
        coalesce(s.hours, 0) * hourly_rate as time_cost,
        coalesce(s.expenses, 0) + d.dues + coalesce(s.hours, 0) * hourly_rate as cost,
        coalesce(s.sales, 0) as sales,
        coalesce(s.sales_value, 0) as sales_value,
        coalesce(s.sales_value, 0) * margin_pct / 100.0 as revenue,
        safe_div(coalesce(s.sales_value, 0) * margin_pct, cost) as return_ratio_pct,
        coalesce(s.referrals_received, 0) as referrals_received,
        coalesce(s.referrals_given, 0) as referrals_given,
        coalesce(s.own_purchases, 0) as own_purchases,
        safe_div(coalesce(s.own_purchases, 0), coalesce(s.referrals_given, 0)) as own_purchase_share,
        w.months as curve_months, w.payback_month, w.payback_on, w.fell_back, w.ahead_now,
        w.cum_cost, w.cum_revenue, w.cum_net
    from windows as w
    join window_dues as d on d.group_id = w.group_id
    left join fact_sums as s on s.group_id = w.group_id
)

select * from final
order by group_id;
