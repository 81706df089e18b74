"""Reading dates the way people write them: ISO (2025-04-15) or prose (15 April 2025)."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """``"2025-04-15"``, ``"15 April 2025"``, ``"April 15, 2025"`` -> date. Raises ValueError
    with a message a person understands; None passes through."""
    if text is None or isinstance(text, dt.date):
        return text.date() if isinstance(text, dt.datetime) else text
    s = str(text).strip()
    if not s:
        raise ValueError("empty date: give a date such as 2025-04-15 or '15 April 2025'")
    try:
        if _ISO.match(s):
            return dt.date.fromisoformat(s)
        if not re.search(r"\d{4}", s):
            raise ValueError
        from dateutil import parser as _dateutil  # prose dates only (its import costs a question some 10 ms)

        a = _dateutil.parse(s, dayfirst=True, default=dt.datetime(1900, 1, 1)).date()
        if a != _dateutil.parse(s, dayfirst=True, default=dt.datetime(1904, 2, 2)).date():
            raise ValueError  # a day, month or year was not written ('2025', 'May 2025'): not one day
        return a
    except (ValueError, OverflowError):
        raise ValueError(f"not a date: {shown(s)}; give a date such as 2025-04-15 or '15 April 2025'") from None


_PLAIN = re.compile(r"^[\w ,.'/:+-]{1,40}$")


def shown(text: object) -> str:
    """The text someone gave, quoted for an error message, if it is short, plain words and
    figures; otherwise a description (an error never repeats markup or a long input)."""
    s = str(text)
    return repr(s) if _PLAIN.match(s) else f"the {len(s):,} characters given"
