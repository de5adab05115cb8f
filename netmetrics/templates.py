"""Downloadable templates: an XLSX workbook (groups, activities, referrals, sales and a help sheet) and a
CSV tracker, each with example rows that import cleanly. Pure: returns bytes, no Streamlit, no database."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from netmetrics.ingest.model import GROUP_TYPES

XLSX_NAME = "netmetrics_template.xlsx"
CSV_NAME = "netmetrics_tracker_template.csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"

# Each sheet: header row, then example rows. Header names are ones the importer recognises.
GROUPS = (
    ("Name", "Type", "Joined", "Left", "Annual dues"),
    [
        ("BNI Harbour", "lead_group", date(2024, 9, 1), None, 650),
        ("Chamber of Commerce", "chamber", date(2023, 1, 15), None, 420),
        ("LinkedIn", "social", None, None, 0),
    ],
)
ACTIVITIES = (
    ("Date", "Group", "Activity", "Online/offline", "Event hours", "Prep hours", "Travel hours",
     "Recovery hours", "Cost", "People met", "Person", "Notes"),
    [
        (date(2025, 1, 8), "BNI Harbour", "Weekly breakfast", "offline", 1.5, 0.5, 0.5, 0.25, 12.5, 6, None,
         "Gave my 60-second pitch"),
        (date(2025, 1, 15), "BNI Harbour", "Weekly breakfast", "offline", 1.5, 0.25, 0.5, 0.25, 12.5, 4, None,
         None),
        (date(2025, 1, 22), "Chamber of Commerce", "Evening mixer", "offline", 2, 0.5, 1, 0.5, 35, 9, None,
         None),
        (date(2025, 1, 28), "LinkedIn", "Post", "online", 0.5, 0.25, 0, 0, 0, 0, None, "Case study post"),
    ],
)
REFERRALS = (
    ("Date", "Group", "Direction", "Own purchase", "Contact", "Notes"),
    [
        (date(2025, 1, 9), "BNI Harbour", "received", "no", "Ada Lovelace", "Needs a new website"),
        (date(2025, 1, 16), "BNI Harbour", "given", "no", "Bob the Builder", None),
        (date(2025, 1, 23), "BNI Harbour", "given", "yes", "Cy's Bakery", "I bought their catering"),
        (date(2025, 1, 24), "Chamber of Commerce", "received", "no", "Di Prince", None),
    ],
)
SALES = (
    ("Date", "Group", "Sales", "Amount", "Client", "Notes"),
    [
        (date(2025, 2, 3), "BNI Harbour", 1, 1250, "Ada Lovelace", "Website redesign"),
        (date(2025, 2, 20), "Chamber of Commerce", 1, 800, "Di Prince", None),
    ],
)
SHEETS = {"Groups": GROUPS, "Activities": ACTIVITIES, "Referrals": REFERRALS, "Sales": SALES}

TRACKER = (
    ("Month", "Group", "Group type", "Activities", "Event hours", "Prep hours", "Travel hours",
     "Recovery hours", "Cost", "People met", "Referrals received", "Referrals given", "Own purchases",
     "Sales", "Sales value"),
    [
        ("2025-01", "BNI Harbour", "lead_group", 4, 6, 2, 2, 1, 50, 20, 3, 2, 1, 1, 1250),
        ("2025-01", "Chamber of Commerce", "chamber", 1, 2, 0.5, 1, 0.5, 35, 9, 1, 0, 0, 0, 0),
        ("2025-02", "BNI Harbour", "lead_group", 4, 6, 2, 2, 1, 50, 18, 2, 3, 0, 1, 800),
        ("2025-02", "LinkedIn", "social", 6, 3, 1.5, 0, 0, 0, 0, 1, 0, 0, 0, 0),
    ],
)

HOW_TO = [
    ("How to fill this in",),
    (),
    ("Keep the sheet names and the header rows; replace the example rows with your own.",),
    ("One row per group (sheet Groups), per activity (Activities), per referral (Referrals) and per sale "
     "(Sales). Every activity, referral and sale names its group exactly as on the Groups sheet "
     "(upper/lower case and extra spaces do not matter).",),
    ("Dates: a real Excel date or 2025-03-14. Leave a cell empty for zero; never type a negative number.",),
    (),
    ("Sheet", "Column", "What to write"),
    ("Groups", "Type", "one of: " + ", ".join(GROUP_TYPES)),
    ("Groups", "Joined / Left", "the dates you joined and left (Left empty while you are a member)"),
    ("Groups", "Annual dues", "membership fee per year; it is spread over the days of membership"),
    ("Activities", "Event / Prep / Travel / Recovery hours",
     "the time at the event, preparing, travelling and recovering or following up"),
    ("Activities", "Cost", "tickets, travel, meals for this activity"),
    ("Activities", "Online/offline", "online, offline or both"),
    ("Referrals", "Direction", "received (sent to you) or given (you sent to a member)"),
    ("Referrals", "Own purchase", "yes when a given referral was your own purchase from a member, else no"),
    ("Sales", "Sales / Amount", "the number of deals (usually 1) and their value"),
    (),
    ("Prefer one row per group and month? Use the CSV tracker template instead.",),
]

TRACKER_ROWS = len(TRACKER[1])
EXAMPLE_ROWS = {name.lower(): len(rows) for name, (_header, rows) in SHEETS.items()}


def workbook_bytes() -> bytes:
    """The XLSX template: the help sheet first, then Groups, Activities, Referrals and Sales."""
    wb = Workbook()
    help_sheet = wb.active
    help_sheet.title = "How to fill this in"
    for row in HOW_TO:
        help_sheet.append(list(row))
    help_sheet["A1"].font = Font(bold=True, size=14)
    for cell in help_sheet[7]:
        cell.font = Font(bold=True)
    for column, width in (("A", 14), ("B", 36), ("C", 90)):
        help_sheet.column_dimensions[column].width = width
    for name, (header, rows) in SHEETS.items():
        sheet = wb.create_sheet(name)
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        for i, title in enumerate(header, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = max(12, len(title) + 4)
            if title in ("Date", "Joined", "Left"):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def tracker_csv_bytes() -> bytes:
    """The CSV tracker template: one row per group and month (UTF-8, comma, dot decimals)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TRACKER[0])
    for row in TRACKER[1]:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")
