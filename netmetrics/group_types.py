"""Group types: the comparison aggregated by type, and short guidance on what each type is good and bad at.

The guidance restates DOMAIN.md's table of group types (seeds 003, 004) in plain words, with a hint
of which number on the page tests each type's usual weakness. The figures come from SQL
(netmetrics/sql/marts/034_mart_group_types.sql). No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from netmetrics.db import Database
from netmetrics.metrics import GROUP_TYPES, format_value
from netmetrics.periods import Period

# Type colours differ from the group palette (charts.base.PALETTE), so a type never looks like a group.
TYPE_COLORS = {
    "chamber": "#6a4c93", "lead_group": "#2a9d8f", "event": "#f4a261", "association": "#e9c46a",
    "social": "#457b9d", "informal": "#e76f51", "other": "#adb5bd",
}


@dataclass(frozen=True)
class Guidance:
    strengths: str
    weaknesses: str
    check: str  # which figure tests the usual weakness


GUIDANCE = {
    "chamber": Guidance(
        strengths="A local community and standing in your town; being seen as part of the local business scene.",
        weaknesses="Reach stops at the town limits, and many members are small firms that cannot buy much.",
        check="Revenue per referral: many small jobs are the typical chamber pattern.",
    ),
    "lead_group": Guidance(
        strengths="Committed members with a duty to pass referrals, one seat per trade, so everyone gets "
                  "the same exposure.",
        weaknesses="Expensive in dues, weekly hours and commitment; the member mix rarely changes, and some "
                   "members give far more than others.",
        check="Cost per referral and the hours: a lead group must bring referrals every month to earn them.",
    ),
    "event": Guidance(
        strengths="A room full of people who share an interest, with no standing commitment.",
        weaknesses="Contacts fade unless you follow up, and tickets, travel and nights away add up.",
        check="Referrals per activity: a low figure usually means the follow-up is missing.",
    ),
    "association": Guidance(
        strengths="Support from peers, overflow work passed on by colleagues, career and partner links.",
        weaknesses="Members are often competitors, so trust and confidentiality can hold people back.",
        check="Referrals received against referrals given: overflow work should flow both ways.",
    ),
    "social": Guidance(
        strengths="Reach far beyond your town, almost free, and always new people.",
        weaknesses="Low commitment and many contacts who do not fit, it swallows hours, and privacy suffers.",
        check="Revenue per hour: the cost of social networking is mostly your time, so set an hourly value.",
    ),
    "informal": Guidance(
        strengths="Strong personal ties with people who already trust you, and no fees.",
        weaknesses="Friends and family may not open their own networks to you, and a deal gone wrong can "
                   "damage a relationship that matters more than the sale.",
        check="Revenue per referral: few referrals, but usually valuable ones; keep the ties healthy.",
    ),
    "other": Guidance(
        strengths="Whatever made you join: write it down in the group's notes.",
        weaknesses="No typical pattern to compare with; judge it on its own numbers.",
        check="Return ratio and referrals per activity, as for any group.",
    ),
}

TABLE_COLUMNS = {  # column -> (label, unit)
    "group_count": ("Groups", "count"),
    "activities": ("Activities", "count"),
    "hours": ("Hours", "hours"),
    "cost": ("Cost", "money"),
    "referrals_received": ("Referrals received", "count"),
    "referrals_given": ("Referrals given", "count"),
    "sales": ("Sales", "count"),
    "revenue": ("Revenue", "money"),
    "referrals_per_activity": ("Referrals per activity", "ratio"),
    "sales_per_referral": ("Sales per referral", "ratio"),
    "value_per_referral": ("Revenue per referral", "money_ratio"),
    "cost_per_referral": ("Cost per referral", "money_ratio"),
    "revenue_per_hour": ("Revenue per hour", "money_ratio"),
    "return_ratio_pct": ("Return ratio", "percent"),
    "net_roi_pct": ("Net ROI", "percent"),
}


def type_label(kind: str) -> str:
    return "Total" if kind == "total" else GROUP_TYPES.get(kind, kind)


def by_type(db: Database, period: Period, hourly_rate: float = 0.0, margin_pct: float = 100.0) -> pd.DataFrame:
    """One row per group type with a group active in the period, plus a 'total' row (is_total)."""
    frame = db.df("select * from mart_group_types(?, ?, ?, ?)",
                  [period.start, period.end, float(hourly_rate), float(margin_pct)])
    frame["label"] = [type_label(t) for t in frame["type"]]
    return frame


def display_table(frame: pd.DataFrame, currency: str = "$", margin_pct: float = 100.0) -> pd.DataFrame:
    """The by-type table as people read it; a dash where a ratio has no denominator."""
    shown = pd.DataFrame({"Group type": frame["label"]})
    for name, (label, unit) in TABLE_COLUMNS.items():
        if margin_pct < 100 and name in ("revenue", "revenue_per_hour"):
            label = label.replace("Revenue", "Gross profit")
        shown[label] = [format_value(v, unit, currency) for v in frame[name]]
    return shown


def summary_line(row, currency: str = "$", margin_pct: float = 100.0) -> str:
    """The key numbers of one type in a line, for its guidance card."""
    ratio = row["return_ratio_pct"]
    ratio_text = "no cost" if pd.isna(ratio) else f"return ratio {ratio:,.0f} %"
    count = int(row["group_count"])
    return (f"{count} group{'s' if count != 1 else ''} ({row['group_names']}): "
            f"{format_value(row['cost'], 'money', currency)} cost, "
            f"{format_value(row['revenue'], 'money', currency)} {'revenue' if margin_pct >= 100 else 'gross profit'}, "
            f"{ratio_text}, "
            f"{format_value(row['referrals_received'], 'count')} referral"
            f"{'' if row['referrals_received'] == 1 else 's'} received in {row['hours']:,.1f} h.")


def reading(frame: pd.DataFrame, currency: str = "$", margin_pct: float = 100.0) -> str:
    """Which type returned the most per unit of cost, and which took the most hours."""
    types = frame[~frame["is_total"]]
    if types.empty:
        return "No group was active in this period."
    rev = "revenue" if margin_pct >= 100 else "gross profit"
    parts = []
    rated = types[types["return_ratio_pct"].notna()]
    if len(rated):
        best = rated.loc[rated["return_ratio_pct"].idxmax()]
        parts.append(f"{best['label']} returned the most per unit of cost: a return ratio of "
                     f"{best['return_ratio_pct']:,.0f} % ({format_value(best['revenue'], 'money', currency)} of "
                     f"{rev} on {format_value(best['cost'], 'money', currency)}).")
    total_hours = types["hours"].sum()
    if total_hours > 0:
        busiest = types.loc[types["hours"].idxmax()]
        parts.append(f"{busiest['label']} took the most time: {busiest['hours']:,.0f} h, "
                     f"{busiest['hours'] / total_hours * 100:.0f} % of all networking hours.")
    return " ".join(parts)
