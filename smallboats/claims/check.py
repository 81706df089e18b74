"""Checking each crossing figure against the record: the official value as published on or
before the article's date (what a journalist could have seen) and the latest, a verdict with a
one-line reason, and how the qualifier set the tolerance.

Verdicts
--------
* **accurate**: the official figure fits the claim within the tolerance its qualifier sets;
* **inaccurate**: it does not;
* **unverifiable**: the period cannot be resolved (not stated, in the future, before 2018) or
  the record has no figure for it;
* **not a crossing figure**: deaths, returns, arrests, money, ages, years, boats seen, ...:
  never checked; where the figure belongs to other data, the claim says which.

Tolerance, by qualifier (N as written; "step" is the rounding unit the writer used: 100 for
36,800, 1,000 for 9,000, 1 for 36,956; for "around" a number ending in 5, as 650, is read as
rounded to 50):

* plain count: equal. A number ending in two or more zeros ("36,800") is read as rounded:
  within half a step;
* **close** (a verdict of its own, counted as right): an exact-looking count of people (no
  qualifier, not a round number) within 1% of the official figure, as published by the
  article's date or the latest: a provisional count or a later revision (of the 110 daily
  arrivals figures where the 2022 and 2026 daily pages and the time series disagree, 27 differ
  by 1 to 3; a running total of 36,956 on the day against 36,954 in the time series). Counts of
  boats, days and ranks are never close: they match or they are inaccurate;
* "more than"/"over"/"at least": above (at least) N, and at most N plus a step or 10% of N,
  whichever is larger ("more than 700": 701-800), so that a floor far below the figure is not
  passed as accurate;
* "just over": above N, within 5%;
* "almost"/"nearly"/"just under": below N and within 5% of it;
* "around"/"about"/"roughly"/"some": within half a step, and at least 2% of N;
* "fewer than"/"under" and "up to": below (at most) N, within a step or 10%;
* percentages, ratios, people per boat: the computed value rounded or truncated to the
  precision written ("31%" covers 30.5 to <32); with "around", as any number (within half the
  rounding step or 2%: "around 49%" is 48.02 to 49.98), a fraction ("about a third") within 10%;
  "three times" and "doubled" within 10%;
* running totals ("so far this year", "since Labour came to power", "the past week") are
  checked through the article's date and, if that does not fit, through the day before: the
  Home Office publishes a day's figures the next day, so an article may not have that day's;
* rankings ("the second highest annual figure on record", "the lowest monthly total since
  January"): the period ranked must hold that place among the whole days, weeks, months or
  years of the span; "since January" ranks the months after January and needs January to have
  been as low (the last time it was);
* French preventions: SB_02's weekly figures, the weeks ending (on a Sunday) in the period, as
  far as published by the article's date; a single day cannot be checked.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import dataclass, replace

import numpy as np

from .. import questions, series
from ..evidence import summary as evidence_summary
from ..questions import OutOfRange, VintageRef, long_date, pct_change, year_earlier
from ..store import Store
from . import deaths
from .extract import NEEDS, Document, Mention
from .models import Claim, Official, PeriodOut, Verdict
from .numbers import VAGUE_RANGES, Quantity
from .periods import (DAY_KINDS, RECORD_START, PeriodMention, PeriodSpec, Resolved, Unresolvable, find_periods,
                      part_of_day, resolve, span_label)
from .record import Days, Record, Sums

_KIND_LABEL = {"ods": "vintage", "daily_page": "daily page", "weekly_page": "weekly page"}


def fmt(x: float | None, rate: bool = False) -> str:
    if x is None:
        return "not available"
    if rate:
        return f"{x:,.1f}".rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else f"{x:,.0f}"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


# -- tolerance ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Tolerance:
    lo: float | None
    hi: float | None
    lo_open: bool
    hi_open: bool
    text: str

    def ok(self, x: float) -> bool:
        if self.lo is not None and (x <= self.lo if self.lo_open else x < self.lo - 1e-9):
            return False
        if self.hi is not None and (x >= self.hi if self.hi_open else x > self.hi + 1e-9):
            return False
        return True


def tolerance(q: Quantity, rate: bool = False) -> Tolerance:
    """The range of official values that bear the claim out, and why."""
    n, step, qual = q.value, q.step, q.qualifier
    written = f"'{(qual + ' ') if qual else ''}{q.text}'"
    if rate:
        unit = step if step < 1 else 1.0
        if q.unit == "times" and qual is None:
            m = max(0.1 * n, 0.25 if n >= 2 else 0.05)
            return Tolerance(n - m, n + m, False, False, f"{written}: within 10% ({fmt(n - m, True)} to {fmt(n + m, True)})")
        if qual is None:
            return Tolerance(n - unit / 2, n + unit, False, True,
                             f"{written}: the computed value rounded or truncated to the precision written "
                             f"({fmt(n - unit / 2, True)} to under {fmt(n + unit, True)})")
        if qual == "around" and (q.unit == "times" or not re.search(r"\d", q.text)):  # "about a third", "around three times"
            m = max(unit / 2, 0.1 * n)
            return Tolerance(n - m, n + m, False, False, f"{written}: within 10% ({fmt(n - m, True)} to {fmt(n + m, True)})")
        if qual == "around":  # "around 49%", "around 38 people per boat": as any number ("around 50": to the nearest 10)
            m = max(step / 2, 0.02 * n)
            return Tolerance(n - m, n + m, False, False, f"{written}: within {fmt(m, True)} ({fmt(n - m, True)} to "
                                                         f"{fmt(n + m, True)}), half the rounding step or 2%")
        margin = max(unit, 0.1 * n)
    else:
        if qual is None:
            if n == 0:
                return Tolerance(0, 0, False, False, f"{written}: must be zero")
            if step >= 100:
                return Tolerance(n - step / 2, n + step / 2, False, False,
                                 f"{written} read as rounded to the nearest {step:,.0f}: {n - step / 2:,.0f} to {n + step / 2:,.0f}")
            return Tolerance(n, n, False, False, f"{written}: must be exactly {fmt(n)}")
        if qual == "around":
            s = step * 5 if q.fives else step
            m = max(s / 2, 0.02 * n)
            return Tolerance(n - m, n + m, False, False,
                             f"{written}: within {m:,.0f} ({n - m:,.0f} to {n + m:,.0f}), half the rounding step or 2%")
        margin = max(step, 0.1 * n)
    r = rate
    if qual == "more than":
        return Tolerance(n, n + margin, True, False,
                         f"{written}: above {fmt(n, r)} and at most {fmt(n + margin, r)} (one rounding step or 10% above)")
    if qual == "at least":
        return Tolerance(n, n + margin, False, False,
                         f"{written}: at least {fmt(n, r)} and at most {fmt(n + margin, r)} (one rounding step or 10% above)")
    if qual == "just over":
        hi = n + max(0.05 * n, 1 if not r else 0.1)
        return Tolerance(n, hi, True, False, f"{written}: above {fmt(n, r)} and within 5% (at most {fmt(hi, r)})")
    if qual == "almost":
        lo = n - max(0.05 * n, (step / 2 if r else 1))
        return Tolerance(lo, n, False, True, f"{written}: below {fmt(n, r)} and within 5% (at least {fmt(lo, r)})")
    if qual == "fewer than":
        return Tolerance(n - margin, n, False, True, f"{written}: below {fmt(n, r)} and at least {fmt(n - margin, r)}")
    if qual == "up to":
        return Tolerance(n - margin, n, False, False, f"{written}: at most {fmt(n, r)} and at least {fmt(n - margin, r)}")
    raise ValueError(f"unknown qualifier {qual!r}")


def _official(value: float | None, res: Resolved, vintages: list[VintageRef], as_of: dt.date | None,
              detail: str | None = None, day: dt.date | None = None) -> Official:
    """An official figure with its provenance in words. ``as_of`` is the article's date (None:
    the latest figures); figures from publications after it are flagged."""
    later = as_of is not None and any(v.published > as_of for v in vintages)

    def name(v: VintageRef) -> str:
        return f"the {long_date(v.published)} {_KIND_LABEL.get(v.kind, v.kind)}"

    if not vintages:
        source = "not in the record"
    elif as_of is None:
        source = f"latest: {name(max(vintages, key=lambda v: (v.published, v.id)))}"
    elif later and all(v.published > as_of for v in vintages):
        first = min(vintages, key=lambda v: (v.published, v.id))
        source = f"no publication in the record before the article's date; figure from {name(first)}"
    elif later:
        late = min((v for v in vintages if v.published > as_of), key=lambda v: (v.published, v.id))
        source = f"partly published after the article's date: some days first appear in {name(late)}"
    else:
        source = f"as published in {name(max(vintages, key=lambda v: (v.published, v.id)))}"
    return Official(value=value, start=res.start, end=res.end, period=res.label, day=day, detail=detail,
                    source=source, vintages=[v.file_name for v in vintages], evidence=evidence_summary(vintages),
                    later_publication=later)


# -- one claim ------------------------------------------------------------------------------------

#: the first day of the first week of French preventions published (SB_02: the week ending 5 May 2024)
PREVENTED_FROM = dt.date(2024, 4, 29)


@dataclass
class Outcome:
    official: Official | None
    ok: bool | None  # None: unverifiable
    reason: str
    tolerance: str | None = None
    period: Resolved | None = None
    comparison: Resolved | None = None
    provisional: bool = False  # the provisional margin applied (figure first published after the article)
    nominal: Resolved | None = None  # the period as written, when the day before was checked instead
    record_holds: bool = True  # a record claim with its figure: whether the record itself holds (else never "close")


#: a numberless change named as a noun ("a big increase"), said against a period ("on the same period a year earlier")
_CHANGE_WORD = re.compile(r"\b(?:increase|rise|jump|fall|drop|decrease|decline|reduction)$", re.I)


class Checker:
    """Checks the mentions of one document against the record as known on ``date`` and the newest."""

    def __init__(self, store: Store, date: dt.date, doc: Document, as_of: Record | None = None,
                 latest: Record | None = None):
        self.store, self.date, self.doc = store, date, doc
        self.as_of = as_of or Record(store, date)
        self.latest = latest or Record(store, None)
        self.reports_today = self._reports_today()
        # "The total number of Christmas Day crossings will be revealed in the Home Office's day-to-day count": the
        # article reports its own day's crossings but has no count of them, so its running totals stop the day before
        self.today_pending = self.reports_today and bool(_PENDING.search(doc.text))
        self.told_to = None if self.reports_today else self._told_to()
        self.parts = self._parts_of_day()

    def _reports_today(self) -> bool:
        """Whether the article reports crossings on its own date ("today", "on Wednesday" written
        on a Wednesday): then running totals and figures taken from context include that day."""
        for m in self.doc.mentions:
            if (not (m.crossing and m.kind == "figure" and m.period is not None) or (m.quantity is not None and m.quantity.value == 0)
                    or m.run_to):  # "for a fifth day in a row on Tuesday" says crossings went on, not that the day's are in
                continue
            spec = m.period.spec
            if (spec.kind == "context" and spec.topic is None and self.date < DAILY_FIGURES and m.quantity is not None
                    and m.quantity.value <= _MOST_IN_A_DAY.get(m.metric or "people", 10**9)):
                return True  # before daily figures, a figure from context is the article's own day's (see period())
            if spec.kind == "context" and spec.topic is not None:
                spec = spec.topic
            if spec.kind in DAY_KINDS:
                try:
                    res = resolve(spec, self.date)
                except Unresolvable:
                    continue
                if res.start == res.end == self.date:  # (figures of none were passed over above)
                    return True
        return False

    def _told_to(self) -> dt.date | None:
        """The day the article's own running total was brought to ("886 people arrived on Saturday, bringing the
        2021 total to 25,700"), when it is before the last day published by its date: the article's figures stop
        there, and its other running totals with them."""
        ends = []
        for m in self.doc.mentions:
            if m.crossing and m.kind == "figure" and m.period is not None and m.period.spec.kind == "until" \
                    and m.period.spec.topic is not None:
                try:
                    ends.append(resolve(m.period.spec, self.date).end)
                except Unresolvable:
                    continue
        last = max(ends, default=None)
        return last if last is not None and last < self.date - dt.timedelta(days=1) else None

    def _parts_of_day(self) -> list[tuple[int, str, dt.date | None]]:
        """(sentence, phrase, day) of each sentence telling of arrivals in a part of a day ("were intercepted by Border
        Force in the early hours of Sunday morning", "They were brought into the Port of Dover ... in the morning"); the
        day is the one written next to the phrase (None: none written, the day the article tells of). A sentence whose
        figure the article also gives for the whole day ("As well as the 33 who made the trip on Thursday") is left out:
        the text makes clear it is the day's total."""
        out = []
        for sent in self.doc.sentences:
            part = part_of_day(sent.text)
            if part is None or not any(not _MODAL.search(sent.text[max(0, v.start() - 30):v.start()])
                                       for v in _ARRIVED.finditer(sent.text)):
                continue
            days = [p for p in find_periods(sent.text) if p.spec.kind in DAY_KINDS]
            near = min(days, key=lambda p: 0 if p.start <= part.start() < p.end or part.start() <= p.start < part.end()
                       else min(abs(p.start - part.end()), abs(part.start() - p.end)), default=None)
            day = None
            if near is not None:
                try:
                    day = resolve(near.spec, self.date).start
                except Unresolvable:
                    continue
            out.append((sent.index, re.sub(r"\s+", " ", part[0]), day))
        parts = {i for i, _, _ in out}
        whole = {(y.metric, y.quantity.value, y.period.spec) for y in self.doc.mentions
                 if y.crossing and y.kind == "figure" and y.quantity is not None and y.sentence not in parts
                 and y.period is not None and y.period_from in ("sentence", "partner") and y.period.spec.kind in DAY_KINDS}
        told = set()
        for spec in {w[2] for w in whole}:
            try:
                told.add(resolve(spec, self.date).start)
            except Unresolvable:
                continue
        values = {(w[0], w[1]) for w in whole}
        return [(i, phrase, day) for i, phrase, day in out
                if not any(x.sentence == i and x.crossing and x.kind == "figure" and x.quantity is not None
                           and (x.metric, x.quantity.value) in values and (day is None or day in told) for x in self.doc.mentions)]

    def part_of_day(self, m: Mention, res: Resolved) -> tuple[str, dt.date] | None:
        """The part of a day a figure of a single day counts ("Forty-nine migrants ... were intercepted in the early
        hours of Sunday morning"): in its own sentence, or, for a figure whose day is taken from the context, in a
        sentence telling of that day's arrivals."""
        if (m.kind != "figure" or res.start != res.end or res.any_day or m.metric not in (None, "people", "boats")
                or m.began or m.ended or m.run_to or m.above is not None or m.period is None):
            return None
        for i, phrase, day in self.parts:
            if i != m.sentence and m.period_from not in ("context", "previous sentence"):
                continue
            if day is None and i != m.sentence and m.period_from != "context":
                continue
            if day is None or day == res.start:
                return phrase, res.start
        return None

    def incomplete(self, m: Mention, res: Resolved) -> str | None:
        """Words marking a day's count as not complete ("Border Force is dealing with all the three ongoing incidents",
        "with several further vessels still being dealt with"): in the figure's sentence or, for a figure whose day is
        taken from the context, the sentence before or after it. The figure is then read as at least N for that day."""
        if m.kind != "figure" or res.start != res.end or res.any_day or m.metric not in (None, "people", "boats"):
            return None
        near = (m.sentence - 1, m.sentence, m.sentence + 1) if m.period_from == "context" else (m.sentence,)
        for i in near:
            if 0 <= i < len(self.doc.sentences) and (hit := _INCOMPLETE.search(self.doc.sentences[i].text)):
                return re.sub(r"\s+", " ", hit[0])
        return None

    # periods
    def last_published(self) -> Resolved:
        """The last day published by the article's date: the day before it, or its own day when the article reports
        that day's crossings."""
        return resolve(PeriodSpec("context", n=0 if self.reports_today else -1), self.date)

    def period(self, pm: PeriodMention | None, subject: Resolved | None = None, m: Mention | None = None) -> Resolved:
        if pm is None:
            raise Unresolvable("no period stated for this figure")
        if pm.spec.kind == "context" and m is not None and m.quantity is not None \
                and (m.quantity.value > _MOST_IN_A_DAY.get(m.metric or "people", 10**9) or m.per_days
                     or (m.metric == "people_per_boat" and pm.spec.topic is not None and pm.spec.topic.kind not in DAY_KINDS)):
            # more than ever crossed in a day (or an average per boat): the period the article is about, or else the year so far
            spec = pm.spec.topic if pm.spec.topic is not None and pm.spec.topic.kind not in DAY_KINDS else PeriodSpec("year", n=0)
            res = resolve(spec, self.date, subject)
            return Resolved(res.start, res.end, f"{res.label}: the period is taken from the context, not written",
                            res.any_day, res.running)
        if pm.spec.kind == "context" and pm.spec.topic is not None and pm.spec.topic.kind in DAY_KINDS:
            res = resolve(pm.spec.topic, self.date)  # the day the article's opening tells of
            return Resolved(res.start, res.end, f"{res.label}: the day the article tells of; the period is taken from the "
                            "context, not written", res.any_day, res.running)
        if pm.spec.kind == "context" and (self.reports_today or self.date < DAILY_FIGURES):
            return resolve(replace(pm.spec, n=0), self.date, subject)  # the article's own day
        return resolve(pm.spec, self.date, subject)

    def subject_period(self, m: Mention) -> tuple[Resolved, float | None]:
        """The period of a comparison's subject, and the article's own number for it (if any)."""
        if m.subject is not None:
            return self.period(m.subject.period, None, m.subject), (m.subject.quantity.value if m.subject.quantity else None)
        if m.subject_period is not None:
            return self.period(m.subject_period), None
        if m.reference_period is not None and m.reference_period.spec.kind == "year":
            # "A total of 45,756 migrants ... in 2022. [...] the figure is also up more than 60% on 2021": the last
            # figure before it for another whole year
            ref = self.period(m.reference_period)
            for x in reversed(self.doc.mentions[:m.index]):
                if (x.crossing and x.kind == "figure" and x.metric in (None, "people") and x.period is not None
                        and x.period.spec.kind == "year" and x.period_from == "sentence"):
                    res = self.period(x.period, None, x)
                    if res.start.year != ref.start.year and (res.start.month, res.start.day) == (1, 1):
                        return res, (x.quantity.value if x.quantity else None)
        if (m.reference_period is not None and m.reference_period.spec.kind == "same_period" and m.reference_period.spec.year is None
                and m.kind in ("difference", "percent_change", "ratio")):
            # "Crossings are down by a third in a year", said with no period: the year so far against the same days a year earlier
            res = resolve(PeriodSpec("year", n=0), self.date)
            return Resolved(res.start, res.end, f"{res.label}: the period is taken from the context, not written",
                            res.any_day, res.running), None
        raise Unresolvable("no period or figure to compare")

    def reference_period(self, m: Mention, subject: Resolved) -> tuple[Resolved, float | None]:
        if m.reference is not None:
            return self.period(m.reference.period, subject), (m.reference.quantity.value if m.reference.quantity else None)
        if m.reference_period is not None:
            return self.period(m.reference_period, subject), None
        return resolve(_SAME_PERIOD, self.date, subject), None

    # values
    @staticmethod
    def metric_value(t: Sums, metric: str | None) -> float | None:
        if metric == "boats":
            return t.boats
        if metric == "people_per_boat":
            return t.people_per_boat
        return t.arrivals

    def count(self, rec: Record, m: Mention, res: Resolved, provisional: bool | None = None) -> Outcome:
        q = m.quantity
        assert q is not None
        if m.metric in ("prevented", "prevented_events"):
            return self.prevented(rec, m, res, provisional)
        if res.any_day or m.metric == "days":
            return self._days(rec, m, res, provisional)
        if m.earliest:
            return self.earliest(rec, m, res, provisional)
        if m.milestone and res.end > res.start:  # "just days after arrivals passed 10,000": to the day the total first passed it
            if (hit := rec.days(res.start, res.end)[0].reaching(q.value, above=True)) is not None:
                res = Resolved(res.start, hit[0], f"{span_label(res.start, hit[0])}: to the day the total first passed {q.text}")
        t = rec.total(res.start, res.end)
        value = self.metric_value(t, m.metric)
        official = _official(value, res, t.vintages, rec.as_of)
        if (part := self.part_of_day(m, res)) is not None:
            return Outcome(official, None, f"a part of a day ('{part[0]}'): the record has whole days ({long_date(part[1])}: "
                                           f"{fmt(value)}{' boats' if m.metric == 'boats' else ''} in the whole day)", period=res)
        read = ""
        if q.qualifier is None and (mark := self.incomplete(m, res)) is not None:
            q = replace(q, qualifier="at least", text=q.text.lower() if q.words else q.text)
            read = f" (read as at least {q.text}: the count was not complete, '{mark}')"
        if value is None:
            return Outcome(official, None, f"the record has no figure for part of {res.label} ('-': not available)", period=res)
        rate = m.metric == "people_per_boat"
        if m.per_days:  # "the weekly average of more than 800": the period's total over its days, a week's (a day's) worth
            value = round(value / ((res.end - res.start).days + 1) * m.per_days, 1)
            official = _official(value, res, t.vintages, rec.as_of, detail=f"{fmt(self.metric_value(t, m.metric))} over "
                                 f"{(res.end - res.start).days + 1} days, a {'week' if m.per_days == 7 else 'day'} on average")
        provisional = official.later_publication if provisional is None else provisional
        tol = tolerance(q, rate=rate)
        unit = "" if q.value == 0 and q.words else {"boats": " boats", "people_per_boat": " people per boat"}.get(m.metric or "", "")
        if m.per_days:
            unit += " a week on average" if m.per_days == 7 else " a day on average"
        reason = f"claimed {_said(q)}{unit}; official {fmt(value, rate or bool(m.per_days))} {_where(res)}{read}"
        return Outcome(official, tol.ok(value), reason, tol.text, res, provisional=provisional)

    def earliest(self, rec: Record, m: Mention, res: Resolved, provisional: bool | None = None) -> Outcome:
        """"It is the earliest point in the calendar year the 10,000 milestone has been reached": the day the year's total
        first reached the number, earlier in the year than in any year of the record before it."""
        q = m.quantity
        assert q is not None
        year = res.end.year
        reached = _first_reached(rec, q.value, res.end)
        this = reached.pop(year)
        if this is None:
            return Outcome(None, False, f"claimed the earliest point in a year the total reached {q.text}; the {year} total had "
                                        f"not reached it by {long_date(res.end)}", period=res)
        day, total, vintages = this
        reached = {y: r[0] for y, r in reached.items() if r is not None}
        doy = (day - dt.date(year, 1, 1)).days
        before = {y: d for y, d in reached.items() if (d - dt.date(y, 1, 1)).days <= doy}
        period = Resolved(dt.date(year, 1, 1), day, f"{span_label(dt.date(year, 1, 1), day)}: to the day the total reached {q.text}")
        others = "; ".join(f"{y}: {long_date(d)}" for y, d in sorted(reached.items())) or "no earlier year reached it"
        official = _official(total, period, vintages, rec.as_of, day=day)
        provisional = official.later_publication if provisional is None else provisional
        reason = (f"claimed the earliest point in a year the total reached {q.text}: {long_date(day)} ({others})"
                  + (f"; reached as early or earlier in {', '.join(map(str, before))}" if before else ""))
        return Outcome(official, not before, reason, None, period, provisional=provisional)

    def prevented(self, rec: Record, m: Mention, res: Resolved, provisional: bool | None = None) -> Outcome:
        """French preventions (SB_02): the weeks ending (on a Sunday) in the period, as far as
        they were published by the article's date (the newest weeks otherwise, flagged)."""
        q = m.quantity
        assert q is not None
        if res.end < PREVENTED_FROM:  # "107 have been prevented ... since last Sunday" in 2021: before SB_02 begins
            return Outcome(None, None, f"the record has no French prevention figures before the week ending 5 May 2024 "
                                       f"(claimed for {res.label})", period=res)
        if (res.end - res.start).days < 6:
            raise Unresolvable("French preventions are published by week (Monday to Sunday), not for single days")
        end = res.end
        try:
            questions.prevented(self.store, res.start, end, self.date)
        except OutOfRange as exc:  # the last weeks were not published by the article's date
            if exc.last is not None and exc.last >= res.start:
                end = exc.last
        try:
            p = questions.prevented(self.store, res.start, end, rec.as_of)
        except OutOfRange:
            p = questions.prevented(self.store, res.start, end, None)
        value = p.prevented_people if m.metric == "prevented" else p.prevented_events
        ending = f"the weeks ending {span_label(p.weeks[0].week_end, p.weeks[-1].week_end)}"
        weeks = Resolved(p.weeks[0].week_start, p.weeks[-1].week_end, ending)
        official = _official(value, weeks, p.evidence.vintages, rec.as_of, detail=f"French preventions, {ending}: " + ", ".join(
            f"{w.week_end.day} {w.week_end:%b} {fmt(w.prevented_people if m.metric == 'prevented' else w.prevented_events)}"
            for w in p.weeks))
        what = "people" if m.metric == "prevented" else "events (boats)"
        if value is None or p.weeks_with_figures < len(p.weeks):
            return Outcome(official, None, f"the record has no French prevention figures for some of {weeks.label} "
                                           "(published from the week ending 5 May 2024)", period=weeks, nominal=res)
        provisional = official.later_publication if provisional is None else provisional
        tol = tolerance(q)
        reason = f"claimed {_said(q)} {what} prevented by the French; official {fmt(value)} in {ending} ({span_label(weeks.start, weeks.end)})"
        return Outcome(official, tol.ok(value), reason, tol.text, weeks, provisional=provisional, nominal=res)

    def _days(self, rec: Record, m: Mention, res: Resolved, provisional: bool | None = None) -> Outcome:
        q = m.quantity
        assert q is not None
        lookback = max(RECORD_START, res.end - dt.timedelta(days=366)) if m.without else res.start
        days, vintages = rec.days(lookback, res.end)
        if m.metric == "days":
            if m.without and m.period is not None and m.period.spec.kind == "named_month":
                # "December 2025 saw a gap of 28 days without any crossings": a run of days without arrivals in the month
                return self._gap_in(rec, m, res, provisional)
            if m.without and m.zero_count:  # "the only two days when no crossings were reported": days with none in the span
                days, vintages = rec.days(res.start, res.end)
                value, what = int((days.arrivals == 0).sum()), f"days without arrivals in {res.label}"
            elif m.without:
                vals = days.arrivals.tolist()
                if m.ended and not m.began and vals and vals[-1] > 0:  # the crossings that ended the run began the day
                    vals.pop()  # before the day named ("hundreds have crossed in the last 24 hours, British officials said
                    res = _day_before(res)  # Monday, after more than a week in which none ..."; 254 arrived on Sunday)
                run = 0
                for v in reversed(vals):
                    if v != 0:  # not available (NaN) ends the run too
                        break
                    run += 1
                value, what = run, f"days in a row without arrivals up to {long_date(res.end)}"
                if q.qualifier is not None and run:  # the run found ("after more than a week in which no crossings": 11 days)
                    a = res.end - dt.timedelta(days=run - 1)
                    res = Resolved(a, res.end, f"the run of days without arrivals ({span_label(a, res.end)})")
            elif m.above is not None:
                value, what = int((days.arrivals > m.above).sum()), f"days with more than {fmt(m.above)} arrivals in {res.label}"
            else:
                value, what = int((days.arrivals > 0).sum()), f"days with arrivals in {res.label}"
            tol = tolerance(q)
            return Outcome(_official(value, res, vintages, rec.as_of), tol.ok(value),
                           f"claimed {_said(q)}{'' if re.search(r'(?:day|week)s?$', q.text) else ' days'}; official {value} {what}",
                           tol.text, res)
        if provisional is None:
            provisional = rec.as_of is not None and any(v.published > rec.as_of for v in vintages)
        tol = tolerance(q)
        col = days.boats if m.metric == "boats" else days.arrivals
        vals = [(d, None if v != v else int(v)) for d, v in zip(days.date.tolist(), col.tolist())]
        known = [(d, v) for d, v in vals if v is not None]
        if not known:
            return Outcome(None, None, f"no figures for {res.label}", period=res)
        hits = [(d, v) for d, v in known if tol.ok(v)]
        day, value = hits[-1] if hits else min(known, key=lambda dv: abs(dv[1] - q.value))
        official = _official(value, res, vintages, rec.as_of, day=day,
                             detail=f"daily figures {span_label(res.start, res.end)}: "
                                    + ", ".join(f"{d.day} {d:%b} {v:,}" for d, v in known))
        if hits:
            reason = f"claimed {_said(q)} on a day in {span_label(res.start, res.end)}; official {value:,} on {long_date(day)}"
            if m.period is not None and m.period.spec.kind in ("year", "since"):  # "700 crossed in a single day, a record
                # for the year so far": that day (the year is only where it is found)
                res = Resolved(day, day, f"{long_date(day)}, a day in {res.label}", any_day=True)
        else:
            reason = (f"claimed {_said(q)} on a day in {span_label(res.start, res.end)}; no day fits "
                      f"(closest: {value:,} on {long_date(day)})")
        return Outcome(official, bool(hits), reason, tol.text, res, provisional=provisional)

    def _gap_in(self, rec: Record, m: Mention, res: Resolved, provisional: bool | None) -> Outcome:
        """The runs of days without arrivals that reach into ``res`` (from up to 60 days before it): the one that
        bears the claim out, else the longest."""
        q = m.quantity
        assert q is not None
        days, vintages = rec.days(max(RECORD_START, res.start - dt.timedelta(days=60)), res.end)
        runs, start = [], None
        for d, v in zip(days.date.tolist(), days.arrivals.tolist()):
            if v == 0:
                start = start or d
            elif start is not None:
                runs.append((start, d - dt.timedelta(days=1)))
                start = None
        if start is not None:
            runs.append((start, res.end))
        runs = [(a, b, (b - a).days + 1) for a, b in runs if b >= res.start]
        tol = tolerance(q)
        if not runs:
            return Outcome(_official(0, res, vintages, rec.as_of), tol.ok(0), f"claimed {_said(q)}; no day without arrivals "
                           f"in {res.label}", tol.text, res)
        a, b, n = next((r for r in runs if tol.ok(r[2])), max(runs, key=lambda r: r[2]))
        run = Resolved(a, b, f"the run of days without arrivals ({span_label(a, b)})")
        return Outcome(_official(n, run, vintages, rec.as_of), tol.ok(n),
                       f"claimed {_said(q)}{'' if re.search(r'(?:day|week)s?$', q.text) else ' days'}; official {n} days in a "
                       f"row without arrivals, {span_label(a, b)}", tol.text, run)

    def relation(self, rec: Record, m: Mention, subj: Resolved, provisional: bool | None = None) -> tuple[Outcome, float | None]:
        """difference / percent_change / ratio: (outcome, the article's own arithmetic)."""
        q = m.quantity
        ref, ref_number = self.reference_period(m, subj)
        _, subj_number = self.subject_period(m)
        a, b = rec.total(subj.start, subj.end), rec.total(ref.start, ref.end)
        va, vb = self.metric_value(a, m.metric), self.metric_value(b, m.metric)
        vintages = sorted({v.id: v for v in [*a.vintages, *b.vintages]}.values(), key=lambda v: v.published)
        if provisional is None:
            provisional = rec.as_of is not None and any(v.published > rec.as_of for v in vintages)
        own = None
        if va is None or vb is None:
            return Outcome(None, None, "the record has no figure for part of the periods compared", period=subj, comparison=ref), None
        if q is None:  # "were fewer than the record 45,774 in 2022": which way only
            official = _official(va - vb, subj, vintages, rec.as_of, detail=f"{va:,} − {vb:,} = {va - vb:,}")
            on = " on" if _CHANGE_WORD.search(m.text) else ""  # "a big increase on the same period a year earlier"
            return Outcome(official, (va - vb) * m.direction > 0, f"claimed {m.text.lower()}{on} {ref.label}; official "
                           f"{_vs(va, subj, vb, ref)}", None, subj, ref, provisional), None
        if m.kind == "difference":
            value = m.direction * (va - vb)
            tol = tolerance(q)
            word = "higher" if m.direction > 0 else "lower"
            detail = f"{va:,} − {vb:,} = {va - vb:,}"
            reason = f"claimed {_said(q)} {word}; official difference {va - vb:,} ({_vs(va, subj, vb, ref)})"
            if subj_number is not None and ref_number is not None:
                own = m.direction * (subj_number - ref_number)
        elif m.kind == "percent_change":
            pct = pct_change(va, vb)
            if pct is None:
                return Outcome(None, None, "no base to compute a percentage from (zero)", period=subj, comparison=ref), None
            value = m.direction * pct
            tol = tolerance(q, rate=True)
            word = "up" if m.direction > 0 else "down"
            detail = f"({va:,} − {vb:,}) / {vb:,} = {pct:+.1f}%"
            reason = f"claimed {word} {_said(q)}; official {pct:+.1f}% ({_vs(va, subj, vb, ref)})"
            if subj_number is not None and ref_number:
                own = m.direction * (subj_number - ref_number) / ref_number * 100
        else:
            if not vb:
                return Outcome(None, None, "no base to compute a ratio from (zero)", period=subj, comparison=ref), None
            value = va / vb
            tol = tolerance(q, rate=True)
            detail = f"{va:,} / {vb:,} = {value:.2f}"
            reason = f"claimed {_said(q)}; official {value:.2f} times ({_vs(va, subj, vb, ref)})"
            if subj_number is not None and ref_number:
                own = subj_number / ref_number
        official = _official(round(value, 2), subj, vintages, rec.as_of, detail=detail)
        return Outcome(official, tol.ok(value), reason, tol.text, subj, ref, provisional), own

    def overtook(self, rec: Record, m: Mention, day: Resolved) -> Outcome:
        ref = self.period(m.reference_period)
        start = dt.date(day.end.year, 1, 1)
        b = rec.total(ref.start, ref.end)
        days, vintages = rec.days(start, day.end)
        running = np.nancumsum(days.arrivals)
        running[np.isnan(days.arrivals)] = np.nan  # a day not available has no running total; the next goes on
        passed = days.date[running > b.arrivals].tolist()
        res = Resolved(start, day.end, f"{day.end.year} so far ({span_label(start, day.end)})")
        total = None if not len(running) else int(running[-1])
        official = _official(total, res, vintages, rec.as_of,
                             detail=f"{day.end.year} to {long_date(day.end)}: {fmt(total)}; {ref.label}: {fmt(b.arrivals)}")
        if not passed:
            return Outcome(official, False, f"by {long_date(day.end)} {day.end.year} had {fmt(total)}, not yet past "
                                            f"{ref.label}'s {fmt(b.arrivals)}", period=res, comparison=ref)
        first = passed[0]
        ok = first == day.end if m.window_period else True  # "on Wednesday": that day; else by now
        reason = (f"{day.end.year} passed {ref.label}'s {fmt(b.arrivals)} on {long_date(first)}"
                  + (f" (claimed {long_date(day.end)})" if m.window_period and first != day.end else ""))
        return Outcome(official, ok, reason, period=res, comparison=ref)

    def first_since(self, rec: Record, m: Mention) -> Outcome:
        """'the first successful crossing since the beginning of February': arrivals on the day the article tells of, and
        none from the day after the point written (early February: the 10th) to the day before it. The period: the days
        without arrivals before that day."""
        day = self.period(m.window_period).end
        point = self.period(m.subject_period)
        if point.end >= day:
            return Outcome(None, None, f"{point.label} is not before {long_date(day)}")
        start = point.start - dt.timedelta(days=60)
        days, vintages = rec.days(start, day)
        values = days.counts(start, day)
        if values is None:
            return Outcome(None, None, f"the record does not have every day from {long_date(start)} to {long_date(day)}")
        before = [start + dt.timedelta(days=i) for i, v in enumerate(values[:-1]) if v]
        last = before[-1] if before else start
        res = Resolved(last + dt.timedelta(days=1), day - dt.timedelta(days=1),
                       span_label(last + dt.timedelta(days=1), day - dt.timedelta(days=1)))
        official = _official(values[-1], Resolved(day, day, long_date(day)), vintages, rec.as_of, day=day)
        ok = values[-1] > 0 and last <= point.end
        said = (f"{fmt(values[-1])} on {long_date(day)}; " + (f"the arrivals before were on {long_date(last)}" if before
                                                               else f"none from {long_date(start)}"))
        return Outcome(official, ok, f"claimed the first arrivals since {m.subject_period.text} (to {long_date(point.end)}); {said}",
                       period=res, comparison=point)

    def first_in(self, rec: Record, m: Mention) -> Outcome:
        """'Migrants ... have been reported for the first time in 2025': the first day of the year with arrivals, by the
        last day published, and no arrivals after it to that day (the crossings reported are the year's first)."""
        year = self.period(m.window_period).start.year
        end = min(dt.date(year, 12, 31), self.running_order(self.last_published())[0].end)
        start = dt.date(year, 1, 1)
        if end < start:
            return Outcome(None, None, f"nothing of {year} published by the article's date")
        days, vintages = rec.days(start, end)
        values = days.counts(start, end)
        if values is None:
            return Outcome(None, None, f"the record does not have every day of {span_label(start, end)}")
        with_arrivals = [start + dt.timedelta(days=i) for i, v in enumerate(values) if v]
        if not with_arrivals:
            res = Resolved(start, end, span_label(start, end))
            return Outcome(_official(0, res, vintages, rec.as_of), False, f"no arrivals in {span_label(start, end)}", period=res)
        first, last = with_arrivals[0], with_arrivals[-1]
        res = Resolved(start, max(start, first - dt.timedelta(days=1)), span_label(start, max(start, first - dt.timedelta(days=1))))
        official = _official(values[(first - start).days], Resolved(first, first, long_date(first)), vintages, rec.as_of,
                             day=first)
        ok = first == last
        return Outcome(official, ok, f"claimed the first arrivals of {year}; " + (
            f"none from {long_date(start)} to {long_date(first - dt.timedelta(days=1))}, then " if first > start else "")
            + f"{fmt(values[(first - start).days])} on {long_date(first)}"
            + ("" if ok else f", and more on later days to {long_date(last)}"), period=res)

    def first_change(self, rec: Record, m: Mention) -> Outcome:
        """'The number ... in 2023 fell ..., marking the first decline since current record-keeping began': the year's
        total below the year before's, and no earlier year of the span (from its second year) below its own year before."""
        window = self.period(m.window_period)
        first = (self.period(m.subject_period).start if m.subject_period else RECORD_START).year
        year = window.start.year
        if year - 1 < first:
            return Outcome(None, None, f"no year before {year} in the span", period=window)
        ends = [min(dt.date(y, 12, 31), self.last_published().end) for y in range(first, year + 1)]
        totals = {y: rec.total(dt.date(y, 1, 1), e).arrivals for y, e in zip(range(first, year + 1), ends)}
        if any(v is None for v in totals.values()):
            return Outcome(None, None, f"the record lacks a year of {first}–{year}", period=window)
        sign = m.direction
        changed = [y for y in range(first + 1, year + 1) if sign * (totals[y] - totals[y - 1]) > 0]
        res = Resolved(dt.date(year, 1, 1), ends[-1], str(year) if ends[-1] == dt.date(year, 12, 31) else window.label)
        scope = Resolved(dt.date(first, 1, 1), ends[-1], f"the years {first}–{year}")
        detail = "; ".join(f"{y}: {fmt(v)}" for y, v in totals.items())
        official = _official(totals[year], res, rec.total(res.start, res.end).vintages, rec.as_of, detail=detail)
        word = "rise" if sign > 0 else "fall"
        ok = bool(changed) and changed[0] == year
        said = (f"{year} had {fmt(totals[year])} against {fmt(totals[year - 1])} in {year - 1}"
                + ("" if year in changed else f", not a {word}")
                + (f"; the first {word} on the year before was {changed[0]}" if changed and changed[0] != year else ""))
        return Outcome(official, ok, f"claimed the first {word} of a year since {first}; {said} ({detail})", period=res,
                       comparison=scope)

    def above_every(self, rec: Record, m: Mention, subj: Resolved) -> Outcome:
        """'More ... in the first 16 days of August than any month from January to May': the subject's total against
        each whole day, week, month or year of the span written (not those overlapping the subject)."""
        scope = self.running_order(self.period(m.reference_period, subj))[-1]
        this = rec.total(subj.start, subj.end)
        value = self.metric_value(this, m.metric)
        days, _ = rec.days(scope.start, scope.end)
        pool = [p for p in _unit_totals(days, m.unit, scope.start, scope.end, m.metric)
                if p[3] and (p[1] < subj.start or p[0] > subj.end)]
        if value is None or not pool:
            return Outcome(None, None, f"no whole {m.unit}s in {scope.label} to compare {subj.label} with", period=subj,
                           comparison=scope)
        top = max(pool, key=lambda p: p[2]) if m.direction > 0 else min(pool, key=lambda p: p[2])
        sup = "busiest" if m.direction > 0 else "quietest"
        noun = " boats" if m.metric == "boats" else ""
        official = _official(value, subj, this.vintages, rec.as_of,
                             detail=f"the {sup} {m.unit} of {span_label(pool[0][0], pool[-1][1])}: {_name(top)} ({top[2]:,}{noun})")
        ok = value > top[2] if m.direction > 0 else value < top[2]
        said = f"claimed {'more' if m.direction > 0 else 'fewer'} than in any {m.unit} of {span_label(scope.start, scope.end)}"
        return Outcome(official, ok, f"{said}; {subj.label} had {fmt(value)}{noun}, the {sup} {m.unit} of "
                                     f"{span_label(pool[0][0], pool[-1][1])} was {_name(top)} ({top[2]:,}{noun})",
                       period=subj, comparison=scope)

    def last_day(self, rec: Record, m: Mention) -> Outcome:
        """'The last recorded crossing was on December 29th', 'no crossings since 20 December': arrivals on that day and
        none from the day after it to the last day published by the article's date."""
        day = self.period(m.window_period).end
        end = self.last_published().end
        if end <= day:
            return Outcome(None, None, f"{long_date(day)} is the last day published by the article's date: nothing after it to check")
        res = Resolved(day + dt.timedelta(days=1), end, span_label(day + dt.timedelta(days=1), end))
        days, vintages = rec.days(day, end)
        values = days.counts(day, end)
        if values is None:
            return Outcome(None, None, f"the record does not have every day from {long_date(day)} to {long_date(end)}", period=res)
        after = sum(values[1:])
        official = _official(after, res, vintages, rec.as_of, detail=f"{long_date(day)}: {fmt(values[0])}")
        ok = values[0] > 0 and after == 0
        first = next((day + dt.timedelta(days=i + 1) for i, v in enumerate(values[1:]) if v), None)
        reason = (f"claimed arrivals on {long_date(day)} and none after; official {fmt(values[0])} on {long_date(day)}, "
                  + (f"then none to {long_date(end)}" if first is None else f"then {fmt(after)} from {long_date(first)} to {long_date(end)}"))
        return Outcome(official, ok, reason, period=res)

    def pace(self, rec: Record, m: Mention, end: dt.date) -> Outcome:
        """'On course for a record year': checked as the pace so far, with
        :func:`smallboats.questions.ytd` (the same point of every earlier year)."""
        year = m.year or self.date.year
        if year != self.date.year:
            return Outcome(None, None, f"a forecast for {year} made in {self.date.year}: cannot be checked against the record")
        y = questions.ytd(self.store, end, rec.as_of_for(end))
        res = Resolved(dt.date(year, 1, 1), end, f"so far this year ({span_label(dt.date(year, 1, 1), end)})")
        others = [(p.year, p.arrivals) for p in y.years if p.year < year]
        official = _official(y.arrivals, res, y.evidence.vintages, rec.as_of,
                             detail="; ".join(f"{yr}: {fmt(v)}" for yr, v in others))
        if not others or y.arrivals is None:
            return Outcome(official, None, "no earlier year to compare", period=res)
        best = max(others, key=lambda yv: yv[1] or -1)
        ok = y.arrivals > (best[1] or 0)
        rel = "ahead of" if ok else "behind"
        return Outcome(official, ok, f"a projection, checked as the pace so far: {fmt(y.arrivals)} by {long_date(end)}, "
                                     f"{rel} the busiest earlier year at the same point ({best[0]}: {fmt(best[1])})", period=res)

    def record_time(self, rec: Record, m: Mention) -> Outcome:
        """'arrivals passed 10,000 in record time': the day of the year the running total first went above the number,
        earlier in the year than in any earlier year (or the number never reached in them)."""
        end = self.last_published().end
        passed = {y: r[0] if r else None for y, r in _first_reached(rec, m.above, end).items()}
        day = passed[end.year]
        if day is None:
            res = Resolved(dt.date(end.year, 1, 1), end, f"{end.year} to {long_date(end)}")
            return Outcome(None, False, f"{end.year} had not reached {fmt(m.above)} by {long_date(end)}", period=res)
        res = Resolved(dt.date(end.year, 1, 1), day, span_label(dt.date(end.year, 1, 1), day))
        at = day.timetuple().tm_yday
        others = {y: d for y, d in passed.items() if y != end.year}
        sooner = [y for y, d in others.items() if d is not None and d.timetuple().tm_yday <= at]
        detail = "; ".join(f"{y}: {d.strftime('%-d %B') if d else 'not reached'}" for y, d in others.items())
        total = rec.total(res.start, res.end)
        official = _official(total.arrivals, res, total.vintages, rec.as_of, detail=detail)
        scope = Resolved(RECORD_START, end, f"every year since {RECORD_START.year}")
        return Outcome(official, not sooner, f"claimed {fmt(m.above)} reached in record time; {end.year} reached it on "
                                             f"{long_date(day)}, " + (f"but {', '.join(map(str, sooner))} sooner" if sooner
                                                                       else "earlier in the year than any earlier year")
                                             + f" ({detail})", period=res, comparison=scope)

    def record_year(self, rec: Record, m: Mention) -> Outcome:
        years = range(2018, self.date.year)
        totals = [(y, rec.total(dt.date(y, 1, 1), dt.date(y, 12, 31)).arrivals) for y in years]
        best = max(totals, key=lambda yv: yv[1] or -1)
        res = Resolved(RECORD_START, dt.date(self.date.year - 1, 12, 31), f"the whole years 2018–{self.date.year - 1}")
        official = _official(best[1], res, rec.total(res.start, res.end).vintages, rec.as_of,
                             detail="; ".join(f"{y}: {fmt(v)}" for y, v in totals))
        ok = best[0] == m.year
        named = Resolved(dt.date(m.year, 1, 1), dt.date(m.year, 12, 31), str(m.year))
        return Outcome(official, ok, f"claimed {m.year} is the highest year; the highest whole year is {best[0]} "
                                     f"({fmt(best[1])})", period=named, comparison=res)

    def record(self, rec: Record, m: Mention) -> Outcome:
        """A record ("a new single-day record", "a record for the first half of the year"): the
        figure's day against every earlier day on record, or its span against the same span of
        every earlier year."""
        if m.unit == "time" and m.above is not None:
            return self.record_time(rec, m)
        if m.reference_period is not None:  # "surpassing the total for the same period last year, which had previously
            subj, _ = self.subject_period(m)  # set a record": the period compared with
            window = self.period(m.reference_period, self.running_order(subj)[0])
        elif m.quantity is not None and m.period is not None:  # "a record 444 migrants ... on Tuesday"
            window = self.period(m.period)
        elif m.subject is not None and m.subject.period is not None:
            window = self.period(m.subject.period, None, m.subject)
        elif m.window_period is not None:
            window = self.period(m.window_period)
        elif m.unit == "any" and re.search(r"\b(?:levels|highs|numbers)\b", m.text, re.I):
            # "crossing numbers, which remain at stubborn, record-breaking highs": the year so far, as published
            last = self.last_published()
            window = Resolved(dt.date(last.end.year, 1, 1), last.end, f"{last.end.year} so far")
        else:
            window = self.last_published()
        window = self.running_order(window)[0]
        end = window.end
        if m.unit == "year":  # "the worst year on record": the year so far, against the same point of earlier years
            window = Resolved(dt.date(end.year, 1, 1), end, f"{end.year} to {long_date(end)}")
        elif m.unit in ("half", "quarter"):
            which = {"first": 1, "second": 2, "third": 3, "fourth": 4}[re.search(r"first|second|third|fourth", m.text, re.I)[0].lower()]
            months = 6 if m.unit == "half" else 3
            a = dt.date(end.year, (which - 1) * months + 1, 1)
            b = min(_unit_end(dt.date(end.year, which * months, 1), "month"), end)
            window = Resolved(a, b, f"the {m.unit} {span_label(a, b)}")
        elif m.unit == "day" and window.start != window.end:  # "on a single day this week": the busiest day of the week
            days, _ = rec.days(window.start, window.end)
            known = ~np.isnan(days.arrivals)
            if m.quantity is not None and known.any():
                end = days.date[known][int(np.argmax(days.arrivals[known]))].item()
            window = Resolved(end, end, long_date(end))
        if window.start == window.end:
            days, vintages = rec.days(RECORD_START, window.end)
            value = days.arrivals[-1]
            before = days.arrivals[:-1]
            before = before[~np.isnan(before)]
            if math.isnan(value) or not len(before):
                return Outcome(None, None, f"no figures to rank {long_date(window.end)} against", period=window)
            top = int(before.max())
            top_day = days.date[int(before.argmax())].item()
            scope = Resolved(RECORD_START, window.end, f"every day on record to {long_date(window.end)}")
            official = _official(int(value), window, rec.total(window.end, window.end).vintages, rec.as_of, day=window.end,
                                 detail=f"the busiest day before it: {long_date(top_day)} ({top:,})")
            ok = int(value) > top
            tol = tolerance(m.quantity) if m.quantity is not None else None
            if tol is not None and not tol.ok(int(value)):
                return Outcome(official, False, f"claimed a record {_said(m.quantity)} on {long_date(window.end)}; official "
                                                f"{int(value):,}", tol.text, period=window, comparison=scope, record_holds=ok)
            reason = (f"claimed a record day; {long_date(window.end)} had {int(value):,}, {'more than' if ok else 'not more than'} "
                      f"the previous record ({top:,} on {long_date(top_day)})")
            if _BOATS_AND_PEOPLE.search(m.text) and not math.isnan(days.boats[-1]):
                # "a record number of boats and migrants arrive in a single day": both records
                boats = days.boats[:-1][~np.isnan(days.boats[:-1])]
                if len(boats):
                    top_b, top_b_day = int(boats.max()), days.date[:-1][~np.isnan(days.boats[:-1])][int(boats.argmax())].item()
                    ok_b = int(days.boats[-1]) > top_b
                    ok = ok and ok_b
                    reason += (f"; boats: {int(days.boats[-1]):,}, {'more than' if ok_b else 'not more than'} the previous record "
                               f"({top_b:,} on {long_date(top_b_day)})")
            return Outcome(official, ok, reason, period=window, comparison=scope)
        this = rec.total(window.start, window.end)
        earlier = []
        for k in range(1, window.start.year - RECORD_START.year + 1):
            a, b = year_earlier(window.start, k), year_earlier(window.end, k)
            earlier.append((a, b, rec.total(a, b).arrivals))
        if this.arrivals is None or not earlier or any(v is None for *_, v in earlier):
            return Outcome(None, None, f"no earlier years to compare {window.label} with", period=window)
        a, b, best = max(earlier, key=lambda x: x[2])
        scope = Resolved(earlier[-1][0], window.end, f"the same span of every year since {earlier[-1][0].year}")
        official = _official(this.arrivals, window, this.vintages, rec.as_of,
                             detail="; ".join(f"{x.year}: {fmt(v)}" for x, _, v in reversed(earlier)))
        ok = this.arrivals > best
        if m.above is not None:  # "has risen above 5,000 by the end of March for the first time"
            over = [(x, v) for x, _, v in earlier if v > m.above]
            ok = this.arrivals > m.above and not over
            return Outcome(official, ok, f"claimed above {fmt(m.above)} for the first time; {span_label(window.start, window.end)} "
                                         f"had {fmt(this.arrivals)}; the same span of earlier years: "
                                         + (f"above it in {', '.join(str(x.year) for x, _ in over)}" if over
                                            else f"never above it (highest: {fmt(best)} in {span_label(a, b)})"),
                           period=window, comparison=scope)
        tol = tolerance(m.quantity) if m.quantity is not None else None
        if tol is not None and not tol.ok(this.arrivals):
            return Outcome(official, False, f"claimed a record {_said(m.quantity)} for {span_label(window.start, window.end)}; "
                                            f"official {fmt(this.arrivals)}", tol.text, period=window, comparison=scope,
                                            record_holds=ok)
        return Outcome(official, ok, f"claimed a record; {span_label(window.start, window.end)} had {fmt(this.arrivals)}, "
                                     f"{'more than' if ok else 'not more than'} the same span of any earlier year "
                                     f"(highest: {fmt(best)} in {span_label(a, b)})", period=window, comparison=scope)

    def rank(self, rec: Record, m: Mention, day_before: bool = False) -> Outcome:
        """A ranking: the ``ordinal``-th busiest (quietest) day, week, month or year of the scope
        falls in the window and, for a figure, is the number claimed. "Since January" (a month,
        a year or a day named after "since"): the periods after it, and it was itself as low
        (high): the last time. Only whole periods are ranked, and the window's own."""
        if m.window_period is None and m.quantity is None:
            raise Unresolvable("no period stated for what is ranked")
        scope = self.period(m.subject_period) if m.subject_period else resolve(_SINCE_RECORDS, self.date)
        window = self.period(m.window_period) if m.window_period else scope
        if m.years:  # "the lowest January figure in five years": the five years to the window's
            a = dt.date(window.start.year - m.years + 1, 1, 1)
            scope = Resolved(a, scope.end, f"in {a.year}" if m.years == 1 else f"in {m.years} years ({span_label(a, scope.end)})",
                             running=scope.running)
        if m.upto:  # "a new annual record": against every year up to it
            scope = Resolved(RECORD_START, window.end, f"the record to {long_date(window.end)}", running=window.running)
        if day_before and (scope.running or scope.end >= self.date):  # a span ended before the article's date stays whole
            scope = _day_before(scope)
            window = Resolved(window.start, min(window.end, scope.end), window.label, window.any_day)
        if window.start > scope.end or window.end < scope.start:
            return Outcome(None, None, f"{window.label} is outside {scope.label}, the span it is ranked in", period=window,
                           comparison=scope)
        named = _named_span(m.subject_period, scope)
        days, vintages = rec.days(scope.start, scope.end)
        periods = _unit_totals(days, m.unit, scope.start, scope.end, m.metric)
        inside = [p for p in periods if p[0] <= window.end and p[1] >= window.start
                  and (m.unit != "seven days" or (p[0], p[1]) == (window.start, window.end))]
        if m.calendar:
            periods = [p for p in periods if p[0].month == window.start.month]
        pool = [p for p in periods if (p[3] or p in inside) and (named is None or p[0] > named[1])]
        if not pool:
            return Outcome(None, None, f"no whole {m.unit}s in {scope.label} to rank", period=window, comparison=scope)
        sign = 1 if m.lowest else -1
        order = sorted(pool, key=lambda p: (sign * p[2], p[0]))
        ranked = [sign * p[2] for p in order]

        def place(p: tuple) -> int:  # 1 + how many are busier (quieter)
            return 1 + bisect.bisect_left(ranked, sign * p[2])

        i = min(m.ordinal, len(order)) - 1  # the period in that place (the last of a tie)
        top = order[bisect.bisect_right(ranked, ranked[i]) - 1] if bisect.bisect_left(ranked, ranked[i]) == i else order[i]
        sup = "quietest" if m.lowest else "busiest"
        what = f"{_ORDINAL_WORDS.get(m.ordinal, f'{m.ordinal}th ')}{sup} {f'{window.start:%B}' if m.calendar else m.unit}"
        what += " for boats" if m.metric == "boats" else ""
        official = _official(top[2], scope, vintages, rec.as_of, day=top[0] if m.unit == "day" else None,
                             detail=f"the {what} of {span_label(pool[0][0], pool[-1][1])}: {_name(top)} ({top[2]:,})")
        q = m.quantity
        tol = tolerance(q) if q else None
        mine = [p for p in inside if p in pool]
        hits = [p for p in mine if place(p) == m.ordinal and (tol is None or tol.ok(p[2]))]
        said = f"claimed {_said(q)} on " if q else "claimed "
        written = (re.sub(r"['’]s$", "", m.subject_period.text) if m.subject_period  # "Last week's" -> "last week"
                   else f"in {window.start.year}" if m.years == 1 else f"in {m.years} years" if m.years else "on record")
        written = written[:1].lower() + written[1:] if re.match(r"(?:Last|This)\b", written) else written
        within = written + (f" (to {long_date(window.end)})" if m.upto else "")
        within = f"of {within}" if re.match(r"the\s+(?:year|first|last|past)\b", within, re.I) else within  # "of the year so far"
        where = "" if window is scope else f", {'on' if window.start == window.end else 'in'} {span_label(window.start, window.end)}"
        reason = (f"{said}the {what} {within}{where}; the {what} of {span_label(pool[0][0], pool[-1][1])} was "
                  f"{_name(top)} ({top[2]:,})")
        if mine and not hits:
            best = min(mine, key=lambda p: (sign * p[2], p[0]))
            said = (f"{_name(best)} had {best[2]:,}" if len(mine) == 1
                    else f"the {sup} in {_name((window.start, window.end))} was {_name(best)} ({best[2]:,})")
            reason += f"; {said}, the {_ordinal(place(best))} {sup}"
        ok = bool(hits)
        if ok and named is not None and m.ordinal == 1:  # "the lowest since January": as low in January
            earlier = [p for p in periods if named[0] <= p[0] <= named[1]]
            if not any(sign * p[2] <= sign * hits[0][2] for p in earlier):
                ok = False
                reason += f"; but no {m.unit} in {span_label(*named)} was as {'low' if m.lowest else 'high'}"
        if q is not None and m.unit == "day" and window.start != window.end and hits:  # "with 1,295 people": that day's
            window = Resolved(hits[0][0], hits[0][0], long_date(hits[0][0]))
        elif q is not None and m.unit in ("week", "month") and hits and (hits[0][0], hits[0][1]) != (window.start, window.end) \
                and window.start <= hits[0][0] and hits[0][1] <= window.end:  # "didn't reach higher than 2,153 in each of
            window = Resolved(hits[0][0], hits[0][1], _name(hits[0]))  # the first five months": the month that had it
        return Outcome(official, ok, reason, tol.text if tol else None, window, scope)

    # the whole claim: running periods end on the last day published by the article's date
    def running_order(self, res: Resolved) -> list[Resolved]:
        """The ends to try for a running period ("so far this year", "since Labour came to
        power"): the day before the article's date (the last day the Home Office had published),
        unless the article reports crossings on its own day; then that day first, then the day before."""
        if not res.running or res.end - dt.timedelta(days=1) < res.start:
            return [res]
        before = _day_before(res)
        if self.reports_today and not self.today_pending:
            return [res, before]
        if self.told_to is not None and res.start <= self.told_to:
            return [_day_before(res, (res.end - self.told_to).days), before]
        return [before]

    def _first_fit(self, tries: list[Resolved], run, claimed: float | None = None) -> tuple[Outcome, float | None]:
        """Check against each period of ``tries`` in turn; the first that fits, else the one whose
        official value is nearest the ``claimed`` number (the first when none is given)."""
        outs = []
        for i, res in enumerate(tries):
            out, own = run(res)
            if i and res.end == self.date and out.ok:
                out.reason += " (including the article's own day)"
            if out.ok:
                return out, own
            outs.append((out, own))
        if claimed is None or len(outs) == 1:
            return outs[0]
        return min(outs, key=lambda o: abs(o[0].official.value - claimed) if o[0].official is not None
                   and o[0].official.value is not None else math.inf)

    def outcome(self, rec: Record, m: Mention, provisional: bool | None = None) -> tuple[Outcome, float | None]:
        """The check of ``m`` against ``rec``; ``provisional`` marks figures first published after
        the article (the latest figures use the decision made for the article's date)."""
        own = None
        if m.kind == "figure" and m.day_of is not None:  # the boats of the day a ranking found
            try:
                ranked, _ = self.outcome(rec, m.day_of, provisional)
            except (Unresolvable, OutOfRange, ValueError):
                ranked = None
            if ranked is not None and ranked.ok and ranked.period is not None and ranked.period.start == ranked.period.end:
                return self.count(rec, m, ranked.period, provisional), None
        if m.kind == "figure":
            subjects = [None]
            if m.period is not None and m.period.spec.kind in ("same_period", "prev_year") and m.subject is not None:
                # "compared with 9,885 at the same point last year": the same point as the figure it is compared with
                subjects = self.running_order(self.period(m.subject.period, None, m.subject))
            elif m.period is not None and m.period.spec.kind == "same_period" and m.subject_period is not None:
                subjects = self.running_order(self.period(m.subject_period))  # the subject of the change it belongs to
            if len(subjects) > 1:
                return self._first_fit([self.period(m.period, x, m) for x in subjects],
                                       lambda r: (self.count(rec, m, r, provisional), None))
            res = self.period(m.period, subjects[0], m)
            if m.began and m.quantity is not None:  # "the first arrivals in a week since ... on August 19": the days after it
                n, one = int(m.quantity.value), dt.timedelta(days=1)
                a, b = res.start + one, res.start + n * one
                res = Resolved(a, b, f"the {n} days after {long_date(res.start)} ({span_label(a, b)})")
            elif m.ended and m.quantity is not None:  # "ending a run of 10 days": the days before that day
                n = dt.timedelta(days=int(m.quantity.value))
                res = Resolved(res.start - n, res.start - dt.timedelta(days=1),
                               f"the {n.days} days before {long_date(res.start)} ({span_label(res.start - n, res.start - dt.timedelta(days=1))})")
            elif m.run_to and m.quantity is not None:  # "for a 10th consecutive day": the 10 days to that day
                n = int(m.quantity.value)
                a, b = res.end - dt.timedelta(days=n - 1), res.end
                if m.period is not None and m.period.spec.kind == "week" and res.start + dt.timedelta(days=n - 1) <= res.end:
                    a, b = res.start, res.start + dt.timedelta(days=n - 1)  # "the fourth consecutive day this week": Monday on
                res = Resolved(a, b, f"the {n} days to {long_date(b)} ({span_label(a, b)})")
            elif m.above is not None and m.quantity is not None:  # "the second time this year the daily total has topped 1,000"
                a = res.end - dt.timedelta(days=m.span_days - 1) if m.span_days else dt.date(res.end.year, 1, 1)
                res = Resolved(a, res.end, span_label(a, res.end))
            elif m.any_day and res.start != res.end:  # "on a single day last week"
                res = Resolved(res.start, res.end, f"a day in {res.label}", any_day=True, running=res.running)
            return self._first_fit(self.running_order(res), lambda r: (self.count(rec, m, r, provisional), None),
                                   m.quantity.value if m.quantity is not None else None)
        if m.kind in ("difference", "percent_change", "ratio"):
            subj, _ = self.subject_period(m)
            return self._first_fit(self.running_order(subj), lambda r: self.relation(rec, m, r, provisional))
        if m.kind == "overtook":  # "has overtaken" with no day of its own: by the last day published, like a running total
            days = [self.period(m.window_period)] if m.window_period else \
                self.running_order(Resolved(dt.date(self.date.year, 1, 1), self.date, long_date(self.date), running=True))
            return self._first_fit(days, lambda d: (self.overtook(rec, m, d), None))
        if m.kind == "last_day":
            return self.last_day(rec, m), own
        if m.kind == "first_since":
            return self.first_since(rec, m), own
        if m.kind == "first_in":
            return self.first_in(rec, m), own
        if m.kind == "first_change":
            return self.first_change(rec, m), own
        if m.kind == "above_every":
            subj, _ = self.subject_period(m)
            return self._first_fit(self.running_order(subj), lambda r: (self.above_every(rec, m, r), None))
        if m.kind == "pace":
            out = self.pace(rec, m, self.date)
            if out.ok is False:
                alt = self.pace(rec, m, self.date - dt.timedelta(days=1))
                out = alt if alt.ok else out
            return out, own
        if m.kind == "record_year":
            return self.record_year(rec, m), own
        if m.kind == "record":
            return self.record(rec, m), own
        first, second = (False, True) if self.reports_today else (True, False)
        out = self.rank(rec, m, day_before=first)
        if out.ok is False and out.comparison is not None and out.comparison.running:
            alt = self.rank(rec, m, day_before=second)
            if alt.ok:
                out = alt
        return out, own

    def check(self, m: Mention) -> Claim:
        base = _claim_base(self.doc, m)
        if not m.crossing and (other := deaths.check(self.store, self.doc, m, self.date, base)) is not None:
            return other  # deaths (IOM) and nationality shares: claims/deaths.py
        if not m.crossing:
            return Claim(**base, verdict="not a crossing figure", reason=f"not a crossing figure: {NEEDS[m.category]}",
                         needs=NEEDS[m.category] if m.category in ("deaths", "returns", "arrests", "prevented", "asylum",
                                                                    "occupancy", "weather", "share") else None)
        try:
            out, own = self.outcome(self.as_of, m)
        except (Unresolvable, OutOfRange, ValueError) as exc:
            period = m.period.text if m.period else None
            return Claim(**base, verdict="unverifiable", reason=f"unverifiable: {exc}",
                         period=PeriodOut(text=period) if period else None)
        try:
            latest, _ = self.outcome(self.latest, m, provisional=out.provisional)
        except (Unresolvable, OutOfRange, ValueError):
            latest = None
        as_of_verdict = _verdict(out.ok)
        latest_verdict = _verdict(latest.ok) if latest is not None else None
        notes = list(m.notes)
        used = out
        if out.ok is not True and latest is not None and latest.ok is True:
            used = latest  # today's official figure: revised since, or from a publication the record lacks
        verdict = _verdict(used.ok)
        near = _close(m, out, latest) if verdict == "inaccurate" else None
        if near is not None:
            used, apart = near
            verdict = "close"
        reason = f"{verdict}: {used.reason}"
        if verdict == "close":
            why = "the figure was provisional" if used.official.later_publication or used is not out else "a small difference"
            reason += f" ({apart:.1f}% apart: {why})"
        if used is latest and out.official is not None:
            reason += (f" (the latest figure; as published on or before the article's date the record has "
                       f"{fmt(out.official.value, m.kind in ('percent_change', 'ratio'))}: {out.official.source})")
        elif used.official is not None and used.official.later_publication:
            reason += f" ({used.official.source})"
        if latest_verdict and as_of_verdict != "unverifiable" and latest_verdict != as_of_verdict:
            notes.append(f"as of the article's date: {as_of_verdict}; with the latest figures: {latest_verdict}")
        arithmetic = None
        if own is not None and m.quantity is not None:
            own_tol = tolerance(m.quantity, rate=m.kind != "difference")
            if not own_tol.ok(own):
                shown = f"{own:,.0f}" if m.kind == "difference" else f"{own:.1f}"
                arithmetic = (f"arithmetic error: the article's own figures give {shown} "
                              f"({m.subject.text} against {m.reference.text}), not {m.quantity.text}")
        period_src = m.period_from if m.kind == "figure" else "comparison"
        return Claim(
            **base,
            period=_period_out(used.nominal or used.period, m.period.text if m.period else None, period_src,
                               checked=used.period if used.nominal else None),
            comparison_period=_period_out(used.comparison, _ref_text(m), "comparison") if used.comparison else None,
            official=out.official,
            latest=latest.official if latest else None,
            verdict=verdict,
            verdict_as_of=as_of_verdict,
            verdict_latest=latest_verdict,
            reason=reason,
            tolerance=used.tolerance,
            revision=_revision(m, out, latest, near=verdict == "close"),
            arithmetic_error=arithmetic,
            notes=notes,
        )


#: Claims that may be "close": counts of people, not boats, days, ranks or changes.
#: a record said of both counts: "a record number of boats and migrants arrive in a single day"
_BOATS_AND_PEOPLE = re.compile(r"\b(?:boats|dinghies)\s+and\s+(?:migrants|people|arrivals)\b"
                               r"|\b(?:migrants|people)\s+and\s+(?:boats|dinghies)\b", re.I)
_CLOSE_KINDS = {"figure", "max_day", "rank", "record"}
_CLOSE_METRICS = {None, "people", "prevented"}


def _close(m: Mention, out: Outcome, latest: Outcome | None) -> tuple[Outcome, float] | None:
    """An exact-looking count of people (no qualifier, not a round number) within 1% of the
    official figure as published by the article's date, or else the latest: (that outcome, how
    far apart in %)."""
    q = m.quantity
    if q is None or q.qualifier or q.step >= 100 or q.unit != "count" or m.kind not in _CLOSE_KINDS \
            or m.metric not in _CLOSE_METRICS:
        return None
    for o in (out, latest):
        v = o.official.value if o is not None and o.official is not None and o.record_holds else None
        if v and q.value != v and abs(q.value - v) <= 0.01 * v:
            return o, abs(q.value - v) / v * 100
    return None


#: A sentence telling of arrivals (for a part of a day)
_ARRIVED = re.compile(r"\b(?:arriv\w*|reach\w*|land(?:ed|ing)|intercept\w*|spotted|picked\s+up|detained|rescued|crossed|"
                      r"brought\s+(?:in|ashore|to\s+shore|to\s+land|into)|came\s+ashore|made\s+the\s+(?:crossing|journey|trip))\b", re.I)

_MODAL = re.compile(r"\b(?:would|will|could|might|may|should|expected\s+to|set\s+to|likely\s+to)\s+(?:\w+\s+)?$", re.I)  # not "it would
# arrive here around noon"

#: A day's count not complete yet
_INCOMPLETE = re.compile(r"\bongoing\s+(?:incidents?|operations?|rescues?)\b|\b(?:incidents?|operations?)\W{1,3}\s+(?:were|are|is|was)\s+"
                         r"(?:still\s+)?ongoing\b|\bstill\s+(?:being\s+)?(?:dealt\s+with|brought\s+(?:in|ashore)|arriving|coming\s+in)\b"
                         r"|\bso\s+far\s+today\b|\bmore\s+(?:boats|migrants|people)\s+(?:are\s+|were\s+)?(?:still\s+)?(?:expected|on\s+"
                         r"(?:their|the)\s+way)\b", re.I)

#: the day's count still to come
_PENDING = re.compile(r"\b(?:will\s+be\s+(?:revealed|published|confirmed|released|known)|yet\s+to\s+be\s+(?:revealed|published|"
                      r"confirmed|released)|not\s+yet\s+(?:been\s+)?(?:published|released|confirmed|known))\b", re.I)

#: More than ever crossed in one day (the record is 1,305 people, 53 boats): a figure above it without a period of its
#: own cannot be a day's.
_MOST_IN_A_DAY = {"people": 2_000, "boats": 60}

#: From this date the Ministry of Defence, then the Home Office, published each day's figures the next day; before
#: it, a report's figures without a period were the day's own, counted as the boats came in.
DAILY_FIGURES = dt.date(2022, 4, 14)


def _verdict(ok: bool | None) -> Verdict:
    return "unverifiable" if ok is None else ("accurate" if ok else "inaccurate")


_SAME_PERIOD = PeriodSpec("same_period")
_SINCE_RECORDS = PeriodSpec("since", since=RECORD_START, event="records began")


def _day_before(res: Resolved, days: int = 1) -> Resolved:
    """A running period ending the day before (``days`` before); a rolling window moves back whole."""
    if res.label.startswith("the past"):
        one = dt.timedelta(days=days)
        return Resolved(res.start - one, res.end - one, f"{res.label.split(' (')[0]} ({span_label(res.start - one, res.end - one)})")
    return res.shifted_end(days)


_ORDINAL_WORDS = {1: "", 2: "second ", 3: "third ", 4: "fourth ", 5: "fifth "}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _unit_end(start: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return start
    if unit == "week":
        return start + dt.timedelta(days=6)
    if unit == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


def _first_reached(rec: Record, value: float, end: dt.date) -> dict[int, tuple[dt.date, float, list[VintageRef]] | None]:
    """Each year of the record to ``end``'s: the first day its running total of arrivals reached ``value`` (to ``end``
    in ``end``'s year), the total that day and the vintages read; None if it did not."""
    out: dict[int, tuple[dt.date, float, list[VintageRef]] | None] = {}
    for y in range(min(RECORD_START.year, end.year), end.year + 1):  # (a year before the record: OutOfRange, from rec.days)
        days, vintages = rec.days(dt.date(y, 1, 1), min(dt.date(y, 12, 31), end))
        out[y] = None if (hit := days.reaching(value)) is None else (*hit, vintages)
    return out


def _unit_totals(record: Days, unit: str, start: dt.date, end: dt.date,
                 metric: str | None = None) -> list[tuple[dt.date, dt.date, int, bool]]:
    """(first day, last day, arrivals (boats, for ``metric`` "boats"), whole) of each day, week
    (Monday-Sunday), month or year of ``record``; whole: every day of it is in start..end and known."""
    days, vals = record.date, record.boats if metric == "boats" else record.arrivals
    if unit == "seven days":  # every run of seven days (the first six days of the span begin none)
        if len(days) < 7:
            return []
        known = np.convolve((~np.isnan(vals)).astype(int), np.ones(7, dtype=int), "valid") == 7
        sums = np.convolve(np.nan_to_num(vals), np.ones(7), "valid").astype(int)
        a, b = days[:-6], days[6:]
        whole = known & (a >= np.datetime64(start)) & (b <= np.datetime64(end))
        return list(zip(a.tolist(), b.tolist(), sums.tolist(), whole.tolist()))
    first = series.period_start(days, unit)
    last = series.period_end(first, unit)
    at = np.flatnonzero(np.r_[True, first[1:] != first[:-1]]) if len(days) else np.array([], dtype=int)
    if not len(at):
        return []
    sums = np.add.reduceat(np.nan_to_num(vals), at)
    known = np.add.reduceat((~np.isnan(vals)).astype(int), at)
    a, b = first[at], last[at]
    whole = (a >= np.datetime64(start)) & (b <= np.datetime64(end)) & (known == (b - a).astype(int) + 1)
    return list(zip(a.tolist(), b.tolist(), sums.astype(int).tolist(), whole.tolist()))


def _name(p: tuple) -> str:
    return span_label(p[0], p[1]) if p[0] != p[1] else long_date(p[0])


_SINCE_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]|[A-Z][a-z]+\.?\s+\d{1,2}\b", re.I)
_SINCE_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _named_span(pm: PeriodMention | None, scope: Resolved) -> tuple[dt.date, dt.date] | None:
    """The day, month or year named after "since" ("since January": January), for rankings."""
    if pm is None or pm.spec.event or not re.match(r"since\b", pm.text, re.I):
        return None
    s = scope.start
    if _SINCE_DAY.search(pm.text):
        return s, s
    return (s, _unit_end(s, "month")) if _SINCE_MONTH.search(pm.text) else (s, dt.date(s.year, 12, 31))


def _where(res: Resolved) -> str:
    """'on 15 April 2025', 'for 1 January–15 April 2025 (so far this year)', 'for 2024'."""
    if res.start == res.end:
        if "taken from the context" in res.label:  # a bare figure: say which day it was taken to be, and why
            which = res.label.split(" (")[0].split(":")[0]
            which = "" if which == long_date(res.start) else f"{which}; "
            return f"on {long_date(res.start)} ({which}the period is taken from the context, not written)"
        return f"on {long_date(res.start)}"
    span, words = span_label(res.start, res.end), res.label.split(" (")[0]
    if words in (span, str(res.start.year)) or words.startswith(span):
        return f"for {words}"
    return f"for {span} ({words})"


def _vs(va: float, subj: Resolved, vb: float, ref: Resolved) -> str:
    return f"{va:,} for {span_label(subj.start, subj.end)} against {vb:,} for {span_label(ref.start, ref.end)}"


def _said(q: Quantity | None) -> str:
    if q is None:
        return ""
    if q.text.lower() in VAGUE_RANGES:  # "hundreds (200 to 999)"
        low, high = VAGUE_RANGES[q.text.lower()]
        return f"{q.text.lower()} ({low:,} to {high:,})"
    return f"{q.qualifier} {q.text}" if q.qualifier and not q.text.lower().startswith(q.qualifier) else q.text


def _ref_text(m: Mention) -> str | None:
    if m.reference is not None and m.reference.period is not None:
        return m.reference.period.text
    if m.reference_period is not None:
        return m.reference_period.text
    return None


def _period_out(res: Resolved | None, text: str | None, source: str | None, checked: Resolved | None = None) -> PeriodOut | None:
    if res is None:
        return PeriodOut(text=text, source=source) if text else None
    return PeriodOut(text=text, start=res.start, end=res.end, label=res.label, any_day=res.any_day, source=source,
                     checked_start=checked.start if checked else None, checked_end=checked.end if checked else None)


def _claim_base(doc: Document, m: Mention) -> dict:
    sent = doc.sentences[m.sentence]
    q = m.quantity
    return dict(
        index=m.index, kind=m.kind, sentence_index=sent.index, sentence_span=(sent.start, sent.end),
        # the qualifier too ("more than 700"), not before the claim's words ("after more than a week in which none")
        span=(min(m.start, sent.start + q.first) if q else m.start, m.end),
        text=m.text, number=q.value if q else None, qualifier=q.qualifier if q else None, unit=q.unit if q else None,
        metric=m.metric, category=m.category, crossing=m.crossing, per_days=m.per_days or None,
        subject=m.subject.index if m.subject is not None else None,
        reference=m.reference.index if m.reference is not None else None,
    )


def _revision(m: Mention, out: Outcome, latest: Outcome | None, near: bool = False) -> str | None:
    a = out.official
    b = latest.official if latest else None
    notes = []
    if a and b and a.value is not None and b.value is not None and a.value != b.value:
        notes.append(f"{fmt(a.value)} was the figure as published on or before the article's date ({a.source}); "
                     f"now {fmt(b.value)} ({b.source})")
    q = m.quantity
    if q and m.kind == "figure" and q.qualifier is None and a and a.value is not None and q.value != a.value and (out.ok or near):
        notes.append(f"{q.text} was probably the provisional figure; the record has {fmt(a.value)}")
    return "; ".join(notes) or None


def check_document(store: Store, doc: Document, date: dt.date) -> list[Claim]:
    checker = Checker(store, date, doc)
    claims = [checker.check(m) for m in doc.mentions]
    return claims + deaths.record_claims(store, doc, date, len(claims))  # "the deadliest year on record"
