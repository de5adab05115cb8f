"""Plain-language readings of the numbers, one sentence each. Pure functions over aggregated frames."""

from __future__ import annotations

import math

import pandas as pd

from netmetrics.metrics import format_value
from netmetrics.queries import shares, split_total


def _pct(value: float) -> str:
    return f"{value * 100:.0f} %"


def overview_reading(frame: pd.DataFrame, currency: str = "$") -> str:
    """E.g. "BNI Harbour brought 60 % of referrals for 25 % of the hours." plus the overall return."""
    groups_only, total = split_total(frame)
    if total is None or groups_only.empty:
        return "No networking recorded in this period."
    share = shares(frame)
    sentences = []
    for column, noun in (("referrals_received", "referrals"), ("sales_value", "revenue")):
        if share[column].notna().any() and share[column].max() > 0:
            best = share.loc[share[column].idxmax()]
            hours = best["hours"]
            cost_of = f"{_pct(hours)} of the hours" if not math.isnan(hours) else "no recorded hours"
            sentences.append(f"{best['group']} brought {_pct(best[column])} of {noun} for {cost_of}.")
            break
    else:
        sentences.append(f"No referrals or revenue yet from {total['hours']:.0f} hours of networking.")
    ratio = total["return_ratio_pct"]
    if ratio is not None and not pd.isna(ratio):
        back = format_value(ratio / 100, "money_ratio", currency)
        spent = format_value(1, "money_ratio", currency)
        verdict = "more than paid back" if ratio >= 100 else "not yet paid back"
        sentences.append(f"Overall every {spent} of cost returned {back}: {verdict}.")
    return " ".join(sentences)
