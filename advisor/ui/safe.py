"""Friendly failure and safe text: pages never show a traceback; user text never becomes markup."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable

import streamlit as st

from advisor.errors import AdvisorError
from advisor.requirements import RequirementsError
from advisor.ui import state
from advisor.ui.i18n import t

log = logging.getLogger("advisor.ui")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:])")


def md_escape(text: str) -> str:
    """Escape Markdown (and the HTML Streamlit would otherwise drop), so user or data text shows verbatim."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def show_problems(problems: list[str]) -> None:
    lang = state.lang()
    st.error(t(lang, "err.invalid") + "\n\n" + "\n".join(f"- {md_escape(p)}" for p in problems))


def guarded(page: Callable[[], None]) -> Callable[[], None]:
    """Wrap a page body: domain errors show their message, anything else a generic one (logged)."""

    @functools.wraps(page)
    def run_page() -> None:
        lang = state.lang()
        try:
            page()
        except RequirementsError as err:
            show_problems(err.problems)
        except AdvisorError as err:
            st.error(md_escape(str(err)))
        except Exception as err:  # noqa: BLE001 - the user sees a friendly line; the log keeps the traceback
            if isinstance(err, ModuleNotFoundError) and (err.name or "").startswith("advisor"):
                log.warning("missing module %s", err.name)
                st.warning(t(lang, "err.missing_module", module=err.name))
            else:
                log.exception("page %s failed", page.__name__)
                st.error(t(lang, "err.generic"))

    return run_page
