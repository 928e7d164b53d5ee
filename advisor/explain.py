"""The deterministic explanation: Markdown built only from a `Recommendation`'s own numbers (EN / 中文).

`explain(rec, lang, question)` gives the top pick and why, per-criterion contributions, ties, stability,
exclusions, near misses, what would change the answer, gap/decision notes and the data date; when the
question names a model ("why not GPT-5?", "为什么不是 Qwen3？") it answers that instead, via `why_not`.
It never recomputes a score: every figure is a `Recommendation` field, formatted. The LLM layer falls
back to this text, and `advisor.export.to_markdown` reuses its sections.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from advisor.i18n import join, label, norm_lang, t
from advisor.recommendation import Excluded, Pick, Recommendation

SCORE = "{:.3f}"
_ASK = re.compile(
    r"(?:why not|why (?:isn'?t|wasn'?t|not use|didn'?t you (?:pick|choose|recommend))|"
    r"为什么不(?:是|选|用|推荐)?|为啥不(?:是|选|用)?|怎么不(?:是|选|用)?)\s*(?:the\s|use\s)?([^?？。!！,，;；\n]{1,80})",
    re.IGNORECASE,
)


def num(x: float | None, digits: int = 2) -> str:
    """1234.5 -> '1,234.5'; None -> '—'. Trailing zeros go; thousands get commas."""
    if x is None:
        return "—"
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(x: float | None, lang: str) -> str:
    return "—" if x is None else t("per_month", lang, amount=num(x))


def value_text(value: float | None, unit: str, lang: str = "en") -> str:
    if value is None:
        return "n/a"
    if unit == "USD/month":
        return money(value, lang)
    return f"{num(value, 1)} {unit}".strip()


def deployment(p: Pick, lang: str) -> str:
    if p.deployment == "api":
        return t("dep_api", lang, provider=p.provider) if p.provider else t("dep_api_any", lang)
    quant = p.quantization or "—"
    text = (
        t("dep_self", lang, quant=quant, count=p.gpu_count or 1, gpu=p.gpu)
        if p.gpu
        else t("dep_self_nogpu", lang, quant=quant)
    )
    if p.gpu_rented is not None:
        note = t("rented" if p.gpu_rented else "owned", lang)
        text += f"（{note}）" if norm_lang(lang) == "zh" else f" ({note})"
    return text


def name_of(rec: Recommendation, model_id: str) -> str:
    for item in (*rec.recommendations, *rec.excluded, *rec.near_misses):
        if item.model_id == model_id:
            return item.name.strip()
    return model_id


def _key(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()) + " "


@dataclass
class Block:
    """One section as plain text (no markup); `render_markdown` and the HTML export escape it."""

    title: str | None = None
    paras: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    strong: bool = False


def md(text: object) -> str:
    """Plain text -> Markdown that shows exactly that text (no links, HTML, tables or headings from data)."""
    s = " ".join(str(text).split())
    s = re.sub(r"([\\`*\[\]<>|])", r"\\\1", s)
    s = re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", s)  # intra-word _ is never emphasis
    s = re.sub(r"^(\d+)([.)])(?=\s)", r"\1\\\2", s)  # "1. x" is not a list item
    return re.sub(r"^(#{1,6}|[+>-])(?=\s)", r"\\\1", s)


def render_markdown(blocks: list[Block], level: int = 3) -> str:
    out = []
    for b in blocks:
        lines = [f"{'#' * level} {md(b.title)}"] if b.title else []
        lines += [f"**{md(p)}**" if b.strong else md(p) for p in b.paras]
        lines += [f"- {md(x)}" for x in b.bullets]
        out.append("\n".join(lines))
    return "\n\n".join(out)


# --- sections (each a Block, or None when there is nothing to say) ----------------------------------------
def headline(rec: Recommendation, lang: str) -> Block:
    if not rec.recommendations:
        return Block(paras=[t("no_picks", lang)], bullets=list(rec.warnings), strong=True)
    top = rec.recommendations[0]
    text = t(
        "top_pick",
        lang,
        name=top.name.strip(),
        org=top.organization,
        deployment=deployment(top, lang),
        score=SCORE.format(top.score),
    )
    return Block(paras=[text], strong=True)


def why(rec: Recommendation, lang: str) -> Block | None:
    if not rec.recommendations or not rec.recommendations[0].reasons:
        return None
    return Block(t("why", lang), bullets=list(rec.recommendations[0].reasons))


def contributions(p: Pick, lang: str) -> Block | None:
    if not p.criteria:
        return None
    bullets = [
        t("contribution_line", lang, criterion=label("criterion", key, lang), value=value_text(c.value, c.unit, lang),
          normalized=num(c.normalized, 2), weight=num(c.weight, 2), contribution=SCORE.format(c.contribution))
        for key, c in sorted(p.criteria.items(), key=lambda kv: (-kv[1].contribution, kv[0]))
    ]  # fmt: skip
    return Block(
        t("contributions", lang, name=p.name.strip()),
        [t("total_score", lang, score=SCORE.format(p.score))],
        bullets,
    )


def runners_up(rec: Recommendation, lang: str) -> Block | None:
    picks = rec.recommendations
    bullets = [
        t("runner_line", lang, rank=p.rank, name=p.name.strip(), score=SCORE.format(p.score), gap=SCORE.format(max(0.0, picks[0].score - p.score)))
        for p in picks[1:]
    ]  # fmt: skip
    return Block(t("runners_up", lang), bullets=bullets) if bullets else None


def ties(rec: Recommendation, lang: str) -> Block | None:
    seen: set[frozenset[str]] = set()
    bullets = []
    for p in rec.recommendations:
        group = frozenset([p.model_id, *p.tied_with])
        if p.tied_with and group not in seen:
            seen.add(group)
            bullets.append(
                t(
                    "tie_line",
                    lang,
                    name=p.name.strip(),
                    others=join([name_of(rec, m) for m in p.tied_with], lang),
                )
            )
    return Block(t("ties", lang), bullets=bullets) if bullets else None


def stability(rec: Recommendation, lang: str) -> Block | None:
    s = rec.stability
    if s is None:
        return None
    names = join([name_of(rec, m) for m in s.challengers], lang) or "—"
    return Block(t("stability", lang), [t("stable", lang) if s.stable else t("unstable", lang, names=names)])


def exclusions_summary(rec: Recommendation, lang: str) -> Block | None:
    if not rec.excluded:
        return None
    counts = sorted(Counter(e.rule for e in rec.excluded).items(), key=lambda kv: (-kv[1], kv[0]))
    by_rule = join([f"{label('rule', r, lang)} {n}" for r, n in counts], lang)
    return Block(t("excluded", lang), [t("excluded_summary", lang, n=len(rec.excluded), by_rule=by_rule)])


def near_misses(rec: Recommendation, lang: str) -> Block | None:
    bullets = [
        t("near_miss_line", lang, name=n.name.strip(), rule=label("rule", n.rule, lang), change=n.change)
        + (t("would_rank", lang, rank=n.would_rank) if n.would_rank else "")
        for n in rec.near_misses
    ]
    return Block(t("near_misses", lang), bullets=bullets) if bullets else None


def what_would_change(rec: Recommendation, lang: str) -> Block | None:
    bullets = [f"{w.change} → {w.effect}" for w in rec.what_would_change]
    return Block(t("what_would_change", lang), bullets=bullets) if bullets else None


def gap(rec: Recommendation, lang: str) -> Block | None:
    return Block(t("gap", lang), [rec.gap_note]) if rec.gap_note else None


def decision(rec: Recommendation, lang: str) -> Block | None:
    """The open-or-closed verdict paragraph in `lang` and the reasons behind it (issue 7)."""
    d = rec.decision
    if not d:
        return None
    paragraph = d.get(f"paragraph_{lang}") or d.get("paragraph_en")
    reasons = d.get("reasons_zh" if lang == "zh" else "reasons") or []
    return Block(t("decision", lang), paras=[paragraph] if paragraph else [], bullets=list(reasons))


def data_line(rec: Recommendation, lang: str) -> str:
    return t("data_as_of", lang, date=rec.data_as_of)


def top_contributions(rec: Recommendation, lang: str) -> Block | None:
    return contributions(rec.recommendations[0], lang) if rec.recommendations else None


SECTIONS = (headline, why, top_contributions, runners_up, ties, stability, exclusions_summary, near_misses,
            what_would_change, gap, decision)  # fmt: skip


def blocks(rec: Recommendation, lang: str) -> list[Block]:
    return [b for section in SECTIONS if (b := section(rec, lang)) is not None]


def explain(rec: Recommendation, lang: str = "en", question: str | None = None, catalog: Any = None) -> str:
    """Markdown explanation; a question naming a model gets the `why_not` answer first."""
    lang = norm_lang(lang)
    target = find_model(rec, question or "")
    if target is None and question:
        ask = _ASK.search(question)
        target = ask.group(1).strip() if ask else None
    if target:
        parts = [Block(paras=[why_not(rec, target, lang, catalog=catalog)]), headline(rec, lang)]
    else:
        parts = blocks(rec, lang)
    return render_markdown(parts) + f"\n\n_{md(data_line(rec, lang))}_\n"


def find_model(rec: Recommendation, text: str) -> str | None:
    """The model_id of the longest pick/excluded/near-miss name or id that `text` mentions."""
    hay = _key(text)
    best: tuple[int, str] | None = None
    for item in (*rec.recommendations, *rec.excluded, *rec.near_misses):
        for candidate in (item.model_id, item.name):
            key = _key(candidate)
            if key.strip() and key in hay and (best is None or len(key) > best[0]):
                best = (len(key), item.model_id)
    return best[1] if best else None


def why_not(rec: Recommendation, model: str, lang: str = "en", catalog: Any = None) -> str:
    """Why `model` (id or name) is not the top pick: its rank and score gap, its exclusion, or no data."""
    lang = norm_lang(lang)
    model_id = find_model(rec, model) or model
    picks = {p.model_id: p for p in rec.recommendations}
    if model_id in picks:
        return _why_pick(rec, picks[model_id], lang)
    excluded = {e.model_id: e for e in rec.excluded}
    if model_id in excluded:
        return _why_excluded(rec, excluded[model_id], lang)
    card = _resolve(model, catalog)
    if card is not None:
        if card.id in picks:
            return _why_pick(rec, picks[card.id], lang)
        if card.id in excluded:
            return _why_excluded(rec, excluded[card.id], lang)
        return t("why_not_unranked", lang, name=card.name, k=len(rec.recommendations))
    return t("why_not_unknown", lang, name=model.strip()[:80])


def _why_pick(rec: Recommendation, p: Pick, lang: str) -> str:
    top = rec.recommendations[0]
    if p.model_id == top.model_id:
        return (
            t("why_not_top", lang, name=p.name.strip())
            + " "
            + t("why_not_pick", lang, name=p.name.strip(), rank=p.rank, score=SCORE.format(p.score))
        )
    diffs = []
    for key, c in top.criteria.items():
        mine = p.criteria.get(key)
        delta = c.contribution - (mine.contribution if mine else 0.0)
        if delta > 0:
            diffs.append((delta, f"{label('criterion', key, lang)} −{SCORE.format(delta)}"))
    diffs.sort(key=lambda d: -d[0])
    text = t("why_not_pick", lang, name=p.name.strip(), rank=p.rank, score=SCORE.format(p.score))
    gap = SCORE.format(max(0.0, top.score - p.score))
    text += " " + t(
        "why_not_gap", lang, gap=gap, top=top.name.strip(), diffs=join([d for _, d in diffs[:2]], lang) or "—"
    )
    if p.tied_with:
        text += " " + t(
            "tie_line", lang, name=p.name.strip(), others=join([name_of(rec, m) for m in p.tied_with], lang)
        )
    return text


def _why_excluded(rec: Recommendation, e: Excluded, lang: str) -> str:
    stop = "。" if lang == "zh" else "."
    reasons = "; ".join(r.strip().rstrip(".。") for r in e.reasons) + stop
    text = t("why_not_excluded", lang, name=e.name.strip(), rule=label("rule", e.rule, lang), reasons=reasons)
    for n in rec.near_misses:
        if n.model_id == e.model_id:
            text += " " + t("why_not_near", lang, change=n.change)
    return text


def _resolve(name: str, catalog: Any):
    """The catalog card for `name`, or None (also when no catalog can be loaded)."""
    try:
        if catalog is None:
            from advisor.catalog import load_catalog

            catalog = load_catalog()
        return catalog.resolve(name.strip())
    except Exception:  # noqa: BLE001 - without a catalog the answer is "no data", never a traceback
        return None
