"""Claim checking: find the crossing figures in a news article and check them against the
record as it stood on the article's date.

    from smallboats.claims import check
    report = check(text, "2025-04-15", store)   # text, or a saved HTML page
    for c in report.claims: print(c.verdict, c.reason)

Modules: :mod:`.numbers` (numbers and qualifiers), :mod:`.periods` (periods and their
resolution; named events in :mod:`.events`), :mod:`.extract` (which numbers are crossing
figures, their metric, period and comparison), :mod:`.record` (the record as known on the
article's date), :mod:`.check` (official values, tolerance, verdicts), :mod:`.infer`
(estimating the publication date), :mod:`.report` (table, markdown, HTML).
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import parse_date
from ..store import Store
from .check import check_document
from .extract import extract
from .models import Claim, Official, PeriodOut, Report, SentenceOut
from .numbers import find_quantities

#: The most numbers one request may ask to check: a long news article has a few dozen.
MAX_CLAIMS = 500


class TooManyClaims(ValueError):
    """The article has more numbers than one check takes."""

_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b|<meta\b)", re.I)


def is_html(text: str) -> bool:
    return bool(_HTML.match(text)) or (text.count("</p>") >= 2 and "<" in text[:200])


def article_text(text: str) -> str:
    """Plain text as is; a saved HTML page reduced to its article body (trafilatura), falling
    back to all of the page's text if trafilatura finds no article."""
    if not is_html(text):
        return text
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if body:
        return body
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    for tag in tree.css("script, style, nav, header, footer"):
        tag.decompose()
    return tree.body.text(separator="\n") if tree.body else ""


def page_date(text: str) -> dt.date | None:
    """The publication date a saved HTML page declares in its metadata, if any."""
    if not is_html(text):
        return None
    import trafilatura

    meta = trafilatura.extract_metadata(text)
    try:
        return parse_date(meta.date) if meta and meta.date else None
    except ValueError:
        return None


def _too_many(n: int) -> str:
    return f"the article has {n:,} numbers to check; one check takes at most {MAX_CLAIMS:,}: send it in parts"


def check(text: str, date: dt.date | str | None = None, store: Store | None = None, *,
          infer_date: bool = False) -> Report:
    """Check every crossing figure in ``text`` (plain or HTML) against the record as known on
    ``date``. Without a date, ``infer_date=True`` estimates one from the figures (and says so);
    otherwise a date is required. ``store`` defaults to the default store, read-only."""
    own_store = store is None
    store = store or Store(read_only=True)
    try:
        body = article_text(text)
        if (n := len(find_quantities(body))) > MAX_CLAIMS:  # a fast scan first: reading thousands of numbers takes seconds
            raise TooManyClaims(_too_many(n))
        doc = extract(body)
        if len(doc.mentions) > MAX_CLAIMS:
            raise TooManyClaims(_too_many(len(doc.mentions)))
        day = parse_date(date) if date is not None else None
        note = None
        if day is None:
            if not infer_date:
                raise ValueError("a publication date is needed to check an article against the record as it stood: "
                                 "give one (e.g. 2025-04-15), or ask to infer it from the figures")
            from .infer import infer_date as infer

            day, note = infer(store, doc)
        claims = check_document(store, doc, day)
        counts: dict[str, int] = {}
        for c in claims:
            counts[c.verdict] = counts.get(c.verdict, 0) + 1
        used = sorted({c.sentence_index for c in claims})
        sentences = [SentenceOut(index=i, span=(doc.sentences[i].start, doc.sentences[i].end), text=doc.sentences[i].text)
                     for i in used]
        return Report(date=day, date_inferred=date is None, date_note=note, text=body, sentences=sentences,
                      claims=claims, counts=counts)
    finally:
        if own_store:
            store.close()


__all__ = ["check", "Claim", "Official", "PeriodOut", "Report", "SentenceOut", "TooManyClaims", "MAX_CLAIMS", "article_text", "page_date", "extract"]
