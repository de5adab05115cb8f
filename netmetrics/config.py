"""Settings from the environment. No Streamlit import: the CLI and tests use this too."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_DIR / "data" / "netmetrics.duckdb"
DEFAULT_DATA_DIR = PROJECT_DIR / "data"


@dataclass(frozen=True)
class Settings:
    db_path: Path
    is_default_db: bool  # the default database is seeded with demo data on first start

    @property
    def label(self) -> str:
        return str(self.db_path)


def settings(db: str | os.PathLike | None = None) -> Settings:
    """Resolve the database path: explicit argument, then NETMETRICS_DB, then data/netmetrics.duckdb."""
    chosen = db or os.environ.get("NETMETRICS_DB")
    if chosen:
        return Settings(db_path=Path(chosen).expanduser().resolve(), is_default_db=False)
    return Settings(db_path=DEFAULT_DB, is_default_db=True)


def data_dir(chosen: str | os.PathLike | None = None) -> Path:
    """Where workspaces and share links live: explicit argument (--data-dir), then NETMETRICS_DATA_DIR,
    then data/. Holds admin.duckdb and workspaces/<slug>.duckdb."""
    chosen = chosen or os.environ.get("NETMETRICS_DATA_DIR")
    return Path(chosen).expanduser().resolve() if chosen else DEFAULT_DATA_DIR


def _positive_int(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def import_limits() -> tuple[int, int]:
    """(max bytes, max rows) a file may have to be imported: NETMETRICS_MAX_FILE_MB (default 200) and
    NETMETRICS_MAX_ROWS (default 2,000,000)."""
    return _positive_int("NETMETRICS_MAX_FILE_MB", 200) * 1024 * 1024, _positive_int("NETMETRICS_MAX_ROWS", 2_000_000)
