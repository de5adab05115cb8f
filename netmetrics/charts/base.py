"""What every figure shares: the palette, one colour per group, axis titles with units, hover formats,
the layout."""

from __future__ import annotations

import plotly.graph_objects as go

from netmetrics.metrics import METRICS

PALETTE = ("#1f6f8b", "#e07a5f", "#3d405b", "#81b29a", "#f2cc8f", "#9c6644",
           "#6d597a", "#b56576", "#118ab2", "#8d99ae")
NEUTRAL = "#b8c0c8"
HOUR_PARTS = {"event_hours": "Event", "prep_hours": "Preparation", "travel_hours": "Travel",
              "recovery_hours": "Recovery"}
HOUR_COLORS = {"event_hours": "#1f6f8b", "prep_hours": "#81b29a", "travel_hours": "#f2cc8f",
               "recovery_hours": "#e07a5f"}


def group_colors(group_names_by_id: list[str]) -> dict[str, str]:
    """One colour per group, fixed by the order groups were created in."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(group_names_by_id)}


def axis_title(metric: str, currency: str) -> str:
    m = METRICS[metric]
    unit = {"money": currency, "money_ratio": currency, "hours": "hours", "percent": "%"}.get(m.unit)
    return f"{m.label} ({unit})" if unit else m.label


def hover_format(metric: str, currency: str, field: str = "y") -> str:
    """A hover template's value of `metric` in its unit; `field` is the template variable (y, customdata[0])."""
    m = METRICS[metric]
    if m.unit in ("money", "money_ratio"):
        return f"{currency}%{{{field}:,.2f}}"
    if m.unit == "hours":
        return f"%{{{field}:,.1f}} h"
    if m.unit == "percent":
        return f"%{{{field}:,.0f}} %"
    return f"%{{{field}:,.2f}}" if m.unit == "ratio" else f"%{{{field}:,.1f}}"


def layout(fig: go.Figure, title: str, **kwargs) -> go.Figure:
    # The legend sits under the plot: above it, a long list of group names would cover the title.
    fig.update_layout(title={"text": title, "y": 0.98, "yanchor": "top"}, template="plotly_white",
                      margin={"l": 10, "r": 40, "t": 50, "b": 10},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0}, hovermode="closest",
                      **kwargs)
    return fig
