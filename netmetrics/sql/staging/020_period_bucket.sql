-- The first day of the bucket holding day `d` at a grain (day, week, month, quarter, year or period).
-- Quarters and years follow the fiscal year, which starts in month `fy_start_month` (1 = January).
-- The 'period' grain puts every day in one bucket that starts at `period_start`.
create or replace macro period_bucket(d, grain, fy_start_month, period_start) as
    cast(case grain
        when 'day' then d
        when 'week' then date_trunc('week', d)
        when 'month' then date_trunc('month', d)
        when 'quarter' then date_trunc('quarter', d - to_months(fy_start_month - 1)) + to_months(fy_start_month - 1)
        when 'year' then date_trunc('year', d - to_months(fy_start_month - 1)) + to_months(fy_start_month - 1)
        else period_start
    end as date);
