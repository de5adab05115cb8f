"""Every corpus file through parse_upload and commit into a real DuckDB file: exact totals."""

from __future__ import annotations

from datetime import date

import pytest

from netmetrics.ingest import ImportOptions, commit, parse_upload

from .conftest import channel_totals, corpus, group_totals, parse, store, workbook_bytes


def test_corpus_is_what_the_generator_writes():
    from . import make_corpus

    for name, data in make_corpus.FILES.items():
        assert corpus(name) == data, f"{name} differs: run python tests/ingest/make_corpus.py"


def test_italian_tracker_cp1252_semicolons_decimal_comma_euro_and_totale(db):
    p = parse("it_tracker_cp1252.csv")
    assert p.kind == "tracker" and p.details["encoding"] == "cp1252" and p.details["delimiter"] == "semicolon"
    assert "totals row(s) 8" in p.tables[0].note
    assert p.tables[0].header_row == 3
    commit(db, [p])
    totals = group_totals(db)
    assert set(totals) == {"BNI Città", "Camera di Commercio"}
    assert totals["BNI Città"] == {
        "activities": 2,
        "hours": 7,
        "cost": 50,
        "received": 2,
        "given": 3,
        "own": 1,
        "sales": 1,
        "value": 1250.5,
    }
    assert totals["Camera di Commercio"] == {
        "activities": 3,
        "hours": 5.5,
        "cost": 15.5,
        "received": 1,
        "given": 0,
        "own": 0,
        "sales": 1,
        "value": 480,
    }
    assert dict(db.rows("select name, type from groups")) == {
        "BNI Città": "lead_group",
        "Camera di Commercio": "chamber",
    }
    # week-start rows cover the week
    assert db.rows("select min(start_date), max(end_date) from activities") == [
        (date(2025, 3, 3), date(2025, 3, 30))
    ]


def test_french_tracker_bom_nbsp_thousands_months_in_words(db):
    p = parse("fr_tracker_bom.csv")
    assert p.details["encoding"] == "utf-8-sig"
    store(db, "fr_tracker_bom.csv")
    totals = group_totals(db)
    assert totals["Club Affaires Lyon"] == {
        "activities": 7,
        "hours": 18,
        "cost": 1370,
        "received": 4,
        "given": 3,
        "own": 0,
        "sales": 1,
        "value": 1250,
    }
    assert totals["Amis"]["value"] == 300 and totals["Amis"]["hours"] == 2
    assert db.rows("select type from groups where name = 'Amis'") == [("informal",)]
    assert db.rows("select sum(prep_hours), sum(travel_hours) from activities") == [(3.5, 5.0)]
    assert db.rows("select min(start_date), max(end_date) from sales") == [
        (date(2025, 1, 1), date(2025, 2, 28))
    ]


def test_us_tracker_month_first_decided_from_the_column(db):
    p = parse("us_tracker.csv")
    assert p.details["date_order"] == "monthfirst" and not p.needs_date_order
    commit(db, [p])
    totals = group_totals(db)
    assert totals["Rotary Downtown"] == {
        "activities": 2,
        "hours": 4.5,
        "cost": 90,
        "received": 1,
        "given": 1,
        "own": 1,
        "sales": 1,
        "value": 1250,
    }
    assert totals["LinkedIn Group"] == {
        "activities": 3,
        "hours": 1.5,
        "cost": 0,
        "received": 2,
        "given": 0,
        "own": 0,
        "sales": 1,
        "value": 800,
    }
    assert db.rows("select min(start_date) from activities") == [(date(2025, 3, 4),)]


def test_finnish_tracker_utf16_le_tabs_dotted_dates(db):
    p = parse("fi_tracker_utf16.csv")
    assert p.details["encoding"] == "utf-16-le" and p.details["delimiter"] == "tab"
    commit(db, [p])
    assert group_totals(db)["Yrittäjät ry"] == {
        "activities": 2,
        "hours": 5.5,
        "cost": 40,
        "received": 1,
        "given": 1,
        "own": 0,
        "sales": 1,
        "value": 900,
    }
    assert db.rows("select min(start_date) from activities") == [(date(2025, 3, 5),)]


def test_russian_tracker_utf16_be_quarters_itogo(db):
    p = parse("ru_tracker_utf16be.csv")
    assert p.details["encoding"] == "utf-16-be"
    commit(db, [p])
    assert group_totals(db)["Деловой клуб"] == {
        "activities": 11,
        "hours": 33,
        "cost": 22000,
        "received": 6,
        "given": 5,
        "own": 0,
        "sales": 3,
        "value": 200000,
    }
    assert db.rows("select start_date, end_date from activities order by 1") == [
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
    ]
    assert db.rows("select type from groups") == [("lead_group",)]


def test_event_log_one_row_per_activity_hours_split(db):
    p = parse("event_log.csv")
    assert p.kind == "event_log"
    commit(db, [p])
    totals = group_totals(db)
    assert totals["BNI Harbour"]["activities"] == 2 and totals["BNI Harbour"]["hours"] == 5.5
    assert totals["BNI Harbour"]["cost"] == 25
    assert totals["Tech Meetup"]["hours"] == 6
    rows = db.rows("select kind, mode, people_met, notes from activities order by start_date")
    assert rows[0] == ("Weekly breakfast", "offline", 6.0, None)
    assert rows[1][3] == '=HYPERLINK("x")'  # text kept as text; exports neutralise it
    assert [r[1] for r in rows] == ["offline", "offline", "both", "online"]


def test_tracker_without_date_column_needs_a_period(db):
    p = parse("tracker_no_date.csv")
    assert not p.ok and "no date column" in p.errors[0].message and "--period" in p.errors[0].hint
    p = parse("tracker_no_date.csv", period=(date(2025, 1, 1), date(2025, 3, 31)))
    assert p.ok
    commit(db, [p])
    assert db.rows("select distinct start_date, end_date from activities") == [
        (date(2025, 1, 1), date(2025, 3, 31))
    ]
    assert group_totals(db)["BNI Harbour"]["received"] == 2


def test_workbook_every_sheet_title_rows_groups_merged_by_name(db):
    p = parse_upload("my networking.xlsx", workbook_bytes(), ImportOptions())
    assert p.kind == "workbook", [str(x) for x in p.problems]
    assert p.ok, [str(x) for x in p.errors]
    roles = {t.sheet: t.role for t in p.tables}
    assert roles == {
        "Groups": "groups",
        "Activities": "activities",
        "Referrals": "referrals",
        "Sales": "sales",
    }
    assert {t.sheet: t.header_row for t in p.tables}["Groups"] == 3
    unknown = [w for w in p.warnings if "Golf club" in w.message]
    assert unknown and unknown[0].sheet == "Groups" and unknown[0].row == 6 and unknown[0].column == "Type"
    commit(db, [p])
    groups = {r[0]: r[1:] for r in db.rows("select name, type, joined_on, annual_dues from groups")}
    assert groups == {
        "BNI Harbour": ("lead_group", date(2024, 1, 15), 600.0),
        "Chamber of Commerce": ("chamber", date(2024, 1, 15), 45.0),
        "Golf Friends": ("other", None, 0.0),
    }
    totals = group_totals(db)
    assert totals["BNI Harbour"] == {
        "activities": 2,
        "hours": 3,
        "cost": 25,
        "received": 1,
        "given": 2,
        "own": 1,
        "sales": 1,
        "value": 1250,
    }
    assert totals["Chamber of Commerce"] == {
        "activities": 1,
        "hours": 2,
        "cost": 0,
        "received": 1,
        "given": 0,
        "own": 0,
        "sales": 1,
        "value": 800.5,
    }
    assert db.rows("select start_date from activities where kind = 'Mixer'") == [(date(2025, 1, 23),)]
    assert totals["Golf Friends"]["cost"] == 30


def test_ga4_daily_channels_grand_total_and_second_table_ignored(db):
    p = parse("ga4_channels_daily.csv")
    assert p.kind == "ga4" and p.details["report_start"] == "2025-01-01"
    commit(db, [p])
    assert channel_totals(db) == {
        "Direct": 1045,
        "Organic Social": 245,
        "Paid Social": 95,
        "Organic Search": 2045,
    }
    assert db.rows("select count(*) from web_visits where start_date <> end_date") == [(0,)]


def test_ga4_source_medium_maps_social_sources_and_keeps_youtube_out(db):
    store(db, "ga4_source_medium.csv")
    totals = channel_totals(db)
    assert totals["Direct"] == 1200
    assert totals["Organic Social"] == 300
    assert totals["Paid Social"] == 105
    assert totals["Organic Video"] == 60
    assert sum(totals.values()) == 2645  # the Grand total row is not counted
    assert db.rows("select distinct start_date, end_date from web_visits") == [
        (date(2025, 2, 1), date(2025, 2, 28))
    ]


def test_ga4_without_date_dimension_is_one_range_row_per_channel(db):
    store(db, "ga4_no_date.csv")
    rows = db.rows("select channel, start_date, end_date, sessions from web_visits order by sessions desc")
    assert rows[0] == ("Direct", date(2025, 3, 1), date(2025, 3, 31), 310.0)
    assert len(rows) == 4


def test_ga4_without_channel_stores_null_channel_and_says_so(db):
    p = parse("ga4_no_channel.csv")
    assert any("not in this file" in w.message for w in p.warnings)
    commit(db, [p])
    assert db.rows("select channel, start_date, sessions from web_visits order by 2") == [
        (None, date(2025, 4, 1), 11.0),
        (None, date(2025, 4, 2), 12.0),
        (None, date(2025, 4, 3), 13.0),
    ]


def test_ua_export_quoted_thousands_percentages_durations_unlabelled_total(db):
    p = parse("ua_channels.csv")
    assert p.kind == "ua"
    commit(db, [p])
    assert channel_totals(db) == {
        "Direct": 1234,
        "Organic Social": 456,
        "Organic Search": 2345,
        "Referral": 99,
    }
    assert db.rows("select distinct start_date, end_date from web_visits") == [
        (date(2020, 1, 1), date(2020, 1, 31))
    ]
    assert db.rows("select users from web_visits where channel = 'Direct'") == [(1021.0,)]


def test_ga_api_csv(db):
    p = parse("ga_api.csv")
    assert p.kind == "ga_api"
    commit(db, [p])
    assert channel_totals(db) == {"Direct": 62, "Organic Social": 12, "Paid Social": 4, "Organic Search": 50}


@pytest.mark.parametrize(
    "name",
    [
        "it_tracker_cp1252.csv",
        "fr_tracker_bom.csv",
        "us_tracker.csv",
        "fi_tracker_utf16.csv",
        "ru_tracker_utf16be.csv",
        "event_log.csv",
        "ga4_channels_daily.csv",
        "ga4_source_medium.csv",
        "ga4_no_date.csv",
        "ua_channels.csv",
        "ga_api.csv",
    ],
)
def test_good_files_have_no_errors_and_a_preview(name):
    p = parse(name)
    assert p.ok, [str(x) for x in p.problems]
    assert p.tables and len(p.tables[0].preview) > 0
    assert p.summary().startswith(name)
