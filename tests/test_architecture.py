"""Imports flow one way (STYLE.md): app.py, pages/ -> netmetrics.ui -> engine modules -> db -> duckdb."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "netmetrics"


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def package_files():
    return [p for p in PACKAGE.rglob("*.py")]


def test_only_db_imports_duckdb():
    offenders = [p.relative_to(ROOT) for p in package_files() + list((ROOT / "pages").glob("*.py"))
                 + [ROOT / "app.py"] if p.name != "db.py" and any(
                     n == "duckdb" or n.startswith("duckdb.") for n in imports_of(p))]
    assert offenders == []


def test_only_ui_imports_streamlit():
    offenders = [p.relative_to(ROOT) for p in package_files()
                 if "ui" not in p.relative_to(PACKAGE).parts[:1]
                 and any(n == "streamlit" or n.startswith("streamlit.") for n in imports_of(p))]
    assert offenders == []


def test_engine_never_imports_ui_and_ingest_never_imports_pages():
    offenders = [p.relative_to(ROOT) for p in package_files()
                 if "ui" not in p.relative_to(PACKAGE).parts[:1]
                 and any(n.startswith("netmetrics.ui") for n in imports_of(p))]
    assert offenders == []


def test_pages_do_not_touch_the_database_directly():
    forbidden = ("netmetrics.db", "duckdb", "netmetrics.ingest.store")
    offenders = [p.name for p in list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
                 if any(n.startswith(forbidden) for n in imports_of(p))]
    assert offenders == []


def test_the_checker_sees_a_wrong_way_arrow(tmp_path):
    bad = tmp_path / "queries.py"
    bad.write_text("import streamlit as st\nfrom netmetrics.ui import context\n")
    assert {"streamlit", "netmetrics.ui"} <= imports_of(bad)
