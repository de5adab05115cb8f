"""The `netmetrics` command: the same engine as the dashboard, without Streamlit.

    netmetrics [--db PATH] demo
    netmetrics [--db PATH] summary [--from DATE] [--to DATE] [--hourly-rate X] [--format table|json|csv]
    netmetrics [--db PATH] import FILE... [--period START..END] [--skip-bad-rows] [--dayfirst|--monthfirst]
    netmetrics [--db PATH] imports
    netmetrics [--db PATH] undo ID
    netmetrics [--db PATH] web [--from DATE] [--to DATE] [--grain day|week|month] [--format table|json|csv]
    netmetrics [--db PATH] whatif [--from DATE] [--to DATE] [--set GROUP.DRIVER=VALUE ...] [--drop GROUP ...]
                                  [--add NAME:TYPE ...] [--format table|json]
    netmetrics [--data-dir DIR] workspace create SLUG [--name NAME] [--demo] | list | rename SLUG NAME
                                          | delete SLUG --yes
    netmetrics [--data-dir DIR] share create --workspace W --label L [--expires-days N] [--email E] [--comments]
    netmetrics [--data-dir DIR] share list [--workspace W] | revoke ID
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from netmetrics import demo, ingest, queries, share, web_traffic, whatif, workspaces
from netmetrics.config import data_dir, settings
from netmetrics.db import Database, DatabaseError
from netmetrics.export import neutralise
from netmetrics.metrics import METRICS, SUMMARY_FIELDS, format_value, is_missing
from netmetrics.periods import Period


class UsageError(Exception):
    """A command-line mistake, explained."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _clean(value):
    """JSON-safe: a missing value is null, a float is rounded to 4 decimals."""
    if is_missing(value):
        return None
    return round(value, 4) if isinstance(value, float) else value


def _number(cell) -> float | None:
    """A table cell as a JSON number (4 decimals), or null."""
    return None if is_missing(cell) else round(float(cell), 4)


def _period(start: date | None, end: date | None, span: tuple[date, date] | None) -> Period:
    """--from/--to, each defaulting to the edge of the data's `span` (today when there is no data)."""
    first, last = span or (date.today(), date.today())
    start, end = start or first, end or last
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    return Period(start, end)


def _json(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


def summary_document(db: Database, start: date | None, end: date | None, hourly_rate: float) -> dict:
    """The per-group comparison as a plain dict (the CLI's JSON shape)."""
    period = _period(start, end, queries.data_span(db))
    start, end = period.start, period.end
    frame = queries.comparison(db, period, hourly_rate)
    groups, total = queries.split_total(frame)

    def record(row, *, with_group: bool) -> dict:
        out = {"group": row["group"], "type": row["type"]} if with_group else {}
        out.update({field: _number(row[field]) for field in SUMMARY_FIELDS})
        return out

    empty_total = {field: (None if METRICS[field].unit in ("ratio", "money_ratio", "percent") else 0)
                   for field in SUMMARY_FIELDS}
    return {
        "from": start.isoformat(), "to": end.isoformat(),
        "groups": [record(row, with_group=True) for _, row in groups.iterrows()],
        "total": record(total, with_group=False) if total is not None else empty_total,
    }


def _csv(columns: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise("" if row.get(c) is None else row.get(c)) for c in columns])
    return buffer.getvalue().rstrip("\n")


def _table(title: str, headers: list[str], cells: list[list[str]]) -> str:
    """A plain text table: the first column left-aligned, numbers right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]

    def line(values):
        return "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(values, widths)))

    return "\n".join([title, line(headers), *(line(r) for r in cells)])


def _render(document: dict, fmt: str) -> str:
    rows = [*document["groups"], {"group": "Total", "type": "", **document["total"]}]
    if fmt == "json":
        return _json(document)
    if fmt == "csv":
        return _csv(["group", "type", *SUMMARY_FIELDS], rows)
    shown = ["group", "activities", "hours", "cost", "referrals_received", "referrals_given", "sales",
             "sales_value", "return_ratio_pct", "net_roi_pct"]
    headers = ["Group" if c == "group" else METRICS[c].label for c in shown]
    cells = [[str(row["group"]) if c == "group" else format_value(row[c], METRICS[c].unit) for c in shown]
             for row in rows]
    return _table(f"NetMetrics summary {document['from']} .. {document['to']}", headers, cells)


WEB_FIELDS = ("direct_sessions", "social_sessions", "paid_social_sessions", "total_sessions")


def web_document(db: Database, start: date | None, end: date | None, grain: str) -> dict:
    """Website sessions as a plain dict (the CLI's JSON shape); null where the data has no channel."""
    period = _period(start, end, web_traffic.web_span(db))
    start, end = period.start, period.end
    frame = queries.web(db, period, grain)
    rows = [{"start": row["bucket"].date().isoformat() if hasattr(row["bucket"], "date") else str(row["bucket"]),
             **{f: _number(row[f]) for f in WEB_FIELDS}}
            for _, row in frame.iterrows()]
    totals = {f: (None if not rows or any(r[f] is None for r in rows) else round(sum(r[f] for r in rows), 4))
              for f in WEB_FIELDS}
    return {"from": start.isoformat(), "to": end.isoformat(), **totals, "rows": rows}


def _render_web(document: dict, fmt: str) -> str:
    if fmt == "json":
        return _json(document)
    if fmt == "csv":
        return _csv(["start", *WEB_FIELDS], document["rows"])

    def shown(value) -> str:
        return "not in the data" if value is None else f"{value:,.0f}"

    cells = [[r["start"], *(shown(r[f]) for f in WEB_FIELDS)] for r in document["rows"]]
    cells.append(["Total", *(shown(document[f]) for f in WEB_FIELDS)])
    return _table(f"Website sessions {document['from']} .. {document['to']}",
                  ["Starting", "Direct", "Social", "Paid social", "All"], cells)


PROJECTION_FIELDS = ("monthly_cost", "monthly_revenue", "return_ratio_pct", "net_roi_pct", "hours_per_month",
                     "sales_per_month", "horizon_cost", "horizon_revenue")


def whatif_document(db: Database, start: date | None, end: date | None, assignments: list[str],
                    dropped: list[str], added: list[str]) -> tuple[dict, list[str]]:
    """Baseline and scenario per group and in total (the CLI's JSON shape), plus notices."""
    period = _period(start, end, queries.data_span(db))
    start, end = period.start, period.end
    lines = whatif.baseline(queries.comparison(db, period), start, end)
    scenario, notices = whatif.build_scenario(assignments, dropped, added, {line.group for line in lines})
    result = whatif.run(lines, scenario)

    def side(projections, totals) -> dict:
        groups = [{"group": p.group, "type": p.type, **{f: _clean(getattr(p, f)) for f in PROJECTION_FIELDS},
                   **({"payback_month": p.payback_month} if p.added else {})} for p in projections]
        return {"groups": groups, "total": {f: _clean(totals[f]) for f in PROJECTION_FIELDS}}

    document = {"from": start.isoformat(), "to": end.isoformat(), "horizon_months": result.globals.horizon_months,
                "hourly_value": result.globals.hourly_value, "gross_margin_pct": result.globals.gross_margin_pct,
                "baseline": side(result.baseline, result.baseline_total),
                "scenario": side(result.scenario, result.scenario_total),
                "break_even": {group: {k: _clean(v) for k, v in vars(b).items()}
                               for group, b in result.break_even.items()}}
    return document, notices


def _render_whatif(document: dict, fmt: str) -> str:
    if fmt == "json":
        return _json(document)
    base = {g["group"]: g for g in document["baseline"]["groups"]}
    now = {g["group"]: g for g in document["scenario"]["groups"]}
    shown = (("monthly_cost", "money"), ("monthly_revenue", "money"), ("return_ratio_pct", "percent"))

    def cells(row: dict) -> list[str]:
        return [format_value(row.get(field), unit) for field, unit in shown]

    rows = [[name + ("" if name in base else " (added)"), *cells(base.get(name, {})), *cells(row)]
            for name, row in now.items()]
    rows += [[f"{name} (dropped)", *cells(row), *cells({})] for name, row in base.items() if name not in now]
    rows.append(["Total", *cells(document["baseline"]["total"]), *cells(document["scenario"]["total"])])
    return _table(f"What if, per month (baseline {document['from']} .. {document['to']})",
                  ["Group", "Cost now", "Revenue now", "Return now", "Cost then", "Revenue then", "Return then"],
                  rows)


def _period_arg(text: str) -> tuple[date, date]:
    start, sep, end = text.partition("..")
    if not sep:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a period; write it as START..END, e.g. 2025-01-01..2025-03-31")
    first, last = _date(start), _date(end)
    if last < first:
        raise argparse.ArgumentTypeError(f"the period {text!r} ends before it starts")
    return first, last


def import_files(db: Database, paths: list[str], options: ingest.ImportOptions) -> int:
    """Parse every file; store them all in one transaction, or refuse them all (exit 1)."""
    parsed = []
    for name in paths:
        path = Path(name)
        if not path.is_file():
            print(f"netmetrics: {name}: no such file. Check the path and try again.", file=sys.stderr)
            return 1
        parsed.append(ingest.parse_upload(path.name, path.read_bytes(), options))
    refused = False
    for p in parsed:
        print(p.summary())
        for problem in p.warnings:
            print(f"  warning: {problem}")
        if p.needs_date_order and options.date_order == "auto":
            print(f"netmetrics: {p.file_name}: the dates could be day/month or month/day. "
                  "Say which with --dayfirst or --monthfirst.", file=sys.stderr)
        for problem in p.errors:
            print(f"netmetrics: {problem}", file=sys.stderr)
        for skipped in p.skipped_rows:
            where = f"sheet '{skipped.sheet}', " if skipped.sheet else ""
            print(f"  skipped {where}row {skipped.row}: {skipped.reason}")
        refused = refused or not p.ok
    if refused:
        # --skip-bad-rows helps only when rows are at fault, not a whole file (wrong report, no date column)
        rows_at_fault = any(problem.row_level for p in parsed for problem in p.errors)
        print("netmetrics: nothing was stored. Fix the problems above"
              + (" (or use --skip-bad-rows)" if rows_at_fault else "") + " and import again.", file=sys.stderr)
        return 1
    result = ingest.commit(db, parsed)
    for message in result.messages:
        print(message)
    return 0 if result.ok else 1


def _day(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)[:10]


def _render_imports(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No imports yet."
    cells = [[str(r.import_id), r.file_name, r.kind, str(r.row_count), f"{_day(r.date_from)}..{_day(r.date_to)}",
              f"{r.imported_at:%Y-%m-%d %H:%M}", "active" if pd.isna(r.undone_at) else f"undone {_day(r.undone_at)}"]
             for r in frame.itertuples()]
    return _table("Imports, newest first", ["ID", "File", "Kind", "Rows", "Dates", "Imported", "Status"], cells)


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

    importer = commands.add_parser("import", help="import spreadsheets or Google Analytics exports")
    importer.add_argument("files", nargs="+", metavar="FILE")
    importer.add_argument("--period", type=_period_arg, help="START..END the rows cover when a file has no dates")
    importer.add_argument("--skip-bad-rows", action="store_true", help="store the good rows, list the bad ones")
    order = importer.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", action="store_const", const="dayfirst", dest="date_order",
                       help="dates like 03/04/2025 are 3 April")
    order.add_argument("--monthfirst", action="store_const", const="monthfirst", dest="date_order",
                       help="dates like 03/04/2025 are 4 March")

    commands.add_parser("imports", help="list every import, newest first")
    undo = commands.add_parser("undo", help="undo one import (see `imports` for its ID)")
    undo.add_argument("import_id", type=int, metavar="ID")

    web = commands.add_parser("web", help="print direct and social website sessions")
    web.add_argument("--from", dest="start", type=_date, help="first day, YYYY-MM-DD (default: first data)")
    web.add_argument("--to", dest="end", type=_date, help="last day, YYYY-MM-DD (default: last data)")
    web.add_argument("--grain", choices=queries.WEB_GRAINS, default="month")
    web.add_argument("--format", choices=("table", "json", "csv"), default="table")

    what = commands.add_parser("whatif", help="project cost and revenue per month under changed drivers")
    what.add_argument("--from", dest="start", type=_date, help="baseline's first day (default: first data)")
    what.add_argument("--to", dest="end", type=_date, help="baseline's last day (default: last data)")
    what.add_argument("--set", dest="assignments", action="append", default=[], metavar="GROUP.DRIVER=VALUE",
                      help=f"change a driver ({', '.join(whatif.GROUP_DRIVERS)}) or a setting "
                           f"({', '.join(whatif.GLOBAL_DRIVERS)}, without GROUP.)")
    what.add_argument("--drop", action="append", default=[], metavar="GROUP", help="leave a group")
    what.add_argument("--add", action="append", default=[], metavar="NAME:TYPE",
                      help="join a hypothetical group with its type's typical figures")
    what.add_argument("--format", choices=("table", "json"), default="table")

    parser.add_argument("--data-dir", help="workspaces and share links (default: $NETMETRICS_DATA_DIR or data/)")
    space = commands.add_parser("workspace", help="create, list, rename or delete workspaces")
    space_commands = space.add_subparsers(dest="action", required=True)
    made = space_commands.add_parser("create", help="a new, empty workspace")
    made.add_argument("slug", metavar="SLUG", help="1-40 lower-case letters, digits, hyphens")
    made.add_argument("--name", help="shown to people (default: the slug)")
    made.add_argument("--demo", action="store_true", help="fill it with the demo data")
    space_commands.add_parser("list", help="every workspace and its database file")
    renamed = space_commands.add_parser("rename", help="give a workspace a new name (the slug stays)")
    renamed.add_argument("slug", metavar="SLUG")
    renamed.add_argument("name", metavar="NAME")
    deleted = space_commands.add_parser("delete", help="delete a workspace, its data file and its share links")
    deleted.add_argument("slug", metavar="SLUG")
    deleted.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    links = commands.add_parser("share", help="read-only links to a workspace")
    link_commands = links.add_subparsers(dest="action", required=True)
    made = link_commands.add_parser("create", help="a new link; its token is printed once")
    made.add_argument("--workspace", required=True, metavar="W")
    made.add_argument("--label", required=True, metavar="L", help="who it is for, e.g. 'Coach Anna'")
    made.add_argument("--expires-days", type=int, metavar="N", help="stop working after N days")
    made.add_argument("--email", metavar="E", help="require this viewer e-mail after sign-in")
    made.add_argument("--comments", action="store_true", help="let the viewer leave notes")
    listed = link_commands.add_parser("list", help="every link, live or not")
    listed.add_argument("--workspace", metavar="W")
    revoked = link_commands.add_parser("revoke", help="stop a link working, for good")
    revoked.add_argument("link_id", type=int, metavar="ID")
    return parser


def _when(value) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def workspace_command(args) -> int:
    folder = data_dir(args.data_dir)
    if args.action == "delete" and not args.yes:
        raise UsageError(f"deleting workspace {args.slug!r} removes its data for good; add --yes to confirm")
    admin = workspaces.open_admin(folder)
    try:
        if args.action == "create":
            made = workspaces.create(admin, folder, args.slug, args.name)
            if args.demo:
                db = Database(made.path(folder))
                try:
                    demo.load_demo(db)
                finally:
                    db.close()
            print(f"Created workspace {made.slug} ({made.name}) in {made.path(folder)}.")
        elif args.action == "list":
            rows = workspaces.list_workspaces(admin)
            if not rows:
                print(f"No workspaces in {folder} yet.")
            else:
                print(_table(f"Workspaces in {folder}", ["Slug", "Name", "File", "Created"],
                             [[w.slug, w.name, w.file, _when(w.created_at)] for w in rows]))
        elif args.action == "rename":
            renamed = workspaces.rename(admin, args.slug, args.name)
            print(f"Workspace {renamed.slug} is now called {renamed.name}.")
        elif args.action == "delete":
            gone = workspaces.delete(admin, folder, args.slug)
            print(f"Deleted workspace {gone.slug}, its share links and {gone.path(folder)}.")
    finally:
        admin.close()
    return 0


def _status(link: share.Link, now) -> str:
    if link.revoked_at is not None:
        return f"revoked {_when(link.revoked_at)}"
    if link.expires_at is not None and now >= link.expires_at:
        return f"expired {_when(link.expires_at)}"
    return "live" + (f" until {_when(link.expires_at)}" if link.expires_at else "")


def share_command(args) -> int:
    admin = workspaces.open_admin(data_dir(args.data_dir))
    try:
        if args.action == "create":
            link_id, token = share.create_link(admin, args.workspace, args.label, args.expires_days, args.email,
                                               args.comments)
            print(f"Share link {link_id} for workspace {args.workspace} ({args.label}). Send this, appended to "
                  "the dashboard's address; it is shown only now:")
            print(share.share_path(token))
            if args.email:
                print(f"It opens only for {args.email.strip().lower()} signed in through the dashboard's identity "
                      "provider ([auth] in .streamlit/secrets.toml).")
        elif args.action == "list":
            now = share.utcnow()
            rows = share.list_links(admin, args.workspace)
            if not rows:
                print("No share links yet.")
            else:
                print(_table("Share links", ["ID", "Workspace", "Label", "Status", "Created", "Last used", "E-mail",
                                             "Comments"],
                             [[str(link.id), link.workspace_slug, link.label, _status(link, now),
                               _when(link.created_at), _when(link.last_used_at) or "never", link.email or "",
                               "yes" if link.allow_comments else "no"] for link in rows]))
        elif args.action == "revoke":
            link = share.revoke(admin, args.link_id)
            print(f"Share link {link.id} ({link.label}, workspace {link.workspace_slug}) is revoked.")
    finally:
        admin.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "workspace":
            return workspace_command(args)
        if args.command == "share":
            return share_command(args)
        db = Database(settings(args.db).db_path)
        if args.command == "demo":
            import_id = demo.load_demo(db)
            print(f"Loaded the demo data into {db.path} (import {import_id}).")
        elif args.command == "summary":
            if args.hourly_rate < 0:
                raise UsageError("--hourly-rate cannot be negative")
            print(_render(summary_document(db, args.start, args.end, args.hourly_rate), args.format))
        elif args.command == "import":
            options = ingest.ImportOptions(period=args.period, skip_bad_rows=args.skip_bad_rows,
                                           date_order=args.date_order or "auto")
            return import_files(db, args.files, options)
        elif args.command == "imports":
            print(_render_imports(ingest.list_imports(db)))
        elif args.command == "undo":
            print(ingest.undo(db, args.import_id))
        elif args.command == "web":
            print(_render_web(web_document(db, args.start, args.end, args.grain), args.format))
        elif args.command == "whatif":
            document, notices = whatif_document(db, args.start, args.end, args.assignments, args.drop, args.add)
            if notices:
                raise UsageError(" ".join(notices))
            print(_render_whatif(document, args.format))
    except (DatabaseError, UsageError, ValueError, LookupError) as exc:
        print(f"netmetrics: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
