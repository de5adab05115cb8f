"""commit / undo / list_imports on a real DuckDB file: idempotency, overlap, undo, group matching."""

from __future__ import annotations

import contextlib
import json

import pytest

from netmetrics.ingest import ImportOptions, commit, list_imports, parse_upload, undo

from .conftest import channel_totals, group_totals, parse, snapshot, store


def test_import_twice_changes_nothing_and_says_when(db):
    first = store(db, "us_tracker.csv")
    version = db.data_version()
    before = snapshot(db)
    second = store(db, "us_tracker.csv")
    assert second.files[0].status == "already_imported"
    assert second.files[0].previous_import_id == first.import_ids[0]
    assert "already imported on" in second.messages[0]
    assert snapshot(db) == before and db.data_version() == version


def test_same_file_twice_in_one_upload_is_stored_once(db):
    result = commit(db, [parse("us_tracker.csv"), parse("us_tracker.csv")])
    assert [f.status for f in result.files] == ["imported", "already_imported"]
    assert group_totals(db)["Rotary Downtown"]["activities"] == 2


def test_imports_row_records_file_kind_hash_rows_range_and_details(db):
    p = parse("it_tracker_cp1252.csv")
    commit(db, [p])
    frame = list_imports(db)
    row = frame.iloc[0]
    assert (row["file_name"], row["kind"], row["row_count"]) == ("it_tracker_cp1252.csv", "tracker", 10)
    assert str(row["date_from"])[:10] == "2025-03-03" and str(row["date_to"])[:10] == "2025-03-30"
    sha, details = db.rows("select sha256, details from imports")[0]
    assert sha == p.sha256
    details = json.loads(details)
    assert details["recognised"]["encoding"] == "cp1252"
    assert details["tables"][0]["mapping"]["Ore"] == "hours"


def test_groups_matched_ignoring_case_and_spaces(db):
    store(db, "event_log.csv")
    data = b"Date,Group,Activities\n2025-02-01,  bni HARBOUR ,3\n"
    commit(db, [parse_upload("more.csv", data, ImportOptions())])
    assert db.rows("select count(*) from groups where lower(name) like '%harbour%'") == [(1,)]
    assert group_totals(db)["BNI Harbour"]["activities"] == 5


def test_overlapping_ga_exports_newer_file_wins_and_undo_restores(db):
    store(db, "ga4_overlap_a.csv")  # Jan 1-20, Direct 10..29 per day
    assert channel_totals(db) == {"Direct": sum(range(10, 30))}
    result = store(db, "ga4_overlap_b.csv")  # Jan 11-31, Direct 20..40 per day
    outcome = result.files[0]
    assert outcome.replaced_web_rows == 10 and "replaced by this newer file" in outcome.message
    assert channel_totals(db) == {"Direct": sum(range(10, 20)) + sum(range(20, 41))}
    assert db.rows("select count(*), count(distinct start_date) from web_visits") == [(31, 31)]
    message = undo(db, outcome.import_id)
    assert "put back" in message
    assert channel_totals(db) == {"Direct": sum(range(10, 30))}


def test_overlapping_range_rows_are_replaced(db):
    store(db, "ga4_no_date.csv")  # Mar 2025 range rows
    data = (
        b"# Start date: 20250315\n# End date: 20250415\nSession default channel group,Sessions\nDirect,99\n"
    )
    result = commit(db, [parse_upload("ga4_mid_march.csv", data, ImportOptions())])
    assert result.files[0].replaced_web_rows == 4
    assert channel_totals(db) == {"Direct": 99}


def test_undo_removes_facts_marks_import_and_bumps_version(db):
    result = store(db, "it_tracker_cp1252.csv", "ga4_channels_daily.csv")
    assert len(result.import_ids) == 2
    version = db.data_version()
    message = undo(db, result.import_ids[0])
    assert "undone: 10 rows removed" in message
    assert db.rows("select count(*) from activities") == [(0,)]
    assert db.rows("select count(*) from web_visits") == [(40,)]
    assert db.data_version() == version + 1
    frame = list_imports(db)
    undone = frame.set_index("import_id").loc[result.import_ids[0], "undone_at"]
    assert undone is not None and str(undone) != "NaT"
    assert "already undone" in undo(db, result.import_ids[0])
    again = store(db, "it_tracker_cp1252.csv")  # an undone file may be imported again
    assert again.files[0].status == "imported"


def test_undo_unknown_import_says_so(db):
    with pytest.raises(LookupError, match="no import 999"):
        undo(db, 999)


def test_commit_is_one_transaction(db, monkeypatch):
    from netmetrics.db import Database

    before = snapshot(db)
    calls = {"n": 0}
    real = Database.insert_frame

    def failing(cur, table, frame):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(cur, table, frame)

    monkeypatch.setattr(Database, "insert_frame", staticmethod(failing))
    with contextlib.suppress(RuntimeError):
        commit(db, [parse("it_tracker_cp1252.csv"), parse("ga4_channels_daily.csv")])
    assert snapshot(db) == before
