"""README.md and docs/README.md stay true: marked snippets run, and every docs/ link exists.

Convention (documented in README.md, "Tests"): a fenced ```bash or ```python block whose previous line is
`<!-- readme-test -->` or `<!-- readme-test: expect "text" "more text" -->` is run in a temporary directory with
.venv/bin (this interpreter's bin directory) first on PATH. It must exit 0, and its combined output must contain
every expected text. bash blocks run with `set -euo pipefail`, so every command in them must succeed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS_INDEX = ROOT / "docs" / "README.md"
BIN = Path(sys.executable).parent

SNIPPET = re.compile(
    r"^<!-- readme-test(?::\s*(?P<args>.*?))? -->\n```(?P<lang>bash|python)\n(?P<code>.*?)^```",
    re.M | re.S,
)
EXPECT = re.compile(r'"((?:[^"\\]|\\.)*)"')
MARKER = re.compile(r"^<!-- readme-test", re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def snippets(text: str) -> list[tuple[str, str, list[str]]]:
    """(language, code, expected texts) for every marked block, in order."""
    out = []
    for m in SNIPPET.finditer(text):
        expects = [e.replace('\\"', '"') for e in EXPECT.findall(m["args"] or "")]
        out.append((m["lang"], m["code"], expects))
    return out


def test_convention_parses_markers_expectations_and_languages():
    text = (
        '<!-- readme-test: expect "a b" "say \\"hi\\"" -->\n```bash\necho a b\n```\n'
        "<!-- readme-test -->\n```python\nprint(1)\n```\n"
        "```bash\nnot marked\n```\n"
    )
    assert snippets(text) == [
        ("bash", "echo a b\n", ["a b", 'say "hi"']),
        ("python", "print(1)\n", []),
    ]


def test_every_marker_is_attached_to_a_block():
    """A marker followed by anything but a bash/python fence would silently test nothing."""
    text = README.read_text(encoding="utf-8")
    assert len(MARKER.findall(text)) == len(snippets(text)) >= 5


README_SNIPPETS = snippets(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("lang", "code", "expects"),
    README_SNIPPETS,
    ids=[f"{i}-{code.splitlines()[0][:40]}" for i, (_, code, _) in enumerate(README_SNIPPETS)],
)
def test_snippet_runs(tmp_path, lang, code, expects):
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", PYTHONIOENCODING="utf-8")
    env.pop("ADVISOR_LLM_MODEL", None)  # the README examples are the offline ones
    if lang == "bash":
        cmd = ["bash", "-c", "set -euo pipefail\n" + code]
    else:
        cmd = [sys.executable, "-c", code]
    proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, (
        f"README snippet failed (exit {proc.returncode}):\n{code}\n---\n{output[-3000:]}"
    )
    assert "Traceback" not in output, output[-3000:]
    missing = [e for e in expects if e not in output]
    assert not missing, f"README snippet did not print {missing}:\n{code}\n---\n{output[-3000:]}"


@pytest.mark.parametrize("doc", [README, DOCS_INDEX], ids=lambda p: str(p.relative_to(ROOT)))
def test_local_links_exist(doc):
    """Every relative link (docs/*.md and the like) points at a file in the repository."""
    links = [link.split("#")[0] for link in LINK.findall(doc.read_text(encoding="utf-8"))]
    local = [link for link in links if link and not re.match(r"^[a-z]+:", link)]
    assert local, f"{doc.name} links to no local file"
    broken = [link for link in local if not (doc.parent / link).exists()]
    assert not broken, f"{doc.relative_to(ROOT)}: broken links {broken}"


def test_readme_links_every_doc_and_index_lists_every_doc():
    readme = README.read_text(encoding="utf-8")
    index = DOCS_INDEX.read_text(encoding="utf-8")
    docs = sorted(p.name for p in (ROOT / "docs").glob("*.md") if p.name != "README.md")
    assert docs
    assert [d for d in docs if f"(docs/{d})" not in readme] == []
    assert [d for d in docs if f"({d})" not in index] == []
