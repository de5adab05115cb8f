"""Figures of the What-if page."""

from __future__ import annotations

import plotly.graph_objects as go

from netmetrics.charts.base import NEUTRAL, layout


def baseline_vs_scenario(result, colors: dict[str, str], currency: str = "$") -> go.Figure:
    """Per group, monthly cost and revenue now (pale) and in the scenario (solid)."""
    now = {p.group: p for p in result.baseline}
    then = {p.group: p for p in result.scenario}
    names = list(dict.fromkeys([*now, *then]))
    palette = [colors.get(n, NEUTRAL) for n in names]

    def values(side, field):
        return [getattr(side[n], field) if n in side else 0 for n in names]

    fig = go.Figure([
        go.Bar(name="Cost now", x=names, y=values(now, "monthly_cost"), marker={"color": "#dde2e7"},
               hovertemplate=f"%{{x}}<br>Cost now: {currency}%{{y:,.2f}} a month<extra></extra>"),
        go.Bar(name="Cost then", x=names, y=values(then, "monthly_cost"), marker={"color": "#8d99ae"},
               hovertemplate=f"%{{x}}<br>Cost then: {currency}%{{y:,.2f}} a month<extra></extra>"),
        go.Bar(name="Revenue now", x=names, y=values(now, "monthly_revenue"),
               marker={"color": palette, "opacity": 0.45},
               hovertemplate=f"%{{x}}<br>Revenue now: {currency}%{{y:,.2f}} a month<extra></extra>"),
        go.Bar(name="Revenue then", x=names, y=values(then, "monthly_revenue"), marker={"color": palette},
               hovertemplate=f"%{{x}}<br>Revenue then: {currency}%{{y:,.2f}} a month<extra></extra>"),
    ])
    fig.update_yaxes(title=f"Per month ({currency})", tickprefix=currency, separatethousands=True)
    return layout(fig, "Now and in the scenario, per month", barmode="group")
