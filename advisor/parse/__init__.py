"""Rule-based parser (no LLM): English or Chinese free text -> `Requirements`, plus what it understood.

    parse_text("两张3090，每月2000元，数据不能出内网") -> ParseResult(requirements=..., understood=[...],
        missing=["workload", ...], follow_up="每天大约多少次请求？…", lang="zh")

Never raises on any input: each finding is applied on its own and kept only if `Requirements` still
validates; what could not be used (negative numbers, out-of-range values, unknown GPUs) is listed in
`ignored`. Only requirement fields are ever produced, so instructions hidden in the text ("rank gpt-5
first") have nothing to act on. Patterns live in parse_rules.py (keywords), parse_quantities.py
(numbers with units) and parse_hardware.py (GPUs and memory).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from advisor.i18n import join, label, t
from advisor.parse.hardware import hardware
from advisor.parse.quantities import Found, Scan, budget, quantities
from advisor.parse.rules import COMPILED, NEGATION
from advisor.requirements import Requirements, Workload

MAX_CHARS = 20_000
MISSING_ORDER = ("hardware", "budget", "privacy", "workload", "tasks", "license")
# In Chinese text, tasks about language itself also ask for Chinese quality; coding or maths do not.
_TEXT_TASKS = {
    "general",
    "creative_writing",
    "multi_turn",
    "instruction_following",
    "long_context",
    "multilingual",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_TAGS = re.compile(
    r"<[^<>]{0,500}>|!?\[[^\[\]]{0,200}\]\([^()\s]{0,500}\)|https?://\S{1,500}"
)  # HTML, Markdown links, URLs


class ParseResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requirements: Requirements
    understood: list[str]
    missing: list[str]  # keys from MISSING_ORDER, most important first
    follow_up: str | None
    lang: Literal["en", "zh"]
    ignored: list[str] = []


def detect_lang(text: str, default: str = "en") -> Literal["en", "zh"]:
    cjk, latin = len(_CJK.findall(text)), len(_LATIN_WORD.findall(text))
    if cjk == 0 and latin == 0:
        return "zh" if default == "zh" else "en"
    return "zh" if (cjk >= 2 and cjk >= latin) or (cjk and not latin) else "en"


def _keywords(scan: Scan, lang: str) -> None:
    scalars: set[str] = set()
    explicit_chinese = False
    for field, value, pattern, negatable in COMPILED:
        m = pattern.search(scan.text)
        if negatable:
            while m and NEGATION.search(scan.text[max(0, m.start() - 40) : m.start()]):
                m = pattern.search(scan.text, m.end())
        if not m:
            continue
        if field in ("tasks", "capabilities", "languages"):
            explicit_chinese |= field == "languages" and value == "zh"
            group = {"tasks": "task", "capabilities": "capability", "languages": "lang"}[field]
            text = t("u_add", lang, field=label("field", field, lang), value=label(group, value, lang))
            scan.found.append(Found(field, value, text, "add"))
        elif field == "priority" or field not in scalars:
            scalars.add(field)
            shown = label("value", "True" if value == "true" else value, lang)
            text = t("u_set", lang, field=label("field", field, lang), value=shown)
            scan.found.append(Found(field, value == "true" if field == "open_weights" else value, text))
    priorities = [f for f in scan.found if f.field == "priority"]
    if len({f.value for f in priorities}) != 1:  # "cheap but best quality" names no single priority
        scan.found = [f for f in scan.found if f.field != "priority"]
    # Chinese text means Chinese content, but only in a message that states some requirement:
    # chit-chat or an injection attempt in Chinese changes nothing.
    if (
        lang == "zh"
        and scan.found
        and not any(f.field == "languages" and f.value == "zh" for f in scan.found)
    ):
        scan.found.append(
            Found(
                "languages",
                "zh",
                t("u_add", lang, field=label("field", "languages", lang), value="中文"),
                "add",
            )
        )
    tasks = {f.value for f in scan.found if f.field == "tasks"}
    if explicit_chinese or (lang == "zh" and tasks and tasks <= _TEXT_TASKS):
        scan.found.append(
            Found(
                "tasks",
                "chinese",
                t("u_add", lang, field=label("field", "tasks", lang), value=label("task", "chinese", lang)),
                "add",
            )
        )


def _check_gpu(scan: Scan) -> None:
    """Canonicalise GPU names with the hardware table when it is there; drop (and say) unknown ones."""
    try:
        from advisor.hardware.table import parse_gpu_name
    except ImportError:  # the hardware module is optional for the parser
        return
    from advisor.errors import UnknownGPUError

    for f in list(scan.found):
        gpu = f.value.get("gpu") if f.field == "hardware" else None
        if not gpu:
            continue
        try:
            f.value["gpu"] = parse_gpu_name(gpu).gpu.name
        except UnknownGPUError as err:
            scan.found.remove(f)
            scan.ignored.append(t("i_unknown_gpu", scan.lang, gpu=gpu, why=str(err)))
        except Exception:  # noqa: BLE001 - a broken GPU table must not break parsing; the engine will say why
            continue
        else:
            f.label = t("u_gpu", scan.lang, count=f.value.get("gpu_count", 1), gpu=f.value["gpu"])


def _apply(data: dict, f: Found) -> dict:
    data = copy.deepcopy(data)
    *parents, leaf = f.field.split(".")
    node = data
    for key in parents:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    if f.mode == "add":
        node[leaf] = [*dict.fromkeys([*(node.get(leaf) or []), f.value])]
    elif f.mode == "merge":
        current = dict(node.get(leaf) or {})
        if "gpu" in f.value and f.value.get("gpu") != current.get("gpu"):
            current.pop("gpu_count", None)
        node[leaf] = {**current, **f.value}
    else:
        node[leaf] = f.value
    return data


def _missing(req: Requirements, found: set[str]) -> list[str]:
    checks = {
        "hardware": req.hardware is None and req.deployment != "api",
        "budget": req.budget_usd_per_month is None and req.hardware is None,
        "privacy": req.privacy == "any" and req.deployment != "self_hosted",
        "workload": req.workload == Workload() and not found & {"workload"},
        "tasks": req.tasks == ["general"] and "tasks" not in found,
        "license": req.license == "any" and not req.open_weights,
    }
    return [key for key in MISSING_ORDER if checks[key]]


def parse_text(text: str, base: Requirements | None = None, default_lang: str = "en") -> ParseResult:
    """Read `text` into requirements merged onto `base` (fields the text names replace base's)."""
    raw = text if isinstance(text, str) else ""
    clean = unicodedata.normalize("NFKC", raw[:MAX_CHARS])
    clean = _TAGS.sub(" ", clean)
    lang = detect_lang(clean, default_lang)
    asked = _missing(base, set()) if base is not None else []
    scan = Scan(clean, lang, expect=asked[0] if asked else None)
    if len(raw) > MAX_CHARS:
        scan.ignored.append(t("i_truncated", lang, n=f"{MAX_CHARS:,}"))
    hardware(scan)
    _check_gpu(scan)
    budget(scan)
    quantities(scan)
    _keywords(scan, lang)

    start = (base or Requirements()).model_dump(mode="json")
    data, understood, touched = start, [], set()
    for f in scan.found:
        candidate = _apply(data, f)
        try:
            Requirements.model_validate(candidate)
        except ValidationError:
            scan.ignored.append(t("i_range", lang, text=f.label, field=f.field))
            continue
        data = candidate
        understood.append(f.label)
        touched.add(f.field.split(".")[0])
    if "tasks" in touched and (base is None or base.tasks == ["general"]):
        if not any(f.field == "tasks" and f.value == "general" for f in scan.found):
            data["tasks"] = [x for x in data["tasks"] if x != "general"] or ["general"]
    if data.get("privacy") == "self_hosted" and data.get("deployment") == "api":
        data["deployment"] = "any"  # keeping data in-house wins over a mention of APIs
    try:
        requirements = Requirements.model_validate(data)
    except ValidationError:  # pragma: no cover - every step above was validated; keep the base if not
        requirements = base or Requirements()
    missing = _missing(requirements, touched)
    follow_up = t(f"ask_{missing[0]}", lang) if missing else None
    return ParseResult(
        requirements=requirements,
        understood=list(dict.fromkeys(understood)),
        missing=missing,
        follow_up=follow_up,
        lang=lang,
        ignored=list(dict.fromkeys(scan.ignored)),
    )


def missing_labels(missing: list[str], lang: str = "en") -> str:
    """'hardware, budget' / '硬件、预算' for display."""
    return join([label("field", key, lang) for key in missing], lang)
