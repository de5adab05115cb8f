-- A ratio with a zero or missing denominator is "no data": NULL, never 0 and never infinity.
create or replace macro safe_div(numerator, denominator) as
    case when denominator is null or denominator = 0 then null else numerator / denominator end;
