"""Saved copies of the gov.uk daily small-boats page.

Three layouts carry figures or say why they don't:

* 2022-23 Ministry of Defence: "The data below is for the 24-hour period 00:00 to 23:59
  31 May 2022." followed by a list "Number of migrants detected in small boats: 249", ...
  (a page may hold more than one such period);
* from December 2025, "Small boat arrivals: last 7 days": a table of 7 dates with
  Migrants arrived, Boats arrived, Boats involved in uncontrolled landings and Notes;
* notices without figures: the retired MoD address ("this is a legacy page and will no
  longer be updated") and, for a few days in February 2023, the MoD page saying the daily
  figures are now published on a new page.
"""

from __future__ import annotations

import datetime as dt
import re

from selectolax.lexbor import LexborNode

from . import Observation, Publication, SourceError
from ._html import DAY, clean, content, fix_year, load, make_day, parse_count, parse_day, published, read_table

KIND = "daily_page"

_PERIOD = re.compile(rf"^The data below is for the 24-hour period 00:00 to 23:59 {DAY}\.?$")
_MOD_LABELS = {
    "Number of migrants detected in small boats": "arrivals",
    "Number of boats detected": "boats",
    "Number of boats known by the MOD to be involved in uncontrolled landings": "uncontrolled_boats",
}
_TABLE_HEADER = ("Date", "Migrants arrived", "Boats arrived", "Boats involved in uncontrolled landings", "Notes")
_TABLE_METRICS = ("arrivals", "boats", "uncontrolled_boats")
_SPAN = 14  # days: how far a table date may lie from the middle one
_NOTICES = (
    ("this is a legacy page and will no longer be updated", "legacy page, no longer updated"),
    ("publication of daily small boat crossing numbers will continue here",
     "moved: daily figures now published on a new page"),
)


def parse(file_name: str, data: bytes) -> Publication:
    """Read one saved daily page: its figures, or the notice it carries instead."""
    tree = load(file_name, data)
    body = content(file_name, tree)
    text = clean(body.text(separator=" "))
    when = published(file_name, tree)
    if "24-hour period" in text:
        return Publication(KIND, file_name, _mod_periods(file_name, body, text), when)
    if "last 7 days" in text:
        notes: list[str] = []
        return Publication(KIND, file_name, _last_7_days(file_name, body, notes), when, notes=notes)
    for phrase, reason in _NOTICES:
        if phrase in text:
            return Publication(KIND, file_name, published=when, notice_reason=reason)
    raise SourceError(
        file_name,
        "expected the MoD '24-hour period' figures, the 'last 7 days' table or a legacy/moved "
        f"notice; found {text[:120]!r}",
    )


def _mod_periods(file_name: str, body: LexborNode, text: str) -> list[Observation]:
    """Each '24-hour period' heading and the list of counts that follows it (notes between
    the two, such as the 14 December 2022 note, are allowed)."""
    children = list(body.iter())
    observations: list[Observation] = []
    days: set[dt.date] = set()
    for i, node in enumerate(children):
        m = _PERIOD.match(clean(node.text()))
        if m is None:
            continue
        day = make_day(file_name, *m.groups())
        if day in days:
            raise SourceError(file_name, f"expected each 24-hour period once; found {day} twice")
        days.add(day)
        counts = next((n for n in children[i + 1 :] if n.tag in ("ul", "h2", "h3")), None)
        if counts is None or counts.tag != "ul":
            raise SourceError(file_name, f"expected a list of counts after the 24-hour period {day}; found none")
        observations += _mod_counts(file_name, day, counts)
    found = text.count("The data below is for")
    if found != len(days):
        raise SourceError(
            file_name, f"expected a 24-hour period heading for each of {found} 'The data below'; found {len(days)}"
        )
    return observations


def _mod_counts(file_name: str, day: dt.date, items: LexborNode) -> list[Observation]:
    """"Label: count" items (prose items without a count are skipped); migrants and boats
    are required, uncontrolled landings optional (not reported before June 2022)."""
    values: dict[str, int | None] = {}
    for item in items.css("li"):
        text = clean(item.text())
        label, sep, count = text.rpartition(":")
        if not sep and not any(c.isdigit() for c in text):
            continue
        metric = _MOD_LABELS.get(label)
        if metric is None or metric in values:
            raise SourceError(file_name, f"expected items like 'Number of boats detected: 8' for {day}; found {text!r}")
        values[metric] = parse_count(file_name, count)
    if not {"arrivals", "boats"} <= values.keys():
        raise SourceError(file_name, f"expected migrant and boat counts for {day}; found {sorted(values)}")
    return [Observation("day", day, metric, value) for metric, value in values.items()]


def _last_7_days(file_name: str, body: LexborNode, notes: list[str]) -> list[Observation]:
    """The table of recent dates; each row gives arrivals, boats and uncontrolled landings.

    Usually 7 consecutive dates, once 8, once with a day left out. A table without a header
    row (seen once, 8 March 2026) is read in the usual column order; its rows must still
    have the usual 5 cells. A year slip in a row date ('20 April 2025' among April 2026) is
    corrected (and said in ``notes``); dates must then be strictly increasing and span at
    most a fortnight.
    """
    header, rows = _table(file_name, body)
    if header and header != _TABLE_HEADER:
        raise SourceError(file_name, f"expected the 'last 7 days' table columns {_TABLE_HEADER}; found {header}")
    if any(len(row) != len(_TABLE_HEADER) for row in rows) or not rows:
        raise SourceError(file_name, f"expected rows of {len(_TABLE_HEADER)} cells; found {rows}")
    stated = [parse_day(file_name, row[0]) for row in rows]
    middle = sorted(stated)[len(stated) // 2]
    days = [fix_year(file_name, day, middle, _SPAN) for day in stated]
    notes += [f"row '{s.day} {s:%B %Y}' read as {d.day} {d:%B %Y} (a slipped year)" for s, d in zip(stated, days) if s != d]
    if any(a >= b for a, b in zip(days, days[1:])):
        raise SourceError(file_name, f"expected increasing dates in the 'last 7 days' table; found {stated}")
    return [
        Observation("day", day, metric, parse_count(file_name, cell))
        for day, row in zip(days, rows)
        for metric, cell in zip(_TABLE_METRICS, row[1:4])
    ]


def _table(file_name: str, body: LexborNode) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of the figures table: an HTML table, or (once, on 4 April 2026) the
    same table left as unrendered Markdown pipe text in a paragraph."""
    table = body.css_first("table")
    if table is not None:
        return read_table(table)
    for para in body.css("p"):
        lines = [line.strip() for line in para.text().splitlines()]
        if lines and lines[0].startswith("| Date |"):
            cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines if line.startswith("|")]
            if len(cells) < 2 or set("".join(cells[1])) - set("-–:"):
                raise SourceError(file_name, f"expected a Markdown table rule under the header; found {cells[1:2]}")
            header, _rule, *rows = cells
            return tuple(header), [[row[0].lstrip("#"), *row[1:]] for row in rows]
    raise SourceError(file_name, "expected the 'last 7 days' figures table; found no table")
