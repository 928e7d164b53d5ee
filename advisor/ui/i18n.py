"""Every UI string in English and 简体中文 (tables in strings_en.py / strings_zh.py).

`t(lang, key, **values)`; a missing key is a bug (tests compare the two tables' keys and placeholders).
Option labels (tasks, privacy, ...) are keys too, `opt.<field>.<value>`.
"""

from __future__ import annotations

from advisor.ui.strings_en import EN
from advisor.ui.strings_zh import ZH

LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}

STRINGS: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}


def t(lang: str, key: str, **values: object) -> str:
    """The string for `key` in `lang` (English if `lang` is unknown), with `{name}` values filled in."""
    text = STRINGS.get(lang, EN)[key]
    return text.format(**values) if values else text


def option(lang: str, field: str, value: str) -> str:
    """Label for an option value, e.g. option('zh', 'task', 'coding') -> '编程'; 'any' is shared."""
    if value == "any":
        return t(lang, "opt.any")
    return t(lang, f"opt.{field}.{value}")
