"""The saved gov.uk daily and weekly pages, read straight from the repo's .tar.xz archives.

Figures are checked against numbers read from the raw HTML with plain regexes, not the parsers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from smallboats.sources import Publication, SourceError, daily_page, weekly_page
from smallboats.sources.archive import iter_members

PAGES = Path(__file__).parent.parent / "data" / "homeoffice" / "pages"
DAILY = PAGES / "daily-last-7-days-pages.tar.xz"
WEEKLY = PAGES / "weekly-summary-pages.tar.xz"

#: Daily tables with a year slip in one row ("20 April 2025" among April 2026 dates).
DAILY_YEAR_SLIPS = {"daily_small_boats/2026-04-21.html", "daily_small_boats/2026-04-22.html"}


def day(text: str) -> dt.date:
    return dt.datetime.strptime(" ".join(text.split()), "%d %B %Y").date()


def count(text: str) -> int:
    return int(text.replace(",", "").replace("[r]", "").strip())


def figures(pub: Publication) -> dict[tuple[dt.date, str], int | None]:
    return {(o.date, o.metric): o.value for o in pub.observations}


@pytest.fixture(scope="module")
def daily_raw() -> dict[str, bytes]:
    return dict(iter_members(DAILY))


@pytest.fixture(scope="module")
def weekly_raw() -> dict[str, bytes]:
    return dict(iter_members(WEEKLY))


@pytest.fixture(scope="module")
def daily(daily_raw: dict[str, bytes]) -> dict[str, Publication]:
    return {name: daily_page.parse(name, data) for name, data in daily_raw.items()}


@pytest.fixture(scope="module")
def weekly(weekly_raw: dict[str, bytes]) -> dict[str, Publication]:
    return {name: weekly_page.parse(name, data) for name, data in weekly_raw.items()}


def test_archive_yields_regular_files_in_archive_order(weekly_raw: dict[str, bytes]) -> None:
    names = list(weekly_raw)
    assert len(names) == 248  # the archive's directory entry is skipped
    assert names[0] == "weekly_small_boats/18-to-24-april-2022.html"
    assert all(re.fullmatch(r"weekly_small_boats/[\w-]+\.html", n) for n in names)
    assert weekly_raw[names[0]].startswith(b"<!DOCTYPE html>")


def _census(pubs: dict[str, Publication], kind: str) -> tuple[Counter, Counter]:
    for name, pub in pubs.items():
        assert (pub.kind, pub.file_name) == (kind, name)
        assert bool(pub.observations) != pub.is_notice, name
        if pub.observations:
            assert pub.published is not None and pub.published > pub.figures_to, name
    kinds = Counter(pub.notice_reason or "figures" for pub in pubs.values())
    metrics = Counter(o.metric for pub in pubs.values() for o in pub.observations)
    return kinds, metrics


def test_every_daily_page_has_figures_or_is_a_notice(daily: dict[str, Publication]) -> None:
    kinds, metrics = _census(daily, "daily_page")
    assert kinds == {
        "figures": 503,  # 253 MoD '24-hour period' pages + 250 'last 7 days' tables
        "legacy page, no longer updated": 1044,
        "moved: daily figures now published on a new page": 4,
    }
    assert metrics == {"arrivals": 2006, "boats": 2006, "uncontrolled_boats": 1996}
    assert all(o.freq == "day" for pub in daily.values() for o in pub.observations)


def test_every_weekly_page_has_figures_or_is_a_notice(weekly: dict[str, Publication]) -> None:
    kinds, metrics = _census(weekly, "weekly_page")
    assert kinds == {
        "figures": 62,  # 26 MoD daily-row tables + 36 weekly summaries
        "publication withdrawn": 146,
        "collection page linking to the weekly tables": 40,
    }
    assert metrics == {
        "arrivals": 215, "boats": 215, "uncontrolled_boats": 3, "prevented_people": 36, "prevented_events": 36,
    }


MOD_LABELS = {
    "Number of migrants detected in small boats": "arrivals",
    "Number of boats detected": "boats",
    "Number of boats known by the MOD to be involved in uncontrolled landings": "uncontrolled_boats",
}


def test_mod_daily_figures_match_the_raw_html(daily_raw: dict[str, bytes], daily: dict[str, Publication]) -> None:
    mod = [name for name, data in daily_raw.items() if b"24-hour period" in data]
    assert len(mod) == 253
    for name in mod:
        html = daily_raw[name].decode()
        expected = {}
        for date, block in re.findall(r"(?s)>The data below is for the 24-hour period 00:00 to 23:59 ([^<]+?)\.</h3>"
                                      r"(.*?)</ul>", html):
            for label, value in re.findall(r"<h4[^>]*>([^<:]+): ([\d,]+)</h4>", block):
                expected[(day(date), MOD_LABELS[label])] = count(value)
        assert figures(daily[name]) == expected, name
    may31, june2 = dt.date(2022, 5, 31), dt.date(2022, 6, 2)
    assert figures(daily["daily_small_boats/2022-06-01.html"]) == {(may31, "arrivals"): 249, (may31, "boats"): 8}
    assert figures(daily["daily_small_boats/2022-06-03.html"]) == {
        (june2, "arrivals"): 139, (june2, "boats"): 6, (june2, "uncontrolled_boats"): 1,
    }
    assert len(daily["daily_small_boats/2022-09-26.html"].observations) == 6  # two periods on one page


def test_last_7_days_tables_match_the_raw_html(daily_raw: dict[str, bytes], daily: dict[str, Publication]) -> None:
    row = re.compile(r'<th scope="row">([^<]+)</th>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>')
    tables = [name for name, data in daily_raw.items() if b'<th scope="row">' in data]
    assert len(tables) == 249
    for name in tables:
        expected = {}
        for date, *cells in row.findall(daily_raw[name].decode()):
            when = day(date) if name not in DAILY_YEAR_SLIPS or "2025" not in date else day(date).replace(year=2026)
            expected |= {(when, m): count(c) for m, c in zip(("arrivals", "boats", "uncontrolled_boats"), cells)}
        assert figures(daily[name]) == expected, name
    first = figures(daily["daily_small_boats/2025-12-15.html"])
    assert (first[(dt.date(2025, 12, 13), "arrivals")], first[(dt.date(2025, 12, 13), "boats")]) == (737, 11)


def test_year_slip_in_a_daily_table_is_corrected(daily_raw: dict[str, bytes], daily: dict[str, Publication]) -> None:
    for name in DAILY_YEAR_SLIPS:
        assert b'<th scope="row">20 April 2025</th>' in daily_raw[name]
        dates = {o.date for o in daily[name].observations}
        assert dt.date(2026, 4, 20) in dates and dt.date(2025, 4, 20) not in dates


def test_unrendered_markdown_table_is_read(daily_raw: dict[str, bytes], daily: dict[str, Publication]) -> None:
    name = "daily_small_boats/2026-04-04.html"
    html = daily_raw[name].decode().split("<main", 1)[1]  # (the page's JSON copy comes before <main>)
    assert "<table>" not in html
    rows = re.findall(r"\|# (\d+ \w+ \d{4}) \| (\d+) \| (\d+) \| (\d+) \|", html)
    assert len(rows) == 7
    metrics = ("arrivals", "boats", "uncontrolled_boats")
    expected = {(day(date), m): int(c) for date, *cells in rows for m, c in zip(metrics, cells)}
    assert figures(daily[name]) == expected
    assert expected[(dt.date(2026, 4, 1), "arrivals")] == 325


def test_mod_weekly_tables_match_the_raw_html(weekly_raw: dict[str, bytes], weekly: dict[str, Publication]) -> None:
    row = re.compile(r"<td>(\d+ \w+\s+\d{4})</td>\s*<td[^>]*>([^<]+)</td>\s*<td[^>]*>([^<]+)</td>")
    tables = [name for name in weekly_raw if not re.search(r"/\d{4}-", name)]
    assert len(tables) == 26
    for name in tables:
        html = weekly_raw[name].decode()
        expected = {
            (day(date), m): count(c) for date, *cells in row.findall(html) for m, c in zip(("arrivals", "boats"), cells)
        }
        for n, d, month in re.findall(r"uncontrolled landings: (\d+) on (\d+) (\w+)\.</p>", html):
            year = next(k[0].year for k in expected)
            expected[(day(f"{d} {month} {year}"), "uncontrolled_boats")] = int(n)
        assert figures(weekly[name]) == expected, name
    revised = figures(weekly["weekly_small_boats/9-may-to-15-may-2022.html"])
    assert revised[(dt.date(2022, 5, 15), "arrivals")] == 389  # printed "389 [r]"
    landing = figures(weekly["weekly_small_boats/30-may-to-5-june-2022.html"])
    assert landing[(dt.date(2022, 6, 2), "uncontrolled_boats")] == 1


def test_weekly_summaries_match_the_raw_html(weekly_raw: dict[str, bytes], weekly: dict[str, Publication]) -> None:
    block = re.compile(r"(?s)>Week ending ([^<]+)</h2>\s*<table>.*?<tbody>\s*<tr>" + r"\s*<td>([\d,]+)</td>" * 4)
    slipped = 0
    for name, data in weekly_raw.items():
        found = block.findall(data.decode())
        if not found:
            continue
        ((date, *cells),) = found
        week = day(date)
        if week.weekday() != 6:  # a year slip: "Week ending 4 January 2025" on a January 2026 page
            week, slipped = week.replace(year=week.year + 1), slipped + 1
        assert week.weekday() == 6
        metrics = ("arrivals", "boats", "prevented_people", "prevented_events")
        assert figures(weekly[name]) == {(week, m): count(c) for m, c in zip(metrics, cells)}, name
        assert {o.freq for o in weekly[name].observations} == {"week"}
    assert slipped == 3
    assert figures(weekly["weekly_small_boats/2026-01-13.html"])[(dt.date(2026, 1, 4), "arrivals")] == 0
    assert figures(weekly["weekly_small_boats/2026-06-30.html"])[(dt.date(2026, 6, 21), "arrivals")] == 1912


def test_published_is_govuk_updated_at_then_printed_date(
    daily_raw: dict[str, bytes], daily: dict[str, Publication], weekly: dict[str, Publication]
) -> None:
    name = "daily_small_boats/2026-01-04.html"  # prints "Updated 2 January 2026" over figures to 3 January
    stamp = re.search(rb'name="govuk:updated-at" content="(\d{4}-\d\d-\d\d)', daily_raw[name]).group(1)
    assert b"Updated 2 January 2026" in daily_raw[name]
    assert daily[name].published == dt.date.fromisoformat(stamp.decode()) == dt.date(2026, 1, 4)
    assert weekly["weekly_small_boats/20-june-to-26-june-2022.html"].published == dt.date(2022, 6, 28)  # printed
    moved = daily["daily_small_boats/2023-02-01.html"]
    assert moved.notice_reason == "moved: daily figures now published on a new page"


def _edited(raw: dict[str, bytes], name: str, pattern: str, replacement: str) -> bytes:
    html, n = re.subn(pattern, replacement, raw[name].decode(), count=1, flags=re.S)
    assert n == 1
    return html.encode()


@pytest.mark.parametrize(
    ("name", "pattern", "replacement", "problem"),
    [
        ("daily_small_boats/2025-12-15.html", r"<table>.*?</table>", "", "table"),
        ("daily_small_boats/2025-12-15.html", r'"col">Migrants arrived<', '"col">People arrived<', "columns"),
        ("daily_small_boats/2025-12-15.html", r"<td>737</td>", "<td>seven</td>", "count"),
        ("daily_small_boats/2025-12-15.html", r"<td>11</td>\s*<td>0</td>", "<td>11</td>", "cells"),
        ("daily_small_boats/2022-06-01.html", r"(23:59 31 May 2022\.</h3>)\s*<ul>.*?</ul>", r"\1", "list of counts"),
        ("daily_small_boats/2022-06-01.html", r">Number of boats detected: 8<", ">Boats seen: 8<", "Number of boats"),
        ("daily_small_boats/2022-06-01.html", r"23:59 31 May 2022\.<", "23:59 yesterday.<", "24-hour period"),
    ],
)
def test_broken_daily_page_raises(
    daily_raw: dict[str, bytes], name: str, pattern: str, replacement: str, problem: str
) -> None:
    with pytest.raises(SourceError, match=problem) as caught:
        daily_page.parse(name, _edited(daily_raw, name, pattern, replacement))
    assert caught.value.file_name == name


@pytest.mark.parametrize(
    ("name", "pattern", "replacement", "problem"),
    [
        ("weekly_small_boats/2025-12-16.html", r"<table>.*?</table>", "", "table"),
        ("weekly_small_boats/2025-12-16.html", r'"col">Events prevented<', '"col">Events stopped<', "columns"),
        ("weekly_small_boats/2025-12-16.html", r"</h2>\s*<table>", "</h2><p>Note</p><table>", "table under"),
        ("weekly_small_boats/2025-12-16.html", "(<h2 [^>]*>Week ending) 7", r"\1 6", "Sunday before"),  # Saturday
        ("weekly_small_boats/2025-12-16.html", "(<h2 [^>]*>Week ending) 7", r"\1 21", "Sunday before"),  # future
        ("weekly_small_boats/2025-12-16.html", r"<td>438</td>", "<td></td>", "count"),
        ("weekly_small_boats/18-to-24-april-2022.html", r"<table>.*?</table>", "", "table"),
        ("weekly_small_boats/18-to-24-april-2022.html", r'"col">Boats detected<', '"col">Vessels<', "columns"),
        ("weekly_small_boats/18-to-24-april-2022.html", r"<td>24 April 2022</td>", "<td>25 April 2022</td>", "week"),
        ("weekly_small_boats/30-may-to-5-june-2022.html", r": 1 on 2 June\.", ": 1 on 9 June.", "uncontrolled"),
        ("weekly_small_boats/2022-05-24.html", r'<section id="documents">', "<section>", "collection page"),
    ],
)
def test_broken_weekly_page_raises(
    weekly_raw: dict[str, bytes], name: str, pattern: str, replacement: str, problem: str
) -> None:
    with pytest.raises(SourceError, match=problem) as caught:
        weekly_page.parse(name, _edited(weekly_raw, name, pattern, replacement))
    assert caught.value.file_name == name


@pytest.mark.parametrize("parse", [daily_page.parse, weekly_page.parse])
def test_empty_or_unknown_page_raises(parse) -> None:
    with pytest.raises(SourceError, match="empty") as caught:
        parse("x/2026-01-01.html", b"")
    assert caught.value.file_name == "x/2026-01-01.html"
    unknown = b'<html><head><title>Other</title></head><main><div class="govspeak"><p>Hello</p></div></main></html>'
    with pytest.raises(SourceError, match="expected"):
        parse("x/2026-01-01.html", unknown)


def test_slipped_years_are_corrected_on_record(weekly_raw: dict[str, bytes]) -> None:
    """Weekly summaries print 'Week ending 4 January 2025' (a Saturday) for 2026's weeks: read
    as the Sunday of 2026, and the publication says so in its notes."""
    slipped = {n: d for n, d in weekly_raw.items() if re.search(rb"Week ending \d{1,2} January 2025", d)}
    assert len(slipped) == 3
    for name, data in slipped.items():
        pub = weekly_page.parse(name, data)
        assert pub.notes and all("2025" in n and "2026" in n for n in pub.notes)
        assert all(o.date.year == 2026 and o.date.weekday() == 6 for o in pub.observations)
    clean = next(n for n in weekly_raw if n.endswith("2026-03-03.html"))
    assert weekly_page.parse(clean, weekly_raw[clean]).notes == []
