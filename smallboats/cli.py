"""The one command-line entry: ``smallboats``.

Global options ``--db`` and ``--format`` may be given before the command or after it.

Start-up is kept light: this module imports Typer and the standard library only; pandas,
DuckDB, Rich's tables and the questions are imported by the command that needs them, so
``smallboats --help`` and ``--version`` take a fraction of a second. Answers to the
read-only questions are kept in a small cache (:mod:`smallboats.answer_cache`) keyed by the
store file, the code and the command line, so asking again is instant.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from . import __version__
from .paths import default_db_path

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

app = typer.Typer(
    help="smallboats: the public record of small-boat crossings of the English Channel, and the news checked against it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class _Console:
    """A Rich console made when used (Rich is not imported for --help or --version)."""

    def __init__(self, stderr: bool = False):
        self.stderr = stderr

    def get(self) -> Any:
        """A console for the current standard output (made afresh: tests swap the streams)."""
        from .tables import console

        return console(self.stderr)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


out = _Console()
err = _Console(stderr=True)


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


FREQS = ("day", "week", "month", "year")


def _freqs(incomplete: str) -> list[str]:  # shell completion of --freq and --kind
    return [f for f in FREQS if f.startswith(incomplete)]


def freq_arg(text: str | None, name: str) -> str | None:
    """--freq/--kind: one of day, week, month, year (a one-line error naming what was typed)."""
    if text is not None and text not in FREQS:
        fail(f"{name}: give day, week, month or year, not {text!r}", 2)
    return text


class Settings:
    def __init__(self, db: Path | None = None, fmt: Fmt = Fmt.table):
        self.db = db
        self.fmt = fmt


DbOpt = Annotated[Optional[Path], typer.Option("--db", help="DuckDB store (default: $SMALLBOATS_DB or ~/.local/share/smallboats/smallboats.duckdb).", show_default=False)]
FmtOpt = Annotated[Optional[Fmt], typer.Option("--format", "-f", help="Output format: table, json or csv.", show_default=False)]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="First date (inclusive): 2025-04-15 or '15 April 2025'.", show_default=False)]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Last date (inclusive).", show_default=False)]
AtOpt = Annotated[Optional[str], typer.Option("--at", help="The date (default: the last in the record).", show_default=False)]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", help="As known on this date (default: the newest figures).", show_default=False)]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"smallboats {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(ctx: typer.Context, db: DbOpt = None,
            fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format: table, json or csv.")] = Fmt.table,
            version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                  help="Print the version and exit.")] = False) -> None:
    ctx.obj = Settings(db, fmt)


def _settings(ctx: typer.Context, db: Path | None, fmt: Fmt | None) -> Settings:
    base: Settings = ctx.obj or Settings()
    return Settings(db or base.db, fmt or base.fmt)


def fail(message: str, code: int = 1) -> None:
    """One line on standard error, and exit ``code`` (1: the store or the record; 2: the input)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def date_arg(text: str | None, name: str) -> dt.date | None:
    from .dates import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        fail(f"{name}: {exc}", 2)
        return None


def one_of(option: str, positional: str | None, name: str) -> str | None:
    """An option with a positional alias (``ytd --at D`` or ``ytd D``): not both."""
    if option is not None and positional is not None and option != positional:
        fail(f"give the date once: {name} {option!r} or {positional!r}", 2)
    return option if option is not None else positional


DUCKDB_MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB file


def check_store_file(path: Path) -> None:
    """A one-line error for a --db that is a folder or some other kind of file."""
    if path.is_dir():
        fail(f"--db {path}: is a folder; give the store's file (e.g. {path / 'smallboats.duckdb'})", 2)
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except FileNotFoundError:
        return
    except OSError as exc:
        fail(f"--db {path}: cannot be read ({exc.strerror or exc})")
    if head and head[8:12] != DUCKDB_MAGIC:
        fail(f"--db {path}: not a DuckDB store (a smallboats store is made by `smallboats build`)", 2)


def open_store(s: Settings, read_only: bool = True) -> "Store":
    from .store import Store, StoreError

    path = Path(s.db or default_db_path())
    check_store_file(path)
    if read_only and not path.exists():
        fail(f"no store at {path}: run `smallboats build` first (or pass --db)")
    try:
        return Store(path, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))
        raise
    except Exception as exc:  # duckdb.Error and the like: the file is not a store we can open
        fail(f"--db {path}: cannot be opened as a DuckDB store ({str(exc).splitlines()[0]})")
        raise


# -- output ------------------------------------------------------------------------------

def _plain(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v) or type(v).__name__ == "NAType":
        return None
    if isinstance(v, (dt.date, dt.datetime)) or type(v).__name__ == "Timestamp":
        if isinstance(v, dt.datetime) and (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0):
            return v.date().isoformat()
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def records(df: "pd.DataFrame") -> list[dict]:
    """A frame as JSON-ready dicts: dates as ISO strings, missing values as None."""
    cols = list(df.columns)
    return [{c: _plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def emit(data: "pd.DataFrame | list[dict] | dict", fmt: Fmt, title: str | None = None, caption: str | None = None,
         headers: dict[str, str] | None = None) -> None:
    """Print ``data`` as a table (never cutting a figure, see :mod:`smallboats.tables`), JSON or CSV."""
    if isinstance(data, dict):
        if fmt is Fmt.json:
            sys.stdout.write(json.dumps(data, indent=2, default=_plain, ensure_ascii=False) + "\n")
            return
        data = [{"field": k, "value": json.dumps(v, default=_plain) if isinstance(v, (dict, list)) else _plain(v)}
                for k, v in data.items()]
    rows = data if isinstance(data, list) else records(data)
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(rows, indent=2, default=_plain, ensure_ascii=False) + "\n")
    elif fmt is Fmt.csv:
        import csv

        columns = list(data.columns) if not isinstance(data, list) else list(dict.fromkeys(k for r in rows for k in r))
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(c) is None else _plain(r.get(c)) for c in columns])
    else:
        from .tables import show

        show(rows, out, title, caption, headers)


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
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .build import build as run_build, default_data_dir

    s = _settings(ctx, db, fmt)
    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        fail(f"no data folder at {data_dir}")
    store = open_store(s, read_only=False)
    with Progress(SpinnerColumn(), TextColumn("[bold]building the store[/]: {task.fields[files]:,} files read, "
                  "{task.fields[added]:,} vintages added"), TimeElapsedColumn(),
                  console=err.get(), transient=True) as bar:
        task = bar.add_task("build", total=None, files=0, added=0)
        report = run_build(store, data_dir, progress=lambda r: bar.update(task, files=r.files, added=r.total("added")))
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
        emit(rows, s.fmt, title=f"Built {s.db or default_db_path()} from {report.files:,} files",
             headers={"added": "vintages added", "notice": "pages without figures (notices)",
                      "unchanged": "already in the store", "vintages_in_store": "vintages in the store",
                      "notices_in_store": "notices in the store"})
        for p in problems:
            err.print(f"[yellow]problem:[/] {p['file']}: {p['problem']}", highlight=False, soft_wrap=True)
        if problems:
            err.print(f"[yellow]{len(problems)} file(s) did not parse and were left out.[/]")
    if problems and strict:
        raise typer.Exit(1)


@app.command()
def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="ODS files or saved gov.uk pages.", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", help="ods, daily_page, weekly_page, irr_csv, irr_xlsx or iom (default: guessed from the name).", show_default=False)] = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Add publications to the store, one transaction each. The same file twice changes nothing."""
    from .build import PARSERS, ingest_file
    from .sources import SourceError

    s = _settings(ctx, db, fmt)
    if kind is not None and kind not in PARSERS:
        fail(f"--kind must be one of {', '.join(PARSERS)}; got {kind!r}", 2)
    rows, failed = [], 0
    with open_store(s, read_only=False) as store:
        for path in files:
            try:
                res = ingest_file(store, path, kind)
                rows.append({"file": str(path), "status": res.status, "vintage_id": res.vintage_id, "observations": res.n_observations})
            except SourceError as exc:
                failed += 1
                err.print(f"[bold red]error:[/] {exc} (nothing was stored from it)", highlight=False, soft_wrap=True)
    if rows:
        emit(rows, s.fmt, title="Ingested")
    if failed:
        raise typer.Exit(1)


@app.command()
def fetch(
    ctx: typer.Context,
    raw_dir: Annotated[Optional[Path], typer.Option("--raw-dir", help="Where the downloaded files are kept (default: beside the store, in raw/).", show_default=False)] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="gov.uk or a mirror (default: $SMALLBOATS_GOVUK_URL or https://www.gov.uk).", show_default=False)] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each answer.")] = 20.0,
    strict: Annotated[bool, typer.Option("--strict", help="Fail if any file is not stored.")] = False,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Download the current ODS, daily page and weekly page from gov.uk and ingest them."""
    from .fetch import FetchError, fetch as run_fetch

    s = _settings(ctx, db, fmt)
    store = open_store(s, read_only=False)
    raw = raw_dir or store.path.parent / "raw"
    try:
        with err.status("fetching from gov.uk"):
            report = run_fetch(store, raw, base_url, timeout)
    except FetchError as exc:
        fail(str(exc))
    finally:
        store.close()
    emit(([{"kind": i.kind, "status": i.status, "vintage_id": i.vintage_id, "file": str(i.file or ""), "url": i.url}
                       for i in report.items]), s.fmt, title="Fetched from gov.uk")
    for p in report.problems:
        err.print(f"[yellow]problem:[/] {p}", highlight=False, soft_wrap=True)
    if report.problems:
        err.print(f"[yellow]{len(report.problems)} file(s) were not stored (raw files kept in {raw}).[/]", highlight=False)
        if strict:
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
    freq: Annotated[str, typer.Option("--freq", help="day, week (Monday-Sunday), month or year.", autocompletion=_freqs)] = "day",
    start: FromOpt = None,
    end: ToOpt = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Arrivals, boats and uncontrolled landings by day, week, month or year."""
    from .questions import series as series_q

    s = _settings(ctx, db, fmt)
    a, b, d = date_arg(start, "--from"), date_arg(end, "--to"), date_arg(as_of, "--as-of")
    freq = freq_arg(freq, "--freq")  # type: ignore[assignment]
    ans = _ask(s, lambda store: series_q(store, freq, a, b, d))  # type: ignore[arg-type]
    caption = f"as known on {d}" if d else "newest figures"
    emit(ans.rows("periods"), s.fmt, title=f"Small-boat arrivals by {freq}", caption=f"Home Office, provisional; {caption}")


@app.command()
def revisions(
    ctx: typer.Context,
    start: FromOpt = None,
    end: ToOpt = None,
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
        df, compared = store.sources_compare()
    by_metric = df.groupby("metric").size().to_dict() if not df.empty else {}
    summary = (f"{compared} page figures compared with the ODS: {len(df)} differ"
               + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(by_metric.items())) + ")" if by_metric else ""))
    if s.fmt is Fmt.json:
        emit({"compared": compared, "differences": records(df), "summary": summary}, s.fmt)
    else:
        emit(df, s.fmt, title="Pages against the ODS")
        err.print(summary)


# -- questions (smallboats.questions) ------------------------------------------------------

def _ask(s: Settings, question: Any) -> Any:
    """Run ``question(store)``; a question that cannot be asked becomes an error message."""
    from .questions import InvalidQuestion, OutOfRange

    with open_store(s) as store:
        try:
            return question(store)
        except InvalidQuestion as exc:
            fail(str(exc), 2)
        except OutOfRange as exc:
            fail(str(exc))


def _cell(v: Any) -> Any:
    """Display form: floats to 1 decimal, runs as 'start to end', lists joined."""
    if isinstance(v, float):
        return round(v, 1)
    if isinstance(v, list):
        return "; ".join(f"{r['start']} to {r['end']}" if isinstance(r, dict) and "start" in r else str(r) for r in v)
    return v


def _show(answer: Any, s: Settings, title: str, tables: tuple[str | None, ...] = (None,), sentence: str | None = None,
          headers: dict[str, str] | None = None, source: str = "Home Office, provisional") -> None:
    """JSON: the whole answer. CSV: its main table, exact. Table: the answer in a sentence
    first, then its tables rounded for reading, then where the figures come from."""
    if s.fmt is Fmt.json:
        emit(answer.model_dump(mode="json"), s.fmt)
        return
    if s.fmt is Fmt.csv:
        from .questions import _flat

        emit([_flat(r) for r in answer.rows(tables[0])], s.fmt)
        return
    if sentence:
        out.print(sentence, highlight=False)
    for t in tables:
        rows = [{k: _cell(v) for k, v in _flat_row(r).items()} for r in answer.rows(t)]
        if rows:
            emit(rows, s.fmt, title=title if t is None else f"{title}: {t.replace('_', ' ')}", headers=headers)
    ev = answer.evidence
    known = f"as known on {ev.as_of}" if ev.as_of else "newest figures"
    files = ", ".join(f"{v.file_name} ({v.kind}, published {v.published})" for v in ev.vintages)
    out.print(f"{source}; {known}; {ev.start} to {ev.end}; from {files}", highlight=False, style="dim")
    if ev.note:
        out.print(ev.note, highlight=False, style="yellow")


def _flat_row(r: dict) -> dict:
    from .questions import _flat

    return {k: (str(v) if k == "year" else v) for k, v in _flat(r).items()}


@app.command("total")
def total_cmd(
    ctx: typer.Context,
    start: Annotated[str, typer.Option("--from", help="First date (inclusive).", show_default=False)],
    end: Annotated[str, typer.Option("--to", help="Last date (inclusive).", show_default=False)],
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Arrivals and boats between two dates (inclusive), and people per boat."""
    from .questions import total

    s = _settings(ctx, db, fmt)
    a, b, d = date_arg(start, "--from"), date_arg(end, "--to"), date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: total(store, a, b, d))
    _show(ans, s, "Small-boat arrivals",
          sentence=f"{ans.arrivals:,} people on {ans.boats:,} boats ({ans.people_per_boat:.1f} per boat)"
          if ans.arrivals is not None and ans.boats and ans.people_per_boat is not None else None)


@app.command("ytd")
def ytd_cmd(
    ctx: typer.Context,
    date: Annotated[Optional[str], typer.Argument(help="The date, as --at (kept as a shorthand).", show_default=False)] = None,
    at: AtOpt = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Year to date against the same point of every earlier year; share of last year reached."""
    from .questions import ytd

    s = _settings(ctx, db, fmt)
    a, d = date_arg(one_of(at, date, "--at"), "--at"), date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: ytd(store, a, d))
    _show(ans, s, f"Year to date, {ans.at}", ("years",), ans.sentence,
          headers={"year": "year", "start": "from", "end": "to (the same point)", "change": f"{ans.year} minus that year",
                   "change_pct": f"% change, {ans.year} on that year", "year_total": "that whole year"})


@app.command("records")
def records_cmd(
    ctx: typer.Context,
    top: Annotated[int, typer.Option("--top", help="How many of each (1-100, as the API).")] = 10,
    period: Annotated[Optional[str], typer.Option("--period", help="Was this day, week (2025-W18), month (2025-05) or year a record when it happened?", show_default=False)] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Widen a --period day to its week, month or year.", show_default=False, autocompletion=_freqs)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Busiest days, weeks, months and years; the busiest day of each year."""
    from .questions import records as records_q

    s = _settings(ctx, db, fmt)
    d = date_arg(as_of, "--as-of")
    if not 1 <= top <= 100:
        fail(f"--top: give a number from 1 to 100, not {top}", 2)
    ans = _ask(s, lambda store: records_q(store, top, d, period, freq_arg(kind, "--kind")))
    _show(ans, s, "Busiest", ("days", "weeks", "months", "years", "busiest_day_each_year"),
          ans.check.sentence if ans.check else None, headers={"start": "from", "end": "to", "kind": "of"})


@app.command("compare")
def compare_cmd(
    ctx: typer.Context,
    first: Annotated[Optional[str], typer.Argument(help="As --from (kept as a shorthand).", show_default=False)] = None,
    last: Annotated[Optional[str], typer.Argument(help="As --to (kept as a shorthand).", show_default=False)] = None,
    start: FromOpt = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Last date (default: the last in the record).", show_default=False)] = None,
    with_from: Annotated[Optional[str], typer.Option("--with-from", help="First date of the period to compare with (default: the same dates a year earlier).", show_default=False)] = None,
    with_to: Annotated[Optional[str], typer.Option("--with-to", help="Last date of the period to compare with.", show_default=False)] = None,
    with_: Annotated[Optional[tuple[str, str]], typer.Option("--with", help="FROM TO: --with-from and --with-to together.", show_default=False)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Compare two periods: arrivals and boats, with absolute and percent change."""
    from .questions import compare

    s = _settings(ctx, db, fmt)
    start, end = one_of(start, first, "--from"), one_of(end, last, "--to")
    if start is None:
        fail("give the period: --from DATE [--to DATE]", 2)
    if with_:
        with_from, with_to = one_of(with_from, with_[0], "--with-from"), one_of(with_to, with_[1], "--with-to")
    a, b, d = date_arg(start, "--from"), date_arg(end, "--to"), date_arg(as_of, "--as-of")
    wa, wb = date_arg(with_from, "--with-from"), date_arg(with_to, "--with-to")
    ans = _ask(s, lambda store: compare(store, a, b, wa, wb, d))  # type: ignore[arg-type]
    _show(ans, s, "Comparison", sentence=ans.sentence)


@app.command("streaks")
def streaks_cmd(
    ctx: typer.Context,
    year: Annotated[Optional[int], typer.Option("--year", help="Only this year's rows.", show_default=False)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Longest runs of days with and without arrivals; days with arrivals per month and year."""
    from .questions import streaks

    s = _settings(ctx, db, fmt)
    d = date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: streaks(store, year, d))
    w, wo = ans.longest_with_arrivals, ans.longest_without_arrivals
    sentence = "; ".join(f"longest run {label} over the whole record: {x.days} days ("
                         + ", ".join(f"{r.start} to {r.end}" for r in x.runs) + ")"
                         for label, x in (("with arrivals", w), ("without arrivals", wo)) if x)
    _show(ans, s, "Days with arrivals", ("years", "months"), sentence[0].upper() + sentence[1:] if sentence else None)


@app.command("rank")
def rank_cmd(
    ctx: typer.Context,
    period: Annotated[str, typer.Argument(help="A day (2025-04-15, '15 April 2025'), week (2025-W18), month (2025-05, 'May 2025') or year (2025).", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", help="Rank the week, month or year containing a day.", show_default=False, autocompletion=_freqs)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Where a day, week, month or year stands among all of its kind, and whether it was a record."""
    from .questions import rank

    s = _settings(ctx, db, fmt)
    d = date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: rank(store, period, freq_arg(kind, "--kind"), d))
    _show(ans, s, "Rank", sentence=f"{ans.sentence} {ans.record.sentence}")


@app.command("prevented")
def prevented_cmd(
    ctx: typer.Context,
    start: Annotated[Optional[str], typer.Option("--from", help="Weeks ending on or after this date.", show_default=False)] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Weeks ending on or before this date.", show_default=False)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """French preventions per week and the share of attempts prevented, where published."""
    from .questions import prevented

    s = _settings(ctx, db, fmt)
    a, b, d = date_arg(start, "--from"), date_arg(end, "--to"), date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: prevented(store, a, b, d))
    sentence = (f"Over the {ans.weeks_with_figures} weeks with prevention figures: {ans.prevented_people:,} people prevented, "
                f"{ans.arrivals:,} arrived; {ans.share_prevented_pct:.1f}% of attempts prevented."
                if ans.share_prevented_pct is not None and ans.prevented_people is not None and ans.arrivals is not None
                else "No week in the range has prevention figures.")
    _show(ans, s, "Prevented crossings (SB_02)", ("weeks",), sentence)


class CheckFmt(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command("check")
def check_cmd(
    ctx: typer.Context,
    file: Annotated[Optional[str], typer.Argument(help="The article: a text file or a saved HTML page ('-' or nothing: standard input).", show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="The article's publication date: 2025-04-15 or '15 April 2025'.", show_default=False)] = None,
    infer: Annotated[bool, typer.Option("--infer-date", help="Without --date: estimate the date from the figures (the output says it is a guess).")] = False,
    fmt: Annotated[Optional[CheckFmt], typer.Option("--format", "-f", help="table, json, markdown or html.", show_default=False)] = None,
    db: DbOpt = None,
) -> None:
    """Check every crossing figure in a news article against the record as it stood on its date."""
    from .claims import check, page_date
    from .claims import report as claim_report

    base = _settings(ctx, db, None)
    if fmt is None:
        if base.fmt is Fmt.csv:
            fail("check has no csv output: use --format table, json, markdown or html", 2)
        fmt = CheckFmt(base.fmt.value)
    if file in (None, "-"):
        if sys.stdin.isatty():
            fail("give the article: a FILE, or '-' and the text on standard input", 2)
        text = article_text(sys.stdin.buffer.read(), "standard input")
    else:
        path = Path(file)
        if path.is_dir():
            fail(f"{file}: is a folder; give one article's file (a text file or a saved HTML page)", 2)
        if not path.is_file():
            fail(f"no such file: {file}", 2)
        try:
            data = path.read_bytes()
        except OSError as exc:
            fail(f"{file}: cannot be read ({exc.strerror or exc})", 2)
        text = article_text(data, file)
    day = date_arg(date, "--date")
    if day is None and not infer:
        hint = f" (the page says it was published on {found}: --date {found})" if (found := page_date(text)) else ""
        fail("checking needs the article's publication date: pass --date YYYY-MM-DD, or --infer-date to estimate "
             f"it from the figures{hint}", 2)
    with open_store(base) as store:
        if day is not None:
            in_record(store, day)
        try:
            report = check(text, day, store, infer_date=infer)
        except ValueError as exc:
            fail(str(exc))
    if fmt is CheckFmt.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt is CheckFmt.markdown:
        sys.stdout.write(claim_report.markdown(report))
    elif fmt is CheckFmt.html:
        sys.stdout.write(claim_report.html_page(report))
    else:
        out.print(claim_report.table(report))


@app.command("check-batch")
def check_batch_cmd(
    ctx: typer.Context,
    input: Annotated[str, typer.Argument(help="The articles: a folder of text/HTML files with a sidecar index (index.jsonl: file, date, optional id, outlet, url, title), a JSON Lines file or a Parquet file (id, text or html, date, optional outlet, url, title).", show_default=False)],
    out_dir: Annotated[Path, typer.Option("--out", help="Results folder (Parquet, one row per claim): created, or resumed if it exists.", show_default=False)],
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="A Dask scheduler (tcp://host:8786); default: a local cluster.", show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Workers of the local cluster (default: one per core).", show_default=False)] = None,
    index: Annotated[Optional[Path], typer.Option("--index", help="The folder's index, if not INPUT/index.jsonl.", show_default=False)] = None,
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Also write every claim to this CSV file.", show_default=False)] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Articles per task (and per results file).")] = 100,
    db: DbOpt = None,
) -> None:
    """Check every article of a news archive on Dask; rerun with the same --out to resume."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import batch

    s = _settings(ctx, db, None)
    store_path = s.db
    if scheduler is None:
        store_path = s.db or default_db_path()
        if not Path(store_path).is_file():
            fail(f"no store at {store_path}: run `smallboats build` first (or pass --db)")
    try:
        source = batch.open_source(input, index)
    except batch.BatchError as exc:
        fail(str(exc), 2)
    bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                   TextColumn("{task.fields[errors]}"), TimeElapsedColumn(), console=err.get(), disable=not err.is_terminal)
    task = bar.add_task("check", total=source.total, rate="", errors="")

    last_line = [time.monotonic()]

    def show(p: batch.Progress) -> None:
        bar.update(task, completed=p.skipped + p.done, rate=f"{p.rate:,.1f} articles/s",
                   errors=f"{p.errors} errors" if p.errors else "")
        if bar.disable and time.monotonic() - last_line[0] >= 30:  # not a terminal (a log): a line every 30 s
            last_line[0] = time.monotonic()
            of = f" of {source.total - p.skipped:,}" if source.total is not None else ""
            err.print(f"checked {p.done:,}{of} articles, {p.rate:,.1f} articles/s, {p.errors:,} errors", highlight=False)

    try:
        with bar:
            prog, _ = batch.run(source, out_dir, store=store_path, scheduler=scheduler, workers=workers,
                                partition_size=partition_size, on_progress=show)
    except batch.BatchError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail(f"interrupted: what was checked is in {out_dir}; run the same command again to check the rest", 130)
    verdicts = ", ".join(f"{n:,} {v}" for v, n in sorted(prog.verdicts.items(), key=lambda x: -x[1]))
    err.print(f"checked {prog.done:,} articles in {prog.seconds:.1f} s ({prog.rate:,.1f} articles/s on {prog.workers} "
              f"worker{'s' if prog.workers != 1 else ''}); {prog.skipped:,} skipped (already in {out_dir}); "
              f"{prog.claims:,} claims ({prog.crossing:,} crossing figures){': ' + verdicts if verdicts else ''}; "
              f"{prog.errors:,} errors", highlight=False)
    for aid, e in prog.error_examples:
        err.print(f"  error: {aid}: {e}", highlight=False, markup=False)
    if prog.errors > len(prog.error_examples):
        err.print(f"  ... and {prog.errors - len(prog.error_examples):,} more (column 'error' of {out_dir}/_articles)",
                  highlight=False)
    if len(prog.store_versions) > 1:
        err.print(f"warning: the workers' stores differ (versions {', '.join(sorted(prog.store_versions))}): give every "
                  "worker the same copy of the store", style="yellow", highlight=False)
    if csv_path is not None:
        n = batch.write_csv(out_dir, csv_path)
        err.print(f"{n:,} claims written to {csv_path}", highlight=False)


class ReportFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@app.command("report")
def report_cmd(
    ctx: typer.Context,
    results: Annotated[Path, typer.Argument(help="A check-batch results folder.", show_default=False)],
    by: Annotated[Optional[list[str]], typer.Option("--by", help="outlet, year or kind (repeatable; default: all three).", show_default=False)] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Also write report.csv, report.json, report.md and the charts (PNG and SVG) to this folder.", show_default=False)] = None,
    fmt: Annotated[Optional[ReportFmt], typer.Option("--format", "-f", help="table, json, csv or markdown.", show_default=False)] = None,
) -> None:
    """How accurately the checked articles reported the figures: per outlet, year and kind of claim."""
    from . import batch_report as br
    from .batch import BatchError

    base = _settings(ctx, None, None)
    fmt = fmt or ReportFmt(base.fmt.value)
    dims = tuple(by or ("outlet", "year", "kind"))
    try:
        tabs = br.tables(results, dims)
        if out_dir is not None:
            written = br.write(results, out_dir, dims)
            err.print(f"wrote {len(written)} files to {out_dir}", highlight=False)
    except BatchError as exc:
        fail(str(exc), 2)
    if fmt is ReportFmt.json:
        sys.stdout.write(br.as_json(tabs))
    elif fmt is ReportFmt.csv:
        sys.stdout.write(br.csv(tabs))
    elif fmt is ReportFmt.markdown:
        sys.stdout.write(br.markdown(tabs))
    else:
        for dim, df in tabs.items():
            show = df.copy()
            for c in (*br.VERDICTS, "share_articles_inaccurate"):
                show[c] = [br.pct(x) for x in show[c]]
            emit(show.rename(columns={"articles_inaccurate": "with an inaccurate figure",
                                      "share_articles_inaccurate": "share"}), Fmt.table, title=f"By {dim}")


def article_text(data: bytes, name: str) -> str:
    """The article's text; a one-line error for a file that is not text or HTML (an image, a
    PDF, a spreadsheet): NUL bytes, or bytes that are not UTF-8 in more than a few places."""
    if b"\0" in data[:65536]:
        fail(f"{name}: not a text or HTML file (it looks binary); give the article as text or a saved HTML page", 2)
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100):
        try:
            text = data.decode("cp1252")  # an older saved page
        except UnicodeDecodeError:
            fail(f"{name}: not a text or HTML file (it is not UTF-8 text); give the article as text or a saved HTML page", 2)
    return text


def in_record(store: "Store", day: dt.date) -> None:
    """An article dated outside the record is an error, as a question's date is (exit 1)."""
    from .questions import long_date
    from .store import SERIES_KINDS

    v = store.vintages(SERIES_KINDS)  # the crossing figures (the quarterly and IOM files reach back further)
    if v.empty:
        fail(f"the store {store.path} has no publications: run `smallboats build`")
    first, newest, last = v["figures_from"].min(), v["published"].max(), v["figures_to"].max()
    first, newest, last = (x.date() if hasattr(x, "date") else x for x in (first, newest, last))
    covers = f"the record covers {long_date(first)} to {long_date(last)}, published up to {long_date(newest)}"
    if day < first:
        fail(f"--date {long_date(day)} is before the record begins: {covers}")
    if day > newest:
        fail(f"--date {long_date(day)} is after the newest publication in the store: {covers} "
             "(`smallboats fetch` adds newer ones)")


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", help="Another name this server may be reached by (the Host header); repeatable. 127.0.0.1, localhost, ::1 and --host are always allowed.", show_default=False)] = None,
    db: DbOpt = None,
) -> None:
    """Serve the dashboard and the HTTP API; the store is opened read-only."""
    import gc

    import uvicorn

    from .api import create_app
    from .guard import LOCAL_HOSTS, server_config
    from .store import StoreError

    s = _settings(ctx, db, None)
    path = s.db or default_db_path()
    if not Path(path).exists():
        fail(f"no store at {path}: run `smallboats build` first (or pass --db)")
    import socket

    with socket.socket() as probe:  # a busy port: one line, not uvicorn's log and traceback
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            fail(f"cannot listen on {host}:{port} ({exc.strerror or exc}); give another port: "
                 f"--port {port + 1} (or `make run PORT={port + 1}`)")
    hosts = [*LOCAL_HOSTS, *([host] if host not in ("0.0.0.0", "::") else []), *(allow_host or [])]
    try:
        app_ = create_app(path, hosts=hosts)
    except StoreError as exc:
        fail(str(exc))
    gc.freeze()  # what start-up made lives as long as the server: out of every full collection's way
    err.print(f"serving {path} at http://{host}:{port}/ (API: http://{host}:{port}/api/v1/, OpenAPI: http://{host}:{port}/docs)",
              highlight=False, soft_wrap=True)
    try:
        uvicorn.Server(server_config(app_, host, port, log_level="warning", access_log=False)).run()
    finally:
        app_.state.smallboats.store.close()


# -- forecasts (smallboats.forecast) --------------------------------------------------------

def _interval_row(label: str, first: Any, last: Any, iv: dict) -> dict:
    return {"": label, "from": first, "to": last, "point": iv["point"], "80% from": iv["p10"], "80% to": iv["p90"],
            "95% from": iv["p2.5"], "95% to": iv["p97.5"]}


@app.command("forecast")
def forecast_cmd(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Year to project (default: the as-of date's; the next one is allowed).", show_default=False)] = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Projected arrivals for the rest of the year, the whole year and the next 7 and 28 days, with
    80% and 95% intervals; the chance the year ends above the last and the record year."""
    from .forecast import ForecastError, forecast

    s = _settings(ctx, db, fmt)
    d = date_arg(as_of, "--as-of")
    with open_store(s) as store:
        try:
            fc = forecast(store, d, year).to_dict()
        except ForecastError as exc:
            fail(str(exc))
    if s.fmt is Fmt.json:
        emit(fc, s.fmt)
        return
    year_row = _interval_row(f"{fc['year']} total", f"{fc['year']}-01-01", f"{fc['year']}-12-31", fc["year_total"])
    rows = [year_row] + [_interval_row(label, fc[k]["start"], fc[k]["end"], fc[k]) for label, k in
                         (("rest of year", "rest_of_year"), ("next 7 days", "next_7_days"), ("next 28 days", "next_28_days"))]
    emit(rows, s.fmt, title=f"Small-boat arrivals projected for {fc['year']}",
         caption=f"Home Office, provisional; record as known on {fc['as_of']}, to {fc['data_through']}; "
                 f"{fc['year_to_date']:,} arrived in {fc['year']} by then")
    if s.fmt is Fmt.csv:
        return
    for key, label in (("previous_year", "the previous year"), ("record_year", "the record year")):
        ref, p = fc[key], fc[f"p_above_{key}"]
        if ref is not None and p is not None:
            out.print(f"Chance {fc['year']} ends above {label}, {ref['year']} ({ref['total']:,}): {p:.0%}", highlight=False)
    cmp = fc["comparison"].get("year_total")
    if cmp:
        out.print(f"For comparison, {fc['comparison']['method']}: {cmp['point']:,} (80%: {cmp['p10']:,} to {cmp['p90']:,})",
                  highlight=False, style="dim")
    out.print(f"Method: {fc['method']}", highlight=False, style="dim")
    for note in fc["notes"]:
        out.print(note, highlight=False, style="yellow")


def _years_arg(text: str) -> range:
    try:
        first, _, last = text.partition("-")
        years = range(int(first), int(last or first) + 1)
    except ValueError:
        years = range(0)
    if not years:
        fail(f"--years: give a year or a range such as 2020-2025, not {text!r}", 2)
    return years


@app.command("backtest")
def backtest_cmd(
    ctx: typer.Context,
    years: Annotated[str, typer.Option("--years", help="Years to backtest: 2024, or a range such as 2020-2025.")] = "2020-2025",
    chart: Annotated[Optional[Path], typer.Option("--chart", help="Where to write the PNG chart (default: backtest-YEARS.png here).", show_default=False)] = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Forecast each year's total on every first of the month from the record known then, and
    compare with the outcome: mean absolute % error and interval coverage, model against baselines."""
    from .forecast import ForecastError, backtest, write_chart

    s = _settings(ctx, db, fmt)
    span = _years_arg(years)
    with open_store(s) as store:
        try:
            bt = backtest(store, span)
        except ForecastError as exc:
            fail(str(exc))
    path = write_chart(bt, chart or Path(f"backtest-{span[0]}-{span[-1]}.png"))
    if s.fmt is Fmt.json:
        emit({**bt.to_dict(), "chart": str(path)}, s.fmt)
    else:
        summary = bt.by_month + [{"month": "from 1 July", **bt.from_july()}]
        rows = [{"forecast on": m["month"] if isinstance(m["month"], str) else dt.date(2000, m["month"], 1).strftime("1 %b"),
                 "n": m["n"], "model MAPE %": m["model"]["mape"], "model 80% coverage": m["model"]["coverage80"],
                 "model 95% coverage": m["model"]["coverage95"], "straight line MAPE %": m["straight_line"]["mape"],
                 "last year MAPE %": m["last_year"]["mape"], "ETS MAPE %": m["ets"]["mape"],
                 "ETS 80% coverage": m["ets"]["coverage80"], "ETS 95% coverage": m["ets"]["coverage95"]} for m in summary]
        emit(rows, s.fmt, title=f"Backtest of year-end forecasts, {span[0]}-{span[-1]}",
             caption=f"{len(bt.rows)} forecasts in {bt.seconds:.1f} s; model: seasonal level; baselines: straight line "
                     "through the year so far, and the year so far plus the rest of last year")
    err.print(f"chart: {path}", highlight=False)


from . import cli_people  # noqa: E402,F401  (registers `who` and `deaths`)


def main() -> None:  # console-script entry
    """Run the CLI. Whatever the input, a failure is one line on stderr, not a traceback
    (``SMALLBOATS_DEBUG=1`` shows the traceback of an unexpected one)."""
    import os

    # no command does linear algebra big enough for OpenBLAS's threads, whose start when numpy is
    # imported costs every question some 20 ms (and 0.1 s of CPU on two cores)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        _run()
    except Exception as exc:
        from .store import StoreError

        if isinstance(exc, StoreError):
            err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            sys.exit(1)
        if os.environ.get("SMALLBOATS_DEBUG"):
            raise
        text = str(exc).splitlines()[0][:300] if str(exc) else ""
        err.print(f"[bold red]error:[/] {type(exc).__name__}: {text} (unexpected: SMALLBOATS_DEBUG=1 shows where)",
                  highlight=False, soft_wrap=True)
        sys.exit(1)


def _only(name: str | None) -> typer.Typer:
    """The app with just the command asked for: Typer builds a Click command for every
    registered one each time it runs (some 50 ms). The whole app for anything else: no or an
    unknown command (Typer's own message), or shell completion."""
    import copy
    import os

    from typer.main import get_command_name

    mine = [c for c in app.registered_commands if (c.name or get_command_name(c.callback.__name__)) == name]
    if len(mine) != 1 or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):  # completion
        return app
    only = copy.copy(app)
    only.registered_commands = mine
    return only


def _run() -> None:
    """Run the command; a read-only question asked before (same store, code and arguments)
    is answered from :mod:`smallboats.answer_cache` without loading anything heavy."""
    argv = sys.argv[1:]
    if argv == ["--version"]:  # without building the command tree
        sys.stdout.write(f"smallboats {__version__}\n")
        return
    from . import answer_cache

    key = answer_cache.key(argv)
    if key is not None and (hit := answer_cache.get(key)) is not None:
        sys.stdout.write(hit.decode("utf-8"))
        return
    run = _only(answer_cache.command(argv))
    if key is None:
        run()
        return
    tee = answer_cache.Tee(sys.stdout)
    sys.stdout = tee
    try:
        code = run(standalone_mode=False)
        if isinstance(code, int) and code:  # typer.Exit(code) comes back as a return value here
            raise SystemExit(code)
    except typer.Exit as exc:
        if exc.exit_code:
            raise SystemExit(exc.exit_code) from None
        return
    except Exception as exc:  # Click's usage errors, shown as in standalone mode
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            exc.show()
            raise SystemExit(exc.exit_code) from None
        raise
    except BaseException as exc:  # Ctrl-C (click.Abort) and the like: as in standalone mode
        if type(exc).__name__ == "Abort":
            err.print("Aborted!")
            raise SystemExit(1) from None
        raise
    finally:
        sys.stdout = tee.stream
    answer_cache.put(key, tee.copy.getvalue().encode("utf-8"))


if __name__ == "__main__":  # python -m smallboats.cli: run the package's module, where cli_people registers
    from smallboats.cli import main as _package_main  # `who` and `deaths` (not this copy run as __main__)

    _package_main()
