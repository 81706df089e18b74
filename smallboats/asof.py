"""The as-of rule in DuckDB: which vintage's value a date has "as known on D".

For each key (freq, metric, date) the vintages that have it are ordered oldest publication
first (on the same day the ODS time series counts as newer than a page, then the latest figures,
then the id). As of D the value is the newest vintage published on or before D; where none is,
the oldest (flagged ``later_publication``). Two tables of that rule are kept with the
observations (see :meth:`smallboats.store.Store.ingest_many`):

- ``asof_ends``: per key, its oldest vintage (``first_*``: the answer before ``first_pub``) and
  its newest (``last_*``: the answer from ``last_pub`` on);
- ``asof_spans``: per key, every other vintage that was the newest for a while, with the dates
  ``[valid_from, valid_to)`` it answers for, copied into every calendar month (``bucket``) that
  interval touches, stored in bucket order.

A question as of D reads, in one query, the ends of the keys it asks for and the spans of D's
month that hold D: what it needs, whatever the number of vintages kept. The rows come back as
Python values, not numpy arrays, so that a CLI question does not load numpy. The rule compares
publication dates only, so every day from one publication until the next reads the same rows
but for the last dates kept: a :class:`Snapshot` serves the whole interval.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .engine import duckdb

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: Bumped when the derived tables change shape or meaning: stores with another are rebuilt.
FORMAT = 2

DDL = "CREATE TABLE IF NOT EXISTS asof_meta (format INTEGER NOT NULL, version VARCHAR NOT NULL)"

# every vintage of every key, ordered oldest publication first (the order the rule follows)
_ORDERED = """
    WITH keys AS (
        SELECT freq, metric, date, row_number() OVER (ORDER BY freq, metric, date) - 1 AS key
        FROM (SELECT DISTINCT freq, metric, date FROM observations)
    )
    SELECT k.key, o.freq, o.metric, o.date, o.value, o.vintage_id, v.published,
           row_number() OVER w AS rn, lead(v.published) OVER w AS next_pub
    FROM observations o JOIN vintages v ON v.id = o.vintage_id JOIN keys k USING (freq, metric, date)
    WINDOW w AS (PARTITION BY k.key ORDER BY v.published, v.kind = 'ods', v.figures_to, v.id)
"""

_ENDS = """
    SELECT key, any_value(freq) AS freq, any_value(metric) AS metric, any_value(date) AS date,
           any_value(value) FILTER (WHERE rn = 1) AS first_value,
           any_value(vintage_id) FILTER (WHERE rn = 1) AS first_vintage,
           any_value(published) FILTER (WHERE rn = 1) AS first_pub,
           any_value(value) FILTER (WHERE next_pub IS NULL) AS last_value,
           any_value(vintage_id) FILTER (WHERE next_pub IS NULL) AS last_vintage,
           any_value(published) FILTER (WHERE next_pub IS NULL) AS last_pub
    FROM _asof_ordered GROUP BY key ORDER BY key
"""

# a vintage answers from its publication until the next later-published vintage of the key
# (one superseded on its own publication day never answers); the newest is in asof_ends
_SPANS = """
    SELECT freq, unnest(range(year(published) * 12 + month(published) - 1,
                              year(next_pub - 1) * 12 + month(next_pub - 1))) AS bucket,
           key, value, vintage_id, published AS valid_from, next_pub AS valid_to
    FROM _asof_ordered WHERE next_pub > published
    ORDER BY freq, bucket, key
"""


def month(d: dt.date) -> int:
    """The bucket of a date: months since year 0."""
    return d.year * 12 + d.month - 1


def current(con: duckdb.DuckDBPyConnection, version: str) -> bool:
    """True if the derived tables match the store at ``version``."""
    try:
        row = con.execute("SELECT format, version FROM asof_meta").fetchone()
    except duckdb.CatalogException:
        return False
    return row is not None and row[0] == FORMAT and row[1] == version


def rebuild(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """(Re)compute the derived tables from the observations (in the caller's transaction, if
    any) and stamp them with the store's ``version``."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _asof_ordered AS {_ORDERED}")
    try:
        con.execute(f"CREATE OR REPLACE TABLE asof_ends AS {_ENDS}")
        con.execute(f"CREATE OR REPLACE TABLE asof_spans AS {_SPANS}")
    finally:
        con.execute("DROP TABLE IF EXISTS _asof_ordered")
    con.execute("CREATE OR REPLACE TABLE asof_meta AS SELECT $f::INTEGER AS format, $v::VARCHAR AS version",
                {"f": FORMAT, "v": version})


# the last date of ``freq`` that a vintage published by ``as_of`` has (any metric)
_LAST_KNOWN = "SELECT max(date) FROM asof_ends WHERE freq = $freq AND first_pub <= $as_of"

# the value of every key of ``freq`` as known on ``as_of`` (NULL: the newest), one row per date
# (the metrics side by side), every date; ``uncovered``: a key answered by a span has none, or the reverse
_WIDE = """
    WITH s AS (
        SELECT key, value, vintage_id FROM asof_spans
        WHERE freq = $freq AND bucket = $bucket AND valid_from <= $as_of AND valid_to > $as_of
    ), r AS (
        SELECT e.date, e.metric, coalesce(e.first_pub > $as_of, false) AS later,
               coalesce(e.first_pub <= $as_of AND e.last_pub > $as_of, false) <> (s.key IS NOT NULL) AS uncovered,
               CASE WHEN e.first_pub > $as_of THEN e.first_value WHEN e.last_pub > $as_of THEN s.value
                    ELSE e.last_value END AS value,
               CASE WHEN e.first_pub > $as_of THEN e.first_vintage WHEN e.last_pub > $as_of THEN s.vintage_id
                    ELSE e.last_vintage END AS vintage
        FROM asof_ends e LEFT JOIN s USING (key)
        WHERE e.freq = $freq AND e.metric IN $metrics
    )
    SELECT date, {values},
           max(CASE WHEN metric = $first THEN vintage END) AS vintage,
           bool_or(later AND metric = $first) AS later, bool_or(uncovered) AS uncovered
    FROM r GROUP BY date ORDER BY date
"""


_EPOCH = dt.date(1970, 1, 1).toordinal()


@dataclass(frozen=True, eq=False)
class Columns:
    """:class:`Wide` as numpy arrays (read-only): ``date`` datetime64[D]; each metric's
    ``values`` float (NaN: not available); ``vintage`` float (NaN: no first metric); ``later`` bool."""

    date: np.ndarray
    values: dict[str, np.ndarray]
    vintage: np.ndarray
    later: np.ndarray


@dataclass(frozen=True, eq=False)
class Wide:
    """One row per date as known on a date (see :meth:`Snapshot.on`), as tuples of Python values
    (the questions sum them without numpy, which costs a CLI process more to import than
    they take to answer); :attr:`numpy` has them as arrays. Kept, once per date asked, by
    the store: not to be changed."""

    date: tuple[dt.date, ...]
    values: dict[str, tuple[float, ...]]  # per metric, in order: NaN = not available
    vintage: tuple[int | None, ...]  # the first metric's vintage; None where the date has no first metric
    later: tuple[bool, ...]  # the first metric's figure was first published after the date asked
    parent: Wide | None = field(default=None, repr=False)  # the Wide this is the first rows of

    def __len__(self) -> int:
        return len(self.date)

    def head(self, n: int) -> Wide:
        """The first ``n`` rows (their numpy arrays are views of this one's)."""
        if n >= len(self.date):
            return self
        return Wide(date=self.date[:n], values={m: v[:n] for m, v in self.values.items()}, vintage=self.vintage[:n],
                    later=self.later[:n], parent=self)

    def vintage_ids(self) -> tuple[int, ...]:
        """The vintage of each date (every date has the first metric)."""
        if None in self.vintage:
            raise ValueError("a date without the first metric has no vintage")
        return self.vintage  # type: ignore[return-value]

    @functools.cached_property
    def numpy(self) -> Columns:
        """The columns as numpy arrays, made when first asked for."""
        import numpy as np

        if self.parent is not None:
            p, n = self.parent.numpy, len(self.date)
            return Columns(date=p.date[:n], values={m: v[:n] for m, v in p.values.items()}, vintage=p.vintage[:n],
                           later=p.later[:n])

        def fixed(a: np.ndarray) -> np.ndarray:
            a.flags.writeable = False
            return a

        days = np.fromiter((d.toordinal() for d in self.date), "int64", len(self.date)) - _EPOCH  # (much faster than from dates)
        return Columns(date=fixed(days.astype("datetime64[D]")),
                       values={m: fixed(np.array(v, dtype=float)) for m, v in self.values.items()},
                       vintage=fixed(np.array([np.nan if v is None else v for v in self.vintage], dtype=float)),
                       later=fixed(np.array(self.later, dtype=bool)))

    def to_pandas(self) -> "pd.DataFrame":
        """Columns date (``datetime.date``), *metrics and vintage_id (nullable Int64),
        later_publication (nullable boolean: NA where the date has no first metric)."""
        import pandas as pd

        out: dict[str, object] = {"date": self.numpy.date.astype(object)}
        for m, col in self.values.items():
            out[m] = pd.array(self.numpy.values[m], dtype="Int64")
        out["vintage_id"] = pd.array(self.vintage, dtype="Int64")
        out["later_publication"] = pd.array([None if v is None else f for v, f in zip(self.vintage, self.later)],
                                            dtype="boolean")
        return pd.DataFrame(out)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The record of one freq as known from a publication until the next: every date (those no
    vintage published by then has are taken from the first that has them, and flagged), and the
    last date published by then. The rule compares publication dates only, so this is the same
    for every day of the interval; only the dates kept (:meth:`on`) differ."""

    wide: Wide
    last_known: dt.date | None
    heads: OrderedDict[int, Wide] = field(default_factory=OrderedDict, repr=False)  # the cuts asked for, the 4 used last

    def on(self, as_of: dt.date | None, lag_days: int) -> Wide:
        """One row per date as known on ``as_of``, a day of this snapshot's interval (None: the
        newest, nothing flagged): the values of the metrics, and the vintage and ``later`` flag of
        the first metric. Dates after ``as_of`` are left out, and so are dates after the last one
        known by then, when that is within ``lag_days`` of ``as_of`` (not yet published); a longer
        silence is a gap in the archive, filled from later publications. The same object each
        time the same rows are asked for."""
        if as_of is None:
            return self.wide
        last = self.last_known
        cut = last if last is not None and (as_of - last).days <= lag_days else as_of
        n = bisect.bisect_right(self.wide.date, cut)
        head = self.heads.get(n)
        if head is None:
            head = self.heads[n] = self.wide.head(n)
            while len(self.heads) > 4:
                self.heads.popitem(last=False)
        self.heads.move_to_end(n)
        return head


# every observation of ``freq`` published after ``after`` and by ``upto``, in the rule's order (the newest last)
_PUBLISHED_BETWEEN = """
    SELECT o.date, o.metric, coalesce(o.value::DOUBLE, 'NaN'::DOUBLE), o.vintage_id
    FROM observations o JOIN vintages v ON v.id = o.vintage_id
    WHERE o.freq = $freq AND v.published > $after AND v.published <= $upto
    ORDER BY v.published, v.kind = 'ods', v.figures_to, v.id
"""


def advanced(snap: Snapshot, con: duckdb.DuckDBPyConnection, freq: str, metrics: tuple[str, ...], after: dt.date,
             upto: dt.date) -> Snapshot:
    """``snap``, the snapshot as known on the publication date ``after``, brought forward to the
    next publication date, ``upto``: each observation published in between replaces the value
    of its key (the newest last), and its first metric's vintage, no longer flagged. What a
    publication day adds is a few rows (a page) or one time series, not the whole record."""
    w = snap.wide
    at = {d: i for i, d in enumerate(w.date)}
    values = {m: list(v) for m, v in w.values.items()}
    vintage, later, last_known = list(w.vintage), list(w.later), snap.last_known
    for d, m, v, vid in con.execute(_PUBLISHED_BETWEEN, {"freq": freq, "after": after, "upto": upto}).fetchall():
        if last_known is None or d > last_known:
            last_known = d
        if m not in values:
            continue
        if d not in at:
            raise RuntimeError(f"asof_ends does not have {freq} {m} {d}: rebuild the store")
        i = at[d]
        values[m][i] = v
        if m == metrics[0]:
            vintage[i], later[i] = vid, False
    return Snapshot(Wide(date=w.date, values={m: tuple(v) for m, v in values.items()}, vintage=tuple(vintage),
                         later=tuple(later)), last_known)


def snapshot(con: duckdb.DuckDBPyConnection, freq: str, metrics: tuple[str, ...], as_of: dt.date | None) -> Snapshot:
    """The :class:`Snapshot` of ``metrics`` as known on ``as_of`` (None: the newest, nothing flagged)."""
    values = ", ".join(f"coalesce(max(CASE WHEN metric = '{m}' THEN value END)::DOUBLE, 'NaN'::DOUBLE)" for m in metrics)
    rows = con.execute(_WIDE.format(values=values), {
        "freq": freq, "metrics": list(metrics), "first": metrics[0], "as_of": as_of,
        "bucket": month(as_of) if as_of is not None else None}).fetchall()
    if any(r[-1] for r in rows):
        raise RuntimeError(f"asof_spans does not cover the record as of {as_of}: rebuild the store")
    cols = list(zip(*rows)) or [()] * (len(metrics) + 4)
    last_known = None
    if as_of is not None:
        last_known = con.execute(_LAST_KNOWN, {"freq": freq, "as_of": as_of}).fetchone()[0]  # type: ignore[index]
    return Snapshot(Wide(date=cols[0], values=dict(zip(metrics, cols[1:-3])), vintage=cols[-3], later=cols[-2]),
                    last_known)
