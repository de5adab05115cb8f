"""What every page works with: the database, the chosen period and grain, settings and colours.

app.py builds it once per run (after the sidebar) and pages read it with `current()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from netmetrics.charts import group_colors
from netmetrics.periods import Period
from netmetrics.ui import resources

_KEY = "_nm_context"


@dataclass(frozen=True)
class Context:
    db_path: str
    version: int
    period: Period
    grain: str
    hourly_rate: float
    gross_margin_pct: float  # 100 = count sales as they are; lower = ROI on profit
    currency: str
    fy_start_month: int
    is_demo: bool
    has_data: bool  # the workspace has groups
    has_web: bool  # the workspace has website visits
    groups: pd.DataFrame = field(repr=False)
    can_edit: bool = False  # the owner; a share-link viewer reads only (enforced where writes happen)
    viewing: str | None = None  # a viewer's workspace name

    @property
    def colors(self) -> dict[str, str]:
        return group_colors(self.groups["name"].tolist())

    def comparison(self, period: Period | None = None) -> pd.DataFrame:
        p = period or self.period
        return resources.comparison(self.db_path, self.version, p.start, p.end, self.hourly_rate)

    def series(self, grain: str | None = None) -> pd.DataFrame:
        return resources.series(self.db_path, self.version, self.period.start, self.period.end,
                                grain or self.grain, self.fy_start_month, self.hourly_rate)


def publish(context: Context) -> None:
    st.session_state[_KEY] = context


def current() -> Context:
    return st.session_state[_KEY]
