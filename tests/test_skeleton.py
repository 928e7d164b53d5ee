"""The package's seams: importable without streamlit or litellm; the CLI never shows a traceback."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def test_python_api_imports_without_streamlit_or_litellm():
    code = "import sys, advisor, advisor.requirements; assert 'streamlit' not in sys.modules; assert 'litellm' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _imports(text: str, module: str) -> bool:
    return (
        re.search(rf"^\s*(import {module}\b|from {module}(\.\w+)* import )", text, re.MULTILINE) is not None
    )


def test_only_the_ui_imports_streamlit_and_only_llm_imports_litellm():
    for path in (ROOT / "advisor").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith("advisor/ui/"):
            assert not _imports(text, "streamlit"), rel
        if rel != "advisor/llm.py":
            assert not _imports(text, "litellm"), rel


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_no_compromised_litellm_is_pinned():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "litellm==1.106.2" in lock
    for bad in ("litellm==1.107.", "litellm==1.82.7", "litellm==1.82.8"):
        assert bad not in lock
