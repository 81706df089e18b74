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
from typing import ClassVar, Literal

import pandas as pd
from pydantic import Field

from .questions import Answer, Evidence, InvalidQuestion, Model, OutOfRange, VintageRef, long_date
from .sources.iom import ATTRIBUTION, KIND
from .store import Store

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
    dead: int = Field(description="Sum of IOM's No. dead (NA counted as 0).")
    missing: int
    dead_missing: int
    at_sea: int
    on_land: int
    other: int
    complete: bool = Field(description="The whole year is in the period and before as_of.")


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
    deadliest_year: DeathYear | None = Field(description="Among the years of the IOM record up to as_of (all on the route; the current year as it stands).")
    deadliest_year_at_sea: DeathYear | None
    deadliest_incident: Incident | None
    years: list[DeathYear]
    incident_list: list[Incident]
    attribution: str
    sentence: str
    _tables: ClassVar[tuple[str, ...]] = ("years", "incident_list")


def extract_for(store: Store, as_of: dt.date | None) -> tuple[pd.Series, bool, str]:
    """(IOM vintage, later_publication, note) for ``as_of``."""
    v = store.vintages((KIND,))
    if v.empty:
        raise OutOfRange("the store has no IOM Missing Migrants incidents: run `smallboats build`", None, None)
    known = v if as_of is None else v[v["published"] <= as_of]
    if not known.empty:
        row = known.iloc[-1]
        return row, False, (f"IOM revises its counts as incidents are confirmed; figures from the extract of "
                            f"{long_date(row['published'])}")
    row = v.iloc[0]
    return row, True, (f"no IOM extract in the record from before {long_date(as_of)}: incidents dated by then, "  # type: ignore[arg-type]
                       f"as counted in the extract of {long_date(row['published'])} (IOM revises its counts as "
                       "incidents are confirmed)")


def incidents(store: Store, as_of: dt.date | None = None) -> tuple[pd.DataFrame, pd.Series, bool, str]:
    """Every incident on the route dated on or before ``as_of``, with its scope; and the extract."""
    row, later, note = extract_for(store, as_of)

    def read() -> pd.DataFrame:
        df = store._query(
            "SELECT incident_id, date, dead, missing, dead_missing, cause, location, country FROM incidents "
            "WHERE vintage_id = ? AND list_contains(?, route) ORDER BY date, incident_id", [int(row["id"]), list(ROUTES)])
        df["scope"] = [scope_of(c, loc) for c, loc in zip(df["cause"], df["location"])]
        return df

    df = store.cached(("deaths", int(row["id"])), read)
    if as_of is not None:
        df = df[df["date"] <= as_of]
    return df, row, later, note


def _year_rows(df: pd.DataFrame, start: dt.date, end: dt.date) -> list[DeathYear]:
    out = []
    for year, g in df.groupby(df["date"].map(lambda d: d.year)):
        by = g.groupby("scope")["dead_missing"].sum()
        out.append(DeathYear(year=int(year), incidents=len(g), dead=int(g["dead"].fillna(0).sum()),
                             missing=int(g["missing"].fillna(0).sum()), dead_missing=int(g["dead_missing"].sum()),
                             at_sea=int(by.get("at sea", 0)), on_land=int(by.get("on land", 0)), other=int(by.get("other", 0)),
                             complete=start <= dt.date(int(year), 1, 1) and dt.date(int(year), 12, 31) <= end))
    return out


def _incident(r) -> Incident:
    return Incident(incident_id=r.incident_id, date=r.date, dead=None if pd.isna(r.dead) else int(r.dead),
                    missing=None if pd.isna(r.missing) else int(r.missing), dead_missing=int(r.dead_missing),
                    scope=r.scope, cause=r.cause, location=r.location, country=r.country)


def deaths(store: Store, start: dt.date | None = None, end: dt.date | None = None, as_of: dt.date | None = None) -> Deaths:
    """Dead and missing on the route to the UK from ``start`` to ``end`` (default: the whole record;
    "since D" is ``start=D``), as counted in the IOM extract current on ``as_of``, incidents dated
    by ``as_of``."""
    all_df, row, later, note = incidents(store, as_of)
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
    df = all_df[(all_df["date"] >= start) & (all_df["date"] <= end)]
    by = df.groupby("scope")["dead_missing"].sum()
    every_year = _year_rows(all_df, first, last)
    ref = VintageRef(id=int(row["id"]), file_name=row["file_name"], kind=row["kind"], published=row["published"])
    evidence = Evidence(as_of=as_of, start=start, end=end, vintages=[ref], later_publication=later, note=note)
    inc = [_incident(r) for r in df.itertuples(index=False)]
    total = int(df["dead_missing"].sum())
    at_sea = int(by.get("at sea", 0))
    sentence = (f"{total:,} people died or went missing on the route to the UK from {long_date(start)} to "
                f"{long_date(end)} ({at_sea:,} at sea, {int(by.get('on land', 0)):,} on land, "
                f"{int(by.get('other', 0)):,} elsewhere), in {len(df):,} incidents recorded by the {ATTRIBUTION}.")
    return Deaths(
        evidence=evidence, start=start, end=end, incidents=len(df), dead=int(df["dead"].fillna(0).sum()),
        missing=int(df["missing"].fillna(0).sum()), dead_missing=total, at_sea=at_sea,
        on_land=int(by.get("on land", 0)), other=int(by.get("other", 0)),
        deadliest_year=max(every_year, key=lambda y: y.dead_missing, default=None),
        deadliest_year_at_sea=max(every_year, key=lambda y: y.at_sea, default=None),
        deadliest_incident=max(inc, key=lambda i: i.dead_missing, default=None),
        years=_year_rows(df, start, end), incident_list=inc, attribution=ATTRIBUTION, sentence=sentence)
