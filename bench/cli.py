"""Start-up of the command line, whole processes: median wall and CPU time of several runs.

Goals (issue 10): ``smallboats --help`` and ``--version`` under 0.3 s, ``smallboats --format
json ytd`` under 1 s of wall time. The question is measured twice: answered afresh
(``SMALLBOATS_NO_CACHE=1``: imports, the store, the as-of selection) and asked again (from the
answer cache). CPU time (user + system, of the child) is printed beside the wall time because
on a shared machine the wall time mostly measures the other jobs; the load average is printed
too. Usage: ``python bench/cli.py [--runs N]`` (needs a built store: $SMALLBOATS_DB).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = Path(sys.executable).with_name("smallboats")
GOALS = {"--help": 0.3, "--version": 0.3, "--format json ytd (afresh)": 1.0, "--format json ytd (asked again)": 1.0}


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"smallboats {' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    from smallboats.paths import default_db_path

    if not default_db_path().exists():
        raise SystemExit(f"no store at {default_db_path()}: run `smallboats build` (or make build) first")
    cache = tempfile.mkdtemp(prefix="smallboats-bench-cache-")
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    cold = {**env, "SMALLBOATS_NO_CACHE": "1"}
    cases = [("--help", ["--help"], env), ("--version", ["--version"], env),
             ("--format json ytd (afresh)", ["--format", "json", "ytd"], cold),
             ("--format json ytd (asked again)", ["--format", "json", "ytd"], env)]
    try:
        run(["--format", "json", "ytd"], env)  # fills the cache for "asked again"
        print(f"smallboats start-up, median of {args.runs} whole processes (load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print(f"{'command':34} {'wall s':>8} {'CPU s':>7} {'goal':>6}  met")
        for label, argv, e in cases:
            times = [run(argv, e) for _ in range(args.runs)]
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            goal = GOALS[label]
            print(f"smallboats {label:23} {wall:8.3f} {cpu:7.3f} {goal:6.1f}  {'yes' if wall < goal else 'no'}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
