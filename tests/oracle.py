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


# -- the quarterly statistics (Irr_D01) and the IOM's incidents, read with the standard library --

IRR_DIR = ODS_DIR.parent / "irregular-migration"
IOM_FILE = ODS_DIR.parent.parent / "iom" / "missing_migrants_europe_2014-2026.csv.xz"
IRR_CSVS = sorted(p.name for p in IRR_DIR.glob("*_tidy.csv.xz"))  # the five tidy releases
IRR_XLSX = next(p.name for p in IRR_DIR.glob("*.xlsx"))
SMALL_BOATS = "Small boat arrivals"


@cache
def irr_rows(name: str) -> tuple[tuple[int, int, str, str, str, str, int], ...]:
    """(year, quarter, method, nationality, sex, age group, count) of every row of one release:
    a tidy CSV (``.csv.xz``) or the Home Office workbook's 'Data - Irr_D01' sheet."""
    import csv
    import io
    import lzma

    path = IRR_DIR / name
    if name.endswith(".xlsx"):
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data - Irr_D01").to_python()
        return tuple((int(r[0]), int(str(r[1])[-1]), r[2], r[3], r[5], r[6], int(r[7]))
                     for r in rows if isinstance(r[0], float))
    text = lzma.decompress(path.read_bytes()).decode("utf-8-sig")
    return tuple((int(r["Year"]), int(r["Quarter"]), r["Method of entry"], r["Nationality"], r["Sex"], r["Age Group"],
                  int(r["Number of detections"])) for r in csv.DictReader(io.StringIO(text)))


def small_boats_by_year(name: str) -> dict[int, int]:
    """Small-boat arrivals per year in one release."""
    out: dict[int, int] = {}
    for year, _, method, *_, n in irr_rows(name):
        if method == SMALL_BOATS:
            out[year] = out.get(year, 0) + n
    return out


def top_nationalities(name: str, year: int, n: int = 10) -> list[tuple[str, int]]:
    """The ``n`` nationalities with the most small-boat arrivals in ``year`` (ties by name)."""
    totals: dict[str, int] = {}
    for y, _, method, nationality, *_, count in irr_rows(name):
        if y == year and method == SMALL_BOATS:
            totals[nationality] = totals.get(nationality, 0) + count
    return sorted(((k, v) for k, v in totals.items() if v), key=lambda kv: (-kv[1], kv[0]))[:n]


@cache
def iom_route_rows() -> tuple[dict[str, str], ...]:
    """The IOM incidents on the route to the UK, as CSV dicts."""
    import csv
    import io
    import lzma

    text = lzma.decompress(IOM_FILE.read_bytes()).decode("utf-8-sig")
    return tuple(r for r in csv.DictReader(io.StringIO(text))
                 if r["Route"] in ("Mainland Europe to the UK", "English Channel to the UK"))


def iom_by_year(column: str = "No. dead/missing", through: dt.date | None = None) -> dict[int, int]:
    """Sum of ``column`` per incident year on the route to the UK (NA as 0), incidents dated by ``through``."""
    out: dict[int, int] = {}
    for r in iom_route_rows():
        if through is not None and dt.date.fromisoformat(r["Incident date"]) > through:
            continue
        y = int(r["Incident year"])
        out[y] = out.get(y, 0) + (0 if r[column] == "NA" else int(r[column]))
    return out
