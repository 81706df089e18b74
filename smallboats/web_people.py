"""Dashboard pages "Who crosses" (``/who``: small-boat arrivals by nationality and age group per
year, from the Home Office's quarterly statistics as published by a date) and "Deaths"
(``/deaths``: dead and missing on the route to the UK per year, at sea and on land, from the
IOM Missing Migrants Project), with their charts (``/who/charts/{nationalities,ages}.{svg,png}``,
``/deaths/chart.{svg,png}``, the page's query and ``size=narrow``). Figures come from
:mod:`smallboats.people` and :mod:`smallboats.deaths`, the code the API answers with."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlencode

import numpy as np
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from . import charts
from .questions import long_date
from .web import PageError, StoreDep, Text, _ask, _date, _iso, error_page, page

if TYPE_CHECKING:  # imported by the pages that use them (they import pandas)
    from . import deaths as deaths_q, people

router = APIRouter(include_in_schema=False)
TOP = 8
CACHE_SIZE = 64
_CACHE: OrderedDict[tuple, Any] = OrderedDict()
_LOCK = threading.Lock()


def _cached(key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per key (the store's version is part of every key), a few dozen kept."""
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    value = compute()
    with _LOCK:
        _CACHE[key] = value
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def _links(base: str, params: dict[str, str]) -> dict[str, str]:
    query = {k: v for k, v in params.items() if v}
    q = urlencode(query)
    return {"svg": f"{base}.svg" + (f"?{q}" if q else ""), "png": f"{base}.png" + (f"?{q}" if q else ""),
            "narrow": f"{base}.svg?" + urlencode({**query, "size": "narrow"})}


def _year_x(years: list[int]) -> np.ndarray:
    return np.array([f"{y}-01-01" for y in years], dtype="datetime64[D]")


def who_years(store, as_of: dt.date | None) -> tuple[list[people.Who], str]:
    """One answer per year of the release current on ``as_of``, and the release's source line."""
    return _cached(("who", id(store), store.version(), as_of), lambda: _who_years(store, as_of))


def _who_years(store, as_of: dt.date | None) -> tuple[list[people.Who], str]:
    from . import people

    rel = people.years(store, as_of)
    answers = [people.who(store, int(y), as_of, top=200) for y in rel["year"]]
    v = answers[-1].evidence.vintages[0]
    source = (f"Source: {people.SOURCE}, release published {long_date(v.published)} ({v.file_name})"
              + (f"; as known on {long_date(as_of)}" if as_of else "") + ".")
    return answers, source


def who_chart(answers: list[people.Who], source: str, name: str) -> tuple[charts.Chart, list[str]]:
    """Lines per year: the top nationalities of the last year, or the age groups."""
    last = answers[-1]
    years = [int(a.period) for a in answers]
    if name == "nationalities":
        groups = [r.name for r in last.nationalities[:TOP]]
        table = lambda a: {r.name: r.arrivals for r in a.nationalities}  # noqa: E731
        title, what = f"Small-boat arrivals by nationality, top {TOP} of {last.period}", "nationality"
    else:
        groups = [r.name for r in sorted(last.age_groups, key=lambda r: r.name)]
        table = lambda a: {r.name: r.arrivals for r in a.age_groups}  # noqa: E731
        title, what = "Small-boat arrivals by age group", "age group"
    x = _year_x(years)
    lines = tuple(charts.Line(g, x, np.array([table(a).get(g, 0) for a in answers], dtype=float), highlight=i == 0)
                  for i, g in enumerate(groups))
    lead = last.nationalities[0] if name == "nationalities" and last.nationalities else None
    summary = (f"People arriving by small boat each year from {years[0]} to {years[-1]} by {what}"
               + (f"; in {last.period} the most were nationals of {lead.name} ({lead.arrivals:,})" if lead else "")
               + ("" if last.complete else f"; {last.period} has {', '.join(last.quarters)} only") + ".")
    return charts.Chart(title=title, x_label="Year", y_label="People arrived in the year", source=source,
                        summary=summary, style="lines", lines=lines), groups


def deaths_chart(ans: deaths_q.Deaths) -> charts.Chart:
    """Whole years only (the year in progress is in the table, "so far")."""
    rows = [y for y in ans.years if y.complete] or ans.years
    years = [y.year for y in rows]
    x = _year_x(years)
    lines = (charts.Line("all on the route", x, np.array([y.dead_missing for y in rows], float)),
             charts.Line("at sea", x, np.array([y.at_sea for y in rows], float), highlight=True),
             charts.Line("on land", x, np.array([y.on_land for y in rows], float)))
    best = ans.deadliest_year
    v = ans.evidence.vintages[0]
    summary = (f"Dead and missing on the route to the UK each year, {years[0]} to {years[-1]}, at sea and on land"
               + (f"; the deadliest year was {best.year} ({best.dead_missing:,}, {best.at_sea:,} at sea)" if best else "") + ".")
    source = (f"Source: {ans.attribution}, extract of {long_date(v.published)}; incidents on the route 'Mainland Europe "
              "to the UK'" + (f", dated by {long_date(ans.evidence.as_of)}" if ans.evidence.as_of else "")
              + ". IOM revises its counts as incidents are confirmed.")
    return charts.Chart(title="Dead and missing on the route to the UK, per year", x_label="Year",
                        y_label="People dead or missing", source=source, summary=summary, style="lines", lines=lines)


def _chart_response(store, chart: Callable[[], charts.Chart], fmt: str, size: str, name: str, as_of: dt.date | None) -> Response:
    if fmt not in ("svg", "png") or size not in ("wide", "narrow"):
        return Response("charts come as .svg or .png, wide or narrow", status_code=404, media_type="text/plain")
    body = _cached(("chart", id(store), store.version(), name, fmt, size, as_of),
                   lambda: charts.render(chart(), fmt, narrow=size == "narrow"))  # type: ignore[arg-type]
    stamp = f"as-of-{as_of}" if as_of else "latest"
    return Response(body, media_type="image/svg+xml" if fmt == "svg" else "image/png", headers={
        "Cache-Control": "public, max-age=60", "Content-Disposition": f'inline; filename="smallboats-{name}-{stamp}.{fmt}"'})


def _choices(store) -> list[dict[str, str]]:
    import pandas as pd

    from . import people

    v = people.releases(store)
    return [{"value": pd.Timestamp(p).date().isoformat(),
             "label": f"{pd.Timestamp(p):%-d %b %Y} — quarterly release to {pd.Timestamp(t):%b %Y}"}
            for p, t in zip(v["published"], v["figures_to"])][::-1]


@router.get("/who", response_class=HTMLResponse)
def who_page(request: Request, store: StoreDep, as_of: Text = None) -> HTMLResponse:
    """Arrivals by nationality and age group, per year, as known on a date."""
    ctx: dict[str, Any] = {"as_of": as_of or "", "choices": []}
    try:
        ctx["choices"] = _ask(lambda: _choices(store))
        when = _date(as_of, "as of")
        answers, source = _ask(lambda: who_years(store, when))
        nat_chart, nats = who_chart(answers, source, "nationalities")
        age_chart, ages = who_chart(answers, source, "ages")
    except PageError as exc:
        return error_page(request, "who.html", exc, **ctx)
    params = {"as_of": _iso(when)}
    ctx.update(as_of=_iso(when), answers=answers, last=answers[-1], source=source, nats=nats, ages=ages,
               figures=[{"id": "who-nationalities", "chart": nat_chart, "links": _links("/who/charts/nationalities", params)},
                        {"id": "who-ages", "chart": age_chart, "links": _links("/who/charts/ages", params)}],
               api_url="/api/v1/who?" + urlencode({"period": answers[-1].period, **({"as_of": _iso(when)} if when else {})}))
    return page(request, "who.html", **ctx)


@router.get("/who/charts/{name}.{fmt}")
def who_chart_ep(store: StoreDep, name: str, fmt: str, as_of: Text = None, size: str = "wide") -> Response:
    try:
        if name not in ("nationalities", "ages"):
            raise PageError("the charts are nationalities and ages", 404)
        when = _date(as_of, "as of")
        answers, source = _ask(lambda: who_years(store, when))
    except PageError as exc:
        return Response(str(exc), status_code=exc.status, media_type="text/plain")
    return _chart_response(store, lambda: who_chart(answers, source, name)[0], fmt, size, f"who-{name}", when)


@router.get("/deaths", response_class=HTMLResponse)
def deaths_page(request: Request, store: StoreDep, as_of: Text = None) -> HTMLResponse:
    """Dead and missing on the route to the UK per year, at sea and on land (IOM)."""
    from . import deaths as deaths_q

    try:
        when = _date(as_of, "as of")
        ans = _ask(lambda: deaths_q.deaths(store, None, None, when))
    except PageError as exc:
        return error_page(request, "deaths.html", exc, as_of=as_of or "")
    deadliest = sorted(ans.incident_list, key=lambda i: (-i.dead_missing, i.date))[:10]
    return page(request, "deaths.html", as_of=_iso(when), ans=ans, deadliest=deadliest,
                figure={"id": "deaths", "chart": deaths_chart(ans), "links": _links("/deaths/chart", {"as_of": _iso(when)})},
                api_url="/api/v1/deaths" + (f"?as_of={_iso(when)}" if when else ""))


@router.get("/deaths/chart.{fmt}")
def deaths_chart_ep(store: StoreDep, fmt: str, as_of: Text = None, size: str = "wide") -> Response:
    from . import deaths as deaths_q

    try:
        when = _date(as_of, "as of")
        ans = _ask(lambda: deaths_q.deaths(store, None, None, when))
    except PageError as exc:
        return Response(str(exc), status_code=exc.status, media_type="text/plain")
    return _chart_response(store, lambda: deaths_chart(ans), fmt, size, "deaths", when)
