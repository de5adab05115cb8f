"""Manual entry (netmetrics.manual) on a real DuckDB file: load, add/edit/delete by id, the import's
validation rules, all-or-nothing saves and the data version."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from netmetrics import manual

TABLES = ("groups", "imports", "activities", "referrals", "sales", "web_visits", "settings")


def snapshot(db) -> dict[str, list]:
    return {t: sorted(map(repr, db.rows(f"select * from {t}"))) for t in TABLES}  # noqa: S608


def add(frame: pd.DataFrame, **values) -> pd.DataFrame:
    row = {c: None for c in frame.columns} | values
    out = pd.concat([frame, pd.DataFrame([row])], ignore_index=True)
    out.index = pd.RangeIndex(1, len(out) + 1)
    return out


def problems(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_load_shapes_each_table_for_editing(hand_db):
    frame = manual.load(hand_db, "activities")
    assert list(frame.columns) == ["activity_id", *manual.SPECS["activities"].columns]
    assert list(frame.index) == [1, 2, 3, 4]  # row numbers people see
    assert frame["start_date"].iloc[0] == date(2025, 2, 3)  # latest first
    assert set(frame["group"]) == {"Harbour", "Chamber"}
    groups = manual.load(hand_db, "groups")
    assert list(groups["name"]) == ["Chamber", "Harbour", "Quiet"]
    referrals = manual.load(hand_db, "referrals")
    assert referrals["own_purchase"].dtype == bool and referrals["own_purchase"].sum() == 1
    assert manual.count(hand_db, "referrals") == 6


def test_load_shows_only_the_latest_rows(hand_db):
    frame = manual.load(hand_db, "activities", limit=2)
    assert len(frame) == 2 and manual.count(hand_db, "activities") == 4
    assert list(frame["start_date"]) == [date(2025, 2, 3), date(2025, 1, 15)]


def test_unknown_table_is_refused(hand_db):
    with pytest.raises(ValueError, match="not an editable table"):
        manual.load(hand_db, "settings; drop table groups")


def test_add_edit_and_delete_by_id_in_one_save(hand_db):
    original = manual.load(hand_db, "activities")
    version = hand_db.data_version()
    edited = original.copy()
    outside = int(original.loc[1, "activity_id"])  # the 3 Feb activity
    changed = int(original.loc[2, "activity_id"])
    edited.loc[2, "event_hours"] = 3.0
    edited = edited.drop(index=1)
    edited = add(edited, group=" harbour ", start_date=date(2025, 1, 22), event_hours=2, expenses=15, kind="Lunch",
                 mode="offline")
    result = manual.save(hand_db, "activities", original, edited)
    assert result.ok, problems(result)
    assert (result.inserted, result.updated, result.deleted) == (1, 1, 1)
    assert result.message == "Activities: 1 added, 1 changed, 1 deleted. Saved."
    assert hand_db.data_version() == version + 1
    assert hand_db.rows("select count(*) from activities where activity_id = ?", [outside]) == [(0,)]
    assert hand_db.rows("select event_hours from activities where activity_id = ?", [changed]) == [(3.0,)]
    assert hand_db.rows(
        "select g.name, start_date, end_date, activity_count, kind, mode, expenses, import_id "
        "from activities a join groups g using (group_id) where kind = 'Lunch'") == [
        ("Harbour", date(2025, 1, 22), date(2025, 1, 22), 1.0, "Lunch", "offline", 15.0, None)]


def test_no_changes_store_nothing_and_keep_the_version(hand_db):
    original = manual.load(hand_db, "sales")
    before = snapshot(hand_db)
    result = manual.save(hand_db, "sales", original, add(original.copy()))  # a blank new row is ignored
    assert result.ok and not result.changed and result.message == "Sales: no changes to save."
    assert snapshot(hand_db) == before


@pytest.mark.parametrize(("values", "expected"), [
    ({"group": "Harbour", "start_date": date(2025, 1, 22), "prep_hours": -2},
     "Activities table, row 5, column 'Prep hours': -2 is below zero. Counts, hours and amounts cannot be "
     "below zero: correct the cell or leave it empty."),
    ({"group": "Harbour", "start_date": date(2025, 1, 22), "expenses": "lots"},
     "Activities table, row 5, column 'Cost': 'lots' is not a number."),
    ({"group": None, "start_date": date(2025, 1, 22)},
     "Activities table, row 5, column 'Group': The group name is missing. Every row needs the name of the "
     "group it belongs to: fill it in."),
    ({"group": "Nowhere", "start_date": date(2025, 1, 22)},
     "Activities table, row 5, column 'Group': There is no group called 'Nowhere'. Choose one of your groups"),
    ({"group": "Harbour", "start_date": None, "event_hours": 1},
     "Activities table, row 5, column 'Date': The date is missing."),
    ({"group": "Harbour", "start_date": "2025-02-30"},
     "Activities table, row 5, column 'Date': "),
    ({"group": "Harbour", "start_date": date(2025, 1, 22), "end_date": date(2025, 1, 20)},
     "Activities table, row 5, column 'Until': The period ends before it starts."),
    ({"group": "Harbour", "start_date": date(2025, 1, 22), "mode": "telepathy"},
     "Activities table, row 5, column 'Online/offline': 'telepathy' is not online, offline or both."),
])
def test_a_bad_activity_stores_nothing_and_says_what_where_and_what_to_do(hand_db, values, expected):
    original = manual.load(hand_db, "activities")
    edited = original.copy()
    edited.loc[1, "notes"] = "this good change is not stored either"
    before = snapshot(hand_db)
    result = manual.save(hand_db, "activities", original, add(edited, **values))
    assert not result.ok and len(result.problems) == 1
    assert problems(result)[0].startswith(expected)
    assert result.problems[0].hint
    assert snapshot(hand_db) == before


def test_referral_rules_match_the_import(hand_db):
    original = manual.load(hand_db, "referrals")
    bad = add(original, group="Harbour", start_date=date(2025, 1, 5), direction="received", own_purchase=True)
    assert problems(manual.save(hand_db, "referrals", original, bad)) == [
        "Referrals table, row 7, column 'Own purchase': A received referral cannot be an own purchase. "
        "Own purchases are referrals you give: set the direction to 'given'."]
    missing = add(original, group="Harbour", start_date=date(2025, 1, 5))
    assert "The direction is missing." in problems(manual.save(hand_db, "referrals", original, missing))[0]
    good = add(original, group="Quiet", start_date=date(2025, 1, 5), direction="given", own_purchase=True,
               contact="Eve")
    result = manual.save(hand_db, "referrals", original, good)
    assert result.ok and result.inserted == 1
    assert hand_db.rows("select direction, own_purchase, referral_count from referrals where contact = 'Eve'") == [
        ("given", True, 1.0)]


def test_groups_add_rename_and_check_names_types_and_dates(hand_db):
    original = manual.load(hand_db, "groups")
    edited = original.copy()
    edited.loc[3, "name"] = "Quiet Circle"  # rename: facts follow by id
    edited = add(edited, name="Golf Friends", type="informal", joined_on=date(2025, 1, 1), annual_dues=120)
    result = manual.save(hand_db, "groups", original, edited)
    assert result.ok and (result.inserted, result.updated) == (1, 1)
    assert hand_db.rows("select count(*) from sales s join groups g using (group_id) where g.name = 'Quiet Circle'"
                        ) == [(1,)]
    assert hand_db.rows("select type, annual_dues from groups where name = 'Golf Friends'") == [("informal", 120.0)]

    original = manual.load(hand_db, "groups")
    duplicate = add(original, name=" harbour ", type="chamber")
    assert "There is already a group called 'Harbour'." in problems(manual.save(hand_db, "groups", original,
                                                                                 duplicate))[0]
    wrong_type = add(original, name="New", type="secret society")
    assert "'secret society' is not a group type." in problems(manual.save(hand_db, "groups", original,
                                                                            wrong_type))[0]
    backwards = add(original, name="New", joined_on=date(2025, 2, 1), left_on=date(2025, 1, 1))
    assert "The group was left before it was joined." in problems(manual.save(hand_db, "groups", original,
                                                                               backwards))[0]
    french = add(original, name="CCI Lyon", type="Chambre de commerce")  # the import's synonyms apply
    assert manual.save(hand_db, "groups", original, french).ok
    assert hand_db.rows("select type from groups where name = 'CCI Lyon'") == [("chamber",)]


def test_a_group_with_rows_cannot_be_deleted_but_an_empty_one_can(hand_db):
    original = manual.load(hand_db, "groups")
    before = snapshot(hand_db)
    result = manual.save(hand_db, "groups", original, original.drop(index=2))  # Harbour
    assert problems(result) == [
        "Groups table, column 'Name': The group 'Harbour' cannot be deleted: it still has 3 activities, "
        "5 referrals, 2 sales. Delete those rows on their tabs first (or undo the import that brought them), "
        "then delete the group."]
    assert snapshot(hand_db) == before
    edited = add(original, name="Temporary")
    assert manual.save(hand_db, "groups", original, edited).ok
    original = manual.load(hand_db, "groups")
    row = original.index[original["name"] == "Temporary"][0]
    result = manual.save(hand_db, "groups", original, original.drop(index=row))
    assert result.ok and result.deleted == 1
    assert hand_db.rows("select count(*) from groups where name = 'Temporary'") == [(0,)]


def test_rows_from_elsewhere_are_refused(hand_db):
    original = manual.load(hand_db, "sales")
    edited = original.copy()
    edited.loc[1, "sale_id"] = 999_999
    result = manual.save(hand_db, "sales", original, edited)
    assert not result.ok and "were not part of the table" in problems(result)[0]


def test_empty_table_for_a_new_workspace(empty_db):
    frame = manual.load(empty_db, "groups")
    assert frame.empty and list(frame.columns) == ["group_id", *manual.SPECS["groups"].columns]
    result = manual.save(empty_db, "groups", frame, add(frame, name="BNI Harbour", type="lead_group"))
    assert result.ok and empty_db.rows("select name, type, annual_dues from groups") == [
        ("BNI Harbour", "lead_group", 0.0)]
