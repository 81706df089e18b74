"""How accurately the news reported the figures: a report over ``check-batch`` results.

Per outlet, per year and per kind of claim: how many crossing figures were checked, the share
that were accurate, close, inaccurate and unverifiable, and how many articles had at least one
inaccurate figure (out of the articles with at least one crossing figure in that group).
DuckDB reads the Parquet parts, so the results never have to fit in memory.

Tables as CSV, JSON or Markdown; charts (100% stacked bars) as PNG or SVG.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Literal

import pandas as pd

from .batch import BatchError, Results
from .engine import duckdb

#: The verdicts a crossing figure can get, in the order shown ("not a crossing figure" is not
#: counted: those numbers are not about crossings).
VERDICTS = ("accurate", "close", "inaccurate", "unverifiable")
COLOURS = {"accurate": "#2e7d32", "close": "#9ccc65", "inaccurate": "#c62828", "unverifiable": "#9e9e9e"}
DIMENSIONS = {"outlet": "coalesce(outlet, '(no outlet)')", "year": "CAST(year(date) AS VARCHAR)", "kind": "kind"}


def _files(out: str | Path) -> tuple[list[str], int]:
    res = Path(out)
    if not (res / "_articles").is_dir():
        raise BatchError(f"{out} is not a check-batch results folder (no _articles/ in it)")
    r = Results.__new__(Results)
    r.dir, r.articles_dir = res, res / "_articles"
    return [str(f) for f in r.claim_files()], len(r.article_files())


def tables(out: str | Path, by: tuple[str, ...] = ("outlet", "year", "kind")) -> dict[str, pd.DataFrame]:
    """One table per dimension (``outlet``, ``year``, ``kind``), each with a last row "all"."""
    files, n_parts = _files(out)
    if not n_parts:
        raise BatchError(f"{out} has no results yet: run check-batch first")
    con = duckdb.connect(":memory:")
    try:
        if files:
            listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            con.execute(f"CREATE VIEW c AS SELECT * FROM read_parquet([{listed}], union_by_name = true) "
                        f"WHERE verdict IN {VERDICTS}")
        else:
            con.execute("CREATE VIEW c AS SELECT NULL::VARCHAR AS article_id, NULL::VARCHAR AS outlet, NULL::DATE AS date, "
                        "NULL::VARCHAR AS kind, NULL::VARCHAR AS verdict WHERE false")
        shares = ", ".join(f"round(avg(CASE WHEN verdict = '{v}' THEN 1.0 ELSE 0 END), 4) AS \"{v}\"" for v in VERDICTS)
        out_tables = {}
        for dim in by:
            if dim not in DIMENSIONS:
                raise BatchError(f"cannot group by {dim!r}: use {', '.join(DIMENSIONS)}")
            key = DIMENSIONS[dim]
            sql = f"""
                WITH g AS (SELECT {key} AS grp, * FROM c),
                art AS (SELECT grp, article_id, bool_or(verdict = 'inaccurate') AS bad FROM g GROUP BY grp, article_id),
                per AS (SELECT grp, count(*) AS figures, {shares} FROM g GROUP BY grp),
                arts AS (SELECT grp, count(*) AS articles, sum(bad::INT) AS articles_inaccurate FROM art GROUP BY grp),
                allart AS (SELECT article_id, bool_or(verdict = 'inaccurate') AS bad FROM c GROUP BY article_id)
                SELECT per.grp AS "{dim}", figures, {', '.join(f'"{v}"' for v in VERDICTS)}, articles,
                       articles_inaccurate, round(articles_inaccurate / articles, 4) AS share_articles_inaccurate
                FROM per JOIN arts USING (grp)
                UNION ALL
                SELECT 'all', (SELECT count(*) FROM c), {', '.join(f'(SELECT "{v}" FROM (SELECT {shares} FROM c))' for v in VERDICTS)},
                       (SELECT count(*) FROM allart), (SELECT sum(bad::INT) FROM allart),
                       (SELECT round(sum(bad::INT) / count(*), 4) FROM allart)
            """
            df = con.execute(sql).df()
            body = df[df[dim] != "all"].sort_values(["figures", dim] if dim != "year" else [dim],
                                                     ascending=[False, True] if dim != "year" else [True])
            df = pd.concat([body, df[df[dim] == "all"]], ignore_index=True)
            df["figures"] = df["figures"].astype(int)
            df["articles"] = df["articles"].fillna(0).astype(int)
            df["articles_inaccurate"] = df["articles_inaccurate"].fillna(0).astype(int)
            out_tables[dim] = df
        return out_tables
    finally:
        con.close()


# -- tables as text --------------------------------------------------------------------------

def pct(x: float | None) -> str:
    return "" if x is None or x != x else f"{100 * x:.1f}%"


def markdown(tabs: dict[str, pd.DataFrame]) -> str:
    parts = []
    for dim, df in tabs.items():
        head = [dim, "figures", *VERDICTS, "articles", "with an inaccurate figure"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in df.itertuples(index=False):
            d = r._asdict()
            cells = [str(d[dim]), f"{d['figures']:,}", *(pct(d[v]) for v in VERDICTS), f"{d['articles']:,}",
                     f"{d['articles_inaccurate']:,} ({pct(d['share_articles_inaccurate'])})"]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        parts.append(f"### By {dim}\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


def csv(tabs: dict[str, pd.DataFrame]) -> str:
    frames = [df.rename(columns={dim: "group"}).assign(by=dim) for dim, df in tabs.items()]
    df = pd.concat(frames, ignore_index=True)
    df = df[["by", "group", *[c for c in df.columns if c not in ("by", "group")]]]
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def as_json(tabs: dict[str, pd.DataFrame]) -> str:
    payload = {f"by_{dim}": json.loads(df.to_json(orient="records")) for dim, df in tabs.items()}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# -- charts ----------------------------------------------------------------------------------

def chart(df: pd.DataFrame, dim: str, fmt: Literal["png", "svg"] = "png", top: int = 25) -> bytes:
    """A 100% stacked bar per group (the largest ``top`` groups by figures; years all, in
    order), with the number of figures beside each bar."""
    from matplotlib.figure import Figure

    from .charts import _LOCK, _RC

    import matplotlib

    body = df[df[dim] != "all"]
    shown = f" (the {top} with the most figures)" if dim != "year" and len(body) > top else ""
    if dim != "year":
        body = body.head(top)
    body = pd.concat([body, df[df[dim] == "all"]]).iloc[::-1]
    with _LOCK, matplotlib.rc_context({**_RC, "axes.grid.axis": "x"}):
        fig = Figure(figsize=(8, 1.2 + 0.32 * len(body)))
        ax = fig.add_subplot()
        left = [0.0] * len(body)
        labels = [str(x) for x in body[dim]]
        for v in VERDICTS:
            vals = [0.0 if x != x else float(x) for x in body[v]]
            ax.barh(labels, vals, left=left, color=COLOURS[v], label=v, height=0.7)
            left = [a + b for a, b in zip(left, vals)]
        for i, n in enumerate(body["figures"]):
            ax.text(1.01, i, f"{int(n):,}", va="center", fontsize=8, transform=ax.get_yaxis_transform())
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda x, _: f"{100 * x:.0f}%")
        ax.set_title(f"Crossing figures in the news by {dim}{shown}: verdicts (figures checked at right)", fontsize=10,
                     loc="left", pad=24)
        ax.legend(ncols=4, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        fig.subplots_adjust(left=0.3, right=0.9)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, bbox_inches="tight", dpi=110)
    return buf.getvalue()


def write(out: str | Path, dest: str | Path, by: tuple[str, ...] = ("outlet", "year", "kind"),
          charts: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Write report.csv, report.json, report.md and one chart per dimension and format to ``dest``."""
    tabs = tables(out, by)
    d = Path(dest)
    d.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("report.csv", csv(tabs)), ("report.json", as_json(tabs)), ("report.md", markdown(tabs))):
        (d / name).write_text(text, encoding="utf-8")
        written.append(d / name)
    for dim, df in tabs.items():
        for fmt in charts:
            p = d / f"by_{dim}.{fmt}"
            p.write_bytes(chart(df, dim, fmt))  # type: ignore[arg-type]
            written.append(p)
    return written
