"""Live fetching from gov.uk: the current ODS time series, daily page and weekly page.

An explicit command only (nothing else in smallboats touches the network). Raw bytes are
kept on disk before anything is parsed; conditional requests (ETag / Last-Modified) skip
what has not changed; a network failure changes nothing in the store.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import httpx
from selectolax.lexbor import LexborHTMLParser

from .build import parse_one
from .sources import Publication, SourceError, daily_page, limits, ods, weekly_page
from .store import Store, sha256

DEFAULT_BASE_URL = "https://www.gov.uk"
PUBLICATION = "/government/publications/migrants-detected-crossing-the-english-channel-in-small-boats"
DAILY = PUBLICATION + "/migrants-detected-crossing-the-english-channel-in-small-boats-last-7-days"
WEEKLY = PUBLICATION + "/weekly-summary-of-small-boat-arrivals-and-preventions"
USER_AGENT = "smallboats (+https://github.com/; public-interest fact-checking)"


class FetchError(RuntimeError):
    """gov.uk could not be reached or did not give what was expected; nothing was stored."""


@dataclass
class Fetched:
    kind: str
    url: str
    status: str  # "new" | "not modified" | "unchanged" | "notice"
    file: Path | None = None
    vintage_id: int | None = None
    detail: str = ""


@dataclass
class FetchReport:
    items: list[Fetched] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per file that was not stored


def base_url() -> str:
    return os.environ.get("SMALLBOATS_GOVUK_URL", DEFAULT_BASE_URL).rstrip("/")


def _client(timeout: float) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=2)  # connection-level retries
    return httpx.Client(transport=transport, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
                        follow_redirects=True, headers={"User-Agent": USER_AGENT})


@dataclass
class Got:
    """One answer, its body read up to a bound (``content`` None: the body was over it)."""

    url: str
    status_code: int
    headers: httpx.Headers
    content: bytes | None


def _get(client: httpx.Client, url: str, validators: dict[str, str] | None = None, attempts: int = 3,
         max_bytes: int = limits.MAX_PAGE_BYTES) -> Got:
    """GET with conditional headers and retries on 429/5xx; network errors become FetchError.
    The body is read as it streams in and dropped once it passes ``max_bytes``."""
    headers = {}
    if validators:
        if etag := validators.get("etag"):
            headers["If-None-Match"] = etag
        if modified := validators.get("last-modified"):
            headers["If-Modified-Since"] = modified
    for attempt in range(attempts):
        try:
            with client.stream("GET", url, headers=headers) as resp:
                if resp.status_code in (429, 500, 502, 503, 504) and attempt < attempts - 1:
                    retry = True
                else:
                    retry = False
                    if resp.status_code not in (200, 304):
                        raise FetchError(f"{url} answered HTTP {resp.status_code}; nothing was changed.")
                    body: bytes | None = _bounded(resp, max_bytes)
                    return Got(url, resp.status_code, resp.headers, body)
        except httpx.TransportError as exc:
            raise FetchError(f"cannot reach {url} ({type(exc).__name__}: {exc or 'no answer'}); "
                             "are you offline? Nothing was changed.") from None
        if retry:
            time.sleep(min(2 ** attempt, 4) * 0.5)
    raise AssertionError("unreachable")


def _bounded(resp: httpx.Response, max_bytes: int) -> bytes | None:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def find_ods_url(page_url: str, html: bytes) -> str:
    """The time-series ODS attachment linked from the publication page."""
    tree = LexborHTMLParser(html)
    links = [a.attributes.get("href") or "" for a in tree.css("a[href]")]
    ods_links = [h for h in links if h.lower().split("?")[0].endswith(".ods")]
    preferred = [h for h in ods_links if "time" in h.lower() and "series" in h.lower()] or ods_links
    if not preferred:
        raise FetchError(f"{page_url}: expected a link to the time-series .ods file; found none. Nothing was changed.")
    return urljoin(page_url, preferred[0])


def fetch(store: Store, raw_dir: Path, base: str | None = None, timeout: float = 20.0,
          today: dt.date | None = None) -> FetchReport:
    """Download the current publications, keep their raw bytes in ``raw_dir`` and ingest them.

    Everything is downloaded before anything is stored: if gov.uk cannot be reached, the
    store is left exactly as it was. A file that does not parse (or is too big, or carries
    figures from the future) is reported in ``problems``, one line each, and the others
    are stored all the same.
    """
    base = (base or base_url()).rstrip("/")
    today = today or dt.date.today()
    state_file = raw_dir / "http-validators.json"
    try:
        validators: dict[str, dict[str, str]] = json.loads(state_file.read_text()) if state_file.exists() else {}
    except (OSError, ValueError):
        validators = {}  # a damaged validators file only costs a full download
    downloads: list[tuple[str, str, Got]] = []
    with _client(timeout) as client:
        pub_url = base + PUBLICATION
        pub_page = _get(client, pub_url)
        if pub_page.content is None:
            raise FetchError(f"{pub_url}: the page is over {limits.MAX_PAGE_BYTES / 1e6:g} MB; nothing was changed.")
        ods_url = find_ods_url(pub_url, pub_page.content)
        for kind, url in (("ods", ods_url), ("daily_page", base + DAILY), ("weekly_page", base + WEEKLY)):
            cap = limits.MAX_ZIP_BYTES if kind == "ods" else limits.MAX_PAGE_BYTES
            downloads.append((kind, url, _get(client, url, validators.get(url), max_bytes=cap)))

    parsers = {"ods": ods.parse, "daily_page": daily_page.parse, "weekly_page": weekly_page.parse}
    report = FetchReport()
    parsed: list[tuple[Fetched, Publication, str]] = []
    for kind, url, resp in downloads:
        if resp.status_code == 304:
            report.items.append(Fetched(kind, url, "not modified"))
            continue
        name = _file_name(kind, url, today)
        if resp.content is None:
            report.problems.append(f"{name}: the file at {url} is too big to be the {kind.replace('_', ' ')}; it was not kept")
            continue
        path = raw_dir / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(resp.content)  # the raw bytes are kept whatever happens next
        try:
            pub = parse_one(name, resp.content, parsers[kind], today)
        except SourceError as exc:
            report.problems.append(str(exc))
            continue
        parsed.append((Fetched(kind, url, "", path), pub, sha256(resp.content)))
        validators[url] = {k: v for k in ("etag", "last-modified") if (v := resp.headers.get(k))}
    for (item, pub, digest) in parsed:  # one at a time: a file the store refuses does not sink the others
        try:
            res = store.ingest_many([(pub, digest)])[0]
        except Exception as exc:
            report.problems.append(f"{pub.file_name}: could not be stored ({type(exc).__name__}: {exc})")
            validators.pop(item.url, None)
            continue
        item.status = {"added": "new"}.get(res.status, res.status)
        item.vintage_id = res.vintage_id
        report.items.append(item)
    raw_dir.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(validators, indent=2))
    return report


def _file_name(kind: str, url: str, today: dt.date) -> str:
    """Names the parsers understand: ODS as published, pages by the date they were fetched."""
    if kind == "ods":
        name = url.rsplit("/", 1)[-1].split("?")[0]
        return name if ods.published_from_name(name) else f"fetched_{today.isoformat()}_{name}"
    folder = "daily_small_boats" if kind == "daily_page" else "weekly_small_boats"
    return f"{folder}/{today.isoformat()}.html"
