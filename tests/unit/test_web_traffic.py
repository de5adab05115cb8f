"""Web traffic: the lag correlation finds a planted lag; GA imports read back like the CLI; range totals
and files without a channel are shown as such."""

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from netmetrics import cli, web_traffic
from netmetrics.charts import web_traffic as web_charts
from netmetrics.db import Database
from netmetrics.ingest import ImportOptions, commit, parse_upload
from netmetrics.periods import Period
from tests.conftest import insert, single

CORPUS = Path(__file__).resolve().parents[1] / "ingest" / "corpus"


def planted(lag: int, weeks: int = 60, noise: float = 2.0, seed: int = 7) -> pd.DataFrame:
    """Weekly activities at random; direct visits = 40 + 6 x the activities `lag` weeks earlier + noise
    (the first `lag` weeks are driven by activities from before the data starts)."""
    rng = np.random.default_rng(seed)
    activities = rng.integers(0, 10, weeks + lag).astype(float)  # lag weeks of history, then the data
    direct = 40 + 6 * activities[:weeks] + rng.normal(0, noise, weeks)
    first = date(2024, 1, 1)  # a Monday
    return pd.DataFrame({"week": [first + timedelta(weeks=k) for k in range(weeks)],
                         "activities": activities[lag:], "direct_sessions": direct})


@pytest.mark.parametrize("lag", [0, 3, 5])
def test_lag_correlation_finds_the_planted_lag(lag):
    weeks = planted(lag)
    correlation = web_traffic.lag_correlation(weeks)
    assert list(correlation["lag"]) == list(range(9))
    best = web_traffic.strongest_lag(correlation)
    assert int(best["lag"]) == lag and best["r"] > 0.9
    assert list(correlation["weeks"]) == [60 - k for k in range(9)]  # n - lag pairs of weeks


def test_lag_correlation_matches_weeks_by_date_not_by_position():
    weeks = planted(3).drop(index=[20, 21]).reset_index(drop=True)  # two weeks missing from the export
    correlation = web_traffic.lag_correlation(weeks)
    assert int(web_traffic.strongest_lag(correlation)["lag"]) == 3
    assert correlation.loc[3, "r"] > 0.9
    assert correlation.loc[0, "weeks"] == 58 and correlation.loc[3, "weeks"] == 57 - 4  # each gap loses two pairs


def test_too_few_weeks_or_no_variation_gives_no_correlation():
    short = planted(0, weeks=6)
    correlation = web_traffic.lag_correlation(short)
    assert correlation["r"].isna().all()
    assert web_traffic.strongest_lag(correlation) is None
    assert "Not enough weeks" in web_traffic.correlation_caption(correlation)
    flat = planted(0).assign(activities=3.0)
    assert web_traffic.lag_correlation(flat)["r"].isna().all()


def test_caption_is_honest():
    caption = web_traffic.correlation_caption(web_traffic.lag_correlation(planted(3)))
    assert "3 weeks later" in caption and "from 57 pairs of weeks" in caption
    assert "correlation, not proof" in caption


def store(db, name: str):
    result = commit(db, [parse_upload(name, (CORPUS / name).read_bytes(), ImportOptions())])
    assert result.ok, result.messages


@pytest.fixture
def ga_db(tmp_path):
    db = Database(tmp_path / "ga.duckdb")
    store(db, "ga4_channels_daily.csv")
    yield db
    db.close()


def test_ga_only_database_reads_like_the_cli(ga_db):
    period = Period(date(2025, 1, 1), date(2025, 1, 10))
    assert web_traffic.web_span(ga_db) == (date(2025, 1, 1), date(2025, 1, 10))
    frame = web_traffic.sessions_over_time(ga_db, period, "day")
    assert len(frame) == 10 and frame["has_web"].all() and (frame["activities"] == 0).all()
    sums = web_traffic.totals(frame)
    document = cli.web_document(ga_db, period.start, period.end, "month")
    assert sums == {f: document[f] for f in web_traffic.TOTAL_FIELDS}
    assert sums["direct_sessions"] == sum(range(100, 110))
    assert "a week" in web_traffic.reading(sums, period.days)
    fig = web_charts.sessions_with_activities(frame, grain="day")
    assert {t.name for t in fig.data} >= {"Direct sessions", "Social sessions"}
    assert fig.layout.yaxis.title.text == "Website sessions per day"
    assert fig.layout.yaxis2.title.text == "Networking activities per day"


def test_a_file_without_channel_is_not_in_this_file_never_zero(tmp_path):
    db = Database(tmp_path / "nochannel.duckdb")
    store(db, "ga4_no_channel.csv")
    frame = web_traffic.sessions_over_time(db, Period(date(2025, 4, 1), date(2025, 4, 3)), "day")
    sums = web_traffic.totals(frame)
    assert sums["direct_sessions"] is None and sums["social_sessions"] is None
    assert sums["total_sessions"] == 36
    assert web_traffic.session_text(sums["direct_sessions"]) == "not in this file"
    assert "not in this file" in web_traffic.reading(sums, 3)
    assert [t.name for t in web_charts.sessions_with_activities(frame).data][1:] == ["All sessions"]
    db.close()


def test_range_totals_are_listed_as_given_and_flagged_when_cut(tmp_path):
    db = Database(tmp_path / "range.duckdb")
    store(db, "ga4_no_date.csv")  # one total per channel for 1-31 March 2025
    whole = web_traffic.ranges(db, Period(date(2025, 3, 1), date(2025, 3, 31)))
    assert len(whole) == 1
    row = whole.iloc[0]
    assert (row["days"], row["days_in_period"], bool(row["prorated"])) == (31, 31, False)
    assert (row["direct_sessions"], row["social_sessions"], row["total_sessions"]) == (310, 160, 485)
    cut = web_traffic.ranges(db, Period(date(2025, 3, 10), date(2025, 4, 30))).iloc[0]
    assert cut["days_in_period"] == 22 and bool(cut["prorated"])
    table = web_traffic.ranges_table(web_traffic.ranges(db, Period(date(2025, 3, 10), date(2025, 4, 30))))
    assert table.iloc[0]["Prorated"] == "yes" and table.iloc[0]["Direct (whole range)"] == "310"
    frame = web_traffic.sessions_over_time(db, Period(date(2025, 3, 10), date(2025, 4, 30)), "month")
    assert frame["prorated"].any()
    assert web_traffic.totals(frame)["direct_sessions"] == pytest.approx(310 * 22 / 31)
    db.close()


def test_weekly_keeps_whole_weeks_and_counts_activities(tmp_path):
    db = Database(tmp_path / "weekly.duckdb")
    insert(db, "groups", [{"group_id": 1, "name": "G", "type": "other"}])
    insert(db, "activities", [{"group_id": 1, **single("2025-01-08")}, {"group_id": 1, **single("2025-01-09")}])
    days = pd.date_range("2025-01-01", "2025-01-31")
    insert(db, "web_visits", [{**single(d.date().isoformat()), "channel": "Direct", "sessions": 10} for d in days])
    weeks = web_traffic.weekly(db, Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert [w.isoformat() for w in pd.to_datetime(weeks["week"]).dt.date] == [
        "2025-01-06", "2025-01-13", "2025-01-20"]  # the part weeks at both ends are left out
    assert list(weeks["activities"]) == [2, 0, 0] and list(weeks["direct_sessions"]) == [70, 70, 70]
    db.close()


def test_demo_direct_visits_follow_the_networking(demo_db):
    weeks = web_traffic.weekly(demo_db, Period(date(2024, 11, 24), date(2026, 11, 23)))
    correlation = web_traffic.lag_correlation(weeks, x="people_met")
    best = web_traffic.strongest_lag(correlation)
    assert 1 <= int(best["lag"]) <= 4 and best["r"] > 0.3  # direct visits follow people met by weeks
    assert len(weeks) == 104
