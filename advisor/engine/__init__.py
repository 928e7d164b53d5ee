"""Requirements in, a ranked and explained `Recommendation` out.

validate → candidate deployments (candidates.py) → hard rules with reasons (filters.py) → scoring with
contributions, ties and stability (scoring.py) → exclusions and near misses (exclusions.py) → reasons,
warnings, assumptions (reasons.py) → add-ons that read the ranking (ADDONS: gap note, open-or-closed
decision). Method: docs/scoring.md. Importable without streamlit or litellm.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from advisor import __version__
from advisor.engine import candidates, exclusions, filters, reasons, scoring
from advisor.engine.features import as_catalog, features
from advisor.errors import AdvisorError, InputError
from advisor.i18n import t
from advisor.recommendation import Pick, Recommendation, Stability
from advisor.requirements import Requirements, RequirementsError, parse_requirements

TIE_WINDOW = 10  # ties are looked for among the top_k + this many


def validate(requirements: Requirements | dict | str) -> Requirements:
    if isinstance(requirements, Requirements):
        return requirements
    try:
        return parse_requirements(requirements)
    except RequirementsError as err:
        raise InputError(str(err)) from None


VALUE_COLUMNS = {
    "quality": "quality",
    "cost": "monthly_cost_usd",
    "speed": "tokens_per_s",
    "context": "context_tokens",
}


def criteria_values(columns, rows=None) -> np.ndarray:
    """Raw criterion values (n × c, CRITERIA order) from a frame or dict of columns, optionally only `rows`
    (positions); a criterion's column defaults to its own name."""
    arrays = [np.asarray(columns[VALUE_COLUMNS.get(name, name)], dtype=float) for name in scoring.CRITERIA]
    return np.column_stack([a if rows is None else a[rows] for a in arrays])


def rank(req: Requirements, catalog: Any = None) -> dict[str, Any]:
    """The numeric core: candidate rows (every way of running every model), rule failures and the ranking
    (candidate row positions, one best row per model, best first) with its criteria matrices aligned row
    for row. `recommend` turns it into a `Recommendation`; issue 7's break-even can read `columns` directly."""
    weights = scoring.resolve_weights(req.priority, req.tasks, req.weights)
    feats = features(as_catalog(catalog))
    cols = candidates.build(feats, req)
    fails = filters.apply_rules(cols, req)
    n_fail = cols["n_fail"] = fails.sum(axis=1)
    kept = np.flatnonzero(n_fail == 0)
    values = criteria_values(cols, kept)
    total, norm, contrib = scoring.score(values, weights) if len(kept) else (np.zeros(0), values, values)
    # best score first; equal scores: higher quality, then catalog order
    order = np.lexsort((cols["mi"][kept], -cols["quality"][kept], -total))
    mi = cols["mi"][kept][order]
    _, first = np.unique(mi, return_index=True)
    pos = order[np.sort(first)]  # best row per model, still in rank order
    cols["score"] = np.full(len(n_fail), np.nan)
    cols["score"][kept[pos]] = total[pos]
    return {
        "requirements": req,
        "weights": weights,
        "features": feats,
        "columns": cols,  # candidate rows: column -> numpy array (pd.DataFrame(columns) for a frame)
        "fails": fails,  # candidates × filters.RULES, True = fails
        "ranked": kept[pos],  # candidate row positions, best first
        "values": values[pos],
        "normalized": norm[pos],
        "contributions": contrib[pos],
    }


def recommend(
    requirements: Requirements | dict | str, catalog: Any = None, lang: Literal["en", "zh"] = "en"
) -> Recommendation:
    """Rank the catalog for `requirements`; see the module docstring for the pipeline. `lang` is the language
    of every sentence (reasons, exclusions, near-miss changes, stability, warnings, assumptions, gap note);
    the ranking and every number are the same in both."""
    if lang not in ("en", "zh"):
        raise InputError(f"lang: unknown language {lang!r}; use 'en' or 'zh'")
    req = validate(requirements)
    r = rank(req, catalog)
    r["lang"] = lang
    weights, feats = r["weights"], r["features"]
    picks = _picks(r)
    excluded, best_fail = exclusions.excluded(r, lang)
    near = exclusions.near_misses(r, best_fail, lang)
    stab, changes = _stability(r)
    rec = Recommendation(
        lang=lang,
        advisor_version=__version__,
        data_as_of=feats.data_as_of or "unknown",
        data_sources=feats.sources,
        requirements=req,
        weights=weights,
        recommendations=picks,
        excluded=excluded,
        near_misses=near,
        stability=stab,
        what_would_change=changes + reasons.near_miss_changes(near, lang),
        warnings=reasons.warnings(req, r, picks, near, best_fail, lang),
        assumptions=reasons.assumptions(req, r, lang),
    )
    for addon in ADDONS:  # read the ranking, never change it; a failing add-on costs only its own field
        try:
            addon(rec, r)
        except Exception as err:  # noqa: BLE001 - any bug in an add-on must not lose the ranking
            what = t(ADDON_LABELS.get(addon.__name__, "addon_other"), lang)
            rec.warnings.append(t("w_addon_failed", lang, addon=what, error=f"{type(err).__name__}: {err}"))
    return rec


def _picks(r: dict) -> list[Pick]:
    req = r["requirements"]
    cols, window = r["columns"], r["ranked"][: req.top_k + TIE_WINDOW]
    tied = scoring.ties(cols["score"][window], cols["quality_low"][window], cols["quality_high"][window])
    ids = cols["id"][window]
    picks = []
    rows = filters.Rows(cols, window)
    for pos in range(min(req.top_k, len(window))):
        row = rows[pos]
        card = r["features"].cards[row["mi"]]
        criteria = reasons.criteria(r, pos)
        pick_ties = [ids[j] for j in tied[pos]]
        picks.append(
            Pick(
                rank=pos + 1,
                score=float(row["score"]),
                tied_with=pick_ties,
                criteria=criteria,
                reasons=reasons.pick_reasons(req, r, row, criteria, pick_ties, r["lang"]),
                capabilities=list(card.capabilities),
                **reasons.pick_fields(req, row, r["lang"]),
            )
        )
    return picks


def _stability(r: dict) -> tuple[Stability | None, list]:
    ranked = r["ranked"]
    if len(ranked) == 0:
        return None, []
    flips = scoring.stability(r["normalized"], r["weights"])
    names, ids, lang = r["columns"]["name"][ranked], r["columns"]["id"][ranked], r["lang"]
    name = names[0]
    challengers = list(dict.fromkeys(ids[win] for _, win in flips))
    if not flips:
        note = t("s_stable", lang, name=name)
    else:
        first_change, first_win = flips[0]
        change = reasons.weight_change(first_change, lang)
        note = t("s_unstable", lang, name=name, change=change, other=names[first_win])
    return Stability(stable=not flips, note=note, challengers=challengers), reasons.stability_changes(
        flips, names, lang
    )


def _gap_note(rec: Recommendation, r: dict) -> str | None:
    """How far open weights trail closed models on the main task (advisor.gap, issue 6), if installed."""
    try:
        from advisor.gap import gap_note
    except ImportError:
        return None
    pick = next((p for p in rec.recommendations if p.open_weights), None)
    name = None
    if pick is not None:
        card = r["features"].cards[r["columns"]["mi"][r["ranked"][pick.rank - 1]]]
        arena = [
            n for source, names in sorted(card.aliases.items()) if source.startswith("lmarena") for n in names
        ]
        name = arena[0] if arena else pick.name
    try:
        return gap_note(rec.requirements.tasks[0], name, lang=rec.lang)
    except AdvisorError as err:
        rec.warnings.append(t("w_gap_unavailable", rec.lang, error=err))
        return None


def _attach_gap(rec: Recommendation, r: dict) -> None:
    rec.gap_note = _gap_note(rec, r)


def _attach_decision(rec: Recommendation, r: dict) -> None:
    from advisor.decision import attach  # issue 7: open or closed, break-even

    attach(rec, r)


# Run in order after ranking; each fills its own field of the Recommendation (benchmarks/engine.py times
# the engine with and without them).
ADDONS = (_attach_gap, _attach_decision)
ADDON_LABELS = {"_attach_gap": "addon_gap", "_attach_decision": "addon_decision"}  # i18n keys
