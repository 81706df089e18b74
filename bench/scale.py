"""Benchmark: does answering cost more as the store keeps more vintages?

Builds, in a temporary folder, stores with the bundled vintages x1, x4 and x8: the built store,
plus 3 or 7 synthetic copies of its ODS vintages published later (each copy shifted by the span
of the real ones plus a week, so x8 is about five more years of weekly releases; the figures
are the same, so every question has the same answer). For each it prints the median of
``--runs`` fresh processes of: opening the store, the first and a warm ``series(day)``, ``ytd``
as of a date not asked before, the CLI question ``smallboats --format json ytd`` end to end
(against ``smallboats --version``, and against a process that only loads the libraries every
question needs, Typer and DuckDB's engine, and opens a DuckDB connection: the floor under a
question's time that no change to this package can lower; numpy is not among them since the
questions sum Python values), and ``serve``'s resident memory idle and under load
(bench/loadgen.py at 200 requests a second for a few seconds, 127.0.0.1). The CLI's answer
cache is turned off (``SMALLBOATS_NO_CACHE=1``): the question is answered each time.

``--baseline DIR`` runs the same measures, side by side, with another version of the package
(a source tree, e.g. ``git archive <rev> | tar -x -C DIR``), put first on ``PYTHONPATH`` in
every process it measures; the stores are the same files.

Then, on the x1 store, the claim checker: one 1,000-word article checked on a date already seen
and on a new date each time (medians; the new dates are consecutive days something was published
on, so that each needs a record as known on it of its own, brought forward from the day before's), and the 94 news articles checked in turn on N distinct
dates and on 30 dates (articles per second).

    .venv/bin/python bench/scale.py [--db PATH] [--runs 5] [--factors 1,4,8] [--articles 2000] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from smallboats.store import Store, default_db_path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
NEWS = ROOT / "tests" / "data" / "news" / "articles"
SEEDS = ROOT / "tests" / "data" / "seeds"
# the command people run (the console script beside this Python; it honours PYTHONPATH for --baseline)
CLI = [str(Path(sys.executable).with_name("smallboats"))]
# what any CLI question must load before it can read the store: the floor under its time
FLOOR = ("import typer, smallboats.cli\ntry:\n    import _duckdb as duckdb\nexcept ImportError:\n    import duckdb\n"
         "duckdb.connect(':memory:')")


def compiled(*trees: Path) -> None:
    """Byte-compile the measured package(s), as an installed package is: where
    PYTHONDONTWRITEBYTECODE is set (as in some containers) every process would otherwise
    compile smallboats' sources again, some 40 ms of a question that users do not pay."""
    import compileall

    for tree in trees:
        compileall.compile_dir(str(tree / "smallboats"), quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("(PYTHONDONTWRITEBYTECODE is set here: the package was byte-compiled first, as an installed one is)")


def grow(base: Path, path: Path, factor: int) -> None:
    """``base`` plus ``factor - 1`` copies of its ODS vintages, each published later."""
    shutil.copy(base, path)
    if factor == 1:
        return
    with Store(path) as store:
        con = store.con
        first, last, top0 = con.execute("SELECT min(published), max(published), (SELECT max(id) FROM vintages) "
                                        "FROM vintages WHERE kind = 'ods'").fetchone()
        step = (last - first).days + 7
        for j in range(1, factor):  # copies of the bundled ODS vintages only (id <= top0), not of earlier copies
            top = con.execute("SELECT max(id) FROM vintages").fetchone()[0]
            con.execute("BEGIN TRANSACTION")
            con.execute("""
                CREATE TEMP TABLE idmap AS
                SELECT id AS old, $top + row_number() OVER (ORDER BY id) AS new FROM vintages
                WHERE kind = 'ods' AND id <= $top0""", {"top": top, "top0": top0})
            con.execute("""
                INSERT INTO vintages SELECT m.new, kind, 'copy' || $j || '/' || file_name, sha256 || '-' || $j,
                       published + $shift, figures_from, figures_to, n_observations, ingested_at, notes
                FROM vintages v JOIN idmap m ON m.old = v.id""", {"j": j, "shift": step * j})
            con.execute("INSERT INTO observations SELECT m.new, freq, date, metric, value FROM observations o "
                        "JOIN idmap m ON m.old = o.vintage_id")
            con.execute("DROP TABLE idmap")
            con.execute("COMMIT")
        store.reindex()


PROBE = """
import datetime as dt, json, sys, time
t0 = time.perf_counter()
from smallboats.store import Store
from smallboats import questions
t1 = time.perf_counter()
store = Store(sys.argv[1], read_only=True)
t2 = time.perf_counter()
questions.series(store, "day")
t3 = time.perf_counter()
warm = []
for _ in range(15):  # (a figure of some 10 ms: enough repetitions that the median is the code's, not the machine's)
    a = time.perf_counter(); questions.series(store, "day"); warm.append(time.perf_counter() - a)
new = []
for i in range(int(sys.argv[2]), int(sys.argv[2]) + 8):
    day = dt.date(2025, 11, 20) + dt.timedelta(days=3 * i)
    a = time.perf_counter(); questions.ytd(store, as_of=day); new.append(time.perf_counter() - a)
new.sort(); warm.sort()
print(json.dumps({"open": t2 - t1, "first_series_day": t3 - t2, "warm_series_day": warm[7], "ytd_new_as_of": new[4]}))
"""


def env_for(src: Path | None) -> dict[str, str]:
    """The environment of a measured process (run in bench/, so that the package comes from the
    install or ``src``, not the current folder): the CLI's answer cache off; ``src`` (a baseline
    source tree) first on the path."""
    env = {**os.environ, "SMALLBOATS_NO_CACHE": "1"}
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def wall(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of a command: on a busy machine the CPU time
    is the steadier figure."""
    t, c = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=BENCH)
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - t, (r.ru_utime - c.ru_utime) + (r.ru_stime - c.ru_stime)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve_rss(db: Path, seconds: float, env: dict[str, str]) -> tuple[float, float]:
    """``serve``'s RSS after start-up and a few answers, and its peak under load."""
    import httpx
    from api import free_port, urls
    from loadgen import open_loop

    port = free_port()
    server = subprocess.Popen([*CLI, "--db", str(db), "serve", "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=BENCH)
    try:
        deadline = time.monotonic() + 180  # a busy machine can take a while
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/vintages", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        open_loop("127.0.0.1", port, urls(50, 7), 100)
        time.sleep(0.5)
        idle = rss_mb(server.pid)
        peak = [idle]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak.append(rss_mb(server.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        open_loop("127.0.0.1", port, urls(int(200 * seconds), 8), 200)
        done.set()
        sampler.join()
        return idle, max(peak)
    finally:
        server.terminate()
        server.wait(10)


def stores(base: Path, tmp: Path, factors: list[int], runs: int, load_seconds: float, baseline: Path | None) -> None:
    paths = {}
    for k in factors:
        paths[k] = tmp / f"x{k}.duckdb"
        t = time.perf_counter()
        if not paths[k].exists():  # --stores: kept from an earlier run
            grow(base, paths[k], k)
        with Store(paths[k], read_only=True) as s:
            n = s.con.execute("SELECT count(*) FROM vintages").fetchone()[0]
            obs = s.con.execute("SELECT count(*) FROM observations").fetchone()[0]
        print(f"x{k}: {n} vintages, {obs:,} observations, {paths[k].stat().st_size / 2**20:.0f} MB "
              f"(made in {time.perf_counter() - t:.1f} s)", flush=True)
    versions = {"new": env_for(None), **({"base": env_for(baseline)} if baseline else {})}
    compiled(ROOT, *([baseline] if baseline else []))
    cols = [(v, k) for v in versions for k in factors]
    figures: dict[tuple[str, int], dict[str, list[float]]] = {c: {} for c in cols}
    for r in range(runs):  # interleaved, so that the machine's load falls on every size and version alike
        for v, k in cols:
            env, fig = versions[v], figures[v, k]
            out = subprocess.run([sys.executable, "-c", PROBE, str(paths[k]), str(8 * r)], check=True,
                                 capture_output=True, text=True, env=env, cwd=BENCH).stdout
            for name, x in json.loads(out).items():
                fig.setdefault(name, []).append(x * 1000)
            for name, cmd in (("cli_ytd", ["--db", str(paths[k]), "--format", "json", "ytd"]),
                              ("cli_series_day", ["--db", str(paths[k]), "--format", "json", "series", "--freq", "day"]),
                              ("cli_version", ["--version"])):
                w, c = wall([*CLI, *cmd], env)
                fig.setdefault(name, []).append(w * 1000)
                fig.setdefault(name + "_cpu", []).append(c * 1000)
            w, c = wall([sys.executable, "-c", FLOOR], env)
            fig.setdefault("cli_floor", []).append(w * 1000)
            fig.setdefault("cli_floor_cpu", []).append(c * 1000)
    for _ in range(max(1, runs // 2)):
        for v, k in cols:
            idle, peak = serve_rss(paths[k], load_seconds, versions[v])
            figures[v, k].setdefault("serve_rss_idle_mb", []).append(idle)
            figures[v, k].setdefault("serve_rss_load_mb", []).append(peak)
    names = {"open": "open the store (ms)", "first_series_day": "first series(day) (ms)",
             "warm_series_day": "warm series(day) (ms)", "ytd_new_as_of": "ytd, new as-of date (ms)",
             "cli_ytd": "CLI --format json ytd (ms)", "cli_series_day": "CLI series --freq day (ms)",
             "cli_version": "CLI --version (ms)", "cli_ytd_cpu": "  the same, CPU: ytd (ms)",
             "cli_series_day_cpu": "  CPU: series --freq day (ms)", "cli_version_cpu": "  CPU: --version (ms)",
             "cli_floor": "libraries alone (ms)", "cli_floor_cpu": "  CPU: libraries alone (ms)",
             "serve_rss_idle_mb": "serve RSS idle (MB)", "serve_rss_load_mb": "serve RSS under load (MB)"}
    lo, hi = factors[0], factors[-1]
    print(f"\nmedians of {runs} runs (serve: {max(1, runs // 2)}); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    head = "".join(f"{v + ' x' + str(k):>11}" for v, k in cols) + "".join(f"{v + ' x%d/x%d' % (hi, lo):>13}" for v in versions)
    if baseline:
        head += f"{'new/base x' + str(hi):>15}"
    print(f"{'figure':<28}" + head)
    for key, name in names.items():
        med = {c: statistics.median(figures[c][key]) for c in cols}
        row = "".join(f"{med[c]:>11.1f}" for c in cols) + "".join(f"{med[v, hi] / med[v, lo]:>13.2f}" for v in versions)
        if baseline:
            row += f"{med['new', hi] / med['base', hi]:>15.2f}"
        print(f"{name:<28}" + row)
    for v in versions:
        for k in (lo, hi):
            gap = [statistics.median(figures[v, k]["cli_ytd" + c]) - statistics.median(figures[v, k]["cli_version" + c])
                   for c in ("", "_cpu")]
            floor = [statistics.median(figures[v, k]["cli_floor" + c]) - statistics.median(figures[v, k]["cli_version" + c])
                     for c in ("", "_cpu")]
            print(f"{v}: CLI ytd minus --version on x{k}: {gap[0]:.0f} ms wall, {gap[1]:.0f} ms CPU; of which "
                  f"the libraries alone (a process that only imports them and connects): {floor[0]:.0f} ms wall, "
                  f"{floor[1]:.0f} ms CPU")


def thousand_words() -> str:
    words, parts = 0, []
    for f in sorted(SEEDS.glob("0*.txt")):
        for para in f.read_text().splitlines():
            if words >= 1000:
                break
            parts.append(para)
            words += len(para.split())
    return "\n".join(parts)


def claims(db: Path, runs: int, n_articles: int, label: str) -> None:
    """The claim checker's figures, in this process (run in a fresh one per version)."""
    from smallboats.claims import check

    store = Store(db, read_only=True)
    article = thousand_words()
    check(article, "2025-05-31", store)
    seen, new = [], []
    # new dates: consecutive days something was published on (from the time series' first weeks
    # on): each the first day of a publication interval, its record brought forward from the last
    published = sorted({v["published"] for v in store.vintage_rows() if v["published"] >= dt.date(2025, 11, 20)})
    for i in range(runs * 6):
        t = time.perf_counter()
        check(article, "2025-05-31", store)
        seen.append(time.perf_counter() - t)
        day = published[i]
        t = time.perf_counter()
        check(article, day, store)
        new.append(time.perf_counter() - t)
    s, n = statistics.median(seen) * 1000, statistics.median(new) * 1000
    print(f"\n{label}: claim checker, one {len(article.split())}-word article: date already seen {s:.1f} ms, "
          f"new date each time {n:.1f} ms ({n / s:.2f}x)")
    texts = [f.read_text() for f in sorted(NEWS.glob("*.txt"))]
    rnd = random.Random(3)
    days = rnd.sample([dt.date(2018, 6, 1) + dt.timedelta(days=i) for i in range(3000)], n_articles)
    for label_, dates in ((f"{n_articles} distinct dates", days), ("30 dates", [days[i % 30] for i in range(n_articles)])):
        t = time.perf_counter()
        for i, day in enumerate(dates):
            check(texts[i % len(texts)], day, store)
        elapsed = time.perf_counter() - t
        print(f"{label}: {n_articles} news articles on {label_}: {n_articles / elapsed:.1f} articles/s")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="a built store (default: $SMALLBOATS_DB)")
    ap.add_argument("--factors", default="1,4,8")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--load-seconds", type=float, default=3.0)
    ap.add_argument("--articles", type=int, default=2000, help="news articles checked on distinct dates (0: skip)")
    ap.add_argument("--skip-stores", action="store_true")
    ap.add_argument("--stores", type=Path, default=None,
                    help="a folder to keep the grown stores in (xK.duckdb), reused by later runs (default: a temporary one)")
    ap.add_argument("--baseline", type=Path, default=None, help="a source tree of another version, measured side by side")
    ap.add_argument("--claims-here", default=None, help=argparse.SUPPRESS)  # internal: the claims figures, in this process
    args = ap.parse_args()
    base = (args.db or default_db_path()).resolve()
    if not base.exists():
        sys.exit(f"no store at {base}: run `smallboats build` first")
    if args.claims_here:
        claims(base, args.runs, args.articles, args.claims_here)
        return
    sys.path.insert(0, str(BENCH))
    with tempfile.TemporaryDirectory() as tmp:
        if args.stores:
            args.stores.mkdir(parents=True, exist_ok=True)
        if not args.skip_stores:
            stores(base, args.stores or Path(tmp), [int(k) for k in args.factors.split(",")], args.runs, args.load_seconds, args.baseline)
    if args.articles:
        for label, src in (("new", None), *((("base", args.baseline),) if args.baseline else ())):
            subprocess.run([sys.executable, __file__, "--db", str(base), "--runs", str(args.runs), "--articles",
                            str(args.articles), "--claims-here", label], check=True, env=env_for(src), cwd=BENCH)


if __name__ == "__main__":
    main()
