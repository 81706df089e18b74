"""Benchmark: build the whole store from the bundled files, and parse the 1,551 daily pages
with smallboats' parser against BeautifulSoup's html.parser as a baseline.

    .venv/bin/python bench/ingest.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

from smallboats.build import build, default_data_dir
from smallboats.sources import archive, daily_page
from smallboats.store import Store

DAILY = default_data_dir() / "pages" / "daily-last-7-days-pages.tar.xz"


def time_build() -> tuple[float, object]:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            report = build(store)
        return time.perf_counter() - t0, report


def time_pages(parse) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    pages = list(archive.iter_members(DAILY))
    t1 = time.perf_counter()
    for name, data in pages:
        parse(name, data)
    return t1 - t0, time.perf_counter() - t1, len(pages)


def bs4_parse(name: str, data: bytes) -> str:
    """The baseline: what a hand scraper does, parse the page and take its main text."""
    soup = BeautifulSoup(data, "html.parser")
    main = soup.find("main") or soup
    return main.get_text(" ", strip=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    builds = [time_build() for _ in range(args.repeat)]
    report = builds[-1][1]
    print(f"build whole store: median {statistics.median(t for t, _ in builds):.2f} s over {args.repeat} runs "
          f"({report.files} files: {report.total('added')} vintages, {report.total('notice')} notices, {len(report.problems)} problems)")
    ours = [time_pages(daily_page.parse) for _ in range(args.repeat)]
    unpack = statistics.median(u for u, _, _ in ours)
    parse = statistics.median(p for _, p, _ in ours)
    n = ours[0][2]
    print(f"decompress {n} daily pages: {unpack:.2f} s")
    print(f"parse {n} daily pages, smallboats (selectolax/lexbor): {parse:.2f} s ({parse / n * 1000:.2f} ms a page)")
    _, base, _ = time_pages(bs4_parse)
    print(f"parse {n} daily pages, BeautifulSoup html.parser baseline: {base:.2f} s ({base / n * 1000:.2f} ms a page)")
    print(f"ratio: smallboats is {base / parse:.1f}x faster than the baseline")


if __name__ == "__main__":
    main()
