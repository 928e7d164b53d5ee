"""Why not the others: excluded models with every reason, and near misses (the single change that would
admit a model, and where it would land)."""

from __future__ import annotations

import numpy as np

from advisor.engine import filters, reasons, scoring
from advisor.recommendation import Excluded, NearMiss

NEAR_MISSES = 3
NEAR_MISS_TRIES = 12  # where-it-would-land checks per recommendation (each re-scores the pool, ~1 ms)


def excluded(r: dict, lang: str = "en") -> tuple[list[Excluded], np.ndarray]:
    """Models with no passing row. The closest row (fewest failed rules, then the way of running it the
    user asked for) gives the rule; the reasons cover every way of running the model.
    Returns the list and the positions of the closest rows (one per excluded model); `columns["rule"]`
    holds the rule of each."""
    cols, fails, req = r["columns"], r["fails"], r["requirements"]
    out = np.flatnonzero(~np.isin(cols["mi"], cols["mi"][r["ranked"]]))
    cols["rule"] = np.empty(len(cols["mi"]), dtype=object)
    if len(out) == 0:
        return [], out
    other_route = np.isin(
        cols["kind"][out], filters.API_KINDS if req.self_hosted_only else filters.SELF_KINDS
    )
    idx = out[np.lexsort((other_route, cols["n_fail"][out], cols["mi"][out]))]
    failed = fails[idx]
    cols["rule"][idx] = np.array(filters.RULE_NAMES)[failed.argmax(axis=1)]
    texts = np.empty(failed.shape, dtype=object)
    for j, rule in enumerate(filters.RULES):
        hit = np.flatnonzero(failed[:, j])
        if len(hit):
            texts[hit, j] = filters.rule_texts(rule.reason, rule, cols, idx[hit], req, lang)
    mi = cols["mi"][idx]
    starts = np.flatnonzero(np.r_[True, mi[1:] != mi[:-1]])
    ends = np.r_[starts[1:], len(idx)].tolist()
    kinds, rules, ids, names_, n_fail = (
        cols[c][idx].tolist() for c in ("kind", "rule", "id", "name", "n_fail")
    )
    first_text = texts[np.arange(len(idx)), failed.argmax(axis=1)].tolist()

    def lines_of(i: int) -> list[str]:
        return [first_text[i]] if n_fail[i] == 1 else [t for t in texts[i][failed[i]]]

    items = []
    for a, b in zip(starts.tolist(), ends, strict=True):
        if b - a == 1:
            lines = lines_of(a)
        else:  # several ways of running the model failed: say which is which
            lines = list(
                dict.fromkeys(reasons.route(kinds[i], lang) + t for i in range(a, b) for t in lines_of(i))
            )
        items.append(Excluded(model_id=ids[a], name=names_[a], rule=rules[a], reasons=lines))
    return items, idx[starts]


def near_misses(r: dict, closest: np.ndarray, lang: str = "en") -> list[NearMiss]:
    """Best excluded models (by quality) that one change would admit, one per distinct change, with the
    rank they would take among the current candidates. Only those that would land in the shortlist
    (would_rank <= top_k) are kept: a change that admits a model at #53 does not change the answer.
    At most NEAR_MISS_TRIES models are placed (best quality first)."""
    cols, req = r["columns"], r["requirements"]
    index = closest[(cols["n_fail"][closest] == 1) & ~np.isin(cols["rule"][closest], filters.NO_CHANGE_RULES)]
    order = np.argsort(-np.nan_to_num(cols["quality"][index], nan=-1e9), kind="stable")
    changes = np.full(len(index), None, dtype=object)
    for rule in filters.RULES:
        hit = np.flatnonzero(cols["rule"][index] == rule.name)
        if len(hit):
            changes[hit] = filters.rule_texts(rule.change, rule, cols, index[hit], req, lang)
    out: list[NearMiss] = []
    tries = 0
    for i in order:
        change = changes[i]
        if change is None or change in {n.change for n in out}:
            continue  # one near miss per distinct change: the best model it would admit
        if tries == NEAR_MISS_TRIES:
            break
        tries += 1
        rank = would_rank(r, index[i])
        if rank > req.top_k:
            continue  # would not make the shortlist: noise
        row = filters.Row(cols, index[i])
        out.append(
            NearMiss(model_id=row["id"], name=row["name"], rule=row["rule"], change=change, would_rank=rank)
        )
        if len(out) == NEAR_MISSES:
            break
    return out


def would_rank(r: dict, position: int) -> int:
    """Rank candidate row `position` would take among the ranked models (scores renormalised)."""
    from advisor.engine import criteria_values

    pool = np.vstack([r["values"], criteria_values(r["columns"], [position])])
    total = scoring.score(pool, r["weights"])[0]
    return int((total[:-1] > total[-1]).sum()) + 1
