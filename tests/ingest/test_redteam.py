"""Red team: files shaped like the ones real users upload (tests/ingest/redteam/, written by make_redteam.py,
and workbooks built here with openpyxl), imported through the CLI into a fresh database; the totals per
group and per channel were worked out by hand from the files. Broken files must be refused with exit 1,
a message naming the file (and row/column), and the database content unchanged."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from netmetrics import cli
from netmetrics.db import Database

from .conftest import snapshot

REDTEAM = Path(__file__).parent / "redteam"
MEASURES = ("activities", "hours", "expenses", "referrals_received", "referrals_given", "own_purchases", "sales",
            "sales_value")


def run(capsys, db_path: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def import_(capsys, db_path: Path, *files, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    return run(capsys, db_path, "import", *(str(f) for f in files), *extra)


def groups(capsys, db_path: Path) -> dict[str, dict[str, float]]:
    code, out, err = run(capsys, db_path, "summary", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    return {g["group"]: {k: g[k] for k in MEASURES} for g in doc["groups"]}


def web(capsys, db_path: Path, *argv: str) -> dict:
    code, out, err = run(capsys, db_path, "web", "--format", "json", *argv)
    assert code == 0, err
    return json.loads(out)


def content(db_path: Path) -> dict[str, list]:
    db = Database(db_path)
    try:
        return snapshot(db)
    finally:
        db.close()


def m(activities=0, hours=0, expenses=0, received=0, given=0, own=0, sales=0, value=0) -> dict[str, float]:
    return dict(zip(MEASURES, map(float, (activities, hours, expenses, received, given, own, sales, value)),
                    strict=True))


def test_corpus_is_what_the_generator_writes():
    from . import make_redteam

    for name, data in make_redteam.FILES.items():
        assert (REDTEAM / name).read_bytes() == data, f"{name} differs: run python tests/ingest/make_redteam.py"


# --- Google Analytics ---------------------------------------------------------------------------------

GA_CASES = {
    # file: (direct, social (organic + paid), paid social, all sessions, first day, last day)
    "ga4_acq_new_header.csv": (3000, 200, 20, 4427, "2025-01-01", "2025-01-03"),
    "ga4_old_header_nth_day.csv": (30, 7, 0, 53, "2025-02-01", "2025-02-02"),
    "ga4_first_user_no_date.csv": (2310, 175, 30, 2497, "2025-03-01", "2025-03-31"),
    "ga4_source_medium_range.csv": (500, 110, 20, 1558, "2025-04-01", "2025-04-30"),
    "ga4_source_medium_two_columns.csv": (220, 25, 0, 345, "2025-05-01", "2025-05-02"),
    "ua_channels_range.csv": (1234, 567, 0, 3900, "2024-01-01", "2024-01-31"),
    "ua_channels_euro.csv": (2345, 1001, 0, 3356, "2024-02-01", "2024-02-29"),
    "ua_channels_by_date.csv": (22, 10, 0, 32, "2024-01-05", "2024-01-06"),
    "ga_api_export.csv": (15, 6, 1, 51, "2025-06-01", "2025-06-02"),
}


@pytest.mark.parametrize("name", list(GA_CASES))
def test_google_analytics_exports_give_the_channel_totals(tmp_path, capsys, name):
    direct, social, paid, total, first, last = GA_CASES[name]
    db = tmp_path / "ga.duckdb"
    code, out, err = import_(capsys, db, REDTEAM / name)
    assert code == 0, err
    doc = web(capsys, db)
    assert (doc["from"], doc["to"]) == (first, last)
    assert doc["direct_sessions"] == direct
    assert doc["social_sessions"] == social
    assert doc["paid_social_sessions"] == paid
    assert doc["total_sessions"] == total
    assert groups(capsys, db) == {}


def test_ga4_nth_day_counts_from_the_start_date(tmp_path, capsys):
    db = tmp_path / "ga.duckdb"
    import_(capsys, db, REDTEAM / "ga4_old_header_nth_day.csv")
    rows = web(capsys, db, "--grain", "day")["rows"]
    assert [(r["start"], r["direct_sessions"], r["total_sessions"]) for r in rows] == [
        ("2025-02-01", 10, 21),
        ("2025-02-02", 20, 32),
    ]


def test_a_report_without_dates_is_stored_as_one_range_and_prorated(tmp_path, capsys):
    db = tmp_path / "ga.duckdb"
    import_(capsys, db, REDTEAM / "ga4_first_user_no_date.csv")
    # 2310 direct sessions over the 31 days of March; the first 10 days hold 10/31 of them
    doc = web(capsys, db, "--from", "2025-03-01", "--to", "2025-03-10")
    assert doc["direct_sessions"] == pytest.approx(2310 * 10 / 31, abs=1e-3)


def test_overlapping_ga_exports_never_double_count(tmp_path, capsys):
    db = tmp_path / "ga.duckdb"
    import_(capsys, db, REDTEAM / "ga4_acq_new_header.csv")
    code, out, err = import_(capsys, db, REDTEAM / "ga4_acq_new_header.csv")
    assert code == 0 and "already imported" in out
    assert web(capsys, db)["total_sessions"] == 4427


# --- trackers -----------------------------------------------------------------------------------------

TRACKERS = {
    "it_tracker_cp1252.csv": {
        "BNI Centro": m(2, 5.5, 70, 3, 3, 1, 1, 1250.5),
        "Camera di commercio di Torino": m(1, 2, 1000),
        "Fiera Artigianato": m(1, 8, 120, 1, 0, 0, 1, 2400),
        "Confartigianato": m(1, 1.5),
        "Gruppo Facebook Imprenditori": m(3, 0.75),
        "Amici del calcetto": m(1, 2, 15, 1, 0, 0, 1, 300),
    },
    "fr_tracker_utf8_nbsp.csv": {
        "Club Affaires Nantes": m(2, 7, 1275, 3, 2, 1, 1, 2500),
        "Chambre de commerce": m(1, 2, 0, 1, 0, 0, 1, 1000.5),
        "Réseau LinkedIn": m(4, 1.5),
    },
    "fr_tracker_bom_comma.csv": {
        "Club Affaires Nantes": m(1, 2.5, 25),
        "Réseau LinkedIn": m(2, 0.5, 0, 1, 0, 0, 1, 1200),
    },
    "us_tracker_excel.csv": {
        "Rotary Club": m(2, 3.5, 1270, 1, 2, 0, 1, 3400),
        "BNI Downtown": m(3, 4.5, 75, 2, 1),
    },
    "fi_tracker_utf16le.txt": {
        "Yrittäjät": m(2, 3.5, 40, 1, 0, 0, 1, 900),
        "BNI Helsinki": m(1, 2, 30, 2, 1),
    },
    "ru_tracker_utf16be.csv": {"Деловой клуб": m(2, 5, 2000, 1, 0, 0, 1, 15000)},
    "monthly_iso.csv": {"Group A": m(4, 6, 20)},
    "monthly_en.csv": {"Group A": m(4, 6, 20)},
    "monthly_fr.csv": {"Groupe A": m(4, 6, 20)},
    "monthly_it.csv": {"Gruppo A": m(4, 6, 20)},
    "quarterly.csv": {"Chamber": m(9, 18, 0, 3)},
    "week_start.csv": {"Lunch Club": m(3, 5)},
}


@pytest.mark.parametrize("name", list(TRACKERS))
def test_trackers_give_the_group_totals(tmp_path, capsys, name):
    db = tmp_path / "t.duckdb"
    code, out, err = import_(capsys, db, REDTEAM / name)
    assert code == 0, err
    assert groups(capsys, db) == TRACKERS[name]
    doc = web(capsys, db)
    assert doc["total_sessions"] is None and doc["rows"] == []


def test_group_types_in_italian_french_and_finnish_map_to_the_seven_types(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    import_(capsys, db, REDTEAM / "it_tracker_cp1252.csv")
    import_(capsys, db, REDTEAM / "fr_tracker_utf8_nbsp.csv")
    import_(capsys, db, REDTEAM / "fi_tracker_utf16le.txt")
    code, out, _ = run(capsys, db, "summary", "--format", "json")
    types = {g["group"]: g["type"] for g in json.loads(out)["groups"]}
    assert types == {
        "BNI Centro": "lead_group",
        "Camera di commercio di Torino": "chamber",
        "Fiera Artigianato": "event",
        "Confartigianato": "association",
        "Gruppo Facebook Imprenditori": "social",
        "Amici del calcetto": "informal",
        "Club Affaires Nantes": "lead_group",
        "Chambre de commerce": "chamber",
        "Réseau LinkedIn": "social",
        "Yrittäjät": "association",
        "BNI Helsinki": "lead_group",
    }


def test_periods_are_stored_with_their_start_and_end(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    import_(capsys, db, REDTEAM / "quarterly.csv")
    import_(capsys, db, REDTEAM / "week_start.csv")
    database = Database(db)
    try:
        spans = database.rows("select start_date, end_date, activity_count from activities order by start_date")
    finally:
        database.close()
    assert spans == [
        (date(2025, 1, 1), date(2025, 3, 31), 6.0),
        (date(2025, 3, 3), date(2025, 3, 9), 1.0),
        (date(2025, 3, 10), date(2025, 3, 16), 2.0),
        (date(2025, 4, 1), date(2025, 6, 30), 3.0),
    ]


def test_a_file_without_dates_needs_a_period(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, _, err = import_(capsys, db, REDTEAM / "no_date_period.csv")
    assert code == 1 and "--period" in err
    code, _, err = import_(capsys, db, REDTEAM / "no_date_period.csv", extra=("--period", "2025-01-01..2025-03-31"))
    assert code == 0, err
    assert groups(capsys, db) == {"Alpha": m(4, 6, 0, 2, 0, 0, 1, 500), "Beta": m(1, 1)}


def test_formula_injection_is_stored_as_text_and_neutralised_in_csv(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, _, err = import_(capsys, db, REDTEAM / "formula_injection.csv")
    assert code == 0, err
    assert groups(capsys, db) == {"=cmd|' /C calc'!A0": m(1, 2), "Alpha": m(1, 2)}
    code, out, _ = run(capsys, db, "summary", "--format", "csv")
    assert "\n'=cmd|' /C calc'!A0," in out


def test_several_expense_columns_are_added_up_and_a_money_sales_column_is_revenue(tmp_path, capsys):
    path = tmp_path / "costs.csv"
    path.write_text(
        "Date,Group,Activities,Hours,Tickets,Travel,Meals,Membership fee,Sales ($),Sales\n"
        '2025-01-05,Alpha,1,2,$20.00,$5.50,$12.00,,"$1,000.00",1\n'
        "2025-01-12,Alpha,1,2,$20.00,,,$300.00,,0\n"
    )
    db = tmp_path / "t.duckdb"
    code, _, err = import_(capsys, db, path)
    assert code == 0, err
    # 20 + 5.50 + 12 + 20 + 300 = 357.50; 'Travel' holds money, not hours
    assert groups(capsys, db) == {"Alpha": m(2, 4, 357.5, 0, 0, 0, 1, 1000)}


def test_a_total_cost_column_is_not_added_to_its_parts(tmp_path, capsys):
    path = tmp_path / "costs.csv"
    path.write_text("Date,Group,Activities,Tickets,Meals,Total cost\n2025-01-05,Alpha,1,20,10,30\n")
    db = tmp_path / "t.duckdb"
    assert import_(capsys, db, path)[0] == 0
    assert groups(capsys, db)["Alpha"]["expenses"] == 30


# --- workbooks ----------------------------------------------------------------------------------------


def owner_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Groups"
    ws["A1"] = "My networking 2025"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append([])
    ws.append(["Name", "Type", "Joined", "Annual dues"])
    ws.append(["BNI Harbour", "Referral group", datetime(2024, 3, 1), 720])
    ws.append(["Chamber East", "Chamber of commerce", 45292, "€ 300,00"])  # serial 45292 = 2024-01-01
    ws.append(["Tech Meetup", "event", None, None])
    acts = wb.create_sheet("Activities")
    acts["A1"] = "Activity log"
    acts.merge_cells("A1:F1")
    acts.append([])
    acts.append(["Date", "Group", "Kind", "Hours", "Prep hours", "Cost"])
    acts.append([datetime(2025, 1, 8), "BNI Harbour", "Breakfast", 1.5, 0.5, 15])
    acts.append([date(2025, 1, 15), "bni harbour ", "Breakfast", 1.5, 0.5, 15])
    acts.append([45680, "Chamber East", "Mixer", 2, 0, 0])  # serial 45680 = 2025-01-23
    acts.append(["2025-02-05", "Tech Meetup", "Talk", 3, 1, 20])
    acts.append(["TOTAL", None, None, "=SUM(D4:D7)", "=SUM(E4:E7)", "=SUM(F4:F7)"])  # no cached values
    refs = wb.create_sheet("Referrals")
    refs.append(["Date", "Group", "Direction", "Own purchase", "Contact"])
    refs.append([datetime(2025, 1, 9), "BNI Harbour", "Received", "no", "Ada"])
    refs.append([datetime(2025, 1, 16), "BNI Harbour", "Given", "yes", "Bob"])
    refs.append([datetime(2025, 1, 24), "Chamber East", "received", None, "Cy"])
    sales = wb.create_sheet("Sales")
    sales.append(["Date", "Group", "Amount", "Client"])
    sales.append([datetime(2025, 2, 1), "BNI Harbour", 1250, "Ada Ltd"])
    sales.append([datetime(2025, 2, 20), "Chamber East", 800.5, "Cy & Co"])
    sales.append([None, None, "=SUM(C2:C3)", None])  # unlabelled totals row, no cached value
    return wb


def xlsx(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_owner_workbook_with_title_rows_merged_cells_and_formula_totals(tmp_path, capsys):
    path = tmp_path / "network.xlsx"
    path.write_bytes(xlsx(owner_workbook()))
    db = tmp_path / "t.duckdb"
    code, out, err = import_(capsys, db, path)
    assert code == 0, err
    # hours: 'Hours' is the total, prep hours are part of it
    assert groups(capsys, db) == {
        "BNI Harbour": m(2, 3, 30, 1, 1, 1, 1, 1250),
        "Chamber East": m(1, 2, 0, 1, 0, 0, 1, 800.5),
        "Tech Meetup": m(1, 3, 20),
    }
    database = Database(db)
    try:
        rows = database.rows("select name, type, joined_on, annual_dues from groups order by name")
    finally:
        database.close()
    assert rows == [
        ("BNI Harbour", "lead_group", date(2024, 3, 1), 720.0),
        ("Chamber East", "chamber", date(2024, 1, 1), 300.0),
        ("Tech Meetup", "event", None, 0.0),
    ]


def test_a_summary_sheet_beside_dated_sheets_is_not_counted_twice(tmp_path, capsys):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Date", "Group", "Activities", "Hours", "Referrals received"])
    ws.append([datetime(2025, 3, 3), "BNI", 1, 2, 1])
    ws.append([datetime(2025, 3, 10), "BNI", 1, 2, 0])
    per_group = wb.create_sheet("Per group")
    per_group.append(["Group", "Activities", "Hours", "Referrals received"])
    per_group.append(["BNI", 2, 4, 1])
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx(wb))
    db = tmp_path / "t.duckdb"
    code, out, err = import_(capsys, db, path)
    assert code == 0, err
    assert "summary" in out
    assert groups(capsys, db) == {"BNI": m(2, 4, 0, 1)}


# --- refusals -----------------------------------------------------------------------------------------

REFUSALS = {
    # file: words the message must hold (the problem, where, what to do)
    "header_only.csv": ("row 1", "no data rows"),
    "mismatched_columns.csv": ("row 3", "row 4", "header has 4 columns"),
    "one_column.txt": ("only one column",),
    "negative_counts.csv": ("row 3", "column 'Activities'", "below zero"),
    "abc_hours.csv": ("row 3", "column 'Hours'", "'abc' is not a number"),
    "feb_31.csv": ("row 3", "column 'Date'", "'31/02/2025' is not a real date"),
    "far_future.csv": ("row 3", "column 'Date'", "far in the future", "Check the year"),
    "far_past.csv": ("row 3", "column 'Date'", "far in the past"),
    "long_cell.csv": ("row 2", "column 'Notes'", "too long"),
    "nul_bytes.csv": ("NUL", "line 2"),
    "zip_renamed.xlsx": ("zip archive", "not an Excel workbook"),
    "not_a_zip.xlsx": ("damaged", "save it again"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_broken_files_are_refused_and_change_nothing(tmp_path, capsys, name):
    db = tmp_path / "t.duckdb"
    assert import_(capsys, db, REDTEAM / "us_tracker_excel.csv")[0] == 0
    before = content(db)
    code, out, err = import_(capsys, db, REDTEAM / name)
    assert code == 1
    assert name in err and "nothing was stored" in err
    for words in REFUSALS[name]:
        assert words in err, (words, err)
    assert content(db) == before


def test_a_truncated_workbook_is_refused(tmp_path, capsys):
    data = xlsx(owner_workbook())
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    db = tmp_path / "t.duckdb"
    code, _, err = import_(capsys, db, path)
    assert code == 1 and "cut.xlsx" in err and "damaged" in err


def test_a_formula_whose_result_was_never_saved_is_named(tmp_path, capsys):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Date", "Group", "Activities", "Hours"])
    ws.append([datetime(2025, 3, 3), "BNI", 1, "=1+1"])
    path = tmp_path / "f.xlsx"
    path.write_bytes(xlsx(wb))
    code, _, err = import_(capsys, tmp_path / "t.duckdb", path)
    assert code == 1
    assert "sheet 'Tracker', row 2, column 'Hours'" in err and "result was not saved" in err


def test_one_broken_file_refuses_the_whole_upload(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    assert import_(capsys, db, REDTEAM / "ga4_acq_new_header.csv")[0] == 0
    before = content(db)
    code, _, err = import_(capsys, db, REDTEAM / "it_tracker_cp1252.csv", REDTEAM / "abc_hours.csv")
    assert code == 1 and "abc_hours.csv" in err
    assert content(db) == before


def test_skip_bad_rows_stores_the_good_ones(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, out, err = import_(capsys, db, REDTEAM / "far_future.csv", extra=("--skip-bad-rows",))
    assert code == 0, err
    assert "skipped row 3" in out
    assert groups(capsys, db) == {"Alpha": m(1, 2)}
