-- Facts that overlap [p_from, p_to], clipped to it. A row that covers several days (a week, a month,
-- a report range) and is cut by the period keeps the share of its days inside: weight = days inside /
-- days covered. Grain: one row per overlapping fact.
create or replace macro stg_facts_in_period(p_from, p_to) as table
with overlapping as (
    select
        *,
        greatest(start_date, cast(p_from as date)) as day_from,
        least(end_date, cast(p_to as date)) as day_to,
        end_date - start_date + 1 as days_covered
    from stg_facts
    where start_date <= cast(p_to as date) and end_date >= cast(p_from as date)
),

final as (
    select
        group_id, day_from, day_to,
        (day_to - day_from + 1) / days_covered as weight,
        activities * weight as activities,
        people_met * weight as people_met,
        event_hours * weight as event_hours,
        prep_hours * weight as prep_hours,
        travel_hours * weight as travel_hours,
        recovery_hours * weight as recovery_hours,
        expenses * weight as expenses,
        referrals_received * weight as referrals_received,
        referrals_given * weight as referrals_given,
        own_purchases * weight as own_purchases,
        sales * weight as sales,
        sales_value * weight as sales_value
    from overlapping
)

select * from final;
