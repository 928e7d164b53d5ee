"""The numbers an engine result contains, by model and by kind, and whether a quoted number is one of them.

Kinds: `money` (USD fields and `$` amounts in the engine's text), `share` (scores, weights, normalised values
and contributions ×100, and `%` figures in its text), `any` (every number). A quoted `$12` must match a money
figure, `69%` a share, a bare `1415` any figure — each within the rounding the quote itself shows
(`$1,200` ≈ 1,150–1,250; `0.69` ≈ 0.685–0.695; `1.2k` ≈ 1,150–1,250).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from advisor.recommendation import Recommendation

NUMBER = re.compile(
    r"(?<![\w.])(?P<cur>[$€¥£])?\s?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"\s?(?P<suffix>%|[kKmMbB](?![a-zA-Z])|万|亿)?"
)
SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "万": 1e4, "亿": 1e8}
SHARE_KEYS = {"score", "normalized", "weight", "contribution"}
SMALL_INTEGERS = 10  # bare counts and ordinals ("two reasons", "top 3") are structure, not engine figures


@dataclass(frozen=True)
class Quote:
    value: float
    unit: float  # the rounding the text shows: 1 for "1415", 100 for "1,200", 0.01 for "0.69"
    suffix: str
    money: bool
    written: str

    @property
    def structural(self) -> bool:
        return not self.money and not self.suffix and self.value.is_integer() and self.value <= SMALL_INTEGERS


def quotes(text: str) -> list[Quote]:
    out = []
    for m in NUMBER.finditer(text):
        digits, frac = m.group("int").replace(",", ""), m.group("frac") or ""
        value = float(digits + frac)
        if frac:
            unit = 10.0 ** -(len(frac) - 1)
        else:
            zeros = len(digits) - len(digits.rstrip("0")) if value >= 10 else 0
            unit = 10.0**zeros
        suffix = (m.group("suffix") or "").lower()
        out.append(Quote(value, unit, suffix, bool(m.group("cur")), m.group().strip()))
    return out


@dataclass
class Figures:
    any: list[float] = field(default_factory=list)
    money: list[float] = field(default_factory=list)
    share: list[float] = field(default_factory=list)

    def __or__(self, other: Figures) -> Figures:
        return Figures(self.any + other.any, self.money + other.money, self.share + other.share)

    def add_text(self, text: str) -> None:
        for q in quotes(text):
            self.any.append(q.value)
            (self.money if q.money else self.share if q.suffix == "%" else []).append(q.value)

    def add_value(self, key: str, value: float, in_weights: bool = False) -> None:
        if not math.isfinite(value):
            return
        self.any.append(value)
        if "usd" in key:
            self.money.append(value)
        if key in SHARE_KEYS or in_weights:
            self.share.append(value * 100)

    def matches(self, q: Quote) -> bool:
        pool = self.money if q.money else self.share if q.suffix == "%" else self.any
        if q.value == 0:  # "$0" / "0%" claim nothing at all, not "rounds to zero"
            return any(abs(f) < 1e-9 for f in pool)
        candidates = [(q.value, q.unit)]
        if q.suffix in SCALE:
            candidates.append((q.value * SCALE[q.suffix], q.unit * SCALE[q.suffix]))
        return any(abs(v - f) <= 0.5 * u + 1e-6 * max(1.0, abs(f)) for v, u in candidates for f in pool)


def _walk(node: object, figures: Figures, key: str = "", in_weights: bool = False) -> None:
    if isinstance(node, bool) or node is None:
        return
    if isinstance(node, (int, float)):
        figures.add_value(key, float(node), in_weights)
    elif isinstance(node, str):
        figures.add_text(node)
    elif isinstance(node, dict):
        for k, v in node.items():
            figures.add_text(str(k))
            _walk(v, figures, str(k), in_weights or key == "weights")
    elif isinstance(node, (list, tuple)):
        for v in node:
            _walk(v, figures, key, in_weights)


MODEL_LISTS = ("recommendations", "excluded", "near_misses")


def engine_figures(rec: Recommendation) -> tuple[Figures, dict[str, Figures]]:
    """(figures about the whole result — requirements, weights, notes, counts, the open-or-closed decision —,
    figures per model id from its pick, exclusion, near-miss and decision entries)."""
    data = rec.model_dump(mode="json")
    common = Figures()
    _walk({k: v for k, v in data.items() if k not in MODEL_LISTS}, common)
    for name in MODEL_LISTS:
        common.add_value("count", float(len(data[name])))
    per_model: dict[str, Figures] = {}
    for name in MODEL_LISTS:
        for item in data[name]:
            _walk(item, per_model.setdefault(item["model_id"], Figures()))
    decision = data.get("decision") or {}  # the open-or-closed verdict's two picks and their costs
    for side in ("api", "self_hosted"):
        pick = decision.get(f"{side}_pick")
        if isinstance(pick, dict) and pick.get("model_id"):
            mine = per_model.setdefault(pick["model_id"], Figures())
            _walk(pick, mine)
            _walk({k: v for k, v in decision.items() if not k.endswith("_pick")}, mine)
    return common, per_model
