"""Figures of the Give & get page: referrals given vs received, own purchases, reciprocity, participation."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from netmetrics.charts.base import NEUTRAL, layout

RED = "#c0392b"


def _nice_ticks(limit: float) -> list[float]:
    if limit <= 0:
        return [0.0]
    raw = limit / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.ceil(limit / step)
    return [i * step for i in range(-count, count + 1)]


def given_vs_received(frame: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """Diverging bars per group: referrals given to the left, received to the right, in the group's colour
    (given paler). Tick labels show counts without signs."""
    groups = frame[~frame["is_total"]]
    names = groups["group"].tolist()
    group_colors_ = [colors.get(n, NEUTRAL) for n in names]
    fig = go.Figure([
        go.Bar(name="Given (left)", y=names, x=-groups["referrals_given"], orientation="h",
               marker={"color": group_colors_, "opacity": 0.55}, customdata=groups["referrals_given"],
               hovertemplate="%{y}<br>Referrals given: %{customdata:,.1f}<extra></extra>"),
        go.Bar(name="Received (right)", y=names, x=groups["referrals_received"], orientation="h",
               marker={"color": group_colors_}, customdata=groups["referrals_received"],
               hovertemplate="%{y}<br>Referrals received: %{customdata:,.1f}<extra></extra>"),
    ])
    limit = float(max(groups["referrals_given"].max(), groups["referrals_received"].max(), 1)) if len(groups) else 1
    ticks = _nice_ticks(limit)
    fig.update_xaxes(title="← referrals given (count) · referrals received (count) →", tickvals=ticks,
                     ticktext=[f"{abs(t):g}" for t in ticks], zeroline=True, zerolinecolor="#444", zerolinewidth=2)
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Give and get: referrals given (pale, left) and received (right)", barmode="relative",
                  showlegend=False)


def own_purchase_share(frame: pd.DataFrame, colors: dict[str, str], flag_share: float, min_given: float) -> go.Figure:
    """Per group, own purchases as % of referrals given; flagged groups in red with a label, the
    threshold as a dashed line. Groups that gave nothing show 'nothing given'."""
    groups = frame[~frame["is_total"]]
    names = groups["group"].tolist()
    shares = groups["own_purchase_share"]
    bar_colors = [RED if flag else colors.get(n, NEUTRAL) for n, flag in zip(names, groups["own_purchase_flag"])]
    text = []
    for share, own, given, flag in zip(shares, groups["own_purchases"], groups["referrals_given"],
                                       groups["own_purchase_flag"]):
        if pd.isna(share):
            text.append("nothing given")
        else:
            text.append(f"{share * 100:.0f} % ({own:g} of {given:g})" + ("  ⚑ red flag" if flag else ""))
    fig = go.Figure(go.Bar(
        y=names, x=(shares.fillna(0) * 100), orientation="h", marker={"color": bar_colors}, text=text,
        textposition="outside", name="Own purchases share",
        hovertemplate="%{y}<br>Own purchases: %{text}<extra></extra>"))
    fig.add_vline(x=flag_share * 100, line={"color": RED, "dash": "dash"},
                  annotation_text=f"red flag from {flag_share * 100:.0f} % (at least {min_given:g} given)",
                  annotation_position="top")
    fig.update_xaxes(title="Own purchases as a share of referrals given (%)", range=[0, 185], ticksuffix=" %",
                     tickvals=[0, 20, 40, 60, 80, 100])
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "How much of your giving is buying from members", showlegend=False)


def reciprocity(frame: pd.DataFrame, colors: dict[str, str], taker_below: float, over_giver_above: float) -> go.Figure:
    """Per group, the reciprocity index on a 0..1 line: a shaded balanced band, takers to the left,
    over-givers to the right; the marker's size grows with the group's activities (participation)."""
    groups = frame[~frame["is_total"] & frame["reciprocity"].notna()]
    names = groups["group"].tolist()
    activities = groups["activities"].astype(float)
    biggest = float(activities.max()) if len(groups) and activities.max() > 0 else 1.0
    sizes = [12 + 28 * (a / biggest) ** 0.5 for a in activities]
    fig = go.Figure(go.Scatter(
        x=groups["reciprocity"], y=names, mode="markers+text", name="Reciprocity",
        marker={"color": [colors.get(n, NEUTRAL) for n in names], "size": sizes, "line": {"color": "#333", "width": 1}},
        text=[f"{r:.2f}" for r in groups["reciprocity"]], textposition="middle right",
        customdata=list(zip(groups["referrals_given"], groups["referrals_received"], activities,
                            groups["balance_label"], strict=True)),
        hovertemplate=("%{y}<br>Reciprocity: %{x:.2f} (%{customdata[3]})<br>Given: %{customdata[0]:,.1f} · "
                       "received: %{customdata[1]:,.1f}<br>Activities: %{customdata[2]:,.1f}<extra></extra>")))
    fig.add_vrect(x0=taker_below, x1=over_giver_above, fillcolor="#81b29a", opacity=0.15, line_width=0,
                  annotation_text="balanced", annotation_position="top")
    fig.add_vline(x=0.5, line={"color": "#666", "dash": "dot"})
    fig.update_xaxes(title="Reciprocity = given ÷ (given + received)  ·  0 = only taking, 1 = only giving",
                     range=[-0.05, 1.12], tickvals=[0, taker_below, 0.5, over_giver_above, 1],
                     ticktext=["0 taker", f"{taker_below:.2f}", "0.5", f"{over_giver_above:.2f}", "1 over-giver"])
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Reciprocity per group (marker size: activities)", showlegend=False)


def participation(frame: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """Activities per group (participation), labelled with referrals given per activity."""
    groups = frame[~frame["is_total"]]
    names = groups["group"].tolist()
    fig = go.Figure(go.Bar(
        y=names, x=groups["activities"], orientation="h", marker={"color": [colors.get(n, NEUTRAL) for n in names]},
        text=["–" if pd.isna(v) else f"{v:.2f} given per activity" for v in groups["given_per_activity"]],
        textposition="outside", name="Activities",
        hovertemplate="%{y}<br>Activities: %{x:,.1f}<br>%{text}<extra></extra>"))
    top = float(groups["activities"].max()) if len(groups) else 0
    fig.update_xaxes(title="Activities (count)", range=[0, top * 1.5 if top else 1])
    fig.update_yaxes(autorange="reversed")
    return layout(fig, "Participation: activities per group", showlegend=False)
