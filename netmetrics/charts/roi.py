"""Figures of the ROI & payback page: cost against revenue, the return ratio with its typical band,
and the payback curves. Pure: DataFrame in, Figure out."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from netmetrics.charts.base import NEUTRAL, layout

COST_PARTS = {"expenses": ("Expenses", "#8d99ae"), "dues": ("Dues", "#b8c0c8"), "time_cost": ("Time cost", "#dde2e6")}
BREAK_EVEN_COLOR = "#3d405b"
BAND_COLOR = "rgba(129, 178, 154, 0.30)"


def percent_ticks(low: float, high: float) -> list[float]:
    """Powers of ten plus 50 and 200 (the typical band's edges) between low and high, for a log axis of
    percentages: few enough to stay level and readable (Plotly's own log ticks read '2, 5')."""
    ticks, decade = [], 10 ** math.floor(math.log10(max(low, 1e-9)))
    while decade <= high:
        ticks += [v for v in (decade, *((50, 200) if decade == 10 else ())) if low <= v <= high]
        decade *= 10
    return sorted(set(ticks))


def log_percent_axis(fig: go.Figure, axis: str, low: float, high: float, title: str) -> None:
    """A log axis of percentages from low to high with readable ticks ('50 %', '1,000 %')."""
    ticks = percent_ticks(low, high)
    update = fig.update_xaxes if axis == "x" else fig.update_yaxes
    update(type="log", range=[math.log10(low), math.log10(high)], tickvals=ticks, tickangle=0,
           ticktext=[f"{v:,.0f} %" if v >= 1 else f"{v:g} %" for v in ticks], title=title)


def band_and_break_even(fig: go.Figure, band=(50.0, 200.0)) -> None:
    """The typical band shaded and break-even (100 %) dashed on a log x axis, labelled. Annotations on a
    log axis take log10 positions (shapes take values), hence the two coordinate systems."""
    fig.add_vrect(x0=band[0], x1=band[1], fillcolor=BAND_COLOR, line_width=0, layer="below")
    fig.add_vline(x=100, line_dash="dash", line_color=BREAK_EVEN_COLOR)
    fig.add_annotation(x=math.log10(math.sqrt(band[0] * band[1])), y=1, yref="paper", yanchor="bottom",
                       showarrow=False, text=f"shaded: typical {band[0]:g}–{band[1]:g} % · dashed: break-even 100 %",
                       font={"size": 11, "color": BREAK_EVEN_COLOR})


def cost_and_revenue(groups: pd.DataFrame, colors: dict[str, str], currency: str = "$",
                     revenue_label: str = "Revenue") -> go.Figure:
    """Per group, two bars side by side: cost stacked by its parts (expenses, dues, time cost, in greys)
    and revenue in the group's colour."""
    names = groups["group"].tolist()
    fig = go.Figure()
    for column, (label, color) in COST_PARTS.items():
        fig.add_bar(name=label, y=names, x=groups[column], orientation="h", offsetgroup="cost",
                    marker={"color": color, "line": {"color": "#6c757d", "width": 0.5}}, legendgroup="cost",
                    hovertemplate=f"%{{y}}<br>{label}: {currency}%{{x:,.2f}}<extra></extra>")
    fig.add_bar(name=f"{revenue_label} (group colour)", y=names, x=groups["revenue"], orientation="h",
                offsetgroup="revenue", marker={"color": [colors.get(n, NEUTRAL) for n in names]},
                customdata=groups[["cost"]].to_numpy(),
                hovertemplate=(f"%{{y}}<br>{revenue_label}: {currency}%{{x:,.2f}}"
                               f"<br>Cost: {currency}%{{customdata[0]:,.2f}}<extra></extra>"))
    fig.update_xaxes(title=f"Money ({currency})", tickprefix=currency, separatethousands=True, rangemode="tozero")
    fig.update_yaxes(autorange="reversed")
    return layout(fig, f"Cost (by part) and {revenue_label.lower()} by group", barmode="relative",
                  height=max(320, 70 * len(names) + 140))


def ratio_axis_title(revenue_label: str = "Revenue") -> str:
    return f"Return ratio: {revenue_label.lower()} ÷ cost × 100 (%, log scale)"


def ratio_bar_figure(rated: pd.DataFrame, labels: list[str], bar_colors: list[str], band, axis_title: str,
                     **bar) -> go.Figure:
    """Horizontal bars of `rated` rows' return ratio (all above 0) on a log axis, with the typical band
    shaded and break-even marked; the hover adds the net ROI. Shared by groups and group types."""
    fig = go.Figure(go.Bar(
        y=labels, x=rated["return_ratio_pct"], orientation="h", marker={"color": bar_colors},
        text=[f"{v:,.0f} %" for v in rated["return_ratio_pct"]], textposition="outside",
        customdata=rated[["net_roi_pct"]].to_numpy(),
        hovertemplate="%{y}<br>Return ratio: %{x:,.1f} %<br>Net ROI: %{customdata[0]:+,.1f} %<extra></extra>",
        **bar,
    ))
    band_and_break_even(fig, band)
    values = [*rated["return_ratio_pct"].tolist(), band[0], band[1]]
    log_percent_axis(fig, "x", max(min(values) / 2, 1), max(values) * 3, axis_title)
    fig.update_yaxes(autorange="reversed")
    return fig


def return_ratio_bars(groups: pd.DataFrame, colors: dict[str, str], band=(50.0, 200.0),
                      revenue_label: str = "Revenue") -> go.Figure:
    """The return ratio per group on a log axis, with the typical 50-200 % band shaded and break-even
    (100 %) marked. Groups without cost (no ratio) are left out and named in the title."""
    rated = groups[groups["return_ratio_pct"].notna() & (groups["return_ratio_pct"] > 0)]
    zero = groups[groups["return_ratio_pct"].notna() & (groups["return_ratio_pct"] <= 0)]
    names = rated["group"].tolist()
    axis_title = ratio_axis_title(revenue_label)
    if len(zero):
        axis_title += f"<br>Not shown (no {revenue_label.lower()}): {', '.join(zero['group'])}"
    fig = ratio_bar_figure(rated, names, [colors.get(n, NEUTRAL) for n in names], band, axis_title,
                           name="Return ratio")
    return layout(fig, "Return ratio by group", showlegend=False, height=max(300, 60 * len(names) + 160))


def payback_curves(curves: pd.DataFrame, summary: pd.DataFrame, colors: dict[str, str],
                   currency: str = "$", revenue_label: str = "Revenue") -> go.Figure:
    """One small panel per group: cumulative cost (grey, dashed) and cumulative revenue (the group's
    colour) by month since joining, with the payback month marked."""
    names = summary["group"].tolist()
    cols = min(3, max(1, len(names)))
    rows = max(1, math.ceil(len(names) / cols))
    titles = []
    for _, s in summary.iterrows():
        month = s["payback_month"]
        status = "not paid back yet" if pd.isna(month) else f"paid back in month {int(month)}"
        titles.append(f"{s['group']}<br><sup>{status}</sup>")
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles or None, horizontal_spacing=0.06,
                        vertical_spacing=0.16)
    for i, name in enumerate(names):
        part = curves[curves["group"] == name]
        row, col = i // cols + 1, i % cols + 1
        dates = part["month_to"].astype(str).to_numpy()
        fig.add_scatter(x=part["month_no"], y=part["cum_cost"], mode="lines", name="Cumulative cost",
                        line={"color": "#6c757d", "dash": "dash"}, showlegend=False,
                        customdata=dates, row=row, col=col,
                        hovertemplate=(f"{name}<br>Month %{{x}} (to %{{customdata}})<br>"
                                       f"Cumulative cost: {currency}%{{y:,.2f}}<extra></extra>"))
        fig.add_scatter(x=part["month_no"], y=part["cum_revenue"], mode="lines", name=name,
                        line={"color": colors.get(name, NEUTRAL), "width": 3}, showlegend=False,
                        customdata=dates, row=row, col=col,
                        hovertemplate=(f"{name}<br>Month %{{x}} (to %{{customdata}})<br>"
                                       f"Cumulative {revenue_label.lower()}: {currency}%{{y:,.2f}}<extra></extra>"))
        paid = summary.iloc[i]["payback_month"]
        if not pd.isna(paid):
            hit = part[part["month_no"] == paid].iloc[0]
            fig.add_scatter(x=[paid], y=[hit["cum_revenue"]], mode="markers", name="Paid back",
                            marker={"color": colors.get(name, NEUTRAL), "size": 12, "symbol": "star",
                                    "line": {"color": "#222", "width": 1}},
                            legendgroup="paid", showlegend=False, row=row, col=col,
                            hovertemplate=f"{name}: paid back in month {int(paid)}<extra></extra>")
        fig.update_xaxes(title_text="Months since joining" if row == rows else None, row=row, col=col,
                         rangemode="tozero")
        fig.update_yaxes(title_text=f"Cumulative ({currency})" if col == 1 else None, tickprefix=currency,
                         separatethousands=True, rangemode="tozero", row=row, col=col)
    fig = layout(fig, f"Payback: cumulative cost against cumulative {revenue_label.lower()} since joining<br><sup>"
                 f"dashed grey: cost · coloured: {revenue_label.lower()} · star: the month it paid back</sup>",
                 height=300 * rows + 120, showlegend=False)
    fig.update_layout(margin={"t": 130})
    return fig


def cumulative_net(curves: pd.DataFrame, colors: dict[str, str], currency: str = "$",
                   revenue_label: str = "Revenue") -> go.Figure:
    """All groups on one axis: cumulative revenue minus cumulative cost by month since joining. A line
    above zero has paid back."""
    fig = go.Figure()
    for name, part in curves.groupby("group", sort=False):
        fig.add_scatter(x=part["month_no"], y=part["cum_net"], mode="lines+markers", name=name,
                        line={"color": colors.get(name, NEUTRAL)}, marker={"size": 5},
                        customdata=part["month_to"].astype(str).to_numpy(),
                        hovertemplate=(f"{name}<br>Month %{{x}} (to %{{customdata}})<br>"
                                       f"Ahead by: {currency}%{{y:,.2f}}<extra></extra>"))
    fig.add_hline(y=0, line_color=BREAK_EVEN_COLOR, line_dash="dash", annotation_text="paid back above this line",
                  annotation_position="top left")
    fig.update_xaxes(title="Months since joining", rangemode="tozero")
    fig.update_yaxes(title=f"Cumulative net: {revenue_label.lower()} − cost ({currency})", tickprefix=currency,
                     separatethousands=True)
    return layout(fig, "Who is ahead: cumulative net since joining")
