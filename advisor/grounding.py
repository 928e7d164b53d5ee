"""Checks on LLM text before anyone sees it: sanitising, grounding and prompt-echo detection. Pure Python.

- `sanitize(text)` strips markdown images, links to images, raw HTML tags (script/style with their content)
  and `javascript:` links, keeping link labels. Display the result as markdown with HTML disabled.
- `markup_found(text)` tells whether there was anything for `sanitize` to strip (a sign of injection).
- `check(text, rec, known=..., question=...)` lists grounding problems: a model named that is not in the
  recommendation (picks, excluded, near misses, the open-or-closed decision's picks), a model-like name that isn't in the catalog at all, a
  figure that matches none the engine produced for the models the sentence names (advisor/figures.py), or
  a rank claimed for a model that the engine didn't give it.
- `echoes(text, pieces)` tells whether the text repeats a stretch of the fixed prompt wording.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from advisor import figures
from advisor.recommendation import Recommendation

_IMAGE = re.compile(r"!\[[^\]]*\]\s*(\([^)]*\)|\[[^\]]*\])")
_IMG_EXT = r"\.(?:png|jpe?g|gif|svg|webp|bmp|ico|avif)(?:[?#][^)\s]*)?"
_IMAGE_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?[^)\s]*" + _IMG_EXT + r">?(?:\s+\"[^\"]*\")?\s*\)", re.I)
_JS_LINK = re.compile(r"\[([^\]]*)\]\(\s*(?:javascript|data|vbscript):(?:[^()]|\([^()]*\))*\)", re.I)
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M)
_BARE_IMAGE_URL = re.compile(r"<?https?://\S+" + _IMG_EXT + r">?", re.I)
_BLOCK = re.compile(r"<(script|style|iframe|object|embed|svg|template)\b.*?(</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>|<!--.*?-->", re.S)

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|#+)\s", re.M)


def sanitize(text: str) -> str:
    """LLM text made safe to render as markdown (with HTML disabled as a second line of defence)."""
    text = _BLOCK.sub("", text)
    text = _TAG.sub("", text)
    text = _IMAGE.sub("", text)
    text = _IMAGE_LINK.sub(r"\1", text)
    text = _JS_LINK.sub(r"\1", text)
    text = _REF_DEF.sub("", text)
    text = _BARE_IMAGE_URL.sub("", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").strip()


# --- models named ---------------------------------------------------------------------------------


def _variants(names: Iterable[str]) -> set[str]:
    out = set()
    for name in names:
        name = (name or "").strip()
        plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
        out |= {name, plain, re.sub(r"[-\s]instruct(?:[-\s]\d+)?$", "", plain, flags=re.I)}
    return {v for v in out if len(v) >= 3}


def _key(text: str) -> str:
    return re.sub(r"[\s\-_]+", "", text.lower())


def families(known: dict[str, set[str]]) -> set[str]:
    """Model family words taken from the names themselves ('GPT', 'Claude', 'Qwen', ...): data, not branches."""
    heads = (re.match(r"[A-Za-z]+", name) for names in known.values() for name in names)
    return {h.group().lower() for h in heads if h and len(h.group()) >= 3}


class NameIndex:
    """Finds catalog models in text by id, display name or alias (case and separators ignored, longest first),
    and model-like names of a known family that match no catalog model ('GPT-7', 'Qwen 9')."""

    def __init__(self, known: frozenset[tuple[str, frozenset[str]]]):
        self.by_key: dict[str, set[str]] = {}
        for mid, names in known:
            for v in _variants(names):
                self.by_key.setdefault(_key(v), set()).add(mid)
        variants = sorted({v for _, names in known for v in _variants(names)}, key=len, reverse=True)
        alternation = "|".join(r"[\s\-_]*".join(map(re.escape, re.split(r"[\s\-_]+", v))) for v in variants)
        self.names = (
            re.compile(r"(?<![\w.])(?:" + alternation + r")(?![\w+]|\.\d)", re.I) if variants else None
        )
        family = "|".join(sorted(map(re.escape, families(dict(known))), key=len, reverse=True))
        self.family = (
            re.compile(r"(?<![\w.])(?:" + family + r")[\s\-_]?v?\d[\w.\-]*", re.I) if family else None
        )

    @staticmethod
    @functools.lru_cache(maxsize=4)
    def of(known: frozenset[tuple[str, frozenset[str]]]) -> NameIndex:
        """Built once per set of names (compiling the whole catalog's takes tens of ms)."""
        return NameIndex(known)

    def find(self, text: str, preferred: set[str]) -> tuple[set[str], list[str], str]:
        """(model ids named, unknown model-like names, the text with both blanked out). A name that several
        models share means the one in `preferred` (the recommendation's)."""
        found: set[str] = set()
        unknown: list[str] = []

        def blank_known(m: re.Match) -> str:
            ids = self.by_key[_key(m.group())]
            found.add(min(ids & preferred or ids))
            return " " * len(m.group())

        def blank_unknown(m: re.Match) -> str:
            unknown.append(m.group())
            return " " * len(m.group())

        if self.names:
            text = self.names.sub(blank_known, text)
        if self.family:
            text = self.family.sub(blank_unknown, text)
        return found, unknown, text


# --- the check ------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<!\d)[.!?](?!\d)|[。！？；;\n]")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_RANK_CLAIMS = [
    re.compile(r"(?:#|\bno\.\s?|\brank(?:s|ed)?\s+(?:#|no\.\s?|number\s)?)(\d+)", re.I),
    re.compile(r"\b(?:ranks?|ranked|is|comes?|placed)\s+(first|second|third)\b", re.I),
    re.compile(r"第\s*([0-9一二三四五])\s*(?:名|位)?"),
]


def allowed_models(rec: Recommendation) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for item in [*rec.recommendations, *rec.excluded, *rec.near_misses]:
        out.setdefault(item.model_id, set()).update({item.model_id, item.name})
    for pick in decision_picks(rec):
        out.setdefault(pick["model_id"], set()).update(
            {pick["model_id"], pick.get("name") or pick["model_id"]}
        )
    return out


def decision_picks(rec: Recommendation) -> list[dict]:
    """The open-or-closed decision's API and self-hosted picks (rec.decision, issue 7), where present."""
    decision = rec.decision or {}
    picks = (decision.get("api_pick"), decision.get("self_hosted_pick"))
    return [p for p in picks if isinstance(p, dict) and p.get("model_id")]


def _ranks(rec: Recommendation) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for p in rec.recommendations:
        out.setdefault(p.model_id, set()).add(p.rank)
    for n in rec.near_misses:
        if n.would_rank is not None:
            out.setdefault(n.model_id, set()).add(n.would_rank)
    return out


def _claimed_ranks(sentence: str) -> set[int]:
    out = set()
    for pattern in _RANK_CLAIMS:
        for m in pattern.finditer(sentence):
            word = m.group(1).lower()
            out.add(int(word) if word.isdigit() else _ORDINALS[word])
    return out


def markup_found(text: str) -> bool:
    """The raw text had images, image links, script/HTML or javascript: links (what `sanitize` strips)."""
    patterns = (_BLOCK, _TAG, _IMAGE, _IMAGE_LINK, _JS_LINK, _BARE_IMAGE_URL)
    return any(p.search(text) for p in patterns)


def check(
    text: str, rec: Recommendation, known: dict[str, set[str]] | None = None, question: str | None = None
) -> list[str]:
    """Grounding problems in `text` (empty = grounded). `known`: model id -> names/aliases of the whole
    catalog; without it only the recommendation's own models are known. Figures are checked per sentence
    against the models that sentence names (or, when it names none, the whole result and the question's
    own numbers); a rank claimed for a single named model must be the engine's."""
    allowed = allowed_models(rec)
    every = {**(known or {}), **{k: allowed[k] | (known or {}).get(k, set()) for k in allowed}}
    index = NameIndex.of(frozenset((k, frozenset(v)) for k, v in every.items()))
    common, per_model = figures.engine_figures(rec)
    everything = figures.Figures()
    everything.add_text(question or "")  # "what if 2 GPUs?" may be echoed, but not pinned on a model
    everything = everything | common
    for f in per_model.values():
        everything = everything | f
    ranks = _ranks(rec)
    dates_ok = set(_DATE.findall(rec.model_dump_json()))
    outside, unknown, bad_dates, bad, bad_ranks = set(), [], set(), [], []
    for sentence in _SENTENCE.split(_LIST_MARKER.sub(" ", text)):
        named, strange, rest = index.find(sentence, set(allowed))
        outside |= named - set(allowed)
        unknown += strange
        bad_dates |= set(_DATE.findall(rest)) - dates_ok
        rest = _DATE.sub(" ", rest)
        pool = everything
        if named:
            pool = common
            for mid in named:
                pool = pool | per_model.get(mid, figures.Figures())
        bad += [q.written for q in figures.quotes(rest) if not q.structural and not pool.matches(q)]
        if len(named) == 1:
            (mid,) = named
            wrong = _claimed_ranks(rest) - ranks.get(mid, set())
            if wrong and mid in allowed:
                bad_ranks.append(f"{mid} #{min(wrong)}")
    issues = []
    if outside:
        issues.append("names models that are not in the recommendation: " + ", ".join(sorted(outside)))
    if unknown:
        issues.append("names models the catalog does not have: " + ", ".join(sorted(set(unknown))))
    if bad_dates:
        issues.append("quotes dates the engine did not produce: " + ", ".join(sorted(bad_dates)))
    if bad:
        issues.append("quotes figures the engine did not produce: " + ", ".join(dict.fromkeys(bad)))
    if bad_ranks:
        issues.append("claims ranks the engine did not give: " + ", ".join(bad_ranks))
    return issues


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def echoes(text: str, pieces: Iterable[str], window: int = 40) -> bool:
    """True when `text` repeats any `window`-character stretch (ignoring spacing/punctuation) of `pieces`."""
    hay = _squash(text)
    for piece in pieces:
        p = _squash(piece)
        size = min(window, len(p))
        if size < 16:
            continue
        step = max(1, size // 4)
        if any(p[i : i + size] in hay for i in range(0, len(p) - size + 1, step)):
            return True
    return False
