"""`netmetrics import / imports / undo / web` on real files and a real DuckDB file, including a
kill -9 in the middle of an import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netmetrics import cli
from netmetrics.db import Database

CORPUS = Path(__file__).resolve().parents[1] / "ingest" / "corpus"


def run(capsys, db_path, *argv) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def content(db_path) -> dict[str, list[tuple]]:
    """Every row of every table, to compare a database's content before and after."""
    db = Database(db_path)
    try:
        return {t: sorted(db.rows(f"select * from {t}"), key=repr)  # noqa: S608 - fixed names
                for t in ("groups", "imports", "activities", "referrals", "sales", "web_visits", "settings")}
    finally:
        db.close()


def test_import_then_summary_matches_the_file(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, out, _ = run(capsys, db, "import", str(CORPUS / "us_tracker.csv"))
    assert code == 0 and "imported as import 1" in out
    code, out, _ = run(capsys, db, "summary", "--format", "json")
    doc = json.loads(out)
    assert doc["total"]["sales_value"] > 0 and doc["total"]["activities"] > 0
    assert {g["group"] for g in doc["groups"]} >= {"Rotary Downtown"}


def test_a_refused_file_exits_1_names_the_row_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    run(capsys, db, "import", str(CORPUS / "event_log.csv"))
    before = content(db)
    code, _, err = run(capsys, db, "import", str(CORPUS / "negative_hours.csv"))
    assert code == 1
    assert "row 3" in err and "'Hours'" in err and "nothing was stored" in err
    assert "(or use --skip-bad-rows)" in err  # a bad row: skipping it is a way out
    assert content(db) == before


def test_one_bad_file_refuses_the_whole_batch(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    before = content(db)
    code, _, err = run(capsys, db, "import", str(CORPUS / "event_log.csv"), str(CORPUS / "binary.csv"))
    assert code == 1 and "binary data" in err
    assert content(db) == before


def test_skip_bad_rows_stores_the_rest_and_lists_what_was_skipped(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, out, _ = run(capsys, db, "import", str(CORPUS / "negative_hours.csv"), "--skip-bad-rows")
    assert code == 0 and "skipped row 3" in out
    assert Database(db).scalar("select count(*) from activities") > 0


def test_ambiguous_dates_need_an_order(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, _, err = run(capsys, db, "import", str(CORPUS / "ambiguous_dates.csv"))
    assert code == 1 and "--dayfirst or --monthfirst" in err
    code, _, _ = run(capsys, db, "import", str(CORPUS / "ambiguous_dates.csv"), "--dayfirst")
    assert code == 0
    dates = Database(db).rows("select distinct start_date from activities order by 1")
    assert str(dates[0][0]) == "2025-04-03"  # 03/04/2025 read day first


def test_reimport_changes_nothing_and_undo_restores(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    run(capsys, db, "import", str(CORPUS / "event_log.csv"))
    before = content(db)
    code, out, _ = run(capsys, db, "import", str(CORPUS / "event_log.csv"))
    assert code == 0 and "already imported" in out
    assert content(db) == before
    code, out, _ = run(capsys, db, "imports")
    assert "event_log.csv" in out and "active" in out
    code, out, _ = run(capsys, db, "undo", "1")
    assert code == 0 and "undone" in out
    assert Database(db).scalar("select count(*) from activities") == 0
    code, _, err = run(capsys, db, "undo", "42")
    assert code == 1 and "no import 42" in err


def test_overlapping_ga_exports_never_double_count(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    run(capsys, db, "import", str(CORPUS / "ga4_overlap_a.csv"))
    _, out, _ = run(capsys, db, "web", "--from", "2025-01-01", "--to", "2025-01-31", "--format", "json")
    first = json.loads(out)
    run(capsys, db, "import", str(CORPUS / "ga4_overlap_b.csv"))
    _, out, _ = run(capsys, db, "web", "--from", "2025-01-01", "--to", "2025-01-31", "--grain", "day",
                    "--format", "json")
    both = json.loads(out)
    assert [r["start"] for r in both["rows"]] == sorted({r["start"] for r in both["rows"]})  # one row a day
    assert len(both["rows"]) == 31
    assert both["total_sessions"] != first["total_sessions"]


def test_web_without_a_channel_says_null_not_zero(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    run(capsys, db, "import", str(CORPUS / "ga4_no_channel.csv"))
    code, out, _ = run(capsys, db, "web", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["direct_sessions"] is None and doc["social_sessions"] is None
    assert doc["total_sessions"] > 0
    _, out, _ = run(capsys, db, "web")
    assert "not in the data" in out


def test_web_csv_cells_are_neutralised(tmp_path, capsys):
    _, out, _ = run(capsys, tmp_path / "t.duckdb", "web", "--format", "csv")
    assert out.splitlines()[0] == "start,direct_sessions,social_sessions,paid_social_sessions,total_sessions"


def _big_tracker(path: Path, rows: int) -> None:
    lines = ["Date,Group,Activities,Hours,Cost,Referrals received,Sales,Sales value"]
    lines += [f"2025-{1 + i % 12:02d}-{1 + i % 28:02d},Group {i % 40},1,2,10,1,0,0" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _import_process(db: Path, big: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "netmetrics.cli", "--db", str(db), "import", str(big)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_kill_9_mid_import_leaves_all_or_nothing(tmp_path):
    """Time a whole import, then kill -9 fresh imports at several points late in it (parsing done,
    storing under way or committing): each database reopens with all rows or none."""
    rows, big = 60_000, tmp_path / "big.csv"
    _big_tracker(big, rows)
    started = time.monotonic()
    assert _import_process(tmp_path / "full.duckdb", big).wait() == 0
    duration = time.monotonic() - started
    for i, fraction in enumerate((0.7, 0.85, 0.95, 0.99)):
        db = tmp_path / f"kill{i}.duckdb"
        Database(db).close()
        process = _import_process(db, big)
        time.sleep(duration * fraction)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        check = Database(db)
        state = (check.scalar("select count(*) from activities"), check.scalar("select count(*) from imports"))
        check.close()
        assert state in ((0, 0), (rows, 1)), f"killed at {fraction:.0%}: {state}"


def test_limits_come_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NETMETRICS_MAX_ROWS", "2")
    code, _, err = run(capsys, tmp_path / "t.duckdb", "import", str(CORPUS / "event_log.csv"))
    assert code == 1 and "NETMETRICS_MAX_ROWS" not in err and "rows" in err
    monkeypatch.setenv("NETMETRICS_MAX_ROWS", "1000")
    monkeypatch.setenv("NETMETRICS_MAX_FILE_MB", "1")
    code, _, _ = run(capsys, tmp_path / "t.duckdb", "import", str(CORPUS / "event_log.csv"))
    assert code == 0
