"""The demo data: deterministic, loads in one transaction, and tells its stories through mart_metrics."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from netmetrics import demo
from netmetrics.db import Database

END = date(2026, 11, 23)
START = END - timedelta(days=729)
FACTS = ("activities", "referrals", "sales", "web_visits")


@pytest.fixture
def fresh_db(tmp_path):
    database = Database(tmp_path / "t.duckdb")
    yield database
    database.close()


def group(db: Database, group_type: str) -> dict:
    frame = db.df("select * from groups where type = ?", [group_type])
    assert len(frame) == 1
    row = frame.iloc[0].to_dict()
    for key in ("joined_on", "left_on"):
        row[key] = None if pd.isna(row[key]) else pd.Timestamp(row[key]).date()
    return row


def all_time(db: Database) -> pd.DataFrame:
    """One row per group over the whole demo period, indexed by type."""
    frame = db.df("select * from mart_metrics(?, ?, 'period', 1, 0) where not is_total", [START, END])
    return frame.set_index("type")


def cumulative_since_joining(db: Database, group_type: str) -> pd.DataFrame:
    """Month by month since the group was joined: cumulative cost and revenue (money only)."""
    g = group(db, group_type)
    frame = db.df(
        "select bucket, cost, sales_value from mart_metrics(?, ?, 'month', 1, 0) where group_id = ? "
        "order by bucket", [g["joined_on"], END, g["group_id"]])
    frame["month_no"] = range(1, len(frame) + 1)  # the month of joining is month 1
    frame["cum_cost"] = frame["cost"].cumsum()
    frame["cum_revenue"] = frame["sales_value"].cumsum()
    return frame


# -- generate ---------------------------------------------------------------------------------------
def test_generate_is_deterministic():
    first, second = demo.generate(END), demo.generate(END)
    assert first.keys() == second.keys() == {"groups", "activities", "referrals", "sales", "web_visits"}
    for key in first:
        pd.testing.assert_frame_equal(first[key], second[key])


def test_a_later_end_shifts_the_dates():
    later = END + timedelta(days=365)
    now, then = demo.generate(END), demo.generate(later)
    for frames, end in ((now, END), (then, later)):
        web = frames["web_visits"]
        assert web["start_date"].min() == end - timedelta(days=729)
        assert web["end_date"].max() == end
        assert max(frames[t]["end_date"].max() for t in ("activities", "referrals", "sales")) <= end
        assert frames["groups"].set_index("type").loc["association", "joined_on"] == end - timedelta(days=90)
    lead_now = now["groups"].set_index("type").loc["lead_group", "joined_on"]
    lead_then = then["groups"].set_index("type").loc["lead_group", "joined_on"]
    assert lead_then == lead_now.replace(year=lead_now.year + 1)


def test_frames_have_no_id_columns_and_six_typed_groups():
    frames = demo.generate(END)
    groups = frames["groups"]
    assert sorted(groups["group_id"]) == [1, 2, 3, 4, 5, 6]
    assert set(groups["type"]) == {"chamber", "lead_group", "event", "association", "social", "informal"}
    assert groups.set_index("type").loc[["social", "informal"], "annual_dues"].eq(0).all()
    assert 600 <= groups.set_index("type").loc["lead_group", "annual_dues"] <= 1000
    assert groups.set_index("type").loc["chamber", "annual_dues"] > 0
    for table in ("activities", "referrals", "sales", "web_visits"):
        assert "import_id" not in frames[table]
        assert not {"activity_id", "sale_id", "visit_id"} & set(frames[table].columns)
    assert "referral_id" not in frames["referrals"]
    activities = frames["activities"]
    assert (activities["start_date"] == activities["end_date"]).all()
    assert set(activities["kind"]) == {"meeting", "one_to_one", "event", "post", "lunch"}
    assert set(activities["person"]) == {demo.OWNER, demo.EMPLOYEE}
    assert (activities["person"] == demo.OWNER).mean() > 0.8


# -- load, clear ------------------------------------------------------------------------------------
def test_load_demo_writes_one_import_and_flags_the_workspace(fresh_db):
    version = fresh_db.data_version()
    assert not demo.is_demo(fresh_db)
    import_id = demo.load_demo(fresh_db, END)
    assert demo.is_demo(fresh_db)
    assert fresh_db.data_version() == version + 1
    row = fresh_db.rows("select file_name, kind, row_count, date_from, date_to from imports")
    fact_rows = sum(fresh_db.scalar(f"select count(*) from {t}") for t in FACTS)  # noqa: S608
    assert row == [("demo data", "demo", fact_rows, START, END)]
    for table in FACTS:
        assert fresh_db.scalar(f"select count(*) from {table} where import_id is distinct from ?",  # noqa: S608
                               [import_id]) == 0


def test_loading_twice_is_refused_and_changes_nothing(demo_db):
    before = demo_db.data_version()
    with pytest.raises(ValueError, match="already holds groups"):
        demo.load_demo(demo_db, END)
    assert demo_db.scalar("select count(*) from imports") == 1
    assert demo_db.scalar("select count(*) from groups") == 6
    assert demo_db.data_version() == before


def test_clear_all_data_empties_every_table_and_allows_a_new_load(fresh_db):
    demo.load_demo(fresh_db, END)
    version = fresh_db.data_version()
    demo.clear_all_data(fresh_db)
    for table in (*FACTS, "groups", "imports"):
        assert fresh_db.scalar(f"select count(*) from {table}") == 0  # noqa: S608
    assert not demo.is_demo(fresh_db)
    assert fresh_db.data_version() == version + 1
    demo.load_demo(fresh_db, END)  # fresh ids from the sequences: no collisions
    assert fresh_db.scalar("select count(*) from groups") == 6


def test_sales_point_at_earlier_referrals_of_their_group(demo_db):
    links = demo_db.df("""
        select s.group_id = r.group_id as same_group, r.direction, s.start_date - r.start_date as lag_days
        from sales as s join referrals as r using (referral_id)""")
    total = demo_db.scalar("select count(*) from sales")
    assert len(links) == demo_db.scalar("select count(referral_id) from sales")
    assert 0.6 * total <= len(links) < total  # most sales have a referral, some do not
    assert links["same_group"].all()
    assert (links["direction"] == "received").all()
    assert links["lag_days"].min() >= 14  # networking pays late
    assert links["lag_days"].median() >= 30


def test_facts_fall_inside_each_membership(demo_db):
    outside = demo_db.scalar("""
        select count(*) from (
            select group_id, start_date, end_date from activities
            union all select group_id, start_date, end_date from referrals
            union all select group_id, start_date, end_date from sales
        ) as f join groups as g using (group_id)
        where f.start_date < g.joined_on or f.end_date > coalesce(g.left_on, ?)""", [END])
    assert outside == 0


# -- the stories ------------------------------------------------------------------------------------
def test_lead_group_pays_back_in_month_seven_to_nine_and_stays_ahead(demo_db):
    lead = group(demo_db, "lead_group")
    assert 20 <= (END.year - lead["joined_on"].year) * 12 + END.month - lead["joined_on"].month <= 22
    months = cumulative_since_joining(demo_db, "lead_group")
    ahead = months["cum_revenue"] > months["cum_cost"]
    payback = int(months.loc[ahead, "month_no"].min())
    assert 7 <= payback <= 9
    assert ahead[months["month_no"] >= payback].all()


def test_chamber_never_pays_back(demo_db):
    months = cumulative_since_joining(demo_db, "chamber")
    assert len(months) >= 20
    assert (months["cum_revenue"] < months["cum_cost"]).all()
    assert all_time(demo_db).loc["chamber", "return_ratio_pct"] < 100


def test_social_group_takes_the_most_hours_for_the_fewest_sales(demo_db):
    groups = all_time(demo_db)
    assert groups["hours"].idxmax() == "social"
    assert groups.loc["social", "hours"] > 1.5 * groups.drop("social")["hours"].max()
    judged = groups.drop("association")  # too early to have sales
    assert groups.loc["social", "sales"] == judged["sales"].min()
    assert (groups["sales_value"] / groups["hours"]).drop("association").idxmin() == "social"


def test_informal_network_has_the_fewest_activities_and_best_referrals(demo_db):
    groups = all_time(demo_db)
    assert groups["activities"].idxmin() == "informal"
    assert groups["value_per_referral"].idxmax() == "informal"


def test_association_is_too_early_to_judge(demo_db):
    association = group(demo_db, "association")
    assert association["joined_on"] == END - timedelta(days=90)
    assert association["joined_on"] > END - timedelta(days=183)
    assert all_time(demo_db).loc["association", "activities"] > 0


def test_event_series_was_left_last_year(demo_db):
    event = group(demo_db, "event")
    assert event["left_on"].year == END.year - 1
    assert all_time(demo_db).loc["event", "activities"] > 0
    after = demo_db.df("select * from mart_metrics(?, ?, 'period', 1, 0) where group_id = ?",
                  [event["left_on"] + timedelta(days=1), END, event["group_id"]])
    measures = ["activities", "referrals_received", "referrals_given", "sales", "cost"]
    assert after[measures].fillna(0).eq(0).all(axis=None)


def test_own_purchases_exist_and_are_a_minority_of_given_referrals(demo_db):
    total = demo_db.df("select * from mart_metrics(?, ?, 'period', 1, 0) where is_total", [START, END]).iloc[0]
    assert total["own_purchases"] > 0
    assert total["own_purchases"] < 0.4 * total["referrals_given"]
    assert demo_db.scalar("select count(*) from referrals where own_purchase and direction <> 'given'") == 0
    both = demo_db.scalar("select count(distinct direction) from referrals")
    assert both == 2


def test_activity_time_beyond_the_event_is_visible(demo_db):
    groups = all_time(demo_db)
    for group_type in ("chamber", "lead_group", "event"):
        row = groups.loc[group_type]
        assert row["prep_hours"] + row["travel_hours"] + row["recovery_hours"] > row["event_hours"] * 0.6


# -- web visits -------------------------------------------------------------------------------------
def test_web_visits_have_five_channels_every_day(demo_db):
    web = demo_db.df("select * from web_visits")
    assert len(web) == 730 * 5
    assert set(web["channel"]) == set(demo.CHANNELS)
    per_day = web.groupby("start_date")["channel"].nunique()
    assert len(per_day) == 730 and (per_day == 5).all()
    assert (web["start_date"] == web["end_date"]).all()
    assert (web["sessions"] == web["sessions"].round()).all()
    assert (web["users"] <= web["sessions"]).all()
    assert set(web.loc[web["channel"] == "Direct", "source"]) == {"(direct)"}


def test_direct_follows_people_met_and_organic_social_follows_posts():
    frames = demo.generate(END)
    web = frames["web_visits"].pivot(index="start_date", columns="channel", values="sessions")
    web.index = pd.to_datetime(web.index)
    acts = frames["activities"].assign(day=pd.to_datetime(frames["activities"]["start_date"]))
    met = acts[acts["mode"] != "online"].groupby("day")["people_met"].sum().reindex(web.index, fill_value=0)
    posts = acts[acts["kind"] == "post"].groupby("day").size().reindex(web.index, fill_value=0)
    weekly_direct = web["Direct"].resample("W").sum()
    met_before = met.shift(1, fill_value=0).rolling(28, min_periods=1).sum().resample("W").mean()
    assert np.corrcoef(weekly_direct, met_before)[0, 1] > 0.4
    assert np.corrcoef(web["Organic Social"], posts)[0, 1] > 0.6
