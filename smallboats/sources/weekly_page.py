"""Saved copies of the gov.uk weekly small-boats pages.

* 2022-23 Ministry of Defence "Weekly number of migrants detected in small boats": one
  table row per day (Date, Migrants detected, Boats detected), sometimes with a sentence
  "Number of boats known by the MOD to be involved in uncontrolled landings: 1 on 2 June.";
* from December 2025, "Weekly summary of small boat arrivals and preventions": a
  "Week ending <Sunday>" heading over a one-row table (Migrants arrived, Boats arrived,
  Migrants prevented, Events prevented);
* notices without figures: the MoD "weekly data" collection page, which only links to the
  weekly tables, and the same page once withdrawn (February 2023).
"""

from __future__ import annotations

import datetime as dt
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import Observation, Publication, SourceError
from ._html import DAY, clean, content, fix_year, load, make_day, parse_count, parse_day, published, read_table

KIND = "weekly_page"

_MOD_HEADER = ("Date", "Migrants detected", "Boats detected")
_MOD_METRICS = ("arrivals", "boats")
_UNCONTROLLED = re.compile(
    r"^Number of boats known by the MOD to be involved in uncontrolled landings: (\d+) on (\d{1,2}) ([A-Za-z]+)\.$"
)
_SUMMARY_HEADER = ("Migrants arrived", "Boats arrived", "Migrants prevented", "Events prevented")
_SUMMARY_METRICS = ("arrivals", "boats", "prevented_people", "prevented_events")
_WEEK_ENDING = re.compile(rf"^Week ending {DAY}$")
_COLLECTION = "collection page linking to the weekly tables"
_HALF_WINDOW = 14  # days: a week ends within the 2 * 14 days before its page is published


def parse(file_name: str, data: bytes) -> Publication:
    """Read one saved weekly page: its figures, or the notice it carries instead."""
    tree = load(file_name, data)
    title_node = tree.css_first("title")
    title = clean(title_node.text()) if title_node is not None else ""
    when = published(file_name, tree)
    if _withdrawn(tree):
        return Publication(KIND, file_name, published=when, notice_reason="publication withdrawn")
    if title.startswith("Weekly number of migrants detected in small boats"):
        return Publication(KIND, file_name, _mod_days(file_name, content(file_name, tree)), when)
    if title.startswith("Weekly summary of small boat arrivals and preventions"):
        notes: list[str] = []
        return Publication(KIND, file_name, _summary(file_name, content(file_name, tree), when, notes), when, notes=notes)
    if title.startswith("Migrants detected crossing the English Channel in small boats - weekly data"):
        if tree.css_first("main #documents") is None or content(file_name, tree).css_first("table") is not None:
            raise SourceError(file_name, "expected the weekly data collection page (documents, no table); found other")
        return Publication(KIND, file_name, published=when, notice_reason=_COLLECTION)
    raise SourceError(
        file_name, f"expected an MoD weekly table, a weekly summary or a withdrawn/collection page; found {title!r}"
    )


def _withdrawn(tree: LexborHTMLParser) -> bool:
    """gov.uk's withdrawal banner: "This publication was withdrawn on ..."."""
    notice = tree.css_first("main .gem-c-notice")
    return notice is not None and "This publication was withdrawn" in notice.text()


def _mod_days(file_name: str, body: LexborNode) -> list[Observation]:
    """Daily rows of one Monday-to-Sunday week, plus any uncontrolled-landings sentence."""
    table = body.css_first("table")
    if table is None:
        raise SourceError(file_name, "expected the MoD weekly table; found no table")
    header, rows = read_table(table)
    if header != _MOD_HEADER:
        raise SourceError(file_name, f"expected the MoD weekly table columns {_MOD_HEADER}; found {header}")
    if not rows or any(len(row) != len(_MOD_HEADER) for row in rows):
        raise SourceError(file_name, f"expected rows of {len(_MOD_HEADER)} cells; found {rows}")
    days = [parse_day(file_name, row[0]) for row in rows]
    mondays = {day - dt.timedelta(days=day.weekday()) for day in days}
    if len(mondays) != 1 or len(set(days)) != len(days):
        raise SourceError(file_name, f"expected distinct dates of one Monday-to-Sunday week; found {days}")
    observations = [
        Observation("day", day, metric, parse_count(file_name, cell))
        for day, row in zip(days, rows)
        for metric, cell in zip(_MOD_METRICS, row[1:])
    ]
    for para in body.css("p"):
        text = clean(para.text())
        if "uncontrolled landings" not in text:
            continue
        m = _UNCONTROLLED.match(text)
        day = next((d for d in days if m and (str(d.day), f"{d:%B}") == m.group(2, 3)), None)
        if day is None:
            raise SourceError(file_name, f"expected 'uncontrolled landings: N on <day of the table>.'; found {text!r}")
        observations.append(Observation("day", day, "uncontrolled_boats", int(m.group(1))))
    return observations


def _summary(file_name: str, body: LexborNode, when: dt.date | None, notes: list[str]) -> list[Observation]:
    """Each "Week ending <date>" heading and the one-row table under it.

    The week must end on a Sunday before the page was published. Three pages (January 2026) print the year before the
    right one ("Week ending 4 January 2025", a Saturday); such a year slip is corrected
    when the same day in the year that puts it within the 4 weeks before publication is
    a Sunday (and said in ``notes``).
    """
    if when is None:
        raise SourceError(file_name, "expected a publication date to check the week against; found none")
    children = list(body.iter())
    observations: list[Observation] = []
    for i, node in enumerate(children):
        m = _WEEK_ENDING.match(clean(node.text())) if node.tag in ("h2", "h3") else None
        if m is None:
            continue
        stated = week = make_day(file_name, *m.groups())
        if week.weekday() != 6:
            week = fix_year(file_name, stated, when - dt.timedelta(days=_HALF_WINDOW), _HALF_WINDOW)
        if week != stated:
            notes.append(f"'Week ending {stated.day} {stated:%B %Y}' read as {week.day} {week:%B %Y}, a Sunday (a slipped year)")
        if week.weekday() != 6 or week >= when:
            raise SourceError(
                file_name, f"expected a Sunday before publication ({when}); found 'Week ending {stated:%d %B %Y}'"
            )
        table = children[i + 1] if i + 1 < len(children) else None
        if table is None or table.tag != "table":
            raise SourceError(file_name, f"expected a table under 'Week ending {stated:%d %B %Y}'; found none")
        header, rows = read_table(table)
        if header != _SUMMARY_HEADER or len(rows) != 1 or len(rows[0]) != len(_SUMMARY_HEADER):
            raise SourceError(file_name, f"expected one row under the columns {_SUMMARY_HEADER}; found {header} {rows}")
        observations += [
            Observation("week", week, metric, parse_count(file_name, cell))
            for metric, cell in zip(_SUMMARY_METRICS, rows[0])
        ]
    if not observations:
        raise SourceError(file_name, "expected a 'Week ending <date>' heading over a table; found none")
    return observations
