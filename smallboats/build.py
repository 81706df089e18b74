"""Build the store from a folder of publications: ODS files and the archives of saved pages.

Each file is parsed on its own; a file that does not parse is reported (with its name and
what was expected) and never reaches the store. Data flows one way: sources -> store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .sources import Publication, SourceError, archive, daily_page, ods, weekly_page
from .store import Store, sha256

#: How each kind of file is found under the data folder and parsed.
ODS_GLOB = "time-series/*.ods"
ARCHIVES = {
    "pages/daily-last-7-days-pages.tar.xz": daily_page.parse,
    "pages/weekly-summary-pages.tar.xz": weekly_page.parse,
}


def default_data_dir() -> Path:
    """``$SMALLBOATS_DATA``, else the ``data/homeoffice`` folder shipped in the repository."""
    if env := os.environ.get("SMALLBOATS_DATA"):
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data" / "homeoffice"


@dataclass
class BuildReport:
    files: int = 0
    added: int = 0
    notices: int = 0
    unchanged: int = 0
    observations: int = 0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    problems: list[SourceError] = field(default_factory=list)

    def count(self, kind: str, status: str) -> None:
        self.by_kind.setdefault(kind, {}).setdefault(status, 0)
        self.by_kind[kind][status] += 1


def iter_sources(data_dir: Path) -> Iterator[tuple[str, bytes, Callable[[str, bytes], Publication]]]:
    """(name, raw bytes, parser) for every publication under ``data_dir``, ODS first."""
    if not data_dir.is_dir():
        raise FileNotFoundError(f"no data folder at {data_dir}")
    for path in sorted(data_dir.glob(ODS_GLOB)):
        yield path.name, path.read_bytes(), ods.parse
    for rel, parser in ARCHIVES.items():
        path = data_dir / rel
        if path.exists():
            for name, data in archive.iter_members(path):
                yield name, data, parser


def parse_one(name: str, data: bytes, parser: Callable[[str, bytes], Publication]) -> Publication:
    """Parse one file; anything unexpected becomes a SourceError naming the file."""
    try:
        return parser(name, data)
    except SourceError:
        raise
    except Exception as exc:  # a parser bug must still name the file
        raise SourceError(name, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


def build(store: Store, data_dir: Path | None = None, progress: Callable[[int], None] | None = None,
          batch: int = 64) -> BuildReport:
    """Ingest every publication under ``data_dir`` (idempotent). ``progress(n)`` is called
    as files are read. Problems are collected in the report, not raised."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    report = BuildReport()
    pending: list[tuple[Publication, str]] = []

    def flush() -> None:
        for pub, res in zip((p for p, _ in pending), store.ingest_many(pending)):
            report.count(pub.kind, res.status)
            setattr(report, res.status, getattr(report, res.status) + 1)
            report.observations += res.n_observations
        pending.clear()

    for name, data, parser in iter_sources(data_dir):
        report.files += 1
        try:
            pub = parse_one(name, data, parser)
        except SourceError as err:
            report.problems.append(err)
        else:
            pending.append((pub, sha256(data)))
            if len(pending) >= batch:
                flush()
        if progress:
            progress(1)
    flush()
    return report
