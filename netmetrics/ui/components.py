"""Reusable screen parts. Each takes plain values and draws; none computes figures."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from netmetrics import demo, report
from netmetrics.metrics import METRICS, OVERVIEW_KPIS, format_table
from netmetrics.ui import access, demo_banner, import_view, notes_view
from netmetrics.ui.context import Context
from netmetrics.ui.resources import database
from netmetrics.ui.shell import page_context

LOWER_IS_BETTER = {"cost", "hours"}


def page_header(title: str) -> Context:
    """Every page starts here: the demo banner when it applies, the title, the page's coach notes (before any
    early stop on empty data); returns the context."""
    ctx = page_context()
    if ctx.is_demo and ctx.has_data:
        demo_banner.show(ctx.can_edit)
    import_view.notice()  # what the last import stored, said once on the page it lands on
    st.title(title)
    notes_view.show(ctx, title)
    return ctx


def change(now, before) -> str | None:
    """A metric card's delta: the change in % against the previous period, as the report computes it;
    None when either is missing or the previous is 0."""
    pct = report.change_pct(now, before)
    return None if pct is None else f"{pct:+.0f} %"


def kpi_cards(total: pd.Series | None, previous: pd.Series | None, ctx: Context,
              metrics=OVERVIEW_KPIS) -> None:
    """A row of metric cards with the change against the previous period."""
    columns = st.columns(4)
    for i, name in enumerate(metrics):
        metric = METRICS[name]
        now = total[name] if total is not None else None
        before = previous[name] if previous is not None else None
        columns[i % 4].metric(
            metric.label, metric.format(now if now is not None else 0 if metric.unit != "percent" else None,
                                        ctx.currency),
            delta=change(now, before),
            delta_color="inverse" if name in LOWER_IS_BETTER else "normal",
            help=f"{metric.formula}. {metric.help}".strip(),
            border=True,
        )


def comparison_table(groups: pd.DataFrame, columns: list[str], ctx: Context) -> None:
    st.dataframe(format_table(groups, columns, ctx.currency), hide_index=True, width="stretch")


def prorated_note(prorated: bool) -> None:
    if prorated:
        st.caption("Some figures are prorated: rows that cover a week, a month or a report range and "
                   "only partly fall in this period count for the share of their days inside it.")


def empty_state(ctx: Context, fills_with: str | None = None, icon: str = ":material/inbox:") -> bool:
    """Say what would fill the page when the workspace has no data (then the page's own `fills_with`
    sentence, with its `icon`); True if the page should stop."""
    if ctx.has_data:
        return False
    _no_data(ctx)
    if fills_with:
        st.info(fills_with, icon=icon)
    return True


def _no_data(ctx: Context) -> None:
    if ctx.has_web:
        st.info("Website visits are imported, but no networking groups yet, and this page compares groups. "
                "Import your tracker or a workbook on the Import page (Data, in the sidebar), or add groups "
                "and activities on the Manual entry page. The Web traffic page shows the visits already.",
                icon=":material/inbox:")
    elif not ctx.can_edit:
        st.info("This workspace has no data yet.", icon=":material/inbox:")
    else:
        st.info("No data yet. Load the demo data to look around, or import your own tracker spreadsheet on the "
                "Import page (Data, in the sidebar; command line: `netmetrics import FILE`).",
                icon=":material/inbox:")
        if st.button("Load the demo data", key="nm_load_demo", type="primary"):
            access.require_edit()
            demo.load_demo(database())
            st.rerun()


def no_rows_in_period(frame: pd.DataFrame, ctx: Context) -> bool:
    """True (with a note) when the period holds nothing; the page should stop."""
    if len(frame) and not all(math.isclose(v, 0) for v in frame[["activities", "cost", "sales_value"]].sum()):
        return False
    nothing_recorded(ctx)
    return True


def nothing_recorded(ctx: Context, what: str = "Nothing", fills_with: str | None = None,
                     icon: str | None = None) -> None:
    """Say that the period holds no `what` (then what would fill the page) and how to see more."""
    fill = f" {fills_with}" if fills_with else ""
    st.info(f"{what} recorded between {ctx.period.label}.{fill} Pick a longer period in the sidebar.", icon=icon)
