"""The record: figures from the store against sums computed here, straight from the ODS rows."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smallboats import questions
from smallboats.build import ingest_file
from smallboats.cli import app
from smallboats.sources import SourceError
from smallboats.store import Store

from .conftest import DATA
from .oracle import COLUMN, DEC_12, NEWEST, ODS_DIR, OLDEST, sheet

runner = CliRunner()


def periods(store, freq, start=None, end=None, as_of=None):
    """The store's series as every interface (CLI, API, dashboard) gives it, as a frame."""
    return questions.series(store, freq, start, end, as_of).to_pandas("periods")


def yearly_sums(path: Path) -> dict[int, tuple[int, int]]:
    sums: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for day, (arrivals, boats, _) in sheet(path).items():
        sums[day.year][0] += arrivals
        sums[day.year][1] += boats
    return {y: (a, b) for y, (a, b) in sums.items()}


def test_yearly_totals_equal_newest_ods(store):
    expected = yearly_sums(NEWEST)
    assert sorted(expected) == list(range(2018, 2027))
    got = periods(store, "year")
    assert [d.year for d in got.period_start] == sorted(expected)
    for row in got.itertuples():
        assert (row.arrivals, row.boats) == expected[row.period_start.year], row.period_start.year


def test_as_of_gives_2025_as_the_12_december_ods_has_it(store):
    expected = yearly_sums(DEC_12)[2025]
    got = periods(store, "year", dt.date(2025, 1, 1), dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 12))
    assert (int(got.arrivals[0]), int(got.boats[0])) == expected
    # and it differs from the newest figure: the rest of December was not known yet
    assert int(periods(store, "year", dt.date(2025, 1, 1), dt.date(2025, 12, 31)).arrivals[0]) != expected[0]


def test_cli_series_as_of_json(db_path):
    res = runner.invoke(app, ["--db", str(db_path), "--format", "json", "series", "--freq", "year",
                              "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "12 December 2025"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert set(rows[0]) >= {"period_start", "period_end", "arrivals", "boats", "uncontrolled_boats"}
    assert (rows[0]["arrivals"], rows[0]["boats"]) == yearly_sums(DEC_12)[2025]


def test_weekly_series_equals_sb02_for_every_week(store):
    sb02 = {day: row[:2] for day, row in sheet(NEWEST, "SB_02").items()}
    weeks = periods(store, "week").set_index("period_end")
    assert len(sb02) > 440
    for end, (arrivals, boats) in sb02.items():
        assert end.weekday() == 6
        row = weeks.loc[dt.datetime.combine(end, dt.time())]  # period_end is a datetime64 column
        assert (int(row.arrivals), int(row.boats)) == (arrivals, boats), end
        assert row.complete


def test_dash_is_unknown_not_zero(store):
    day = store.daily().set_index("date")
    dashes = [d for d, row in sheet(NEWEST).items() if row[2] is None]
    assert dashes
    assert day.loc[dashes, "uncontrolled_boats"].isna().all()
    # a year with any unknown day has an unknown total, not a partial sum
    assert periods(store, "year", dt.date(2018, 1, 1), dt.date(2018, 12, 31)).uncontrolled_boats.isna().all()


def test_as_of_before_any_publication_uses_oldest_vintage_and_says_so(store):
    day = store.daily(dt.date(2021, 11, 24))
    assert day.date.max() == dt.date(2021, 11, 24)
    expected = {d: row[0] for d, row in sheet(OLDEST).items()}
    got = day.set_index("date")
    # 2018-2021 come from later publications; the daily MoD pages only start in 2022
    assert got.later_publication.all()
    assert all(int(got.arrivals[d]) == expected[d] for d in got.index)


def test_revisions_are_traceable(store):
    rev = store.revisions()
    assert not rev.empty
    vints = store.vintages().set_index("file_name")
    for r in rev.head(20).itertuples():
        name = "SB_01" if r.freq == "day" else "SB_02"
        old, new, col = sheet(r.old_vintage, name), sheet(r.new_vintage, name), COLUMN[r.metric]
        assert old[r.date][col] == r.old_value and new[r.date][col] == r.new_value
        assert vints.loc[r.old_vintage, "published"] <= vints.loc[r.new_vintage, "published"]


def _dump(store: Store) -> tuple:
    return tuple(store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("vintages", "observations", "notices"))


def test_same_file_twice_changes_nothing(fresh_store):
    assert ingest_file(fresh_store, DEC_12).status == "added"
    before = _dump(fresh_store)
    assert ingest_file(fresh_store, DEC_12).status == "unchanged"
    assert _dump(fresh_store) == before


@pytest.mark.parametrize("damage", ["truncated", "empty", "not_a_spreadsheet"])
def test_broken_ods_leaves_store_unchanged(fresh_store, tmp_path, damage):
    ingest_file(fresh_store, DEC_12)
    before = _dump(fresh_store)
    data = NEWEST.read_bytes()
    bad = tmp_path / NEWEST.name
    bad.write_bytes({"truncated": data[: len(data) // 2], "empty": b"", "not_a_spreadsheet": b"<html>oops</html>"}[damage])
    with pytest.raises(SourceError) as exc:
        ingest_file(fresh_store, bad)
    assert NEWEST.name in str(exc.value) and "expected" in str(exc.value)
    assert _dump(fresh_store) == before


def test_page_without_its_table_leaves_store_unchanged(fresh_store, tmp_path):
    from smallboats.sources import archive

    name, html = next((n, d) for n, d in archive.iter_members(DATA / "pages" / "daily-last-7-days-pages.tar.xz")
                      if n.endswith("2026-03-12.html"))
    start, end = html.index(b"<table"), html.index(b"</table>") + len(b"</table>")
    page = tmp_path / "daily_small_boats" / "2026-03-12.html"
    page.parent.mkdir()
    page.write_bytes(html[:start] + html[end:])
    ingest_file(fresh_store, DEC_12)
    fresh_store.close()  # one writer at a time: the CLI is the next one
    with Store(fresh_store.path, read_only=True) as s:
        before = _dump(s)
    res = runner.invoke(app, ["--db", str(fresh_store.path), "ingest", str(page)])
    with Store(fresh_store.path, read_only=True) as s:
        assert before == _dump(s)
    assert res.exit_code == 1 and "2026-03-12.html" in res.output


def test_empty_page_is_an_error(fresh_store, tmp_path):
    page = tmp_path / "weekly_small_boats" / "2026-01-06.html"
    page.parent.mkdir()
    page.write_bytes(b"")
    with pytest.raises(SourceError, match="2026-01-06.html"):
        ingest_file(fresh_store, page)
    assert _dump(fresh_store) == ([], [], [])


def test_build_reports_bad_files_and_strict_fails(tmp_path):
    data = tmp_path / "data"
    (data / "time-series").mkdir(parents=True)
    shutil.copy(DEC_12, data / "time-series")
    (data / "time-series" / "01_June_2026_Small_boats_-_time_series.ods").write_bytes(NEWEST.read_bytes()[:5000])
    db = tmp_path / "s.duckdb"
    res = runner.invoke(app, ["--db", str(db), "build", "--data", str(data)])
    assert res.exit_code == 0 and "01_June_2026" in res.output
    res = runner.invoke(app, ["--db", str(db), "build", "--data", str(data), "--strict"])
    assert res.exit_code == 1 and "01_June_2026" in res.output
    with Store(db, read_only=True) as s:
        assert list(s.vintages().file_name) == [DEC_12.name]


def test_sources_compare_runs_over_every_page(db_path, store):
    res = runner.invoke(app, ["--db", str(db_path), "--format", "json", "sources-compare"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    # every daily figure on a page is compared with the ODS for the same date, where the ODS has it
    last_ods_day = max(sheet(NEWEST))
    pages = store.con.execute(
        "SELECT count(*) FROM observations o JOIN vintages v ON v.id = o.vintage_id "
        "WHERE v.kind <> 'ods' AND o.freq = 'day' AND o.date <= ?", [last_ods_day]
    ).fetchone()[0]
    assert out["compared"] == pages > 6000
    assert len(out["differences"]) > 0 and str(len(out["differences"])) in out["summary"]
    # one known disagreement, read off the pages by hand: 10 July 2026 was first published as 225, revised to 255
    first = [d for d in out["differences"] if d["date"] == "2026-07-10" and d["metric"] == "arrivals"]
    assert first and all(d["page_value"] == 225 for d in first)


def test_vintages_and_notices_are_counted(db_path):
    res = runner.invoke(app, ["--db", str(db_path), "--format", "json", "vintages"])
    rows = json.loads(res.stdout)
    kinds = {k: sum(r["kind"] == k for r in rows) for k in ("ods", "daily_page", "weekly_page")}
    assert kinds == {"ods": len(list(ODS_DIR.glob("*.ods"))), "daily_page": 503, "weekly_page": 62}
    assert all(r["published"] and r["figures_to"] for r in rows)
    # the five pages whose dates carry a slipped year (read by hand: 'Week ending 4 January 2025', a
    # Saturday, for 2026's week; '20 April 2025' among April 2026 rows) say how they were read
    assert sorted(r["file_name"] for r in rows if r["notes"] and r["kind"] in kinds) == [
        "daily_small_boats/2026-04-21.html", "daily_small_boats/2026-04-22.html", "weekly_small_boats/2026-01-13.html",
        "weekly_small_boats/2026-01-20.html", "weekly_small_boats/2026-01-27.html"]
    with Store(db_path, read_only=True) as s:
        notices = s.notices()
    assert notices.kind.value_counts().to_dict() == {"daily_page": 1048, "weekly_page": 186}
    assert set(notices.reason) >= {"legacy page, no longer updated", "publication withdrawn"}


def test_revisions_cli(db_path):
    res = runner.invoke(app, ["--db", str(db_path), "--format", "csv", "revisions", "--from", "2026-01-01"])
    assert res.exit_code == 0
    header = res.stdout.splitlines()[0].split(",")
    assert header[:4] == ["freq", "date", "metric", "old_value"]


def test_bad_date_is_a_clear_error(db_path):
    res = runner.invoke(app, ["--db", str(db_path), "series", "--from", "31 Febtember"])
    assert res.exit_code == 2 and "not a date" in res.output


def test_as_of_in_a_gap_of_the_archive_fills_from_later_publications(store):
    # no publication with figures is bundled from February 2023 to November 2025: as of the end
    # of 2024 the days since the last MoD page come from the oldest later vintage, flagged
    day = store.daily(dt.date(2024, 12, 31)).set_index("date")
    assert day.index.max() == dt.date(2024, 12, 31)
    assert day.loc[dt.date(2024, 1, 1):, "later_publication"].all()
    oldest = {d: row[0] for d, row in sheet(OLDEST).items()}
    assert all(int(day.arrivals[d]) == oldest[d] for d in day.loc[dt.date(2024, 1, 1):].index)
    # while publications come out week by week, days not yet published stay out
    covered = store.daily(dt.date(2026, 3, 1))
    assert covered.date.max() < dt.date(2026, 3, 1) and not covered.later_publication.any()


def test_series_lists_what_the_record_has_and_refuses_what_it_misses(db_path):
    res = runner.invoke(app, ["--db", str(db_path), "--format", "json", "series", "--freq", "year", "--from", "2017-01-01", "--to", "2018-12-31"])
    assert res.exit_code == 0 and [r["arrivals"] for r in json.loads(res.stdout)] == [yearly_sums(NEWEST)[2018][0]]
    res = runner.invoke(app, ["--db", str(db_path), "series", "--from", "2030-01-01"])
    assert res.exit_code == 1 and "covers 1 January 2018" in " ".join(res.output.split())
    res = runner.invoke(app, ["--db", str(db_path), "series", "--from", "2025-02-01", "--to", "2025-01-01"])
    assert res.exit_code == 2 and "after" in res.output


def _as_known_naively(store, freq: str, metrics: tuple[str, ...], as_of: dt.date | None) -> dict:
    """The as-of rule applied in Python to every observation of every vintage (not to the
    derived tables the store answers from): per (date, metric) the newest vintage published on
    or before ``as_of`` (on one day: the time series after a page, then the latest figures,
    then the id), else the oldest, flagged; dates after the last one known by then are left
    out when that is within a month of ``as_of`` (not yet published)."""
    rows = store._rows("SELECT o.date, o.metric, o.value, v.id, v.published, v.kind = 'ods' AS ods, v.figures_to "
                       "FROM observations o JOIN vintages v ON v.id = o.vintage_id WHERE o.freq = ?", [freq])
    keys: dict = defaultdict(list)
    for r in rows:
        keys[r["date"], r["metric"]].append(r)
    chosen = {}
    for key, rs in keys.items():
        rs.sort(key=lambda r: (r["published"], r["ods"], r["figures_to"], r["id"]))
        known = [r for r in rs if as_of is None or r["published"] <= as_of]
        chosen[key] = (known[-1], False) if known else (rs[0], True)
    if as_of is not None:
        last = max((d for (d, _), (_, later) in chosen.items() if not later), default=None)
        cut = last if last is not None and (as_of - last).days <= 31 else as_of
        chosen = {k: v for k, v in chosen.items() if k[0] <= cut}
    out = {}
    for d in sorted({d for d, m in chosen if m in metrics}):
        first = chosen.get((d, metrics[0]))
        out[d] = (tuple(chosen[d, m][0]["value"] if (d, m) in chosen else None for m in metrics),
                  first[0]["id"] if first else None, first[1] if first else False)
    return out


@pytest.mark.parametrize("freq", ["day", "week"])
def test_the_as_of_rule_in_duckdb_is_the_rule_applied_to_every_vintage(store, db_path, freq):
    """The derived tables (asof_ends, asof_spans) and the query over them give, on dates before,
    between, on and after publications, what the rule gives from the observations themselves;
    so does a snapshot brought forward from the day before."""
    metrics = ("arrivals", "boats", "uncontrolled_boats") + (("prevented_people", "prevented_events") if freq == "week" else ())
    pubs = sorted({v["published"] for v in store.vintage_rows()})
    dates = [None, dt.date(2017, 6, 1), pubs[0], pubs[len(pubs) // 2], pubs[len(pubs) // 2] - dt.timedelta(days=1),
             dt.date(2022, 8, 23), dt.date(2024, 12, 31), dt.date(2026, 3, 1), pubs[-1], dt.date(2030, 1, 1)]
    # and publication days one after another, each brought forward from the one before (asof.advanced):
    # days of daily pages (29 May and 5 June 2022 have two pages with the same days: the rule picks
    # one), and the days of the first time series
    fresh = Store(db_path, read_only=True)
    ods = sorted(v["published"] for v in fresh.vintage_rows(("ods",)))
    days = [p for p in pubs if dt.date(2022, 5, 26) <= p <= dt.date(2022, 6, 6) or ods[0] <= p <= ods[1]]
    for s, as_of in [(store, d) for d in dates] + [(fresh, d) for d in days]:
        w = s.weekly_columns(as_of) if freq == "week" else s.daily_columns(as_of)
        got = {d: (tuple(None if v != v else v for v in vals), vid, later)
               for d, *vals, vid, later in zip(w.date, *w.values.values(), w.vintage, w.later)}
        assert got == _as_known_naively(store, freq, metrics, as_of), as_of
    assert len(fresh._snapshots) == len(days)
    fresh.close()


def test_the_record_as_of_many_dates_is_kept_within_bounds(store):
    """Questions as of hundreds of dates keep at most 32 publication intervals' snapshots (and 4
    days of each): memory does not grow with the dates asked. A day asked again is the same object."""
    pubs = sorted({v["published"] for v in store.vintage_rows()})
    for d in pubs[:100] + [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(20)]:
        store.daily_columns(d)
        store.weekly_columns(d)
    assert len(store._snapshots) <= 32 and all(len(s.heads) <= 4 for s in store._snapshots.values())
    assert store.daily_columns(pubs[99]) is store.daily_columns(pubs[99])
