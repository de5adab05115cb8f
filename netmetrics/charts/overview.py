"""Figures of the Overview and Groups pages."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from netmetrics.charts.base import HOUR_COLORS, HOUR_PARTS, NEUTRAL, axis_title, hover_format, layout
from netmetrics.metrics import METRICS

# The measures of queries.shares that the share charts draw, with their labels.
SHARE_MEASURES = {"activities": "Activities", "hours": "Hours", "referrals_received": "Referrals received",
                  "sales_value": "Revenue"}


def cost_vs_revenue(groups: pd.DataFrame, colors: dict[str, str], currency: str = "$") -> go.Figure:
    """Per group, a horizontal pair: cost (grey, outlined in the group's colour) above revenue (the
    group's colour), labelled with the return ratio."""
    names = groups["group"].tolist()
    group_colors_ = [colors.get(n, NEUTRAL) for n in names]
    ratio_text = [f"{r:,.0f} %" if pd.notna(r) else "–" for r in groups["return_ratio_pct"]]
    fig = go.Figure([
        go.Bar(name="Revenue (coloured)", y=names, x=groups["sales_value"], orientation="h",
               marker={"color": group_colors_}, text=ratio_text, textposition="outside",
               hovertemplate=f"%{{y}}<br>Revenue: {currency}%{{x:,.2f}}<br>Return ratio: %{{text}}<extra></extra>"),
        go.Bar(name="Cost (grey)", y=names, x=groups["cost"], orientation="h",
               marker={"color": NEUTRAL, "line": {"color": group_colors_, "width": 2}},
               hovertemplate=f"%{{y}}<br>Cost: {currency}%{{x:,.2f}}<extra></extra>"),
    ])
    largest = max([*groups["sales_value"], *groups["cost"], 0])
    fig.update_xaxes(title=f"Money ({currency}); labels: return ratio", tickprefix=currency, separatethousands=True,
                     range=[0, largest * 1.35 or 1])  # room for the labels
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Cost and revenue by group", barmode="group")


def shares_by_group(shares: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """100 % bars: each group's share of activities, hours, referrals and revenue, side by side."""
    fig = go.Figure()
    for _, row in shares.iterrows():
        values = [row[c] * 100 if pd.notna(row[c]) else 0 for c in SHARE_MEASURES]
        fig.add_bar(name=row["group"], y=list(SHARE_MEASURES.values()), x=values, orientation="h",
                    marker={"color": colors.get(row["group"], NEUTRAL)},
                    hovertemplate=f"{row['group']}: %{{x:.1f}} % of %{{y}}<extra></extra>")
    fig.update_xaxes(title="Share of the period's total (%)", range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Who brings what: share of effort and of results", barmode="stack")


def metric_over_time(series: pd.DataFrame, metric: str, colors: dict[str, str], currency: str = "$",
                     *, grain: str = "month") -> go.Figure:
    """One line per group (total rows excluded) of a metric at a grain."""
    fig = go.Figure()
    rows = series[~series["is_total"]]
    for name, part in rows.groupby("group", sort=False):
        fig.add_scatter(name=name, x=part["bucket"], y=part[metric], mode="lines+markers",
                        line={"color": colors.get(name, NEUTRAL)},
                        hovertemplate=f"{name}<br>%{{x|%d %b %Y}}: {hover_format(metric, currency)}<extra></extra>")
    fig.update_yaxes(title=axis_title(metric, currency), rangemode="tozero")
    fig.update_xaxes(title=f"{grain.capitalize()} starting")
    return layout(fig, f"{METRICS[metric].label} per {grain}")


def hours_split_over_time(series: pd.DataFrame, *, grain: str = "month") -> go.Figure:
    """Stacked bars of event, prep, travel and recovery hours per bucket (one group's or total rows)."""
    fig = go.Figure()
    for column, label in HOUR_PARTS.items():
        fig.add_bar(name=label, x=series["bucket"], y=series[column], marker={"color": HOUR_COLORS[column]},
                    hovertemplate=f"{label}: %{{y:,.1f}} h<extra></extra>")
    fig.update_yaxes(title="Hours (h)")
    fig.update_xaxes(title=f"{grain.capitalize()} starting")
    return layout(fig, "Where the hours go", barmode="stack")


def group_share_bars(shares_row: pd.Series, color: str) -> go.Figure:
    """One group's share of all activities, hours, referrals and revenue."""
    values = [shares_row[c] * 100 if pd.notna(shares_row[c]) else 0 for c in SHARE_MEASURES]
    fig = go.Figure(go.Bar(x=list(SHARE_MEASURES.values()), y=values, marker={"color": color},
                           text=[f"{v:.0f} %" for v in values], textposition="outside",
                           hovertemplate="%{x}: %{y:.1f} % of all groups<extra></extra>"))
    fig.update_yaxes(title="Share of all groups (%)", range=[0, 110], ticksuffix=" %")
    return layout(fig, f"{shares_row['group']}: share of all networking", showlegend=False)
