"""Demo data: two years of networking by an imaginary design studio, the same for the same end date.

Lindqvist Design Studio (owner Maya Lindqvist, designer Jonas Berg) networks in six groups, and the
data is built so that `mart_metrics` tells these stories:

- BNI Harbour (lead group, weekly breakfasts, dues) pays back in its 8th month and stays ahead;
- Riverside Chamber of Commerce never pays back (return ratio about 50 %);
- LinkedIn Local Makers (social, near-daily posts) eats the most hours for almost no sales;
- Friends & past clients (informal) has the fewest activities but the most valuable referrals;
- the Association of Independent Designers was joined 90 days ago: too early to judge;
- the Design Week Workshops series was left last year: it has no facts after that.

Networking pays late: sales follow their referrals by weeks to months. Web visits are daily rows per
GA channel: Direct follows the people met face to face in recent weeks, Organic Social the posts.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netmetrics.db import Database

SEED = 20240611
DAYS = 730  # the 24 months ending at `end`
OWNER = "Maya Lindqvist"
EMPLOYEE = "Jonas Berg"

CHAMBER, LEAD, EVENT, ASSOCIATION, SOCIAL, INFORMAL = 1, 2, 3, 4, 5, 6
MON, TUE, WED, THU, FRI = range(5)

# channel -> (source, medium), as a GA4 export names them
CHANNELS = {
    "Direct": ("(direct)", "(none)"),
    "Organic Social": ("linkedin.com", "social"),
    "Paid Social": ("linkedin", "cpc"),
    "Organic Search": ("google", "organic"),
    "Referral": ("riversidechamber.org", "referral"),
}

FIRST_NAMES = ["Anna", "Mikko", "Sofia", "Lars", "Elena", "Tomás", "Priya", "Oskar", "Grace", "Ahmed",
               "Lea", "Marco", "Hanna", "David", "Ines", "Victor", "Noor", "Emil", "Chloe", "Rafael"]
LAST_NAMES = ["Holm", "Virtanen", "Rossi", "Dubois", "Novak", "Eriksen", "Patel", "Moreau", "Kowalski",
              "Brennan", "Sato", "Larsen", "Fischer", "Costa", "Nieminen", "Okafor", "Weber", "Lund"]
CLIENTS = ["Harbour Physio", "Nordlys Bakery", "Keel & Co Law", "Brightside Dental", "Tidewater Brewing",
           "Oakline Joinery", "Fernleaf Florists", "Quayside Accountants", "Morrow Architects",
           "Saltmarsh Yoga", "Pier 9 Cafe", "Lumen Opticians", "Gullwing Cycles", "Copperpot Catering",
           "Northgate Dentists", "Wildrose Skincare", "Anchor Insurance Brokers", "Baltic Tiles"]
JOBS = ["Logo and brand guide", "Website redesign", "Brochure and flyers", "Packaging design",
        "Annual report layout", "Trade show banners", "Social media templates", "Menu and signage",
        "Rebrand", "Illustrated product sheets"]
POST_TOPICS = ["case study", "before/after logo", "studio behind the scenes", "5 branding mistakes",
               "client testimonial", "colour trends", "typeface tips", "new project launch"]


@dataclass
class _Builder:
    """Collects fact rows; referrals are addressed by their position in the list."""

    rng: random.Random
    activities: list[dict] = field(default_factory=list)
    referrals: list[dict] = field(default_factory=list)
    sales: list[dict] = field(default_factory=list)
    used_referrals: set[int] = field(default_factory=set)

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def hours(self, low: float, high: float) -> float:
        return round(self.rng.uniform(low, high) * 4) / 4  # quarter hours

    def money(self, low: float, high: float) -> float:
        return round(self.rng.uniform(low, high), 2)

    def activity(self, group_id: int, day: dt.date, kind: str, mode: str, *, event: float, prep: float = 0,
                 travel: float = 0, recovery: float = 0, expenses: float = 0, people: int = 0,
                 notes: str = "", person: str = OWNER) -> None:
        self.activities.append({
            "group_id": group_id, "start_date": day, "end_date": day, "activity_count": 1.0,
            "kind": kind, "mode": mode, "event_hours": event, "prep_hours": prep,
            "travel_hours": travel, "recovery_hours": recovery, "expenses": expenses,
            "people_met": float(people), "person": person, "notes": notes,
        })

    def referral(self, group_id: int, day: dt.date, direction: str, *, own_purchase: bool = False,
                 notes: str = "") -> None:
        self.referrals.append({
            "group_id": group_id, "start_date": day, "end_date": day, "direction": direction,
            "referral_count": 1.0, "own_purchase": own_purchase, "contact": self.name(), "notes": notes,
        })

    def give(self, group_id: int, day: dt.date, own_share: float) -> None:
        """A referral given; with probability `own_share` it is the owner's own purchase from a member."""
        if self.rng.random() < own_share:
            self.referral(group_id, day, "given", own_purchase=True, notes=self.rng.choice(
                ["Bought printing from a member", "Hired a member's caterer",
                 "Bought a laptop from a member", "Used a member's IT support"]))
        else:
            self.referral(group_id, day, "given", notes=self.rng.choice(
                ["Introduced a client to a member", "Passed on a lead for a photographer",
                 "Recommended a member's accounting firm", "Connected a member with a supplier"]))

    def sale(self, group_id: int, day: dt.date, amount: float, referral: int | None, notes: str = "") -> None:
        self.sales.append({
            "group_id": group_id, "start_date": day, "end_date": day, "sale_count": 1.0,
            "amount": round(amount, -1), "referral_id": referral,
            "client": self.rng.choice(CLIENTS), "notes": notes or self.rng.choice(JOBS),
        })

    def link_referral(self, group_id: int, day: dt.date, min_lag: int = 14, max_lag: int = 120) -> int | None:
        """The oldest unused referral received from the group between max_lag and min_lag days before."""
        for pos, ref in enumerate(self.referrals):
            lag = (day - ref["start_date"]).days
            if (ref["group_id"] == group_id and ref["direction"] == "received"
                    and pos not in self.used_referrals and min_lag <= lag <= max_lag):
                self.used_referrals.add(pos)
                return pos
        return None

    def convert(self, group_id: int, count: int, amount: tuple[float, float], lag: tuple[int, int],
                cutoff: dt.date) -> None:
        """Turn `count` of the group's received referrals into sales `lag` days later, none after cutoff."""
        last_referral = cutoff - dt.timedelta(lag[1])  # so that every sale fits before the cutoff
        candidates = [pos for pos, ref in enumerate(self.referrals)
                      if ref["group_id"] == group_id and ref["direction"] == "received"
                      and pos not in self.used_referrals and ref["start_date"] <= last_referral]
        for pos in sorted(self.rng.sample(candidates, min(count, len(candidates)))):
            self.used_referrals.add(pos)
            day = self.referrals[pos]["start_date"] + dt.timedelta(self.rng.randint(*lag))
            self.sale(group_id, day, self.rng.uniform(*amount), pos)


# -- calendar helpers --------------------------------------------------------------------------------
def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_index(start: dt.date, day: dt.date) -> int:
    return (day.year - start.year) * 12 + day.month - start.month


def _weekdays(first: dt.date, last: dt.date, weekday: int):
    day = first + dt.timedelta((weekday - first.weekday()) % 7)
    while day <= last:
        yield day
        day += dt.timedelta(7)


def _nth_weekday(month: dt.date, weekday: int, n: int) -> dt.date:
    first = month.replace(day=1)
    return first + dt.timedelta((weekday - first.weekday()) % 7 + 7 * (n - 1))


def _months(first: dt.date, last: dt.date):
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = _add_months(month, 1)


def _is_holiday(day: dt.date) -> bool:
    return (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 3) or day.month == 7


# -- groups --------------------------------------------------------------------------------------------
def _groups(end: dt.date) -> list[dict]:
    start = end - dt.timedelta(DAYS - 1)
    rows = [
        (CHAMBER, "Riverside Chamber of Commerce", "chamber", _add_months(end, -22), None, 540.0,
         "Monthly members' breakfast at the Riverside Hotel; gala in December"),
        (LEAD, "BNI Harbour", "lead_group", _add_months(end, -21), None, 780.0,
         "Weekly breakfast, Thursdays 7:00; one seat per trade"),
        (EVENT, "Design Week Workshops", "event", start + dt.timedelta(25), dt.date(end.year - 1, 10, 31),
         0.0, "Workshop and conference series; stopped going after the autumn programme"),
        (ASSOCIATION, "Association of Independent Designers", "association", end - dt.timedelta(90), None,
         240.0, "Joined for peer support and overflow work"),
        (SOCIAL, "LinkedIn Local Makers", "social", start + dt.timedelta(3), None, 0.0,
         "Online community plus a monthly meetup"),
        (INFORMAL, "Friends & past clients", "informal", start, None, 0.0, "Lunches and coffees, no fees"),
    ]
    keys = ("group_id", "name", "type", "joined_on", "left_on", "annual_dues", "notes")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _chamber(b: _Builder, g: dict, end: dt.date) -> None:
    """Monthly breakfasts, a December gala, few referrals, small sales: never pays back."""
    joined, gid = g["joined_on"], g["group_id"]
    for month in _months(joined, end):
        day = _nth_weekday(month, TUE, 2)
        if joined <= day <= end:
            b.activity(gid, day, "meeting", "offline", event=1.5, prep=b.hours(0.25, 0.5),
                       travel=b.hours(0.5, 1), recovery=0.5, expenses=b.money(28, 38),
                       people=b.rng.randint(4, 12), notes="Members' breakfast",
                       person=EMPLOYEE if b.rng.random() < 0.25 else OWNER)
            if b.rng.random() < 0.25:
                b.referral(gid, day, "received", notes="Member asked for a quote")
            if b.rng.random() < 0.2:
                b.give(gid, day, own_share=0.75)
        gala = _nth_weekday(month, FRI, 1)
        if month.month == 12 and joined <= gala <= end:
            b.activity(gid, gala, "event", "offline", event=4, prep=b.hours(1, 2), travel=1,
                       recovery=b.hours(2, 3), expenses=b.money(110, 150), people=b.rng.randint(10, 20),
                       notes="Annual gala dinner")
    # small jobs late in the membership; cumulative revenue never reaches cumulative cost
    for month_no, amount in ((5, (250, 350)), (12, (350, 500)), (19, (300, 450))):
        day = _add_months(joined, month_no) + dt.timedelta(b.rng.randint(4, 24))
        if day <= end:
            b.sale(gid, day, b.rng.uniform(*amount), b.link_referral(gid, day, max_lag=240))


def _lead_group(b: _Builder, g: dict, end: dt.date) -> None:
    """Weekly breakfasts and 1-2-1s; referrals from month 2, sales from month 6, payback in month 8."""
    joined, gid = g["joined_on"], g["group_id"]
    for day in _weekdays(joined, end, THU):
        if _is_holiday(day) or b.rng.random() < 0.06:
            continue
        online = b.rng.random() < 0.1
        feature = b.rng.random() < 0.05
        people = b.rng.randint(1, 3) if online else b.rng.randint(2, 6)
        b.activity(gid, day, "meeting", "online" if online else "offline", event=1.5,
                   prep=b.hours(1.5, 3) if feature else b.hours(0.25, 0.75),
                   travel=0 if online else b.hours(0.5, 1), recovery=0.25,
                   expenses=0 if online else b.money(18, 24), people=people,
                   person=EMPLOYEE if b.rng.random() < 0.05 else OWNER,
                   notes="Feature presentation" if feature else "Weekly breakfast, 60-second pitch")
        if _month_index(joined, day) >= 1 and b.rng.random() < 0.6:
            b.referral(gid, day, "received", notes=b.rng.choice(JOBS) + " enquiry")
        if b.rng.random() < 0.5:
            b.give(gid, day, own_share=0.2)
    for month in _months(joined, end):
        for _ in range(2):
            day = month + dt.timedelta(b.rng.randint(1, 26))
            if day.weekday() < 5 and day <= end:
                b.activity(gid, day, "one_to_one", "offline", event=1, prep=0.25, travel=b.hours(0.25, 0.75),
                           expenses=b.money(4, 9), people=1, notes=f"1-2-1 with {b.name()}")
    _lead_group_sales(b, gid, joined, end)


def _lead_group_sales(b: _Builder, gid: int, joined: dt.date, end: dt.date) -> None:
    """Nothing for five months, two small jobs, a big one in month 8, then at least one job a month."""
    plan = {5: [(350, 450)], 6: [(300, 400)], 7: [(1500, 1900)]}
    for month_no in range(5, _month_index(joined, end) + 1):
        jobs = plan.get(month_no) or [(250, 800)] + ([(200, 700)] if b.rng.random() < 0.25 else [])
        month = _add_months(joined, month_no)
        for amount in jobs:
            day = min(month + dt.timedelta(b.rng.randint(2, 25)), end)
            repeat = month_no > 8 and b.rng.random() < 0.15
            referral = None if repeat else b.link_referral(gid, day)
            b.sale(gid, day, b.rng.uniform(*amount), referral,
                   notes="Repeat job from an earlier client" if repeat else "")


def _event_series(b: _Builder, g: dict, end: dt.date) -> None:
    """A workshop or conference every four to seven weeks until the group was left."""
    gid, day, left = g["group_id"], g["joined_on"] + dt.timedelta(5), g["left_on"]
    topics = ["Workshop: pricing creative work", "Conference: brand and packaging",
              "Panel: sustainable print", "Expo: small business fair", "Workshop: motion design basics"]
    while day <= left:
        b.activity(gid, day, "event", "offline", event=b.hours(3, 7), prep=b.hours(1, 3),
                   travel=b.hours(1.5, 4), recovery=b.hours(1, 3), expenses=b.money(120, 320),
                   people=b.rng.randint(8, 25), notes=b.rng.choice(topics),
                   person=EMPLOYEE if b.rng.random() < 0.3 else OWNER)
        if b.rng.random() < 0.7:
            follow_up = min(day + dt.timedelta(b.rng.randint(3, 14)), left)
            b.referral(gid, follow_up, "received", notes="Follow-up after the event")
        if b.rng.random() < 0.15:
            b.give(gid, day, own_share=0.3)
        day += dt.timedelta(b.rng.randint(28, 49))
    b.convert(gid, 2, amount=(600, 1500), lag=(28, 80), cutoff=left)


def _association(b: _Builder, g: dict, end: dt.date) -> None:
    """Joined 90 days ago: a welcome webinar, forum posts, two meetups, one referral, no sales yet."""
    gid, joined = g["group_id"], g["joined_on"]
    b.activity(gid, joined + dt.timedelta(3), "event", "online", event=1, prep=0.25, notes="Welcome webinar")
    for day in _weekdays(joined + dt.timedelta(7), end, WED):
        if b.rng.random() < 0.8:
            b.activity(gid, day, "post", "online", event=b.hours(0.25, 0.75), prep=0.25,
                       people=b.rng.randint(0, 2), notes="Members' forum")
    for days in (30, 65):
        day = joined + dt.timedelta(days)
        if day <= end:
            b.activity(gid, day, "meeting", "offline", event=2, prep=0.5, travel=1, recovery=0.5,
                       expenses=b.money(12, 20), people=b.rng.randint(6, 12), notes="Regional meetup")
    b.referral(gid, min(joined + dt.timedelta(66), end), "received", notes="Overflow work from a member")
    b.give(gid, min(joined + dt.timedelta(40), end), own_share=0)


def _social(b: _Builder, g: dict, end: dt.date) -> None:
    """Near-daily posts and a monthly meetup: the most hours, hardly any sales."""
    gid, day = g["group_id"], g["joined_on"]
    while day <= end:
        if b.rng.random() < (0.65 if day.weekday() < 5 else 0.2):
            b.activity(gid, day, "post", "online", event=b.hours(0.25, 0.75), prep=b.hours(0.5, 1.25),
                       people=b.rng.randint(0, 3), notes="Post: " + b.rng.choice(POST_TOPICS),
                       person=EMPLOYEE if b.rng.random() < 0.15 else OWNER)
            if b.rng.random() < 0.012:
                b.referral(gid, day, "received", notes="DM after a post")
        day += dt.timedelta(1)
    for month in _months(g["joined_on"], end):
        day = _nth_weekday(month, WED, 3)
        if g["joined_on"] <= day <= end:
            b.activity(gid, day, "meeting", "both", event=2, prep=0.5, travel=b.hours(0.75, 1.25),
                       recovery=0.5, expenses=b.money(8, 18), people=b.rng.randint(4, 10),
                       notes="LinkedIn Local meetup")
            if b.rng.random() < 0.2:
                b.referral(gid, day, "received", notes="Met at the meetup")
            if b.rng.random() < 0.1:
                b.give(gid, day, own_share=0)
    b.convert(gid, 2, amount=(350, 800), lag=(21, 90), cutoff=end)


def _informal(b: _Builder, g: dict, end: dt.date) -> None:
    """A lunch every four months or so; a handful of referrals from past clients that become big jobs."""
    gid, start = g["group_id"], g["joined_on"]
    day = start + dt.timedelta(b.rng.randint(10, 40))
    while day <= end:
        lunch = day + dt.timedelta(7 - day.weekday() if day.weekday() >= 5 else 0)  # weekend: next Monday
        if lunch <= end:
            b.activity(gid, lunch, "lunch", "offline", event=1.5, travel=0.5, expenses=b.money(30, 60),
                       people=b.rng.randint(1, 2), notes=f"Lunch with {b.name()}")
        day += dt.timedelta(b.rng.randint(120, 150))
    span = (end - start).days
    for k in range(6):
        b.referral(gid, start + dt.timedelta(30 + k * (span - 120) // 6 + b.rng.randint(0, 40)), "received",
                   notes="Former client recommended us")
    for k in range(3):
        b.give(gid, start + dt.timedelta(60 + k * 220), own_share=0)
    b.convert(gid, 4, amount=(2500, 5500), lag=(21, 90), cutoff=end)


# -- web visits ---------------------------------------------------------------------------------------
def _web_visits(activities: pd.DataFrame, end: dt.date) -> pd.DataFrame:
    """Daily sessions per channel: Direct follows people met offline lately, Organic Social the posts."""
    rng = np.random.default_rng(SEED)
    days = pd.date_range(end - dt.timedelta(DAYS - 1), end, freq="D")
    dated = activities.assign(day=pd.to_datetime(activities["start_date"]))
    offline = dated[dated["mode"] != "online"].groupby("day")["people_met"].sum().reindex(days, fill_value=0)
    posts = dated[dated["kind"] == "post"].groupby("day").size().reindex(days, fill_value=0).astype(float)
    met_recently = offline.shift(1, fill_value=0).rolling(28, min_periods=1).sum().to_numpy()
    weekday = np.where(days.day_of_week < 5, 1.1, 0.6)
    t = np.arange(len(days))
    paid = np.where(((t >= 200) & (t < 221)) | ((t >= 480) & (t < 501)), 22.0, 0.4)
    means = {
        "Direct": (5 + 0.3 * met_recently) * weekday,
        "Organic Social": 1.5 + 5 * posts + 2.5 * posts.shift(1, fill_value=0) + posts.shift(2, fill_value=0),
        "Paid Social": paid,
        "Organic Search": (14 + 10 * t / len(days)) * weekday,
        "Referral": np.full(len(days), 3.0),
    }
    frames = []
    for channel, mean in means.items():
        sessions = rng.poisson(np.asarray(mean, dtype=float))
        source, medium = CHANNELS[channel]
        frames.append(pd.DataFrame({
            "start_date": days.date, "end_date": days.date, "channel": channel, "source": source,
            "medium": medium, "sessions": sessions, "users": rng.binomial(sessions, 0.85),
        }))
    return pd.concat(frames).sort_values(["start_date", "channel"], kind="stable").reset_index(drop=True)


# -- public API ---------------------------------------------------------------------------------------
def generate(end: dt.date) -> dict[str, pd.DataFrame]:
    """The demo frames for the 24 months ending at `end`, named and shaped like the schema tables.

    Groups carry a provisional `group_id` (1..6) that the facts use; `sales.referral_id` is the row
    position of its referral in the referrals frame (or missing). `load_demo` maps both to stored ids.
    """
    b = _Builder(random.Random(SEED))
    groups = _groups(end)
    builders = {CHAMBER: _chamber, LEAD: _lead_group, EVENT: _event_series, ASSOCIATION: _association,
                SOCIAL: _social, INFORMAL: _informal}
    for g in groups:
        builders[g["group_id"]](b, g, end)
    activities = _facts(b.activities)
    sales = _facts(b.sales)
    sales["referral_id"] = sales["referral_id"].astype("Int64")
    return {
        "groups": pd.DataFrame(groups),
        "activities": activities,
        "referrals": pd.DataFrame(b.referrals),  # kept in creation order: sales point at positions
        "sales": sales,
        "web_visits": _web_visits(activities, end),
    }


def _facts(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).sort_values(["start_date", "group_id"], kind="stable").reset_index(drop=True)


def load_demo(db: Database, end: dt.date | None = None) -> int:
    """Load the demo into an empty database in one transaction; returns the import id."""
    end = end or dt.date.today()
    frames = generate(end)
    facts = ("activities", "referrals", "sales", "web_visits")
    with db.transaction() as cur:
        if cur.execute("select count(*) from groups").fetchone()[0]:
            raise ValueError("The database already holds groups; clear it before loading the demo data.")
        import_id = cur.execute(
            "insert into imports (file_name, kind, row_count, date_from, date_to) values (?, ?, ?, ?, ?) "
            "returning import_id",
            ["demo data", "demo", sum(len(frames[t]) for t in facts), end - dt.timedelta(DAYS - 1), end],
        ).fetchone()[0]
        group_ids = _new_ids(cur, "seq_group_id", frames["groups"]["group_id"])
        referral_ids = _new_ids(cur, "seq_fact_id", pd.Series(range(len(frames["referrals"]))))
        frames["groups"]["group_id"] = frames["groups"]["group_id"].map(group_ids)
        frames["referrals"].insert(0, "referral_id", frames["referrals"].index.map(referral_ids))
        frames["sales"]["referral_id"] = frames["sales"]["referral_id"].map(referral_ids).astype("Int64")
        Database.insert_frame(cur, "groups", frames["groups"])
        for table in facts:
            frame = frames[table].assign(import_id=import_id)
            if "group_id" in frame:
                frame["group_id"] = frame["group_id"].map(group_ids)
            Database.insert_frame(cur, table, frame)
        cur.execute("insert or replace into settings values ('demo_loaded', '1')")
        Database.bump_data_version(cur)
    return import_id


def _new_ids(cur, sequence: str, keys: pd.Series) -> dict[int, int]:
    """Draw one id per key from a sequence (fixed names only), so later inserts never collide."""
    sql = f"select nextval('{sequence}') from range(?)"  # noqa: S608 - sequence names are constants here
    ids = [row[0] for row in cur.execute(sql, [len(keys)]).fetchall()]
    return dict(zip(keys.tolist(), sorted(ids), strict=True))


def clear_all_data(db: Database) -> None:
    """Delete every group, fact and import (demo or not) in one transaction."""
    with db.transaction() as cur:
        for table in ("activities", "referrals", "sales", "web_visits", "groups", "imports"):
            cur.execute(f"delete from {table}")  # noqa: S608 - fixed table names
        cur.execute("insert or replace into settings values ('demo_loaded', '0')")
        Database.bump_data_version(cur)


def is_demo(db: Database) -> bool:
    return db.get_setting("demo_loaded", "0") == "1"
