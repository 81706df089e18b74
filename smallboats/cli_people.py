"""The ``who`` and ``deaths`` commands of the one CLI (registered on :data:`smallboats.cli.app`):
who crosses (the quarterly statistics by nationality, sex and age) and who dies (IOM)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .cli import AsOfOpt, DbOpt, FmtOpt, FromOpt, ToOpt, _ask, _settings, _show, app, date_arg, fail


@app.command("who")
def who_cmd(
    ctx: typer.Context,
    period: Annotated[str, typer.Argument(help="A year (2023) or a quarter (2023 Q3, 2023-Q3).", show_default=False)],
    top: Annotated[int, typer.Option("--top", help="How many nationalities to list.", min=1, max=200)] = 10,
    nationality: Annotated[Optional[str], typer.Option("--nationality", help="One nationality's share and change (e.g. Albania).", show_default=False)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Small-boat arrivals by nationality, region, sex and age group in a year or quarter, from the
    Home Office's quarterly statistics (Irr_D01) as published by --as-of."""
    from .people import who

    s = _settings(ctx, db, fmt)
    d = date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: who(store, period, d, top, nationality))
    sentence = ans.sentence
    if ans.nationality is not None:
        n = ans.nationality
        sentence += (f" {n.name}: {n.arrivals:,} ({n.share_pct or 0:.1f}%), rank {n.rank}"
                     + (f", {n.change_pct:+.1f}% on a year earlier ({n.year_earlier:,})" if n.change_pct is not None else "") + ".")
    _show(ans, s, f"Small-boat arrivals in {ans.period}", tables=("nationalities", "age_groups", "sexes"), sentence=sentence,
          source=ans.source)


@app.command("deaths")
def deaths_cmd(
    ctx: typer.Context,
    start: FromOpt = None,
    end: ToOpt = None,
    since: Annotated[Optional[str], typer.Option("--since", help="From this date to the end of the record (or --as-of).", show_default=False)] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    fmt: FmtOpt = None,
) -> None:
    """Dead and missing on the route to the UK (IOM Missing Migrants Project), per year, at sea /
    on land / other, the deadliest year and incident; --as-of counts incidents dated by then."""
    from .deaths import deaths

    s = _settings(ctx, db, fmt)
    if since and start:
        fail("give --since or --from, not both", 2)
    a = date_arg(since or start, "--since" if since else "--from")
    b, d = date_arg(end, "--to"), date_arg(as_of, "--as-of")
    ans = _ask(s, lambda store: deaths(store, a, b, d))
    extra = ""
    if ans.deadliest_year is not None:
        y = ans.deadliest_year
        extra = f" Deadliest year in IOM's record: {y.year} ({y.dead_missing:,} dead or missing, {y.at_sea:,} at sea)."
    _show(ans, s, "Dead and missing on the route to the UK", tables=("years",), sentence=ans.sentence + extra,
          source=ans.attribution)
