"""The CLI over a real database built from known rows; its JSON equals hand-computed numbers."""

import csv
import io
import json
import math

import pytest

from netmetrics import cli
from netmetrics.metrics import SUMMARY_FIELDS
from tests.conftest import EXPECTED_JANUARY


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def close(a, b) -> bool:
    if b is None:
        return a is None
    return a is not None and math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-4)


def test_summary_json_equals_hand_computed_numbers(hand_db, capsys):
    path = str(hand_db.path)
    hand_db.close()
    code, out, _ = run(capsys, "--db", path, "summary", "--from", "2025-01-01", "--to", "2025-01-31",
                       "--hourly-rate", "10", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2025-01-01", "2025-01-31")
    assert {g["group"]: g["type"] for g in doc["groups"]} == {
        "Harbour": "lead_group", "Chamber": "chamber", "Quiet": "informal"}
    for group in doc["groups"]:
        assert list(group) == ["group", "type", *SUMMARY_FIELDS]
        expected = EXPECTED_JANUARY[group["group"]]
        assert all(close(group[f], expected[f]) for f in SUMMARY_FIELDS), group
    assert list(doc["total"]) == list(SUMMARY_FIELDS)
    assert all(close(doc["total"][f], EXPECTED_JANUARY["Total"][f]) for f in SUMMARY_FIELDS)


def test_summary_without_dates_covers_all_data(hand_db, capsys):
    path = str(hand_db.path)
    hand_db.close()
    code, out, _ = run(capsys, "--db", path, "summary", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["from"] == "2024-06-01" and doc["to"] == "2025-02-03"
    # The February activity (9 h, 999 expenses) now counts too.
    assert doc["total"]["expenses"] == pytest.approx(60 + 50 + 999)


def test_summary_table_and_csv(hand_db, capsys):
    path = str(hand_db.path)
    hand_db.close()
    code, out, _ = run(capsys, "--db", path, "summary", "--from", "2025-01-01", "--to", "2025-01-31")
    assert code == 0 and "Harbour" in out and "Return ratio" in out and "$750" in out
    code, out, _ = run(capsys, "--db", path, "summary", "--from", "2025-01-01", "--to", "2025-01-31",
                       "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["group"] for r in rows] == ["Chamber", "Harbour", "Quiet", "Total"]
    assert rows[2]["sales_per_activity"] == "" and float(rows[1]["sales_value"]) == 750


def test_demo_then_refuse_twice(tmp_path, capsys):
    path = str(tmp_path / "demo.duckdb")
    code, out, _ = run(capsys, "--db", path, "demo")
    assert code == 0 and "Loaded the demo data" in out
    code, _, err = run(capsys, "--db", path, "demo")
    assert code == 1 and "netmetrics:" in err
    code, out, _ = run(capsys, "--db", path, "summary", "--format", "json")
    assert len(json.loads(out)["groups"]) == 6


def test_bad_arguments_are_explained(tmp_path, capsys):
    path = str(tmp_path / "x.duckdb")
    code, _, err = run(capsys, "--db", path, "summary", "--from", "2025-02-01", "--to", "2025-01-01")
    assert code == 1 and "before" in err
    with pytest.raises(SystemExit):
        cli.main(["--db", path, "summary", "--from", "01/02/2025"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_empty_database_summary_has_null_ratios(tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(tmp_path / "e.duckdb"), "summary", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["groups"] == []
    assert doc["total"]["activities"] == 0 and doc["total"]["return_ratio_pct"] is None
