"""Batch checking on Dask (smallboats check-batch, check_many) and the report over its results.

The real articles (tests/data/news) are checked by `check-batch` on a local cluster of two
workers and compared, article by article, with the claim checker run here directly.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from smallboats import batch
from smallboats.claims import check

from .news import ARTICLES, NEWS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

INDEX = [json.loads(line) for line in (NEWS / "index.jsonl").read_text().splitlines()]


def run_cli(*args: str, db: Path, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smallboats.cli", "--db", str(db), *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def full_run(db_path, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("batch") / "results"
    proc = run_cli("check-batch", str(NEWS), "--out", str(out), "--workers", "2", "--partition-size", "10",
                   "--csv", str(out.parent / "claims.csv"), db=db_path)
    assert proc.returncode == 0, proc.stderr
    return out, proc


@pytest.fixture(scope="module")
def reports(store) -> dict:
    """Each real article checked here by the claim checker itself."""
    return {Path(row["file"]).stem: check((NEWS / row["file"]).read_text(), row["pub_date"], store) for row in INDEX}


def _expected(reports: dict) -> dict[str, list[tuple]]:
    return {aid: [(c.index, c.span[0], c.span[1], c.number, c.kind, c.metric, c.verdict,
                   c.official.value if c.official else None, c.reason) for c in rep.claims]
            for aid, rep in reports.items()}


def _v(x):
    return None if x is None or (not isinstance(x, str) and pd.isna(x)) else x


def _rows(claims: pd.DataFrame) -> dict[str, list[tuple]]:
    got: dict[str, list[tuple]] = {}
    for r in claims.sort_values(["article_id", "claim"]).itertuples(index=False):
        got.setdefault(r.article_id, []).append(tuple(_v(x) for x in (
            r.claim, r.span_start, r.span_end, r.number, r.kind, r.metric, r.verdict, r.official, r.reason)))
    return got


def test_check_batch_matches_check_article_by_article(full_run, reports):
    out, proc = full_run
    claims, articles = batch.read_results(out)
    assert len(articles) == len(INDEX) == articles["article_id"].nunique()
    assert articles["error"].isna().all(), articles[articles["error"].notna()]
    expected = _expected(reports)
    got = _rows(claims)
    assert sum(len(v) for v in expected.values()) == len(claims) > 0
    for aid, rows in expected.items():
        assert got.get(aid, []) == rows, aid
    # article metadata comes from the index
    by_id = {Path(r["file"]).stem: r for r in INDEX}
    for r in articles.itertuples():
        assert r.outlet == by_id[r.article_id]["outlet"]
        assert str(r.date) == by_id[r.article_id]["pub_date"]
        assert r.claims == len(expected[r.article_id])
    assert f"checked {len(INDEX)} articles" in proc.stderr
    # the CSV has every claim, and pandas reads the folder as one Parquet data set
    assert len(pd.read_csv(out.parent / "claims.csv")) == len(claims)
    assert len(pd.read_parquet(out)) == len(claims)


def test_rerun_skips_everything(full_run, client, db_path):
    out, _ = full_run
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    proc = run_cli("check-batch", str(NEWS), "--out", str(out), "--scheduler", client.scheduler.address, db=db_path)
    assert proc.returncode == 0, proc.stderr
    assert "checked 0 articles" in proc.stderr and f"{len(INDEX)} skipped" in proc.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_killed_run_resumes_to_the_same_result(full_run, client, db_path, tmp_path):
    """Killed part way (the command and its own local cluster, at once), a run over 30 of the
    real articles resumes (here on a cluster given by its tcp:// address) to the rows of the
    uninterrupted run."""
    subset = INDEX[::3][:30]
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "index.jsonl").write_text("".join(json.dumps({**r, "file": str(NEWS / r["file"])}) + "\n" for r in subset))
    out = tmp_path / "results"
    cmd = [sys.executable, "-m", "smallboats.cli", "--db", str(db_path), "check-batch", str(archive), "--out", str(out),
           "--workers", "1", "--partition-size", "3"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(list((out / "_articles").glob("part-*.parquet"))) < 3:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the command and its local cluster, at once
        proc.wait()
    done_before = len(batch.read_results(out)[1])
    assert 0 < done_before < len(subset), "the run was not interrupted part way"
    resumed = run_cli("check-batch", str(archive), "--out", str(out), "--scheduler", client.scheduler.address, db=db_path)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done_before} skipped" in resumed.stderr
    assert f"checked {len(subset) - done_before} articles" in resumed.stderr
    claims, articles = batch.read_results(out)
    full_claims, _ = batch.read_results(full_run[0])
    ids = {Path(r["file"]).stem for r in subset}
    assert set(articles["article_id"]) == ids and len(articles) == len(subset)
    assert _rows(claims) == _rows(full_claims[full_claims.article_id.isin(ids)])
    assert not list(out.rglob(".*.tmp"))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def test_bad_articles_are_recorded_not_fatal(client, db_path, reports, tmp_path):
    """A binary file, an article without a date, an HTML page with no text and a missing file
    are recorded with their errors; the good articles around them are checked as usual."""
    good = INDEX[:3]
    folder = tmp_path / "archive"
    folder.mkdir()
    lines = []
    for r in good:
        shutil.copy(NEWS / r["file"], folder / Path(r["file"]).name)
        lines.append({"file": Path(r["file"]).name, "date": r["pub_date"], "outlet": r["outlet"]})
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.html").write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    lines[1:1] = [{"file": "binary.txt", "date": "2024-05-01"}, {"file": "nodate.txt"},
                  {"file": "empty.html", "date": "2024-05-01"}, {"file": "gone.txt", "date": "2024-05-01"}]
    shutil.copy(NEWS / good[0]["file"], folder / "nodate.txt")
    (folder / "index.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    out = tmp_path / "results"
    prog, _ = batch.run(batch.open_source(folder), out, store=db_path, scheduler=client, partition_size=2)
    assert (prog.done, prog.errors) == (7, 4)
    claims, articles = batch.read_results(out)
    errors = dict(zip(articles["article_id"], map(_v, articles["error"])))
    assert errors["binary"].startswith("not text")
    assert errors["nodate"].startswith("no date")
    assert errors["empty"].startswith("unreadable HTML")
    assert errors["gone"].startswith("unreadable file")
    for r in good:
        aid = Path(r["file"]).stem
        assert errors[aid] is None
        rep = reports[aid]
        assert [c.verdict for c in rep.claims] == list(claims[claims.article_id == aid].sort_values("claim").verdict)


def test_check_many_from_pandas_and_dask(client, db_path, reports):
    import dask.dataframe as dd

    rows = INDEX[10:16]
    df = pd.DataFrame({"id": [Path(r["file"]).stem for r in rows], "text": [(NEWS / r["file"]).read_text() for r in rows],
                       "date": [r["pub_date"] for r in rows], "outlet": [r["outlet"] for r in rows]})
    df.loc[len(df)] = {"id": "bad", "text": "Some 500 people crossed.", "date": "not a date", "outlet": None}
    got = batch.check_many(df, store=db_path, scheduler=client)
    from_dask = batch.check_many(dd.from_pandas(df, npartitions=3), store=db_path, scheduler=client)
    arts = got.attrs["articles"]
    assert arts.set_index("article_id").loc["bad", "error"].startswith("bad date")
    expected = {aid: [(c.index, c.verdict, c.reason) for c in reports[aid].claims] for aid in df.id[:-1]}
    # each worker opened the store once, and kept it for every task
    assert list(client.run(batch.open_stores).values()) == [[str(db_path)]] * 2
    for res in (got, from_dask):
        found = {aid: [(r.claim, r.verdict, r.reason) for r in g.sort_values("claim").itertuples()]
                 for aid, g in res.groupby("article_id")}
        assert found == {k: v for k, v in expected.items() if v}


def test_input_formats_give_the_same_articles(tmp_path):
    """A JSON Lines file and a Parquet file give the same article records as the folder."""
    rows = INDEX[:5]
    recs = [{"id": Path(r["file"]).stem, "text": (NEWS / r["file"]).read_text(), "date": r["pub_date"],
             "outlet": r["outlet"], "url": None, "title": r["title"]} for r in rows]
    jl = tmp_path / "a.jsonl"
    jl.write_text("".join(json.dumps(r) + "\n" for r in recs) + "{not json\n")
    pqf = tmp_path / "a.parquet"
    pd.DataFrame(recs).to_parquet(pqf)
    from_jsonl = list(batch.open_source(jl).records)
    from_parquet = list(batch.open_source(pqf).records)
    assert from_jsonl[:5] == from_parquet == [batch._normal(r, "") for r in recs]
    assert from_jsonl[5]["id"] == "line:6" and from_jsonl[5]["error"].startswith("bad JSON on line 6")
    with pytest.raises(batch.BatchError, match="no sidecar index"):
        batch.open_source(ARTICLES)


def test_report_over_the_real_articles(full_run, db_path, reports, tmp_path):
    """The report's shares, against counts made here from the checker's own reports (overall)
    and from the result rows with pandas (per outlet, year and kind)."""
    from smallboats import batch_report as br

    out, _ = full_run
    tabs = br.tables(out)
    counted = ("accurate", "close", "inaccurate", "unverifiable")
    verdicts, bad_articles, articles = [], 0, 0
    for rep in reports.values():
        vs = [c.verdict for c in rep.claims if c.verdict in counted]
        verdicts += vs
        if vs:
            articles += 1
            bad_articles += "inaccurate" in vs
    assert all(verdicts.count(v) for v in counted), "the real articles have figures of every verdict"
    for dim in ("outlet", "year", "kind"):
        every = tabs[dim].set_index(dim).loc["all"]
        assert every["figures"] == len(verdicts) > 0
        for v in counted:
            assert every[v] == pytest.approx(verdicts.count(v) / len(verdicts), abs=1e-4)
        assert (every["articles"], every["articles_inaccurate"]) == (articles, bad_articles)
    claims, _ = batch.read_results(out)
    c = claims[claims.verdict.isin(counted)].copy()
    c["year"] = [str(d.year) for d in c["date"]]
    for dim in ("outlet", "year", "kind"):
        t = tabs[dim].set_index(dim)
        for key, g in c.groupby(dim):
            assert t.loc[key, "figures"] == len(g)
            assert t.loc[key, "inaccurate"] == pytest.approx((g.verdict == "inaccurate").mean(), abs=1e-4)
            per_article = g.groupby("article_id").verdict.apply(lambda s: (s == "inaccurate").any())
            assert t.loc[key, "articles_inaccurate"] == per_article.sum()
    proc = run_cli("report", str(out), "--out", str(tmp_path / "rep"), "-f", "json", db=db_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["by_year"][-1]["figures"] == len(verdicts)
    assert (tmp_path / "rep" / "by_outlet.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "rep" / "by_kind.svg").read_bytes()[:400]
    md = (tmp_path / "rep" / "report.md").read_text()
    assert "| all |" in md and "| close |" in md
    assert run_cli("report", str(tmp_path), db=db_path).returncode == 2


def _profiler_on() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_the_local_cluster_runs_without_dasks_profiler():
    """Dask's statistical profiler keeps call trees for its dashboard: on the workers of a long
    batch they grew each worker by about 25 kB per article (bench/batch.py: 360 -> 652 MiB over
    20,000 articles). The local cluster check-batch starts turns it off on every worker."""
    client, release = batch.connect(None, 1)
    try:
        assert list(client.run(_profiler_on).values()) == [False]
    finally:
        release()
