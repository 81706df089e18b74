"""Numbers as the news writes them: digits ("36,956"), words ("three"), percentages ("31%",
"30 per cent"), multiples ("three times", "doubled"), fractions ("an eighth"), each with the
qualifier in front of it ("more than", "almost", "around") or after it ("or so", "-odd"), from
tables here, and the precision the writer used."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Unit = Literal["count", "percent", "times"]

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {**{w: i for i, w in enumerate(_UNITS)}, **{w: 10 * (i + 2) for i, w in enumerate(_TENS)}}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}

_UNIT_RX = "|".join(sorted(_UNITS, key=len, reverse=True))
_SMALL = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?|{_UNIT_RX})"
#: "twenty-five", "three hundred", "two thousand five hundred", "a thousand", "a dozen": a count of one
#: written as "a"/"an" stands only before a scale word
_WORD_NUMBER = (rf"(?:{_SMALL}|an?(?=\s+(?:dozen|hundred|thousand|million)\b))"
                rf"(?:\s+(?:dozen|hundred|thousand|million)(?:\s+(?:and\s+)?{_SMALL}(?:\s+hundred)?)?)?")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"k|m|bn|thousand|million|billion"
_PCT = r"%|[\s-]?per[\s-]?cent\b|[\s-]?percent\b"

#: vague counts of people or boats: "hundreds of migrants", "Dozens more have crossed" (as the labelling rules read them)
VAGUE_RANGES = {"hundreds": (200, 999), "dozens": (24, 99)}
VAGUE = re.compile(r"\b(?P<v>hundreds|dozens)\b(?=\s+(?:of\s+)?(?:more\s+|other\s+|further\s+)?(?:migrants|people|asylum[- ]seekers|refugees"
                   r"|men|women|children|small\s+boats|boats|dinghies)\b|\s+(?:more\s+)?(?:have|had|were|are|crossed|arrived|made)\b)",
                   re.I)

#: one number: digits or words, maybe a scale word, maybe a percent sign
NUMBER = re.compile(
    rf"(?<![\w.,/-])(?P<cur>[£$€])?(?P<digits>{_DIGITS})(?:\s?(?P<mult>{_MULT})\b)?(?P<pct>{_PCT})?(?![\w]|[.,]\d|:\d|-\d)"
    rf"|(?<![\w'’-])(?P<words>{_WORD_NUMBER})(?P<wpct>\s+per\s?cent\b|\s+percent\b)?(?![\w'’]|-\w)",
    re.I,
)

#: multiples: "three times", "twice", "doubled", "tripled"
MULTIPLE = re.compile(
    rf"\b(?:(?P<n>{_DIGITS}|{_WORD_NUMBER})\s+times\b|(?P<w>twice|doubled|doubling|double|tripled|tripling|trebled|trebling|triple|treble|quadrupled|halved))",
    re.I,
)
_MULTIPLE_WORDS = {"twice": 2, "doubled": 2, "doubling": 2, "double": 2, "tripled": 3, "trebled": 3,
                   "triple": 3, "treble": 3, "quadrupled": 4, "halved": 0.5, "tripling": 3, "trebling": 3}

#: fractions, built from numerators ("a", "one", "two" ...) and denominators ("half", "third" ... "tenth"):
#: "fallen by more than a third", "up by an eighth", "two-fifths" (a proportion, read as approximate);
#: before a figure ("almost half the 5,417", "a third of the 45,755") a fraction is a ratio (group ``of``)
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION_RX = (r"(?:(?:" + "|".join(_NUMERATORS) + r")[\s-]+(?:" + "|".join(_DENOMINATORS) + r")s?|half)")
FRACTION = re.compile(rf"\b(?P<f>{_FRACTION_RX})\b"
                      r"(?=(?P<of>\s+(?:of\s+)?the\s+\d|\s+the\s+(?:number|total|figure|level)\b)"
                      r"|\s+(?:this|last|since|on|compared|in|from|of\s+(?:the|all|last|this)|year|month|week|more|fewer|less|higher"
                      r"|lower|up|down|,|\.)|\s*[,.;:)]|\s*$)", re.I)


def fraction_percent(text: str) -> float:
    """"a third" -> 33.3, "two-fifths" -> 40, "half" -> 50."""
    words = re.split(r"[\s-]+", text.lower())
    if words == ["half"]:
        return 50.0
    return 100 * _NUMERATORS[words[0]] / _DENOMINATORS[words[-1].removesuffix("s")]


#: qualifier written just before a number -> its normal form
QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "well over": "more than", "well above": "more than", "passed": "more than",
    "topped": "more than", "exceeded": "more than", "surpassed": "more than", "now past": "more than",
    "past": "more than",
    "just over": "just over", "just above": "just over", "just more than": "just over", "slightly more than": "just over",
    "at least": "at least", "a minimum of": "at least", "no fewer than": "at least", "no less than": "at least",
    "a least": "at least", "least": "at least",  # typos for "at least" ("A least 8,400 people", "during which least 6,869")
    "almost": "almost", "nearly": "almost", "just under": "almost", "just below": "almost", "just less than": "almost",
    "just fewer than": "almost", "slightly less than": "almost", "slightly fewer than": "almost",
    "approaching": "almost", "just short of": "almost", "not quite": "almost", "close to": "around",
    "around": "around", "about": "around", "roughly": "around", "approximately": "around", "some": "around",
    "an estimated": "around", "estimated": "around", "circa": "around", "c.": "around", "~": "around",
    "approx.": "around", "approx": "around",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than", "below": "fewer than",
    "up to": "up to", "as many as": "up to", "at most": "up to",
}
#: qualifier written just after a number ("500 or so", "500-odd", "1,000-plus", "20 or more") -> its normal form
QUALIFIERS_AFTER: dict[str, str] = {
    "or so": "around", "or thereabouts": "around", "odd": "around", "or more": "at least", "plus": "more than",
    "or fewer": "up to", "or less": "up to",
}
_QUAL_AFTER_RX = re.compile(r"^(?:\s+|-)(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS_AFTER, key=len, reverse=True))
                            + r")\b", re.I)
_QUAL_RX = re.compile(
    r"(?:^|(?<=[\s(“\"‘']))(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text. ``step`` is the rounding unit the writer used: 100 for "36,800",
    1 for "36,956", 0.1 for "31.5%"; ``fives`` when the last figure written is a 5 (650)."""

    value: float
    unit: Unit
    qualifier: str | None
    start: int
    end: int
    text: str
    step: float
    fives: bool
    words: bool  # written in words ("three")
    currency: bool = False  # "£480m"
    qstart: int = -1  # where the qualifier starts ("more than 700"); -1: no qualifier
    qend: int = -1  # where a qualifier written after the number ends ("700 or so"); -1: none

    @property
    def after(self) -> int:
        """Where the words after the claim start (past "or so" in "700 or so people")."""
        return max(self.end, self.qend)

    @property
    def first(self) -> int:
        """The start of the claim as written, qualifier included."""
        return self.qstart if self.qstart >= 0 else self.start


def words_value(text: str) -> float | None:
    """"twenty-five" -> 25, "three hundred" -> 300, "two thousand five hundred" -> 2500."""
    total, current = 0, 0
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok == "and" or not tok:
            continue
        if tok in ("a", "an"):
            current += 1
            continue
        if tok in WORD_VALUES:
            current += WORD_VALUES[tok]
        elif tok in _SCALES:
            scale = _SCALES[tok]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
    return float(total + current)


def _precision(digits: str) -> tuple[float, bool]:
    """Rounding step and whether the last written figure is a 5."""
    digits = digits.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]), digits.rstrip("0").endswith("5")
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return float(10 ** zeros), bool(zeros) and stripped.endswith("5")


def qualifier_before(text: str, pos: int) -> tuple[str | None, int]:
    """The qualifier ending at ``pos`` (normal form) and where it starts."""
    window = text[max(0, pos - 30):pos]
    m = _QUAL_RX.search(window)
    if not m:
        return None, pos
    return QUALIFIERS[m["q"].lower()], pos - len(window) + m.start("q")


def qualifier_after(text: str, pos: int) -> tuple[str | None, int]:
    """The qualifier written right after a number ending at ``pos`` (normal form) and where it ends."""
    m = _QUAL_AFTER_RX.match(text[pos:pos + 20])
    if not m or (m["q"].lower() == "plus" and not m.group(0).startswith("-")):  # "1,000-plus", not "700 plus 300"
        return None, -1
    return QUALIFIERS_AFTER[m["q"].lower()], pos + m.end()


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with unit, qualifier and precision, in order."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in MULTIPLE.finditer(text):
        if m["w"]:
            value, step, fives, words = float(_MULTIPLE_WORDS[m["w"].lower()]), 1.0, False, True
        elif m["n"][0].isdigit():
            value = float(m["n"].replace(",", ""))
            step, fives = _precision(m["n"])
            words = False
        else:
            v = words_value(m["n"])
            if v is None:
                continue
            value, step, fives, words = v, 1.0, False, True
        qual, qs = qualifier_before(text, m.start())
        found.append(Quantity(value, "times", qual, m.start(), m.end(), m.group(0), step, fives, words, qstart=qs if qual else -1))
        taken.append((m.start(), m.end()))
    for m in FRACTION.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        pct = fraction_percent(m["f"])
        qual, qs = qualifier_before(text, m.start())
        qs = qs if qual else -1
        if m["of"]:  # "almost half the 5,417": a ratio, "half" read as within 10% unless qualified
            found.append(Quantity(pct / 100, "times", qual, m.start(), m.end(), m.group(0), 0.01, False, True, qstart=qs))
        else:  # a fraction is a rough proportion: read it as "around" unless qualified
            found.append(Quantity(pct, "percent", qual or "around", m.start(), m.end(), m.group(0), 1.0, False, True,
                                  qstart=qs))
        taken.append((m.start(), m.end()))
    for m in VAGUE.finditer(text):  # "hundreds" is at least 200 and fewer than 1,000; "dozens" at least 24, under 100
        low, high = VAGUE_RANGES[m["v"].lower()]
        found.append(Quantity(float(low), "count", "at least", m.start(), m.end(), m.group("v"), float(high - low), False, True))
        taken.append((m.start(), m.end()))
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m["digits"]:
            raw = m["digits"]
            value = float(raw.replace(",", ""))
            step, fives = _precision(raw)
            mult = (m["mult"] or "").lower()
            scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}.get(mult, 1)
            value, step = value * scale, step * scale
            unit: Unit = "percent" if m["pct"] else "count"
            words = False
        else:
            raw = m["words"]
            v = words_value(raw)
            if v is None:
                continue
            value, step, fives, words = v, 1.0, False, True
            if raw.lower().split()[-1] in _SCALES or "hundred" in raw.lower():
                step = 10.0 ** (len(str(int(v))) - len(str(int(v)).rstrip("0")))
            unit = "percent" if m["wpct"] else "count"
        qual, qs = qualifier_before(text, m.start())
        after, qe = qualifier_after(text, m.end()) if unit == "count" else (None, -1)
        found.append(Quantity(value, unit, qual or after, m.start(), m.end(), m.group(0), step, fives, words, bool(m["cur"]),
                              qs if qual else -1, qe if after else -1))
    return sorted(found, key=lambda q: q.start)
