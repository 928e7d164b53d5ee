"""A live `streamlit run` on 127.0.0.1 and headless Debian Chromium, shared by the browser tests and
benchmarks/ui.py. Chromium missing is an error (CI must fail, not skip)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "tests" / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int | None = None, timeout: float = 60.0) -> tuple[subprocess.Popen, str, float]:
    """Start the app; return (process, base URL, seconds until /_stcore/health answered)."""
    port = port or free_port()
    env = os.environ | {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "PYTHONUNBUFFERED": "1"}
    for var in (
        "OPENAI_API_KEY",
        "ANTHROPIC_API_KEY",
        "GEMINI_API_KEY",
        "DEEPSEEK_API_KEY",
        "ADVISOR_LLM_MODEL",
    ):
        env.pop(var, None)
    cmd = [
        str(Path(sys.executable).parent / "streamlit"), "run", "streamlit_app.py",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.fileWatcherType", "none", "--global.developmentMode", "false",
    ]  # fmt: skip
    log = (
        open(ARTIFACTS.parent / "artifacts" / f"streamlit-{port}.log", "w")
        if ARTIFACTS.exists()
        else subprocess.DEVNULL
    )
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {proc.returncode}; see tests/artifacts/streamlit-{port}.log"
            )
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as resp:
                if resp.status == 200:
                    return proc, url, time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    stop_server(proc)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def launch_browser(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make browser` (scripts/setup-browser.sh)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def wait_ready(page, timeout_ms: int = 30_000) -> None:
    """The script run has finished and the page is drawn: nothing running, no lazy element still loading."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-testid="stSkeleton"]')
                && !document.querySelector('[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]');
        }""",
        timeout=timeout_ms,
    )


def chat(page, text: str) -> None:
    """Type into the chat box and send (Enter)."""
    box = page.locator('[data-testid="stChatInputTextArea"]')
    box.fill(text)
    box.press("Enter")


def top_pick(page) -> str:
    """The first pick card's heading text ('#1 · Name' or '第 1 名 · Name')."""
    return page.locator(".st-key-pick_1 h4").first.inner_text().strip()


def wait_top_pick_change(page, before: str, timeout_ms: int = 30_000) -> str:
    page.wait_for_function(
        """(before) => {
            const h = document.querySelector('.st-key-pick_1 h4');
            return h && h.innerText.trim() !== before;
        }""",
        arg=before,
        timeout=timeout_ms,
    )
    wait_ready(page, timeout_ms)
    return top_pick(page)


def wait_text(page, text: str, timeout_ms: int = 30_000) -> None:
    page.wait_for_function("(t) => document.body.innerText.includes(t)", arg=text, timeout=timeout_ms)
    wait_ready(page, timeout_ms)


def snap(page, name: str) -> Path:
    """Screenshot the whole app (Streamlit scrolls inside its main area, so grow the viewport to fit)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(...['[data-testid="stMain"]', '[data-testid="stMainBlockContainer"]', 'body']
            .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(size["height"], height + 40), 6000)})
    page.wait_for_timeout(300)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path
