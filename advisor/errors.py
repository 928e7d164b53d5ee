"""Domain errors: each says what went wrong and what to do. The CLI and the app show `str(err)`, never a traceback."""

from __future__ import annotations


class AdvisorError(Exception):
    """Base for every error a user can fix."""


class CatalogError(AdvisorError):
    """A data file is missing, corrupt or of an unknown schema (names file, row and field)."""


class UnknownGPUError(AdvisorError):
    """A GPU name we don't know; the message suggests the closest names."""


class InputError(AdvisorError):
    """Bad requirements or CLI input; the message names the field and the fix."""


class OfflineError(AdvisorError):
    """A network-only command (data refresh) was run without a network."""
