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

A question as of D reads the keys' ends (once per store version: one row per key) and the spans
of D's month that hold D: what it needs, whatever the number of vintages kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .engine import duckdb

if TYPE_CHECKING:
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


def _NAN(column: str) -> str:
    """A value column with NULL (not available) as NaN, under its own name."""
    return f"coalesce({column}::DOUBLE, 'NaN'::DOUBLE) AS {column}"


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


def _num(a: np.ndarray, dtype: str = "float64") -> np.ndarray:
    """A column from ``fetchnumpy()`` as ``dtype``. The queries turn NULL values into NaN, so
    that DuckDB returns plain arrays (a NULL makes it a masked array, and loading
    ``numpy.ma`` costs a CLI question some 40 ms); a NULL that still comes is an error."""
    if type(a) is not np.ndarray:
        raise ValueError("a NULL where every row has a value")
    return a.astype(dtype, copy=False)


def _days(a: np.ndarray) -> np.ndarray:
    return np.asarray(a).astype("datetime64[D]")


@dataclass
class Ends:
    """The ends of every key of one freq, as numpy arrays (read once per store version)."""

    key0: int  # the first key of this freq
    metric: np.ndarray
    date: np.ndarray  # datetime64[D]
    first_value: np.ndarray  # float, NaN = not available
    first_vintage: np.ndarray
    first_pub: np.ndarray
    last_value: np.ndarray
    last_vintage: np.ndarray
    last_pub: np.ndarray

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection, freq: str) -> "Ends":
        df = con.execute(f"SELECT key, metric, date, {_NAN('first_value')}, first_vintage, first_pub, "
                         f"{_NAN('last_value')}, last_vintage, last_pub FROM asof_ends WHERE freq = ? ORDER BY key",
                         [freq]).fetchnumpy()
        keys = _num(df["key"], "int64")
        if len(keys) and keys[-1] - keys[0] != len(keys) - 1:
            raise RuntimeError("asof_ends: the keys of one freq are not contiguous")
        return cls(key0=int(keys[0]) if len(keys) else 0, metric=np.asarray(df["metric"], dtype=object), date=_days(df["date"]),
                   first_value=_num(df["first_value"]), first_vintage=_num(df["first_vintage"], "int64"),
                   first_pub=_days(df["first_pub"]), last_value=_num(df["last_value"]),
                   last_vintage=_num(df["last_vintage"], "int64"), last_pub=_days(df["last_pub"]))


@dataclass(frozen=True, eq=False)
class Wide:
    """One row per date as known on a date (see :func:`wide`), as numpy arrays that are not to
    be changed (they are kept, once per date asked, by the store)."""

    date: np.ndarray  # datetime64[D]
    values: dict[str, np.ndarray]  # per metric, in order: float, NaN = not available
    vintage: np.ndarray  # the first metric's vintage; float, NaN where the date has no first metric
    later: np.ndarray  # bool: the first metric's figure was first published after the date asked

    def __post_init__(self) -> None:
        for a in (self.date, self.vintage, self.later, *self.values.values()):
            a.flags.writeable = False

    def __len__(self) -> int:
        return len(self.date)

    def vintage_ids(self) -> np.ndarray:
        """The vintage of each date, as integers (every date has the first metric)."""
        if np.isnan(self.vintage).any():
            raise ValueError("a date without the first metric has no vintage")
        return self.vintage.astype("int64")

    def to_pandas(self) -> "pd.DataFrame":
        """Columns date (``datetime.date``), *metrics and vintage_id (nullable Int64),
        later_publication (nullable boolean: NA where the date has no first metric)."""
        import pandas as pd

        out: dict[str, object] = {"date": self.date.astype(object)}
        for m, col in self.values.items():
            out[m] = pd.array(col, dtype="Int64")
        out["vintage_id"] = pd.array(self.vintage, dtype="Int64")
        flag = pd.array(self.later, dtype="boolean")
        flag[np.isnan(self.vintage)] = pd.NA
        out["later_publication"] = flag
        return pd.DataFrame(out)


def wide(con: duckdb.DuckDBPyConnection, ends: Ends, freq: str, metrics: tuple[str, ...], as_of: dt.date | None,
         lag_days: int) -> Wide:
    """One row per date as known on ``as_of`` (None: the newest, nothing flagged): the values
    of ``metrics``, and the vintage and ``later`` flag of the first metric. Dates after
    ``as_of`` are left out, and so are dates after the last one known by then, when that is
    within ``lag_days`` of ``as_of`` (not yet published); a longer silence is a gap in the
    archive, filled from later publications."""
    if as_of is None:
        value, vintage = ends.last_value, ends.last_vintage
        later = np.zeros(len(ends.date), bool)
        keep = np.ones(len(ends.date), bool)
    else:
        d = np.datetime64(as_of, "D")
        later = ends.first_pub > d
        value = np.where(later, ends.first_value, ends.last_value)
        vintage = np.where(later, ends.first_vintage, ends.last_vintage)
        between = ~later & (ends.last_pub > d)
        if between.any():
            spans = con.execute(
                f"SELECT key, {_NAN('value')}, vintage_id FROM asof_spans WHERE freq = ? AND bucket = ? "
                "AND valid_from <= ? AND valid_to > ?", [freq, month(as_of), as_of, as_of]).fetchnumpy()
            at = _num(spans["key"], "int64") - ends.key0
            if not np.array_equal(np.sort(at), np.flatnonzero(between)):
                raise RuntimeError(f"asof_spans does not cover the record as of {as_of}: rebuild the store")
            value[at] = _num(spans["value"])
            vintage[at] = _num(spans["vintage_id"], "int64")
        known = ends.date[~later]
        last_known = known.max() if len(known) else None
        cut = last_known if last_known is not None and d - last_known <= np.timedelta64(lag_days, "D") else d
        keep = ends.date <= cut
    sel = keep & np.isin(ends.metric, metrics)
    dates, row = np.unique(ends.date[sel], return_inverse=True)
    metric, value, vintage, later = ends.metric[sel], value[sel], vintage[sel], later[sel]
    values: dict[str, np.ndarray] = {}
    for m in metrics:
        col = np.full(len(dates), np.nan)
        mine = metric == m
        col[row[mine]] = value[mine]
        values[m] = col
    first = metric == metrics[0]
    vid = np.full(len(dates), np.nan)
    vid[row[first]] = vintage[first]
    flag = np.zeros(len(dates), bool)
    flag[row[first]] = later[first]
    return Wide(date=dates, values=values, vintage=vid, later=flag)
