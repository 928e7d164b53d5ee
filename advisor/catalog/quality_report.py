"""Held-out error of the quality imputation, for docs/quality.md (`python -m advisor.catalog.quality_report`).

For each task, the models with a direct/aligned value are split into 5 folds by sorted id; each fold's
value is hidden, imputed from a fit on the other folds, and compared with the hidden value. Two
scenarios: `arena+aa` (the hidden model keeps all its other evidence) and `aa-only` (it keeps only its
Artificial Analysis indexes, like a model known only to OpenRouter/AA). Last, the held-out error of the
facts-based fallback on the built catalog (quality_facts.facts_holdout).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from advisor.catalog.quality import NOT_IMPUTED, TASK_COLUMNS, TASKS, alignment, evidence, prepared
from advisor.catalog.quality_impute import holdout

AA_COLUMNS = ("or:", "aa0207:", "aa0330:", "aa0430:")


def holdout_table(resolve: Callable[[str], str | None], sources_dir: Path) -> pd.DataFrame:
    """One row per (task, scenario): n, MAE, RMSE (points), coverage of the 95% interval, mean half-width."""
    _, table = evidence(resolve, sources_dir)
    aa = {c for c in table.columns if c.startswith(AA_COLUMNS)}
    rows = []
    for task in TASKS:
        if task in NOT_IMPUTED:
            continue
        for scenario, keep in (("arena+aa", None), ("aa-only", aa)):
            res = holdout(table, task, keep=keep)
            if res.empty:
                continue
            err = res["predicted"] - res["observed"]
            rows.append(
                {
                    "task": task, "scenario": scenario, "n": len(res),
                    "known": int(table[task].notna().sum()),
                    "mae": float(np.mean(np.abs(err))), "rmse": float(np.sqrt(np.mean(err**2))),
                    "coverage": float(np.mean(np.abs(err) <= res["half"])),
                    "half": float(res["half"].mean()),
                }
            )  # fmt: skip
    return pd.DataFrame(rows)


def alignment_table(resolve: Callable[[str], str | None], sources_dir: Path) -> pd.DataFrame:
    """Every older board's line onto the fresh scale: slope, intercept, robust residual sd, shared n, and
    `coverage`: the share of shared models whose fresh value lies in the aligned 95% interval."""
    score, half = prepared(resolve, sources_dir)
    rows = []
    for task, columns in TASK_COLUMNS.items():
        reference = columns[0] if columns[0].startswith("namra:") else None
        for col in columns:
            if col == reference or col not in score:
                continue
            line = alignment(score, col, reference)
            if line is not None:
                onto = reference or "namra:text (overall line)"
                coverage = float("nan")
                if reference:
                    both = score[[col, reference]].dropna().index
                    h = half.loc[both, col].fillna(
                        half[col].median() if half[col].notna().any() else half[reference].median()
                    )
                    width = np.hypot(line.slope * h, line.margin)
                    coverage = float(
                        np.mean(np.abs(line(score.loc[both, col]) - score.loc[both, reference]) <= width)
                    )
                rows.append({"task": task, "board": col, "onto": onto, "slope": line.slope,
                             "intercept": line.intercept, "resid_sd": line.resid_sd, "shared": line.n, "coverage": coverage})  # fmt: skip
    return pd.DataFrame(rows)


def markdown(frame: pd.DataFrame) -> str:
    """A pipe table (no extra dependency), numbers to 2 decimals."""
    cols = list(frame.columns)
    cell = lambda v: f"{v:.2f}" if isinstance(v, float) else str(v)  # noqa: E731
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def main() -> int:
    from advisor.catalog.aliases import resolver
    from advisor.catalog.sources import SOURCES_DIR

    sys.stdout.write(markdown(alignment_table(resolver(), SOURCES_DIR)) + "\n\n")
    sys.stdout.write(markdown(holdout_table(resolver(), SOURCES_DIR)) + "\n\n")
    from advisor.catalog import load_catalog
    from advisor.catalog.quality_facts import facts_holdout

    sys.stdout.write(markdown(facts_holdout(load_catalog().models)) + "\n")  # the built catalog's facts
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
