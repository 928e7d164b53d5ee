"""Numbers with units in free text: budgets, requests, tokens, context, speed (English and 中文).

Used by `advisor.parse`. Each extractor scans a `Scan` (the text, with already-used spans blanked so one
phrase feeds one field) and returns `Found` updates plus notes about what it could not use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from advisor.i18n import t

# Currency conversion. Fixed planning rates, not live quotes: the understood-list states the rate used.
CNY_PER_USD = 7.10
USD_PER_EUR = 1.10
RATE_DATE = "2026-12-01"  # when these rates were fixed; update them with the data snapshot

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "w": 1e4, "万": 1e4, "千": 1e3, "亿": 1e8}

# A number as people write it: 3k, 1.5万, 10,000, 两千, -500 (sign kept so we can refuse it).
_CN = "零〇一二两三四五六七八九十百千万亿"
NUM = (
    r"(?:(?<![A-Za-z0-9.])[-−]\s?|负)?(?<![0-9.,])"  # never start inside a number: keeps long digit runs linear
    r"(?:\d{1,3}(?:,\d{3}){1,4}(?![\d,])(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?(?!\d|\.\d)|\.\d{1,6}"
    rf"|(?<![{_CN}])[{_CN}]{{1,12}})"
    r"(?:\s?(?:k|thousand|million|m|w)(?![A-Za-z])|\s?[万千亿])?"
)
L = r"(?<![A-Za-z0-9])"  # ASCII word boundaries: \b does not work next to CJK (both are \w)
R = r"(?![A-Za-z0-9])"


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("NUM", f"({NUM})"), re.IGNORECASE)


def cn_int(s: str) -> int:
    """'两千五百' -> 2500, '十万' -> 100000, '一万' -> 10000."""
    total = section = num = 0
    for ch in s:
        if ch in _CN_DIGITS:
            num = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (num or 1) * _CN_UNITS[ch]
            num = 0
        elif ch in _CN_BIG:
            total += (section + num or 1) * _CN_BIG[ch]
            section = num = 0
    return total + section + num


def to_number(text: str) -> float | None:
    """The value of a NUM match (negative allowed); None when it is not a number."""
    s = text.strip().replace(",", "")
    neg = s[:1] in "-−负"
    s = s.lstrip("-−负").strip()
    m = re.fullmatch(r"([\d.]+|[零〇一二两三四五六七八九十百千万亿]+)\s?([a-z万千亿]*)", s, re.IGNORECASE)
    if not m:
        return None
    digits, mult = m.group(1), m.group(2).lower()
    try:
        value = float(digits) if digits[0].isdigit() or digits[0] == "." else float(cn_int(digits))
    except ValueError:
        return None
    value *= _MULT.get(mult, 1.0)
    return -value if neg else value


def fmt(x: float) -> str:
    """12000.0 -> '12,000'; 0.5 -> '0.5'."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


@dataclass
class Found:
    field: str  # dotted path into Requirements, e.g. "workload.requests_per_day"
    value: Any
    label: str  # what the user sees in `understood`
    mode: str = "set"  # set | add (list union) | merge (dict update)


@dataclass
class Scan:
    """The text being read; `take` blanks each match so a phrase is used once."""

    text: str
    lang: str
    expect: str | None = None  # what the last follow-up asked for ("budget" lets "2000元" alone count)
    found: list[Found] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def take(self, pattern: re.Pattern[str]):
        for m in list(pattern.finditer(self.text)):
            if self.text[m.start() : m.end()].strip() != m.group(0).strip():
                continue  # overlapped a span an earlier match of this pattern already used
            self.text = self.text[: m.start()] + " " * (m.end() - m.start()) + self.text[m.end() :]
            yield m

    def number(self, raw: str, field_name: str, lo: float, hi: float) -> float | None:
        """Parse `raw`; a negative or out-of-range value is noted in `ignored` and gives None."""
        value = to_number(raw)
        if value is None:
            return None
        if value < 0:
            self.ignored.append(t("i_negative", self.lang, text=raw.strip()))
            return None
        if not lo <= value <= hi:
            self.ignored.append(t("i_range", self.lang, text=raw.strip(), field=field_name))
            return None
        return value


# --- periods -------------------------------------------------------------------------------------------
_UNIT = {
    "month": "month", "mo": "month", "monthly": "month", "月": "month",
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "yearly": "year", "年": "year",
    "week": "week", "weekly": "week", "周": "week",
    "day": "day", "daily": "day", "天": "day", "日": "day",
    "hour": "hour", "hr": "hour", "hourly": "hour", "小时": "hour",
    "minute": "minute", "min": "minute", "分钟": "minute",
    "second": "second", "sec": "second", "秒": "second",
}  # fmt: skip
_PER_DAY = {
    "day": 1,
    "week": 1 / 7,
    "month": 1 / 30,
    "year": 1 / 365,
    "hour": 24,
    "minute": 1440,
    "second": 86400,
}
_AFTER = re.compile(
    r"\s?(?:/\s?|per\s|an?\s|each\s|every\s|a\s?|每个?|一个?)?\s?"
    r"(monthly|annually|yearly|weekly|daily|hourly|month|mo|year|yr|annum|week|day|hour|hr|minute|min|second|sec"
    r"|月|年|周|天|日|小时|分钟|秒)(?![A-Za-z])",
    re.IGNORECASE,
)
_BEFORE = re.compile(r"(?:每个?|一个?|/)(月|年|周|天|日|小时|分钟|秒)\S{0,6}$|(月|年|日)(?:预算|均)\S{0,4}$")


_INSIDE = re.compile(r"(?:每个?|一个?|/)(月|年|周|天|日|小时|分钟|秒)|(日)均")


def period(text: str, start: int, end: int, inside: str = "") -> str | None:
    """The time unit right after a number, inside its phrase ('每天…次') or right before it ('每月2000元')."""
    m = _AFTER.match(text, end)
    if m:
        return _UNIT[m.group(1).lower()]
    m = _INSIDE.search(inside)
    if m:
        return _UNIT[m.group(1) or m.group(2)]
    m = _BEFORE.search(text[max(0, start - 10) : start].rstrip())
    return _UNIT[m.group(1) or m.group(2)] if m else None


# --- budget --------------------------------------------------------------------------------------------
_CUR = {"$": "usd", "us$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "bucks": "usd", "美元": "usd",
        "美金": "usd", "刀": "usd", "¥": "cny", "rmb": "cny", "cny": "cny", "元": "cny", "块钱": "cny", "块": "cny",
        "人民币": "cny", "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur", "欧元": "eur"}  # fmt: skip
_BUDGET = [
    rx(r"([-−]\s?)?(us\$|\$|usd|¥|rmb|cny|€|eur)\s?NUM"),
    rx(r"NUM\s?(元|块钱|块|人民币|rmb|cny|美元|美金|刀|usd|dollars?|bucks|euros?|eur|欧元|€)(?![A-Za-z])"),
    rx(r"(?:budget|预算|spend|花费)\D{0,12}?NUM()"),
    rx(
        r"NUM()(?=\s?(?:a|an|per|/|every)\s?(?:month|mo|year|yr)(?![A-Za-z])|\s?(?:monthly|yearly)|\s?/月|\s?每月)"
    ),
]
_BUDGET_WORD = re.compile(
    r"budget|spend|afford|up to|under|max(?:imum)?|cap|at most|within|no more than|less than|预算|花费|不超过|以内|最多|控制在",
    re.IGNORECASE,
)
_PER_MONTH = {"month": 1, "year": 1 / 12, "week": 30 / 7, "day": 30, "hour": 730}


def budget(scan: Scan) -> None:
    for i, pattern in enumerate(_BUDGET):
        for m in scan.take(pattern):
            if i == 0:
                raw = (m.group(1) or "") + m.group(3)
                cur = _CUR[m.group(2).lower()]
            else:
                raw = m.group(1)
                unit = m.group(m.lastindex).lower() if m.lastindex and m.lastindex > 1 else ""
                cur = _CUR.get(unit) or ("cny" if scan.lang == "zh" else "usd")
            amount = scan.number(raw, "budget", 0, 1e10)
            if amount is None or any(f.field == "budget_usd_per_month" for f in scan.found):
                continue
            stated = period(scan.text, m.start(), m.end(), m.group(0))
            if (
                stated is None
                and i < 2
                and scan.expect != "budget"
                and not _BUDGET_WORD.search(scan.text[max(0, m.start() - 30) : m.start()])
            ):
                scan.ignored.append(t("i_not_budget", scan.lang, text=m.group(0).strip()))
                continue  # "GPT-4 costs $30 per 1M tokens" is a price, not a budget
            unit = stated or "month"
            monthly = amount * _PER_MONTH.get(unit, 1)
            usd = (
                monthly / CNY_PER_USD if cur == "cny" else monthly * USD_PER_EUR if cur == "eur" else monthly
            )
            usd = round(usd, 2)
            key = {"cny": "u_budget_cny", "eur": "u_budget_eur", "usd": "u_budget_usd"}[cur]
            rate = {"cny": CNY_PER_USD, "eur": USD_PER_EUR, "usd": 1}[cur]
            label = t(
                key, scan.lang, usd=fmt(usd), cny=fmt(monthly), eur=fmt(monthly), rate=rate, date=RATE_DATE
            )
            if stated is None:
                label += " " + t("u_budget_assumed_monthly", scan.lang)
            scan.found.append(Found("budget_usd_per_month", usd, label))


# --- workload, context, speed, top-k ---------------------------------------------------------------------
_REQ_WORDS = r"(?:api\s)?(?:requests?|reqs?|calls?|queries|query|messages|conversations|chats|prompts|questions|tickets|documents|docs|emails)"
_REQUESTS = [
    rx(rf"NUM\s?(daily\s)?{_REQ_WORDS}{R}"),
    rx(
        r"(?:每个?|一个?|日均|/)(?:天|日|月|小时|分钟|秒|均)?\s?(?:大约|大概|约|有|处理|调用|要处理|需要处理)?\s?NUM\s?(?:次|个?请求|条|个?对话|个?问题|份|篇|封|单)"
    ),
    rx(r"NUM\s?(?:次|个请求|次请求|次调用)"),
    rx(r"(?:请求量|调用量)\s?(?:每天|每日|日均|每月)?\s?(?:大约|约)?\s?NUM"),
]
_CONTEXT = [
    rx(rf"NUM\s?(?:tokens?\s)?(?:of\s)?(?:context|ctx){R}"),
    rx(
        rf"{L}(?:context|ctx)(?:\swindow|\slength)?\s?(?:of|:|>=|≥|at least|with|is|needs? to be)?\s?(?:at least\s|about\s)?NUM"
    ),
    rx(r"上下文(?:窗口|长度)?\s?(?:至少|要|需要|达到|有)?\s?NUM"),
    rx(r"NUM\s?(?:tokens?\s?)?(?:的)?上下文"),
]
_SPEED = [
    rx(rf"NUM\s?(?:tokens?|toks?|t)\s?(?:/|per\s)\s?(?:s|sec|second){R}"),
    rx(rf"NUM\s?tps{R}"),
    rx(r"每秒\s?(?:至少|不低于)?\s?NUM\s?(?:个)?\s?(?:token|词元)"),
    rx(r"NUM\s?(?:个)?\s?(?:tokens?|词元)\s?(?:/\s?秒|每秒)"),
]
_TOKENS = [
    ("input_tokens", rx(rf"NUM\s?(?:input|prompt|in)\s?tokens?{R}")),
    ("output_tokens", rx(rf"NUM\s?(?:output|completion|response|out)\s?tokens?{R}")),
    (
        "input_tokens",
        rx(
            rf"{L}(?:input|prompts?)(?:\stokens?)?\s?(?:of|is|are|:|=|~|≈)?\s?(?:about|around|~)?\s?NUM(?:\s?tokens?)?"
        ),
    ),
    (
        "output_tokens",
        rx(
            rf"{L}(?:output|completion|response|answers?)(?:\stokens?)?\s?(?:of|is|are|:|=|~|≈)?\s?(?:about|around|~)?\s?NUM(?:\s?tokens?)?"
        ),
    ),
    ("input_tokens", rx(rf"NUM\s?tokens?\s(?:per|each|a|/)\s?(?:request|call|query|message|prompt){R}")),
    (
        "input_tokens",
        rx(rf"{L}(?:each|per|every|a) (?:request|call|query|prompt|message)s?\D{{0,20}}?NUM\s?tokens?{R}"),
    ),
    ("input_tokens", rx(r"(?:输入|提示词?)\s?(?:大约|约|大概)?\s?NUM\s?(?:个)?\s?(?:tokens?|词元)")),
    ("output_tokens", rx(r"(?:输出|回复|生成)\s?(?:大约|约|大概)?\s?NUM\s?(?:个)?\s?(?:tokens?|词元)")),
    ("input_tokens", rx(r"每次(?:请求)?\s?(?:大约|约|大概)?\s?NUM\s?(?:个)?\s?(?:tokens?|词元)")),
]
_TOP_K = [rx(rf"{L}top\s?NUM"), rx(r"前\s?NUM\s?(?:个|名)")]


def quantities(scan: Scan) -> None:
    """Context and speed first (so '128k context' is not read as tokens per request), then workload."""
    for pattern in _CONTEXT:
        for m in scan.take(pattern):
            n = scan.number(m.group(1), "min_context_tokens", 1, 100_000_000)
            if n is not None:
                scan.found.append(
                    Found("min_context_tokens", int(n), t("u_context", scan.lang, n=fmt(int(n))))
                )
    for pattern in _SPEED:
        for m in scan.take(pattern):
            n = scan.number(m.group(1), "min_tokens_per_s", 0, 100_000)
            if n is not None:
                scan.found.append(Found("min_tokens_per_s", n, t("u_speed", scan.lang, n=fmt(n))))
    for name, pattern in _TOKENS:
        for m in scan.take(pattern):
            n = scan.number(m.group(1), name, 0, 10_000_000 if name == "input_tokens" else 1_000_000)
            if n is not None:
                key = "u_input_tokens" if name == "input_tokens" else "u_output_tokens"
                scan.found.append(Found(f"workload.{name}", int(n), t(key, scan.lang, n=fmt(int(n)))))
    for pattern in _REQUESTS:
        for m in scan.take(pattern):
            n = scan.number(m.group(1), "requests_per_day", 0, 1e12)
            if n is None:
                continue
            daily = len(m.groups()) > 1 and bool(m.group(2))
            unit = "day" if daily else period(scan.text, m.start(), m.end(), m.group(0)) or "day"
            per_day = round(n * _PER_DAY.get(unit, 1), 2)
            if per_day > 1e9:
                scan.ignored.append(t("i_range", scan.lang, text=m.group(1), field="requests_per_day"))
                continue
            label = t("u_requests", scan.lang, n=fmt(per_day))
            scan.found.append(Found("workload.requests_per_day", per_day, label))
    for pattern in _TOP_K:
        for m in scan.take(pattern):
            n = scan.number(m.group(1), "top_k", 1, 50)
            if n is not None and n.is_integer():
                scan.found.append(Found("top_k", int(n), t("u_top_k", scan.lang, n=int(n))))
