"""Period labels in words (ISO weeks, quarters in French, Italian, German) stored as the ranges they name,
and Google Analytics 'User acquisition' exports (users, no sessions) refused with what to download instead.
Corpus files from make_corpus.py; every expected number is worked out by hand in its comment there."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from netmetrics import cli
from netmetrics.ingest import ImportOptions, commit, parse_upload

from .conftest import CORPUS, group_totals, parse, snapshot, store


def spans(db) -> list[tuple]:
    """(group, start, end, activity count) of every stored activity row, in date order."""
    return db.rows("select g.name, a.start_date, a.end_date, a.activity_count from activities a "
                   "join groups g using (group_id) order by a.start_date")


# --- weeks --------------------------------------------------------------------------------------------


def test_week_labels_in_several_forms_are_iso_weeks_monday_to_sunday(db):
    p = parse("en_week_labels.csv")
    assert p.ok, [str(x) for x in p.problems]
    assert p.tables[0].mapping["Week"] == "week"
    assert "totals row(s) 8" in p.tables[0].note
    commit(db, [p])
    assert spans(db) == [
        ("BNI Harbour", date(2024, 12, 30), date(2025, 1, 5), 1.0),  # W1 2025 starts in 2024
        ("BNI Harbour", date(2025, 3, 3), date(2025, 3, 9), 1.0),  # Week 10 2025
        ("BNI Harbour", date(2025, 3, 10), date(2025, 3, 16), 2.0),  # W11 2025
        ("Tech Meetup", date(2025, 3, 17), date(2025, 3, 23), 1.0),  # 2025-W12
        ("Tech Meetup", date(2025, 3, 24), date(2025, 3, 30), 1.0),  # KW 13/2025
        ("Tech Meetup", date(2025, 3, 31), date(2025, 4, 6), 1.0),  # Wk 14 2025
    ]
    assert db.rows("select start_date, end_date, referral_count from referrals order by 1") == [
        (date(2025, 3, 3), date(2025, 3, 9), 1.0),
        (date(2025, 3, 17), date(2025, 3, 23), 1.0),
    ]
    totals = group_totals(db)
    assert totals["BNI Harbour"] == {
        "activities": 4, "hours": 7.5, "cost": 60, "received": 1, "given": 0, "own": 0, "sales": 0, "value": 0,
    }
    assert totals["Tech Meetup"] == {
        "activities": 3, "hours": 6.5, "cost": 20, "received": 1, "given": 0, "own": 0, "sales": 0, "value": 0,
    }


def test_a_week_cut_by_the_period_is_prorated_by_day(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    assert cli.main(["--db", str(db), "import", str(CORPUS / "en_week_labels.csv")]) == 0
    capsys.readouterr()
    assert cli.main(["--db", str(db), "summary", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    got = {g["group"]: (g["activities"], g["hours"], g["expenses"], g["referrals_received"]) for g in doc["groups"]}
    # W1 is outside March; Wk 14 2025 (Mar 31 - Apr 6) has 1 of its 7 days in March
    assert got == {
        "BNI Harbour": (3.0, 5.5, 45.0, 1.0),
        "Tech Meetup": (round(2 + 1 / 7, 4), round(5.5 + 1 / 7, 4), 20.0, 1.0),
    }


def test_german_kalenderwoche_under_a_kw_header(db):
    p = parse("de_kw_labels.csv")
    assert p.ok and p.tables[0].mapping["KW"] == "week"
    commit(db, [p])
    assert spans(db) == [
        ("Unternehmerstammtisch", date(2025, 3, 3), date(2025, 3, 9), 2.0),  # KW 10/2025
        ("Unternehmerstammtisch", date(2025, 3, 10), date(2025, 3, 16), 1.0),  # 11. KW 2025
        ("Unternehmerstammtisch", date(2025, 3, 17), date(2025, 3, 23), 3.0),  # KW 12/25
    ]
    assert group_totals(db)["Unternehmerstammtisch"]["hours"] == 9


def test_french_weeks_with_bom_semicolons_decimal_commas_and_total(db):
    p = parse("fr_semaines.csv")
    assert p.ok and p.details["encoding"] == "utf-8-sig" and p.details["decimal_separator"] == ","
    commit(db, [p])
    assert spans(db) == [
        ("Club Affaires Lyon", date(2025, 3, 3), date(2025, 3, 9), 1.0),
        ("Club Affaires Lyon", date(2025, 3, 10), date(2025, 3, 16), 2.0),
        ("Club Affaires Lyon", date(2025, 3, 17), date(2025, 3, 23), 1.0),
    ]
    assert group_totals(db)["Club Affaires Lyon"] == {
        "activities": 4, "hours": 8, "cost": 45, "received": 3, "given": 0, "own": 0, "sales": 0, "value": 0,
    }


# --- quarters -----------------------------------------------------------------------------------------

QUARTERS_2025 = [
    (date(2025, 1, 1), date(2025, 3, 31)),
    (date(2025, 4, 1), date(2025, 6, 30)),
    (date(2025, 7, 1), date(2025, 9, 30)),
    (date(2025, 10, 1), date(2025, 12, 31)),
]


def test_french_quarters_1er_2e_t3_4eme_trimestre(db):
    store(db, "fr_trimestres.csv")
    assert [(s, e) for _, s, e, _ in spans(db)] == QUARTERS_2025
    assert [c for *_, c in spans(db)] == [6.0, 3.0, 4.0, 2.0]
    assert db.rows("select start_date, end_date, sale_count, amount from sales order by 1") == [
        (date(2025, 1, 1), date(2025, 3, 31), 1.0, 1500.0),
        (date(2025, 7, 1), date(2025, 9, 30), 1.0, 800.0),
    ]
    assert group_totals(db)["CCI Lyon"] == {
        "activities": 15, "hours": 30, "cost": 0, "received": 4, "given": 0, "own": 0, "sales": 2, "value": 2300,
    }


def test_italian_quarters_degree_sign_ordinal_and_roman_numerals_cp1252(db):
    p = parse("it_trimestri.csv")
    assert p.ok and p.details["encoding"] == "cp1252"
    commit(db, [p])
    assert [(s, e, c) for _, s, e, c in spans(db)] == [
        (*QUARTERS_2025[0], 6.0),  # 1° trimestre 2025
        (*QUARTERS_2025[1], 5.0),  # II trimestre 2025
        (*QUARTERS_2025[2], 4.0),  # 3º trimestre 2025
    ]
    assert group_totals(db)["BNI Centro"] == {
        "activities": 15, "hours": 22.5, "cost": 300, "received": 0, "given": 0, "own": 0, "sales": 0, "value": 0,
    }


def test_german_quarters_under_a_quartal_header(db):
    p = parse("de_quartale.csv")
    assert p.ok and p.tables[0].mapping["Quartal"] == "quarter"
    commit(db, [p])
    assert [(s, e, c) for _, s, e, c in spans(db)] == [
        (*QUARTERS_2025[0], 3.0),  # 1. Quartal 2025
        (*QUARTERS_2025[1], 2.0),  # Q2/2025
        (*QUARTERS_2025[2], 1.0),  # 3. Quartal 2025
    ]
    assert group_totals(db)["Unternehmerstammtisch"]["hours"] == 9


def test_a_label_that_names_no_real_period_is_refused_at_its_row_and_column():
    data = "Week,Group,Activities\nWeek 52 2025,A,1\nWeek 53 2025,A,1\nWeek 10,A,1\n5e trimestre 2025,A,1\n"
    p = parse_upload("weeks.csv", data.encode(), ImportOptions())
    assert not p.ok
    located = {(e.row, e.column): e.message for e in p.errors if e.row}
    assert located == {
        (3, "Week"): "'Week 53 2025' is not a real week (the weeks of 2025 are 1 to 52).",
        (4, "Week"): "'Week 10' has no year.",
        (5, "Week"): "Quarter 5 does not exist.",
    }


# --- Google Analytics 'User acquisition': users, not sessions ------------------------------------------

GUIDANCE = "Reports > Acquisition > Traffic acquisition"


@pytest.mark.parametrize(
    ("name", "row", "column"),
    [
        ("ga4_user_acquisition.csv", 10, "First user primary channel group (Default Channel Group)"),
        ("ga4_first_user_engaged.csv", 9, "First user default channel group"),
    ],
)
def test_user_acquisition_export_is_refused_with_what_to_download_instead(db, name, row, column):
    store(db, "us_tracker.csv")
    store(db, "ga4_no_date.csv")
    before = snapshot(db)
    p = parse(name)
    assert not p.ok and p.kind is None and not p.frames
    (error,) = p.errors
    assert (error.file, error.row, error.column) == (name, row, column)
    assert str(error).startswith(f"{name}, row {row}, column '{column}': This is a Google Analytics 'User acquisition'")
    assert "has no Sessions column" in error.message and "direct and social visits" in error.message
    assert GUIDANCE in error.hint and "Download CSV" in error.hint
    result = commit(db, [parse("ga4_channels_daily.csv"), p])
    assert not result.ok and not result.changed
    assert "refused" in result.messages[1] and "User acquisition" in result.messages[1]
    assert snapshot(db) == before
    assert db.rows("select sum(sessions) from web_visits") == [(485.0,)]  # ga4_no_date.csv alone


def test_user_acquisition_refused_by_the_cli_and_nothing_stored(tmp_path, capsys):
    db = tmp_path / "ga.duckdb"
    code = cli.main(["--db", str(db), "import", str(CORPUS / "ga4_no_date.csv"),
                     str(CORPUS / "ga4_user_acquisition.csv")])
    err = capsys.readouterr().err
    assert code == 1
    assert "ga4_user_acquisition.csv, row 10, column 'First user primary channel group (Default Channel Group)': " \
        "This is a Google Analytics 'User acquisition' report" in err
    assert GUIDANCE in err and "nothing was stored" in err
    assert "--skip-bad-rows" not in err  # no row to skip: the whole report is the wrong one
    assert cli.main(["--db", str(db), "web", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total_sessions"] is None


def test_users_by_channel_without_a_ga_title_is_refused_too():
    data = b"Session default channel group,Total users,New users\nDirect,120,100\nOrganic Social,30,25\n"
    p = parse_upload("users.csv", data, ImportOptions())
    assert not p.ok and p.kind is None
    (error,) = p.errors
    assert "has no Sessions column" in error.message and "users are people, not visits" in error.message
    assert GUIDANCE in error.hint


def test_a_user_acquisition_sheet_beside_a_tracker_sheet_is_left_out_with_a_warning(db):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Date", "Group", "Activities", "Hours"])
    ws.append([datetime(2025, 3, 3), "BNI", 2, 3])
    ga = wb.create_sheet("GA users")
    ga.append(["First user primary channel group (Default Channel Group)", "Total users", "New users"])
    ga.append(["Direct", 120, 100])
    out = io.BytesIO()
    wb.save(out)
    p = parse_upload("book.xlsx", out.getvalue(), ImportOptions())
    assert p.ok, [str(x) for x in p.problems]
    (warning,) = p.warnings
    assert (warning.sheet, warning.row) == ("GA users", 1)
    assert "User acquisition" in warning.message and "This sheet was not imported." in warning.message
    assert "GA users" in p.details["ignored_sheets"]
    commit(db, [p])
    assert group_totals(db)["BNI"]["activities"] == 2
    assert db.rows("select count(*) from web_visits") == [(0,)]


def test_a_user_acquisition_export_with_sessions_is_still_read():
    """The red-team file ga4_first_user_no_date.csv has a Sessions column: stored as before."""
    data = (Path(__file__).parent / "redteam" / "ga4_first_user_no_date.csv").read_bytes()
    p = parse_upload("ga4_first_user_no_date.csv", data, ImportOptions())
    assert p.ok and p.kind == "ga4"
    assert p.frames["web_visits"]["sessions"].sum() == 2497
