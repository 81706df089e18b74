"""The server answers the questions without pandas or pyarrow (issue 14: their imports were
most of ``serve``'s memory). Checked in a process of its own: other tests import them."""

from __future__ import annotations

import json
import subprocess
import sys

QUESTIONS = ["/api/v1/total?from=2024-01-01&to=2024-03-31", "/api/v1/total?from=2024-01-01&to=2024-03-31&as_of=2025-06-01",
             "/api/v1/ytd", "/api/v1/ytd?at=2025-05-31&as_of=2025-06-01", "/api/v1/compare?from=2025-01-01&to=2025-03-31",
             "/api/v1/rank?period=2024-05", "/api/v1/records?period=2024-08&as_of=2025-12-12", "/api/v1/streaks?year=2024",
             "/api/v1/prevented?as_of=2025-12-12", "/api/v1/series?freq=week&from=2024-01-01", "/api/v1/vintages",
             "/healthz"]

SCRIPT = """
import json, sys
from fastapi.testclient import TestClient
from smallboats.api import create_app

out = {}
with TestClient(create_app(sys.argv[1])) as client:  # the lifespan (the pages' warm-up) included
    out["started"] = sorted(m for m in ("pandas", "pyarrow") if m in sys.modules)
    out["status"] = {url: client.get(url).status_code for url in json.loads(sys.argv[2])}
    out["answered"] = sorted(m for m in ("pandas", "pyarrow") if m in sys.modules)
    paths = client.get("/openapi.json").json()["paths"]
    out["documented"] = {p: paths[p][m]["responses"]["200"]["content"]["application/json"]["schema"]
                         for p, m in [("/api/v1/check", "post"), ("/api/v1/forecast", "get"), ("/api/v1/who", "get"),
                                      ("/api/v1/deaths", "get"), ("/api/v1/ytd", "get")]}
print(json.dumps(out))
"""


def test_serving_the_questions_imports_neither_pandas_nor_pyarrow(db_path):
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(db_path), json.dumps(QUESTIONS)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["status"] == {url: 200 for url in QUESTIONS}
    assert out["started"] == [] and out["answered"] == []
    # the answers of the endpoints that do use them are still described by their models
    assert out["documented"] == {"/api/v1/check": {"$ref": "#/components/schemas/Report"},
                                 "/api/v1/forecast": {"$ref": "#/components/schemas/ForecastReport"},
                                 "/api/v1/who": {"$ref": "#/components/schemas/Who"},
                                 "/api/v1/deaths": {"$ref": "#/components/schemas/Deaths"},
                                 "/api/v1/ytd": {"$ref": "#/components/schemas/Ytd"}}
