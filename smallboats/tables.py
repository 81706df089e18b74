"""The command line's tables: Rich tables that never cut a figure, a date or a file name.

Rich shortens a column that does not fit with "…" ("-12,1…", "2018-…"). Here every column is
at least as wide as its longest word (a figure, a date, a file name is one word); only text
with spaces wraps, at the spaces. When even that does not fit the terminal, each row is
printed as a block of "header: value" lines instead (like ``psql``'s expanded display).
When the output is not a terminal (piped, redirected) nothing is wrapped at all: the table
is as wide as it needs to be.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any, Iterable, Mapping

from rich.console import Console
from rich.table import Table

#: Column headers for the answers' field names, saying what a column is.
HEADERS = {
    "people_per_boat": "people per boat",
    "uncontrolled_boats": "boats in uncontrolled landings",
    "period_start": "from",
    "period_end": "to",
    "start": "from",
    "end": "to",
    "days": "days in the record",
    "complete": "whole period in the record",
    "year_total": "whole year",
    "tied_dates": "other days as busy",
    "tied_with": "tied with",
    "prevented_people": "people prevented (France)",
    "prevented_events": "boats prevented (events)",
    "share_prevented_pct": "% of attempts prevented",
    "week_start": "week from",
    "week_end": "week to (Sunday)",
    "record_status": "record when it happened?",
    "previous_best_start": "previous best from",
    "previous_best_arrivals": "previous best arrivals",
    "old_value": "was",
    "new_value": "now",
    "old_vintage": "was in",
    "new_vintage": "now in",
    "old_published": "was published",
    "new_published": "now published",
    "file_name": "file",
    "figures_from": "figures from",
    "figures_to": "figures to",
    "n_observations": "figures",
}


def header(name: str, headers: Mapping[str, str] | None = None) -> str:
    """The header for a field: ``headers``, then :data:`HEADERS`, else the name in words."""
    if headers and name in headers:
        return headers[name]
    return HEADERS.get(name) or name.replace(".", " ").replace("_", " ")


def cell(v: Any) -> str:
    """A value as the table shows it: 12,345; 58.3; dates as 2025-04-15; empty where unknown."""
    if v is None or (isinstance(v, float) and v != v) or type(v).__name__ == "NAType":
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalar
        v = v.item()
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return f"{v:,.1f}"
    if isinstance(v, dt.datetime) or type(v).__name__ == "Timestamp":
        return v.date().isoformat() if (v.hour, v.minute, v.second) == (0, 0, 0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _numeric(values: list[Any]) -> bool:
    known = [v for v in values if cell(v) != ""]
    return bool(known) and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                               or (hasattr(v, "dtype") and v.dtype.kind in "iuf") for v in known)


def _longest_word(texts: Iterable[str]) -> int:
    return max((len(w) for t in texts for w in t.split()), default=0)


def widths(texts: list[list[str]], heads: list[str], room: int | None, frame: int) -> list[int] | None:
    """Column widths: natural if the table fits in ``room`` (None: any width) with ``frame``
    characters of borders and padding, else every column at least its longest word and the
    rest shared out; None if even that does not fit."""
    n = len(heads)
    natural = [max([len(h)] + [len(r[i]) for r in texts]) for i, h in enumerate(heads)]
    if room is None or sum(natural) + frame <= room:
        return natural
    least = [max(_longest_word([heads[i]] + [r[i] for r in texts]), 1) for i in range(n)]
    spare = room - frame - sum(least)
    if spare < 0:
        return None
    got = least[:]
    while spare > 0:  # one character at a time to the column furthest from its natural width
        i = max(range(n), key=lambda j: natural[j] - got[j])
        if natural[i] <= got[i]:
            break
        got[i] += 1
        spare -= 1
    return got


def console(stderr: bool = False) -> Console:
    """A console; not on a terminal, one that never wraps (plain full-width text)."""
    c = Console(stderr=stderr)
    if not c.is_terminal and not os.environ.get("COLUMNS"):
        c = Console(stderr=stderr, width=1_000_000, soft_wrap=True)
    return c


def show(rows: list[Mapping[str, Any]], out: Console, title: str | None = None, caption: str | None = None,
         headers: Mapping[str, str] | None = None) -> None:
    """Print ``rows`` (dicts with the same keys) as a table whose figures are never cut."""
    columns = list(dict.fromkeys(k for r in rows for k in r))
    if not columns:
        if title:
            out.print(title, highlight=False, soft_wrap=True)
        out.print("(no rows)", highlight=False)
        return
    heads = [header(c, headers) for c in columns]
    numeric = [_numeric([r.get(c) for r in rows]) for c in columns]
    texts = [[cell(r.get(c)) for c in columns] for r in rows]
    room = out.width if out.is_terminal or os.environ.get("COLUMNS") else None
    n = len(columns)
    # boxed (borders and a space each side of every column), else without borders, else one block per row
    ws = widths(texts, heads, room, 3 * n + 1)
    boxed = ws is not None
    if ws is None:
        ws = widths(texts, heads, room, 2 * n - 2)
    if ws is None:
        _expanded(texts, heads, out, title, caption)
        return
    table = Table(title=title, caption=caption, header_style="bold" if boxed else "bold underline",
                  title_justify="left", caption_justify="left")
    if not boxed:
        table.box, table.pad_edge = None, False
    for h, w, num in zip(heads, ws, numeric):
        table.add_column(h, justify="right" if num else "left", width=w, overflow="fold")
    for r in texts:
        table.add_row(*r)
    out.print(table, crop=False)


def _expanded(texts: list[list[str]], heads: list[str], out: Console, title: str | None, caption: str | None) -> None:
    """One block per row, "header: value" a line: for tables too wide for the terminal."""
    if title:
        out.print(title, style="bold", highlight=False)
    pad = max(len(h) for h in heads)
    for n, r in enumerate(texts, 1):
        out.print(f"-- row {n} --", style="dim", highlight=False)
        for h, v in zip(heads, r):
            out.print(f"{h.rjust(pad)}: {v}", highlight=False)  # wraps at spaces only: words stay whole
    if caption:
        out.print(caption, style="dim", highlight=False)
