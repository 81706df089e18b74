"""A checked article as a table (Rich), markdown, or a self-contained HTML page with the
claims highlighted by verdict. The JSON report is ``Report.model_dump_json()``."""

from __future__ import annotations

import html

from rich.table import Table

from ..questions import long_date
from .check import fmt
from .models import Claim, Report

#: Verdict marks in characters every common font has (no emoji, which fall back to empty boxes).
MARK = {"accurate": "✓", "close": "≈", "inaccurate": "✗", "unverifiable": "?", "not a crossing figure": "–"}
_ORDER = ("accurate", "close", "inaccurate", "unverifiable", "not a crossing figure")


def summary(report: Report) -> str:
    counts = ", ".join(f"{report.counts[v]} {v}" for v in _ORDER if report.counts.get(v))
    when = f"as the record stood on {long_date(report.date)}"
    if report.date_inferred:
        when += " (an estimated date: " + (report.date_note or "inferred from the figures") + ")"
    return f"{len(report.claims)} numbers checked {when}: {counts or 'none found'}."


def _value(c: Claim, latest: bool = False) -> str:
    o = c.latest if latest else c.official
    if o is None:
        return ""
    rate = c.kind in ("percent_change", "ratio") or c.metric == "people_per_boat"
    v = fmt(o.value, rate)
    if c.kind == "percent_change" and o.value is not None:
        v = f"{o.value:+.1f}%"
    return v + (f" ({long_date(o.day)})" if o.day else "")


def _period(c: Claim) -> str:
    p = c.period.label if c.period and c.period.label else (c.period.text if c.period else "")
    if c.comparison_period and c.comparison_period.label:
        p += f" vs {c.comparison_period.label}"
    return p or ""


def _notes(c: Claim) -> list[str]:
    return [x for x in (c.arithmetic_error, c.revision, *c.notes, _sources(c)) if x]


def _sources(c: Claim) -> str | None:
    """The publications behind the figure in one line (the files are in the JSON's ``vintages``)."""
    o = c.official or c.latest
    return f"from {o.evidence}" if o is not None and o.evidence else None


def table(report: Report) -> Table:
    t = Table(title=f"Claims checked as of {long_date(report.date)}", caption=summary(report), show_lines=True,
              header_style="bold")
    for col in ("#", "claim", "period", "as published by then", "latest", "verdict", "reason"):
        t.add_column(col, overflow="fold")
    for c in report.claims:
        claim = f"{(c.qualifier + ' ') if c.qualifier and c.qualifier not in c.text.lower() else ''}{c.text}"
        if c.metric:
            claim += f" [{c.metric.replace('_', ' ')}]"
        reason = c.reason + "".join(f"\n• {n}" for n in _notes(c))
        t.add_row(str(c.index + 1), claim, _period(c), _value(c), _value(c, latest=True),
                  f"{MARK[c.verdict]} {c.verdict}", reason)
    return t


def marked(text: str, claims: list[Claim]) -> list[tuple[str, Claim | None]]:
    """The article cut into plain runs (claim None) and claims, in reading order. A claim
    overlapping an earlier one is not marked a second time (it is still listed with its evidence)."""
    out: list[tuple[str, Claim | None]] = []
    pos = 0
    for c in sorted(claims, key=lambda c: (c.span[0], -c.span[1])):
        a, b = c.span
        if a < pos:
            continue
        out += [(text[pos:a], None), (text[a:b], c)]
        pos = b
    out.append((text[pos:], None))
    return out


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|"})


def _md(text: str) -> str:
    """Text as markdown that shows it literally: HTML in it is escaped (the article's
    ``<script>`` or ``onerror=`` stays text), and so is markdown's own markup."""
    return html.escape(text, quote=False).translate(_MD_SPECIAL)


def markdown(report: Report) -> str:
    lines = [f"# Claim check: {long_date(report.date)}", "", _md(summary(report)), "", "## Article", ""]
    body = []
    for piece, c in marked(report.text, report.claims):
        if c is None:
            body.append(_md(piece))
        else:
            body.append(f"**{_md(piece)}**<sup>[{c.index + 1} {MARK[c.verdict]}](#claim-{c.index + 1})</sup>")
    paragraphs = [p.strip() for p in "".join(body).split("\n") if p.strip()]
    lines += ["\n\n".join(paragraphs), "", "## Claims", "",
              "| # | claim | period | as published by then | latest | verdict | reason |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for c in report.claims:
        reason = _md(c.reason) + "".join(f"<br>• {_md(n)}" for n in _notes(c))
        cells = [_md(x) for x in (c.text + (f" ({c.metric.replace('_', ' ')})" if c.metric else ""), _period(c), _value(c),
                                  _value(c, True), f"{MARK[c.verdict]} {c.verdict}")]
        row = [f'<a id="claim-{c.index + 1}"></a>{c.index + 1}', *cells, reason]
        lines.append("| " + " | ".join(x.replace("\n", " ") for x in row) + " |")
    return "\n".join(lines) + "\n"


_CSS = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.summary{background:#f4f4f4;padding:.6rem .8rem;border-radius:.3rem}
article p{margin:.6rem 0}
mark{padding:0 .15rem;border-radius:.2rem;cursor:help}
mark sup{font-size:.7em;margin-left:.1rem}
mark.accurate{background:#c9f0cf}mark.inaccurate{background:#ffc9c9}
mark.unverifiable{background:#ffe8a3}mark.not-a-crossing-figure{background:#e4e4e4}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f0f0f0}td.v{white-space:nowrap}
tr.inaccurate td.v{color:#a00000;font-weight:600}tr.accurate td.v{color:#076b1a}
.notes{color:#555;font-size:.85rem;margin:.2rem 0 0 0;padding-left:1rem}
.legend mark{margin-right:.6rem}
"""


def html_page(report: Report) -> str:
    """A self-contained HTML page (inline CSS, no scripts, no external assets)."""
    e = html.escape
    body = []
    for piece, c in marked(report.text, report.claims):
        if c is None:
            body.append(e(piece))
        else:
            body.append(f'<mark class="{c.verdict.replace(" ", "-")}" title="{e(c.reason)}"><a href="#claim-{c.index + 1}" '
                        f'style="color:inherit;text-decoration:none">{e(piece)}<sup>{c.index + 1}</sup></a></mark>')
    paragraphs = "".join(f"<p>{p.strip()}</p>\n" for p in "".join(body).split("\n") if p.strip())
    rows = []
    for c in report.claims:
        notes = "".join(f"<li>{e(n)}</li>" for n in _notes(c))
        files = (c.official or c.latest).vintages if (c.official or c.latest) else []
        if files:
            notes += (f"<li><details><summary>{len(files)} file{'s' if len(files) != 1 else ''}</summary>"
                      f"<code>{e(', '.join(files))}</code></details></li>")
        tol = f"<li>tolerance: {e(c.tolerance)}</li>" if c.tolerance else ""
        rows.append(
            f'<tr id="claim-{c.index + 1}" class="{c.verdict.replace(" ", "-")}"><td>{c.index + 1}</td>'
            f"<td>{e(c.text)}{(' <small>(' + e(c.metric.replace('_', ' ')) + ')</small>') if c.metric else ''}</td>"
            f"<td>{e(_period(c))}</td><td>{e(_value(c))}</td><td>{e(_value(c, True))}</td>"
            f'<td class="v">{MARK[c.verdict]} {e(c.verdict)}</td>'
            f'<td>{e(c.reason)}{"<ul class=notes>" + notes + tol + "</ul>" if notes or tol else ""}</td></tr>')
    legend = " ".join(f'<mark class="{v.replace(" ", "-")}">{e(v)}</mark>' for v in _ORDER)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Claim check: {e(long_date(report.date))}</title><style>{_CSS}</style></head>
<body><h1>Claim check: {e(long_date(report.date))}</h1>
<p class="summary">{e(summary(report))}</p>
<p class="legend">{legend}</p>
<h2>Article</h2><article>
{paragraphs}</article>
<h2>Claims</h2>
<table><thead><tr><th>#</th><th>claim</th><th>period</th><th>as published by then</th><th>latest</th><th>verdict</th><th>reason</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<p><small>Official figures: Home Office small-boat arrivals, as published on or before the article's date, and the latest.
Tolerances follow the qualifier the article used; see the reason and tolerance for each claim.</small></p>
</body></html>
"""
