"""Broken and hostile files are refused with a message naming the problem, the row and the column;
nothing escapes parse_upload as an exception, and a refused file leaves the database as it was."""

from __future__ import annotations

from datetime import date

import pytest

from netmetrics.ingest import ImportOptions, commit, parse_upload

from .conftest import corpus, parse, snapshot, store


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("binary.csv", "binary data"),
        ("empty.csv", "empty"),
        ("only_blank_lines.csv", "empty"),
        ("fake_pdf.csv", "PDF document"),
        ("picture.png", "PNG image"),
        ("notes.docx", "'.docx' cannot be imported"),
        ("not_a_table.txt", "No table in this file was recognised"),
    ],
)
def test_not_a_table_is_refused_with_a_clear_message(name, words):
    p = parse(name)
    assert not p.ok and p.kind is None and not p.frames
    assert words in p.errors[0].message
    assert p.errors[0].file == name


def test_negative_hours_names_row_and_column():
    p = parse("negative_hours.csv")
    assert not p.ok
    first = p.errors[0]
    assert (first.row, first.column) == (3, "Hours")
    assert "below zero" in first.message and "correct the cell" in first.hint
    assert str(first).startswith("negative_hours.csv, row 3, column 'Hours': -3 is below zero.")
    assert len([e for e in p.errors if e.row is not None]) == 1


def test_impossible_date():
    p = parse("impossible_date.csv")
    (first, *_rest) = p.errors
    assert (first.row, first.column) == (3, "Date")
    assert "'2025-02-30' is not a real date" in first.message


def test_text_and_formula_in_number_columns():
    p = parse("text_in_number.csv")
    located = {(e.row, e.column): e.message for e in p.errors if e.row}
    assert located == {
        (2, "Activities"): "'two' is not a number.",
        (3, "Cost"): "'=SUM(B2:B3)' is not a number (it looks like a formula saved as text).",
    }


def test_skip_bad_rows_lists_what_was_skipped(db):
    p = parse("negative_hours.csv", skip_bad_rows=True)
    assert p.ok
    assert [(s.row, s.sheet) for s in p.skipped_rows] == [(3, None)]
    assert "below zero" in p.skipped_rows[0].reason
    commit(db, [p])
    assert db.rows("select count(*), sum(event_hours) from activities") == [(2, 4.0)]


def test_ambiguous_day_month_order_must_be_chosen():
    p = parse("ambiguous_dates.csv")
    assert p.needs_date_order and not p.ok
    assert "--dayfirst" in p.errors[0].hint
    dayfirst = parse("ambiguous_dates.csv", date_order="dayfirst")
    monthfirst = parse("ambiguous_dates.csv", date_order="monthfirst")
    assert dayfirst.ok and monthfirst.ok
    assert dayfirst.frames["activities"]["start_date"].min() == date(2025, 4, 3)
    assert monthfirst.frames["activities"]["start_date"].min() == date(2025, 3, 4)


def test_size_and_row_limits_are_refused_clearly():
    p = parse("us_tracker.csv", max_bytes=100)
    assert not p.ok and "more than the limit" in p.errors[0].message and "Split it" in p.errors[0].hint
    p = parse("us_tracker.csv", max_rows=2)
    assert not p.ok and "more than 2 rows" in p.errors[0].message


def test_refused_file_leaves_database_unchanged(db):
    store(db, "us_tracker.csv")
    before = snapshot(db)
    result = commit(db, [parse("it_tracker_cp1252.csv"), parse("negative_hours.csv")])
    assert not result.ok and not result.changed
    assert "refused" in result.messages[1] and "row 3" in result.messages[1]
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\xff\xfe\x00", "The file is empty."),
        (b"PK\x03\x04garbage", "damaged"),
        (b'a,b\n"unterminated', "No table in this file was recognised"),
        (b"\x00" * 100, "The file is empty."),
        ("é".encode("utf-16"), "only one column"),
        (b",,,\n,,,\n", "only one column"),
        (b"Date,Group\n", "no data rows"),
        (b"#only a comment\n", "only one column"),
        (b"x" * 5000, "only one column"),
    ],
)
def test_garbage_never_raises(data, words):
    p = parse_upload("weird.csv", data, ImportOptions())
    assert not p.ok
    assert p.problems and all(isinstance(x.message, str) for x in p.problems)
    # refused on purpose, not by the catch-all that hides an exception inside the parser
    (error,) = p.errors
    assert error.file == "weird.csv" and words in error.message
    assert p.kind is None and not p.frames


def test_wrong_extension_for_a_workbook_is_still_read_by_content():
    from .conftest import workbook_bytes

    p = parse_upload("exported.csv", workbook_bytes(), ImportOptions())
    assert p.kind == "workbook"
    assert p.ok
    assert {t: len(f) for t, f in p.frames.items()} == {"groups": 3, "activities": 4, "referrals": 4, "sales": 2}


def test_fake_xlsx_is_refused():
    p = parse_upload("data.xlsx", corpus("us_tracker.csv"), ImportOptions())
    assert not p.ok and "not one" in p.errors[0].message
