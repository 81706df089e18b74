"""Claim checking: the five seed articles, every crossing figure in them found with its period
and its verdict asserted against official values computed here, straight from the ODS rows
(python-calamine) and, for 2022, from the Ministry of Defence page itself; the arithmetic error;
distractors never checked; periods, numbers, reports, the CLI, the HTTP API and the Python API.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tarfile
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import smallboats
from smallboats import api
from smallboats.claims import check
from smallboats.claims.numbers import find_quantities
from smallboats.claims.periods import find_periods, resolve
from smallboats.claims.report import html_page, markdown
from smallboats.cli import app

from .conftest import DATA, ODS_DIR, SEEDS
from .oracle import NEWEST, OLDEST, sheet, span  # OLDEST: the first publication of 2018-2025 days

D = dt.date
MARCH_27 = ODS_DIR / "27_March_2026_Small_boats_-_time_series.ods"
DATES = {"000": "2025-04-15", "001": "2025-10-22", "002": "2025-03-29", "003": "2021-11-24", "004": "2025-05-31"}
NC = "not a crossing figure"
runner = CliRunner()


def sb01(path) -> dict[dt.date, tuple[int, int]]:
    """SB_01 rows (date -> arrivals, boats), read independently of smallboats' parser."""
    return {d: row[:2] for d, row in sheet(path).items()}  # type: ignore[misc]


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[dt.date, tuple[int, int]]]:
    return {"newest": sb01(NEWEST), "oldest": sb01(OLDEST)}


def total(r: dict, start: dt.date, end: dt.date, i: int = 0) -> int:
    return sum(v[i] for d, v in r.items() if start <= d <= end)


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text()


@pytest.fixture(scope="module")
def reports(store):
    return {k: check(seed(k), day, store) for k, day in DATES.items()}


def claim(report, text: str, occurrence: int = 1):
    hits = [c for c in report.claims if c.text == text]
    assert len(hits) >= occurrence, f"{text!r} not found"
    return hits[occurrence - 1]


def checked(c) -> tuple[dt.date, dt.date]:
    """The span actually checked (the day before, for a running total written on the day)."""
    return (c.period.checked_start or c.period.start, c.period.checked_end or c.period.end)


# -- every crossing figure in the seeds: found, its period, its official value, its verdict ---------

# (text, occurrence, kind, period start, period end, metric)
SEED_CLAIMS = {
    "000": [("700", 1, "figure", "2025-04-15", "2025-04-15", "people"),
            ("670", 1, "figure", "2025-04-15", "2025-04-15", "people"),
            ("656", 1, "figure", "2025-04-08", "2025-04-14", "people"),  # "just days after": some day that week
            ("9,000", 1, "figure", "2025-01-01", "2025-04-15", "people"),
            ("656", 2, "figure", "2025-04-12", "2025-04-12", "people"),  # "on Saturday"
            ("11", 1, "figure", "2025-04-12", "2025-04-12", "boats")],
    "001": [("overtook the total figure", 1, "overtook", "2025-01-01", "2025-10-22", "people"),
            ("220", 1, "figure", "2025-10-22", "2025-10-22", "people"),
            ("36,956", 1, "figure", "2025-01-01", "2025-10-22", "people"),
            ("70", 1, "difference", "2025-01-01", "2025-10-22", "people"),
            ("36,816", 1, "figure", "2024-01-01", "2024-12-31", "people")],
    "002": [("6,600", 1, "figure", "2025-01-01", "2025-03-28", "people"),  # to the last day published
            ("31%", 1, "percent_change", "2024-07-05", "2025-03-28", "people")],  # since Labour came to power
    "003": [("25,700", 1, "figure", "2021-01-01", "2021-11-23", "people"),
            ("three times", 1, "ratio", "2021-01-01", "2021-11-23", "people")],
    "004": [("there have not been any arrivals", 1, "figure", "2025-05-24", "2025-05-30", "people"),
            ("on course to have the highest", 1, "pace", "2025-01-01", "2025-05-31", "people"),
            ("13,000", 1, "figure", "2025-01-01", "2025-05-30", "people"),
            ("30 per cent", 1, "percent_change", "2025-01-01", "2025-05-30", "people"),
            ("650", 1, "max_day", "2025-04-01", "2025-04-30", "people"),  # "last month", busiest day so far this year
            ("36,816", 1, "figure", "2024-01-01", "2024-12-31", "people"),
            ("29,437", 1, "figure", "2023-01-01", "2023-12-31", "people"),
            ("highest year on record remains 2022", 1, "record_year", "2022-01-01", "2022-12-31", "people"),
            ("45,755", 1, "figure", "2022-01-01", "2022-12-31", "people"),
            ("on course for a record", 1, "pace", "2025-01-01", "2025-05-31", "people"),
            ("13,000", 2, "figure", "2025-01-01", "2025-05-30", "people"),
            ("on course to have the highest", 2, "pace", "2025-01-01", "2025-05-31", "people")],
}


@pytest.mark.parametrize("name", sorted(SEED_CLAIMS))
def test_every_crossing_figure_found_with_its_period(reports, name):
    report = reports[name]
    found = [c for c in report.claims if c.crossing]
    assert [c.text for c in found] == [t for t, *_ in SEED_CLAIMS[name]]
    for text, occurrence, kind, start, end, metric in SEED_CLAIMS[name]:
        c = claim(report, text, occurrence)
        assert (c.kind, c.metric) == (kind, metric), text
        assert (c.period.start.isoformat(), c.period.end.isoformat()) == (start, end), text
        assert c.verdict in ("accurate", "close", "inaccurate") and c.reason.startswith(c.verdict), text
        assert c.official is not None and c.latest is not None, text


def _count_cases(r: dict) -> list[tuple[str, str, int, Callable[[int], bool]]]:
    """(seed, text, occurrence, what the qualifier allows): the tolerance rules, written out here."""
    return [
        ("000", "700", 1, lambda v: 700 < v <= 800),         # more than 700: up to the next step of 100
        ("000", "670", 1, lambda v: 670 <= v <= 737),        # at least 670: up to 10% more
        ("000", "9,000", 1, lambda v: 8550 <= v < 9000),     # almost 9,000: below, within 5%
        ("000", "656", 2, lambda v: v == 656),
        ("000", "11", 1, lambda v: v == 11),
        ("001", "220", 1, lambda v: v == 220),               # exact-looking: equal (within 1%: close)
        ("001", "36,956", 1, lambda v: v == 36956),
        ("001", "36,816", 1, lambda v: v == 36816),
        ("002", "6,600", 1, lambda v: 6600 < v <= 7260),
        ("003", "25,700", 1, lambda v: 24415 <= v < 25700),
        ("004", "13,000", 1, lambda v: 13000 < v <= 14300),
        ("004", "29,437", 1, lambda v: v == 29437),
    ]


def test_counts_against_the_ods(reports, rows):
    """Official values as first published (the 14 November 2025 ODS: nothing in the record was
    published earlier for these days) and latest, summed here from SB_01; verdicts follow."""
    for name, text, occurrence, allowed in _count_cases(rows):
        c = claim(reports[name], text, occurrence)
        start, end = checked(c)
        i = 1 if c.metric == "boats" else 0
        first, latest = total(rows["oldest"], start, end, i), total(rows["newest"], start, end, i)
        assert c.official.value == first and c.latest.value == latest, text
        assert c.official.later_publication and "14 November 2025" in c.official.source, text
        near = c.qualifier is None and c.number % 100 and any(abs(v - c.number) <= 0.01 * v for v in (first, latest))
        expected = "accurate" if allowed(first) or allowed(latest) else "close" if near else "inaccurate"
        assert c.verdict == expected, text


def test_seed_verdicts(reports, rows):
    old, new = rows["oldest"], rows["newest"]
    # 000: the 705 of 15 April is "more than 700"; 656 on Saturday 12 April, on 11 boats
    assert old[D(2025, 4, 15)][0] == 705 and claim(reports["000"], "700").official.value == 705
    first_656 = claim(reports["000"], "656")
    assert first_656.verdict == "accurate" and old[first_656.official.day][0] == 656
    assert D(2025, 4, 8) <= first_656.official.day <= D(2025, 4, 14)
    # 003: almost 25,700 this year, 24 November 2021 -- the record has more, even the day before
    c = claim(reports["003"], "25,700")
    assert total(old, D(2021, 1, 1), D(2021, 11, 23)) > 25700 and c.verdict == "inaccurate"
    assert "no publication in the record before the article's date; figure from the 14 November 2025 vintage" in c.reason
    # 003: more than three times the whole of 2020
    c = claim(reports["003"], "three times")
    ratio = total(old, *checked(c)) / total(old, D(2020, 1, 1), D(2020, 12, 31))
    assert 3 < ratio <= 4 and c.verdict == "accurate" and c.official.value == round(ratio, 2)
    # 002: up 31% since Labour came to power (5 July 2024), against the same period a year earlier
    c = claim(reports["002"], "31%")
    s, e = checked(c)
    pct = (total(old, s, e) / total(old, D(s.year - 1, s.month, s.day), D(e.year - 1, e.month, e.day)) - 1) * 100
    assert c.official.value == round(pct, 2) and 30.5 <= pct < 32 and c.verdict == "accurate"
    # 004: roughly 30 per cent higher than the same time last year
    c = claim(reports["004"], "30 per cent")
    s, e = checked(c)
    pct = (total(old, s, e) / total(old, D(2024, 1, 1), D(2024, e.month, e.day)) - 1) * 100
    assert c.official.value == round(pct, 2) and 27 <= pct <= 33 and c.verdict == "accurate"
    # 004: no arrivals over the past week (24-30 May; the 1,195 of 31 May was published on 1 June)
    c = claim(reports["004"], "there have not been any arrivals")
    assert checked(c) == (D(2025, 5, 24), D(2025, 5, 30)) and total(old, *checked(c)) == 0 and c.verdict == "accurate"
    # 004: "last month ... the highest single number so far this year, roughly 650": the busiest day
    # by 30 May was 21 May (825), and April's busiest was 15 April (705)
    c = claim(reports["004"], "650")
    days = {d: v[0] for d, v in old.items() if D(2025, 1, 1) <= d <= D(2025, 5, 30)}
    top = max(days, key=days.get)
    assert (top, days[top]) == (c.official.day, c.official.value) == (D(2025, 5, 21), 825)
    assert c.verdict == "inaccurate" and "15 April 2025 (705)" in c.reason
    # 004: on course for a record year: ahead of every earlier year at the same point
    for text, occ in (("on course to have the highest", 1), ("on course for a record", 1)):
        c = claim(reports["004"], text, occ)
        end = c.period.end
        this = total(old, D(2025, 1, 1), end)
        assert c.official.value == this and c.verdict == "accurate"
        assert all(total(old, D(y, 1, 1), D(y, end.month, end.day)) < this for y in range(2018, 2025))
    # 004: 2022 (45,755) is the highest whole year; latest figures, summed here
    years = {y: total(new, D(y, 1, 1), D(y, 12, 31)) for y in range(2018, 2025)}
    c = claim(reports["004"], "45,755")
    assert years[2022] == 45755 == c.latest.value == max(years.values()) and c.verdict == "accurate"
    assert claim(reports["004"], "highest year on record remains 2022").verdict == "accurate"
    # 001: the year passed 2024's whole total on Wednesday 22 October
    c = claim(reports["001"], "overtook the total figure")
    whole_2024 = total(old, D(2024, 1, 1), D(2024, 12, 31))
    assert total(old, D(2025, 1, 1), D(2025, 10, 21)) <= whole_2024 < total(old, D(2025, 1, 1), D(2025, 10, 22))
    assert c.verdict == "accurate" and c.official.value == total(old, D(2025, 1, 1), D(2025, 10, 22))


def test_the_arithmetic_error(reports, rows):
    """001: "making the total so far this year 36,956 ... 70 higher than the 36,816 who crossed
    ... last year": 36,956 - 36,816 is 140, and the record's difference is 138."""
    c = claim(reports["001"], "70")
    official = total(rows["oldest"], D(2025, 1, 1), D(2025, 10, 22)) - total(rows["oldest"], D(2024, 1, 1), D(2024, 12, 31))
    assert official == 138 and c.official.value == official
    assert c.verdict == "inaccurate"
    assert c.arithmetic_error and "give 140" in c.arithmetic_error and "not 70" in c.arithmetic_error
    # the other figures of the sentence are right; 36,956 was the provisional running total
    ytd = claim(reports["001"], "36,956")
    assert ytd.verdict == "close" and ytd.official.value == 36954  # within 1%: a provisional figure
    assert "36,956 was probably the provisional figure; the record has 36,954" in ytd.revision
    assert sum(1 for r in reports.values() for x in r.claims if x.arithmetic_error) == 1


def test_distractors_are_listed_never_checked(reports):
    expected = {"001": {"Two": "vessels", "42": "returns"},
                "002": {"60": "returns", "80": "occupancy"},
                "003": {"Four": "arrests", "50": "occupancy", "Three": "vessels"},  # deaths: tests/test_deaths.py
                "004": {"six": "vessels", "doubled": "weather", "2026": "year"},
                "000": {"30%": "other"}}
    for name, items in expected.items():
        for text, category in items.items():
            c = claim(reports[name], text)
            assert (c.verdict, c.category, c.crossing) == (NC, category, False), (name, text)
            assert c.official is None and c.latest is None
    assert "returns statistics" in claim(reports["001"], "42").needs


# -- revisions, against the 2022 Ministry of Defence page itself -------------------------------

def mod_page(day: str) -> tuple[str, int, int]:
    """A 2022 Ministry of Defence daily page as saved (``day``: its file's date): its text, and the people and boats
    it gives, read here with a regex (not by the code under test)."""
    with tarfile.open(DATA / "pages" / "daily-last-7-days-pages.tar.xz") as tar:
        page = tar.extractfile(f"daily_small_boats/{day}.html").read().decode()
    text = re.sub(r"<[^>]+>", " ", page)
    people = int(re.search(r"migrants detected in small boats:\s*([\d,]+)", text)[1].replace(",", ""))
    boats = int(re.search(r"Number of boats detected:\s*(\d+)", text)[1])
    return text, people, boats


def test_a_revised_figure_is_accurate_as_published(store, rows):
    text, people, boats = mod_page("2022-08-23")
    assert "23:59 22 August 2022" in text
    assert (people, boats) != rows["newest"][D(2022, 8, 22)]  # the time series has since revised the day
    report = check(f"A record {people:,} migrants crossed the Channel on Monday in {boats} boats.", "2022-08-23", store)
    c = claim(report, f"{people:,}")
    assert (c.verdict, c.official.value, c.latest.value) == ("accurate", people, rows["newest"][D(2022, 8, 22)][0])
    assert c.verdict_latest == "inaccurate" and not c.official.later_publication
    assert f"now {rows['newest'][D(2022, 8, 22)][0]:,}" in c.revision
    assert claim(report, str(boats)).official.value == boats


# -- sentences written in the style of reporting, against the ODS as published at the time ------

def test_written_claims_as_of_a_2026_vintage(store, rows):
    """An article of 28 March 2026, when the 27 March ODS was the newest."""
    text = ("No migrants have crossed the English Channel in small boats for four days, according to Home Office figures.\n"
            "The last crossing was on Monday, when 272 people arrived in four boats.\n"
            "Last week 712 people crossed, the Home Office said.\n"
            "An average of 53 people were crammed onto each boat in 2024.")
    then = sb01(MARCH_27)
    report = check(text, "2026-03-28", store)
    assert then[D(2026, 3, 23)] == (272, 4) and claim(report, "272").official.value == 272
    assert claim(report, "four", 2).official.value == 4 and claim(report, "four", 2).metric == "boats"
    week = claim(report, "712")
    assert (week.period.start, week.period.end) == (D(2026, 3, 16), D(2026, 3, 22))
    assert week.official.value == total(then, D(2026, 3, 16), D(2026, 3, 22)) == 712
    assert not week.official.later_publication and week.verdict == "accurate"
    run = claim(report, "four")  # four days in a row without arrivals, to the day before
    assert run.metric == "days" and run.verdict == "accurate"
    assert all(then[D(2026, 3, d)][0] == 0 for d in (24, 25, 26)) and then[D(2026, 3, 23)][0] > 0
    ppb = claim(report, "53")
    people, boats = total(rows["newest"], D(2024, 1, 1), D(2024, 12, 31)), total(rows["newest"], D(2024, 1, 1), D(2024, 12, 31), 1)
    assert ppb.metric == "people_per_boat" and ppb.latest.value == pytest.approx(people / boats)
    assert round(people / boats) == 53 and ppb.verdict == "accurate"


def sb02(path) -> dict[dt.date, tuple[int | None, int | None]]:
    """SB_02 rows (week-ending Sunday -> people prevented, events prevented; None for "-")."""
    return {d: row[3:5] for d, row in sheet(path, "SB_02").items()}


def months(r: dict, year: int) -> dict[int, int]:
    return {m: total(r, D(year, m, 1), (D(year + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))) for m in range(1, 13)}


def test_rankings_and_what_a_comparison_is_about(store, rows):
    """'the lowest monthly total since January': February was lower. 'almost half the 5,417':
    a ratio. The next sentence's boats are October 2025's, not the compared October 2024's."""
    text = ("Just 2,867 people crossed the Channel in October, the lowest monthly total since January.\n"
            "That was almost half the 5,417 who arrived in October 2024.\n"
            "The number of boats making the journey fell to 44.")
    report = check(text, "2025-11-03", store)
    m25, m24 = months(rows["oldest"], 2025), months(rows["oldest"], 2024)
    assert claim(report, "2,867").official.value == m25[10] == 2867 and claim(report, "2,867").verdict == "accurate"
    rank = next(c for c in report.claims if c.text.startswith("lowest monthly total"))
    lower = min(m25[m] for m in range(2, 10))
    assert (rank.kind, rank.verdict, rank.official.value) == ("rank", "inaccurate", lower) and lower == m25[2] < m25[10]
    assert "February 2025 (958)" in rank.reason and (rank.period.start, rank.period.end) == (D(2025, 10, 1), D(2025, 10, 31))
    half = claim(report, "half")
    assert (half.kind, half.qualifier, half.number) == ("ratio", "almost", 0.5)
    assert half.official.value == round(m25[10] / m24[10], 2) > 0.5 and half.verdict == "inaccurate"
    boats = claim(report, "44")
    assert (boats.metric, boats.period.start, boats.period.source) == ("boats", D(2025, 10, 1), "previous sentence")
    assert boats.official.value == total(rows["oldest"], D(2025, 10, 1), D(2025, 10, 31), 1) == 44


def test_annual_rankings_and_the_start_of_the_record(store, rows):
    years = {y: total(rows["newest"], D(y, 1, 1), D(y, 12, 31)) for y in range(2018, 2026)}
    report = check("A total of 41,472 people crossed the Channel in 2025, the second highest annual figure since records "
                   "began in 2017.", "2026-01-05", store)
    rank = next(c for c in report.claims if c.kind == "rank")
    assert sorted(years.values())[-2] == years[2025] == 41472 and rank.verdict == "accurate"
    assert all("records began on 1 January 2018, not in 2017" in c.notes for c in report.claims if c.crossing)
    # 2025 had not overtaken 2022 by 1 December: not "a new annual record"
    report = check("In 2025 so far, more than 42,000 people have arrived, a new annual record.", "2025-12-01", store)
    record = next(c for c in report.claims if c.kind == "rank")
    assert total(rows["newest"], D(2025, 1, 1), D(2025, 11, 30)) < years[2022] and record.verdict == "inaccurate"
    assert record.official.value == years[2022] and "2022 (45,755)" in record.reason
    seed4 = claim(check(seed("004"), DATES["004"], store), "on course to have the highest", 2)
    assert "records began on 1 January 2018, not in 2017" in seed4.notes


def test_french_preventions_from_the_weekly_figures(store):
    """SB_02's 'Migrants prevented' over the weeks ending in the period, as published by the date
    (the 19 June 2026 time series had the weeks to 14 June)."""
    weeks = sb02(ODS_DIR / "fetched_2026-06-20_Small_boats_-_time_series.ods")
    since = sum(p for end, (p, _) in weeks.items() if D(2026, 1, 1) <= end <= D(2026, 6, 20))
    assert max(weeks) == D(2026, 6, 14)
    text = ("Police stopped 40 people at the port.\n"
            "French police say they have stopped more than 3,000 people from leaving the beaches since January.\n"
            "The French stopped 27 boats last week.\nFrench officers prevented 300 people from crossing on Saturday.")
    report = check(text, "2026-06-24", store)
    c = claim(report, "3,000")
    assert (c.metric, c.official.value, c.verdict) == ("prevented", since, "inaccurate") and since == 5135
    assert (c.period.checked_start, c.period.checked_end) == (D(2025, 12, 29), D(2026, 6, 14))
    boats = claim(report, "27")  # events prevented in the week ending 21 June, published after the 24th
    week = sb02(NEWEST)[D(2026, 6, 21)][1]
    assert (boats.metric, boats.official.value, boats.official.later_publication) == ("prevented_events", week, True)
    assert boats.verdict == ("accurate" if week == 27 else "inaccurate")
    assert claim(report, "40").verdict == NC  # not the French
    assert claim(report, "300").verdict == NC  # a day's stops by the French police: not SB_02's weekly figure


def test_parts_and_running_totals_written_after_the_period(store, rows):
    report = check("In total, 11,884 people arrived between January and June, including 2,742 in June.", "2026-07-06", store)
    june = claim(report, "2,742")
    assert june.metric == "people" and june.official.value == total(rows["newest"], D(2026, 6, 1), D(2026, 6, 30)) == 2742
    report = check("Almost 450 people crossed the Channel over the weekend, taking the total for 2025 so far to more "
                   "than 22,400.", "2025-07-14", store)
    ytd = claim(report, "22,400")
    assert (ytd.period.start, ytd.period.end) == (D(2025, 1, 1), D(2025, 7, 13)) and ytd.verdict == "accurate"  # to the last day published
    assert 22400 < total(rows["oldest"], *checked(ytd)) <= 22400 + 2240


def test_elliptical_figures_lists_clauses_and_comparisons(store, rows):
    """General rules, each covering many phrasings: a figure with a period but no noun counts what
    the figure (or the words) before it count; a period followed by ":" or ", when" owns the number
    after it; a figure compared with ("from 1,110") and with no period of its own is the year
    before its partner's; "exceeded only by" is not an overtaking."""
    new = rows["newest"]
    report = check("More than 1,000 migrants crossed the Channel on Friday.\nHome Office figures for the week so far read: "
                   "Monday: 0, Tuesday: 0, Wednesday: 0, Thursday: 0, Friday: 1,072.", "2025-09-20", store)
    for i, day in enumerate(range(15, 19), 1):
        c = claim(report, "0", i)
        assert (c.metric, c.period.start, c.period.end) == ("people", D(2025, 9, day), D(2025, 9, day))
        assert c.verdict == "accurate" and total(new, D(2025, 9, day), D(2025, 9, day)) == 0
    c = claim(report, "1,072")
    assert c.period.start == D(2025, 9, 19) and c.official.value == total(new, D(2025, 9, 19), D(2025, 9, 19)) == 1072
    report = check("The 1,214 people who crossed on Saturday came in 26 boats.\nA further 686 followed on Sunday.", "2022-11-14", store)
    c = claim(report, "686")
    assert c.metric == "people" and c.period.start == D(2022, 11, 13) and total(new, D(2022, 11, 13), D(2022, 11, 13)) == 686
    report = check("Just over 29,000 people crossed the Channel last year.\nThe number of boats fell to 602 from 1,110.", "2024-01-02", store)
    c = claim(report, "1,110")
    assert (c.metric, c.period.start, c.period.end) == ("boats", D(2022, 1, 1), D(2022, 12, 31))
    assert c.verdict == "accurate" and total(new, D(2022, 1, 1), D(2022, 12, 31), 1) == 1110
    report = check("Forty-eight people made the journey on Sunday, the first arrivals since last Monday, when 309 crossed.",
                   "2026-03-16", store)
    assert claim(report, "309").period.start == D(2026, 3, 9) and total(new, D(2026, 3, 9), D(2026, 3, 9)) == 309
    report = check("Some 41,472 people crossed in 2025, up by an eighth on 2024's 36,816, exceeded only by the record 45,755 in 2022.",
                   "2026-01-02", store)
    assert {c.kind for c in report.claims if c.crossing} == {"figure", "percent_change", "record"}
    record = claim(report, "the record")  # "the record 45,755 in 2022": 2022 had more than any earlier year, and
    assert (record.kind, record.period.start, record.verdict) == ("record", D(2022, 1, 1), "accurate")  # its figure:
    figure = claim(report, "45,755")
    assert (figure.kind, figure.verdict, figure.latest.value) == ("figure", "accurate", total(new, D(2022, 1, 1), D(2022, 12, 31)))
    assert claim(report, "36,816").verdict == "accurate"
    assert claim(report, "an eighth").verdict == "accurate"  # 41,472 / 36,816: up 12.6%
    assert 41472 / 36816 - 1 == pytest.approx(0.126, abs=0.001) and total(new, D(2025, 1, 1), D(2025, 12, 31)) == 41472
    report = check("Some 1,195 migrants crossed the Channel on Saturday in 19 boats.\nCrossings then stopped on Sunday, with none "
                   "recorded.", "2025-06-02", store)  # "stopped" with no object is not a prevention
    c = claim(report, "none")
    assert (c.crossing, c.period.start, c.verdict) == (True, D(2025, 6, 1), "accurate") and total(new, D(2025, 6, 1), D(2025, 6, 1)) == 0
    report = check("Upwards of 1,200 people crossed on Saturday.\nThe 1,214 arrivals were the third highest daily figure this "
                   "year, behind a record 1,305 on 3 September.", "2022-11-14", store)
    rank = next(c for c in report.claims if c.kind == "rank")  # about Saturday's 1,214, not 3 September's 1,305
    days = sorted((v[0], d) for d, v in new.items() if D(2022, 1, 1) <= d <= D(2022, 11, 14))
    assert rank.period.start == D(2022, 11, 12) == days[-3][1] and days[-1][1] == D(2022, 9, 3)
    report = check("June alone saw 3,140 arrivals in 78 boats.\nLast week's busiest day was Friday, when 231 people crossed.\n"
                   "Not a single migrant crossed on Sunday.", "2022-07-01", store)  # "June saw": not boats seen
    june, boats = claim(report, "3,140"), claim(report, "78")
    assert (june.latest.value, boats.latest.value) == (total(new, D(2022, 6, 1), D(2022, 6, 30)),
                                                       total(new, D(2022, 6, 1), D(2022, 6, 30), 1)) == (3140, 78)
    assert june.verdict == boats.verdict == "accurate"  # the 2022 daily pages had 3,136 in 76 boats; revised since
    busiest = next(c for c in report.claims if c.kind == "max_day")  # a day ranked within last week is of that week
    week = {d: v[0] for d, v in new.items() if D(2022, 6, 20) <= d <= D(2022, 6, 26)}
    assert busiest.period.start == claim(report, "231").period.start == max(week, key=week.get) == D(2022, 6, 24)
    assert busiest.verdict == "accurate" and claim(report, "Not a single migrant").period.start == D(2022, 6, 26)


# -- numbers and periods -----------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("656", 656, "count", None), ("36,956", 36956, "count", None), ("more than 700", 700, "count", "more than"),
    ("almost 9,000", 9000, "count", "almost"), ("at least 60", 60, "count", "at least"),
    ("around 650", 650, "count", "around"), ("nearly 20,000", 20000, "count", "almost"),
    ("three times", 3, "times", None), ("doubled", 2, "times", None), ("31%", 31, "percent", None),
    ("up 48%", 48, "percent", None), ("30 per cent", 30, "percent", None), ("twenty-five", 25, "count", None),
    ("more than a third", 100 / 3, "percent", "more than"),
    # qualifiers after the number, from a table; "a" before a scale word; fractions from numerators and denominators
    ("500 or so", 500, "count", "around"), ("420-odd", 420, "count", "around"), ("1,000-plus", 1000, "count", "more than"),
    ("20 or more", 20, "count", "at least"), ("more than a thousand", 1000, "count", "more than"), ("a dozen", 12, "count", None),
    ("up by an eighth", 12.5, "percent", "around"), ("two-fifths", 40, "percent", "around"),
    ("now past 9,000", 9000, "count", "more than"),
    ("an annual drop of more than a third, according to government figures", 100 / 3, "percent", "more than"),  # news 032
])
def test_numbers(text, value, unit, qualifier):
    (q,) = find_quantities(text + " this year")
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize("text, start, end", [
    ("today", "2025-04-15", "2025-04-15"), ("yesterday", "2025-04-14", "2025-04-14"),
    ("on Saturday", "2025-04-12", "2025-04-12"), ("last week", "2025-04-07", "2025-04-13"),
    ("the past week", "2025-04-09", "2025-04-15"), ("this month", "2025-04-01", "2025-04-15"),
    ("last month", "2025-03-01", "2025-03-31"), ("so far this year", "2025-01-01", "2025-04-15"),
    ("this year", "2025-01-01", "2025-04-15"), ("last year", "2024-01-01", "2024-12-31"),
    ("the whole of 2024", "2024-01-01", "2024-12-31"), ("in 2022", "2022-01-01", "2022-12-31"),
    ("the first half of the year", "2025-01-01", "2025-04-15"), ("the first half of 2024", "2024-01-01", "2024-06-30"),
    ("since Labour came to power", "2024-07-05", "2025-04-15"), ("since records began", "2018-01-01", "2025-04-15"),
    ("since officials began publishing the numbers in 2018", "2018-01-01", "2025-04-15"),  # tests/data/news 032
    ("over the weekend of 17 and 18 June", "2024-06-17", "2024-06-18"),  # tests/data/news 046
    ("in the first five days of the month", "2025-04-01", "2025-04-05"),  # tests/data/news 060
    ("in the week to September 10", "2024-09-04", "2024-09-10"),  # tests/data/news 081
    ("the cumulative number for the month", "2025-04-01", "2025-04-15"),  # tests/data/news 091 (a running period)
    ("in the year to June", "2023-07-01", "2024-06-30"),  # tests/data/news 045 (said on 15 April 2025: the last whole June)
    ("the seven days ending 12 January", "2025-01-06", "2025-01-12"),
    ("since UK Prime Minister Sir Keir Starmer took the office", "2024-07-05", "2025-04-15"),  # tests/data/news 040
    ("last weekend", "2025-04-12", "2025-04-13"), ("in March", "2025-03-01", "2025-03-31"),
    ("on 11 November last year", "2024-11-11", "2024-11-11"), ("between January and March", "2025-01-01", "2025-03-31"),
    ("the total for 2025 so far", "2025-01-01", "2025-04-15"), ("March's tally", "2025-03-01", "2025-03-31"),
    # the explicit dates and ranges real reporting uses (issue 9)
    ("as at 3 October", "2024-01-01", "2024-10-03"), ("by Thursday", "2025-01-01", "2025-04-10"),
    ("up to 9 March", "2025-01-01", "2025-03-09"), ("from January to March", "2025-01-01", "2025-03-31"),
    ("between 1 May 2023 and 30 April 2024", "2023-05-01", "2024-04-30"), ("over the past 12 months", "2024-04-16", "2025-04-15"),
    ("the first quarter", "2025-01-01", "2025-03-31"), ("in two days", "2025-04-14", "2025-04-15"),
    ("the first ten days of April", "2025-04-01", "2025-04-10"), ("the first ten days of July", "2024-07-01", "2024-07-10"),
    ("on Friday, 14 March", "2025-03-14", "2025-03-14"), ("in the month of October", "2024-10-01", "2024-10-31"),
    ("in the week from the 7th – 13th of April", "2025-04-07", "2025-04-13"), ("from 28 December to 3 January", "2024-12-28", "2025-01-03"),
    ("the first two months of 2024", "2024-01-01", "2024-02-29"), ("the first three months of the year", "2025-01-01", "2025-03-31"),
    ("from New Year to polling day", "2024-01-01", "2024-07-04"), ("since Sunday", "2025-04-13", "2025-04-15"),
    ("under Rishi Sunak", "2022-10-25", "2024-07-04"),
    ("since the general election was called", "2024-05-22", "2025-04-15"), ("since the Rwanda deal was signed", "2022-04-14", "2025-04-15"),
])
def test_periods_resolved_against_the_date(text, start, end):
    (p,) = find_periods(text)
    r = resolve(p.spec, D(2025, 4, 15))
    assert (r.start.isoformat(), r.end.isoformat()) == (start, end)


# -- inputs and outputs --------------------------------------------------------------------------

def test_html_page_gives_the_same_claims(store, reports):
    body = "".join(f"<p>{line}</p>" for line in seed("001").splitlines() if line.strip())
    page = (f"<!doctype html><html><head><title>Migrants</title></head><body><nav><a href='/'>Home</a> | "
            f"<a href='/news'>News</a> | 2,000 subscribers</nav><article><h1>France backs away</h1>{body}</article>"
            f"<footer>© 2025 GB News. 100 Main Street.</footer></body></html>")
    html_report = check(page, "2025-10-22", store)
    want = [(c.text, c.verdict) for c in reports["001"].claims if c.crossing]
    assert [(c.text, c.verdict) for c in html_report.claims if c.crossing] == want


def test_reports_highlight_claims(reports):
    page = html_page(reports["001"])
    assert page.count('<mark class="inaccurate" title=') == 1 and page.count('<mark class="accurate" title=') == 3
    assert page.count('<mark class="close" title=') == 1
    assert not re.search(r"""(?:src|href)=["']?https?:""", page) and "<script" not in page  # self-contained
    md = markdown(reports["001"])
    assert "**70**" in md and "| # | claim |" in md and "arithmetic error" in md
    assert "**More than 700**" in markdown(reports["000"]) and "**almost 9,000**" in markdown(reports["000"])  # with the qualifier


def test_infer_date_is_a_stated_guess(store):
    report = check(seed("002"), None, store, infer_date=True)
    assert report.date_inferred and "guess" in report.date_note
    assert D(2025, 3, 27) <= report.date <= D(2025, 3, 30)  # "more than 6,600" and "up 31%" both fit only then
    with pytest.raises(ValueError, match="publication date is needed"):
        check(seed("002"), None, store)


def test_cli(db_path, tmp_path):
    article = SEEDS / next(SEEDS.glob("001_*.txt")).name
    res = runner.invoke(app, ["--db", str(db_path), "check", str(article)])
    assert res.exit_code == 2 and "publication date" in res.output
    res = runner.invoke(app, ["--db", str(db_path), "check", str(article), "--date", "22 October 2025", "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["date"] == "2025-10-22" and data["counts"] == {"accurate": 3, "close": 1, "inaccurate": 1, NC: 2}
    res = runner.invoke(app, ["--db", str(db_path), "--format", "json", "check", "-", "--date", "2025-10-22"],
                        input=article.read_text())
    assert json.loads(res.stdout)["counts"] == data["counts"]
    for fmt, marker in (("html", "<!doctype html>"), ("markdown", "## Claims"), ("table", "Claims checked")):
        res = runner.invoke(app, ["--db", str(db_path), "check", str(article), "--date", "2025-10-22", "-f", fmt])
        assert res.exit_code == 0 and marker in res.stdout, fmt


def test_http_api(db_path):
    text = seed("000")
    with TestClient(api.create_app(db_path)) as client:
        r = client.post("/api/v1/check", json={"text": text, "date": "2025-04-15"})
        assert r.status_code == 200 and r.json()["counts"] == {"accurate": 6, NC: 1}
        page = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in text.splitlines()) + "</article></body></html>"
        r = client.post("/api/v1/check?date=2025-04-15", content=page.encode(), headers={"content-type": "text/html"})
        assert r.status_code == 200 and r.json()["counts"]["accurate"] == 6
        r = client.post("/api/v1/check", json={"text": text})
        assert r.status_code == 422 and "publication date" in r.json()["detail"]


def test_python_api(db_path):
    with smallboats.open(db_path) as sb:
        report = sb.check(seed("003"), "24 November 2021")
    assert [c.verdict for c in report.claims if c.crossing] == ["inaccurate", "accurate"]


@pytest.mark.parametrize("date, text, number, category", [
    # real sentences (tests/data/news 049 and 080): forecasts are not counts
    ("2022-12-27", "Home Office officials previously estimated up to 60,000 people could make the journey during the year.",
     "60,000", "forecast"),
    ("2021-07-23", "THE Border Force expects up to 22,000 migrants to cross the Channel in boats this year.", "22,000", "forecast"),
])
def test_forecasts_are_not_checked(store, date, text, number, category):
    c = claim(check(text, date, store=store), number)
    assert (c.verdict, c.category, c.crossing) == (NC, category, False)


def test_clock_times_are_not_numbers(store):
    report = check("Border Force said it was alerted to one of the dinghies in the Channel at 22:40 GMT on Thursday "
                   "and the other at 00:15 GMT on Friday.", "2019-11-15", store=store)  # tests/data/news 072
    assert not [c for c in report.claims if c.text in ("22", "40", "00", "15", "22:40", "00:15")]


def test_the_figure_reported_before_keeps_its_day(store):
    """tests/data/news 020: 'The 482 people made the crossing in just 21 boats' is the 482 of the lead, not the
    day of the record it beat (20 July); its boats are that day's too."""
    text = ("482 migrants made the crossing in a single day, new figures for yesterday show. This beats the previous "
            "record of 430 set just weeks ago on July 20th. The 482 people made the crossing in just 21 boats, "
            "averaging almost 23 people per vessel.")
    report = check(text, "2021-08-05", store=store)
    day = D(2021, 8, 4)
    for text_, occurrence in (("482", 2), ("21", 1)):
        c = claim(report, text_, occurrence)
        assert (c.period.start, c.period.end) == (day, day), text_
    people, boats = span(day, day)
    assert claim(report, "21").latest.value == boats
    assert claim(report, "482", 2).latest.value == people


def test_an_event_clause_keeps_its_day_out_of_the_figure(store):
    """tests/data/news 035: the day inside "Since the Act became law after receiving Royal Assent on Thursday last
    week" says when the event was, not what the figure counts (since that day, to the last day published)."""
    report = check("Since the Safety of Rwanda (Asylum and Immigration) Act became law after receiving Royal Assent on "
                   "Thursday last week, 1,611 migrants have made the journey in 32 boats.", "2024-05-02", store=store)
    people, boats = span(D(2024, 4, 25), D(2024, 5, 1))
    for text, value in (("1,611", people), ("32", boats)):
        c = claim(report, text)
        assert (c.period.start, c.period.end, c.latest.value) == (D(2024, 4, 25), D(2024, 5, 1), value), text
    assert claim(report, "1,611").verdict == "accurate"


def test_starmer_took_the_office(store):
    """tests/data/news 040 (dated 2 January 2026): the Prime Minister's title before his name, "the" before office."""
    c = claim(check("Since UK Prime Minister Sir Keir Starmer took the office, nearly 65,000 migrants have crossed into "
                    "the UK.", "2026-01-02", store=store), "65,000")
    assert (c.period.start, c.period.end) == (D(2024, 7, 5), D(2026, 1, 1))
    assert c.latest.value == span(D(2024, 7, 5), D(2026, 1, 1))[0]


def test_two_comparisons_joined_by_and_share_their_subject(store):
    """tests/data/news 040: "13% higher than in 2024 ... and 41% higher than in 2023" both compare 2025."""
    report = check("However, the 2025 total was 13% higher than in 2024 when 36,816 people crossed and 41% higher than "
                   "in 2023 when 29,437 migrants made the journey.", "2026-01-02", store=store)
    c = claim(report, "41%")
    assert (c.period.start, c.period.end) == (D(2025, 1, 1), D(2025, 12, 31))
    assert (c.comparison_period.start, c.comparison_period.end) == (D(2023, 1, 1), D(2023, 12, 31))
    a, b = span(D(2025, 1, 1), D(2025, 12, 31))[0], span(D(2023, 1, 1), D(2023, 12, 31))[0]
    assert c.verdict == "accurate" and round(100 * (a - b) / b) == 41


@pytest.mark.parametrize("date, text, number, start, end", [
    # tests/data/news 040, 014 and 056: an average per boat, with or without "per boat"
    ("2026-01-02", "As per the outlet, the number of people per small boat has been increasing with an average of 62 "
                   "passengers in 2025 compared to 53 in 2024 and 49 in 2023.", "49", D(2023, 1, 1), D(2023, 12, 31)),
    ("2026-01-02", "As per the outlet, the number of people per small boat has been increasing with an average of 62 "
                   "passengers in 2025 compared to 53 in 2024 and 49 in 2023.", "62", D(2025, 1, 1), D(2025, 12, 31)),
    ("2022-01-04", "A record number of more than 28,000 migrants crossed the Channel from France to the UK in small boats "
                   "last year. The higher numbers were partly due to the use of bigger boats, carrying an average of about "
                   "28 people and sometimes as many as 50.", "28", D(2021, 1, 1), D(2021, 12, 31)),
    ("2022-08-02", "The Ministry of Defence said 696 made the journey in 14 boats on Monday. The data suggests there was "
                   "an average of about 50 on each boat on Monday.", "50", D(2022, 8, 1), D(2022, 8, 1)),
])
def test_people_per_boat_in_real_words(store, date, text, number, start, end):
    c = claim(check(text, date, store=store), number)
    assert (c.metric, c.period.start, c.period.end) == ("people_per_boat", start, end)
    people, boats = span(start, end)
    assert c.latest.value == pytest.approx(people / boats, abs=0.05)
    assert c.verdict == "accurate"


def test_detained_crossing_is_a_crossing_figure(store):
    """tests/data/news 018 (2020): "detained crossing the English Channel" is the Home Office's word of the time."""
    c = claim(check("As many as 235 migrants were detained crossing the English Channel on Thursday, the Home Office "
                    "confirmed to the BBC.", "2020-08-07", store=store), "235")
    assert (c.crossing, c.period.start, c.latest.value) == (True, D(2020, 8, 6), span(D(2020, 8, 6), D(2020, 8, 6))[0])


def test_the_day_of_a_statement_is_not_the_figures(store):
    """tests/data/news 007 (Thursday 9 October 2025): the figure's own day comes after it; and with no crossing on
    the article's day, the running total ends the day before."""
    report = check("But on Thursday, the Home Office confirmed 1,075 migrants crossed the Channel the previous day. "
                   "More than 33,500 people have crossed the Channel in small boats since the start of 2025.",
                   "2025-10-09", store=store)
    c = claim(report, "1,075")
    assert (c.period.start, c.verdict, c.latest.value) == (D(2025, 10, 8), "accurate", span(D(2025, 10, 8), D(2025, 10, 8))[0])
    assert claim(report, "33,500").period.end == D(2025, 10, 8)


@pytest.mark.parametrize("date, text, number, crossing", [
    # tests/data/news 007: one boat's load in a month is not a crossing figure, nor its record a ranking of months
    ("2025-10-09", "Last month, 125 people made the journey in a single vessel, the largest number to cross in one boat on "
                   "record.", "125", False),
    # tests/data/news 093: a day when a single boat came is that day's figure
    ("2022-06-04", "It comes as the Ministry of Defence (MoD) confirmed 40 people were brought ashore on Friday in a single "
                   "boat.", "40", True),
])
def test_people_in_one_boat(store, date, text, number, crossing):
    report = check(text, date, store=store)
    assert claim(report, number).crossing is crossing
    assert not [c for c in report.claims if c.kind == "rank"]


def test_the_total_of_a_year_named_and_registered_arrivals(store):
    """tests/data/news 063: "In 2021, the total was 28,526 people." after a running total is the whole of 2021;
    tests/data/news 064: migrants "registered in the UK" are arrivals, and the same period of 2023 follows."""
    report = check("The Ministry of Defence (MoD) said 601 migrants made the crossing on Monday in 19 boats, bringing this "
                   "year's total so far to 28,592 people. In 2021, the total was 28,526 people.", "2022-09-13", store=store)
    c = claim(report, "28,526")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2021, 1, 1), D(2021, 12, 31), span(D(2021, 1, 1), D(2021, 12, 31))[0])
    report = check("Preliminary data from the British Home Office reveals that 5,847 migrants were registered in the UK in "
                   "the first three months of 2025, surpassing the total for the same period last year, which had "
                   "previously set a record. This current figure represents a 59% increase compared to the same period "
                   "in 2023, when 3,683 migrants arrived.", "2025-03-24", store=store)
    now, then = span(D(2025, 1, 1), D(2025, 3, 23))[0], span(D(2023, 1, 1), D(2023, 3, 23))[0]
    assert (claim(report, "5,847").latest.value, claim(report, "3,683").latest.value) == (now, then)
    assert claim(report, "59%").verdict == "accurate" and round(100 * (now - then) / then) == 59


def test_incidents_were_boats(store):
    """tests/data/news 051 (Friday 5 November 2021): until 2022 the Home Office counted boats as "incidents"."""
    report = check("The Home Office said that UK authorities had rescued or intercepted at least 853 migrants in 25 "
                   "separate incidents on Wednesday.", "2021-11-05", store=store)
    people, boats = span(D(2021, 11, 3), D(2021, 11, 3))
    c = claim(report, "25")
    assert (c.metric, c.period.start, c.latest.value) == ("boats", D(2021, 11, 3), boats)
    assert claim(report, "853").latest.value == people


def test_a_part_set_off_by_commas(store):
    """tests/data/news 070 (Sunday 15 September 2019): "including more than 100 children" neither takes the period
    from the whole nor stands between it and its period; the record does not count children apart."""
    report = check("At least 1,373 people, including more than 100 children, have crossed the Channel in small boats since "
                   "3 November 2018.", "2019-09-15", store=store)
    c = claim(report, "1,373")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2018, 11, 3), D(2019, 9, 14), span(D(2018, 11, 3), D(2019, 9, 14))[0])
    assert c.verdict == "accurate"
    assert not claim(report, "100").crossing


def test_a_lead_without_a_day_takes_the_day_its_opening_tells_of(store):
    """tests/data/news 077 (Saturday 1 August 2020): the figures of the lead are Friday's, the day the next sentence
    names; the reason says the period came from the context."""
    report = check("Nine boats carrying 96 migrants across the Channel have been intercepted by the Border Force.\n\n"
                   "The Home Office said they were alerted to vessels travelling from France to the UK at about 04:00 BST "
                   "on Friday.", "2020-08-01", store=store)
    people, boats = span(D(2020, 7, 31), D(2020, 7, 31))
    for text, value in (("96", people), ("Nine", boats)):
        c = claim(report, text)
        assert (c.period.start, c.period.end, c.latest.value, c.verdict) == (D(2020, 7, 31), D(2020, 7, 31), value, "accurate")
        assert "taken from the context" in c.reason


def test_a_record_of_a_span_is_a_claim_of_its_own(store):
    """tests/data/news 032 (2 January 2024): "a record 45,000 ... in 2022" is two claims, the record (2022 above every
    earlier year) and the figure; "Responding to Monday's statistics" is no period, "a 36-percent reduction" a change."""
    report = check("Responding to Monday's statistics, his Downing Street office pointed to a 36-percent reduction in "
                   "small-boat arrivals last year, after a record 45,000 migrants made the journey in 2022.",
                   "2024-01-02", store=store)
    by_year = {y: span(D(y, 1, 1), D(y, 12, 31))[0] for y in range(2018, 2024)}
    record = claim(report, "a record")
    assert (record.kind, record.period.start, record.verdict) == ("record", D(2022, 1, 1), "accurate")
    assert max(by_year, key=by_year.get) == 2022
    figure = claim(report, "45,000")
    assert (figure.kind, figure.period.start, figure.latest.value) == ("figure", D(2022, 1, 1), by_year[2022])
    change = claim(report, "36-percent")
    assert (change.kind, change.verdict) == ("percent_change", "accurate")
    assert round(100 * (by_year[2022] - by_year[2023]) / by_year[2022]) == 36


def test_asylum_claims_in_a_whole_article_are_not_crossings(store):
    """tests/data/news 002 (checked whole): "those who claim asylum in Britain: last year they numbered 36,000", "far
    more seek asylum in France (about 124,000 last year) or Germany (142,500)"; 004: "half of the 8,466 people" is a share."""
    from . import news

    arts = {a.file[:3]: a for a in news.articles()}
    report = check(arts["002"].text, arts["002"].date, store=store)
    for number in ("36,000", "124,000", "142,500"):
        assert not claim(report, number).crossing, number
    report = check(arts["004"].text, arts["004"].date, store=store)
    assert claim(report, "half").category == "share"


def test_the_year_before_a_dash_aside(store):
    """tests/data/news 004: "In 2020 - the last year of ... - ... the 8,466 people that arrived" is 2020's figure."""
    c = claim(check("In 2020 - the last year of the UK's access to the database - half of the 8,466 people that arrived by "
                    "small boats were already flagged on the Eurodac database.", "2025-10-01", store=store), "8,466")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2020, 1, 1), D(2020, 12, 31), span(D(2020, 1, 1), D(2020, 12, 31))[0])
    assert c.verdict == "close"


def test_a_running_total_ends_the_day_before_unless_the_article_reports_its_day(store):
    """The issue's rule: a running total at D runs to the last day published by D (D-1) unless the text includes D.
    tests/data/news 073 (4 December 2019) reports incidents but no count for its own day: D-1, where the claim fails;
    tests/data/news 001 (2 September 2020) reports that day's crossings: its total runs to D."""
    c = claim(check("Several small boats carrying migrants have been intercepted while trying to cross the Channel. "
                    "More than 1,580 people have crossed the Channel in small boats this year.", "2019-12-04", store=store), "1,580")
    value = span(D(2019, 1, 1), D(2019, 12, 3))[0]
    assert (c.period.end, c.latest.value, c.verdict) == (D(2019, 12, 3), value, "inaccurate") and value <= 1580
    report = check("More than 400 migrants have crossed the English Channel in small boats - a record for a single day.\n\n"
                   "More than 7,400 people have crossed the Channel since the start of 2019.", "2020-09-02", store=store)
    c = claim(report, "7,400")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2019, 1, 1), D(2020, 9, 2), span(D(2019, 1, 1), D(2020, 9, 2))[0])


def test_since_then_is_since_the_event_before(store):
    """tests/data/news 056 (2 August 2022): "Since then" dates from the event the sentence before names."""
    c = claim(check("It is more than three months since Home Secretary Priti Patel unveiled plans to send migrants to "
                    "Rwanda to try to deter people from crossing the Channel. Since then 11,827 have arrived in the UK "
                    "after making the journey.", "2022-08-02", store=store), "11,827")
    value = span(D(2022, 4, 14), D(2022, 8, 1))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 4, 14), D(2022, 8, 1), value)
    assert c.verdict == "close" and abs(value - 11827) / value < 0.01


def test_a_when_clause_with_its_own_period(store):
    """tests/data/news 081 (17 September 2021): the figure in "when 1,959 people crossed ... in the week to September
    10" is the week's, not the year so far of the record it set."""
    c = claim(check("A new record was set for the year so far when 1,959 people crossed the Channel from France in the week "
                    "to September 10 – the highest total for any seven-day period in 2021.", "2021-09-17", store=store), "1,959")
    value = span(D(2021, 9, 4), D(2021, 9, 10))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2021, 9, 4), D(2021, 9, 10), value)


def test_the_highest_since_the_labour_party_won(store):
    """tests/data/news 016 (24 September 2024): "the highest daily figure since the Labour Party won the general
    elections on July 4" ranks Sunday 22 September among the days since 5 July 2024 (the day named is the event's)."""
    report = check("On Sunday, 717 migrants arrived in the UK via 13 boats, which is the second-highest number this year. "
                   "It is also the highest daily figure since the Labour Party won the general elections on July 4.",
                   "2024-09-24", store=store)
    c = claim(report, "highest daily figure")
    days = sheet()
    since = [days[D(2024, 7, 5) + dt.timedelta(days=i)][0] or 0 for i in range((D(2024, 9, 22) - D(2024, 7, 5)).days + 1)]
    assert (c.period.start, c.verdict) == (D(2024, 9, 22), "accurate" if max(since) == since[-1] else "inaccurate")
    assert max(since) > since[-1] == 717


def test_the_annual_total_was_the_highest_since(store):
    """tests/data/news 042 (31 December 2025): "The annual total was the highest since 2022" ranks the year the
    paragraph before was about among the years since 2022 (2022 itself, "when nearly 46,000 crossed", is not ranked)."""
    report = check("Home Office figures, with just New Year's Eve to add, showed the total number of migrants crossing the "
                   "Channel in the past year was 41,472, marking a 13% rise on the 36,566 for the previous 12 months.\n\n"
                   "The annual total was the highest since 2022, when nearly 46,000 crossed, with the final total expected "
                   "to be confirmed later.", "2025-12-31", store=store)
    c = claim(report, "highest")
    years = {y: span(D(y, 1, 1), D(y, 12, 30))[0] for y in (2023, 2024, 2025)}
    assert (c.kind, c.period.end) == ("rank", D(2025, 12, 30))
    assert c.verdict == ("accurate" if max(years, key=years.get) == 2025 else "inaccurate") == "accurate"


def test_hundreds_of_migrants(store):
    """tests/data/news 023 (Monday 2 May 2022): "hundreds" is 200 to 999 (LABELLING.md: at least 200)."""
    c = claim(check("Hundreds of migrants have crossed the Channel in the last 24 hours.", "2022-05-02", store=store), "Hundreds")
    value = span(D(2022, 5, 2), D(2022, 5, 2))[0]
    assert (c.crossing, c.period.start, c.verdict) == (True, D(2022, 5, 2), "accurate" if 200 <= value <= 999 else "inaccurate")
    assert "hundreds (200 to 999)" in c.reason


def test_a_years_figure_and_its_rank_among_years_are_two_claims(store):
    """tests/data/news 040 (2 January 2026): "A total of 41,472 people made the dangerous journey to the UK, marking the
    second-highest annual figure ever recorded": the figure is 2025's, and the ranking ranks 2025 among the years."""
    report = check("Migrant small boat Channel crossings hit record numbers in 2025. A total of 41,472 people made the "
                   "dangerous journey to the UK, marking the second-highest annual figure ever recorded.", "2026-01-02", store=store)
    figure, rank = claim(report, "41,472"), claim(report, "second-highest annual figure")
    years = {y: span(D(y, 1, 1), D(y, 12, 31))[0] for y in range(2018, 2026)}
    assert (figure.kind, figure.period.start, figure.latest.value) == ("figure", D(2025, 1, 1), years[2025])
    assert sorted(years, key=years.get, reverse=True)[1] == 2025
    assert (rank.kind, rank.period.start, rank.verdict) == ("rank", D(2025, 1, 1), "accurate")


def test_tripling_and_topping(store):
    """tests/data/news 004: "This rose to 8,462 in 2020 before more than tripling in 2021" compares 2021 with 2020;
    tests/data/news 080 (23 July 2021): "already topping the 8,410 that came in 2020" is an overtaking, and 8,410 is 2020's."""
    by_year = {y: span(D(y, 1, 1), D(y, 12, 31))[0] for y in (2020, 2021)}
    c = claim(check("In 2018 - the first year the government published figures - 299 migrants crossed the channel. This rose "
                    "to 8,462 in 2020 before more than tripling in 2021.", "2022-09-20", store=store), "tripling")
    assert (c.kind, c.period.start, c.comparison_period.start) == ("ratio", D(2021, 1, 1), D(2020, 1, 1))
    assert c.verdict == "accurate" and by_year[2021] / by_year[2020] > 3
    report = check("At least 8,840 have come so far this year, already topping the 8,410 that came in 2020.", "2021-07-23", store=store)
    assert claim(report, "topping").kind == "overtook"
    c = claim(report, "8,410")
    assert (c.kind, c.period.start, c.latest.value, c.verdict) == ("figure", D(2020, 1, 1), by_year[2020], "close")


def test_real_sentences_about_totals_and_differences(store):
    """tests/data/news 020, 033, 036, 045, 047: a record of 430 set weeks ago is a count, not a time; "about 1,000
    above the total in 2021" is a difference from the number the sentence before was about (not what it was compared
    with); "Last year ... over the same period" is the same period a year earlier; a year after an "until" of
    another year is that figure's own; "reached a new record of 111,000" asylum applications is not a crossing."""
    c = claim(check("This beats the previous record of 430 set just weeks ago on July 20th.", "2021-08-05", store=store), "430")
    assert (c.crossing, c.period.start, c.latest.value) == (True, D(2021, 7, 20), span(D(2021, 7, 20), D(2021, 7, 20))[0])
    from . import news

    art = next(a for a in news.articles() if a.file.startswith("033"))  # checked whole: its opening says 2023
    c = claim(check(art.text, art.date, store=store), "1,000")
    a, b = span(D(2023, 1, 1), D(2023, 12, 31))[0], span(D(2021, 1, 1), D(2021, 12, 31))[0]
    assert (c.kind, c.period.start, c.comparison_period.start) == ("difference", D(2023, 1, 1), D(2021, 1, 1))
    assert c.verdict == "accurate" and abs((a - b) - 1000) <= 100
    c = claim(check("So far this year, official figures collated by the BBC show 17,234 people have arrived in the UK in 365 "
                    "small boats. Last year 20,452 people had arrived in the UK on small boats over the same period.",
                    "2023-08-17", store=store), "20,452")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 1, 1), D(2022, 8, 16), span(D(2022, 1, 1), D(2022, 8, 16))[0])
    c = claim(check("Just over 33,000 people had made the crossing by October 2 2022, compared with 25,330 detected so far in "
                    "2023.", "2023-10-03", store=store), "25,330")
    assert (c.period.start, c.period.end) == (D(2023, 1, 1), D(2023, 10, 2))
    assert not claim(check("The number of asylum applications in the UK during the year to June also reached a new record of "
                           "111,000 - though the government has reduced the backlog of claims by processing them faster.",
                           "2025-08-21", store=store), "111,000").crossing


def test_dealt_with_and_boats_with_people_on_board(store):
    """tests/data/news 079 (2021): people "dealt with" by Border Force or the UK crossed; tests/data/news 082: "The nine
    boats with 279 people on board" are all the boats' people, not one boat's load (which "one boat with 25" is)."""
    report = check("On 9 January, Border Force dealt with 103 people on six boats, while the French authorities stopped "
                   "three vessels from entering UK waters.", "2021-01-16", store=store)
    people, boats = span(D(2021, 1, 9), D(2021, 1, 9))
    assert (claim(report, "103").latest.value, claim(report, "six").latest.value) == (people, boats)
    report = check("The nine boats with 279 people on board were brought to Dover, with French authorities stopping one boat "
                   "with 25 people on board from crossing.", "2022-03-17", store=store)
    assert claim(report, "279").crossing and not claim(report, "25").crossing


def test_the_highest_number_arriving_in_one_day(store):
    """tests/data/news 060 (6 March 2025): the figure of "The highest number arriving in one day this year so far
    stands at 592 people, who crossed ... on March 2" is that day's, not the year's."""
    c = claim(check("The highest number arriving in one day this year so far stands at 592 people, who crossed the Channel "
                    "in 11 boats on March 2.", "2025-03-06", store=store), "592")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2025, 3, 2), D(2025, 3, 2), span(D(2025, 3, 2), D(2025, 3, 2))[0])


def test_totals_brought_to_by_a_days_arrivals(store):
    """tests/data/news 094 (15 June 2022): "On Monday, 138 people arrived bringing the total ... to 705 in June alone,
    with the total for the year so far reaching 10,269": both totals run to Monday 13 June, the month's from 1 June."""
    report = check("On Monday, 138 people arrived bringing the total official number of new arrivals to 705 in June alone, "
                   "with the total for the year so far reaching 10,269.", "2022-06-15", store=store)
    c = claim(report, "705")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 6, 1), D(2022, 6, 13), span(D(2022, 6, 1), D(2022, 6, 13))[0])
    c = claim(report, "10,269")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 1, 1), D(2022, 6, 13), span(D(2022, 1, 1), D(2022, 6, 13))[0])


def test_comparisons_that_say_only_which_way(store):
    """tests/data/news 040 and 091: "were fewer than the record 45,774 in 2022", "remains below the equivalent number
    at this point last year" claim a direction only; a comparison with neither side found is not a claim."""
    c = claim(check("The migrants who arrived in the UK in 2025 were fewer than the record 45,774 in 2022.", "2026-01-02",
                    store=store), "fewer than")
    a, b = span(D(2025, 1, 1), D(2025, 12, 31))[0], span(D(2022, 1, 1), D(2022, 12, 31))[0]
    assert (c.kind, c.period.start, c.comparison_period.start) == ("difference", D(2025, 1, 1), D(2022, 1, 1))
    assert c.verdict == ("accurate" if a < b else "inaccurate") == "accurate"
    c = claim(check("The total number of small boat arrivals so far this year remains below the equivalent number at this "
                    "point last year.", "2023-06-23", store=store), "below")
    a, b = span(D(2023, 1, 1), D(2023, 6, 22))[0], span(D(2022, 1, 1), D(2022, 6, 22))[0]
    assert (c.period.end, c.comparison_period.end, c.verdict) == (D(2023, 6, 22), D(2022, 6, 22), "accurate" if a < b else "inaccurate")
    report = check("I think at the beginning of the agreement the numbers were higher in terms of us sending people to "
                   "France than receiving people under the safe returns route.", "2026-01-27", store=store)
    assert not [x for x in report.claims if x.crossing]


def test_vessels_that_crossed_and_changes_compared_in_a_list(store):
    """tests/data/news 077, 048: vessels that "reached the UK" or "arrived" are boats crossing (not Border Force's);
    087: "The average number of people per boat increased to 62 in 2025" is people per boat even with a death toll
    after it; 053: "an increase of 48% compared to ... and a full 75% compared to the first half of 2023" are two rises."""
    report = check("A record 202 people in 20 vessels reached the UK on Thursday.", "2020-08-01", store=store)
    people, boats = span(D(2020, 7, 30), D(2020, 7, 30))
    c = claim(report, "20")
    assert (c.metric, c.period.start, c.latest.value) == ("boats", D(2020, 7, 30), boats)
    assert claim(report, "202").period.start == D(2020, 7, 30)
    c = claim(check("The number of migrants who have arrived in the UK in small boats is approaching the 10,000 mark, as two "
                    "more vessels arrived on Sunday.", "2024-05-19", store=store), "two")
    assert (c.metric, c.period.start, c.latest.value) == ("boats", D(2024, 5, 19), span(D(2024, 5, 19), D(2024, 5, 19))[1])
    c = claim(check("The average number of people per boat increased to 62 in 2025, and at least 17 people died attempting "
                    "the crossing.", "2026-01-02", store=store), "62")
    people, boats = span(D(2025, 1, 1), D(2025, 12, 31))
    assert (c.metric, c.verdict) == ("people_per_boat", "accurate" if round(people / boats) == 62 else "inaccurate")
    report = check("The total number of those who entered illegally by sea for the period from January 1 to June 30, 2025 "
                   "reaches 19,982 people. This represents an increase of 48% compared to the same period last year (13,489 "
                   "people) and a full 75% compared to the first half of 2023 (11,433 people).", "2025-07-10", store=store)
    c = claim(report, "75%")
    a, b = span(D(2025, 1, 1), D(2025, 6, 30))[0], span(D(2023, 1, 1), D(2023, 6, 30))[0]
    assert (c.kind, c.comparison_period.start, c.verdict) == ("percent_change", D(2023, 1, 1), "accurate")
    assert round(100 * (a - b) / b) == 75


def test_days_out_of_a_month(store):
    """tests/data/news 056: "Journeys took place on 20 out of 31 days" (after July's figures) counts days with
    arrivals; 31 is the month's length, not a claim."""
    report = check("About 3,683 migrants made the crossing on 90 boats in July, the highest monthly total this year. "
                   "Journeys took place on 20 out of 31 days.", "2022-08-02", store=store)
    c = claim(report, "20")
    days = sheet()
    with_arrivals = sum(1 for i in range(31) if (days[D(2022, 7, 1) + dt.timedelta(days=i)][0] or 0) > 0)
    assert (c.metric, c.period.start, c.period.end, c.verdict) == ("days", D(2022, 7, 1), D(2022, 7, 31),
                                                                  "accurate" if with_arrivals == 20 else "inaccurate")
    assert not claim(report, "31").crossing


@pytest.mark.parametrize("date, text, number, category", [
    # tests/data/news 001, 039, 065: rescues by the French, or of people in difficulty, are not arrivals
    ("2020-09-02", "A further 53 people were rescued by French authorities after getting into difficulties before reaching "
                   "British waters.", "53", "rescued"),
    ("2024-06-07", "About 80 people were rescued when they got into difficulty during the crossings on Thursday.", "80", "rescued"),
    ("2018-11-22", "Earlier, French officials said 11 people were pulled from boats in the Channel as they tried to reach "
                   "Britain.", "11", "rescued"),
    # tests/data/news 020: stopped "from reaching the UK" by the French on one day (not SB_02's weekly figure)
    ("2021-08-05", "Incredibly, the French Authorities intercepted eight crossings, preventing a further 246 people from "
                   "reaching the UK.", "246", "prevented"),
    # tests/data/news 036: people a reporter saw, not the day's count
    ("2023-08-17", "About 50 migrants were seen by the PA news agency being brought ashore in Dungeness by an RNLI lifeboat.",
     "50", "seen"),
    # tests/data/news 045: people leaving voluntarily are returns
    ("2025-08-21", "Crucially though the number of people voluntarily leaving has gone up by 13% to 26,761.", "13%", "returns"),
    # tests/data/news 069: the relative clause says who they were; the verb after it what is counted
    ("2019-08-09", "He said it is an established the principle that refugees should claim asylum in the first safe country "
                   "they reach – since January more than 60 people who used small boats to enter the UK illegally have been "
                   "returned to Europe.", "60", "returns"),
    # tests/data/news 019: a sentence about one incident is about one boat
    ("2021-07-19", "In one incident, Border Force apprehended 15 people who had landed at Dungeness beach in Kent.", "15",
     "occupancy"),
    # tests/data/news 094, 087: a number joined to a unit of length or time is an adjective
    ("2022-06-15", "The total number of migrants to make the treacherous journey across the 21-mile Dover Strait currently "
                   "stands at 10,269 in 321 boats.", "21", "other"),
    ("2026-01-01", "Home Secretary Shabana Mahmood introduced reforms in November, proposing temporary refugee status and a "
                   "20-year wait for permanent settlement.", "20", "time"),
    # tests/data/news 094: a group in a list after "including" is part of the whole, not counted apart in the record
    ("2022-06-15", "Judges decided that the plane to Rwanda could take off as around 400 migrants – including mostly men, one "
                   "heavily pregnant woman and 12 children – were seen arriving in Dover.", "12", "share"),
    # tests/data/news 039: a distance
    ("2024-06-07", "Dover and Walmer lifeboats were launched to assist Border Force following reports that dozens of people "
                   "were in the water about 10 miles off the Kent coast on Thursday morning.", "10", "other"),
    # tests/data/news 050, 006: the rest of the clause says what is counted: a legal route, sanctions
    ("2026-01-27", "Shabana Mahmood told LBC 350 people had come to the UK from France through the pilot scheme's approved "
                   "route.", "350", "route"),
    ("2025-09-13", "In July, it announced that 25 people including gang leaders and small boat suppliers had had their assets "
                   "frozen and been banned from travelling to the UK.", "25", "arrests"),
    # tests/data/news 052, 061: the boats of people who are not crossing figures are not either
    ("2025-07-03", "More than 100 migrants departed on two inflatable boats from France's coastal town of Gravelines on "
                   "Wednesday (July 2) for the UK.", "two", "other"),
    ("2020-07-13", "On Saturday, 21 migrants in three boats were brought back to France - including four who were suffering "
                   "from severe hypothermia after their boat capsized.", "three", "other"),
    # tests/data/news 039: a group among those counted; 019: a count of items in a list
    ("2024-06-07", "Three children, including a baby, were reportedly among those brought to safety.", "Three", "share"),
    ("2021-07-19", "The PA news agency, which tracks and analyses numbers of crossings, has compiled a list of five days in "
                   "the last two years when a new record was set.", "five", "other"),
])
def test_numbers_near_crossing_words_that_are_not_crossings(store, date, text, number, category):
    c = claim(check(text, date, store=store), number)
    assert (c.verdict, c.category, c.crossing) == (NC, category, False)


def test_a_streaks_span_starts_at_its_words(store):
    """tests/data/news 023: the claim "after more than a week in which no crossings were reported" does not reach back
    over "24 hours" before it (its qualifier is inside its words)."""
    text = ("British officials say hundreds of people have crossed the English Channel in small boats in the last 24 hours, "
            "after more than a week in which no crossings were reported")
    report = check(text, "2022-05-02", store=store)
    at = text.index("24 hours")
    assert not [c for c in report.claims if c.span[0] <= at < c.span[1]]
    streak = next(c for c in report.claims if c.metric == "days")
    assert streak.span[0] == text.index("after more than")


@pytest.mark.parametrize("date, text", [
    # tests/data/news 011: the number of police officers doubled; 056: double-decker buses
    ("2020-12-31", "The Home Office said the number of police officers on the ground in France had doubled in response to the "
                   "volume of migrants attempting the crossing."),
    ("2022-08-02", "The latest crossings saw large groups of people, including young children, brought ashore in Ramsgate "
                   "before leaving the Kent port on double-decker buses."),
    # tests/data/news 080: the ratio of a forecast; 094: a ranking predicted
    ("2021-07-23", "THE Border Force expects up to 22,000 migrants to cross the Channel in boats this year — nearly triple "
                   "the 2020 total."),
    ("2022-06-15", "This week is predicted to be one of the busiest so far this year for small boat crossings as the summer "
                   "months bring calmer conditions at sea."),
])
def test_changes_and_rankings_that_are_not_crossing_claims(store, date, text):
    assert not [c for c in check(text, date, store=store).claims if c.crossing], text


def test_records_and_changes_of_other_things(store):
    """tests/data/news 015, 045: a record number "of deaths", "of asylum applications" is not a crossing record;
    008: a record and a rise said of the National Crime Agency's disruptions (no crossing words or figures in the
    sentence) are not crossing claims."""
    for date, text in (
            ("2025-01-01", "“The record number of deaths in the Channel this year should serve as a stark reminder that the "
                           "current approach is not working."),
            ("2025-08-21", "Headlines about record numbers of asylum applications and an increase in hotel use since Labour "
                           "came to power clearly don't make comfortable reading for ministers."),
            ("2025-09-01", "Cooper will also highlight the National Crime Agency's efforts in tackling people smugglers, saying "
                           "it led 347 disruptions of immigration crime networks in 2024-25 - the highest level on record and "
                           "a 40% increase on the previous 12 months.")):
        assert not [c for c in check(text, date, store=store).claims if c.crossing], text


@pytest.mark.parametrize("date, text, ordinal, start, end", [
    # tests/data/news 037 (Monday 13 May 2024): the 10 days to the day the opening tells of
    ("2024-05-13", "Migrants in small boats have crossed the Channel for a 10th consecutive day, Home Office data shows.\n"
                   "Border Force vessels brought people wearing life jackets to shore on Monday.", "10th", D(2024, 5, 4), D(2024, 5, 13)),
    # tests/data/news 059: the five days to the day named
    ("2022-09-06", "Migrant crossings continued for a fifth day in a row on Tuesday, with women and young children among "
                   "those seen being brought ashore in Dover, Kent, amid windy conditions at sea.", "fifth",
     D(2022, 9, 2), D(2022, 9, 6)),
    # tests/data/news 081 (Friday 17 September 2021): "this week" runs from its Monday
    ("2021-09-17", "Her trip to Dover came as crossings continued for the fourth consecutive day this week.", "fourth",
     D(2021, 9, 13), D(2021, 9, 16)),
])
def test_a_run_of_days_with_crossings(store, date, text, ordinal, start, end):
    c = next(x for x in check(text, date, store=store).claims if ordinal in x.text)
    assert (c.metric, c.period.start, c.period.end) == ("days", start, end)
    days = sheet()
    every = all((days[start + dt.timedelta(days=i)][0] or 0) > 0 for i in range((end - start).days + 1))
    assert c.verdict == ("accurate" if every else "inaccurate")


def test_a_run_of_days_with_more_than_a_number_is_not_a_run_of_crossings(store):
    """A run of days above a threshold ("the second day in a row that hundreds made the crossing") is not read as a run
    of days with crossings."""
    report = check("It was the second day in a row that hundreds made the crossing, after 392 arrived on Thursday in six "
                   "boats.", "2026-06-20", store=store)
    assert not [c for c in report.claims if c.metric == "days"]


@pytest.mark.parametrize("date, text, words, day, end", [
    # tests/data/news 015 (1 January 2025): arrivals on 29 December, none from the 30th to the last day published
    ("2025-01-01", "The last recorded crossing was on December 29th when 291 migrants made the perilous journey.",
     "The last recorded crossing", D(2024, 12, 29), D(2024, 12, 31)),
    # tests/data/news 042 (31 December 2025): "no crossings since 20 December" (the article itself says 17 came on the 22nd)
    ("2025-12-31", "Figures from the Home Office showed there have been no crossings since 20 December, when more than 800 "
                   "people made the journey.", "no crossings", D(2025, 12, 20), D(2025, 12, 30)),
])
def test_the_last_day_with_crossings(store, date, text, words, day, end):
    c = claim(check(text, date, store=store), words)
    assert (c.kind, c.period.start, c.period.end) == ("last_day", day + dt.timedelta(days=1), end)
    days = sheet()
    after = sum(days[day + dt.timedelta(days=i)][0] or 0 for i in range(1, (end - day).days + 1))
    assert c.verdict == ("accurate" if (days[day][0] or 0) > 0 and after == 0 else "inaccurate")


@pytest.mark.parametrize("date, text, words, day", [
    # tests/data/news 056, 035: a day's figure "in a single day", "a record for the year so far": that day was the year's
    # busiest, and the figure is the day's (not the year's)
    ("2022-08-02", "Almost 700 migrants have crossed the Channel to the UK in a single day, a record for the year so far.",
     "a record for the year so far", D(2022, 8, 1)),
    ("2024-05-02", "More than 700 migrants arrived in the UK after crossing the Channel in a single day -- a new record for "
                   "the year so far.", "a new record for the year so far", D(2024, 5, 1)),
])
def test_a_record_for_the_year_so_far(store, date, text, words, day):
    report = check(text, date, store=store)
    c = claim(report, words)
    assert (c.kind, c.period.start, c.period.end) == ("max_day", day, day)
    days = sheet()
    busiest = max(v[0] or 0 for d, v in days.items() if D(day.year, 1, 1) <= d < day)
    assert c.verdict == ("accurate" if (days[day][0] or 0) > busiest else "inaccurate")
    assert (claim(report, "700").period.start, claim(report, "700").period.end) == (day, day)


def test_boats_with_a_total_of_people_on_board(store):
    """tests/data/news 079 (Saturday 16 January 2021): "Two small boats with a total of 36 migrants on board" are all the
    boats' people (not one boat's load), and the boats share the people's day."""
    report = check("Two small boats with a total of 36 migrants on board were intercepted while crossing the English Channel "
                   "on Saturday.", "2021-01-16", store=store)
    people, boats = span(D(2021, 1, 16), D(2021, 1, 16))
    c = claim(report, "36")
    assert (c.crossing, c.period.start, c.latest.value) == (True, D(2021, 1, 16), people)
    c = claim(report, "Two")
    assert (c.metric, c.period.start, c.latest.value) == ("boats", D(2021, 1, 16), boats)


@pytest.mark.parametrize("date, text, words, above, start, end", [
    # tests/data/news 058 (Monday 5 September 2022): days over 1,000 in the fortnight to the day before
    ("2022-09-05", "More than 1,000 migrants have crossed the Channel to the UK in a single day for the second time in a "
                   "fortnight.", "the second time in a fortnight", 1000, D(2022, 8, 22), D(2022, 9, 4)),
    # tests/data/news 059: the day of the figure that topped it ("on Sunday"), the fortnight to it
    ("2022-09-06", "On Monday, 188 people arrived in five boats, after 1,160 made the journey in 25 boats on Sunday, marking "
                   "the second time the daily total has topped 1,000 in a fortnight.", "the second time", 1000,
     D(2022, 8, 22), D(2022, 9, 4)),
])
def test_the_nth_day_above_a_number(store, date, text, words, above, start, end):
    c = claim(check(text, date, store=store), words)
    assert (c.metric, c.period.start, c.period.end) == ("days", start, end)
    days = sheet()
    n = sum(1 for d, v in days.items() if start <= d <= end and (v[0] or 0) > above)
    assert c.verdict == ("accurate" if n == 2 else "inaccurate")


def test_a_period_recording_zero_crossings(store):
    """tests/data/news 088 (1 February 2026): "a 12-day period ending January 31 recording zero crossings" is a run of 12
    days without arrivals (one claim: "zero" is the same statement); "the 12-day zero-crossing period" is too."""
    days = sheet()
    run = 0
    while (days[D(2026, 1, 31) - dt.timedelta(days=run)][0] or 0) == 0:
        run += 1
    for text in ("Just 933 people made the journey, with a 12-day period ending January 31 recording zero crossings.",
                 "Storm Chandra hit last week, creating conditions that deterred crossing attempts during the 12-day "
                 "zero-crossing period."):
        report = check(text, "2026-02-01", store=store)
        c = claim(report, "12")
        assert (c.metric, c.period.start, c.period.end) == ("days", D(2026, 1, 20), D(2026, 1, 31))
        assert c.verdict == ("accurate" if run == 12 else "inaccurate")
        assert not [x for x in report.claims if x.crossing and x.number == 0]


def test_a_record_of_a_figure_is_the_figures_claim(store):
    """tests/data/news 018, 051: "a single-day record of 202 migrants", "A record-breaking number of 853 migrants ... on a
    single day this week": the record is the figure's claim (one claim on the figure, a record day), not a second one."""
    for date, text, number in (
            ("2020-08-07", "One week ago, a single-day record of 202 migrants were intercepted in a 24-hour period by UK "
                           "border officials.", "202"),
            ("2021-11-06", "London: A record-breaking number of 853 migrants crossed the Channel in small boats on a single "
                           "day this week, the UK’s interior ministry said Friday.", "853")):
        report = check(text, date, store=store)
        crossing = [c for c in report.claims if c.crossing]
        assert [c.text for c in crossing] == [number], text
        assert crossing[0].kind == "record"


def test_overtaking_a_years_total_by_the_last_day_published(store):
    """tests/data/news 089 (13 September 2022): "already overtaking 2021's total" (a year written before "'s", not a
    number overtaken) is checked by the last day published, the day before; 064: "surpassing the total for the same
    period last year" is more than the same period a year before."""
    c = claim(check("A record number of migrants have crossed the Channel in small boats this year - already overtaking "
                    "2021's total.", "2022-09-13", store=store), "overtaking")
    now, then = span(D(2022, 1, 1), D(2022, 9, 12))[0], span(D(2021, 1, 1), D(2021, 12, 31))[0]
    assert (c.kind, c.period.start, c.period.end) == ("overtook", D(2022, 1, 1), D(2022, 9, 12))
    assert c.verdict == ("accurate" if now > then else "inaccurate")
    report = check("Preliminary data from the British Home Office reveals that 5,847 migrants were registered in the UK in "
                   "the first three months of 2025, surpassing the total for the same period last year, which had "
                   "previously set a record.", "2025-03-24", store=store)
    c = next(x for x in report.claims if x.text.startswith("surpassing"))
    now, then = span(D(2025, 1, 1), D(2025, 3, 23))[0], span(D(2024, 1, 1), D(2024, 3, 23))[0]
    assert (c.period.start, c.period.end, c.comparison_period.start, c.comparison_period.end) == (
        D(2025, 1, 1), D(2025, 3, 23), D(2024, 1, 1), D(2024, 3, 23))
    assert c.verdict == ("accurate" if now > then else "inaccurate")


def test_a_period_that_became_the_second_highest(store):
    """tests/data/news 084 (3 December 2023): "This year became the second highest on record" ranks this year (to the
    last day published) second among the years, not a record."""
    c = claim(check("This year became the second highest on record despite Rishi Sunak's pledge to reduce the number of "
                    "boats arriving in Britain.", "2023-12-03", store=store), "second highest")
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2023, 1, 1), D(2023, 12, 2))
    this = span(D(2023, 1, 1), D(2023, 12, 2))[0]
    higher = sum(1 for y in range(2018, 2023) if span(D(y, 1, 1), D(y, 12, 31))[0] > this)
    assert c.verdict == ("accurate" if higher == 1 else "inaccurate")


def test_rescued_off_the_kent_coast(store):
    """tests/data/news 065 (Thursday 22 November 2018): people rescued from dinghies off the Kent coast arrived in the UK;
    before daily reports, a figure with no day is the article's own day's."""
    c = claim(check("Fourteen suspected migrants have been rescued from two dinghies off the Kent coast, according to "
                    "officials.", "2018-11-22", store=store), "Fourteen")
    people = span(D(2018, 11, 22), D(2018, 11, 22))[0]
    assert (c.crossing, c.period.start, c.latest.value) == (True, D(2018, 11, 22), people)


def test_overtaken_by_the_last_day_published(store):
    """tests/data/news 063 (Tuesday 13 September 2022): "so far this year has now exceeded the total for the whole of
    2021", with Monday's crossings the latest reported: this year to the last day published (Monday 12 September),
    as any running total, not to the article's own day."""
    c = claim(check("The number of people who have crossed the English Channel in small boats so far this year has now "
                    "exceeded the total for the whole of 2021. The Ministry of Defence (MoD) said 601 migrants made the "
                    "crossing on Monday in 19 boats.", "2022-09-13", store=store), "exceeded the total")
    a, b = span(D(2022, 1, 1), D(2022, 9, 12))[0], span(D(2021, 1, 1), D(2021, 12, 31))[0]
    assert (c.kind, c.period.start, c.period.end, c.comparison_period.end) == ("overtook", D(2022, 1, 1), D(2022, 9, 12), D(2021, 12, 31))
    assert c.verdict == ("accurate" if a > b else "inaccurate")


def test_running_total_nearest_of_the_two_ends(store):
    """tests/data/news 061 (Monday 13 July 2020): an article reporting its own day's crossings may give a running
    total with or without them; when neither fits, the total is the one nearer the figure (to Sunday 12 July: 2,660 is
    within 1% of it, but not of the total with Monday's 32)."""
    c = claim(check("The Home Office said 180 migrants made the crossing to the UK on Sunday in 15 boats. Another 32 "
                    "migrants crossed the Channel in four small boats on Monday, the Home Office has confirmed. So far "
                    "this year 2,660 people have made the crossing to the Kent and Sussex coast from France in small boats.",
                    "2020-07-13", store=store), "2,660")
    sunday, monday = span(D(2020, 1, 1), D(2020, 7, 12))[0], span(D(2020, 1, 1), D(2020, 7, 13))[0]
    assert abs(sunday - 2660) < abs(monday - 2660)
    assert (c.period.start, c.period.end, c.official.value) == (D(2020, 1, 1), D(2020, 7, 12), sunday)
    assert c.verdict == ("close" if abs(sunday - 2660) <= 0.01 * sunday else "inaccurate")


def test_running_totals_stop_where_the_article_brought_its_total(store):
    """tests/data/news 090 (Monday 22 November 2021): "886 people arrived on Saturday, bringing the 2021 total to more
    than 25,700": the article's figures stop on Saturday, and so does its other running total ("this year is now more
    than three times the 2020 total"), not Sunday, the last day published."""
    report = check("The number of migrants to have reached the UK by boat this year is now more than three times the 2020 "
                   "total. The Home Office said 886 people arrived on Saturday, bringing the 2021 total to more than 25,700.",
                   "2021-11-22", store=store)
    c = claim(report, "three times")
    a, b = span(D(2021, 1, 1), D(2021, 11, 20))[0], span(D(2020, 1, 1), D(2020, 12, 31))[0]
    assert (c.period.start, c.period.end, c.comparison_period.end) == (D(2021, 1, 1), D(2021, 11, 20), D(2020, 12, 31))
    assert c.verdict == ("accurate" if 3 < a / b <= 3.3 else "inaccurate")
    assert claim(report, "25,700").period.end == D(2021, 11, 20)


def test_a_run_without_crossings_is_the_run_found(store):
    """tests/data/news 025 (Christmas Day 2024): "early-hours crossings broke a period of more than a week when no small
    boats had been spotted": the period is the run of days without arrivals before the article's day, as long as it
    was (not the seven days written)."""
    report = check("Migrants have been crossing the English Channel in small boats on Christmas Day. Those who arrived in "
                   "Dover following early-hours crossings broke a period of more than a week when no small boats had been "
                   "spotted.", "2024-12-25", store=store)
    c = claim(report, "broke a period of more than a week when")
    days, run, end = sheet(), 0, D(2024, 12, 24)
    while days[end - dt.timedelta(days=run)][0] == 0:
        run += 1
    assert (c.period.start, c.period.end) == (end - dt.timedelta(days=run - 1), end)
    assert c.verdict == ("accurate" if 7 < run <= 14 else "inaccurate")


@pytest.mark.parametrize("date, text, words, start, end", [
    # tests/data/news 085 (Tuesday 27 August 2024)
    ("2024-08-27", "They are the first small boat arrivals in a week since 206 people made the journey on August 19, "
                   "according to Home Office figures.", "the first small boat arrivals in a week", D(2024, 8, 20), D(2024, 8, 26)),
    # tests/data/news 026 (6 January 2025)
    ("2025-01-06", "This marked the first Channel crossing of the new year after five days of no crossings since Dec. 29 "
                   "when 291 migrants arrived in the UK soil in six boats.", "after five days of no", D(2024, 12, 30), D(2025, 1, 3)),
])
def test_a_run_without_crossings_since_a_day(store, date, text, words, start, end):
    """"the first small boat arrivals in a week since 206 people made the journey on August 19", "after five days of
    no crossings since Dec. 29 when 291 migrants arrived": the run begins the day after the day named (not the days
    before it)."""
    days = sheet()
    c = claim(check(text, date, store=store), words)
    run = [days[start + dt.timedelta(days=i)][0] for i in range((end - start).days + 1)]
    assert (c.period.start, c.period.end) == (start, end)
    assert c.verdict == ("accurate" if not any(run) else "inaccurate")


def test_a_run_ended_by_crossings_over_two_days(store):
    """tests/data/news 023 (Monday 2 May 2022): "Hundreds of people have crossed ... in the last 24 hours, British
    officials said Monday, after more than a week in which none of the hazardous journeys were reported": the
    crossings began on Sunday (254 arrived), so the run is the days without arrivals before Sunday."""
    c = claim(check("Hundreds of people have crossed the English Channel in small boats in the last 24 hours, British "
                    "officials said Monday, after more than a week in which none of the hazardous journeys were reported.",
                    "2022-05-02", store=store), "after more than a week in which none")
    days, run, end = sheet(), 0, D(2022, 4, 30)
    assert days[D(2022, 5, 1)][0] > 0
    while days[end - dt.timedelta(days=run)][0] == 0:
        run += 1
    assert (c.period.start, c.period.end) == (end - dt.timedelta(days=run - 1), end)
    assert c.verdict == ("accurate" if 7 < run <= 14 else "inaccurate")


def test_a_single_day_in_the_year_so_far_is_that_day(store):
    """tests/data/news 035 (Thursday 2 May 2024): "More than 700 migrants arrived in the UK after crossing the Channel in
    a single day -- a new record for the year so far": the year is where the day is found; the claim's period is the
    day that bears it out (the latest: Wednesday 1 May), not the year."""
    c = claim(check("More than 700 migrants arrived in the UK after crossing the Channel in a single day -- a new record for "
                    "the year so far.", "2024-05-02", store=store), "700")
    days = sheet()
    fits = [d for d, v in days.items() if D(2024, 1, 1) <= d <= D(2024, 5, 1) and v[0] is not None and 700 < v[0] <= 770]
    assert (c.period.start, c.period.end, c.verdict) == (max(fits), max(fits), "accurate")
    assert max(fits) == D(2024, 5, 1)


def test_since_the_deal_in_2022_is_the_rwanda_deal(store):
    """tests/data/news 059 (6 September 2022) and 089: "Since the deal was announced, 22,304 people have crossed",
    "since the pact was agreed 23,294 have made the journey": in 2022 the deal is the Rwanda deal (14 April 2022,
    tests/data/news/LABELLING.md); in another year the words name no event the checker knows."""
    c = claim(check("In April, Ms Patel signed what she described as a world-first agreement with Rwanda. Since the deal was "
                    "announced, 22,304 people have crossed the Channel to the UK in small boats.", "2022-09-06", store=store),
              "22,304")
    value = span(D(2022, 4, 14), D(2022, 9, 5))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 4, 14), D(2022, 9, 5), value)
    c = claim(check("Since the deal was announced, 2,304 people have crossed the Channel to the UK in small boats.",
                    "2025-09-06", store=store), "2,304")
    assert c.verdict == "unverifiable"


def test_milestones_not_reached_until_a_day_last_year(store):
    """tests/data/news 029 (30 April 2025): "Last year, the figure of 10,000 was not reached until May 24", "For 11,000,
    that number of arrivals was not reached until June 6 last year": running totals of 2024 to that day (the year
    from "last year", written before or after; not the 2023 named later in the sentence)."""
    report = check("Last year, the figure of 10,000 was not reached until May 24, while in 2023 it was June 17. For 11,000, "
                   "that number of arrivals was not reached until June 6 last year, and it was June 23 in 2023.",
                   "2025-04-30", store=store)
    for text, end, n in (("10,000", D(2024, 5, 24), 10_000), ("11,000", D(2024, 6, 6), 11_000)):
        c = claim(report, text)
        value = span(D(2024, 1, 1), end)[0]
        assert (c.period.start, c.period.end, c.latest.value) == (D(2024, 1, 1), end, value)
        assert c.verdict == ("accurate" if abs(value - n) <= 500 else "inaccurate")


def test_a_total_if_yesterdays_figures_are_included(store):
    """tests/data/news 084 (Sunday 3 December 2023): "this year is now set to overtake 2021, as an estimated 28,653 have
    reached Dover, if yesterday's figures are included": this year's running total to yesterday, not yesterday's."""
    c = claim(check("But this year is now set to overtake 2021, as an estimated 28,653 have reached Dover, if yesterday's "
                    "figures are included.", "2023-12-03", store=store), "28,653")
    value = span(D(2023, 1, 1), D(2023, 12, 2))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2023, 1, 1), D(2023, 12, 2), value)
    assert c.verdict == ("accurate" if abs(value - 28_653) <= 0.02 * 28_653 else "inaccurate")


def test_a_year_when_the_figure_was_is_that_years_month(store):
    """tests/data/news 088 (1 February 2026) and 086 (1 September 2025): "The last time January numbers were lower was
    in 2021, when 224 migrants made the crossing"; after "in August, there were 55 small boat crossings", "this figure is
    the lowest total since 2019, when it stood at 34": the month of that year, not the whole year."""
    c = claim(check("The last time January numbers were lower was in 2021, when 224 migrants made the crossing.",
                    "2026-02-01", store=store), "224")
    value = span(D(2021, 1, 1), D(2021, 1, 31))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2021, 1, 1), D(2021, 1, 31), value)
    assert c.verdict == ("accurate" if value == 224 else "inaccurate")
    c = claim(check("But in August, there were 55 small boat crossings in the Channel, the Home Office announced on Monday. "
                    "The Financial Times reports that this figure is the lowest total since 2019, when it stood at 34.",
                    "2025-09-01", store=store), "34")
    boats = span(D(2019, 8, 1), D(2019, 8, 31))[1]
    assert (c.metric, c.period.start, c.period.end, c.latest.value) == ("boats", D(2019, 8, 1), D(2019, 8, 31), boats)


def test_a_month_followed_by_a_number_that_is_not_a_day(store):
    """tests/data/news 008 (2 September 2025): "In August 55 small boats crossed the Channel": 55 cannot be a day of
    August, so "In August" is the period (not the financial year of the sentence before)."""
    c = claim(check("It led 347 disruptions of immigration crime networks in 2024-25 - the highest level on record. In August "
                    "55 small boats crossed the Channel.", "2025-09-02", store=store), "55")
    boats = span(D(2025, 8, 1), D(2025, 8, 31))[1]
    assert (c.metric, c.period.start, c.period.end, c.latest.value) == ("boats", D(2025, 8, 1), D(2025, 8, 31), boats)
    assert [p.spec.kind for p in find_periods("On August 5 boats crossed.")] == ["date"]


def test_boats_carrying_people_share_their_period(store):
    """tests/data/news 072 (Friday 15 November 2019, a report of that day's boats): "Eight boats carrying more than 90
    migrants have crossed the Channel since 8 November": the boats are counted since 8 November, as the people are."""
    from . import news

    art = next(a for a in news.articles() if a.file.startswith("072"))
    report = check(art.text, art.date, store=store)
    people, boats = span(D(2019, 11, 8), D(2019, 11, 15))
    c = claim(report, "Eight")
    assert (c.metric, c.period.start, c.period.end, c.latest.value) == ("boats", D(2019, 11, 8), D(2019, 11, 15), boats)
    assert c.verdict == ("accurate" if boats == 8 else "inaccurate")
    assert claim(report, "90").period.start == D(2019, 11, 8)


def test_a_record_on_a_single_day_this_week_is_the_weeks_busiest_day(store):
    """tests/data/news 051 (Saturday 6 November 2021): "A record-breaking number of 853 migrants crossed the Channel in
    small boats on a single day this week": the record day is the week's busiest (Wednesday 3 November), checked
    against every day before it."""
    c = claim(check("London: A record-breaking number of 853 migrants crossed the Channel in small boats on a single day "
                    "this week, the UK’s interior ministry said Friday.", "2021-11-06", store=store), "853")
    days = sheet()
    week = {d: v[0] for d, v in days.items() if D(2021, 11, 1) <= d <= D(2021, 11, 5)}
    top = max(week, key=week.get)
    before = max(v[0] for d, v in days.items() if d < top and v[0] is not None)
    assert (c.kind, c.period.start, c.period.end) == ("record", top, top)
    assert c.verdict == ("accurate" if week[top] == 853 and week[top] > before else "inaccurate")


def test_early_mid_and_late_in_a_month(store):
    """tests/data/news 051 (6 November 2021): "the previous highest figure of 828 set in late August": 21-31 August
    (early: the 1st to the 10th, mid: the 11th to the 20th), one line in the period table."""
    c = claim(check("This exceeded the previous highest figure of 828 set in late August.", "2021-11-06", store=store), "828")
    assert (c.period.start, c.period.end) == (D(2021, 8, 21), D(2021, 8, 31))
    (p,) = find_periods("in mid-February 2024")
    assert (resolve(p.spec, D(2025, 1, 1)).start, resolve(p.spec, D(2025, 1, 1)).end) == (D(2024, 2, 11), D(2024, 2, 20))
    (p,) = find_periods("in early June")
    assert (resolve(p.spec, D(2025, 7, 1)).start, resolve(p.spec, D(2025, 7, 1)).end) == (D(2025, 6, 1), D(2025, 6, 10))


def test_a_period_that_opens_the_next_clause(store):
    """tests/data/news 043 (11 September 2019): "This month, the number has already reached 110 and so far this year,
    only 70 people have been returned": "so far this year," opens the next clause; 110 is this month's."""
    c = claim(check("This month, the number of migrants crossing the Channel has already reached 110 and so far this year, "
                    "only 70 people have been returned to Europe.", "2019-09-11", store=store), "110")
    value = span(D(2019, 9, 1), D(2019, 9, 10))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2019, 9, 1), D(2019, 9, 10), value)


def test_a_period_of_zero_crossings(store):
    """tests/data/news 088 (1 February 2026): "with a 12-day period ending January 31 recording zero crossings", "the
    12-day zero-crossing period": a run of days without arrivals (to 31 January), not days with arrivals in January."""
    report = check("Just 933 people made the journey, with a 12-day period ending January 31 recording zero crossings. Storm "
                   "Chandra hit last week, creating conditions that deterred crossing attempts during the 12-day "
                   "zero-crossing period.", "2026-02-01", store=store)
    days = sheet()
    run = [days[D(2026, 1, 20) + dt.timedelta(days=i)][0] for i in range(12)]
    for k in (1, 2):
        c = claim(report, "12", k)
        assert (c.metric, c.period.start, c.period.end) == ("days", D(2026, 1, 20), D(2026, 1, 31))
        assert c.verdict == ("accurate" if not any(run) and days[D(2026, 1, 19)][0] else "inaccurate")


def test_short_of_a_total_is_a_difference(store):
    """tests/data/news 058 (5 September 2022) and 059: "This is just over 1,000 short of the number of arrivals for the
    whole of last year", "just less than 1,000 short of the number of arrivals in 2021": a difference of this year so
    far (to the last day published) below last year ("just less than" is "almost")."""
    c = claim(check("More than 27,500 people have crossed the Channel from France to the UK in small boats, such as dinghies, "
                    "so far in 2022. The total to date is just less than 1,000 short of the number of arrivals in 2021.",
                    "2022-09-06", store=store), "1,000")
    a, b = span(D(2022, 1, 1), D(2022, 9, 5))[0], span(D(2021, 1, 1), D(2021, 12, 31))[0]
    assert (c.kind, c.qualifier, c.period.start, c.period.end) == ("difference", "almost", D(2022, 1, 1), D(2022, 9, 5))
    assert (c.comparison_period.start, c.comparison_period.end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert c.verdict_latest == ("accurate" if 950 <= b - a < 1000 else "inaccurate")


def test_the_daily_total_topped_a_number(store, rows):
    """tests/data/news 058 (Monday 5 September 2022): "This is the second time this year the daily total has topped
    1,000": a day's figure (some day of the year), the day that bears it out: Sunday 4 September, as the Ministry of
    Defence page of 5 September published it."""
    text, people, _ = mod_page("2022-09-05")
    assert "4 September 2022" in text
    c = claim(check("This is the second time this year the daily total has topped 1,000, after August 22 saw a record "
                    "1,295 people intercepted in 27 boats.", "2022-09-05", store=store), "1,000")
    assert (c.period.start, c.period.end) == (D(2022, 9, 4), D(2022, 9, 4))
    assert (c.official.value, c.verdict) == (people, "accurate" if 1000 < people <= 2000 else "inaccurate")  # a step: 1,000


def test_the_previous_12_months_before_the_figures_own(store):
    """tests/data/news 042 (31 December 2025): "in the past year was 41,472, marking a 13% rise on the 36,566 for the
    previous 12 months": the twelve months before the past year's (to the last day published), not the calendar year
    before the article's; 003: "In 2023, the figure was 11,433 - slightly lower than the 12,747 recorded the year
    before", after the first half of 2024: the first half of 2022."""
    c = claim(check("Home Office figures showed the total number of migrants crossing the Channel in the past year was "
                    "41,472, marking a 13% rise on the 36,566 for the previous 12 months.", "2025-12-31", store=store), "36,566")
    value = span(D(2023, 12, 31), D(2024, 12, 30))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2023, 12, 31), D(2024, 12, 30), value)
    assert c.verdict == ("close" if abs(value - 36_566) <= 0.01 * value else "inaccurate")
    c = claim(check("In 2024, Home Office figures recorded 13,489 people arriving in the UK via small boats in the first half "
                    "of the year. In 2023, the figure was 11,433 - which was slightly lower than the 12,747 recorded the year "
                    "before.", "2025-07-01", store=store), "12,747")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 1, 1), D(2022, 6, 30), span(D(2022, 1, 1), D(2022, 6, 30))[0])


def test_the_same_point_of_a_changes_subject(store):
    """tests/data/news 034 (13 September 2022): "The 2022 figure to date is nearly double the number that had been
    detected by this point last year, which was just under 14,500": the same point as the change's subject (2022 to
    the last day published), a year earlier; not the figure of the sentence before (the whole of 2021)."""
    c = claim(check("That compares to 28,526 for the whole of 2021. The 2022 figure to date is nearly double the number "
                    "that had been detected by this point last year, which was just under 14,500.", "2022-09-13",
                    store=store), "14,500")
    value = span(D(2021, 1, 1), D(2021, 9, 12))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2021, 1, 1), D(2021, 9, 12), value)
    assert c.verdict == ("accurate" if 0.95 * 14_500 <= value < 14_500 else "inaccurate")


def test_a_range_of_days_written_month_first(store):
    """tests/data/news 028 (17 August 2023): "a total of 40 small boats were detected crossing the English Channel from
    Aug. 10-16": 10 to 16 August (one line in the period table)."""
    c = claim(check("The figures revealed that a total of 40 small boats were detected crossing the English Channel from "
                    "Aug. 10-16.", "2023-08-17", store=store), "40")
    boats = span(D(2023, 8, 10), D(2023, 8, 16))[1]
    assert (c.metric, c.period.start, c.period.end, c.latest.value) == ("boats", D(2023, 8, 10), D(2023, 8, 16), boats)
    assert c.verdict == ("accurate" if boats == 40 else "inaccurate")


def test_a_ratio_compared_to_a_year_further_on(store):
    """tests/data/news 011 (31 December 2020): "More than four times the number of migrants reached the UK by boat in
    2020 compared to 2019": 2020 (to the last day published) against 2019, not the other way round."""
    c = claim(check("More than four times the number of migrants reached the UK by boat in 2020 compared to 2019, according "
                    "to official figures.", "2020-12-31", store=store), "four times")
    a, b = span(D(2020, 1, 1), D(2020, 12, 30))[0], span(D(2019, 1, 1), D(2019, 12, 31))[0]
    assert (c.kind, c.period.start, c.period.end) == ("ratio", D(2020, 1, 1), D(2020, 12, 30))
    assert (c.comparison_period.start, c.comparison_period.end) == (D(2019, 1, 1), D(2019, 12, 31))
    assert c.verdict == ("accurate" if 4 < a / b <= 5 else "inaccurate")


def assert_span_record(c, start: dt.date, end: dt.date) -> None:
    """``c`` is a record of start..end (within one year) against the same span of every earlier year since 2018, and
    its verdict is what the source rows say."""
    this = span(start, end)[0]
    best = max(span(start.replace(year=y), end.replace(year=y))[0] for y in range(2018, start.year))
    assert (c.kind, c.period.start, c.period.end) == ("record", start, end)
    assert c.verdict == ("accurate" if this > best else "inaccurate")


def test_a_record_of_the_clauses_own_period(store):
    """tests/data/news 005 (10 July 2025): "Numbers this year have reached record levels with nearly 20,000 arriving in
    the first six months of 2025": the record is this year's so far (to the last day published), against the same
    span of every earlier year; the figure after it keeps its own period."""
    report = check("Numbers this year have reached record levels with nearly 20,000 arriving in the first six months of "
                   "2025.", "2025-07-10", store=store)
    c = claim(report, "record levels")
    assert_span_record(c, D(2025, 1, 1), D(2025, 7, 9))
    assert claim(report, "20,000").period.end == D(2025, 6, 30)


def test_todays_count_still_to_come(store):
    """tests/data/news 025 (Christmas Day 2024): the article reports crossings on its own day but "The total number of
    Christmas Day crossings will be revealed in the Home Office's day-to-day count": "Some 35,040 people have made the
    journey in 2024 so far" runs to the day before."""
    report = check("Migrants have been crossing the English Channel in small boats on Christmas Day. The total number of "
                   "Christmas Day crossings will be revealed in the Home Office’s day-to-day count of arrivals. Some 35,040 "
                   "people have made the journey in 2024 so far, 20% higher than last year.", "2024-12-25", store=store)
    c = claim(report, "35,040")
    value = span(D(2024, 1, 1), D(2024, 12, 24))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2024, 1, 1), D(2024, 12, 24), value)
    assert c.verdict == ("accurate" if abs(value - 35_040) <= 0.02 * 35_040 else "inaccurate")  # "some": around
    assert claim(report, "20%").period.end == D(2024, 12, 24)


def test_days_counted_back_from_the_day_named_before(store):
    """tests/data/news 065 (Thursday 22 November 2018): "Last Sunday, nine migrants ... and the previous Friday, seven
    others ... Two days earlier, three more boats were intercepted off Kent with a total of 24 people": Friday 16 and
    Wednesday 14 November, each counted back from the day named before it."""
    report = check("Last Sunday, nine migrants - believed to be Iranian - were picked up at Folkestone and the previous "
                   "Friday, seven others - also believed to be Iranians - were picked up near Dover. Two days earlier, three "
                   "more boats were intercepted off Kent with a total of 24 people, including a toddler.", "2018-11-22",
                   store=store)
    for text, day in (("nine", D(2018, 11, 18)), ("seven", D(2018, 11, 16)), ("three", D(2018, 11, 14)), ("24", D(2018, 11, 14))):
        c = claim(report, text)
        people, boats = span(day, day)
        assert (c.period.start, c.period.end, c.latest.value) == (day, day, boats if c.metric == "boats" else people), text


def test_the_boats_of_the_busiest_day(store):
    """tests/data/news 063 (13 September 2022): "August saw the highest daily total on record, with 1,295 people
    crossing in 27 boats": the boats are the busiest day's (22 August, as the Ministry of Defence pages published
    it), not August's."""
    c = claim(check("August saw the highest daily total on record, with 1,295 people crossing in 27 boats.", "2022-09-13",
                    store=store), "27")
    text, people, boats = mod_page("2022-08-23")
    assert "23:59 22 August 2022" in text
    assert people == 1295
    assert (c.metric, c.period.start, c.period.end, c.official.value) == ("boats", D(2022, 8, 22), D(2022, 8, 22), boats)
    assert c.verdict == ("accurate" if boats == 27 else "inaccurate")


def test_a_gap_without_crossings_in_a_month(store):
    """tests/data/news 042 (31 December 2025): "December 2025 saw a gap of 28 days without any crossings": a run of days
    without arrivals reaching into December (15 November to 12 December), not the days up to the article's date."""
    c = claim(check("December 2025 saw a gap of 28 days without any crossings, and some observers said that was due to "
                    "strong winds in the Channel.", "2025-12-31", store=store), "28")
    days = sheet()
    run = [d for d in days if D(2025, 11, 15) <= d <= D(2025, 12, 12)]
    assert len(run) == 28 and not any(days[d][0] for d in run)
    assert days[D(2025, 11, 14)][0] and days[D(2025, 12, 13)][0]
    assert (c.metric, c.period.start, c.period.end, c.verdict) == ("days", D(2025, 11, 15), D(2025, 12, 12), "accurate")


def test_a_ranking_since_records_began_of_the_span_before(store):
    """tests/data/news 053 (2 July 2025): "... for the period from January 1 to June 30, 2025 reaches 19,982 people. ...
    The figures mark the highest level of migrant flows across the English Channel since official statistics began in
    2018": the half year before, against the same span of every earlier year (no unit of its own to rank)."""
    report = check("The number of migrants who crossed by sea for the period from January 1 to June 30, 2025 reaches 19,982 "
                   "people. This represents an increase of 48% compared to the same period last year (13,489 people). The "
                   "figures mark the highest level of migrant flows across the English Channel since official statistics "
                   "began in 2018.", "2025-07-02", store=store)
    c = claim(report, "highest level")
    assert_span_record(c, D(2025, 1, 1), D(2025, 6, 30))


@pytest.mark.parametrize("text, words, first", [
    # tests/data/news 033 (2 January 2024): an opening about 2023, then a figure with no period of its own, then its rank
    ("LONDON (AP) — The number of migrants crossing the English Channel in 2023 fell by more than a third from the previous "
     "year, the British government said.\n\nThe 30,000 crossings recorded in preliminary figures made up 36% fewer than the "
     "more than 45,000 in 2022. But the number was the second-highest since 2018 — about 1,000 above the total in 2021.",
     "second-highest", 2019),
    # tests/data/news 032 (2 January 2024): "the second-largest yearly tally since officials began publishing the numbers in 2018"
    ("Nearly 30,000 migrants crossed the Channel from mainland Europe to Britain in small boats in 2023, an annual drop of "
     "more than a third, according to government figures released on Monday.\n\nBut the unauthorised arrival of 29,437 "
     "people on the southeast English coast is still the second-largest yearly tally since officials began publishing the "
     "numbers in 2018.", "second-largest yearly tally", 2018),
])
def test_a_ranking_of_a_figure_with_no_period_takes_the_articles_year(store, text, words, first):
    """A ranking of a figure that has no period of its own ("But the number was the second-highest since 2018", "is
    still the second-largest yearly tally"): what is ranked is the year the article is about (2023)."""
    c = claim(check(text, "2024-01-02", store=store), words)
    years = sorted((span(D(y, 1, 1), D(y, 12, 31))[0] for y in range(first, 2024)), reverse=True)
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2023, 1, 1), D(2023, 12, 31))
    assert c.verdict == ("accurate" if years[1] == span(D(2023, 1, 1), D(2023, 12, 31))[0] else "inaccurate")


def test_a_ranking_of_the_year_that_had_it_within_the_span_opening_the_sentence(store):
    """tests/data/news 084 (3 December 2023): "Since the migrant boat crisis began in 2018, last year had the highest
    number of migrants reaching Britain, with 45,774 arrivals on dinghies": 2022 ranked among the years since 2018."""
    report = check("Since the migrant boat crisis began in 2018, last year had the highest number of migrants reaching "
                   "Britain, with 45,774 arrivals on dinghies.", "2023-12-03", store=store)
    c = claim(report, "highest number")
    years = {y: span(D(y, 1, 1), D(y, 12, 31))[0] for y in range(2018, 2023)}
    assert (c.period.start, c.period.end) == (D(2022, 1, 1), D(2022, 12, 31))
    assert c.verdict == ("accurate" if max(years, key=years.get) == 2022 else "inaccurate")


@pytest.mark.parametrize("date, text, words, end, year", [
    # tests/data/news 084 (3 December 2023): a bare year after "overtake" is that year's total
    ("2023-12-03", "The second highest on record was 2021, with 28,526 arrivals. But this year is now set to overtake 2021, "
                   "as an estimated 28,653 have reached Dover, if yesterday's figures are included.", "overtake", D(2023, 12, 2), 2021),
    # tests/data/news 034 (13 September 2022): this year to the last day published against the whole of 2021
    ("2022-09-13", "More migrants have crossed the Channel to the UK from northern France so far this year than in the whole "
                   "of 2021, official government figures showed on Tuesday.", "than in the whole", D(2022, 9, 12), 2021),
])
def test_overtaking_a_years_total(store, date, text, words, end, year):
    """"set to overtake 2021", "so far this year than in the whole of 2021": this year to the last day published
    against that year's total."""
    c = claim(check(text, date, store=store), words)
    this, before = span(D(end.year, 1, 1), end)[0], span(D(year, 1, 1), D(year, 12, 31))[0]
    assert (c.kind, c.period.start, c.period.end) == ("overtook", D(end.year, 1, 1), end)
    assert c.verdict == ("accurate" if this > before else "inaccurate")


def test_setting_and_beating_a_record(store):
    """tests/data/news 003 (1 July 2025): "the latest figures show 2025 has already set a new record for small boat
    arrivals in the first six months of the year": the half year against every earlier first half. tests/data/news 020
    (5 August 2021): "482 migrants made the crossing in a single day, new figures for yesterday show. This beats the
    previous record of 430 set just weeks ago on July 20th": yesterday's figure is the record, not the old one's day."""
    report = check("But the latest figures show 2025 has already set a new record for small boat arrivals in the first six "
                   "months of the year, since the data was first collected in 2018.", "2025-07-01", store=store)
    c = claim(report, "set a new record")
    assert_span_record(c, D(2025, 1, 1), D(2025, 6, 30))
    report = check("482 migrants made the crossing in a single day, new figures for yesterday show. This beats the previous "
                   "record of 430 set just weeks ago on July 20th.", "2021-08-05", store=store)
    c = claim(report, "beats the previous record")
    days = sheet()
    before = max(v[0] or 0 for d, v in days.items() if d < D(2021, 8, 4))
    assert (c.period.start, c.period.end) == (D(2021, 8, 4), D(2021, 8, 4))
    assert c.verdict == ("accurate" if days[D(2021, 8, 4)][0] > before else "inaccurate")


def test_more_than_the_whole_of_a_year_after_a_figure_is_its_comparison(store):
    """tests/data/news (the 2025 articles): "already more than the whole of 2024" after a figure is that figure's
    comparison, not a claim of its own."""
    report = check("It means 40,081 people have now made the journey in 2025, already more than the whole of 2024.",
                   "2025-12-15", store=store)
    assert [c.text for c in report.claims if c.crossing] == ["40,081"]  # the figure's comparison, not a claim of its own


def test_a_part_of_a_day(store):
    """tests/data/news 075 (3 May 2020), 069 (9 August 2019), 011 (31 December 2020): a figure for a part of a day ("in
    the early hours of Sunday morning"), in its own sentence or in the next one telling of the same group, cannot be
    checked (the record has whole days), unless the article gives the same figure for the whole day ("As well as the 33
    who made the trip on Thursday")."""
    report = check("Forty-nine migrants on board three dinghies were intercepted by Border Force in the early hours of "
                   "Sunday morning, the Home Office has confirmed.", "2020-05-03", store=store)
    people, boats = span(D(2020, 5, 3), D(2020, 5, 3))
    for text, value in (("Forty-nine", people), ("three", boats)):
        c = claim(report, text)
        assert (c.verdict, c.period.start, c.period.end) == ("unverifiable", D(2020, 5, 3), D(2020, 5, 3)), text
        assert f"a part of a day ('in the early hours of Sunday morning'): the record has whole days (3 May 2020: {value}" \
            in c.reason
    report = check("Thirty migrants who attempted to cross the English Channel in three small boats and a kayak have been "
                   "intercepted by Border Force officials. The group of 27 men, one woman and two children, who say they are "
                   "from Iran and Afghanistan, were spotted off the coast of Kent in the early hours of Friday morning.",
                   "2019-08-09", store=store)
    for text in ("Thirty", "three"):
        c = claim(report, text)
        assert (c.verdict, c.period.start, c.period.end) == ("unverifiable", D(2019, 8, 9), D(2019, 8, 9)), text
    report = check("Despite freezing temperatures 33 migrants were the latest to reach the UK, in four boats on Thursday "
                   "morning. As well as the 33 who made the trip on Thursday, a further 17 were prevented from making the "
                   "crossing by French authorities.", "2020-12-31", store=store)
    people, boats = span(D(2020, 12, 31), D(2020, 12, 31))
    for text, value in (("33", people), ("four", boats)):
        c = claim(report, text)
        assert (c.period.start, c.official.value) == (D(2020, 12, 31), value), text
        assert c.verdict == ("accurate" if value == {"33": 33, "four": 4}[text] else "inaccurate"), text


def test_recent_days_are_no_period(store):
    """tests/data/news 024 (7 August 2020): "They are some of hundreds of people who have attempted the crossing in recent
    days": no span a reader could pin down, so the figure cannot be checked; the day named in the next sentence keeps
    its own figure."""
    report = check("They are some of hundreds of people who have attempted the crossing in recent days. A total of 235 "
                   "migrants were intercepted crossing the English Channel on Thursday, the Home Office confirmed.",
                   "2020-08-07", store=store)
    c = claim(report, "hundreds")
    assert (c.verdict, c.period.start if c.period else None) == ("unverifiable", None)
    assert "'in recent days' is not a defined period" in c.reason
    c = claim(report, "235")
    people = span(D(2020, 8, 6), D(2020, 8, 6))[0]
    assert (c.period.start, c.official.value, c.verdict) == (D(2020, 8, 6), people, "accurate" if people == 235 else "inaccurate")


def test_a_count_not_complete(store):
    """tests/data/news 070 (15 September 2019): "Three boats ... have been intercepted off the Kent coast. The Home Office
    confirmed Border Force is dealing with all the three ongoing incidents.": the day's count was not complete, so the
    figures are read as at least three boats that day."""
    report = check("Three boats suspected of carrying migrants have been intercepted off the Kent coast. The Home Office "
                   "confirmed Border Force is dealing with all the three ongoing incidents.", "2019-09-15", store=store)
    boats = span(D(2019, 9, 15), D(2019, 9, 15))[1]
    for text in ("Three", "three"):
        c = claim(report, text)
        assert (c.metric, c.period.start, c.period.end, c.official.value) == ("boats", D(2019, 9, 15), D(2019, 9, 15), boats)
        assert c.verdict == ("accurate" if 3 <= boats <= 4 else "inaccurate"), text  # at least 3: a step (1) or 10% above
        assert "read as at least three: the count was not complete, 'ongoing incidents'" in c.reason


def test_at_least_misspelt(store):
    """tests/data/news 079 (16 January 2021), 014 (4 January 2022): "A least 8,400 people made the crossing in 2020",
    "during the course of which least 6,869 people reached the UK": typos for "at least"."""
    for text, day, number, a, b in (("A least 8,400 people made the crossing in 2020.", "2021-01-16", "8,400",
                                     D(2020, 1, 1), D(2020, 12, 31)),
                                    ("The peak came in November, during the course of which least 6,869 people reached "
                                     "the UK.", "2022-01-04", "6,869", D(2021, 11, 1), D(2021, 11, 30))):
        c = claim(check(text, day, store=store), number)
        n = float(number.replace(",", ""))
        people = span(a, b)[0]
        assert (c.qualifier, c.period.start, c.period.end, c.official.value) == ("at least", a, b, people)
        step = 100 if n % 100 == 0 else 1
        assert c.verdict == ("accurate" if n <= people <= n + max(step, 0.1 * n) else "inaccurate")


def test_the_figure_up_on_a_year(store):
    """tests/data/news 049 (1 January 2023): "A total of 45,756 migrants have risked their lives to cross the English Channel
    in 2022. [...] the figure is also up more than 60% on 2021": the change is of the last figure before it for another
    whole year (2022), not a figure of its own (nor the figure since the Rwanda deal two sentences before)."""
    report = check("A total of 45,756 migrants have risked their lives to cross the English Channel in 2022. Since the "
                   "Rwanda deal was signed in April, 40,460 migrants have arrived in the UK after crossing the Channel. Prime "
                   "minister Rishi Sunak promised to bring in legislation in 2023 to make it 'unambiguously clear that if you "
                   "enter the UK illegally, you should not be able to remain here'. According to analysis by Sky News, the figure is also up more than 60% on 2021.", "2023-01-01",
                   store=store)
    c = claim(report, "60%")
    a, b = span(D(2022, 1, 1), D(2022, 12, 31))[0], span(D(2021, 1, 1), D(2021, 12, 31))[0]
    pct = (a - b) / b * 100
    assert (c.period.start, c.period.end) == (D(2022, 1, 1), D(2022, 12, 31))
    assert (c.comparison_period.start, c.comparison_period.end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert c.latest.value == round(pct, 2)
    assert c.verdict == ("accurate" if 60 < pct <= 66 else "inaccurate")  # more than 60%: above it, within 10%


def test_around_a_percentage(store):
    """tests/data/news 009 (4 August 2025): "As of 30 July, more than 25,000 people had crossed the Channel in small boats
    in 2025 - around 49% higher than at the same point last year": "around" on a percentage is within half the rounding
    step or 2% (LABELLING.md), not 10%."""
    c = claim(check("As of 30 July, more than 25,000 people had crossed the Channel in small boats in 2025 - around 49% "
                    "higher than at the same point last year.", "2025-08-04", store=store), "49%")
    a, b = span(D(2025, 1, 1), D(2025, 7, 30))[0], span(D(2024, 1, 1), D(2024, 7, 30))[0]
    pct = (a - b) / b * 100
    assert (c.period.start, c.period.end, c.latest.value) == (D(2025, 1, 1), D(2025, 7, 30), round(pct, 2))
    assert c.verdict == ("accurate" if abs(pct - 49) <= 0.98 else "inaccurate")


def test_a_record_on_the_day_the_opening_tells_of(store):
    """tests/data/news 061 (Monday 13 July 2020): "A record number of migrants crossed the Channel on the day the home
    secretary announced a 'new operation approach' ... The Home Office said 180 migrants made the crossing to the UK on
    Sunday in 15 boats.": the record is Sunday's, the day the opening tells of, not the article's own day."""
    report = check("A record number of migrants crossed the Channel on the day the home secretary announced a \"new "
                   "operation approach\" to dealing with small boat crossings. The Home Office said 180 migrants made the "
                   "crossing to the UK on Sunday in 15 boats.", "2020-07-13", store=store)
    c = claim(report, "A record number")
    days = sheet()
    day = D(2020, 7, 12)
    before = max(v[0] for d, v in days.items() if d < day and v[0] is not None)
    assert (c.kind, c.period.start, c.period.end) == ("record", day, day)
    assert c.verdict == ("accurate" if days[day][0] > before else "inaccurate")


def test_one_week_ago(store):
    """tests/data/news 018 (7 August 2020): "As many as 235 migrants were detained crossing the English Channel on
    Thursday ... One week ago, a single-day record of 202 migrants were intercepted": seven days before the day the
    article tells of (Thursday 30 July), however many sentences before it that day is named."""
    report = check("As many as 235 migrants were detained crossing the English Channel on Thursday, the Home Office "
                   "confirmed to the BBC. The Maritime and Coastguard Agency and Border Force units apprehended 17 boats in "
                   "total, the UK authorities added. The latest figure constitute a single-day record. A significant uptick "
                   "in migrant crossings from France to the United Kingdom has been seen in recent weeks. One week ago, a "
                   "single-day record of 202 migrants were intercepted in a 24-hour period by UK border officials.",
                   "2020-08-07", store=store)
    c = claim(report, "202")
    day = D(2020, 7, 30)
    people = span(day, day)[0]
    assert (c.period.start, c.period.end, c.official.value) == (day, day, people)
    assert c.verdict in (("close", "accurate") if abs(people - 202) <= 0.01 * people else ("inaccurate",))


def test_people_prevented_before_the_french_figures_begin(store):
    """tests/data/news 079 (Saturday 16 January 2021): "A further 107 have been prevented from making the journey on small
    boats since last Sunday": people the French prevented ("have been prevented from", with no noun), over a span before
    SB_02 begins (the week ending 5 May 2024): unverifiable, with the period read (since Sunday 10 January)."""
    report = check("Two small boats with a total of 36 migrants on board were intercepted while crossing the English Channel "
                   "on Saturday. It comes as the Home Office said French authorities had stopped 27 people from attempting to "
                   "make the crossing since Friday evening. A further 107 have been prevented from making the journey on small "
                   "boats since last Sunday.", "2021-01-16", store=store)
    c = claim(report, "107")
    assert c.verdict == "unverifiable" and c.period.start == D(2021, 1, 10)
    assert "no French prevention figures" in c.reason


def test_since_christmas(store):
    """tests/data/news 066 (Friday 28 December 2018): "These latest boats bring the number of migrants who have attempted to
    cross the channel since Christmas up to nearly 100": a total (the number of migrants ... up to) since Christmas Day."""
    report = check("The Home Secretary cut his holiday short and travelled back to the UK today to deal with the crisis, as "
                   "two more inflatable boats carrying migrants from Iran and Syria were caught today mid crossing. These "
                   "latest boats bring the number of migrants who have attempted to cross the channel since Christmas up to "
                   "nearly 100.", "2018-12-28", store=store)
    c = claim(report, "100")
    assert c.crossing and c.period.start == D(2018, 12, 25)
    people = span(D(2018, 12, 25), checked(c)[1])[0]
    assert c.official.value == people
    assert c.verdict == ("accurate" if 95 <= people < 100 else "inaccurate")


def test_a_month_ranked_in_its_year_after_an_ellipsis(store):
    """tests/data/news 012 (17 August 2023): "Channel crossings didn't reach higher than 2,153 in each of the first five
    months of the year… So far, June has been the month with the most illegal migration recorded in 2023, with 3,824
    migrants detected.": an ellipsis ends the sentence; the figure is June's (the month ranked), 2023 the span ranked in."""
    report = check("Channel crossings didn’t reach higher than 2,153 in each of the first five months of the year… So far, "
                   "June has been the month with the most illegal migration recorded in 2023, with 3,824 migrants detected.",
                   "2023-08-17", store=store)
    c = claim(report, "3,824")
    people = span(D(2023, 6, 1), D(2023, 6, 30))[0]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2023, 6, 1), D(2023, 6, 30), people)
    assert c.verdict == ("accurate" if people == 3824 else "close" if abs(people - 3824) <= 0.01 * people else "inaccurate")


def test_an_exact_crossing_figure_given_again(store):
    """tests/data/news 094 (15 June 2022): "bringing the total official number of new arrivals to 705 in June alone, with
    the total for the year so far reaching 10,269" then "705 people have been detained in June alone" and "currently stands
    at 10,269 in 321 boats": an exact figure the article gave as a crossing figure is that figure again, whatever word
    ("detained", near "deported") comes with it."""
    report = check("On Monday, 138 people arrived bringing the total official number of new arrivals to 705 in June alone, "
                   "with the total for the year so far reaching 10,269.\n\nDespite Home Office warnings some people could be "
                   "deported to Rwanda to be relocated, 705 people have been detained in June alone.\n\nThe total number of "
                   "migrants to make the treacherous journey across the 21-mile Dover Strait currently stands at 10,269 in 321 "
                   "boats.", "2022-06-15", store=store)
    again = claim(report, "705", 2)
    assert again.crossing and again.verdict != NC
    assert claim(report, "10,269", 2).crossing
    june = span(D(2022, 6, 1), checked(again)[1])[0]
    assert again.latest.value == june



def test_a_figure_in_a_narrative_takes_the_day_named_before_it(store):
    """tests/data/news 044 (Tuesday 17 June 2025): "Just before sunrise, last Friday, we encountered a group of perhaps 80
    people ... On Friday morning, Colonel Olivier Alary stood, dry-footed, watching the taxi boat load up. ... All in all,
    it had not been a good night for the French police. ... But along the whole coast, a total of 14 boats had made it to
    sea, carrying 919 people to the UK.": the article's first figure, with no period near it, is the day last named before
    it (Friday 13 June), not the last day published."""
    report = check("Downing Street said on Tuesday the situation was \"deteriorating.\"\n\nJust before sunrise, last Friday, we "
                   "encountered a group of perhaps 80 people gathered in calm, waist-deep water, off a beach near the village "
                   "of Wissant, south of Calais.\n\nOn Friday morning, Colonel Olivier Alary stood, dry-footed, watching the "
                   "taxi boat load up.\n\nAll in all, it had not been a good night for the French police. Alary's forces "
                   "claimed four successful interceptions on land. But along the whole coast, a total of 14 boats had made it "
                   "to sea, carrying 919 people to the UK.", "2025-06-17", store=store)
    day = D(2025, 6, 13)
    people, boats = span(day, day)
    for text, value in (("14", boats), ("919", people)):
        c = claim(report, text)
        assert (c.period.start, c.period.end, c.latest.value) == (day, day, value)
        assert c.verdict == ("accurate" if value == int(text) else "inaccurate")


def test_people_and_the_boats_of_a_surge_share_a_day(store):
    """tests/data/news 019 (Monday 19 July 2021): "At least 202 migrants managed to cross to Britain in a surge of 20 boats
    on July 30.": the boats are the people's ("in a surge of"), so they do not stand between the people and their day
    (30 July 2020, the last one by the article's date), whatever day the article's opening is about."""
    report = check("At least 430 migrants crossed to the UK on small boats on Monday – a new single-day record.\n"
                   "At least 202 migrants managed to cross to Britain in a surge of 20 boats on July 30.", "2021-07-19",
                   store=store)
    day = D(2020, 7, 30)
    people, boats = span(day, day)
    c = claim(report, "202")
    assert (c.period.start, c.period.end, c.latest.value) == (day, day, people)
    assert c.verdict == ("accurate" if 202 <= people <= 202 + max(10, 20.2) else "inaccurate")
    assert claim(report, "20").latest.value == boats


def test_attempts_with_the_rest_intercepted_are_not_arrivals(store):
    """tests/data/news 019: "At least 180 migrants were able to cross the English Channel to the UK, among more than 380
    migrants who attempted the crossing, the rest being intercepted by French authorities.": 380 counts attempts (the
    arrivals and those the French stopped), not arrivals; the 180 stays a crossing figure."""
    report = check("At least 180 migrants were able to cross the English Channel to the UK, among more than 380 migrants "
                   "who attempted the crossing, the rest being intercepted by French authorities.", "2021-07-19", store=store)
    assert claim(report, "380").verdict == NC and claim(report, "380").category == "prevented"
    assert claim(report, "180").crossing


def test_days_out_of_a_month_told_of_before_a_blank_line(store):
    """tests/data/news 056 (2 August 2022): "About 3,683 migrants made the crossing on 90 boats in July, the highest monthly
    total this year, ...\\n\\nJourneys took place on 20 out of 31 days.": a count of days "out of" a span's, with no period of
    its own, is of the period just told of (July 2022), across the blank line."""
    report = check("About 3,683 migrants made the crossing on 90 boats in July, the highest monthly total this year, PA news "
                   "agency analysis of the figures shows.\n\nJourneys took place on 20 out of 31 days.", "2022-08-02", store=store)
    c = claim(report, "20")
    days = sum(1 for d, v in sheet().items() if D(2022, 7, 1) <= d <= D(2022, 7, 31) and v[0])
    assert (c.metric, c.period.start, c.period.end, c.latest.value) == ("days", D(2022, 7, 1), D(2022, 7, 31), days)
    assert c.verdict == ("accurate" if days == 20 else "inaccurate")


def test_the_only_days_without_crossings_in_a_span(store):
    """tests/data/news 028 (17 August 2023): "... a total of 40 small boats were detected crossing the English Channel from
    Aug. 10-16.\n\nWhile Aug. 13 and Aug. 15 were the only two days when no crossings were reported, ...": a count of the
    days without crossings in the span told of (10-16 August, across the blank line), not a run of days up to the article's
    date."""
    report = check("The figures revealed that a total of 40 small boats were detected crossing the English Channel from Aug. "
                   "10-16.\n\nWhile Aug. 13 and Aug. 15 were the only two days when no crossings were reported, 756 migrants were "
                   "detected in the Channel on Aug. 10, a record for this year so far.", "2023-08-17", store=store)
    c = claim(report, "two")
    zero = sum(1 for d, v in sheet().items() if D(2023, 8, 10) <= d <= D(2023, 8, 16) and v[0] == 0)
    assert (c.period.start, c.period.end, c.latest.value) == (D(2023, 8, 10), D(2023, 8, 16), zero)
    assert c.verdict == ("accurate" if zero == 2 else "inaccurate")


def test_arrivals_in_another_country(store):
    """tests/data/news 002 (The Economist): "When I was in Greece in 2015, there were 11,000 people arriving on an island
    every day.": arrivals in another country, in a sentence that names neither the UK nor the Channel, are not crossing
    figures."""
    report = check("But, says Laura Padoan of UNHCR, the United Nations’ refugee agency, “it’s really misleading to talk about "
                   "a crisis. When I was in Greece in 2015, there were 11,000 people arriving on an island every day.”",
                   "2020-08-20", store=store)
    c = claim(report, "11,000")
    assert (c.crossing, c.category, c.verdict) == (False, "elsewhere", NC)


def test_a_comparison_between_two_written_figures_is_not_a_claim_of_its_own(store):
    """tests/data/news 003 (1 July 2025): "In 2023, the figure was 11,433 - which was slightly lower than the 12,747
    recorded the year before.": both figures are checked (the first halves of 2023 and 2022), and "lower than" adds no
    claim of its own."""
    report = check("In 2024, Home Office figures recorded 13,489 people arriving in the UK via small boats in the first half of "
                   "the year. In 2023, the figure was 11,433 - which was slightly lower than the 12,747 recorded the year "
                   "before.", "2025-07-01", store=store)
    assert not [c for c in report.claims if c.text.startswith("lower")]
    # tests/data/news 030: "It is still lower than the highest daily total of 1,305 arrivals since data began in 2018, which
    # was recorded on September 3, 2022." (about the day's figure before it)
    still = check("The latest Home Office figures show that 1,194 migrants arrived in 18 boats on Saturday. It is still lower "
                  "than the highest daily total of 1,305 arrivals since data began in 2018, which was recorded on September "
                  "3, 2022.", "2025-06-01", store=store)
    assert not [c for c in still.claims if c.text.startswith("lower")]
    assert claim(still, "1,305").latest.value == span(D(2022, 9, 3), D(2022, 9, 3))[0]
    c = claim(report, "12,747")
    assert (c.period.start, c.period.end, c.latest.value) == (D(2022, 1, 1), D(2022, 6, 30), span(D(2022, 1, 1), D(2022, 6, 30))[0])


def test_people_in_the_water_are_not_arrivals(store):
    """tests/data/news 038 ("a rescue missing took place off the coast of Lydd after five men entered the cold water") and
    039 ("following reports that dozens of people were in the water about 10 miles off the Kent coast on Thursday
    morning"): people in the water are a rescue, not a count of arrivals."""
    report = check("As part of yesterday's crossings, a rescue missing took place off the coast of Lydd after five men entered "
                   "the cold water.", "2021-12-20", store=store)
    assert (claim(report, "five").crossing, claim(report, "five").category) == (False, "rescued")
    report = check("Dover and Walmer lifeboats were launched to assist Border Force following reports that dozens of people "
                   "were in the water about 10 miles off the Kent coast on Thursday morning.", "2024-06-07", store=store)
    assert (claim(report, "dozens").crossing, claim(report, "dozens").category) == (False, "rescued")
    # crossing figures with "entered" stay ones
    assert claim(check("Some 450 migrants entered the UK on Sunday.", "2024-06-10", store=store), "450").crossing


def test_a_change_in_a_year_said_with_no_period(store):
    """tests/data/news 084 (Sunday 3 December 2023): "But a Government source said: 'Crossings are down by a third in a
    year.'": a change "in a year" with no period of its own is the year so far against the same days a year earlier."""
    report = check("But a Government source said: 'Crossings are down by a third in a year. They are trending downwards - "
                   "whereas across Europe they are going up.'", "2023-12-03", store=store)
    c = claim(report, "a third")
    a, b = span(D(2023, 1, 1), D(2023, 12, 2))[0], span(D(2022, 1, 1), D(2022, 12, 2))[0]
    pct = (a - b) / b * 100
    assert (c.kind, c.period.start, c.period.end, c.latest.value) == ("percent_change", D(2023, 1, 1), D(2023, 12, 2), round(-pct, 2))
    assert c.verdict == ("accurate" if abs(-pct - 100 / 3) <= 10 / 3 else "inaccurate")
    # not a period after a count ("the most in a year")
    assert not [p for p in find_periods("It was the most crossings in a year since 2022.") if p.text.endswith("in a year")]


def test_a_modal_of_the_clause_before_is_not_a_forecast(store):
    """tests/data/news 094 (Wednesday 15 June 2022): "Hundreds of migrants arrived in the UK yesterday (Tuesday 14th)
    morning ... Judges decided that the plane to Rwanda could take off as around 400 migrants – including mostly men, one
    heavily pregnant woman and 12 children – were seen arriving in Dover.": "could" is the plane's clause's, before "as";
    the 400 arriving is a crossing figure, for a part of a day (unverifiable)."""
    report = check("Hundreds of migrants arrived in the UK yesterday (Tuesday 14th) morning before the first flight to bring "
                   "asylum seekers to Rwanda was scheduled to leave. Judges decided that the plane to Rwanda could take off as "
                   "around 400 migrants – including mostly men, one heavily pregnant woman and 12 children – were seen "
                   "arriving in Dover.", "2022-06-15", store=store)
    c = claim(report, "400")
    assert (c.crossing, c.verdict, c.period.start) == (True, "unverifiable", D(2022, 6, 14))
    assert "part of a day" in c.reason
    # a forecast in the number's own clause stays one
    assert claim(check("Officials said 1,000 migrants could cross this week.", "2022-06-15", store=store), "1,000").category == "forecast"


def test_the_figure_of_the_same_period_in_a_when_clause(store):
    """tests/data/news 094 (15 June 2022): "The total number of migrants to make the treacherous journey across the 21-mile
    Dover Strait currently stands at 10,269 in 321 boats - more than double that of the same period in 2021 when just over
    4,546 people had been detained.": the figure in the "when" clause is the same period's count of crossings (the article's
    "detained" for people brought ashore), checked on 1 January-13 June 2021."""
    report = check("On Monday, 138 people arrived bringing the total official number of new arrivals to 705 in June alone, with "
                   "the total for the year so far reaching 10,269.\n\nThe total number of migrants to make the treacherous "
                   "journey across the 21-mile Dover Strait currently stands at 10,269 in 321 boats - more than double that of "
                   "the same period in 2021 when just over 4,546 people had been detained.", "2022-06-15", store=store)
    c = claim(report, "4,546")
    # arrests in such a clause stay arrests
    arrested = check("Some 1,000 migrants crossed the Channel this year, compared with the same period last year when 300 "
                     "people were arrested.", "2024-06-10", store=store)
    assert claim(arrested, "300").category == "arrests"
    people = span(D(2021, 1, 1), D(2021, 6, 13))[0]
    assert (c.crossing, c.period.start, c.period.end, c.latest.value) == (True, D(2021, 1, 1), D(2021, 6, 13), people)
    assert c.verdict == ("accurate" if 4546 < people <= 4546 * 1.05 else "inaccurate")


def test_a_stop_by_the_french_with_no_noun_over_the_period_before(store):
    """tests/data/news 071 (4 November 2019): "In the first 10 months of 2019 nearly 1,500 people have successfully crossed
    the English Channel to reach the UK illegally. The French authorities say they have intercepted just over 1,000.": the
    object of "intercepted" is people the French stopped, over the period of the sentence before (January-October 2019),
    which SB_02 does not cover (unverifiable)."""
    report = check("In the first 10 months of 2019 nearly 1,500 people have successfully crossed the English Channel to reach "
                   "the UK illegally. The French authorities say they have intercepted just over 1,000.", "2019-11-04",
                   store=store)
    c = claim(report, "1,000")
    assert (c.crossing, c.metric, c.verdict) == (True, "prevented", "unverifiable")
    assert (c.period.start, c.period.end) == (D(2019, 1, 1), D(2019, 10, 31))
    c = claim(report, "1,500")
    people = span(D(2019, 1, 1), D(2019, 10, 31))[0]
    assert c.latest.value == people and c.verdict == ("accurate" if 1425 <= people < 1500 else "inaccurate")


def test_a_change_named_with_no_figure(store):
    """tests/data/news 009 (4 August 2025): "he believes it will deter people from making the dangerous journey following a
    big increase in the numbers so far this year.": a change named as a noun ("a big increase in the numbers") is checked
    for its direction, the year so far against the same days a year earlier."""
    report = check("Sir Keir has previously said the pilot is not \"a silver bullet\" but he believes it will deter people from "
                   "making the dangerous journey following a big increase in the numbers so far this year.", "2025-08-04",
                   store=store)
    c = claim(report, "a big increase")
    a, b = span(D(2025, 1, 1), D(2025, 8, 3))[0], span(D(2024, 1, 1), D(2024, 8, 3))[0]
    assert (c.kind, c.period.start, c.period.end) == ("difference", D(2025, 1, 1), D(2025, 8, 3))
    assert c.latest.value == a - b and c.verdict == ("accurate" if a > b else "inaccurate")
    assert not [c for c in check("There has been a sharp rise in the number of hotels used.", "2025-08-04", store=store).claims
                if c.crossing]


def test_a_weekly_average_over_the_year_so_far(store):
    """tests/data/news 009 (Monday 4 August 2025): "There have been reports that 50 people per week could be returned,
    compared with the weekly average of more than 800 people currently making the crossing.": an average a week, with no
    period written, over the year so far (to the last day published)."""
    report = check("There have been reports that 50 people per week could be returned, compared with the weekly average of "
                   "more than 800 people currently making the crossing.", "2025-08-04", store=store)
    c = claim(report, "800")
    a, b = D(2025, 1, 1), D(2025, 8, 3)
    week = round(span(a, b)[0] / ((b - a).days + 1) * 7, 1)
    assert (c.period.start, c.period.end, c.latest.value) == (a, b, week)
    assert c.verdict == ("accurate" if 800 < week <= 880 else "inaccurate")


def test_no_month_higher_than(store, rows):
    """tests/data/news 012 (17 August 2023): "Channel crossings didn't reach higher than 2,153 in each of the first five
    months of the year…": the highest whole month of January-May 2023 (April), compared with the figure."""
    report = check("Channel crossings didn’t reach higher than 2,153 in each of the first five months of the year… So far, June "
                   "has been the month with the most illegal migration recorded in 2023, with 3,824 migrants detected.",
                   "2023-08-17", store=store)
    c = claim(report, "2,153")
    m23 = months(rows["newest"], 2023)
    top = max(range(1, 6), key=lambda k: m23[k])
    end = D(2023, top + 1, 1) - dt.timedelta(days=1)
    assert (c.period.start, c.period.end, c.latest.value) == (D(2023, top, 1), end, m23[top])
    assert c.verdict == ("accurate" if m23[top] == 2153 else "close" if abs(m23[top] - 2153) <= 0.01 * m23[top] else "inaccurate")


def test_a_total_passed_days_before(store):
    """tests/data/news 029 (Thursday 1 May 2025): "The number of migrants crossing the English Channel so far this year has
    reached 11,000 just days after arrivals passed 10,000 in record time.": the 10,000 passed "just days" before is checked
    to the day the year's total first passed it (28 April), not to the last day published."""
    report = check("The number of migrants crossing the English Channel so far this year has reached 11,000 just days after "
                   "arrivals passed 10,000 in record time.", "2025-05-01", store=store)
    c = claim(report, "10,000")
    days = sheet()
    total, day = 0, None
    for d in sorted(x for x in days if D(2025, 1, 1) <= x <= D(2025, 4, 30)):
        total += days[d][0] or 0
        if total > 10000:
            day = d
            break
    assert (c.period.start, c.period.end, c.latest.value) == (D(2025, 1, 1), day, span(D(2025, 1, 1), day)[0])
    assert c.verdict == "accurate"


def test_a_change_said_on_a_day_not_given(store):
    """tests/data/news 092 (20 June 2023): "The latest record figures come just days after Rishi bragged that crossings are
    down 20% on last year.": the words were said "just days" before, on a day not given, so the span compared cannot be
    fixed (unverifiable), whatever figure the sentence before gives."""
    report = check("This brings the total crossings in June so far (only until the 19th) to 2,908. The latest record figures "
                   "come just days after Rishi bragged that crossings are down 20% on last year.", "2023-06-20", store=store)
    c = claim(report, "20%")
    assert (c.kind, c.verdict, c.period) == ("percent_change", "unverifiable", None)
    assert claim(report, "2,908").latest.value == span(D(2023, 6, 1), D(2023, 6, 19))[0]


def test_which_way_after_a_dash_and_a_running_pace(store):
    """tests/data/news 015 (2 January 2025): "More than 36,800 people in small boats crossed the English Channel last year.
    The number was a 25% increase on the previous year – but fewer than 2023." (which way only, after a dash and "but"), and
    083 (18 April 2023): "The cumulative number of Channel crossings this year is currently running below the level for
    2022." (a running pace: against the same days of 2022)."""
    report = check("More than 36,800 people in small boats crossed the English Channel last year.\nThe number was a 25% "
                   "increase on the previous year – but fewer than 2023.", "2025-01-02", store=store)
    c = claim(report, "fewer than")
    a, b = span(D(2024, 1, 1), D(2024, 12, 31))[0], span(D(2023, 1, 1), D(2023, 12, 31))[0]
    assert (c.kind, c.period.start, c.period.end, c.latest.value) == ("difference", D(2024, 1, 1), D(2024, 12, 31), a - b)
    assert c.verdict == ("accurate" if a < b else "inaccurate")
    report = check("The cumulative number of Channel crossings this year is currently running below the level for 2022.",
                   "2023-04-18", store=store)
    c = claim(report, "below")
    a, b = span(D(2023, 1, 1), D(2023, 4, 17))[0], span(D(2022, 1, 1), D(2022, 4, 17))[0]
    assert (c.period.start, c.period.end, c.comparison_period.start, c.comparison_period.end) == (
        D(2023, 1, 1), D(2023, 4, 17), D(2022, 1, 1), D(2022, 4, 17))
    assert c.latest.value == a - b and c.verdict == ("accurate" if a < b else "inaccurate")


def test_the_earliest_point_in_the_year_a_total_was_reached(store):
    """tests/data/news 029 (1 May 2025): "It is the earliest point in the calendar year the 10,000 milestone has been
    reached.": the day the year's total first reached 10,000, earlier in the year than in every year before it."""
    report = check("This comes after 473 migrants arrived on Monday, which brought the cumulative total for 2025 to 10,358. "
                   "It is the earliest point in the calendar year the 10,000 milestone has been reached.", "2025-05-01",
                   store=store)
    c = claim(report, "10,000")
    days = sheet()

    def reached(year: int) -> dt.date | None:
        total = 0
        for d in sorted(x for x in days if x.year == year):
            total += days[d][0] or 0
            if total >= 10000:
                return d
        return None

    day = reached(2025)
    others = [d for y in range(2018, 2025) if (d := reached(y)) is not None]
    assert (c.period.start, c.period.end, c.latest.value) == (D(2025, 1, 1), day, span(D(2025, 1, 1), day)[0])
    early = all((d - D(d.year, 1, 1)).days > (day - D(2025, 1, 1)).days for d in others)
    assert c.verdict == ("accurate" if early else "inaccurate")


def test_the_year_so_far_has_been_the_worst_ever(store):
    """tests/data/news 009 (4 August 2025): "As a result, this year so far has been the worst ever for illegal immigrants
    crossing the Channel.": a record for the point in the year (1 January-3 August against the same days of every earlier
    year)."""
    report = check("As a result, this year so far has been the worst ever for illegal immigrants crossing the Channel.",
                   "2025-08-04", store=store)
    c = next(c for c in report.claims if c.crossing and "worst ever" in c.text)
    totals = {y: span(D(y, 1, 1), D(y, 8, 3))[0] for y in range(2018, 2026)}
    assert (c.period.start, c.period.end) == (D(2025, 1, 1), D(2025, 8, 3))
    assert c.verdict == ("accurate" if totals[2025] > max(v for y, v in totals.items() if y < 2025) else "inaccurate")


def test_the_figure_of_the_year_compared_with_in_a_when_clause(store):
    """tests/data/news 035 (2 May 2024): "... a new record high for the first four months of a calendar year, jumping 34% on
    2023 when 6,192 were recorded ...": the 6,192 is 2023's figure over the span the change compares (the first four
    months), not the whole of 2023."""
    report = check("Channel crossings had already hit a new record high for the first four months of a calendar year, jumping "
                   "34% on 2023 when 6,192 were recorded and up 19% on the total at this stage in 2022 (6,945).", "2024-05-02",
                   store=store)
    pct, fig = claim(report, "34%"), claim(report, "6,192")
    assert (fig.period.start, fig.period.end) == (pct.comparison_period.start, pct.comparison_period.end)
    assert fig.period.start == D(2023, 1, 1) and fig.period.end.year == 2023 and fig.period.end.month in (4, 5)
    assert fig.latest.value == span(fig.period.start, fig.period.end)[0]

# -- rankings and records (s5-ranks) -----------------------------------------------------------------

def _busiest(a: dt.date, b: dt.date) -> tuple[dt.date, int]:
    """The busiest day of a span and its arrivals, from the newest ODS rows."""
    days = {d: v[0] for d, v in sheet().items() if a <= d <= b and v[0] is not None}
    top = max(days, key=lambda d: (days[d], d))
    return top, days[top]


@pytest.mark.parametrize("date, text, figure, start", [
    # tests/data/news 016 (23 September 2024)
    ("2024-09-23", "The highest number on a single day in 2024 was on June 18, when 882 people crossed the Channel.", "882",
     D(2024, 1, 1)),
    # tests/data/news 060 (6 March 2025)
    ("2025-03-06", "The highest number arriving in one day this year so far stands at 592 people, who crossed the Channel "
                   "in 11 boats on March 2.", "592", D(2025, 1, 1)),
    # tests/data/news 030 (1 June 2025): "since data began in 2018" is since records began
    ("2025-06-01", "It is still lower than the highest daily total of 1,305 arrivals since data began in 2018, which was "
                   "recorded on September 3, 2022.", "1,305", D(2018, 1, 1)),
])
def test_the_busiest_days_figure_after_it_is_one_claim(store, date, text, figure, start):
    """A busiest day with its figure after it ("The highest number on a single day in 2024 was on June 18, when 882
    people crossed"): one claim, the figure's, that it was the busiest day of the span (LABELLING.md: max_day "with or
    without its number"); the ranking words are not checked again."""
    report = check(text, date, store=store)
    c = claim(report, figure)
    # "It is still lower than the highest daily total of 1,305": the comparison with the busiest day is that day's claim
    assert not [x for x in report.claims if x.crossing and x.kind == "difference"]
    end = D.fromisoformat(date) - dt.timedelta(days=1)
    day, people = _busiest(start, end)
    assert not [x for x in report.claims if x.crossing and x.kind == "max_day" and x is not c]
    assert (c.kind, c.period.start, c.period.end) == ("max_day", day, day)
    assert c.verdict == ("accurate" if people == int(figure.replace(",", "")) else "inaccurate")


def _month(y: int, m: int, i: int = 0) -> int:
    """A month's arrivals (i=0) or boats (i=1), from the newest ODS rows."""
    nxt = D(y + m // 12, m % 12 + 1, 1)
    return sum(v[i] or 0 for d, v in sheet().items() if D(y, m, 1) <= d < nxt)


@pytest.mark.parametrize("text, words", [
    # tests/data/news 008 (1 September 2025)
    ("In August 55 small boats crossed the Channel. It was the lowest figure for the month since 2019.",
     "lowest figure for the month"),
    # tests/data/news 086 (1 September 2025): no unit written; the month ranked since a year is ranked among Augusts
    ("The number of small boat crossings to the UK in August fell to the lowest level since 2019, the Home Office has said.",
     "lowest level"),
    # tests/data/news 086: "this figure is": the figure of the sentence before is ranked
    ("But in August, there were 55 small boat crossings in the Channel, a drop from 75 for the same period last year, the "
     "Home Office announced on Monday. The Financial Times reports that this figure is the lowest total since 2019, when it "
     "stood at 34.", "lowest total"),
])
def test_a_months_boats_ranked_among_the_same_month_since_a_year(store, text, words):
    """A ranking said of a count of boats ranks boats; a named month "the lowest since 2019" is the lowest of that month in
    each year after 2019, and August 2019 was as low."""
    c = claim(check(text, "2025-09-01", store=store), words)
    augusts = {y: _month(y, 8, 1) for y in range(2019, 2026)}
    holds = augusts[2025] < min(augusts[y] for y in range(2020, 2025)) and augusts[2019] <= augusts[2025]
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2025, 8, 1), D(2025, 8, 31))
    assert c.verdict == ("accurate" if holds else "inaccurate")
    assert f"({augusts[2025]})" in c.reason


@pytest.mark.parametrize("date, text, words, start, end, scope", [
    # tests/data/news 012 (17 August 2023)
    ("2023-08-17", "More migrants have been detected crossing the channel in the first 16 days of August than any month from "
                   "January to May.", "than any month", D(2023, 8, 1), D(2023, 8, 16), (D(2023, 1, 1), D(2023, 5, 31))),
    # tests/data/news 092 (20 June 2023): said of the figure of the sentence before; June is not yet a whole month
    ("2023-06-20", "2,159 migrants were detected crossing the Channel in the week from the 12th – 18th of June. That’s more "
                   "than in any month of 2023 so far.", "than in any month", D(2023, 6, 12), D(2023, 6, 18),
     (D(2023, 1, 1), D(2023, 5, 31))),
])
def test_more_than_in_any_month_of_a_span(store, date, text, words, start, end, scope):
    """"More ... than any month from January to May": the subject's total above every whole month of the span written."""
    c = claim(check(text, date, store=store), words)
    value = span(start, end)[0]
    months = [_month(2023, m) for m in range(scope[0].month, scope[1].month + 1)]
    assert (c.kind, c.period.start, c.period.end, c.official.value) == ("above_every", start, end, value)
    assert c.verdict == ("accurate" if value > max(months) else "inaccurate")
    assert f"({max(months):,})" in c.reason


def test_the_month_with_the_most(store):
    """tests/data/news 012 (17 August 2023): "So far, June has been the month with the most illegal migration recorded in
    2023": June the busiest whole month of 2023 to the article's date."""
    c = claim(check("So far, June has been the month with the most illegal migration recorded in 2023, with 3,824 migrants "
                    "detected.", "2023-08-17", store=store), "the month with the most")
    months = {m: _month(2023, m) for m in range(1, 8)}
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2023, 6, 1), D(2023, 6, 30))
    assert c.verdict == ("accurate" if max(months, key=months.get) == 6 else "inaccurate")


def test_the_highest_total_for_any_seven_day_period(store):
    """tests/data/news 081 (17 September 2021): "... 1,959 people crossed the Channel from France in the week to September
    10 – the highest total for any seven-day period in 2021": every run of seven days of 2021 to the article's date."""
    c = claim(check("A new record was set for the year so far when 1,959 people crossed the Channel from France in the week "
                    "to September 10 – the highest total for any seven-day period in 2021, according to data compiled and "
                    "analysed by the PA news agency.", "2021-09-17", store=store), "highest total for any seven-day period")
    days = [D(2021, 1, 1) + dt.timedelta(days=i) for i in range((D(2021, 9, 16) - D(2021, 1, 1)).days + 1)]
    runs = [span(days[i], days[i + 6])[0] for i in range(len(days) - 6)]
    week = span(D(2021, 9, 4), D(2021, 9, 10))[0]
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2021, 9, 4), D(2021, 9, 10))
    assert c.verdict == ("accurate" if week == max(runs) else "inaccurate")
    assert f"({max(runs):,})" in c.reason


def test_a_ranking_of_the_figure_before_after_the_record_it_beat(store):
    """tests/data/news 051 (6 November 2021): "... at least 853 migrants ... on Wednesday. This exceeded the previous
    highest figure of 828 set in late August and is the highest number since the crisis began": Wednesday against every
    day since records began (the record beaten, and its days, are not what is ranked)."""
    report = check("The Home Office said that UK authorities had rescued or intercepted at least 853 migrants in 25 separate "
                   "incidents on Wednesday. This exceeded the previous highest figure of 828 set in late August and is the "
                   "highest number since the crisis began.", "2021-11-06", store=store)
    c = claim(report, "highest number")
    day, _ = _busiest(D(2018, 1, 1), D(2021, 11, 5))
    assert (c.kind, c.period.start, c.period.end) == ("max_day", D(2021, 11, 3), D(2021, 11, 3))
    assert c.verdict == ("accurate" if day == D(2021, 11, 3) else "inaccurate")
    assert not [x for x in report.claims if x.crossing and x.kind in ("rank", "max_day") and x is not c]


def test_a_busiest_day_beside_a_threshold_of_days(store):
    """tests/data/news 056 (2 August 2022): "That is the highest number on a single day so far this year, and only the
    second time in 2022 the daily figure has topped 600": the ranking is Monday's (the sentence before), not a claim that
    600 was the busiest day's figure."""
    report = check("The Ministry of Defence said 696 made the journey in 14 boats on Monday. That is the highest number on a "
                   "single day so far this year, and only the second time in 2022 the daily figure has topped 600.",
                   "2022-08-02", store=store)
    c = claim(report, "highest number on a single day")
    day, _ = _busiest(D(2022, 1, 1), D(2022, 8, 1))
    assert (c.kind, c.period.start, c.period.end) == ("max_day", D(2022, 8, 1), D(2022, 8, 1))
    assert c.verdict == ("accurate" if day == D(2022, 8, 1) else "inaccurate")
    assert claim(report, "600").kind == "figure"


def test_the_lowest_january_in_five_years(store):
    """tests/data/news 088 (1 February 2026): "Fewer than 1,000 migrants crossed ... last month, marking the lowest January
    figure in five years": January 2026 against the Januaries of 2022-2026."""
    c = claim(check("Fewer than 1,000 migrants crossed the English Channel to the UK last month, marking the lowest January "
                    "figure in five years.", "2026-02-01", store=store), "lowest January")
    januaries = {y: _month(y, 1) for y in range(2022, 2027)}
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2026, 1, 1), D(2026, 1, 31))
    assert c.verdict == ("accurate" if min(januaries, key=januaries.get) == 2026 else "inaccurate")
    assert f"({januaries[2026]:,})" in c.reason


@pytest.mark.parametrize("date, text, words, start, end", [
    # tests/data/news 014 (4 January 2022): the busiest month of November's year
    ("2022-01-04", "The peak came in November, during the course of which least 6,869 people reached the UK, spurred by "
                   "favourable weather conditions.", "The peak", D(2021, 11, 1), D(2021, 11, 30)),
    # tests/data/news 087 (1 January 2026): 2022 the busiest year
    ("2026-01-01", "The total for 2025 is 9 per cent below the 2022 peak, meaning almost 65,000 migrants have arrived since "
                   "Labour came to power.", "peak", D(2022, 1, 1), D(2022, 12, 31)),
])
def test_a_peak(store, date, text, words, start, end):
    """"The peak came in November": November the busiest month of 2021; "the 2022 peak": 2022 the busiest whole year."""
    c = claim(check(text, date, store=store), words)
    if start.month == 11:
        months = {m: _month(2021, m) for m in range(1, 13)}
        holds = max(months, key=months.get) == 11
    else:
        years = {y: span(D(y, 1, 1), D(y, 12, 31))[0] for y in range(2018, 2026)}
        holds = max(years, key=years.get) == 2022
    assert (c.period.start, c.period.end) == (start, end)
    assert c.verdict == ("accurate" if holds else "inaccurate")


def test_a_peak_of_something_else_is_not_checked(store):
    """tests/data/news 045 (21 August 2025): "the figures are far below the 2023 peak" of asylum seekers in hotels."""
    report = check("The number of asylum seekers housed in hotels - a current political flashpoint - has risen slightly "
                   "compared to when it came to power. However the figures are far below the 2023 peak, when the "
                   "Conservatives were in government, the new data shows.", "2025-08-21", store=store)
    assert not [c for c in report.claims if c.crossing and c.text == "peak"]


def test_the_first_decline_since_records_began(store):
    """tests/data/news 033 (1 January 2024): "The number of migrants crossing the English Channel in 2023 fell by more than a
    third from the previous year, marking the first decline since current record-keeping began": 2023 below 2022, and
    every year from 2019 to 2022 above the year before."""
    c = claim(check("The number of migrants crossing the English Channel in 2023 fell by more than a third from the previous "
                    "year, marking the first decline since current record-keeping began, the British government said.",
                    "2024-01-01", store=store), "the first decline")
    years = {y: span(D(y, 1, 1), D(y, 12, 31))[0] for y in range(2018, 2024)}
    holds = years[2023] < years[2022] and all(years[y] > years[y - 1] for y in range(2019, 2023))
    assert (c.kind, c.period.start, c.period.end) == ("first_change", D(2023, 1, 1), D(2023, 12, 31))
    assert c.verdict == ("accurate" if holds else "inaccurate")
    assert f"2023: {years[2023]:,}" in c.reason


def test_a_day_ranked_after_a_running_total_is_the_day_before(store):
    """tests/data/news 010 (29 August 2024): "Some 614 people made the journey in 10 boats on Wednesday, taking the
    provisional total for 2024 to 20,433. This is 3% higher ... It is the second highest number of arrivals on a single day
    since the General Election": the day ranked is Wednesday (the last day named), not the year so far."""
    report = check("Some 614 people made the journey in 10 boats on Wednesday, taking the provisional total for 2024 to "
                   "20,433. This is 3% higher than at the same point in 2023 (19,801) and 18% lower than 2022 (25,065), "
                   "according to PA analysis of Government data. It is the second highest number of arrivals on a single "
                   "day since the General Election, after 703 arrivals on August 11.", "2024-08-29", store=store)
    c = claim(report, "second highest number of arrivals on a single day")
    days = {d: v[0] for d, v in sheet().items() if D(2024, 7, 4) <= d <= D(2024, 8, 28)}
    order = sorted(days, key=days.get, reverse=True)
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2024, 8, 28), D(2024, 8, 28))
    assert c.verdict == ("accurate" if order[1] == D(2024, 8, 28) else "inaccurate")


def test_record_highs_with_no_period_are_the_year_so_far(store):
    """tests/data/news 045 (21 August 2025): "the small boat crossing numbers, which remain at stubborn, record-breaking
    highs": the year so far (to the last day published) against the same point of every earlier year."""
    c = claim(check("Opposition parties say the government's record on illegal immigration will ultimately be judged on the "
                    "small boat crossing numbers, which remain at stubborn, record-breaking highs.", "2025-08-21",
                    store=store), "record-breaking highs")
    points = {y: span(D(y, 1, 1), D(y, 8, 20))[0] for y in range(2018, 2026)}
    assert (c.kind, c.period.start, c.period.end) == ("record", D(2025, 1, 1), D(2025, 8, 20))
    assert c.verdict == ("accurate" if max(points, key=points.get) == 2025 else "inaccurate")


def test_running_below_the_level_for_a_year(store):
    """tests/data/news 083 (18 April 2023): "The cumulative number of Channel crossings this year is currently running below
    the level for 2022": 2023 to the last day published against the same point of 2022."""
    c = claim(check("The cumulative number of Channel crossings this year is currently running below the level for 2022.",
                    "2023-04-18", store=store), "below")
    this, last = span(D(2023, 1, 1), D(2023, 4, 17))[0], span(D(2022, 1, 1), D(2022, 4, 17))[0]
    assert (c.kind, c.period.start, c.period.end) == ("difference", D(2023, 1, 1), D(2023, 4, 17))
    assert (c.comparison_period.start, c.comparison_period.end) == (D(2022, 1, 1), D(2022, 4, 17))
    assert c.verdict == ("accurate" if this < last else "inaccurate")


def test_but_fewer_than_a_year_after_a_dash(store):
    """tests/data/news 015 (1 January 2025): "The number was a 25% increase on the previous year – but fewer than 2023":
    last year (2024, the sentence before) against 2023."""
    c = claim(check("More than 36,800 people in small boats crossed the English Channel last year. The number was a 25% "
                    "increase on the previous year – but fewer than 2023.", "2025-01-01", store=store), "fewer than")
    y24, y23 = span(D(2024, 1, 1), D(2024, 12, 31))[0], span(D(2023, 1, 1), D(2023, 12, 31))[0]
    assert (c.kind, c.period.start, c.period.end) == ("difference", D(2024, 1, 1), D(2024, 12, 31))
    assert c.verdict == ("accurate" if y24 < y23 else "inaccurate")


def test_this_year_so_far_the_worst_ever(store):
    """tests/data/news 009 (4 August 2025): "this year so far has been the worst ever for illegal immigrants crossing the
    Channel": the year so far against the same span of every earlier year."""
    c = claim(check("\"As a result, this year so far has been the worst ever for illegal immigrants crossing the Channel.\"",
                    "2025-08-04", store=store), "the worst ever")
    points = {y: span(D(y, 1, 1), D(y, 8, 3))[0] for y in range(2018, 2026)}
    assert (c.kind, c.period.start, c.period.end) == ("record", D(2025, 1, 1), D(2025, 8, 3))
    assert c.verdict == ("accurate" if max(points, key=points.get) == 2025 else "inaccurate")


def test_a_record_day_of_boats_and_migrants_is_both_records(store):
    """tests/data/news 054 (2 June 2019): "We've now had a record number of boats and migrants arrive in a single day": the
    day's people and its boats each above every earlier day's."""
    c = claim(check("\"We've now had a record number of boats and migrants arrive in a single day.\"", "2019-06-02",
                    store=store), "a record number of boats and migrants arrive in a single day")
    days = sheet()
    day = D(2019, 6, 1)
    before = [v for d, v in days.items() if d < day and v[0] is not None]
    people_ok = days[day][0] > max(v[0] for v in before)
    boats_ok = days[day][1] > max(v[1] for v in before if v[1] is not None)
    assert (c.kind, c.period.start, c.period.end) == ("record", day, day)
    assert c.verdict == ("accurate" if people_ok and boats_ok else "inaccurate")


def test_above_a_number_by_a_point_of_the_year_for_the_first_time(store):
    """tests/data/news 017 (31 March 2024): "The number of people to have arrived in the UK on small boats has risen above
    5,000 by the end of March for the first time": 1 January - 31 March 2024 above 5,000, and no earlier year's."""
    c = claim(check("The number of people to have arrived in the UK on small boats has risen above 5,000 by the end of March "
                    "for the first time.", "2024-03-31", store=store), "for the first time")
    q1 = {y: span(D(y, 1, 1), D(y, 3, 31))[0] for y in range(2018, 2025)}
    holds = q1[2024] > 5000 and all(q1[y] <= 5000 for y in range(2018, 2024))
    assert (c.kind, c.period.start, c.period.end) == ("record", D(2024, 1, 1), D(2024, 3, 31))
    assert c.verdict == ("accurate" if holds else "inaccurate")
    assert f"{max(q1[y] for y in range(2018, 2024)):,}" in c.reason


def test_the_last_time_a_month_was_lower(store):
    """tests/data/news 088 (1 February 2026): "The last time January numbers were lower was in 2021, when 224 migrants made
    the crossing": January 2026 the lowest January since 2021, and January 2021 lower; the 224 is January 2021's."""
    report = check("January 2024 saw 1,335 arrivals, 30% higher than the current figure. The last time January numbers "
                   "were lower was in 2021, when 224 migrants made the crossing.", "2026-02-01", store=store)
    c = claim(report, "The last time January numbers were lower")
    januaries = {y: _month(y, 1) for y in range(2021, 2027)}
    holds = januaries[2026] < min(januaries[y] for y in range(2022, 2026)) and januaries[2021] < januaries[2026]
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2026, 1, 1), D(2026, 1, 31))
    assert c.verdict == ("accurate" if holds else "inaccurate")
    figure = claim(report, "224")
    assert (figure.period.start, figure.latest.value) == (D(2021, 1, 1), januaries[2021])


def test_a_number_passed_in_record_time(store):
    """tests/data/news 029 (1 May 2025): "... just days after arrivals passed 10,000 in record time": the day 2025's running
    total passed 10,000 is earlier in the year than in any earlier year."""
    c = claim(check("The number of migrants crossing the English Channel so far this year has reached 11,000 just days after "
                    "arrivals passed 10,000 in record time.", "2025-05-01", store=store), "in record time")
    days = sheet()

    def passed(y: int) -> dt.date | None:
        run = 0
        for d in sorted(x for x in days if x.year == y and x <= D(2025, 4, 30)):
            run += days[d][0] or 0
            if run >= 10000:
                return d
        return None

    when = {y: passed(y) for y in range(2018, 2026)}
    day = when[2025]
    sooner = [y for y, d in when.items() if y != 2025 and d is not None and d.timetuple().tm_yday <= day.timetuple().tm_yday]
    assert (c.kind, c.period.start, c.period.end) == ("record", D(2025, 1, 1), day)
    assert c.verdict == ("accurate" if not sooner else "inaccurate")


def test_the_period_compared_with_had_previously_set_a_record(store):
    """tests/data/news 064 (24 March 2025): "5,847 migrants were registered in the UK in the first three months of 2025,
    surpassing the total for the same period last year, which had previously set a record": 1 January - 23 March 2024 (the
    same point as the figure, the last day published) against the same span of every earlier year."""
    c = claim(check("Preliminary data from the British Home Office reveals that 5,847 migrants were registered in the UK in "
                    "the first three months of 2025, surpassing the total for the same period last year, which had "
                    "previously set a record.", "2025-03-24", store=store), "which had previously set a record")
    points = {y: span(D(y, 1, 1), D(y, 3, 23))[0] for y in range(2018, 2025)}
    assert (c.kind, c.period.start, c.period.end) == ("record", D(2024, 1, 1), D(2024, 3, 23))
    assert c.verdict == ("accurate" if max(points, key=points.get) == 2024 else "inaccurate")
    assert f"{points[2024]:,}" in c.reason


def test_more_than_in_years_before_the_pandemic(store):
    """tests/data/news 021 (12 November 2021): "More than 23,000 people have made the crossing ... so far this year, a sharp
    rise on the 8,404 in 2020 – and far more than in years before the pandemic": the year so far above 2018 and 2019."""
    c = claim(check("More than 23,000 people have made the crossing from France to the UK by boat so far this year, a sharp "
                    "rise on the 8,404 in 2020 – and far more than in years before the pandemic, when most asylum seekers "
                    "arrived by plane, ferry or train.", "2021-11-12", store=store), "than in years before the pandemic")
    this = span(D(2021, 1, 1), D(2021, 11, 11))[0]
    before = max(span(D(y, 1, 1), D(y, 12, 31))[0] for y in (2018, 2019))
    assert (c.kind, c.period.start, c.period.end, c.official.value) == ("above_every", D(2021, 1, 1), D(2021, 11, 11), this)
    assert c.verdict == ("accurate" if this > before else "inaccurate")
    assert f"({before:,})" in c.reason


def test_more_than_in_the_christmas_crisis(store):
    """tests/data/news 054 (2 June 2019): "In the last month we've had a record number of arrivals, more even than in the
    so-called Christmas crisis": the month before the article's date above December 2018 (LABELLING.md's reading of the
    Christmas crisis)."""
    c = claim(check("\"In the last month we've had a record number of arrivals, more even than in the so-called Christmas "
                    "crisis.", "2019-06-02", store=store), "than in the so-called Christmas crisis")
    december = _month(2018, 12)
    this = span(c.period.start, c.period.end)[0]
    assert (c.kind, c.period.end, c.official.value) == ("above_every", D(2019, 6, 1), this)
    assert c.verdict == ("accurate" if this > december else "inaccurate")
    assert f"({december:,})" in c.reason


def test_crossings_for_the_first_time_in_a_year(store):
    """tests/data/news 026 (6 January 2025): "Migrants crossing the English Channel to the UK have been reported for the
    first time in 2025": no arrivals in 2025 before the first day with them, and none after it to the last day published
    (the period: the days of 2025 before them)."""
    c = claim(check("Migrants crossing the English Channel to the UK have been reported for the first time in 2025, according "
                    "to the Home Office data.", "2025-01-06", store=store), "for the first time in")
    days = sheet()
    with_arrivals = [d for d in sorted(days) if D(2025, 1, 1) <= d <= D(2025, 1, 5) and days[d][0]]
    first = with_arrivals[0]
    assert (c.kind, c.period.start, c.period.end) == ("first_in", D(2025, 1, 1), first - dt.timedelta(days=1))
    assert c.verdict == ("accurate" if with_arrivals == [first] else "inaccurate")
    assert f"{days[first][0]:,} on" in c.reason


def test_the_first_crossing_since_the_beginning_of_a_month(store):
    """tests/data/news 074 (4 March 2020): "The Home Office says all 28 people were taken to Dover ... It is believed to be
    the first successful crossing since the beginning of February": arrivals on the article's day and none after early
    February (the 10th) until then; the period: the days without arrivals before it."""
    report = check("Two boats carrying migrants across the Channel have been intercepted off the Kent coast.\n\nThe Home "
                   "Office says all 28 people were taken to Dover where they were assessed medically and handed over to "
                   "immigration officials.\n\nIt is believed to be the first successful crossing since the beginning of "
                   "February.", "2020-03-04", store=store)
    c = claim(report, "the first successful crossing since the beginning of February")
    days = sheet()
    day = D(2020, 3, 4)
    last = max(d for d in days if d < day and days[d][0])
    assert (c.kind, c.period.start, c.period.end) == ("first_since", last + dt.timedelta(days=1), day - dt.timedelta(days=1))
    assert c.verdict == ("accurate" if days[day][0] and last <= D(2020, 2, 10) else "inaccurate")


def test_a_figure_no_month_of_a_span_went_above(store):
    """tests/data/news 012 (17 August 2023): "Channel crossings didn’t reach higher than 2,153 in each of the first five
    months of the year": the busiest month of January-May 2023 had 2,153 (the period: that month)."""
    c = claim(check("Channel crossings didn’t reach higher than 2,153 in each of the first five months of the year.",
                    "2023-08-17", store=store), "2,153")
    months = {m: _month(2023, m) for m in range(1, 6)}
    top = max(months, key=months.get)
    assert (c.kind, c.period.start, c.period.end) == ("rank", D(2023, top, 1), D(2023, top + 1, 1) - dt.timedelta(days=1))
    assert c.verdict == ("accurate" if months[top] == 2153 else "inaccurate")
    assert f"({months[top]:,})" in c.reason
