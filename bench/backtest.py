"""Benchmark: the year-end forecast backtest over 2020-2025 (72 forecasts, each from the record
known on the last day of the month before), and the calibration of the next-7 and next-28-day
intervals at origins 11 days apart over 2021-2025.

Prints the time taken, the mean absolute % error of the year's total by month of forecast for
the model, statsmodels' ETS and the two baselines, the coverage of the 80% and 95% intervals,
and writes the chart.

    .venv/bin/python bench/backtest.py [--db PATH] [--years 2020-2025] [--chart PATH] [--no-windows]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import pandas as pd

from smallboats.forecast import backtest, forecast, write_chart
from smallboats.store import Store, default_db_path


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=default_db_path())
    ap.add_argument("--years", default="2020-2025")
    ap.add_argument("--chart", type=Path, default=Path("test-artifacts/backtest.png"))
    ap.add_argument("--no-windows", action="store_true", help="skip the next-7/28-day calibration")
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


if __name__ == "__main__":
    main()
