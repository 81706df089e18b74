"""DuckDB's engine, imported without the Python layer smallboats does not use.

``import duckdb`` spends some 0.15 s of every command-line question in pure-Python modules
(its relational API, ``duckdb._relation``, and a version lookup through ``importlib.metadata``)
before re-exporting the engine, the ``_duckdb`` extension module the same distribution installs
(with its own type stubs, ``_duckdb-stubs``). smallboats only connects, runs SQL and catches
DuckDB's exceptions, all of which the extension provides, so it imports the extension itself;
where a DuckDB release lays its package out otherwise, it falls back to ``duckdb``.
Scanning Python objects in SQL (an Arrow table ``register``-ed for ingest) is set up by the
package: :func:`scan_python_objects` imports it first. ``bench/scale.py`` measures what this saves.
"""

from __future__ import annotations

try:
    import _duckdb as duckdb
except ImportError:  # pragma: no cover - another layout of the duckdb distribution
    import duckdb  # type: ignore[no-redef]

__all__ = ["duckdb", "scan_python_objects"]


def scan_python_objects() -> None:
    """Let SQL read Python objects (Arrow tables, data frames): the duckdb package sets that up."""
    import duckdb as _package  # noqa: F401

