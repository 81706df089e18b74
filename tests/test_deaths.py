"""Deaths on the route to the UK (IOM Missing Migrants Project) and the claims about them, against
sums made here from the IOM file's rows (tests/oracle.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import lzma

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import smallboats
from smallboats import deaths as deaths_q
from smallboats.api import create_app
from smallboats.build import build, ingest_file
from smallboats.claims import check
from smallboats.cli import app
from smallboats.sources import SourceError
from smallboats.store import Store

from .conftest import SEEDS
from .oracle import IOM_FILE, iom_by_year, iom_route_rows

D = dt.date


def claim(report, text, category=None):
    found = [c for c in report.claims if c.text == text and (category is None or c.category == category)]
    assert found, f"no claim {text!r} in {[c.text for c in report.claims]}"
    return found[0]


def test_deaths_per_year_on_the_route(store):
    ans = deaths_q.deaths(store)
    want = iom_by_year()
    assert {y.year: y.dead_missing for y in ans.years} == want
    assert {y.year: y.dead for y in ans.years} == iom_by_year("No. dead")
    assert {y.year: y.missing for y in ans.years} == iom_by_year("No. missing")
    assert ans.incidents == len(iom_route_rows()) == 220
    assert all(y.at_sea + y.on_land + y.other == y.dead_missing for y in ans.years)
    assert ans.dead_missing == sum(want.values()) and ans.at_sea + ans.on_land + ans.other == ans.dead_missing
    best = max(want, key=want.get)
    assert ans.deadliest_year.year == best == 2024 and ans.deadliest_year.dead_missing == want[best]
    assert ans.attribution.startswith("IOM Missing Migrants Project") and "IOM revises" in ans.evidence.note


def test_since_a_date_as_known_on_a_date(store):
    ans = deaths_q.deaths(store, D(2018, 1, 1), as_of=D(2025, 5, 31))
    assert ans.dead_missing == sum(v for y, v in iom_by_year(through=D(2025, 5, 31)).items() if y >= 2018)
    assert ans.end == D(2025, 5, 31) and ans.evidence.later_publication  # the extract is of May 2026
    assert "IOM revises its counts" in ans.evidence.note
    with smallboats.open(store.path) as sb:
        assert sb.deaths(since="1 January 2018", as_of="2025-05-31").model_dump() == ans.model_dump()


@pytest.mark.parametrize("date, scope", [(D(2021, 11, 24), "at sea"), (D(2019, 10, 23), "on land"), (D(2024, 3, 2), "other")])
def test_where_people_died(store, date, scope):
    """The Channel sinking of 24 November 2021 was at sea; the Essex lorry of 23 October 2019 on
    land; the drowning in the Aa canal at Watten (2 March 2024) neither."""
    rows = [r for r in iom_route_rows() if r["Incident date"] == date.isoformat()]
    inc = [i for i in deaths_q.deaths(store, date, date).incident_list]
    assert [i.dead_missing for i in inc] == [int(r["No. dead/missing"]) for r in rows] and {i.scope for i in inc} == {scope}



def test_the_incidents_as_a_frame(store):
    df, extract, later, note = deaths_q.incidents(store, D(2025, 5, 31))
    rows = [r for r in iom_route_rows() if r["Incident date"] <= "2025-05-31"]
    assert list(df.columns) == [f.name for f in dataclasses.fields(deaths_q.Incident)] and len(df) == len(rows)
    assert df["dead_missing"].sum() == sum(int(r["No. dead/missing"]) for r in rows)
    assert df["dead"].isna().sum() == sum(r["No. dead"] == "NA" for r in rows) > 0
    assert list(df["date"]) == sorted(df["date"]) and df["date"].iloc[-1] <= D(2025, 5, 31)
    assert later and extract["published"] > D(2025, 5, 31) and "IOM revises" in note

# -- claims ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(store):
    return {"003": check((SEEDS / "003_ff20cd30b1e8d5c0.txt").read_text(), "2021-11-24", store),
            "004": check((SEEDS / "004_78bcce59227ec246.txt").read_text(), "2025-05-31", store)}


def test_the_seed_articles_deaths_figures(seeds):
    sinking = [r for r in iom_route_rows() if r["Incident date"] == "2021-11-24"]
    c = claim(seeds["003"], "27")
    assert (c.category, c.verdict, c.official.value) == ("deaths", "accurate", int(sinking[0]["No. dead/missing"]))
    assert "24 November 2021" in c.reason and "IOM revises" in c.reason and c.period.start == c.period.end == D(2021, 11, 24)
    part = claim(seeds["003"], "five")
    assert part.verdict == "unverifiable" and "part of a toll" in part.reason

    by_2025 = iom_by_year(through=D(2025, 5, 31))
    c = claim(seeds["004"], "78")  # "estimated at least 78 migrants died while making the crossing in 2024"
    assert (c.category, c.verdict, c.official.value) == ("deaths", "accurate", by_2025[2024])
    assert (c.period.start, c.period.end) == (D(2024, 1, 1), D(2024, 12, 31))
    assert "on the route to the UK" in c.reason and "IOM revises its counts" in c.reason and "at sea" in c.reason
    record = claim(seeds["004"], "deadliest year on record")
    assert record.verdict == "accurate" and record.official.value == by_2025[2024]
    assert f"the next deadliest, 2019, {by_2025[2019]}" in record.reason
    since = claim(seeds["004"], "225")  # "Since 2018, at least 225 migrants have lost their lives"
    # a running total: through the day before the article, as for crossings
    assert (since.period.start, since.period.end) == (D(2018, 1, 1), D(2025, 5, 30))
    dead = sum(int(r["No. dead"]) for r in iom_route_rows() if r["No. dead"] != "NA" and "2018-01-01" <= r["Incident date"] <= "2025-05-30")
    assert since.official.value == dead and since.verdict == "accurate" and "dead (without the missing)" in since.reason
    one = claim(seeds["004"], "one")  # "Earlier this month, one person tragically died"
    may = [r for r in iom_route_rows() if r["Incident date"].startswith("2025-05") and r["No. dead/missing"] == "1"]
    assert one.verdict == "accurate" and one.period.start == D.fromisoformat(may[0]["Incident date"])


def test_written_deaths_claims(store):
    by_year = iom_by_year(through=D(2025, 1, 10))
    text = ("At least 27 people drowned when their dinghy sank off Calais on Wednesday.\n"
            "At least 120 migrants died trying to reach the UK in 2024.\n"
            "2024 was the deadliest year on record for people crossing the Channel.\n"
            "Twelve people went missing last year.")
    report = check(text, "2025-01-10", store)
    c = claim(report, "27")  # no incident of 27 in the week of 8 January 2025
    assert c.verdict == "inaccurate" and "no incident" in c.reason
    c = claim(report, "120")
    assert (c.verdict, c.official.value) == ("inaccurate", by_year[2024])
    assert claim(report, "deadliest year on record").verdict == "accurate"
    missing = claim(report, "Twelve")
    assert missing.category == "missing" and missing.official.value == iom_by_year("No. missing", D(2025, 1, 10))[2024]
    assert missing.verdict == "inaccurate"
    then = check("At least 27 people drowned when their dinghy sank off Calais.", "2021-11-25", store)
    assert claim(then, "27").verdict == "accurate"
    old = check("2022 was the deadliest year on record for migrants crossing the Channel.", "2023-01-05", store)
    assert claim(old, "deadliest year on record").verdict == "inaccurate"  # 2019 had more


def test_nationality_share_claims(store):
    report = check("Albanians made up 28% of small boat arrivals in 2022.\nAfghans were 40% of arrivals in 2023.\n"
                   "Albanians made up 10% of arrivals in 2025.", "2024-03-05", store)
    a, b, c = [x for x in report.claims if x.category == "nationality"]
    assert a.verdict == "accurate" and round(a.official.value, 1) == 27.7 and "Albania" in a.reason
    assert b.verdict == "inaccurate"
    assert c.verdict == "unverifiable"


def test_cli_and_http_deaths(db_path):
    res = CliRunner().invoke(app, ["--db", str(db_path), "deaths", "--since", "2018-01-01", "--as-of", "2025-05-31", "-f", "json"])
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    assert cli["dead_missing"] == sum(v for y, v in iom_by_year(through=D(2025, 5, 31)).items() if y >= 2018)
    with TestClient(create_app(db_path)) as client:
        r = client.get("/api/v1/deaths", params={"since": "2018-01-01", "as_of": "2025-05-31"})
        assert r.status_code == 200 and r.json() == cli
        assert client.get("/api/v1/deaths", params={"from": "2020-01-01", "since": "2018-01-01"}).status_code == 422
        assert client.get("/api/v1/deaths", params={"from": "2030-01-01"}).status_code == 404
    table = CliRunner().invoke(app, ["--db", str(db_path), "deaths"])
    assert table.exit_code == 0 and "IOM Missing Migrants Project" in table.output


# -- a bad IOM file: a clear error, the store unchanged ----------------------------------------

def _iom() -> bytes:
    return lzma.decompress(IOM_FILE.read_bytes())


BAD = {
    "truncated_missing_migrants.csv": (_iom()[: _iom().index(b"\n", 100_000) + 20], "expected 31 columns"),
    "renamed_missing_migrants.csv": (_iom().replace(b"No. dead/missing", b"Dead and missing", 1), "expected the IOM Missing Migrants columns"),
    "dropped_missing_migrants.csv": (_iom().replace(b",Route,", b",", 1), "missing ['Route']"),
    "words_missing_migrants.csv": (_iom().replace(b",12,0,12,", b",twelve,0,12,", 1), "expected a whole number or NA under 'No. dead'"),
    "sum_missing_migrants.csv": (_iom().replace(b",12,0,12,", b",12,0,13,", 1), "is not No. dead/missing"),
    "empty_missing_migrants.csv": (b"", "empty file"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_iom_file_is_refused_and_the_store_unchanged(db_path, tmp_path, name):
    data, expected = BAD[name]
    db = tmp_path / "copy.duckdb"
    db.write_bytes(db_path.read_bytes())
    path = tmp_path / name
    path.write_bytes(data)
    with Store(db) as store:
        before = store.con.execute("SELECT (SELECT count(*) FROM vintages), (SELECT count(*) FROM incidents)").fetchone()
        with pytest.raises(SourceError) as err:
            ingest_file(store, path)
        assert err.value.file_name == name and expected in str(err.value)
        (tmp_path / "iom").mkdir()
        (tmp_path / "iom" / name).write_bytes(data)
        (tmp_path / "homeoffice").mkdir()
        report = build(store, tmp_path / "homeoffice")
        assert [p.file_name for p in report.problems] == [name]
        assert store.con.execute("SELECT (SELECT count(*) FROM vintages), (SELECT count(*) FROM incidents)").fetchone() == before
