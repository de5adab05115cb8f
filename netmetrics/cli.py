"""The `netmetrics` command: the same engine as the dashboard, without Streamlit.

    netmetrics [--db PATH] demo
    netmetrics [--db PATH] summary [--from DATE] [--to DATE] [--hourly-rate X] [--format table|json|csv]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from datetime import date

from netmetrics import demo, queries
from netmetrics.config import settings
from netmetrics.db import Database, DatabaseError
from netmetrics.export import neutralise
from netmetrics.metrics import METRICS, SUMMARY_FIELDS, format_value
from netmetrics.periods import Period


class UsageError(Exception):
    """A command-line mistake, explained."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _clean(value):
    """JSON-safe numbers: NaN/None become null, floats are rounded to cents."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float):
        return round(value, 4)
    return value


def summary_document(db: Database, start: date | None, end: date | None, hourly_rate: float) -> dict:
    """The per-group comparison as a plain dict (the CLI's JSON shape)."""
    if start is None or end is None:
        first, last = queries.data_span(db) or (date.today(), date.today())
        start, end = start or first, end or last
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    frame = queries.comparison(db, Period(start, end), hourly_rate)
    groups, total = queries.split_total(frame)

    def record(row, *, with_group: bool) -> dict:
        out = {"group": row["group"], "type": row["type"]} if with_group else {}
        out.update({field: _clean(float(row[field]) if row[field] is not None else None)
                    for field in SUMMARY_FIELDS})
        return out

    empty_total = {field: (None if METRICS[field].unit in ("ratio", "money_ratio", "percent") else 0)
                   for field in SUMMARY_FIELDS}
    return {
        "from": start.isoformat(), "to": end.isoformat(),
        "groups": [record(row, with_group=True) for _, row in groups.iterrows()],
        "total": record(total, with_group=False) if total is not None else empty_total,
    }


def _render(document: dict, fmt: str) -> str:
    rows = [*document["groups"], {"group": "Total", "type": "", **document["total"]}]
    columns = ["group", "type", *SUMMARY_FIELDS]
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise("" if row.get(c) is None else row.get(c)) for c in columns])
        return buffer.getvalue().rstrip("\n")
    shown = ["group", "activities", "hours", "cost", "referrals_received", "referrals_given", "sales",
             "sales_value", "return_ratio_pct", "net_roi_pct"]
    headers = ["Group" if c == "group" else METRICS[c].label for c in shown]
    cells = [[str(row["group"]) if c == "group" else format_value(row[c], METRICS[c].unit) for c in shown]
             for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = [f"NetMetrics summary {document['from']} .. {document['to']}",
             "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths)))]
    lines += ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
              for r in cells]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="netmetrics", description="Measure what business networking is worth.")
    parser.add_argument("--db", help="database file (default: $NETMETRICS_DB or data/netmetrics.duckdb)")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("demo", help="load the demo data into an empty database")

    summary = commands.add_parser("summary", help="print the per-group comparison for a period")
    summary.add_argument("--from", dest="start", type=_date, help="first day, YYYY-MM-DD (default: first data)")
    summary.add_argument("--to", dest="end", type=_date, help="last day, YYYY-MM-DD (default: last data)")
    summary.add_argument("--hourly-rate", type=float, default=0.0, help="value of an hour, counted as cost")
    summary.add_argument("--format", choices=("table", "json", "csv"), default="table")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        db = Database(settings(args.db).db_path)
        if args.command == "demo":
            import_id = demo.load_demo(db)
            print(f"Loaded the demo data into {db.path} (import {import_id}).")
        elif args.command == "summary":
            if args.hourly_rate < 0:
                raise UsageError("--hourly-rate cannot be negative")
            print(_render(summary_document(db, args.start, args.end, args.hourly_rate), args.format))
    except (DatabaseError, UsageError, ValueError) as exc:
        print(f"netmetrics: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
