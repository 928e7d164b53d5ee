"""The app's LLM journey in headless Chromium: configure the local model in the sidebar, ask about the
recommendation, watch the answer arrive (LLM text or the engine's explanation with the reason), then kill
the LLM server and see the deterministic fallback within 30 s. Reuses the app's live-server helpers."""

from __future__ import annotations

import pytest

from advisor.llm_local import LocalServer

from ..ui.live import ARTIFACTS, launch_browser, snap, start_server, stop_server, wait_ready, wait_text
from .conftest import SECRET

pytestmark = [pytest.mark.llm_e2e, pytest.mark.browser, pytest.mark.xdist_group("llm")]
VERDICTS = ("Explained by openai/smollm2", "Showing the engine's own explanation")


@pytest.fixture
def app_and_llm(monkeypatch):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("ADVISOR_LLM_TIMEOUT", "300")  # a loaded 2-core machine: let the first prompt finish
    llm_server = LocalServer(log=ARTIFACTS / "llm-server-browser.log").start()
    proc, url, _ = start_server()
    try:
        yield url, llm_server
    finally:
        stop_server(proc)
        llm_server.stop()


def verdict(page) -> str:
    page.wait_for_function(
        "(marks) => marks.some(m => document.body.innerText.includes(m))", arg=list(VERDICTS), timeout=900_000
    )
    wait_ready(page, 60_000)
    return page.locator("body").inner_text()


def ask(page, question: str) -> None:
    box = page.get_by_role("textbox", name="Your question")
    box.fill(question)
    page.get_by_role("button", name="Explain").click()


def test_llm_journey_with_fallback(app_and_llm):
    from playwright.sync_api import sync_playwright

    url, llm_server = app_and_llm
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        wait_ready(page, 60_000)
        page.get_by_text("🤖 LLM (optional)").click()
        for label, value in (
            ("Model (litellm name)", llm_server.model),
            ("API base (OpenAI-compatible server)", llm_server.api_base),
            ("API key (this session only, never shown or saved)", SECRET),
        ):
            field = page.get_by_role("textbox", name=label)
            field.fill(value)
            field.press("Enter")
            wait_ready(page)
        wait_text(page, "Using openai/smollm2 (from sidebar)")

        ask(page, "Why is the top pick first?")
        body = verdict(page)
        snap(page, "llm-journey-answer.png")
        if "Showing the engine's own explanation" in body:
            assert "grounding check failed" in body  # the model answered; its answer failed the check
        assert SECRET not in body and SECRET not in page.url

        llm_server.kill()
        page.get_by_role("textbox", name="Your question").fill("What would change the answer?")
        started = page.evaluate("Date.now()")
        page.get_by_role("button", name="Explain").click()
        page.wait_for_function(
            "() => document.body.innerText.includes('did not answer')", timeout=30_000
        )  # the deterministic fallback, within 30 s of asking
        elapsed_s = (page.evaluate("Date.now()") - started) / 1000
        snap(page, "llm-journey-fallback.png")
        assert elapsed_s < 30
        browser.close()
