"""The command line's cache of printed answers, so that asking again is instant.

A question's output depends only on the store file, the code and the command line. The key
is all three: the store's path, size, inode and modification time (any write changes it), the
package's version and the modification times of its modules (a code change invalidates every
entry), the arguments, and for a terminal its width. Only the read-only questions are cached
(see :data:`COMMANDS`), only when they succeed, and at most :data:`MAX_ENTRIES` answers are
kept (the least recently used go). The cache is an optimisation: anything wrong with it (no
space, no permission) means the question is simply answered afresh. ``SMALLBOATS_NO_CACHE=1``
turns it off. Light to import: nothing heavy is loaded on a hit.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path
from typing import Any

from .paths import cache_dir, default_db_path

COMMANDS = frozenset({"total", "ytd", "records", "compare", "streaks", "rank", "prevented", "series",
                      "vintages", "revisions", "sources-compare", "forecast"})
MAX_ENTRIES = 256
_PACKAGE = Path(__file__).resolve().parent


def _db_from(argv: list[str]) -> Path:
    for i, a in enumerate(argv):
        if a == "--db" and i + 1 < len(argv):
            return Path(argv[i + 1]).expanduser()
        if a.startswith("--db="):
            return Path(a[5:]).expanduser()
    return default_db_path()


def command(argv: list[str]) -> str | None:
    """The command word (the first argument that is not a global option or its value)."""
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a in ("--db", "--format", "-f"):
            skip = True
        elif not a.startswith("-"):
            return a
    return None


def key(argv: list[str]) -> str | None:
    """The cache key of a command line, or None if its answer is not to be cached."""
    if os.environ.get("SMALLBOATS_NO_CACHE") or command(argv) not in COMMANDS or "--help" in argv:
        return None
    try:
        st = _db_from(argv).resolve().stat()
        code = max(p.stat().st_mtime_ns for p in _PACKAGE.glob("*.py"))
    except OSError:
        return None
    from . import __version__

    tty = sys.stdout.isatty() or os.environ.get("TTY_COMPATIBLE") == "1"
    width = os.environ.get("COLUMNS") or (str(os.get_terminal_size(sys.stdout.fileno()).columns) if sys.stdout.isatty() else "")
    parts = [__version__, str(code), str(_db_from(argv).resolve()), str(st.st_size), str(st.st_ino), str(st.st_mtime_ns),
             f"tty={tty}", f"width={width}", *argv]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def get(k: str) -> bytes | None:
    path = cache_dir() / "answers" / k
    try:
        data = path.read_bytes()
        os.utime(path)  # recently used
        return data
    except OSError:
        return None


def put(k: str, data: bytes) -> None:
    folder = cache_dir() / "answers"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{k}.{os.getpid()}"
        tmp.write_bytes(data)
        os.replace(tmp, folder / k)
        entries = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


class Tee(io.TextIOBase):
    """Standard output that also keeps a copy of what was written."""

    def __init__(self, stream: Any):
        self.stream = stream
        self.copy = io.StringIO()

    def write(self, s: str) -> int:
        self.copy.write(s)
        return self.stream.write(s)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")
