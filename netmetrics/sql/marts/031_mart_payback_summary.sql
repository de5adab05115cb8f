-- When each group paid back, from its payback curve (mart_payback). Grain: one row per group.
--   payback_month = the first month since joining whose cumulative revenue reached cumulative cost
--                   (NULL: not yet); months to payback is the same number
--   payback_on    = the last day of that month
--   fell_back     = a later month was behind again
--   ahead_now     = cumulative revenue >= cumulative cost in the last month (at p_to)
create or replace macro mart_payback_summary(p_to, hourly_rate, margin_pct) as table
with curve as (
    select * from mart_payback(p_to, hourly_rate, margin_pct)
),

firsts as (
    select group_id, min(month_no) filter (where ahead) as payback_month
    from curve
    group by group_id
),

final as (
    select
        c.group_id, c."group", c.type, c.start_on, c.end_on,
        max(c.month_no) as months,
        f.payback_month,
        max(c.month_to) filter (where c.month_no = f.payback_month) as payback_on,
        coalesce(bool_or(not c.ahead and c.month_no > f.payback_month), false) as fell_back,
        arg_max(c.ahead, c.month_no) as ahead_now,
        sum(c.cost) as cum_cost,
        sum(c.revenue) as cum_revenue,
        sum(c.revenue) - sum(c.cost) as cum_net
    from curve as c
    join firsts as f on f.group_id = c.group_id
    group by c.group_id, c."group", c.type, c.start_on, c.end_on, f.payback_month
)

select * from final
order by group_id;
