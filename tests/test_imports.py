"""The server answers the questions, and checks articles, without pandas or pyarrow (issue 14:
their imports were most of ``serve``'s memory). Checked in a process of its own: other tests
import them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

QUESTIONS = ["/api/v1/total?from=2024-01-01&to=2024-03-31", "/api/v1/total?from=2024-01-01&to=2024-03-31&as_of=2025-06-01",
             "/api/v1/ytd", "/api/v1/ytd?at=2025-05-31&as_of=2025-06-01", "/api/v1/compare?from=2025-01-01&to=2025-03-31",
             "/api/v1/rank?period=2024-05", "/api/v1/records?period=2024-08&as_of=2025-12-12", "/api/v1/streaks?year=2024",
             "/api/v1/prevented?as_of=2025-12-12", "/api/v1/series?freq=week&from=2024-01-01", "/api/v1/vintages",
             "/healthz"]

#: crossing figures (totals, a rank, records, changes) and "at least 36 people died", checked against IOM
ARTICLE = Path(__file__).resolve().parent / "data" / "news" / "articles" / "040_jang_migrant-channel-crossings-hit-record-numbers-in-2025.txt"

SCRIPT = """
import json, sys
from fastapi.testclient import TestClient
from smallboats.api import create_app

out = {}
with TestClient(create_app(sys.argv[1])) as client:  # the lifespan (the pages' warm-up) included
    out["started"] = sorted(m for m in ("pandas", "pyarrow") if m in sys.modules)
    out["status"] = {url: client.get(url).status_code for url in json.loads(sys.argv[2])}
    out["answered"] = sorted(m for m in ("pandas", "pyarrow") if m in sys.modules)
    r = client.post("/api/v1/check", json={"text": open(sys.argv[3]).read(), "date": "2026-01-02"})
    out["check_status"] = r.status_code
    out["claims"] = [(c["category"], c["kind"], c["verdict"], (c["official"] or {}).get("source")) for c in r.json()["claims"]]
    r = client.post("/api/v1/check", json={"text": "Albanians made up 28% of small-boat arrivals in 2022.", "date": "2024-01-15"})
    out["share"] = [(c["category"], c["verdict"]) for c in r.json()["claims"]]
    out["people"] = {url: client.get(url).status_code for url in ("/api/v1/who?period=2023&nationality=Albania",
                                                                  "/api/v1/deaths?since=2018-01-01&as_of=2025-05-31")}
    out["checked"] = sorted(m for m in ("pandas", "pyarrow") if m in sys.modules)
    # (the description of every answer imports the modules that use them: last)
    paths = client.get("/openapi.json").json()["paths"]
    out["documented"] = {p: paths[p][m]["responses"]["200"]["content"]["application/json"]["schema"]
                         for p, m in [("/api/v1/check", "post"), ("/api/v1/forecast", "get"), ("/api/v1/who", "get"),
                                      ("/api/v1/deaths", "get"), ("/api/v1/ytd", "get")]}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def served(db_path) -> dict:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(db_path), json.dumps(QUESTIONS), str(ARTICLE)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_serving_the_questions_imports_neither_pandas_nor_pyarrow(served):
    out = served
    assert out["status"] == {url: 200 for url in QUESTIONS}
    assert out["started"] == [] and out["answered"] == []
    # the answers are still described by their models (the description imports the modules of every answer)
    assert out["documented"] == {"/api/v1/check": {"$ref": "#/components/schemas/Report"},
                                 "/api/v1/forecast": {"$ref": "#/components/schemas/ForecastReport"},
                                 "/api/v1/who": {"$ref": "#/components/schemas/Who"},
                                 "/api/v1/deaths": {"$ref": "#/components/schemas/Deaths"},
                                 "/api/v1/ytd": {"$ref": "#/components/schemas/Ytd"}}


def test_checking_an_article_imports_neither_pandas_nor_pyarrow(served):
    """Crossing figures, a death toll (IOM) and a nationality's share; and the questions of deaths and who crosses."""
    assert served["check_status"] == 200
    crossings = [(kind, v) for category, kind, v, _ in served["claims"] if category == "crossing"]
    assert {"figure", "rank", "record", "percent_change"} <= {kind for kind, _ in crossings}
    assert "unverifiable" not in {v for _, v in crossings}
    deaths = [(v, source) for category, _, v, source in served["claims"] if category == "deaths"]
    assert len(deaths) == 1 and deaths[0][0] in ("accurate", "inaccurate") and "IOM" in deaths[0][1]
    assert served["share"] == [["nationality", "accurate"]]  # from the quarterly statistics
    assert served["people"] == {url: 200 for url in served["people"]} and len(served["people"]) == 2
    assert served["checked"] == []


CLI_SCRIPT = """
import atexit, sys
atexit.register(lambda: print("loaded", sorted(m for m in ("numpy", "pandas", "pyarrow") if m in sys.modules), file=sys.stderr))
from smallboats.cli import main
main()
"""

CLI_QUESTIONS = [["total", "--from", "2024-01-01", "--to", "2024-03-31"], ["ytd", "--as-of", "2025-06-01"],
                 ["compare", "--from", "2025-01-01", "--to", "2025-03-31"], ["rank", "2024-05"],
                 ["records", "--period", "2024-08"], ["streaks", "--year", "2024"], ["prevented"],
                 ["series", "--freq", "week", "--from", "2025-01-01", "--as-of", "2025-06-01"]]


@pytest.mark.parametrize("question", CLI_QUESTIONS, ids=lambda q: q[0])
def test_a_cli_question_imports_neither_numpy_nor_pandas(db_path, question):
    """(Issue 14: importing numpy cost a CLI question more time than answering it.) The answer
    is still there, and it is the one the table shows."""
    env = {**os.environ, "SMALLBOATS_NO_CACHE": "1"}
    got = {}
    for fmt in ("json", "table"):
        proc = subprocess.run([sys.executable, "-c", CLI_SCRIPT, "--db", str(db_path), "--format", fmt, *question],
                              capture_output=True, text=True, timeout=120, env=env)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.strip().splitlines()[-1] == "loaded []"
        got[fmt] = proc.stdout
    assert json.loads(got["json"]) and got["table"].strip()
