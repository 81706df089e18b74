"""Where things live by default (light to import: the CLI needs it before anything heavy)."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """``$SMALLBOATS_DB``, else ``$XDG_DATA_HOME/smallboats/smallboats.duckdb``."""
    if env := os.environ.get("SMALLBOATS_DB"):
        return Path(env).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "smallboats" / "smallboats.duckdb"


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/smallboats``, else ``~/.cache/smallboats``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "smallboats"
