"""Real browser journeys: Playwright drives Debian's Chromium against a live `streamlit run` on 127.0.0.1.

A missing /usr/bin/chromium fails these tests (it never skips them). Screenshots of each journey's end go
to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from advisor.requirements import Requirements
from advisor.ui import state
from advisor.ui.i18n import t
from tests.ui.live import (
    ARTIFACTS,
    chat,
    launch_browser,
    snap,
    start_server,
    stop_server,
    top_pick,
    wait_ready,
    wait_text,
    wait_top_pick_change,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LAW_FIRM = "我们是律师事务所，合同数据不能上云，只有一台带 RTX 3090 的工作站，主要做中文合同审查"


@pytest.fixture(scope="session")
def server():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    proc, url, _ = start_server()
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_browser(pw)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.js_errors = errors
    yield pg
    context.close()


def no_traceback(pg) -> None:
    """No traceback, no exception box, and no "something went wrong" either (that would hide a bug)."""
    text = pg.inner_text("body")
    assert "Traceback" not in text and 'File "' not in text
    assert t("en", "err.generic") not in text and t("zh", "err.generic") not in text
    assert pg.locator('[data-testid="stException"]').count() == 0


def url_requirements(url: str) -> Requirements:
    return state.decode({k: v[-1] for k, v in parse_qs(urlparse(url).query).items()})


def test_law_firm_journey_in_chinese_then_the_share_link(server, page, browser, tmp_path):
    page.goto(server + "/?lang=zh")
    wait_ready(page)
    assert page.locator("h1").first.inner_text().endswith("模型顾问")
    before = top_pick(page)
    chat(page, LAW_FIRM)
    wait_text(page, "已理解")
    top = wait_top_pick_change(page, before)
    cards = page.locator('[class*="st-key-pick_"]').all_inner_texts()
    assert cards and all("开放权重" in c and "RTX 3090" in c for c in cards)
    memory = [float(m) for c in cards for m in re.findall(r"需要 ([\d.]+) GB", c)]
    assert len(memory) == len(cards) and max(memory) <= 24
    with page.expect_download() as info:
        page.get_by_role("button", name="Markdown", exact=True).click()
    path = tmp_path / "advice.md"
    info.value.save_as(path)
    markdown = path.read_text(encoding="utf-8")
    top_name = top.split("·", 1)[1].strip()
    assert top_name in markdown and "首选" in markdown
    no_traceback(page)
    snap(page, "journey1_law_firm_zh.png")

    # (2) the address bar carries the requirements: a fresh session restores the same top pick
    shared = page.url
    assert parse_qs(urlparse(shared).query)["lang"] == ["zh"]
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    fresh.goto(shared)
    wait_ready(fresh)
    assert top_pick(fresh) == top
    assert fresh.locator('[data-testid="stChatMessage"]').count() == 1  # no chat leaked across sessions
    snap(fresh, "journey2_shared_link.png")
    fresh.context.close()
    assert not page.js_errors


def test_english_form_for_an_api_budget(server, page):
    page.goto(server + "/requirements")
    wait_ready(page)
    before = top_pick(page)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Deployment").click()
    page.get_by_role("option", name="API", exact=True).click()
    budget = page.get_by_role("spinbutton", name="Budget (USD / month)")
    budget.fill("20")
    page.get_by_role("spinbutton", name="Requests per day").fill("5000")
    page.get_by_role("button", name="Update ranking").click()
    wait_text(page, "Ranking updated.")
    if top_pick(page) == before:
        wait_top_pick_change(page, before)
    cards = page.locator('[class*="st-key-pick_"]').all_inner_texts()
    assert cards and all("API via" in c for c in cards)
    costs = [float(m.replace(",", "")) for c in cards for m in re.findall(r"Monthly cost\s*\$([\d,.]+)", c)]
    assert len(costs) == len(cards) and max(costs) <= 20
    req = url_requirements(page.url)
    assert (
        req.deployment == "api" and req.budget_usd_per_month == 20 and req.workload.requests_per_day == 5000
    )
    no_traceback(page)
    snap(page, "journey3_form_api_budget_en.png")


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1"> ![x](http://127.0.0.1:9/x.png) [click](javascript:window.__pwned=1)',
]


def test_hostile_inputs_execute_nothing(server, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    wait_ready(page)
    for n, message in enumerate(HOSTILE, start=1):
        chat(page, message)
        page.wait_for_function(
            f"document.querySelectorAll('[data-testid=stChatMessage]').length >= {1 + 2 * n}"
        )
        wait_ready(page)
    chat(page, "A" * 10_000)
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=stChatMessage]').length >= 7", timeout=30_000
    )
    wait_ready(page)
    shown = page.locator('[data-testid="stChatMessage"]').all_inner_texts()
    assert any("<script>window.__pwned = 1</script>" in s for s in shown)  # shown as text
    assert "+9,400" in shown[-2] and "I read only the first 4,000 characters" in shown[-1]
    assert page.evaluate("window.__pwned") is None
    assert (
        page.locator(
            '[data-testid="stChatMessage"] img, [data-testid="stChatMessage"] a[href^="javascript"]'
        ).count()
        == 0
    )
    assert not any(":9/x.png" in u for u in requests)
    no_traceback(page)
    snap(page, "journey4_hostile_chat.png")

    page.goto(server + "/requirements")
    wait_ready(page)
    page.get_by_role("spinbutton", name="Budget (USD / month)").fill("-100")
    page.get_by_role("button", name="Update ranking").click()
    wait_text(page, "nothing was changed")
    assert "greater than or equal to 0" in page.inner_text("body")
    no_traceback(page)
    assert url_requirements(page.url) == Requirements()
    assert not page.js_errors
    snap(page, "journey4_negative_budget.png")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_renders_in_the_browser(server, page, lang):
    for path, title in (
        ("", "app.title"),
        ("requirements", "form.title"),
        ("explore", "explore.title"),
        ("data", "data.title"),
    ):
        page.goto(f"{server}/{path}?lang={lang}")
        wait_ready(page)
        assert page.locator("h1").first.inner_text().endswith(t(lang, title))
        no_traceback(page)
        snap(page, f"page_{path or 'advisor'}_{lang}.png")
    assert not page.js_errors
