"""Verdicts per group: too early, paying back, watch, reconsider. The rules live here and only here.

The rules are pure functions of a group's numbers (netmetrics.roi.verdict_inputs) and the thresholds;
each verdict carries the rule that produced it, in words, and the numbers behind it. Thresholds are
workspace settings (keys 'verdict.<field>'), so the owner and the coach see the same verdicts.

The rules, in order (the first that applies wins):

1. **Too early**: under `min_months` (6) months of history, counted from the day the group was joined
   (or its first recorded fact) to the end of the period, whatever the ratios. Networking pays late.
2. **Paying back**: over the last `window_months` (12) months of its record, the return ratio
   (revenue / cost x 100) is at least `paying_back_pct` (100 %): it covered its cost. A group that
   cost nothing in the window and brought revenue is paying back too.
3. **Reconsider**: the return ratio over the window is below `reconsider_below_pct` (50 %) and it has
   not paid back since joining (cumulative revenue below cumulative cost); or it has `deadline_months`
   (18) months of history or more and still has not paid back since joining.
4. **Watch**: everything else: it returns part of its cost now, or it paid back earlier but is below
   break-even lately, or it neither cost nor brought anything in the window.

A red flag (DOMAIN.md, give and get) is added to any verdict when at least `own_purchase_share` (80 %)
of the referrals given in the window were the owner's own purchases from members, counted once at
least `min_given` (3) referrals were given: the owner's contacts may be thin, or the members have
nothing to offer. It does not change the money verdict; it is a reason to look closer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

import pandas as pd

from netmetrics.metrics import format_value, is_missing

TOO_EARLY, PAYING_BACK, WATCH, RECONSIDER = "too_early", "paying_back", "watch", "reconsider"

VERDICTS = {
    TOO_EARLY: {"label": "Too early", "color": "#8d99ae", "icon": ":material/hourglass_empty:",
                "meaning": "not enough history to judge"},
    PAYING_BACK: {"label": "Paying back", "color": "#2a9d8f", "icon": ":material/trending_up:",
                  "meaning": "covers its cost"},
    WATCH: {"label": "Watch", "color": "#e9a23b", "icon": ":material/visibility:",
            "meaning": "look again in a few months"},
    RECONSIDER: {"label": "Reconsider", "color": "#c8553d", "icon": ":material/report:",
                 "meaning": "costs more than it brings"},
}
ORDER = (PAYING_BACK, WATCH, RECONSIDER, TOO_EARLY)


@dataclass(frozen=True)
class Thresholds:
    """The verdict thresholds, with their defaults; stored as settings 'verdict.<field>'."""

    min_months: float = 6.0             # under this much history: too early
    window_months: int = 12             # the recent window the return ratio is measured over
    paying_back_pct: float = 100.0      # return ratio at or above: paying back
    reconsider_below_pct: float = 50.0  # return ratio below, and no payback: reconsider
    deadline_months: float = 18.0       # this much history and still no payback: reconsider
    own_purchase_share: float = 0.8     # own purchases / referrals given at or above: red flag
    min_given: float = 3.0              # referrals given needed before the red flag is raised

    def problems(self) -> list[str]:
        """What makes these thresholds unusable, in words (empty when they are fine)."""
        out = []
        if self.min_months < 0 or self.deadline_months < 0:
            out.append("Months cannot be negative.")
        if not 1 <= self.window_months <= 60:
            out.append("The window must be 1 to 60 months.")
        if self.reconsider_below_pct > self.paying_back_pct:
            out.append("'Reconsider below' must not be above 'paying back from'.")
        if not 0 < self.own_purchase_share <= 1:
            out.append("The own-purchase share must be above 0 and at most 1.")
        if self.reconsider_below_pct < 0 or self.min_given < 0:
            out.append("Thresholds cannot be negative.")
        return out


SETTING_PREFIX = "verdict."
DEFAULTS = Thresholds()


def load_thresholds(db) -> Thresholds:
    """The workspace's thresholds; a missing or unreadable setting falls back to its default."""
    values = {}
    for f in fields(Thresholds):
        raw = db.get_setting(SETTING_PREFIX + f.name)
        if raw is None:
            continue
        try:
            number = float(raw)
        except ValueError:
            continue
        if math.isfinite(number):
            values[f.name] = int(number) if f.type in (int, "int") else number
    chosen = replace(DEFAULTS, **values)
    return chosen if not chosen.problems() else DEFAULTS


def save_thresholds(db, thresholds: Thresholds) -> list[str]:
    """Store the thresholds that differ from what is stored; returns problems (nothing stored if any)."""
    problems = thresholds.problems()
    if problems:
        return problems
    current = load_thresholds(db)
    for name, value in asdict(thresholds).items():
        if getattr(current, name) != value or db.get_setting(SETTING_PREFIX + name) is None:
            db.set_setting(SETTING_PREFIX + name, f"{value:g}")
    return []


@dataclass(frozen=True)
class Verdict:
    group: str
    verdict: str          # one of VERDICTS
    rule: str             # the rule that produced it, in words, with the thresholds
    numbers: str          # the numbers behind it
    red_flag: str = ""    # the own-purchase red flag, in words, when raised

    @property
    def label(self) -> str:
        return VERDICTS[self.verdict]["label"]


# -- the rules ------------------------------------------------------------------------------------------
def _day(value) -> str:
    if is_missing(value):
        return "?"
    value = value.date() if isinstance(value, pd.Timestamp) else value
    return f"{value:%d %b %Y}" if isinstance(value, date) else str(value)


def _pct(value: float) -> str:
    return f"{value:g} %"


def judge(row: Mapping, t: Thresholds = DEFAULTS, currency: str = "$") -> Verdict:
    """The verdict for one group. `row` holds: group, months_of_history, start_on, window_from,
    window_to, cost, revenue, return_ratio_pct, payback_month, payback_on, ahead_now, referrals_given,
    own_purchases, own_purchase_share, and optionally left_on."""
    money = lambda v: format_value(v, "money", currency)  # noqa: E731
    name = row["group"]
    months = float(row["months_of_history"])
    ratio = None if is_missing(row.get("return_ratio_pct")) else float(row["return_ratio_pct"])
    cost, revenue = float(row.get("cost") or 0), float(row.get("revenue") or 0)
    paid_back = bool(row.get("ahead_now")) if not is_missing(row.get("ahead_now")) else False
    span = f"({_day(row.get('window_from'))} – {_day(row.get('window_to'))})"
    window = (f"the last {t.window_months:g} months {span}" if months >= t.window_months
              else f"its {months:.1f} months so far {span}")
    history = f"{months:.1f} months of history since {_day(row.get('start_on'))}"
    ratio_text = (f"return ratio {ratio:,.0f} % ({money(revenue)} on {money(cost)} of cost over {window})"
                  if ratio is not None else f"{money(revenue)} on no cost over {window}")
    if is_missing(row.get("payback_month")):
        payback = "not paid back since joining"
    else:
        payback = f"paid back in month {int(row['payback_month'])} ({_day(row.get('payback_on'))})"
        if not paid_back:
            payback += ", but behind again now"
    numbers = f"{history}; {ratio_text}; {payback}."
    if not is_missing(row.get("left_on")):
        numbers += f" Left on {_day(row['left_on'])}: judged on its record up to then."
    flag = red_flag(row, t)

    def verdict(kind: str, rule: str) -> Verdict:
        return Verdict(name, kind, rule, numbers, flag)

    if months < t.min_months:
        return verdict(TOO_EARLY, f"Under {t.min_months:g} months of history: too early to judge, whatever "
                                  "the ratios. Networking pays 6 to 12 months late.")
    if ratio is not None and ratio >= t.paying_back_pct:
        return verdict(PAYING_BACK, f"Return ratio over the last {t.window_months:g} months at or above "
                                    f"{_pct(t.paying_back_pct)}: it covered its cost.")
    if ratio is None and revenue > 0:
        return verdict(PAYING_BACK, f"No cost over the last {t.window_months:g} months, and it brought revenue.")
    no_payback = not paid_back
    if ratio is not None and ratio < t.reconsider_below_pct and no_payback:
        return verdict(RECONSIDER, f"Return ratio over the last {t.window_months:g} months below "
                                   f"{_pct(t.reconsider_below_pct)}, and not paid back since joining.")
    if months >= t.deadline_months and no_payback and ratio is not None:
        return verdict(RECONSIDER, f"{t.deadline_months:g} months of history or more and still not paid back "
                                   f"since joining, with a return ratio below {_pct(t.paying_back_pct)} lately.")
    if ratio is None:
        return verdict(WATCH, f"No cost and no revenue over the last {t.window_months:g} months: nothing "
                              "to judge on lately.")
    if ratio < t.reconsider_below_pct:
        return verdict(WATCH, f"Return ratio over the last {t.window_months:g} months below "
                              f"{_pct(t.reconsider_below_pct)}, but it paid back since joining: watch the trend.")
    return verdict(WATCH, f"Return ratio over the last {t.window_months:g} months between "
                          f"{_pct(t.reconsider_below_pct)} and {_pct(t.paying_back_pct)}: it returns part of "
                          "its cost.")


def red_flag(row: Mapping, t: Thresholds = DEFAULTS) -> str:
    """The own-purchase red flag in words, or '' when not raised."""
    given = float(row.get("referrals_given") or 0)
    own = float(row.get("own_purchases") or 0)
    if given <= 0 or given < t.min_given:
        return ""
    share = own / given
    if share < t.own_purchase_share:
        return ""
    return (f"Red flag: {own:g} of {given:g} referrals given ({share:.0%}) were your own purchases from "
            f"members (threshold {t.own_purchase_share:.0%} once {t.min_given:g} or more were given). "
            "Your contacts may not fit this group, or its members have little to offer you.")


def judge_all(inputs: pd.DataFrame, t: Thresholds = DEFAULTS, currency: str = "$") -> pd.DataFrame:
    """One row per group: its verdict, the rule, the numbers and the red flag, beside the inputs."""
    found = [judge(row, t, currency) for row in inputs.to_dict("records")]
    out = inputs.copy()
    out["verdict"] = [v.verdict for v in found]
    out["verdict_label"] = [v.label for v in found]
    out["rule"] = [v.rule for v in found]
    out["numbers"] = [v.numbers for v in found]
    out["red_flag"] = [v.red_flag for v in found]
    return out


def display_table(judged: pd.DataFrame, currency: str = "$", window_months: int = 12) -> pd.DataFrame:
    """The verdict table as people read it."""
    last = f"last {window_months:g} months"
    def payback(row):
        if is_missing(row["payback_month"]):
            return "not yet"
        return f"month {int(row['payback_month'])}" + ("" if row["ahead_now"] else ", behind again")

    return pd.DataFrame({
        "Group": judged["group"],
        "Verdict": judged["verdict_label"],
        "Months of history": [f"{m:.1f}" for m in judged["months_of_history"]],
        f"Return ratio, {last}": [format_value(v, "percent") for v in judged["return_ratio_pct"]],
        f"Cost, {last}": [format_value(v, "money", currency) for v in judged["cost"]],
        f"Revenue, {last}": [format_value(v, "money", currency) for v in judged["revenue"]],
        "Paid back": [payback(r) for _, r in judged.iterrows()],
        "Own purchases / given": [format_value(v, "share") for v in judged["own_purchase_share"]],
        "Red flag": ["yes" if f else "" for f in judged["red_flag"]],
        "Rule": judged["rule"],
    })


def rules_in_words(t: Thresholds = DEFAULTS) -> str:
    """The four rules as a short markdown list, with the current thresholds."""
    w = f"the last {t.window_months:g} months"
    return (
        f"- **Too early**: under {t.min_months:g} months of history since joining (or the first record), "
        "whatever the ratios.\n"
        f"- **Paying back**: return ratio over {w} at or above {_pct(t.paying_back_pct)}.\n"
        f"- **Reconsider**: return ratio over {w} below {_pct(t.reconsider_below_pct)} and not paid back since "
        f"joining, or still not paid back after {t.deadline_months:g} months.\n"
        "- **Watch**: everything in between.\n"
        f"- A **red flag** is added when {t.own_purchase_share:.0%} or more of the referrals given over {w} were "
        f"your own purchases ({t.min_given:g} given at least)."
    )


def in_order(judged: pd.DataFrame) -> pd.DataFrame:
    """Paying back first, then watch, reconsider, too early; by group name within each."""
    rank = {v: i for i, v in enumerate(ORDER)}
    return judged.assign(_rank=judged["verdict"].map(rank)).sort_values(["_rank", "group"]).drop(columns="_rank")


def reading(judged: pd.DataFrame) -> str:
    """How many groups got each verdict, naming them."""
    parts = []
    for kind in ORDER:
        names = judged.loc[judged["verdict"] == kind, "group"].tolist()
        if names:
            parts.append(f"{VERDICTS[kind]['label'].lower()}: {', '.join(names)}")
    text = "; ".join(parts)
    flagged = judged.loc[judged["red_flag"] != "", "group"].tolist()
    if flagged:
        text += f". Red flag on own purchases: {', '.join(flagged)}"
    return text[:1].upper() + text[1:] + "."
