"""Series as of a date: the daily record from the store, and the calendar its days are summed
over (days, weeks, months, years).

Weeks run Monday to Sunday, as the Home Office's do (SB_02 shows each week on its Sunday).
The sums themselves are :func:`smallboats.questions.series`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from .store import Store

if TYPE_CHECKING:  # the functions of numpy arrays import numpy when called: the questions do not need it
    import numpy as np
    import pandas as pd

Freq = Literal["day", "week", "month", "year"]


def daily(store: Store, as_of: dt.date | None = None, start: dt.date | None = None,
          end: dt.date | None = None) -> pd.DataFrame:
    """The daily record as known on ``as_of``, between ``start`` and ``end`` inclusive."""
    df = store.daily(as_of)
    if start is not None:
        df = df[df["date"] >= start]
    if end is not None:
        df = df[df["date"] <= end]
    return df.reset_index(drop=True)


def date_slice(dates: np.ndarray, start: dt.date, end: dt.date) -> slice:
    """The rows of sorted ``dates`` (datetime64[D]) from ``start`` to ``end`` inclusive."""
    import numpy as np

    return slice(int(np.searchsorted(dates, np.datetime64(start, "D"), "left")),
                 int(np.searchsorted(dates, np.datetime64(end, "D"), "right")))


def period_start(dates: np.ndarray, freq: str) -> np.ndarray:
    """The first day of the ``freq`` period of each date (datetime64[D])."""
    import numpy as np

    if freq == "day":
        return dates
    if freq == "week":  # 1970-01-01 was a Thursday: day n is a Monday when (n + 3) % 7 == 0
        return dates - ((dates.astype("int64") + 3) % 7).astype("timedelta64[D]")
    unit = "M" if freq == "month" else "Y"
    return dates.astype(f"datetime64[{unit}]").astype("datetime64[D]")


def period_end(starts: np.ndarray, freq: str) -> np.ndarray:
    """The last day of the ``freq`` period starting on each of ``starts`` (datetime64[D])."""
    import numpy as np

    if freq == "day":
        return starts
    if freq == "week":
        return starts + np.timedelta64(6, "D")
    unit = "M" if freq == "month" else "Y"
    return (starts.astype(f"datetime64[{unit}]") + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
