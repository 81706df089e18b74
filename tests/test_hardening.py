"""Hostile input and concurrent writers: bounded memory and output, refusals in words, no
500s, no stalls. Servers run in a subprocess on 127.0.0.1 (their memory measured from
/proc), every load is bounded in count and time, and the store is compared before and after."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from smallboats import api
from smallboats.sources import Observation, Publication, archive
from smallboats.store import Store

from .conftest import DATA
from .oracle import DEC_12, NEWEST, OLDEST

PY = sys.executable
NUMBERS = ("1,075 " * 13334).encode()  # 80 kB, one "sentence" of 13,334 numbers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM (peak) of a process, in kB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            k, v = line.split(":")
            out[k] = int(v.split()[0])
    return out


def _reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM := VmRSS


def _dump(path: Path) -> tuple:
    with Store(path, read_only=True) as s:
        return tuple(s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("vintages", "observations", "notices"))


def _serve(db: Path, *extra: str) -> tuple[str, subprocess.Popen]:
    port = _free_port()
    proc = subprocess.Popen([PY, "-m", "smallboats.cli", "--db", str(db), "serve", "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "the server exited"
        try:
            if httpx.get(url + "/api/v1/vintages", timeout=2).status_code == 200:
                return url, proc
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def served(db_path, tmp_path_factory):
    """`smallboats serve` in a subprocess over a copy of the built store."""
    path = tmp_path_factory.mktemp("served") / "smallboats.duckdb"
    shutil.copy(db_path, path)
    url, proc = _serve(path)
    yield url, proc, path
    _stop(proc)


# -- memory and output ------------------------------------------------------------------------

def test_a_run_of_numbers_is_refused_within_a_memory_bound(served):
    url, proc, path = served
    before = _dump(path)
    base = _status(proc.pid)["VmRSS"]
    _reset_peak(proc.pid)
    started = time.monotonic()
    r = httpx.post(url + "/api/v1/check?date=2025-10-22", content=NUMBERS, headers={"Content-Type": "text/plain"}, timeout=60)
    seconds = time.monotonic() - started
    peak = _status(proc.pid)["VmHWM"]
    assert r.status_code == 422 and "13,334 numbers" in r.json()["detail"] and "at most 500" in r.json()["detail"]
    assert len(r.content) < 500 and "1,075 1,075" not in r.text  # the input is not echoed
    assert peak - base < 150_000, f"the check grew the server by {(peak - base) / 1000:.0f} MB"
    assert seconds < 30
    assert _dump(path) == before


def test_a_long_list_of_figures_under_the_cap_is_answered_in_bounded_output(served):
    url, proc, _ = served
    text = "On 3 March 2026, " + "1,075 people crossed, " * 450 + "officials said."
    _reset_peak(proc.pid)
    base = _status(proc.pid)["VmRSS"]
    r = httpx.post(url + "/api/v1/check", json={"text": text, "date": "2026-03-10"}, timeout=120)
    assert r.status_code == 200, r.text
    report = r.json()
    assert len(report["claims"]) == 450
    # each sentence once, none longer than the bound, every claim pointing at its own
    assert all(len(s["text"]) <= 2000 for s in report["sentences"]) and len(report["sentences"]) >= len(text) // 2000
    by_index = {s["index"]: s for s in report["sentences"]}
    for c in report["claims"]:
        s = by_index[c["sentence_index"]]
        assert tuple(s["span"]) == tuple(c["sentence_span"]) and s["span"][0] <= c["span"][0] < c["span"][1] <= s["span"][1]
    assert sum(len(s["text"]) for s in report["sentences"]) <= len(text)
    assert len(r.content) < 3_000 * len(report["claims"])  # linear in the claims, not claims x sentence
    assert _status(proc.pid)["VmHWM"] - base < 300_000


def test_the_cli_check_refuses_a_run_of_numbers_in_one_line_and_bounded_memory(db_path, tmp_path):
    article = tmp_path / "numbers.txt"
    article.write_bytes(NUMBERS)
    # the peak of this process's own memory (VmHWM): ru_maxrss would carry over the forking test worker's
    # high-water mark across exec, and measure the suite rather than the command
    code = ("import re, sys\nfrom smallboats.cli import main\nsys.argv = ['smallboats', *sys.argv[1:]]\n"
            "try:\n    main()\nfinally:\n"
            "    hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1]\n"
            "    sys.stderr.write(f'\\nmaxrss_kb={hwm}\\n')")
    res = subprocess.run([PY, "-c", code, "--db", str(db_path), "check", str(article), "--date", "2025-10-22", "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 1 and res.stdout == ""
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 2 and "13,334 numbers" in lines[0], res.stderr
    maxrss = int(lines[1].split("=")[1])
    assert maxrss < 700_000, f"{maxrss / 1000:.0f} MB"


# -- what may reach the server ----------------------------------------------------------------

def _raw(url: str, head: str, body_chunks=(), read_timeout: float = 15.0) -> tuple[int, int]:
    """Send a request by hand; (HTTP status, bytes of body sent before the answer came)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=read_timeout) as s:
        s.sendall(head.encode())
        sent = 0
        s.setblocking(False)
        answer = b""
        for chunk in body_chunks:
            try:
                answer += s.recv(65536)
            except BlockingIOError:
                pass
            if answer:
                break
            try:
                s.setblocking(True)
                s.sendall(chunk)
                sent += len(chunk)
                s.setblocking(False)
            except (BrokenPipeError, ConnectionResetError):
                break
        s.setblocking(True)
        s.settimeout(read_timeout)
        while b"\r\n" not in answer:
            more = s.recv(65536)
            if not more:
                break
            answer += more
    return int(answer.split(b" ", 2)[1]), sent


def test_a_100_mb_body_is_refused_before_it_is_read(served):
    url, proc, _ = served
    base = _status(proc.pid)["VmRSS"]
    _reset_peak(proc.pid)
    head = ("POST /api/v1/check?date=2025-10-22 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            "Content-Length: 100000000\r\n\r\n")
    started = time.monotonic()
    status, _ = _raw(url, head)  # nothing of the body is sent: the answer comes from the header
    assert status == 413 and time.monotonic() - started < 5
    # without a length: refused as the bytes stream in, long before 100 MB
    chunk = b"x" * (1 << 20)
    head = ("POST /api/v1/check?date=2025-10-22 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    status, sent = _raw(url, head, (framed for _ in range(100)))
    assert status == 413 and sent < 30 * len(framed), f"{sent / 1e6:.0f} MB were sent before the answer"
    assert _status(proc.pid)["VmHWM"] - base < 100_000


def test_foreign_hosts_and_cross_site_posts_are_refused(served):
    url, _, path = served
    before = _dump(path)
    article = {"text": "In 2025, 41,472 people crossed the Channel in small boats.", "date": "2026-01-05"}
    r = httpx.get(url + "/api/v1/vintages", headers={"Host": "attacker.example"})
    assert r.status_code == 421 and "own names" in r.json()["detail"]
    assert httpx.get(url + "/", headers={"Host": "testserver"}).status_code == 421  # only in-process test clients
    for headers in ({"Origin": "https://attacker.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"},
                    {"Origin": "http://127.0.0.1:1"}):
        r = httpx.post(url + "/api/v1/check", json=article, headers=headers)
        assert r.status_code == 403 and "post here" in r.json()["detail"], headers
        r = httpx.post(url + "/check", data=article, headers=headers)
        assert r.status_code == 403, headers
    r = httpx.post(url + "/api/v1/check", content=article["text"], params={"date": article["date"]},
                   headers={"Content-Type": "text/plain", "Origin": url, "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200 and r.json()["claims"]
    assert httpx.post(url + "/api/v1/check", json=article).status_code == 200  # a client that is not a browser
    for page in ("/", "/api/v1/total?from=2025-01-01&to=2025-01-31", "/charts/daily.svg", "/nowhere"):
        h = httpx.get(url + page).headers
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY", page
        assert "default-src 'self'" in h["content-security-policy"] and h["referrer-policy"] == "same-origin"
    assert _dump(path) == before


def test_error_bodies_do_not_echo_the_input(client_app):
    evil = "<script>alert(1)</script>"
    for path, params in (("/charts/daily.svg", {"as_of": evil}), ("/api/v1/total", {"from": evil, "to": "2025-01-01"}),
                         ("/api/v1/rank", {"period": evil}), ("/explore", {"from": evil}), ("/explore.csv", {"to": evil}),
                         ("/api/v1/series", {"freq": evil})):
        r = client_app.get(path, params=params)
        assert r.status_code in (404, 422), (path, r.status_code)
        if r.headers["content-type"].startswith("text/html"):  # the form shows what was typed, escaped
            assert "<script" not in r.text, path
        else:
            assert "alert(1)" not in r.text and "<script" not in r.text, (path, r.text[:300])


@pytest.fixture(scope="module")
def client_app(db_path):
    with TestClient(api.create_app(db_path)) as c:
        yield c


def test_slow_and_idle_connections_are_closed(db_path, monkeypatch):
    import uvicorn

    from smallboats import guard

    monkeypatch.setattr(guard, "HEADER_TIMEOUT_SECONDS", 1.0)
    monkeypatch.setattr(guard, "KEEP_ALIVE_SECONDS", 1)
    port = _free_port()
    srv = uvicorn.Server(guard.server_config(api.create_app(db_path, hosts=guard.LOCAL_HOSTS), "127.0.0.1", port,
                                             log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    try:
        def closed_after(first: bytes) -> float:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                started = time.monotonic()
                s.sendall(first)
                while s.recv(65536):
                    pass
                return time.monotonic() - started
        assert closed_after(b"") < 4  # connected, never spoke
        assert closed_after(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow") < 4  # headers that never end
        # a body that never comes: wait longer than the server's body timeout for its 408
        with socket.create_connection(("127.0.0.1", port), timeout=guard.BODY_TIMEOUT_SECONDS + 15) as s:
            s.sendall(b"POST /api/v1/check?date=2025-10-22 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc")
            started = time.monotonic()
            answer = s.recv(65536)
        assert answer.startswith(b"HTTP/1.1 408") and time.monotonic() - started < guard.BODY_TIMEOUT_SECONDS + 5
    finally:
        srv.should_exit = True
        thread.join(10)


# -- readers and writers ----------------------------------------------------------------------

def _publication(n: int) -> tuple[Publication, bytes]:
    day = dt.date(2026, 8, 22)
    return (Publication("ods", f"writer_test_{n}.ods", [Observation("day", day, "arrivals", 100 + n)], published=day + dt.timedelta(days=1)),
            f"writer test {n}".encode())


def test_writes_while_serving_under_load_give_no_500_and_no_slow_answer(db_path, tmp_path):
    path = tmp_path / "busy.duckdb"
    shutil.copy(db_path, path)
    url, proc = _serve(path)
    try:
        paths = ["/api/v1/total?from=2025-01-01&to=2025-12-31", "/api/v1/ytd", "/api/v1/records?top=5",
                 "/api/v1/series?freq=month&from=2025-01-01", "/api/v1/rank?period=2025-W18", "/api/v1/vintages",
                 "/explore?freq=week&from=2026-01-01"]
        for p in paths:  # first answers (templates, charts) are not what this measures
            assert httpx.get(url + p, timeout=30).status_code == 200
        results: list[tuple[int, float]] = []
        stop = time.monotonic() + 45
        writes_done = threading.Event()

        def load(worker: int) -> None:
            with httpx.Client(base_url=url, timeout=10) as c:
                for i in range(400):  # bounded: at most 400 requests a worker, 45 s in all
                    if time.monotonic() > stop or (writes_done.is_set() and i > 60):
                        return
                    started = time.monotonic()
                    r = c.get(paths[(i + worker) % len(paths)])
                    results.append((r.status_code, time.monotonic() - started))

        with ThreadPoolExecutor(3) as pool:
            futures = [pool.submit(load, w) for w in range(3)]
            for n in range(3):  # each write in its own process, as `smallboats fetch` would be
                time.sleep(1.0)
                code = ("import sys\nfrom smallboats.store import Store\nfrom tests.test_hardening import _publication\n"
                        f"with Store({str(path)!r}) as w:\n    w.ingest(*_publication({n}))\n")
                subprocess.run([PY, "-c", code], check=True, timeout=120, cwd=Path(__file__).parent.parent)
            writes_done.set()
            for f in futures:
                f.result()
        statuses = [s for s, _ in results]
        slowest = max(t for _, t in results)
        assert len(results) > 100 and set(statuses) == {200}, {s: statuses.count(s) for s in set(statuses)}
        assert slowest < 1.0, f"slowest answer {slowest:.2f} s"
        deadline = time.monotonic() + 30  # the server picks up the last version within seconds
        names: set[str] = set()
        while time.monotonic() < deadline:
            names = {v["file_name"] for v in httpx.get(url + "/api/v1/vintages").json()}
            if {"writer_test_0.ods", "writer_test_2.ods"} <= names:
                break
            time.sleep(0.5)
        assert {"writer_test_0.ods", "writer_test_1.ods", "writer_test_2.ods"} <= names
    finally:
        _stop(proc)


def test_a_cli_reader_during_a_write_answers_and_a_second_writer_says_why(db_path, tmp_path):
    path = tmp_path / "s.duckdb"
    shutil.copy(db_path, path)
    before = _dump(path)
    env = {**os.environ, "SMALLBOATS_WRITER_WAIT": "1"}
    cli = [PY, "-m", "smallboats.cli", "--db", str(path)]
    writer = Store(path)
    try:
        pub, raw = _publication(9)
        writer.ingest(pub, raw)  # written, not yet published
        started = time.monotonic()
        res = subprocess.run([*cli, "--format", "json", "vintages"], capture_output=True, text=True, timeout=60, env=env)
        assert res.returncode == 0 and time.monotonic() - started < 20, res.stderr
        assert "writer_test_9.ods" not in {v["file_name"] for v in json.loads(res.stdout)}  # the version before
        res = subprocess.run([*cli, "ingest", str(OLDEST)], capture_output=True, text=True, timeout=60, env=env)
        assert res.returncode == 1 and "another process is writing the store" in res.stderr and "Traceback" not in res.stderr
        assert _dump(path) == before
    finally:
        writer.close()
    res = subprocess.run([*cli, "--format", "json", "vintages"], capture_output=True, text=True, timeout=60)
    assert "writer_test_9.ods" in {v["file_name"] for v in json.loads(res.stdout)}
    assert not list(tmp_path.glob(".s.duckdb.writing-*"))  # the temporary file is gone


def test_a_writer_killed_midway_leaves_the_store_as_it_was(db_path, tmp_path):
    path = tmp_path / "s.duckdb"
    shutil.copy(db_path, path)
    before = _dump(path)
    code = ("import sys, time\nfrom smallboats.store import Store\nfrom smallboats.build import ingest_file\n"
            f"s = Store({str(path)!r})\ningest_file(s, __import__('pathlib').Path({str(OLDEST)!r}))\n"
            "print('written', flush=True)\ntime.sleep(60)\n")
    proc = subprocess.Popen([PY, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "written"
        assert list(tmp_path.glob(".s.duckdb.writing-*"))
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert _dump(path) == before
    with Store(path) as s:  # the next writer clears what was left
        pass
    assert not list(tmp_path.glob(".s.duckdb.writing-*")) and _dump(path) == before


# -- bad files --------------------------------------------------------------------------------

def _member(archive_name: str, suffix: str) -> tuple[str, bytes]:
    return next((n, d) for n, d in archive.iter_members(DATA / "pages" / archive_name) if n.endswith(suffix))


def _ods_with(data: bytes, replace: tuple[bytes, bytes]) -> bytes:
    """A real ODS with one replacement in its content.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "content.xml":
                assert replace[0] in body
                body = body.replace(replace[0], replace[1], 1)
            dst.writestr(info, body, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _bomb() -> bytes:
    """An ODS-looking zip whose content.xml unzips to 200 MB (a few hundred kB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        with z.open("content.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><office:document-content><text:p>')
            block = b" " * (1 << 20)
            for _ in range(200):
                f.write(block)
            f.write(b"</text:p></office:document-content>")
    return out.getvalue()


@pytest.fixture(scope="module")
def bad_data(tmp_path_factory) -> Path:
    """Real files, a few of them damaged as an attacker or a broken server would."""
    root = tmp_path_factory.mktemp("bad") / "data"
    ts = root / "time-series"
    ts.mkdir(parents=True)
    shutil.copy(DEC_12, ts)
    (ts / "20_December_2025_huge_value.ods").write_bytes(
        _ods_with(DEC_12.read_bytes(), (b'office:value-type="float" office:value="0"', b'office:value-type="float" office:value="1e20"')))
    (ts / "bomb.ods").write_bytes(_bomb())
    with open(os.path.join(os.fsencode(ts), b"caf\xe9_name.ods"), "wb") as f:  # a name that is not UTF-8
        f.write(OLDEST.read_bytes())
    pages = root / "pages"
    pages.mkdir()
    good = [_member("daily-last-7-days-pages.tar.xz", f"2026-08-{d}.html") for d in (18, 19)]
    name, page = _member("daily-last-7-days-pages.tar.xz", "2026-08-20.html")
    future = page.replace(b"2026", b"2099")
    far = page.replace(b"2026", b"9999").replace(b"August", b"December")
    big = page.replace(b"</main>", b"<!--" + b"x" * 50_000_000 + b"--></main>")
    with tarfile.open(pages / "daily-last-7-days-pages.tar.xz", "w:xz") as tar:
        for n, d in [*good, ("daily_small_boats/2099-08-20.html", future), ("daily_small_boats/9999-12-20.html", far),
                     ("daily_small_boats/2026-08-21-big.html", big)]:
            info = tarfile.TarInfo(n)
            info.size = len(d)
            tar.addfile(info, io.BytesIO(d))
    return root


BAD = {"20_December_2025_huge_value.ods": "not a plausible count", "bomb.ods": "unzips to over",
       "daily_small_boats/2099-08-20.html": "figures from the future", "daily_small_boats/9999-12-20.html": "figures from the future",
       "2026-08-21-big.html": "over 5 MB"}


def test_one_bad_file_never_sinks_the_build(bad_data, tmp_path):
    db = tmp_path / "s.duckdb"
    cli = [PY, "-m", "smallboats.cli", "--db", str(db), "build", "--data", str(bad_data)]
    res = subprocess.run(cli, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    problems = [line for line in res.stderr.splitlines() if line.startswith("problem:")]
    assert len(problems) == len(BAD), res.stderr
    for name, why in BAD.items():
        assert sum(name in p and why in p for p in problems) == 1, (name, problems)
    with Store(db, read_only=True) as s:
        v = s.vintages()
    assert sorted(v.file_name) == sorted([DEC_12.name, "caf\ufffd_name.ods", "daily_small_boats/2026-08-18.html",
                                          "daily_small_boats/2026-08-19.html"])
    assert v.figures_to.max() < dt.date.today()
    before = _dump(db)
    res = subprocess.run([*cli, "--strict"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert _dump(db) == before


def test_ingesting_bad_files_names_each_in_one_line(bad_data, tmp_path):
    db = tmp_path / "s.duckdb"
    files = [bad_data / "time-series" / n for n in ("20_December_2025_huge_value.ods", "bomb.ods")] + [DEC_12]
    res = subprocess.run([PY, "-m", "smallboats.cli", "--db", str(db), "ingest", *map(str, files)], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "huge_value" in errors[0] and "bomb.ods" in errors[1], res.stderr
    with Store(db, read_only=True) as s:
        assert list(s.vintages().file_name) == [DEC_12.name]


def test_the_parse_worker_exits_when_its_parent_dies(tmp_path):
    code = ("import sys\nfrom smallboats.store import Store\nfrom smallboats.build import build\n"
            f"build(Store({str(tmp_path / 's.duckdb')!r}), workers=2)\n")
    proc = subprocess.Popen([PY, "-c", code])
    try:
        deadline = time.monotonic() + 60
        children: list[int] = []
        while not children and time.monotonic() < deadline:
            time.sleep(0.2)
            p = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            children = [int(c) for c in p.read_text().split()] if p.exists() else []
        assert children, "the build started no worker"
        time.sleep(1.0)  # the worker has set itself up
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{c}").exists() and "State:\tZ" not in Path(f"/proc/{c}/status").read_text() for c in children):
            assert time.monotonic() < deadline, "the worker outlived its parent"
            time.sleep(0.1)
    finally:
        if proc.poll() is None:
            proc.kill()


# -- the markdown report ------------------------------------------------------------------------

def test_the_markdown_report_escapes_the_articles_html(db_path, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("<script>alert(1)</script> In 2025, 41,472 people crossed. <img src=x onerror=alert(2)> **bold**\n")
    res = subprocess.run([PY, "-m", "smallboats.cli", "--db", str(db_path), "check", str(article), "--date", "2026-01-05",
                          "--format", "markdown"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "<script>" not in res.stdout and "<img" not in res.stdout
    assert "&lt;script&gt;" in res.stdout and "onerror" in res.stdout and r"\*\*bold\*\*" in res.stdout


# -- boundary dates on every route ------------------------------------------------------------

BOUNDARY = ["0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30", "1 January 1", "31 December 9999", "0001-W01",
            "9999-W52", "9999-W53", "0001-01", "9999-12", "0001", "9999", "10000-01-01", "0000-12-31", "2024-02-29",
            "2025-02-29", "1970-01-01", "2100-01-01", "0", "-1", "99999", ""]
NUMBERS_AT_EDGES = ["0", "1", "-1", "9999", "10000", "99999999999999999999", "1e3", ""]


def _get_routes() -> list[tuple[str, list[tuple[str, bool]]]]:
    """(path, [(query parameter, required)]) of every GET route of the API and the dashboard,
    charts with each of their names."""
    from smallboats import web

    out = []
    for route in [*api.router.routes, *web.router.routes]:
        if "GET" not in getattr(route, "methods", set()) or route.path in ("/openapi.json", "/docs", "/redoc",
                                                                          "/docs/oauth2-redirect", "/static/{name}"):
            continue
        params = [(p.alias, p.field_info.is_required()) for p in route.dependant.query_params]
        if route.path == "/charts/{name}.{fmt}":  # each chart, with the parameters it reads
            out += [(f"/charts/{n}.svg", [p for p in params if p[0] == "as_of"]) for n in ("cumulative", "daily", "ppb")]
            out += [("/charts/explore.svg", params), ("/charts/daily.png", [p for p in params if p[0] == "as_of"])]
        else:
            out.append((route.path, params))
    return out


DATE_PARAMS = {"from", "to", "as_of", "at", "with_from", "with_to", "period"}
OTHER_VALUES = ["", "x", "0001-01-01", "9999-W52", "day", "year"]


NORMAL = {"from": "2025-01-01", "to": "2025-01-31", "period": "2025-05", "at": "2025-06-30"}


def test_boundary_values_on_every_route_never_give_a_500(client_app):
    """Every GET route, each query parameter in turn set to a boundary value (the others at an
    ordinary one where required): an answer, or 404/422 in words; never a 5xx."""
    routes = _get_routes()
    assert len(routes) > 20
    asked, bad = 0, []
    for path, params in routes:
        required = {name: NORMAL.get(name, "2025-01-01") for name, req in params if req}
        for name, _ in params:
            values = NUMBERS_AT_EDGES if name in ("top", "year") else BOUNDARY if name in DATE_PARAMS else OTHER_VALUES
            for value in values:
                r = client_app.get(path, params={**required, name: value})
                asked += 1
                if r.status_code >= 500 or r.status_code not in (200, 404, 422):
                    bad.append((path, name, value, r.status_code, r.text[:200]))
                elif r.status_code != 200:
                    detail = r.json().get("detail") if r.headers["content-type"].startswith("application/json") else r.text
                    if len(str(detail)) < 15:
                        bad.append((path, name, value, r.status_code, f"no words: {detail!r}"))
        if {"from", "to"} <= {n for n, _ in params}:  # the widest and an inverted range
            for a, b in (("0001-01-01", "9999-12-31"), ("9999-12-31", "0001-01-01")):
                r = client_app.get(path, params={**required, "from": a, "to": b})
                asked += 1
                if r.status_code >= 500:
                    bad.append((path, "from/to", f"{a}..{b}", r.status_code, r.text[:200]))
    assert asked > 700
    assert not bad, f"{len(bad)} of {asked}: {bad[:10]}"


@pytest.mark.parametrize("path", ["/api/v1/compare?from=0001-01-01", "/api/v1/rank?period=9999-W52",
                                  "/explore?freq=week&to=0001-01-01", "/api/v1/total?from=9999-12-31&to=9999-12-31",
                                  "/api/v1/forecast?as_of=9999-12-31", "/api/v1/forecast?year=9999",
                                  "/charts/ppb.svg?as_of=0001-01-01", "/api/v1/ytd?at=0001-01-01"])
def test_the_reported_boundary_requests_answer_4xx_in_words(client_app, path):
    r = client_app.get(path)
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
