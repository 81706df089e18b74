"""Independent readings of the bundled ODS files, for tests to compare the product with.

Straight from python_calamine: no smallboats code, so a figure the product prints is checked
against the source rows, never against itself.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from python_calamine import CalamineWorkbook

ODS_DIR = Path(__file__).resolve().parent.parent / "data" / "homeoffice" / "time-series"
NEWEST = ODS_DIR / "fetched_2026-08-21_Small_boats_-_time_series.ods"
OLDEST = ODS_DIR / "14_November_2025_Small_boats_-_time_series.ods"
DEC_12 = ODS_DIR / "12_December_2025_Small_boats_-_time_series.ods"

#: Column of each metric in a row of :func:`sheet` (SB_01 has the first three).
COLUMN = {"arrivals": 0, "boats": 1, "uncontrolled_boats": 2, "prevented_people": 3, "prevented_events": 4}


def _num(cell: object) -> int | None:
    return None if isinstance(cell, str) and cell.strip() in {"-", "–"} else int(cell)  # type: ignore[arg-type]


@cache
def sheet(path: Path | str = NEWEST, name: str = "SB_01") -> dict[dt.date, tuple[int | None, ...]]:
    """Date (a day, or the Sunday ending a week) -> the row's figures, in sheet order:
    arrivals, boats, uncontrolled boats (and for SB_02 prevented people, prevented events).
    "-" is None. ``path`` may be a file name in the bundled time-series folder."""
    path = Path(path) if Path(path).is_absolute() else ODS_DIR / path
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    width = 5 if name == "SB_02" else 3
    return {r[0].date(): tuple(_num(c) for c in r[1 : 1 + width]) for r in rows if isinstance(r[0], dt.datetime)}


def span(a: dt.date, b: dt.date, path: Path | str = NEWEST) -> tuple[int, int]:
    """Arrivals and boats from ``a`` to ``b`` inclusive, summed from SB_01 (every day present)."""
    rows = [v for d, v in sheet(path).items() if a <= d <= b]
    assert len(rows) == (b - a).days + 1, f"{path} does not cover {a} to {b}"
    return sum(r[0] for r in rows), sum(r[1] for r in rows)
