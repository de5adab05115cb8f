"""The Import, Import history and Manual entry pages through the real app (AppTest) on real DuckDB files.

The app holds its DuckDB file open in this process (st.cache_resource); checks on stored rows go
through that same cached Database object.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from netmetrics import templates
from netmetrics.ui import import_view, resources
from tests.app.conftest import metric_values, open_app

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "ingest" / "corpus"
IMPORT, HISTORY, MANUAL = "pages/import_data.py", "pages/import_history.py", "pages/manual_entry.py"
JANUARY = {"preset": "custom", "from": "2025-01-01", "to": "2025-01-31"}


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def fkey(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def unescape(text: str) -> str:
    return text.replace("\\", "")


def texts(elements) -> str:
    return " ".join(unescape(e.value) for e in elements)


def upload(at, *files: tuple[str, bytes]):
    at.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def preview_columns(at, index: int = 0) -> list[str]:
    previews = [d for d in at.dataframe if any(" · " in str(c) for c in d.value.columns)]
    return list(previews[index].value.columns)


def stored(path, sql: str, params=None):
    """Read through the app's own cached connection (the file is open in this process)."""
    return resources.open_database(str(path)).rows(sql, params)


def upload_from_corpus(tmp_path, monkeypatch, name: str):
    """A new database, the Import page, and the corpus file `name` chosen: (database path, app, file bytes)."""
    path = tmp_path / "import.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    data = corpus(name)
    upload(at, (name, data))
    return path, at, data


def confirm(at):
    at.button(key="nm_import_confirm").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_tracker_preview_mapping_change_confirm_lands_on_its_period(tmp_path, monkeypatch):
    path = tmp_path / "t.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    assert "nm_import_confirm" not in [b.key for b in at.button]  # no files, no confirm
    data = corpus("us_tracker.csv")
    upload(at, ("us_tracker.csv", data))
    assert "tracker table; 3 activities, 3 referrals, 2 sales, 2 groups from 2025-03-04 to 2025-04-01" in texts(
        at.success)
    columns = preview_columns(at)
    assert "Event hours · number" in columns and "From · date" in columns and "Group · text" in columns
    hours = at.selectbox(key=import_view.mapping_key(fkey(data), "", "Hours"))
    assert hours.value == "hours"
    hours.set_value("prep_hours").run()
    columns = preview_columns(at)
    assert "Preparation hours · number" in columns and "Event hours · number" not in columns
    assert at.selectbox(key=import_view.mapping_key(fkey(data), "", "Hours")).value == "prep_hours"
    assert stored(path, "select count(*) from activities") == [(0,)]  # nothing stored before confirming

    confirm(at)
    assert [t.value for t in at.title] == ["Overview"]
    assert at.sidebar.selectbox(key="nm_preset").value == "custom"
    assert at.sidebar.date_input(key="nm_range").value == (date(2025, 3, 4), date(2025, 4, 1))
    values = metric_values(at)
    assert values["Activities"] == "5" and values["Revenue"] == "$2,050" and values["Hours"] == "6.0 h"
    assert values["Referrals received"] == "3"
    assert stored(path, "select sum(prep_hours), sum(event_hours), sum(expenses) from activities") == [
        (6.0, 0.0, 90.0)]
    # the import's messages are said once, on the page the import lands on
    assert "us_tracker.csv: imported as import 1 (3 activities, 3 referrals, 2 sales from 2025-03-04 to " \
           "2025-04-01).  \nNew groups: Rotary Downtown, LinkedIn Group." in texts(at.success)


def test_event_log_mapping_to_not_used_drops_the_column(tmp_path, monkeypatch):
    path, at, data = upload_from_corpus(tmp_path, monkeypatch, "event_log.csv")
    assert "event log (one row per activity); 4 activities" in texts(at.success)
    assert "People met · number" in preview_columns(at)
    at.selectbox(key=import_view.mapping_key(fkey(data), "", "People met")).set_value(None).run()
    assert "People met · number" not in preview_columns(at)
    confirm(at)
    assert at.sidebar.date_input(key="nm_range").value == (date(2025, 1, 8), date(2025, 1, 28))
    assert metric_values(at)["Activities"] == "4"
    assert stored(path, "select count(*), sum(people_met), sum(expenses) from activities") == [(4, 0.0, 25.0)]


def test_workbook_template_imports_every_sheet(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    assert {b.key for b in at.get("download_button")} >= {"nm_template_xlsx", "nm_template_csv"}
    data = templates.workbook_bytes()
    at.file_uploader[0].set_value([(templates.XLSX_NAME, data, templates.XLSX_MIME)]).run()
    assert not at.exception
    assert "workbook; 3 groups, 4 activities, 4 referrals, 2 sales from 2025-01-08 to 2025-02-20" in texts(
        at.success)
    page = texts(at.markdown)
    for sheet in ("Groups", "Activities", "Referrals", "Sales", "How to fill this in"):
        assert f"Sheet '{sheet}'" in page
    activities = 2  # the help sheet, then Groups, Activities, Referrals, Sales
    assert "Activity kind · text" in preview_columns(at, activities)
    assert "Cost / expenses · number" in preview_columns(at, activities)
    at.selectbox(key=import_view.mapping_key(fkey(data), "Activities", "Cost")).set_value(None).run()
    assert "Cost / expenses · number" not in preview_columns(at, activities)
    confirm(at)
    values = metric_values(at)
    assert values["Activities"] == "4" and values["Revenue"] == "$2,050" and values["Referrals given"] == "2"
    assert stored(path, "select count(*), sum(expenses) from activities") == [(4, 0.0)]
    assert stored(path, "select name, type, annual_dues from groups order by name") == [
        ("BNI Harbour", "lead_group", 650.0), ("Chamber of Commerce", "chamber", 420.0),
        ("LinkedIn", "social", 0.0)]


def test_ga4_export_shows_its_columns_and_stores_sessions(tmp_path, monkeypatch):
    path, at, _ = upload_from_corpus(tmp_path, monkeypatch, "ga4_channels_daily.csv")
    assert "Google Analytics 4 export; 40 web_visits from 2025-01-01 to 2025-01-10" in texts(at.success)
    mapping = next(d.value for d in at.dataframe if "Column in the file" in d.value.columns)
    assert dict(zip(mapping["Column in the file"], mapping["Read as"], strict=True))["Sessions"] == "sessions"
    assert "Sessions · number" in preview_columns(at) and "Channel · text" in preview_columns(at)
    assert not [s for s in at.selectbox if (s.key or "").startswith("nm_map_")]  # GA columns are fixed
    confirm(at)
    assert [t.value for t in at.title] == ["Web traffic"]  # GA files only: the page that shows them
    assert at.sidebar.date_input(key="nm_range").value == (date(2025, 1, 1), date(2025, 1, 10))
    assert dict(stored(path, "select channel, sum(sessions) from web_visits group by channel")) == {
        "Direct": 1045, "Organic Social": 245, "Paid Social": 95, "Organic Search": 2045}


def test_columns_nobody_recognises_can_be_mapped_by_hand(tmp_path, monkeypatch):
    path = tmp_path / "m.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    data = b"Quando;Chi;Quante volte\n2025-01-10;BNI Harbour;2\n2025-01-17;BNI Harbour;1\n"
    upload(at, ("strano.csv", data))
    assert "No table in this file was recognised" in texts(at.error)
    assert at.button(key="nm_import_confirm").disabled
    for header, target in (("Quando", "date"), ("Chi", "group_name"), ("Quante volte", "activity_count")):
        at.selectbox(key=import_view.mapping_key(fkey(data), "", header)).set_value(target).run()
    assert "strano.csv: tracker table; 2 activities, 1 groups from 2025-01-10 to 2025-01-17" in texts(at.success)
    confirm(at)
    assert metric_values(at)["Activities"] == "3"
    mapping = stored(path, "select details from imports")[0][0]
    assert '"Quante volte": "activity_count"' in mapping


@pytest.mark.parametrize(("name", "expected"), [
    ("binary.csv", "not a text table"),
    ("fake_pdf.csv", "not"),
    ("empty.csv", "empty"),
])
def test_a_refused_file_shows_its_error_and_no_traceback(tmp_path, monkeypatch, name, expected):
    _, at, _ = upload_from_corpus(tmp_path, monkeypatch, name)
    assert not at.exception
    error = texts(at.error)
    assert "Not recognised, nothing will be stored" in error and expected in error.lower()
    assert at.button(key="nm_import_confirm").disabled
    assert "Traceback" not in error


def test_bad_rows_refuse_the_file_until_skipped_and_the_skipped_rows_are_listed(tmp_path, monkeypatch):
    path, at, data = upload_from_corpus(tmp_path, monkeypatch, "negative_hours.csv")
    problems = next(d.value for d in at.dataframe if "What to do" in d.value.columns)
    row = problems[problems["Problem"].str.contains("below zero")].iloc[0]
    assert "row 3" in row["Where"] and "Hours" in row["Where"] and "leave it empty" in row["What to do"]
    assert at.button(key="nm_import_confirm").disabled
    at.checkbox(key=import_view.skip_key(fkey(data))).check().run()
    skipped = next(d.value for d in at.dataframe if "Why" in d.value.columns)
    assert list(skipped["Row"]) == [3] and "below zero" in skipped["Why"][0]
    assert "1 row(s) will be skipped" in texts(at.warning)
    confirm(at)
    assert stored(path, "select count(*), sum(event_hours) from activities") == [(2, 4.0)]


def test_ambiguous_dates_ask_for_the_order(tmp_path, monkeypatch):
    path, at, data = upload_from_corpus(tmp_path, monkeypatch, "ambiguous_dates.csv")
    assert at.button(key="nm_import_confirm").disabled
    at.radio(key=import_view.order_key(fkey(data))).set_value("monthfirst").run()
    assert "from 2025-03-04 to 2025-04-05" in texts(at.success)
    confirm(at)
    assert stored(path, "select min(start_date), max(start_date) from activities") == [
        (date(2025, 3, 4), date(2025, 4, 5))]


def test_a_tracker_without_dates_asks_for_its_period(tmp_path, monkeypatch):
    path, at, data = upload_from_corpus(tmp_path, monkeypatch, "tracker_no_date.csv")
    assert "no date column" in " ".join(at.dataframe[-1].value["Problem"])
    at.date_input(key=import_view.period_key(fkey(data))).set_value((date(2025, 1, 1), date(2025, 1, 31))).run()
    assert "from 2025-01-01 to 2025-01-31" in texts(at.success)
    confirm(at)
    assert metric_values(at)["Activities"] == "5"
    assert stored(path, "select distinct start_date, end_date from activities") == [
        (date(2025, 1, 1), date(2025, 1, 31))]


def test_the_same_file_again_changes_nothing_and_says_when(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    data = corpus("us_tracker.csv")
    confirm(upload(at, ("us_tracker.csv", data)))
    version = resources.open_database(str(path)).data_version()
    at.switch_page(str(ROOT / IMPORT)).run()
    confirm(upload(at, ("us_tracker.csv", data)))
    assert [t.value for t in at.title] == ["Import"]  # nothing new: stay here and say why
    assert "already imported on" in texts(at.info)
    assert resources.open_database(str(path)).data_version() == version
    assert stored(path, "select count(*) from imports") == [(1,)]


def test_an_overlapping_ga_export_says_which_days_it_replaced(tmp_path, monkeypatch):
    path = tmp_path / "o.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    confirm(upload(at, ("ga4_overlap_a.csv", corpus("ga4_overlap_a.csv"))))
    assert "ga4_overlap_a.csv: imported as import 1" in texts(at.success)  # said where the import lands
    at.switch_page(str(ROOT / IMPORT)).run()
    assert "ga4_overlap_a.csv" not in texts(at.success)  # said once, then gone
    confirm(upload(at, ("ga4_overlap_b.csv", corpus("ga4_overlap_b.csv"))))
    message = texts(at.success)
    assert "ga4_overlap_b.csv: imported as import 2" in message and "import 1" not in message
    assert "10 web-visit rows from older imports (ga4_overlap_a.csv) overlapping these days were replaced by " \
           "this newer file, so no day is counted twice." in message
    assert stored(path, "select count(*), count(distinct start_date) from web_visits") == [(31, 31)]


def test_history_lists_imports_and_undo_restores_the_totals(tmp_path, monkeypatch):
    path = tmp_path / "h.duckdb"
    at = open_app(path, monkeypatch, page=IMPORT)
    confirm(upload(at, ("event_log.csv", corpus("event_log.csv"))))
    at.switch_page(str(ROOT / IMPORT)).run()
    confirm(upload(at, ("us_tracker.csv", corpus("us_tracker.csv"))))
    assert stored(path, "select count(*) from activities") == [(7,)]
    at.switch_page(str(ROOT / HISTORY)).run()
    table = at.dataframe[0].value
    assert list(table["File"]) == ["us_tracker.csv", "event_log.csv"]
    assert list(table["Rows"]) == [8, 4] and list(table["Undone"]) == ["", ""]
    assert str(table["From"][0]) == "2025-03-04" and str(table["To"][0]) == "2025-04-01"
    at.button(key="nm_undo_2").click().run()
    assert not at.exception
    assert "Import 2 (us_tracker.csv) undone: 8 rows removed." in texts(at.success)
    table = at.dataframe[0].value
    assert table["Undone"][0] != "" and table["Undone"][1] == ""
    assert not [b for b in at.button if b.key == "nm_undo_2"]
    assert stored(path, "select count(*), sum(activity_count) from activities") == [(4, 4.0)]
    assert stored(path, "select count(*) from sales") == [(0,)]


def test_manual_entry_adds_an_activity_and_the_overview_counts_it(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY)
    assert metric_values(at)["Activities"] == "3.6"
    at.switch_page(str(ROOT / MANUAL)).run()
    assert not at.exception
    editor = at.data_editor(key="nm_manual_activities_0")
    assert editor.editing_mode == "dynamic" and len(editor.value) == 4
    at.session_state["nm_manual_activities_0"] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"group": "Harbour", "start_date": "2025-01-22", "event_hours": 2, "expenses": 15}],
    }
    at.button(key="nm_manual_save_activities").click().run()
    assert not at.exception
    assert "Activities: 1 added, 0 changed, 0 deleted. Saved." in texts(at.success)
    assert len(at.data_editor(key="nm_manual_activities_1").value) == 5
    at.switch_page(str(ROOT / "pages/overview.py")).run()
    assert metric_values(at)["Activities"] == "4.6"


def test_manual_entry_refuses_negative_hours_and_stores_nothing(hand_path, monkeypatch):
    at = open_app(hand_path, monkeypatch, JANUARY, page=MANUAL)
    version = resources.open_database(str(hand_path)).data_version()
    at.session_state["nm_manual_activities_0"] = {
        "edited_rows": {"0": {"prep_hours": -2}}, "deleted_rows": [],
        "added_rows": [{"group": "Harbour", "start_date": "2025-01-22", "event_hours": 1}],
    }
    at.button(key="nm_manual_save_activities").click().run()
    assert not at.exception
    assert "nothing was saved because 1 problem(s) were found" in texts(at.error)
    problems = next(d.value for d in at.dataframe if "What to do" in d.value.columns)
    assert problems["Where"][0] == "Activities table, row 1, column 'Prep hours'"
    assert problems["Problem"][0] == "-2 is below zero."
    assert resources.open_database(str(hand_path)).data_version() == version
    assert stored(hand_path, "select count(*), sum(prep_hours) from activities") == [(4, 1.5)]
