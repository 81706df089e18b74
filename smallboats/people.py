"""Who crosses: small-boat arrivals by nationality, sex and age group, for a quarter or a year,
as known on a date, from the Home Office's quarterly Irregular migration detailed dataset
(Irr_D01, method of entry "Small boat arrivals").

The release used is the newest published on or before ``as_of`` (None: the newest of all);
on the same publication date the Home Office's own workbook is preferred to the tidy copy (they
hold the same figures). Quarters after the last one that release has were not yet published on
``as_of`` and are left out (the answer says ``complete: false``); a period none of the releases
published by ``as_of`` has at all (or an ``as_of`` before the first release) is answered from
the oldest release that has it, flagged ``later_publication``, as for the daily figures.

Definitions: share = a group's arrivals / all small-boat arrivals in the period * 100; change
against a year earlier = the same quarter (or year) a year before, from the same release;
percent change = (new - old) / old * 100.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

import pandas as pd
from pydantic import Field

from .questions import Answer, Evidence, InvalidQuestion, Model, OutOfRange, VintageRef, long_date, pct_change
from .sources.irr_d01 import SMALL_BOATS, quarter_end, quarter_start
from .store import Store

KINDS = ("irr_xlsx", "irr_csv")  # preferred first on the same publication date
SOURCE = "Home Office, Irregular migration to the UK detailed dataset (Irr_D01), small boat arrivals"


class GroupRow(Model):
    name: str
    arrivals: int
    share_pct: float | None = Field(description="arrivals / all small-boat arrivals in the period * 100.")
    year_earlier: int | None = Field(description="The same period a year earlier (same release); null if not in it.")
    change: int | None
    change_pct: float | None
    rank: int = Field(description="1 + the number of groups with more arrivals.")


class SexAgeRow(Model):
    sex: str
    age_group: str
    arrivals: int
    share_pct: float | None


class Who(Answer):
    """Small-boat arrivals in a quarter or a year by nationality, sex and age group."""

    period: str = Field(description="'2023' or '2023 Q3'.")
    start: dt.date
    end: dt.date
    quarters: list[str] = Field(description="The quarters of the period the release has.")
    complete: bool = Field(description="The release has every quarter of the period.")
    arrivals: int = Field(description="All small-boat arrivals in the period.")
    year_earlier: int | None = Field(description="All small-boat arrivals a year earlier (same release).")
    change_pct: float | None
    nationality: GroupRow | None = Field(None, description="The nationality asked about (its share, change and rank).")
    nationalities: list[GroupRow] = Field(description="The top N nationalities.")
    regions: list[GroupRow]
    sexes: list[GroupRow]
    age_groups: list[GroupRow]
    sex_age: list[SexAgeRow]
    source: str
    sentence: str
    _tables: ClassVar[tuple[str, ...]] = ("nationalities", "regions", "sexes", "age_groups", "sex_age")


_PERIOD = re.compile(r"^\s*(\d{4})(?:\s*[-_ ]?\s*Q([1-4]))?\s*$", re.I)


def parse_period(text: str | int) -> tuple[str, dt.date, dt.date]:
    """'2023' -> a year; '2023 Q3', '2023-Q3', '2023Q3' -> a quarter."""
    m = _PERIOD.match(str(text))
    if not m:
        raise InvalidQuestion(f"period: give a year (2023) or a quarter (2023 Q3), not {text!r}")
    year = int(m.group(1))
    if not 1900 <= year <= 2200:
        raise OutOfRange(f"period: {year} is long outside the quarterly statistics (give a year such as 2023)", None, None)
    if m.group(2):
        q = int(m.group(2))
        return f"{year} Q{q}", quarter_start(year, q), quarter_end(year, q)
    return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)


def releases(store: Store) -> pd.DataFrame:
    """Every quarterly release, oldest first (id, kind, file_name, published, figures_from, figures_to)."""
    v = store.vintages(KINDS)
    if v.empty:
        raise OutOfRange("the store has no quarterly statistics (Irr_D01): run `smallboats build`", None, None)
    v = v.assign(pref=(v["kind"] != KINDS[0]).astype(int))
    return v.sort_values(["published", "pref", "id"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def release_for(store: Store, start: dt.date, end: dt.date, as_of: dt.date | None) -> tuple[pd.Series, bool, str | None]:
    """(release, later_publication, note) for figures from ``start`` to ``end`` as known on ``as_of``:
    the newest release published by then if it has any of the period, else the oldest that has it."""
    v = releases(store)
    known = v if as_of is None else v[v["published"] <= as_of]
    if not known.empty:
        newest = known.iloc[-1]
        if newest["figures_to"] >= start and newest["figures_from"] <= end:
            return newest, False, None
    later = v[(v["figures_to"] >= end) & (v["figures_from"] <= start)]
    if later.empty:
        first, last = v["figures_from"].min(), v["figures_to"].max()
        raise OutOfRange(f"{long_date(end)} is not in the quarterly statistics", first, last)
    first = later.iloc[0]
    note = (f"no quarterly release published by {long_date(as_of)} has this period; figures from the release "  # type: ignore[arg-type]
            f"published {long_date(first['published'])} ({first['file_name']})")
    return first, True, note


def _groups(df: pd.DataFrame, prev: pd.DataFrame, column: str, total: int) -> list[GroupRow]:
    now = df.groupby(column)["value"].sum()
    before = prev.groupby(column)["value"].sum() if not prev.empty else pd.Series(dtype="int64")
    now = now[now > 0].sort_values(ascending=False, kind="stable")
    rows = []
    for name, n in now.items():
        b = int(before[name]) if name in before.index else None
        rows.append(GroupRow(name=str(name), arrivals=int(n), share_pct=n / total * 100 if total else None,
                             year_earlier=b, change=None if b is None else int(n) - b,
                             change_pct=pct_change(int(n), b), rank=1 + int((now > n).sum())))
    return sorted(rows, key=lambda r: (-r.arrivals, r.name))


def _frame(store: Store, vid: int, start: dt.date, end: dt.date) -> pd.DataFrame:
    return store._query(
        "SELECT quarter_end, nationality, region, sex, age_group, value FROM detections "
        "WHERE vintage_id = ? AND method = ? AND quarter_end BETWEEN ? AND ?", [vid, SMALL_BOATS, start, end])


def who(store: Store, period: str | int, as_of: dt.date | None = None, top: int = 10,
        nationality: str | None = None) -> Who:
    """Small-boat arrivals in ``period`` (a year or a quarter) by nationality (the top ``top``;
    ``nationality`` for one's share), region, sex and age group, as known on ``as_of``."""
    if top < 1:
        raise InvalidQuestion(f"top: give a number of nationalities of at least 1, not {top}")
    label, start, end = parse_period(period)
    rel, later, note = release_for(store, start, end, as_of)
    last = min(end, rel["figures_to"])
    if start < rel["figures_from"]:
        raise OutOfRange(f"{label} is not in the quarterly statistics", rel["figures_from"], rel["figures_to"], as_of)
    df = _frame(store, int(rel["id"]), start, last)
    prev = _frame(store, int(rel["id"]), start.replace(year=start.year - 1), last.replace(year=last.year - 1))
    total = int(df["value"].sum())
    before = int(prev["value"].sum()) if not prev.empty else None
    quarters = sorted({f"{d.year} Q{(d.month + 2) // 3}" for d in df["quarter_end"]})
    nats = _groups(df, prev, "nationality", total)
    asked = None
    if nationality:
        want = nationality.strip().lower()
        asked = next((r for r in nats if r.name.lower() == want), None)
        if asked is None:
            known = sorted({r.name for r in nats})
            if want not in {k.lower() for k in set(df["nationality"]) | set(prev["nationality"])}:
                raise InvalidQuestion(f"nationality: {nationality!r} is not a nationality in the release; "
                                      f"for example {', '.join(known[:5])}")
            asked = GroupRow(name=nationality, arrivals=0, share_pct=0.0 if total else None, year_earlier=None,
                             change=None, change_pct=None, rank=len(nats) + 1)
    sex_age = (df.groupby(["sex", "age_group"])["value"].sum().reset_index()
               .sort_values("value", ascending=False, kind="stable"))
    ref = VintageRef(id=int(rel["id"]), file_name=rel["file_name"], kind=rel["kind"], published=rel["published"])
    evidence = Evidence(as_of=as_of, start=start, end=last, vintages=[ref], later_publication=later, note=note)
    complete = last == end
    lead = nats[0] if nats else None
    sentence = (f"{total:,} people arrived by small boat in {label}{'' if complete else ' (' + ', '.join(quarters) + ' only)'}"
                + (f"; the most, {lead.arrivals:,} ({lead.share_pct:.0f}%), were nationals of {lead.name}" if lead and lead.share_pct else "")
                + f" (Home Office quarterly statistics, release published {long_date(rel['published'])}).")
    return Who(evidence=evidence, period=label, start=start, end=end, quarters=quarters, complete=complete, arrivals=total,
               year_earlier=before, change_pct=pct_change(total, before), nationality=asked, nationalities=nats[:top],
               regions=_groups(df, prev, "region", total), sexes=_groups(df, prev, "sex", total),
               age_groups=_groups(df, prev, "age_group", total),
               sex_age=[SexAgeRow(sex=r.sex, age_group=r.age_group, arrivals=int(r.value),
                                  share_pct=r.value / total * 100 if total else None) for r in sex_age.itertuples()],
               source=SOURCE, sentence=sentence)


def years(store: Store, as_of: dt.date | None = None) -> pd.DataFrame:
    """Small-boat arrivals per year of the release current on ``as_of`` (year, arrivals, quarters)."""
    v = releases(store)
    known = v if as_of is None else v[v["published"] <= as_of]
    rel = known.iloc[-1] if not known.empty else v.iloc[0]
    return store._query(
        "SELECT year(quarter_end) AS year, sum(value)::BIGINT AS arrivals, count(DISTINCT quarter_end) AS quarters "
        "FROM detections WHERE vintage_id = ? AND method = ? GROUP BY 1 ORDER BY 1", [int(rel["id"]), SMALL_BOATS])
