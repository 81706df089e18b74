"""Benchmark: what the quarterly statistics (Irr_D01) and the IOM incidents cost the build, and
how fast their questions answer.

Builds the store from all bundled data and, side by side, from the same data without the new
sources (the ODS and page archives only), interleaved, and prints the medians and their
difference; then times ``who`` and ``deaths`` (and a deaths claim) on the built store.

    .venv/bin/python bench/people.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from smallboats import deaths, people
from smallboats.build import build, default_data_dir
from smallboats.claims import check
from smallboats.store import Store


def time_build(data_dir: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            report = build(store, data_dir)
        assert not report.problems, report.problems
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    full = default_data_dir()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "homeoffice"  # the same files without irregular-migration/ and ../iom/
        base.mkdir()
        for sub in ("time-series", "pages"):
            (base / sub).symlink_to(full / sub)
        with_new, without = [], []
        for _ in range(args.repeat):
            without.append(time_build(base))
            with_new.append(time_build(full))
    m_with, m_without = statistics.median(with_new), statistics.median(without)
    print(f"build, all bundled data:            median {m_with:.2f} s  ({', '.join(f'{t:.2f}' for t in with_new)})")
    print(f"build, without Irr_D01 and IOM:     median {m_without:.2f} s  ({', '.join(f'{t:.2f}' for t in without)})")
    print(f"cost of the new sources:            {m_with - m_without:+.2f} s ({m_with / m_without:.2f}x)")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        with Store(db) as store:
            build(store, full)
        store = Store(db, read_only=True)
        cases = {
            "who 2022 as of 2024-01-15": lambda: people.who(store, 2022, dt.date(2024, 1, 15)),
            "who 2023 Q3, Albania": lambda: people.who(store, "2023 Q3", None, 10, "Albania"),
            "deaths since 2018 as of 2025-05-31": lambda: deaths.deaths(store, dt.date(2018, 1, 1), None, dt.date(2025, 5, 31)),
            "check '78 died in 2024' (2025-05-31)": lambda: check(
                "The IOM estimated at least 78 migrants died while making the crossing in 2024, the deadliest year on record.",
                "2025-05-31", store),
        }
        for name, fn in cases.items():
            fn()  # warm
            runs = []
            for _ in range(max(5, args.repeat)):
                t0 = time.perf_counter()
                fn()
                runs.append((time.perf_counter() - t0) * 1000)
            print(f"{name:40s} median {statistics.median(runs):6.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
