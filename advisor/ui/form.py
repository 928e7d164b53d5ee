"""The full requirements form. Widgets are seeded from the shared state (so the chat's changes show up) and
submitting validates once, at the boundary; an invalid value is named and nothing is lost."""

from __future__ import annotations

import streamlit as st

from advisor.requirements import CAPABILITIES, TASKS, Requirements, RequirementsError, parse_requirements
from advisor.ui import services, state
from advisor.ui.i18n import option, t
from advisor.ui.safe import show_problems

OWNER = "form"
DEPLOYMENTS = ("any", "api", "self_hosted")
PRIVACY = ("any", "no_training", "self_hosted")
LICENSES = ("any", "commercial", "permissive")
REGIONS = ("any", "cn", "eu", "us")
PRIORITIES = ("balanced", "quality", "cost", "speed", "enterprise", "sovereignty")
NO_GPU = ""

# form field -> the label key used to name it in validation messages
FIELD_LABELS = {
    "tasks": "form.tasks",
    "languages": "form.languages",
    "budget_usd_per_month": "form.budget",
    "workload.requests_per_day": "form.requests_per_day",
    "workload.input_tokens": "form.input_tokens",
    "workload.output_tokens": "form.output_tokens",
    "hardware.gpu_count": "form.gpu_count",
    "hardware.vram_gb": "form.vram",
    "hardware.ram_gb": "form.ram",
    "hardware.unified_memory_gb": "form.unified",
    "hardware.gpu": "form.gpu",
    "min_context_tokens": "form.min_context",
    "min_tokens_per_s": "form.min_tps",
    "top_k": "form.top_k",
}


def _float(value) -> float | None:
    return None if value is None else float(value)


def widget_values(req: Requirements) -> dict[str, object]:
    """Widget key -> value for `req` (the inverse of `to_requirements`)."""
    hw = req.hardware
    return {
        "f_tasks": list(req.tasks),
        "f_languages": ", ".join(req.languages),
        "f_deployment": req.deployment,
        "f_privacy": req.privacy,
        "f_open_weights": req.open_weights,
        "f_license": req.license,
        "f_region": req.region,
        "f_budget": _float(req.budget_usd_per_month),
        "f_rpd": float(req.workload.requests_per_day),
        "f_in": int(req.workload.input_tokens),
        "f_out": int(req.workload.output_tokens),
        "f_gpu": (hw.gpu or NO_GPU) if hw else NO_GPU,
        "f_gpu_count": hw.gpu_count if hw else 1,
        "f_vram": _float(hw.vram_gb) if hw else None,
        "f_ram": _float(hw.ram_gb) if hw else None,
        "f_unified": _float(hw.unified_memory_gb) if hw else None,
        "f_min_context": req.min_context_tokens,
        "f_capabilities": list(req.capabilities),
        "f_min_tps": _float(req.min_tokens_per_s),
        "f_priority": req.priority,
        "f_top_k": req.top_k,
    }


def to_requirements(values: dict[str, object], base: Requirements) -> Requirements:
    """Validate the form's values (keeping fields the form does not show, e.g. weights, from `base`)."""
    hardware = {
        "gpu": values["f_gpu"] or None,
        "gpu_count": values["f_gpu_count"],
        "vram_gb": values["f_vram"],
        "ram_gb": values["f_ram"],
        "unified_memory_gb": values["f_unified"],
    }
    has_hw = any(v for k, v in hardware.items() if k != "gpu_count") or values["f_gpu_count"] != 1
    languages = [c.strip() for c in str(values["f_languages"]).replace("，", ",").split(",") if c.strip()]
    data = base.model_dump(mode="json") | {
        "tasks": values["f_tasks"],
        "languages": languages,
        "deployment": values["f_deployment"],
        "privacy": values["f_privacy"],
        "open_weights": values["f_open_weights"],
        "license": values["f_license"],
        "region": values["f_region"],
        "budget_usd_per_month": values["f_budget"],
        "workload": {
            "requests_per_day": values["f_rpd"],
            "input_tokens": values["f_in"],
            "output_tokens": values["f_out"],
        },
        "hardware": hardware if has_hw else None,
        "min_context_tokens": values["f_min_context"],
        "capabilities": values["f_capabilities"],
        "min_tokens_per_s": values["f_min_tps"],
        "priority": values["f_priority"],
        "top_k": values["f_top_k"],
    }
    return parse_requirements(data)


def _named(problems: list[str], lang: str) -> list[str]:
    """'workload.input_tokens: ...' -> 'Prompt tokens per request: ...' in the UI language."""
    out = []
    for line in problems:
        field, _, msg = line.partition(": ")
        key = FIELD_LABELS.get(field.rsplit(".", 1)[0] if field.startswith("tasks.") else field)
        out.append(f"{t(lang, key)}: {msg}" if key and msg else line)
    return out


def _gpu_options(current: str) -> list[str]:
    names = services.gpu_names()
    return [NO_GPU] + ([current] if current and current not in names else []) + names


def render(lang: str) -> bool:
    """Draw the form; returns True when a valid submit changed the requirements."""
    req = state.requirements()
    values = widget_values(req)
    for key, value in values.items():
        state.seed(key, value, OWNER)
    state.seeded(OWNER)
    opt = lambda field: lambda v: option(lang, field, v)  # noqa: E731
    with st.form("requirements_form", border=True):
        st.markdown(f"**{t(lang, 'form.section.task')}**")
        c1, c2 = st.columns(2)
        c1.multiselect(
            t(lang, "form.tasks"),
            TASKS,
            key="f_tasks",
            format_func=opt("task"),
            help=t(lang, "form.tasks.help"),
        )
        c2.text_input(
            t(lang, "form.languages"), key="f_languages", help=t(lang, "form.languages.help"), max_chars=200
        )
        st.markdown(f"**{t(lang, 'form.section.rules')}**")
        c1, c2, c3 = st.columns(3)
        c1.selectbox(
            t(lang, "form.deployment"), DEPLOYMENTS, key="f_deployment", format_func=opt("deployment")
        )
        c2.selectbox(
            t(lang, "form.privacy"),
            PRIVACY,
            key="f_privacy",
            format_func=opt("privacy"),
            help=t(lang, "form.privacy.help"),
        )
        c3.checkbox(t(lang, "form.open_weights"), key="f_open_weights")
        c1.selectbox(t(lang, "form.license"), LICENSES, key="f_license", format_func=opt("license"))
        c2.selectbox(t(lang, "form.region"), REGIONS, key="f_region", format_func=opt("region"))
        st.markdown(f"**{t(lang, 'form.section.cost')}**")
        c1, c2 = st.columns(2)
        c1.number_input(t(lang, "form.budget"), key="f_budget", step=10.0, help=t(lang, "form.budget.help"))
        c2.number_input(t(lang, "form.requests_per_day"), key="f_rpd", step=100.0, format="%.0f")
        c1.number_input(t(lang, "form.input_tokens"), key="f_in", step=100)
        c2.number_input(t(lang, "form.output_tokens"), key="f_out", step=50)
        st.markdown(f"**{t(lang, 'form.section.hardware')}**")
        c1, c2, c3 = st.columns(3)
        c1.selectbox(
            t(lang, "form.gpu"),
            _gpu_options(str(values["f_gpu"])),
            key="f_gpu",
            format_func=lambda g: g or t(lang, "form.gpu.none"),
            help=t(lang, "form.gpu.help"),
        )
        c2.number_input(t(lang, "form.gpu_count"), key="f_gpu_count", step=1)
        c3.number_input(t(lang, "form.vram"), key="f_vram", step=1.0)
        c1.number_input(t(lang, "form.ram"), key="f_ram", step=8.0)
        c2.number_input(t(lang, "form.unified"), key="f_unified", step=8.0)
        st.markdown(f"**{t(lang, 'form.section.needs')}**")
        c1, c2, c3 = st.columns(3)
        c1.number_input(t(lang, "form.min_context"), key="f_min_context", step=1000)
        c2.number_input(t(lang, "form.min_tps"), key="f_min_tps", step=5.0)
        c3.number_input(t(lang, "form.top_k"), key="f_top_k", step=1)
        c1.multiselect(
            t(lang, "form.capabilities"), CAPABILITIES, key="f_capabilities", format_func=opt("cap")
        )
        c2.selectbox(
            t(lang, "form.priority"),
            PRIORITIES,
            key="f_priority",
            format_func=opt("priority"),
            help=t(lang, "form.priority.help"),
        )
        submitted = st.form_submit_button(t(lang, "form.submit"), type="primary")
    if not submitted:
        return False
    try:
        new = to_requirements({k: st.session_state[k] for k in values}, req)
    except RequirementsError as err:
        show_problems(_named(err.problems, lang))
        return False
    state.set_requirements(new)
    state.seeded(OWNER)
    return True
