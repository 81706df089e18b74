"""What the questions about the quarterly statistics (table Irr_D01, :mod:`.irr_d01`) need of
them without its parser, which reads with pyarrow: the method of entry of small boats and the
calendar quarters."""

from __future__ import annotations

import datetime as dt

SMALL_BOATS = "Small boat arrivals"


def quarter_end(year: int, quarter: int) -> dt.date:
    month = 3 * quarter
    return dt.date(year, month, 31 if month in (3, 12) else 30)


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)
