"""The Report page's parts: a cached preview of what the report holds, and the two files, built only when
the download button is clicked (Streamlit's deferred download: the page itself stays fast)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from netmetrics import report
from netmetrics.periods import Period
from netmetrics.ui.context import Context
from netmetrics.ui.resources import open_database

_CACHE = {"ttl": 3600, "max_entries": 64, "show_spinner": False}


@dataclass(frozen=True)
class Files:
    html: Callable[[], str]
    xlsx: Callable[[], bytes]
    html_name: str
    xlsx_name: str


def _arguments(ctx: Context) -> dict:
    return {"hourly_rate": ctx.hourly_rate, "gross_margin_pct": ctx.gross_margin_pct, "currency": ctx.currency,
            "fy_start_month": ctx.fy_start_month, "grain": ctx.grain}


@st.cache_data(**_CACHE)
def _preview(path: str, version: int, start: date, end: date, preset: str, rate: float, margin: float,
             currency: str, fy_start_month: int, grain: str) -> tuple[list[tuple[str, str]], pd.DataFrame]:
    built = report.build_report(open_database(path), Period(start, end, preset), hourly_rate=rate,
                                gross_margin_pct=margin, currency=currency, fy_start_month=fy_start_month,
                                grain=grain)
    sheets = pd.DataFrame({"Sheet": list(built.sheet_rows()), "Rows": list(built.sheet_rows().values())})
    return built.outline(), sheets


def preview(ctx: Context) -> tuple[list[tuple[str, str]], pd.DataFrame]:
    """(section, what it holds) and the workbook's sheets with their row counts."""
    p = ctx.period
    return _preview(ctx.db_path, ctx.version, p.start, p.end, p.preset, ctx.hourly_rate, ctx.gross_margin_pct,
                    ctx.currency, ctx.fy_start_month, ctx.grain)


def files(ctx: Context) -> Files:
    """Callables that build the HTML and the XLSX of the context's period when the download is clicked
    (on Streamlit's download thread: the engine is pure and the database hands out a cursor per query)."""
    db, period, arguments = open_database(ctx.db_path), ctx.period, _arguments(ctx)

    def html() -> str:
        return report.build_report(db, period, **arguments).html

    def xlsx() -> bytes:
        return report.build_report(db, period, **arguments).xlsx

    name = report.file_stem(period)
    return Files(html, xlsx, f"{name}.html", f"{name}.xlsx")
