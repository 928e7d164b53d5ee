"""AppTest: every page renders in both languages; form, chat, URL and seeded state all reach a ranking."""

from __future__ import annotations

import re

import pytest

from advisor.recommendation import Recommendation
from advisor.requirements import Requirements, RequirementsError
from advisor.ui import chat, state
from advisor.ui.i18n import t
from advisor.ui.safe import md_escape
from tests.ui.conftest import PAGES, open_app

TITLES = {
    "advisor": "app.title",
    "requirements": "form.title",
    "explore": "explore.title",
    "data": "data.title",
}


def plain(markdown: str) -> str:
    """Undo md_escape's backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def cards(at) -> list[str]:
    """Pick-card headings ('#### #1 · Name', unescaped), in rank order."""
    return [plain(m.value) for m in at.markdown if m.value.startswith("#### ")]


def ranking(at) -> Recommendation:
    from advisor.engine import recommend

    return recommend(at.session_state[state.REQ])


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page, lang):
    at = open_app(page, query={"lang": lang} if lang != "en" else None)
    assert_clean(at)
    assert at.title[0].value.endswith(t(lang, TITLES[page]))
    assert any(t(lang, "results.data_as_of", date="") in c.value for c in at.caption) or page == "data"


def test_language_switch_changes_every_label_and_the_url():
    at = open_app()
    assert at.title[0].value.endswith("Model Advisor")
    at.segmented_control(key="lang").set_value("zh").run()
    assert_clean(at)
    assert at.title[0].value.endswith("模型顾问")
    assert at.subheader[0].value.endswith("对话")
    assert at.query_params["lang"] == ["zh"] or at.query_params["lang"] == "zh"


def test_form_submit_reranks_for_a_self_hosted_3090():
    at = open_app("requirements")
    before = cards(at)
    at.selectbox(key="f_privacy").set_value("self_hosted")
    at.selectbox(key="f_gpu").set_value("RTX 3090")
    at.get("form_submit_button")[0].click().run()
    assert_clean(at)
    req = at.session_state[state.REQ]
    assert req.privacy == "self_hosted" and req.hardware.gpu == "RTX 3090"
    rec = ranking(at)
    assert rec.recommendations and all(p.open_weights and p.memory_gb <= 24 for p in rec.recommendations)
    assert cards(at)[0].endswith(rec.recommendations[0].name.strip())
    assert cards(at) != before
    assert any(s.value == t("en", "form.saved") for s in at.success)


def test_form_rejects_a_negative_budget_naming_the_field_and_keeps_the_state():
    at = open_app("requirements")
    at.number_input(key="f_budget").set_value(-50.0)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert len(at.error) == 1 and t("en", "form.budget") in plain(at.error[0].value)
    assert at.session_state[state.REQ] == Requirements()


@pytest.mark.parametrize(
    "lang, message, expect",
    [
        (
            "en",
            "We write Python code; one RTX 4090; data must stay on our servers",
            {"gpu": "RTX 4090", "privacy": "self_hosted", "task": "coding"},
        ),
        (
            "zh",
            "我们是律师事务所，合同数据不能上云，只有一台带 RTX 3090 的工作站，主要做中文合同审查",
            {"gpu": "RTX 3090", "privacy": "self_hosted", "task": "chinese"},
        ),
    ],
)
def test_chat_fills_requirements_and_ranks(lang, message, expect):
    at = open_app(query={"lang": lang} if lang == "zh" else None)
    at.chat_input(key="chat_input").set_value(message).run()
    assert_clean(at)
    req = at.session_state[state.REQ]
    assert (
        req.hardware.gpu == expect["gpu"] and req.privacy == expect["privacy"] and expect["task"] in req.tasks
    )
    rec = ranking(at)
    assert rec.recommendations and all(p.open_weights for p in rec.recommendations)
    assert rec.recommendations[0].name.strip() in cards(at)[0]
    replies = [m for m in at.chat_message if m.name == "assistant"]
    assert t(lang, "chat.understood") in replies[-1].markdown[0].value
    assert state.decode({k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()}) == req


def test_chat_then_form_shows_what_the_chat_understood():
    at = open_app()
    at.chat_input(key="chat_input").set_value("two RTX 4090 GPUs, budget $300 per month").run()
    at._page_hash = __import__("streamlit.util", fromlist=["calc_hash"]).calc_hash("requirements")
    at.run()
    assert_clean(at)
    assert at.selectbox(key="f_gpu").value == "RTX 4090"
    assert at.number_input(key="f_gpu_count").value == 2
    assert at.number_input(key="f_budget").value == 300


def test_preseeded_state_renders_its_results():
    req = Requirements(tasks=["coding"], deployment="api", budget_usd_per_month=50, top_k=3)
    at = open_app(state={state.REQ: req, state.REV: 0, state.CHAT: []})
    assert_clean(at)
    rec = ranking(at)
    assert len(cards(at)) == len(rec.recommendations) == 3
    assert all(p.deployment == "api" and p.monthly_cost_usd <= 50 for p in rec.recommendations)


def test_url_restores_the_requirements_and_bad_links_are_explained():
    req = Requirements(tasks=["coding"], privacy="self_hosted", hardware={"gpu": "RTX 4090"})
    at = open_app(query=state.encode(req))
    assert_clean(at)
    assert at.session_state[state.REQ] == req
    bad = open_app(query={"tasks": "coding,cooking", "colour": "blue"})
    assert not bad.exception
    text = " ".join(w.value for w in bad.warning)
    assert t("en", "err.url") in text and "tasks" in text and "colour" in text
    assert bad.session_state[state.REQ] == Requirements()


def test_what_if_budget_reranks_at_once():
    at = open_app(state={state.REQ: Requirements(deployment="api"), state.REV: 0, state.CHAT: []})
    first = ranking(at).recommendations[0]
    at.number_input(key="wi_budget").set_value(round(first.monthly_cost_usd / 2, 2)).run()
    assert_clean(at)
    req = at.session_state[state.REQ]
    assert req.budget_usd_per_month == round(first.monthly_cost_usd / 2, 2)
    assert all(p.monthly_cost_usd <= req.budget_usd_per_month for p in ranking(at).recommendations)
    assert first.name.strip() not in cards(at)[0]


def test_what_if_weights_override_the_preset():
    at = open_app()
    at.slider(key="wi_w_quality").set_value(100).run()
    assert_clean(at)
    weights = at.session_state[state.REQ].weights
    assert weights and abs(sum(weights.values()) - 1) < 0.01 and max(weights, key=weights.get) == "quality"


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=1"> ![x](http://127.0.0.1:9/x.png) [click](javascript:alert(1))',
    "A" * 10_000,
    "budget -500 dollars a month",
]


@pytest.mark.parametrize("message", HOSTILE, ids=["script", "img-md", "10k", "negative"])
def test_hostile_chat_is_shown_as_text(message):
    at = open_app()
    at.chat_input(key="chat_input").set_value(message).run()
    assert_clean(at)
    shown = [m.markdown[0].value for m in at.chat_message if m.name == "user"][-1]
    if len(message) <= chat.SHOW_CHARS:
        assert plain(shown) == message  # verbatim, as text
    else:
        assert plain(shown).startswith(message[: chat.SHOW_CHARS]) and "+9,400" in shown
    body = shown[: len(md_escape(message[: chat.SHOW_CHARS]))]  # the user's part, without our "(+N more)"
    assert not re.search(r"(?<!\\)[<>\[\]()!]", body), "markup characters must all be escaped"
    assert at.session_state[state.REQ].budget_usd_per_month is None


@pytest.mark.parametrize(
    "req, query",
    [
        (Requirements(), {}),
        (Requirements(tasks=["coding", "chinese"]), {"tasks": "coding,chinese"}),
        (Requirements(hardware={"gpu": "RTX 3090"}), {"hardware.gpu": "RTX 3090"}),
        (
            Requirements(budget_usd_per_month=200.5, open_weights=True),
            {"budget_usd_per_month": "200.5", "open_weights": "true"},
        ),
        (Requirements(workload={"requests_per_day": 5000}), {"workload.requests_per_day": "5000"}),
        (
            Requirements(weights={"quality": 0.7, "cost": 0.3}),
            {"weights.quality": "0.7", "weights.cost": "0.3"},
        ),
    ],
)
def test_share_parameters_are_readable_and_round_trip(req, query):
    assert state.encode(req) == query
    assert state.decode(query | {"lang": "zh"}) == req


@pytest.mark.parametrize(
    "query, named",
    [
        ({"budget_usd_per_month": "-5"}, "budget_usd_per_month"),
        ({"tasks": "cooking"}, "tasks"),
        ({"hardware.gpu_count": "many"}, "hardware.gpu_count"),
        ({"colour": "blue"}, "colour"),
        ({"top_k": "9" * 3000}, "top_k"),
    ],
)
def test_bad_share_parameters_name_the_parameter(query, named):
    with pytest.raises(RequirementsError) as err:
        state.decode(query)
    assert any(p.startswith(named) for p in err.value.problems)


def test_why_not_answers_for_any_catalog_model():
    at = open_app(
        state={
            state.REQ: Requirements(privacy="self_hosted", hardware={"gpu": "RTX 3090"}),
            state.REV: 0,
            state.CHAT: [],
        }
    )
    rec = ranking(at)
    excluded = rec.excluded[0]
    at.selectbox(key="why_not_model").set_value(excluded.model_id).run()
    assert_clean(at)
    answer = plain(at.info[-1].value)
    assert excluded.name.strip() in answer and excluded.reasons[0] in answer
    runner_up = rec.recommendations[1]
    at.selectbox(key="why_not_model").set_value(runner_up.model_id).run()
    assert runner_up.name.strip() in plain(at.info[-1].value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exports_follow_the_language_and_name_the_top_pick(lang):
    from advisor.ui import services

    at = open_app(
        query={"lang": lang}, state={state.REQ: Requirements(tasks=["coding"]), state.REV: 0, state.CHAT: []}
    )
    assert_clean(at)
    labels = [b.label for b in at.get("download_button")]
    assert labels == [t(lang, f"export.{k}") for k in ("md", "json", "csv", "html")]
    req_json = at.session_state[state.REQ].model_dump_json()
    top = ranking(at).recommendations[0].name.strip()
    markdown = services.export("md", req_json, lang)
    assert top in markdown and (("首选" in markdown) == (lang == "zh"))
    assert top in services.export("json", req_json, lang) and top in services.export("csv", req_json, lang)
    assert "<script" not in services.export("html", req_json, lang).lower()


def test_what_if_vram_admits_bigger_models():
    req = Requirements(privacy="self_hosted", hardware={"gpu": "RTX 3090"})
    at = open_app(state={state.REQ: req, state.REV: 0, state.CHAT: []})
    small = max(p.memory_gb for p in ranking(at).recommendations)
    at.number_input(key="wi_vram").set_value(80.0).run()
    assert_clean(at)
    assert at.session_state[state.REQ].hardware.vram_gb == 80
    assert max(p.memory_gb for p in ranking(at).recommendations) > max(small, 24)


def test_two_sessions_do_not_share_state():
    first = open_app()
    first.chat_input(key="chat_input").set_value("one RTX 4090, data must stay on our servers").run()
    second = open_app()
    assert second.session_state[state.REQ] == Requirements() and second.session_state[state.CHAT] == []
    assert first.session_state[state.REQ] != Requirements()


def test_an_unknown_gpu_in_a_link_is_explained_in_place():
    at = open_app(query={"hardware.gpu": "RTX 9999 Ultra"})
    assert not at.exception
    assert len(at.error) == 1 and "RTX 9999 Ultra" in plain(at.error[0].value)
    assert at.chat_input(key="chat_input") is not None  # the rest of the page still works


def test_excluded_models_table_is_built_when_opened():
    seeded = {
        state.REQ: Requirements(privacy="self_hosted", hardware={"gpu": "RTX 3090"}),
        state.REV: 0,
        state.CHAT: [],
    }
    at = open_app(state=seeded)
    assert not at.dataframe
    at.session_state["excluded_box"] = True
    at.run()
    assert_clean(at)
    rec = ranking(at)
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == len(rec.excluded)
