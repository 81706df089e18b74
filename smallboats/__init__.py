"""smallboats: the public record of small-boat crossings of the English Channel.

``smallboats.open()`` gives a :class:`~smallboats.client.Smallboats` with one method per
question (imported lazily, so that the parsers stay light to import).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import Smallboats

__version__ = "0.1.0"
__all__ = ["Smallboats", "open", "check_many", "__version__"]


def open(db: str | os.PathLike | None = None) -> "Smallboats":  # noqa: A001 - smallboats.open(), like io.open
    """Open the store at ``db`` (default: $SMALLBOATS_DB or ~/.local/share/smallboats/smallboats.duckdb)."""
    from .client import Smallboats

    return Smallboats(db)


def check_many(articles: Any, store: Any = None, scheduler: Any = None, **options: Any) -> Any:
    """Check many articles on Dask: one row per claim (see :func:`smallboats.batch.check_many`)."""
    from .batch import check_many as run

    return run(articles, store, scheduler, **options)


def __getattr__(name: str) -> Any:
    if name == "Smallboats":
        from .client import Smallboats

        return Smallboats
    raise AttributeError(f"module 'smallboats' has no attribute {name!r}")
