"""Bytes to typed tables: sniffing, header synonyms, GA parsers, validation, and storing in one transaction.

Pure Python over bytes: no Streamlit here; the database is reached only through netmetrics.db.Database.
"""

from netmetrics.ingest.model import (
    TABLE_COLUMNS,
    ImportOptions,
    ParsedFile,
    ParsedTable,
    Problem,
    SkippedRow,
)
from netmetrics.ingest.parse import parse_upload
from netmetrics.ingest.store import ImportResult, commit, list_imports, undo

__all__ = [
    "TABLE_COLUMNS",
    "ImportOptions",
    "ImportResult",
    "ParsedFile",
    "ParsedTable",
    "Problem",
    "SkippedRow",
    "commit",
    "list_imports",
    "parse_upload",
    "undo",
]
