"""The HTTP API: one GET endpoint per question under ``/api/v1/``, OpenAPI at ``/openapi.json``.

The store is opened read-only (an in-memory snapshot, see :meth:`Store.refresh`), checked
for a new vintage at most every few seconds, so ``smallboats fetch`` can write while this
serves. Answers carry an ETag (store version + request) and Cache-Control; ``If-None-Match``
gets 304. Bad parameters get 422, dates outside the record 404 with the covered range.

To add an endpoint, decorate a function with ``@router.get(...)`` / ``@router.post(...)`` in
this module and either return ``cached(request, lambda store: answer)`` (ETag, 304 and the
answer cache for free) or take ``store: StoreDep`` (the refreshed store) and answer yourself.
Starting the server and answering the questions import neither pandas nor pyarrow (most of its
memory): an endpoint whose answer needs them imports its module when asked, and names its
answer model with ``openapi_extra=answer_model("module:Model")``.
The question endpoints are ``async``: their work is a millisecond or so on cached arrays, so
they run on the event loop rather than hopping to a thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Annotated, Any, Callable, Iterable, Literal

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from . import __version__, conventions, questions as q
from .dates import parse_date
from .guard import TEST_HOSTS, Guard
from .store import Store, default_db_path

REFRESH_SECONDS = 5.0
CACHE_CONTROL = "public, max-age=60"
CACHE_SIZE = 4096
MAX_ARTICLE_BYTES = 1_000_000  # an article to check: far more than any news story


class Covered(BaseModel):
    start: dt.date
    end: dt.date


class Problem(BaseModel):
    """What was wrong with the request, in words."""

    detail: str
    covered: Covered | None = Field(None, description="The dates the record covers (404 only).")


class VintageInfo(BaseModel):
    id: int
    kind: str
    file_name: str
    published: dt.date
    figures_from: dt.date
    figures_to: dt.date
    n_observations: int
    notes: str | None = Field(None, description="Where the file was read other than literally (a slipped year in a date).")
    sha256: str


class Revision(BaseModel):
    freq: str
    date: dt.date
    metric: str
    old_value: int | None
    old_vintage: str
    old_published: dt.date
    new_value: int | None
    new_vintage: str
    new_published: dt.date


def _pin(path: Path) -> Path:
    """A hard link to the store file as it is now (``.NAME.served-PID-N``), so that a snapshot
    keeps reading the version it loaded while writers swap new ones in (``path`` itself where
    no link can be made, e.g. a read-only folder)."""
    try:
        link = path.with_name(f".{path.name}.served-{os.getpid()}-{time.time_ns()}")
        os.link(path, link)
        return link
    except OSError:
        return path


def _unpin(link: Path, path: Path) -> None:
    if link != path:
        link.unlink(missing_ok=True)


def _clear_stale_pins(path: Path) -> None:
    """Remove the links of servers that are no longer running (killed before they could)."""
    for link in path.parent.glob(f".{path.name}.served-*"):
        try:
            pid = int(link.name.rsplit("-", 2)[1])
            os.kill(pid, 0)
        except ProcessLookupError:
            link.unlink(missing_ok=True)
        except (ValueError, IndexError, PermissionError, OSError):
            pass


class _State:
    """The read-only store, its version, and a cache of rendered answers keyed by ETag.

    The store is read through a hard link to the version it loaded, so it keeps answering from
    that version however many writers swap new ones in. A new version is loaded and warmed in
    a background thread, then replaces the old one in one assignment: requests keep being
    answered from the old one meanwhile, nothing here waits on the file or on a writer, and no
    request pays for a new version's first computations."""

    #: A replaced version's link is kept this long for requests still reading it.
    RETIRE_SECONDS = 60.0

    def __init__(self, db_path: Path):
        self.path = db_path
        _clear_stale_pins(db_path)
        self.link = _pin(db_path) if db_path.exists() else db_path
        self.store = Store(self.link, read_only=True)
        self.version = self.store.version()
        self.checked = time.monotonic()
        self.lock = threading.Lock()
        self.loading = False
        self.load_error: str | None = None
        self.retired: list[tuple[float, Path]] = []
        self.cache: OrderedDict[str, bytes] = OrderedDict()
        self.warm(self.store)
        import atexit

        atexit.register(self.unpin_all)

    @staticmethod
    def warm(store: Store) -> None:
        """Compute what every question starts from now, not in the first request."""
        store.version()
        store.daily_columns()
        store.weekly_columns()
        try:
            q.ytd(store)
        except Exception:  # an empty store: the questions say so when asked
            pass

    def refresh(self) -> None:
        """At most once every REFRESH_SECONDS, see whether the file was replaced; if so, load
        it in a background thread (one at a time). Never blocks the caller."""
        if time.monotonic() - self.checked < REFRESH_SECONDS or self.loading:
            return
        with self.lock:
            if self.loading:
                return
            self.checked = time.monotonic()
            try:
                now, ours = self.path.stat(), self.link.stat()
            except OSError:
                return  # the file is gone for a moment: keep serving the snapshot we have
            if (now.st_ino, now.st_mtime_ns, now.st_size) == (ours.st_ino, ours.st_mtime_ns, ours.st_size):
                return
            self.loading = True
        threading.Thread(target=self._reload, name="smallboats-reload", daemon=True).start()

    def _reload(self) -> None:
        link = self.path
        try:
            link = _pin(self.path)
            fresh = Store(link, read_only=True)
            self.warm(fresh)
            version = fresh.version()
            from . import web

            web.warm(fresh, version)
            with self.lock:
                old = self.link
                self.store, self.version, self.link = fresh, version, link
                self.cache.clear()
                self.retired.append((time.monotonic(), old))
            self.load_error = None
        except Exception as exc:  # keep serving the old snapshot; try again at the next check
            self.load_error = f"{type(exc).__name__}: {exc}"
            if link != self.link:
                _unpin(link, self.path)
        finally:
            now = time.monotonic()
            for at, old in [r for r in self.retired if now - r[0] > self.RETIRE_SECONDS]:
                _unpin(old, self.path)
                self.retired.remove((at, old))
            self.checked = now
            self.loading = False

    def unpin_all(self) -> None:
        for _, old in self.retired:
            _unpin(old, self.path)
        _unpin(self.link, self.path)


def _state(request: Request) -> _State:
    state: _State = request.app.state.smallboats
    state.refresh()
    return state


async def get_store(request: Request) -> Store:
    """Dependency: the (refreshed) read-only store."""
    return _state(request).store


def etag(state: _State, request: Request) -> str:
    """Store version + a digest of the path and the (sorted) query."""
    query = b"&".join(sorted(request.scope["query_string"].split(b"&")))
    digest = hashlib.blake2b(request.scope["path"].encode() + b"?" + query, digest_size=10).hexdigest()
    return f'"{state.version}-{digest}"'


def cached(request: Request, compute: Callable[[Store], Any]) -> Response:
    """Answer from the cache, or 304 if the client has it, or ``compute(store)`` rendered as JSON."""
    state = _state(request)
    csv = conventions.wants_csv(request)
    tag = etag(state, request)[:-1] + ('-csv"' if csv else '"')
    headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"}
    if tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = state.cache.get(tag)
    if body is None:
        result = compute(state.store)
        if csv:
            body = conventions.to_csv(result)
        else:
            body = _LIST.dump_json(result) if isinstance(result, list) else result.model_dump_json().encode()
        with state.lock:
            state.cache[tag] = body
            while len(state.cache) > CACHE_SIZE:
                state.cache.popitem(last=False)
    return Response(body, media_type=conventions.CSV if csv else "application/json", headers=headers)


_LIST = TypeAdapter(list[Any])

#: the OpenAPI extension naming an operation's answer model: see :func:`answer_model`
_MODEL_KEY = "x-smallboats-answer-model"


def answer_model(name: str) -> dict[str, str]:
    """``openapi_extra`` for an endpoint that returns its own :class:`Response`, naming the
    ``module:Model`` of its answer instead of giving it as ``response_model``: for the answers
    defined in modules that import pandas (the claims, the forecast, who crosses, who dies). The
    model is imported only when the OpenAPI schema is made (:func:`document`), so that starting
    the server and answering the other questions never import pandas."""
    return {_MODEL_KEY: name}


async def load(module: str) -> Any:
    """Import ``module`` off the event loop: the first time, one that imports pandas (the claims)
    takes a second or so, which the other requests need not wait for."""
    return await run_in_threadpool(importlib.import_module, module)


def _answer() -> None:
    """The endpoint of the routes :func:`document` describes answers on (never called)."""


def document(app: FastAPI) -> None:
    """Make ``app``'s OpenAPI schema with the answers of :func:`answer_model`'s endpoints
    described by their models, as ``response_model`` would have described them (FastAPI
    describes them, on routes of their own)."""
    make = app.openapi
    lock = threading.Lock()

    def openapi() -> dict[str, Any]:
        with lock:
            return _described(make())

    def _described(schema: dict[str, Any]) -> dict[str, Any]:
        from fastapi.openapi.utils import get_openapi

        later = [op for ops in schema["paths"].values() for op in ops.values() if _MODEL_KEY in op]
        if not later:
            return schema
        described = APIRouter()
        for i, op in enumerate(later):
            module, name = op.pop(_MODEL_KEY).split(":")
            described.add_api_route(f"/{i}", _answer, response_model=getattr(importlib.import_module(module), name))
        found = get_openapi(title=app.title, version=app.version, routes=described.routes)
        defs = schema.setdefault("components", {}).setdefault("schemas", {})
        for key, value in found["components"]["schemas"].items():
            if defs.setdefault(key, value) != value:
                raise RuntimeError(f"two models are called {key}: the OpenAPI schema cannot tell them apart")
        for i, op in enumerate(later):
            json = op["responses"]["200"]["content"]["application/json"]
            json["schema"] = found["paths"][f"/{i}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        schema["components"]["schemas"] = dict(sorted(defs.items()))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def day(text: str | None, name: str, required: bool = False) -> dt.date | None:
    """A query parameter as a date, or 422 saying what to give. An optional one left blank
    (``?as_of=``, as an HTML form sends it) is absent: the default applies."""
    if not required and text == "":
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise q.InvalidQuestion(f"{name}: {exc}") from None


ERRORS: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the ETag sent in If-None-Match is current."},
    404: {"model": Problem, "description": "Dates outside the record; `covered` gives its range."},
    422: {"model": Problem, "description": "A parameter that could not be understood."},
}
router = APIRouter(prefix="/api/v1", responses={**conventions.CSV_RESPONSE, **ERRORS},
                   dependencies=[Depends(conventions.answer_format)])

# Dates are documented as ISO dates (format: date); prose such as '15 April 2025' is accepted too.
# An optional one may be left blank (as an HTML form sends it): the default applies.
DATE = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]}
AsOf = Annotated[str | None, Query(description="As known on this date: 2025-04-15 or '15 April 2025'. Default: the newest figures.",
                                   json_schema_extra=DATE)]
From = Annotated[str | None, Query(alias="from", description="First date (inclusive).", json_schema_extra=DATE)]
To = Annotated[str | None, Query(alias="to", description="Last date (inclusive).", json_schema_extra=DATE)]
FromRequired = Annotated[str, Query(alias="from", description="First date (inclusive).", json_schema_extra={"format": "date"})]
ToRequired = Annotated[str, Query(alias="to", description="Last date (inclusive).", json_schema_extra={"format": "date"})]


def _a_date(schema: dict[str, Any]) -> None:
    """An optional date that is not left blank either: a string in date format."""
    schema.pop("anyOf", None)
    schema.update(type="string", format="date")


# A day, ISO week, month or year: what rank and records take.
PERIOD = {"anyOf": [{"type": "string", "format": "date"},
                    {"type": "string", "pattern": r"^[1-9][0-9]{3}(-W(0[1-9]|[1-4][0-9]|5[0-2])|-(0[1-9]|1[0-2]))?$"}]}
KindQ = Annotated[Literal["day", "week", "month", "year"] | None, Query(description="Widen a day to the week, month or year containing it.")]
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/total", response_model=q.Total, summary="Arrivals and boats between two dates (inclusive)")
async def total_ep(request: Request, start: FromRequired, end: ToRequired, as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.total(store, day(start, "from", True), day(end, "to", True), day(as_of, "as_of")))  # type: ignore[arg-type]


@router.get("/ytd", response_model=q.Ytd, summary="Year to date against the same point of every earlier year")
async def ytd_ep(request: Request, at: Annotated[str | None, Query(description="The date (default: the last in the record).",
                                                                   json_schema_extra=DATE)] = None,
           as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.ytd(store, day(at, "at"), day(as_of, "as_of")))


@router.get("/records", response_model=q.Records, summary="Busiest days, weeks, months and years")
async def records_ep(request: Request, top: Annotated[int, Query(ge=1, le=100)] = 10,
               period: Annotated[str | None, Query(description="Check whether this day, week (2025-W18), month (2025-05) or year was a record when it happened.",
                                                   json_schema_extra=PERIOD)] = None,
               kind: KindQ = None, as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.records(store, top, day(as_of, "as_of"), period, kind))


@router.get("/compare", response_model=q.Comparison, summary="Two periods side by side")
async def compare_ep(request: Request, start: FromRequired,
               end: To = None,
               with_from: Annotated[str | None, Query(description="First date of the period to compare with (default: a year earlier).",
                                                      json_schema_extra=DATE)] = None,
               with_to: Annotated[str | None, Query(description="Last date of the period to compare with.", json_schema_extra=DATE)] = None,
               as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.compare(store, day(start, "from", True), day(end, "to"), day(with_from, "with_from"),  # type: ignore[arg-type]
                                             day(with_to, "with_to"), day(as_of, "as_of")))


@router.get("/streaks", response_model=q.Streaks, summary="Runs of days with and without arrivals")
async def streaks_ep(request: Request, year: Annotated[int | None, Query(ge=1, le=9999)] = None, as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.streaks(store, year, day(as_of, "as_of")))


@router.get("/rank", response_model=q.Rank, summary="Where a day, week, month or year stands among all of its kind")
async def rank_ep(request: Request,
            period: Annotated[str, Query(description="2025-04-15, '15 April 2025', 2025-W18, 2025-05, 'May 2025' or 2025.",
                                         json_schema_extra=PERIOD)],
            kind: KindQ = None, as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.rank(store, period, kind, day(as_of, "as_of")))


@router.get("/prevented", response_model=q.Prevented, summary="French preventions per week and the share of attempts prevented")
async def prevented_ep(request: Request, start: From = None, end: To = None, as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.prevented(store, day(start, "from"), day(end, "to"), day(as_of, "as_of")))


@router.get("/series", response_model=q.Series, summary="Arrivals, boats and uncontrolled landings by day, week, month or year")
async def series_ep(request: Request, freq: Literal["day", "week", "month", "year"] = "day",
              start: From = None, end: To = None, as_of: AsOf = None) -> Response:
    return cached(request, lambda store: q.series(store, freq, day(start, "from"), day(end, "to"), day(as_of, "as_of")))


@router.get("/vintages", response_model=list[VintageInfo], summary="Every publication with figures in the store")
async def vintages_ep(request: Request) -> Response:
    def compute(store: Store) -> list[Any]:
        return [VintageInfo(**r) for r in store.vintage_rows()]
    return cached(request, compute)


@router.get("/revisions", response_model=list[Revision], summary="Every value that changed between successive ODS vintages")
async def revisions_ep(request: Request, start: From = None, end: To = None) -> Response:
    def compute(store: Store) -> list[Any]:
        df = store.revisions(day(start, "from"), day(end, "to"))
        return [Revision(**r) for r in df.astype(object).where(df.notna(), None).to_dict("records")]
    return cached(request, compute)


@router.get("/forecast", openapi_extra=answer_model("smallboats.forecast:ForecastReport"),
            summary="Projected arrivals for the rest of the year, the whole year and the next 7 and 28 days, with 80% and 95% intervals")
async def forecast_ep(request: Request, as_of: AsOf = None,
                      year: Annotated[int | None, Query(ge=1, le=9999, description="Year to project (default: the as-of date's; the next one is allowed).")] = None) -> Response:
    from .forecast import ForecastError, forecast

    def compute(store: Store) -> BaseModel:
        try:
            return forecast(store, day(as_of, "as_of"), year).report()
        except ForecastError as exc:  # a year the record cannot project: outside it, like any date
            raise q.OutOfRange(str(exc), None, None) from None
    return cached(request, compute)


NOT_BLANK = {"pattern": r"\S"}  # an empty article is refused
ARTICLE = {"type": "string", **NOT_BLANK}


class CheckRequest(BaseModel):
    text: str = Field(description="The article: plain text, or a saved HTML page (its article body is extracted).",
                      json_schema_extra=NOT_BLANK)
    date: str | None = Field(None, description="The article's publication date: 2025-04-15 or '15 April 2025'. "
                                               "Required (here or as ?date=) unless infer_date is true.", json_schema_extra=_a_date)
    infer_date: bool = Field(False, description="Without a date, estimate one from the figures (the report says it is a guess).")


@router.post("/check",
             summary="Check every crossing figure in a news article against the record as it stood on its date",
             description="Send JSON `{\"text\": ..., \"date\": ...}`, or the article itself (text/plain or text/html) "
                         "with `?date=`. Without a date: 422, unless `infer_date` is true.",
             openapi_extra={**answer_model("smallboats.claims:Report"), "requestBody": {"required": True, "content": {
                 "application/json": {"schema": CheckRequest.model_json_schema()},
                 "text/plain": {"schema": ARTICLE}, "text/html": {"schema": ARTICLE}}}})
async def check_ep(request: Request, store: StoreDep,
                   date: Annotated[str | None, Query(description="Publication date, for a text or HTML body "
                                                                 "(required then, unless infer_date is true).", json_schema_extra=_a_date)] = None,
                   infer_date: Annotated[bool, Query(description="Estimate the date from the figures.")] = False) -> Response:
    raw = await request.body()
    if len(raw) > MAX_ARTICLE_BYTES:
        return _problem(413, f"the article is over {MAX_ARTICLE_BYTES // 1000:,} kB; send its text only")
    body: CheckRequest | None = None
    if "json" in request.headers.get("content-type", ""):
        try:
            body = CheckRequest.model_validate_json(raw)
        except ValidationError as exc:
            raise q.InvalidQuestion(f"body: {exc.errors()[0].get('msg', 'invalid')}; send {{\"text\": ..., \"date\": ...}}") from None
    # ?date= is read even when the JSON also has one (it wins), so that a wrong one is refused.
    published = day(date, "date", required=True)
    if body is not None:
        text, infer = body.text, body.infer_date or infer_date
        if body.date is not None:
            published = day(body.date, "date", required=True)
    else:
        text, infer = raw.decode("utf-8", errors="replace"), infer_date
    if not text.strip():
        raise q.InvalidQuestion("text: the article is empty")
    if published is None and not infer:
        raise q.InvalidQuestion("date: checking needs the article's publication date (or infer_date=true to estimate it)")
    await load("smallboats.claims.infer")
    from .claims import check as check_article
    from .claims.infer import NoDateFits

    try:
        report = await run_in_threadpool(check_article, text, published, store, infer_date=infer)
    except NoDateFits as exc:  # a well-formed request; no date in the record fits it
        raise q.OutOfRange(str(exc), None, None) from None
    except ValueError as exc:
        raise q.InvalidQuestion(str(exc)) from None
    if conventions.wants_csv(request):
        return Response(conventions.to_csv(report), media_type=conventions.CSV)
    return Response(report.model_dump_json(), media_type="application/json")


def _problem(status: int, detail: str, covered: Covered | None = None) -> JSONResponse:
    return JSONResponse(Problem(detail=detail, covered=covered).model_dump(mode="json", exclude_none=True), status_code=status)


def create_app(db_path: str | os.PathLike | None = None, hosts: Iterable[str] | None = None) -> FastAPI:
    """The FastAPI app over the store at ``db_path`` (default: $SMALLBOATS_DB), answering to
    the Host names ``hosts`` (default: 127.0.0.1, localhost, ::1 and the test client's name);
    see :mod:`smallboats.guard` for what every request passes first."""
    # The snapshot lives as long as the app: it holds no lock on the file, so there is
    # nothing to release at shutdown (and one app may be started by several servers).
    state = _State(Path(db_path) if db_path is not None else default_db_path())
    from fastapi_offline import FastAPIOffline  # /docs and /redoc with their scripts served from the package

    app = FastAPIOffline(title="smallboats", version=__version__, favicon_url="/favicon.svg",
                         redoc_url=None,  # conventions.redoc serves it, with a policy that keeps it offline
                         description="Small-boat arrivals across the English Channel (Home Office), as known on any date, "
                                     "each answer with the publications it came from.")
    app.state.smallboats = state

    @app.exception_handler(q.OutOfRange)
    async def _out_of_range(request: Request, exc: q.OutOfRange) -> JSONResponse:
        covered = Covered(start=exc.first, end=exc.last) if exc.first and exc.last else None
        return _problem(404, str(exc), covered)

    @app.exception_handler(q.InvalidQuestion)
    async def _invalid(request: Request, exc: q.InvalidQuestion) -> JSONResponse:
        return _problem(422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return _problem(422, "; ".join(parts))

    from . import api_people, web, web_people  # here, not at the top: they build on this module's router and store

    app.include_router(router)
    app.include_router(api_people.router)
    app.include_router(web.router)
    app.include_router(web_people.router)
    conventions.install(app)
    document(app)
    app.add_middleware(Guard, hosts=TEST_HOSTS if hosts is None else hosts)
    return app
