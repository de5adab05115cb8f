"""Bytes to text and text to rows: encoding detection and delimiter sniffing for CSV/TSV/TXT files."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter

DELIMITERS = (",", ";", "\t", "|")
MAX_FIELD = 64 * 1024 * 1024  # the csv module's default of 128 KB refuses a long notes cell with a cryptic error
if csv.field_size_limit() < MAX_FIELD:
    csv.field_size_limit(MAX_FIELD)


class NotText(ValueError):
    """The bytes are not a text table (binary data, an image, a zip without a workbook inside)."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 (+/- BOM), UTF-16 LE/BE (BOM or evident), cp1252, cp1251."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return _strict(data, "utf-32"), "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be"), "utf-16-be"
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a byte-order mark: ASCII characters leave a zero byte in every other place.
        even_zeros = head[0::2].count(b"\x00")
        odd_zeros = head[1::2].count(b"\x00")
        encoding = "utf-16-be" if even_zeros > odd_zeros else "utf-16-le"
        return _strict(data[: len(data) - len(data) % 2], encoding), encoding
    data = data.rstrip(b"\x00")  # NUL padding left at the end by a crashed save or a broken exporter
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise NotText(
            f"it contains NUL bytes (binary data), the first on line {line}"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if _looks_cyrillic_mojibake(text):
        return data.decode("cp1251", errors="replace"), "cp1251"
    return data.decode("cp1252", errors="strict") if "\ufffd" not in text else text, "cp1252"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotText(f"it is not valid {encoding} text") from exc


def _looks_cyrillic_mojibake(text: str) -> bool:
    """cp1251 Russian read as cp1252 gives mostly À-ÿ letters and few ASCII letters."""
    high = sum(1 for ch in text if "\u00c0" <= ch <= "\u00ff")
    ascii_letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return high > 20 and high > ascii_letters


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def looks_binary(text: str) -> bool:
    """Many control or replacement characters: not a text table."""
    sample = text[:20000]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > max(3, len(sample) // 100)


def sniff_delimiter(lines: list[str]) -> str:
    """Pick the delimiter that splits the most lines into the same number (>1) of fields."""
    sample = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")][:200]
    if not sample:
        return ","
    best, best_score = ",", (0.0, 0)
    for delim in DELIMITERS:
        widths = [len(r) for r in csv.reader(sample, delimiter=delim)]
        counts = Counter(w for w in widths if w > 1)
        if not counts:
            continue
        width, n = counts.most_common(1)[0]
        score = (n / len(sample), width)
        if score > best_score:
            best, best_score = delim, score
    return best


def split_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Rows with their line numbers as a text editor or spreadsheet shows them (1-based)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    try:
        for record in reader:
            rows.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise NotText(f"line {line} cannot be read as a table ({exc})") from exc
    return rows
