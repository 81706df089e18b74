"""Build the store from a folder of publications: ODS files and the archives of saved pages.

Each file is parsed on its own; a file that does not parse is reported (with its name and
what was expected) and never reaches the store. Data flows one way: sources -> store.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .sources import Publication, SourceError, archive, daily_page, iom, irr_d01, limits, ods, weekly_page
from .store import IngestResult, Store, sha256

#: How each kind of file is found under the data folder and parsed.
ODS_GLOB = "time-series/*.ods"
ARCHIVES = {
    "pages/daily-last-7-days-pages.tar.xz": daily_page.parse,
    "pages/weekly-summary-pages.tar.xz": weekly_page.parse,
}

#: The quarterly Irr_D01 releases (tidy CSVs, kept xz-compressed; the Home Office .xlsx) under
#: the data folder, and the IOM's incidents beside it (``../iom``: not a Home Office source).
FILES = {
    "irregular-migration/*.csv.xz": irr_d01.parse_csv,
    "irregular-migration/*.csv": irr_d01.parse_csv,
    "irregular-migration/*.xlsx": irr_d01.parse_xlsx,
    "../iom/*.csv.xz": iom.parse,
    "../iom/*.csv": iom.parse,
}


def read_file(path: Path) -> tuple[str, bytes]:
    """(name, bytes) of a file; a ``.xz`` copy is decompressed and named as the original, so
    that its vintage has the published file's name and sha256."""
    data = path.read_bytes()
    if path.suffix == ".xz":
        import lzma

        try:
            return path.name[:-3], lzma.decompress(data)
        except lzma.LZMAError as exc:
            raise SourceError(path.name, f"expected an xz-compressed file; could not decompress it ({exc})") from None
    return path.name, data


def default_data_dir() -> Path:
    """``$SMALLBOATS_DATA``, else the ``data/homeoffice`` folder shipped in the repository."""
    if env := os.environ.get("SMALLBOATS_DATA"):
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data" / "homeoffice"


@dataclass
class BuildReport:
    """What a build did: files read, and per kind how many were added / notice / unchanged."""

    files: int = 0
    observations: int = 0
    by_kind: dict[str, Counter] = field(default_factory=dict)
    problems: list[SourceError] = field(default_factory=list)

    def count(self, kind: str, status: str) -> None:
        self.by_kind.setdefault(kind, Counter())[status] += 1

    def total(self, status: str) -> int:
        return sum(c[status] for c in self.by_kind.values())


PARSERS: dict[str, Callable[[str, bytes], Publication]] = {
    "ods": ods.parse, "daily_page": daily_page.parse, "weekly_page": weekly_page.parse,
    irr_d01.CSV_KIND: irr_d01.parse_csv, irr_d01.XLSX_KIND: irr_d01.parse_xlsx, iom.KIND: iom.parse}


def guess_kind(path: Path) -> str:
    """ods for .ods files; irr_xlsx for .xlsx; for .csv (or .csv.xz) iom when the name says
    missing migrants or IOM, else irr_csv; weekly_page for HTML whose path says weekly; else daily_page."""
    name = path.name.lower().removesuffix(".xz")
    if name.endswith(".ods"):
        return "ods"
    if name.endswith(".xlsx"):
        return irr_d01.XLSX_KIND
    if name.endswith(".csv"):
        return iom.KIND if "missing_migrants" in name or "iom" in name else irr_d01.CSV_KIND
    return "weekly_page" if "weekly" in str(path).lower() else "daily_page"


def ingest_file(store: Store, path: Path, kind: str | None = None) -> IngestResult:
    """Parse and store one file in one transaction; a file that does not parse raises
    SourceError and leaves the store exactly as it was."""
    path = Path(path)
    name = printable(path.name)
    if not path.is_file():
        raise SourceError(printable(str(path)), "no such file")
    kind = kind or guess_kind(path)
    if kind in ("ods", "daily_page", "weekly_page"):
        data = _read(path, kind)
        if isinstance(data, SourceError):
            raise data
    else:  # the quarterly releases and the IOM file (maybe .xz)
        name, data = read_file(path)
    pub = parse_one(name, data, PARSERS[kind])
    try:
        return store.ingest(pub, data)
    except Exception as exc:  # the store refused it (e.g. a value DuckDB cannot hold): name the file
        raise SourceError(name, f"could not be stored ({type(exc).__name__}: {exc})") from None


def printable(name: str) -> str:
    """A file name as text that can be stored and printed (bytes that are not UTF-8 shown as �)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read(path: Path, kind: str) -> "bytes | SourceError":
    """The file's bytes, unless it is too big to be the publication it claims to be."""
    cap = limits.MAX_ZIP_BYTES if kind == "ods" else limits.MAX_PAGE_BYTES
    try:
        size = path.stat().st_size
        if size > cap:
            return SourceError(printable(path.name), f"the file is {size / 1e6:.1f} MB; at most {cap / 1e6:g} MB is read "
                                                     f"for a {kind.replace('_', ' ')}")
        return path.read_bytes()
    except OSError as exc:
        return SourceError(printable(path.name), f"could not be read ({exc.strerror or exc})")


def parse_one(name: str, data: bytes, parser: Callable[[str, bytes], Publication],
              today: dt.date | None = None) -> Publication:
    """Parse one file and check its figures are plausible (:func:`limits.validate`); anything
    unexpected becomes a SourceError naming the file."""
    try:
        return limits.validate(parser(name, data), today)
    except SourceError:
        raise
    except Exception as exc:  # a parser bug must still name the file
        raise SourceError(name, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


Parsed = tuple[str, "Publication | SourceError | None", str]  # (file name, result, sha256 of the bytes)


def parse_files(files: Iterable[tuple[str, "bytes | SourceError | None"]], parser: Callable[[str, bytes], Publication],
                known: frozenset[str] = frozenset()) -> Iterator[Parsed]:
    """Parse each (name, bytes): a file that does not parse gives its SourceError, a file
    already in the store (by sha256) gives None without being parsed again. Bytes given as
    None (a file too big to read) or a SourceError (a file that could not be read) give that."""
    for name, data in files:
        name = printable(name)
        if data is None:
            yield name, SourceError(name, f"the file is over {limits.MAX_PAGE_BYTES / 1e6:g} MB; it was not read"), ""
            continue
        if isinstance(data, SourceError):
            yield name, data, ""
            continue
        digest = sha256(data)
        if digest in known:
            yield name, None, digest
            continue
        try:
            yield name, parse_one(name, data, parser), digest
        except SourceError as err:
            yield name, err, ""


def _parse_paths(paths: Iterable[Path], parser: Callable[[str, bytes], Publication], known: frozenset[str]) -> Iterator[Parsed]:
    for path in paths:
        try:
            name, data = read_file(path)
        except SourceError as err:
            yield path.name, err, ""
            continue
        yield from parse_files([(name, data)], parser, known)


def _parse_others(items: list[tuple[Path, Callable[[str, bytes], Publication]]], known: frozenset[str]) -> list[Parsed]:
    return [parsed for path, parser in items for parsed in _parse_paths([path], parser, known)]


def find(data_dir: Path, pattern: str) -> list[Path]:
    """Files matching ``pattern`` (relative to ``data_dir``; ``..`` allowed), sorted by name."""
    where = data_dir / pattern
    return sorted(where.parent.glob(where.name)) if where.parent.is_dir() else []


def _members(path: Path) -> Iterator[tuple[str, "bytes | SourceError | None"]]:
    """The archive's members, or one problem naming it if it cannot be read to the end."""
    try:
        yield from archive.iter_members(path, limits.MAX_PAGE_BYTES)
    except Exception as exc:  # a damaged or truncated archive: what was read so far is kept
        yield path.name, SourceError(printable(path.name), f"the archive could not be read to the end "
                                                          f"({type(exc).__name__}: {exc})")


def _parse_archive(path: Path, parser: Callable[[str, bytes], Publication], known: frozenset[str]) -> list[Parsed]:
    return list(parse_files(_members(path), parser, known))


def _exit_with_parent() -> None:
    """In the parse worker: be killed when the process that started it dies (Linux), so that
    a build killed with -9 leaves no orphan behind; elsewhere, a thread watches the parent."""
    import signal
    import threading

    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL) == 0 and os.getppid() == parent:  # PR_SET_PDEATHSIG
            return
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def build(store: Store, data_dir: Path | None = None, progress: Callable[["BuildReport"], None] | None = None,
          workers: int = 2) -> BuildReport:
    """Ingest every publication under ``data_dir`` (idempotent). ``progress(report)`` is called
    as each file is read (``report.files`` so far, ``report.total("added")`` vintages added). Problems are collected in the report, not raised.

    With ``workers`` > 1 the largest archive (the daily pages), then the quarterly releases and
    the IOM file, are parsed in a second process while this one parses the ODS files and the
    rest; only parsing is parallel, the store is written from this process alone.
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    if not data_dir.is_dir():
        raise FileNotFoundError(f"no data folder at {data_dir}")
    report = BuildReport()

    def ingest(parsed: Iterable[Parsed], batch: int = 256) -> None:
        pending: list[tuple[Publication, str]] = []

        def flush() -> None:
            try:
                stored = list(zip(pending, store.ingest_many(pending)))
            except Exception:  # one file the store refuses: store the others one by one, name it
                stored = []
                for item in pending:
                    try:
                        stored.append((item, store.ingest_many([item])[0]))
                    except Exception as exc:
                        report.problems.append(SourceError(item[0].file_name, f"could not be stored "
                                                                              f"({type(exc).__name__}: {exc})"))
            for (pub, _), res in stored:
                report.count(pub.kind, res.status)
                report.observations += res.n_observations
            pending.clear()

        for _, result, digest in parsed:
            report.files += 1
            if result is None:
                report.count(kinds[digest], "unchanged")
            elif isinstance(result, SourceError):
                report.problems.append(result)
            else:
                pending.append((result, digest))
                if len(pending) >= batch:
                    flush()
            if progress:
                progress(report)
        flush()

    kinds = store.known_digests()
    known = frozenset(kinds)
    archives = [(data_dir / rel, parser) for rel, parser in ARCHIVES.items() if (data_dir / rel).exists()]
    pool = (ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_exit_with_parent)
            if workers > 1 and archives else None)
    try:
        with store.bulk():  # the as-of tables are brought up to date once, at the end
            first_archive = archives.pop(0) if pool else None
            background = pool.submit(_parse_archive, *first_archive, known) if pool else None
            others = [(path, parser) for pattern, parser in FILES.items() for path in find(data_dir, pattern)]
            # the quarterly releases and the IOM file: after the daily pages, in the same second process
            later = pool.submit(_parse_others, others, known) if pool else None
            odses = ((p.name, _read(p, "ods")) for p in sorted(data_dir.glob(ODS_GLOB)))
            ingest(parse_files(odses, ods.parse, known), batch=8)
            if later is None:
                ingest(_parse_others(others, known), batch=8)
            for path, parser in archives:
                ingest(parse_files(_members(path), parser, known))
            if background is not None:
                try:
                    parsed = background.result()
                except Exception:  # the worker died (killed, out of memory): parse here instead
                    path, parser = first_archive
                    parsed = parse_files(_members(path), parser, known)
                ingest(parsed)
            if later is not None:
                try:
                    parsed_later = later.result()
                except Exception:  # the worker died: parse here instead
                    parsed_later = _parse_others(others, known)
                ingest(parsed_later, batch=8)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return report
