"""Figures of the Time page: where the hours go, per group and over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from netmetrics.charts.base import HOUR_COLORS, HOUR_PARTS, NEUTRAL, layout


def hours_by_part(frame: pd.DataFrame) -> go.Figure:
    """Per group (total row excluded), horizontal bars stacked by event / preparation / travel / recovery,
    labelled with the share that is not the event itself."""
    groups = frame[~frame["is_total"]]
    names = groups["group"].tolist()
    fig = go.Figure()
    for column, label in HOUR_PARTS.items():
        fig.add_bar(name=label, y=names, x=groups[column], orientation="h", marker={"color": HOUR_COLORS[column]},
                    hovertemplate=f"%{{y}}<br>{label}: %{{x:,.2f}} h<extra></extra>")
    shares = ["–" if pd.isna(s) else f"{s * 100:.0f} % not the event" for s in groups["non_event_share"]]
    fig.add_scatter(name="Share that is not the event", y=names, x=groups["hours"], mode="text", text=shares,
                    textposition="middle right", showlegend=False,
                    hovertemplate="%{y}<br>All hours: %{x:,.2f} h<br>%{text}<extra></extra>")
    top = float(groups["hours"].max()) if len(groups) else 0
    fig.update_xaxes(title="Hours (h)", range=[0, top * 1.7 if top else 1])
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Where the hours go: the event and everything around it", barmode="stack")


def hours_per_result(frame: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """Per group, hours spent per referral received (solid) and per sale (hatched) in the group's colour;
    'no referrals' / 'no sales' where the ratio has no denominator."""
    groups = frame[~frame["is_total"]]
    names = groups["group"].tolist()
    group_colors_ = [colors.get(n, NEUTRAL) for n in names]
    fig = go.Figure()
    for column, label, missing, pattern in (("hours_per_referral", "Hours per referral received", "no referrals", ""),
                                            ("hours_per_sale", "Hours per sale (hatched)", "no sales", "/")):
        values = groups[column]
        fig.add_bar(name=label, y=names, x=values.fillna(0), orientation="h",
                    marker={"color": group_colors_, "pattern": {"shape": pattern}},
                    text=[missing if pd.isna(v) else f"{v:,.1f} h" for v in values], textposition="outside",
                    hovertemplate=f"%{{y}}<br>{label.replace(' (hatched)', '')}: %{{text}}<extra></extra>")
    top = float(pd.concat([groups["hours_per_referral"], groups["hours_per_sale"]]).max()) if len(groups) else 0
    fig.update_xaxes(title="Hours of networking per result (h)", range=[0, top * 1.3 if top > 0 else 1])
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Hours it takes to get a referral and a sale", barmode="group")


def hours_over_time(series: pd.DataFrame, colors: dict[str, str], *, grain: str = "month") -> go.Figure:
    """Bars of hours per bucket, stacked by group (total rows excluded)."""
    fig = go.Figure()
    rows = series[~series["is_total"]]
    for name, part in rows.groupby("group", sort=False):
        fig.add_bar(name=name, x=part["bucket"], y=part["hours"], marker={"color": colors.get(name, NEUTRAL)},
                    hovertemplate=f"{name}<br>%{{x|%d %b %Y}}: %{{y:,.2f}} h<extra></extra>")
    fig.update_yaxes(title=f"Hours per {grain} (h)")
    fig.update_xaxes(title=f"{grain.capitalize()} starting")
    return layout(fig, f"Hours per {grain}, by group", barmode="stack")
