"""The Atom feed (``/feed.atom``) a newsroom can subscribe to: new publications, revisions and records.

Entries (the newest :data:`MAX_ENTRIES`, newest first), each dated by the publication that told it:
- a publication day: what the Home Office published that day and the dates its figures cover;
- revisions: the figures an ODS time series changed from the one before it;
- records: a day with more arrivals than any earlier day, and a year whose running total passed
  every earlier year's total (as the figures stand now), dated by the first publication of that day.
Made with feedgen; the feed is built once per store version.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING, Any

import numpy as np
from fastapi import APIRouter, Request
from fastapi.responses import Response

from .questions import long_date

if TYPE_CHECKING:  # the feed is built from the store's frames: pandas is imported by then
    import pandas as pd

MAX_ENTRIES = 100
ATOM = "application/atom+xml; charset=utf-8"
KIND_WORDS = {"ods": "the ODS time series", "daily_page": "the daily page", "weekly_page": "the weekly page"}

router = APIRouter(include_in_schema=False)
_cache: dict[str, bytes] = {}
_lock = threading.Lock()


def _when(d: Any) -> dt.datetime:
    d = _d(d)
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def _d(d: Any) -> dt.date:
    import pandas as pd

    return pd.Timestamp(d).date()


def publications(v: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for published, grp in v.groupby("published"):
        kinds = " and ".join(sorted({KIND_WORDS.get(k, k) for k in grp["kind"]}))
        day = _d(published)
        files = ", ".join(grp["file_name"])
        out.append({"id": f"publication/{day}", "updated": _when(day), "link": f"/?as_of={day}",
                    "title": f"Published {long_date(day)}: {kinds}",
                    "summary": f"Figures for {long_date(_d(grp['figures_from'].min()))} to "
                               f"{long_date(_d(grp['figures_to'].max()))}. Files: {files}."})
    return out


def revisions(r: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for (vintage, published), grp in r.groupby(["new_vintage", "new_published"]):
        day = _d(published)
        lines = [f"{row.freq} of {long_date(_d(row.date))}, {row.metric.replace('_', ' ')}: was {row.old_value:,} "
                 f"({row.old_vintage}), now {row.new_value:,}" for row in grp.head(20).itertuples()]
        more = f"; and {len(grp) - 20:,} more" if len(grp) > 20 else ""
        n = len(grp)
        out.append({"id": f"revisions/{vintage}", "updated": _when(day), "link": f"/revisions?from={_d(grp['date'].min())}",
                    "title": f"{n:,} figure{'s' if n != 1 else ''} revised in {vintage}",
                    "summary": "; ".join(lines) + more + "."})
    return out


def records(daily: pd.DataFrame, v: pd.DataFrame) -> list[dict[str, Any]]:
    """Record days and record years, each dated by the first publication covering the day."""
    d = daily.dropna(subset=["arrivals"]).sort_values("date")
    dates = [_d(x) for x in d["date"]]
    arrivals = d["arrivals"].to_numpy(dtype="int64")
    spans = sorted((_d(a), _d(b), _d(p)) for a, b, p in zip(v["figures_from"], v["figures_to"], v["published"]))

    def first_published(day: dt.date) -> dt.date:
        return min((p for a, b, p in spans if a <= day <= b), default=day)

    out = []
    best = -1
    for day, n in zip(dates, arrivals):
        if n > best and best >= 0:
            out.append({"id": f"record/day/{day}", "updated": _when(first_published(day)), "link": f"/?as_of={first_published(day)}",
                        "title": f"Record day: {n:,} people on {long_date(day)}",
                        "summary": f"{n:,} people arrived in small boats on {long_date(day)}, more than on any earlier "
                                   f"day in the record (the most before: {best:,})."})
        best = max(best, int(n))
    years = np.array([x.year for x in dates])
    totals: dict[int, int] = {}
    for y in sorted(set(years)):
        run = np.cumsum(arrivals[years == y])
        before = max(totals.values(), default=None)
        if before is not None and run[-1] > before:
            i = int(np.argmax(run > before))
            day = [x for x in dates if x.year == y][i]
            out.append({"id": f"record/year/{y}", "updated": _when(first_published(day)), "link": f"/?as_of={first_published(day)}",
                        "title": f"Record year: {y} passed every earlier year on {long_date(day)}",
                        "summary": f"By {long_date(day)}, {int(run[i]):,} people had arrived in {y}, more than in any "
                                   f"earlier whole year (the most before: {before:,})."})
        totals[int(y)] = int(run[-1])
    return out


def build(store: Any, base_url: str) -> bytes:
    from feedgen.feed import FeedGenerator

    v = store.vintages()
    entries = publications(v) + revisions(store.revisions()) + records(store.daily(), v)
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    entries = entries[:MAX_ENTRIES]
    base = base_url.rstrip("/")
    fg = FeedGenerator()
    fg.id(f"{base}/feed.atom")
    fg.title("smallboats: small-boat crossings of the English Channel")
    fg.subtitle("New Home Office publications, revisions and records")
    fg.author({"name": "smallboats"})
    fg.link(href=f"{base}/feed.atom", rel="self", type="application/atom+xml")
    fg.link(href=f"{base}/", rel="alternate", type="text/html")
    fg.updated(entries[0]["updated"] if entries else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))
    for e in reversed(entries):  # feedgen prepends: add oldest first, so the newest comes first
        fe = fg.add_entry()
        fe.id(f"{base}/{e['id']}")
        fe.title(e["title"])
        fe.updated(e["updated"])
        fe.published(e["updated"])
        fe.link(href=base + e["link"], rel="alternate", type="text/html")
        fe.summary(e["summary"])
    return fg.atom_str(pretty=True)


@router.get("/feed.atom")
def feed(request: Request) -> Response:
    """The Atom feed; built once per store version and host."""
    state = request.app.state.smallboats
    state.refresh()
    base = str(request.base_url)
    key = f"{state.version}|{base}"
    with _lock:
        body = _cache.get(key)
        if body is None:
            body = build(state.store, base)
            _cache.clear()
            _cache[key] = body
    return Response(body, media_type=ATOM)
