"""Import: upload files, see what each was recognised as, fix the mapping, confirm; then the charts."""

from pathlib import Path

import streamlit as st

from netmetrics.ui import components, import_view

OVERVIEW = Path(__file__).resolve().parent / "overview.py"
WEB_TRAFFIC = Path(__file__).resolve().parent / "web_traffic.py"  # where imports of GA files only land

ctx = components.page_header("Import")
import_view.follow_import(OVERVIEW, WEB_TRAFFIC if WEB_TRAFFIC.exists() else None)
import_view.template_downloads()

uploads = import_view.uploader()
if not uploads:
    st.info("Choose one or more files: your tracker spreadsheet, an event log, a workbook like the template, "
            "or Google Analytics CSV downloads. You will see how each is read before anything is stored.",
            icon=":material/upload_file:")
    st.stop()

parsed = [(key, import_view.file_section(key, name, data)) for key, name, data in uploads]
import_view.confirm(parsed)
