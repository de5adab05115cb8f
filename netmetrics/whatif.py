"""The what-if engine: the period's actual figures per group as monthly rates (drivers), changed by a
scenario, projected to monthly and horizon cost and revenue. Pure Python: no Streamlit, no SQL.

The funnel follows seed 001: activities bring contacts and referrals, a share of them convert into
sales, each worth the average sale value. Per group and month:

    hours      = activities x hours per activity
    cost       = activities x (expenses per activity + hours per activity x hourly value) + dues
    sales      = activities x (referrals per activity x sales per referral
                               + people met per activity x sales per person met)
    revenue    = sales x average sale value x gross margin
    return ratio = revenue / cost x 100;  net ROI = (revenue - cost) / cost x 100

The baseline credits a group's sales to its referrals when it has any, otherwise to the people met,
so a scenario equal to the baseline reproduces the period's actual figures exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from netmetrics import metrics

DAYS_PER_MONTH = 365.25 / 12

GROUP_DRIVERS = {
    "activities_per_month": "Activities per month",
    "hours_per_activity": "Hours per activity (event, prep, travel, recovery)",
    "expenses_per_activity": "Expenses per activity",
    "dues_per_month": "Dues per month",
    "people_met_per_activity": "People met per activity",
    "sales_per_person_met": "Sales per person met",
    "referrals_per_activity": "Referrals received per activity",
    "sales_per_referral": "Sales per referral (conversion)",
    "avg_sale_value": "Average sale value",
}
GLOBAL_DRIVERS = {
    "hourly_value": "Value of an hour of your time",
    "gross_margin_pct": "Gross margin on sales (%)",
    "horizon_months": "Horizon (months)",
}
# Plain bounds for values typed in a URL or on the command line.
LIMITS = {"horizon_months": (1, 120), "gross_margin_pct": (0, 100), "sales_per_referral": (0, 100),
          "sales_per_person_met": (0, 100)}
MAX_VALUE = 1e9
GROUP_TYPES = tuple(metrics.GROUP_TYPES)

# Typical monthly figures to start a hypothetical group from (rough, editable in the UI), and the
# months before it brings its first sale: networking pays late.
TYPICAL = {
    "chamber": dict(activities_per_month=1, hours_per_activity=4, expenses_per_activity=25, dues_per_month=45,
                    people_met_per_activity=6, referrals_per_activity=0.1, sales_per_referral=0.3,
                    avg_sale_value=800, ramp_up_months=6),
    "lead_group": dict(activities_per_month=4, hours_per_activity=3, expenses_per_activity=15, dues_per_month=70,
                       people_met_per_activity=3, referrals_per_activity=0.4, sales_per_referral=0.35,
                       avg_sale_value=900, ramp_up_months=4),
    "event": dict(activities_per_month=1, hours_per_activity=8, expenses_per_activity=150, dues_per_month=0,
                  people_met_per_activity=15, referrals_per_activity=0.2, sales_per_referral=0.2,
                  avg_sale_value=1200, ramp_up_months=6),
    "association": dict(activities_per_month=1, hours_per_activity=3, expenses_per_activity=20, dues_per_month=20,
                        people_met_per_activity=5, referrals_per_activity=0.15, sales_per_referral=0.3,
                        avg_sale_value=1000, ramp_up_months=6),
    "social": dict(activities_per_month=12, hours_per_activity=1, expenses_per_activity=0, dues_per_month=0,
                   people_met_per_activity=2, referrals_per_activity=0.02, sales_per_referral=0.2,
                   avg_sale_value=600, ramp_up_months=3),
    "informal": dict(activities_per_month=1, hours_per_activity=2, expenses_per_activity=30, dues_per_month=0,
                     people_met_per_activity=2, referrals_per_activity=0.3, sales_per_referral=0.5,
                     avg_sale_value=1500, ramp_up_months=2),
    "other": dict(activities_per_month=1, hours_per_activity=3, expenses_per_activity=20, dues_per_month=0,
                  people_met_per_activity=4, referrals_per_activity=0.1, sales_per_referral=0.3,
                  avg_sale_value=800, ramp_up_months=6),
}


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class Drivers:
    """One group's monthly rates."""

    activities_per_month: float = 0.0
    hours_per_activity: float = 0.0
    expenses_per_activity: float = 0.0
    dues_per_month: float = 0.0
    people_met_per_activity: float = 0.0
    sales_per_person_met: float = 0.0
    referrals_per_activity: float = 0.0
    sales_per_referral: float = 0.0
    avg_sale_value: float = 0.0
    other_revenue_per_month: float = 0.0  # revenue stored without a sale count: kept as it is
    ramp_up_months: float = 0.0  # a new group brings no sale before this (baseline groups: 0)

    def sales_per_activity(self) -> float:
        return (self.referrals_per_activity * self.sales_per_referral
                + self.people_met_per_activity * self.sales_per_person_met)

    def sales_per_month(self) -> float:
        return self.activities_per_month * self.sales_per_activity()


@dataclass(frozen=True)
class Globals:
    hourly_value: float = 0.0
    gross_margin_pct: float = 100.0
    horizon_months: float = 12.0


@dataclass(frozen=True)
class GroupLine:
    group: str
    type: str
    drivers: Drivers
    added: bool = False  # a hypothetical group the scenario adds


@dataclass
class Scenario:
    """Changes to a baseline: driver values per group, dropped groups, added groups, globals."""

    name: str = ""
    changes: dict[str, dict[str, float]] = field(default_factory=dict)  # group -> driver -> value
    dropped: set[str] = field(default_factory=set)
    added: dict[str, str] = field(default_factory=dict)  # new group name -> type
    globals: dict[str, float] = field(default_factory=dict)


def baseline(comparison: pd.DataFrame, start: date, end: date) -> list[GroupLine]:
    """Turn the period's actual figures (queries.comparison rows, hourly rate 0) into monthly drivers."""
    months = ((end - start).days + 1) / DAYS_PER_MONTH
    lines = []
    for row in comparison[~comparison["is_total"]].itertuples():
        activities, sales = float(row.activities), float(row.sales)
        referrals, people = float(row.referrals_received), float(row.people_met)
        by_referral = referrals > 0
        drivers = Drivers(
            activities_per_month=activities / months,
            hours_per_activity=_ratio(row.hours, activities),
            expenses_per_activity=_ratio(row.expenses, activities),
            dues_per_month=float(row.dues) / months,
            people_met_per_activity=_ratio(people, activities),
            sales_per_person_met=0.0 if by_referral else _ratio(sales, people),
            referrals_per_activity=_ratio(referrals, activities),
            sales_per_referral=_ratio(sales, referrals),
            avg_sale_value=_ratio(row.sales_value, sales),
        )
        # Revenue the funnel cannot carry (sales without activities, values without a sale count)
        # stays as a fixed monthly amount, so the baseline adds up to the period's revenue.
        unexplained = float(row.sales_value) - drivers.sales_per_month() * drivers.avg_sale_value * months
        if abs(unexplained) > 1e-9:
            drivers = replace(drivers, other_revenue_per_month=unexplained / months)
        lines.append(GroupLine(str(row.group), str(row.type), drivers))
    return lines


def apply(lines: list[GroupLine], scenario: Scenario) -> list[GroupLine]:
    """The scenario's lines: baseline drivers changed, dropped groups removed, new groups added."""
    result = []
    known = {line.group for line in lines}
    for name, group_type in scenario.added.items():
        if name not in known:
            typical = TYPICAL.get(group_type, TYPICAL["other"])
            lines = [*lines, GroupLine(name, group_type, Drivers(**typical), added=True)]
    for line in lines:
        if line.group in scenario.dropped:
            continue
        changes = scenario.changes.get(line.group, {})
        result.append(replace(line, drivers=replace(line.drivers, **changes)) if changes else line)
    return result


@dataclass(frozen=True)
class Projection:
    group: str
    type: str
    hours_per_month: float
    monthly_cost: float
    monthly_revenue: float
    horizon_cost: float
    horizon_revenue: float
    return_ratio_pct: float | None
    net_roi_pct: float | None
    sales_per_month: float
    payback_month: int | None = None  # added groups: the month cumulative revenue catches up
    added: bool = False


def _pct(revenue: float, cost: float) -> tuple[float | None, float | None]:
    if not cost:
        return None, None
    return revenue / cost * 100, (revenue - cost) / cost * 100


def monthly_cost(d: Drivers, g: Globals) -> float:
    return d.activities_per_month * (d.expenses_per_activity + d.hours_per_activity * g.hourly_value) \
        + d.dues_per_month


def monthly_revenue(d: Drivers, g: Globals) -> float:
    return (d.sales_per_month() * d.avg_sale_value + d.other_revenue_per_month) * g.gross_margin_pct / 100


def payback_month(cost: float, revenue: float, ramp_up: float, horizon: float) -> int | None:
    """First whole month when cumulative revenue (none before the ramp-up) reaches cumulative cost."""
    if revenue <= cost:
        return None if cost > 0 else 1
    month = math.ceil(revenue * ramp_up / (revenue - cost) - 1e-9)
    month = max(month, 1)
    return month if month <= horizon else None


def project(line: GroupLine, g: Globals) -> Projection:
    d = line.drivers
    cost, revenue = monthly_cost(d, g), monthly_revenue(d, g)
    earning_months = max(g.horizon_months - d.ramp_up_months, 0)
    horizon_revenue = revenue * earning_months
    ratio, net = _pct(revenue, cost)
    return Projection(
        group=line.group, type=line.type, hours_per_month=d.activities_per_month * d.hours_per_activity,
        monthly_cost=cost, monthly_revenue=revenue, horizon_cost=cost * g.horizon_months,
        horizon_revenue=horizon_revenue, return_ratio_pct=ratio, net_roi_pct=net,
        sales_per_month=d.sales_per_month(),
        payback_month=payback_month(cost, revenue, d.ramp_up_months, g.horizon_months) if line.added else None,
        added=line.added,
    )


def total(projections: list[Projection], g: Globals) -> dict:
    cost = sum(p.monthly_cost for p in projections)
    revenue = sum(p.monthly_revenue for p in projections)
    ratio, net = _pct(revenue, cost)
    return {"group": "Total", "hours_per_month": sum(p.hours_per_month for p in projections),
            "monthly_cost": cost, "monthly_revenue": revenue,
            "horizon_cost": sum(p.horizon_cost for p in projections),
            "horizon_revenue": sum(p.horizon_revenue for p in projections),
            "return_ratio_pct": ratio, "net_roi_pct": net,
            "sales_per_month": sum(p.sales_per_month for p in projections)}


@dataclass(frozen=True)
class BreakEven:
    """The value of one driver at which a group's return ratio is exactly 100 % (None: unreachable)."""

    sales_per_referral: float | None
    avg_sale_value: float | None
    activities_per_month: float | None


def break_even(line: GroupLine, g: Globals) -> BreakEven:
    d = line.drivers
    margin = g.gross_margin_pct / 100
    cost = monthly_cost(d, g)
    fixed_revenue = d.other_revenue_per_month * margin
    # conversion: revenue from referrals must cover what the rest does not
    referral_value = d.activities_per_month * d.referrals_per_activity * d.avg_sale_value * margin
    people_revenue = d.activities_per_month * d.people_met_per_activity * d.sales_per_person_met \
        * d.avg_sale_value * margin
    conversion = (cost - fixed_revenue - people_revenue) / referral_value if referral_value else None
    # average sale value
    sales_margin = d.sales_per_month() * margin
    avg_value = (cost - fixed_revenue) / sales_margin if sales_margin else None
    # activities: cost and revenue both grow with activities; dues and fixed revenue do not
    per_activity_revenue = d.sales_per_activity() * d.avg_sale_value * margin
    per_activity_cost = d.expenses_per_activity + d.hours_per_activity * g.hourly_value
    gap = per_activity_revenue - per_activity_cost
    activities = (d.dues_per_month - fixed_revenue) / gap if gap > 0 else None

    def valid(value: float | None) -> float | None:
        return value if value is not None and value >= 0 else None

    return BreakEven(valid(conversion), valid(avg_value), valid(activities))


@dataclass(frozen=True)
class Result:
    globals: Globals
    baseline: list[Projection]
    scenario: list[Projection]
    baseline_total: dict
    scenario_total: dict
    break_even: dict[str, BreakEven]


def run(lines: list[GroupLine], scenario: Scenario, defaults: Globals = Globals()) -> Result:
    """Project the baseline and the scenario with the scenario's globals (hourly value, margin, horizon
    apply to both so the comparison shows the effect of the group changes)."""
    g = replace(defaults, **scenario.globals)
    base = [project(line, g) for line in lines]
    changed_lines = apply(lines, scenario)
    changed = [project(line, g) for line in changed_lines]
    return Result(g, base, changed, total(base, g), total(changed, g),
                  {line.group: break_even(line, g) for line in changed_lines})


# -- scenario text: the same "GROUP.DRIVER=VALUE" form on the command line and in URLs -------------

def parse_assignment(text: str) -> tuple[str | None, str, float]:
    """'BNI Harbour.activities_per_month=5' -> ('BNI Harbour', 'activities_per_month', 5.0);
    'hourly_value=40' -> (None, 'hourly_value', 40.0). Raises ValueError with a sentence for people."""
    left, sep, value_text = text.partition("=")
    if not sep:
        raise ValueError(f"'{text}' is not GROUP.DRIVER=VALUE")
    group, dot, driver = left.rpartition(".")
    driver = driver.strip()
    if not dot:
        group = None
        if driver not in GLOBAL_DRIVERS:
            raise ValueError(f"'{driver}' is not a setting; use one of {', '.join(GLOBAL_DRIVERS)}")
    elif driver not in GROUP_DRIVERS:
        raise ValueError(f"'{driver}' is not a driver; use one of {', '.join(GROUP_DRIVERS)}")
    try:
        value = float(value_text)
    except ValueError:
        raise ValueError(f"'{value_text}' is not a number (in '{text}')") from None
    low, high = LIMITS.get(driver, (0, MAX_VALUE))
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"{driver} must be between {low:g} and {high:g} (got {value_text})")
    return (group.strip() if group is not None else None), driver, value


def build_scenario(assignments: list[str], dropped: list[str], added: list[str], known_groups: set[str],
                   name: str = "") -> tuple[Scenario, list[str]]:
    """A scenario from plain text values; what cannot be used is returned as notices, never raised."""
    notices: list[str] = []
    scenario = Scenario(name=name)
    for item in added:
        new_name, _, group_type = item.rpartition(":")
        new_name = new_name.strip()
        if not new_name or group_type not in GROUP_TYPES:
            notices.append(f"Ignored added group '{item}': write it as NAME:TYPE with a type out of "
                           f"{', '.join(GROUP_TYPES)}.")
        elif new_name in known_groups:
            notices.append(f"Ignored added group '{new_name}': a group of that name exists.")
        else:
            scenario.added[new_name] = group_type
    groups = known_groups | set(scenario.added)
    for item in dropped:
        if item in known_groups:
            scenario.dropped.add(item)
        else:
            notices.append(f"Ignored dropping '{item}': there is no such group in this period.")
    for item in assignments:
        try:
            group, driver, value = parse_assignment(item)
        except ValueError as exc:
            notices.append(f"Ignored '{item}': {exc}.")
            continue
        if group is None:
            scenario.globals[driver] = value
        elif group not in groups:
            notices.append(f"Ignored '{item}': there is no group '{group}' in this period.")
        else:
            scenario.changes.setdefault(group, {})[driver] = value
    return scenario, notices


def to_text(scenario: Scenario) -> dict[str, list[str]]:
    """The scenario as plain strings (URL query values and saved scenarios)."""
    sets = [f"{driver}={value:g}" for driver, value in scenario.globals.items()]
    sets += [f"{group}.{driver}={value:g}" for group, changes in scenario.changes.items()
             for driver, value in changes.items()]
    return {"set": sets, "drop": sorted(scenario.dropped),
            "add": [f"{name}:{group_type}" for name, group_type in scenario.added.items()]}
