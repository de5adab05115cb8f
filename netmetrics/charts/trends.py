"""Figures of the Trends page: rolling 12-month sums, year-over-year change, shares over time, two periods."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from netmetrics.charts.base import NEUTRAL, axis_title, hover_format, layout
from netmetrics.metrics import METRICS


def rolling_lines(rows: pd.DataFrame, measure: str, colors: dict[str, str], currency: str = "$") -> go.Figure:
    """One line per group (the total dashed and grey) of the rolling 12-month sum of one measure; the
    hover adds the month's own value and the change on a year earlier where there is one."""
    fig = go.Figure()
    for (name, is_total), part in rows.groupby(["group", "is_total"], sort=False):
        yoy = ["not a full year before" if pd.isna(v) else f"{v:+,.0f} %" for v in part["yoy_pct"]]
        fig.add_scatter(
            name=name, x=part["bucket"], y=part["rolling_12"], mode="lines+markers",
            line={"color": "#555" if is_total else colors.get(name, NEUTRAL), "dash": "dash" if is_total else "solid"},
            customdata=list(zip(part["value"], yoy, strict=True)),
            hovertemplate=(f"{name}<br>12 months to %{{x|%b %Y}}: {hover_format(measure, currency)}<br>"
                           f"That month alone: {hover_format(measure, currency, 'customdata[0]')}<br>"
                           "Change on a year earlier: %{customdata[1]}<extra></extra>"))
    fig.update_yaxes(title=f"{axis_title(measure, currency)}, sum of 12 months", rangemode="tozero")
    fig.update_xaxes(title="12 months ending with the month")
    return layout(fig, f"{METRICS[measure].label}: rolling 12-month sum")


def yoy_bars(latest: pd.DataFrame, measure: str, colors: dict[str, str], currency: str = "$") -> go.Figure:
    """Per group (and total), the last 12 months against the 12 before, in %; 'no full year before'
    where the change cannot be told."""
    names = latest["group"].tolist()
    values = latest["yoy_pct"]
    bar_colors = ["#555" if t else colors.get(n, NEUTRAL) for n, t in zip(names, latest["is_total"])]
    text = ["no full year before" if pd.isna(v) else f"{v:+,.0f} %" for v in values]
    fig = go.Figure(go.Bar(
        y=names, x=values.fillna(0), orientation="h", marker={"color": bar_colors}, text=text, textposition="outside",
        cliponaxis=False,
        customdata=list(zip(latest["rolling_12"], latest["year_before"].fillna(float("nan")), strict=True)),
        hovertemplate=(f"%{{y}}<br>Last 12 months: {hover_format(measure, currency, 'customdata[0]')}<br>"
                       f"12 months before: {hover_format(measure, currency, 'customdata[1]')}<br>"
                       "Change: %{text}<extra></extra>")))
    fig.add_vline(x=0, line={"color": "#444"})
    fig.update_xaxes(title="Change on the 12 months before (%)", ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    month = pd.Timestamp(latest["bucket"].max()).strftime("%b %Y") if len(latest) else ""
    return layout(fig, f"{METRICS[measure].label}: year-over-year change, 12 months to {month}", showlegend=False)


def share_area(frame: pd.DataFrame, share_column: str, value_column: str, colors: dict[str, str], title: str,
               currency: str = "$", *, money: bool = False, x_title: str = "Month starting") -> go.Figure:
    """Stacked areas that fill 100 %: each group's share per bucket (buckets with no total are gaps);
    the hover gives the share and the value behind it."""
    fig = go.Figure()
    value_format = f"{currency}%{{customdata:,.2f}}" if money else "%{customdata:,.1f}"
    for name, part in frame.groupby("group", sort=False):
        fig.add_scatter(
            name=name, x=part["bucket"], y=part[share_column] * 100, mode="lines", stackgroup="share",
            line={"color": colors.get(name, NEUTRAL), "width": 0.5}, fillcolor=colors.get(name, NEUTRAL),
            customdata=part[value_column],
            hovertemplate=f"{name}<br>%{{x|%b %Y}}: %{{y:.1f}} % ({value_format})<extra></extra>")
    fig.update_yaxes(title="Share of all groups (%)", range=[0, 100], ticksuffix=" %")
    fig.update_xaxes(title=x_title)
    return layout(fig, title).update_layout(hovermode="x unified")


def period_pair_bars(pair: pd.DataFrame, measure: str, colors: dict[str, str], label_a: str, label_b: str,
                     currency: str = "$") -> go.Figure:
    """Per group, the measure in the two periods side by side: A in the group's colour, B grey outlined."""
    rows = pair[(pair["measure"] == measure) & ~pair["is_total"]]
    names = rows["group"].tolist()
    group_colors_ = [colors.get(n, NEUTRAL) for n in names]
    fig = go.Figure([
        go.Bar(name=label_a, x=names, y=rows["value_a"], marker={"color": group_colors_},
               hovertemplate=f"%{{x}}<br>{label_a}: {hover_format(measure, currency)}<extra></extra>"),
        go.Bar(name=f"{label_b} (grey)", x=names, y=rows["value_b"],
               marker={"color": NEUTRAL, "line": {"color": group_colors_, "width": 2}},
               hovertemplate=f"%{{x}}<br>{label_b}: {hover_format(measure, currency)}<extra></extra>"),
    ])
    fig.update_yaxes(title=axis_title(measure, currency), rangemode="tozero")
    fig.update_xaxes(title="Group")
    return layout(fig, f"{METRICS[measure].label}: two periods side by side", barmode="group")
