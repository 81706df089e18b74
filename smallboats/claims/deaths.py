"""Checking figures that are not crossings but have a record of their own: deaths and
disappearances on the way to the UK (the IOM Missing Migrants Project, :mod:`smallboats.deaths`)
and a nationality's share of small-boat arrivals (the Home Office's quarterly statistics,
:mod:`smallboats.people`).

Deaths
------
Counted from the IOM's incidents on the route to the UK **dated on or before the article's
date**, in the IOM extract the record has (IOM revises its counts as incidents are confirmed,
and every reason says so). What is counted follows the words (rules as data, :data:`SCOPE_WORDS`):
"drowned", "at sea", "in the Channel", "capsized" count deaths at sea; otherwise all deaths on
the route (at sea, in lorries and vehicles, in camps). IOM's headline figure is dead *and*
missing. If the claim does not fit that count, all deaths on the route (or at sea only) and the
dead without the missing are tried, and the reason says which count bears it out.

* a count over a period ("at least 78 died in 2024", "since 2018, at least 225 have died"):
  the sum over the period (a running total such as "so far this year" or "since 2018" through
  the day before the article), with the tolerance the qualifier sets (as for crossing figures);
* one incident ("at least 27 died when the dinghy sank", or a toll with no period, or "one
  person died earlier this month"): matched to an incident in the period (no period: the week
  up to the article's date) whose toll fits; a period count that does not fit is still
  accurate when one incident in the period fits;
* "the deadliest year on record": the year named (else the article's year) had more dead and
  missing than every other year of IOM's record (from 2014) up to the article's date;
* a part of a toll ("including five women") cannot be checked: unverifiable.

Shares
------
"Albanians made up 28% of small-boat arrivals in 2022": the share of the nationality named in
the year or quarter named, from the quarterly release current on the article's date
(:func:`smallboats.people.who`), with the tolerance of a percentage.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .. import deaths as deaths_q, people
from ..questions import InvalidQuestion, OutOfRange, long_date
from ..sources.iom import ATTRIBUTION
from .models import Claim, Official, PeriodOut
from .periods import PeriodMention, Unresolvable, find_periods, resolve

if TYPE_CHECKING:
    from ..store import Store
    from .extract import Document, Mention

#: words that make a deaths figure count deaths at sea (else: all on the route to the UK)
SCOPE_WORDS = re.compile(r"\b(?:drown\w*|at\s+sea|cross(?:ing)?\s+the\s+(?:english\s+)?channel|channel\s+crossings?|in\s+the\s+(?:english\s+)?channel|in\s+the\s+water|off\s+the\s+coast"
                         r"|capsiz\w*|sank|sinking|shipwreck\w*|washed\s+(?:up|ashore))\b", re.I)
#: words that make a toll one incident's
INCIDENT_WORDS = re.compile(r"\b(?:when|after|as)\b[^.;]{0,80}\b(?:boat|dinghy|vessel|lorry|truck)\b[^.;]{0,40}"
                            r"\b(?:sank|capsized|overturned|went\s+down|deflated|sinking)|\bsinking\b|\bcapsiz\w*"
                            r"|\bin\s+(?:a|one|the\s+same)\s+(?:single\s+)?(?:incident|tragedy|disaster|shipwreck)\b"
                            r"|\bshipwreck\b|\bdisaster\b", re.I)
MISSING_AFTER = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:(?:are|were|was|went|remain|remained|still|reported|feared)\s+)*missing\b", re.I)
DEATH_AFTER = re.compile(r"^\W*(?:(?:people|migrants|persons|individuals|men|women|children|others)\s+)?(?:have\s+|had\s+)?"
                         r"(?:died|drowned|were\s+killed|dead|perished|lost\s+their\s+lives|deaths)\b", re.I)
#: a death word close to the number: in the words after it (up to the next number, at most 12
#: words) or the 4 words before it ("a death toll of 27", "killing 27")
DEATH_WORD = re.compile(r"\b(?:died|dies|dying|dead|deaths?|perished|drown\w*|lost\s+(?:their|his|her)\s+li(?:fe|ves)|killed"
                        r"|killing|bodies|fatalit\w*|missing|toll|lives|suffocated)\b", re.I)
PART_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s*$", re.I)
RECORD_WORDS = re.compile(r"\bdeadliest\W{0,3}\s+(?:year\s+)?(?:on\s+record|since\s+records\s+began|ever)"
                          r"|\brecord\s+(?:number\s+of\s+)?deaths\b", re.I)
_YEAR = re.compile(r"\b(20[12]\d)\b")

#: nationality words -> the Home Office's nationality names
NATIONALITIES: dict[str, str] = {
    "albanian": "Albania", "albania": "Albania", "afghan": "Afghanistan", "afghans": "Afghanistan",
    "afghanistan": "Afghanistan", "iranian": "Iran", "iran": "Iran", "iraqi": "Iraq", "iraq": "Iraq",
    "syrian": "Syria", "syria": "Syria", "eritrean": "Eritrea", "eritrea": "Eritrea", "sudanese": "Sudan",
    "sudan": "Sudan", "vietnamese": "Vietnam", "vietnam": "Vietnam", "turkish": "Turkey", "turkey": "Turkey",
    "egyptian": "Egypt", "egypt": "Egypt", "indian": "India", "india": "India", "ethiopian": "Ethiopia",
    "ethiopia": "Ethiopia", "kuwaiti": "Kuwait", "georgian": "Georgia", "somali": "Somalia", "somalia": "Somalia",
    "yemeni": "Yemen", "pakistani": "Pakistan", "pakistan": "Pakistan", "libyan": "Libya", "chadian": "Chad",
    "bangladeshi": "Bangladesh", "sri lankan": "Sri Lanka", "stateless": "Stateless",
}
_NATIONALITY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, NATIONALITIES), key=len, reverse=True)) + r")s?\b", re.I)

IOM_REVISES = "IOM revises its counts as incidents are confirmed"


def _tolerance(q, rate: bool = False):
    from .check import tolerance  # here: check imports this module

    return tolerance(q, rate=rate)


def _nearest_period(sentence: str, pos: int, date: dt.date):
    """(mention, resolved) of the period nearest ``pos`` in the sentence that resolves, or (None, None)."""
    best = None
    for pm in find_periods(sentence):
        d = pos - pm.end if pm.end <= pos else pm.start - pos
        try:
            res = resolve(pm.spec, date)
        except (Unresolvable, ValueError):
            continue
        if best is None or max(d, 0) < best[0]:
            best = (max(d, 0), pm, res)
    return (best[1], best[2]) if best else (None, None)


def _period_out(pm: PeriodMention | None, start: dt.date, end: dt.date, label: str, any_day: bool = False) -> PeriodOut:
    return PeriodOut(text=pm.text if pm else None, start=start, end=end, label=label, any_day=any_day,
                     source="sentence" if pm else "article date")


def _official(value: float | None, start: dt.date, end: dt.date, label: str, ans, detail: str) -> Official:
    v = ans.evidence.vintages[0]
    return Official(value=value, start=start, end=end, period=label, detail=detail,
                    source=f"{ATTRIBUTION}, extract of {long_date(v.published)}", vintages=[v.file_name],
                    later_publication=ans.evidence.later_publication)


def _in(label: str) -> str:
    return label if label.startswith(("since", "the week", "last", "this", "so far", "over", "the past")) else f"in {label}"


def _place(location: str | None) -> str:
    return (location or "place not given").split(" - ")[0].split(",Off")[0]


def _where(scope: str) -> str:
    return "at sea" if scope == "at sea" else "on the route to the UK (at sea, on land and elsewhere)"


def deaths_category(doc: "Document", m: "Mention") -> str | None:
    """'deaths' or 'missing' for a number that counts deaths or disappearances, else None."""
    q = m.quantity
    if q is None or q.unit != "count" or m.category not in ("deaths", "other"):
        return None
    sent = doc.sentences[m.sentence]
    after = sent.text[m.end - sent.start:]
    if MISSING_AFTER.match(after):
        return "missing"
    if DEATH_AFTER.match(after):
        return "deaths"
    words_after = " ".join(re.split(r"\d", after, maxsplit=1)[0].split()[:12])
    words_before = " ".join(sent.text[:m.start - sent.start].split()[-4:])
    if m.category == "deaths" and (DEATH_WORD.search(words_after) or DEATH_WORD.search(words_before)):
        return "deaths"
    return None


def check_deaths(store: "Store", doc: "Document", m: "Mention", date: dt.date, base: dict) -> Claim:
    """A deaths (or missing) figure against the IOM record as counted by ``date``."""
    category = deaths_category(doc, m) or "deaths"
    base = {**base, "category": category, "crossing": False}
    sent = doc.sentences[m.sentence]
    pos = m.start - sent.start
    q = m.quantity
    if PART_BEFORE.search(sent.text[:pos]) and not INCIDENT_WORDS.search(sent.text[pos:]):
        return Claim(**base, verdict="unverifiable", reason="unverifiable: a part of a toll (women, children, ...); "
                     f"the {ATTRIBUTION} does not give it for every incident ({IOM_REVISES})")
    pm, res = _nearest_period(sent.text, pos, date)
    scope = "at sea" if SCOPE_WORDS.search(sent.text) else "route"
    incident_mode = bool(INCIDENT_WORDS.search(sent.text)) or res is None or res.any_day
    if res is None:
        start, end, label = date - dt.timedelta(days=7), date, f"the week up to {long_date(date)}"
    else:  # a running total ("so far this year", "since 2018") ends the day before the article, as for crossings
        if res.running and res.end >= date > res.start:
            res = res.shifted_end((res.end - date).days + 1)
        start, end, label = res.start, min(res.end, date), res.label
    try:
        ans = deaths_q.deaths(store, start, end, as_of=date)
    except (OutOfRange, InvalidQuestion) as exc:
        return Claim(**base, verdict="unverifiable", reason=f"unverifiable: {exc}",
                     period=_period_out(pm, start, end, label, bool(res and res.any_day)))
    period = _period_out(pm, ans.start, ans.end, label, bool(res and res.any_day) or (incident_mode and res is None))
    tol = _tolerance(q)
    field = "missing" if category == "missing" else "dead_missing"
    what = "missing" if category == "missing" else "dead or missing"
    counts = [(scope, field)] + [(s, field) for s in ("at sea", "route") if s != scope]
    if field == "dead_missing":
        counts.append((scope, "dead"))

    def total(s: str, f: str) -> int:
        inc = ans.incident_list if s == "route" else [i for i in ans.incident_list if i.scope == "at sea"]
        return sum((getattr(i, f) or 0) for i in inc)

    def matching_incident():
        for s, f in counts:
            for i in reversed(ans.incident_list):
                if (s == "route" or i.scope == "at sea") and tol.ok(getattr(i, f) or 0):
                    return i, f
        return None, None

    split = f"{ans.at_sea:,} at sea, {ans.on_land:,} on land, {ans.other:,} elsewhere"
    tail = f"incidents dated by {long_date(date)}, as counted in the extract of {long_date(ans.evidence.vintages[0].published)}; {IOM_REVISES}"
    inc, f = matching_incident()
    if inc is None and res is None and INCIDENT_WORDS.search(sent.text):
        # an incident named without its date ("27 drowned when their boat sank"): the year before the article
        try:
            year_before = deaths_q.deaths(store, date - dt.timedelta(days=365), date, as_of=date)
        except (OutOfRange, InvalidQuestion):
            year_before = None
        if year_before is not None and year_before.incident_list:
            ans = year_before
            inc, f = matching_incident()
    if incident_mode or (inc is not None and not any(tol.ok(total(s, ff)) for s, ff in counts)):
        if inc is not None:
            n = getattr(inc, f)
            words = "dead" if f == "dead" else what
            period = PeriodOut(text=period.text, start=inc.date, end=inc.date, label=f"the incident of {long_date(inc.date)}",
                               source=period.source, checked_start=ans.start, checked_end=ans.end)
            return Claim(**base, verdict="accurate", period=period, tolerance=tol.text,
                         official=_official(n, inc.date, inc.date, long_date(inc.date), ans, f"IOM incident {inc.incident_id}"),
                         reason=f"accurate: matched to the incident of {long_date(inc.date)} ({_place(inc.location)}): {n:,} {words} "
                                f"({inc.scope}; {ATTRIBUTION} incident {inc.incident_id}); {tail}")
        if incident_mode:
            biggest = ans.deadliest_incident
            if biggest is None and res is not None and INCIDENT_WORDS.search(sent.text):
                return Claim(**base, verdict="inaccurate", period=period, tolerance=tol.text,
                             official=_official(0, ans.start, ans.end, label, ans, "no incident"),
                             reason=f"inaccurate: the {ATTRIBUTION} has no incident on the route to the UK "
                                    f"{_in(label)} ({tail})")
            if biggest is None or (res is None and not INCIDENT_WORDS.search(sent.text)):
                return Claim(**base, verdict="unverifiable", period=period, tolerance=tol.text,
                             reason=f"unverifiable: no incident in the {ATTRIBUTION} from {long_date(ans.start)} to "
                                    f"{long_date(ans.end)} has that toll ({len(ans.incident_list)} incidents; {tail})")
            return Claim(**base, verdict="inaccurate", period=period, tolerance=tol.text,
                         official=_official(biggest.dead_missing, biggest.date, biggest.date, long_date(biggest.date), ans,
                                            f"IOM incident {biggest.incident_id}"),
                         reason=f"inaccurate: no incident from {long_date(ans.start)} to {long_date(ans.end)} has that toll; "
                                f"the deadliest, on {long_date(biggest.date)} ({_place(biggest.location)}), {biggest.dead_missing:,} "
                                f"{what} ({tail})")
    for s, ff in counts:
        n = total(s, ff)
        if tol.ok(n):
            words = "dead (without the missing)" if ff == "dead" else what
            return Claim(**base, verdict="accurate", period=period, tolerance=tol.text,
                         official=_official(n, ans.start, ans.end, label, ans, f"{words} {_where(s)}"),
                         reason=f"accurate: IOM records {n:,} {words} {_where(s)} {_in(label)} ({split}); {tail}")
    n = total(scope, field)
    return Claim(**base, verdict="inaccurate", period=period, tolerance=tol.text,
                 official=_official(n, ans.start, ans.end, label, ans, f"{what} {_where(scope)}"),
                 reason=f"inaccurate: IOM records {n:,} {what} {_where(scope)} {_in(label)} ({split}; all on the route: "
                        f"{ans.dead_missing:,}); {tail}")


def record_claims(store: "Store", doc: "Document", date: dt.date, first_index: int) -> list[Claim]:
    """A claim for each "the deadliest year on record" in the article."""
    out: list[Claim] = []
    for sent in doc.sentences:
        for rm in RECORD_WORDS.finditer(sent.text):
            pm, res = _nearest_period(sent.text, rm.start(), date)
            years = _YEAR.findall(sent.text[: rm.start()]) or _YEAR.findall(sent.text)
            year = res.start.year if res is not None and res.start.year == res.end.year else (
                int(years[-1]) if years else date.year)
            if res is not None and res.running and date <= res.start:  # "this year" on 1 January: the year just ended
                year -= 1
            base = dict(index=first_index + len(out), kind="record_year", sentence_index=sent.index,
                        sentence_span=(sent.start, sent.end), span=(sent.start + rm.start(), sent.start + rm.end()),
                        text=rm.group(0), number=None, qualifier=None, unit=None, metric=None, category="deaths",
                        crossing=False)
            try:
                ans = deaths_q.deaths(store, None, date, as_of=date)
            except (OutOfRange, InvalidQuestion) as exc:
                out.append(Claim(**base, verdict="unverifiable", reason=f"unverifiable: {exc}"))
                continue
            rows = {y.year: y for y in ans.years}
            period = PeriodOut(text=pm.text if pm else str(year), start=dt.date(year, 1, 1),
                               end=min(dt.date(year, 12, 31), date), label=str(year), source="sentence")
            if year not in rows:
                out.append(Claim(**base, verdict="unverifiable", period=period,
                                 reason=f"unverifiable: the {ATTRIBUTION} has no deaths on the route in {year} by {long_date(date)}"))
                continue
            others = sorted((y for y in ans.years if y.year != year), key=lambda y: -y.dead_missing)
            best = others[0] if others else None
            ok = best is None or rows[year].dead_missing > best.dead_missing
            sea_ok = best is None or rows[year].at_sea > max(y.at_sea for y in others)
            verdict = "accurate" if ok or sea_ok else "inaccurate"
            at_sea = not ok and sea_ok  # IOM's route figure first; a record only at sea says so
            y = rows[year]
            if at_sea:
                sea_best = max(others, key=lambda o: o.at_sea)
                value, counted = y.at_sea, "dead or missing at sea"
                said = (f"{year} had {y.at_sea:,} dead or missing at sea ({y.dead_missing:,} on the whole route); the next "
                        f"deadliest at sea, {sea_best.year}, {sea_best.at_sea:,}; the deadliest on the whole route, "
                        f"{best.year}, {best.dead_missing:,}")  # type: ignore[union-attr]
            else:
                value, counted = y.dead_missing, "dead or missing on the route to the UK"
                said = f"{year} had {y.dead_missing:,} dead or missing on the route ({y.at_sea:,} at sea)" + (
                    f"; {'the next deadliest' if ok else 'the deadliest'}, {best.year}, {best.dead_missing:,} ({best.at_sea:,} at sea)"
                    if best else "")
            out.append(Claim(**base, verdict=verdict, period=period,
                             official=_official(value, period.start, period.end, str(year), ans,
                                                f"{year} against every year of IOM's record from {ans.years[0].year}"),
                             reason=f"{verdict}: {said}; counted: {counted}; incidents dated by {long_date(date)}, "
                                    f"{ATTRIBUTION}, extract of {long_date(ans.evidence.vintages[0].published)}; {IOM_REVISES}"))
    return out


def check_share(store: "Store", doc: "Document", m: "Mention", date: dt.date, base: dict) -> Claim | None:
    """A nationality's share of small-boat arrivals against the quarterly statistics; None if
    the sentence names no nationality."""
    sent = doc.sentences[m.sentence]
    found = _NATIONALITY.search(sent.text)
    if found is None or m.quantity is None or m.quantity.unit != "percent":
        return None
    name = NATIONALITIES[found.group(1).lower()]
    base = {**base, "category": "nationality", "crossing": False}
    pm, res = _nearest_period(sent.text, m.start - sent.start, date)
    if res is None:
        return Claim(**base, verdict="unverifiable", reason="unverifiable: no year or quarter stated; the quarterly "
                     "statistics give nationalities by quarter")
    quarter = (res.start.month - 1) % 3 == 0 and res.start.day == 1 and res.end.month % 3 == 0 and \
        (res.end + dt.timedelta(days=1)).day == 1 and (res.end - res.start).days < 93
    whole_year = (res.start.month, res.start.day, res.end.month, res.end.day) == (1, 1, 12, 31) and res.start.year == res.end.year
    period = PeriodOut(text=pm.text if pm else None, start=res.start, end=res.end, label=res.label, source="sentence")
    if not (quarter or whole_year):
        return Claim(**base, verdict="unverifiable", period=period,
                     reason=f"unverifiable: the quarterly statistics give whole quarters and years, not {res.label}")
    label = str(res.start.year) if whole_year else f"{res.start.year} Q{(res.start.month + 2) // 3}"
    try:
        ans = people.who(store, label, as_of=date, top=1, nationality=name)
    except (OutOfRange, InvalidQuestion) as exc:
        return Claim(**base, verdict="unverifiable", period=period, reason=f"unverifiable: {exc}")
    share = ans.nationality.share_pct if ans.nationality else None
    tol = _tolerance(m.quantity, rate=True)
    ok = share is not None and tol.ok(share)
    v = ans.evidence.vintages[0]
    src = f"{people.SOURCE}, release published {long_date(v.published)}"
    verdict = "accurate" if ok else "inaccurate"
    return Claim(**base, verdict=verdict, period=period, tolerance=tol.text,
                 official=Official(value=share, start=ans.start, end=ans.evidence.end, period=label,
                                   detail=f"{name}: {ans.nationality.arrivals:,} of {ans.arrivals:,} small-boat arrivals"
                                   if ans.nationality else None, source=src, vintages=[v.file_name],
                                   later_publication=ans.evidence.later_publication),
                 reason=f"{verdict}: {name} {share:.1f}% of small-boat arrivals in {label} "
                        f"({ans.nationality.arrivals:,} of {ans.arrivals:,}"
                        f"{'' if ans.complete else ', ' + ', '.join(ans.quarters) + ' only'}; {src})"
                        + (f" ({ans.evidence.note})" if ans.evidence.note else ""))


def check(store: "Store", doc: "Document", m: "Mention", date: dt.date, base: dict) -> Claim | None:
    """The hook for :meth:`smallboats.claims.check.Checker.check`: a checked Claim for a deaths
    figure or a nationality's share, else None (the figure stays "not a crossing figure")."""
    if deaths_category(doc, m):
        return check_deaths(store, doc, m, date, base)
    if m.category == "share":
        return check_share(store, doc, m, date, base)
    return None
