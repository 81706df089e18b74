"""The IOM Missing Migrants Project's incidents (Europe extract, CSV; CC BY 4.0, "IOM Missing
Migrants Project"): one row per incident with its date, numbers dead and missing, cause,
route and place.

The file is one vintage of ``incidents``; its publication date is the day after its last
incident (the extract carries no date of its own). The columns must be exactly
:data:`HEADER`; numbers are whole numbers or ``NA`` (not known, kept as null; a "Split
Incident" may carry a negative number, IOM's correction of a part counted elsewhere), and
``No. dead/missing`` must equal dead plus missing where both are known. Anything else is an
error naming the file and what was expected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from . import Publication, SourceError

KIND = "iom"
ATTRIBUTION = "IOM Missing Migrants Project (CC BY 4.0)"

HEADER = ("Main ID", "Incident ID", "Incident Type", "Region of Incident", "Incident date", "Incident year",
          "Incident month", "No. dead", "No. missing", "No. dead/missing", "No. survivors", "No. Female", "No. Male",
          "No. minors", "Country of Origin", "Region of Origin", "Cause of death (category)",
          "Cause of death (reported)", "Route", "Country of Incident", "Location of death", "UNSD region", "Source",
          "Link", "Source Quality", "Latitude", "Longitude", "incident_date_clean", "incident_date_raw",
          "incident_date_precision", "source_dataset")
_COL = {name: i for i, name in enumerate(HEADER)}
#: the columns stored, in the store's ``incidents`` order (after vintage_id)
STORED = ("incident_id", "date", "dead", "missing", "dead_missing", "survivors", "female", "male", "minors",
          "country_of_origin", "cause", "route", "country", "location", "latitude", "longitude", "source", "link")


def _int(file_name: str, line: int, column: str, text: str, required: bool = False) -> int | None:
    if text == "NA" and not required:
        return None
    if text.isdigit() or (text[:1] == "-" and text[1:].isdigit()):
        return int(text)
    raise SourceError(file_name, f"row {line}: expected a whole number{'' if required else ' or NA'} under "
                                 f"{column!r}, found {text!r}")


def _float(file_name: str, line: int, column: str, text: str) -> float | None:
    if text in ("NA", ""):
        return None
    try:
        return float(text)
    except ValueError:
        raise SourceError(file_name, f"row {line}: expected a number under {column!r}, found {text!r}") from None


def parse(file_name: str, data: bytes) -> Publication:
    """Parse one IOM Missing Migrants CSV. Raises :class:`SourceError` naming the file and the problem."""
    if not data:
        raise SourceError(file_name, "expected the IOM Missing Migrants CSV; found an empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(file_name, "expected a UTF-8 CSV file (IOM Missing Migrants); it is not text") from None
    reader = csv.reader(io.StringIO(text))
    header = tuple(next(reader, ()))
    if header != HEADER:
        missing = [c for c in HEADER if c not in header]
        raise SourceError(file_name, f"expected the IOM Missing Migrants columns {list(HEADER)}; "
                                     f"found {list(header)}" + (f" (missing {missing})" if missing else ""))
    c = _COL
    rows: list[tuple] = []
    seen: set[str] = set()
    for line, r in enumerate(reader, start=2):
        if not r:
            continue
        if len(r) != len(HEADER):
            raise SourceError(file_name, f"row {line}: expected {len(HEADER)} columns, found {len(r)}")
        iid = r[c["Incident ID"]]
        if not iid or iid in seen:
            raise SourceError(file_name, f"row {line}: expected a new Incident ID, found {iid!r}")
        seen.add(iid)
        try:
            day = dt.date.fromisoformat(r[c["Incident date"]])
        except ValueError:
            raise SourceError(file_name, f"row {line}: expected an incident date (YYYY-MM-DD), found {r[c['Incident date']]!r}") from None
        if str(day.year) != r[c["Incident year"]]:
            raise SourceError(file_name, f"row {line}: incident year {r[c['Incident year']]!r} does not match its date {day}")
        dead = _int(file_name, line, "No. dead", r[c["No. dead"]])
        missing = _int(file_name, line, "No. missing", r[c["No. missing"]])
        total = _int(file_name, line, "No. dead/missing", r[c["No. dead/missing"]], required=True)
        if dead is not None and missing is not None and dead + missing != total:
            raise SourceError(file_name, f"row {line}: No. dead ({dead}) + No. missing ({missing}) is not No. dead/missing ({total})")
        if not r[c["Route"]]:
            raise SourceError(file_name, f"row {line}: expected a route")
        rows.append((iid, day, dead, missing, total,
                     *(_int(file_name, line, k, r[c[k]]) for k in ("No. survivors", "No. Female", "No. Male", "No. minors")),
                     r[c["Country of Origin"]], r[c["Cause of death (category)"]], r[c["Route"]],
                     r[c["Country of Incident"]], r[c["Location of death"]],
                     _float(file_name, line, "Latitude", r[c["Latitude"]]),
                     _float(file_name, line, "Longitude", r[c["Longitude"]]),
                     r[c["Source"]], r[c["Link"]]))
    if not rows:
        raise SourceError(file_name, "expected incident rows under the header; found none")
    first, last = min(r[1] for r in rows), max(r[1] for r in rows)
    return Publication(KIND, file_name, published=last + dt.timedelta(days=1), tables={"incidents": rows}, span=(first, last),
                       notes=["publication date: the day after the last incident (the extract carries no date)"])
