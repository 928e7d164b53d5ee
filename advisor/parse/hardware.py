"""GPUs, counts and memory in free text: "两张3090", "2x RTX 4090", "A100 80GB", "M4 Max 128GB", "显存24G".

Names come out canonical-looking ("RTX 3090", "A100 80GB", "Apple M4 Max"); `advisor.hardware` (when present)
decides whether the GPU table knows them. This module holds patterns only, no GPU table.
"""

from __future__ import annotations

from advisor.i18n import t
from advisor.parse.quantities import Found, L, R, Scan, fmt, rx, to_number

_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "dual": 2, "twin": 2, "pair of": 2,
                "three": 3, "four": 4, "quad": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "双": 2}  # fmt: skip
_CN_NUM = "一两二三四五六七八九十"
_CLASSIFIER = r"(?:x|×|\*|张|块|个|片|卡|台)"
_PREFIX = (
    rf"(?:(?P<n1>\d{{1,2}})\s?{_CLASSIFIER}\s?|(?P<n2>\d{{1,2}})\s(?=[A-Za-z])"
    rf"|{L}(?P<n3>one|two|three|four|five|six|seven|eight|dual|twin|quad|single|an?|pair of)\s"
    rf"|(?<![{_CN_NUM}])(?P<n4>[{_CN_NUM}]{{1,3}}|双)\s?{_CLASSIFIER}?\s?)?"
)
_DC = (
    r"(?P<dc>gb200|b200|b100|h200|h100|h800|h20|a100|a800|a40|a30|a10g|a10|a[2456]000|l40s|l40|l20|l4|v100|t4|p100|p40"
    r"|mi300x|mi325x|mi250x?|mi210)(?:[\s-]?(?:pcie|sxm\d?|nvl))?(?:[\s-]?(?P<dcmem>\d{2,3})\s?gb?(?![A-Za-z]))?"
)
_PRO = r"rtx\s?(?:pro\s?)?(?P<pro>[456]000)(?:\s?(?P<arch>ada|blackwell))?"
_NOT_MONEY = (
    r"(?!\s?(?:元|块钱|美元|刀|usd|dollars|requests?|次|tokens?|k(?![A-Za-z])|万|千|%|年|/|个请求|条|req))"
)
_GEFORCE = (
    r"(?:(?:nvidia\s?)?(?:geforce\s?)?(?P<series>rtx|gtx)[\s-]?)?(?P<num>[1-5]0[5-9]0)(?P<suf>\s?ti|\s?super|d)?"
    rf"{_NOT_MONEY}(?:\s?(?P<gmem>\d{{1,2}})\s?gb?(?![A-Za-z])(?!\s?(?:of\s)?(?:ram|memory|system|内存)))?"
)
_AMD = r"(?:radeon\s?)?rx\s?(?P<rx>\d{4})(?:\s?(?P<rxsuf>xtx|xt|gre))?"
_SUFFIX = rf"(?:s?\s?(?:x|×|\*)\s?(?P<s1>\d{{1,2}})(?![0-9])|\s?(?P<s2>[{_CN_NUM}]{{1,3}}|\d)\s?(?:张|块|片)(?!钱))?"
_GPU = rx(rf"{_PREFIX}(?<![A-WYZa-wyz0-9.$¥€])(?:{_DC}|{_PRO}|{_GEFORCE}|{_AMD})s?{R}{_SUFFIX}")
_APPLE = rx(
    rf"{L}(?:apple\s?|mac(?:book)?(?:\s?(?:pro|air|studio|mini))?\s?(?:with\s)?(?:an?\s)?)?"
    rf"m(?P<gen>[1-5])\s?(?P<tier>pro|max|ultra)?{R}(?:\s?(?:with\s|,\s?)?(?P<mem>\d{{1,4}})\s?gb?{R}"
    r"(?:\s?(?:of\s)?(?:unified memory|unified|ram|memory|统一内存|内存))?)?"
)
_NO_GPU = rx(
    rf"{L}(?:no\s(?:gpus?|graphics card)|without\s(?:an?\s)?gpu|cpu[\s-]only){R}|没有(?:独立)?(?:显卡|gpu)|无显卡|纯\s?cpu|只有\s?cpu"
)
_GB = r"NUM\s?(?:gb|gib|g)(?![A-Za-z])"
_MEMORY = [
    ("unified_memory_gb", rx(rf"{_GB}\s?(?:of\s)?(?:unified|统一内存)")),
    ("unified_memory_gb", rx(rf"统一内存\s?(?:为|有|是|:)?\s?{_GB}")),
    ("vram_gb", rx(rf"{_GB}\s?(?:of\s)?(?:vram|gpu memory|显存)")),
    ("vram_gb", rx(rf"(?:vram|显存)\s?(?:is|of|:|为|有|是)?\s?{_GB}")),
    ("ram_gb", rx(rf"{_GB}\s?(?:of\s)?(?:system\s)?(?:ram|memory|内存|ddr\d?)(?![A-Za-z])")),
    ("ram_gb", rx(rf"{L}(?:ram|内存)\s?(?:is|of|:|为|有|是)?\s?{_GB}")),
]
_BARE_GB = rx(rf"{L}(\d{{1,4}})\s?(?:gb|gib|g){R}")
_LIMITS = {"vram_gb": 4096, "ram_gb": 16384, "unified_memory_gb": 1024}
_LABEL = {"vram_gb": "u_vram", "ram_gb": "u_ram", "unified_memory_gb": "u_unified"}


def _count(m) -> int | None:
    for key in ("n1", "n2", "s1"):
        if m.group(key):
            return int(m.group(key))
    for key in ("n4", "s2"):
        if m.group(key):
            return _COUNT_WORDS.get(m.group(key)) or int(to_number(m.group(key)) or 0) or None
    if m.group("n3"):
        return _COUNT_WORDS[m.group("n3").lower()]
    return 1


def _name(m) -> tuple[str, float | None]:
    """Canonical-looking GPU name, plus the memory written right after a consumer GPU ("4060 Ti 16GB")."""
    if m.group("dc"):
        name = m.group("dc").upper()
        return (f"{name} {m.group('dcmem')}GB" if m.group("dcmem") else name), None
    if m.group("pro"):
        return f"RTX {m.group('pro')}" + (f" {m.group('arch').title()}" if m.group("arch") else ""), None
    if m.group("num"):
        series = (m.group("series") or ("GTX" if m.group("num")[0] == "1" else "RTX")).upper()
        suffix = {"ti": " Ti", "super": " Super", "d": "D"}.get((m.group("suf") or "").strip().lower(), "")
        return f"{series} {m.group('num')}{suffix}", (float(m.group("gmem")) if m.group("gmem") else None)
    return f"RX {m.group('rx')}" + (f" {m.group('rxsuf').upper()}" if m.group("rxsuf") else ""), None


def hardware(scan: Scan) -> None:
    """GPU (first one named wins; later ones are noted), Apple chips, 'no GPU', and memory sizes."""
    gpus: list[str] = []
    for m in scan.take(_APPLE):
        if not m.group("tier") and not m.group(0).lower().startswith(("apple", "mac")):
            continue  # a bare "M4" is not a chip name
        gpu = f"Apple M{m.group('gen')}" + (f" {m.group('tier').title()}" if m.group("tier") else "")
        gpus.append(gpu)
        if len(gpus) == 1:
            scan.found.append(
                Found(
                    "hardware", {"gpu": gpu, "gpu_count": 1}, t("u_gpu", scan.lang, count=1, gpu=gpu), "merge"
                )
            )
            mem = scan.number(m.group("mem"), "unified_memory_gb", 1, 1024) if m.group("mem") else None
            if mem is not None:
                scan.found.append(
                    Found(
                        "hardware",
                        {"unified_memory_gb": mem},
                        t("u_unified", scan.lang, gb=fmt(mem)),
                        "merge",
                    )
                )
    for m in scan.take(_GPU):
        gpu, vram = _name(m)
        count = _count(m)
        gpus.append(gpu)
        if len(gpus) > 1:
            continue
        if count is None or not 1 <= count <= 64:
            scan.ignored.append(t("i_range", scan.lang, text=m.group(0).strip(), field="gpu_count"))
            count = 1
        scan.found.append(
            Found(
                "hardware",
                {"gpu": gpu, "gpu_count": count},
                t("u_gpu", scan.lang, count=count, gpu=gpu),
                "merge",
            )
        )
        if vram is not None:
            scan.found.append(
                Found("hardware", {"vram_gb": vram}, t("u_vram", scan.lang, gb=fmt(vram)), "merge")
            )
    if len(gpus) > 1:
        scan.ignored.append(t("i_more_gpus", scan.lang, used=gpus[0], others=", ".join(gpus[1:])))
    for _ in scan.take(_NO_GPU):
        if not gpus:
            scan.found.append(Found("hardware", {"gpu": None}, t("u_cpu_only", scan.lang), "merge"))
        break
    for key, pattern in _MEMORY:
        for m in scan.take(pattern):
            gb = scan.number(m.group(1), key, 0.5, _LIMITS[key])
            if gb is not None:
                scan.found.append(
                    Found("hardware", {key: gb}, t(_LABEL[key], scan.lang, gb=fmt(gb)), "merge")
                )
    apple = bool(gpus) and gpus[0].startswith("Apple")
    for m in scan.take(_BARE_GB):  # "192GB" alone: Apple -> unified memory; no GPU -> system RAM
        key = "unified_memory_gb" if apple else None if gpus else "ram_gb"
        gb = float(m.group(1))
        if (
            key
            and 8 <= gb <= _LIMITS[key]
            and not any(key in f.value for f in scan.found if f.field == "hardware")
        ):
            scan.found.append(Found("hardware", {key: gb}, t(_LABEL[key], scan.lang, gb=fmt(gb)), "merge"))
