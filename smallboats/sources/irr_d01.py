"""The Home Office's Irregular migration detailed dataset, table Irr_D01: detections by quarter,
method of entry, nationality, world region, sex and age group, from 2018 Q1.

Two formats of the same table, each a parser:

* :func:`parse_csv`, the tidy CSV (``irr_csv``): columns ``Date`` (the quarter's first day in
  releases up to May 2023, its last day after), ``Year``, ``Quarter``, ``Method of entry``,
  ``Nationality``, ``Region``, ``Sex``, ``Age Group``, ``Number of detections``;
* :func:`parse_xlsx`, the Home Office's own workbook (``irr_xlsx``): sheet ``Data - Irr_D01``,
  a title row, the header ``Year``, ``Quarter`` (``2018 Q1``), ... , ``Number of detections``,
  and an ``End of table`` row; its ``Cover_sheet`` says when it was published.

Each gives a table ``(quarter_end, method, nationality, region, sex, age_group, value)`` for the
store's ``detections`` table, validated column by column with pyarrow (which also reads the CSV). The age groups of the first releases (``Under 18``, ``18-24``,
``25-39``, ``40+``) are the later ones renamed (``17 and under``, ``18 to 24``, ``25 to 39``,
``40 and over``) and are stored under the later names, which the publication's notes record.
Anything else unexpected (a column, a method of entry, a sex or age group not in the lists
below, a quarter that does not match its date, a count that is not a whole number, the same
row twice) is an error naming the file and what was expected: nothing is guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from . import Publication, SourceError
from .irr import SMALL_BOATS

CSV_KIND = "irr_csv"
XLSX_KIND = "irr_xlsx"
SHEET = "Data - Irr_D01"

CSV_HEADER = ("Date", "Year", "Quarter", "Method of entry", "Nationality", "Region", "Sex", "Age Group",
              "Number of detections")
XLSX_HEADER = ("Year", "Quarter", "Method of entry", "Nationality", "Region", "Sex", "Age Group", "Number of detections")

METHODS = frozenset({"Inadequately documented air arrivals", "Recorded detections at UK ports",
                     "Recorded detections in the UK", SMALL_BOATS})
SEXES = frozenset({"Female", "Male", "Unknown", "Not currently recorded", "N/A"})
#: age groups as stored; the first releases' names map onto them
AGE_GROUPS = ("17 and under", "18 to 24", "25 to 39", "40 and over", "Unknown", "Not currently recorded", "N/A")
OLD_AGE_NAMES = {"Under 18": "17 and under", "18-24": "18 to 24", "25-39": "25 to 39", "40+": "40 and over"}
_AGES = {**{a: a for a in AGE_GROUPS}, **OLD_AGE_NAMES}

#: the stored columns of ``detections`` (after vintage_id)
COLUMNS = ("quarter_end", "method", "nationality", "region", "sex", "age_group", "value")


_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_from_name(file_name: str) -> dt.date | None:
    """The first ISO date in the file name (``fetched_2023-03-09_...``: the day the copy was taken)."""
    m = _NAME_DATE.search(file_name.rsplit("/", 1)[-1])
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


def _first(mask: pa.Array | pa.ChunkedArray) -> int | None:
    """The position of the first true (or null) value, or None."""
    hits = np.flatnonzero(pc.fill_null(mask, True).to_numpy(zero_copy_only=False))
    return int(hits[0]) if len(hits) else None


def _text(values: list) -> pa.Array:
    return pa.array(values, pa.string())


_END = pa.array(["", "-03-31", "-06-30", "-09-30", "-12-31"])
_START = pa.array(["", "-01-01", "-04-01", "-07-01", "-10-01"])


def _table(file_name: str, t: pa.Table, notes: list[str], first_row: int) -> pa.Table:
    """Validate every row at once (pyarrow compute) and give the detections table. ``t`` has text
    columns year, quarter, date (null where the format has none), method, nationality, region,
    sex, age, count; row numbers in errors count from ``first_row``."""
    if t.num_rows == 0:
        raise SourceError(file_name, "expected Irr_D01 data rows under the header; found none")
    c = {name: t.column(name).combine_chunks() for name in t.column_names}

    def fail(mask, problem) -> None:
        if (pos := _first(mask)) is not None:
            raise SourceError(file_name, f"row {pos + first_row}: {problem(pos)}")

    fail(pc.invert(pc.and_(pc.match_substring_regex(c["year"], r"^20\d\d$"), pc.is_in(c["quarter"], _text(["1", "2", "3", "4"])))),
         lambda i: f"expected a year and a quarter 1-4, found {c['year'][i].as_py()!r} Q{c['quarter'][i].as_py()!r}")
    q = pc.cast(c["quarter"], pa.int64())
    end_text = pc.binary_join_element_wise(c["year"], pc.take(_END, q), "")
    if c["date"].null_count < len(c["date"]):
        at_start = pc.equal(c["date"], pc.binary_join_element_wise(c["year"], pc.take(_START, q), ""))
        fail(pc.invert(pc.or_(at_start, pc.equal(c["date"], end_text))),
             lambda i: f"date {c['date'][i].as_py()} is neither the first nor the last day of {c['year'][i]} Q{c['quarter'][i]}")
        if n := pc.sum(at_start).as_py():
            notes.append(f"{n:,} rows dated by the quarter's first day; stored by its last day")
    fail(pc.invert(pc.is_in(c["method"], _text(sorted(METHODS)))),
         lambda i: f"expected a method of entry in {sorted(METHODS)}, found {c['method'][i].as_py()!r}")
    fail(pc.invert(pc.is_in(c["sex"], _text(sorted(SEXES)))),
         lambda i: f"expected a sex in {sorted(SEXES)}, found {c['sex'][i].as_py()!r}")
    names = list(_AGES)
    where = pc.index_in(c["age"], _text(names))
    fail(pc.is_null(where), lambda i: f"expected an age group in {[*AGE_GROUPS, *OLD_AGE_NAMES]}, found {c['age'][i].as_py()!r}")
    ages = pc.take(_text([_AGES[n] for n in names]), where)
    if renamed := pc.sum(pc.not_equal(ages, c["age"])).as_py():
        notes.append(f"{renamed:,} rows with the first releases' age-group names (Under 18, 18-24, 25-39, 40+), "
                     "stored under the later ones (17 and under, 18 to 24, 25 to 39, 40 and over)")
    fail(pc.or_(pc.equal(pc.utf8_length(c["nationality"]), 0), pc.equal(pc.utf8_length(c["region"]), 0)),
         lambda i: f"expected a nationality and a region, found {c['nationality'][i].as_py()!r}, {c['region'][i].as_py()!r}")
    fail(pc.invert(pc.match_substring_regex(c["count"], r"^\d+$")),
         lambda i: f"expected a whole number of detections, found {c['count'][i].as_py()!r}")
    out = pa.table({"quarter_end": pc.cast(end_text, pa.date32()), "method": c["method"], "nationality": c["nationality"],
                    "region": c["region"], "sex": c["sex"], "age_group": ages, "value": pc.cast(c["count"], pa.int64())})
    keys = list(COLUMNS[:-1])
    if out.group_by(keys).aggregate([]).num_rows != out.num_rows:  # rare: find the first repeated row
        seen: set[tuple] = set()
        for i, row in enumerate(zip(*(out.column(k).to_pylist() for k in keys))):
            if row in seen:
                raise SourceError(file_name, f"row {i + first_row}: the same quarter, method, nationality, region, sex "
                                             "and age group twice")
            seen.add(row)
    return out


def _publication(kind: str, file_name: str, rows: pa.Table, published: dt.date | None, notes: list[str]) -> Publication:
    ends = rows.column("quarter_end")
    first, last = pc.min(ends).as_py(), pc.max(ends).as_py()
    span = (dt.date(first.year, first.month - 2, 1), last)
    if published is None:
        published = last + dt.timedelta(days=1)
        notes.append("no publication date in the file or its name: taken as the day after its last quarter")
    return Publication(kind, file_name, published=published, notes=notes, tables={"detections": rows}, span=span)


def parse_csv(file_name: str, data: bytes) -> Publication:
    """Parse one tidy CSV of Irr_D01. Its publication date is the date in its name (the day
    the copy was taken, on or a few days after the release)."""
    if not data:
        raise SourceError(file_name, "expected an Irr_D01 tidy CSV; found an empty file")
    try:
        head = data.split(b"\n", 1)[0].decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(file_name, "expected a UTF-8 CSV file (Irr_D01 tidy); it is not text") from None
    header = tuple(next(csv.reader([head.rstrip("\r")]), ()))
    if header != CSV_HEADER:
        raise SourceError(file_name, f"expected the Irr_D01 tidy CSV columns {list(CSV_HEADER)}; found {list(header)}")
    names = ["date", "year", "quarter", "method", "nationality", "region", "sex", "age", "count"]
    try:
        table = pcsv.read_csv(io.BytesIO(data), read_options=pcsv.ReadOptions(skip_rows=1, column_names=names),
                              convert_options=pcsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                                  strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise SourceError(file_name, f"expected {len(CSV_HEADER)} columns on every row of UTF-8 text ({exc})") from None
    notes: list[str] = []
    table = table.append_column("date_", table.column("date")).drop_columns(["date"]).rename_columns(
        [n if n != "date_" else "date" for n in [*names[1:], "date_"]])
    rows = _table(file_name, table, notes, first_row=2)
    published = date_from_name(file_name)
    if published is not None:
        notes.insert(0, "publication date: the date in the file name (when the copy was taken; the release may be a few days older)")
    return _publication(CSV_KIND, file_name, rows, published, notes)


_PUBLISHED = re.compile(r"^\s*Published:\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$")
_QUARTER = re.compile(r"^(\d{4}) Q([1-4])$")


def parse_xlsx(file_name: str, data: bytes) -> Publication:
    """Parse the ``Data - Irr_D01`` sheet of the Home Office's detailed-dataset workbook; its
    publication date is the cover sheet's ``Published:`` line (else the date in its name)."""
    from python_calamine import CalamineWorkbook

    if not data:
        raise SourceError(file_name, "expected the Home Office's irregular migration detailed dataset (.xlsx); found an empty file")
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for a broken zip/xml
        raise SourceError(file_name, f"expected an .xlsx workbook; could not open it ({exc})") from None
    if SHEET not in wb.sheet_names:
        raise SourceError(file_name, f"expected a sheet named {SHEET!r}; found {wb.sheet_names}")
    table = wb.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
    start = next((i for i, r in enumerate(table[:10]) if r and str(r[0]).strip() == XLSX_HEADER[0]), None)
    if start is None:
        raise SourceError(file_name, f"{SHEET}: expected a header row starting {XLSX_HEADER[0]!r}")
    header = tuple(str(c).strip() for c in table[start][: len(XLSX_HEADER)])
    if header != XLSX_HEADER or any(str(c).strip() for c in table[start][len(XLSX_HEADER):]):
        raise SourceError(file_name, f"{SHEET}: expected the columns {list(XLSX_HEADER)}; found {[c for c in table[start] if c != '']}")
    body = []
    ended = False
    for line, r in enumerate(table[start + 1:], start=start + 2):
        if not r or all(c in ("", None) for c in r):
            continue
        if str(r[0]).strip() == "End of table":
            ended = True
            break
        if len(r) < len(XLSX_HEADER) or any(c not in ("", None) for c in r[len(XLSX_HEADER):]):
            raise SourceError(file_name, f"{SHEET} row {line}: expected {len(XLSX_HEADER)} columns")
        body.append((line, *r[: len(XLSX_HEADER)]))
    if not ended:
        raise SourceError(file_name, f"{SHEET}: expected an 'End of table' row after the data; the table stops without one")
    if body and body[-1][0] - body[0][0] != len(body) - 1:
        raise SourceError(file_name, f"{SHEET}: expected the data rows without gaps")
    def whole(v: object) -> str:
        return str(int(v)) if isinstance(v, float) and v.is_integer() and v >= 0 else repr(v)

    years, quarters = [], []
    for line, year, label, *_ in body:
        m = _QUARTER.match(str(label).strip())
        if not m or m.group(1) != whole(year):
            raise SourceError(file_name, f"{SHEET} row {line}: expected a year and its quarter ('2018 Q1'), found {year!r}, {label!r}")
        years.append(m.group(1))
        quarters.append(m.group(2))
    cols = {"year": years, "quarter": quarters, "date": [None] * len(body)}
    for i, name in enumerate(("method", "nationality", "region", "sex", "age"), start=3):
        cols[name] = [str(r[i]).strip() for r in body]
    cols["count"] = [whole(r[8]) for r in body]
    notes: list[str] = []
    rows = _table(file_name, pa.table({k: _text(v) for k, v in cols.items()}), notes, first_row=body[0][0] if body else start + 2)
    published = None
    if "Cover_sheet" in wb.sheet_names:
        for r in wb.get_sheet_by_name("Cover_sheet").to_python()[:20]:
            m = _PUBLISHED.match(str(r[0]) if r else "")
            if m:
                published = dt.datetime.strptime(m.group(1), "%d %B %Y").date()
                notes.insert(0, "publication date: the cover sheet's 'Published:' line")
                break
    if published is None and (published := date_from_name(file_name)) is not None:
        notes.insert(0, "publication date: the date in the file name (no 'Published:' line on a cover sheet)")
    return _publication(XLSX_KIND, file_name, rows, published, notes)
