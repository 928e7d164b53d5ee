"""One quality scale per task (Arena points on the freshest snapshot's scale), honest about evidence.

`compute_quality(resolve, sources_dir)` -> {model_id: {task: QualityScore}}. Method, numbers and
caveats: docs/quality.md. In short, per task:

1. **direct** — the freshest Arena category board (namra7x, 2026-10-08) with its 95% interval;
2. **aligned** — an older board (2026 overall tables, 2025-12-11 categories, 2026-10-09 WebDev)
   mapped onto the fresh scale by a Theil-Sen line fitted on the models both boards share; the
   interval is the old one scaled by the slope, widened (in quadrature) by the fit's residual error:
   max(1.96 x robust residual sd, 95th percentile of |residual|).
   Boards are tried newest first, so newer evidence wins;
3. **imputed** — only when no board measured the task: predicted from the model's other task scores
   and AA indexes (quality_impute.py), interval from the fit's held-out error. Vision is never
   imputed (it needs image input). A measurement, even an old aligned one, beats a prediction;
4. **same weights** — a catalog entry that runs another entry's weights (data/quality_same_weights.csv)
   takes that entry's scores where it has none of its own (quality_variants.py).

Models no source mentions get a last-resort guess from catalog facts during the build
(quality_facts.py). Deterministic: sorted iteration, no randomness, scores rounded to 0.1 point.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from advisor.catalog.card import QualityScore
from advisor.catalog.quality_fit import Line, theil_sen
from advisor.catalog.quality_impute import Imputer
from advisor.catalog.quality_sources import (
    FBOULNOIS,
    JOIE,
    NAMRA,
    OPEN_LLM_BENCHMARKS,
    SHADOW,
    YF_BENCHMARKS,
    all_observations,
    best_variants,
    board_of,
)
from advisor.catalog.quality_variants import inherit, load_same_weights, setting_margin

# task -> boards' columns, newest first; the first `namra:` column is the task's reference scale.
TASK_COLUMNS: dict[str, tuple[str, ...]] = {
    "general": (  # overall text boards, newest first
        "namra:text", *(f"{b.prefix}:text" for b in JOIE), "cat25:full", *(f"{b.prefix}:text" for b in FBOULNOIS),
    ),
    "coding": ("namra:text_coding", "cat25:coding"),
    "math": ("namra:text_math", "cat25:math"),
    "reasoning": ("namra:text_hard_prompts", "cat25:hard_6"),  # Arena "hard prompts"
    "creative_writing": ("namra:text_creative_writing", "cat25:creative_writing"),
    "instruction_following": ("namra:text_instruction_following", "cat25:if"),
    "long_context": ("cat25:long_user",),  # Arena "longer query"
    "multi_turn": ("cat25:multiturn",),
    "chinese": ("cat25:chinese",),
    "multilingual": ("cat25:multilingual",),
    "agents": ("namra:agent_overall",),
    "vision": ("namra:vision", "vision25:vision"),
    "webdev": ("namra:code_webdev", "webdev26:webdev"),
}  # fmt: skip
TASKS = tuple(TASK_COLUMNS)
# Extra imputation features (not tasks themselves).
EXTRA_FEATURES = (
    "namra:text_expert", "namra:text_writing_literature_language", "cat25:english", "cat25:expert",
    "or:intelligence_index", "or:coding_index", "or:agentic_index", "aa0207:intelligence_index",
    "aa0207:coding_index", "aa0207:math_index", "aa0207:agentic_index", "aa0430:intelligence_index",
    "aa0330:intelligence_index",
    *(f"yf:{b}" for b in YF_BENCHMARKS), *(f"ollb:{b}" for b in OPEN_LLM_BENCHMARKS),
)  # fmt: skip
# Boards without a same-task counterpart are mapped with their overall column -> namra:text.
OVERALL = {"cat25": "cat25:full"}
LANGUAGES = ("french", "german", "japanese", "korean", "russian", "spanish")
MIN_LANGUAGES = 3
MIN_SHARED = 20
NOT_IMPUTED = frozenset({"vision"})


def _wide(obs: pd.DataFrame, value: str) -> pd.DataFrame:
    return obs.pivot(index="model", columns="column", values=value).sort_index()


def _add_multilingual(score: pd.DataFrame, half: pd.DataFrame) -> None:
    """Mean of the non-English, non-Chinese language slices (>= MIN_LANGUAGES of them)."""
    cols = [f"cat25:{lang}" for lang in LANGUAGES if f"cat25:{lang}" in score]
    n = score[cols].notna().sum(axis=1)
    ok = n >= MIN_LANGUAGES
    score["cat25:multilingual"] = score[cols].mean(axis=1).where(ok)
    half["cat25:multilingual"] = (np.sqrt((half[cols] ** 2).sum(axis=1)) / n.clip(lower=1)).where(ok)


def _scale_agents(score: pd.DataFrame, half: pd.DataFrame) -> None:
    """Agent `avgScore` -> points: match mean and sd of the same models' text_coding ratings."""
    col, ref = "namra:agent_overall", "namra:text_coding"
    if col not in score or ref not in score:
        return
    both = score[[col, ref]].dropna()
    if len(both) < 3 or both[col].std() == 0:
        return
    slope = both[ref].std() / both[col].std()
    score[col] = both[ref].mean() + slope * (score[col] - both[col].mean())
    half[col] = half[col] * slope


def _line(score: pd.DataFrame, old: str, new: str) -> Line | None:
    if old not in score or new not in score:
        return None
    both = score[[old, new]].dropna()
    return theil_sen(both[old].to_numpy(), both[new].to_numpy()) if len(both) >= MIN_SHARED else None


def alignment(score: pd.DataFrame, column: str, reference: str | None) -> Line | None:
    """The line mapping `column` onto the fresh scale.

    With a same-task fresh counterpart (`reference`), fit column -> reference directly. Otherwise use
    the board's overall -> namra:text line, with its residual sd raised to the error this same line
    makes on the board's other categories that do have a counterpart (category-specific drift,
    measured robustly as 1.4826 x median |residual|, bias included).
    """
    line = _line(score, column, reference) if reference else None
    prefix = column.split(":", 1)[0]
    overall = OVERALL.get(prefix)
    if line is not None or not overall:
        return line
    base = _line(score, overall, "namra:text")
    if base is None:
        return None
    resid: list[float] = []
    for cols in TASK_COLUMNS.values():
        ref = cols[0] if cols[0].startswith(f"{NAMRA.prefix}:") else None
        for col in cols[1:] if ref else ():
            if col.startswith(f"{prefix}:") and col != overall and col in score and ref in score:
                both = score[[col, ref]].dropna()
                resid.extend(both[ref] - base(both[col]))
    drift = 1.4826 * float(np.median(np.abs(resid))) if resid else 0.0
    q95 = float(np.quantile(np.abs(resid), 0.95)) if resid else 0.0
    return Line(base.intercept, base.slope, max(drift, base.resid_sd), base.n, max(q95, base.resid_q95))


def task_values(score: pd.DataFrame, half: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """task -> frame (score, half, evidence, source, as_of) of direct/aligned values, newest board first."""
    out = {}
    for task, columns in TASK_COLUMNS.items():
        reference = columns[0] if columns[0].startswith(f"{NAMRA.prefix}:") else None
        parts = []
        for col in columns:
            if col not in score:
                continue
            s, h = score[col].dropna(), half[col].reindex(score[col].dropna().index)
            board = board_of(col)
            if col == reference:
                evidence = "direct"
            else:
                line = alignment(score, col, reference)
                if line is None:
                    continue
                h = h.fillna(half[col].median() if half[col].notna().any() else half[reference].median())
                s, h = line(s), np.hypot(line.slope * h, line.margin)
                evidence = "aligned"
            parts.append(
                pd.DataFrame(
                    {
                        "score": s,
                        "half": h,
                        "evidence": evidence,
                        "source": f"{board.source}:{col.split(':', 1)[1]}",
                        "as_of": board.as_of,
                    }
                )
            )
        frame = (
            pd.concat(parts)
            if parts
            else pd.DataFrame(columns=["score", "half", "evidence", "source", "as_of"])
        )
        out[task] = frame[~frame.index.duplicated(keep="first")].sort_index()
    return out


def feature_table(score: pd.DataFrame, values: dict[str, pd.DataFrame]) -> pd.DataFrame:
    table = pd.DataFrame({task: v["score"] for task, v in values.items()}, index=score.index)
    for col in EXTRA_FEATURES:
        if col in score:
            table[col] = score[col]
    return table.astype(float)


def _as_of(values: dict[str, pd.DataFrame], model: str, feature: str) -> str:
    return values[feature].at[model, "as_of"] if feature in values else board_of(feature).as_of


def _impute(table: pd.DataFrame, values: dict[str, pd.DataFrame]) -> None:
    """Fill each task's missing models from their other evidence; as_of = freshest evidence used."""
    observed = {task: frame.copy() for task, frame in values.items()}
    for task in TASKS:
        if task in NOT_IMPUTED:
            continue
        imputer = Imputer(table, task)
        rows = {}
        for model in table.index.difference(observed[task].index):
            if model.startswith(SHADOW):  # never returned: no need to impute
                continue
            got = imputer.predict(model)
            if got is not None:
                score, half, feats = got
                as_of = max(_as_of(observed, model, f) for f in feats)
                rows[model] = (score, half, "imputed", "imputed:" + "+".join(feats), as_of)
        if rows:
            new = pd.DataFrame.from_dict(rows, orient="index", columns=values[task].columns)
            values[task] = pd.concat([values[task], new]).sort_index()


def prepared(
    resolve: Callable[[str], str | None], sources_dir: Path, raw: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(score, half) wide tables, models x board columns, with derived multilingual and scaled agents."""
    obs = best_variants(all_observations(resolve, Path(sources_dir)) if raw is None else raw)
    score, half = _wide(obs, "score"), _wide(obs, "half")
    _add_multilingual(score, half)
    _scale_agents(score, half)
    return score, half


def evidence(
    resolve: Callable[[str], str | None], sources_dir: Path, raw: pd.DataFrame | None = None
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """(task -> direct/aligned values, imputation feature table) before imputation."""
    score, half = prepared(resolve, sources_dir, raw)
    values = task_values(score, half)
    return values, feature_table(score, values)


def compute_quality(
    resolve: Callable[[str], str | None], sources_dir: Path
) -> dict[str, dict[str, QualityScore]]:
    """{model_id: {task: QualityScore}} for every model any quality source resolves to.

    Names `resolve` does not know still join the fits (alignment lines, imputation training) under a
    normalised shadow id, so the fits see every model the boards share, not just catalog models.
    Finally, variants that run the same weights as another catalog model inherit its scores where
    they have no measurement of their own (quality_variants.py).
    """
    raw = all_observations(resolve, Path(sources_dir))
    values, table = evidence(resolve, sources_dir, raw)
    _impute(table, values)
    out: dict[str, dict[str, QualityScore]] = {}
    for task in TASKS:
        frame = values[task][~values[task].index.str.startswith(SHADOW)]
        for model, score, half, grade, source, as_of in frame.itertuples():
            s, h = round(float(score), 1), round(float(half), 1)
            out.setdefault(model, {})[task] = QualityScore(
                score=s, low=round(s - h, 1), high=round(s + h, 1), evidence=grade, source=source, as_of=as_of
            )
    return inherit(out, load_same_weights(), setting_margin(raw), resolve)
