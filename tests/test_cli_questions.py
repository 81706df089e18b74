"""The question commands: the shapes the checks rely on, figures against the ODS rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from smallboats import cli
from smallboats.cli import app

from .oracle import span



def arrivals(a: dt.date, b: dt.date) -> int:
    return span(a, b)[0]


class _Shared:
    """The session's store, lent to the CLI: each command opening its own snapshot of the
    whole store would take seconds."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        return getattr(self._store, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


def invoke(db_path, *args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, ["--db", str(db_path), *args])
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def run(db_path, store, monkeypatch):
    monkeypatch.setattr("smallboats.store.Store", lambda path, read_only=False: _Shared(store))
    return lambda *args: invoke(db_path, *args)


def test_total_json_from_the_store_file(db_path):
    code, out, _ = invoke(db_path, "--format", "json", "total", "--from", "1 January 2025", "--to", "2025-06-30")
    assert code == 0
    body = json.loads(out)
    assert body["arrivals"] == arrivals(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert body["evidence"]["vintages"]


def test_compare_with_and_csv(run):
    code, out, _ = run("compare", "2025-03-01", "2025-03-31", "--with", "1 March 2024", "2024-03-31", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["arrivals"]) for r in rows] == [arrivals(dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
                                                   arrivals(dt.date(2024, 3, 1), dt.date(2024, 3, 31))]


@pytest.mark.parametrize("args", [["ytd", "30 June 2025"], ["records", "--top", "3", "--period", "2022-08"],
                                  ["streaks", "--year", "2025"], ["rank", "2025-05"], ["rank", "2025"],
                                  ["prevented", "--from", "2025-01-01", "--to", "2025-03-31"],
                                  ["ytd", "--as-of", "2025-12-12"]])
def test_every_question_prints_a_table_and_its_source(run, args):
    code, out, err = run(*args)
    assert code == 0, err
    assert "Home Office, provisional" in out


def test_errors_are_sentences(run):
    code, _, err = run("total", "--from", "2017-01-01", "--to", "2017-02-01")
    assert code == 1 and "the record covers 1 January 2018" in " ".join(err.split())
    code, _, err = run("rank", "2025-13")
    assert code == 2 and "not a day, week, month or year" in " ".join(err.split())
    code, _, err = run("total", "--from", "soon", "--to", "2025-01-01")
    assert code == 2 and "not a date" in err
