"""Deaths and disappearances on the route to the UK, from the IOM Missing Migrants Project.

Incidents on IOM's route "Mainland Europe to the UK" (earlier "English Channel to the UK"),
dated in the period asked and on or before ``as_of``, from the newest IOM extract published on
or before ``as_of`` (else the oldest, flagged ``later_publication``: IOM revises its counts as
incidents are confirmed, so a later extract may count an incident differently). Each incident
is placed **at sea**, **on land** or **other** by the first rule of :data:`SCOPE_RULES` that
matches its cause or place (rules as data: lorries, vehicles and violence are on land; canals are other;
off the coast, in the Channel, washed ashore are at sea; ...).

Figures: ``dead_missing`` (IOM's "No. dead/missing"), ``dead`` and ``missing`` (null where IOM
gives NA). Records: the deadliest year (all on the route, and at sea), the deadliest incident.
Attribution: "IOM Missing Migrants Project" (CC BY 4.0).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields
from typing import TYPE_CHECKING, Any, ClassVar, Literal


from .questions import Answer, Evidence, InvalidQuestion, Model, OutOfRange, VintageRef, doc, long_date
from .sources.iom import ATTRIBUTION, KIND
from .store import Store

if TYPE_CHECKING:  # the answers are built without pandas: only incidents() gives a frame
    import pandas as pd

ROUTES = ("Mainland Europe to the UK", "English Channel to the UK")
Scope = Literal["at sea", "on land", "other"]
SCOPES: tuple[str, ...] = ("at sea", "on land", "other")

_SEA = (r"\boff\b|\boffshore\b|at sea\b|in the english channel|english channel off|strait of dover|nautical miles"
        r"|\bmiles off\b|\bkm off\b|maritime border|washed (?:up|ashore)|\bbeach\b|(?<![-\w])plage\b|\bshore\b|\bsrr\b")
_LAND = (r"lorr(?:y|ies)|truck|trailer|vehicle|motorway|highway|\broad\b|\brail|train|tunnel|\bcamp\b|station"
         r"|freight|container|hospital|\bbus\b|jungle|\bcar\b|\bvan\b|\bA\d+\b|\bE\d+\b|\bN\d+\b")
#: (scope, field, pattern): the first that matches places an incident; the last always matches
SCOPE_RULES: tuple[tuple[Scope, str, str], ...] = (
    ("on land", "cause", r"vehicle accident|hazardous transport"),
    ("on land", "cause", r"\bviolence\b"),  # killed in camps and on the way to the coast, not at sea
    ("other", "location", r"\bcanal\b"),  # inland waterways, on the way to the coast
    ("at sea", "location", _SEA),
    ("at sea", "cause+location", r"drowning.*english channel"),
    ("on land", "location", _LAND),
    ("other", "location", r""),
)
_COMPILED = tuple((scope, fld, re.compile(rx, re.I)) for scope, fld, rx in SCOPE_RULES)


def scope_of(cause: str | None, location: str | None) -> Scope:
    """At sea, on land or other, by :data:`SCOPE_RULES`."""
    fields = {"cause": cause or "", "location": location or "", "cause+location": f"{cause or ''} | {location or ''}"}
    for scope, fld, rx in _COMPILED:
        if rx.search(fields[fld]):
            return scope
    return "other"


class Incident(Model):
    incident_id: str
    date: dt.date
    dead: int | None
    missing: int | None
    dead_missing: int
    scope: Scope
    cause: str | None
    location: str | None
    country: str | None


class DeathYear(Model):
    year: int
    incidents: int
    dead: int = doc("Sum of IOM's No. dead (NA counted as 0).")
    missing: int
    dead_missing: int
    at_sea: int
    on_land: int
    other: int
    complete: bool = doc("The whole year is in the period and before as_of.")


class Deaths(Answer):
    """Dead and missing on the route to the UK in a period, split at sea / on land / other."""

    start: dt.date
    end: dt.date
    incidents: int
    dead: int
    missing: int
    dead_missing: int
    at_sea: int
    on_land: int
    other: int
    deadliest_year: DeathYear | None = doc("Among the years of the IOM record up to as_of (all on the route; the current year as it stands).")
    deadliest_year_at_sea: DeathYear | None
    deadliest_incident: Incident | None
    years: list[DeathYear]
    incident_list: list[Incident]
    attribution: str
    sentence: str
    _tables: ClassVar[tuple[str, ...]] = ("years", "incident_list")


def extract_for(store: Store, as_of: dt.date | None) -> tuple[dict[str, Any], bool, str]:
    """(IOM vintage, as a plain row; later_publication; note) for ``as_of``."""
    v = store.vintage_rows((KIND,))
    if not v:
        raise OutOfRange("the store has no IOM Missing Migrants incidents: run `smallboats build`", None, None)
    known = v if as_of is None else [r for r in v if r["published"] <= as_of]
    if known:
        row = known[-1]
        return row, False, (f"IOM revises its counts as incidents are confirmed; figures from the extract of "
                            f"{long_date(row['published'])}")
    row = v[0]
    return row, True, (f"no IOM extract in the record from before {long_date(as_of)}: incidents dated by then, "  # type: ignore[arg-type]
                       f"as counted in the extract of {long_date(row['published'])} (IOM revises its counts as "
                       "incidents are confirmed)")


def incident_list(store: Store, as_of: dt.date | None = None) -> tuple[list[Incident], dict[str, Any], bool, str]:
    """Every incident on the route dated on or before ``as_of``, oldest first, with its scope;
    and the extract (:func:`extract_for`)."""
    row, later, note = extract_for(store, as_of)

    def read() -> list[Incident]:
        rows = store._rows(
            "SELECT incident_id, date, dead, missing, dead_missing, cause, location, country FROM incidents "
            "WHERE vintage_id = ? AND list_contains(?, route) ORDER BY date, incident_id", [int(row["id"]), list(ROUTES)])
        return [Incident(**r, scope=scope_of(r["cause"], r["location"])) for r in rows]

    inc = store.cached(("deaths", int(row["id"])), read)
    if as_of is not None:
        inc = [i for i in inc if i.date <= as_of]
    return inc, row, later, note


def incidents(store: Store, as_of: dt.date | None = None) -> tuple[pd.DataFrame, dict[str, Any], bool, str]:
    """:func:`incident_list` with the incidents as a frame (columns: the fields of :class:`Incident`)."""
    import pandas as pd

    inc, row, later, note = incident_list(store, as_of)
    return pd.DataFrame([i.model_dump() for i in inc], columns=[f.name for f in fields(Incident)]), row, later, note


def _sums(inc: list[Incident]) -> dict[str, int]:
    """The counts of :class:`DeathYear` and :class:`Deaths` over ``inc`` (IOM's NA counted as 0)."""
    scope = dict.fromkeys(SCOPES, 0)
    for i in inc:
        scope[i.scope] += i.dead_missing
    return dict(incidents=len(inc), dead=sum(i.dead or 0 for i in inc), missing=sum(i.missing or 0 for i in inc),
                dead_missing=sum(i.dead_missing for i in inc), at_sea=scope["at sea"], on_land=scope["on land"],
                other=scope["other"])


def _year_rows(inc: list[Incident], start: dt.date, end: dt.date) -> list[DeathYear]:
    years: dict[int, list[Incident]] = {}
    for i in inc:
        years.setdefault(i.date.year, []).append(i)
    return [DeathYear(year=year, **_sums(years[year]), complete=start <= dt.date(year, 1, 1) and dt.date(year, 12, 31) <= end)
            for year in sorted(years)]


def deaths(store: Store, start: dt.date | None = None, end: dt.date | None = None, as_of: dt.date | None = None) -> Deaths:
    """Dead and missing on the route to the UK from ``start`` to ``end`` (default: the whole record;
    "since D" is ``start=D``), as counted in the IOM extract current on ``as_of``, incidents dated
    by ``as_of``."""
    every, row, later, note = incident_list(store, as_of)
    first, last = dt.date(row["figures_from"].year, 1, 1), row["figures_to"]  # IOM's record runs from 1 January
    if as_of is not None:
        last = min(last, as_of)
    start = start or first
    end = end or last
    if end < first or start > last:
        raise OutOfRange(f"{long_date(start)} to {long_date(end)} is not in the IOM record", first, last, as_of)
    if start > end:
        raise InvalidQuestion(f"the first date ({long_date(start)}) is after the last ({long_date(end)})")
    end = min(end, last)
    inc = [i for i in every if start <= i.date <= end]
    sums = _sums(inc)
    every_year = _year_rows(every, first, last)
    ref = VintageRef(id=int(row["id"]), file_name=row["file_name"], kind=row["kind"], published=row["published"])
    evidence = Evidence(as_of=as_of, start=start, end=end, vintages=[ref], later_publication=later, note=note)
    sentence = (f"{sums['dead_missing']:,} people died or went missing on the route to the UK from {long_date(start)} to "
                f"{long_date(end)} ({sums['at_sea']:,} at sea, {sums['on_land']:,} on land, "
                f"{sums['other']:,} elsewhere), in {len(inc):,} incidents recorded by the {ATTRIBUTION}.")
    return Deaths(
        evidence=evidence, start=start, end=end, **sums,
        deadliest_year=max(every_year, key=lambda y: y.dead_missing, default=None),
        deadliest_year_at_sea=max(every_year, key=lambda y: y.at_sea, default=None),
        deadliest_incident=max(inc, key=lambda i: i.dead_missing, default=None),
        years=_year_rows(inc, start, end), incident_list=inc, attribution=ATTRIBUTION, sentence=sentence)
