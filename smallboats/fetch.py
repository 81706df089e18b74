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

from .sources import Publication, SourceError, daily_page, ods, weekly_page
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


def base_url() -> str:
    return os.environ.get("SMALLBOATS_GOVUK_URL", DEFAULT_BASE_URL).rstrip("/")


def _client(timeout: float) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=2)  # connection-level retries
    return httpx.Client(transport=transport, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
                        follow_redirects=True, headers={"User-Agent": USER_AGENT})


def _get(client: httpx.Client, url: str, validators: dict[str, str] | None = None, attempts: int = 3) -> httpx.Response:
    """GET with conditional headers and retries on 429/5xx; network errors become FetchError."""
    headers = {}
    if validators:
        if etag := validators.get("etag"):
            headers["If-None-Match"] = etag
        if modified := validators.get("last-modified"):
            headers["If-Modified-Since"] = modified
    for attempt in range(attempts):
        try:
            resp = client.get(url, headers=headers)
        except httpx.TransportError as exc:
            raise FetchError(f"cannot reach {url} ({type(exc).__name__}: {exc or 'no answer'}); "
                             "are you offline? Nothing was changed.") from None
        if resp.status_code in (429, 500, 502, 503, 504) and attempt < attempts - 1:
            time.sleep(min(2 ** attempt, 4) * 0.5)
            continue
        if resp.status_code not in (200, 304):
            raise FetchError(f"{url} answered HTTP {resp.status_code}; nothing was changed.")
        return resp
    raise AssertionError("unreachable")


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
    store is left exactly as it was. Files that do not parse are reported (FetchError).
    """
    base = (base or base_url()).rstrip("/")
    today = today or dt.date.today()
    state_file = raw_dir / "http-validators.json"
    validators: dict[str, dict[str, str]] = json.loads(state_file.read_text()) if state_file.exists() else {}
    downloads: list[tuple[str, str, httpx.Response]] = []
    with _client(timeout) as client:
        pub_url = base + PUBLICATION
        pub_page = _get(client, pub_url)
        ods_url = find_ods_url(pub_url, pub_page.content)
        for kind, url in (("ods", ods_url), ("daily_page", base + DAILY), ("weekly_page", base + WEEKLY)):
            downloads.append((kind, url, _get(client, url, validators.get(url))))

    parsers = {"ods": ods.parse, "daily_page": daily_page.parse, "weekly_page": weekly_page.parse}
    report = FetchReport()
    parsed: list[tuple[Fetched, Publication, str]] = []
    problems: list[str] = []
    for kind, url, resp in downloads:
        if resp.status_code == 304:
            report.items.append(Fetched(kind, url, "not modified"))
            continue
        name = _file_name(kind, url, today)
        path = raw_dir / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(resp.content)  # the raw bytes are kept whatever happens next
        try:
            pub = parsers[kind](name, resp.content)
        except SourceError as exc:
            problems.append(str(exc))
            continue
        parsed.append((Fetched(kind, url, "", path), pub, sha256(resp.content)))
        validators[url] = {k: v for k in ("etag", "last-modified") if (v := resp.headers.get(k))}
    results = store.ingest_many([(pub, digest) for _, pub, digest in parsed])
    for (item, _, _), res in zip(parsed, results):
        item.status = {"added": "new"}.get(res.status, res.status)
        item.vintage_id = res.vintage_id
        report.items.append(item)
    raw_dir.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(validators, indent=2))
    if problems:
        raise FetchError("; ".join(problems) + " (raw files kept in " + str(raw_dir) + ")")
    return report


def _file_name(kind: str, url: str, today: dt.date) -> str:
    """Names the parsers understand: ODS as published, pages by the date they were fetched."""
    if kind == "ods":
        name = url.rsplit("/", 1)[-1].split("?")[0]
        return name if ods.published_from_name(name) else f"fetched_{today.isoformat()}_{name}"
    folder = "daily_small_boats" if kind == "daily_page" else "weekly_small_boats"
    return f"{folder}/{today.isoformat()}.html"
