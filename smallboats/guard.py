"""What every HTTP request passes before it reaches the API or the dashboard (pure ASGI).

* **Host**: only the names this server is served under (127.0.0.1, localhost, ::1 and what
  ``serve --host`` / ``--allow-host`` add) are answered; any other Host header gets 421, so a
  web page on another domain that resolves to 127.0.0.1 (DNS rebinding) cannot read answers.
* **Cross-site writes**: a POST (or any method that is not GET/HEAD/OPTIONS) whose
  ``Sec-Fetch-Site`` is ``cross-site``/``same-site``, or whose ``Origin`` is not this server,
  gets 403: only this server's own pages (and clients that are not browsers) can post.
* **Bodies**: a body over the limit is refused with 413 from its Content-Length, or, without
  one, as soon as the bytes streamed in pass the limit, before the body is held; a body
  that stalls for longer than ``BODY_TIMEOUT_SECONDS`` gets 408.
* **Headers**: every answer carries X-Content-Type-Options, Content-Security-Policy,
  X-Frame-Options and Referrer-Policy.

Error bodies name the problem, never echo the request.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Awaitable, Callable, Iterable
from urllib.parse import urlsplit

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The names a local server answers to. ``testserver`` is the name Starlette's in-process
#: TestClient sends (no resolver maps it): ``create_app`` accepts it, ``serve`` does not.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
TEST_HOSTS = LOCAL_HOSTS + ("testserver",)

#: A POST body: an article to check is at most 1 MB of text; a form sends it URL-encoded
#: (up to 3 bytes per byte), JSON escapes it (up to 6 per byte for control characters).
MAX_BODY_BYTES = 6_000_000 + 65_536
BODY_TIMEOUT_SECONDS = 10.0

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
#: The interactive API docs run an inline start-up script.
CSP_DOCS = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _host_name(value: str) -> str:
    """'127.0.0.1:8000' -> '127.0.0.1'; '[::1]:8000' -> '::1'; lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """ASGI middleware: Host check, cross-site write refusal, body limit and timeout, headers."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = TEST_HOSTS, max_body: int = MAX_BODY_BYTES,
                 body_timeout: float = BODY_TIMEOUT_SECONDS):
        self.app = app
        self.hosts = {_host_name(h) for h in hosts}
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        send = self._with_headers(scope, send)
        host = _host_name(headers.get("host", ""))
        if host not in self.hosts:
            await _refuse(send, 421, "this server answers only to its own names (such as 127.0.0.1 or localhost); "
                                     "start it with --allow-host to add one")
            return
        method = scope.get("method", "GET").upper()
        if method not in SAFE_METHODS:
            site = headers.get("sec-fetch-site")
            origin = headers.get("origin")
            if site is not None and site not in ("same-origin", "none"):
                await _refuse(send, 403, "cross-site requests may not post here: use this server's own pages or a client")
                return
            if origin is not None and site != "same-origin" and not self._same_origin(origin, headers.get("host", "")):
                await _refuse(send, 403, "requests from other sites' pages may not post here: "
                                         "use this server's own pages or a client")
                return
            length = headers.get("content-length")
            if length is not None:
                if not length.strip().isdigit():
                    await _refuse(send, 400, "Content-Length must be a number of bytes")
                    return
                if int(length) > self.max_body:
                    await _refuse(send, 413, f"the body is over {self.max_body // 1_000_000} MB: "
                                             "an article to check is at most 1 MB of text")
                    return
            body = await self._read_body(receive, send)
            if body is None:
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    def _same_origin(self, origin: str, host: str) -> bool:
        """The Origin is this server: same host name and port as the Host header."""
        if origin == "null":
            return False
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        return parts.netloc.lower() == host.strip().lower() and _host_name(parts.netloc) in self.hosts

    async def _read_body(self, receive: Receive, send: Send) -> bytes | None:
        """The whole body, read while counting: None (after answering 413/408) past the limit
        or when the client stops sending."""
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout)
            except asyncio.TimeoutError:
                await _refuse(send, 408, f"the body did not arrive within {self.body_timeout:g} seconds")
                return None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _refuse(send, 413, f"the body is over {self.max_body // 1_000_000} MB: "
                                         "an article to check is at most 1 MB of text")
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    def _with_headers(scope: Scope, send: Send) -> Send:
        path = scope.get("path", "")
        csp = CSP_DOCS if path in DOCS_PATHS or path.startswith("/docs/") else CSP
        extra = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                 (b"referrer-policy", b"same-origin"), (b"content-security-policy", csp.encode())]

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []), *(h for h in extra if h[0] not in have)]}
            await send(message)
        return wrapped


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the (already read) body once, then waits on the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return replay


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# -- the server's connection timeouts ---------------------------------------------------------

#: A request's line and headers must arrive within this many seconds of its first byte (or of
#: the connection opening); an idle keep-alive connection is closed after KEEP_ALIVE_SECONDS.
HEADER_TIMEOUT_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
MAX_CONNECTIONS = 256


def server_config(app: ASGIApp, host: str, port: int, **kwargs: Any) -> Any:
    """A uvicorn Config with keep-alive, header and body timeouts and a connection bound:
    slow or idle connections are closed instead of held forever."""
    import uvicorn
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class TimedHttpToolsProtocol(HttpToolsProtocol):
        """uvicorn's httptools protocol, closing connections whose headers do not arrive in time."""

        _header_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._header_timer = self.loop.call_later(HEADER_TIMEOUT_SECONDS, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return uvicorn.Config(app, host=host, port=port, http=TimedHttpToolsProtocol, timeout_keep_alive=KEEP_ALIVE_SECONDS,
                          limit_concurrency=MAX_CONNECTIONS, h11_max_incomplete_event_size=64 * 1024, **kwargs)
