"""Series as of a date: the daily record from the store, summed to weeks, months or years.

Weeks run Monday to Sunday, as the Home Office's do (SB_02 shows each week on its Sunday).
A period is ``complete`` when every one of its days is in the record.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pandas as pd

from .store import Store

Freq = Literal["day", "week", "month", "year"]
FREQS: tuple[str, ...] = ("day", "week", "month", "year")
_PERIOD = {"week": "W-SUN", "month": "M", "year": "Y"}
VALUE_COLUMNS = ("arrivals", "boats", "uncontrolled_boats")


def daily(store: Store, as_of: dt.date | None = None, start: dt.date | None = None,
          end: dt.date | None = None) -> pd.DataFrame:
    """The daily record as known on ``as_of``, between ``start`` and ``end`` inclusive."""
    df = store.daily(as_of)
    if start is not None:
        df = df[df["date"] >= start]
    if end is not None:
        df = df[df["date"] <= end]
    return df.reset_index(drop=True)


def resample(df: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Sum a daily frame to ``freq``. Columns: period_start, period_end, arrivals, boats,
    uncontrolled_boats (null where any day is unknown), days (days in the record), complete.
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}; got {freq!r}")
    cols = ["period_start", "period_end", *VALUE_COLUMNS, "days", "complete"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    if freq == "day":
        out = df[["date", *VALUE_COLUMNS]].rename(columns={"date": "period_start"})
        out.insert(1, "period_end", out["period_start"])
        out["days"] = 1
        out["complete"] = True
        return out[cols].reset_index(drop=True)
    periods = pd.PeriodIndex(pd.to_datetime(df["date"]), freq=_PERIOD[freq])
    g = df.groupby(periods, sort=True)
    out = pd.DataFrame({
        # min_count: a period whose days are all unknown is unknown, not zero
        c: g[c].sum(min_count=1).astype("Int64") for c in VALUE_COLUMNS
    })
    # any unknown day makes the period's total unknown
    for c in VALUE_COLUMNS:
        out.loc[(g[c].count() < g.size()).to_numpy(), c] = pd.NA
    out["days"] = g.size().to_numpy()
    out.insert(0, "period_start", [p.start_time.date() for p in out.index])
    out.insert(1, "period_end", [p.end_time.date() for p in out.index])
    out["complete"] = out["days"] == [(e - s).days + 1 for s, e in zip(out["period_start"], out["period_end"])]
    return out[cols].reset_index(drop=True)


def series(store: Store, freq: str = "day", start: dt.date | None = None, end: dt.date | None = None,
           as_of: dt.date | None = None) -> pd.DataFrame:
    """``freq`` totals of the record as known on ``as_of``. ``start``/``end`` select whole
    periods: those overlapping the range, summed over the days inside it."""
    return resample(daily(store, as_of, start, end), freq)
