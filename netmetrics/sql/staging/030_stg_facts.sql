-- One row per stored fact (an activity, a referral or a sale) in one wide shape of measures,
-- so every mart aggregates a single relation. Hours, expenses and people met are the row's totals.
-- Grain: one row per source row.
create or replace view stg_facts as
with activity_facts as (
    select
        group_id, start_date, end_date,
        activity_count as activities, people_met,
        event_hours,
        prep_hours,
        travel_hours,
        recovery_hours,
        expenses,
        0.0 as referrals_received, 0.0 as referrals_given, 0.0 as own_purchases,
        0.0 as sales, 0.0 as sales_value
    from activities
),

referral_facts as (
    select
        group_id, start_date, end_date,
        0.0 as activities, 0.0 as people_met,
        0.0 as event_hours, 0.0 as prep_hours, 0.0 as travel_hours, 0.0 as recovery_hours, 0.0 as expenses,
        case when direction = 'received' then referral_count else 0 end as referrals_received,
        case when direction = 'given' then referral_count else 0 end as referrals_given,
        case when own_purchase then referral_count else 0 end as own_purchases,
        0.0 as sales, 0.0 as sales_value
    from referrals
),

sale_facts as (
    select
        group_id, start_date, end_date,
        0.0 as activities, 0.0 as people_met,
        0.0 as event_hours, 0.0 as prep_hours, 0.0 as travel_hours, 0.0 as recovery_hours, 0.0 as expenses,
        0.0 as referrals_received, 0.0 as referrals_given, 0.0 as own_purchases,
        sale_count as sales, amount as sales_value
    from sales
),

final as (
    select * from activity_facts
    union all by name
    select * from referral_facts
    union all by name
    select * from sale_facts
)

select * from final;
