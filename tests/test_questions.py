"""The questions, checked against figures computed here from the ODS rows themselves."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from smallboats import questions as q

from . import oracle
from .oracle import sheet, span

NEWEST = oracle.NEWEST.name
NEWEST_PUBLISHED = dt.date(2026, 8, 21)
DEC12 = "12_December_2025_Small_boats_-_time_series.ods"
D = dt.date


def days(name: str = NEWEST) -> dict[dt.date, tuple[int, int]]:
    """Date -> (arrivals, boats) from SB_01."""
    return {d: v[:2] for d, v in sheet(name).items()}  # type: ignore[misc]


def files(answer: q.Answer) -> set[str]:
    return {v.file_name for v in answer.evidence.vintages}


# -- total ------------------------------------------------------------------------------------

def test_total_first_half_of_2025(store):
    arrivals, boats = span(D(2025, 1, 1), D(2025, 6, 30))
    t = q.total(store, D(2025, 1, 1), D(2025, 6, 30))
    assert (t.arrivals, t.boats, t.days) == (arrivals, boats, 181)
    assert t.people_per_boat == arrivals / boats
    assert (t.evidence.start, t.evidence.end, t.evidence.as_of) == (D(2025, 1, 1), D(2025, 6, 30), None)
    assert NEWEST in files(t) and not t.evidence.later_publication


def test_total_as_of_a_date_uses_what_was_published_then(store):
    last = max(days(DEC12))
    arrivals, boats = span(D(2025, 1, 1), last, DEC12)
    t = q.total(store, D(2025, 1, 1), last, as_of=D(2025, 12, 12))
    assert (t.arrivals, t.boats) == (arrivals, boats)
    assert DEC12 in files(t)
    assert all(v.published <= D(2025, 12, 12) for v in t.evidence.vintages)
    assert not t.evidence.later_publication
    with pytest.raises(q.OutOfRange) as exc:  # the day after: not yet known on 12 December
        q.total(store, D(2025, 1, 1), last + dt.timedelta(days=1), as_of=D(2025, 12, 12))
    assert exc.value.last == last


def test_figures_published_after_as_of_are_flagged(store):
    arrivals, boats = span(D(2018, 1, 1), D(2018, 12, 31))
    t = q.total(store, D(2018, 1, 1), D(2018, 12, 31), as_of=D(2025, 11, 1))
    assert (t.arrivals, t.boats) == (arrivals, boats)
    assert t.evidence.later_publication and t.evidence.note and "1 November 2025" in t.evidence.note
    assert all(v.published > D(2025, 11, 1) for v in t.evidence.vintages)


def test_out_of_range_names_the_covered_range(store):
    with pytest.raises(q.OutOfRange) as exc:
        q.total(store, D(2017, 12, 1), D(2018, 1, 31))
    assert exc.value.first == min(days()) and exc.value.last >= max(days())  # pages may run a day past the ODS
    assert "1 January 2018" in str(exc.value)
    with pytest.raises(q.InvalidQuestion, match="after"):
        q.total(store, D(2025, 2, 1), D(2025, 1, 1))


# -- ytd --------------------------------------------------------------------------------------

def test_ytd_2025_overtook_the_whole_of_2024(store):
    total_2024 = span(D(2024, 1, 1), D(2024, 12, 31))[0]
    running, overtook = 0, None
    for d, (a, _) in sorted(days().items()):
        if d.year == 2025:
            running += a
            if running > total_2024:
                overtook = d
                break
    y = q.ytd(store, D(2025, 12, 31))
    assert y.previous_year_total == total_2024
    assert y.overtook_previous_year_on == overtook
    assert f"overtook the whole of 2024 on {overtook.day} {overtook:%B} 2025" in y.sentence


def test_ytd_against_the_same_point_of_earlier_years(store):
    at = D(2025, 6, 30)
    cur = span(D(2025, 1, 1), at)[0]
    y = q.ytd(store, at)
    assert y.arrivals == cur
    assert [r.year for r in y.years] == list(range(2018, 2026))
    for r in y.years:
        old = span(D(r.year, 1, 1), D(r.year, 6, 30))[0]
        assert (r.end, r.arrivals, r.change) == (D(r.year, 6, 30), old, cur - old)
        assert r.change_pct == pytest.approx((cur - old) / old * 100, rel=1e-12)
    total_2024 = span(D(2024, 1, 1), D(2024, 12, 31))[0]
    assert y.share_of_previous_year_pct == pytest.approx(cur / total_2024 * 100, rel=1e-12)
    assert y.overtook_previous_year_on is None


def test_ytd_29_february_becomes_28_february(store):
    y = q.ytd(store, D(2024, 2, 29))
    by_year = {r.year: r for r in y.years}
    assert by_year[2023].end == D(2023, 2, 28)
    assert by_year[2020].end == D(2020, 2, 29)
    assert by_year[2023].arrivals == span(D(2023, 1, 1), D(2023, 2, 28))[0]


# -- compare ----------------------------------------------------------------------------------

def test_compare_5_july_2024_to_31_march_2025_with_a_year_earlier(store):
    new, new_boats = span(D(2024, 7, 5), D(2025, 3, 31))
    old, old_boats = span(D(2023, 7, 5), D(2024, 3, 31))
    c = q.compare(store, D(2024, 7, 5), D(2025, 3, 31))
    assert (c.previous.start, c.previous.end) == (D(2023, 7, 5), D(2024, 3, 31))
    assert (c.current.arrivals, c.previous.arrivals, c.arrivals_change) == (new, old, new - old)
    assert c.arrivals_change_pct == pytest.approx((new - old) / old * 100, rel=1e-12)
    assert c.boats_change == new_boats - old_boats
    assert f"{(new - old) / old * 100:+.1f}%" in c.sentence
    assert (c.evidence.start, c.evidence.end) == (D(2023, 7, 5), D(2025, 3, 31))


def test_compare_any_two_periods(store):
    c = q.compare(store, D(2025, 3, 1), D(2025, 3, 31), D(2024, 3, 1), D(2024, 3, 10))
    assert (c.current.arrivals, c.previous.arrivals) == (span(D(2025, 3, 1), D(2025, 3, 31))[0], span(D(2024, 3, 1), D(2024, 3, 10))[0])
    with pytest.raises(q.InvalidQuestion):
        q.compare(store, D(2025, 3, 1), D(2025, 3, 31), D(2024, 3, 1), None)


# -- records and rank -------------------------------------------------------------------------

def _periods(kind: str) -> dict[dt.date, int]:
    """Arrivals per period, keyed by the period's first day, computed from the ODS rows."""
    out: dict[dt.date, int] = defaultdict(int)
    for d, (a, _) in days().items():
        key = {"day": d, "week": d - dt.timedelta(days=d.weekday()), "month": d.replace(day=1), "year": D(d.year, 1, 1)}[kind]
        out[key] += a
    return dict(out)


@pytest.mark.parametrize("kind,field", [("day", "days"), ("week", "weeks"), ("month", "months"), ("year", "years")])
def test_records_busiest(store, kind, field):
    expected = sorted(_periods(kind).items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    got = getattr(q.records(store, top=5), field)
    assert [(p.start, p.arrivals) for p in got] == expected
    assert got[0].rank == 1


def test_busiest_day_of_each_year(store):
    r = q.records(store, top=1)
    best: dict[int, tuple[int, dt.date]] = {}
    for d, (a, _) in sorted(days().items()):
        if d.year not in best or a > best[d.year][0]:
            best[d.year] = (a, d)
    assert {b.year: (b.arrivals, b.date) for b in r.busiest_day_each_year} == best


@pytest.mark.parametrize("period,kind", [("2022-08", "month"), ("2025-05", "month"), ("2021-11-11", "day"),
                                         ("2022-09-03", "day"), ("2024", "year"), ("2022-W34", "week")])
def test_record_when_it_happened(store, period, kind):
    k, start, _ = q.parse_period(period)
    values = _periods(kind)
    earlier = [v for s, v in values.items() if s < start]
    mine = values[start]
    expected = "record" if mine > max(earlier) else "tied_record" if mine == max(earlier) else "not_a_record"
    check = q.records(store, top=1, period=period).check
    assert check is not None and check.status == expected
    assert check.previous_best is not None and check.previous_best.arrivals == max(earlier)


@pytest.mark.parametrize("period", ["2025-05", "May 2025", "2025", "15 April 2025", "2024-W40"])
def test_rank(store, period):
    kind, start, _ = q.parse_period(period)
    values = _periods(kind)
    mine = values[start]
    # as of the newest ODS's day: later daily pages add days the ODS does not have yet
    r = q.rank(store, period, as_of=NEWEST_PUBLISHED)
    assert r.period.arrivals == mine
    assert r.rank == 1 + sum(v > mine for v in values.values())
    assert r.of == len(values)
    assert r.tied_with == sum(v == mine for v in values.values()) - 1


def test_rank_a_day_widened_to_its_week(store):
    r = q.rank(store, "2025-04-16", kind="week")
    assert (r.period.kind, r.period.start, r.period.end) == ("week", D(2025, 4, 14), D(2025, 4, 20))
    assert r.period.arrivals == span(D(2025, 4, 14), D(2025, 4, 20))[0]


def test_parse_period():
    assert q.parse_period("2025-W18") == ("week", D(2025, 4, 28), D(2025, 5, 4))
    assert q.parse_period("Sept 2025") == ("month", D(2025, 9, 1), D(2025, 9, 30))
    assert q.parse_period("2024-02") == ("month", D(2024, 2, 1), D(2024, 2, 29))
    assert q.parse_period("15 April 2025", "year") == ("year", D(2025, 1, 1), D(2025, 12, 31))
    for bad in ("May", "2025-13", "2025-W60", "soon"):
        with pytest.raises(q.InvalidQuestion, match="not a day, week, month or year"):
            q.parse_period(bad)
    with pytest.raises(q.InvalidQuestion, match="is a month, not a day"):
        q.parse_period("2025-05", "day")


# -- streaks ----------------------------------------------------------------------------------

def _longest(items: list[tuple[dt.date, int]], with_arrivals: bool) -> tuple[int, dt.date]:
    best, start, run, run_start = 0, None, 0, None
    for d, a in items:
        if (a > 0) == with_arrivals:
            run, run_start = run + 1, run_start if run else d
            if run > best:
                best, start = run, run_start
        else:
            run = 0
    return best, start  # type: ignore[return-value]


def test_streaks(store):
    items = sorted((d, a) for d, (a, _) in days().items())
    s = q.streaks(store)
    for flag, got in ((True, s.longest_with_arrivals), (False, s.longest_without_arrivals)):
        n, start = _longest(items, flag)
        assert got is not None and (got.days, got.runs[0].start) == (n, start)
    y = q.streaks(store, year=2025)
    mine = [(d, a) for d, a in items if d.year == 2025]
    assert len(y.years) == 1 and y.years[0].days_with_arrivals == sum(a > 0 for _, a in mine)
    assert y.years[0].longest_without_arrivals.days == _longest(mine, False)[0]  # type: ignore[union-attr]
    may = next(m for m in y.months if m.month == "2025-05")
    assert may.days_with_arrivals == sum(a > 0 for d, a in mine if d.month == 5)
    assert len(y.months) == 12
    with pytest.raises(q.OutOfRange):
        q.streaks(store, year=2017)


# -- prevented --------------------------------------------------------------------------------

def test_prevented_first_half_of_2025(store):
    weeks = {d: v for d, v in sheet(NEWEST, "SB_02").items() if D(2025, 1, 1) <= d <= D(2025, 6, 30)}
    p = q.prevented(store, D(2025, 1, 1), D(2025, 6, 30))
    assert [w.week_end for w in p.weeks] == sorted(weeks)
    assert all(w.week_end.weekday() == 6 and w.week_start == w.week_end - dt.timedelta(days=6) for w in p.weeks)
    known = [v for v in weeks.values() if v[3] is not None]
    prevented, arrived = sum(v[3] for v in known), sum(v[0] for v in known)
    assert (p.prevented_people, p.arrivals, p.weeks_with_figures) == (prevented, arrived, len(known))
    assert p.share_prevented_pct == pytest.approx(prevented / (prevented + arrived) * 100, rel=1e-12)
    for w in p.weeks:
        a, _, _, pp, pe = weeks[w.week_end]
        assert (w.arrivals, w.prevented_people, w.prevented_events) == (a, pp, pe)


def test_prevented_not_available_is_not_zero(store):
    early = q.prevented(store, D(2018, 1, 1), D(2018, 12, 31))
    na = [d for d, v in sheet(NEWEST, "SB_02").items() if d.year == 2018 and v[3] is None]
    assert na and all(w.prevented_people is None and w.share_prevented_pct is None for w in early.weeks if w.week_end in na)


# -- shapes -----------------------------------------------------------------------------------

def test_tables(store):
    r = q.records(store, top=3)
    assert list(r.to_pandas("months")["arrivals"]) == [p.arrivals for p in r.months]
    assert len(q.total(store, D(2025, 1, 1), D(2025, 1, 31)).to_pandas()) == 1
    pl = q.ytd(store, D(2025, 6, 30)).to_polars()
    assert pl.shape[0] == 8 and "change_pct" in pl.columns
    s = q.series(store, "month", D(2025, 1, 1), D(2025, 6, 30))
    assert [p.arrivals for p in s.periods] == [span(D(2025, m, 1), D(2025, m + 1, 1) - dt.timedelta(days=1))[0] for m in range(1, 7)]
