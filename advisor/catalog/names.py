"""Name normalisation: the one rule that lets differently-spelt model names meet.

`normalise(name)` maps every spelling a source uses to a join key. The rules, in order:

1. lowercase, trim; drop a provider prefix (everything up to the last `/`) and an OpenRouter
   variant tag (`:free`, `:batch`, `:thinking`, …); a leading `~` (OpenRouter moving alias) goes too;
2. parenthesised qualifiers become suffixes: `GPT-5.4 (xhigh)` -> `gpt-5.4-xhigh`;
3. spaces, underscores and repeated dashes become one dash; a leading `nvidia-` / `meta-` goes,
   and `qwen-2.5` is written `qwen2.5`;
4. version separators become dots: `claude-opus-4-6` -> `claude-opus-4.6`, `kimi-k2p5` -> `kimi-k2.5`
   (single digit, dash or `p`, single digit, then end or dash);
5. date stamps are dropped: `-20250514`, `-2025-04-16`;
6. these suffixes are dropped, repeatedly: `-text`, `-public`, `-no-system-prompt`, effort levels
   (`-minimal -low -medium -high -xhigh`), `-thinking[-16k|-32k]`, `-reasoning`, `-non-reasoning`, `-(no|non)-thinking`,
   `-preview`, `-latest`, `-instruct`, `-it`, `-hf`, `-fp8`, `-bf16`, `-nvfp4` (an effort
   level may carry a budget: `-high-32k`); `-instruct` also before a 4-digit
   release tag (`qwen3-235b-a22b-instruct-2507` -> `qwen3-235b-a22b-2507`).
   An effort level goes only after a versioned name (one with a digit): `gpt-5-medium` -> `gpt-5`,
   but `Mistral Medium` stays `mistral-medium` (there it is the model's size tier, not an effort).

`-max`, `-pro`, `-mini`, `-chat` and 4-digit release tags (`-0528`, `-2507`) are kept: they name
different models. Anything the rules cannot join is listed explicitly in data/aliases.csv.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VARIANT_TAG = re.compile(r":[a-z0-9._-]*")
_PARENS = re.compile(r"\s*\(([^)]*)\)")
_SEPARATORS = re.compile(r"[\s_]+")
_DASHES = re.compile(r"-{2,}")
_VENDOR_PREFIX = re.compile(r"^(?:nvidia|meta)-(?=[a-z])")
_QWEN_DASH = re.compile(r"^qwen-(?=\d)")
_VERSION = re.compile(r"(?<![0-9])(\d)[-p](\d)(?=$|-)")
_MID_INSTRUCT = re.compile(r"-instruct(?=-\d{4}$)")
_DATE = re.compile(r"-(?:20\d{2}-\d{2}-\d{2}|20\d{6})(?=$|-)")
_EFFORT = re.compile(r"-(?:minimal|low|medium|high|xhigh)(?:-\d+k)?$")
_SUFFIX = re.compile(
    r"-(?:text|public|no-system-prompt|(?:minimal|low|medium|high|xhigh|thinking)(?:-\d+k)?|"
    r"reasoning|non-reasoning|non-thinking|no-thinking|preview|latest|instruct|it|hf|fp8|bf16|nvfp4)$"
)


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    s = name.strip().lower().lstrip("~")
    s = _VARIANT_TAG.sub("", s)
    s = s.rsplit("/", 1)[-1]
    s = _PARENS.sub(lambda m: "-" + m.group(1), s)
    s = _SEPARATORS.sub("-", s)
    s = _DASHES.sub("-", s).strip("-")
    s = _QWEN_DASH.sub("qwen", _VENDOR_PREFIX.sub("", s))
    for _ in range(2):  # 4-6-1 style chains need two passes
        s = _VERSION.sub(r"\1.\2", s)
    s = _DATE.sub("", s)
    s = _MID_INSTRUCT.sub("", s)
    while True:
        stripped = _SUFFIX.sub("", s)
        if _EFFORT.search(s) and not any(c.isdigit() for c in stripped):
            break  # `mistral-medium`: a size tier of an unversioned name, not an effort level
        if stripped == s or not stripped:
            break
        s = stripped
    return s


# --- display names -------------------------------------------------------------------------------
# The card's `name` is the first source name that `clean_name` leaves human (`is_human`: a capital
# letter or a space; Arena "display names" are mostly keys such as `claude-opus-5.5-high`, which carry
# effort settings and dates), else `pretty_id(model_id)`. Order: advisor/catalog/assemble.py `_name`.
_NAME_TAGS = re.compile(
    r"\s*\((?:free|batch|thinking|non-thinking|reasoning|non-reasoning|minimal|low|medium|high|xhigh|latest)\)",
    re.IGNORECASE,
)
_BRANDS = {
    "chatgpt": "ChatGPT", "claude": "Claude", "deepseek": "DeepSeek", "dola": "Dola", "dots": "dots",
    "ernie": "ERNIE", "gemini": "Gemini", "gemma": "Gemma", "glm": "GLM", "gpt": "GPT", "grok": "Grok",
    "hunyuan": "Hunyuan", "kimi": "Kimi", "lfm": "LFM", "llama": "Llama", "longcat": "LongCat",
    "mimo": "MiMo", "mistral": "Mistral", "muse": "Muse", "phi": "Phi", "qwen": "Qwen", "oss": "oss",
    "ui": "UI", "tars": "TARS", "vl": "VL", "omni": "Omni", "turbos": "TurboS", "t1": "T1",
}  # fmt: skip
_DASH_BRANDS = ("GPT", "GLM", "DeepSeek", "MiMo", "ChatGPT", "Phi")  # written `GLM-5.3`, `DeepSeek-V4.1`
_KEEP_LOWER = re.compile(r"^o\d+(?:-\w+)*$")  # OpenAI writes `o3`, `o1-pro`


def clean_name(text: str | None) -> str | None:
    """Trim, drop a `Vendor: ` prefix and tier tags such as `(free)`; None when nothing human is left."""
    if not text:
        return None
    s = _NAME_TAGS.sub("", str(text).split(": ", 1)[-1])
    s = " ".join(s.split())
    return s or None


def _word(tok: str) -> str:
    if tok in _BRANDS:
        return _BRANDS[tok]
    if re.fullmatch(r"\d+(?:\.\d+)?[bkmt]", tok) or re.fullmatch(r"a\d+(?:\.\d+)?b", tok):
        return tok.upper()  # sizes: 120B, A4B, 4K
    if re.fullmatch(r"[vk]\d+(?:\.\d+)?", tok):
        return tok.upper()  # versions: V2.6, K2.5
    if tok[:1].isdigit():
        return tok
    return tok[:1].upper() + tok[1:]


def pretty_id(model_id: str) -> str:
    """A deterministic display name from a canonical id: `glm-5.3-flash` -> `GLM-5.3 Flash`."""
    if _KEEP_LOWER.match(model_id):
        return model_id
    toks = model_id.split("-")
    m = re.fullmatch(r"([a-z]+)(\d.*)", toks[0])  # qwen2.5 -> Qwen2.5
    words = [_BRANDS.get(m.group(1), m.group(1).title()) + m.group(2)] if m else [_word(toks[0])]
    for tok in toks[1:]:
        w = _word(tok)
        if len(words) == 1 and words[0] in _DASH_BRANDS and (tok[:1].isdigit() or re.match(r"v\d", tok)):
            words[0] += "-" + w
        elif re.fullmatch(r"\d{2,4}", tok) and re.fullmatch(r"(?:\d{2}-)*\d{2}", words[-1]):
            words[-1] += "-" + w  # a date stamp: `06-17`, `09-2025`
        else:
            words.append(w)
    return " ".join(words)


def is_human(name: str) -> bool:
    return any(c.isupper() for c in name) or " " in name
