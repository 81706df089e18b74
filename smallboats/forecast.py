"""What comes next: year-end projections of arrivals with honest uncertainty, and their backtest.

The model ("seasonal level") reads only the daily record as known on the as-of date:

* **Season.** Monthly arrivals per day, on a log scale, against their centred 12-month moving
  average (a classical multiplicative decomposition, so that years of growth do not pass for
  season); the ratios averaged by calendar month, recent years weighted more (half-life
  :data:`HALF_LIFE_YEARS`), then shrunk towards no season as far as the years disagree
  (empirical Bayes: the early years' pattern is mostly noise).
* **Level.** Arrivals so far this year (at least the last :data:`LEVEL_DAYS` days) divided by
  what the season alone would give for those days, each day weighted by its recency (half-life
  :data:`LEVEL_HALF_LIFE_DAYS`): the deseasonalised daily rate of the last few months, which
  follows a year that speeds up or slows down sooner than the flat year so far would.
* **Projection.** Any window of days ahead is expected to get level x season for each of its days.
  With no season and no recency weight this is the straight line through the year so far.
* **Uncertainty.** The same projection, made from the data before each one, for a window of the
  same length at the same point of every past year (a few days either side too) and, for the
  next 7 and 28 days, at recent weeks: its errors on a log scale, recent years weighted more,
  give a normal spread. The intervals are as wide as the model's own past misses.

The two half-lives are the only tuned settings, each from a short list, and checked by leaving
each backtest year out in turn (see README, "Forecasts").

Weather is the main driver of crossings. Its place is :func:`_expected`: the expected count on a
day is ``level * season(day)``; a daily weather effect (calm "red days" in a forecast) would
multiply in there as ``exp(beta . features(day))``, with ``beta`` fitted on the past errors that
the uncertainty step already computes. No weather data is used yet.

For comparison, from a well-kept library: :func:`_ets_projection`, statsmodels' ETS (damped
additive trend, additive season) on log monthly arrivals per day, simulated to the year end. The
backtest reports both (see ``bench/backtest.py``); the seasonal level is the model because it is
the better calibrated and the more accurate from July on.

"As of D" is the record for dates up to D as known on D (:meth:`Store.daily`). In the backtest
"as of the first of the month" is the record known on the last day of the month before.
"""

from __future__ import annotations

import datetime as dt
import math
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from .store import Store

LEVEL_DAYS = 91
#: Recency weight of the days that make the level: a day 13 weeks old counts half as much as
#: the last one (the flat year so far, the previous level, is an infinite half-life).
LEVEL_HALF_LIFE_DAYS = 91.0
#: Recency weight of past years, for the season and for the errors that make the intervals.
HALF_LIFE_YEARS = 1.5
OFFSETS = tuple(range(-28, 29, 7))  # days either side of the same date in past years
RECENT_ORIGINS = 8  # windows of a fixed length: also the last 8 weekly origins of this year
SIMULATIONS = 2000
QUANTILES = {"p2.5": 0.025, "p10": 0.10, "p90": 0.90, "p97.5": 0.975}
METHOD = ("seasonal level: the year so far (at least 91 days), deseasonalised, recent days weighted more (half-life "
          "91 days), x the seasonal pattern of past years (centred-moving-average decomposition, shrunk towards none "
          "as far as the years disagree); intervals from the same projection's errors at the same point of past years")
ETS_METHOD = "statsmodels ETS (additive error, damped additive trend, additive 12-month season) on log monthly arrivals per day"


class ForecastError(ValueError):
    """Not enough of the record to forecast from, or a year the record cannot reach."""


# -- results ---------------------------------------------------------------------------------

class IntervalReport(BaseModel):
    """A projected number of people: the point (median) and percentiles, rounded."""

    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    point: int
    p2_5: int = Field(alias="p2.5")
    p10: int
    p90: int
    p97_5: int = Field(alias="p97.5")


class WindowReport(IntervalReport):
    """A projected number of people arriving from ``start`` to ``end`` inclusive."""

    start: dt.date
    end: dt.date


class YearTotal(BaseModel):
    year: int
    total: int


class MethodComparison(BaseModel):
    """The same year total by another method (``error`` when it could not be made)."""

    method: str
    year_total: IntervalReport | None = None
    error: str | None = None


Comparison = MethodComparison  # its former name (the API's schema names must be unique)


class ForecastReport(BaseModel):
    """A forecast as the CLI (``--format json``) and the API give it."""

    as_of: dt.date
    data_through: dt.date = Field(description="The last date in the record known on as_of; projections start the day after.")
    later_publication: bool = Field(description="Some figures used are from publications later than as_of (see notes).")
    year: int
    method: str
    year_to_date: int
    year_total: IntervalReport = Field(description="The whole calendar year: year to date + rest of year.")
    rest_of_year: WindowReport
    next_7_days: WindowReport
    next_28_days: WindowReport
    previous_year: YearTotal | None
    record_year: YearTotal | None = Field(description="The complete year with the most arrivals before this one.")
    p_above_previous_year: float | None = Field(description="Probability that the year ends above the previous year.")
    p_above_record_year: float | None = Field(description="Probability that the year ends above the record year.")
    comparison: MethodComparison | None
    notes: list[str]

    def to_pandas(self) -> "pd.DataFrame":
        """One row per projection (the year total, the rest of the year, the next 7 and 28 days):
        its dates as datetime64, the point and the 2.5/10/90/97.5 percentiles."""
        from .questions import frame

        year = {"window": "year_total", "start": dt.date(self.year, 1, 1), "end": dt.date(self.year, 12, 31),
                **self.year_total.model_dump()}
        return frame([year] + [{"window": k, **getattr(self, k).model_dump()}
                               for k in ("rest_of_year", "next_7_days", "next_28_days")])

    def to_polars(self) -> Any:
        """Needs polars (``pip install 'smallboats[polars]'``)."""
        import polars as pl

        return pl.from_pandas(self.to_pandas())


@dataclass(frozen=True)
class Interval:
    """A projected count: the point (median) and the 2.5/10/90/97.5 percentiles."""

    point: float
    p2_5: float
    p10: float
    p90: float
    p97_5: float

    def shift(self, by: float) -> Interval:
        return Interval(*(v + by for v in self.values()))

    def values(self) -> tuple[float, ...]:
        return (self.point, self.p2_5, self.p10, self.p90, self.p97_5)

    def covers(self, outcome: float, level: int) -> bool:
        lo, hi = (self.p10, self.p90) if level == 80 else (self.p2_5, self.p97_5)
        return lo <= outcome <= hi

    def report(self) -> IntervalReport:
        return IntervalReport(point=round(self.point), p2_5=round(self.p2_5), p10=round(self.p10),
                              p90=round(self.p90), p97_5=round(self.p97_5))


@dataclass(frozen=True)
class Window:
    """Arrivals expected on the days ``start`` to ``end`` inclusive."""

    start: dt.date
    end: dt.date
    arrivals: Interval

    def report(self) -> WindowReport:
        return WindowReport(start=self.start, end=self.end, **self.arrivals.report().model_dump(by_alias=False))


@dataclass(frozen=True)
class Forecast:
    as_of: dt.date
    data_through: dt.date
    year: int
    method: str
    year_to_date: int
    year_to_date_missing_days: int
    rest_of_year: Window
    year_total: Interval
    next_7_days: Window
    next_28_days: Window
    previous_year: tuple[int, int] | None
    record_year: tuple[int, int] | None
    p_above_previous_year: float | None
    p_above_record_year: float | None
    later_publication: bool
    comparison: MethodComparison | None

    @property
    def notes(self) -> list[str]:
        out = []
        if self.data_through < self.as_of:
            out.append(f"the record known on {self.as_of} runs to {self.data_through}: projections start the day after")
        if self.later_publication:
            out.append(f"the bundle has no publication by {self.as_of} for some dates up to {self.data_through}: their "
                       "figures are from the oldest later publication that has them (the same dates, nothing later)")
        if self.year_to_date_missing_days:
            out.append(f"{self.year_to_date_missing_days} day(s) of {self.year} published as not available "
                       "are left out of the year to date")
        return out

    def report(self) -> ForecastReport:
        def year_total(pair: tuple[int, int] | None) -> YearTotal | None:
            return None if pair is None else YearTotal(year=pair[0], total=pair[1])

        def p(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        return ForecastReport(
            as_of=self.as_of, data_through=self.data_through, later_publication=self.later_publication,
            year=self.year, method=self.method, year_to_date=self.year_to_date,
            year_total=self.year_total.report(), rest_of_year=self.rest_of_year.report(),
            next_7_days=self.next_7_days.report(), next_28_days=self.next_28_days.report(),
            previous_year=year_total(self.previous_year), record_year=year_total(self.record_year),
            p_above_previous_year=p(self.p_above_previous_year), p_above_record_year=p(self.p_above_record_year),
            comparison=self.comparison, notes=self.notes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"year_total": {"point", "p2.5", "p10", "p90", "p97.5"}, ...}``."""
        return self.report().model_dump(mode="json")


# -- the record as arrays --------------------------------------------------------------------

def _same_day(day: dt.date, year: int) -> dt.date:
    """``day`` in ``year`` (29 February becomes the 28th)."""
    return dt.date(year, day.month, 28 if (day.month, day.day) == (2, 29) else day.day)


class _Record:
    """Daily arrivals known up to ``through``, as arrays for quick window sums."""

    def __init__(self, frame: pd.DataFrame, through: dt.date):
        frame = frame[frame["date"] <= through]
        if frame.empty:
            raise ForecastError(f"no figures up to {through}")
        self.start: dt.date = frame["date"].min()
        self.through: dt.date = frame["date"].max()
        n = (self.through - self.start).days + 1
        values = np.full(n, np.nan)
        pos = np.array([(d - self.start).days for d in frame["date"]])
        values[pos] = frame["arrivals"].to_numpy(dtype="float64", na_value=np.nan)
        known = ~np.isnan(values)
        self.cum = np.concatenate([[0.0], np.cumsum(np.where(known, values, 0.0))])
        self.cum_known = np.concatenate([[0], np.cumsum(known)])
        self.known = known
        # calendar month of every day from the start to the end of next year, for season sums
        days = pd.date_range(self.start, dt.date(self.through.year + 2, 12, 31))
        self.month0 = days.month.to_numpy() - 1
        self._season_cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def index(self, day: dt.date) -> int:
        return (day - self.start).days

    def _span(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        return max(self.index(first), 0), min(self.index(last) + 1, len(self.known))

    def total(self, first: dt.date, last: dt.date) -> float:
        """Arrivals on known days from ``first`` to ``last`` inclusive, within the record."""
        a, b = self._span(first, last)
        return float(self.cum[b] - self.cum[a]) if b > a else 0.0

    def missing(self, first: dt.date, last: dt.date) -> int:
        """Days from ``first`` to ``last`` within the record published as not available."""
        a, b = self._span(first, last)
        return int((b - a) - (self.cum_known[b] - self.cum_known[a])) if b > a else 0

    # -- season --------------------------------------------------------------------------
    def season(self, origin: dt.date) -> tuple[np.ndarray, np.ndarray]:
        """Cumulative sums of the daily seasonal factor (from the complete months up to
        ``origin``), over all days and over known days, for window sums."""
        last_month = pd.Period(origin, "M") - (0 if origin == pd.Period(origin, "M").end_time.date() else 1)
        key = last_month.ordinal
        if key not in self._season_cache:
            f = self._factors(last_month)
            daily = np.exp(f)[self.month0]
            known = np.zeros(len(daily), bool)
            known[: len(self.known)] = self.known
            self._season_cache[key] = (np.concatenate([[0.0], np.cumsum(daily)]),
                                       np.concatenate([[0.0], np.cumsum(np.where(known, daily, 0.0))]))
        return self._season_cache[key]

    def _factors(self, last_month: pd.Period) -> np.ndarray:
        """Log seasonal factor of each calendar month, from the complete months up to ``last_month``."""
        first_month = pd.Period(self.start, "M")
        if pd.Period(self.start, "M").start_time.date() != self.start:
            first_month += 1
        months = pd.period_range(first_month, last_month, freq="M")
        if len(months) < 13:
            return np.zeros(12)
        totals = np.array([self.total(m.start_time.date(), m.end_time.date()) for m in months])
        known = np.array([m.days_in_month - self.missing(m.start_time.date(), m.end_time.date()) for m in months])
        x = np.log(totals / np.maximum(known, 1) + 1.0)
        kernel = np.r_[0.5, np.ones(11), 0.5] / 12.0  # centred 2x12 moving average
        trend = np.convolve(x, kernel, mode="valid")
        dev = x[6:-6] - trend
        month_of = months.month.to_numpy()[6:-6] - 1
        age = (last_month.year - months.year.to_numpy()[6:-6])
        w = 0.5 ** (age / HALF_LIFE_YEARS)
        f, v = np.zeros(12), np.full(12, np.nan)
        for k in range(12):
            sel = month_of == k
            if sel.any():
                f[k] = np.average(dev[sel], weights=w[sel])
                n_eff = w[sel].sum() ** 2 / (w[sel] ** 2).sum()
                if n_eff > 1:
                    v[k] = np.average((dev[sel] - f[k]) ** 2, weights=w[sel]) * n_eff / (n_eff - 1) / n_eff
        f = f - f.mean()
        if np.isnan(v).all():
            return np.zeros(12)
        # empirical Bayes: shrink towards no season by how much the years disagree
        noise = float(np.nanmean(v))
        signal = max(float(np.var(f)) - noise, 0.0)
        return f * (signal / (signal + noise)) if signal + noise > 0 else np.zeros(12)

    def season_sum(self, origin: dt.date, first: dt.date, last: dt.date, known_only: bool = False) -> float:
        cum_all, cum_known = self.season(origin)
        cum = cum_known if known_only else cum_all
        a, b = max(self.index(first), 0), self.index(last) + 1
        return float(cum[b] - cum[a]) if b > a else 0.0


# -- the model --------------------------------------------------------------------------------

def _expected(rec: _Record, origin: dt.date, first: dt.date, last: dt.date) -> float | None:
    """Expected arrivals from ``first`` to ``last``, from data up to ``origin``: the deseasonalised
    level of ``origin``'s year so far (at least :data:`LEVEL_DAYS` days, recent days weighted more)
    times the season of each day ahead. A daily weather effect would multiply each day's
    ``level * season`` here (see the module docstring). None when the record before ``origin`` is
    too short."""
    lo = min(origin - dt.timedelta(days=LEVEL_DAYS - 1), dt.date(origin.year, 1, 1))
    if lo < rec.start or origin > rec.through:
        return None
    a, b = rec.index(lo), rec.index(origin) + 1
    recency = 0.5 ** (np.arange(b - a - 1, -1, -1) / LEVEL_HALF_LIFE_DAYS)
    season = np.diff(rec.season(origin)[1][a:b + 1])  # the season of each known day (0 where unknown)
    weight = float(recency @ season)
    if weight <= 0:
        return None
    level = float(recency @ np.diff(rec.cum[a:b + 1])) / weight
    return level * rec.season_sum(origin, first, last)


@dataclass(frozen=True)
class _Spread:
    """Log errors of a projection at comparable past origins, recent ones weighted more.

    Year-end windows: a normal centred on no error with their spread (the errors come from a few
    years only: too few for quantiles of their own). Windows of days: the errors' own weighted
    quantiles (there are many, and they are skewed: a calm week can bring hundreds, a stormy one
    none)."""

    errors: np.ndarray
    weights: np.ndarray
    normal: bool

    @property
    def sigma(self) -> float:
        return float(np.sqrt(np.average(self.errors ** 2, weights=self.weights)))

    def quantile(self, q: float) -> float:
        if self.normal:
            return self.sigma * NormalDist().inv_cdf(q)
        order = np.argsort(self.errors)
        e, w = self.errors[order], self.weights[order]
        cdf = (np.cumsum(w) - w / 2) / w.sum()
        return float(np.interp(q, cdf, e))

    def sf(self, z: float) -> float:
        """P(log error > z), under the normal."""
        return 1.0 - NormalDist().cdf(z / self.sigma) if self.sigma > 0 else float(z < 0)


def _log_error(actual: float, expected: float, days: int) -> float:
    c = float(days)  # one a day keeps empty winter weeks finite
    return math.log((actual + c) / (expected + c))


def _spread(rec: _Record, origin: dt.date, first: dt.date, last: dt.date, recent: bool) -> _Spread:
    """How far the projection from ``origin`` for ``first``..``last`` missed when made for a window
    of the same length and lead at the same point of past years (:data:`OFFSETS` days either side)
    and, if ``recent``, at the last :data:`RECENT_ORIGINS` weeks; every window ended by ``origin``."""
    lead, span = (first - origin).days, (last - first).days
    candidates = [_same_day(origin, year) + dt.timedelta(days=delta)
                  for year in range(rec.start.year, origin.year) for delta in OFFSETS]
    if recent:
        candidates += [origin - dt.timedelta(days=lead + span + 7 * i) for i in range(RECENT_ORIGINS)]
    errors, weights = [], []
    for o in candidates:
        start, end = o + dt.timedelta(days=lead), o + dt.timedelta(days=lead + span)
        if end > origin or rec.missing(start, end):
            continue
        expected = _expected(rec, o, start, end)
        if expected is None:
            continue
        errors.append(_log_error(rec.total(start, end), expected, span + 1))
        weights.append(0.5 ** (((origin - o).days / 365.25) / HALF_LIFE_YEARS))
    if not errors:
        raise ForecastError(f"the record before {origin} is too short to measure the projection's errors")
    return _Spread(np.array(errors), np.array(weights), normal=not recent)


def _project(rec: _Record, origin: dt.date, first: dt.date, last: dt.date, recent: bool) -> tuple[Interval, _Spread, float]:
    expected = _expected(rec, origin, first, last)
    if expected is None:
        raise ForecastError(f"the record before {origin} is too short to forecast from")
    spread = _spread(rec, origin, first, last, recent)
    c = float((last - first).days + 1)

    def at(z: float) -> float:
        return max((expected + c) * math.exp(z) - c, 0.0)

    interval = Interval(at(0.0), *(at(spread.quantile(q)) for q in QUANTILES.values()))
    return interval, spread, expected


def _p_above(threshold: float, base: float, expected: float, spread: _Spread, days: int) -> float:
    """P(base + rest > threshold), rest distributed as the projection's past errors say."""
    need = threshold - base
    if need < 0:
        return 1.0
    c = float(days)
    return spread.sf(math.log((need + c) / (expected + c)))


def _year_totals(rec: _Record, before: int) -> dict[int, int]:
    """Totals of the complete years before ``before`` in the record."""
    out = {}
    for y in range(rec.start.year, before):
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if first >= rec.start and last <= rec.through and not rec.missing(first, last):
            out[y] = round(rec.total(first, last))
    return out


def project(frame: pd.DataFrame, as_of: dt.date, year: int | None = None, compare: bool = True) -> Forecast:
    """Forecast from a daily frame as known on ``as_of`` (columns date, arrivals, and
    later_publication). Rows dated after ``as_of`` are ignored. ``year``: the calendar year to
    project, ``as_of``'s by default; the year after ``as_of``'s is allowed (a whole year ahead)."""
    year = year or as_of.year
    rec = _Record(frame, as_of)
    origin = rec.through
    year_start, year_end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not (origin < year_end and origin.year >= year - 1):
        raise ForecastError(f"the record known on {as_of} runs to {origin}: it cannot project {year} "
                            f"(only a year under way, or the next one)")
    ytd = rec.total(year_start, origin)
    rest_first = max(origin + dt.timedelta(days=1), year_start)
    rest, spread, expected = _project(rec, origin, rest_first, year_end, recent=False)
    rest_days = (year_end - rest_first).days + 1
    windows = {}
    next_day = origin + dt.timedelta(days=1)
    for h in (7, 28):
        w, _, _ = _project(rec, origin, next_day, origin + dt.timedelta(days=h), recent=True)
        windows[h] = Window(next_day, origin + dt.timedelta(days=h), w)
    totals = _year_totals(rec, year)
    previous = (year - 1, totals[year - 1]) if year - 1 in totals else None
    record = max(totals.items(), key=lambda kv: kv[1]) if totals else None
    known = frame[frame["date"] <= origin]
    comparison = None
    if compare:
        try:
            comparison = MethodComparison(method=ETS_METHOD, year_total=_ets_projection(rec, origin, year).shift(ytd).report())
        except ForecastError as exc:
            comparison = MethodComparison(method=ETS_METHOD, error=str(exc))
    return Forecast(
        as_of=as_of, data_through=origin, year=year, method=METHOD,
        year_to_date=round(ytd), year_to_date_missing_days=rec.missing(year_start, origin) if origin >= year_start else 0,
        rest_of_year=Window(rest_first, year_end, rest), year_total=rest.shift(ytd),
        next_7_days=windows[7], next_28_days=windows[28],
        previous_year=previous, record_year=record,
        p_above_previous_year=None if previous is None else _p_above(previous[1], ytd, expected, spread, rest_days),
        p_above_record_year=None if record is None else _p_above(record[1], ytd, expected, spread, rest_days),
        later_publication=bool(known["later_publication"].fillna(False).any()) if "later_publication" in known else False,
        comparison=comparison,
    )


def forecast(store: Store, as_of: dt.date | None = None, year: int | None = None, compare: bool = True) -> Forecast:
    """Project ``year`` (``as_of``'s by default) from the record as known on ``as_of`` (default:
    the newest figures, as of the last date they cover)."""
    frame = store.daily(as_of)
    if frame.empty:
        raise ForecastError("the store has no daily figures" + (f" on or before {as_of}" if as_of else ""))
    as_of = as_of or frame["date"].max()
    return project(frame, as_of, year, compare)


# -- the statsmodels comparison ---------------------------------------------------------------

def _ets_projection(rec: _Record, origin: dt.date, year: int) -> Interval:
    """Arrivals in ``year`` after ``origin`` by statsmodels' ETS on log monthly arrivals per day
    (complete months up to ``origin``), from simulated paths; the rest of ``origin``'s own month
    gets its simulated rate for the days left."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    month = pd.Period(origin, "M")
    complete = month if origin == month.end_time.date() else month - 1
    first = pd.Period(rec.start, "M") + (0 if rec.start.day == 1 else 1)
    months = pd.period_range(first, complete, freq="M")
    if len(months) < 13:
        raise ForecastError(f"the record before {origin} has fewer than 13 complete months")
    rates = np.array([rec.total(m.start_time.date(), m.end_time.date()) / m.days_in_month for m in months])
    ahead = pd.period_range(complete + 1, pd.Period(dt.date(year, 12, 1), "M"), freq="M")
    seasonal = "add" if len(months) >= 24 else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = ETSModel(np.log(rates + 1.0), error="add", trend="add", damped_trend=True, seasonal=seasonal,
                       seasonal_periods=12 if seasonal else None).fit(disp=False)
        errors = np.random.default_rng(0).standard_normal((len(ahead), SIMULATIONS)) * math.sqrt(fit.scale)
        paths = np.asarray(fit.simulate(len(ahead), repetitions=SIMULATIONS, anchor="end", random_errors=errors))
    paths = paths.reshape(len(ahead), -1)
    per_day = np.maximum(np.exp(paths) - 1.0, 0.0)
    days = np.array([m.days_in_month if m.year == year else 0 for m in ahead], dtype=float)
    if ahead[0] == month and origin != month.end_time.date() and month.year == year:
        days[0] = (month.end_time.date() - origin).days
    totals = (per_day * days[:, None]).sum(axis=0)
    q = np.quantile(totals, [0.5, *QUANTILES.values()])
    return Interval(*map(float, q))


# -- backtest ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Backtest:
    rows: pd.DataFrame
    by_month: list[dict[str, Any]]
    seconds: float

    def from_july(self) -> dict[str, Any]:
        """The same summary over every forecast made on 1 July or later."""
        return _summary(self.rows[self.rows["month"] >= 7])

    def to_dict(self) -> dict[str, Any]:
        rows = self.rows.assign(data_through=self.rows["data_through"].map(dt.date.isoformat)).astype(object)
        return {"model": METHOD, "comparison": ETS_METHOD, "years": sorted(int(y) for y in self.rows["year"].unique()),
                "seconds": round(self.seconds, 2), "by_month": self.by_month, "from_july": self.from_july(),
                "forecasts": rows.where(rows.notna(), None).to_dict("records")}


def _mape(ape: pd.Series) -> float | None:
    ape = ape.dropna()
    return None if ape.empty else round(float(ape.mean()), 1)


def _summary(rows: pd.DataFrame) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(rows)}
    for name in ("model", "ets"):
        out[name] = {"mape": _mape(rows[f"{name}_ape"]),
                     **{f"coverage{level}": round(float(rows[f"{name}_in{level}"].mean()), 3) if len(rows) else None
                        for level in (80, 95)}}
    for name in ("straight_line", "last_year"):
        out[name] = {"mape": _mape(rows[f"{name}_ape"])}
    return out


def backtest(store: Store, years: Iterable[int], months: Iterable[int] = range(1, 13)) -> Backtest:
    """For every year and every first of the month (of ``months``), project the year's total from
    the record as known the day before (data through the end of the previous month) and compare
    with the outcome: the year's total in the newest figures. Baselines: the year so far extrapolated
    in a straight line (none on 1 January), and the year so far plus the rest of last year."""
    started = time.perf_counter()
    newest = _Record(store.daily(), dt.date.max)
    rows = []
    for year in years:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if last > newest.through or first < newest.start:
            raise ForecastError(f"{year} is not complete in the record")
        outcome = newest.total(first, last)
        for month in months:
            as_of = dt.date(year, month, 1) - dt.timedelta(days=1)
            frame = store.daily(as_of)
            fc = project(frame, as_of, year, compare=False)
            rec = _Record(frame, as_of)
            ets = _ets_projection(rec, rec.through, year).shift(fc.year_to_date)
            elapsed = (rec.through - first).days + 1
            straight = fc.year_to_date * ((last - first).days + 1) / elapsed if elapsed > 0 else None
            rest = fc.rest_of_year
            last_year = fc.year_to_date + rec.total(_same_day(rest.start, year - 1), dt.date(year - 1, 12, 31))
            row = {"year": year, "month": month, "data_through": rec.through, "outcome": round(outcome),
                   "year_to_date": fc.year_to_date, "later_publication": fc.later_publication}
            for name, iv in (("model", fc.year_total), ("ets", ets)):
                row.update({f"{name}_point": round(iv.point), f"{name}_p2.5": round(iv.p2_5), f"{name}_p10": round(iv.p10),
                            f"{name}_p90": round(iv.p90), f"{name}_p97.5": round(iv.p97_5),
                            f"{name}_in80": iv.covers(outcome, 80), f"{name}_in95": iv.covers(outcome, 95)})
            row["straight_line_point"] = None if straight is None else round(straight)
            row["last_year_point"] = round(last_year)
            for name in ("model", "ets", "straight_line", "last_year"):
                p = row[f"{name}_point"]
                row[f"{name}_ape"] = None if p is None else abs(p - outcome) / outcome * 100
            rows.append(row)
    df = pd.DataFrame(rows)
    by_month = [{"month": m, **_summary(g)} for m, g in df.groupby("month")]
    return Backtest(rows=df, by_month=by_month, seconds=time.perf_counter() - started)


def write_chart(bt: Backtest, path: str | Path) -> Path:
    """A PNG of the mean absolute percentage error by month of forecast: model against baselines
    (matplotlib's Agg canvas, no pyplot state)."""
    from matplotlib.figure import Figure

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    months = [m["month"] for m in bt.by_month]
    fig = Figure(figsize=(9, 5), dpi=120)
    ax = fig.subplots()
    for key, label, style in (("model", "model (seasonal level)", "o-"), ("ets", "statsmodels ETS", "^:"),
                              ("straight_line", "straight line, year so far", "s--"),
                              ("last_year", "year so far + rest of last year", "d--")):
        values = [np.nan if m[key]["mape"] is None else m[key]["mape"] for m in bt.by_month]
        ax.plot(months, values, style, label=label)
    years = sorted(bt.rows["year"].unique())
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[-1]}"
    ax.set_xticks(months, [dt.date(2000, m, 1).strftime("1 %b") for m in months])
    ax.set_xlabel("forecast made on (data through the day before)")
    ax.set_ylabel("mean absolute % error of the year's total")
    ax.set_title(f"Year-end forecasts of small-boat arrivals, backtest {span}")
    july = bt.from_july()
    if july["n"]:
        ax.text(0.01, 0.01, f"From 1 July ({july['n']} forecasts), mean absolute % error: model {july['model']['mape']}% "
                f"(80% interval covering {july['model']['coverage80']:.0%}), straight line {july['straight_line']['mape']}%, "
                f"last year {july['last_year']['mape']}%", transform=ax.transAxes, fontsize=8, va="bottom")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    return path
