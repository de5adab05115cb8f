"""The Import and Import history screens' parts: per-file recognition, mapping, preview and problems,
the confirm step, template downloads, and the list of imports with undo.

Nothing is stored until the confirm button; the commit runs in the button's callback on exactly the
files the user was shown. User text (file names, headers, cells, messages quoting cells) is shown in
tables or escaped markdown, never as HTML.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from netmetrics import templates
from netmetrics.export import neutralise
from netmetrics.ingest import ImportOptions, ParsedFile, ParsedTable, Problem, commit, list_imports, parse_upload, undo
from netmetrics.ingest.layouts import FIELD_LABELS, PERIOD_FIELDS
from netmetrics.ingest.model import KIND_LABELS
from netmetrics.ui import access
from netmetrics.ui.resources import database
from netmetrics.ui.text import plain

UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx"]
GA_KINDS = ("ga4", "ua", "ga_api")
FACT_ROLES = ("tracker", "activities", "referrals", "sales")
ROLE_LABELS = {
    "tracker": "tracker rows (one row per group and date or period)",
    "activities": "activities (one row per activity)",
    "referrals": "referrals",
    "sales": "sales",
    "groups": "groups",
    "web_visits": "website visits (sessions by channel)",
    "ignored": "not used",
}
PREVIEW_LABELS = {"row": "Row", "group_name": "Group", "start_date": "From", "end_date": "To",
                  "channel": "Channel", "source": "Source", "medium": "Medium", "sessions": "Sessions",
                  "users": "Users", "name": "Name", "type": "Type", "group_type": "Group type"}
ORDER_LABELS = {"dayfirst": "Day first (14/03/2025)", "monthfirst": "Month first (03/14/2025)"}
NOT_USED = "— not used —"
HISTORY_LIMIT = 200  # undo buttons for the newest imports; the table lists them all

_PARSED = "_nm_import_parsed"  # file key -> (options signature, ParsedFile)
_OVERRIDES = "_nm_import_overrides"  # file key -> sheet -> header -> field
_GEN = "_nm_import_gen"  # bumps after an import so the uploader starts empty
_FLASH = "_nm_import_flash"  # the last import's messages
_GOTO = "_nm_import_goto"
_UNDO_FLASH = "_nm_undo_flash"
_HASHES = "_nm_import_hashes"



# -- small helpers --------------------------------------------------------------------------------

def file_key(digest: str, taken: set[str]) -> str:
    """A stable key per uploaded file: the start of its content's sha256 (numbered when the same file
    comes twice)."""
    base = digest[:12]
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def mapping_key(fkey: str, sheet: str, header: str) -> str:
    digest = hashlib.sha1(f"{sheet}\x00{header}".encode()).hexdigest()[:10]
    return f"nm_map_{fkey}_{digest}"


def order_key(fkey: str) -> str:
    return f"nm_imp_order_{fkey}"


def period_key(fkey: str) -> str:
    return f"nm_imp_period_{fkey}"


def skip_key(fkey: str) -> str:
    return f"nm_imp_skip_{fkey}"


def _as_date(value) -> date | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table for people: errors first, each with where, what and what to do. The file
    names in 'Where' are neutralised, since the table can be downloaded as CSV."""
    ordered = sorted(problems, key=lambda p: p.severity != "error")
    return pd.DataFrame(
        {
            "": ["Error" if p.severity == "error" else "Warning" for p in ordered],
            "Where": [neutralise(p.where) for p in ordered],
            "Problem": [p.message for p in ordered],  # our sentences; cells they quote are in quotes
            "What to do": [p.hint for p in ordered],
        }
    )


def show_problems(problems: list[Problem], key: str) -> None:
    if problems:
        st.dataframe(problems_frame(problems), hide_index=True, width="stretch", key=key)


def _column_type(series: pd.Series) -> str:
    values = series.dropna()
    if not len(values):
        return "empty"
    if pd.api.types.is_bool_dtype(series) or all(isinstance(v, bool) for v in values):
        return "yes/no"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    if all(isinstance(v, date) for v in values):
        return "date"
    return "text"


def typed_preview(frame: pd.DataFrame) -> pd.DataFrame:
    """The preview with each column's type in its title: 'Event hours · number'."""
    out = frame.copy()
    names = []
    for column in out.columns:
        label = PREVIEW_LABELS.get(column) or FIELD_LABELS.get(column, str(column)).split(" (")[0]
        names.append(f"{label} · {_column_type(out[column])}" if column != "row" else label)
    out.columns = _unique(names)
    return out


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def needs_period(parsed: ParsedFile) -> bool:
    """A table of facts without any date or period column: the user names the period it covers."""
    dated = set(PERIOD_FIELDS) | {"end_date"}
    return any(t.role in FACT_ROLES and not (set(t.mapping.values()) & dated) for t in parsed.tables)


# -- templates ------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=2)
def _template(kind: str) -> bytes:
    return templates.workbook_bytes() if kind == "xlsx" else templates.tracker_csv_bytes()


def template_downloads() -> None:
    access.require_edit()
    st.caption("Start from a template: the workbook has sheets for groups, activities, referrals and sales "
               "and a sheet that says how to fill them in; the CSV tracker has one row per group and month. "
               "Both import as they are, example rows included.")
    left, right, _ = st.columns([1, 1, 2])
    left.download_button("Workbook template (.xlsx)", _template("xlsx"), file_name=templates.XLSX_NAME,
                         mime=templates.XLSX_MIME, key="nm_template_xlsx", on_click="ignore",
                         icon=":material/download:")
    right.download_button("Tracker template (.csv)", _template("csv"), file_name=templates.CSV_NAME,
                          mime=templates.CSV_MIME, key="nm_template_csv", on_click="ignore",
                          icon=":material/download:")


# -- upload and parse -----------------------------------------------------------------------------

def uploader() -> list[tuple[str, str, bytes]]:
    """The file picker; returns (file key, name, bytes) per uploaded file. Owners only."""
    access.require_edit()
    limits = ImportOptions()
    files = st.file_uploader(
        "Files to import", type=UPLOAD_TYPES, accept_multiple_files=True,
        key=f"nm_import_files_{st.session_state.get(_GEN, 0)}",
        help="A tracker table, an event log, a workbook (every sheet is read) or Google Analytics CSV "
             "downloads. Several files at once are fine.",
    )
    st.caption(f"Up to {limits.max_bytes // (1024 * 1024)} MB and {limits.max_rows:,} rows per file. "
               "Nothing is stored until you press Import.")
    hashes = st.session_state.setdefault(_HASHES, {})  # upload id -> content hash, hashed once
    taken: set[str] = set()
    out = []
    for f in files or []:
        data = f.getvalue()
        if f.file_id not in hashes:
            hashes[f.file_id] = hashlib.sha256(data).hexdigest()[:12]
        out.append((file_key(hashes[f.file_id], taken), f.name, data))
    # forget the state of files that are no longer in the picker
    keys = {k for k, _n, _d in out}
    for store in (_PARSED, _OVERRIDES):
        held = st.session_state.get(store, {})
        for k in [k for k in held if k not in keys]:
            del held[k]
    return out


def options_for(fkey: str) -> ImportOptions:
    """What the user chose for this file so far (from the widgets' state)."""
    chosen = st.session_state.get(period_key(fkey))
    period = (chosen[0], chosen[-1]) if chosen and len(chosen) == 2 else None
    order = st.session_state.get(order_key(fkey)) or "auto"
    mapping = {sheet: dict(headers) for sheet, headers in st.session_state.get(_OVERRIDES, {}).get(fkey, {}).items()}
    return ImportOptions(period=period, skip_bad_rows=bool(st.session_state.get(skip_key(fkey), False)),
                         date_order=order, mapping=mapping)


def parse(fkey: str, name: str, data: bytes) -> ParsedFile:
    """parse_upload, once per file and set of choices (kept for the session, not re-run on every click)."""
    options = options_for(fkey)
    signature = repr(replace(options, mapping=sorted((s, sorted(h.items())) for s, h in options.mapping.items())))
    held = st.session_state.setdefault(_PARSED, {})
    if fkey in held and held[fkey][0] == signature:
        return held[fkey][1]
    parsed = parse_upload(name, data, options)
    held[fkey] = (signature, parsed)
    return parsed


# -- one file -------------------------------------------------------------------------------------

def _on_mapping_change(fkey: str, sheet: str, header: str, key: str) -> None:
    overrides = st.session_state.setdefault(_OVERRIDES, {}).setdefault(fkey, {}).setdefault(sheet, {})
    overrides[header] = st.session_state[key]


def mapping_editor(fkey: str, table: ParsedTable, editable: bool) -> None:
    """One select box per column: which field it feeds (or not used)."""
    if not editable:
        frame = pd.DataFrame({"Column in the file": list(table.mapping),
                              "Read as": [v or NOT_USED for v in table.mapping.values()]})
        st.dataframe(frame, hide_index=True, key=f"nm_map_view_{fkey}_{table.sheet}_{table.header_row}")
        return
    options: list[str | None] = [None, *FIELD_LABELS]
    columns = st.columns(4)
    for i, (header, target) in enumerate(table.mapping.items()):
        key = mapping_key(fkey, table.sheet, header)
        st.session_state[key] = target if target in options else None  # show what the parse used
        columns[i % 4].selectbox(
            plain(header), options, key=key,
            format_func=lambda f: NOT_USED if f is None else FIELD_LABELS[f],
            on_change=_on_mapping_change, args=(fkey, table.sheet, header, key),
        )


def table_section(fkey: str, parsed: ParsedFile, table: ParsedTable, index: int) -> None:
    where = f"Sheet '{table.sheet}'" if table.sheet else "Table"
    header = f"header on row {table.header_row}" if table.header_row else "no header row"
    st.markdown(f"**{plain(where)}**: {ROLE_LABELS.get(table.role, plain(table.role))}; {header}; "
                f"{table.row_count:,} rows read, {table.rows_used:,} to store.")
    if table.note:
        st.caption(plain(table.note))
    editable = parsed.kind not in GA_KINDS and table.role != "web_visits"
    with st.expander("Columns: how each one is read", expanded=table.role == "ignored" or parsed.kind is None):
        if not editable:
            st.caption("Google Analytics columns are recognised by their names; only the channel (or source / "
                       "medium), date and sessions columns are used.")
        mapping_editor(fkey, table, editable)
    if len(table.preview.columns):
        st.caption(f"The first {min(len(table.preview), 20)} rows as read (column · type). Totals rows and rows "
                   "with problems are shown here too; the counts above say what will be stored.")
        st.dataframe(typed_preview(table.preview), hide_index=True, width="stretch",
                     key=f"nm_preview_{fkey}_{index}")


def file_section(fkey: str, name: str, data: bytes) -> ParsedFile:
    """Everything about one uploaded file; returns it parsed with the user's current choices."""
    parsed = parse(fkey, name, data)
    with st.container(border=True):
        st.subheader(plain(name))
        if parsed.ok:
            st.success(plain(parsed.summary()), icon=":material/check_circle:")
        elif parsed.kind is None:
            first = parsed.errors[0] if parsed.errors else None
            st.error(f"Not recognised, nothing will be stored. {plain(first.message) if first else ''} "
                     f"{plain(first.hint) if first else ''}", icon=":material/block:")
        else:
            st.error(f"{plain(parsed.summary())} This file cannot be stored yet: see the problems below.",
                     icon=":material/error:")
        facts = [f"{k.replace('_', ' ')}: {v}" for k, v in parsed.details.items()
                 if k in ("encoding", "delimiter", "decimal_separator", "date_order", "report_start",
                          "report_end", "sheets", "ignored_sheets")]
        if facts:
            st.caption(plain("Read as " + "; ".join(str(f) for f in facts)))

        if parsed.needs_date_order or st.session_state.get(order_key(fkey)):
            st.radio("The dates could be read either way. Which comes first in this file?",
                     list(ORDER_LABELS), index=None, format_func=ORDER_LABELS.get, key=order_key(fkey),
                     horizontal=True)
        if needs_period(parsed) or st.session_state.get(period_key(fkey)):
            st.date_input("Period these rows cover (the file has no date column)", value=(),
                          key=period_key(fkey), format="YYYY-MM-DD",
                          help="The rows' figures are stored as totals for this period and prorated by day "
                               "when a chart's period cuts it.")

        for i, table in enumerate(parsed.tables):
            table_section(fkey, parsed, table, i)

        row_errors = [p for p in parsed.errors if p.row_level]
        if row_errors or st.session_state.get(skip_key(fkey)) or parsed.skipped_rows:
            st.checkbox("Skip bad rows: store the other rows and leave the rows with problems out",
                        key=skip_key(fkey))
        if parsed.skipped_rows:
            st.warning(f"{len(parsed.skipped_rows)} row(s) will be skipped, nothing else of them is stored:",
                       icon=":material/content_cut:")
            st.dataframe(pd.DataFrame({"Sheet": [s.sheet or "" for s in parsed.skipped_rows],
                                       "Row": [s.row for s in parsed.skipped_rows],
                                       "Why": [neutralise(s.reason) for s in parsed.skipped_rows]}),
                         hide_index=True, width="stretch", key=f"nm_skipped_{fkey}")
        if parsed.problems:
            errors, warnings = len(parsed.errors), len(parsed.warnings)
            st.markdown(f"**Problems:** {errors} error(s), {warnings} warning(s).")
            show_problems(parsed.problems, key=f"nm_problems_{fkey}")
    return parsed


# -- confirm --------------------------------------------------------------------------------------

def _do_import(keys: list[str]) -> None:
    """The confirm button's callback: store the files the user saw, then aim the sidebar at them."""
    if not access.can_edit():  # a callback cannot draw: refuse silently, the page guard explains
        return
    held = st.session_state.get(_PARSED, {})
    files = [held[k][1] for k in keys if k in held and held[k][1].ok]
    if not files:
        return
    try:
        result = commit(database(), files)
    except Exception as exc:  # the database said no (locked file, ...): tell, never a traceback
        st.session_state[_FLASH] = {"ok": False, "messages": [f"Nothing was stored: {exc}"]}
        return
    st.session_state[_FLASH] = {"ok": result.ok, "changed": result.changed, "messages": result.messages}
    if not result.changed:
        return
    spans = [p.date_range for p, o in zip(files, result.files, strict=True) if o.status == "imported"]
    starts = [_as_date(s) for s, _e in spans if _as_date(s)]
    ends = [_as_date(e) for _s, e in spans if _as_date(e)]
    st.session_state[_GEN] = st.session_state.get(_GEN, 0) + 1
    for store in (_PARSED, _OVERRIDES, _HASHES):
        st.session_state.pop(store, None)
    if starts and ends:
        st.session_state["nm_preset"] = "custom"
        st.session_state["nm_range"] = (min(starts), max(ends))
        web_only = all(p.kind in GA_KINDS for p, o in zip(files, result.files, strict=True) if o.status == "imported")
        st.session_state[_GOTO] = "web" if web_only else "overview"


def confirm(files: list[tuple[str, ParsedFile]]) -> None:
    ready = [(k, p) for k, p in files if p.ok]
    waiting = [p for _k, p in files if not p.ok]
    st.divider()
    if waiting:
        names = ", ".join(p.file_name for p in waiting)
        st.warning(plain(f"{len(waiting)} file(s) will not be stored as they are: {names}. Fix the problems "
                         "shown, choose the options asked for, or remove them from the list."),
                   icon=":material/warning:")
    label = f"Import {len(ready)} file{'s' if len(ready) != 1 else ''}" if ready else "Nothing to import yet"
    st.button(label, key="nm_import_confirm", type="primary", disabled=not ready,
              on_click=_do_import, args=([k for k, _p in ready],), icon=":material/upload:")


def follow_import(overview: Path, web: Path | None = None) -> None:
    """After an import that stored rows, open the Overview on its period (the web traffic page, when
    given, for imports of Google Analytics files only: the Overview shows groups)."""
    goto = st.session_state.pop(_GOTO, None)
    if goto:
        st.switch_page(web if goto == "web" and web is not None else overview)


def notice() -> None:
    """The last import's messages (stored, already imported and when, GA days replaced, new groups),
    said once on the next page drawn that calls this. Toasts do not survive st.switch_page, so a page
    that should tell after the redirect calls this near its top."""
    if _GOTO in st.session_state:  # a redirect is pending: say it on the page the user lands on
        return
    flash = st.session_state.pop(_FLASH, None)
    if flash:
        show = st.success if flash.get("ok") and flash.get("changed") else st.info if flash.get("ok") else st.error
        show("  \n".join(plain(m) for m in flash["messages"]), icon=":material/history:")


# -- history --------------------------------------------------------------------------------------

def history_frame(frame: pd.DataFrame) -> pd.DataFrame:
    kinds = {**KIND_LABELS, "demo": "demo data", "manual": "manual entry"}
    return pd.DataFrame({
        "ID": frame["import_id"].astype(int),
        "File": [neutralise(v) for v in frame["file_name"]],
        "Kind": [kinds.get(k, k) for k in frame["kind"]],
        "Rows": frame["row_count"].astype(int),
        "From": [_as_date(v) for v in frame["date_from"]],
        "To": [_as_date(v) for v in frame["date_to"]],
        "Imported": pd.to_datetime(frame["imported_at"]).dt.strftime("%Y-%m-%d %H:%M"),
        "Undone": [v.strftime("%Y-%m-%d %H:%M") if not pd.isna(v) else "" for v in frame["undone_at"]],
    })


def _do_undo(import_id: int) -> None:
    if not access.can_edit():
        return
    try:
        st.session_state[_UNDO_FLASH] = (True, undo(database(), import_id))
    except Exception as exc:  # noqa: BLE001 - shown to people, never a traceback
        st.session_state[_UNDO_FLASH] = (False, f"Import {import_id} could not be undone: {exc}")


def history() -> None:
    """Every import, newest first, and an undo button (with a confirmation) per active import. Owners only."""
    access.require_edit()
    flash = st.session_state.pop(_UNDO_FLASH, None)
    if flash:
        (st.success if flash[0] else st.error)(plain(flash[1]), icon=":material/undo:")
    frame = list_imports(database())
    if frame.empty:
        st.info("Nothing imported yet. Files you import on the Import page are listed here, and each can be "
                "undone.", icon=":material/inbox:")
        return
    st.dataframe(history_frame(frame), hide_index=True, width="stretch", key="nm_history_table")
    active = frame[frame["undone_at"].isna() & (frame["kind"] != "demo")].head(HISTORY_LIMIT)
    if active.empty:
        st.caption("No import to undo.")
        return
    st.subheader("Undo an import")
    st.caption("Undoing removes every row the import stored, in one step. Groups it created stay; rows it had "
               "replaced from older Google Analytics exports come back. Demo data is cleared with the button "
               "in the demo banner instead.")
    for rec in active.to_dict("records"):
        iid = int(rec["import_id"])
        span = f", {_as_date(rec['date_from'])} to {_as_date(rec['date_to'])}" if _as_date(rec["date_from"]) else ""
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(plain(f"Import {iid}: {rec['file_name']} ({rec['kind']}, {int(rec['row_count'])} rows{span})"))
        with right.popover("Undo", icon=":material/undo:"):
            st.markdown(plain(f"Remove the {int(rec['row_count'])} rows of import {iid} ({rec['file_name']})?"))
            st.button("Yes, undo this import", key=f"nm_undo_{iid}", type="primary", on_click=_do_undo,
                      args=(iid,))
