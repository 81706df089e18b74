"""Where figures come from, in one line: the publication, or a summary of many.

"the 14 November 2025 time series", or "254 MoD daily pages, April 2022 – January 2023, and
the 14 November 2025 time series". The full list of files stays in the answer (the check
report's ``vintages``); this is the line a reader sees first.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Iterable, Protocol

#: Daily and weekly pages published before this date are the Ministry of Defence's (2022-23);
#: later ones are the Home Office's "last 7 days" and weekly summary pages.
MOD_UNTIL = dt.date(2024, 1, 1)


class Publication(Protocol):
    kind: str
    published: dt.date


def _label(kind: str, published: dt.date) -> tuple[str, str]:
    """Singular and plural names of a publication's kind."""
    mod = "MoD " if published < MOD_UNTIL and kind != "ods" else ""
    if kind == "ods":
        return "time series", "time series"
    if kind == "daily_page":
        return f"{mod}daily page", f"{mod}daily pages"
    if kind == "weekly_page":
        return f"{mod}weekly page", f"{mod}weekly pages"
    return kind.replace("_", " "), kind.replace("_", " ") + "s"


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def _span(first: dt.date, last: dt.date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    if first.year == last.year:
        return f"{first:%B} – {last:%B %Y}"
    return f"{first:%B %Y} – {last:%B %Y}"


def summary(vintages: Iterable[Publication]) -> str:
    """One line naming the publications: each kind (MoD pages apart) as one publication
    ("the 14 November 2025 time series") or a count over the months they span, oldest kind first."""
    items = sorted(vintages, key=lambda v: (_label(v.kind, v.published)[1], v.published))
    if not items:
        return "no publication"
    parts: list[tuple[dt.date, str]] = []
    for (_, plural), grp in groupby(items, key=lambda v: _label(v.kind, v.published)):
        group = list(grp)
        dates = sorted({v.published for v in group})
        if len(group) == 1 or len(dates) == 1:
            singular = _label(group[0].kind, group[0].published)[0]
            text = f"the {_day(dates[0])} {singular}" if len(group) == 1 else f"{len(group)} {plural} of {_day(dates[0])}"
        else:
            text = f"{len(group):,} {plural}, {_span(dates[0], dates[-1])}"
        parts.append((dates[0], text))
    texts = [t for _, t in sorted(parts)]
    if len(texts) == 1:
        return texts[0]
    last = ", and " if len(texts) > 2 or "," in texts[0] else " and "
    return ", ".join(texts[:-1]) + last + texts[-1]
