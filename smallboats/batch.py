"""Checking a whole news archive on Dask: articles in, one row per claim out.

The claim checker (:func:`smallboats.claims.check`) runs unchanged inside each task. Articles
are read on the client as a stream and sent to the workers in partitions, a bounded number
at a time; each worker opens the store read-only once (a worker plugin) and keeps it. The
client writes each partition's results as soon as they come back, atomically, so a killed
run loses nothing already written and a rerun skips the articles already done.

RESULTS is a folder readable as one Parquet data set (``pandas.read_parquet(RESULTS)``,
DuckDB's ``read_parquet('RESULTS/*.parquet')``): ``part-NNNNNN.parquet`` holds one row per
claim; ``_articles/part-NNNNNN.parquet`` one row per article (its error, if any, and how many
claims it had). A partition is done when its ``_articles`` file exists: that file is renamed
into place last.

Python: :func:`check_many`. Command: ``smallboats check-batch`` (see :mod:`smallboats.cli`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .dates import parse_date
from .store import Store, default_db_path

#: Articles per partition (one task each): big enough that the task overhead is small,
#: small enough that a killed run loses little and progress moves.
PARTITION_SIZE = 100

#: One row per claim. Spans are character offsets in the article's text as checked (a saved
#: HTML page reduced to its body, as ``smallboats check`` does).
CLAIM_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("date", pa.date32()), ("url", pa.string()),
    ("title", pa.string()), ("claim", pa.int32()), ("kind", pa.string()), ("sentence", pa.string()),
    ("span_start", pa.int32()), ("span_end", pa.int32()), ("text", pa.string()), ("number", pa.float64()),
    ("qualifier", pa.string()), ("unit", pa.string()), ("metric", pa.string()), ("category", pa.string()),
    ("crossing", pa.bool_()), ("period", pa.string()), ("period_start", pa.date32()), ("period_end", pa.date32()),
    ("official", pa.float64()), ("official_period", pa.string()), ("official_source", pa.string()),
    ("official_later_publication", pa.bool_()), ("latest", pa.float64()), ("latest_period", pa.string()),
    ("verdict", pa.string()), ("verdict_as_of", pa.string()), ("verdict_latest", pa.string()), ("reason", pa.string()),
])

#: One row per article: what happened to it.
ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("date", pa.date32()), ("url", pa.string()),
    ("title", pa.string()), ("claims", pa.int32()), ("crossing_figures", pa.int32()), ("error", pa.string()),
    ("store_version", pa.string()), ("seconds", pa.float64()),
])

_OPTIONAL = ("outlet", "url", "title")


class BatchError(ValueError):
    """The batch cannot start: unreadable input, no index, a results folder that is not one."""


class ArticleError(ValueError):
    """This article cannot be checked (recorded against it; the batch goes on)."""


# -- one article -----------------------------------------------------------------------------

def _as_text(raw: Any) -> str:
    """An article's text: str as is; bytes decoded as UTF-8 the way ``smallboats check`` reads
    a file. Binary data (NUL bytes, or more than 1% undecodable or control characters) is not
    text."""
    if raw is None:
        raise ArticleError("no text: give 'text' or 'html'")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        raw = bytes(raw)
        if b"\x00" in raw:
            raise ArticleError("not text: binary data (NUL bytes)")
        raw = raw.decode("utf-8", errors="replace")
    if not isinstance(raw, str):
        raise ArticleError(f"not text: a {type(raw).__name__}")
    bad = sum(1 for ch in raw if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v"))
    if "\x00" in raw or bad > max(2, len(raw) // 100):
        raise ArticleError("not text: binary or wrongly encoded data (not UTF-8)")
    if not raw.strip():
        raise ArticleError("empty article")
    return raw


def report_rows(report: Any, article: dict) -> list[dict]:
    """Flatten a checked article (a :class:`~smallboats.claims.Report`) into one row per claim
    (:data:`CLAIM_SCHEMA`). The one place that knows the Report's shape."""
    rows = []
    for c in report.claims:
        off, lat, per = c.official, c.latest, c.period
        rows.append({
            "article_id": article["id"], "outlet": article.get("outlet"), "date": report.date,
            "url": article.get("url"), "title": article.get("title"),
            "claim": c.index, "kind": c.kind, "sentence": report.text[c.sentence_span[0]:c.sentence_span[1]], "span_start": c.span[0], "span_end": c.span[1],
            "text": c.text, "number": c.number, "qualifier": c.qualifier, "unit": c.unit, "metric": c.metric,
            "category": c.category, "crossing": c.crossing,
            "period": (per.label or per.text) if per else None,
            "period_start": per.start if per else None, "period_end": per.end if per else None,
            "official": off.value if off else None, "official_period": off.period if off else None,
            "official_source": off.source if off else None,
            "official_later_publication": off.later_publication if off else None,
            "latest": lat.value if lat else None, "latest_period": lat.period if lat else None,
            "verdict": c.verdict, "verdict_as_of": c.verdict_as_of, "verdict_latest": c.verdict_latest,
            "reason": c.reason,
        })
    return rows


def check_article(article: dict, store: Store) -> tuple[list[dict], dict]:
    """Check one article (a dict: id, text or html, date, outlet, url, title) with the claim
    checker; its claim rows and its article row. Never raises for a bad article: the error is
    in the article row."""
    from .claims import check

    t0 = time.perf_counter()
    row = {"article_id": article["id"], **{k: _clean(article.get(k)) for k in _OPTIONAL},
           "date": None, "claims": 0, "crossing_figures": 0, "error": None}
    rows: list[dict] = []
    try:
        if article.get("error"):
            raise ArticleError(article["error"])
        raw = article.get("text") if article.get("text") is not None else article.get("html")
        text = _as_text(raw)
        if article.get("date") is None or (isinstance(article["date"], str) and not article["date"].strip()):
            raise ArticleError("no date: the article's publication date is needed to check it")
        try:
            row["date"] = parse_date(article["date"])
        except (ValueError, TypeError) as exc:
            raise ArticleError(f"bad date: {exc}") from None
        report = check(text, row["date"], store)
        if not report.text.strip():
            raise ArticleError("unreadable HTML: no article text found in the page")
        rows = report_rows(report, {**article, **{k: row[k] for k in _OPTIONAL}})
        row["claims"] = len(rows)
        row["crossing_figures"] = sum(1 for r in rows if r["crossing"])
    except ArticleError as exc:
        row["error"] = str(exc)
        rows = []
    except Exception as exc:  # noqa: BLE001 - a bad article is recorded, never fatal
        row["error"] = f"{type(exc).__name__}: {exc}"
        rows = []
    row["seconds"] = time.perf_counter() - t0
    return rows, row


def _clean(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return str(v)


# -- one partition (a task) ------------------------------------------------------------------

_STORES: dict[str, Store] = {}


def worker_store(path: str | None) -> Store:
    """The store this process checks against, opened read-only once and kept: ``path``, or the
    process's own default ($SMALLBOATS_DB) when None."""
    key = str(path) if path else str(default_db_path())
    if key not in _STORES:
        _STORES[key] = Store(key, read_only=True)
    return _STORES[key]


def open_stores() -> list[str]:
    """The stores this process has open (``client.run(open_stores)`` asks every worker)."""
    return sorted(_STORES)


def close_worker_stores() -> None:
    while _STORES:
        _STORES.popitem()[1].close()


def check_partition(articles: list[dict] | pd.DataFrame, store_path: str | None) -> tuple[pa.Table, pa.Table, dict]:
    """A task: check every article of a partition against this worker's store. Returns the claim
    rows, the article rows, and the worker's figures (peak memory)."""
    import resource

    if isinstance(articles, pd.DataFrame):
        articles = _frame_records(articles)
    store = worker_store(store_path)
    version = store.version()
    claims: list[dict] = []
    rows: list[dict] = []
    for a in articles:
        c, r = check_article(a, store)
        r["store_version"] = version
        claims.extend(c)
        rows.append(r)
    stats = {"pid": os.getpid(), "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}
    return (pa.Table.from_pylist(claims, schema=CLAIM_SCHEMA), pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA),
            stats)


def _frame_records(df: pd.DataFrame) -> list[dict]:
    """A DataFrame's rows as article records (the row's index label is the id if there is no id)."""
    return [_normal({k: (None if _missing(v) else v) for k, v in rec.items()}, f"row:{label}")
            for label, rec in zip(df.index, df.to_dict("records"))]


def _missing(v: Any) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _normal(rec: dict, fallback_id: str) -> dict:
    """An input record as the task expects it: id, text (or html), date, outlet, url, title."""
    a = {"id": _clean(rec.get("id")) or fallback_id}
    text = rec.get("text")
    a["text"] = text if text is not None else rec.get("html")
    date = rec.get("date", rec.get("pub_date"))
    a["date"] = date.date() if isinstance(date, (pd.Timestamp, dt.datetime)) else date
    for k in _OPTIONAL:
        a[k] = _clean(rec.get(k))
    if rec.get("error"):
        a["error"] = rec["error"]
    return a


# -- reading the input (a stream, on the client) ----------------------------------------------

@dataclass
class Source:
    """Articles to check, as a stream of records, and how many there are (if known)."""

    records: Iterable[dict]
    total: int | None = None
    name: str = ""


_INDEX_NAMES = ("index.jsonl", "index.csv", "index.parquet")


def open_source(path: str | os.PathLike, index: str | os.PathLike | None = None) -> Source:
    """INPUT for ``check-batch``: a folder of text/HTML files with a sidecar index, a JSON Lines
    file, or a Parquet file."""
    p = Path(path)
    if p.is_dir():
        return _folder(p, Path(index) if index else None)
    if not p.is_file():
        raise BatchError(f"no such file or folder: {path}")
    if index:
        raise BatchError("--index is for a folder of articles")
    if p.suffix.lower() == ".parquet":
        return _parquet(p)
    if p.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return _jsonl(p)
    raise BatchError(f"{path}: give a folder of articles with an index, a .jsonl file or a .parquet file")


def _folder(folder: Path, index: Path | None) -> Source:
    if index is None:
        found = [folder / n for n in _INDEX_NAMES if (folder / n).is_file()]
        if not found:
            raise BatchError(f"no sidecar index in {folder}: add index.jsonl (one line per article: file, date, "
                             "and optional id, outlet, url, title), or give --index")
        index = found[0]
    if not index.is_file():
        raise BatchError(f"no such index: {index}")
    try:
        if index.suffix == ".parquet":
            rows = pq.read_table(index).to_pylist()
        elif index.suffix == ".csv":
            rows = pd.read_csv(index, dtype=str, keep_default_na=False).to_dict("records")
        else:
            rows = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]
    except Exception as exc:  # noqa: BLE001
        raise BatchError(f"cannot read the index {index}: {exc}") from None
    if rows and not all(isinstance(r, dict) and r.get("file") for r in rows):
        raise BatchError(f"{index}: every row needs 'file' (the article's file, relative to the index)")
    base = index.parent

    def records() -> Iterator[dict]:
        for r in rows:
            file = base / str(r["file"])
            rec = {**r, "id": r.get("id") or Path(str(r["file"])).stem}
            try:
                rec["text"] = file.read_bytes()
            except OSError as exc:
                rec["error"] = f"unreadable file {r['file']}: {exc.strerror or exc}"
            yield _normal(rec, rec["id"])

    return Source(records(), len(rows), str(folder))


def _jsonl(path: Path) -> Source:
    with path.open("rb") as f:
        total = sum(1 for line in f if line.strip())

    def records() -> Iterator[dict]:
        with path.open("rb") as f:
            n = 0
            for line in f:
                if not line.strip():
                    continue
                n += 1
                try:
                    rec = json.loads(line)
                    if not isinstance(rec, dict):
                        raise ValueError("not an object")
                except ValueError as exc:
                    yield {"id": f"line:{n}", "error": f"bad JSON on line {n}: {exc}", "text": None, "date": None}
                    continue
                yield _normal(rec, f"line:{n}")

    return Source(records(), total, str(path))


def _parquet(path: Path) -> Source:
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001
        raise BatchError(f"cannot read {path} as Parquet: {exc}") from None
    names = set(pf.schema_arrow.names)
    if not names & {"text", "html"}:
        raise BatchError(f"{path}: no 'text' or 'html' column (it has {', '.join(sorted(names))})")

    def records() -> Iterator[dict]:
        n = 0
        for batch in pf.iter_batches(batch_size=1000):
            for rec in batch.to_pylist():
                n += 1
                yield _normal(rec, f"row:{n}")

    return Source(records(), pf.metadata.num_rows, str(path))


def as_source(articles: Any) -> Source:
    """What :func:`check_many` accepts: a pandas DataFrame, a list (or any iterable) of dicts,
    or a path (as for ``check-batch``)."""
    if isinstance(articles, (str, os.PathLike)):
        return open_source(articles)
    if isinstance(articles, pd.DataFrame):
        cols = set(articles.columns)
        if not cols & {"text", "html"}:
            raise BatchError("the articles need a 'text' or 'html' column")
        df = articles

        def frame() -> Iterator[dict]:
            for start in range(0, len(df), PARTITION_SIZE):
                yield from _frame_records(df.iloc[start:start + PARTITION_SIZE])

        return Source(frame(), len(df))
    total = len(articles) if hasattr(articles, "__len__") else None
    return Source((_normal(dict(r), f"row:{i}") for i, r in enumerate(articles)), total)


# -- the results folder ----------------------------------------------------------------------

_PART = re.compile(r"^part-(\d{6})\.parquet$")


class Results:
    """The results folder: claim parts, article parts (the commit markers), atomic writes."""

    def __init__(self, out: str | os.PathLike):
        self.dir = Path(out)
        if self.dir.exists() and not self.dir.is_dir():
            raise BatchError(f"{out} exists and is not a results folder")
        self.articles_dir = self.dir / "_articles"
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        self._tidy()
        nums = [int(m.group(1)) for p in self.articles_dir.iterdir() if (m := _PART.match(p.name))]
        self.next_part = max(nums, default=-1) + 1

    def _tidy(self) -> None:
        """Drop what a killed run left half-written: temporary files, and claim parts whose
        partition never committed (its article part is missing)."""
        for d in (self.dir, self.articles_dir):
            for p in d.glob(".*.tmp"):
                p.unlink(missing_ok=True)
        for p in self.dir.iterdir():
            if _PART.match(p.name) and not (self.articles_dir / p.name).exists():
                p.unlink()

    def done_ids(self) -> set[str]:
        done: set[str] = set()
        for p in sorted(self.articles_dir.glob("part-*.parquet")):
            done.update(pq.read_table(p, columns=["article_id"]).column(0).to_pylist())
        return done

    def write(self, claims: pa.Table, articles: pa.Table) -> str:
        name = f"part-{self.next_part:06d}.parquet"
        self.next_part += 1
        if claims.num_rows:
            _atomic_parquet(claims, self.dir / name)
        _atomic_parquet(articles, self.articles_dir / name)  # last: the partition is done
        return name

    def claim_files(self) -> list[Path]:
        return sorted(p for p in self.dir.glob("part-*.parquet") if (self.articles_dir / p.name).exists())

    def article_files(self) -> list[Path]:
        return sorted(self.articles_dir.glob("part-*.parquet"))


def _atomic_parquet(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        pq.write_table(table, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_results(out: str | os.PathLike) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claims and the articles of a results folder, as pandas DataFrames."""
    res = Path(out)
    if not (res / "_articles").is_dir():
        raise BatchError(f"{out} is not a check-batch results folder (no _articles/ in it)")
    r = Results.__new__(Results)
    r.dir, r.articles_dir = res, res / "_articles"
    claims = _concat(r.claim_files(), CLAIM_SCHEMA)
    articles = _concat(r.article_files(), ARTICLE_SCHEMA)
    return claims, articles


def _concat(files: list[Path], schema: pa.Schema) -> pd.DataFrame:
    tables = [pq.read_table(f, schema=schema) for f in files] or [schema.empty_table()]
    return pa.concat_tables(tables).to_pandas(types_mapper=_types)


def _types(t: pa.DataType) -> Any:
    return None  # pandas' defaults: dates as objects (datetime.date), numbers as floats


def write_csv(out: str | os.PathLike, csv_path: str | os.PathLike) -> int:
    """Every claim of a results folder as one CSV (streamed part by part); rows written."""
    import pyarrow.csv as pacsv

    r = Results.__new__(Results)
    r.dir, r.articles_dir = Path(out), Path(out) / "_articles"
    n = 0
    tmp = Path(csv_path).with_name(f".{Path(csv_path).name}.tmp")
    with pacsv.CSVWriter(str(tmp), CLAIM_SCHEMA) as w:
        for f in r.claim_files():
            t = pq.read_table(f, schema=CLAIM_SCHEMA)
            w.write_table(t)
            n += t.num_rows
    os.replace(tmp, csv_path)
    return n


# -- running a batch -------------------------------------------------------------------------

@dataclass
class Progress:
    """What the run has done so far (passed to the progress callback after each partition)."""

    total: int | None = None
    skipped: int = 0
    done: int = 0
    errors: int = 0
    claims: int = 0
    crossing: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    error_examples: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    workers: int = 0
    peak_rss: dict[int, int] = field(default_factory=dict)
    store_versions: set[str] = field(default_factory=set)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def add(self, claims: pa.Table, articles: pa.Table, stats: dict) -> None:
        self.done += articles.num_rows
        errs = articles.column("error").to_pylist()
        ids = articles.column("article_id").to_pylist()
        for i, e in zip(ids, errs):
            if e:
                self.errors += 1
                if len(self.error_examples) < 10:
                    self.error_examples.append((i, e))
        self.claims += claims.num_rows
        self.crossing += sum(articles.column("crossing_figures").to_pylist())
        for v in claims.column("verdict").to_pylist():
            self.verdicts[v] = self.verdicts.get(v, 0) + 1
        self.store_versions.update(v for v in articles.column("store_version").to_pylist() if v)
        pid = stats.get("pid")
        if pid is not None:
            self.peak_rss[pid] = max(self.peak_rss.get(pid, 0), stats.get("peak_rss", 0))


class _StorePlugin:
    """Opens the store read-only once when a worker starts, closes it when the worker stops."""

    name = "smallboats-store"

    def __init__(self, path: str | None):
        self.path = path

    def setup(self, worker: Any) -> None:
        worker_store(self.path)

    def teardown(self, worker: Any) -> None:
        close_worker_stores()


def connect(scheduler: Any = None, workers: int | None = None) -> tuple[Any, Callable[[], None]]:
    """A Dask client: ``scheduler`` as a ``tcp://`` address, an existing ``distributed.Client``,
    or None for a local cluster of ``workers`` processes (one thread each; default: one per
    core). Returns the client and what to call to let it go."""
    from distributed import Client, LocalCluster

    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, lambda: None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        return client, client.close
    import dask

    n = workers or os.cpu_count() or 1
    # no dashboard; the scheduler's own HTTP server on a free port (not 8787, maybe taken).
    # No statistical profiler on the workers: its call trees (kept for the dashboard) grew each
    # worker by about 25 kB an article checked, 290 MB over 20,000; without it memory is flat.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR)
    client = Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close


def run(source: Source | Any, out: str | os.PathLike | None, *, store: str | os.PathLike | Store | None = None,
        scheduler: Any = None, workers: int | None = None, partition_size: int = PARTITION_SIZE,
        on_progress: Callable[[Progress], None] | None = None,
        collect: bool = False) -> tuple[Progress, list[tuple[pa.Table, pa.Table]]]:
    """Check ``source`` on Dask. With ``out``, each partition's results are written to that
    folder as they come back and articles already there are skipped; with ``collect``, they are
    also returned. At most two partitions per worker are in flight, so memory stays flat
    however long the input."""
    from distributed import wait
    from distributed.diagnostics.plugin import WorkerPlugin

    results = Results(out) if out is not None else None
    done = results.done_ids() if results else set()
    store_path = str(store.path if isinstance(store, Store) else store) if store is not None else None
    client, release = connect(scheduler, workers)
    prog = Progress()
    got: list[tuple[pa.Table, pa.Table]] = []
    try:
        plugin = type("SmallboatsStore", (_StorePlugin, WorkerPlugin), {})(store_path)
        client.register_plugin(plugin, name=f"smallboats-store-{store_path}")
        nworkers = max(1, len(client.scheduler_info().get("workers", {})))
        prog.workers = nworkers
        in_flight_max = 2 * nworkers
        pending: dict[Any, list] = {}

        def take(fut: Any) -> None:
            part = pending.pop(fut)
            try:
                claims, arts, stats = fut.result()
            except Exception as exc:  # noqa: BLE001 - the task died (a worker lost): narrow it down
                if isinstance(part, list) and len(part) > 1:
                    half = len(part) // 2
                    for piece in (part[:half], part[half:]):
                        pending[client.submit(check_partition, piece, store_path, pure=False)] = piece
                    return
                a = part[0] if isinstance(part, list) else {"id": f"dask partition {part.key}"}
                _, row = check_article({**a, "error": f"the task failed: {type(exc).__name__}: {exc}"}, None)  # type: ignore[arg-type]
                row["store_version"] = None
                claims, arts, stats = CLAIM_SCHEMA.empty_table(), pa.Table.from_pylist([row], schema=ARTICLE_SCHEMA), {}
            if results is not None:
                results.write(claims, arts)
            if collect:
                got.append((claims, arts))
            prog.add(claims, arts, stats)
            if on_progress:
                on_progress(prog)

        def drain(limit: int) -> None:
            while len(pending) > limit:
                finished, _ = wait(list(pending), return_when="FIRST_COMPLETED")
                for fut in finished:
                    take(fut)

        if isinstance(source, Source):
            prog.total = source.total
            seen: set[str] = set()
            stream = iter(source.records)
            while True:
                part: list[dict] = []
                for a in stream:
                    if a["id"] in done:
                        prog.skipped += 1
                        continue
                    if a["id"] in seen:
                        a = {**a, "error": f"duplicate id {a['id']!r}: an earlier article has it", "id": f"{a['id']}#dup{prog.done + len(part)}"}
                    seen.add(a["id"])
                    part.append(a)
                    if len(part) >= partition_size:
                        break
                if not part:
                    break
                if on_progress and prog.skipped and not prog.done:
                    on_progress(prog)
                drain(in_flight_max - 1)
                pending[client.submit(check_partition, part, store_path, pure=False)] = part
        else:  # a Dask DataFrame: its own partitions, as they are
            from dask import delayed

            prog.total = None
            for d in source.to_delayed():
                drain(in_flight_max - 1)
                fut = client.compute(delayed(check_partition)(d, store_path))
                pending[fut] = d
        drain(0)
    finally:
        release()
    return prog, got


def check_many(articles: Any, store: str | os.PathLike | Store | None = None, scheduler: Any = None, *,
               workers: int | None = None, partition_size: int = PARTITION_SIZE) -> pd.DataFrame:
    """Check many articles on Dask and return one row per claim (columns: :data:`CLAIM_SCHEMA`).

    ``articles``: a pandas DataFrame, a list of dicts or a Dask DataFrame (columns ``id``,
    ``text`` or ``html``, ``date``, optional ``outlet``, ``url``, ``title``), or a path as for
    ``smallboats check-batch``. ``store``: a path or an open Store (its file), default
    $SMALLBOATS_DB on each worker. ``scheduler``: a ``tcp://`` address, a
    ``distributed.Client``, or None for a local cluster. One row per article (with its error,
    if it could not be checked) is in ``result.attrs["articles"]``."""
    src = articles if _is_dask_frame(articles) else as_source(articles)
    _, got = run(src, None, store=store, scheduler=scheduler, workers=workers, partition_size=partition_size,
                 collect=True)
    claims = pa.concat_tables([c for c, _ in got] or [CLAIM_SCHEMA.empty_table()]).to_pandas()
    arts = pa.concat_tables([a for _, a in got] or [ARTICLE_SCHEMA.empty_table()]).to_pandas()
    claims.attrs["articles"] = arts
    return claims


def _is_dask_frame(x: Any) -> bool:
    mod = type(x).__module__ or ""
    return mod.startswith("dask") and hasattr(x, "to_delayed")


__all__ = ["check_many", "check_article", "check_partition", "report_rows", "read_results", "run", "open_source",
           "CLAIM_SCHEMA", "ARTICLE_SCHEMA", "BatchError"]
