"""Who crosses: the quarterly Irr_D01 releases as vintages, against sums made here from the files'
rows (tests/oracle.py), through the Python API, the CLI and the HTTP API."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import lzma
import zipfile

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from smallboats import people
from smallboats.api import create_app
from smallboats.build import build, ingest_file
from smallboats.cli import app
from smallboats.questions import InvalidQuestion, OutOfRange
from smallboats.sources import SourceError
from smallboats.store import Store

from .oracle import IRR_CSVS, IRR_DIR, IRR_XLSX, irr_rows, small_boats_by_year, top_nationalities

D = dt.date
#: the day each release was published (the fetch date in its name; the workbook's cover sheet)
PUBLISHED = {IRR_CSVS[0]: D(2023, 3, 9), IRR_CSVS[1]: D(2023, 5, 31), IRR_CSVS[2]: D(2023, 8, 24),
             IRR_CSVS[4]: D(2024, 2, 29), IRR_XLSX: D(2023, 11, 23)}


def test_every_release_is_a_vintage(store):
    v = store.vintages(people.KINDS).set_index("file_name")
    assert sorted(v.index) == sorted([n.removesuffix(".xz") for n in IRR_CSVS] + [IRR_XLSX])
    for name, day in PUBLISHED.items():
        row = v.loc[name.removesuffix(".xz")]
        assert row.published == day
        assert row.n_observations == len(irr_rows(name))
        last_year, last_q = max((y, q) for y, q, *_ in irr_rows(name))
        assert row.figures_to == D(last_year, 3 * last_q, calendar.monthrange(last_year, 3 * last_q)[1])
    assert "cover sheet" in v.loc[IRR_XLSX].notes and "age-group names" in v.loc[IRR_CSVS[0].removesuffix(".xz")].notes


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_yearly_totals_and_top_ten_of_each_release(store, name):
    """Each release, asked as of its publication date: every year's small-boat total and the top ten
    nationalities of 2022 and 2023 as the file's rows sum them."""
    day = PUBLISHED[name]
    expected = small_boats_by_year(name)
    assert set(expected) >= {2018, 2019, 2020, 2021, 2022}
    for year, total in expected.items():
        ans = people.who(store, year, as_of=day)
        assert ans.evidence.vintages[0].file_name == name.removesuffix(".xz") and not ans.evidence.later_publication
        assert ans.arrivals == total, (name, year)
    for year in (2022, 2023):
        if year not in expected:
            continue
        ans = people.who(store, year, as_of=day, top=10)
        assert [(r.name, r.arrivals) for r in ans.nationalities] == top_nationalities(name, year)
        assert ans.nationalities[0].share_pct == pytest.approx(100 * top_nationalities(name, year)[0][1] / expected[year])


def test_the_tidy_copy_of_november_2023_on_its_own(fresh_store):
    """The tidy CSV of the November 2023 release shares its publication date with the workbook (which
    the store prefers), so it is checked in a store of its own."""
    name = IRR_CSVS[3]
    ingest_file(fresh_store, IRR_DIR / name)
    assert {y: people.who(fresh_store, y).arrivals for y in small_boats_by_year(name)} == small_boats_by_year(name)
    for year in (2022, 2023):
        assert [(r.name, r.arrivals) for r in people.who(fresh_store, year).nationalities] == top_nationalities(name, year)
    # the workbook and the tidy copy of the same release hold the same figures
    assert small_boats_by_year(name) == small_boats_by_year(IRR_XLSX)


def test_as_of_gives_the_release_then_current(store):
    then = people.who(store, 2022, as_of=D(2024, 1, 15))
    assert then.arrivals == 45_774 == small_boats_by_year(IRR_XLSX)[2022]
    assert then.evidence.vintages[0].file_name == IRR_XLSX and then.evidence.vintages[0].published == D(2023, 11, 23)
    first = people.who(store, 2022, as_of=D(2023, 4, 1))
    assert first.arrivals == 45_755 == small_boats_by_year(IRR_CSVS[0])[2022]
    assert first.evidence.vintages[0].file_name == IRR_CSVS[0].removesuffix(".xz")
    assert "45,755 people arrived by small boat in 2022" in first.sentence and "9 March 2023" in first.sentence


def test_the_archive_gap_and_partial_years(store):
    """2023 as known in January 2024: the three quarters then published; before any release, the
    oldest that has the period, flagged."""
    y = people.who(store, 2023, as_of=D(2024, 1, 15))
    assert (y.complete, y.quarters) == (False, ["2023 Q1", "2023 Q2", "2023 Q3"])
    assert y.arrivals == sum(n for yr, q, m, *_, n in irr_rows(IRR_XLSX) if yr == 2023 and m == "Small boat arrivals")
    q3 = people.who(store, "2023 Q3", as_of=D(2023, 6, 1))
    assert q3.evidence.later_publication and "no quarterly release published by 1 June 2023" in q3.evidence.note
    assert q3.evidence.vintages[0].published == D(2023, 11, 23)
    early = people.who(store, 2021, as_of=D(2020, 1, 1))
    assert early.evidence.later_publication and early.evidence.vintages[0].published == D(2023, 3, 9)


def test_share_change_sex_and_age(store):
    ans = people.who(store, 2023, nationality="albania")
    rows = [r for r in irr_rows(IRR_CSVS[4]) if r[2] == "Small boat arrivals"]
    alb = sum(r[-1] for r in rows if r[0] == 2023 and r[3] == "Albania")
    alb_before = sum(r[-1] for r in rows if r[0] == 2022 and r[3] == "Albania")
    total = sum(r[-1] for r in rows if r[0] == 2023)
    n = ans.nationality
    assert (n.name, n.arrivals, n.year_earlier, n.change) == ("Albania", alb, alb_before, alb - alb_before)
    assert n.share_pct == pytest.approx(100 * alb / total) and n.change_pct == pytest.approx(100 * (alb - alb_before) / alb_before)
    for field, column in (("sexes", 4), ("age_groups", 5)):
        want = {}
        for r in rows:
            if r[0] == 2023:
                want[r[column]] = want.get(r[column], 0) + r[-1]
        assert {g.name: g.arrivals for g in getattr(ans, field)} == {k: v for k, v in want.items() if v}
    q = people.who(store, "2023-Q2")
    assert q.arrivals == sum(r[-1] for r in rows if r[0] == 2023 and r[1] == 2)


def test_bad_questions(store):
    with pytest.raises(InvalidQuestion, match="give a year"):
        people.who(store, "last year")
    with pytest.raises(InvalidQuestion, match="not a nationality"):
        people.who(store, 2023, nationality="Atlantis")
    with pytest.raises(OutOfRange, match="2017"):
        people.who(store, 2017)


def test_cli_and_http_give_the_same_answer(db_path):
    want = small_boats_by_year(IRR_XLSX)[2022]
    res = CliRunner().invoke(app, ["--db", str(db_path), "who", "2022", "--as-of", "15 January 2024", "-f", "json"])
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    assert cli["arrivals"] == want and cli["evidence"]["vintages"][0]["file_name"] == IRR_XLSX
    with TestClient(create_app(db_path)) as client:
        r = client.get("/api/v1/who", params={"period": "2022", "as_of": "2024-01-15"})
        assert r.status_code == 200 and r.json() == cli
        assert client.get("/api/v1/who", params={"period": "soon"}).status_code == 422
        assert client.get("/api/v1/who", params={"period": "2031"}).status_code == 404
    res = CliRunner().invoke(app, ["--db", str(db_path), "who", "2023", "--nationality", "Atlantis"])
    assert res.exit_code == 2 and "not a nationality" in res.output


# -- files that are not what they claim to be: a clear error, and the store unchanged ----------

def _counts(store: Store) -> tuple:
    return tuple(store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("vintages", "observations", "detections", "incidents"))


def _tidy() -> bytes:
    return lzma.decompress((IRR_DIR / IRR_CSVS[0]).read_bytes())


def _xlsx_edit(replace: dict[str, tuple[bytes, bytes]]) -> bytes:
    """The real workbook with text replaced in some of its XML parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(IRR_DIR / IRR_XLSX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename in replace:
                old, new = replace[item.filename]
                assert old in data, (item.filename, old)
                data = data.replace(old, new)
            dst.writestr(item, data)
    return out.getvalue()


BAD_FILES = {
    "garbage.csv": (b"\x89PNG\r\n\x1a\n\xff\xd8 not a csv", "UTF-8 CSV"),
    "renamed_column_Irr_D01_tidy.csv": (_tidy().replace(b"Number of detections", b"Detections", 1), "expected the Irr_D01 tidy CSV columns"),
    "reordered_Irr_D01_tidy.csv": (_tidy().replace(b"Date,Year,Quarter", b"Year,Date,Quarter", 1), "expected the Irr_D01 tidy CSV columns"),
    "truncated_Irr_D01_tidy.csv": (_tidy()[: _tidy().index(b"\n", len(_tidy()) // 2) + 12], "expected 9 columns"),
    "new_method_Irr_D01_tidy.csv": (_tidy().replace(b"Small boat arrivals", b"Small boats", 1), "expected a method of entry"),
    "bad_quarter_Irr_D01_tidy.csv": (_tidy().replace(b"2018-01-01,2018,1,", b"2018-02-01,2018,1,", 1), "neither the first nor the last day"),
    "truncated.xlsx": ((IRR_DIR / IRR_XLSX).read_bytes()[:50_000], "expected an .xlsx workbook"),
    "renamed_sheet.xlsx": (_xlsx_edit({"xl/workbook.xml": (b'name="Data - Irr_D01"', b'name="Data Irr_D01"')}),
                           "expected a sheet named 'Data - Irr_D01'"),
    "renamed_header.xlsx": (_xlsx_edit({"xl/sharedStrings.xml": (b">Number of detections<", b">Detections<")}),
                            "expected the columns"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_release_is_refused_and_the_store_unchanged(db_path, tmp_path, name):
    data, expected = BAD_FILES[name]
    db = tmp_path / "copy.duckdb"
    db.write_bytes(db_path.read_bytes())
    path = tmp_path / name
    path.write_bytes(data)
    with Store(db) as store:
        before = _counts(store)
        with pytest.raises(SourceError) as err:
            ingest_file(store, path)
        assert err.value.file_name == name and expected in str(err.value)
        assert _counts(store) == before
        # the same file in a data folder: reported by name, nothing stored
        folder = tmp_path / "data" / "irregular-migration"
        folder.mkdir(parents=True)
        (folder / name).write_bytes(data)
        report = build(store, tmp_path / "data")
        assert [p.file_name for p in report.problems] == [name] and _counts(store) == before
