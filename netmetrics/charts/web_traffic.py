"""Figures of the Web traffic page: sessions over time with the networking overlaid, and lag correlation."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from netmetrics.charts.base import NEUTRAL, layout

CHANNEL_COLORS = {"direct_sessions": "#1f6f8b", "social_sessions": "#e07a5f", "total_sessions": "#3d405b"}
CHANNEL_LABELS = {"direct_sessions": "Direct sessions", "social_sessions": "Social sessions",
                  "total_sessions": "All sessions"}


def sessions_with_activities(frame: pd.DataFrame, *, grain: str = "week") -> go.Figure:
    """Direct and social sessions per bucket as lines (all sessions when the data has no channel), with the
    networking activities as grey bars on a second axis."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_bar(name="Networking activities (right axis)", x=frame["bucket"], y=frame["activities"],
                marker={"color": NEUTRAL}, opacity=0.6,
                hovertemplate="%{x|%d %b %Y}<br>Activities: %{y:,.1f}<extra></extra>", secondary_y=True)
    web = frame[frame["has_web"]]
    has_channels = web["direct_sessions"].notna().any()
    columns = ("direct_sessions", "social_sessions") if has_channels else ("total_sessions",)
    for column in columns:
        label = CHANNEL_LABELS[column]
        fig.add_scatter(name=label, x=web["bucket"], y=web[column], mode="lines+markers" if len(web) < 60 else "lines",
                        line={"color": CHANNEL_COLORS[column], "width": 2},
                        hovertemplate=f"%{{x|%d %b %Y}}<br>{label}: %{{y:,.0f}}<extra></extra>", secondary_y=False)
    fig.update_yaxes(title=f"Website sessions per {grain}", rangemode="tozero", secondary_y=False)
    fig.update_yaxes(title=f"Networking activities per {grain}", rangemode="tozero", showgrid=False,
                     tickmode="auto", tickformat=",.0f", secondary_y=True)
    fig.update_xaxes(title=f"{grain.capitalize()} starting")
    return layout(fig, "Website visits and networking over time").update_layout(hovermode="x unified")


def lag_bars(correlation: pd.DataFrame, best_lag: int | None, *, x_label: str = "activities",
             y_label: str = "direct visits") -> go.Figure:
    """The correlation at each lag in weeks; the strongest lag highlighted, lags without enough weeks empty."""
    colors = ["#1f6f8b" if lag == best_lag else NEUTRAL for lag in correlation["lag"]]
    text = ["–" if pd.isna(r) else f"{r:.2f}" for r in correlation["r"]]
    fig = go.Figure(go.Bar(
        x=correlation["lag"], y=correlation["r"].fillna(0), marker={"color": colors}, text=text, textposition="outside",
        customdata=correlation["weeks"],
        hovertemplate=(f"{x_label.capitalize()} in week t vs {y_label} in week t + %{{x}}<br>r = %{{text}} "
                       "from %{customdata} pairs of weeks<extra></extra>")))
    fig.add_hline(y=0, line={"color": "#444"})
    fig.update_xaxes(title=f"Lag (weeks): {y_label} this many weeks after the {x_label}",
                     tickvals=list(correlation["lag"]))
    fig.update_yaxes(title="Correlation r (−1 to 1)", range=[-1.05, 1.05])
    return layout(fig, f"Do {y_label} follow the networking? Correlation by lag", showlegend=False)
