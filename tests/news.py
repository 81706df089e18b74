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
