-- Payback curves: cumulative cost against cumulative revenue for each group, month by month since it was
-- joined (since its first recorded fact when it has no joined date), over all history up to p_to.
-- Grain: one row per group x month since start. Month n runs from start + (n - 1) months to the day
-- before start + n months; the last month may be cut short by p_to or by the end of a left group's
-- record (the later of the day it was left and its last fact).
--   cost    = expenses + dues + hours x hourly_rate (dues: annual dues / 365 per day of membership)
--   revenue = sales value x margin_pct / 100 (100 = sales as they are; lower = gross profit)
--   ahead   = cumulative revenue >= cumulative cost, with some revenue (a group that cost nothing and
--             brought nothing has not paid back)
-- Facts dated before the start count in month 1; rows covering several days are spread evenly over them.
create or replace macro mart_payback(p_to, hourly_rate, margin_pct) as table
with fact_span as (
    select group_id, min(start_date) as first_day, max(end_date) as last_day
    from stg_facts
    where start_date <= cast(p_to as date)
    group by group_id
),

spans as (
    select
        g.group_id, g.name, g.type, g.joined_on, g.left_on, g.annual_dues,
        coalesce(g.joined_on, f.first_day) as start_on,
        case when g.left_on is null then cast(p_to as date)
            else least(cast(p_to as date), greatest(g.left_on, coalesce(f.last_day, g.left_on))) end as end_on
    from groups as g
    left join fact_span as f on f.group_id = g.group_id
    where coalesce(g.joined_on, f.first_day) <= cast(p_to as date)
),

months as (
    select
        s.*,
        m.n + 1 as month_no,
        cast(s.start_on + to_months(m.n) as date) as month_from,
        least(cast(s.start_on + to_months(m.n + 1) as date) - 1, s.end_on) as month_to,
        cast(s.start_on + to_months(m.n + 1) as date) - 1 as full_month_to
    from spans as s,
        unnest(generate_series(0, date_diff('month', s.start_on, s.end_on))) as m(n)
    where cast(s.start_on + to_months(m.n) as date) <= s.end_on
),

month_dues as (
    select *, membership_dues(month_from, month_to, joined_on, left_on, annual_dues) as dues
    from months
),

facts as (
    select * from stg_facts_in_period(date '0001-01-01', p_to)
),

-- one row per group x day with facts; a fact spanning days is spread evenly over them
fact_days as (
    select
        group_id, day_from as day,
        sum(event_hours + prep_hours + travel_hours + recovery_hours) as hours,
        sum(expenses) as expenses, sum(sales) as sales, sum(sales_value) as sales_value
    from facts
    where day_from = day_to
    group by all
    union all
    select
        f.group_id, cast(d.day as date) as day,
        (f.event_hours + f.prep_hours + f.travel_hours + f.recovery_hours) / f.n as hours,
        f.expenses / f.n as expenses, f.sales / f.n as sales, f.sales_value / f.n as sales_value
    from (select *, day_to - day_from + 1 as n from facts where day_from < day_to) as f,
        unnest(generate_series(f.day_from, f.day_to, interval 1 day)) as d(day)
),

monthly as (
    select
        m.group_id, m.name, m.type, m.start_on, m.end_on, m.month_no, m.month_from, m.month_to,
        m.month_to < m.full_month_to as partial,
        m.dues,
        coalesce(sum(fd.expenses), 0) as expenses,
        coalesce(sum(fd.hours), 0) as hours,
        coalesce(sum(fd.sales), 0) as sales,
        coalesce(sum(fd.sales_value), 0) as sales_value
    from month_dues as m
    left join fact_days as fd
        on fd.group_id = m.group_id
        and greatest(fd.day, m.start_on) between m.month_from and m.month_to
    group by all
),

with_cost as (
    select
        *,
        hours * hourly_rate as time_cost,
        expenses + dues + hours * hourly_rate as cost,
        sales_value * margin_pct / 100.0 as revenue
    from monthly
),

cumulative as (
    select
        *,
        sum(cost) over w as cum_cost,
        sum(revenue) over w as cum_revenue
    from with_cost
    window w as (partition by group_id order by month_no rows between unbounded preceding and current row)
),

final as (
    select
        group_id, name as "group", type, start_on, end_on, month_no, month_from, month_to, partial,
        expenses, dues, hours, time_cost, cost, sales, sales_value, revenue,
        cum_cost, cum_revenue,
        cum_revenue - cum_cost as cum_net,
        cum_revenue > 0 and cum_revenue - cum_cost >= -1e-9 as ahead
    from cumulative
)

select * from final
order by group_id, month_no;
