"""Build a large synthetic NetMetrics database for benchmarks.

    python bench/make_big_db.py [PATH] [--activities 1000000] [--seed 7]

12 groups, `activities` activity rows over the 5 years ending 2026-10-31 (about 2 % of them multi-day
tracker rows covering a week or a calendar month), referrals (~0.3 per activity, both directions) and
sales (~0.06 per activity) in proportion, and daily web visits for 5 channels. Frames are built with
vectorised numpy, then written through netmetrics.db.Database in one transaction.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from netmetrics.db import Database

END = date(2026, 10, 31)
START = date(2021, 11, 1)  # five years ending END

# name, type, annual dues, joined_on, left_on, activity weight, referral yield, sale yield, mean sale amount
GROUPS = [
    ("BNI Harbour", "lead_group", 1200.0, "2021-11-01", None, 3.0, 0.9, 0.20, 2400.0),
    ("Chamber of Commerce", "chamber", 650.0, "2021-11-01", None, 1.5, 0.3, 0.05, 5200.0),
    ("LeTip Riverside", "lead_group", 900.0, "2022-03-15", "2025-06-30", 2.0, 0.7, 0.15, 1800.0),
    ("Trade Fair Circuit", "event", 0.0, None, None, 0.6, 0.2, 0.08, 9000.0),
    ("Designers Association", "association", 380.0, "2021-11-01", None, 0.8, 0.25, 0.05, 3100.0),
    ("LinkedIn", "social", 0.0, None, None, 4.0, 0.05, 0.01, 1500.0),
    ("Instagram", "social", 0.0, "2022-01-01", None, 3.0, 0.03, 0.01, 700.0),
    ("Golf Club", "informal", 2400.0, "2023-04-01", None, 0.7, 0.4, 0.10, 7000.0),
    ("Alumni Network", "informal", 0.0, None, None, 0.5, 0.3, 0.06, 2600.0),
    ("Rotary", "association", 540.0, "2021-11-01", "2024-02-29", 0.9, 0.35, 0.07, 3300.0),
    ("Startup Breakfast", "event", 0.0, "2024-09-01", None, 1.2, 0.45, 0.09, 1900.0),
    ("Women in Business", "other", 300.0, "2022-06-01", None, 1.0, 0.5, 0.12, 2700.0),
]
CHANNELS = [("Organic Search", "google", "organic", 180.0), ("Direct", "(direct)", "(none)", 90.0),
            ("Referral", "bni.example", "referral", 25.0), ("Organic Social", "linkedin.com", "social", 40.0),
            ("Email", "newsletter", "email", 12.0)]
KINDS = np.array(["meeting", "event", "one_to_one", "post"], dtype=object)
MODES = np.array(["online", "offline", "both"], dtype=object)
PEOPLE = np.array(["Alex", "Sam", "Robin", "Kim"], dtype=object)
CLIENTS = np.array([f"Client {i:03d}" for i in range(400)], dtype=object)
CONTACTS = np.array([f"Contact {i:03d}" for i in range(300)], dtype=object)
MULTI_DAY_SHARE = 0.02


def _day(text: str | None) -> np.datetime64 | None:
    return None if text is None else np.datetime64(text, "D")


def _spans(rng: np.random.Generator, n: int, group_idx: np.ndarray, lo: np.ndarray, hi: np.ndarray):
    """(start, end) day arrays: single days inside each group's membership, ~2 % weeks or months."""
    span = (hi - lo).astype(np.int64)[group_idx] + 1
    start = lo[group_idx] + (rng.random(n) * span).astype(np.int64).astype("timedelta64[D]")
    end = start.copy()
    multi = rng.random(n) < MULTI_DAY_SHARE
    monthly = multi & (rng.random(n) < 0.5)
    weekly = multi & ~monthly
    # a week: Monday..Sunday holding the day; a month: the calendar month holding it
    weekday = (start.astype(np.int64) - 4) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    week_start = start - weekday.astype("timedelta64[D]")
    start[weekly], end[weekly] = week_start[weekly], week_start[weekly] + np.timedelta64(6, "D")
    month_start = start.astype("datetime64[M]")
    start[monthly] = month_start[monthly].astype("datetime64[D]")
    end[monthly] = ((month_start[monthly] + 1).astype("datetime64[D]") - np.timedelta64(1, "D"))
    # stay inside the data span (a week or month at the edges may reach past it)
    start = np.maximum(start, np.datetime64(START, "D"))
    end = np.minimum(end, np.datetime64(END, "D"))
    days = (end - start).astype(np.int64) + 1
    return start, end, days


def _group_choice(rng, n, weights):
    p = np.asarray(weights, dtype=float)
    return rng.choice(len(p), size=n, p=p / p.sum())


def frames(activities: int = 1_000_000, seed: int = 7) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    first, last = np.datetime64(START, "D"), np.datetime64(END, "D")
    joined = np.array([first if g[3] is None else _day(g[3]) for g in GROUPS], dtype="datetime64[D]")
    left = np.array([last if g[4] is None else _day(g[4]) for g in GROUPS], dtype="datetime64[D]")
    lo, hi = np.maximum(joined, first), np.minimum(left, last)

    groups = pd.DataFrame({
        "name": [g[0] for g in GROUPS], "type": [g[1] for g in GROUPS],
        "annual_dues": [g[2] for g in GROUPS],
        "joined_on": pd.Series([date.fromisoformat(g[3]) if g[3] else None for g in GROUPS], dtype=object),
        "left_on": pd.Series([date.fromisoformat(g[4]) if g[4] else None for g in GROUPS], dtype=object),
    })

    # -- activities ------------------------------------------------------------------------------
    n = activities
    gi = _group_choice(rng, n, [g[5] for g in GROUPS])
    start, end, days = _spans(rng, n, gi, lo, hi)
    multi = days > 1
    kind = KINDS[rng.integers(0, len(KINDS), n)]
    social = np.isin(gi, [i for i, g in enumerate(GROUPS) if g[1] == "social"])
    kind[social] = "post"
    count = np.where(multi, rng.integers(2, 12, n) * np.maximum(days // 7, 1), 1).astype(float)
    event_h = np.round(rng.gamma(2.0, 0.75, n), 2) * count
    event_h[social] *= 0.2
    prep_h = np.round(rng.gamma(1.5, 0.4, n), 2) * count
    travel_h = np.where(social, 0.0, np.round(rng.gamma(1.2, 0.5, n), 2)) * count
    recovery_h = np.round(rng.gamma(1.0, 0.3, n), 2) * count
    expenses = np.where(rng.random(n) < 0.4, np.round(rng.gamma(2.0, 15.0, n), 2), 0.0) * count
    people = rng.poisson(3.0, n) * count
    activity_frame = pd.DataFrame({
        "group_id": gi, "start_date": start, "end_date": end, "activity_count": count, "kind": kind,
        "mode": MODES[rng.integers(0, 3, n)], "event_hours": event_h, "prep_hours": prep_h,
        "travel_hours": travel_h, "recovery_hours": recovery_h, "expenses": expenses,
        "people_met": people.astype(float), "person": PEOPLE[rng.integers(0, len(PEOPLE), n)],
    })

    # -- referrals: proportional to activity (about 0.3 per activity row) --------------------------
    ref_weights = [g[5] * g[6] for g in GROUPS]
    m = int(n * 0.3)
    gi = _group_choice(rng, m, ref_weights)
    start, end, days = _spans(rng, m, gi, lo, hi)
    given = rng.random(m) < 0.45
    referral_frame = pd.DataFrame({
        "group_id": gi, "start_date": start, "end_date": end,
        "direction": np.where(given, "given", "received").astype(object),
        "referral_count": np.where(days > 1, rng.integers(2, 10, m), 1).astype(float),
        "own_purchase": given & (rng.random(m) < 0.1),
        "contact": CONTACTS[rng.integers(0, len(CONTACTS), m)],
    })

    # -- sales: about 0.06 per activity row, with amounts ----------------------------------------
    s = int(n * 0.06)
    gi = _group_choice(rng, s, [g[5] * g[7] for g in GROUPS])
    start, end, days = _spans(rng, s, gi, lo, hi)
    sale_count = np.where(days > 1, rng.integers(2, 6, s), 1).astype(float)
    mean_amount = np.array([g[8] for g in GROUPS])[gi]
    amount = np.round(rng.lognormal(np.log(mean_amount) - 0.5, 1.0, s) * sale_count, 2)
    sale_frame = pd.DataFrame({
        "group_id": gi, "start_date": start, "end_date": end, "sale_count": sale_count, "amount": amount,
        "client": CLIENTS[rng.integers(0, len(CLIENTS), s)],
    })

    # -- web visits: one row per day and channel -------------------------------------------------
    all_days = np.arange(first, last + np.timedelta64(1, "D"), dtype="datetime64[D]")
    d, c = len(all_days), len(CHANNELS)
    day_col = np.repeat(all_days, c)
    ch = np.tile(np.arange(c), d)
    base = np.array([x[3] for x in CHANNELS])[ch]
    trend = np.linspace(0.7, 1.3, d).repeat(c)
    sessions = rng.poisson(base * trend).astype(float)
    web_frame = pd.DataFrame({
        "start_date": day_col, "end_date": day_col,
        "channel": np.array([x[0] for x in CHANNELS], dtype=object)[ch],
        "source": np.array([x[1] for x in CHANNELS], dtype=object)[ch],
        "medium": np.array([x[2] for x in CHANNELS], dtype=object)[ch],
        "sessions": sessions, "users": np.floor(sessions * 0.8),
    })
    return {"groups": groups, "activities": activity_frame, "referrals": referral_frame,
            "sales": sale_frame, "web_visits": web_frame}


def build(path: str | Path, activities: int = 1_000_000, seed: int = 7) -> Path:
    """Create (replacing) a NetMetrics database at `path` filled with synthetic data; returns the path."""
    path = Path(path)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    data = frames(activities, seed)
    db = Database(path)
    try:
        with db.transaction() as cur:
            Database.insert_frame(cur, "groups", data["groups"])  # group_id from the sequence
            ids = dict(cur.execute("select name, group_id from groups").fetchall())
            id_by_index = np.array([ids[g[0]] for g in GROUPS])
            cur.execute("insert into imports (file_name, kind, row_count, date_from, date_to, details) "
                        "values (?, 'manual', ?, ?, ?, ?) returning import_id",
                        [f"bench-{activities}-{seed}", activities, START, END, '{"synthetic": true}'])
            import_id = cur.fetchone()[0]
            for table in ("activities", "referrals", "sales", "web_visits"):
                frame = data[table]
                if "group_id" in frame:
                    frame["group_id"] = id_by_index[frame["group_id"].to_numpy()]
                frame["import_id"] = import_id
                Database.insert_frame(cur, table, frame)
            Database.bump_data_version(cur)
        db.scalar("checkpoint")
    finally:
        db.close()
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(Path(__file__).parent / "results" / "big.duckdb"))
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    path = build(args.path, args.activities, args.seed)
    db = Database(path)
    counts = {t: db.scalar(f"select count(*) from {t}")  # noqa: S608 - fixed table names
              for t in ("groups", "activities", "referrals", "sales", "web_visits")}
    db.close()
    print(f"built {path} in {time.perf_counter() - began:.1f} s: {counts}")


if __name__ == "__main__":
    main()
