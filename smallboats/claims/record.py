"""The record as the claim checker reads it: figures as known on the article's date (or the
newest), summed through :func:`smallboats.questions.total`, and daily figures as numpy arrays
(:class:`Days`). Days after the last one published by the article's date are taken from the
first publication that has them, and flagged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .. import questions
from ..asof import Wide
from ..questions import OutOfRange, VintageRef, long_date
from ..series import date_slice
from ..store import SERIES_KINDS, Store


@dataclass(frozen=True, slots=True)
class Sums:
    """Arrivals and boats over a span, and the publications they came from."""

    arrivals: int | None
    boats: int | None
    vintages: list[VintageRef]

    @property
    def people_per_boat(self) -> float | None:
        return self.arrivals / self.boats if self.arrivals is not None and self.boats else None


@dataclass(frozen=True, slots=True)
class Days:
    """Daily figures, one row a day in date order: ``date`` (datetime64[D]), ``arrivals`` and
    ``boats`` (float, NaN: not available)."""

    date: np.ndarray
    arrivals: np.ndarray
    boats: np.ndarray

    @classmethod
    def of(cls, wide: Wide) -> "Days":
        cols = wide.numpy
        return cls(cols.date, cols.values["arrivals"], cols.values["boats"])

    @classmethod
    def concat(cls, parts: list["Days"]) -> "Days":
        if len(parts) == 1:
            return parts[0]
        return cls(*(np.concatenate([getattr(p, c) for p in parts]) for c in ("date", "arrivals", "boats")))

    def __len__(self) -> int:
        return len(self.date)

    def __getitem__(self, rows: slice) -> "Days":
        return Days(self.date[rows], self.arrivals[rows], self.boats[rows])

    def counts(self, start: dt.date, end: dt.date) -> list[int] | None:
        """The arrivals of each day from ``start`` to ``end`` (the days these are) as whole numbers;
        None if the record lacks one of those days or has no figure for it."""
        if len(self) != (end - start).days + 1 or np.isnan(self.arrivals).any():
            return None
        return [int(v) for v in self.arrivals.tolist()]

    def reaching(self, value: float, above: bool = False) -> tuple[dt.date, float] | None:
        """The first day the running total of arrivals reached ``value`` (went above it, with
        ``above``) and the total that day; None if it never did (a day not available counts 0)."""
        running = np.nancumsum(self.arrivals)
        hit = np.flatnonzero(running > value if above else running >= value)
        return (self.date[hit[0]].item(), float(running[hit[0]])) if len(hit) else None

    def between(self, start: dt.date, end: dt.date) -> "Days":
        """The days from ``start`` to ``end`` inclusive."""
        return self[date_slice(self.date, start, end)]


class Record:
    """Figures from the store as known on the article's date ``as_of`` (None: the newest),
    through :func:`smallboats.questions.total`. Days after the last one published by ``as_of``
    are taken as first published later (the first publication that has them), and flagged."""

    def __init__(self, store: Store, as_of: dt.date | None):
        self.store, self.as_of = store, as_of
        dates = store.daily_columns(as_of).date
        self.last_known: dt.date | None = dates[-1] if dates else None
        self._coverage = _coverage(store)

    def _pieces(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date, dt.date | None]]:
        if self.as_of is None or (self.last_known is not None and end <= self.last_known):
            return [(start, end, self.as_of)]
        pieces = []
        if self.last_known is not None and start <= self.last_known:
            pieces.append((start, self.last_known, self.as_of))
            start = self.last_known + dt.timedelta(days=1)
        first = min((published for published, figures_to in self._coverage if figures_to >= end), default=None)
        if first is None:
            raise OutOfRange(f"{long_date(end)} is not in the record", None, None)
        pieces.append((start, end, max(first, self.as_of)))
        return pieces

    def as_of_for(self, end: dt.date) -> dt.date | None:
        """One date to ask :mod:`smallboats.questions` as of, for figures up to ``end``: the
        article's date, or the first publication that reaches ``end``."""
        return self._pieces(end, end)[-1][2]

    def total(self, start: dt.date, end: dt.date) -> Sums:
        parts = [questions.total(self.store, a, b, d) for a, b, d in self._pieces(start, end)]
        arrivals = None if any(p.arrivals is None for p in parts) else sum(p.arrivals for p in parts)
        boats = None if any(p.boats is None for p in parts) else sum(p.boats for p in parts)
        refs = {v.id: v for p in parts for v in p.evidence.vintages}
        return Sums(arrivals, boats, sorted(refs.values(), key=lambda v: (v.published, v.id)))

    def days(self, start: dt.date, end: dt.date) -> tuple[Days, list[VintageRef]]:
        """Daily figures between ``start`` and ``end``, and the vintages they came from."""
        t = self.total(start, end)  # checks the range, gives the provenance
        parts = [Days.of(self.store.daily_columns(d)).between(a, b) for a, b, d in self._pieces(start, end)]
        return Days.concat(parts), t.vintages


def _coverage(store: Store) -> list[tuple[dt.date, dt.date]]:
    """(published, figures_to) of every vintage of the daily and weekly figures, once per store version."""
    def coverage() -> list[tuple[dt.date, dt.date]]:
        return [(v["published"], v["figures_to"]) for v in store.vintage_rows(SERIES_KINDS)]

    return store.cached(("coverage",), coverage)
