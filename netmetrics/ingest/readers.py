"""Bytes to grids of cells: text tables (CSV, TSV, TXT) and Excel workbooks (every sheet)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from netmetrics.ingest import text as textmod

TEXT_EXTENSIONS = (".csv", ".tsv", ".txt", ".tab")
EXCEL_EXTENSIONS = (".xlsx", ".xlsm")

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word file",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"MZ": "a program",
}


class Formula(str):
    """A workbook cell holding a formula whose result was not saved with the file (openpyxl and other
    programs write formulas without results; Excel saves both)."""

    @property
    def is_sum(self) -> bool:
        return self.upper().lstrip("=").lstrip("+").startswith(("SUM(", "SUBTOTAL(", "SOMMA(", "SOMME(", "SUMMA("))


class Unreadable(ValueError):
    """The file cannot be read as a table; the message says why and what to do."""


@dataclass
class Grid:
    sheet: str  # "" for a text file
    rows: list[tuple[int, list]]  # (row number as the user sees it, cells)


@dataclass
class Read:
    grids: list[Grid]
    details: dict


def read(file_name: str, data: bytes, max_rows: int) -> Read:
    lower = file_name.lower()
    if not data or not data.strip(b"\x00\t\r\n \xef\xbb\xbf\xff\xfe"):
        raise Unreadable("The file is empty.")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            extra = " Open it in Excel and save it as .xlsx or CSV." if "xls" in what else ""
            raise Unreadable(f"This is {what}, not a spreadsheet or CSV file.{extra}")
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, max_rows)
    if lower.endswith(EXCEL_EXTENSIONS):
        raise Unreadable(
            "The file is named like an Excel workbook but is not one (it may be damaged). "
            "Open it in Excel and save it again as .xlsx, or export it as CSV."
        )
    if not lower.endswith(TEXT_EXTENSIONS):
        ext = lower.rsplit(".", 1)[-1] if "." in lower else ""
        raise Unreadable(
            f"Files of type '.{ext}' cannot be imported."
            if ext
            else "The file name has no extension, so its type is unknown.",
        )
    try:
        text, encoding = textmod.decode(data)
    except textmod.NotText as exc:
        raise Unreadable(f"The file is not a text table: {exc}. Save it as CSV (UTF-8) or .xlsx.") from exc
    if textmod.looks_binary(text):
        raise Unreadable(
            "The file is not a text table: it contains binary data. Save it as CSV (UTF-8) or .xlsx."
        )
    lines = text.splitlines()
    delimiter = textmod.sniff_delimiter(lines[:500])
    try:
        rows = textmod.split_rows(text, delimiter)
    except textmod.NotText as exc:
        raise Unreadable(f"The file cannot be read as a table: {exc}.") from exc
    names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
    return Read([Grid("", rows)], {"encoding": encoding, "delimiter": names[delimiter]})


def _read_xlsx(data: bytes, max_rows: int) -> Read:
    from openpyxl import load_workbook  # imported here: text files never need it

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise Unreadable(
            "The file looks like a workbook but is damaged. Open it in Excel and save it again."
        ) from exc
    if "xl/workbook.xml" not in names:
        what = (
            "a Word document"
            if "word/document.xml" in names
            else ("an OpenDocument spreadsheet" if "content.xml" in names else "a zip archive")
        )
        raise Unreadable(f"This is {what}, not an Excel workbook. Save it as .xlsx or CSV.")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise Unreadable(
            f"The workbook cannot be opened ({type(exc).__name__}). Open it in Excel and save it "
            "again as .xlsx."
        ) from exc
    try:  # the formulas themselves, for cells whose result was never saved (workbooks written by programs)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - the values alone are still usable
        formulas = None
    grids = []
    try:
        for index, ws in enumerate(wb.worksheets):
            rows = []
            other = formulas.worksheets[index].iter_rows(values_only=True) if formulas is not None else None
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if number > max_rows + 200:
                    break
                values = list(values)
                written = next(other, None) if other is not None else None
                if written is not None:
                    for i, (value, raw) in enumerate(zip(values, written, strict=False)):
                        if value is None and isinstance(raw, str) and raw.startswith("="):
                            values[i] = Formula(raw)
                rows.append((number, values))
            while rows and not any(v not in (None, "") for v in rows[-1][1]):
                rows.pop()
            grids.append(Grid(ws.title, rows))
    finally:
        wb.close()
        if formulas is not None:
            formulas.close()
    return Read(grids, {"sheets": [g.sheet for g in grids]})
