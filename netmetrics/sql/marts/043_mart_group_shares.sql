-- Each group's share of referrals received and of revenue per bucket, so a fading group shows.
-- Grain: one row per bucket x group.
--   referral_share = the group's referrals received / all groups' referrals received in the bucket
--   revenue_share  = the group's revenue / all groups' revenue in the bucket
-- Both are 0..1 and NULL when the bucket's total is zero (nothing to share).
create or replace macro mart_group_shares(p_from, p_to, grain, fy_start_month) as table
with bucket_rows as (
    select * from mart_metrics(p_from, p_to, grain, fy_start_month, 0.0)
),

totals as (
    select bucket, referrals_received as all_referrals, sales_value as all_revenue
    from bucket_rows
    where is_total
),

final as (
    select
        r.bucket, r.group_id, r."group",
        r.referrals_received, t.all_referrals, safe_div(r.referrals_received, t.all_referrals) as referral_share,
        r.sales_value, t.all_revenue, safe_div(r.sales_value, t.all_revenue) as revenue_share
    from bucket_rows as r
    join totals as t on t.bucket = r.bucket
    where not r.is_total
)

select * from final
order by bucket, "group";
