"""parse_upload: one uploaded file (bytes) to a ParsedFile: what it is, how its columns were read,
a preview, the problems, and the frames ready to store. Never raises for a bad file."""

from __future__ import annotations

import dataclasses
import hashlib

import numpy as np
import pandas as pd

from netmetrics.ingest import dates, ga, layouts, numbers, tables
from netmetrics.ingest.model import TABLE_COLUMNS, ImportOptions, ParsedFile, ParsedTable, Problem, group_key
from netmetrics.ingest.readers import Unreadable, read
from netmetrics.ingest.validate import too_big, too_many_rows

HINT_TYPES = (
    "Upload a CSV, TSV/TXT or .xlsx table (a tracker, an event log, a workbook or a Google Analytics export)."
)


def parse_upload(file_name: str, data: bytes, options: ImportOptions | None = None) -> ParsedFile:
    options = options or ImportOptions()
    parsed = ParsedFile(
        file_name=file_name, kind=None, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    try:
        _parse(parsed, data, options)
    except Exception as exc:  # a file must never crash the page or the CLI
        parsed.kind = None
        parsed.frames = {}
        parsed.problems.append(
            Problem(
                file_name,
                None,
                None,
                None,
                f"The file could not be read ({type(exc).__name__}: {exc}).",
                "Check that it is a CSV or .xlsx table; if it is, please report this file.",
            )
        )
    if parsed.kind is None:
        parsed.frames = {}
    return parsed


def _refuse(parsed: ParsedFile, message: str, hint: str = HINT_TYPES) -> None:
    parsed.kind = None
    parsed.problems.append(Problem(parsed.file_name, None, None, None, message, hint))


def _parse(parsed: ParsedFile, data: bytes, options: ImportOptions) -> None:
    name = parsed.file_name
    if len(data) > options.max_bytes:
        parsed.problems.append(too_big(name, len(data), options.max_bytes))
        return
    try:
        content = read(name, data, options.max_rows)
    except Unreadable as exc:
        _refuse(parsed, str(exc))
        return
    parsed.details.update(content.details)
    total_rows = sum(len(g.rows) for g in content.grids)
    if (
        total_rows > options.max_rows + 200
        or sum(max(0, len(g.rows) - 1) for g in content.grids) > options.max_rows
    ):
        parsed.problems.append(too_many_rows(name, None, total_rows, options.max_rows))
        return
    if not any(g.rows for g in content.grids):
        _refuse(parsed, "The file is empty.")
        return

    ga_kind = None
    raws: list[tables.RawTable] = []
    ignored: list[str] = []
    header_only: list[tuple[str, int]] = []  # (sheet, header row) of tables with a header and no rows
    single_column: list[str] = []  # sheets (or "" for a text file) with no row of two filled cells
    without_sessions: list[Problem] = []  # Google Analytics tables of users, not sessions
    for grid in content.grids:
        kind = ga.sniff_kind(grid.rows) if grid.rows else None
        if kind:
            ga_kind = ga_kind or kind
            found, web, problems, skipped, details = ga.parse_ga(name, grid.sheet, grid.rows, kind, options)
            parsed.tables.extend(found)
            parsed.problems.extend(problems)
            parsed.skipped_rows.extend(skipped)
            parsed.details.update(details)
            if web is not None:
                _add(parsed.frames, "web_visits", web)
            continue
        users_only = ga.users_only_report(name, grid.sheet, grid.rows) if grid.rows else None
        if users_only is not None:
            without_sessions.append(users_only)
            continue
        override = options.mapping.get(grid.sheet) or options.mapping.get("*")
        raw = tables.read_table(grid.sheet, grid.rows, override)
        if raw is None or not len(raw.frame):
            if grid.rows and grid.sheet:
                ignored.append(grid.sheet)
            if raw is not None and layouts.header_score(raw.headers) >= 2:
                header_only.append((grid.sheet, raw.header_line))
            elif raw is None and grid.rows:
                single_column.append(grid.sheet)
            continue
        raw.role = layouts.decide_role(raw.sheet, {t for t in raw.mapping.values() if t})
        if raw.role is None:
            ignored.append(grid.sheet or name)
            parsed.tables.append(
                ParsedTable(
                    grid.sheet,
                    "ignored",
                    raw.header_line,
                    dict(raw.mapping),
                    raw.frame.head(tables.PREVIEW_ROWS),
                    len(raw.frame),
                    0,
                    "not recognised: map its columns to use it",
                )
            )
            continue
        raws.append(raw)

    if options.period is None and len(raws) > 1:
        # a workbook's summary sheet (totals per group, no dates) beside dated sheets repeats their figures
        dated = [raw for raw in raws if raw.role == "groups" or set(raw.mapping.values()) & set(layouts.PERIOD_FIELDS)]
        if any(raw.role != "groups" for raw in dated):
            for raw in [r for r in raws if r not in dated]:
                raws.remove(raw)
                ignored.append(raw.sheet)
                parsed.problems.append(
                    Problem(
                        name,
                        raw.sheet or None,
                        None,
                        None,
                        "This sheet has no date column; it looks like a summary of the other sheets, so it was "
                        "not imported (its figures would be counted twice).",
                        "If it holds figures of its own, add a date column or import it alone with a period.",
                        "warning",
                    )
                )
    delimiter = parsed.details.get("delimiter")
    default_decimal = "," if delimiter == "semicolon" else "."
    decimal = _decimal(raws, default_decimal)
    for raw in raws:
        layouts.resolve_fields(raw.role, raw.mapping, tables.numeric_share(raw, decimal), tables.money_share(raw))
    parsed.details["decimal_separator"] = decimal

    all_dates = [v for raw in raws for v in tables.date_values(raw)]
    order, ambiguous = dates.decide_order(all_dates, options.date_order)
    if ambiguous:
        parsed.needs_date_order = True
        example = next((v for v in all_dates if dates.dmy_order_vote(v) is None), "")
        parsed.problems.append(
            Problem(
                name,
                None,
                None,
                None,
                f"The dates (for example '{example}') could be day/month/year or month/day/year, "
                "and no date in the file tells which.",
                "Choose the order: day first (14/03/2025) or month first (03/14/2025) on the Import page, "
                "or use --dayfirst / --monthfirst on the command line.",
            )
        )
        order = "dayfirst"
    if order:
        parsed.details["date_order"] = order

    for raw in raws:
        converter = tables.TableConverter(name, raw, options, decimal, order)
        frames = converter.convert()
        problems, skipped = converter.issues.problems(options.skip_bad_rows)
        parsed.problems.extend(converter.problems)
        parsed.problems.extend(problems)
        parsed.skipped_rows.extend(skipped)
        parsed.tables.append(converter.result())
        for table, frame in frames.items():
            _add(parsed.frames, table, frame)

    if without_sessions and (ga_kind or raws):  # a workbook's other sheets are still stored
        ignored.extend(p.sheet or name for p in without_sessions)
        parsed.problems.extend(
            dataclasses.replace(p, message=f"{p.message} This sheet was not imported.", severity="warning")
            for p in without_sessions
        )
    if ga_kind:
        parsed.kind = ga_kind
    elif raws:
        roles = {raw.role for raw in raws}
        if len(raws) > 1 or any(layouts.sheet_role(raw.sheet) for raw in raws if raw.sheet):
            parsed.kind = "workbook"
        else:
            parsed.kind = {"tracker": "tracker", "activities": "event_log"}.get(roles.pop(), raws[0].role)
    elif without_sessions:
        parsed.kind = None
        parsed.problems.extend(without_sessions)
        return
    elif header_only:
        where = ", ".join(f"sheet '{sh}' " if sh else "" for sh, _ in header_only).strip()
        sheet, line = header_only[0]
        parsed.kind = None
        parsed.problems.append(
            Problem(
                name,
                sheet or None,
                line,
                None,
                f"The file has a header row (row {line}{', ' + where if where else ''}) but no data rows below it.",
                "Fill in at least one row under the header, or check that you chose the right file "
                "(an empty template, or an export of an empty report?).",
            )
        )
        return
    elif single_column and not parsed.tables:
        _refuse(
            parsed,
            "No table in this file was recognised: it has only one column"
            + (f" (sheet '{single_column[0]}')" if single_column[0] else "")
            + ". If it should be one, its columns may be separated by a character that is not a comma, "
            "semicolon, tab or |.",
            "Save it from your spreadsheet as CSV or .xlsx, with one column per field (Date, Group, "
            "Activities, Hours, ...).",
        )
        return
    else:
        seen = (
            "; ".join(f"{t.sheet or 'columns'}: {', '.join(list(t.mapping)[:8])}" for t in parsed.tables)
            or "no header row"
        )
        _refuse(
            parsed,
            f"No table in this file was recognised as networking data or a Google Analytics export ({seen}).",
            "Name the columns like the template (Date, Group, Activities, Hours, Cost, Referrals "
            "received, ...) or map the columns by hand on the Import page.",
        )
        return
    if ignored:
        parsed.details["ignored_sheets"] = ignored
    _finish_groups(parsed)
    if not any(len(f) for t, f in parsed.frames.items()) and not parsed.errors:
        parsed.problems.append(
            Problem(
                name,
                None,
                None,
                None,
                "The file holds no rows to store.",
                "Check that the rows are below the header row and not all totals.",
                "warning",
            )
        )


def _decimal(raws: list[tables.RawTable], default: str) -> str:
    values = [v for raw in raws for v in tables.text_values(raw)]
    return numbers.guess_decimal(values, default)


def _add(frames: dict[str, pd.DataFrame], table: str, frame: pd.DataFrame) -> None:
    if table in frames and len(frames[table]):
        frames[table] = pd.concat([frames[table], frame], ignore_index=True) if len(frame) else frames[table]
    else:
        frames[table] = frame.reset_index(drop=True)


def _finish_groups(parsed: ParsedFile) -> None:
    """One row per group name (ignoring case and spaces); details from a groups sheet win."""
    groups = parsed.frames.get("groups")
    if groups is None:
        return
    rows: dict[str, dict] = {}
    for rec in groups.to_dict("records"):
        key = group_key(rec["name"])
        if key not in rows:
            rows[key] = rec
        else:
            for column, value in rec.items():
                if rows[key].get(column) is None or (
                    isinstance(rows[key][column], float) and pd.isna(rows[key][column])
                ):
                    rows[key][column] = value
    parsed.frames["groups"] = pd.DataFrame(list(rows.values()), columns=list(TABLE_COLUMNS["groups"]))
    # facts name their group as the groups frame spells it
    spelling = {k: r["name"] for k, r in rows.items()}
    for table in ("activities", "referrals", "sales"):
        frame = parsed.frames.get(table)
        if frame is not None and len(frame):
            codes, names = pd.factorize(frame["group_name"])
            renamed = [spelling.get(group_key(n), n) for n in names]
            frame["group_name"] = np.asarray(renamed + [None], dtype=object)[codes]
