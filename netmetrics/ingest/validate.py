"""Row-level checks collected per table, turned into problems for people (what, where, what to do)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from netmetrics.ingest.model import Problem, SkippedRow

MAX_LISTED = 30  # problems listed one by one per table; the rest are summarised


@dataclass
class RowIssues:
    """Errors found in the rows of one table, keyed by the row's position in the table's frame."""

    file: str
    sheet: str | None
    line_numbers: list[int]  # frame position -> row number as the user sees it
    issues: dict[int, list[tuple[str | None, str, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, position: int, column: str | None, message: str, hint: str) -> None:
        self.issues[position].append((column, message, hint))

    def usable(self, keep: np.ndarray, skip_bad_rows: bool) -> np.ndarray:
        """The rows to store (a new mask): the kept ones, less those with issues when bad rows are skipped."""
        use = keep.copy()
        if skip_bad_rows:
            use[list(self.issues)] = False
        return use

    def problems(self, skip_bad_rows: bool) -> tuple[list[Problem], list[SkippedRow]]:
        """Errors (file refused) or, with skip_bad_rows, warnings plus the list of skipped rows."""
        problems: list[Problem] = []
        skipped: list[SkippedRow] = []
        severity = "warning" if skip_bad_rows else "error"
        for n, pos in enumerate(sorted(self.issues)):
            row = self.line_numbers[pos]
            entries = self.issues[pos]
            if skip_bad_rows:
                skipped.append(SkippedRow(self.sheet, row, "; ".join(m for _c, m, _h in entries)))
            if n < MAX_LISTED:
                for column, message, hint in entries:
                    if skip_bad_rows:
                        hint = "This row was skipped."
                    problems.append(Problem(self.file, self.sheet, row, column, message, hint, severity,
                                            row_level=True))
        extra = len(self.issues) - MAX_LISTED
        if extra > 0:
            problems.append(
                Problem(
                    self.file,
                    self.sheet,
                    None,
                    None,
                    f"{extra} more rows have problems like the ones above.",
                    "Fix them the same way." if not skip_bad_rows else "They were skipped.",
                    severity,
                    row_level=True,
                )
            )
        if self.issues and not skip_bad_rows:
            problems.append(
                Problem(
                    self.file,
                    self.sheet,
                    None,
                    None,
                    f"Nothing from this file was stored because {len(self.issues)} row(s) have problems.",
                    "Fix the rows listed and upload the file again, or choose 'skip bad rows' to store the "
                    "other rows and leave these out.",
                    "error",
                )
            )
        return problems, skipped


def too_big(file: str, size: int, max_bytes: int) -> Problem:
    return Problem(
        file,
        None,
        None,
        None,
        f"The file is {_mb(size)}, more than the limit of {_mb(max_bytes)}.",
        "Split it into smaller files (for example one per year) and upload them one by one.",
    )


def too_many_rows(file: str, sheet: str | None, rows: int, max_rows: int) -> Problem:
    return Problem(
        file,
        sheet,
        None,
        None,
        f"The file has more than {max_rows:,} rows (at least {rows:,}).",
        "Split it into smaller files (for example one per year) and upload them one by one.",
    )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"
