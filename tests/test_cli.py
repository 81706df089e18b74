"""The command line as a user meets it: tables that never cut a figure, one-line errors,
--version, the conventions, and the answer cache (whole processes where it matters)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .oracle import ODS_DIR, span
from .test_cli_questions import run  # noqa: F401 - the fixture: the CLI on the session's store

EXE = Path(sys.executable).with_name("smallboats")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ODS_FILES = sorted(ODS_DIR.glob("*.ods"))


def proc(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    e = {**os.environ, "SMALLBOATS_NO_CACHE": "1", **(env or {})}
    e.pop("TTY_COMPATIBLE", None) if "TTY_COMPATIBLE" not in (env or {}) else None
    return subprocess.run([str(EXE), *args], capture_output=True, env=e, input=stdin, timeout=120)


def figures(value, out: set[str], key: str = "") -> set[str]:
    """Every figure and date of a JSON answer, as a table prints it (12,345; 58.3; 2025-04-15)."""
    if isinstance(value, dict):
        for k, v in value.items():
            figures(v, out, k)
    elif isinstance(value, list):
        for v in value:
            figures(v, out, key)
    elif isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        out.add(str(value) if key == "year" else f"{value:,}")
    elif isinstance(value, float):
        out.add(f"{value:,.1f}")
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        out.add(value)
    return out


def whole(token: str, text: str) -> bool:
    """``token`` appears in ``text`` not as part of a longer figure."""
    return re.search(rf"(?<![\d,.\-]){re.escape(token)}(?![\d,]|\.\d)", text) is not None


QUESTIONS = {  # command line -> the parts of its JSON answer its tables show
    "ytd": (["ytd", "--at", "2025-12-31"], ["years"]),
    "records": (["records", "--top", "5"], ["days", "weeks", "months", "years", "busiest_day_each_year"]),
    "rank": (["rank", "2025-05"], ["period", "rank", "of"]),
    "compare": (["compare", "--from", "2025-01-01", "--to", "2025-06-30"], ["current", "previous"]),
    "series": (["series", "--freq", "year"], None),
    "streaks": (["streaks", "--year", "2024"], ["years", "months"]),
    "prevented": (["prevented", "--from", "2025-01-01", "--to", "2025-03-31"], ["weeks"]),
}


@pytest.mark.parametrize("width", ["80", "40", None])
@pytest.mark.parametrize("name", QUESTIONS)
def test_tables_keep_every_figure_whole(run, monkeypatch, name, width):  # noqa: F811
    """At 80 and 40 columns on a terminal, and piped: no "…", every figure and date of the
    answer's table whole, and (on a terminal) no line wider than the terminal."""
    args, parts = QUESTIONS[name]
    code, js, err = run("--format", "json", *args)
    assert code == 0, err
    answer = json.loads(js)
    shown = answer if parts is None else {k: answer[k] for k in parts}
    if width:
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
        monkeypatch.setenv("COLUMNS", width)
    else:
        monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
        monkeypatch.delenv("COLUMNS", raising=False)
    code, out, err = run(*args)
    assert code == 0, err
    text = ANSI.sub("", out)
    assert "…" not in text
    found = figures(shown, set())
    assert len(found) > 5
    missing = [f for f in found if not whole(f, text)]
    assert not missing, f"cut or missing in the table: {missing[:10]}"
    if width:
        assert max(len(line) for line in text.splitlines()) <= int(width)


def test_the_ytd_table_has_the_official_figures_and_says_what_change_is(run, monkeypatch):  # noqa: F811
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    code, out, _ = run("ytd", "--at", "2025-12-31")
    assert code == 0
    text = " ".join(ANSI.sub("", out).split())
    assert text.startswith("From 1 January to 31 December 2025")  # the answer first
    for year in range(2018, 2026):
        assert whole(f"{span(dt.date(year, 1, 1), dt.date(year, 12, 31))[0]:,}", text)
    change_2022 = span(dt.date(2025, 1, 1), dt.date(2025, 12, 31))[0] - span(dt.date(2022, 1, 1), dt.date(2022, 12, 31))[0]
    assert change_2022 < 0 and whole(f"{change_2022:,}", text)  # "-4,283", never "-4,2…"
    assert "2025 minus that year" in text


@pytest.mark.parametrize("args", [["rank", "2025-05"], ["compare", "2025-01-01", "2025-06-30"],
                                  ["records", "--period", "2022-08"]])
def test_the_answer_comes_first(run, args):  # noqa: F811
    code, out, _ = run(*args)
    assert code == 0
    before_tables = out.split("┏")[0]
    first = before_tables.lstrip().splitlines()[0]
    assert re.match(r"[A-Z]", first) and re.search(r"\d,\d{3}", first)  # a sentence with the figure


def test_date_options_and_their_positional_aliases_agree(run):  # noqa: F811
    assert run("--format", "json", "ytd", "--at", "2025-06-30")[1] == run("--format", "json", "ytd", "2025-06-30")[1]
    a = run("--format", "json", "compare", "--from", "2025-03-01", "--to", "2025-03-31",
            "--with-from", "2024-03-01", "--with-to", "2024-03-31")
    b = run("--format", "json", "compare", "2025-03-01", "2025-03-31", "--with", "2024-03-01", "2024-03-31")
    assert a[0] == 0 and a[1] == b[1]
    code, _, err = run("ytd", "2025-06-30", "--at", "2025-05-01")
    assert code == 2 and "once" in err


@pytest.mark.parametrize("args,words", [
    (["records", "--top", "101"], "--top: give a number from 1 to 100, not 101"),
    (["records", "--top", "0"], "not 0"),
    (["series", "--freq", "fortnight"], "--freq: give day, week, month or year, not 'fortnight'"),
    (["rank", "2025-05", "--kind", "decade"], "--kind: give day, week, month or year, not 'decade'"),
])
def test_bad_options_are_one_line_naming_what_was_typed(run, args, words):  # noqa: F811
    code, _, err = run(*args)
    assert code == 2
    assert err.strip().count("\n") == 0 and words in err and "Value error" not in err


@pytest.mark.parametrize("date,words", [("2030-01-01", "after the newest publication"),
                                        ("2017-06-01", "before the record begins")])
def test_check_with_a_date_outside_the_record_fails_like_the_questions(run, date, words):  # noqa: F811
    article = sorted((Path(__file__).parent / "data" / "seeds").glob("004_*.txt"))[0]
    code, out, err = run("check", str(article), "--date", date)
    assert code == 1 and words in err and "the record covers 1 January 2018" in err and not out


# -- whole processes: the real entry point -------------------------------------------------

def one_line_error(res: subprocess.CompletedProcess, *words: str) -> None:
    err = res.stderr.decode()
    assert res.returncode != 0
    assert "Traceback" not in err and err.strip().count("\n") == 0, err
    for w in words:
        assert w in err, err


def test_db_that_is_not_a_duckdb_store(tmp_path):
    one_line_error(proc("--db", "/etc/passwd", "ytd"), "/etc/passwd", "not a DuckDB store")
    one_line_error(proc("--db", str(tmp_path), "ytd"), "is a folder")


def test_check_a_binary_file_and_a_folder(tmp_path):
    one_line_error(proc("check", str(ODS_FILES[0]), "--date", "2025-01-01"), "not a text or HTML file")
    one_line_error(proc("check", str(ODS_DIR), "--date", "2025-01-01"), "is a folder")
    one_line_error(proc("check", "-", "--date", "2025-01-01", stdin=ODS_FILES[0].read_bytes()), "not a text or HTML file")


def test_version_and_completion():
    res = proc("--version")
    assert res.returncode == 0 and res.stdout.decode().strip() == "smallboats 0.1.0"
    res = proc("--help")
    assert res.returncode == 0 and b"--install-completion" in res.stdout and b"--version" in res.stdout
    res = proc("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert res.returncode == 0 and b"complete" in res.stdout


def test_a_question_asked_again_is_answered_from_the_cache_until_the_store_changes(tmp_path):
    db, cache = tmp_path / "s.duckdb", tmp_path / "cache"
    env = {"SMALLBOATS_NO_CACHE": "", "XDG_CACHE_HOME": str(cache), "SMALLBOATS_DB": str(db)}
    older, newer = ODS_FILES[0], ODS_FILES[-1]
    assert proc("ingest", str(older), env=env).returncode == 0
    first = proc("--format", "json", "vintages", env=env)
    assert first.returncode == 0 and len(list((cache / "smallboats" / "answers").iterdir())) == 1
    again = proc("--format", "json", "vintages", env=env)
    assert again.stdout == first.stdout
    assert [v["file_name"] for v in json.loads(first.stdout)] == [older.name]
    assert proc("ingest", str(newer), env=env).returncode == 0  # the store file changed: asked afresh
    after = json.loads(proc("--format", "json", "vintages", env=env).stdout)
    assert sorted(v["file_name"] for v in after) == sorted([older.name, newer.name])
    failed = proc("records", "--top", "101", env=env)  # errors are never cached
    assert failed.returncode == 2 and len(list((cache / "smallboats" / "answers").iterdir())) == 2


def test_serve_on_a_busy_port_is_one_line_naming_another(db_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = proc("--db", str(db_path), "serve", "--port", str(port))
    one_line_error(res, f"127.0.0.1:{port}", f"--port {port + 1}", f"make run PORT={port + 1}")
