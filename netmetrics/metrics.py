"""The metric registry: every figure NetMetrics shows, declared once with its label, formula and unit.

The UI (KPI cards, tables, hover texts), the CLI and the README's metric list all read from here.
The formulas are computed in SQL (netmetrics/sql/marts); `formula` is the text people read.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    formula: str
    unit: str  # count, hours, money, ratio, money_ratio, percent or share (see format_value)
    help: str = ""

    def format(self, value, currency: str = "$") -> str:
        return format_value(value, self.unit, currency)


def is_missing(value) -> bool:
    """None, NaN, NaT or pd.NA: no data."""
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not a missing scalar
        return False


def format_value(value, unit: str, currency: str = "$") -> str:
    """A number as people read it; a missing value (a ratio with no denominator) is a dash.
    Units: money, money_ratio, percent (a value in %), share (a fraction 0..1 shown in %), hours,
    ratio, count."""
    if is_missing(value):
        return "–"
    if unit == "money":
        return f"{currency}{value:,.0f}" if abs(value) >= 100 else f"{currency}{value:,.2f}"
    if unit == "money_ratio":
        return f"{currency}{value:,.2f}"
    if unit == "percent":
        return f"{value:,.0f} %"
    if unit == "share":
        return f"{value * 100:,.0f} %"
    if unit == "hours":
        return f"{value:,.1f} h"
    if unit == "ratio":
        return f"{value:,.2f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


_METRICS = [
    Metric("activities", "Activities", "count of meetings, events, 1-to-1s and posts", "count"),
    Metric("people_met", "People met", "contacts made at the activities", "count"),
    Metric("hours", "Hours", "event + prep + travel + recovery hours", "hours",
           "Preparation, travel and recovery are often larger than the event itself."),
    Metric("event_hours", "Event hours", "time at the event itself", "hours"),
    Metric("prep_hours", "Prep hours", "preparation time", "hours"),
    Metric("travel_hours", "Travel hours", "travel time", "hours"),
    Metric("recovery_hours", "Recovery hours", "time to recover and follow up", "hours"),
    Metric("expenses", "Expenses", "tickets, travel, lodging, meals", "money"),
    Metric("dues", "Dues", "annual dues ÷ 365 per day of membership in the period", "money"),
    Metric("time_cost", "Time cost", "hours × your hourly value", "money"),
    Metric("cost", "Cost", "expenses + dues + hours × hourly value", "money"),
    Metric("referrals_received", "Referrals received", "introductions sent to you by members", "count"),
    Metric("referrals_given", "Referrals given", "referrals you gave members, own purchases included", "count"),
    Metric("own_purchases", "Own purchases", "given referrals that were your own purchases", "count"),
    Metric("sales", "Sales", "closed deals credited to the group", "count"),
    Metric("sales_value", "Revenue", "value of the sales credited to the group", "money"),
    Metric("sales_per_activity", "Sales per activity", "sales ÷ activities", "ratio",
           "1. Does the networking work at all?"),
    Metric("referrals_per_activity", "Referrals per activity", "referrals received ÷ activities", "ratio",
           "2. The value of the ties being built; low means re-evaluate."),
    Metric("sales_per_referral", "Sales per referral", "sales ÷ referrals received", "ratio",
           "3. Quality of referrals (conversion)."),
    Metric("value_per_referral", "Revenue per referral", "revenue ÷ referrals received", "money_ratio",
           "4. Are referrals worth anything, or many small jobs?"),
    Metric("value_per_activity", "Revenue per activity", "revenue ÷ activities", "money_ratio",
           "5. Effort needed per unit of revenue."),
    Metric("given_per_activity", "Given per activity", "referrals given ÷ activities", "ratio",
           "6. Are you a good partner? Networking is two-way."),
    Metric("return_ratio_pct", "Return ratio", "revenue ÷ cost × 100 (100 % = break-even)", "percent",
           "The seed 001 'ROI' formula: 210 % means every 1 spent brought 2.10 back."),
    Metric("net_roi_pct", "Net ROI", "(revenue − cost) ÷ cost × 100 (0 % = break-even)", "percent",
           "Conventional ROI: what is left after paying the cost back."),
]

METRICS: dict[str, Metric] = {m.name: m for m in _METRICS}

# The six comparisons of DOMAIN.md, in its order.
COMPARISONS = ("sales_per_activity", "referrals_per_activity", "sales_per_referral",
               "value_per_referral", "value_per_activity", "given_per_activity")

# The Overview's key figures (cards on the page, figures in the meeting report), in order.
OVERVIEW_KPIS = ("activities", "hours", "cost", "referrals_received", "referrals_given", "sales",
                 "sales_value", "return_ratio_pct")

# The per-group fields of `netmetrics summary`, in output order.
SUMMARY_FIELDS = ("activities", "people_met", "hours", "event_hours", "prep_hours", "travel_hours",
                  "recovery_hours", "expenses", "dues", "cost", "referrals_received", "referrals_given",
                  "own_purchases", "sales", "sales_value", *COMPARISONS, "return_ratio_pct", "net_roi_pct")

GROUP_TYPES = {
    "chamber": "Chamber of commerce",
    "lead_group": "Referral club (BNI, LeTip…)",
    "event": "Events",
    "association": "Association",
    "social": "Social media",
    "informal": "Informal network",
    "other": "Other",
}


def format_table(frame, columns: list[str], currency: str = "$", *, label_column: str = "group"):
    """A display copy of `frame`: the label column plus `columns` formatted as people read them,
    headed by their labels. Missing ratios become a dash."""
    shown = frame[[label_column]].rename(columns={label_column: label_column.capitalize()})
    for name in columns:
        shown[METRICS[name].label] = [METRICS[name].format(v, currency) for v in frame[name]]
    return shown


def markdown_table() -> str:
    """The README's metric list, generated from the registry (a test keeps the README in step)."""
    lines = ["| metric | name | formula |", "|---|---|---|"]
    lines += [f"| {m.label} | `{m.name}` | {m.formula} |" for m in METRICS.values()]
    return "\n".join(lines)
