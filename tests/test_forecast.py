"""Year-end projections: checked against outcomes read straight from the bundled ODS files."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from smallboats import cli as cli_module
from smallboats.forecast import backtest, forecast, project

from .oracle import NEWEST, ODS_DIR as ODS, OLDEST, sheet

# Mid-2024: six years of record behind it, the bundle has no publication from then (so the
# figures are the oldest later ones, flagged), and the year is complete in the newest ODS.
AS_OF = dt.date(2024, 6, 30)


def sb01(path: Path) -> dict[dt.date, int | None]:
    """Daily arrivals from an ODS's SB_01 sheet, read directly: '-' is not available."""
    return {d: row[0] for d, row in sheet(path).items()}


def year_sum(days: dict[dt.date, int | None], first: dt.date, last: dt.date) -> int:
    values = [v for d, v in days.items() if first <= d <= last]
    assert values and all(v is not None for v in values)
    return sum(values)


@pytest.fixture(scope="module")
def fc(store):
    return forecast(store, AS_OF)


def test_2024_from_the_end_of_june(fc):
    oldest, newest = sb01(OLDEST), sb01(NEWEST)
    outcome = year_sum(newest, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    ytd = year_sum(oldest, dt.date(2024, 1, 1), AS_OF)
    assert fc.data_through == AS_OF and fc.year == 2024
    assert fc.later_publication and fc.notes  # and says so
    assert fc.year_to_date == ytd
    t = fc.year_total
    assert ytd < t.p2_5 < t.p10 < t.point < t.p90 < t.p97_5
    assert t.p2_5 <= outcome <= t.p97_5
    assert abs(t.point - outcome) / outcome < 0.2
    rest = fc.rest_of_year
    assert (rest.start, rest.end) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    assert [round(a) for a in t.values()] == [round(b + ytd) for b in rest.arrivals.values()]


def test_reference_years_and_probabilities(store):
    """On the day an ODS came out the record is that ODS: the year so far, last year and the
    record year are its sums."""
    ods = sb01(ODS / "01_May_2026_Small_boats_-_time_series.ods")
    fc = forecast(store, dt.date(2026, 5, 1), compare=False)
    assert fc.data_through == dt.date(2026, 4, 30) and not fc.later_publication
    assert fc.year_to_date == year_sum(ods, dt.date(2026, 1, 1), dt.date(2026, 4, 30))
    totals = {y: year_sum(ods, dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in range(2018, 2026)}
    assert fc.previous_year == (2025, totals[2025])
    assert fc.record_year == (2022, totals[2022]) == (2022, max(totals.values()))
    assert 0 < fc.p_above_record_year < fc.p_above_previous_year < 1  # the record is the higher bar


def test_next_days(fc):
    for w, days in ((fc.next_7_days, 7), (fc.next_28_days, 28)):
        assert w.start == AS_OF + dt.timedelta(days=1)
        assert (w.end - w.start).days + 1 == days
        a = w.arrivals
        assert 0 <= a.p2_5 < a.p10 < a.point < a.p90 < a.p97_5
    assert fc.next_7_days.arrivals.point < fc.next_28_days.arrivals.point


def test_json_shape(fc):
    d = json.loads(json.dumps(fc.to_dict()))
    assert set(d["year_total"]) == {"point", "p2.5", "p10", "p90", "p97.5"}
    assert d["previous_year"]["year"] == 2023 and d["record_year"]["year"] == 2022
    assert d["as_of"] == "2024-06-30" and d["later_publication"] is True
    assert d["comparison"]["year_total"]["p10"] < d["comparison"]["year_total"]["p90"]


def test_no_date_after_as_of_is_read(store, fc):
    """Every figure dated after the as-of date changed: the forecast stays the same."""

    class Tampered:
        def daily(self, as_of=None):
            frame = store.daily(as_of).copy()
            late = frame["date"] > AS_OF
            frame.loc[late, "arrivals"] = frame.loc[late, "arrivals"] * 10 + 500
            return frame

        def vintages(self):
            return store.vintages()

    frame = store.daily(AS_OF)
    assert frame["date"].max() == AS_OF
    assert Tampered().daily()["date"].max() > AS_OF  # there is later data to tamper with
    assert forecast(Tampered(), AS_OF).to_dict() == fc.to_dict()
    extended = pd.concat([frame, pd.DataFrame({"date": [AS_OF + dt.timedelta(days=i) for i in range(1, 40)],
                                               "arrivals": [10_000] * 39, "later_publication": True})])
    assert project(extended, AS_OF, compare=False).to_dict() == project(frame, AS_OF, compare=False).to_dict()


def test_level_follows_recent_weeks():
    """Three steady years, then a year whose last eight weeks run at three times the rate: the
    level weights recent days more, so the projection sits between the flat year so far and the
    new rate, and the older the change the closer to the new rate."""
    rng = np.random.default_rng(1)
    days = pd.date_range("2021-01-01", "2024-06-30").date
    change = dt.date(2024, 5, 6)
    rate = np.where(days >= change, 30.0, 10.0)
    frame = pd.DataFrame({"date": days, "arrivals": rng.poisson(rate), "later_publication": False})
    fc = project(frame, AS_OF, compare=False)
    ytd = frame.loc[frame["date"] >= dt.date(2024, 1, 1), "arrivals"].sum()
    flat = ytd / 182  # arrivals a day over the year so far
    per_day = fc.next_28_days.arrivals.point / 28
    assert flat * 1.1 < per_day < 30
    assert fc.year_total.point > ytd * 366 / 182  # above the straight line
    earlier = frame[frame["date"] <= dt.date(2024, 6, 2)]  # four weeks less of the new rate
    assert project(earlier, dt.date(2024, 6, 2), compare=False).next_28_days.arrivals.point / 28 < per_day


def test_backtest_rows_and_summary(store):
    bt = backtest(store, [2024], months=[1, 7])
    newest = sb01(NEWEST)
    outcome = year_sum(newest, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    rows = bt.rows.set_index("month")
    assert (rows["outcome"] == outcome).all()
    assert rows.loc[7, "data_through"] == AS_OF
    oldest = sb01(OLDEST)
    ytd = year_sum(oldest, dt.date(2024, 1, 1), AS_OF)
    assert rows.loc[7, "straight_line_point"] == round(ytd * 366 / 182)
    assert rows.loc[7, "last_year_point"] == ytd + year_sum(oldest, dt.date(2023, 7, 1), dt.date(2023, 12, 31))
    assert pd.isna(rows.loc[1, "straight_line_point"])  # nothing to extrapolate on 1 January
    july = next(m for m in bt.by_month if m["month"] == 7)
    assert july["model"]["mape"] == round(abs(rows.loc[7, "model_point"] - outcome) / outcome * 100, 1)
    assert july["straight_line"]["mape"] == round(abs(rows.loc[7, "straight_line_point"] - outcome) / outcome * 100, 1)
    assert july["model"]["coverage80"] in (0.0, 1.0)


@pytest.fixture
def cli(monkeypatch, store):
    """Run the CLI on the session's store (no reload of the file for each command)."""
    monkeypatch.setattr(cli_module, "open_store", lambda s, read_only=True: contextlib.nullcontext(store))
    return lambda *args: CliRunner().invoke(cli_module.app, list(args))


def test_cli_json(cli, tmp_path):
    res = cli("forecast", "--as-of", "2024-06-30", "--format", "json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert set(d["year_total"]) == {"point", "p2.5", "p10", "p90", "p97.5"} and d["year"] == 2024
    chart = tmp_path / "bt.png"
    res = cli("backtest", "--years", "2025", "--chart", str(chart), "-f", "json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert [m["month"] for m in d["by_month"]] == list(range(1, 13))
    assert set(d["by_month"][6]) >= {"month", "model", "straight_line", "last_year"}
    assert set(d["by_month"][6]["model"]) == {"mape", "coverage80", "coverage95"}
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert cli("backtest", "--years", "twenty").exit_code == 2


def test_cli_table(cli):
    res = cli("forecast", "--as-of", "2024-06-30")
    assert res.exit_code == 0, res.output
    text = " ".join(res.stdout.split())
    assert "Chance 2024 ends above the previous year, 2023 (29,437)" in text
    assert "Chance 2024 ends above the record year, 2022" in text


def test_api(store, db_path):
    from fastapi.testclient import TestClient

    from smallboats.api import create_app

    app = create_app(db_path)
    app.state.smallboats.store = store  # the session's snapshot of the same file, already loaded
    with TestClient(app) as client:
        r = client.get("/api/v1/forecast", params={"as_of": "2024-06-30"})
        assert r.status_code == 200, r.text
        d = r.json()
        assert d["year_total"] == forecast(store, AS_OF).to_dict()["year_total"]
        assert set(d["year_total"]) == {"point", "p2.5", "p10", "p90", "p97.5"}
        # A year the record cannot project is outside it (404); a date that is not one is 422.
        for bad, status in (({"as_of": "1900-01-01"}, 404), ({"as_of": "2024-06-30", "year": 2020}, 404), ({"as_of": "soon"}, 422)):
            r = client.get("/api/v1/forecast", params=bad)
            assert r.status_code == status and r.json()["detail"], (bad, r.text)
