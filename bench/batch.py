"""Benchmark: batch checking on Dask (smallboats check-batch) with 1 and 2 workers.

A bounded large batch: the 94 real articles (tests/data/news) repeated, each copy with its date
moved by up to 90 days either way (so the record as known on most dates is built afresh), up
to --size articles, written as a Parquet file in row groups (never held whole in memory).
Each worker count checks it on its own local cluster into a new results folder.

Prints, for each worker count: articles per second (the whole batch, the cluster already
started; and the median over windows of 10% of the batch), the speed-up over one worker, and
each worker's peak memory (RSS) when 10%, 50% and 100% of the batch were done: flat if the
batch streams through the workers. Also the client's peak memory.

    nice .venv/bin/python bench/batch.py [--db PATH] [--size 20000] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from smallboats import batch
from smallboats.store import default_db_path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "data" / "news"
LAST = dt.date(2026, 8, 20)


def make_input(path: Path, size: int) -> None:
    index = [json.loads(line) for line in (NEWS / "index.jsonl").read_text().splitlines()]
    texts = [(NEWS / r["file"]).read_text() for r in index]
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("date", pa.string()), ("outlet", pa.string())])
    with pq.ParquetWriter(path, schema) as w:
        for start in range(0, size, 1000):
            rows = []
            for i in range(start, min(size, start + 1000)):
                k, copy = i % len(index), i // len(index)
                shift = ((copy * 37) % 181) - 90 if copy else 0
                day = min(dt.date.fromisoformat(index[k]["pub_date"]) + dt.timedelta(days=shift), LAST)
                rows.append({"id": f"{k:03d}-{copy}", "text": texts[k], "date": day.isoformat(),
                             "outlet": index[k]["outlet"]})
            w.write_table(pa.Table.from_pylist(rows, schema=schema))


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def run(src: Path, out: Path, db: str, workers: int, size: int) -> dict:
    client, release = batch.connect(None, workers)
    marks = {0.1: None, 0.5: None, 1.0: None}
    windows: list[tuple[int, float]] = []

    def seen(p: batch.Progress) -> None:
        windows.append((p.done, time.perf_counter()))
        for m in marks:
            if marks[m] is None and p.done >= m * size:
                marks[m] = sorted(p.peak_rss.values())
    try:
        t0 = time.perf_counter()
        prog, _ = batch.run(batch.open_source(src), out, store=db, scheduler=client, on_progress=seen)
        seconds = time.perf_counter() - t0
    finally:
        release()
    assert prog.done == size and not prog.errors, (prog.done, prog.error_examples)
    step = max(1, size // 10)
    rates, last = [], (0, t0)
    for done, t in windows:
        if done - last[0] >= step:
            rates.append((done - last[0]) / (t - last[1]))
            last = (done, t)
    return {"seconds": seconds, "rate": size / seconds, "median_rate": statistics.median(rates) if rates else size / seconds,
            "marks": marks, "claims": prog.claims}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(default_db_path()))
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    if not Path(args.db).is_file():
        sys.exit(f"no store at {args.db}: run `smallboats build` first (or pass --db)")
    counts = [int(x) for x in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.parquet"
        make_input(src, args.size)
        print(f"{args.size:,} articles ({src.stat().st_size / 2**20:.1f} MiB of Parquet), store {args.db}")
        results = {}
        for w in counts:
            results[w] = r = run(src, Path(tmp) / f"out-{w}", args.db, w, args.size)
            peaks = "; ".join(f"{int(100 * m)}%: " + ", ".join(mib(x) for x in v or []) for m, v in r["marks"].items())
            print(f"{w} worker{'s' if w > 1 else ''}: {r['seconds']:.1f} s, {r['rate']:.1f} articles/s "
                  f"(median over tenths {r['median_rate']:.1f}), {r['claims']:,} claims; peak RSS per worker (MiB) at "
                  f"{peaks}", flush=True)
        base = results[counts[0]]
        for w in counts[1:]:
            print(f"speed-up {w} workers over {counts[0]}: {results[w]['rate'] / base['rate']:.2f}x "
                  f"(median rates: {results[w]['median_rate'] / base['median_rate']:.2f}x)")
        print(f"client peak RSS: {mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)} MiB")


if __name__ == "__main__":
    main()
