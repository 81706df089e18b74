"""HTTP conventions: HEAD, gzip, ETags on pages, CSV for every question, the API index,
/healthz, the favicon, OpenAPI schema names and the Atom feed; and the Python API's frames."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import xml.etree.ElementTree as ET

import duckdb
import pandas as pd
import pytest
from fastapi.testclient import TestClient

import smallboats
from smallboats import api

from .oracle import NEWEST, sheet, span as ods_span

ATOM = "{http://www.w3.org/2005/Atom}"

# one real query for every GET question (the dates are inside the record)
QUESTIONS = {
    "/api/v1/total": {"from": "2025-01-01", "to": "2025-06-30"},
    "/api/v1/ytd": {"at": "2025-06-30"},
    "/api/v1/records": {"top": "3"},
    "/api/v1/compare": {"from": "2025-01-01", "to": "2025-06-30"},
    "/api/v1/streaks": {"year": "2024"},
    "/api/v1/rank": {"period": "2025-05"},
    "/api/v1/prevented": {"from": "2025-01-01", "to": "2025-03-31"},
    "/api/v1/series": {"freq": "year"},
    "/api/v1/vintages": {},
    "/api/v1/revisions": {},
    "/api/v1/forecast": {"as_of": "2025-06-30"},
    "/api/v1/who": {"period": "2022", "as_of": "2024-01-15"},
    "/api/v1/deaths": {"since": "2018-01-01"},
}


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(api.create_app(db_path)) as c:
        yield c


def test_the_index_lists_every_endpoint_of_the_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    index = client.get("/api/v1/").json()
    listed = {(e["method"], e["path"]) for e in index["endpoints"]}
    assert listed == {(m.upper(), p) for p, ops in paths.items() for m in ops}
    assert set(QUESTIONS) | {"/api/v1/check"} == {p for _, p in listed}  # every question has a query below
    for e in index["endpoints"]:
        if e["method"] == "GET":
            assert "format" in e["parameters"] and e["summary"], e
    assert client.get(index["openapi"]).status_code == 200 and client.get(index["feed"]).status_code == 200


def test_openapi_schema_names_have_no_module_paths(client):
    names = client.get("/openapi.json").json()["components"]["schemas"]
    assert names and not [n for n in names if "__" in n or "." in n], list(names)


@pytest.mark.parametrize("path", sorted(QUESTIONS))
def test_head_answers_like_get_without_a_body(client, path):
    get, head = client.get(path, params=QUESTIONS[path]), client.head(path, params=QUESTIONS[path])
    assert get.status_code == head.status_code == 200, (get.text[:200], head.status_code)
    assert head.content == b""
    for h in ("content-type", "etag", "cache-control"):
        assert head.headers.get(h) == get.headers.get(h), h


@pytest.mark.parametrize("path", ["/", "/explore", "/revisions", "/check", "/feed.atom", "/healthz"])
def test_head_on_pages(client, path):
    head = client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == client.get(path).headers["content-type"]


def test_large_answers_are_gzipped(client):
    plain = client.get("/api/v1/vintages", headers={"accept-encoding": "identity"})
    zipped = client.get("/api/v1/vintages", headers={"accept-encoding": "gzip"}, )
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert int(zipped.headers["content-length"]) < len(plain.content) / 4
    assert zipped.json() == plain.json()  # httpx undoes the gzip
    raw = client.get("/", headers={"accept-encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip" and "Accept-Encoding" in raw.headers["vary"]
    small = client.get("/healthz", headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in small.headers  # under 1 kB: not worth it


@pytest.mark.parametrize("path", ["/", "/explore", "/revisions", "/check", "/feed.atom"])
def test_pages_have_etags_and_answer_304(client, path):
    first = client.get(path)
    tag = first.headers["etag"]
    assert tag.startswith('W/"') and "max-age" in first.headers["cache-control"]
    assert client.get(path).headers["etag"] == tag  # the same page, the same tag
    again = client.get(path, headers={"if-none-match": tag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(path, headers={"if-none-match": 'W/"other"'}).status_code == 200


def _csv(r) -> list[dict[str, str]]:
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


@pytest.mark.parametrize("path", sorted(QUESTIONS))
def test_every_question_answers_csv(client, path):
    rows = _csv(client.get(path, params={**QUESTIONS[path], "format": "csv"}))
    assert rows and all(len(r) > 1 for r in rows)
    by_accept = client.get(path, params=QUESTIONS[path], headers={"accept": "text/csv"})
    assert by_accept.text == client.get(path, params={**QUESTIONS[path], "format": "csv"}).text
    as_json = client.get(path, params=QUESTIONS[path])
    assert as_json.headers["content-type"] == "application/json"
    assert by_accept.headers["etag"] != as_json.headers["etag"] and "Accept" in as_json.headers["vary"]


def test_csv_figures_are_the_odss(client):
    (row,) = _csv(client.get("/api/v1/total", params={"from": "2025-01-01", "to": "2025-06-30", "format": "csv"}))
    assert (int(row["arrivals"]), int(row["boats"])) == ods_span(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    years = {int(r["period_start"][:4]): r for r in _csv(client.get("/api/v1/series?freq=year&format=csv"))}
    days = sheet(NEWEST)
    for year in range(2018, 2026):
        want = sum(v[0] for d, v in days.items() if d.year == year)
        assert int(years[year]["arrivals"]) == want, year
    ytd = _csv(client.get("/api/v1/ytd?at=2025-06-30&format=csv"))
    got = {int(r["year"]): int(r["arrivals"]) for r in ytd}
    assert got[2024] == ods_span(dt.date(2024, 1, 1), dt.date(2024, 6, 30))[0]


def test_an_unknown_format_is_422_in_words(client):
    r = client.get("/api/v1/ytd?format=xml")
    assert r.status_code == 422 and "format" in r.json()["detail"]


def test_the_check_answers_csv_one_row_per_claim(client):
    from .test_web import SEED, SEED_DATE

    text = SEED.read_text()
    report = client.post("/api/v1/check", json={"text": text, "date": SEED_DATE}).json()
    rows = _csv(client.post("/api/v1/check?format=csv", json={"text": text, "date": SEED_DATE}))
    assert [r["verdict"] for r in rows] == [c["verdict"] for c in report["claims"]]
    assert [r["text"] for r in rows] == [c["text"] for c in report["claims"]]


def test_healthz_and_favicon(client, db_path):
    h = client.get("/healthz")
    assert h.status_code == 200 and h.headers["cache-control"] == "no-store"
    con = duckdb.connect(str(db_path), read_only=True)
    n, newest = con.execute("SELECT count(*), max(published) FROM vintages").fetchone()
    con.close()
    assert h.json()["status"] == "ok" and h.json()["publications"] == n and h.json()["newest_publication"] == str(newest)
    ico = client.get("/favicon.ico")
    assert ico.status_code == 200 and ico.headers["content-type"] == "image/x-icon" and ico.content[:4] == b"\0\0\1\0"
    svg = client.get("/favicon.svg")
    assert svg.status_code == 200 and svg.text.startswith("<svg")


def test_the_atom_feed(client, db_path):
    r = client.get("/feed.atom")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    entries = root.findall(f"{ATOM}entry")
    assert 10 <= len(entries) <= 100
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    assert root.findtext(f"{ATOM}updated") == updated[0]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    assert all(e.findtext(f"{ATOM}title") and e.find(f"{ATOM}link").get("href").startswith("http") for e in entries)
    # the newest publication day, with its files, straight from the store's table
    con = duckdb.connect(str(db_path), read_only=True)
    newest, files = con.execute("SELECT published, list(file_name) FROM vintages GROUP BY published "
                                "ORDER BY published DESC LIMIT 1").fetchone()
    con.close()
    first = entries[0]
    assert first.findtext(f"{ATOM}title").startswith(f"Published {newest.day} {newest:%B %Y}")
    assert all(f in first.findtext(f"{ATOM}summary") for f in files)
    # the record day (the busiest day in the newest ODS) is an entry, whatever its date
    full = ET.fromstring(client.get("/feed.atom").content)
    titles = [e.findtext(f"{ATOM}title") for e in full.findall(f"{ATOM}entry")]
    days = sheet(NEWEST)
    best = max(days, key=lambda d: days[d][0])
    record = f"Record day: {days[best][0]:,} people on {best.day} {best:%B %Y}"
    from smallboats import feed
    from smallboats.store import Store

    with Store(db_path, read_only=True) as store:
        everything = feed.records(store.daily(), store.vintages())
    assert record in [e["title"] for e in everything]


# -- the Python API ------------------------------------------------------------------------

def test_python_answers_have_datetime_columns_and_forecast(db_path, client):
    with smallboats.open(db_path) as sb:
        ytd = sb.ytd("2025-06-30").to_pandas()
        assert pd.api.types.is_datetime64_any_dtype(ytd["start"]) and pd.api.types.is_datetime64_any_dtype(ytd["end"])
        assert int(ytd.set_index("year").loc[2024, "arrivals"]) == ods_span(dt.date(2024, 1, 1), dt.date(2024, 6, 30))[0]
        periods = sb.series("month", "2025-01-01", "2025-12-31").to_pandas("periods")
        assert pd.api.types.is_datetime64_any_dtype(periods["period_start"])
        fc = sb.forecast("2025-06-30")
        assert json.loads(fc.model_dump_json()) == client.get("/api/v1/forecast?as_of=2025-06-30").json()
        frame = fc.to_pandas()
        assert list(frame["window"]) == ["year_total", "rest_of_year", "next_7_days", "next_28_days"]
        assert int(frame.loc[0, "point"]) == fc.year_total.point
        assert pd.api.types.is_datetime64_any_dtype(frame["start"])
        with pytest.raises(smallboats.questions.InvalidQuestion):
            sb.forecast("2025-06-30", year=2031)


def test_python_check_report_to_pandas(db_path):
    from .test_web import SEED, SEED_DATE

    with smallboats.open(db_path) as sb:
        report = sb.check(SEED.read_text(), SEED_DATE)
    df = report.to_pandas()
    assert list(df["verdict"]) == [c.verdict for c in report.claims]
    assert pd.api.types.is_datetime64_any_dtype(df["article_date"])
    official = [c.official for c in report.claims]
    assert [v if isinstance(v, str) else None for v in df["official.vintages"]] == \
        [", ".join(o.vintages) if o else None for o in official]
    pl = pytest.importorskip("polars")
    assert report.to_polars().height == len(report.claims) and isinstance(report.to_polars(), pl.DataFrame)
