"""Soak: `smallboats serve` (a subprocess on 127.0.0.1, over a copy of the store) under a
bounded mixed load for a minute, while a writer adds a vintage every few seconds. Prints
requests, errors (5xx and failed connections), status counts, p50/p99/max latency, the
server's peak memory, and how long the server took to show each write.

    .venv/bin/python bench/soak.py [--db PATH] [--seconds 60] [--clients 4] [--write-every 5]

Bounded: at most --seconds of load and --max-requests requests, only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from smallboats.store import default_db_path

GETS = [
    "/api/v1/total?from=2025-01-01&to=2025-12-31", "/api/v1/ytd", "/api/v1/records?top=5", "/api/v1/rank?period=2025-W18",
    "/api/v1/series?freq=month&from=2024-01-01", "/api/v1/compare?from=2025-06-01&to=2025-06-30", "/api/v1/streaks?year=2025",
    "/api/v1/prevented?from=2026-01-01", "/api/v1/vintages", "/api/v1/ytd?as_of=2026-03-01", "/explore?freq=week&from=2026-01-01",
    "/", "/charts/daily.svg", "/api/v1/total?from=0001-01-01&to=9999-12-31", "/api/v1/rank?period=9999-W52",
]
ARTICLE = ("Some 41,472 people crossed the Channel in small boats in 2025, and 1,075 arrived on 31 May. "
           "That was more than in 2024.")


#: A writer in its own process (as `smallboats fetch` would be): one new vintage.
WRITER = """import datetime as dt
from smallboats.sources import Observation, Publication
from smallboats.store import Store
day = dt.date(2026, 8, 22)
pub = Publication("ods", "soak_{n}.ods", [Observation("day", day, "arrivals", {n})], published=day + dt.timedelta(days=1))
with Store({db!r}) as writer:
    writer.ingest(pub, b"soak write {n}")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1])
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--write-every", type=float, default=5.0)
    ap.add_argument("--max-requests", type=int, default=50_000)
    args = ap.parse_args()
    source = args.db or default_db_path()
    if not source.exists():
        raise SystemExit(f"no store at {source}: run `smallboats build` first (or pass --db)")
    tmp = Path(tempfile.mkdtemp(prefix="smallboats-soak-"))
    db = tmp / "soak.duckdb"
    shutil.copy(source, db)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "smallboats.cli", "--db", str(db), "serve", "--port", str(port)],
                            stderr=subprocess.DEVNULL)
    try:
        t0 = time.monotonic()
        while True:
            try:
                if httpx.get(url + "/api/v1/vintages", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() - t0 > 90:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        print(f"server up in {time.monotonic() - t0:.1f} s; {args.clients} clients for {args.seconds:g} s, "
              f"a write every {args.write_every:g} s")

        latencies: list[float] = []
        slowest: list[tuple[float, float, str, object]] = []
        t_load = time.monotonic()
        statuses: Counter = Counter()
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def client(seed: int) -> None:
            rnd = random.Random(seed)
            with httpx.Client(base_url=url, timeout=10) as c:
                while time.monotonic() < stop:
                    with lock:
                        if len(latencies) >= args.max_requests:
                            return
                    started = time.monotonic()
                    what = "POST /api/v1/check" if rnd.random() < 0.05 else rnd.choice(GETS)
                    try:
                        if what.startswith("POST"):
                            r = c.post("/api/v1/check", json={"text": ARTICLE, "date": "2026-01-05"})
                        else:
                            r = c.get(what)
                        code = r.status_code
                    except httpx.HTTPError as exc:
                        code = type(exc).__name__
                    with lock:
                        latencies.append(time.monotonic() - started)
                        statuses[code] += 1
                        slowest.append((latencies[-1], started - t_load, what, code))

        threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
        for t in threads:
            t.start()
        writes, seen_after, spans = 0, [], []
        next_write = time.monotonic() + args.write_every
        while time.monotonic() < stop - 1:
            time.sleep(0.1)
            if time.monotonic() >= next_write:
                w0 = time.monotonic()
                subprocess.run([sys.executable, "-c", WRITER.format(db=str(db), n=writes)], check=True, timeout=120)
                written = time.monotonic()
                spans.append((w0 - t_load, written - t_load))
                writes += 1
                next_write = written + args.write_every
                threading.Thread(target=lambda n=writes - 1, at=written, w=w0: _watch(url, n, at, w, seen_after), daemon=True).start()
        for t in threads:
            t.join()
        n = len(latencies)
        errors = sum(c for s, c in statuses.items() if not isinstance(s, int) or s >= 500)
        q = sorted(latencies)
        p = lambda x: q[min(n - 1, int(x * n))] * 1000  # noqa: E731
        print(f"requests {n}  errors {errors}  statuses {dict(sorted(statuses.items(), key=str))}")
        print(f"latency ms: p50 {p(0.50):.1f}  p99 {p(0.99):.1f}  max {q[-1] * 1000:.1f}  (median {statistics.median(q) * 1000:.1f})")
        print(f"writes {writes}: each took {statistics.median([w for w, _ in seen_after] or [0]):.2f} s (median) to write; "
              f"shown by the server after {statistics.median([s for _, s in seen_after] or [float('nan')]):.1f} s (median)")
        print("writes from-to s: " + ", ".join(f"{a:.0f}-{b:.0f}" for a, b in spans))
        print("slowest: " + "; ".join(f"{t:.1f} s at {at:.0f} s {what} ({code})" for t, at, what, code in sorted(slowest, key=lambda x: -x[0])[:5]))
        print(f"server peak memory {peak_kb(proc.pid) / 1000:.0f} MB")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def _watch(url: str, n: int, written: float, began: float, out: list) -> None:
    """How long after the write the server shows the new vintage (at most 30 s)."""
    deadline = written + 30
    while time.monotonic() < deadline:
        try:
            names = {v["file_name"] for v in httpx.get(url + "/api/v1/vintages", timeout=5).json()}
        except (httpx.HTTPError, ValueError):
            names = set()
        if f"soak_{n}.ods" in names:
            out.append((written - began, time.monotonic() - written))
            return
        time.sleep(0.25)


if __name__ == "__main__":
    main()
