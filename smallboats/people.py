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
from typing import TYPE_CHECKING, Any, ClassVar


from .questions import Answer, Evidence, InvalidQuestion, Model, OutOfRange, VintageRef, doc, long_date, pct_change
from .sources.irr import SMALL_BOATS, quarter_end, quarter_start
from .store import Store

if TYPE_CHECKING:  # who() reads plain rows: only releases() and years() give frames
    import pandas as pd

KINDS = ("irr_xlsx", "irr_csv")  # preferred first on the same publication date
SOURCE = "Home Office, Irregular migration to the UK detailed dataset (Irr_D01), small boat arrivals"


class GroupRow(Model):
    name: str
    arrivals: int
    share_pct: float | None = doc("arrivals / all small-boat arrivals in the period * 100.")
    year_earlier: int | None = doc("The same period a year earlier (same release); null if not in it.")
    change: int | None
    change_pct: float | None
    rank: int = doc("1 + the number of groups with more arrivals.")


class SexAgeRow(Model):
    sex: str
    age_group: str
    arrivals: int
    share_pct: float | None


class Who(Answer):
    """Small-boat arrivals in a quarter or a year by nationality, sex and age group."""

    period: str = doc("'2023' or '2023 Q3'.")
    start: dt.date
    end: dt.date
    quarters: list[str] = doc("The quarters of the period the release has.")
    complete: bool = doc("The release has every quarter of the period.")
    arrivals: int = doc("All small-boat arrivals in the period.")
    year_earlier: int | None = doc("All small-boat arrivals a year earlier (same release).")
    change_pct: float | None
    nationality: GroupRow | None = doc("The nationality asked about (its share, change and rank).", default=None)
    nationalities: list[GroupRow] = doc("The top N nationalities.")
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


def release_rows(store: Store) -> list[dict[str, Any]]:
    """Every quarterly release as a plain row (id, kind, file_name, published, figures_from,
    figures_to, ...), oldest first; on the same publication date the preferred kind last."""
    v = store.vintage_rows(KINDS)
    if not v:
        raise OutOfRange("the store has no quarterly statistics (Irr_D01): run `smallboats build`", None, None)
    return sorted(v, key=lambda r: (r["published"], -(r["kind"] != KINDS[0]), r["id"]))


def releases(store: Store) -> pd.DataFrame:
    """Every quarterly release, oldest first (id, kind, file_name, published, figures_from, figures_to)."""
    import pandas as pd

    return pd.DataFrame(release_rows(store))


def _current(rows: list[dict[str, Any]], as_of: dt.date | None) -> list[dict[str, Any]]:
    """The releases published by ``as_of`` (None: all)."""
    return rows if as_of is None else [r for r in rows if r["published"] <= as_of]


def release_for(store: Store, start: dt.date, end: dt.date, as_of: dt.date | None) -> tuple[dict[str, Any], bool, str | None]:
    """(release, as a plain row; later_publication; note) for figures from ``start`` to ``end`` as
    known on ``as_of``: the newest release published by then if it has any of the period, else
    the oldest that has it."""
    v = release_rows(store)
    known = _current(v, as_of)
    if known:
        newest = known[-1]
        if newest["figures_to"] >= start and newest["figures_from"] <= end:
            return newest, False, None
    later = [r for r in v if r["figures_to"] >= end and r["figures_from"] <= start]
    if not later:
        first, last = min(r["figures_from"] for r in v), max(r["figures_to"] for r in v)
        raise OutOfRange(f"{long_date(end)} is not in the quarterly statistics", first, last)
    first = later[0]
    note = (f"no quarterly release published by {long_date(as_of)} has this period; figures from the release "  # type: ignore[arg-type]
            f"published {long_date(first['published'])} ({first['file_name']})")
    return first, True, note


def _sums(rows: list[dict[str, Any]], *columns: str) -> dict[Any, int]:
    """The arrivals of ``rows`` summed by ``columns`` (one: by its value; more: by a tuple), keys in order."""
    out: dict[Any, int] = {}
    for r in rows:
        key = r[columns[0]] if len(columns) == 1 else tuple(r[c] for c in columns)
        out[key] = out.get(key, 0) + r["value"]
    return dict(sorted(out.items()))


def _groups(df: list[dict[str, Any]], prev: list[dict[str, Any]], column: str, total: int) -> list[GroupRow]:
    before = _sums(prev, column)
    now = {k: n for k, n in _sums(df, column).items() if n > 0}
    rows = []
    for name, n in now.items():
        b = before.get(name)
        rows.append(GroupRow(name=str(name), arrivals=n, share_pct=n / total * 100 if total else None,
                             year_earlier=b, change=None if b is None else n - b,
                             change_pct=pct_change(n, b), rank=1 + sum(m > n for m in now.values())))
    return sorted(rows, key=lambda r: (-r.arrivals, r.name))


def _frame(store: Store, vid: int, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    return store._rows(
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
    total = sum(r["value"] for r in df)
    before = sum(r["value"] for r in prev) if prev else None
    quarters = sorted({f"{r['quarter_end'].year} Q{(r['quarter_end'].month + 2) // 3}" for r in df})
    nats = _groups(df, prev, "nationality", total)
    asked = None
    if nationality:
        want = nationality.strip().lower()
        asked = next((r for r in nats if r.name.lower() == want), None)
        if asked is None:
            known = sorted({r.name for r in nats})
            if want not in {r["nationality"].lower() for r in df + prev}:
                raise InvalidQuestion(f"nationality: {nationality!r} is not a nationality in the release; "
                                      f"for example {', '.join(known[:5])}")
            asked = GroupRow(name=nationality, arrivals=0, share_pct=0.0 if total else None, year_earlier=None,
                             change=None, change_pct=None, rank=len(nats) + 1)
    sex_age = sorted(_sums(df, "sex", "age_group").items(), key=lambda kv: -kv[1])
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
               sex_age=[SexAgeRow(sex=sex, age_group=age, arrivals=n, share_pct=n / total * 100 if total else None)
                        for (sex, age), n in sex_age],
               source=SOURCE, sentence=sentence)


def years(store: Store, as_of: dt.date | None = None) -> pd.DataFrame:
    """Small-boat arrivals per year of the release current on ``as_of`` (year, arrivals, quarters)."""
    v = release_rows(store)
    known = _current(v, as_of)
    rel = known[-1] if known else v[0]
    return store._query(
        "SELECT year(quarter_end) AS year, sum(value)::BIGINT AS arrivals, count(DISTINCT quarter_end) AS quarters "
        "FROM detections WHERE vintage_id = ? AND method = ? GROUP BY 1 ORDER BY 1", [int(rel["id"]), SMALL_BOATS])
