"""The versioned store: every publication is a vintage, every figure belongs to one.

DuckDB, one file. ``as_of=D`` gives, for each date t up to D, the value from the newest
vintage published on or before D that has t; where none published by D has t, the oldest
vintage that has it, flagged ``later_publication``.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from . import asof
from .engine import duckdb, scan_python_objects
from .paths import default_db_path  # noqa: F401 - re-exported: store.default_db_path
from .sources import Publication

if TYPE_CHECKING:  # pandas and pyarrow are imported by what needs them: the questions do not
    import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS vintages (
    id            INTEGER PRIMARY KEY,
    kind          VARCHAR NOT NULL,      -- ods | daily_page | weekly_page
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL UNIQUE,
    published     DATE NOT NULL,         -- on the page / in the name, else day after last figure
    figures_from  DATE NOT NULL,
    figures_to    DATE NOT NULL,
    n_observations INTEGER NOT NULL,
    ingested_at   TIMESTAMP NOT NULL,
    notes         VARCHAR                -- where the parser read the file other than literally
);
CREATE TABLE IF NOT EXISTS observations (
    vintage_id INTEGER NOT NULL,
    freq       VARCHAR NOT NULL,         -- day | week (date = the Sunday ending the week)
    date       DATE NOT NULL,
    metric     VARCHAR NOT NULL,
    value      BIGINT                    -- NULL: published as not available ("-")
);
-- quarterly releases of Irr_D01 (kinds irr_csv, irr_xlsx): detections by quarter and group
CREATE TABLE IF NOT EXISTS detections (
    vintage_id  INTEGER NOT NULL,
    quarter_end DATE NOT NULL,
    method      VARCHAR NOT NULL,        -- method of entry: 'Small boat arrivals', ...
    nationality VARCHAR NOT NULL,
    region      VARCHAR NOT NULL,
    sex         VARCHAR NOT NULL,
    age_group   VARCHAR NOT NULL,
    value       BIGINT NOT NULL
);
-- the IOM Missing Migrants Project's incidents (kind iom)
CREATE TABLE IF NOT EXISTS incidents (
    vintage_id INTEGER NOT NULL, incident_id VARCHAR NOT NULL, date DATE NOT NULL,
    dead INTEGER, missing INTEGER, dead_missing INTEGER NOT NULL, survivors INTEGER,
    female INTEGER, male INTEGER, minors INTEGER, country_of_origin VARCHAR, cause VARCHAR,
    route VARCHAR NOT NULL, country VARCHAR, location VARCHAR, latitude DOUBLE, longitude DOUBLE,
    source VARCHAR, link VARCHAR
);
CREATE TABLE IF NOT EXISTS notices (
    kind        VARCHAR NOT NULL,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL UNIQUE,
    published   DATE,
    reason      VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
"""

#: Figures for the days after the last one published by D count as "not yet published" when
#: that last day is at most this many days before D (the ODS comes out weekly, a week or so in
#: arrears); a longer silence is a gap in the archive (none bundled from Feb 2023 to Nov 2025).
PUBLICATION_LAG_DAYS = 31

#: the kinds of vintage whose figures are the daily and weekly series (the others fill
#: ``detections`` and ``incidents``)
SERIES_KINDS = ("ods", "daily_page", "weekly_page")
TABLES = ("vintages", "observations", "notices", "detections", "incidents")

DAILY_METRICS = ("arrivals", "boats", "uncontrolled_boats")
WEEKLY_METRICS = ("arrivals", "boats", "uncontrolled_boats", "prevented_people", "prevented_events")


_VINTAGES = ("SELECT id, kind, file_name, published, figures_from, figures_to, n_observations, notes, sha256, ingested_at "
             "FROM vintages WHERE $kinds IS NULL OR list_contains($kinds, kind) ORDER BY published, figures_to, id")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class StoreError(RuntimeError):
    """The store cannot answer: missing, empty, or asked something outside the record."""


@dataclass(frozen=True, slots=True)
class IngestResult:
    file_name: str
    status: str  # "added" | "notice" | "unchanged"
    vintage_id: int | None = None
    n_observations: int = 0


class StoreBusy(StoreError):
    """Another process is writing the store (it holds the writer lock)."""


#: How long a writer waits for another writer to finish before saying so ($SMALLBOATS_WRITER_WAIT).
WRITER_WAIT_SECONDS = float(os.environ.get("SMALLBOATS_WRITER_WAIT") or 30.0)


def _writer_lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".writer-lock")


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.writing-"


class Store:
    """A DuckDB file of vintages. Open read-only for serving; writers use :meth:`ingest`.

    Readers and writers never wait for each other. A writer holds a lock file beside the
    store (``NAME.writer-lock``: one writer at a time), copies the store to a temporary file
    beside it, writes there, and at :meth:`close` (or :meth:`publish`) swaps the finished file
    in with ``os.replace``. The store file itself is never written in place, so a reader
    reads whichever complete version is there, and a writer killed at any point leaves the
    previous version untouched (its temporary file is removed by the next writer).

    A read-only store copies nothing at start: each read attaches the file read-only and lets
    go of it when done. What does not change between questions (the version, the vintage
    references, the figures as of a date) is kept until the file changes.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False,
                 wait: float | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self._lock = threading.RLock()
        self._cache: dict[tuple, object] = {}  # pandas frames of the figures as of a date (see _frame)
        self._snapshots: OrderedDict[tuple, asof.Snapshot] = OrderedDict()  # in the order used (see _wide)
        self._memo: dict[tuple, object] = {}
        self._version: str | None = None
        self._writer_fd: int | None = None
        self._temp: Path | None = None
        self._dirty = False
        if read_only:
            self._identity: tuple | None = None
            self._attached = False  # the file is attached (only during a read)
            self._in_memory = False  # an older store, read into memory
            self._depth = 0
            self._con = duckdb.connect(":memory:")
            self._con.execute("SET enable_progress_bar = false")  # no bar on stdout while loading
            self.refresh()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._acquire_writer(WRITER_WAIT_SECONDS if wait is None else wait)
            try:
                self._temp = self._copy_to_temp()
                self._dirty = not self.path.exists()
                self._con = duckdb.connect(str(self._temp))
                self._con.execute("SET enable_progress_bar = false")  # a writer's output is its own
                self._con.execute(SCHEMA)
                self._con.execute("ALTER TABLE vintages ADD COLUMN IF NOT EXISTS notes VARCHAR")  # stores built before notes
                self._con.execute(asof.DDL)
                self._bulk = False
                self._asof_version = self.version() if asof.current(self._con, self.version()) else None
                if self._asof_version is None:  # a store built before the as-of tables
                    self._rebuild_asof()
            except BaseException:
                self._discard()
                raise

    # -- the writer's lock and temporary file ---------------------------------------
    def _acquire_writer(self, wait: float) -> None:
        import fcntl

        lock_path = _writer_lock_path(self.path)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreBusy(f"another process is writing the store at {self.path}; "
                                    "try again when it has finished") from None
                time.sleep(0.1)  # a CLI writer waiting for another writer: never the server
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._writer_fd = fd

    def _copy_to_temp(self) -> Path:
        """Remove what a killed writer left, then copy the current version to a new temporary file."""
        import shutil

        prefix = _temp_prefix(self.path)
        for stale in self.path.parent.glob(prefix + "*"):
            stale.unlink(missing_ok=True)  # we hold the writer lock: no other writer is using it
        temp = self.path.with_name(f"{prefix}{os.getpid()}-{time.time_ns()}.duckdb")
        if self.path.exists():
            shutil.copyfile(self.path, temp)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():  # a store last written in place by an older version of smallboats
                shutil.copyfile(wal, temp.with_name(temp.name + ".wal"))
        return temp

    def publish(self, *, reopen: bool = True) -> None:
        """Make what this writer stored visible to readers: swap the finished file in (then,
        unless ``reopen`` is False, go on writing in a fresh copy)."""
        if self.read_only or self._temp is None or not self._dirty:
            return
        with self._lock:
            if self._asof_version != self.version():  # readers read a published file in place
                self._rebuild_asof()
            self._con.execute("CHECKPOINT")
            self._con.close()
            fd = os.open(self._temp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(self._temp, self.path)
            old_wal = self.path.with_name(self.path.name + ".wal")
            if old_wal.exists():
                old_wal.unlink()  # its contents were copied into the new version
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
            self._temp = None
            self._dirty = False
            if reopen:
                self._temp = self._copy_to_temp()
                self._con = duckdb.connect(str(self._temp))

    def _discard(self) -> None:
        """Drop the temporary file and release the writer lock."""
        if self._temp is not None:
            for p in (self._temp, self._temp.with_name(self._temp.name + ".wal")):
                p.unlink(missing_ok=True)
            self._temp = None
        if self._writer_fd is not None:
            os.close(self._writer_fd)  # releases the flock
            self._writer_fd = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, the store's tables in its default schema (a read-only store
        attaches the file until its next read is done)."""
        with self._lock:
            if self.read_only and not self._attached:
                self._attach()
            return self._con

    def refresh(self) -> bool:
        """True if the file changed since the store last read it: what was kept is forgotten
        (and a store written before the as-of tables is read into memory and given them)."""
        if not self.read_only:
            return False
        if not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `smallboats build` first")
        st = self.path.stat()
        if (st.st_ino, st.st_mtime_ns, st.st_size) == self._identity:
            return False
        with self._lock:
            if self._in_memory:
                self._con.execute("DROP TABLE IF EXISTS memory.main.observations")
                self._in_memory = self._attached = False
            with self._reading():
                pass
        return True

    def _attach(self, retries: int = 20) -> None:
        if self._in_memory:
            return
        quoted = str(self.path).replace("'", "''")
        for attempt in range(retries):
            try:
                self._con.execute(f"ATTACH '{quoted}' AS disk (READ_ONLY)")
                break
            except duckdb.IOException:  # a writer holds the lock for a moment: wait and retry
                if attempt == retries - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        self._con.execute("USE disk")
        self._attached = True
        st = self.path.stat()
        identity = (st.st_ino, st.st_mtime_ns, st.st_size)
        if identity != self._identity:
            self._clear()
            self._identity = identity
            if not self._readable_in_place():
                self._snapshot()

    def _detach(self) -> None:
        if self._attached and not self._in_memory:
            self._con.execute("USE memory")
            self._con.execute("DETACH disk")
            self._attached = False

    @contextlib.contextmanager
    def _reading(self):
        """Hold the lock, with the file attached (read-only stores) for the duration."""
        with self._lock:
            if not self.read_only or self._in_memory:
                yield
                return
            outer = self._depth == 0
            self._depth += 1
            try:
                if not self._attached:
                    self._attach()
                yield
            finally:
                self._depth -= 1
                if outer:
                    self._detach()

    def _readable_in_place(self) -> bool:
        has_notes = self._con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE database_name = 'disk' AND table_name = 'vintages' "
            "AND column_name = 'notes'").fetchone()[0]
        tables = self._con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'disk' AND list_contains($t, table_name)",
            {"t": list(TABLES)}).fetchone()[0]
        return bool(has_notes) and tables == len(TABLES) and asof.current(self._con, self.version())

    def _snapshot(self) -> None:
        """An older store: copy it into memory, add what it lacks, and let go of the file."""
        on_disk = {r[0] for r in self._con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'disk'").fetchall()}
        for table in (t for t in TABLES if t in on_disk):
            self._con.execute(f"CREATE OR REPLACE TABLE memory.main.{table} AS SELECT * FROM disk.{table}")
        self._con.execute("USE memory")
        self._con.execute("DETACH disk")
        self._con.execute(SCHEMA)  # tables an older store lacks stay empty
        self._con.execute("ALTER TABLE vintages ADD COLUMN IF NOT EXISTS notes VARCHAR")
        self._version = None
        asof.rebuild(self._con, self.version())
        self._in_memory = True

    def _rebuild_asof(self) -> None:
        with self._lock:
            self._con.execute("BEGIN TRANSACTION")
            try:
                asof.rebuild(self._con, self.version())
                self._con.execute("COMMIT")
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            self._asof_version = self.version()
            self._dirty = self._dirty or not self.read_only
            self._memo.clear()
            self._cache.clear()
            self._snapshots.clear()

    def reindex(self) -> None:
        """Bring the as-of tables up to date after writing the tables directly (bench/scale.py)."""
        self._version = None
        self._rebuild_asof()

    @contextlib.contextmanager
    def bulk(self):
        """Ingest many batches and bring the as-of tables up to date once, at the end (readers
        of a store whose tables are behind compute them in memory meanwhile)."""
        self._bulk = True
        try:
            yield self
        finally:
            self._bulk = False
            if self._asof_version != self.version():
                self._rebuild_asof()

    def _clear(self) -> None:
        self._cache.clear()
        self._snapshots.clear()
        self._memo.clear()
        self._version = None

    def cached(self, key: tuple, compute):
        """``compute()``, once per store version (a new vintage clears it)."""
        with self._lock:
            if key in self._memo:
                return self._memo[key]
            with self._reading():
                if key not in self._memo:
                    self._memo[key] = compute()
                return self._memo[key]

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        """Readers: let go of the file. Writers: publish what was stored, release the lock."""
        try:
            if not self.read_only and self._temp is not None:
                self.publish(reopen=False)
            self._con.close()
        finally:
            self._discard()

    def __enter__(self) -> "Store":
        """A read-only store keeps its file attached for the block (one command-line question:
        one attach, not one per read), and so reads one version of it throughout."""
        if self.read_only and not self._in_memory:
            with self._lock:
                if not self._attached:
                    self._attach()
                self._depth += 1
        return self

    def __exit__(self, *exc) -> None:
        if self.read_only and not self._in_memory:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    self._detach()
        self.close()

    def _query(self, sql: str, params: Iterable | dict | None = None, python_dates: bool = True) -> pd.DataFrame:
        """Run ``sql``; DATE columns come back as ``datetime.date`` (not pandas timestamps)
        unless ``python_dates`` is False (large frames that stay in numpy)."""
        import pandas as pd

        with self._reading():
            cur = self._con.execute(sql, params or [])
            dates = [d[0] for d in cur.description if str(d[1]) == "DATE"] if python_dates else []
            df = cur.df()
        for c in dates:
            df[c] = pd.Series([None if pd.isna(v) else v.date() for v in df[c]], index=df.index, dtype=object)
        for c in df.columns:  # pandas' string columns hold missing text as NaN: make it None
            if c not in dates and pd.api.types.is_string_dtype(df[c]) and df[c].isna().any():
                df[c] = df[c].astype(object).where(df[c].notna(), None)
        return df

    def version(self) -> str:
        """Changes whenever a vintage is added: a cache key and an HTTP ETag ingredient.
        Read once per version (after :meth:`refresh` or :meth:`ingest`), not per question."""
        with self._lock:
            if self._version is not None:
                return self._version
        with self._reading():
            if self._version is None:
                row = self._con.execute("SELECT count(*), coalesce(max(id), 0) FROM vintages").fetchone()
                self._version = f"{row[0]}-{row[1]}"
            return self._version

    # -- writing -------------------------------------------------------------------
    def ingest(self, pub: Publication, data: bytes, digest: str | None = None) -> IngestResult:
        """Store one parsed publication in one transaction. The same bytes twice change nothing."""
        return self.ingest_many([(pub, digest or sha256(data))])[0]

    def ingest_many(self, items: list[tuple[Publication, str]]) -> list[IngestResult]:
        """Store several parsed publications (each already validated by its parser) in one
        transaction: all of them are stored, or, on any error, none."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        import pyarrow as pa

        with self._lock:
            known_v = {r[0] for r in self._con.execute("SELECT sha256 FROM vintages").fetchall()}
            known_n = {r[0] for r in self._con.execute("SELECT sha256 FROM notices").fetchall()}
            next_id = self._con.execute("SELECT coalesce(max(id), 0) + 1 FROM vintages").fetchone()[0]
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            results: list[IngestResult] = []
            vint_rows, notice_rows = [], []
            table_rows: dict[str, list[pa.Table]] = {}
            obs_cols: dict[str, list] = {"vintage_id": [], "freq": [], "date": [], "metric": [], "value": []}
            for pub, digest in items:
                if digest in known_v or digest in known_n:
                    results.append(IngestResult(pub.file_name, "unchanged"))
                    continue
                if pub.is_notice or not pub.n_rows:
                    notice_rows.append((pub.kind, pub.file_name, digest, pub.published, pub.notice_reason or "no figures", now))
                    known_n.add(digest)
                    results.append(IngestResult(pub.file_name, "notice"))
                    continue
                vid = next_id
                next_id += 1
                known_v.add(digest)
                vint_rows.append((vid, pub.kind, pub.file_name, digest, pub.publication_date, pub.figures_from,
                                  pub.figures_to, pub.n_rows, now, "; ".join(pub.notes) or None))
                for table, rows in pub.tables.items():
                    t = rows if isinstance(rows, pa.Table) else pa.table(dict(zip(self._columns(table)[1:], map(list, zip(*rows)))))
                    table_rows.setdefault(table, []).append(t.add_column(0, "vintage_id", pa.array([vid] * len(t), pa.int32())))
                n = len(pub.observations)
                if not n:
                    results.append(IngestResult(pub.file_name, "added", vid, pub.n_rows))
                    continue
                freqs, days, metrics, values = zip(*pub.observations)
                obs_cols["vintage_id"].extend([vid] * n)
                obs_cols["freq"].extend(freqs)
                obs_cols["date"].extend(days)
                obs_cols["metric"].extend(metrics)
                obs_cols["value"].extend(values)
                results.append(IngestResult(pub.file_name, "added", vid, n))
            if not vint_rows and not notice_rows:
                return results
            obs = pa.table(
                {
                    "vintage_id": pa.array(obs_cols["vintage_id"], pa.int32()),
                    "freq": pa.array(obs_cols["freq"], pa.string()),
                    "date": pa.array(obs_cols["date"], pa.date32()),
                    "metric": pa.array(obs_cols["metric"], pa.string()),
                    "value": pa.array(obs_cols["value"], pa.int64()),
                }
            )
            scan_python_objects()  # the Arrow tables below are read by SQL
            self._con.execute("BEGIN TRANSACTION")
            try:
                if vint_rows:
                    self._con.executemany(
                        "INSERT INTO vintages (id, kind, file_name, sha256, published, figures_from, figures_to, "
                        "n_observations, ingested_at, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", vint_rows)
                    self._con.register("_obs_in", obs)
                    self._con.execute("INSERT INTO observations SELECT * FROM _obs_in")
                    self._con.unregister("_obs_in")
                for table, parts in table_rows.items():
                    for part in parts:
                        self._con.register("_rows_in", part)
                        self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows_in")
                        self._con.unregister("_rows_in")
                if notice_rows:
                    self._con.executemany("INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?)", notice_rows)
                self._version = None
                rebuilt = bool(vint_rows) and not self._bulk
                if rebuilt:
                    asof.rebuild(self._con, self.version())
                self._con.execute("COMMIT")
                if rebuilt:
                    self._asof_version = self.version()
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            finally:
                self._clear()
            self._dirty = True
            return results

    def _columns(self, table: str) -> list[str]:
        return [r[0] for r in self._con.execute(f"DESCRIBE {table}").fetchall()]

    def known_digests(self) -> dict[str, str]:
        """sha256 -> kind of every file already stored (vintages and notices)."""
        with self._reading():
            return dict(self._con.execute("SELECT sha256, kind FROM vintages UNION ALL SELECT sha256, kind FROM notices").fetchall())

    # -- reading -------------------------------------------------------------------
    def vintages(self, kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
        """One row per vintage (of ``kinds``; None: all), oldest publication first."""
        return self._query(_VINTAGES, {"kinds": list(kinds) if kinds is not None else None})

    def vintage_rows(self, kinds: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        """:meth:`vintages` as plain rows (Python values; no pandas)."""
        return self._rows(_VINTAGES, {"kinds": list(kinds) if kinds is not None else None})

    def _rows(self, sql: str, params: Iterable | dict | None = None) -> list[dict[str, Any]]:
        """Run ``sql``; the rows as dicts of Python values (DATE as ``datetime.date``, NULL as None)."""
        with self._reading():
            cur = self._con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def notices(self) -> pd.DataFrame:
        return self._query("SELECT kind, file_name, published, reason, sha256 FROM notices ORDER BY kind, file_name")

    def counts(self) -> dict[str, int]:
        with self._reading():
            v = dict(self._con.execute("SELECT kind, count(*) FROM vintages GROUP BY kind").fetchall())
            n = dict(self._con.execute("SELECT kind, count(*) FROM notices GROUP BY kind").fetchall())
        return {**{f"vintages_{k}": c for k, c in v.items()}, **{f"notices_{k}": c for k, c in n.items()}}

    def _wide(self, freq: str, metrics: tuple[str, ...], as_of: dt.date | None) -> asof.Wide:
        """One row per date as known on ``as_of`` (see :meth:`smallboats.asof.Snapshot.on`), from the
        snapshot of the publication interval ``as_of`` is in: made once for every day of that
        interval (from the interval before it, when that one is kept: see
        :func:`smallboats.asof.advanced`), and the 32 used last are kept (with the days asked of each)."""
        with self._lock:
            if not self.read_only and self._asof_version != self.version():
                with self._reading():
                    self._rebuild_asof()
            published = self.cached(("published",), lambda: [r[0] for r in self._con.execute(
                "SELECT DISTINCT published FROM vintages ORDER BY published").fetchall()])
            key = (freq, metrics, None if as_of is None else bisect.bisect_right(published, as_of))
            snap = self._snapshots.get(key)
            if snap is None:
                k = key[2]
                with self._reading():
                    # the day after a publication interval already read: bring that one forward
                    if k is not None and k >= 2 and (before := self._snapshots.get((freq, metrics, k - 1))):
                        snap = asof.advanced(before, self._con, freq, metrics, published[k - 2], published[k - 1])
                    else:
                        snap = asof.snapshot(self._con, freq, metrics, as_of)
                self._snapshots[key] = snap
                while len(self._snapshots) > 32:
                    self._snapshots.popitem(last=False)
            self._snapshots.move_to_end(key)
            return snap.on(as_of, PUBLICATION_LAG_DAYS)

    def _frame(self, freq: str, metrics: tuple[str, ...], as_of: dt.date | None) -> pd.DataFrame:
        """:meth:`_wide` as a pandas frame (made once per date asked, like the arrays)."""
        wide = self._wide(freq, metrics, as_of)
        key = ("frame", wide)
        with self._lock:
            frame = self._cache.get(key)
            if frame is None:
                if len(self._cache) >= 64:
                    self._cache.clear()
                frame = self._cache[key] = wide.to_pandas()
        return frame  # type: ignore[return-value]

    def daily_columns(self, as_of: dt.date | None = None) -> asof.Wide:
        """:meth:`daily` as columns of Python values (what the questions read)."""
        return self._wide("day", DAILY_METRICS, as_of)

    def weekly_columns(self, as_of: dt.date | None = None) -> asof.Wide:
        """:meth:`weekly_published` as columns of Python values."""
        return self._wide("week", WEEKLY_METRICS, as_of)

    def daily(self, as_of: dt.date | None = None) -> pd.DataFrame:
        """Daily series as known on ``as_of`` (None: newest values).

        Columns: date, arrivals, boats, uncontrolled_boats (nullable Int64), vintage_id,
        later_publication (True where no vintage published by ``as_of`` had the date).
        """
        return self._frame("day", DAILY_METRICS, as_of)

    def weekly_published(self, as_of: dt.date | None = None) -> pd.DataFrame:
        """Weekly figures as published (SB_02, weekly summary pages), by week-ending Sunday."""
        return self._frame("week", WEEKLY_METRICS, as_of)

    def revisions(self, start: dt.date | None = None, end: dt.date | None = None, kind: str | None = "ods") -> pd.DataFrame:
        """Every value that changed between consecutive vintages (of ``kind``; None: all kinds).

        Columns: freq, date, metric, old_value, old_vintage, old_published, new_value,
        new_vintage, new_published.
        """
        sql = """
            WITH o AS (
                SELECT o.freq, o.date, o.metric, o.value, v.id, v.file_name, v.published, v.figures_to
                FROM observations o JOIN vintages v ON v.id = o.vintage_id
                WHERE ($kind IS NULL OR v.kind = $kind)
                  AND ($start IS NULL OR o.date >= $start) AND ($end IS NULL OR o.date <= $end)
            ), w AS (
                SELECT *, lag(value) OVER p AS old_value, lag(file_name) OVER p AS old_vintage,
                       lag(published) OVER p AS old_published, lag(id) OVER p AS old_id
                FROM o WINDOW p AS (PARTITION BY freq, date, metric ORDER BY published, figures_to, id)
            )
            SELECT freq, date, metric, old_value, old_vintage, old_published,
                   value AS new_value, file_name AS new_vintage, published AS new_published
            FROM w WHERE old_id IS NOT NULL AND old_value IS DISTINCT FROM value
            ORDER BY new_published DESC, date, freq, metric
        """
        return self._query(sql, {"kind": kind, "start": start, "end": end})

    def sources_compare(self) -> tuple[pd.DataFrame, int]:
        """Where a daily/weekly page and the ODS (newest vintage that has the date) disagree,
        and how many (page figure, ODS figure) pairs were compared.

        Columns: date, metric, page_kind, page_value, page_file, ods_value, ods_file, difference.
        """
        sql = """
            WITH ods AS (
                SELECT o.date, o.metric, o.value, v.file_name
                FROM observations o JOIN vintages v ON v.id = o.vintage_id
                WHERE v.kind = 'ods' AND o.freq = 'day'
                QUALIFY row_number() OVER (PARTITION BY o.date, o.metric ORDER BY v.published DESC, v.id DESC) = 1
            ), page AS (
                SELECT o.date, o.metric, o.value, v.file_name, v.kind
                FROM observations o JOIN vintages v ON v.id = o.vintage_id
                WHERE v.kind <> 'ods' AND o.freq = 'day'
            )
            SELECT page.date, page.metric, page.kind AS page_kind, page.value AS page_value,
                   page.file_name AS page_file, ods.value AS ods_value, ods.file_name AS ods_file,
                   page.value - ods.value AS difference
            FROM page JOIN ods USING (date, metric)
            ORDER BY page.date, page.metric, page.file_name
        """
        pairs = self._query(sql)
        differ = pairs["page_value"].isna() != pairs["ods_value"].isna()
        differ |= pairs["difference"].fillna(0) != 0
        return pairs[differ.to_numpy()].reset_index(drop=True), len(pairs)
