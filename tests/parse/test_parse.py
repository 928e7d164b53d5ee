"""The rule-based parser, as a table of phrases (English and 中文) and the fields they must set."""

from __future__ import annotations

import pytest

from advisor.parse import parse_text
from advisor.parse.quantities import CNY_PER_USD, USD_PER_EUR, cn_int, to_number
from advisor.requirements import Requirements

LAW_FIRM = "我们是律师事务所，合同数据不能上云，只有一台带 RTX 3090 的工作站，主要做中文合同审查"


def get(req: Requirements, path: str):
    node = req
    for key in path.split("."):
        node = getattr(node, key)
    return node


# phrase, {dotted field: expected value}; list fields mean "contains all of these"
CASES = [
    # GPUs and counts
    ("两张3090", {"hardware.gpu": "RTX 3090", "hardware.gpu_count": 2}),
    ("2x RTX 4090", {"hardware.gpu": "RTX 4090", "hardware.gpu_count": 2}),
    ("2×4090", {"hardware.gpu": "RTX 4090", "hardware.gpu_count": 2}),
    ("we have a 4090", {"hardware.gpu": "RTX 4090", "hardware.gpu_count": 1}),
    ("dual 3090s", {"hardware.gpu": "RTX 3090", "hardware.gpu_count": 2}),
    ("3090 x2", {"hardware.gpu": "RTX 3090", "hardware.gpu_count": 2}),
    ("8卡H100", {"hardware.gpu_count": 8}),
    ("四卡A100", {"hardware.gpu_count": 4}),
    ("一台带 RTX 3090 的工作站", {"hardware.gpu": "RTX 3090", "hardware.gpu_count": 1}),
    ("A100 80GB", {"hardware.gpu": "A100 80GB", "hardware.gpu_count": 1}),
    ("4x A100 80GB", {"hardware.gpu": "A100 80GB", "hardware.gpu_count": 4}),
    ("M4 Max 128GB", {"hardware.gpu": "Apple M4 Max", "hardware.unified_memory_gb": 128}),
    ("Mac Studio M2 Ultra with 192GB", {"hardware.gpu": "Apple M2 Ultra", "hardware.unified_memory_gb": 192}),
    ("RTX 4060 Ti 16GB", {"hardware.gpu": "RTX 4060 Ti", "hardware.vram_gb": 16}),
    ("no GPU, 32GB RAM", {"hardware.gpu": None, "hardware.ram_gb": 32}),
    # memory
    ("16GB RAM", {"hardware.ram_gb": 16}),
    ("192GB", {"hardware.ram_gb": 192}),
    ("显存24G", {"hardware.vram_gb": 24}),
    ("24GB VRAM", {"hardware.vram_gb": 24}),
    ("64G内存", {"hardware.ram_gb": 64}),
    ("RTX 4090 and 64GB RAM", {"hardware.gpu": "RTX 4090", "hardware.ram_gb": 64}),
    # budgets (converted to USD per month)
    ("$500/month", {"budget_usd_per_month": 500}),
    ("5k a month", {"budget_usd_per_month": 5000}),
    ("budget of $1,200 per month", {"budget_usd_per_month": 1200}),
    ("$6000 per year", {"budget_usd_per_month": 500}),
    ("每月2000元", {"budget_usd_per_month": round(2000 / CNY_PER_USD, 2)}),
    ("月预算3000块钱", {"budget_usd_per_month": round(3000 / CNY_PER_USD, 2)}),
    ("预算每年12万", {"budget_usd_per_month": round(10000 / CNY_PER_USD, 2)}),
    ("¥5000 per month", {"budget_usd_per_month": round(5000 / CNY_PER_USD, 2)}),
    ("2000 RMB a month", {"budget_usd_per_month": round(2000 / CNY_PER_USD, 2)}),
    ("每月1.5万人民币", {"budget_usd_per_month": round(15000 / CNY_PER_USD, 2)}),
    ("€1000 a month", {"budget_usd_per_month": round(1000 * USD_PER_EUR, 2)}),
    # workload
    ("3k requests a day", {"workload.requests_per_day": 3000}),
    ("20k requests/day", {"workload.requests_per_day": 20000}),
    ("90k requests per month", {"workload.requests_per_day": 3000}),
    ("每天1万次", {"workload.requests_per_day": 10000}),
    ("日均5000次请求", {"workload.requests_per_day": 5000}),
    ("每天大概3000个请求", {"workload.requests_per_day": 3000}),
    (
        "prompts of about 2k tokens and 500 output tokens",
        {"workload.input_tokens": 2000, "workload.output_tokens": 500},
    ),
    ("1500 tokens per request", {"workload.input_tokens": 1500}),
    ("输入2000个token，输出500个token", {"workload.input_tokens": 2000, "workload.output_tokens": 500}),
    ("we process 500 documents a day", {"workload.requests_per_day": 500}),
    ("每天处理200份合同", {"workload.requests_per_day": 200}),
    ("each request is about 3000 tokens", {"workload.input_tokens": 3000}),
    ("I have 3 RTX 3090s", {"hardware.gpu": "RTX 3090", "hardware.gpu_count": 3}),
    # context and speed
    ("128k context", {"min_context_tokens": 128000}),
    ("a context window of at least 32k", {"min_context_tokens": 32000}),
    ("上下文至少128k", {"min_context_tokens": 128000}),
    ("1M context", {"min_context_tokens": 1_000_000}),
    ("at least 30 tokens/s", {"min_tokens_per_s": 30}),
    ("每秒至少20个token", {"min_tokens_per_s": 20}),
    # privacy and deployment
    ("data can't leave our network", {"privacy": "self_hosted"}),
    ("must run on-prem", {"privacy": "self_hosted"}),
    ("patient records must stay on our network", {"privacy": "self_hosted"}),
    ("the data must remain within our infrastructure", {"privacy": "self_hosted"}),
    ("air-gapped environment", {"privacy": "self_hosted"}),
    ("不能出内网", {"privacy": "self_hosted"}),
    ("合同数据不能上云", {"privacy": "self_hosted"}),
    ("本地部署", {"privacy": "self_hosted"}),
    ("数据不能外传", {"privacy": "self_hosted"}),
    ("we can't send patient data outside", {"privacy": "self_hosted"}),
    ("data must stay in-house", {"privacy": "self_hosted"}),
    ("离线使用，不联网", {"privacy": "self_hosted"}),
    ("no training on our data", {"privacy": "no_training"}),
    ("数据不能用于训练", {"privacy": "no_training"}),
    ("we'd just use an API", {"deployment": "api"}),
    # license, weights, region
    ("商用", {"license": "commercial"}),
    ("for a commercial product", {"license": "commercial"}),
    ("permissive license like Apache 2.0", {"license": "permissive"}),
    ("open-weights only", {"open_weights": True}),
    ("国内", {"region": "cn"}),
    ("中国大陆用户", {"region": "cn"}),
    ("we are in the EU", {"region": "eu"}),
    ("GDPR compliant", {"region": "eu"}),
    # tasks
    ("coding assistant", {"tasks": ["coding"]}),
    ("写代码", {"tasks": ["coding"]}),
    ("编程", {"tasks": ["coding"]}),
    ("math tutoring", {"tasks": ["math"]}),
    ("数学题", {"tasks": ["math"]}),
    ("legal review of contracts", {"tasks": ["general"]}),
    ("summarizing medical records", {"tasks": ["general"]}),
    ("合同审查", {"tasks": ["general", "chinese"], "languages": ["zh"]}),
    ("creative writing", {"tasks": ["creative_writing"]}),
    ("写作", {"tasks": ["creative_writing", "chinese"]}),
    ("build agents", {"tasks": ["agents"]}),
    ("智能体", {"tasks": ["agents"]}),
    ("看图", {"tasks": ["vision"], "capabilities": ["vision"]}),
    ("OCR of scanned invoices", {"tasks": ["vision"], "capabilities": ["vision"]}),
    ("前端开发", {"tasks": ["webdev"]}),
    ("long documents", {"tasks": ["long_context"]}),
    ("长文本", {"tasks": ["long_context", "chinese"]}),
    ("customer support chatbot", {"tasks": ["multi_turn"]}),
    ("translation", {"tasks": ["multilingual"]}),
    # languages
    ("answers in Chinese", {"languages": ["zh"], "tasks": ["chinese"]}),
    ("中文", {"languages": ["zh"]}),
    ("English and Japanese", {"languages": ["en", "ja"]}),
    # capabilities
    ("tool calling", {"capabilities": ["tool_calling"]}),
    ("function calling", {"capabilities": ["tool_calling"]}),
    ("工具调用", {"capabilities": ["tool_calling"]}),
    ("JSON output", {"capabilities": ["structured_output"]}),
    ("structured output", {"capabilities": ["structured_output"]}),
    ("a reasoning model", {"capabilities": ["reasoning"]}),
    ("we want to fine-tune it", {"capabilities": ["fine_tuning"]}),
    ("微调", {"capabilities": ["fine_tuning"]}),
    # priority, top-k
    ("the cheapest option", {"priority": "cost"}),
    ("best quality possible", {"priority": "quality"}),
    ("low latency", {"priority": "speed"}),
    ("show the top 3", {"top_k": 3}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_phrase_sets_fields(text, expected):
    req = parse_text(text).requirements
    for path, want in expected.items():
        got = get(req, path)
        if isinstance(want, list):
            assert set(want) <= set(got), (path, got)
        elif isinstance(want, float | int) and not isinstance(want, bool):
            assert got == pytest.approx(want), (path, got)
        else:
            assert got == want, (path, got)


def test_law_firm_sentence():
    r = parse_text(LAW_FIRM)
    req = r.requirements
    assert req.privacy == "self_hosted" and req.self_hosted_only
    assert req.hardware is not None and req.hardware.gpu == "RTX 3090" and req.hardware.gpu_count == 1
    assert "chinese" in req.tasks and "general" in req.tasks
    assert req.languages == ["zh"]
    assert r.lang == "zh"
    assert "hardware" not in r.missing and "privacy" not in r.missing
    assert any("RTX 3090" in u for u in r.understood)


@pytest.mark.parametrize(
    "text, not_expected",
    [
        ("不需要工具调用，只写代码", {"capabilities": "tool_calling"}),
        ("we don't need vision", {"capabilities": "vision"}),
        ("not open source", {"open_weights": True}),
        ("cheap but the best quality", {"priority": "cost"}),
        ("3k requests a day", {"budget_usd_per_month": 3000}),
        ("128k context", {"workload.input_tokens": 128000}),
        ("1080p video", {"hardware": "anything"}),
        ("每月3090元", {"hardware": "anything"}),
    ],
)
def test_phrase_does_not_set(text, not_expected):
    req = parse_text(text).requirements
    for path, value in not_expected.items():
        got = get(req, path)
        if path == "hardware":
            assert got is None
        elif isinstance(got, list):
            assert value not in got
        else:
            assert got != value


def test_budget_conversion_states_the_rate():
    r = parse_text("每月2000元")
    assert any(f"{CNY_PER_USD:g}" in u and "2026-12-01" in u for u in r.understood)
    r = parse_text("¥2000 a month")
    assert any("CNY per USD" in u for u in r.understood)


@pytest.mark.parametrize(
    "text", ["budget -500 dollars", "$-300 a month", "预算-2000元", "-5 requests a day", "context -128k"]
)
def test_negative_numbers_are_refused_and_said(text):
    r = parse_text(text)
    assert r.requirements.budget_usd_per_month is None
    assert r.requirements.workload.requests_per_day == 1000
    assert r.requirements.min_context_tokens is None
    assert any("negative" in x or "负数" in x for x in r.ignored)


def test_out_of_range_values_are_ignored_not_invalid():
    r = parse_text("99x RTX 4090, 999999999999 requests a day, 10000000000k context")
    assert r.requirements.hardware is None or r.requirements.hardware.gpu_count <= 64
    assert r.requirements.workload.requests_per_day <= 1e9
    assert r.ignored


def test_merges_onto_base_and_keeps_base_fields():
    base = parse_text("2x RTX 4090, coding").requirements
    merged = parse_text("每月2000元, no training on our data", base=base).requirements
    assert merged.hardware.gpu == "RTX 4090" and merged.hardware.gpu_count == 2
    assert merged.tasks == ["coding"]
    assert merged.budget_usd_per_month == pytest.approx(2000 / CNY_PER_USD, abs=0.01)
    assert merged.privacy == "no_training"
    swapped = parse_text("actually one A100 80GB", base=merged).requirements
    assert swapped.hardware.gpu == "A100 80GB" and swapped.hardware.gpu_count == 1


@pytest.mark.parametrize(
    "text, first_missing, follow_up_word",
    [
        ("", "hardware", "hardware"),
        ("数据不能出内网", "hardware", "显卡"),
        ("2x RTX 4090, data can't leave our network", "workload", "requests"),
        ("we use an API, $500/month", "privacy", "cloud"),
        ("$500/month", "hardware", "hardware"),
    ],
)
def test_missing_and_follow_up_in_the_texts_language(text, first_missing, follow_up_word):
    r = parse_text(text)
    assert r.missing and r.missing[0] == first_missing
    assert follow_up_word in r.follow_up


def test_follow_up_language_defaults_for_textless_input():
    assert parse_text("12345", default_lang="zh").lang == "zh"
    assert parse_text("12345").lang == "en"


@pytest.mark.parametrize(
    "raw, value",
    [
        ("3k", 3000),
        ("1.5万", 15000),
        ("10,000", 10000),
        ("两千", 2000),
        ("十万", 100000),
        ("一万", 10000),
        ("-500", -500),
        ("2w", 20000),
    ],
)
def test_numbers_as_people_write_them(raw, value):
    assert to_number(raw) == value


def test_chinese_numerals():
    assert cn_int("两千五百") == 2500 and cn_int("十二") == 12 and cn_int("三") == 3


def test_api_mention_does_not_override_keeping_data_in_house():
    req = parse_text("we'd use an API but data can't leave our network").requirements
    assert req.privacy == "self_hosted" and req.deployment == "any"


def test_gpu_names_are_checked_against_the_gpu_table():
    r = parse_text("2x RTX 2050")  # a laptop GPU the table does not list
    assert r.requirements.hardware is None
    assert any("RTX 2050" in x and "advisor gpus" in x for x in r.ignored)


def test_unknown_gpu_is_dropped_and_a_broken_table_keeps_the_name(monkeypatch):
    import advisor.hardware.table as table
    from advisor.errors import UnknownGPUError

    def unknown(name, path=None):
        raise UnknownGPUError(f"Unknown GPU '{name}' — did you mean 'RTX 4090'?")

    monkeypatch.setattr(table, "parse_gpu_name", unknown)
    r = parse_text("两张4090")
    assert r.requirements.hardware is None and any("did you mean" in x for x in r.ignored)
    assert "hardware" in r.missing

    def broken(name, path=None):
        raise RuntimeError("table being rebuilt")

    monkeypatch.setattr(table, "parse_gpu_name", broken)
    assert parse_text("两张4090").requirements.hardware.gpu == "RTX 4090"


@pytest.mark.parametrize(
    "text", ["GPT-4 costs $30 per 1M tokens", "Say that gpt-oss-120b costs $0.", "2000元"]
)
def test_a_price_is_not_a_budget(text):
    r = parse_text(text)
    assert r.requirements.budget_usd_per_month is None and r.ignored


def test_a_bare_amount_answers_the_budget_question():
    asked = parse_text("我们用API")
    assert asked.missing[0] == "budget" and "预算" in asked.follow_up
    answer = parse_text("2000元", base=asked.requirements)
    assert answer.requirements.budget_usd_per_month == pytest.approx(2000 / CNY_PER_USD, abs=0.01)
    assert answer.lang == "zh" and answer.requirements.deployment == "api"
