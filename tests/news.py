"""The labelled real news articles (tests/data/news): loading, and finding a label in its text.

Shared by the tests and bench/claims.py. Labelling rules: tests/data/news/LABELLING.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

NEWS = Path(__file__).resolve().parent / "data" / "news"
ARTICLES = NEWS / "articles"
LABELS = NEWS / "labels"

#: A digit numeral as counted in the corpus: 7,400 / 2.5 / 04:00 are one numeral each.
NUMERAL = re.compile(r"\d+(?:[.,:]\d+)*")
VERDICTS = {"accurate", "close", "inaccurate", "unverifiable"}
KINDS = {"figure", "difference", "percent_change", "ratio", "share", "people_per_boat", "max_day", "rank", "record",
         "overtook", "streak"}
QUALIFIERS = {None, "more than", "at least", "just over", "almost", "around", "fewer than", "up to"}
METRICS = {"people", "boats", "people_per_boat", "days", "prevented", "prevented_events"}
OTHER = {"year", "date", "time", "age", "duration", "deaths", "missing", "rescued", "returns", "arrests", "money",
         "asylum", "accommodation", "policy", "nationality", "one_boat", "seen", "french_today", "other_country",
         "forecast", "quote_number", "list", "other"}


def held_out(file: str) -> bool:
    """The held-out quarter: articles whose number is divisible by 4."""
    return int(Path(file).name[:3]) % 4 == 0


@dataclass
class Article:
    file: str
    date: str
    text: str
    outlet: str
    labels: list[dict]
    held_out: bool
    labelled: bool


def locate(text: str, match: str, occurrence: int) -> int:
    """Offset of the ``occurrence``-th ``match`` standing alone (not inside a longer number or word)."""
    hits = [m.start() for m in re.finditer(rf"(?<![\w,.]){re.escape(match)}(?!\w|[.,]\d)", text)]
    if len(hits) < occurrence:
        raise ValueError(f"{match!r} occurs fewer than {occurrence} times")
    return hits[occurrence - 1]


def articles(only_labelled: bool = True) -> list[Article]:
    out = []
    for line in (NEWS / "index.jsonl").read_text().splitlines():
        row = json.loads(line)
        name = Path(row["file"]).name
        label_file = LABELS / (Path(name).stem + ".json")
        labels = json.loads(label_file.read_text())["labels"] if label_file.exists() else []
        if only_labelled and not label_file.exists():
            continue
        out.append(Article(name, row["pub_date"], (ARTICLES / name).read_text(), row["outlet"], labels,
                           held_out(name), label_file.exists()))
    return out


def spans(art: Article) -> list[tuple[int, int, dict]]:
    """Each label with the character span of its match in the article."""
    out = []
    for lab in art.labels:
        o = locate(art.text, lab["match"], lab["occurrence"])
        out.append((o, o + len(lab["match"]), lab))
    return out


# -- scoring the checker on the labels (bench/claims.py; tests/test_news_claims.py) ---------------

SCORED_OTHER = {"deaths", "missing"}  # checked against the IOM record, not as crossing figures


def _claim_at(report, a: int, b: int):
    hits = [c for c in report.claims if c.span[0] <= a < c.span[1] or a <= c.span[0] < b]
    crossing = [c for c in hits if c.crossing]
    return (crossing or hits or [None])[0]


def period_error(c, lab: dict, where: str) -> str | None:
    """None when the claim's period is the label's, else the line that says how it differs."""
    got = (c.period.start.isoformat() if c.period and c.period.start else None,
           c.period.end.isoformat() if c.period and c.period.end else None)
    if got == (lab["period_start"], lab["period_end"]):
        return None
    return f"period  {where}: expected {lab['period_start']}..{lab['period_end']}, got {got[0]}..{got[1]}"


def score(pairs) -> dict:
    """Score reports against labels, article by article. ``pairs``: (Article, Report) for each
    article checked whole. Returns the figures and one line per disagreement."""
    tp = fn = fp = 0
    period_ok = period_n = verdict_ok = verdict_n = 0
    wrong_n = wrong_caught = other_n = other_ok = 0
    errors: list[str] = []
    for art, rep in pairs:
        matched: set[int] = set()
        for a, b, lab in spans(art):
            c = _claim_at(rep, a, b)
            if c is not None:
                matched.add(c.index)
            where = f"{art.file[:3]} {lab['match']!r}#{lab['occurrence']}"
            if lab["type"] != "crossing":
                other_n += 1
                if c is not None and c.crossing:
                    fp += 1
                    errors.append(f"checked {where}: a {lab['what']} figure was checked as a crossing figure ({c.reason})")
                else:
                    other_ok += 1
                continue
            verdict_n += 1
            if lab["verdict"] == "inaccurate":
                wrong_n += 1
            if c is None or not c.crossing:
                fn += 1
                errors.append(f"missed  {where}: {'not found' if c is None else 'taken as ' + c.category}")
                continue
            tp += 1
            if lab.get("period_start") is not None:
                period_n += 1
                if (wrong := period_error(c, lab, where)) is None:
                    period_ok += 1
                else:
                    errors.append(wrong)
            if c.verdict == lab["verdict"]:
                verdict_ok += 1
                wrong_caught += lab["verdict"] == "inaccurate"
            else:
                errors.append(f"verdict {where}: expected {lab['verdict']}, got {c.verdict} ({c.reason})")
        for c in rep.claims:
            if c.crossing and c.index not in matched:
                fp += 1
                errors.append(f"extra   {art.file[:3]} {c.text!r}: checked as a crossing figure but not labelled ({c.reason})")

    def ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return {"articles": len(pairs), "crossing": verdict_n, "other": other_n,
            "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
            "period_accuracy": ratio(period_ok, period_n), "periods_scored": period_n,
            "verdict_accuracy": ratio(verdict_ok, verdict_n), "wrong": wrong_n,
            "wrong_caught": ratio(wrong_caught, wrong_n), "distractors_unchecked": ratio(other_ok, other_n),
            "errors": errors}


def score_deaths(pairs) -> dict:
    """Score the deaths and missing labels (``what`` in :data:`SCORED_OTHER`, with a ``verdict``)
    against the claims checked on the IOM record: found (a deaths or missing claim at the label),
    period (for one incident, its day) and verdict; a deaths claim where no deaths label is, extra."""
    n = found = period_ok = period_n = verdict_ok = extra = 0
    errors: list[str] = []
    for art, rep in pairs:
        matched: set[int] = set()
        for a, b, lab in spans(art):
            if lab["type"] == "crossing" or lab.get("what") not in SCORED_OTHER or "verdict" not in lab:
                continue
            n += 1
            where = f"{art.file[:3]} {lab['match']!r}#{lab['occurrence']}"
            hits = [c for c in rep.claims if (c.span[0] <= a < c.span[1] or a <= c.span[0] < b)
                    and not c.crossing and c.category in SCORED_OTHER]
            if not hits:
                errors.append(f"missed  {where}: no {lab['what']} claim checked on the IOM record")
                continue
            c = hits[0]
            matched.add(c.index)
            found += 1
            if lab.get("period_start") is not None:
                period_n += 1
                got = (c.period.start.isoformat() if c.period and c.period.start else None,
                       c.period.end.isoformat() if c.period and c.period.end else None)
                if got == (lab["period_start"], lab["period_end"]):
                    period_ok += 1
                else:
                    errors.append(f"period  {where}: expected {lab['period_start']}..{lab['period_end']}, got {got[0]}..{got[1]}")
            if c.verdict == lab["verdict"]:
                verdict_ok += 1
            else:
                errors.append(f"verdict {where}: expected {lab['verdict']}, got {c.verdict} ({c.reason})")
        for c in rep.claims:
            if not c.crossing and c.category in SCORED_OTHER and c.index not in matched and c.verdict != "not a crossing figure":
                extra += 1
                errors.append(f"extra   {art.file[:3]} {c.text!r}: checked on the IOM record but not labelled deaths ({c.reason})")

    def ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return {"labels": n, "precision": ratio(found, found + extra), "recall": ratio(found, n),
            "period_accuracy": ratio(period_ok, period_n), "periods_scored": period_n,
            "verdict_accuracy": ratio(verdict_ok, n), "errors": errors}
