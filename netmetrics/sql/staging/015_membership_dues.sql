-- Dues for the days of membership inside [d_from, d_to]: annual dues / 365 per day the group was a member
-- (joined_on NULL = a member from the start, left_on NULL = still a member); 0 when it was not a member then.
create or replace macro membership_dues(d_from, d_to, joined_on, left_on, annual_dues) as
    case
        when least(d_to, coalesce(left_on, d_to)) >= greatest(d_from, coalesce(joined_on, d_from))
            then annual_dues / 365.0
                * (least(d_to, coalesce(left_on, d_to)) - greatest(d_from, coalesce(joined_on, d_from)) + 1)
        else 0
    end;
