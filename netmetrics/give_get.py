"""Give and get (DOMAIN.md, seed 004): referrals given vs received, own purchases, participation and a
reciprocity index per group. (db, period) -> DataFrame; no Streamlit. The figures come from
`mart_give_get`; the thresholds below are the rules, passed to SQL as bound values."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from netmetrics.db import Database
from netmetrics.metrics import format_value
from netmetrics.periods import Period


@dataclass(frozen=True)
class Rules:
    """When own purchases are a red flag, and where taking and over-giving start."""

    flag_share: float = 0.8  # own purchases / referrals given at or above this ...
    min_given: float = 3  # ... with at least this many referrals given: red flag
    taker_below: float = 1 / 3  # reciprocity below this: you receive more than twice what you give
    over_giver_above: float = 2 / 3  # above this: you give more than twice what you receive
    min_exchanges: float = 3  # fewer referrals either way than this: too few to tell

    def flag_text(self) -> str:
        return (f"own purchases are {self.flag_share * 100:.0f} % or more of the referrals given, with at least "
                f"{self.min_given:g} given")


RULES = Rules()

GIVE_GET_METRICS = {
    "own_purchase_share": ("Own purchases share", "own purchases ÷ referrals given", "percent"),
    "reciprocity": ("Reciprocity", "given ÷ (given + received); 0.5 = balanced", "ratio"),
}


def give_get(db: Database, period: Period, rules: Rules = RULES) -> pd.DataFrame:
    """One row per group with figures in the period plus a 'Total' row (is_total): referrals given and
    received, own purchases and their share, the red flag, reciprocity and its label, activities."""
    return db.df("select * from mart_give_get(?, ?, ?, ?, ?, ?, ?)",
                 [period.start, period.end, rules.flag_share, rules.min_given, rules.taker_below,
                  rules.over_giver_above, rules.min_exchanges])


def display_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The page's table; a missing ratio is a dash."""
    return pd.DataFrame({
        "Group": frame["group"],
        "Activities": [format_value(v, "count") for v in frame["activities"]],
        "Given": [format_value(v, "count") for v in frame["referrals_given"]],
        "Received": [format_value(v, "count") for v in frame["referrals_received"]],
        "Own purchases": [format_value(v, "count") for v in frame["own_purchases"]],
        "Own purchases share": [format_value(v, "share") for v in frame["own_purchase_share"]],
        "Red flag": ["yes" if f and not t else "" for f, t in zip(frame["own_purchase_flag"], frame["is_total"])],
        "Reciprocity": [format_value(v, "ratio") for v in frame["reciprocity"]],
        "Balance": ["" if t else label for label, t in zip(frame["balance_label"], frame["is_total"])],
        "Given per activity": [format_value(v, "ratio") for v in frame["given_per_activity"]],
    })


def reading(frame: pd.DataFrame, rules: Rules = RULES) -> str:
    """One or two sentences: the overall balance, the takers and over-givers, the red flags."""
    groups = frame[~frame["is_total"]]
    totals = frame[frame["is_total"]]
    if totals.empty or not (totals.iloc[0]["referrals_given"] or totals.iloc[0]["referrals_received"]):
        return "No referrals given or received in this period."
    total = totals.iloc[0]
    sentences = [f"You gave {format_value(total['referrals_given'], 'count')} referrals and received "
                 f"{format_value(total['referrals_received'], 'count')} (reciprocity "
                 f"{format_value(total['reciprocity'], 'ratio')}; 0.50 is balanced)."]
    takers = groups[groups["balance_label"] == "taker"]["group"].tolist()
    givers = groups[groups["balance_label"] == "over-giver"]["group"].tolist()
    if takers:
        sentences.append(f"You mostly take from {_names(takers)}: give back before members stop sending work.")
    if givers:
        sentences.append(f"You mostly give to {_names(givers)}: over-givers burn out; ask for referrals too.")
    flagged = groups[groups["own_purchase_flag"]]["group"].tolist()
    if flagged:
        sentences.append(f"Red flag for {_names(flagged)}: nearly all your giving is your own purchases, "
                         "a sign the group's members and your contacts do not fit.")
    return " ".join(sentences)


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
