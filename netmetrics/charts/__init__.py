"""DataFrame -> Plotly figure. Pure functions: no Streamlit, no database; tested on fig.data/fig.layout.

Every figure receives aggregated rows (one per group, or per bucket x group) and a colour map so a
group keeps one colour on every page. One module per page family; `base` holds what they share.
"""

from netmetrics.charts.base import NEUTRAL, PALETTE, axis_title, group_colors
from netmetrics.charts.overview import (
    cost_vs_revenue,
    group_share_bars,
    hours_split_over_time,
    metric_over_time,
    shares_by_group,
)

__all__ = ["NEUTRAL", "PALETTE", "axis_title", "cost_vs_revenue", "group_colors", "group_share_bars",
           "hours_split_over_time", "metric_over_time", "shares_by_group"]
