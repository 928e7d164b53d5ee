"""Commands of this group. `register(sub)` adds sub-parsers with `set_defaults(handler=...)`."""

from __future__ import annotations


def register(sub) -> None:  # noqa: ARG001 - filled in by its issue
    return None
