"""The one command-line entry: ``smallboats``.

Global options ``--db`` and ``--format`` may be given before the command or after it.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from . import series as series_mod
from .dates import parse_date
from .store import Store, StoreError, default_db_path

app = typer.Typer(
    help="smallboats: the public record of small-boat crossings of the English Channel, and the news checked against it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(soft_wrap=False)
err = Console(stderr=True)


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Settings:
    def __init__(self, db: Path | None = None, fmt: Fmt = Fmt.table):
        self.db = db
        self.fmt = fmt


DbOpt = Annotated[Optional[Path], typer.Option("--db", help="DuckDB store (default: $SMALLBOATS_DB or ~/.local/share/smallboats/smallboats.duckdb).", show_default=False)]
FmtOpt = Annotated[Optional[Fmt], typer.Option("--format", "-f", help="Output format: table, json or csv.", show_default=False)]
DateOpt = Annotated[Optional[str], typer.Option(help="A date: 2025-04-15 or '15 April 2025'.", show_default=False)]


@app.callback()
def _global(ctx: typer.Context, db: DbOpt = None, fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format: table, json or csv.")] = Fmt.table) -> None:
    ctx.obj = Settings(db, fmt)


def _settings(ctx: typer.Context, db: Path | None, fmt: Fmt | None) -> Settings:
    base: Settings = ctx.obj or Settings()
    return Settings(db or base.db, fmt or base.fmt)


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def date_arg(text: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(text)
    except ValueError as exc:
        fail(f"{name}: {exc}", 2)
        return None


def open_store(s: Settings, read_only: bool = True) -> Store:
    path = s.db or default_db_path()
    if read_only and not Path(path).exists():
        fail(f"no store at {path}: run `smallboats build` first (or pass --db)")
    try:
        return Store(path, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))
        raise


# -- output ------------------------------------------------------------------------------

def _plain(v: Any) -> Any:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, (dt.date, dt.datetime, pd.Timestamp)):
        return v.isoformat() if not isinstance(v, pd.Timestamp) else v.isoformat()
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def records(df: pd.DataFrame) -> list[dict]:
    """A frame as JSON-ready dicts: dates as ISO strings, missing values as None."""
    cols = list(df.columns)
    return [{c: _plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def emit(data: pd.DataFrame | list[dict] | dict, fmt: Fmt, title: str | None = None, caption: str | None = None) -> None:
    """Print ``data`` as a Rich table, JSON or CSV."""
    if fmt is Fmt.json:
        payload = records(data) if isinstance(data, pd.DataFrame) else data
        sys.stdout.write(json.dumps(payload, indent=2, default=_plain, ensure_ascii=False) + "\n")
        return
    if isinstance(data, dict):
        data = pd.DataFrame([{"field": k, "value": json.dumps(v, default=_plain) if isinstance(v, (dict, list)) else _plain(v)} for k, v in data.items()])
    df = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if fmt is Fmt.csv:
        df.to_csv(sys.stdout, index=False, lineterminator="\n")
        return
    table = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for c in df.columns:
        numeric = pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
        table.add_column(str(c), justify="right" if numeric else "left")
    for row in records(df):
        table.add_row(*["" if v is None else (f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v)) for v in row.values()])
    out.print(table)


# -- commands --------------------------------------------------------------------------

@app.command()
def build(
    ctx: typer.Context,
    data: Annotated[Optional[Path], typer.Option("--data", help="Folder of publications (default: the bundled data/homeoffice).", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail if any file does not parse.")] = False,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Build (or update) the store from the bundled publications. Idempotent."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .build import build as run_build, default_data_dir

    s = _settings(ctx, db, fmt)
    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        fail(f"no data folder at {data_dir}")
    store = open_store(s, read_only=False)
    with Progress(SpinnerColumn(), TextColumn("[bold]building store"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("files"), TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("build", total=None)
        report = run_build(store, data_dir, progress=lambda n: bar.advance(task, n))
    counts = store.counts()
    store.close()
    rows = [
        {"kind": kind, **{k: v.get(k, 0) for k in ("added", "notice", "unchanged")},
         "vintages_in_store": counts.get(f"vintages_{kind}", 0), "notices_in_store": counts.get(f"notices_{kind}", 0)}
        for kind, v in sorted(report.by_kind.items())
    ]
    problems = [{"file": p.file_name, "problem": p.problem} for p in report.problems]
    if s.fmt is Fmt.json:
        emit({"files": report.files, "kinds": rows, "problems": problems, "db": str(s.db or default_db_path())}, s.fmt)
    else:
        emit(pd.DataFrame(rows), s.fmt, title=f"Built {s.db or default_db_path()} from {report.files} files")
        for p in problems:
            err.print(f"[yellow]problem:[/] {p['file']}: {p['problem']}", highlight=False)
        if problems:
            err.print(f"[yellow]{len(problems)} file(s) did not parse and were left out.[/]")
    if problems and strict:
        raise typer.Exit(1)


@app.command()
def vintages(ctx: typer.Context, db: DbOpt = None, fmt: FmtOpt = None) -> None:
    """One row per vintage (publication with figures) in the store."""
    s = _settings(ctx, db, fmt)
    with open_store(s) as store:
        df = store.vintages().drop(columns=["sha256", "ingested_at"] if s.fmt is Fmt.table else [])
        emit(df, s.fmt, title="Vintages")


@app.command("series")
def series_cmd(
    ctx: typer.Context,
    freq: Annotated[series_mod.Freq, typer.Option("--freq", help="day, week (Monday-Sunday), month or year.")] = "day",
    start: Annotated[Optional[str], typer.Option("--from", help="First date (inclusive).", show_default=False)] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Last date (inclusive).", show_default=False)] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="As known on this date.", show_default=False)] = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Arrivals, boats and uncontrolled landings by day, week, month or year."""
    s = _settings(ctx, db, fmt)
    a, b, d = date_arg(start, "--from"), date_arg(end, "--to"), date_arg(as_of, "--as-of")
    if a and b and a > b:
        fail("--from is after --to", 2)
    with open_store(s) as store:
        df = series_mod.series(store, freq, a, b, d)
    caption = f"as known on {d}" if d else "newest figures"
    emit(df, s.fmt, title=f"Small-boat arrivals by {freq}", caption=f"Home Office, provisional; {caption}")


@app.command()
def revisions(
    ctx: typer.Context,
    start: Annotated[Optional[str], typer.Option("--from", help="First date (inclusive).", show_default=False)] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Last date (inclusive).", show_default=False)] = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Every value that changed between successive ODS vintages."""
    s = _settings(ctx, db, fmt)
    with open_store(s) as store:
        df = store.revisions(date_arg(start, "--from"), date_arg(end, "--to"))
    emit(df, s.fmt, title="Revisions between vintages", caption=f"{len(df)} changed values")


@app.command("sources-compare")
def sources_compare(ctx: typer.Context, db: DbOpt = None, fmt: FmtOpt = None) -> None:
    """Where daily/weekly pages and the ODS disagree on the same date."""
    s = _settings(ctx, db, fmt)
    with open_store(s) as store:
        df = store.sources_compare()
        compared = store.compared_count()
    by_metric = df.groupby("metric").size().to_dict() if not df.empty else {}
    summary = (f"{compared} page figures compared with the ODS: {len(df)} differ"
               + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(by_metric.items())) + ")" if by_metric else ""))
    if s.fmt is Fmt.json:
        emit({"compared": compared, "differences": records(df), "summary": summary}, s.fmt)
    else:
        emit(df, s.fmt, title="Pages against the ODS")
        err.print(summary)


def main() -> None:  # console-script entry
    app()


if __name__ == "__main__":
    main()
