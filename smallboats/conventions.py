"""HTTP conventions around the API and the dashboard, in one place.

- ``HEAD`` on every ``GET`` route (the same headers, no body);
- gzip for answers over 1 kB when the client accepts it;
- ``ETag`` and ``Cache-Control`` on HTML pages and the feed too (the API's answers have their
  own, see :func:`smallboats.api.cached`); ``If-None-Match`` gets 304;
- ``?format=csv`` (or ``Accept: text/csv``) on every question: its table as CSV;
- ``/api/v1/``: an index of the endpoints; ``/healthz``; ``/favicon.ico`` and ``/favicon.svg``.

The offline ``/docs`` and ``/redoc`` come from fastapi-offline (see :func:`smallboats.api.create_app`)
and the Atom feed from :mod:`smallboats.feed`.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC = Path(__file__).resolve().parent / "static"
GZIP_MIN_BYTES = 1024
PAGE_CACHE_CONTROL = "public, max-age=60"
CSV = "text/csv; charset=utf-8"
DOCS_STATIC = "/static-offline-docs"  # where fastapi-offline mounts the Swagger UI and ReDoc files


# -- content negotiation for the questions -----------------------------------------------

async def answer_format(request: Request,
                        format: Annotated[Literal["json", "csv"] | None,  # noqa: A002 - the query parameter's name
                                          Query(description="json (default) or csv: the answer's table as CSV "
                                                            "(or send `Accept: text/csv`).")] = None) -> str:
    """The format asked for (a router dependency; ``async`` so that it runs on the event loop,
    not in a worker thread of its own for every request)."""
    return _format(request, format)


def _format(request: Request, format: str | None) -> str:  # noqa: A002
    """``?format=``, else ``text/csv`` in Accept, else JSON."""
    if format is not None:
        return format
    accept = request.headers.get("accept", "")
    return "csv" if "text/csv" in accept and "application/json" not in accept else "json"


def wants_csv(request: Request) -> bool:
    return _format(request, request.query_params.get("format")) == "csv"


def to_csv(result: Any) -> bytes:
    """An answer (or a list of rows) as CSV: the answer's main table (``to_pandas()``), a list as
    its rows, anything else flattened to one row."""
    import pandas as pd

    if hasattr(result, "to_pandas"):
        df = result.to_pandas()
    elif isinstance(result, list):
        df = pd.json_normalize([r.model_dump(mode="json") if hasattr(r, "model_dump") else r for r in result])
    else:
        df = pd.json_normalize(result.model_dump(mode="json", exclude={"evidence"}))
    return df.to_csv(index=False).encode()


CSV_RESPONSE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                      "description": "The answer; with ?format=csv or Accept: text/csv, its table as CSV."}}


# -- HEAD and ETags for what has none ------------------------------------------------------

class HeadAsGet:
    """Answer ``HEAD`` as the ``GET`` would, without the body (RFC 9110 9.3.2)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class PageETags:
    """A weak ETag (a digest of the body) and Cache-Control on successful GETs of HTML pages and
    feeds that set none themselves; ``If-None-Match`` with it gets 304."""

    TYPES = (b"text/html", b"application/atom+xml")

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if (message["status"] == 200 and b"etag" not in headers
                        and headers.get(b"content-type", b"").startswith(self.TYPES)):
                    start = message
                    return
                await send(message)
            elif start is None:
                await send(message)
            else:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._finish(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, buffer)

    @staticmethod
    async def _finish(scope: Scope, start: Message, body: bytes, send: Send) -> None:
        tag = 'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        asked = dict(scope.get("headers", [])).get(b"if-none-match", b"").decode("latin-1")
        headers = [(k, v) for k, v in start.get("headers", []) if k not in (b"etag", b"cache-control")]
        headers += [(b"etag", tag.encode()), (b"cache-control", PAGE_CACHE_CONTROL.encode())]
        if tag in asked or tag[2:] in asked:
            headers = [(k, v) for k, v in headers if k not in (b"content-length", b"content-type")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


# -- small routes --------------------------------------------------------------------------

router = APIRouter(include_in_schema=False)


@router.get("/api/v1/")
@router.get("/api/v1")
def api_index(request: Request) -> JSONResponse:
    """Every endpoint of the API: method, path, what it answers, and where the docs are."""
    endpoints = []
    for path, ops in request.app.openapi()["paths"].items():  # what the OpenAPI schema documents
        for method, op in ops.items():
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "parameters": [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]})
    return JSONResponse({"title": request.app.title, "version": request.app.version, "endpoints": endpoints,
                         "openapi": request.app.openapi_url, "docs": "/docs", "redoc": "/redoc",
                         "feed": "/feed.atom", "health": "/healthz",
                         "formats": "every GET question answers JSON, or CSV with ?format=csv or Accept: text/csv"})


@router.get("/healthz")
def healthz(request: Request) -> JSONResponse:
    """200 with the store's version and newest publication while the store can be read; 503 if not."""
    state = request.app.state.smallboats
    try:
        v = state.store.vintage_rows()
        newest = str(max(r["published"] for r in v)) if v else None
        return JSONResponse({"status": "ok", "store_version": state.version, "publications": len(v),
                             "newest_publication": newest}, headers={"Cache-Control": "no-store"})
    except Exception as exc:  # noqa: BLE001 - the health check reports any failure, in one line
        return JSONResponse({"status": "error", "detail": str(exc).splitlines()[0] if str(exc) else type(exc).__name__},
                            status_code=503, headers={"Cache-Control": "no-store"})


#: ReDoc's sidebar shows a logo from its makers' CDN: the policy keeps the page to this server.
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'")


@functools.cache
def _redoc_script() -> bytes:
    """fastapi-offline's ReDoc script with its one outside address (the "powered by" logo on
    cdn.redoc.ly) pointed at this server's favicon, so the page asks nothing of the network."""
    import fastapi_offline

    js = (Path(fastapi_offline.__file__).parent / "static" / "redoc.standalone.js").read_bytes()
    return js.replace(b"https://cdn.redoc.ly/redoc/logo-mini.svg", b"/favicon.svg")


@router.get("/redoc.standalone.js", include_in_schema=False)
def redoc_script() -> Response:
    return Response(_redoc_script(), media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/redoc")
def redoc(request: Request) -> Response:
    """ReDoc from fastapi-offline's copy of its script, and nothing from elsewhere."""
    from fastapi.openapi.docs import get_redoc_html

    page = get_redoc_html(openapi_url=request.app.openapi_url, title=f"{request.app.title} - ReDoc",
                          redoc_js_url="/redoc.standalone.js", redoc_favicon_url="/favicon.svg",
                          with_google_fonts=False)
    page.headers["Content-Security-Policy"] = DOCS_POLICY
    return page


@router.get("/favicon.ico")
def favicon_ico() -> FileResponse:
    return FileResponse(STATIC / "favicon.ico", media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/favicon.svg")
def favicon_svg() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


def install(app: FastAPI) -> None:
    """Add the routes and middleware above to ``app`` (after its own routes)."""
    from . import feed

    app.include_router(router)
    app.include_router(feed.router)
    app.add_middleware(PageETags)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(HeadAsGet)
