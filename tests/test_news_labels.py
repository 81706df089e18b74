"""The real-news labels are complete and well formed (rules: tests/data/news/LABELLING.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from .news import KINDS, LABELS, METRICS, NUMERAL, OTHER, QUALIFIERS, SCORED_OTHER, VERDICTS, articles, held_out, spans

ARTS = articles()


def test_every_article_is_labelled():
    assert len(ARTS) == 94, f"{94 - len(ARTS)} articles have no label file"


@pytest.mark.parametrize("art", ARTS, ids=lambda a: a.file[:3])
def test_every_numeral_has_one_label(art):
    located = spans(art)
    starts = [(a, b) for a, b, _ in located]
    assert len(set(starts)) == len(starts), "two labels on the same place"
    for m in NUMERAL.finditer(art.text):
        covering = [1 for a, b in starts if a <= m.start() < b or m.start() <= a < m.end()]
        assert covering, f"{art.file}: numeral {m.group()!r} at {m.start()} has no label"


@pytest.mark.parametrize("art", ARTS, ids=lambda a: a.file[:3])
def test_labels_are_well_formed(art):
    meta = json.loads((LABELS / (art.file[:-4] + ".json")).read_text())
    assert meta["file"] == art.file and meta["date"] == art.date and meta["held_out"] == held_out(art.file)
    for lab in art.labels:
        where = f"{art.file} {lab['match']!r}#{lab['occurrence']}"
        assert lab["type"] in {"crossing", "other"}, where
        if lab["type"] == "other":
            assert lab["what"] in OTHER, where
            if lab["what"] in SCORED_OTHER and "verdict" in lab:  # checked on the IOM record
                assert lab["verdict"] in VERDICTS and lab["scope"] in {"incident", "at sea", "route"}, where
                assert dt.date.fromisoformat(lab["period_start"]) <= dt.date.fromisoformat(lab["period_end"]), where
            continue
        assert lab["kind"] in KINDS, where
        assert lab.get("qualifier") in QUALIFIERS, where
        assert lab["metric"] in METRICS, where
        assert lab["verdict"] in VERDICTS, where
        for key in ("period_start", "period_end", "comparison_start", "comparison_end"):
            if lab.get(key) is not None:
                dt.date.fromisoformat(lab[key])
        if lab["verdict"] != "unverifiable":
            assert lab["period_start"] and lab["period_end"], where
