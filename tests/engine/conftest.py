"""The engine's tests run on tests/fixtures/catalog_small.jsonl: 17 real models with public facts
(LMArena 2025-12-11 category ratings, list prices, licenses), so the expectations below can be checked by hand."""

from __future__ import annotations

import pytest

from advisor.catalog import Catalog, load_catalog
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "catalog_small.jsonl"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(FIXTURE)
