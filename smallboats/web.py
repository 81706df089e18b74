"""The web dashboard: server-rendered pages at ``/``, charts drawn on the server, downloads.

Pages: ``/`` (overview), ``/explore``, ``/revisions`` and, when :mod:`smallboats.claims` is
installed, ``/check``. Every figure comes from :mod:`smallboats.questions` (and the article
check from :func:`smallboats.claims.check`), the same code the API answers with. The check
page sends its form to ``POST /api/v1/check`` and draws the JSON report with
``static/check.js``; without JavaScript the form posts to ``/check`` and the same markup is
rendered here (``templates/check.html``). Charts:
``/charts/{name}.svg|png`` with the page's query parameters; downloads ``/explore.csv|json``.
Nothing is loaded from outside the server: no CDN, no web fonts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, AsyncIterator, Callable
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import charts, questions as q
from .api import MAX_ARTICLE_BYTES, get_store, load
from .dates import parse_date, shown
from .store import SERIES_KINDS, Store, StoreError


HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
ENV = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)
CHART_CACHE_SIZE = 128
METRICS = tuple(charts.METRIC_LABELS)


@asynccontextmanager
async def _warm(app: FastAPI) -> AsyncIterator[None]:
    """Load the record before the first visitor comes, so the overview's first paint does not
    wait for the store's first as-of selection."""
    try:
        q.ytd(app.state.smallboats.store)
    except StoreError:  # an empty store: the pages say so when asked
        pass
    yield


router = APIRouter(include_in_schema=False, lifespan=_warm)
StoreDep = Annotated[Store, Depends(get_store)]
Text = Annotated[str | None, Query()]


class PageError(Exception):
    """A page that cannot be shown as asked; ``status`` 404 (outside the record) or 422."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


# -- formatting (Jinja filters) ------------------------------------------------------------

def num(v: float | int | None, decimals: int = 0) -> str:
    """12345 -> '12,345'; None (published as "-") -> 'n/a'."""
    return "n/a" if v is None or v != v else f"{v:,.{decimals}f}"


def signed(v: float | int | None, decimals: int = 0, suffix: str = "") -> str:
    return "n/a" if v is None else f"{v:+,.{decimals}f}{suffix}"


def long_date(d: dt.date | None) -> str:
    return "" if d is None else q.long_date(d)


def short_date(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def week_range(start: dt.date, end: dt.date) -> str:
    """'22–28 Aug 2022', '29 Aug – 4 Sep 2022', '29 Dec 2025 – 4 Jan 2026'."""
    if start.year != end.year:
        return f"{short_date(start)} – {short_date(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%b} – {short_date(end)}"
    return f"{start.day}–{short_date(end)}"


ENV.filters.update(num=num, signed=signed, long_date=long_date, short_date=short_date, week_range=week_range)


def _iso(d: dt.date | None) -> str:
    return "" if d is None else d.isoformat()


def _date(text: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(text) if text else None
    except ValueError as exc:
        raise PageError(f"{name}: {exc}", 422) from None


def _ask(fn: Callable[[], Any]) -> Any:
    """Run a question; its errors become a :class:`PageError` the page shows."""
    try:
        return fn()
    except q.OutOfRange as exc:
        raise PageError(str(exc), 404) from None
    except (q.InvalidQuestion, ValueError) as exc:
        raise PageError(str(exc), 422) from None


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(
        path=request.url.path, as_known=as_known(request), **context)
    return HTMLResponse(html, status_code=status)


def as_known(request: Request) -> dict[str, Any] | None:
    """For the banner on every page asked ``as_of`` a date before the newest publication: the
    publication the figures come from, how many came later, and the page without ``as_of``."""
    try:
        when = parse_date(request.query_params.get("as_of") or None)
    except ValueError:
        return None  # the page says what is wrong with the date
    if when is None:
        return None
    v = request.app.state.smallboats.store.vintage_rows(SERIES_KINDS)
    if not v or when >= max(r["published"] for r in v):
        return None
    used = max((r for r in v if r["published"] <= when), key=lambda r: (r["published"], r["id"]), default=None)
    if used is None:
        return None
    rest = urlencode([(k, x) for k, x in request.query_params.multi_items() if k != "as_of"])
    return {"as_of": when, "file": used["file_name"], "published": used["published"],
            "later": sum(r["published"] > when for r in v), "newest": max(r["published"] for r in v),
            "newest_url": request.url.path + (f"?{rest}" if rest else "")}


def error_page(request: Request, template: str, exc: PageError, **context: Any) -> HTMLResponse:
    return page(request, template, status=exc.status, error=str(exc), **context)


def chart_links(name: str, params: dict[str, str]) -> dict[str, str]:
    """URLs of a chart as SVG and PNG, and as SVG laid out for a phone (``narrow``)."""
    query = urlencode({k: v for k, v in params.items() if v})
    links = {fmt: f"/charts/{name}.{fmt}" + (f"?{query}" if query else "") for fmt in ("svg", "png")}
    links["narrow"] = f"/charts/{name}.svg?" + urlencode({**{k: v for k, v in params.items() if v}, "size": "narrow"})
    return links


# -- the vintages, for the as-of pickers --------------------------------------------------

KIND_WORDS = {"ods": "ODS time series", "daily_page": "daily page", "weekly_page": "weekly page"}
_CHOICES: dict[tuple[int, str], list[dict[str, str]]] = {}


def store_version(request: Request) -> str:
    """The served store's version, as the API keeps it (changes when a vintage is added)."""
    return request.app.state.smallboats.version


def as_of_choices(request: Request, store: Store) -> list[dict[str, str]]:
    """One choice per publication date, newest first, naming what was published that day."""
    key = (id(store), store_version(request))
    if key not in _CHOICES:
        kinds: dict[dt.date, set[str]] = {}
        for r in store.vintage_rows(SERIES_KINDS):
            kinds.setdefault(r["published"], set()).add(KIND_WORDS.get(r["kind"], r["kind"]))
        out = []
        for d, words in kinds.items():
            out.append({"value": d.isoformat(), "label": f"{short_date(d)} — {', '.join(sorted(words))}"})
        _CHOICES.clear()
        _CHOICES[key] = out[::-1]
    return _CHOICES[key]


# -- charts ---------------------------------------------------------------------------------

_CHARTS: OrderedDict[tuple, bytes] = OrderedDict()
_CHARTS_LOCK = threading.Lock()


def chart_for(store: Store, name: str, as_of: dt.date | None, freq: str, start: dt.date | None,
              end: dt.date | None, metric: str) -> charts.Chart:
    if name == "cumulative":
        return charts.cumulative(store, q.ytd(store, as_of=as_of), as_of)
    if name == "daily":
        return charts.daily_bars(store, q.ytd(store, as_of=as_of).at, as_of)[0]
    if name == "ppb":
        return charts.people_per_boat(store, as_of)[0]
    if name == "explore":
        return charts.explore(q.series(store, freq, start, end, as_of), metric)  # type: ignore[arg-type]
    raise PageError(f"no chart {shown(name)}; charts: cumulative, daily, ppb, explore", 404)


_RENDERING: dict[tuple, threading.Lock] = {}


def _chart_body(store: Store, version: str, name: str, fmt: str, size: str, args: tuple) -> bytes:
    """A rendered chart from the cache, or rendered once however many ask for it at the same
    time (the others wait for that one rather than each drawing it)."""
    key = (id(store), version, name, fmt, size, *args)
    with _CHARTS_LOCK:
        body = _CHARTS.get(key)
        if body is not None:
            return body
        rendering = _RENDERING.setdefault(key, threading.Lock())
    with rendering:
        with _CHARTS_LOCK:
            body = _CHARTS.get(key)
        if body is None:
            chart = _ask(lambda: chart_for(store, name, *args))
            body = charts.render(chart, fmt, narrow=size == "narrow")  # type: ignore[arg-type]
            with _CHARTS_LOCK:
                _CHARTS[key] = body
                while len(_CHARTS) > CHART_CACHE_SIZE:
                    _CHARTS.popitem(last=False)
    with _CHARTS_LOCK:
        _RENDERING.pop(key, None)
    return body


def warm(store: Store, version: str) -> None:
    """Draw the overview's charts for a new version of the store before it is served."""
    for name in ("cumulative", "daily", "ppb"):
        try:
            _chart_body(store, version, name, "svg", "wide", (None, "month", None, None, "arrivals"))
        except PageError:
            pass


@router.get("/charts/{name}.{fmt}")
def chart_ep(request: Request, store: StoreDep, name: str, fmt: str, as_of: Text = None, freq: str = "month",
             start: Annotated[str | None, Query(alias="from")] = None, end: Annotated[str | None, Query(alias="to")] = None,
             metric: str = "arrivals", size: str = "wide") -> Response:
    """A chart as SVG or PNG; the same query parameters as the page it is on, and ``size``
    wide (default) or narrow (for phones)."""
    try:
        if fmt not in ("svg", "png") or size not in ("wide", "narrow"):
            raise PageError("charts come as .svg or .png, wide or narrow", 404)
        if metric not in METRICS or freq not in q.KINDS:
            raise PageError(f"metric must be one of {', '.join(METRICS)} and freq one of {', '.join(q.KINDS)}", 422)
        args = (_date(as_of, "as of"), freq, _date(start, "from"), _date(end, "to"), metric)
        body = _chart_body(store, store_version(request), name, fmt, size, args)
    except PageError as exc:
        return Response(str(exc), status_code=exc.status, media_type="text/plain")
    stamp = f"as-of-{args[0]}" if args[0] else "latest"
    return Response(body, media_type="image/svg+xml" if fmt == "svg" else "image/png", headers={
        "Cache-Control": "public, max-age=60",
        "Content-Disposition": f'inline; filename="smallboats-{name}-{stamp}.{fmt}"'})


# -- pages ----------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep, as_of: Text = None) -> HTMLResponse:
    """Latest day, year to date against earlier years, the charts, top records."""
    choices = as_of_choices(request, store)
    try:
        when = _date(as_of, "as of")
        ytd = _ask(lambda: q.ytd(store, as_of=when))
        latest = _ask(lambda: q.total(store, ytd.at, ytd.at, when))
        records = _ask(lambda: q.records(store, top=5, as_of=when))
        daily_chart, daily = _ask(lambda: charts.daily_bars(store, ytd.at, when))
        ppb_chart, months = _ask(lambda: charts.people_per_boat(store, when))
        cum_chart = _ask(lambda: charts.cumulative(store, ytd, when))
    except PageError as exc:
        return error_page(request, "overview.html", exc, as_of=as_of or "", choices=choices)
    params = {"as_of": _iso(when)}
    figures = [
        {"id": "cumulative", "chart": cum_chart, "links": chart_links("cumulative", params)},
        {"id": "daily", "chart": daily_chart, "links": chart_links("daily", params), "rows": daily.periods[::-1]},
        {"id": "ppb", "chart": ppb_chart, "links": chart_links("ppb", params), "rows": months.periods[::-1]},
    ]
    return page(request, "overview.html", as_of=_iso(when), choices=choices, ytd=ytd, latest=latest,
                latest_vintage=max(latest.evidence.vintages, key=lambda v: (v.published, v.id)),
                records=records, figures=figures)


def _explore_args(store: Store, freq: str, start: str | None, end: str | None, as_of: str | None,
                  metric: str) -> tuple[str, dt.date | None, dt.date, dt.date, str]:
    """Explore's parameters with defaults: by month, from 1 January of the year before the last
    day in the record (by year: from the first year) to that day, newest figures."""
    if freq not in q.KINDS:
        raise PageError(f"frequency must be one of {', '.join(q.KINDS)}; got {shown(freq)}", 422)
    if metric not in METRICS:
        raise PageError(f"chart must show one of {', '.join(METRICS)}; got {shown(metric)}", 422)
    when = _date(as_of, "as of")
    a, b = _date(start, "from"), _date(end, "to")
    if a is None or b is None:
        ytd = _ask(lambda: q.ytd(store, as_of=when))
        b = b or ytd.at
        a = a or (ytd.years[0].start if freq == "year" else dt.date(max(b.year - 1, dt.MINYEAR), 1, 1))  # by year: every year
    return freq, when, a, b, metric


@router.get("/explore", response_class=HTMLResponse)
def explore(request: Request, store: StoreDep, freq: str = "month", start: Annotated[str | None, Query(alias="from")] = None,
            end: Annotated[str | None, Query(alias="to")] = None, as_of: Text = None, metric: str = "arrivals") -> HTMLResponse:
    """A period, a frequency and a vintage: chart, table, CSV and JSON of exactly that."""
    form = {"freq": freq, "from": start or "", "to": end or "", "as_of": as_of or "", "metric": metric}
    choices = as_of_choices(request, store)
    try:
        freq, when, a, b, metric = _explore_args(store, freq, start, end, as_of, metric)
        ans = _ask(lambda: q.series(store, freq, a, b, when))  # type: ignore[arg-type]
        chart = charts.explore(ans, metric)
    except PageError as exc:
        return error_page(request, "explore.html", exc, form=form, choices=choices, metrics=charts.METRIC_LABELS)
    params = {"freq": freq, "from": a.isoformat(), "to": b.isoformat(), "as_of": _iso(when), "metric": metric}
    query = urlencode({k: v for k, v in params.items() if v and k != "metric"})
    form.update({"freq": freq, "from": a.isoformat(), "to": b.isoformat(), "as_of": _iso(when), "metric": metric})
    return page(request, "explore.html", form=form, choices=choices, metrics=charts.METRIC_LABELS, ans=ans,
                figure={"id": "explore", "chart": chart, "links": chart_links("explore", params)},
                csv_url=f"/explore.csv?{query}", json_url=f"/explore.json?{query}", api_url=f"/api/v1/series?{query}")


COLUMNS = ("period_start", "period_end", "arrivals", "boats", "uncontrolled_boats", "days", "complete")


def _download(store: Store, freq: str, start: str | None, end: str | None, as_of: str | None) -> q.Series:
    freq, when, a, b, _ = _explore_args(store, freq, start, end, as_of, "arrivals")
    return _ask(lambda: q.series(store, freq, a, b, when))  # type: ignore[arg-type]


def _filename(ans: q.Series, ext: str) -> str:
    stamp = f"-as-of-{ans.evidence.as_of}" if ans.evidence.as_of else ""
    return f"smallboats-{ans.freq}-{ans.evidence.start}-to-{ans.evidence.end}{stamp}.{ext}"


@router.get("/explore.csv")
def explore_csv(store: StoreDep, freq: str = "month", start: Annotated[str | None, Query(alias="from")] = None,
                end: Annotated[str | None, Query(alias="to")] = None, as_of: Text = None) -> Response:
    """The Explore table as CSV: one row per period, empty where not available."""
    try:
        ans = _download(store, freq, start, end, as_of)
    except PageError as exc:
        return Response(str(exc), status_code=exc.status, media_type="text/plain")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in ans.periods:
        w.writerow(["" if getattr(r, c) is None else str(getattr(r, c)).lower() if c == "complete" else getattr(r, c)
                    for c in COLUMNS])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(ans, "csv")}"'})


@router.get("/explore.json")
def explore_json(store: StoreDep, freq: str = "month", start: Annotated[str | None, Query(alias="from")] = None,
                 end: Annotated[str | None, Query(alias="to")] = None, as_of: Text = None) -> Response:
    """The Explore table as JSON: the API's ``/api/v1/series`` answer, with its evidence."""
    try:
        ans = _download(store, freq, start, end, as_of)
    except PageError as exc:
        return Response(str(exc), status_code=exc.status, media_type="text/plain")
    return Response(ans.model_dump_json(), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(ans, "json")}"'})


@router.get("/revisions", response_class=HTMLResponse)
def revisions(request: Request, store: StoreDep, start: Annotated[str | None, Query(alias="from")] = None,
              end: Annotated[str | None, Query(alias="to")] = None) -> HTMLResponse:
    """What changed between successive ODS vintages, newest publication first."""
    form = {"from": start or "", "to": end or ""}
    try:
        df = store.revisions(_date(start, "from"), _date(end, "to"))
    except PageError as exc:
        return error_page(request, "revisions.html", exc, form=form, groups=[], total=0)
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    groups: list[dict[str, Any]] = []
    for r in rows:
        key = (r["new_vintage"], r["old_vintage"])
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "new_vintage": r["new_vintage"], "new_published": r["new_published"],
                           "old_vintage": r["old_vintage"], "old_published": r["old_published"], "rows": []})
        old, new = r["old_value"], r["new_value"]
        r["change"] = None if old is None or new is None else new - old
        groups[-1]["rows"].append(r)
    return page(request, "revisions.html", form=form, groups=groups, total=len(rows))


VERDICT_CLASSES = {"accurate": "accurate", "close": "close", "inaccurate": "inaccurate", "unverifiable": "unverifiable",
                   "not a crossing figure": "not-crossing"}


def _check_page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    from .claims.report import MARK

    return page(request, "check.html", status=status, classes=VERDICT_CLASSES, marks=MARK,
                max_bytes=MAX_ARTICLE_BYTES, **context)


@router.get("/check", response_class=HTMLResponse)
def check(request: Request) -> HTMLResponse:
    """Paste an article (or open an HTML file) and give its publication date."""
    return _check_page(request, form={"text": "", "date": ""})


@router.post("/check", response_class=HTMLResponse)
async def check_post(request: Request, store: StoreDep) -> HTMLResponse:
    """The article with each claim marked by verdict, and each claim's evidence beside it: the
    page without JavaScript (with it, check.js asks ``POST /api/v1/check`` and draws the same)."""
    await load("smallboats.claims.report")
    from .claims import check as check_article
    from .claims.report import marked

    body = await request.body()
    if len(body) > MAX_ARTICLE_BYTES:
        return _check_page(request, 413, form={"text": "", "date": ""},
                           error=f"the article is over {MAX_ARTICLE_BYTES // 1000:,} kB; paste its text only")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    form = {k: fields.get(k, [""])[0].replace("\r\n", "\n") for k in ("text", "date")}  # forms send CRLF
    try:
        if not form["text"].strip():
            raise PageError("paste the article's text (or open its HTML file) first", 422)
        when = _date(form["date"], "publication date")
        if when is None:
            raise PageError("give the article's publication date: figures are checked as published by then", 422)
        report = await run_in_threadpool(lambda: _ask(lambda: check_article(form["text"], when, store)))
    except PageError as exc:
        return _check_page(request, exc.status, form=form, error=str(exc))
    return _check_page(request, form=form, report=report, segments=marked(report.text, report.claims))


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The stylesheet and scripts shipped in the package (nothing from a CDN)."""
    files = {p.name: p for p in STATIC.iterdir() if p.is_file()}
    if name not in files:
        return Response("not found", status_code=404, media_type="text/plain")
    return FileResponse(files[name], headers={"Cache-Control": "public, max-age=3600"})
