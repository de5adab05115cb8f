from datetime import date

import pytest

from netmetrics.periods import Period, add_months, parse_date, preset_period

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("preset", "start", "end"), [
    ("this_month", date(2026, 11, 1), TODAY),
    ("last_month", date(2026, 10, 1), date(2026, 10, 31)),
    ("this_quarter", date(2026, 10, 1), TODAY),
    ("last_quarter", date(2026, 7, 1), date(2026, 9, 30)),
    ("ytd", date(2026, 1, 1), TODAY),
    ("last_12_months", date(2025, 11, 24), TODAY),
    ("last_year", date(2025, 1, 1), date(2025, 12, 31)),
])
def test_presets(preset, start, end):
    period = preset_period(preset, TODAY)
    assert (period.start, period.end) == (start, end)


def test_fiscal_year_moves_quarters_and_year_to_date():
    assert preset_period("ytd", TODAY, fy_start_month=4).start == date(2026, 4, 1)
    assert preset_period("ytd", date(2026, 2, 10), fy_start_month=4).start == date(2025, 4, 1)
    last_q = preset_period("last_quarter", TODAY, fy_start_month=2)
    assert (last_q.start, last_q.end) == (date(2026, 8, 1), date(2026, 10, 31))


def test_all_time_follows_the_data():
    period = preset_period("all", TODAY, data_start=date(2024, 3, 5), data_end=date(2026, 11, 20))
    assert (period.start, period.end) == (date(2024, 3, 5), date(2026, 11, 20))


def test_previous_period_of_calendar_presets_is_the_same_span_back():
    last_month = preset_period("last_month", TODAY).previous()
    assert (last_month.start, last_month.end) == (date(2026, 9, 1), date(2026, 9, 30))
    this_month = preset_period("this_month", TODAY).previous()
    assert (this_month.start, this_month.end) == (date(2026, 10, 1), date(2026, 10, 23))
    ytd = preset_period("ytd", TODAY).previous()
    assert (ytd.start, ytd.end) == (date(2025, 1, 1), date(2025, 11, 23))


def test_previous_period_of_a_custom_range_is_the_days_just_before():
    previous = Period(date(2025, 3, 10), date(2025, 3, 19)).previous()
    assert (previous.start, previous.end) == (date(2025, 2, 28), date(2025, 3, 9))


def test_month_arithmetic_clips_and_snaps():
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 4, 30), 1, month_end=True) == date(2025, 5, 31)


def test_bad_inputs():
    with pytest.raises(ValueError):
        Period(date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(ValueError):
        preset_period("fortnight", TODAY)
    assert parse_date("2025-02-30") is None and parse_date("'; drop") is None and parse_date(None) is None
    assert parse_date("2025-02-03") == date(2025, 2, 3)
