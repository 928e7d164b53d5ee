"""AppTest helpers for the UI tests (the live-browser fixtures are in test_browser.py)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
PAGES = ("advisor", "requirements", "explore", "data")


def open_app(page: str = "advisor", query: dict | None = None, state: dict | None = None) -> AppTest:
    """Run the real app (streamlit_app.py) on `page`; cold runs load the catalog, hence the 30 s timeout."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(query or {})
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    if page != "advisor":
        # st.navigation pages are functions: AppTest.switch_page only knows files, so select the page the way
        # a browser does, by the hash of its url_path (what st.Page uses as the page id).
        at._page_hash = calc_hash(page)
        at.run()
    return at
