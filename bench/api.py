"""Benchmark: start `smallboats serve` on 127.0.0.1 and drive it from this (second) process
at fixed request rates over a mix of endpoints; print p50/p90/p99 latency at each rate and the
rate the server saturates at.

    .venv/bin/python bench/api.py [--db PATH] [--requests 4000] [--rates 200,400,800]

The driver (bench/loadgen.py) is raw HTTP/1.1 over keep-alive asyncio streams: it costs this
process a fraction of what a request costs the server, so the figures are the server's. Open
loop: request i is due at start + i/rate whatever happened to earlier ones, and its latency is
counted from when it was due, so a slow server cannot hide its queue. The URLs are drawn at
random (seeded) from a large space, so nearly all are distinct and the server's answer cache
rarely helps; the as_of dates come from a small set, warmed up first. Saturation: 16
connections asking back to back for a few seconds. A last run asks one cached answer over and
over: the floor that HTTP costs by itself.
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from loadgen import Result, closed_loop, open_loop

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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def line(name: str, r: Result, target: float | None = None) -> str:
    got = f"{r.rate:.0f}/s" + (f" of {target:.0f}/s" if target else "")
    other = {k: v for k, v in r.statuses.items() if k != 200}
    return (f"{name:<14} {got:>14}  p50 {r.pct(50):7.2f}  p90 {r.pct(90):7.2f}  p99 {r.pct(99):7.2f}  "
            f"max {max(r.latencies_ms):8.2f} ms" + (f"  non-200: {other}" if other else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="A built store (default: $SMALLBOATS_DB; built in a temp folder if missing).")
    ap.add_argument("--requests", type=int, default=4000, help="Requests per rate.")
    ap.add_argument("--rates", default="200,400,800", help="Target requests per second, comma-separated.")
    ap.add_argument("--warmup", type=int, default=600)
    ap.add_argument("--seconds", type=float, default=4.0, help="Length of the saturation run.")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",")]

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
        results: list[tuple[str, Result, float | None]] = []
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
            open_loop("127.0.0.1", port, urls(args.warmup, args.seed + 1000), 200)
            cpu = []
            for i, rate in enumerate(rates):
                paths = urls(args.requests, args.seed + i)
                cpu0 = cpu_seconds(server.pid)
                r = open_loop("127.0.0.1", port, paths, rate)
                cpu.append((cpu_seconds(server.pid) - cpu0) / len(paths) * 1000)
                results.append((f"{rate:.0f}/s", r, rate))
            cpu0, me0 = cpu_seconds(server.pid), cpu_seconds(os.getpid())
            sat = closed_loop("127.0.0.1", port, urls(20000, args.seed + 99), conns=16, seconds=args.seconds)
            share = (cpu_seconds(server.pid) - cpu0) / sat.elapsed  # of one core, while saturated
            driver = (cpu_seconds(os.getpid()) - me0) / max(1, len(sat.latencies_ms)) * 1000
            sat_cpu = (cpu_seconds(server.pid) - cpu0) / max(1, len(sat.latencies_ms)) * 1000
            results.append(("saturation", sat, None))
            # the floor: one answer from the server's cache, so what is left is HTTP
            floor = open_loop("127.0.0.1", port, ["/api/v1/total?from=2025-01-01&to=2025-06-30"] * (args.requests // 2), rates[0])
            results.append((f"floor {rates[0]:.0f}/s", floor, rates[0]))
        finally:
            server.terminate()
            server.wait(10)

    print(f"server: smallboats serve on 127.0.0.1 (store {db}); driver: bench/loadgen.py (raw asyncio HTTP/1.1), open loop")
    print(f"{args.requests} requests per rate after {args.warmup} warm-up; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores; server CPU per request " + ", ".join(f"{c:.2f} ms at {r:.0f}/s" for c, r in zip(cpu, rates)))
    for name, r, target in results:
        print(line(name, r, target))
    print(f"saturated, the server had {share:.0%} of one core ({sat_cpu:.2f} ms CPU per request; the driver "
          f"{driver:.2f} ms): {1000 / sat_cpu:.0f}/s if it had a whole core")
    at400 = [r for name, r, t in results if t == 400 and not name.startswith("floor")]
    if at400:
        print(f"goal (p99 <= 20 ms at 400/s): {'met' if at400[0].pct(99) <= 20 else 'NOT met'}")


if __name__ == "__main__":
    main()
