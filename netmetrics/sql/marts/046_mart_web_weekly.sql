-- Weekly networking activities and website sessions for the lag correlation. Grain: one row per
-- whole week (Monday to Sunday) inside [p_from, p_to] that holds web data; part weeks at the edges
-- of the period are left out so every week counts the same seven days.
create or replace macro mart_web_weekly(p_from, p_to) as table
with weekly as (
    select * from mart_web_activity(p_from, p_to, 'week')
),

final as (
    select
        bucket as week, activities, people_met, direct_sessions, social_sessions, total_sessions
    from weekly
    where has_web
      and bucket >= cast(p_from as date)
      and bucket + 6 <= cast(p_to as date)
)

select * from final
order by week;
