"""The check's results as pydantic models: the JSON report is their dump."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    import pandas as pd

Verdict = Literal["accurate", "close", "inaccurate", "unverifiable", "not a crossing figure"]


class PeriodOut(BaseModel):
    """A period as written and as resolved against the article's date."""

    text: str | None = Field(None, description="The words in the article.")
    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None
    any_day: bool = Field(False, description="The claim is about some single day in start..end.")
    checked_start: dt.date | None = Field(None, description="When another span was checked (the day before, for a "
                                                            "running total): its first day.")
    checked_end: dt.date | None = None
    source: str | None = Field(None, description="sentence | partner | previous sentence | context (not written: the day the article reports) | comparison")


class Official(BaseModel):
    """An official figure and where it comes from."""

    value: float | None
    start: dt.date
    end: dt.date
    period: str
    day: dt.date | None = Field(None, description="The day the figure is for (single-day and busiest-day claims).")
    detail: str | None = Field(None, description="How the value was computed.")
    source: str = Field(description="Which publication, in words.")
    vintages: list[str] = Field(description="File names of the publications the figure comes from.")
    evidence: str | None = Field(None, description="Those publications in one line: 'the 14 November 2025 time series', "
                                                   "'254 MoD daily pages, April 2022 – January 2023, and the 14 November 2025 time series'.")
    later_publication: bool = Field(description="Some of it was first published after the article's date.")


class Claim(BaseModel):
    """One number (or numberless comparison) in the article, and its check."""

    model_config = ConfigDict(frozen=True)

    index: int
    kind: str = Field(description="figure | difference | percent_change | ratio | overtook | pace | max_day | rank | record_year | record | last_day | above_every | first_change | first_in | first_since")
    sentence_index: int = Field(description="The claim's sentence: its entry in the report's ``sentences``.")
    sentence_span: tuple[int, int] = Field(description="Character offsets of the claim's sentence in the text.")
    span: tuple[int, int] = Field(description="Character offsets of the claim in the text, its qualifier included.")
    text: str
    number: float | None
    qualifier: str | None
    unit: str | None = Field(description="count | percent | times")
    metric: str | None = Field(description="people | boats | people_per_boat | days | prevented | prevented_events (French "
                                            "preventions, SB_02)")
    category: str = Field(description="crossing, or what else the number counts (deaths, returns, ...)")
    crossing: bool
    subject: int | None = Field(None, description="Index of the claim this comparison starts from.")
    reference: int | None = Field(None, description="Index of the claim this comparison is against.")
    period: PeriodOut | None = None
    comparison_period: PeriodOut | None = None
    official: Official | None = Field(None, description="As published on or before the article's date.")
    latest: Official | None = Field(None, description="The newest figure in the record.")
    verdict: Verdict = Field(description="accurate if the claim fits the figure as published on or before the "
                                         "article's date, or the latest figure (the reason says which).")
    verdict_as_of: Verdict | None = Field(None, description="Against the figure as published on or before the article's date.")
    verdict_latest: Verdict | None = Field(None, description="Against the latest figure.")
    reason: str
    tolerance: str | None = None
    revision: str | None = None
    arithmetic_error: str | None = None
    needs: str | None = Field(None, description="For figures outside the record: the data that would be needed.")
    notes: list[str] = Field(default_factory=list)
    per_days: int | None = Field(None, description="An average over the period, a day's (1) or a week's (7) worth: the "
                                                   "period's total over its days, times this ('the weekly average of 800').")


class SentenceOut(BaseModel):
    """A sentence of the article that has claims (once, however many claims it has)."""

    index: int
    span: tuple[int, int] = Field(description="Character offsets in the report's text.")
    text: str


class Report(BaseModel):
    """Every claim found in an article, checked against the record as it stood on ``date``."""

    date: dt.date
    date_inferred: bool = False
    date_note: str | None = None
    text: str
    sentences: list[SentenceOut] = Field(default_factory=list, description="Each sentence with claims, once; a claim "
                                         "names its own by ``sentence_index``.")
    claims: list[Claim]
    counts: dict[str, int]

    def to_pandas(self) -> "pd.DataFrame":
        """One row per claim (nested fields as ``a.b`` columns, dates as datetime64), with the
        article's date; the file lists as text (``official.vintages``: names joined by ', ')."""
        from ..questions import frame

        rows = []
        for c in self.claims:
            row = {"article_date": self.date, **c.model_dump()}
            for side in ("official", "latest"):
                if row[side] is not None:
                    row[side] = {**row[side], "vintages": ", ".join(row[side]["vintages"])}
            rows.append(row)
        return frame(rows)

    def to_polars(self) -> Any:
        """Needs polars (``pip install 'smallboats[polars]'``)."""
        import polars as pl

        return pl.from_pandas(self.to_pandas())
