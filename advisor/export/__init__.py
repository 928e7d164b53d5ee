"""Exports of a `Recommendation` in English or 中文: Markdown, a JSON decision record, CSV and printable HTML.

All four only read the `Recommendation` (no recomputation, no clock, no environment), so the same input
gives byte-identical output; "generated at" is the data's own date. Every dynamic value is escaped for
its format: Markdown via `explain.md`, HTML via `html.escape`, CSV cells against formula injection.
Anything that looks like an API key is redacted before it leaves.
"""

from __future__ import annotations

import csv
import io
import json
import re

from advisor import explain as ex
from advisor.i18n import join, label, norm_lang, t
from advisor.recommendation import Pick, Recommendation

RECORD_SCHEMA = "model-advisor/decision-record/1"
MAX_EXCLUDED_ROWS = 30  # Markdown/HTML list this many exclusions; the JSON record and CSV list them all
_KEY_LIKE = re.compile(
    r"\b(?:sk-[A-Za-z0-9_-]{16,}|sk-ant-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|gh[pousr]_[A-Za-z0-9]{30,})"
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")

__all__ = [
    "to_markdown",
    "to_json_record",
    "decision_record",
    "to_csv",
    "to_html",
    "redact",
    "requirement_rows",
]


def redact(text: str) -> str:
    """Replace anything shaped like an API key with [redacted]."""
    return _KEY_LIKE.sub("[redacted]", text)


def requirement_rows(rec: Recommendation, lang: str) -> list[tuple[str, str]]:
    """(field, value) pairs describing the requirements, in plain text."""
    r = rec.requirements
    none = t("none", lang)
    hw = r.hardware
    if hw is None:
        hardware = none
    else:
        hardware = f"{hw.gpu_count}× {hw.gpu}" if hw.gpu else t("cpu_only", lang)
        extra = [
            f"{k} {ex.num(v)} GB"
            for k, v in (("VRAM", hw.vram_gb), ("RAM", hw.ram_gb), ("unified", hw.unified_memory_gb))
            if v
        ]
        hardware = ", ".join([hardware, *extra])
    w = r.workload
    rows = [
        ("tasks", join([label("task", x, lang) for x in r.tasks], lang)),
        ("languages", join([label("lang", x, lang) for x in r.languages], lang) or none),
        ("deployment", label("value", r.deployment, lang)),
        ("privacy", label("value", r.privacy, lang)),
        ("open_weights", label("value", str(r.open_weights), lang)),
        ("license", label("value", r.license, lang)),
        ("region", label("value", r.region, lang)),
        (
            "budget_usd_per_month",
            ex.money(r.budget_usd_per_month, lang) if r.budget_usd_per_month is not None else none,
        ),
        (
            "workload",
            t(
                "workload_value",
                lang,
                rpd=ex.num(w.requests_per_day),
                inp=f"{w.input_tokens:,}",
                out=f"{w.output_tokens:,}",
            ),
        ),
        ("hardware", hardware),
        ("min_context_tokens", f"{r.min_context_tokens:,}" if r.min_context_tokens else none),
        ("capabilities", join([label("capability", x, lang) for x in r.capabilities], lang) or none),
        ("min_tokens_per_s", ex.num(r.min_tokens_per_s) if r.min_tokens_per_s is not None else none),
        ("priority", label("value", r.priority, lang)),
    ]
    return [(label("field", k, lang), v) for k, v in rows]


def shortlist_rows(rec: Recommendation, lang: str) -> list[list[str]]:
    return [
        [str(p.rank), p.name.strip(), ex.deployment(p, lang), ex.num(p.monthly_cost_usd), ex.num(p.tokens_per_s, 1),
         f"{p.context_tokens:,}" if p.context_tokens else "—", p.license, ex.SCORE.format(p.score)]
        for p in rec.recommendations
    ]  # fmt: skip


SHORTLIST_COLUMNS = (
    "col_rank",
    "col_model",
    "col_deployment",
    "col_cost",
    "col_speed",
    "col_context",
    "col_license",
    "col_score",
)


def excluded_table(rec: Recommendation, lang: str) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, first MAX_EXCLUDED_ROWS rows, [summary, "… and N more" if cut]) for Markdown and HTML."""
    header = [t("col_model", lang), t("col_rule", lang), t("col_reasons", lang)]
    rows = [
        [e.name.strip(), label("rule", e.rule, lang), "; ".join(e.reasons)]
        for e in rec.excluded[:MAX_EXCLUDED_ROWS]
    ]
    notes = [ex.exclusions_summary(rec, lang).paras[0]]
    if len(rec.excluded) > MAX_EXCLUDED_ROWS:
        notes.append(t("excluded_more", lang, n=len(rec.excluded) - MAX_EXCLUDED_ROWS))
    return header, rows, notes


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(ex.md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(ex.md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def to_markdown(rec: Recommendation, lang: str = "en") -> str:
    lang = norm_lang(lang)
    out = [f"# {t('title', lang)}", f"_{ex.md(t('data_as_of', lang, date=rec.data_as_of))}_"]
    out += [
        f"## {t('requirements', lang)}",
        _md_table([t("field", lang), t("value", lang)], [list(r) for r in requirement_rows(rec, lang)]),
    ]
    if rec.recommendations:
        out += [
            f"## {t('shortlist', lang)}",
            _md_table([t(c, lang) for c in SHORTLIST_COLUMNS], shortlist_rows(rec, lang)),
        ]
    blocks = [
        b for b in ex.blocks(rec, lang) if b.title != t("excluded", lang)
    ]  # listed below, with the table
    others = [b for p in rec.recommendations[1:] if (b := ex.contributions(p, lang))]
    at = next(
        (i + 1 for i, b in enumerate(blocks) if rec.recommendations and b == ex.top_contributions(rec, lang)),
        len(blocks),
    )
    out.append(ex.render_markdown(blocks[:at] + others + blocks[at:]))
    if rec.excluded:
        header, rows, notes = excluded_table(rec, lang)
        out += [f"## {t('excluded', lang)}", ex.md(notes[0]), _md_table(header, rows), *map(ex.md, notes[1:])]
    for key, items in (("warnings", rec.warnings), ("assumptions", rec.assumptions)):
        if items:
            out += [f"## {t(key, lang)}", "\n".join(f"- {ex.md(x)}" for x in items)]
    if rec.data_sources:
        out += [
            f"## {t('sources', lang)}",
            "\n".join(f"- {ex.md(k)}: {ex.md(v)}" for k, v in sorted(rec.data_sources.items())),
        ]
    out.append("---\n" + ex.md(t("footer", lang, version=rec.advisor_version, date=rec.data_as_of)))
    return redact("\n\n".join(out) + "\n")


def to_html(rec: Recommendation, lang: str = "en") -> str:
    """A standalone printable page (inline CSS, no scripts, every value escaped)."""
    from advisor.export.html import render

    return redact(render(rec, norm_lang(lang)))


def _pick_record(p: Pick) -> dict:
    data = p.model_dump(mode="json")
    data["criteria"] = {k: data["criteria"][k] for k in sorted(data["criteria"])}
    return data


def decision_record(rec: Recommendation, lang: str = "en") -> dict:
    """The decision record as a dict: keys are stable English names; `summary` is in `lang`."""
    lang = norm_lang(lang)
    summary = ex.headline(rec, lang).paras[0]
    return {
        "schema": RECORD_SCHEMA,
        "advisor_version": rec.advisor_version,
        "generated_at": rec.data_as_of,
        "lang": lang,
        "summary": summary,
        "data": {"as_of": rec.data_as_of, "sources": dict(sorted(rec.data_sources.items()))},
        "requirements": rec.requirements.model_dump(mode="json"),
        "weights": dict(sorted(rec.weights.items())),
        "shortlist": [_pick_record(p) for p in rec.recommendations],
        "excluded": [e.model_dump(mode="json") for e in rec.excluded],
        "near_misses": [n.model_dump(mode="json") for n in rec.near_misses],
        "stability": rec.stability.model_dump(mode="json") if rec.stability else None,
        "what_would_change": [w.model_dump(mode="json") for w in rec.what_would_change],
        "assumptions": list(rec.assumptions),
        "warnings": list(rec.warnings),
        "gap_note": rec.gap_note,
        "decision": rec.decision,
    }


def to_json_record(rec: Recommendation, lang: str = "en") -> str:
    text = json.dumps(decision_record(rec, lang), ensure_ascii=False, indent=2, sort_keys=False, default=str)
    return redact(text) + "\n"


def safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ TAB CR gets a leading apostrophe.

    Numbers stay numbers (also negative ones, as numbers or as plain numeric text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return round(value, 6) if isinstance(value, float) else value
    text = redact(str(value))
    if _NUMBER.fullmatch(text):
        return text
    return (
        "'" + text
        if text[:1] in ("=", "+", "-", "@", "\t", "\r") or text.lstrip()[:1] in ("=", "+", "@")
        else text
    )


CSV_COLUMNS = (
    ("col_status", None), ("col_rank", "rank"), ("col_model_id", "model_id"), ("col_model", "name"),
    ("col_org", "organization"), ("col_deployment", None), ("col_provider", "provider"), ("col_quant", "quantization"),
    ("col_gpu", "gpu"), ("col_gpu_count", "gpu_count"), ("col_rented", "gpu_rented"), ("col_open_weights", "open_weights"),
    ("col_license", "license"), ("col_commercial", "commercial_use"), ("col_cost", "monthly_cost_usd"),
    ("col_speed", "tokens_per_s"), ("col_context", "context_tokens"), ("col_memory", "memory_gb"),
    ("col_input_price", "input_usd_per_1m"), ("col_output_price", "output_usd_per_1m"), ("col_quality", "quality"),
    ("col_score", "score"), ("col_tied", "tied_with"),
)  # fmt: skip


def to_csv(rec: Recommendation, lang: str = "en") -> str:
    """Shortlist rows then excluded rows; encode with 'utf-8-sig' for Excel to read 中文."""
    lang = norm_lang(lang)
    criteria = sorted({k for p in rec.recommendations for k in p.criteria} | set(rec.weights))
    header = [t(key, lang) for key, _ in CSV_COLUMNS]
    header += [t("col_contribution", lang, criterion=label("criterion", c, lang)) for c in criteria]
    header += [t("col_rule", lang), t("col_reasons", lang)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for p in rec.recommendations:
        data = p.model_dump()
        row: list[object] = [t("status_pick", lang)]
        for key, attr in CSV_COLUMNS[1:]:
            value = ex.deployment(p, lang) if key == "col_deployment" else data[attr]
            row.append(" ".join(value) if isinstance(value, list) else value)
        row += [p.criteria[c].contribution if c in p.criteria else None for c in criteria]
        row += ["", " | ".join(p.reasons)]
        writer.writerow([safe_cell(c) for c in row])
    for e in rec.excluded:
        row = [t("status_excluded", lang), None, e.model_id, e.name] + [None] * (
            len(CSV_COLUMNS) - 4 + len(criteria)
        )
        writer.writerow([safe_cell(c) for c in [*row, label("rule", e.rule, lang), " | ".join(e.reasons)]])
    return buf.getvalue()
