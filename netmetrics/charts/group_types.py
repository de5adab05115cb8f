"""Figures of the Group types page: cost against revenue and the return ratio per type. Pure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from netmetrics.charts.base import NEUTRAL, layout
from netmetrics.charts.roi import ratio_axis_title, ratio_bar_figure


def cost_and_revenue_by_type(types: pd.DataFrame, type_colors: dict[str, str], currency: str = "$",
                             revenue_label: str = "Revenue") -> go.Figure:
    """Per group type, cost (grey, outlined in the type's colour) beside revenue (the type's colour)."""
    labels = types["label"].tolist()
    colors = [type_colors.get(t, NEUTRAL) for t in types["type"]]
    fig = go.Figure([
        go.Bar(name=f"{revenue_label} (coloured)", y=labels, x=types["revenue"], orientation="h",
               marker={"color": colors},
               hovertemplate=f"%{{y}}<br>{revenue_label}: {currency}%{{x:,.2f}}<extra></extra>"),
        go.Bar(name="Cost (grey)", y=labels, x=types["cost"], orientation="h",
               marker={"color": NEUTRAL, "line": {"color": colors, "width": 2}},
               hovertemplate=f"%{{y}}<br>Cost: {currency}%{{x:,.2f}}<extra></extra>"),
    ])
    fig.update_xaxes(title=f"Money ({currency})", tickprefix=currency, separatethousands=True)
    fig.update_yaxes(autorange="reversed")
    return layout(fig, f"Cost and {revenue_label.lower()} by group type", barmode="group",
                  height=max(320, 70 * len(labels) + 140))


def return_ratio_by_type(types: pd.DataFrame, type_colors: dict[str, str], band=(50.0, 200.0),
                         revenue_label: str = "Revenue") -> go.Figure:
    """The return ratio per type on a log axis with the typical band and break-even marked."""
    rated = types[types["return_ratio_pct"].notna() & (types["return_ratio_pct"] > 0)]
    labels = rated["label"].tolist()
    fig = ratio_bar_figure(rated, labels, [type_colors.get(t, NEUTRAL) for t in rated["type"]], band,
                           ratio_axis_title(revenue_label))
    return layout(fig, "Return ratio by group type", showlegend=False, height=max(300, 60 * len(labels) + 140))
