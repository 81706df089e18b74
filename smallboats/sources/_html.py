"""Helpers shared by the gov.uk page parsers: loading a page, counts, dates, publication date."""

from __future__ import annotations

import datetime as dt
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import SourceError
from .limits import check_page

MONTHS = {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july",
         "august", "september", "october", "november", "december"),
        start=1,
    )
}

#: "31 May 2022", "02 October 2022", "9 January  2023".
DAY = r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})"
_DAY = re.compile(rf"^{DAY}$")
#: "1,234", "1234", and "389 [r]" (a revised figure).
_COUNT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\s*\[r\])?$")
_NOT_AVAILABLE = {"-", "–", "—"}
_VISIBLE_DATE = re.compile(rf"(?:Published|Updated|updated)\s+{DAY}")
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})\.html$")


def load(file_name: str, data: bytes) -> LexborHTMLParser:
    """Parse the page; empty bytes are an error, not an empty page."""
    if not data or data.isspace():
        raise SourceError(file_name, "expected an HTML page; found an empty file")
    check_page(file_name, data)
    # Only <head> (metadata) and <main> (content) are read: leaving out gov.uk's navigation
    # and footer, which are most of a page's bytes, makes parsing about twice as fast.
    head_end, main_start, main_end = data.find(b"</head>"), data.find(b"<main"), data.find(b"</main>")
    if 0 < head_end < main_start < main_end:
        data = b"".join((data[:head_end], b"</head><body>", data[main_start:main_end], b"</main></body></html>"))
    return LexborHTMLParser(data)


def content(file_name: str, tree: LexborHTMLParser) -> LexborNode:
    """The page's main text: the first ``.govspeak`` block inside ``<main>``."""
    node = tree.css_first("main .govspeak")
    if node is None:
        raise SourceError(file_name, "expected a gov.uk page with a main .govspeak block; found none")
    return node


def clean(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to single spaces."""
    return " ".join(text.split())


def make_day(file_name: str, day: str, month: str, year: str) -> dt.date:
    """Build a date from its written parts ("31", "May", "2022")."""
    try:
        return dt.date(int(year), MONTHS[month.lower()], int(day))
    except (KeyError, ValueError):
        raise SourceError(file_name, f"expected a date like '31 May 2022'; found {day} {month} {year!r}") from None


def parse_day(file_name: str, text: str) -> dt.date:
    """``"31 May 2022"`` -> date; anything else is a SourceError."""
    m = _DAY.match(clean(text))
    if m is None:
        raise SourceError(file_name, f"expected a date like '31 May 2022'; found {text.strip()!r}")
    return make_day(file_name, *m.groups())


def fix_year(file_name: str, day: dt.date, reference: dt.date, within: int) -> dt.date:
    """``day`` if it lies within ``within`` days of ``reference``, else the same day and month
    in the year (next to ``reference``'s) that does: a slipped year, e.g. '20 April 2025'
    among dates of April 2026."""
    for year in (day.year, reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if abs((candidate - reference).days) <= within:
            return candidate
    raise SourceError(file_name, f"expected a date within {within} days of {reference}; found {day}")


def parse_count(file_name: str, text: str) -> int | None:
    """``"1,234"`` -> 1234, ``"389 [r]"`` -> 389, ``"-"`` -> None (not available)."""
    s = clean(text)
    if s in _NOT_AVAILABLE:
        return None
    m = _COUNT.match(s)
    if m is None:
        raise SourceError(file_name, f"expected a count like '1,234' or '-'; found {s!r}")
    return int(m.group(1).replace(",", ""))


def published(file_name: str, tree: LexborHTMLParser) -> dt.date | None:
    """When this version of the page was published.

    gov.uk's ``govuk:updated-at`` (the time the content last changed) first; then the
    latest "Published" / "Updated" date printed in the page header; then the
    ``YYYY-MM-DD`` in the file name (the day the page was saved); else None.
    """
    meta = tree.css_first('meta[name="govuk:updated-at"]')
    stamp = meta.attributes.get("content") if meta is not None else None
    if stamp:
        try:
            return dt.date.fromisoformat(stamp[:10])
        except ValueError:
            raise SourceError(file_name, f"expected an ISO govuk:updated-at; found {stamp!r}") from None
    header = tree.css_first(".gem-c-metadata, .gem-c-inverse-header__subtext, .publication-header__last-changed")
    if header is not None:
        days = [make_day(file_name, *m.groups()) for m in _VISIBLE_DATE.finditer(header.text())]
        if days:
            return max(days)
    m = _NAME_DATE.search(file_name)
    return dt.date.fromisoformat(m.group(1)) if m else None


def read_table(table: LexborNode) -> tuple[tuple[str, ...], list[list[str]]]:
    """A table's header texts and its body rows (each row's th/td texts, in order)."""
    header = tuple(clean(th.text()) for th in table.css("thead th"))
    rows = [[cell.text() for cell in tr.iter() if cell.tag in ("th", "td")] for tr in table.css("tbody tr")]
    return header, rows
