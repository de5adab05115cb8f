"""A whole workspace for download: its DuckDB file, and an XLSX with one sheet per table. No Streamlit.

Every text cell of the workbook goes through netmetrics.export.neutralise, so a group named
`=HYPERLINK(...)` shows as text in a spreadsheet instead of running.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from netmetrics.db import Database
from netmetrics.export import neutralise

# Sheet order; the names are also the allow-list of tables read here.
TABLES = ("groups", "activities", "referrals", "sales", "web_visits", "imports", "settings", "scenarios", "notes")
_MAX_CELL = 32_767  # Excel's limit for one cell's text
_FORMATS = {datetime: "yyyy-mm-dd hh:mm:ss", date: "yyyy-mm-dd"}


def duckdb_bytes(db: Database) -> bytes:
    """A consistent copy of the workspace's DuckDB file (opens with `netmetrics --db FILE`)."""
    return db.snapshot_bytes()


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))[:_MAX_CELL]


def _cell(value):
    """Numbers stay numbers, dates dates, booleans booleans; text is neutralised."""
    if isinstance(value, str):
        return _text(value)
    if value is None or isinstance(value, bool | int | float | date):
        return value
    return _text(str(value))  # anything else (a decimal, an interval) as text


def _table(db: Database, table: str) -> tuple[list[str], list[tuple]]:
    if table not in TABLES:
        raise ValueError(f"not an exported table: {table!r}")
    cur = db.cursor()
    try:
        cur.execute(f"select * from {table} order by all")  # noqa: S608 - allow-listed name
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        cur.close()


def xlsx_bytes(db: Database) -> bytes:
    """Every table of the workspace, one sheet each, a bold header row, values as their own types."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "NetMetrics"
    bold = Font(bold=True)
    for table in TABLES:
        columns, rows = _table(db, table)
        ws = wb.create_sheet(table)
        ws.append([_text(c) for c in columns])
        for cell in ws[1]:
            cell.font = bold
        widths = [len(c) for c in columns]
        for row in rows:
            values = [_cell(v) for v in row]
            ws.append(values)
            for i, (cell, value) in enumerate(zip(ws[ws.max_row], values)):
                if isinstance(value, datetime):
                    cell.number_format = _FORMATS[datetime]
                elif isinstance(value, date):
                    cell.number_format = _FORMATS[date]
                widths[i] = max(widths[i], min(len(str(value)) if value is not None else 0, 60))
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = max(10, width + 2)
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
