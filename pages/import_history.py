"""Import history: every import (file, kind, rows, date range, when) and undo for each."""

from netmetrics.ui import components, import_view

ctx = components.page_header("Import history")
import_view.history()
