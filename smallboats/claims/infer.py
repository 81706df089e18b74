"""Estimating when an article was published from its figures (``--infer-date``): the dates on
which the most of its crossing figures would be accurate. A guess, and reported as one.

The scan uses the latest figures through prefix sums (one array, microseconds a date); the
article is then checked properly, as of the estimated date, by :mod:`.check`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ..questions import OutOfRange, long_date
from ..store import Store
from .check import Checker
from .extract import Document
from .periods import RECORD_START, Unresolvable, span_label
from .record import Days, Record, Sums


class _Prefix(Record):
    """The newest figures as cumulative sums: a period's total is two look-ups."""

    def __init__(self, store: Store):
        self.record = Days.of(store.daily_columns(None))
        self.store, self.as_of, self.last_known = store, None, self.record.date[-1].item()
        self.first = self.record.date[0].item()
        self.ca = np.concatenate([[0.0], np.cumsum(self.record.arrivals)])
        self.cb = np.concatenate([[0.0], np.cumsum(self.record.boats)])

    def _index(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        if start < self.first or end > self.last_known or start > end:
            raise OutOfRange("not in the record", self.first, self.last_known)
        return (start - self.first).days, (end - self.first).days + 1

    def total(self, start: dt.date, end: dt.date) -> Sums:
        i, j = self._index(start, end)
        a, b = self.ca[j] - self.ca[i], self.cb[j] - self.cb[i]
        return Sums(None if a != a else int(a), None if b != b else int(b), [])

    def days(self, start: dt.date, end: dt.date) -> tuple[Days, list]:
        i, j = self._index(start, end)
        return self.record[i:j], []


def _candidates(doc: Document, last: dt.date) -> tuple[dt.date, dt.date]:
    """Years written in the article bound the search: from the latest one to two years after."""
    periods = [p for m in doc.mentions if m.crossing
               for p in (m.period, m.reference_period, m.subject_period, m.window_period) if p is not None]
    years = [p.spec.year for p in periods if p.spec.year] + [m.year for m in doc.mentions if m.crossing and m.year]
    years = [y for y in years if 2018 <= y <= last.year]
    if not years:
        return RECORD_START + dt.timedelta(days=1), last + dt.timedelta(days=1)
    return max(dt.date(max(years), 1, 1), RECORD_START + dt.timedelta(days=1)), min(dt.date(max(years) + 2, 12, 31), last + dt.timedelta(days=1))


class NoDateFits(ValueError):
    """No date in the record fits the article's figures (or it has none to go by)."""


def infer_date(store: Store, doc: Document) -> tuple[dt.date, str]:
    """The estimated publication date and a note saying how it was estimated."""
    prefix = _Prefix(store)
    claims = [m for m in doc.mentions if m.crossing and m.quantity is not None  # French preventions: weekly, not daily
              and m.metric not in ("prevented", "prevented_events")]
    if not claims:
        raise NoDateFits("no crossing figures to estimate a date from: give the article's date")
    lo, hi = _candidates(doc, prefix.last_known)
    days = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)]
    scores = np.zeros(len(days), dtype=int)
    for i, d in enumerate(days):
        checker = Checker(store, d, doc, as_of=prefix, latest=prefix)
        for m in claims:
            try:
                out, _ = checker.outcome(prefix, m, provisional=True)
            except (Unresolvable, OutOfRange, ValueError):
                continue
            scores[i] += bool(out.ok)
    best = scores.max()
    if best == 0:
        raise NoDateFits("none of the article's figures fits any date in the record: give the article's date")
    hits = np.flatnonzero(scores == best)
    runs = np.split(hits, np.flatnonzero(np.diff(hits) > 1) + 1)
    run = max(runs, key=len)
    start, end = days[run[0]], days[run[-1]]
    others = len(runs) - 1
    note = (f"estimated from the figures: {best} of {len(claims)} crossing figures fit dates {span_label(start, end)}"
            + (f" (and {others} other window{'s' if others > 1 else ''})" if others else "")
            + f"; checked as of {long_date(end)}. This is a guess, not the article's date")
    return end, note
