"""The Home Office ODS time series: SB_01 (daily arrivals) and SB_02 (weekly, with preventions)."""

from __future__ import annotations

import datetime as dt
import io
import re

from python_calamine import CalamineWorkbook

from . import Observation, Publication, SourceError
from .limits import check_cell, check_zip

KIND = "ods"

#: Expected header of each sheet, and the metric each column carries (None: not a metric).
SHEETS: dict[str, tuple[str, tuple[tuple[str, str | None], ...]]] = {
    "SB_01": (
        "day",
        (
            ("Date", None),
            ("Migrants arrived", "arrivals"),
            ("Boats arrived", "boats"),
            ("Boats arrived - involved in uncontrolled landings", "uncontrolled_boats"),
        ),
    ),
    "SB_02": (
        "week",
        (
            ("Week ending", None),
            ("Migrants arrived", "arrivals"),
            ("Boats arrived", "boats"),
            ("Boats arrived - involved in uncontrolled landings", "uncontrolled_boats"),
            ("Migrants prevented", "prevented_people"),
            ("Events prevented", "prevented_events"),
        ),
    ),
}

_NAME_DATE = re.compile(r"^(\d{1,2})_([A-Za-z]+)_(\d{4})_")


def published_from_name(file_name: str) -> dt.date | None:
    """``01_May_2026_Small_boats_...ods`` -> 2026-05-01. ``fetched_...`` names give None:
    their date is when the file was downloaded, not when it was published."""
    m = _NAME_DATE.match(file_name.rsplit("/", 1)[-1])
    if not m:
        return None
    try:
        return dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date()
    except ValueError:
        return None


def _norm(text: object) -> str:
    return " ".join(str(text).split()).lower()


def _value(file_name: str, sheet: str, row_no: int, header: str, cell: object) -> int | None:
    if isinstance(cell, str) and cell.strip() in {"-", "–", ""}:
        if cell.strip() == "":
            raise SourceError(file_name, f"{sheet} row {row_no}: empty cell under '{header}'")
        return None
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        raise SourceError(file_name, f"{sheet} row {row_no}: expected a number or '-' under '{header}', found {cell!r}")
    if cell != int(cell) or cell < 0:
        raise SourceError(file_name, f"{sheet} row {row_no}: expected a whole number under '{header}', found {cell!r}")
    return int(cell)


def _column(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def _sheet(file_name: str, wb: CalamineWorkbook, sheet: str) -> list[Observation]:
    freq, columns = SHEETS[sheet]
    if sheet not in wb.sheet_names:
        raise SourceError(file_name, f"expected a sheet named {sheet}; found {wb.sheet_names}")
    rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    # The header is the first row whose first cell names the date column.
    want = [_norm(h) for h, _ in columns]
    start = next((i for i, r in enumerate(rows[:20]) if r and _norm(r[0]) == want[0]), None)
    if start is None:
        raise SourceError(file_name, f"{sheet}: expected a header row starting '{columns[0][0]}'")
    got = [_norm(c) for c in rows[start][: len(columns)]]
    if got != want:
        raise SourceError(file_name, f"{sheet}: expected columns {[h for h, _ in columns]}; found {rows[start][: len(columns)]}")
    out: list[Observation] = []
    previous: dt.date | None = None
    for n, row in enumerate(rows[start + 1 :], start=start + 2):
        if not row or all(c in ("", None) for c in row):
            continue
        for col, cell in enumerate(row):
            if type(cell) is str:
                check_cell(file_name, f"{sheet} cell {_column(col)}{n}", cell)
        first = row[0]
        if isinstance(first, dt.datetime):
            first = first.date()
        if not isinstance(first, dt.date):
            raise SourceError(file_name, f"{sheet} row {n}: expected a date in column A, found {first!r}")
        if len(row) < len(columns):
            raise SourceError(file_name, f"{sheet} row {n}: expected {len(columns)} columns, found {len(row)}")
        if previous is not None and first <= previous:
            raise SourceError(file_name, f"{sheet} row {n}: dates out of order ({first} after {previous})")
        if freq == "week" and first.weekday() != 6:
            raise SourceError(file_name, f"{sheet} row {n}: expected weeks ending on Sunday, found {first:%A %d %B %Y}")
        previous = first
        for (header, metric), cell in zip(columns[1:], row[1 : len(columns)]):
            # fast path: calamine gives whole numbers as floats
            if type(cell) is float and cell >= 0 and cell.is_integer():
                value: int | None = int(cell)
            else:
                value = _value(file_name, sheet, n, header, cell)
            out.append(Observation(freq, first, metric, value))  # type: ignore[arg-type]
    if not out:
        raise SourceError(file_name, f"{sheet}: expected data rows under the header; found none")
    return out


def parse(file_name: str, data: bytes) -> Publication:
    """Parse one ODS vintage. Raises :class:`SourceError` naming the file and the problem."""
    if not data:
        raise SourceError(file_name, "expected an ODS spreadsheet; found an empty file")
    check_zip(file_name, data, "ODS spreadsheet")
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for a broken zip/xml
        raise SourceError(file_name, f"expected an ODS spreadsheet; could not open it ({exc})") from None
    observations = _sheet(file_name, wb, "SB_01") + _sheet(file_name, wb, "SB_02")
    return Publication(KIND, file_name, observations, published=published_from_name(file_name))

