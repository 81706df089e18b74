"""The questions the news asks of the record, as pure functions over a :class:`Store`.

Every answer is a frozen dataclass carrying its :class:`Evidence`: the date the figures are
known on (``as_of``), the period covered, and the vintages (publications) they came from.
A date outside the record raises :class:`OutOfRange`, which names the covered range.

Definitions (journalists compare these, so they are exact):

* people per boat = arrivals / boats over the period;
* percent change = (new - old) / old * 100;
* "the same point" of an earlier year, and "a year earlier", shift calendar dates by whole
  years (29 February becomes 28 February in a year without one);
* a year "overtook" the previous one on the first date its running total exceeded the
  previous year's whole total;
* a period was a record when it happened if it exceeded every earlier period of its kind;
* weeks run Monday to Sunday, as the Home Office's do.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar, Literal, dataclass_transform

from .asof import Wide
from .dates import parse_date, shown
from .series import Freq
from .store import Store, StoreError

if TYPE_CHECKING:  # the questions answer from columns of Python values: pandas only for to_pandas()
    import pandas as pd

Kind = Literal["day", "week", "month", "year"]
KINDS: tuple[str, ...] = ("day", "week", "month", "year")


class InvalidQuestion(ValueError):
    """A question that cannot be asked as put (dates in the wrong order, a period that is not
    one); the message says what to give instead."""


class OutOfRange(StoreError):
    """Asked about dates the record (as known on ``as_of``) does not cover."""

    def __init__(self, message: str, first: dt.date | None, last: dt.date | None, as_of: dt.date | None = None):
        self.first, self.last, self.as_of = first, last, as_of
        if first is not None and last is not None:
            known = f" as known on {long_date(as_of)}" if as_of else ""
            message = f"{message}: the record{known} covers {long_date(first)} to {long_date(last)}"
        super().__init__(message)


def long_date(d: dt.date) -> str:
    """2025-07-05 -> '5 July 2025', the way the news writes it."""
    return f"{d.day} {d:%B %Y}"


def year_earlier(d: dt.date, years: int = 1) -> dt.date:
    """The same calendar date ``years`` earlier; 29 February becomes 28 February. Before
    1 January 1 there is nothing: InvalidQuestion."""
    if d.year - years < dt.MINYEAR:
        raise InvalidQuestion(f"{long_date(d)} has no same date {years} year(s) earlier: the calendar starts at 1 January 1")
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def pct_change(new: float | None, old: float | None) -> float | None:
    """(new - old) / old * 100; None where old is zero or either is unknown."""
    if new is None or old is None or old == 0:
        return None
    return (new - old) / old * 100


def _ratio(num: int | None, den: int | None) -> float | None:
    return None if num is None or not den else num / den


# -- models -------------------------------------------------------------------------------

@dataclass_transform(kw_only_default=True, frozen_default=True)
class Model:
    """An answer's parts: frozen dataclasses (made so by subclassing), built and printed
    without pydantic, whose import and validators cost a command-line question some 0.15 s.
    The HTTP API describes (a field's :func:`doc`) and serialises them with pydantic;
    ``model_dump``/``model_dump_json`` work as pydantic's do.

    Subclassing makes a dataclass of the fields only: the methods (keyword-only ``__init__``,
    frozen, ``==``, ``hash``, ``repr``) are these, shared, since generating them for each of
    some 30 classes (``dataclass(frozen=True)``) cost every question 20-40 ms at import."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(init=False, repr=False, eq=False)(cls)

    def __init__(self, **values: Any) -> None:
        names, defaults = _spec(type(self))
        if values.keys() != names:
            missing, unknown = names - values.keys() - defaults.keys(), values.keys() - names
            if missing or unknown:
                raise TypeError(f"{type(self).__name__}: " + "; ".join(
                    f"{what} {', '.join(sorted(ks))}" for what, ks in (("missing", missing), ("unknown", unknown)) if ks))
            values = {**defaults, **values}
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, k) for k in _names(type(self)))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in _names(type(self)))})"

    def model_dump(self, *, mode: Literal["python", "json"] = "python", exclude: set[str] | None = None) -> dict[str, Any]:
        """The fields as a dict (nested answers as dicts; ``mode="json"``: dates as ISO strings)."""
        return {k: _dumped(getattr(self, k), mode == "json") for k in _names(type(self)) if not exclude or k not in exclude}

    def model_dump_json(self) -> str:
        """The answer as compact JSON, as the HTTP API sends it."""
        return _adapter(type(self)).dump_json(self).decode()


def doc(description: str, **kwargs: Any) -> Any:
    """A field with its description (for the API's OpenAPI document)."""
    return field(metadata={"description": description}, **kwargs)


def _dumped(v: Any, json: bool) -> Any:
    if isinstance(v, Model):
        return v.model_dump(mode="json" if json else "python")
    if isinstance(v, list):
        return [_dumped(x, json) for x in v]
    if json and isinstance(v, dt.date):
        return v.isoformat()
    if json and isinstance(v, float) and not math.isfinite(v):
        return None
    return v


@functools.cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@functools.cache
def _spec(cls: type) -> tuple[frozenset[str], dict[str, Any]]:
    """A model's field names, and the defaults of those that have one."""
    return frozenset(_names(cls)), {f.name: f.default for f in fields(cls) if f.default is not MISSING}


@functools.cache
def _adapter(cls: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


class VintageRef(Model):
    """One publication figures were taken from."""

    id: int
    file_name: str
    kind: str = doc("ods | daily_page | weekly_page")
    published: dt.date


class Evidence(Model):
    """Where an answer's figures come from."""

    as_of: dt.date | None = doc("Figures as known on this date; null: the newest figures.")
    start: dt.date = doc("First day the answer's figures cover.")
    end: dt.date = doc("Last day the answer's figures cover.")
    vintages: list[VintageRef]
    later_publication: bool = doc("Some figures were first published after as_of.")
    note: str | None = doc("What later_publication means for this answer.")


class Answer(Model):
    """An answer: figures plus evidence. ``to_pandas``/``to_polars`` give its table(s)."""

    evidence: Evidence
    _tables: ClassVar[tuple[str, ...]] = ()

    def rows(self, table: str | None = None) -> list[dict[str, Any]]:
        """The rows of ``table`` (default: the answer's main table) as plain dicts."""
        if not self._tables:
            if table is not None:
                raise ValueError(f"{type(self).__name__} has a single row; no table {table!r}")
            return [self.model_dump(exclude={"evidence"})]
        name = table or self._tables[0]
        if name not in self._tables:
            raise ValueError(f"no table {name!r}; choose from {', '.join(self._tables)}")
        return [r.model_dump() for r in getattr(self, name)]

    def to_pandas(self, table: str | None = None) -> pd.DataFrame:
        """The table as a frame (nested fields as ``a.b`` columns); whole-number columns
        with gaps stay whole (nullable Int64), dates are datetime64 columns."""
        return frame(self.rows(table))

    def to_polars(self, table: str | None = None) -> Any:
        """Needs polars (``pip install 'smallboats[polars]'``)."""
        import polars as pl

        return pl.from_pandas(self.to_pandas(table))


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a frame, the conventions of every ``to_pandas()``: nested fields as ``a.b`` columns,
    whole numbers with gaps as nullable Int64, columns of dates (and gaps) as datetime64."""
    import pandas as pd

    flat = [_flat(r) for r in rows]
    columns = list(dict.fromkeys(k for r in flat for k in r))
    data: dict[str, Any] = {}
    for c in columns:
        values = [r.get(c) for r in flat]
        known = [v for v in values if v is not None]
        whole = known and all(isinstance(v, int) and not isinstance(v, bool) for v in known)
        if known and all(type(v) is dt.date for v in known):
            data[c] = pd.to_datetime(pd.Series(values, dtype=object))
        else:
            data[c] = pd.array(values, dtype="Int64") if whole and len(known) < len(values) else values
    return pd.DataFrame(data, columns=columns)


def _flat(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


class Figures(Model):
    """Arrivals and boats over a span of days (both ends inclusive)."""

    start: dt.date
    end: dt.date
    days: int = doc("Days in the span.")
    arrivals: int | None = doc("People arrived; null if any day is not available.")
    boats: int | None
    people_per_boat: float | None = doc("arrivals / boats, unrounded.")


class Total(Answer, Figures):
    """Arrivals and boats between two dates (inclusive)."""


class YtdYear(Model):
    year: int
    start: dt.date
    end: dt.date = doc("The same point of this year (29 Feb -> 28 Feb).")
    arrivals: int | None
    boats: int | None
    people_per_boat: float | None
    change: int | None = doc("The asked year's figure to date minus this row's year's.")
    change_pct: float | None = doc("change / this row's year's arrivals * 100.")
    year_total: int | None = doc("Arrivals in the whole year; null if the year is not complete.")


class Ytd(Answer):
    """Year to date at ``at``, against the same point of every earlier year."""

    at: dt.date
    year: int
    arrivals: int | None
    boats: int | None
    people_per_boat: float | None
    previous_year_total: int | None
    share_of_previous_year_pct: float | None = doc("arrivals / previous_year_total * 100.")
    overtook_previous_year_on: dt.date | None = doc("First date the year's running total exceeded the whole previous year (up to at).")
    years: list[YtdYear]
    sentence: str
    _tables: ClassVar[tuple[str, ...]] = ("years",)


class Period(Model):
    kind: Kind
    start: dt.date
    end: dt.date
    arrivals: int | None
    boats: int | None
    days: int = doc("Days of the period in the record.")
    complete: bool = doc("Every day of the period is in the record.")


class RankedPeriod(Period):
    rank: int = doc("1 + the number of periods of this kind with more arrivals.")


class BusiestDay(Model):
    year: int
    date: dt.date
    arrivals: int
    boats: int | None
    tied_dates: list[dt.date] = doc("Other days of the year with as many arrivals.")


RecordStatus = Literal["record", "tied_record", "not_a_record", "first_in_record", "not_available"]


class RecordCheck(Model):
    """Whether a period was a record when it happened."""

    period: Period
    status: RecordStatus
    previous_best: Period | None = doc("The busiest earlier period of the same kind (earliest if tied).")
    sentence: str


class Records(Answer):
    """Busiest days, weeks, months and years; the busiest day of each year."""

    top: int
    days: list[RankedPeriod]
    weeks: list[RankedPeriod]
    months: list[RankedPeriod]
    years: list[RankedPeriod]
    busiest_day_each_year: list[BusiestDay]
    check: RecordCheck | None
    _tables: ClassVar[tuple[str, ...]] = ("days", "weeks", "months", "years", "busiest_day_each_year")


class Comparison(Answer):
    """Two periods side by side."""

    current: Figures
    previous: Figures
    arrivals_change: int | None
    arrivals_change_pct: float | None
    boats_change: int | None
    boats_change_pct: float | None
    sentence: str

    def rows(self, table: str | None = None) -> list[dict[str, Any]]:
        if table is not None:
            raise ValueError("a comparison has one table: the two periods")
        return [{"period": "current", **self.current.model_dump()}, {"period": "previous", **self.previous.model_dump()}]


class Run(Model):
    start: dt.date
    end: dt.date
    days: int
    ongoing: bool = doc("The run reaches the last day of the record (or of the year, for a year).")


class Longest(Model):
    days: int
    runs: list[Run] = doc("Every run of that length, earliest first.")


class YearDays(Model):
    year: int
    days_in_record: int
    days_with_arrivals: int
    days_without_arrivals: int
    days_not_available: int
    arrivals: int | None
    longest_with_arrivals: Longest | None
    longest_without_arrivals: Longest | None


class MonthDays(Model):
    month: str = doc("YYYY-MM")
    days_in_record: int
    days_with_arrivals: int
    days_without_arrivals: int
    days_not_available: int
    arrivals: int | None


class Streaks(Answer):
    """Runs of days with and without arrivals; days with arrivals per month and year."""

    year: int | None
    longest_with_arrivals: Longest | None = doc("Over the whole record.")
    longest_without_arrivals: Longest | None = doc("Over the whole record.")
    years: list[YearDays]
    months: list[MonthDays]
    _tables: ClassVar[tuple[str, ...]] = ("months", "years")


class Rank(Answer):
    """Where one period stands among all of its kind."""

    period: Period
    rank: int | None = doc("1 + the number of periods of this kind with more arrivals.")
    of: int = doc("Periods of this kind in the record (the current one may be partial).")
    tied_with: int = doc("Other periods with exactly as many arrivals.")
    record: RecordCheck
    sentence: str

    def rows(self, table: str | None = None) -> list[dict[str, Any]]:
        if table is not None:
            raise ValueError("a rank has a single row")
        best = self.record.previous_best
        return [{**self.period.model_dump(), "rank": self.rank, "of": self.of, "tied_with": self.tied_with,
                 "record_status": self.record.status, "previous_best_start": best.start if best else None,
                 "previous_best_arrivals": best.arrivals if best else None}]


class PreventedWeek(Model):
    week_start: dt.date
    week_end: dt.date = doc("The Sunday ending the week.")
    arrivals: int | None
    prevented_people: int | None
    prevented_events: int | None
    share_prevented_pct: float | None = doc("prevented_people / (prevented_people + arrivals) * 100.")


class Prevented(Answer):
    """French preventions per week (SB_02), where published."""

    weeks: list[PreventedWeek]
    weeks_with_figures: int
    prevented_people: int | None = doc("Sum over weeks with prevention figures.")
    prevented_events: int | None
    arrivals: int | None = doc("Arrivals in the same weeks (those with prevention figures).")
    share_prevented_pct: float | None
    _tables: ClassVar[tuple[str, ...]] = ("weeks",)


class SeriesRow(Model):
    period_start: dt.date
    period_end: dt.date
    arrivals: int | None
    boats: int | None
    uncontrolled_boats: int | None
    days: int = doc("Days of the period in the record (and in the range asked).")
    complete: bool = doc("Every day of the period is in the record.")


class Series(Answer):
    """Totals by day, week (Monday-Sunday), month or year."""

    freq: Freq
    periods: list[SeriesRow]
    _tables: ClassVar[tuple[str, ...]] = ("periods",)


# -- the record as known on a date ---------------------------------------------------------

def _int(v: float) -> int | None:
    return None if v != v else int(v)


def _known(a: Sequence[float]) -> list[float]:
    """The values of ``a`` that are not NaN (not available)."""
    return [x for x in a if x == x]


@dataclass
class _Periods:
    kind: str
    start: list[dt.date]
    end: list[dt.date]
    arrivals: list[float]  # NaN = not available
    boats: list[float]
    uncontrolled: list[float]
    days: list[int]
    complete: list[bool]

    def period(self, i: int) -> Period:
        return Period(kind=self.kind, start=self.start[i], end=self.end[i], arrivals=_int(self.arrivals[i]),
                      boats=_int(self.boats[i]), days=self.days[i], complete=self.complete[i])

    @functools.cached_property
    def ranked(self) -> list[int]:
        """The periods whose arrivals are known, busiest first (the earlier first among equals)."""
        return sorted((i for i, x in enumerate(self.arrivals) if x == x), key=lambda i: (-self.arrivals[i], self.start[i]))

    @functools.cached_property
    def known(self) -> list[float]:
        """The arrivals that are known, in ascending order."""
        return [self.arrivals[i] for i in reversed(self.ranked)]

    def busier(self, value: float) -> int:
        """How many periods had more arrivals than ``value``."""
        return len(self.known) - bisect.bisect_right(self.known, value)


@dataclass
class _Weeks:
    """SB_02's weekly figures as known on one date (weeks by their ending Sunday)."""

    ends: Sequence[dt.date]
    arrivals: Sequence[float]  # NaN = not available
    prevented_people: Sequence[float]
    prevented_events: Sequence[float]
    vintage: Sequence[int]
    later: Sequence[bool]

    @classmethod
    def of(cls, w: Wide) -> "_Weeks":
        return cls(ends=w.date, arrivals=w.values["arrivals"], prevented_people=w.values["prevented_people"],
                   prevented_events=w.values["prevented_events"], vintage=w.vintage_ids(), later=w.later)


_SIX_DAYS = dt.timedelta(days=6)

#: the period of each kind a day is in, as a key that sorts and compares like the period
_PERIOD_KEY: dict[str, Callable[[dt.date], object]] = {
    "week": lambda d: d - dt.timedelta(days=d.weekday()),
    "month": lambda d: (d.year, d.month), "year": lambda d: d.year}


def date_slice(dates: Sequence[dt.date], start: dt.date, end: dt.date) -> slice:
    """The rows of sorted ``dates`` from ``start`` to ``end`` inclusive."""
    return slice(bisect.bisect_left(dates, start), bisect.bisect_right(dates, end))


@dataclass
class _Record:
    """The daily record as known on one date, as columns of Python values, with cached resamplings."""

    wide: Wide
    refs: dict[int, VintageRef]
    as_of: dt.date | None
    dates: Sequence[dt.date] = field(init=False)
    arrivals: Sequence[float] = field(init=False)  # NaN = not available
    boats: Sequence[float] = field(init=False)
    uncontrolled: Sequence[float] = field(init=False)
    vintage: Sequence[int] = field(init=False)
    later: Sequence[bool] = field(init=False)
    periods: dict[str, _Periods] = field(default_factory=dict, init=False)
    _weeks: _Weeks | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        w = self.wide
        self.dates, self.vintage, self.later = w.date, w.vintage_ids(), w.later
        self.arrivals, self.boats, self.uncontrolled = (w.values[m] for m in ("arrivals", "boats", "uncontrolled_boats"))

    @property
    def first(self) -> dt.date:
        return self.dates[0]

    @property
    def last(self) -> dt.date:
        return self.dates[-1]

    def index(self, start: dt.date, end: dt.date) -> slice:
        return date_slice(self.dates, start, end)

    def figures(self, start: dt.date, end: dt.date) -> Figures:
        s = self.index(start, end)
        days = (end - start).days + 1
        gap = s.stop - s.start != days
        a = None if gap else _int(sum(self.arrivals[s]))
        b = None if gap else _int(sum(self.boats[s]))
        return Figures(start=start, end=end, days=days, arrivals=a, boats=b, people_per_boat=_ratio(a, b))

    def weeks(self, store: Store) -> _Weeks:
        """The published weekly figures as known on the same date, cached."""
        if self._weeks is None:
            self._weeks = _Weeks.of(store.weekly_columns(self.as_of))
        return self._weeks

    def table(self, kind: str) -> _Periods:
        """Every ``kind`` period of the record, cached."""
        if kind not in self.periods:
            self.periods[kind] = self.group(kind, slice(0, len(self.dates)))
        return self.periods[kind]

    def group(self, kind: str, s: slice) -> _Periods:
        """Sum the days in ``s`` by ``kind`` period (weeks Monday to Sunday). A period's total
        is NaN if any of its days is; ``complete`` if all its days are in ``s``."""
        if kind == "day":  # (each day is its own period)
            dates = list(self.dates[s])
            return _Periods(kind, dates, dates, list(self.arrivals[s]), list(self.boats[s]), list(self.uncontrolled[s]),
                            [1] * len(dates), [True] * len(dates))
        t = _Periods(kind, [], [], [], [], [], [], [])
        key = _PERIOD_KEY[kind]
        i = s.start
        for _, run in itertools.groupby(self.dates[s], key):
            first = next(run)
            n = 1 + sum(1 for _ in run)
            start, end = _bounds(first, kind)
            t.start.append(start)
            t.end.append(end)
            t.arrivals.append(sum(self.arrivals[i:i + n]))
            t.boats.append(sum(self.boats[i:i + n]))
            t.uncontrolled.append(sum(self.uncontrolled[i:i + n]))
            t.days.append(n)
            t.complete.append(n == (end - start).days + 1)
            i += n
        return t

    def evidence(self, as_of: dt.date | None, start: dt.date, end: dt.date, spans: list[slice] | None = None) -> Evidence:
        """Evidence for figures taken from the rows in ``spans`` (default: start..end)."""
        spans = spans or [self.index(start, end)]
        ids = sorted({i for s in spans for i in self.vintage[s]})
        later = [f for s in spans for f in self.later[s]]
        refs = sorted((self.refs[i] for i in ids), key=lambda r: (r.published, r.id))
        note = None
        if any(later):
            late = sorted({self.refs[i].file_name for s in spans
                           for i, f in zip(self.vintage[s], self.later[s]) if f})
            note = (f"{sum(later)} of the {len(later)} days' figures had not been published by "
                    f"{long_date(as_of) if as_of else 'then'}; they are shown as first published later, in "
                    + ", ".join(late) + ".")
        return Evidence(as_of=as_of, start=start, end=end, vintages=refs, later_publication=any(later), note=note)

    def check_range(self, start: dt.date, end: dt.date, as_of: dt.date | None) -> None:
        check_span(start, end, self.first, self.last, as_of, "the record")


def check_span(start: dt.date, end: dt.date, first: dt.date, last: dt.date, as_of: dt.date | None, record: str) -> None:
    """``start``..``end`` must lie in ``first``..``last`` (else OutOfRange, 404) and run forwards
    (else InvalidQuestion, 422); a span wholly outside is OutOfRange even if also backwards."""
    if start > last or end < first:
        raise OutOfRange(f"{long_date(start)} to {long_date(end)} is not in {record}", first, last, as_of)
    if start > end:
        raise InvalidQuestion(f"the first date ({long_date(start)}) is after the last ({long_date(end)})")
    if start < first or end > last:
        raise OutOfRange(f"{long_date(start)} to {long_date(end)} is not all in {record}", first, last, as_of)


_CACHE: OrderedDict[tuple[int, dt.date | None], _Record] = OrderedDict()
_CACHE_LOCK = threading.Lock()


class _Refs(dict):
    """Vintage references by id, each built when first asked for (a question needs a few of
    the hundreds of vintages, and building them all cost a CLI question some 30 ms)."""

    def __init__(self, rows: list[dict[str, Any]]):
        super().__init__()
        self._rows = {r["id"]: r for r in rows}

    def __missing__(self, vid: int) -> VintageRef:
        r = self._rows[vid]
        ref = self[vid] = VintageRef(id=vid, file_name=r["file_name"], kind=r["kind"], published=r["published"])
        return ref


def _vintage_refs(store: Store) -> dict[int, VintageRef]:
    """Every vintage's reference, read once per store version."""
    return store.cached(("vintage_refs",), lambda: _Refs(store.vintage_rows()))


def _record(store: Store, as_of: dt.date | None) -> _Record:
    """The record as known on ``as_of``; cached while the store's arrays for it are unchanged."""
    wide = store.daily_columns(as_of)
    key = (id(store), as_of)
    with _CACHE_LOCK:
        rec = _CACHE.get(key)
        if rec is not None and rec.wide is wide:
            _CACHE.move_to_end(key)
            return rec
    if not len(wide):
        full = store.daily_columns(None) if as_of is not None else wide
        if not len(full):
            raise OutOfRange("the store has no daily figures", None, None)
        raise OutOfRange(f"nothing in the record is dated on or before {long_date(as_of)}",  # type: ignore[arg-type]
                         full.date[0], full.date[-1])
    rec = _Record(wide, _vintage_refs(store), as_of)
    with _CACHE_LOCK:
        _CACHE[key] = rec
        while len(_CACHE) > 64:
            _CACHE.popitem(last=False)
    return rec


# -- periods as people write them ----------------------------------------------------------

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I)
_MONTH_NAME = re.compile(r"^([A-Za-z]+)\.?,? (\d{4})$")


_MONTH_NAMES = "january february march april may june july august september october november december".split()
#: "may", "sep", "sept", "september" -> 5, 9, 9, 9
_MONTHS = {**{n: i for i, n in enumerate(_MONTH_NAMES, 1)}, **{n[:3]: i for i, n in enumerate(_MONTH_NAMES, 1)}, "sept": 9}


def parse_period(text: str, kind: str | None = None) -> tuple[str, dt.date, dt.date]:
    """``"2025"``, ``"2025-05"``, ``"May 2025"``, ``"2025-W18"`` (ISO week, Monday-Sunday) or a
    day (``"2025-04-15"``, ``"15 April 2025"``) -> (kind, first day, last day). ``kind``
    widens a day to the week, month or year containing it. Raises ValueError."""
    s = " ".join(str(text).split())
    if kind is not None and kind not in KINDS:
        raise InvalidQuestion(f"kind must be one of {', '.join(KINDS)}; got {shown(kind)}")
    try:
        if _YEAR.match(s):
            got, start = "year", dt.date(int(s), 1, 1)
        elif m := _MONTH.match(s):
            got, start = "month", dt.date(int(m[1]), int(m[2]), 1)
        elif m := _WEEK.match(s):
            got, start = "week", dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        elif (m := _MONTH_NAME.match(s)) and (month := _MONTHS.get(m[1].lower())):
            got, start = "month", dt.date(int(m[2]), month, 1)
        else:
            got, start = "day", parse_date(s)
    except ValueError:
        raise InvalidQuestion(f"not a day, week, month or year: {shown(s)}; give e.g. 2025-04-15, '15 April 2025', "
                         "2025-W18, 2025-05, 'May 2025' or 2025") from None
    assert start is not None
    want = kind or got
    if KINDS.index(want) < KINDS.index(got):
        raise InvalidQuestion(f"{shown(s)} is a {got}, not a {want}")
    return (want, *_bounds(start, want))


def _bounds(day: dt.date, kind: str) -> tuple[dt.date, dt.date]:
    if kind == "day":
        return day, day
    if kind == "week":  # the last week of 9999 ends with the calendar
        start = day - dt.timedelta(days=day.weekday())
        return start, min(start, dt.date.max - dt.timedelta(days=6)) + dt.timedelta(days=6)
    if kind == "month":
        if day.month == 12:
            return day.replace(day=1), dt.date(day.year, 12, 31)
        return day.replace(day=1), dt.date(day.year, day.month + 1, 1) - dt.timedelta(days=1)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


# -- the questions -------------------------------------------------------------------------

def total(store: Store, start: dt.date, end: dt.date, as_of: dt.date | None = None) -> Total:
    """Arrivals and boats from ``start`` to ``end`` inclusive, as known on ``as_of``."""
    rec = _record(store, as_of)
    rec.check_range(start, end, as_of)
    f = rec.figures(start, end)
    return Total(**f.model_dump(), evidence=rec.evidence(as_of, start, end))


def _fmt(n: int | None) -> str:
    return "not available" if n is None else f"{n:,}"


def _pct(p: float | None) -> str:
    return "no percent change from zero" if p is None else f"{p:+.1f}%"


def ytd(store: Store, at: dt.date | None = None, as_of: dt.date | None = None) -> Ytd:
    """Year to date at ``at`` (default: the last day in the record) against the same point of
    every earlier year, the share of the previous year's total reached, and the day the year
    overtook the whole previous year."""
    rec = _record(store, as_of)
    at = at or rec.last
    rec.check_range(dt.date(at.year, 1, 1), at, as_of)
    cur = rec.figures(dt.date(at.year, 1, 1), at)
    years: list[YtdYear] = []
    totals: dict[int, int | None] = {}
    for y in range(rec.first.year, at.year + 1):
        start, end = dt.date(y, 1, 1), year_earlier(at, at.year - y)
        if start < rec.first:
            continue
        f = rec.figures(start, end)
        totals[y] = rec.figures(start, dt.date(y, 12, 31)).arrivals if dt.date(y, 12, 31) <= rec.last else None
        change = None if cur.arrivals is None or f.arrivals is None else cur.arrivals - f.arrivals
        years.append(YtdYear(year=y, start=start, end=end, arrivals=f.arrivals, boats=f.boats,
                             people_per_boat=f.people_per_boat, change=change,
                             change_pct=pct_change(cur.arrivals, f.arrivals), year_total=totals[y]))
    prev = totals.get(at.year - 1)
    overtook = None
    if prev is not None:
        s = rec.index(dt.date(at.year, 1, 1), at)
        overtook = next((d for d, total in zip(rec.dates[s], itertools.accumulate(rec.arrivals[s])) if total > prev), None)
    share = None if cur.arrivals is None or not prev else cur.arrivals / prev * 100
    earlier = years[-2] if len(years) > 1 else None
    sentence = f"From 1 January to {long_date(at)}, {_fmt(cur.arrivals)} people arrived on {_fmt(cur.boats)} boats"
    if earlier is not None and earlier.change is not None:
        word = "more" if earlier.change >= 0 else "fewer"
        sentence += (f": {abs(earlier.change):,} {word} than by {long_date(earlier.end)} "
                     f"({earlier.arrivals:,}; {earlier.change_pct:+.1f}%)" if earlier.change_pct is not None else "")
    sentence += "."
    if share is not None:
        sentence += f" That is {share:.1f}% of the whole of {at.year - 1} ({prev:,})."
    if overtook is not None:
        sentence += f" The year's total overtook the whole of {at.year - 1} on {long_date(overtook)}."
    start0 = years[0].start
    return Ytd(at=at, year=at.year, arrivals=cur.arrivals, boats=cur.boats, people_per_boat=cur.people_per_boat,
               previous_year_total=prev, share_of_previous_year_pct=share, overtook_previous_year_on=overtook,
               years=years, sentence=sentence, evidence=rec.evidence(as_of, start0, at))


def _name(p: Period) -> str:
    if p.kind == "day":
        name = long_date(p.start)
    elif p.kind == "week":
        name = f"the week of {long_date(p.start)} to {long_date(p.end)}"
    elif p.kind == "month":
        name = f"{p.start:%B %Y}"
    else:
        name = str(p.start.year)
    return name if p.complete else f"{name} (so far)"


def _locate(rec: _Record, kind: str, start: dt.date, as_of: dt.date | None) -> tuple[_Periods, int]:
    t = rec.table(kind)
    i = bisect.bisect_left(t.start, start)
    if i == len(t.start) or t.start[i] != start:
        _, end = _bounds(start, kind)
        raise OutOfRange(f"{long_date(start)} to {long_date(end)} is not in the record", rec.first, rec.last, as_of)
    return t, i


def _record_check(rec: _Record, kind: str, start: dt.date, as_of: dt.date | None) -> RecordCheck:
    t, i = _locate(rec, kind, start, as_of)
    p = t.period(i)
    earlier = t.arrivals[:i]
    known = _known(earlier)
    if p.arrivals is None:
        return RecordCheck(period=p, status="not_available", previous_best=None,
                           sentence=f"{_name(p)}: arrivals not available, so it cannot be called a record.")
    if not len(known):
        return RecordCheck(period=p, status="first_in_record", previous_best=None,
                           sentence=f"{_name(p)} is the first {kind} in the record, which starts on {long_date(rec.first)}.")
    best = max(known)
    prev = t.period(earlier.index(best))
    cap = _name(p)[0].upper() + _name(p)[1:]
    if p.arrivals > best:
        status: RecordStatus = "record"
        sentence = (f"{cap} ({p.arrivals:,} arrivals) was a record when it happened: more than any earlier {kind} "
                    f"since the record began on {long_date(rec.first)}; the busiest before it was {_name(prev)} ({prev.arrivals:,}).")
    elif p.arrivals == best:
        status = "tied_record"
        sentence = (f"{cap} ({p.arrivals:,} arrivals) equalled the record at the time, set by {_name(prev)} "
                    f"({prev.arrivals:,}); it did not exceed it.")
    else:
        status = "not_a_record"
        sentence = (f"{cap} ({p.arrivals:,} arrivals) was not a record when it happened: {_name(prev)} "
                    f"had had {prev.arrivals:,}.")
    return RecordCheck(period=p, status=status, previous_best=prev, sentence=sentence)


def _top(t: _Periods, n: int) -> list[RankedPeriod]:
    """The ``n`` busiest periods (the earlier first among equals), each ranked 1 + the number busier."""
    return [RankedPeriod(**t.period(i).model_dump(), rank=1 + t.busier(t.arrivals[i])) for i in t.ranked[:n]]


def records(store: Store, top: int = 10, as_of: dt.date | None = None, period: str | dt.date | None = None,
            kind: str | None = None) -> Records:
    """The ``top`` busiest days, weeks, months and years; the busiest day of each year; and,
    given a ``period`` (see :func:`parse_period`), whether it was a record when it happened."""
    if top < 1:
        raise InvalidQuestion(f"top must be at least 1; got {top}")
    asked = parse_period(str(period), kind) if period is not None else None
    rec = _record(store, as_of)
    check = _record_check(rec, asked[0], asked[1], as_of) if asked else None
    busiest: list[BusiestDay] = []
    for y in range(rec.first.year, rec.last.year + 1):
        s = rec.index(dt.date(y, 1, 1), dt.date(y, 12, 31))
        a = rec.arrivals[s]
        if not (known := _known(a)):
            continue
        best = max(known)
        hits = [s.start + j for j, x in enumerate(a) if x == best]
        busiest.append(BusiestDay(year=y, date=rec.dates[hits[0]], arrivals=int(best), boats=_int(rec.boats[hits[0]]),
                                  tied_dates=[rec.dates[j] for j in hits[1:]]))
    return Records(top=top, days=_top(rec.table("day"), top), weeks=_top(rec.table("week"), top),
                   months=_top(rec.table("month"), top), years=_top(rec.table("year"), top),
                   busiest_day_each_year=busiest, check=check,
                   evidence=rec.evidence(as_of, rec.first, rec.last))


def compare(store: Store, start: dt.date, end: dt.date | None = None, with_start: dt.date | None = None,
            with_end: dt.date | None = None, as_of: dt.date | None = None) -> Comparison:
    """``start``..``end`` (default: the last day in the record) against ``with_start``..
    ``with_end`` (default: the same calendar dates a year earlier)."""
    rec = _record(store, as_of)
    end = end or rec.last
    if (with_start is None) != (with_end is None):
        raise InvalidQuestion("give both dates of the period to compare with, or neither (a year earlier)")
    rec.check_range(start, end, as_of)
    if with_start is None or with_end is None:
        with_start, with_end = year_earlier(start), year_earlier(end)
    rec.check_range(with_start, with_end, as_of)
    cur, old = rec.figures(start, end), rec.figures(with_start, with_end)
    da = None if cur.arrivals is None or old.arrivals is None else cur.arrivals - old.arrivals
    db = None if cur.boats is None or old.boats is None else cur.boats - old.boats
    pa_ = pct_change(cur.arrivals, old.arrivals)
    sentence = (f"From {long_date(start)} to {long_date(end)}, {_fmt(cur.arrivals)} people arrived on "
                f"{_fmt(cur.boats)} boats, against {_fmt(old.arrivals)} on {_fmt(old.boats)} boats from "
                f"{long_date(with_start)} to {long_date(with_end)}")
    if da is not None:
        sentence += f": {'up' if da >= 0 else 'down'} {abs(da):,} ({_pct(pa_)})"
    sentence += "."
    if cur.days != old.days:
        sentence += f" The periods differ in length ({cur.days} and {old.days} days)."
    spans = [rec.index(start, end), rec.index(with_start, with_end)]
    return Comparison(current=cur, previous=old, arrivals_change=da, arrivals_change_pct=pa_, boats_change=db,
                      boats_change_pct=pct_change(cur.boats, old.boats), sentence=sentence,
                      evidence=rec.evidence(as_of, min(start, with_start), max(end, with_end), spans))


def _runs(dates: Sequence[dt.date], cls: Sequence[int], value: int, last: dt.date) -> Longest | None:
    """Longest runs of consecutive days whose class is ``value``."""
    runs: list[tuple[dt.date, dt.date]] = []  # (first day, last day) of each run
    for d, c in zip(dates, cls):
        if c != value:
            continue
        if runs and (d - runs[-1][1]).days == 1:  # (the dates are in order, one row each)
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    if not runs:
        return None
    best = max((e - s).days + 1 for s, e in runs)
    return Longest(days=best, runs=[Run(start=s, end=e, days=best, ongoing=e == last) for s, e in runs if (e - s).days + 1 == best])


def _counts(a: Sequence[float]) -> dict[str, Any]:
    known = _known(a)
    return {"days_in_record": len(a), "days_with_arrivals": sum(1 for x in known if x > 0),
            "days_without_arrivals": sum(1 for x in known if x == 0), "days_not_available": len(a) - len(known),
            "arrivals": _int(sum(a))}


def streaks(store: Store, year: int | None = None, as_of: dt.date | None = None) -> Streaks:
    """Longest runs of days with and without arrivals, overall and per year (runs cut at
    the year's ends), and the days with arrivals per month and year. A day whose figure is
    not available breaks a run. ``year`` limits the per-year and per-month tables."""
    rec = _record(store, as_of)
    if year is not None and not rec.first.year <= year <= rec.last.year:
        raise OutOfRange(f"{year} is not in the record", rec.first, rec.last, as_of)
    cls = [-1 if x != x else int(x > 0) for x in rec.arrivals]
    last = rec.last
    years: list[YearDays] = []
    for y in [year] if year is not None else range(rec.first.year, rec.last.year + 1):
        s = rec.index(dt.date(y, 1, 1), dt.date(y, 12, 31))
        years.append(YearDays(year=y, **_counts(rec.arrivals[s]),
                              longest_with_arrivals=_runs(rec.dates[s], cls[s], 1, last),
                              longest_without_arrivals=_runs(rec.dates[s], cls[s], 0, last)))
    months: list[MonthDays] = []
    i = 0
    for (y, m), run in itertools.groupby(rec.dates, _PERIOD_KEY["month"]):
        n = sum(1 for _ in run)
        if year is None or y == year:
            months.append(MonthDays(month=f"{y:04d}-{m:02d}", **_counts(rec.arrivals[i:i + n])))
        i += n
    return Streaks(year=year, longest_with_arrivals=_runs(rec.dates, cls, 1, last),
                   longest_without_arrivals=_runs(rec.dates, cls, 0, last), years=years, months=months,
                   evidence=rec.evidence(as_of, rec.first, rec.last))


_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else _ORDINAL.get(n % 10, 'th')}"


def rank(store: Store, period: str | dt.date, kind: str | None = None, as_of: dt.date | None = None) -> Rank:
    """Where a day, week, month or year (see :func:`parse_period`) stands among all periods
    of its kind by arrivals, and whether it was a record when it happened."""
    k, start, _ = parse_period(period.isoformat() if isinstance(period, dt.date) else period, kind)
    rec = _record(store, as_of)
    t, i = _locate(rec, k, start, as_of)
    p = t.period(i)
    known = t.known
    if p.arrivals is None:
        r, tied = None, 0
        sentence = f"{_name(p)}: arrivals not available, so it cannot be ranked."
    else:
        r = 1 + t.busier(p.arrivals)
        tied = bisect.bisect_right(known, p.arrivals) - bisect.bisect_left(known, p.arrivals) - 1
        sentence = (f"{_name(p)[0].upper() + _name(p)[1:]} had {p.arrivals:,} arrivals: the "
                    f"{'' if r == 1 else _ordinal(r) + ' '}busiest of {len(known):,} {k}s in the record")
        sentence += f" (tied with {tied} other{'s' if tied > 1 else ''})." if tied else "."
    return Rank(period=p, rank=r, of=len(known), tied_with=tied, record=_record_check(rec, k, start, as_of),
                sentence=sentence, evidence=rec.evidence(as_of, rec.first, rec.last))


def prevented(store: Store, start: dt.date | None = None, end: dt.date | None = None,
              as_of: dt.date | None = None) -> Prevented:
    """French preventions per week as published in SB_02 (weeks ending on a Sunday between
    ``start`` and ``end``), and the share of attempts prevented: prevented / (prevented +
    arrived), over the weeks that have prevention figures."""
    rec = _record(store, as_of)
    w = rec.weeks(store)
    if not len(w.ends):
        raise OutOfRange("no weekly figures in the record", None, None, as_of)
    first, last = w.ends[0] - _SIX_DAYS, w.ends[-1]
    a, b = start or first, end or last
    check_span(a, b, first, last, as_of, "the weekly record")
    sel = date_slice(w.ends, a, b)
    if sel.start == sel.stop:
        raise InvalidQuestion(f"no week ends (on a Sunday) between {long_date(a)} and {long_date(b)}")
    ends, arr, pp, pe = w.ends[sel], w.arrivals[sel], w.prevented_people[sel], w.prevented_events[sel]
    weeks = [PreventedWeek(week_start=e - _SIX_DAYS, week_end=e, arrivals=_int(x), prevented_people=_int(p), prevented_events=_int(v),
                           share_prevented_pct=None if x != x or p != p or p + x == 0 else p / (p + x) * 100)
             for e, x, p, v in zip(ends, arr, pp, pe)]
    has = [i for i, (p, x) in enumerate(zip(pp, arr)) if p == p and x == x]
    tp, ta = (_int(sum(pp[i] for i in has)), _int(sum(arr[i] for i in has))) if has else (None, None)
    te = _int(sum(pe[i] for i in has)) if has else None
    ids = sorted(set(w.vintage[sel]))
    later = w.later[sel]
    note = None
    if any(later):
        note = (f"{sum(later)} of the {len(later)} weeks' figures had not been published by "
                f"{long_date(as_of) if as_of else 'then'}; they are shown as first published later.")
    ev = Evidence(as_of=as_of, start=weeks[0].week_start, end=weeks[-1].week_end,
                  vintages=sorted((rec.refs[i] for i in ids), key=lambda r: (r.published, r.id)),
                  later_publication=any(later), note=note)
    return Prevented(weeks=weeks, weeks_with_figures=len(has), prevented_people=tp, prevented_events=te,
                     arrivals=ta, share_prevented_pct=None if tp is None or ta is None or tp + ta == 0 else tp / (tp + ta) * 100,
                     evidence=ev)


def series(store: Store, freq: Freq = "day", start: dt.date | None = None, end: dt.date | None = None,
           as_of: dt.date | None = None) -> Series:
    """Totals by ``freq`` between ``start`` and ``end`` (default: the whole record), as
    known on ``as_of``; periods at the ends are summed over the days inside the range. A
    range reaching past the record lists what the record has (a partial period says
    ``complete: false``); one that misses the record altogether is OutOfRange."""
    if freq not in KINDS:
        raise InvalidQuestion(f"freq must be one of {', '.join(KINDS)}; got {shown(freq)}")
    rec = _record(store, as_of)
    a, b = start or rec.first, end or rec.last
    if a > b and start and end:
        rec.check_range(a, b, as_of)  # the wrong way round: InvalidQuestion
    if (start and start > rec.last) or (end and end < rec.first):
        asked = " ".join(f"{w} {long_date(d)}" for w, d in (("from", start), ("to", end)) if d)
        raise OutOfRange(f"nothing in the record {asked}", rec.first, rec.last, as_of)
    a, b = max(a, rec.first), min(b, rec.last)
    t = rec.group(freq, rec.index(a, b))
    rows = [SeriesRow(period_start=st, period_end=en, arrivals=_int(x), boats=_int(y), uncontrolled_boats=_int(u),
                      days=int(n), complete=bool(c))
            for st, en, x, y, u, n, c in zip(t.start, t.end, t.arrivals, t.boats, t.uncontrolled, t.days, t.complete)]
    return Series(freq=freq, periods=rows, evidence=rec.evidence(as_of, a, b))
