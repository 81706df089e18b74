"""The Python API: ``smallboats.open()`` and one method per question.

Dates may be given as ``datetime.date`` or text (``"2025-04-15"``, ``"15 April 2025"``).
Answers are pydantic models (see :mod:`smallboats.questions`) with ``.evidence``, and
``.to_pandas()`` / ``.to_polars()`` for their tables (dates as datetime64 columns); so have the
check's :class:`~smallboats.claims.Report` (one row per claim) and :meth:`Smallboats.forecast`.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

import pandas as pd

from . import questions as q
from .dates import parse_date
from .series import Freq
from .store import Store

if TYPE_CHECKING:
    from . import deaths as deaths_q, people
    from .claims import Report
    from .forecast import ForecastReport

DateLike = dt.date | str | None


def _d(value: DateLike) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise q.InvalidQuestion(str(exc)) from None


class Smallboats:
    """The record, opened read-only (a snapshot of the store file). Use as a context manager
    or call :meth:`close`; :meth:`refresh` picks up vintages added since."""

    def __init__(self, db: str | os.PathLike | None = None):
        self.store = Store(db, read_only=True)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Smallboats":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self) -> bool:
        """Reload if the store file changed (e.g. ``smallboats fetch`` added a vintage)."""
        return self.store.refresh()

    def total(self, start: DateLike, end: DateLike, as_of: DateLike = None) -> q.Total:
        """Arrivals and boats from ``start`` to ``end`` inclusive, and people per boat."""
        return q.total(self.store, _d(start), _d(end), _d(as_of))  # type: ignore[arg-type]

    def ytd(self, at: DateLike = None, as_of: DateLike = None) -> q.Ytd:
        """Year to date at ``at`` against the same point of every earlier year."""
        return q.ytd(self.store, _d(at), _d(as_of))

    def records(self, top: int = 10, period: str | dt.date | None = None, kind: str | None = None,
                as_of: DateLike = None) -> q.Records:
        """Busiest days, weeks, months, years; whether ``period`` was a record when it happened."""
        return q.records(self.store, top, _d(as_of), period, kind)

    def compare(self, start: DateLike, end: DateLike = None, with_start: DateLike = None,
                with_end: DateLike = None, as_of: DateLike = None) -> q.Comparison:
        """``start``..``end`` against ``with_start``..``with_end`` (default: a year earlier)."""
        return q.compare(self.store, _d(start), _d(end), _d(with_start), _d(with_end), _d(as_of))  # type: ignore[arg-type]

    def streaks(self, year: int | None = None, as_of: DateLike = None) -> q.Streaks:
        """Runs of days with and without arrivals; days with arrivals per month and year."""
        return q.streaks(self.store, year, _d(as_of))

    def rank(self, period: str | dt.date, kind: str | None = None, as_of: DateLike = None) -> q.Rank:
        """Where a day, week (2025-W18), month (2025-05) or year stands among its kind."""
        return q.rank(self.store, period, kind, _d(as_of))

    def prevented(self, start: DateLike = None, end: DateLike = None, as_of: DateLike = None) -> q.Prevented:
        """French preventions per week and the share of attempts prevented."""
        return q.prevented(self.store, _d(start), _d(end), _d(as_of))

    def series(self, freq: Freq = "day", start: DateLike = None, end: DateLike = None,
               as_of: DateLike = None) -> q.Series:
        """Totals by day, week (Monday-Sunday), month or year."""
        return q.series(self.store, freq, _d(start), _d(end), _d(as_of))

    def forecast(self, as_of: DateLike = None, year: int | None = None) -> "ForecastReport":
        """Projected arrivals for the rest of ``year`` (default: the as-of date's), the whole year
        and the next 7 and 28 days, with 80% and 95% intervals (as ``smallboats forecast`` and
        ``/api/v1/forecast``); ``.to_pandas()`` gives one row per projection."""
        from .forecast import ForecastError, forecast

        try:
            return forecast(self.store, _d(as_of), year).report()
        except ForecastError as exc:
            raise q.InvalidQuestion(str(exc)) from None

    def who(self, period: str | int, top: int = 10, nationality: str | None = None, as_of: DateLike = None) -> "people.Who":
        """Small-boat arrivals in a year (2023) or quarter ("2023 Q3") by nationality (top N; one
        nationality's share and change), region, sex and age group: the Home Office's quarterly
        statistics as published by ``as_of``."""
        from . import people

        return people.who(self.store, period, _d(as_of), top, nationality)

    def deaths(self, start: DateLike = None, end: DateLike = None, as_of: DateLike = None,
               since: DateLike = None) -> "deaths_q.Deaths":
        """Dead and missing on the route to the UK (IOM Missing Migrants Project) from ``start``
        (or ``since``) to ``end``, per year, at sea / on land / other, and the records."""
        from . import deaths as deaths_q

        if since is not None and start is not None:
            raise q.InvalidQuestion("give since or start, not both")
        return deaths_q.deaths(self.store, _d(since if since is not None else start), _d(end), _d(as_of))

    def vintages(self) -> pd.DataFrame:
        """One row per publication with figures in the store."""
        return self.store.vintages()

    def check(self, text: str, date: DateLike = None, *, infer_date: bool = False) -> "Report":
        """Every crossing figure in a news article (plain text or saved HTML) checked against the
        record as it stood on ``date``; without a date, ``infer_date=True`` estimates one."""
        from .claims import check

        return check(text, _d(date), self.store, infer_date=infer_date)


