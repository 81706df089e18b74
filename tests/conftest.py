"""Shared fixtures: one store built from the real bundled files, once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from smallboats.build import build
from smallboats.store import Store

from .oracle import ODS_DIR

DATA = ODS_DIR.parent
SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


@pytest.fixture(scope="session")
def db_path(tmp_path_factory) -> Path:
    """A DuckDB file built from every bundled publication (read-only for tests: do not write)."""
    path = tmp_path_factory.mktemp("store") / "smallboats.duckdb"
    with Store(path) as store:
        report = build(store, DATA)
    assert not report.problems, report.problems
    return path


@pytest.fixture(scope="session")
def store(db_path) -> Store:
    """The built store, opened read-only (an in-memory snapshot)."""
    s = Store(db_path, read_only=True)
    yield s
    s.close()


@pytest.fixture
def fresh_store(tmp_path) -> Store:
    """An empty writable store of the test's own."""
    s = Store(tmp_path / "fresh.duckdb")
    yield s
    s.close()
