"""The HTTP API: figures against the ODS rows, errors people understand, caching, fuzzing."""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest
import schemathesis
from schemathesis import GenerationMode
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smallboats import api
from smallboats.sources import Observation, Publication
from smallboats.store import Store

from .oracle import NEWEST, sheet, span as ods_span



@pytest.fixture(scope="module")
def app(db_path):
    return api.create_app(db_path)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:
        yield c


def test_total_matches_the_ods(client):
    arrivals, boats = ods_span(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    r = client.get("/api/v1/total", params={"from": "1 January 2025", "to": "2025-06-30"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["arrivals"], body["boats"]) == (arrivals, boats)
    assert body["people_per_boat"] == pytest.approx(arrivals / boats, rel=1e-12)
    assert body["evidence"]["start"] == "2025-01-01" and body["evidence"]["vintages"]
    assert r.headers["etag"] and "max-age" in r.headers["cache-control"]


def test_compare_percent_change(client):
    new, _ = ods_span(dt.date(2024, 7, 5), dt.date(2025, 3, 31))
    old, _ = ods_span(dt.date(2023, 7, 5), dt.date(2024, 3, 31))
    body = client.get("/api/v1/compare", params={"from": "5 July 2024", "to": "31 March 2025"}).json()
    assert body["arrivals_change_pct"] == pytest.approx((new - old) / old * 100, rel=1e-12)


def test_every_question_answers(client):
    for path, params in [("ytd", {"at": "2025-12-31"}), ("records", {"top": 3, "period": "2022-08"}),
                         ("streaks", {"year": 2025}), ("rank", {"period": "2025-05"}),
                         ("prevented", {"from": "2025-01-01", "to": "2025-03-31"}),
                         ("series", {"freq": "month", "from": "2025-01-01", "to": "2025-03-31"}),
                         ("vintages", {}), ("revisions", {"from": "2025-01-01"})]:
        r = client.get(f"/api/v1/{path}", params=params)
        assert r.status_code == 200, (path, r.text)
    series = client.get("/api/v1/series", params={"freq": "month", "from": "2025-01-01", "to": "2025-01-31"}).json()
    assert series["periods"][0]["arrivals"] == ods_span(dt.date(2025, 1, 1), dt.date(2025, 1, 31))[0]


def test_not_modified(client):
    r = client.get("/api/v1/ytd", params={"at": "2025-06-30"})
    again = client.get("/api/v1/ytd", params={"at": "2025-06-30"}, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == r.headers["etag"]
    other = client.get("/api/v1/ytd", params={"at": "2025-06-29"})
    assert other.headers["etag"] != r.headers["etag"]


@pytest.mark.parametrize("path,params,words", [
    ("total", {"from": "next tuesday", "to": "2025-01-01"}, "from: not a date"),
    ("total", {"to": "2025-01-01"}, "from: Field required"),
    ("total", {"from": "2025-02-01", "to": "2025-01-01"}, "is after the last"),
    ("records", {"top": "many"}, "top: Input should be a valid integer"),
    ("rank", {"period": "2025-13"}, "not a day, week, month or year"),
    ("compare", {"from": "2025-01-01", "with_from": "2024-01-01"}, "give both dates"),
])
def test_bad_parameters_get_422_in_words(client, path, params, words):
    r = client.get(f"/api/v1/{path}", params=params)
    assert r.status_code == 422
    assert words in r.json()["detail"]


def test_dates_outside_the_record_get_404_with_the_range(client):
    dates = list(sheet(NEWEST))
    for params in ({"from": "2017-01-01", "to": "2017-12-31"}, {"from": "2026-01-01", "to": "2026-12-31"}):
        r = client.get("/api/v1/total", params=params)
        assert r.status_code == 404
        covered = r.json()["covered"]
        assert covered["start"] == min(dates).isoformat()
        assert covered["end"] >= max(dates).isoformat()  # daily pages may run past the ODS
    assert client.get("/api/v1/rank", params={"period": "2030"}).status_code == 404


def test_a_new_vintage_shows_up_while_serving(db_path, tmp_path, monkeypatch):
    path = tmp_path / "copy.duckdb"
    shutil.copy(db_path, path)
    monkeypatch.setattr(api, "REFRESH_SECONDS", 0.0)
    with TestClient(api.create_app(path)) as c:
        before = c.get("/api/v1/vintages")
        pub = Publication("ods", "test_vintage.ods", [Observation("day", dt.date(2026, 8, 21), "arrivals", 7)],
                          published=dt.date(2026, 8, 22))
        with Store(path) as writer:  # a writer while the server holds its snapshot
            writer.ingest(pub, b"test vintage")
        deadline = time.monotonic() + 30  # the new version is loaded in the background
        while (after := c.get("/api/v1/vintages")).headers["etag"] == before.headers["etag"] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert after.headers["etag"] != before.headers["etag"]
        assert "test_vintage.ods" in {v["file_name"] for v in after.json()}
        assert c.get("/api/v1/total", params={"from": "2026-08-21", "to": "2026-08-21"}).json()["arrivals"] == 7


def test_openapi_lists_every_question(client):
    paths = client.get("/openapi.json").json()["paths"]
    for name in ("total", "ytd", "records", "compare", "streaks", "rank", "prevented", "series", "vintages", "revisions"):
        assert f"/api/v1/{name}" in paths


DAYS = st.dates(dt.date(2017, 11, 1), dt.date(2026, 10, 1)).map(dt.date.isoformat)
AS_OF = st.sampled_from([None, "2022-07-01", "2025-12-12", "2030-01-01"])
PERIODS = st.one_of(DAYS, st.integers(2016, 2027).map(str), st.builds("{}-{:02d}".format, st.integers(2017, 2026), st.integers(1, 12)),
                    st.builds("{}-W{:02d}".format, st.integers(2017, 2026), st.integers(1, 52)))


@given(path=st.sampled_from(["total", "ytd", "compare", "rank", "records", "streaks", "prevented", "series"]),
       a=DAYS, b=DAYS, period=PERIODS, as_of=AS_OF, year=st.integers(2016, 2027),
       freq=st.sampled_from(["day", "week", "month", "year"]))
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_real_dates_anywhere_get_an_answer_or_a_reason(client, path, a, b, period, as_of, year, freq):
    """Dates in and around the record, in any order: 200, or 404/422 with a sentence; never a 500."""
    params = {"total": {"from": a, "to": b}, "ytd": {"at": a}, "compare": {"from": a, "to": b}, "rank": {"period": period},
              "records": {"period": period}, "streaks": {"year": year}, "prevented": {"from": a, "to": b},
              "series": {"freq": freq, "from": a, "to": b}}[path]
    r = client.get(f"/api/v1/{path}", params={**params, **({"as_of": as_of} if as_of else {})})
    assert r.status_code in (200, 404, 422), r.text
    if r.status_code != 200:
        assert len(r.json()["detail"]) > 20


RANGES = (("from", "to"), ("with_from", "with_to"))


def _what_the_schema_cannot_say(case):
    """Constraints between parameters, which OpenAPI cannot express: a range runs forwards, the
    period to compare with has both its dates or neither, `kind` widens a day (not a week, month or year), /deaths takes `since` or `from`, and an article to check has a date (in
    `?date=` or in its JSON) or asks for one to be inferred. Applied to schema-valid cases only."""
    query = case.query or {}
    for a, b in RANGES:
        if query.get(a) and query.get(b) and str(query[a]) > str(query[b]):
            query[a], query[b] = query[b], query[a]
    if bool(query.get("with_from")) != bool(query.get("with_to")):
        query.pop("with_from", None), query.pop("with_to", None)  # both dates of the other period, or neither
    if query.get("kind") and len(str(query.get("period", ""))) != 10:
        del query["kind"]  # kind widens a day; a week, month or year is what it is
    if query.get("since") and query.get("from"):
        del query["since"]
    body = case.body if isinstance(case.body, dict) else {}
    if case.operation.path.endswith("/check") and not (body.get("date") or body.get("infer_date")):
        query["date"] = query.get("date") or "2025-10-22"
    case.query = query
    return case


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_fuzz_against_the_openapi_schema(app, mode):
    """Every operation in /openapi.json, with generated (and deliberately wrong) parameters,
    under every schemathesis check: no 500s, every response as the schema documents it, a
    schema-valid request accepted (an answer, or 404 for dates outside the record) and a
    schema-invalid one refused."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not operation.definition.raw.get("parameters"):
            continue  # nothing to get wrong
        strategy = operation.as_strategy(generation_mode=mode)
        if mode is GenerationMode.POSITIVE:
            strategy = strategy.map(_what_the_schema_cannot_say)
        else:  # any bytes are a text or HTML article: only a JSON body can have the wrong shape
            strategy = strategy.filter(lambda case: isinstance(case.body, str) or not str(case.media_type).startswith("text/"))

        @given(case=strategy)
        @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate()

        check()


def test_check_refuses_an_oversized_article(client):
    from smallboats.api import MAX_ARTICLE_BYTES

    res = client.post("/api/v1/check?date=2025-10-22", content=b"x" * (MAX_ARTICLE_BYTES + 1),
                      headers={"Content-Type": "text/plain"})
    assert res.status_code == 413 and "kB" in res.json()["detail"]
