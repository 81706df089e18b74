"""Periods as the news writes them ("so far this year", "on Saturday", "since Labour came to
power"), found in a sentence and resolved against the article's publication date.

Rules: "on Saturday" is the last Saturday on or before the date; "last week" the previous
Monday-Sunday week (the Home Office's weeks); "the past week" the seven days up to the date;
"this year"/"so far this year" 1 January to the date; "last month" the previous calendar month;
a named month without a year the latest such month that has begun by the date; "the same
period/time last year" the claim's own period a year earlier; "since <event>" the event's date
(see :mod:`.events`) to the article's date; "just days after"/"earlier this week" some single
day in the window before the date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from ..questions import long_date, year_earlier
from .events import EVENTS, match_event

RECORD_START = dt.date(2018, 1, 1)

Kind = Literal["day", "weekday", "date", "rolling", "week", "weekend", "month", "named_month", "year",
               "half", "quarter", "since", "any_day", "same_period", "prev_year", "fiscal", "month_range", "weekday_pair",
               "year_end", "context", "until", "range", "since_then", "relative", "vague"]

_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(_MONTHS, 1)} | {"sept": 9}
MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS, 1)} | _MONTH_ABBR


#: the kinds of period that are a single day as written
DAY_KINDS = ("day", "weekday", "date")


def month_number(name: str) -> int:
    """A month's number from its name as written ("August", "Aug.", "sept")."""
    return MONTH_NUMBER[name.lower().rstrip(".")]

_MONTH_RX = r"(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_RX = "|".join(_DAYS)
_YEAR_RX = r"(?:19|20)\d\d"
_NUM_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


@dataclass(frozen=True, slots=True)
class PeriodSpec:
    """A period as written, not yet tied to a date."""

    kind: Kind
    n: int = 0                      # offset/count: 0 this, -1 last; days in a rolling window; half 1/2
    year: int | None = None
    month: int | None = None
    day: int | None = None
    since: dt.date | None = None
    event: str | None = None
    strong: bool = True             # False: a bare year ("remains 2022"), used only if nothing better
    note: str | None = None         # something wrong in the words themselves ("since records began in 2017")
    shift: int = 0                  # days added to a single day ("the previous day" after "on Thursday": -1)
    topic: "PeriodSpec | None" = None  # context: the period the article is about (its first figure's)
    within: tuple[int, ...] = ()    # since an event named generally ("the deal"): the article's years it is meant in
    from_month: bool = False        # until: from the first of the end's month ("to 705 in June alone"), not 1 January


@dataclass(frozen=True, slots=True)
class PeriodMention:
    spec: PeriodSpec
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Resolved:
    """A period tied to a date. ``any_day``: the claim is about some single day in the window.
    ``running``: it ends on the article's date (so the figure known when writing may stop the
    day before)."""

    start: dt.date
    end: dt.date
    label: str
    any_day: bool = False
    running: bool = False

    def shifted_end(self, days: int) -> "Resolved":
        end = self.end - dt.timedelta(days=days)
        return Resolved(self.start, end, f"{self.label.split(' (')[0]} ({span_label(self.start, end)})", self.any_day, False)


class Unresolvable(ValueError):
    """A period that cannot be tied to the article's date (in the future, or before the record)."""


def span_label(start: dt.date, end: dt.date) -> str:
    """'1 January–15 April 2025', '12 April 2025', '5 July 2024–29 March 2025'."""
    if start == end:
        return long_date(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if start.day == 1 and start.year == end.year and start.month == end.month and end == _month_end(end.year, end.month):
        return f"{start:%B %Y}"
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%B %Y}"
        return f"{start.day} {start:%B}–{long_date(end)}"
    return f"{long_date(start)}–{long_date(end)}"


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _num(text: str) -> int:
    text = text.lower()
    return _NUM_WORDS[text] if text in _NUM_WORDS else int(text)


# -- finding periods in a sentence -------------------------------------------------------------

_PATTERNS: list[tuple[re.Pattern, object]] = []


def _p(rx: str, flags: int = re.I):
    def deco(fn):
        _PATTERNS.append((re.compile(rx, flags), fn))
        return fn
    return deco


#: the rest of an event's clause, which says more of the event, not of the figure ("after receiving Royal
#: Assent on Thursday last week"): up to the comma before the figure, with no number but a day's
_EVENT_TAIL = re.compile(r"\s+(?:after|when|on|in|with|following)\b[^,;\d]{0,70}?(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+)?[^,;.\d]{0,20})?"
                         r"(?=,|\.?\s*$)")


_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
             "new year’s eve": (12, 31), "new year's day": (1, 1), "new year’s day": (1, 1), "christmas": (12, 25)}
#: a holiday after "since" ("since Christmas": Christmas Day)
_HOLIDAY_RX = re.compile(r"(christmas(?:\s+(?:eve|day))?|boxing\s+day|new\s+year['’]s\s+(?:eve|day))\b", re.I)


@_p(r"\bsince\s+then\b")
def _since_then(m, text):
    """'Since then 11,827 have arrived': since what the sentence before dated (see extract)"""
    return PeriodSpec("since_then")


@_p(r"\b(?:since|after)\s+")
def _since_event(m: re.Match, text: str):
    rest = text[m.end():]
    hit = match_event(rest)
    if not hit and m.group(0).lower().startswith("after"):
        return None  # "after August had the highest total": only events start a period after "after"
    if hit:
        event, em = hit
        year = re.search(_YEAR_RX, em.group(0))
        note = (f"{event.name} on {long_date(event.start)}, not in {year.group(0)}"
                if year and int(year.group(0)) != event.start.year else None)
        end = m.end() + em.end()
        if tail := _EVENT_TAIL.match(text, end):  # "Since the Act became law after receiving Royal Assent on Thursday last week, 1,611 ..."
            end = tail.end()
        return PeriodSpec("since", since=event.start, event=event.name, note=note, within=event.years), end
    if (wm := re.match(rf"(?:last\s+)?({_DAY_RX})\b", rest, re.I)) and wm[1][0].isupper():  # "since Sunday"
        last = -1 if wm.group(0).lower().startswith("last") else 0
        return PeriodSpec("since", topic=PeriodSpec("weekday", n=last, day=_DAYS.index(wm[1].lower()))), m.end() + wm.end()
    if hm := _HOLIDAY_RX.match(rest):  # "since Christmas": from Christmas Day (the latest by the article's date)
        month, day = _HOLIDAYS[re.sub(r"\s+", " ", hm[1].lower())]
        return PeriodSpec("since", day=day, month=month), m.end() + hm.end()
    if ym := re.match(rf"(?:the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|january(?:\s+1(?:st)?)?(?!\s+{_YEAR_RX}))\b", rest, re.I):
        return PeriodSpec("year", n=0), m.end() + ym.end()
    if dm := re.match(rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RX})(?:,?\s+({_YEAR_RX}))?\b", rest, re.I):
        return PeriodSpec("since", day=int(dm[1]), month=month_number(dm[2]),
                          year=int(dm[3]) if dm[3] else None), m.end() + dm.end()
    if dm := re.match(rf"({_MONTH_RX})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR_RX}))?\b", rest, re.I):  # "since Dec. 29"
        if dm[1][0].isupper() and 1 <= int(dm[2]) <= 31:
            return PeriodSpec("since", day=int(dm[2]), month=month_number(dm[1]),
                              year=int(dm[3]) if dm[3] else None), m.end() + dm.end()
    if mm := re.match(rf"({_MONTH_RX})(?:\s+({_YEAR_RX}))?\b", rest, re.I):
        if mm[1][0].isupper():
            return PeriodSpec("since", day=1, month=month_number(mm[1]),
                              year=int(mm[2]) if mm[2] else None), m.end() + mm.end()
    if ym := re.match(rf"(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?({_YEAR_RX})\b", rest, re.I):
        return PeriodSpec("since", since=dt.date(int(ym[1]), 1, 1)), m.end() + ym.end()
    return None


@_p(r"\bunder\s+(?:rishi\s+)?sunak(?:['’]s\s+(?:government|premiership))?\b|\bwhile\s+(?:rishi\s+)?sunak\s+was\s+prime\s+minister\b")
def _under_sunak(m, text):
    """Rishi Sunak's premiership: 25 October 2022 to 4 July 2024"""
    return replace(_range(25, 10, 2022, 4, 7, 2024), event="under Rishi Sunak")


@_p(r"\bunder\s+(?:labour|sir\s+keir(?:\s+starmer)?|keir\s+starmer|starmer)\b")
def _under_labour(m, text):
    event = EVENTS[0]
    return PeriodSpec("since", since=event.start, event=event.name)


@_p(r"\b(?:(?:in|over|during)\s+)?(?:the\s+)?(?:same\s+(?:period|time|point|stage|date|months?|weeks?|days?)"
    rf"(?:\s+(?:last\s+year|(?:of|in)\s+(?:last\s+year|{_YEAR_RX}(?:[-/–]\d\d)?)|from\s+{_YEAR_RX}(?:[-/–]\d\d)?"
    r"|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|year\s+before|prior)\s+year))?"
    rf"|(?:by\s+)?this\s+(?:time|point|stage)\s+(?:last\s+year|in\s+{_YEAR_RX})|a\s+year\s+(?:earlier|ago|before)"
    rf"|equivalent\s+(?:figure|period|point|time|months?|weeks?|days?)(?:\s+(?:for|in|of|from)\s+{_YEAR_RX}|\s+last\s+year"
    r"|\s+a\s+year\s+(?:earlier|ago|before))?)\b")
def _same_period(m, text):
    y = re.search(rf"({_YEAR_RX})(?:[-/–]\d\d)?", m.group(0))
    return PeriodSpec("same_period", year=int(y[1]) if y and not re.search(r"[-/–]\d\d", m.group(0)) else None)


@_p(r"\bin\s+(?:a|one)\s+year\b(?!['’]s|\s+(?:time|or)\b)")
def _in_a_year(m, text):
    """'Crossings are down by a third in a year': a change over a year, against the same period a year earlier"""
    if not re.search(r"\b(?:down|up|fallen|fell|falling|risen|rose|rising|increased|decreased|dropped|grown|grew|cut|slashed)\b"
                     r"[^.;,]{0,30}$", text[:m.start()], re.I):
        return None
    return PeriodSpec("same_period")


@_p(r"\b(?:so\s+far\s+(?:this\s+year|in\s+(?:the\s+year|" + _YEAR_RX + r"))|(?:(?:in|for|during)\s+)?" + _YEAR_RX + r"\s+so\s+far|(?:in\s+|during\s+)?this\s+year(?:'s)?(?:\s+so\s+far)?|(?:the\s+)?year\s+(?:so\s+far|to\s+date)"
    r"|since\s+the\s+(?:start|beginning)\s+of\s+the\s+year|for\s+the\s+year(?!\s+(?:ending|before|after)|\s+to\s+(?:the\s+end\s+of\s+)?"
    + _MONTH_RX + r")|the\s+year's)\b")
def _ytd(m, text):
    y = re.search(_YEAR_RX, m.group(0))
    return PeriodSpec("year", year=int(y.group(0))) if y else PeriodSpec("year", n=0)


@_p(r"\bso\s+far\b(?!\s+(?:this|in|today))")
def _so_far(m, text):
    return PeriodSpec("year", n=0, strong=False)


@_p(r"\b(?:(?:in|during|over|throughout|for|across)\s+)?(?:the\s+)?(first|second|last)\s+(?:half|six\s+months)\s+of\s+(?:(this|last|the)\s+year|(" + _YEAR_RX + r"))\b")
def _half(m, text):
    half = 1 if m[1].lower() == "first" else 2
    if m[3]:
        return PeriodSpec("half", n=half, year=int(m[3]))
    return PeriodSpec("half", n=half, month=-1 if m[2].lower() == "last" else 0)


@_p(r"\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?:first\s+(?:three\s+months|quarter))\s+of\s+(?:(this|last|the)\s+year|(" + _YEAR_RX + r"))\b")
def _quarter(m, text):
    if m[2]:
        return PeriodSpec("quarter", n=1, year=int(m[2]))
    return PeriodSpec("quarter", n=1, month=-1 if m[1].lower() == "last" else 0)


@_p(r"\b(?:(?:in|during|over|throughout|for|across)\s+)?(?:the\s+(?:whole|entire|full)\s+(?:of\s+)?|all\s+of\s+)?"
    r"(?:last\s+year(?:'s)?|the\s+(?:previous|prior)\s+(?:year|12\s+months)|the\s+year\s+before)\b(?!\s+of\b)")
def _last_year(m, text):  # not "the last year of the UK's access to the database"
    if re.search(r"previous|prior|before", m.group(0), re.I):
        return PeriodSpec("prev_year")  # the year before the claim's own year
    return PeriodSpec("year", n=-1)


@_p(r"\b(?:(?:in|during|over|throughout|for|across|of|from)\s+)?(?:the\s+(?:whole|entire|full)\s+(?:year\s+)?(?:of\s+)?|all\s+of\s+)?(" + _YEAR_RX + r")(?:'s)?\b(?![-/–]\d)")
def _year(m, text):
    before = text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"(?:until|till|by|before|from)\s*$", before):
        return None
    strong = m.group(0)[0:1].lower() != m[1][0:1] or bool(re.match(r"\s+total", text[m.end():], re.I))
    return PeriodSpec("year", year=int(m[1]), strong=strong)


@_p(rf"\b(?:in\s+)?(?:the\s+)?(?:financial\s+year\s+)?({_YEAR_RX})[-/–](\d\d)\b")
def _fiscal(m, text):
    if int(m[2]) != (int(m[1]) + 1) % 100:
        return None
    return PeriodSpec("fiscal", year=int(m[1]))


@_p(r"\b(?:so\s+far\s+)?(?:(?:in|during|over|for)\s+)?(this|last)\s+month(?:'s)?\b"
    r"|\b(?:cumulative\s+)?(?:number|total|tally|figure)\s+for\s+the\s+month\b(?!\s+(?:of|since|in)\b)")
def _month(m, text):
    """'this month', 'last month', 'the cumulative number for the month' (this month so far)"""
    return PeriodSpec("month", n=-1 if (m[1] or "").lower() == "last" else 0)


@_p(r"\bearlier\s+this\s+(month|week)\b")
def _earlier_this(m, text):
    return PeriodSpec("any_day", month=1 if m[1].lower() == "month" else 0)


@_p(r"\b(?:(?:just|only|a\s+few|several|two|three)\s+)?days\s+(?:ago|earlier|before|after)\b")
def _days_ago(m, text):
    if re.match(r"(?:two|three)\s+days\s+(?:earlier|before)", m.group(0), re.I):
        return None  # "Two days earlier": that many days before the day named last (_days_earlier)
    return PeriodSpec("any_day", n=7, strong=False)


@_p(r"\b(?:one|a)\s+week\s+(?:ago|earlier)\b")
def _week_ago(m, text):
    """'One week ago', 'a week earlier': seven days before the day named last (see extract), else the article's date"""
    return PeriodSpec("relative", n=-7)


@_p(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+days\s+(?:earlier|before)\b(?!\s+(?:the|that|\w+day))")
def _days_earlier(m, text):
    """'Two days earlier' (after 'the previous Friday'): that many days before the day named last (see extract)"""
    return PeriodSpec("relative", n=-_num(m[1]))


@_p(rf"\bthe\s+day\s+before\s+that\b|\bthe\s+(?:previous|preceding)\s+({_DAY_RX})\b|\bthe\s+({_DAY_RX})\s+before\s+that\b")
def _day_before_that(m, text):
    """'The day before that', 'the previous Friday': the day before the day named last (its Friday before it)"""
    day = m[1] or m[2]
    if day and not day[0].isupper():
        return None
    return PeriodSpec("relative", n=-1) if not day else PeriodSpec("relative", day=_DAYS.index(day.lower()))


@_p(rf"\b(?:(?:in|during|throughout|for|of|since)\s+)?({_MONTH_RX})(?:\s+({_YEAR_RX})|(\s+last\s+year))?((?:'|’)s)?\b"
    r"(?!\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b(?![,.]\d))")  # not a date ("August 5"), but "In August 55 small boats"
def _named_month(m, text):  # "May" only as "in May", "May 2025" or "May's"
    if not m[1][0].isupper() or (m[1].lower() == "may" and not re.match(r"(?:in|during|throughout|for|of)\s", m.group(0), re.I)
                                 and not m[2] and not m[4]):
        return None
    return PeriodSpec("named_month", month=month_number(m[1]), year=int(m[2]) if m[2] else None,
                      n=-1 if m[3] else 0)


@_p(rf"\b(?:on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RX})(?:,?\s+({_YEAR_RX}))?(\s+last\s+year)?\b"
    rf"|\b(?:on\s+)?({_MONTH_RX})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR_RX}))?(\s+last\s+year)?\b")
def _date(m, text):
    day, month, year, last = (m[1], m[2], m[3], m[4]) if m[1] else (m[6], m[5], m[7], m[8])
    if not month[0].isupper() or not 1 <= int(day) <= 31:
        return None
    return PeriodSpec("date", day=int(day), month=month_number(month),
                      year=int(year) if year else None, n=-1 if last else 0)


@_p(r"\b(?:so\s+far\s+)?(?:(?:in|during|over)\s+)?(this|last)\s+week(?:'s)?\b")
def _week(m, text):
    return PeriodSpec("week", n=0 if m[1].lower() == "this" else -1)


@_p(r"\b(?:over|at|during)\s+the\s+weekend\b|\b(?:last|this)\s+weekend\b")
def _weekend(m, text):
    return PeriodSpec("weekend", n=-1 if m.group(0).lower().startswith("last") else 0)


@_p(rf"\bfrom\s+({_MONTH_RX})(?:\s+({_YEAR_RX}))?\s+(?:to|until|through)\s+({_MONTH_RX})(?:\s+({_YEAR_RX}))?\b")
@_p(rf"\bbetween\s+({_MONTH_RX})(?:\s+({_YEAR_RX}))?\s+and\s+({_MONTH_RX})(?:\s+({_YEAR_RX}))?\b")
def _month_range(m, text):
    if not (m[1][0].isupper() and m[3][0].isupper()):
        return None
    return PeriodSpec("month_range", month=month_number(m[1]), n=month_number(m[3]),
                      year=int(m[4] or m[2]) if (m[4] or m[2]) else None)


_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _range(d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None) -> PeriodSpec:
    return PeriodSpec("range", day=d1, month=m1, year=y1, topic=PeriodSpec("date", day=d2, month=m2, year=y2))


@_p(rf"\b(?:from|between)\s+(?:the\s+)?{_ORD}(?:\s+(?:of\s+)?({_MONTH_RX}))?(?:,?\s+({_YEAR_RX}))?\s*(?:to|and|until|–|-|—)\s*"
    rf"(?:the\s+)?{_ORD}\s+(?:of\s+)?({_MONTH_RX})(?:,?\s+({_YEAR_RX}))?\b")
def _day_range(m, text):
    """'between 1 May 2024 and 30 April 2025', 'from 12 to 18 June', 'the week from the 12th – 18th of June'"""
    m2 = month_number(m[5])
    m1 = month_number(m[2]) if m[2] else m2
    y2 = int(m[6]) if m[6] else None
    return _range(int(m[1]), m1, int(m[3]) if m[3] else y2, int(m[4]), m2, y2)


@_p(rf"\b(?:(?:from|between|over|during|in)\s+)?({_MONTH_RX})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to|until)\s*(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+({_YEAR_RX}))?\b")
def _month_day_range(m, text):
    """'from Aug. 10-16', 'between June 12 and 18': both days and those between"""
    if not m[1][0].isupper() or not 1 <= int(m[2]) < int(m[3]) <= 31:
        return None
    month, year = month_number(m[1]), int(m[4]) if m[4] else None
    return _range(int(m[2]), month, year, int(m[3]), month, year)


@_p(rf"\b(?:(?:over|during|on)\s+)?(?:the\s+weekend\s+of\s+)?{_ORD}\s+and\s+{_ORD}\s+(?:of\s+)?({_MONTH_RX})(?:,?\s+({_YEAR_RX}))?\b")
def _day_pair(m, text):
    """'over the weekend of 17 and 18 June': both days"""
    month, year = month_number(m[3]), int(m[4]) if m[4] else None
    if not (1 <= int(m[1]) < int(m[2]) <= 31):
        return None
    return _range(int(m[1]), month, year, int(m[2]), month, year)


@_p(rf"\b(?:(?:in|during|over)\s+)?the\s+(?:year|12\s+months|twelve\s+months)\s+(?:to|ending(?:\s+in)?)\s+(?:(?:the\s+)?end\s+of\s+)?"
    rf"({_MONTH_RX})(?:\s+({_YEAR_RX}))?\b(?!\s+\d)")
def _year_to(m, text):
    """'in the year to June', 'the 12 months ending March 2025': the twelve whole months to that month's end"""
    if not m[1][0].isupper():
        return None
    month, year = month_number(m[1]), int(m[2]) if m[2] else None
    return _range(1, month % 12 + 1, year - 1 if year and month < 12 else year, 31, month, year)


@_p(rf"\b(?:(?:in|during|over)\s+)?the\s+(week|fortnight|{_COUNT}\s+days)\s+(?:to|up\s+to|ending(?:\s+on)?|until)\s+"
    rf"(?:(?:{_DAY_RX})\s+)?(?:{_ORD}\s+(?:of\s+)?({_MONTH_RX})|({_MONTH_RX})\s+{_ORD})(?:,?\s+({_YEAR_RX}))?\b")
def _days_to(m, text):
    """'in the week to September 10', 'the seven days ending 12 June': the days up to that date"""
    n = 7 if m[1].lower() == "week" else 14 if m[1].lower() == "fortnight" else _num(m[2])
    day, month = (int(m[3]), m[4]) if m[4] else (int(m[6]), m[5])
    year = int(m[7]) if m[7] else None
    try:
        end = dt.date(year or 2000, month_number(month), day)  # 2000: a leap year, when none is written
    except ValueError:
        return None
    start = end - dt.timedelta(days=n - 1)
    return _range(start.day, start.month, start.year if year else None, end.day, end.month, year)


@_p(rf"\b(?:(?:in|during|over)\s+)?the\s+first\s+{_COUNT}\s+days\s+of\s+(?:({_MONTH_RX})(?:\s+({_YEAR_RX}))?|the\s+month|this\s+month)\b")
def _first_days(m, text):
    """'the first ten days of July', 'the first 16 days of August', 'the first five days of the month' (the current one)"""
    if not m[2]:
        return _range(1, 0, None, _num(m[1]), 0, None)  # month 0: the month of the article's date
    month = month_number(m[2])
    year = int(m[3]) if m[3] else None
    return _range(1, month, year, _num(m[1]), month, year)


_PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@_p(rf"\b(?:(?:in|during|by)\s+)?(?:the\s+)?(early|mid|late)[- ]({_MONTH_RX})(?:\s+({_YEAR_RX}))?\b")
def _part_of_month(m, text):
    """'set in late August': 21 August to the month's end; 'early' the 1st-10th, 'mid' the 11th-20th"""
    if not m[2][0].isupper():
        return None
    (a, b), month, year = _PART_OF_MONTH[m[1].lower()], month_number(m[2]), int(m[3]) if m[3] else None
    return _range(a, month, year, b, month, year)


@_p(rf"\b(?:(?:in|during|over)\s+)?the\s+first\s+{_COUNT}\s+months\s+of\s+(?:(?:the|this|a)\s+(?:calendar\s+)?year|({_YEAR_RX}))\b")
def _first_months(m, text):
    """'the first four months of the year': 1 January to the end of April (so far, in the year running)"""
    k = _num(m[1])
    if not 1 <= k <= 12:
        return None
    year = int(m[2]) if m[2] else None
    return _range(1, 1, year, 31, k, year)  # the month's last day (31 is clipped to it)


@_p(r"\b(?:in|over|within)\s+(two|three|four|five|six|seven|\d)\s+days\b(?!['’]?\s*time)")
def _in_days(m, text):
    """'600 people crossed in two days': the days up to the last published"""
    return PeriodSpec("rolling", n=_num(m[1]))


@_p(r"\b(?:in\s+|during\s+)?the\s+first\s+quarter\b(?!\s+of)")
def _first_quarter(m, text):
    return PeriodSpec("quarter", n=1, month=0)


@_p(r"\bfrom\s+new\s+year(?:['’]s\s+day)?\s+(?:to|until)\s+polling\s+day\b")
def _to_polling_day(m, text):
    """'from New Year to polling day': 2024, to the general election of 4 July"""
    return _range(1, 1, 2024, 4, 7, 2024)


@_p(r"\b(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:recent|coming)\s+(?:days|weeks|months)\b")
def _vague(m, text):
    """'in recent days': no span a reader could pin down (used only when nothing better is written)."""
    return PeriodSpec("vague", event=re.sub(r"\s+", " ", m[0]), strong=False)


@_p(r"\b(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:past|last|previous)\s+(week|fortnight|month|year"
    r"|(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|eighteen|twenty-four)\s+(days|weeks|months)|24\s+hours)\b")
def _rolling(m, text):
    unit = m[1].lower()
    if unit == "year":
        if not m.group(0).lower().lstrip().startswith(("in the past", "over the past", "during the past", "the past",
                                                       "over the last", "in the last", "during the last")):
            return None  # "last year", "the previous year": the calendar year (another rule)
        days = -12
    elif m[3] and m[3].lower() == "months":
        k = {"eighteen": 18, "twenty-four": 24}.get(m[2].lower()) or _num(m[2].lower())
        if (m[2].lower() in ("12", "twelve") and re.match(r"(?:for\s+)?the\s+previous", m.group(0), re.I)):
            return None  # "for the previous 12 months" after a 12-month figure: the year before it (another rule)
        days = -k
    elif unit == "week":
        days = 7
    elif unit == "fortnight":
        days = 14
    elif unit == "month":
        days = -1  # one calendar month back
    elif unit.startswith("24"):
        return PeriodSpec("rolling", n=1)  # the last 24 hours: the last day published (or today, when the article says so)
    else:
        word = m[2].lower()
        k = {"fourteen": 14}.get(word) or _num(word)
        days = k * (7 if m[3].lower() == "weeks" else 1)
    return PeriodSpec("rolling", n=days)


@_p(r"\b(?:so\s+far\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))(?:'s)?\b")
def _today(m, text):
    return PeriodSpec("day", n=0)


@_p(r"\b(?:yesterday|last\s+night)(?:'s)?\b")
def _yesterday(m, text):
    return PeriodSpec("day", n=-1)


@_p(rf"\b(?:on\s+)?({_DAY_RX})\s+and\s+({_DAY_RX})\b")
def _weekday_pair(m, text):
    if not (m[1][0].isupper() and m[2][0].isupper()):
        return None
    return PeriodSpec("weekday_pair", day=_DAYS.index(m[1].lower()), n=_DAYS.index(m[2].lower()))


@_p(rf"\b(?:(last|on|this)\s+)?({_DAY_RX})(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?(\s+(?:of\s+)?(?:last|the\s+previous)\s+week)?\b")
def _weekday(m, text):
    if not m[2][0].isupper():
        return None
    n = -7 if m[3] else -1 if (m[1] or "").lower() == "last" else 0  # -7: "Monday last week", in the week before this one
    return PeriodSpec("weekday", n=n, day=_DAYS.index(m[2].lower()))


@_p(r"\b(?:on\s+)?(christmas\s+(?:eve|day)|boxing\s+day|new\s+year['’]s\s+(?:eve|day))\b")
def _holiday(m, text):
    month, day = _HOLIDAYS[re.sub(r"\s+", " ", m[1].lower())]
    return PeriodSpec("date", day=day, month=month)


@_p(rf"\b(?:(?:in|during|over)\s+)?the\s+(?:final|last)\s+(week|fortnight|month)\s+of\s+(?:the\s+year|({_YEAR_RX}))\b")
def _year_end(m, text):
    if m[1].lower() == "month":
        return PeriodSpec("named_month", month=12, year=int(m[2]) if m[2] else None)
    return PeriodSpec("year_end", n=7 if m[1].lower() == "week" else 14, year=int(m[2]) if m[2] else None)


@_p(rf"\b(?:as\s+(?:of|at)|by|up\s+to|until|till|to)\s+(?:(?:the\s+)?end\s+of\s+({_MONTH_RX})(?:\s+({_YEAR_RX}))?"
    rf"|(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RX})(?:,?\s+({_YEAR_RX}))?"
    rf"|({_MONTH_RX})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR_RX}))?"
    rf"|(?:the\s+end\s+of\s+)?({_DAY_RX}))\b(\s+last\s+year\b)?")
def _until(m, text):
    """"as of 13 September", "by Thursday", "up to 9 March", "until the end of June": a running
    total to that day (from 1 January of its year, unless a start is written). Not "Responding to Monday's
    statistics" (a possessive) nor "compared to Monday"."""
    if re.match(r"['’]s\b", text[m.end():]) or (m.group(0)[:2].lower() == "to" and re.search(
            r"\b(?:respond(?:ing|ed|s)?|according|referring|compared|similar|next|due|thanks|owing|prior)\s*$", text[:m.start()], re.I)):
        return None
    if m[1]:
        if not m[1][0].isupper():
            return None
        return PeriodSpec("until", month=month_number(m[1]), year=int(m[2]) if m[2] else None, day=0)
    if m[4] or m[6]:
        day, month, year = (m[3], m[4], m[5]) if m[4] else (m[7], m[6], m[8])
        if not month[0].isupper() or not 1 <= int(day) <= 31:
            return None
        return PeriodSpec("until", day=int(day), month=month_number(month), year=int(year) if year else None,
                          n=-1 if m[10] else 0)  # "not reached until June 6 last year"
    if not m[9][0].isupper() or m[10]:
        return None
    return PeriodSpec("until", n=_DAYS.index(m[9].lower()), day=-1)


@_p(r"\b(?:if|when|with|including|once)\s+(yesterday|today)['’]s\s+(?:figures|arrivals|numbers|crossings|totals?)"
    r"(?:\s+(?:are|is)\s+(?:included|added|counted))?\b")
def _including_day(m, text):
    """"28,653 have reached Dover, if yesterday's figures are included": the running total to that day"""
    return PeriodSpec("until", day=-2, n=0 if m[1].lower() == "today" else -1)


@_p(r"\bthe\s+(?:previous|preceding)\s+day\b|\bthe\s+day\s+before\b(?!\s+(?:the|that|\w+day))")
def _previous_day(m, text):
    return PeriodSpec("day", n=-1, shift=-1)


def _combine(found: list[PeriodMention], sentence: str) -> list[PeriodMention]:
    """Periods that qualify each other in one sentence: "the previous day" after "on Thursday"
    (the day before Thursday); "as of 13 September ... in 2025" (to 13 September 2025); "the
    first half of the year" in a sentence about 2024 (the first half of 2024)."""
    days = [p for p in found if p.spec.kind in ("weekday", "date")]
    years = [p for p in found if p.spec.kind == "year" and p.spec.year]
    last_year = [p for p in found if p.spec.kind == "year" and p.spec.n == -1 and p.spec.year is None]
    out = []
    for p in found:
        spec = p.spec
        if spec.kind == "day" and spec.shift and days:
            spec = replace(days[0].spec, shift=-1)
        elif spec.kind == "day" and spec.shift:
            spec = replace(spec, shift=0)
        elif spec.kind == "until" and spec.year is None and spec.day and spec.day > 0 and spec.n == 0 and last_year \
                and last_year[0].start < p.start and not any(last_year[0].start < y.start < p.start for y in years):
            spec = replace(spec, n=-1)  # "Last year, the figure of 10,000 was not reached until May 24"
        elif spec.kind == "until" and spec.year is None and years and not (spec.n == -1 and spec.day and spec.day > 0):
            spec = replace(spec, year=years[0].spec.year)
        elif spec.kind in ("half", "quarter") and spec.year is None and re.search(r"\bthe\s+year\b", p.text, re.I) and years:
            spec = replace(spec, year=years[0].spec.year)
        out.append(replace(p, spec=spec) if spec is not p.spec else p)
    untils = [p.spec for p in out if p.spec.kind == "until"]
    if untils:  # "in 2025", "this year" are the until's start (not "by October 2 2022, compared with 25,330 ... in 2023")
        out = [p for p in out if not (p.spec.kind == "year" and (p.spec.year or p.spec.n == 0)
                                      and any(u.year is None or u.year == p.spec.year for u in untils))
               and not (p in last_year and any(u.n == -1 and u.day and u.day > 0 for u in untils))]
    if any(p.spec.kind == "same_period" and p.spec.year is None for p in out):  # "Last year 20,452 ... over the same period"
        out = [p for p in out if not (p.spec.kind == "year" and p.spec.n == -1 and p.spec.year is None)]
    if any(p.spec.kind in ("half", "quarter") and p.spec.year for p in out):
        out = [p for p in out if not (p.spec.kind == "year" and p.spec.year
                                      and any(q.spec.kind in ("half", "quarter") and q.spec.year == p.spec.year for q in out))]
    return out


def find_periods(sentence: str) -> list[PeriodMention]:
    """Period expressions in ``sentence``, longest first where they overlap, in text order."""
    found: list[PeriodMention] = []
    for rx, build in _PATTERNS:
        for m in rx.finditer(sentence):
            out = build(m, sentence)
            if out is None:
                continue
            spec, end = out if isinstance(out, tuple) else (out, m.end())
            found.append(PeriodMention(spec, m.start(), end, sentence[m.start():end]))
    found.sort(key=lambda p: (-(p.end - p.start), p.start))
    kept: list[PeriodMention] = []
    for p in found:
        if all(p.end <= k.start or p.start >= k.end for k in kept):
            kept.append(p)
    kept.sort(key=lambda p: p.start)
    # "on Friday, 14 June": the date wins over the weekday
    kept = [p for i, p in enumerate(kept) if not (p.spec.kind == "weekday" and i + 1 < len(kept) and kept[i + 1].spec.kind == "date"
                                                  and re.fullmatch(r"\s*,?\s*(?:the\s+)?", sentence[p.end:kept[i + 1].start]))]
    return _combine(kept, sentence)


# -- parts of a day ------------------------------------------------------------------------------

_DAY_WORD = rf"(?:{_DAY_RX}|yesterday|today)"
#: A part of a day ("in the early hours of Sunday morning", "yesterday (Tuesday 14th) morning", "overnight", "in the
#: morning"): the record has whole days, so a figure for one cannot be checked (unless the article gives it as the day's).
PARTS_OF_DAY = tuple(re.compile(rx, re.I) for rx in (
    rf"\b(?:in\s+|during\s+)?the\s+(?:early|small|wee)\s+hours(?:\s+of\s+(?:{_DAY_WORD}(?:['’]s)?\s+)?(?:morning|night))?\b",
    r"\bovernight\b",
    r"\b(?:last|to)night\b",
    r"\bthis\s+(?:morning|afternoon|evening)\b",
    rf"\b{_DAY_WORD}(?:['’]s)?(?:\s*\([^()]{{1,30}}\))?\s+(?:morning|afternoon|evening|night)\b",
    r"\bon\s+the\s+(?:morning|afternoon|evening|night)\s+of\b",
    r"\bin\s+the\s+(?:morning|afternoon|evening)\b",
    r"\b(?:at|before|by|around|after)\s+(?:dawn|daybreak|first\s+light|midday|noon|lunchtime)\b",
))
_PART_WORDS = ("morning", "afternoon", "evening", "night", "hours", "dawn", "daybreak", "light", "midday", "noon", "lunchtime")
_SPAN_FROM = re.compile(r"\b(?:since|from|until|till)\s+(?:the\s+)?$", re.I)  # "since Friday evening" is a span, not a part


def part_of_day(sentence: str) -> re.Match | None:
    """The first part of a day written in ``sentence`` (not the start or end of a span: "since Friday evening")."""
    low = sentence.lower()
    if not any(w in low for w in _PART_WORDS):  # (most sentences: quicker than the patterns)
        return None
    hits = [m for rx in PARTS_OF_DAY for m in rx.finditer(sentence)
            if not _SPAN_FROM.search(sentence[max(0, m.start() - 12):m.start()])]
    return min(hits, key=lambda m: (m.start(), -m.end()), default=None)


# -- resolving against the article's date ------------------------------------------------------

def _last_weekday(date: dt.date, weekday: int, strictly_before: bool = False) -> dt.date:
    back = (date.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return date - dt.timedelta(days=back)


def _named(spec: PeriodSpec, date: dt.date) -> tuple[int, int]:
    """(year, month) of a named month: given year, else the latest that has begun by ``date``."""
    if spec.year:
        return spec.year, spec.month or 1
    if spec.n == -1:
        return date.year - 1, spec.month or 1
    year = date.year if (spec.month or 1) <= date.month else date.year - 1
    return year, spec.month or 1


def resolve(spec: PeriodSpec, date: dt.date, subject: Resolved | None = None) -> Resolved:
    """Tie ``spec`` to the article's ``date``. ``subject`` is the period a "same period"
    reference is compared with. Raises :class:`Unresolvable`."""
    d = date
    day = dt.timedelta(days=1)
    if spec.kind == "vague":
        raise Unresolvable(f"'{spec.event}' is not a defined period")
    if spec.kind == "context":  # a figure with no period of its own: the period the article is about, when it is
        topic = None               # closed (a day, a month, last year), else the day the article reports (n=-1: the day before)
        if spec.topic is not None:
            try:
                topic = resolve(spec.topic, d)
            except Unresolvable:
                topic = None
        if topic is not None and not topic.running:
            out = Resolved(topic.start, topic.end, f"{topic.label}: the period the article is about, taken from the context")
        else:
            x = d + spec.n * day
            which = "the article's own day" if spec.n == 0 else "the last day published by the article's date"
            out = Resolved(x, x, f"{which} ({long_date(x)}: the period is taken from the context, not written)")
    elif spec.kind == "until":
        if spec.topic is not None:  # "bringing the total to N" after "at the weekend": to the end of that period
            e = resolve(spec.topic, d).end
        elif spec.day == -1:  # "by Thursday"
            e = _last_weekday(d, spec.n)
        elif spec.day == -2:  # to today (n=0) or yesterday (n=-1)
            e = d + spec.n * day
        elif spec.day == 0:  # "until the end of June"
            year = spec.year or (d.year if (spec.month or 1) <= d.month else d.year - 1)
            e = min(_month_end(year, spec.month or 1), d)
        else:
            year = spec.year or (d.year - 1 if spec.n == -1 else d.year if (spec.month, spec.day) <= (d.month, d.day) else d.year - 1)
            try:
                e = dt.date(year, spec.month or 1, spec.day or 1)
            except ValueError:
                raise Unresolvable(f"no such date: {spec.day} {_MONTHS[(spec.month or 1) - 1].title()} {year}") from None
        s = dt.date(e.year, e.month if spec.from_month else 1, 1)
        out = Resolved(s, e, f"{f'{e:%B} {e.year}' if spec.from_month else e.year} to {long_date(e)} ({span_label(s, e)})")
    elif spec.kind == "day":
        x = d + spec.n * day
        out = Resolved(x, x, ("today" if spec.n == 0 else "yesterday") + f" ({long_date(x)})")
    elif spec.kind == "weekday" and spec.n == -7:
        x = d - (d.weekday() + 7 - (spec.day or 0)) * day
        out = Resolved(x, x, f"{x:%A} {long_date(x)}")
    elif spec.kind == "year_end":  # "the final week of the year": the last one that has begun
        year = spec.year or (d.year if (d.month, d.day) >= (12, 32 - spec.n) else d.year - 1)
        s = dt.date(year, 12, 32 - spec.n)
        out = Resolved(s, min(dt.date(year, 12, 31), d), f"the last {spec.n} days of {year} ({span_label(s, dt.date(year, 12, 31))})",
                       running=d <= dt.date(year, 12, 31))
    elif spec.kind == "weekday":
        x = _last_weekday(d, spec.day or 0, strictly_before=spec.n == -1)
        out = Resolved(x, x, f"{x:%A} {long_date(x)}")
    elif spec.kind == "relative":  # to the day named before it (its topic), or else the article's date
        a = resolve(spec.topic, d).start if spec.topic is not None else d
        x = _last_weekday(a, spec.day, strictly_before=True) if spec.day is not None else a + spec.n * day
        out = Resolved(x, x, f"{x:%A} {long_date(x)}")
    elif spec.kind == "weekday_pair":
        last = _last_weekday(d, spec.n)
        first = _last_weekday(last, spec.day or 0)
        out = Resolved(first, last, f"{first:%A} and {last:%A} ({span_label(first, last)})")
    elif spec.kind == "range":  # from one date to another; years, when not written, the latest that fits
        if spec.month == 0:  # "the first five days of the month": the article's month
            spec = replace(spec, month=d.month, year=d.year, topic=replace(spec.topic, month=d.month, year=d.year))
        end = spec.topic
        ey = end.year or (d.year if (end.month, end.day) <= (d.month, d.day) else d.year - 1)
        if end.year is None and spec.year is not None:
            ey = spec.year if (spec.month, spec.day) <= (end.month, end.day) else spec.year + 1
        sy = spec.year or (ey if (spec.month, spec.day) <= (end.month, end.day) else ey - 1)
        try:
            last = calendar.monthrange(ey, end.month or 1)[1]
            s, e = dt.date(sy, spec.month or 1, spec.day or 1), dt.date(ey, end.month or 1, min(end.day or 1, last))
        except ValueError:
            raise Unresolvable("no such date in the range") from None
        if e > d and s <= d:  # "the first ten days of July" said on 5 July: the days so far
            e = d
        out = Resolved(s, e, f"{spec.event} ({span_label(s, e)})" if spec.event else span_label(s, e), running=e == d)
    elif spec.kind == "date":
        year = spec.year or (d.year - 1 if spec.n == -1 else d.year if (spec.month, spec.day) <= (d.month, d.day) else d.year - 1)
        try:
            x = dt.date(year, spec.month or 1, spec.day or 1)
        except ValueError:
            raise Unresolvable(f"no such date: {spec.day} {_MONTHS[(spec.month or 1) - 1].title()} {year}") from None
        out = Resolved(x, x, long_date(x))
    elif spec.kind == "rolling":
        if spec.n < 0:  # months back: the past month, the past 12 months, the past year
            k = -spec.n
            y, mo = divmod(d.year * 12 + d.month - 1 - k, 12)
            start = dt.date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1])) + day
            words = "the past month" if k == 1 else "the past year" if k == 12 else f"the past {k} months"
        else:
            start = d - (spec.n - 1) * day
            words = "the past week" if spec.n == 7 else "the past 24 hours" if spec.n == 1 else f"the past {spec.n} days"
        out = Resolved(start, d, f"{words} ({span_label(start, d)})", running=True)
    elif spec.kind == "week":
        monday = d - d.weekday() * day
        if spec.n == 0:
            out = Resolved(monday, d, f"this week ({span_label(monday, d)})", running=True)
        else:
            s = monday - 7 * day
            out = Resolved(s, s + 6 * day, f"last week ({span_label(s, s + 6 * day)})")
    elif spec.kind == "weekend":
        # "last weekend": the last whole weekend before the date; "at the weekend": the latest one
        sunday = _last_weekday(d, 6, strictly_before=spec.n == -1)
        sat = sunday - day
        if spec.n == 0 and d.weekday() == 5:
            sat, sunday = d, d
        out = Resolved(sat, sunday, f"the weekend ({span_label(sat, sunday)})")
    elif spec.kind == "month_range":
        first, last = spec.month or 1, spec.n
        year = spec.year or (d.year if first <= d.month else d.year - 1)
        s, e = dt.date(year, first, 1), _month_end(year, last)
        if s > d:
            raise Unresolvable(f"{s:%B %Y} is after the article's date")
        out = Resolved(s, min(e, d), f"{span_label(s, min(e, d))}", running=e >= d)
    elif spec.kind == "month":
        first = d.replace(day=1)
        if spec.n == 0:
            out = Resolved(first, d, f"this month ({span_label(first, d)})", running=True)
        else:
            last = first - day
            out = Resolved(last.replace(day=1), last, f"last month ({last:%B %Y})")
    elif spec.kind == "named_month":
        year, month = _named(spec, d)
        s, e = dt.date(year, month, 1), _month_end(year, month)
        if s > d:
            raise Unresolvable(f"{s:%B %Y} is after the article's date")
        if e >= d:
            out = Resolved(s, d, f"{s:%B %Y} so far ({span_label(s, d)})", running=True)
        else:
            out = Resolved(s, e, f"{s:%B %Y}")
    elif spec.kind == "year":
        year = spec.year or d.year + spec.n
        s = dt.date(year, 1, 1)
        if s > d:
            raise Unresolvable(f"{year} is after the article's date")
        if year == d.year:
            out = Resolved(s, d, f"so far this year ({span_label(s, d)})", running=True)
        else:
            out = Resolved(s, dt.date(year, 12, 31), f"{year}" if spec.year else f"last year ({year})")
    elif spec.kind in ("half", "quarter"):
        year = spec.year or d.year + (spec.month or 0)
        if spec.kind == "half":
            s = dt.date(year, 1 if spec.n == 1 else 7, 1)
            e = dt.date(year, 6, 30) if spec.n == 1 else dt.date(year, 12, 31)
            words = f"the {'first' if spec.n == 1 else 'second'} half of {year}"
        else:
            s, e, words = dt.date(year, 1, 1), dt.date(year, 3, 31), f"the first three months of {year}"
        if s > d:
            raise Unresolvable(f"{words} is after the article's date")
        out = Resolved(s, min(e, d), f"{words} ({span_label(s, min(e, d))})", running=e >= d)
    elif spec.kind == "since":
        if spec.since is not None:
            s = spec.since
        elif spec.topic is not None:  # "since Sunday"
            s = resolve(spec.topic, d).start
        else:
            year = spec.year or (d.year if (spec.month or 1, spec.day or 1) <= (d.month, d.day) else d.year - 1)
            s = dt.date(year, spec.month or 1, spec.day or 1)
        if s > d:
            raise Unresolvable(f"{long_date(s)} ({spec.event or 'the start'}) is after the article's date")
        if spec.within and d.year not in spec.within:
            raise Unresolvable(f"which event the words name in {d.year} is not known (in {', '.join(map(str, spec.within))}: "
                               f"{spec.event})")
        words = f"since {spec.event}" if spec.event else f"since {long_date(s)}"
        out = Resolved(s, d, f"{words} ({span_label(s, d)})", running=True)
    elif spec.kind == "any_day":
        if spec.n:
            s, e, words = d - spec.n * day, d - day, "a day in the days before"
        elif spec.month:
            s, e, words = d.replace(day=1), d - day, "a day earlier this month"
        else:
            s, e, words = d - d.weekday() * day, d - day, "a day earlier this week"
        if e < s:
            raise Unresolvable(f"'{words}' leaves no day before the article's date")
        out = Resolved(s, e, f"{words} ({span_label(s, e)})", any_day=True)
    elif spec.kind == "same_period":
        if subject is None:
            raise Unresolvable("'the same period' with no period to compare")
        years = 1 if spec.year is None else subject.end.year - spec.year
        s, e = year_earlier(subject.start, years), year_earlier(subject.end, years)
        out = Resolved(s, e, f"the same period {'a year earlier' if years == 1 else f'in {s.year}'} ({span_label(s, e)})",
                       any_day=subject.any_day)
    elif spec.kind == "prev_year":
        year = (subject.start.year if subject else d.year) - 1
        s = dt.date(year, 1, 1)
        if subject is not None and (subject.start.month, subject.start.day, subject.end.month, subject.end.day) != (1, 1, 12, 31):
            s, e = year_earlier(subject.start), year_earlier(subject.end)  # "the year before" a half year: its half
            out = Resolved(s, e, f"the same period of the year before ({span_label(s, e)})")
        else:
            out = Resolved(s, dt.date(year, 12, 31), f"the previous year ({year})")
    elif spec.kind == "fiscal":
        year = spec.year or d.year
        s, e = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
        if s > d:
            raise Unresolvable(f"the financial year {year}-{(year + 1) % 100:02d} is after the article's date")
        out = Resolved(s, min(e, d), f"the financial year {year}-{(year + 1) % 100:02d} ({span_label(s, min(e, d))})",
                       running=e >= d)
    else:  # pragma: no cover - every Kind is handled above
        raise Unresolvable("'since then' with no date before it" if spec.kind == "since_then" else f"unknown period kind {spec.kind}")
    if spec.shift and out.start == out.end:
        x = out.start + spec.shift * day
        out = Resolved(x, x, f"the day before {long_date(out.start)} ({long_date(x)})")
    if out.end > d:
        raise Unresolvable(f"{out.label} runs past the article's date ({long_date(d)})")
    if out.end < RECORD_START:
        raise Unresolvable(f"{out.label} is before the record starts (1 January 2018)")
    return out
