"""Named events that articles count from ("since Labour came to power"): one small table.

Edit this table to teach the checker a new event. ``pattern`` is a case-insensitive regular
expression for the ways the news names the event; the period it opens runs from ``start``
to the article's date. Dates are the day the event took effect. A name that says only "the
deal" names the event in the ``years`` given (an article of another year cannot be resolved).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    start: dt.date
    pattern: str
    years: tuple[int, ...] = ()  # a name this general ("since the deal was announced") means the event only in these years


EVENTS: tuple[Event, ...] = (
    Event("Labour came to power", dt.date(2024, 7, 5),
          r"(?:(?:the\s+)?(?:uk\s+)?prime\s+minister\s+)?(?:labour|the labour government|sir keir(?: starmer)?|keir starmer|starmer)\s+"
          r"(?:came|swept|returned)\s+(?:in)?to\s+(?:power|office|government)(?:\s+last\s+summer|\s+in\s+july(?:\s+2024)?)?"
          r"|(?:(?:the\s+)?(?:uk\s+)?prime\s+minister\s+)?(?:(?:the\s+)?labour(?:\s+party)?|sir keir(?: starmer)?|keir starmer|starmer)\s+"
          r"(?:took|won)\s+(?:power|(?:the\s+)?office|the(?:\s+2024)?(?:\s+general)?\s+elections?)"
          r"(?:\s+last\s+summer|\s+in\s+july(?:\s+2024)?)?"
          r"|(?:sir keir(?: starmer)?|keir starmer|starmer)\s+became\s+prime\s+minister"
          r"|labour'?s\s+(?:general\s+)?election\s+(?:win|victory)|the\s+2024\s+general\s+election"),
    Event("records began", dt.date(2018, 1, 1),
          r"(?:(?:the\s+)?(?:(?:current|official)\s+)?(?:records?|record-keeping|statistics|data|(?:(?:migrant|small[- ]boats?)\s+)*(?:boat\s+)?crisis)"
          r"\s+(?:began|started|begun)|(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?records?"
          r"|(?:officials|the\s+home\s+office|the\s+government)\s+(?:began|started)\s+(?:publishing|recording|collecting)"
          r"\s+(?:the\s+|these\s+|such\s+)?(?:numbers|figures|data|records))"
          r"(?:\s+in\s+(?:19|20)\d\d)?"),
    Event("the 'one in, one out' agreement with France came into force", dt.date(2025, 8, 6),
          r"the\s+(?:uk-france\s+)?[\"'“‘]?one[- ]in,?\s+one[- ]out[\"'”’]?\s+(?:deal|scheme|agreement|pilot)\s+"
          r"(?:came\s+into\s+force|began|started|took\s+effect)"),
    Event("Rishi Sunak became prime minister", dt.date(2022, 10, 25),
          r"(?:rishi\s+)?sunak\s+(?:became\s+prime\s+minister|took\s+office|came\s+to\s+power)"),
    Event("the Safety of Rwanda Act became law", dt.date(2024, 4, 25),
          r"the\s+safety\s+of\s+rwanda\s+(?:\([^)]*\)\s+)?(?:act|bill)\s+(?:became\s+law|received\s+royal\s+assent"
          r"|was\s+passed|came\s+into\s+force)"),
    Event("the general election was called", dt.date(2024, 5, 22),
          r"(?:(?:rishi\s+)?sunak\s+)?(?:called|announced)\s+the\s+(?:(?:2024|july)\s+)?(?:general\s+)?election"
          r"|the\s+(?:(?:2024|july)\s+)?(?:general\s+)?election\s+was\s+(?:called|announced)"),
    Event("the general election", dt.date(2024, 7, 4), r"the\s+(?:july\s+)?general\s+election(?!\s+(?:was|is)\b)"),
    Event("the Rwanda deal was signed", dt.date(2022, 4, 14),
          r"the\s+(?:uk-rwanda\s+|rwanda\s+)(?:deal|partnership|agreement|scheme|plan|policy)\s+was\s+(?:signed|agreed|announced)"
          r"|(?:(?:the\s+)?home\s+secretary\s+)?(?:priti\s+)?patel\s+(?:unveiled|announced|signed)\s+(?:her\s+|the\s+)?"
          r"(?:plans?|deal|agreement|partnership)\s+(?:with\s+rwanda|to\s+(?:send|deport|fly)\s+(?:migrants|asylum\s+seekers)\s+to\s+rwanda)"),
    Event("the Rwanda deal was signed", dt.date(2022, 4, 14),
          r"the\s+(?:deal|pact|agreement)\s+was\s+(?:signed|agreed|announced)", years=(2022,)),
    Event("the Illegal Migration Act became law", dt.date(2023, 7, 20),
          r"the\s+illegal\s+migration\s+act\s+(?:became\s+law|received\s+royal\s+assent|was\s+passed)"),
)

_COMPILED = tuple((e, re.compile(e.pattern, re.I)) for e in EVENTS)


def match_event(text: str) -> tuple[Event, re.Match] | None:
    """The first event named at the very start of ``text``."""
    for event, rx in _COMPILED:
        if m := rx.match(text):
            return event, m
    return None
