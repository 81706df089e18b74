"""Benchmark: the dashboard's overview in Debian's Chromium, from `smallboats serve` on this
machine. Prints first paint, first contentful paint and load time (Performance API) per run,
each in a fresh browser context (nothing cached), and their medians.

    .venv/bin/python bench/web.py [--db PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from smallboats.store import default_db_path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMINGS = """() => new Promise(resolve => {
  const collect = () => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return {fp: paint['first-paint'], fcp: paint['first-contentful-paint'], ttfb: nav.responseStart,
            load: nav.loadEventEnd};
  };
  new PerformanceObserver((list, observer) => {  // paint entries may be recorded after 'load'
    if (performance.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); resolve(collect()); }
  }).observe({type: 'paint', buffered: true});
})"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> tuple[subprocess.Popen, float]:
    """`smallboats serve` in a subprocess; returns it and the seconds until it answered."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "smallboats.cli", "--db", str(db), "serve", "--port", str(port)],
                            stderr=subprocess.DEVNULL)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/vintages", timeout=1):
                return proc, time.perf_counter() - t0
        except OSError:
            if proc.poll() is not None or time.perf_counter() - t0 > 60:
                proc.kill()
                raise SystemExit("the server did not start")
            time.sleep(0.1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=default_db_path())
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make browser` installs it")
    if not args.db.exists():
        raise SystemExit(f"no store at {args.db}: run `make build` (or `smallboats build`), or pass --db")
    port = free_port()
    proc, ready = start_server(args.db, port)
    print(f"server ready in {ready:.2f} s ({args.db})")
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for i in range(args.runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
                t = page.evaluate(TIMINGS)
                rows.append(t)
                label = "first load after start" if i == 0 else f"run {i + 1}"
                print(f"{label:>22}: first paint {t['fp']:6.0f} ms, first contentful paint {t['fcp']:6.0f} ms, "
                      f"HTML {t['ttfb']:5.0f} ms, load (charts drawn) {t['load']:6.0f} ms")
                context.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    for key, name in (("fp", "first paint"), ("fcp", "first contentful paint"), ("load", "load")):
        values = [r[key] for r in rows]
        print(f"median {name}: {statistics.median(values):.0f} ms (max {max(values):.0f} ms) over {len(values)} runs")


if __name__ == "__main__":
    main()
