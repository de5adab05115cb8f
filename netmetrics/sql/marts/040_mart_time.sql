-- Where the hours go in a period. Grain: one row per group with figures in the period, plus one
-- total row (is_total, group_id null).
--   non_event_hours    = prep + travel + recovery hours (everything around the event itself)
--   non_event_share    = non_event_hours / hours        (0..1; NULL without hours)
--   hours_per_referral = hours / referrals received      (NULL without referrals)
--   hours_per_sale     = hours / sales                   (NULL without sales)
--   hours_per_activity = hours / activities              (NULL without activities)
create or replace macro mart_time(p_from, p_to) as table
with period_rows as (
    select * from mart_metrics(p_from, p_to, 'period', 1, 0.0)
),

final as (
    select
        is_total, group_id, "group", type,
        activities, hours, event_hours, prep_hours, travel_hours, recovery_hours,
        prep_hours + travel_hours + recovery_hours as non_event_hours,
        safe_div(prep_hours + travel_hours + recovery_hours, hours) as non_event_share,
        referrals_received, sales,
        safe_div(hours, referrals_received) as hours_per_referral,
        safe_div(hours, sales) as hours_per_sale,
        safe_div(hours, activities) as hours_per_activity,
        prorated
    from period_rows
)

select * from final
order by is_total, hours desc, "group";
