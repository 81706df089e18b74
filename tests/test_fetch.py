"""`smallboats fetch` against a local HTTP server on 127.0.0.1 serving the real files."""

from __future__ import annotations

import hashlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from smallboats import fetch as fetch_mod
from smallboats.cli import app
from smallboats.sources import archive
from smallboats.store import Store

from .conftest import DATA, ODS_DIR

ODS = ODS_DIR / "fetched_2026-08-21_Small_boats_-_time_series.ods"
ODS_PATH = "/media/abc123/Small_boats_-_time_series.ods"


def _page(archive_name: str, member: str) -> bytes:
    return next(d for n, d in archive.iter_members(DATA / "pages" / archive_name) if n.endswith(member))


@pytest.fixture(scope="module")
def govuk():
    """A stand-in for gov.uk: the publication page (hand-made: no real copy of it is saved)
    links to the real ODS; the daily and weekly pages are real saved pages."""
    publication = (f'<html><body><main><h1>Migrants detected crossing the English Channel in small boats</h1>'
                   f'<a href="{ODS_PATH}">Small boats - time series (ODS)</a></main></body></html>').encode()
    files = {
        fetch_mod.PUBLICATION: publication,
        ODS_PATH: ODS.read_bytes(),
        fetch_mod.DAILY: _page("daily-last-7-days-pages.tar.xz", "2026-08-20.html"),
        fetch_mod.WEEKLY: _page("weekly-summary-pages.tar.xz", "2026-01-27.html"),
    }
    hits: list[tuple[str, int]] = []
    fail_once = {"503": True}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = files.get(self.path)
            if self.path == fetch_mod.WEEKLY and fail_once["503"]:
                fail_once["503"] = False
                return self._send(503, b"busy")
            if body is None:
                return self._send(404, b"not found")
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", etag)
            return self._send(200, body, etag)

        def _send(self, code, body, etag=None):
            hits.append((self.path, code))
            self.send_response(code)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def _dump(path) -> tuple:
    with Store(path, read_only=True) as s:
        return tuple(s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("vintages", "observations", "notices"))


def test_fetch_ingests_then_conditional_requests_skip(govuk, tmp_path):
    base, hits = govuk
    db, raw = tmp_path / "s.duckdb", tmp_path / "raw"
    with Store(db) as store:
        report = fetch_mod.fetch(store, raw, base)
        assert [(i.kind, i.status) for i in report.items] == [("ods", "new"), ("daily_page", "new"), ("weekly_page", "new")]
        kinds = sorted(store.vintages().kind)
    assert kinds == ["daily_page", "ods", "weekly_page"]
    assert (raw / "ods").is_dir() and any((raw / "ods").iterdir())  # raw bytes kept
    assert (fetch_mod.WEEKLY, 503) in hits  # retried after a 503
    before = _dump(db)
    with Store(db) as store:
        again = fetch_mod.fetch(store, raw, base)
    assert {i.status for i in again.items} == {"not modified"}
    assert _dump(db) == before


def test_offline_fails_clearly_and_changes_nothing(tmp_path):
    with socket.socket() as s:  # a port on 127.0.0.1 that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        from smallboats.build import ingest_file
        ingest_file(store, ODS)
    before = _dump(db)
    res = CliRunner().invoke(app, ["--db", str(db), "fetch", "--base-url", f"http://127.0.0.1:{port}", "--timeout", "2"])
    assert res.exit_code == 1
    assert "cannot reach" in res.output and "Nothing was changed" in res.output
    assert _dump(db) == before
