"""Model Advisor: which LLM to use — open weights or closed API — and why.

Python API (no streamlit, no litellm imported on this path):

    from advisor import Requirements, recommend
    rec = recommend(Requirements(tasks=["coding"], privacy="self_hosted",
                                 hardware={"gpu": "RTX 4090"}))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from advisor.requirements import Requirements

__version__ = "0.1.0"
__all__ = ["Requirements", "recommend", "__version__"]

if TYPE_CHECKING:
    from advisor.recommendation import Recommendation


def recommend(
    requirements: Requirements | dict, catalog: Any = None, lang: Literal["en", "zh"] = "en"
) -> Recommendation:
    """Rank the catalog for `requirements`; sentences in `lang` (en|zh). See `advisor.engine.recommend`."""
    from advisor.engine import recommend as _recommend

    return _recommend(requirements, catalog=catalog, lang=lang)
