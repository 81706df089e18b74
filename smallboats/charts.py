"""The dashboard's charts, drawn on the server with matplotlib (Agg) as SVG or PNG.

A :class:`Chart` holds the figures and every word shown with them (title, axis labels,
source line, text alternative), so a page can describe a chart without drawing it and the
chart endpoint can draw it without the page. Drawing uses matplotlib's object API, never
pyplot, under a lock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
import threading
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Literal

import numpy as np

from . import questions as q
from .store import Store

if TYPE_CHECKING:  # matplotlib is imported by render(), the first time a chart is drawn
    from matplotlib.axes import Axes

Format = Literal["svg", "png"]
Style = Literal["lines", "bars", "line"]

HIGHLIGHT = "#c2185b"
BAR = "#1f5f99"
PARTIAL = "#9bb7d4"
EARLIER = "#8a8f98"
_LOCK = threading.Lock()
_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "svg.hashsalt": "smallboats",
    "svg.fonttype": "path",
}


@dataclass(frozen=True)
class Line:
    """One line of a line chart: x as dates (or day-of-year dates in a leap year), y values."""

    label: str
    x: np.ndarray
    y: np.ndarray
    highlight: bool = False


@dataclass(frozen=True)
class Chart:
    """A chart's figures and words. ``style``: "lines" (several labelled lines), "bars"
    (one bar per period, ``bar_days`` wide; ``partial`` marks incomplete ones) or "line"
    (a single series)."""

    title: str
    x_label: str
    y_label: str
    source: str
    summary: str
    style: Style
    lines: tuple[Line, ...] = ()
    x: np.ndarray = field(default_factory=lambda: np.array([], dtype="datetime64[D]"))
    y: np.ndarray = field(default_factory=lambda: np.array([], dtype=float))
    partial: np.ndarray = field(default_factory=lambda: np.array([], dtype=bool))
    bar_days: float = 1.0
    day_of_year: bool = False


def _thousands(v: float, _: object) -> str:
    return f"{v:,.0f}"


def _spread(ys: list[float], gap: float) -> list[float]:
    """Label heights at least ``gap`` apart, as close to ``ys`` as a push upwards allows."""
    order = np.argsort(ys)
    out = list(ys)
    floor = -np.inf
    for i in order:
        out[i] = max(ys[i], floor + gap)
        floor = out[i]
    return out


def _draw_lines(ax: Axes, chart: Chart) -> None:
    ends: list[tuple[Line, np.datetime64, float]] = []
    for line in sorted(chart.lines, key=lambda ln: ln.highlight):
        ok = ~np.isnan(line.y)
        x, y = line.x[ok], line.y[ok]
        if not len(x):
            continue
        ax.plot(x.astype(object), y, color=HIGHLIGHT if line.highlight else EARLIER, lw=2.6 if line.highlight else 1.1,
                alpha=1 if line.highlight else 0.75, zorder=3 if line.highlight else 2)
        ends.append((line, x[-1], float(y[-1])))
    top = max((e[2] for e in ends), default=1.0) or 1.0
    labels = _spread([e[2] for e in ends], 0.035 * top)
    for (line, x_end, y_end), y_label in zip(ends, labels):
        ax.annotate(line.label, (x_end.astype(object), y_end), xytext=((x_end + np.timedelta64(3, "D")).astype(object), y_label),
                    textcoords="data", va="center", ha="left", fontsize=9 if line.highlight else 8,
                    fontweight="bold" if line.highlight else "normal",
                    color=HIGHLIGHT if line.highlight else "#555555", annotation_clip=False,
                    bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8} if line.highlight else None)


def _draw_bars(ax: Axes, chart: Chart) -> None:
    ok = ~np.isnan(chart.y)
    x = chart.x.astype("datetime64[D]").astype(object)
    colors = [PARTIAL if p else BAR for p in chart.partial]
    ax.bar([d for d, k in zip(x, ok) if k], chart.y[ok], width=0.8 * chart.bar_days,
           color=[c for c, k in zip(colors, ok) if k], align="edge" if chart.bar_days > 1 else "center")


def _draw_line(ax: Axes, chart: Chart) -> None:
    x = chart.x.astype("datetime64[D]").astype(object)
    ax.plot(x, chart.y, color=BAR, lw=1.6)


WIDE, NARROW = (9.0, 4.8), (4.8, 4.4)  # inches; SVGs are drawn at 72 points per inch


def render(chart: Chart, fmt: Format, narrow: bool = False) -> bytes:
    """The chart as SVG (with ``<title>`` and ``<desc>``) or PNG bytes; ``narrow``: laid out
    for a phone-width screen."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    width, height = NARROW if narrow else WIDE
    with _LOCK, matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.subplots()
        {"lines": _draw_lines, "bars": _draw_bars, "line": _draw_line}[chart.style](ax, chart)
        ax.set_xlabel(chart.x_label)
        ax.set_ylabel(chart.y_label)
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.set_ylim(0, max(1.0, ax.get_ylim()[1]))  # counts: whole-number ticks, from zero
        if chart.day_of_year:
            ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, 2 if narrow else 1)))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
            ax.set_xlim(dt.date(2000, 1, 1), dt.date(2001, 1, 24 if narrow else 14))
        elif chart.style == "bars" and chart.bar_days >= 365:  # a bar per year: its year under it
            step = -(-len(chart.x) // (6 if narrow else 12))
            firsts = chart.x[::step]
            ax.set_xticks([mdates.date2num(d) + 0.4 * chart.bar_days for d in firsts], [f"{d.astype(object):%Y}" for d in firsts])
        else:
            loc = mdates.AutoDateLocator(maxticks=5 if narrow else 9)
            ax.xaxis.set_major_locator(loc)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc, offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"]))
        fig.suptitle("\n".join(textwrap.wrap(chart.title, 40 if narrow else 90)), x=0.01, ha="left",
                     fontsize=12 if narrow else 13, fontweight="bold")
        notes = [chart.source]
        if chart.style == "bars" and chart.partial.any():
            notes.insert(0, "Lighter bars: partial periods (cut by the dates asked for, or by the end of the record).")
        lines = [w for n in notes for w in textwrap.wrap(n, 62 if narrow else 140)]
        fig.text(0.01, 0.01, "\n".join(lines), fontsize=7 if narrow else 8, color="#444444", ha="left",
                 va="bottom", linespacing=1.5)
        bottom = (len(lines) * 12 + 8) / (height * 72)
        fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=150 if fmt == "png" else 72,
                    metadata={"Date": None} if fmt == "svg" else {"Software": "smallboats"})
    data = buf.getvalue()
    if fmt == "svg":
        text = data.decode()
        head = f"<title>{escape(chart.title)}</title><desc>{escape(chart.summary + ' ' + chart.source)}</desc>"
        text = re.sub(r"(<svg\b[^>]*>)", lambda m: m[1].replace("<svg ", '<svg role="img" ', 1) + head, text, count=1)
        data = text.encode()
    return data


def day_of_year(dates: np.ndarray) -> np.ndarray:
    """Dates moved to the leap year 2000, so every year's days share one axis."""
    d = np.asarray(dates, dtype="datetime64[D]")
    month = d.astype("datetime64[M]")
    return (np.datetime64("2000-01", "M") + (month - d.astype("datetime64[Y]"))).astype("datetime64[D]") + (d - month)


def cumulative_by_year(frame: pd.DataFrame | dict[str, np.ndarray]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Running total of arrivals within each year: {year: (dates, totals)}, from the columns
    date and arrivals (a frame, or numpy arrays). From the first day not available on, a year's
    running total is unknown (NaN), never understated."""
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    dates = np.asarray(frame["date"], dtype="datetime64[D]")
    arrivals = np.asarray(frame["arrivals"], dtype="float64")
    years = dates.astype("datetime64[Y]").astype("int64") + 1970
    for year in np.unique(years):
        sel = years == year
        a = arrivals[sel]
        total = np.cumsum(np.nan_to_num(a))
        total[np.cumsum(np.isnan(a)) > 0] = np.nan
        out[int(year)] = (dates[sel], total)
    return out


# -- the charts, from the same questions the API answers ----------------------------------

def source_line(ev: q.Evidence) -> str:
    """"Source: Home Office, provisional, vintage of …", naming the newest publication used."""
    newest = max(ev.vintages, key=lambda v: (v.published, v.id))
    line = f"Source: Home Office, provisional, vintage of {q.long_date(newest.published)} ({newest.file_name})"
    if len(ev.vintages) > 1:
        line += f" and {len(ev.vintages) - 1} earlier publication{'s' if len(ev.vintages) > 2 else ''}"
    if ev.as_of is not None:
        line += f"; as known on {q.long_date(ev.as_of)}"
    return line + "."


def _num(v: float | int | None, decimals: int = 0) -> str:
    return "not available" if v is None or v != v else f"{v:,.{decimals}f}"


def cumulative(store: Store, ytd: q.Ytd, as_of: dt.date | None) -> Chart:
    """Running total of arrivals by day of year, one line per year, ``ytd.year`` highlighted."""
    w = store.daily_columns(as_of)
    years = cumulative_by_year({"date": w.numpy.date, "arrivals": w.numpy.values["arrivals"]})
    lines = tuple(Line(str(y), day_of_year(d), v, highlight=y == ytd.year) for y, (d, v) in years.items())
    ev = q.total(store, w.date[0], w.date[-1], as_of).evidence
    same = [y for y in ytd.years if y.year != ytd.year and y.arrivals is not None]
    summary = (f"Cumulative arrivals by day of year, one line per year from {min(years)} to {max(years)}, "
               f"{ytd.year} highlighted. By {q.long_date(ytd.at)}, {_num(ytd.arrivals)} people had arrived in {ytd.year}")
    if same:
        prev, best = same[-1], max(same, key=lambda y: y.arrivals or 0)
        summary += (f", against {_num(prev.arrivals)} by the same date in {prev.year}; the most by that date was "
                    f"{_num(best.arrivals)}, in {best.year}")
    return Chart(title="Small-boat arrivals so far each year", x_label="Day of year",
                 y_label="People arrived since 1 January", source=source_line(ev), summary=summary + ".",
                 style="lines", lines=lines, day_of_year=True)


def _dates(rows: list[q.SeriesRow]) -> np.ndarray:
    return np.array([r.period_start for r in rows], dtype="datetime64[D]")


def _values(rows: list[q.SeriesRow], metric: str) -> np.ndarray:
    return np.array([np.nan if getattr(r, metric) is None else getattr(r, metric) for r in rows], dtype=float)


def daily_bars(store: Store, last: dt.date, as_of: dt.date | None, days: int = 90) -> tuple[Chart, q.Series]:
    """Arrivals on each of the last ``days`` days of the record, as bars."""
    ans = q.series(store, "day", last - dt.timedelta(days=days - 1), last, as_of)
    y = _values(ans.periods, "arrivals")
    known = [r for r in ans.periods if r.arrivals is not None]
    summary = f"Daily arrivals from {q.long_date(ans.periods[0].period_start)} to {q.long_date(last)}"
    if known:
        busiest = max(known, key=lambda r: r.arrivals or 0)
        summary += (f": {_num(int(np.nansum(y)))} people on the {len(known)} days with figures; busiest day "
                    f"{q.long_date(busiest.period_start)} ({_num(busiest.arrivals)}); "
                    f"{sum(1 for r in known if r.arrivals == 0)} days with no arrivals")
    chart = Chart(title=f"Small-boat arrivals per day, last {days} days", x_label="Date",
                  y_label="People arrived per day", source=source_line(ans.evidence), summary=summary + ".",
                  style="bars", x=_dates(ans.periods), y=y, partial=np.zeros(len(y), bool))
    return chart, ans


def people_per_boat(store: Store, as_of: dt.date | None) -> tuple[Chart, q.Series]:
    """Arrivals divided by boats in each month of the record."""
    ans = q.series(store, "month", as_of=as_of)
    a, b = _values(ans.periods, "arrivals"), _values(ans.periods, "boats")
    with np.errstate(divide="ignore", invalid="ignore"):
        ppb = np.where(b > 0, a / b, np.nan)
    last = ans.periods[-1]
    summary = "People per boat (arrivals divided by boats) in each month"
    if (~np.isnan(ppb)).any():
        i = int(np.nanargmax(ppb))
        summary += (f": {_num(ppb[-1], 1)} in {last.period_start:%B %Y}{'' if last.complete else ' (so far)'}; "
                    f"the highest was {_num(ppb[i], 1)}, in {ans.periods[i].period_start:%B %Y}")
    chart = Chart(title="People per boat, by month", x_label="Month", y_label="People per boat",
                  source=source_line(ans.evidence), summary=summary + ".", style="line",
                  x=_dates(ans.periods), y=ppb)
    return chart, ans


METRIC_LABELS = {"arrivals": "People arrived", "boats": "Boats arrived",
                 "uncontrolled_boats": "Boats in uncontrolled landings"}
PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "year": 365.25}
FREQ_WORDS = {"day": "day", "week": "week (Monday to Sunday)", "month": "month", "year": "year"}


def explore(ans: q.Series, metric: str) -> Chart:
    """The Explore page's chart: ``metric`` per period of ``ans``, partial periods lighter."""
    y = _values(ans.periods, metric)
    partial = np.array([not r.complete for r in ans.periods], dtype=bool)
    label = METRIC_LABELS[metric]
    ev = ans.evidence
    summary = (f"{label} per {FREQ_WORDS[ans.freq]}, {q.long_date(ev.start)} to {q.long_date(ev.end)}: "
               f"{len(y)} periods")
    if (~np.isnan(y)).any():
        i = int(np.nanargmax(y))
        summary += f"; the highest was {_num(y[i])}, in the {ans.freq} starting {q.long_date(ans.periods[i].period_start)}"
    if (n := int(np.isnan(y).sum())):
        summary += f"; {n} not available"
    return Chart(title=f"{label} per {ans.freq}", x_label=ans.freq.capitalize(),
                 y_label=f"{label} per {ans.freq}", source=source_line(ev), summary=summary + ".",
                 style="bars" if len(y) <= 400 else "line", x=_dates(ans.periods), y=y, partial=partial,
                 bar_days=PERIOD_DAYS[ans.freq])
