"""Number formatting for the UI (pure; no streamlit). Unknown values show as "—", never as 0."""

from __future__ import annotations

UNKNOWN = "—"


def money(value: float | None) -> str:
    if value is None:
        return UNKNOWN
    if value < 10:
        return f"${value:,.2f}"
    return f"${value:,.0f}"


def tokens(value: int | float | None) -> str:
    """128000 -> '128K', 1048576 -> '1M'."""
    if value is None:
        return UNKNOWN
    value = float(value)
    for size, suffix in ((1_000_000, "M"), (1_000, "K")):
        if value >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.0f}"


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return UNKNOWN
    return f"{value:,.{digits}f}"
