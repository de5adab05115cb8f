"""Figure of the Verdicts page: where each group stands against the verdict thresholds. Pure."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from netmetrics.charts.base import NEUTRAL, layout
from netmetrics.charts.roi import log_percent_axis

SYMBOLS = {"too_early": "circle-open", "paying_back": "circle", "watch": "diamond", "reconsider": "x"}


def verdict_map(judged: pd.DataFrame, colors: dict[str, str], *, min_months: float, paying_back_pct: float,
                reconsider_below_pct: float, window_months: int = 12) -> go.Figure:
    """Months of history (x) against the return ratio over the recent window (y, log scale), one marker
    per group in its colour, shaped by verdict; the thresholds are drawn as lines. Groups without a
    ratio (no cost in the window) or with a zero ratio sit on the bottom edge."""
    ratios = judged["return_ratio_pct"]
    positive = ratios[ratios.notna() & (ratios > 0)]
    floor = max(1.0, min([*positive.tolist(), reconsider_below_pct]) / 3)
    top = max([*positive.tolist(), paying_back_pct]) * 3
    fig = go.Figure()
    for _, row in judged.iterrows():
        ratio = row["return_ratio_pct"]
        shown = floor if pd.isna(ratio) or ratio <= 0 else ratio
        ratio_text = "no cost" if pd.isna(ratio) else f"{ratio:,.0f} %"
        color = colors.get(row["group"], NEUTRAL)
        fig.add_scatter(
            x=[row["months_of_history"]], y=[shown], mode="markers+text", name=row["group"],
            text=[row["verdict_label"]], textposition="top center",
            marker={"color": color, "size": 16, "symbol": SYMBOLS.get(row["verdict"], "circle"),
                    "line": {"width": 2, "color": color}},
            hovertemplate=(f"{row['group']}: {row['verdict_label']}<br>Months of history: %{{x:.1f}}<br>"
                           f"Return ratio, last {window_months:g} months: {ratio_text}<extra></extra>"),
        )
    fig.add_vline(x=min_months, line_dash="dot", line_color="#8d99ae")
    fig.add_annotation(x=min_months, y=1, yref="paper", xanchor="right", yanchor="bottom", showarrow=False,
                       text=f"too early ◀ {min_months:g} months", font={"size": 11, "color": "#6c757d"})
    for value, color, text, anchor in (
            (paying_back_pct, "#2a9d8f", f"paying back: {paying_back_pct:g} % or more", "bottom"),
            (reconsider_below_pct, "#c8553d", f"reconsider: below {reconsider_below_pct:g} % (if not paid back)",
             "top")):
        fig.add_hline(y=value, line_dash="dash", line_color=color)
        # annotations on a log axis take log10 positions
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=math.log10(value), yanchor=anchor,
                           showarrow=False, text=text, font={"size": 11, "color": color})
    fig.update_xaxes(title="Months of history since joining", rangemode="tozero")
    log_percent_axis(fig, "y", floor / 1.3, top, f"Return ratio, last {window_months:g} months (%, log scale)")
    return layout(fig, "Where each group stands")
