"""Prompt templates: files in `prompts/` with named `$variables`, one per prompt, part, version and language.

`render("explain.system", "zh", data_as_of=..., recommendation=...)` reads `prompts/explain.system.v1.zh.md`.
A missing or unexpected variable raises `PromptError` naming it (never a silently half-filled prompt).
`static_text(...)` returns the template's fixed wording, used to detect a model echoing its instructions.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Template

from advisor.errors import AdvisorError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
VERSION = "v1"
LANGS = ("en", "zh")


class PromptError(AdvisorError):
    """A prompt file is missing or its variables don't match the caller's."""


def _lang(lang: str) -> str:
    code = (lang or "en").lower().split("-")[0].split("_")[0]
    return code if code in LANGS else "en"


@cache
def load(name: str, lang: str = "en", version: str = VERSION) -> Template:
    path = PROMPTS_DIR / f"{name}.{version}.{_lang(lang)}.md"
    try:
        return Template(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        known = sorted(p.name for p in PROMPTS_DIR.glob("*.md") if p.name != "README.md")
        raise PromptError(
            f"prompt file {path.name} not found in {PROMPTS_DIR}; known: {', '.join(known)}"
        ) from None


def variables(name: str, lang: str = "en", version: str = VERSION) -> set[str]:
    return set(load(name, lang, version).get_identifiers())


def render(name: str, lang: str = "en", version: str = VERSION, **values: object) -> str:
    """Fill every `$variable` of the template; missing or extra variables are an error."""
    template = load(name, lang, version)
    wanted = set(template.get_identifiers())
    missing, extra = sorted(wanted - set(values)), sorted(set(values) - wanted)
    if missing or extra:
        parts = [f"missing variable(s) {', '.join(missing)}" if missing else ""]
        parts.append(f"unexpected variable(s) {', '.join(extra)}" if extra else "")
        raise PromptError(f"prompt {name}.{version}.{_lang(lang)}: " + "; ".join(p for p in parts if p))
    return template.substitute({k: str(v) for k, v in values.items()})


def static_text(name: str, lang: str = "en", version: str = VERSION) -> list[str]:
    """The template's fixed wording: the pieces between variables (what an echo of the prompt would contain)."""
    template = load(name, lang, version)
    pieces = template.pattern.split(template.template)
    # re.split with the Template pattern's 4 groups yields text, then 4 group values, repeatedly.
    return [p.strip() for p in pieces[::5] if p and p.strip()]
