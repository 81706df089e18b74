"""Benchmark: start `smallboats serve` on 127.0.0.1 and drive it from this (second) process
at a fixed request rate over a mix of endpoints; print requests per second and latency.

    .venv/bin/python bench/api.py [--db PATH] [--requests 2000] [--rate 200]

Open loop: request i is due at start + i/rate whatever happened to earlier ones, and its
latency is counted from when it was due, so a slow server cannot hide its queue. The URLs are
drawn at random (seeded) from a large space, so nearly all are distinct and the server's
answer cache rarely helps; the as_of dates come from a small set, warmed up first (the first
question as of a new date costs the store ~30 ms to select that date's figures). A last run
asks one cached answer over and over: the floor that HTTP and this driver cost by themselves.
"""

from __future__ import annotations

import argparse
import os
import asyncio
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from smallboats.build import build
from smallboats.store import Store, default_db_path

FIRST, LAST = dt.date(2018, 1, 1), dt.date(2026, 8, 20)
AS_OF = [None, None, None, "2025-12-12", "2026-03-06", "2026-06-05"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(n: int, seed: int) -> list[str]:
    """``n`` GET paths over every question, with random (valid) parameters."""
    rnd = random.Random(seed)

    def day(lo: dt.date = FIRST, hi: dt.date = LAST) -> dt.date:
        return lo + dt.timedelta(days=rnd.randrange((hi - lo).days + 1))

    def as_of() -> str:
        a = rnd.choice(AS_OF)
        return f"&as_of={a}" if a else ""

    def one() -> str:
        kind = rnd.choices(["total", "ytd", "compare", "rank", "records", "streaks", "prevented", "series", "vintages"],
                           [25, 15, 15, 15, 8, 6, 6, 8, 2])[0]
        if kind == "total":
            a = day(FIRST, dt.date(2025, 11, 1))
            return f"/api/v1/total?from={a}&to={day(a, dt.date(2025, 11, 1))}{as_of()}"
        if kind == "ytd":
            return f"/api/v1/ytd?at={day(FIRST, dt.date(2025, 11, 1))}{as_of()}"
        if kind == "compare":
            a = day(dt.date(2019, 1, 1), dt.date(2025, 11, 1))
            return f"/api/v1/compare?from={a}&to={day(a, dt.date(2025, 11, 1))}{as_of()}"
        if kind == "rank":
            d = day(FIRST, dt.date(2025, 11, 1))
            return "/api/v1/rank?period=" + rnd.choice([d.isoformat(), f"{d:%Y-%m}", str(d.year), f"{d:%G-W%V}"]) + as_of()
        if kind == "records":
            return f"/api/v1/records?top={rnd.randint(1, 20)}&period={day(FIRST, dt.date(2025, 11, 1)):%Y-%m}{as_of()}"
        if kind == "streaks":
            return f"/api/v1/streaks?year={rnd.randint(2018, 2025)}{as_of()}"
        if kind == "prevented":
            a = day(dt.date(2019, 1, 1), dt.date(2025, 6, 1))
            return f"/api/v1/prevented?from={a}&to={day(a + dt.timedelta(days=7), dt.date(2025, 11, 1))}{as_of()}"
        if kind == "series":
            a = day(FIRST, dt.date(2025, 1, 1))
            freq = rnd.choice(["day", "week", "month", "year"])
            return f"/api/v1/series?freq={freq}&from={a}&to={a + dt.timedelta(days=rnd.randint(7, 365))}{as_of()}"
        return "/api/v1/vintages"

    return [one() for _ in range(n)]


async def drive(base: str, paths: list[str], rate: float) -> tuple[list[float], dict[int | str, int], float]:
    """Send ``paths`` at ``rate`` per second (open loop); latencies in ms from when each was due."""
    latencies: list[float] = []
    statuses: dict[int | str, int] = {}
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=64)) as client:
        start = time.perf_counter() + 0.05

        async def one(i: int, path: str) -> None:
            due = start + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            try:
                status: int | str = (await client.get(path)).status_code
            except httpx.HTTPError as exc:  # counted, not timed
                status = type(exc).__name__
            else:
                latencies.append((time.perf_counter() - due) * 1000)
            statuses[status] = statuses.get(status, 0) + 1

        await asyncio.gather(*(one(i, p) for i, p in enumerate(paths)))
        elapsed = time.perf_counter() - start
    return latencies, statuses, elapsed


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[int(p * 10) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="A built store (default: $SMALLBOATS_DB; built in a temp folder if missing).")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--rate", type=float, default=200.0, help="Target requests per second.")
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or default_db_path()
        if not db.exists():
            db = Path(tmp) / "bench.duckdb"
            print(f"building a store at {db} ...", flush=True)
            with Store(db) as store:
                build(store)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "smallboats.cli", "--db", str(db), "serve", "--host", "127.0.0.1",
                                   "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/v1/vintages", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.2)
            warm = urls(args.warmup, args.seed + 1000)
            asyncio.run(drive(base, warm, args.rate))
            paths = urls(args.requests, args.seed)
            cpu0 = cpu_seconds(server.pid)
            lat, statuses, elapsed = asyncio.run(drive(base, paths, args.rate))
            cpu = cpu_seconds(server.pid) - cpu0
            # the floor: one answer from the server's cache, so what is left is HTTP and this driver
            floor, _, _ = asyncio.run(drive(base, ["/api/v1/total?from=2025-01-01&to=2025-06-30"] * (args.requests // 2), args.rate))
        finally:
            server.terminate()
            server.wait(10)

    print(f"server: smallboats serve on 127.0.0.1 (store {db}); driver: this process, httpx, open loop")
    print(f"requests: {len(lat)} at a target of {args.rate:.0f}/s after {args.warmup} warm-up; "
          f"{len(set(paths)) / len(paths):.0%} distinct URLs; statuses {dict(sorted(statuses.items(), key=str))}")
    print(f"achieved: {len(lat) / elapsed:.1f} requests/s; server CPU {cpu / len(paths) * 1000:.2f} ms per request "
          f"({cpu / elapsed:.0%} of one core); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"latency ms: p50 {pct(lat, 50):.2f}  p90 {pct(lat, 90):.2f}  p99 {pct(lat, 99):.2f}  max {max(lat):.2f}")
    print(f"floor (one cached answer, {len(floor)} requests at the same rate): p50 {pct(floor, 50):.2f}  p99 {pct(floor, 99):.2f} ms")
    goal = pct(lat, 99) < 10 and len(lat) / elapsed >= 0.95 * args.rate and len(lat) == len(paths)
    print(f"goal (p99 < 10 ms at {args.rate:.0f}/s): {'met' if goal else 'NOT met'}")


if __name__ == "__main__":
    main()
