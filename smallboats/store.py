"""The versioned store: every publication is a vintage, every figure belongs to one.

DuckDB, one file. ``as_of=D`` gives, for each date t up to D, the value from the newest
vintage published on or before D that has t; where none published by D has t, the oldest
vintage that has it, flagged ``later_publication``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from .paths import default_db_path  # noqa: F401 - re-exported: store.default_db_path
from .sources import Publication

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

DAILY_METRICS = ("arrivals", "boats", "uncontrolled_boats")
WEEKLY_METRICS = ("arrivals", "boats", "uncontrolled_boats", "prevented_people", "prevented_events")


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


class Store:
    """A DuckDB file of vintages. Open read-only for serving; writers use :meth:`ingest`."""

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self._lock = threading.Lock()
        self._cache: dict[tuple, pd.DataFrame] = {}
        if read_only:
            self._loaded_mtime: float | None = None
            self.con = duckdb.connect(":memory:")
            self.con.execute("SET enable_progress_bar = false")  # no bar on stdout while loading
            self.refresh()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(self.path))
            self.con.execute(SCHEMA)
            self.con.execute("ALTER TABLE vintages ADD COLUMN IF NOT EXISTS notes VARCHAR")  # stores built before notes

    def refresh(self, retries: int = 20) -> bool:
        """Read-only stores are an in-memory snapshot of the file, so that they never hold
        its lock and a writer (``smallboats fetch``) can add a vintage while readers serve.
        Reload the snapshot if the file changed; True if it did."""
        if not self.read_only:
            return False
        if not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `smallboats build` first")
        mtime = self.path.stat().st_mtime
        if mtime == self._loaded_mtime:
            return False
        for attempt in range(retries):
            try:
                with self._lock:
                    quoted = str(self.path).replace("'", "''")
                    self.con.execute(f"ATTACH '{quoted}' AS disk (READ_ONLY)")
                    try:
                        for table in ("vintages", "observations", "notices"):
                            self.con.execute(f"CREATE OR REPLACE TABLE main.{table} AS SELECT * FROM disk.{table}")
                    finally:
                        self.con.execute("DETACH disk")
                    self.con.execute("ALTER TABLE vintages ADD COLUMN IF NOT EXISTS notes VARCHAR")  # stores built before notes
                break
            except duckdb.IOException:  # a writer holds the lock for a moment: wait and retry
                if attempt == retries - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        self._loaded_mtime = mtime
        self._cache.clear()
        return True

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _query(self, sql: str, params: Iterable | dict | None = None, python_dates: bool = True) -> pd.DataFrame:
        """Run ``sql``; DATE columns come back as ``datetime.date`` (not pandas timestamps)
        unless ``python_dates`` is False (large frames that stay in numpy)."""
        with self._lock:
            cur = self.con.execute(sql, params or [])
            dates = [d[0] for d in cur.description if str(d[1]) == "DATE"] if python_dates else []
            df = cur.df()
        for c in dates:
            df[c] = pd.Series([None if pd.isna(v) else v.date() for v in df[c]], index=df.index, dtype=object)
        for c in df.columns:  # pandas' string columns hold missing text as NaN: make it None
            if c not in dates and pd.api.types.is_string_dtype(df[c]) and df[c].isna().any():
                df[c] = df[c].astype(object).where(df[c].notna(), None)
        return df

    def version(self) -> str:
        """Changes whenever a vintage is added: a cache key and an HTTP ETag ingredient."""
        with self._lock:
            row = self.con.execute("SELECT count(*), coalesce(max(id), 0) FROM vintages").fetchone()
        return f"{row[0]}-{row[1]}"

    # -- writing -------------------------------------------------------------------
    def ingest(self, pub: Publication, data: bytes, digest: str | None = None) -> IngestResult:
        """Store one parsed publication in one transaction. The same bytes twice change nothing."""
        return self.ingest_many([(pub, digest or sha256(data))])[0]

    def ingest_many(self, items: list[tuple[Publication, str]]) -> list[IngestResult]:
        """Store several parsed publications (each already validated by its parser) in one
        transaction: all of them are stored, or, on any error, none."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        with self._lock:
            known_v = {r[0] for r in self.con.execute("SELECT sha256 FROM vintages").fetchall()}
            known_n = {r[0] for r in self.con.execute("SELECT sha256 FROM notices").fetchall()}
            next_id = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM vintages").fetchone()[0]
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            results: list[IngestResult] = []
            vint_rows, notice_rows = [], []
            obs_cols: dict[str, list] = {"vintage_id": [], "freq": [], "date": [], "metric": [], "value": []}
            for pub, digest in items:
                if digest in known_v or digest in known_n:
                    results.append(IngestResult(pub.file_name, "unchanged"))
                    continue
                if pub.is_notice or not pub.observations:
                    notice_rows.append((pub.kind, pub.file_name, digest, pub.published, pub.notice_reason or "no figures", now))
                    known_n.add(digest)
                    results.append(IngestResult(pub.file_name, "notice"))
                    continue
                vid = next_id
                next_id += 1
                known_v.add(digest)
                first, last = min(o.date for o in pub.observations), pub.figures_to
                vint_rows.append((vid, pub.kind, pub.file_name, digest, pub.publication_date, first, last,
                                  len(pub.observations), now, "; ".join(pub.notes) or None))
                n = len(pub.observations)
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
            self.con.execute("BEGIN TRANSACTION")
            try:
                if vint_rows:
                    self.con.executemany(
                        "INSERT INTO vintages (id, kind, file_name, sha256, published, figures_from, figures_to, "
                        "n_observations, ingested_at, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", vint_rows)
                    self.con.register("_obs_in", obs)
                    self.con.execute("INSERT INTO observations SELECT * FROM _obs_in")
                    self.con.unregister("_obs_in")
                if notice_rows:
                    self.con.executemany("INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?)", notice_rows)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            self._cache.clear()
            return results

    def known_digests(self) -> dict[str, str]:
        """sha256 -> kind of every file already stored (vintages and notices)."""
        with self._lock:
            return dict(self.con.execute("SELECT sha256, kind FROM vintages UNION ALL SELECT sha256, kind FROM notices").fetchall())

    # -- reading -------------------------------------------------------------------
    def vintages(self) -> pd.DataFrame:
        """One row per vintage, oldest publication first."""
        return self._query(
            "SELECT id, kind, file_name, published, figures_from, figures_to, n_observations, notes, sha256, ingested_at "
            "FROM vintages ORDER BY published, figures_to, id"
        )

    def notices(self) -> pd.DataFrame:
        return self._query("SELECT kind, file_name, published, reason, sha256 FROM notices ORDER BY kind, file_name")

    def counts(self) -> dict[str, int]:
        with self._lock:
            v = dict(self.con.execute("SELECT kind, count(*) FROM vintages GROUP BY kind").fetchall())
            n = dict(self.con.execute("SELECT kind, count(*) FROM notices GROUP BY kind").fetchall())
        return {**{f"vintages_{k}": c for k, c in v.items()}, **{f"notices_{k}": c for k, c in n.items()}}

    def _candidates(self, freq: str) -> "_Candidates":
        key = ("candidates", freq)
        if key not in self._cache:
            df = self._query(
                "SELECT o.metric, o.date, o.value, o.vintage_id, v.published, (v.kind = 'ods') AS is_ods, v.figures_to "
                "FROM observations o JOIN vintages v ON v.id = o.vintage_id WHERE o.freq = ?", [freq], python_dates=False)
            self._cache[key] = _Candidates(df)
        return self._cache[key]

    def _wide(self, freq: str, metrics: tuple[str, ...], as_of: dt.date | None) -> pd.DataFrame:
        key = (freq, metrics, as_of)
        if key in self._cache:
            return self._cache[key]
        long = self._candidates(freq).select(as_of)
        long = long[long["metric"].isin(metrics)]
        if long.empty:
            wide = pd.DataFrame({c: pd.Series(dtype=t) for c, t in
                                 [("date", object), *((m, "Int64") for m in metrics),
                                  ("vintage_id", "Int64"), ("later_publication", "boolean")]})
        else:
            values = long.pivot(index="date", columns="metric", values="value")
            values = values.reindex(columns=list(metrics)).astype("Int64")
            # provenance follows the first metric (arrivals): the figure every question starts from
            first = long[long["metric"] == metrics[0]].set_index("date")[["vintage_id", "later_publication"]]
            wide = values.join(first).reset_index()
            wide["vintage_id"] = wide["vintage_id"].astype("Int64")
            wide["later_publication"] = wide["later_publication"].astype("boolean")
        wide.columns.name = None
        if len(self._cache) > 512:
            self._cache = {k: v for k, v in self._cache.items() if k[0] == "candidates"}
        self._cache[key] = wide
        return wide

    def daily(self, as_of: dt.date | None = None) -> pd.DataFrame:
        """Daily series as known on ``as_of`` (None: newest values).

        Columns: date, arrivals, boats, uncontrolled_boats (nullable Int64), vintage_id,
        later_publication (True where no vintage published by ``as_of`` had the date).
        """
        return self._wide("day", DAILY_METRICS, as_of)

    def weekly_published(self, as_of: dt.date | None = None) -> pd.DataFrame:
        """Weekly figures as published (SB_02, weekly summary pages), by week-ending Sunday."""
        return self._wide("week", WEEKLY_METRICS, as_of)

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


class _Candidates:
    """Every published value of one frequency, grouped by (metric, date), each group ordered
    oldest publication first, so that the as-of rule is a few vectorised numpy steps."""

    def __init__(self, df: pd.DataFrame):
        # "newest" = latest publication date; on the same day the ODS time series counts as
        # newer than a page (it is the Home Office's consolidated series), then latest figures.
        df = df.sort_values(["metric", "date", "published", "is_ods", "figures_to", "vintage_id"], kind="stable")
        metric = df["metric"].to_numpy()
        date = pd.to_datetime(df["date"]).to_numpy().astype("datetime64[D]")
        new_group = np.ones(len(df), dtype=bool)
        new_group[1:] = (metric[1:] != metric[:-1]) | (date[1:] != date[:-1])
        self.starts = np.flatnonzero(new_group)
        self.ends = np.append(self.starts[1:], len(df)) - 1
        self.metric = metric[self.starts]
        self.date = date[self.starts]
        self.published = pd.to_datetime(df["published"]).to_numpy().astype("datetime64[D]")
        self.value = df["value"].to_numpy(dtype="float64", na_value=np.nan)
        self.vintage_id = df["vintage_id"].to_numpy()

    def select(self, as_of: dt.date | None) -> pd.DataFrame:
        """Long frame (date, metric, value, vintage_id, later_publication) as known on ``as_of``:
        per (metric, date) the newest vintage published on or before ``as_of``; where none has
        it, the oldest that has it (``later_publication``). Dates after ``as_of`` are left out, and
        so are dates after the last one any vintage known by then covers, when that is within
        :data:`PUBLICATION_LAG_DAYS` of ``as_of`` (they had not been published yet); a longer
        silence is a gap in the archive, and those days come from later publications too."""
        if len(self.starts) == 0:
            return pd.DataFrame(columns=["date", "metric", "value", "vintage_id", "later_publication"])
        if as_of is None:
            pos, later, keep = self.ends, np.zeros(len(self.starts), bool), slice(None)
        else:
            d = np.datetime64(as_of, "D")
            known = self.published <= d
            newest_known = np.maximum.reduceat(np.where(known, np.arange(len(known)), -1), self.starts)
            later = newest_known < 0
            pos = np.where(later, self.starts, newest_known)
            last_known = self.date[~later].max() if (~later).any() else None
            lag = PUBLICATION_LAG_DAYS
            cut = last_known if last_known is not None and d - last_known <= np.timedelta64(lag, "D") else d
            keep = self.date <= cut
        return pd.DataFrame({
            "date": pd.to_datetime(self.date[keep]).date,
            "metric": self.metric[keep],
            "value": self.value[pos][keep],
            "vintage_id": self.vintage_id[pos][keep],
            "later_publication": later[keep],
        })
