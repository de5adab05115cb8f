"""AppTest's entry point: runs the real app.py.

AppTest re-detects Streamlit's legacy `pages/` folder mode on every run when the main script sits
next to a `pages/` folder, and then reruns page scripts without app.py (a real server leaves that
mode after its first st.navigation call). Starting from this folder, which has no `pages/`, keeps
AppTest on st.navigation like the real server.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[2] / "app.py"), run_name="__main__")
