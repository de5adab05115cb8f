"""Return on investment and payback: (db, period, ...) -> DataFrame, plus pure helpers to read them.

The figures are computed in SQL (netmetrics/sql/marts/03x_*.sql); this module binds the parameters,
adds the few things that are easier in Python (months of history between two dates) and turns rows
into words. No Streamlit here.

Two ratios, never confused:
- the **return ratio** = revenue / cost x 100 (DOMAIN.md's seed 001 "ROI"; 100 % = break-even);
- the **net ROI** = (revenue - cost) / cost x 100 (the conventional ROI; 0 % = break-even).
With a gross margin below 100 %, "revenue" in both is gross profit = sales value x margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from netmetrics.db import Database
from netmetrics.metrics import format_value, is_missing
from netmetrics.periods import Period, add_months

TYPICAL_BAND = (50.0, 200.0)  # DOMAIN.md: the average networking return ratio is 50-200 %
WINDOW_MONTHS = 12


@dataclass(frozen=True)
class Column:
    label: str
    unit: str  # a metrics.format_value unit
    formula: str


def revenue_label(margin_pct: float) -> str:
    """'Revenue', or 'Gross profit' when a margin below 100 % is applied."""
    return "Revenue" if margin_pct >= 100 else "Gross profit"


def columns(margin_pct: float = 100.0) -> dict[str, Column]:
    """The ROI table's columns with labels that say what is counted (revenue or gross profit)."""
    rev = revenue_label(margin_pct)
    rev_formula = "sales value" if margin_pct >= 100 else f"sales value × {margin_pct:g} % margin"
    return {
        "expenses": Column("Expenses", "money", "tickets, travel, lodging, meals"),
        "dues": Column("Dues", "money", "annual dues ÷ 365 per day of membership in the period"),
        "time_cost": Column("Time cost", "money", "hours × your hourly value"),
        "cost": Column("Cost", "money", "expenses + dues + time cost"),
        "revenue": Column(rev, "money", rev_formula),
        "return_ratio_pct": Column("Return ratio", "percent",
                                   f"{rev.lower()} ÷ cost × 100; 100 % = break-even"),
        "net_roi_pct": Column("Net ROI", "percent", f"({rev.lower()} − cost) ÷ cost × 100; 0 % = break-even"),
        "cost_per_referral": Column("Cost per referral", "money_ratio", "cost ÷ referrals received"),
        "cost_per_sale": Column("Cost per sale", "money_ratio", "cost ÷ sales"),
        "revenue_per_hour": Column(f"{rev} per hour", "money_ratio", f"{rev.lower()} ÷ hours"),
    }


# -- queries --------------------------------------------------------------------------------------------
def roi_table(db: Database, period: Period, hourly_rate: float = 0.0, margin_pct: float = 100.0,
              payback: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per group active in the period plus a 'Total' row (is_total): costs, revenue (x margin),
    return ratio, net ROI, cost per referral and per sale, revenue per hour, and the payback of each
    group from all its history up to the period's end. A caller that holds that payback already
    (payback_summary with the same end, rate and margin) passes it so it is not computed twice."""
    frame = db.df("select * from mart_roi(?, ?, ?, ?)",
                  [period.start, period.end, float(hourly_rate), float(margin_pct)])
    if payback is None:
        payback = payback_summary(db, period.end, hourly_rate, margin_pct)
    keep = ["group_id", "start_on", "months", "payback_month", "payback_on", "fell_back", "ahead_now"]
    return frame.merge(payback[keep], on="group_id", how="left")


def payback_curves(db: Database, end: date, hourly_rate: float = 0.0, margin_pct: float = 100.0) -> pd.DataFrame:
    """One row per group x month since joining (or first data), with cumulative cost and revenue up to
    `end` (all history, not just the period)."""
    return db.df("select * from mart_payback(?, ?, ?)", [end, float(hourly_rate), float(margin_pct)])


def payback_summary(db: Database, end: date, hourly_rate: float = 0.0, margin_pct: float = 100.0) -> pd.DataFrame:
    """One row per group: the month it paid back (NULL = not yet), whether it fell back later, and
    whether it is ahead at `end`."""
    return db.df("select * from mart_payback_summary(?, ?, ?)", [end, float(hourly_rate), float(margin_pct)])


def verdict_inputs(db: Database, end: date, hourly_rate: float = 0.0, margin_pct: float = 100.0,
                   window_months: int = WINDOW_MONTHS) -> pd.DataFrame:
    """The numbers each verdict rests on, one row per group with history by `end`: the last
    `window_months` months of its record (cost, revenue, return ratio, own purchases), its payback, and
    its months of history (from joining, or first data, to `end` or the end of a left group's record)."""
    frame = db.df("select * from mart_verdict_inputs(?, ?, ?, ?)",
                  [end, float(hourly_rate), float(margin_pct), int(window_months)])
    frame["months_of_history"] = [months_between(s, e) for s, e in zip(frame["start_on"], frame["window_to"])]
    return frame


# -- pure helpers -----------------------------------------------------------------------------------------
def _as_date(value) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def months_between(start, end) -> float:
    """Months of history from `start` to `end`, both days included: whole calendar months counted from
    the start's day of the month, plus the share of the next month's days. 1 Jan - 30 Jun = 6.0."""
    start, end = _as_date(start), _as_date(end) + timedelta(days=1)
    if end <= start:
        return 0.0
    whole = (end.year - start.year) * 12 + end.month - start.month
    while whole > 0 and add_months(start, whole) > end:
        whole -= 1
    month_from, month_to = add_months(start, whole), add_months(start, whole + 1)
    return whole + (end - month_from).days / (month_to - month_from).days


def payback_text(row) -> str:
    """'month 8 (Sep 2025)', 'month 8 (Sep 2025), behind again now', or 'not yet'."""
    month = row.get("payback_month")
    if is_missing(month):
        return "not yet"
    text = f"month {int(month)}"
    if not is_missing(row.get("payback_on")):
        text += f" ({_as_date(row['payback_on']):%b %Y})"
    if bool(row.get("fell_back")) and not bool(row.get("ahead_now")):
        text += ", behind again now"
    elif bool(row.get("fell_back")):
        text += ", fell behind for a while since"
    return text


def display_table(frame: pd.DataFrame, currency: str = "$", margin_pct: float = 100.0) -> pd.DataFrame:
    """The ROI table as people read it: labelled columns, money in the currency, a dash for no data,
    and the payback month per group (the total row has none)."""
    cols = columns(margin_pct)
    shown = pd.DataFrame({"Group": frame["group"]})
    for name, col in cols.items():
        shown[col.label] = [format_value(v, col.unit, currency) for v in frame[name]]
    paid, months = [], []
    for _, row in frame.iterrows():
        if row["is_total"]:
            paid.append("")
            months.append("")
        else:
            paid.append(payback_text(row))
            months.append("–" if is_missing(row.get("payback_month")) else str(int(row["payback_month"])))
    shown["Paid back in"] = paid
    shown["Months to payback"] = months
    return shown


def reading(frame: pd.DataFrame, currency: str = "$", margin_pct: float = 100.0) -> str:
    """One or two sentences on the period's ROI: the total, then the best and the weakest group."""
    groups = frame[~frame["is_total"]]
    totals = frame[frame["is_total"]]
    if totals.empty:
        return "Nothing recorded in this period."
    total = totals.iloc[0]
    rev = revenue_label(margin_pct).lower()
    money = lambda v: format_value(v, "money", currency)  # noqa: E731
    if is_missing(total["return_ratio_pct"]):
        return f"Networking cost nothing in this period and brought {money(total['revenue'])} of {rev}."
    ratio = total["return_ratio_pct"]
    text = (f"In this period networking cost {money(total['cost'])} and brought {money(total['revenue'])} of "
            f"{rev}: a return ratio of {ratio:,.0f} % (each {currency}1 spent brought back "
            f"{currency}{ratio / 100:,.2f}), which is a net ROI of {total['net_roi_pct']:+,.0f} %.")
    rated = groups[groups["return_ratio_pct"].notna()].sort_values("return_ratio_pct", ascending=False)
    if len(rated) >= 2:
        best, worst = rated.iloc[0], rated.iloc[-1]
        text += (f" Best: {best['group']} ({best['return_ratio_pct']:,.0f} %); weakest: {worst['group']} "
                 f"({worst['return_ratio_pct']:,.0f} %).")
    return text


def payback_caption(end, margin_pct: float = 100.0) -> str:
    rev = revenue_label(margin_pct).lower()
    return (f"Payback uses **all history** from the day a group was joined (or its first record when no joined "
            f"date is set) up to the period's end, {_as_date(end):%d %b %Y}, not just the chosen period. Month 1 "
            f"is the first month after joining. A group paid back in the first month whose cumulative {rev} "
            f"reached its cumulative cost (dues by day of membership, expenses, hours × your hourly value); "
            "the table says if it fell behind again later.")


def payback_reading(summary: pd.DataFrame) -> str:
    """Which groups paid back, in which month, and which have not yet."""
    paid = summary[summary["payback_month"].notna()].sort_values("payback_month")
    waiting = summary[summary["payback_month"].isna()]
    parts = []
    if len(paid):
        parts.append("Paid back: " + ", ".join(f"{r['group']} in month {int(r['payback_month'])}"
                                               for _, r in paid.iterrows()) + ".")
    if len(waiting):
        parts.append("Not yet: " + ", ".join(f"{r['group']} ({int(r['months'])} months in)"
                                             for _, r in waiting.iterrows()) + ".")
    return " ".join(parts)


def payback_table(summary: pd.DataFrame, currency: str = "$", margin_pct: float = 100.0) -> pd.DataFrame:
    """The payback per group as people read it."""
    money = lambda v: format_value(v, "money", currency)  # noqa: E731
    return pd.DataFrame({
        "Group": summary["group"],
        "Since": [f"{_as_date(d):%d %b %Y}" for d in summary["start_on"]],
        "Months of record": [int(m) for m in summary["months"]],
        "Paid back in": [payback_text(r) for _, r in summary.iterrows()],
        "Months to payback": ["–" if is_missing(m) else str(int(m)) for m in summary["payback_month"]],
        "Cumulative cost": [money(v) for v in summary["cum_cost"]],
        f"Cumulative {revenue_label(margin_pct).lower()}": [money(v) for v in summary["cum_revenue"]],
        "Ahead (+) or behind (−)": [("+" if v >= 0 else "−") + money(abs(v)) for v in summary["cum_net"]],
    })


def cost_basis(currency: str, hourly_rate: float, gross_margin_pct: float,
               money_only: str = "money only (no hourly value counted)") -> str:
    """What counts as cost and as revenue (hourly value, gross margin), in words."""
    rate = f"time valued at {currency}{hourly_rate:g} an hour" if hourly_rate else money_only
    margin = "sales as they are" if gross_margin_pct >= 100 else f"{gross_margin_pct:g} % gross margin"
    return f"{rate} · {margin}"
