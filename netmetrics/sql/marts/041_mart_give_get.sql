-- Give and get (seed 004) in a period. Grain: one row per group with figures in the period, plus
-- one total row (is_total, group_id null).
--   own_purchase_share = own purchases / referrals given                    (NULL without given)
--   own_purchase_flag  = own_purchase_share >= flag_share and referrals given >= min_given
--                        (nearly all "giving" is buying from members: a poor fit, DOMAIN.md)
--   reciprocity        = given / (given + received): 0.5 = balanced, 0 = only taking, 1 = only giving
--                        (NULL when neither was recorded)
--   balance_label      = 'too few' when given + received < min_exchanges, else 'taker' below
--                        taker_below, 'over-giver' above over_giver_above, otherwise 'balanced'
-- The small tolerance keeps prorated counts such as 2.9999999 on the right side of a threshold.
create or replace macro mart_give_get(p_from, p_to, flag_share, min_given, taker_below, over_giver_above,
                                      min_exchanges) as table
with period_rows as (
    select * from mart_metrics(p_from, p_to, 'period', 1, 0.0)
),

measured as (
    select
        is_total, group_id, "group", type,
        activities, referrals_given, referrals_received, own_purchases,
        referrals_given - own_purchases as referrals_given_to_others,
        safe_div(own_purchases, referrals_given) as own_purchase_share,
        safe_div(referrals_given, referrals_given + referrals_received) as reciprocity,
        safe_div(referrals_given, activities) as given_per_activity,
        safe_div(referrals_received, activities) as received_per_activity,
        prorated
    from period_rows
),

final as (
    select
        *,
        coalesce(referrals_given >= min_given - 1e-9 and own_purchase_share >= flag_share - 1e-9, false)
            as own_purchase_flag,
        case
            when referrals_given + referrals_received < min_exchanges - 1e-9 then 'too few'
            when reciprocity < taker_below then 'taker'
            when reciprocity > over_giver_above then 'over-giver'
            else 'balanced'
        end as balance_label
    from measured
)

select * from final
order by is_total, "group";
