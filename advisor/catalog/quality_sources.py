"""Raw quality observations read from data/sources/ for the quality scale (see docs/quality.md).

`observations(resolve, sources_dir)` returns one DataFrame row per (model, column): the column names a
snapshot and a category (`namra:text_coding`, `cat25:chinese`, `or:coding_index`, ...), `score` is the
published value on that board's own scale and `half` the published 95% half-width (NaN when the board
gives none). Several source names can resolve to one canonical model (effort variants such as
`-thinking` / `-high`): the best-rated variant is kept, because the catalog row stands for the model
used at its best setting. Names that do not resolve are kept under a shadow id (`~` + the
normalised public name) so that alignment and imputation fits see every model the boards share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from advisor.catalog.names import normalise
from advisor.catalog.sources import need, number, read_csv, read_json
from advisor.errors import CatalogError

Resolve = Callable[[str], "str | None"]
SHADOW = "~"  # prefix of ids of names `resolve` does not know: they join fits, never the output


@dataclass(frozen=True)
class Board:
    prefix: str  # column prefix
    source: str  # provenance id written into QualityScore.source
    as_of: str  # snapshot date


NAMRA = Board("namra", "lmarena-namra7x", "2026-10-08")
CAT25 = Board("cat25", "lmarena-arena-catalog", "2025-12-11")
VISION25 = Board("vision25", "lmarena-arena-catalog", "2025-12-11")
WEBDEV_JQ = Board("webdev26", "lmarena-webdev-jasonqin6", "2026-10-09")
OPENROUTER = Board("or", "openrouter", "2026-08-22")
AA_RAKIUM = Board("aa0207", "artificial-analysis", "2026-02-07")
AA_APRIL = Board("aa0430", "artificial-analysis", "2026-04-30")
JOIE = tuple(
    Board(f"arena{d.replace('-', '')}", "lmarena-joie-zhang-bargain", d)
    for d in ("2026-03-31", "2026-03-11", "2026-02-26", "2026-01-16")
)
FBOULNOIS = tuple(
    Board(f"arena{d.replace('-', '')}", "lmarena-fboulnois", d)
    for d in (
        "2025-08-04",
        "2025-07-18",
        "2025-06-25",
        "2025-03-28",
        "2024-12-31",
        "2024-09-28",
        "2024-06-19",
    )
)
AA_MARCH = Board("aa0330", "artificial-analysis", "2026-03-30")
YFEDOSEEV = Board("yf", "yfedoseev-models", "2026-01-11")
OPEN_LLM = Board("ollb", "open-llm-leaderboard", "2025-03-21")
BOARDS: dict[str, Board] = {
    b.prefix: b
    for b in (NAMRA, CAT25, VISION25, WEBDEV_JQ, OPENROUTER, AA_RAKIUM, AA_MARCH, AA_APRIL, YFEDOSEEV, OPEN_LLM,
              *JOIE, *FBOULNOIS)
}  # fmt: skip

NAMRA_CATEGORIES = (
    "text", "text_coding", "text_math", "text_hard_prompts", "text_instruction_following",
    "text_creative_writing", "text_expert", "text_writing_literature_language", "vision", "code_webdev",
)  # fmt: skip
CAT25_CATEGORIES = (
    "full", "coding", "math", "hard_6", "creative_writing", "if", "long_user", "multiturn", "chinese",
    "english", "expert", "french", "german", "japanese", "korean", "russian", "spanish",
)  # fmt: skip
AA_INDEXES = ("intelligence_index", "coding_index", "math_index", "agentic_index")

_COLUMNS = ["model", "column", "score", "half", "name"]


def _rows(resolve: Resolve, board: Board, items: Iterable[tuple[Iterable[str], str, float, float]]) -> list:
    """(names, category, score, half) -> rows for the first name that resolves (shadow: the last name)."""
    out = []
    for names, category, score, half in items:
        names = [n for n in names if n]
        model = next((m for m in map(resolve, names) if m), None) if names else None
        if model is None and names:
            model = SHADOW + normalise(names[-1])
        if score is not None and model is not None:
            out.append((model, f"{board.prefix}:{category}", float(score), half, names[-1]))
    return out


def _half(high: float | None, low: float | None) -> float:
    return (high - low) / 2 if high is not None and low is not None else float("nan")


def _namra(resolve: Resolve, sources_dir: Path) -> list:
    path = sources_dir / "lmarena-namra7x" / "arena_categories_snapshot.csv"
    need_cols = ["category", "model_key", "display_name", "rating", "rating_upper", "rating_lower"]
    items = []
    for i, row in enumerate(read_csv(path, need_cols), start=2):
        if row["category"] not in NAMRA_CATEGORIES:
            continue
        at = f"{path}: row {i}"
        score = number(row["rating"], at, "rating")
        half = _half(
            number(row["rating_upper"], at, "rating_upper"), number(row["rating_lower"], at, "rating_lower")
        )
        items.append(((row["model_key"], row["display_name"]), row["category"], score, half))
    return _rows(resolve, NAMRA, items)


def _namra_agents(resolve: Resolve, sources_dir: Path) -> list:
    """Agent board: `avgScore` (value, ci) is a standardised signal, not Elo; scaled later."""
    path = sources_dir / "lmarena-namra7x" / "category_snapshot.min.json"
    board = read_json(path).get("agent_overall")
    if not isinstance(board, dict):
        raise CatalogError(f"{path}: field agent_overall missing or not an object")
    items = []
    for key in sorted(board):
        entry = board[key]
        at = f"{path}: agent_overall[{key!r}]"
        need(entry, ["displayName", "metadata"], at)
        avg = (entry["metadata"] or {}).get("avgScore") or {}
        value, ci = number(avg.get("value"), at, "avgScore.value"), number(avg.get("ci"), at, "avgScore.ci")
        if value is not None:
            short = key.removeprefix("contenders/").removesuffix("-agent")
            items.append(
                (
                    (short, entry["displayName"]),
                    "agent_overall",
                    value,
                    ci if ci is not None else float("nan"),
                )
            )
    return _rows(resolve, NAMRA, items)


def _cat25(resolve: Resolve, sources_dir: Path) -> list:
    path = sources_dir / "lmarena-arena-catalog" / "lmarena_text_by_category_2025-12-11_long.csv"
    items = []
    for i, row in enumerate(
        read_csv(path, ["style_control", "category", "model", "rating", "ci_halfwidth"]), start=2
    ):
        if row["style_control"] != "True" or row["category"] not in CAT25_CATEGORIES:
            continue
        at = f"{path}: row {i}"
        items.append(
            (
                (row["model"],),
                row["category"],
                number(row["rating"], at, "rating"),
                number(row["ci_halfwidth"], at, "ci_halfwidth"),
            )
        )
    return _rows(resolve, CAT25, items)


def _vision25(resolve: Resolve, sources_dir: Path) -> list:
    path = sources_dir / "lmarena-arena-catalog" / "leaderboard-vision_2025-12-11.json"
    full = read_json(path).get("full")
    if not isinstance(full, dict):
        raise CatalogError(f"{path}: field full missing or not an object")
    items = []
    for key in sorted(full):
        at = f"{path}: full[{key!r}]"
        need(full[key], ["rating", "rating_q025", "rating_q975"], at)
        e = full[key]
        half = _half(number(e["rating_q975"], at, "rating_q975"), number(e["rating_q025"], at, "rating_q025"))
        items.append(((key,), "vision", number(e["rating"], at, "rating"), half))
    return _rows(resolve, VISION25, items)


def _joie(resolve: Resolve, sources_dir: Path) -> list:
    out = []
    for board in JOIE:
        path = sources_dir / "lmarena-joie-zhang-bargain" / f"lmarena_text_overall_{board.as_of}.csv"
        items = []
        for i, row in enumerate(read_csv(path, ["Model", "Score", "95% CI (±)"]), start=2):
            at = f"{path}: row {i}"
            ci = row["95% CI (±)"].replace("(Preliminary)", "").replace("±", "").strip()
            items.append(
                ((row["Model"],), "text", number(row["Score"], at, "Score"), number(ci, at, "95% CI (±)"))
            )
        out += _rows(resolve, board, items)
    return out


def _fboulnois(resolve: Resolve, sources_dir: Path) -> list:
    """Older overall text boards (display names, no style control; CI written `+5/-4`)."""
    out = []
    for board in FBOULNOIS:
        folder = sources_dir / "lmarena-fboulnois"
        path = folder / f"lmarena_text_{board.as_of}.csv"
        path = path if path.exists() else folder / "history" / path.name
        rows = read_csv(path, ["model", "95_pct_ci"])
        items = []
        for i, row in enumerate(rows, start=2):
            at = f"{path}: row {i}"
            score = number(row.get("arena_score", row.get("arena_elo")), at, "arena_score")
            ci = [number(p, at, "95_pct_ci") for p in row["95_pct_ci"].replace("+", "").split("/")]
            half = (abs(ci[0]) + abs(ci[-1])) / 2 if all(c is not None for c in ci) else float("nan")
            items.append(((row["model"],), "text", score, half))
        out += _rows(resolve, board, items)
    return out


def _webdev(resolve: Resolve, sources_dir: Path) -> list:
    """jasonqin6 WebDev board (no intervals); rows marked `manual` were typed in by hand and skipped."""
    path = sources_dir / "lmarena-webdev-jasonqin6" / "arena_webdev_2026-10-09.json"
    models = read_json(path).get("models")
    if not isinstance(models, dict):
        raise CatalogError(f"{path}: field models missing or not an object")
    items = []
    for name in sorted(models):
        entry = models[name]
        need(entry, ["arena_score"], f"{path}: models[{name!r}]")
        if not entry.get("manual"):
            items.append(
                (
                    (name,),
                    "webdev",
                    number(entry["arena_score"], f"{path}: models[{name!r}]", "arena_score"),
                    float("nan"),
                )
            )
    return _rows(resolve, WEBDEV_JQ, items)


def _openrouter(resolve: Resolve, sources_dir: Path) -> list:
    path = sources_dir / "openrouter" / "openrouter_models_2026-08-22.json"
    data = read_json(path).get("data")
    if not isinstance(data, list):
        raise CatalogError(f"{path}: field data missing or not a list")
    items = []
    for i, m in enumerate(data):
        aa = ((m.get("benchmarks") or {}).get("artificial_analysis")) or {}
        for index in AA_INDEXES:
            items.append(
                (
                    (m.get("name"), m.get("id")),
                    index,
                    number(aa.get(index), f"{path}: data[{i}]", index),
                    float("nan"),
                )
            )
    return _rows(resolve, OPENROUTER, items)


def _aa(resolve: Resolve, sources_dir: Path) -> list:
    rakium = sources_dir / "artificial-analysis" / "aa_indexes_top_models_2026-02-07_rakium.json"
    items = []
    for i, m in enumerate(read_json(rakium).get("models") or []):
        need(m, ["name", *AA_INDEXES], f"{rakium}: models[{i}]")
        for index in AA_INDEXES:
            items.append(
                ((m["name"],), index, number(m[index], f"{rakium}: models[{i}]", index), float("nan"))
            )
    out = _rows(resolve, AA_RAKIUM, items)
    april = sources_dir / "artificial-analysis" / "aa_models_with_params_2026-04-30_anfredette.json"
    items = []
    for i, m in enumerate(read_json(april)):
        need(m, ["name", "slug", "intelligence_index"], f"{april}: item {i}")
        score = number(m["intelligence_index"], f"{april}: item {i}", "intelligence_index")
        items.append(((m["slug"], m["name"]), "intelligence_index", score, float("nan")))
    out += _rows(resolve, AA_APRIL, items)
    march = sources_dir / "artificial-analysis" / "aa_models_leaderboard_2026-03-30.csv"
    col = "Artificial Analysis Intelligence Index"
    items = []  # "42 E" = estimated by AA (kept), "--" = not rated
    for i, row in enumerate(read_csv(march, ["Model", col]), start=2):
        cell = row[col].removesuffix(" E").replace("--", "")
        items.append(
            ((row["Model"],), "intelligence_index", number(cell, f"{march}: row {i}", col), float("nan"))
        )
    return out + _rows(resolve, AA_MARCH, items)


YF_BENCHMARKS = (
    "arena_elo",
    "gpqa_diamond",
    "mmlu",
    "math_level_5",
    "otis_mock_aime_2024_2025",
    "livebench_global",
)
OPEN_LLM_BENCHMARKS = ("ifeval", "bbh", "math", "gpqa", "musr", "mmlu_pro")
# Optional boards: used when the catalog ships them in data/sources/, skipped (not an error) when absent.
OPTIONAL = {
    "yfedoseev-models/models_with_benchmarks_2026-01-11.csv",
    "open-llm-leaderboard/open_llm_leaderboard_v2_2025-03-21.csv",
}


def _yfedoseev(resolve: Resolve, sources_dir: Path) -> list:
    """Benchmark aggregate (Epoch AI and others, 2026-01-11): 0-1 or Elo scales; used as features only."""
    path = sources_dir / "yfedoseev-models" / "models_with_benchmarks_2026-01-11.csv"
    if not path.exists():
        return []
    items = []
    for i, row in enumerate(read_csv(path, ["id", "name", "model_id", *YF_BENCHMARKS]), start=2):
        for bench in YF_BENCHMARKS:
            value = number(row[bench], f"{path}: row {i}", bench)
            items.append(
                ((row["model_id"], row["id"], row["name"] or row["model_id"]), bench, value, float("nan"))
            )
    return _rows(resolve, YFEDOSEEV, items)


def _open_llm(resolve: Resolve, sources_dir: Path) -> list:
    """Open LLM Leaderboard v2 (final, 2025-03-21), official-provider rows only; features only."""
    path = sources_dir / "open-llm-leaderboard" / "open_llm_leaderboard_v2_2025-03-21.csv"
    if not path.exists():
        return []
    cols = [f"evaluations_{b}_normalized_score" for b in OPEN_LLM_BENCHMARKS]
    items = []
    for i, row in enumerate(read_csv(path, ["model_name", "features_is_official_provider", *cols]), start=2):
        if row["features_is_official_provider"].strip().upper() != "TRUE":
            continue
        for bench, col in zip(OPEN_LLM_BENCHMARKS, cols, strict=True):
            items.append(
                ((row["model_name"],), bench, number(row[col], f"{path}: row {i}", col), float("nan"))
            )
    return _rows(resolve, OPEN_LLM, items)


LOADERS = (
    _namra,
    _namra_agents,
    _cat25,
    _vision25,
    _joie,
    _fboulnois,
    _webdev,
    _openrouter,
    _aa,
    _yfedoseev,
    _open_llm,
)


def all_observations(resolve: Resolve, sources_dir: Path) -> pd.DataFrame:
    """Every usable observation, every variant name, best first per (model, column); deterministic order."""
    rows = [r for load in LOADERS for r in load(resolve, Path(sources_dir))]
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    frame = frame.sort_values(["model", "column", "score", "name"], ascending=[True, True, False, True])
    return frame.reset_index(drop=True)


def best_variants(frame: pd.DataFrame) -> pd.DataFrame:
    """The best-rated variant per (model, column) of an `all_observations` frame."""
    return frame.drop_duplicates(["model", "column"]).reset_index(drop=True)


def observations(resolve: Resolve, sources_dir: Path) -> pd.DataFrame:
    """Every usable observation, best variant per (model, column), sorted for determinism."""
    return best_variants(all_observations(resolve, sources_dir))


def board_of(column: str) -> Board:
    return BOARDS[column.split(":", 1)[0]]
