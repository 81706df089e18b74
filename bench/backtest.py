"""Benchmark: the year-end forecast backtest over 2020-2025 (72 forecasts, each from the record
known on the last day of the month before), and the calibration of the next-7 and next-28-day
intervals at origins 11 days apart over 2021-2025.

Prints the time taken, the mean absolute % error of the year's total by month of forecast for
the model, statsmodels' ETS and the two baselines, the coverage of the 80% and 95% intervals,
and writes the chart.

``--loyo`` also checks the model's two tuned settings (the half-life of the level in days and of
past years) by leaving each year out in turn: for each year, the pair from a short grid with the
best interval score (80% and 95%, a proper score: width plus misses) on the other years'
forecasts from 1 July, then that pair's forecasts of the year left out (about a minute more).

    .venv/bin/python bench/backtest.py [--db PATH] [--years 2020-2025] [--chart PATH] [--no-windows] [--loyo]
"""

from __future__ import annotations

import os

# statsmodels' ETS fit calls small BLAS routines thousands of times: OpenBLAS threads fighting
# over two busy cores made it several times slower. One thread each unless asked otherwise.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402

import smallboats.forecast as fm  # noqa: E402
from smallboats.forecast import backtest, forecast, project, write_chart  # noqa: E402
from smallboats.store import Store, default_db_path  # noqa: E402

#: The grid for --loyo: half-life of the level in days (inf: the flat year so far) x half-life of
#: past years (season and interval errors).
LEVEL_HALF_LIVES = (math.inf, 91.0, 60.0, 42.0)
YEAR_HALF_LIVES = (3.0, 2.0, 1.5)


def windows(store: Store, first: dt.date, last: dt.date, step: int) -> pd.DataFrame:
    """Coverage of the next-7 and next-28-day intervals against the newest figures."""
    newest = store.daily().set_index("date")["arrivals"]
    rows, day = [], first
    while day <= last:
        fc = forecast(store, day, compare=False)
        for name, w in (("next 7 days", fc.next_7_days), ("next 28 days", fc.next_28_days)):
            actual = newest.loc[w.start:w.end]
            if len(actual) == (w.end - w.start).days + 1 and actual.notna().all():
                a, iv = int(actual.sum()), w.arrivals
                rows.append({"window": name, "in80": iv.p10 <= a <= iv.p90, "in95": iv.p2_5 <= a <= iv.p97_5,
                             "ape": abs(iv.point - a) / max(a, 1) * 100})
        day += dt.timedelta(days=step)
    return pd.DataFrame(rows)


@contextlib.contextmanager
def settings(level_half_life: float, year_half_life: float):
    old = fm.LEVEL_HALF_LIFE_DAYS, fm.HALF_LIFE_YEARS
    fm.LEVEL_HALF_LIFE_DAYS, fm.HALF_LIFE_YEARS = level_half_life, year_half_life
    try:
        yield
    finally:
        fm.LEVEL_HALF_LIFE_DAYS, fm.HALF_LIFE_YEARS = old


def loyo(store: Store, years: range) -> None:
    """Leave-one-year-out choice of the two half-lives (see the module docstring)."""
    started = time.perf_counter()
    newest = store.daily().set_index("date")["arrivals"]
    outcome = {y: int(newest.loc[dt.date(y, 1, 1):dt.date(y, 12, 31)].sum()) for y in years}
    rows = []
    for level_hl in LEVEL_HALF_LIVES:
        for year_hl in YEAR_HALF_LIVES:
            with settings(level_hl, year_hl):
                for year in years:
                    for month in range(1, 13):
                        as_of = dt.date(year, month, 1) - dt.timedelta(days=1)
                        t, y = project(store.daily(as_of), as_of, year, compare=False).year_total, outcome[year]
                        score = sum((hi - lo) + 2 / a * (max(lo - y, 0) + max(y - hi, 0))
                                    for a, lo, hi in ((0.2, t.p10, t.p90), (0.05, t.p2_5, t.p97_5))) / y * 100
                        rows.append({"level": level_hl, "years": year_hl, "year": year, "month": month,
                                     "ape": abs(t.point - y) / y * 100, "score": score, "in80": t.covers(y, 80)})
    df = pd.DataFrame(rows)
    july = df[df["month"] >= 7]
    grid = july.groupby(["level", "years"]).agg(mape=("ape", "mean"), score=("score", "mean"), coverage80=("in80", "mean"))
    print(f"\nleave-one-year-out over {len(grid)} settings ({time.perf_counter() - started:.1f} s); "
          "from 1 July, every setting on all years:")
    print(grid.round(2).to_string())
    held = []
    for year in years:
        best = july[july["year"] != year].groupby(["level", "years"])["score"].mean().idxmin()
        held.append(df[(df["year"] == year) & (df["level"] == best[0]) & (df["years"] == best[1])])
        print(f"  {year} left out: level half-life {best[0]:g} days, past years {best[1]:g} years")
    held = pd.concat(held)
    j = held[held["month"] >= 7]
    print("each year forecast with the settings chosen without it, mean abs. % error by month from 1 July:",
          j.groupby("month")["ape"].mean().round(1).tolist(),
          f"overall {j['ape'].mean():.1f}; 80% coverage from July {j['in80'].mean():.2f}, all months {held['in80'].mean():.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=default_db_path())
    ap.add_argument("--years", default="2020-2025")
    ap.add_argument("--chart", type=Path, default=Path("test-artifacts/backtest.png"))
    ap.add_argument("--no-windows", action="store_true", help="skip the next-7/28-day calibration")
    ap.add_argument("--loyo", action="store_true", help="also choose the two half-lives leaving each year out")
    args = ap.parse_args()
    first, _, last = args.years.partition("-")
    years = range(int(first), int(last or first) + 1)

    started = time.perf_counter()
    store = Store(args.db, read_only=True)
    bt = backtest(store, years)
    total = time.perf_counter() - started
    path = write_chart(bt, args.chart)
    print(f"backtest {years[0]}-{years[-1]}: {len(bt.rows)} forecasts in {bt.seconds:.1f} s "
          f"({total:.1f} s with opening the store); chart: {path}")
    table = []
    for m in bt.by_month + [{"month": "Jul-Dec", **bt.from_july()}]:
        table.append({"forecast on": m["month"], "n": m["n"],
                      "model MAPE": m["model"]["mape"], "cov80": m["model"]["coverage80"], "cov95": m["model"]["coverage95"],
                      "straight line": m["straight_line"]["mape"], "last year": m["last_year"]["mape"],
                      "ETS MAPE": m["ets"]["mape"], "ETS cov80": m["ets"]["coverage80"], "ETS cov95": m["ets"]["coverage95"]})
    print(pd.DataFrame(table).to_string(index=False))
    rows = bt.rows
    print(f"all {len(rows)} forecasts: model 80% coverage {rows['model_in80'].mean():.2f}, "
          f"95% coverage {rows['model_in95'].mean():.2f}; ETS {rows['ets_in80'].mean():.2f} / {rows['ets_in95'].mean():.2f}")
    if not args.no_windows:
        started = time.perf_counter()
        w = windows(store, dt.date(2021, 1, 3), dt.date(2025, 11, 30), 11)
        summary = w.groupby("window").agg(n=("in80", "size"), coverage80=("in80", "mean"),
                                          coverage95=("in95", "mean"), median_ape=("ape", "median")).round(2)
        print(f"\nnext-7/28-day intervals at {summary['n'].iloc[0]} origins 2021-2025 "
              f"({time.perf_counter() - started:.1f} s):")
        print(summary.to_string())
    if args.loyo:
        loyo(store, years)


if __name__ == "__main__":
    main()
