"""Parsers for each Home Office publication format.

Every parser turns the raw bytes of one published file into a :class:`Publication`:
either figures (a list of :class:`Observation`) or a recognised notice without figures.
A file whose layout is not understood raises :class:`SourceError` naming the file and
what was expected. Parsers never touch the store: data flows sources -> store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Freq = Literal["day", "week"]

#: Metrics the store knows. Daily rows carry the first three; SB_02 / weekly pages all five.
METRICS = ("arrivals", "boats", "uncontrolled_boats", "prevented_people", "prevented_events")


class SourceError(ValueError):
    """A file that could not be read as the publication it claims to be."""

    def __init__(self, file_name: str, problem: str):
        self.file_name = file_name
        self.problem = problem
        super().__init__(f"{file_name}: {problem}")

    def __reduce__(self):  # picklable, so that parsing can run in another process
        return (type(self), (self.file_name, self.problem))


class Observation(NamedTuple):
    """One published figure: ``metric`` on ``date`` (a day, or the Sunday ending a week).

    ``value`` is ``None`` where the publication says the figure is not available ("-"),
    which is not the same as zero. (A named tuple: a vintage has ~11,000 of them.)
    """

    freq: Freq
    date: dt.date
    metric: str
    value: int | None


@dataclass(slots=True)
class Publication:
    """What one published file says.

    ``kind`` is the source format: ``"ods"``, ``"daily_page"`` or ``"weekly_page"``.
    ``published`` is the date printed on the page or in the file name (None if neither says).
    A notice (``notice_reason`` set) carries no observations. ``notes`` say where the parser
    read the page other than literally (a slipped year in a date), so that it is on record.
    """

    kind: str
    file_name: str
    observations: list[Observation] = field(default_factory=list)
    published: dt.date | None = None
    notice_reason: str | None = None
    notes: list[str] = field(default_factory=list)
    #: rows for the store's other tables (``detections``, ``incidents``), by table name,
    #: for publications that are not daily or weekly series; ``span`` gives their first and
    #: last dates (a quarter's last day, an incident's date)
    tables: dict[str, "list[tuple] | pyarrow.Table"] = field(default_factory=dict)
    span: tuple[dt.date, dt.date] | None = None

    @property
    def is_notice(self) -> bool:
        return self.notice_reason is not None

    @property
    def n_rows(self) -> int:
        """Observations plus rows for the other tables."""
        return len(self.observations) + sum(len(rows) for rows in self.tables.values())

    @property
    def figures_from(self) -> dt.date | None:
        """The first date any figure in this publication covers."""
        if self.span is not None:
            return self.span[0]
        return min((o.date for o in self.observations), default=None)

    @property
    def figures_to(self) -> dt.date | None:
        """The last date any figure in this publication covers."""
        if self.span is not None:
            return self.span[1]
        return max((o.date for o in self.observations), default=None)

    @property
    def publication_date(self) -> dt.date | None:
        """The date on the page or in the file name, else the day after its last figure."""
        if self.published is not None:
            return self.published
        last = self.figures_to
        return last + dt.timedelta(days=1) if last else None
