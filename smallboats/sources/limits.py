"""Bounds on what a published file may be, checked before and after parsing.

Before: a page over :data:`MAX_PAGE_BYTES`, a spreadsheet (ODS/XLSX, a zip) whose members
unzip to more than :data:`MAX_UNZIPPED_BYTES` (counted while decompressing, so a zip that
lies about its sizes is caught too), or a spreadsheet cell over :data:`MAX_CELL_CHARS` is
refused. After: figures dated after the file's own publication date, or more than
:data:`FUTURE_DAYS` after the day it was read, or before :data:`FIRST_DAY`, and counts over
:data:`MAX_COUNT` are refused. Each refusal is a :class:`SourceError` naming the file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from . import Publication, SourceError

MAX_PAGE_BYTES = 5_000_000  # a gov.uk page is ~100-300 kB
MAX_ZIP_BYTES = 50_000_000  # the ODS time series is ~1 MB on disk
MAX_UNZIPPED_BYTES = 64_000_000  # ...and ~2.5 MB unzipped
MAX_CELL_CHARS = 10_000
#: No count the Home Office publishes comes near this (the busiest year had ~46,000 people).
MAX_COUNT = 1_000_000
#: A figure dated more than this many days after the day the file was read is refused.
FUTURE_DAYS = 3
#: Small-boat figures start in 2018; anything before 2000 is a misread date.
FIRST_DAY = dt.date(2000, 1, 1)


def check_page(file_name: str, data: bytes) -> None:
    if len(data) > MAX_PAGE_BYTES:
        raise SourceError(file_name, f"the page is {len(data) / 1e6:.1f} MB; a gov.uk page is at most "
                                     f"{MAX_PAGE_BYTES / 1e6:g} MB, so it was not read")


def check_zip(file_name: str, data: bytes, what: str = "spreadsheet") -> None:
    """Refuse a zip-based spreadsheet that is too big on disk or when unzipped (read through,
    chunk by chunk, never holding more than a chunk)."""
    if len(data) > MAX_ZIP_BYTES:
        raise SourceError(file_name, f"the {what} is {len(data) / 1e6:.1f} MB; at most {MAX_ZIP_BYTES / 1e6:g} MB is read")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise SourceError(file_name, f"expected a {what} (a zip file); could not open it ({exc})") from None
    total = 0
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            try:
                with zf.open(info) as member:
                    while chunk := member.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_UNZIPPED_BYTES:
                            raise SourceError(file_name, f"the {what} unzips to over {MAX_UNZIPPED_BYTES / 1e6:g} MB "
                                                         f"(at {info.filename}); it was not read")
            except SourceError:
                raise
            except Exception as exc:  # a corrupt member: bad CRC, unknown compression, truncated data
                raise SourceError(file_name, f"{info.filename} inside the {what} is damaged "
                                             f"({type(exc).__name__}: {exc})") from None


def check_cell(file_name: str, where: str, cell: object) -> None:
    if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
        raise SourceError(file_name, f"{where}: a cell of {len(cell):,} characters (at most {MAX_CELL_CHARS:,} are read)")


def validate(pub: Publication, today: dt.date | None = None) -> Publication:
    """Refuse figures from the future, before any record, or beyond any plausible count."""
    today = today or dt.date.today()
    name = pub.file_name
    if not pub.observations:
        return pub
    first = min(o.date for o in pub.observations)
    last = max(o.date for o in pub.observations)
    if first < FIRST_DAY:
        raise SourceError(name, f"has figures dated {first.isoformat()}, before any small-boat record")
    if last > today + dt.timedelta(days=FUTURE_DAYS):
        raise SourceError(name, f"has figures dated {last.isoformat()}, after the day it was read ({today.isoformat()}): "
                                "figures from the future are refused")
    # a week's figures are dated by the Sunday ending it, which may fall after a mid-week publication
    if pub.published is not None:
        grace = 6 if any(o.freq == "week" for o in pub.observations if o.date == last) else 0
        if last > pub.published + dt.timedelta(days=grace):
            raise SourceError(name, f"has figures dated {last.isoformat()}, after its own publication date "
                                    f"({pub.published.isoformat()})")
    if pub.published is not None and pub.published > today + dt.timedelta(days=FUTURE_DAYS):
        raise SourceError(name, f"says it was published on {pub.published.isoformat()}, after the day it was read "
                                f"({today.isoformat()})")
    for o in pub.observations:
        if o.value is not None and not 0 <= o.value <= MAX_COUNT:
            raise SourceError(name, f"{o.metric} on {o.date.isoformat()} is {o.value:,}: not a plausible count "
                                    f"(at most {MAX_COUNT:,})")
    return pub
