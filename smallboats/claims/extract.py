"""Finding the crossing figures in an article: which numbers are claims about people or boats
crossing, what they count, over which period (as written, not yet tied to a date), and what
they are compared with. Numbers that are not crossing figures (deaths, returns, arrests,
money, ages, years, boats seen in a flotilla, people on one boat) are kept, labelled, so
that the report can list them as "not a crossing figure".

Heuristics, stated once:

* a number's metric is the noun that follows it ("656 asylum seekers", "11 boats"), else the
  verb ("656 were detected crossing") or a preceding "total"/"number of ..."; a number with
  none but with a period counts what the figure (or the crossing words) before it count ("A
  further 686 followed on Sunday", "Monday: 250, Tuesday: 0");
* a number is a crossing figure only if the nearest cue word around it (within the sentence)
  is about crossing or arriving rather than dying, being returned, arrested, prevented, ...;
  a verb right before it decides ("prevented 5,900 crossings"); people or boats prevented,
  with the French named in the sentence or the one before, are checked against SB_02;
* a number takes the nearest period written next to it with no other crossing figure in
  between (a qualifier counts as part of the number), and a period followed by ":" or ", when"
  owns the number after it; a number with none takes its partner's ("656 people on 11 boats on
  Saturday"), or the year before its partner's when compared with it ("fell to 602 from
  1,110"), else the period the sentence before was about (not the period of a figure it was
  compared with), in the same paragraph;
* a ranking ("the second highest annual figure on record") is a claim of its own about the
  period of the figure before it; it is that figure's claim only when the figure has no
  period of its own but the ranking's wider window ("last month ... the highest single
  number so far this year, roughly 650");
* a comparison ("70 higher than", "up 31%", "three times") compares a subject (a period, or
  the figure before it, or after "The figure"/"That" the last figure of the previous sentence)
  with a reference (the figure or period after "than"/"compared with", or "the same period").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from .numbers import QUALIFIERS, VAGUE_RANGES, Quantity, find_quantities, words_value
from .periods import DAY_KINDS, PeriodMention, PeriodSpec, find_periods, month_number

Kind = Literal["figure", "difference", "percent_change", "ratio", "overtook", "pace", "max_day", "rank", "record_year", "record",
               "last_day", "above_every", "first_change", "first_in", "first_since"]
Category = Literal["crossing", "deaths", "returns", "arrests", "prevented", "asylum", "money", "age", "year", "forecast",
                   "time", "vessels", "occupancy", "weather", "share", "rescued", "seen", "route", "elsewhere", "other"]
Metric = Literal["people", "boats", "people_per_boat", "days", "prevented", "prevented_events"]

#: what a figure outside the crossing record would need
NEEDS: dict[str, str] = {
    "deaths": "deaths at sea are not in the Home Office crossing record: they need the IOM Missing Migrants Project "
              "or coroners' and French authorities' counts",
    "returns": "returns and removals to France are not in the crossing record: they need the Home Office's returns "
               "statistics (immigration system statistics, UK-France agreement figures)",
    "arrests": "arrests and prosecutions need National Crime Agency, police or French interior ministry figures",
    "prevented": "crossings prevented by the French are published weekly (SB_02) and checked when the French are named "
                 "and the period is whole weeks; other stops and interceptions are not in the record",
    "asylum": "asylum claims, decisions and accommodation need the Home Office's asylum statistics",
    "money": "a sum of money, not a crossing figure",
    "age": "an age, not a crossing figure",
    "year": "a year, not a crossing figure",
    "time": "a length of time, not a crossing figure",
    "vessels": "boats or vessels seen or deployed (a flotilla, rescue or Border Force vessels), not the official count "
               "of boats arriving",
    "occupancy": "people on one boat: the record does not give figures for single boats",
    "weather": "days of calm weather ('red days') are not in the crossing record: they need the Home Office's or "
               "Met Office's weather assessments",
    "rescued": "people rescued by the French or from a boat in difficulty: rescues are not counts of arrivals in the UK",
    "seen": "people seen by a reporter or a witness, not the official count of arrivals",
    "route": "people who came by a safe and legal route (resettlement, the UK-France scheme), not small-boat arrivals",
    "share": "a share of a group (nationality, age, sex) needs the Home Office's quarterly statistics by nationality",
    "elsewhere": "arrivals in another country (Greece, Italy, ...): not in the Home Office's record of crossings to the UK",
    "other": "no crossing metric (people, boats, people per boat, days) next to this number",
    "forecast": "a forecast or estimate of crossings to come, not a count: `smallboats forecast` gives the official "
                "figures' projection",
}

_PEOPLE = {"migrant", "migrants", "people", "persons", "person", "individuals", "individual", "asylum-seekers",
           "seekers", "refugees", "refugee", "men", "women", "children", "arrivals", "crossings", "immigrants",
           "adults", "minors", "others", "newcomers", "arrival", "passengers"}
#: "incidents" and "events" are the Home Office's words for boats until 2022 ("853 migrants in 25 separate incidents")
_BOATS = {"boats", "boat", "dinghies", "dinghy", "boatloads", "incidents", "events"}
_VESSELS = {"vessels", "vessel", "ships", "ship", "helicopters", "helicopter", "cutters", "lifeboats", "lifeboat",
            "drones", "planes", "aircraft", "patrols", "officers", "police", "gendarmes", "agents", "ministers",
            "governments", "countries", "smugglers", "gangs", "staff", "hotels", "beaches", "camps", "nations",
            "teams", "units", "sources", "times", "jobs", "flights", "companies", "deals", "trains", "lorries"}
#: the subject of a change: "the number of police officers ... had doubled"
_NUMBER_OF = re.compile(r"\b(?:number|numbers|total|count)\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b(?=\s+(?:on|in|at|had|has|have|was|were|is|are|deployed|working)\b)", re.I)
_LENGTHS = {"miles", "mile", "km", "kilometres", "kilometers", "metres", "meters", "feet", "yards", "nautical"}
_SKIP = {"small", "small-boat", "illegal", "channel", "asylum", "more", "further", "additional", "new", "desperate",
         "young", "unaccompanied", "adult", "asylum-seeking", "border", "force", "british", "french", "tiny", "packed",
         "overcrowded", "flimsy", "inflatable", "rubber", "other", "separate", "different", "total", "suspected",
         "so-called", "so", "called", "economic", "undocumented", "mostly", "male", "female", "single", "daily",
         "fragile", "rescue", "patrol", "uk", "navy", "naval", "albanian", "afghan", "eritrean", "iranian", "iraqi",
         "syrian", "sudanese", "vietnamese", "unseaworthy", "record", "official"}
_STOP = {"were", "was", "have", "has", "had", "are", "is", "will", "would", "could", "than", "per", "in", "on", "at",
         "to", "of", "from", "and", "or", "the", "a", "who", "which", "that", "higher", "lower", "fewer", "less",
         "up", "down", "by", "for", "with", "as", "after", "before", "since", "this", "last", "crossed", "arrived"}


def _compiled(table: tuple[tuple, ...]) -> tuple[tuple, ...]:
    """A table of rules, one a row (name, pattern, ...), with each pattern compiled, case-blind."""
    return tuple((name, re.compile(rx, re.I), *rest) for name, rx, *rest in table)


_CROSSING_CUES = re.compile(
    r"\b(?:cross(?:ed|ing|ings|es)?|arriv(?:ed|als?|ing)|came|come|landed"
    r"|reached(?!\s+(?:a|an|the)\s+(?:new\s+)?(?:record|total|level|high|peak|mark|milestone|figure|number)\b)|detected|brought\s+(?:ashore|to|into)"
    r"|made\s+(?:the|it)|undert[oa]ken|journey|voyage|trip|channel|small[- ]boats?|dover|ashore|intercepted(?!\s+by\s+(?:the\s+)?french)"
    r"|entered(?!\s+the\s+(?:\w+\s+)?(?:water|sea)\b)|reach(?:es|ing)?|picked\s+up|by\s+sea|this\s+route|detained\s+by\s+(?:the\s+)?border\s+force"
    r"|(?:were|was|been)\s+registered\s+(?:in|on\s+arrival)|dealt\s+with\s+by\s+(?:the\s+)?(?:uk|border\s+force|home\s+office)"
    r"|border\s+force\s+(?:has\s+|have\s+|had\s+)?dealt\s+with|off\s+the\s+(?:kent|sussex|essex|english|uk|british)\s+coast)\b",
    re.I)
_DISTRACTOR_CUES: tuple[tuple[str, re.Pattern], ...] = _compiled((
    ("deaths", r"\b(?:died|dies|dying|dead|deaths?|death\s+toll|perished|drown(?:ed|ing)?|lost\s+(?:their|his|her)\s+li(?:fe|ves)"
               r"|killed|bodies|body|fatalit(?:y|ies)|deadliest|victims?|missing)\b"),
    ("returns", r"\b(?:sent\s+back|returned|taken\s+back|take\s+\w+\s+back|taking\s+\w+\s+back|removed|removals?|deported|deportations?"
                r"|returns?|flown\s+back|relocated|sent\s+to\s+rwanda|one[- ]in,?\s+one[- ]out"
                r"|voluntar(?:ily|y)\s+(?:leav\w*|depart\w*|return\w*)|left\s+voluntarily)\b"),
    ("arrests", r"\b(?:arrest(?:ed|s)?|detained(?!\s+(?:by\s+(?:the\s+)?border\s+force|in\s+the\s+channel|off\s+(?:the\s+)?(?:kent|coast)|(?:while\s+|when\s+|after\s+)?(?:crossing|trying\s+to\s+cross|attempting\s+to\s+cross|at\s+sea)))|charged|convicted|jailed|prosecuted|sentenced|in\s+custody)\b"),
    # "stopped" prevents when passive or with an object ("were stopped", "stopped 561 people"), not intransitive
    # ("crossings then stopped on Sunday, with none recorded")
    ("prevented", r"\b(?:prevent(?:ed|ing)|(?:were|was|been|being|be|are|is)\s+stopped|french\s+(?:[\w-]+\s+){0,4}?intercept(?:ed|ing|s)|stopped(?!\s*[,.;]|\s+(?:on|for|after|when|at|in|over|until)\b)"
                  r"|thwarted|foiled|intercepted\s+by\s+(?:the\s+)?french|turned\s+back"
                  r"|from\s+(?:crossing|reaching|making\s+the\s+(?:crossing|journey)|leaving|launching|departing|setting\s+off))\b"),
    ("asylum", r"\b(?:asylum\s+(?:claims?|applications?|backlog|hotels?|decisions?|grants?|support)|hotels?|backlog"
               r"|accommodat\w+|granted|refused|(?:claim(?:s|ed|ing)?|seek(?:s|ing)?|sought)\s+asylum|applications?|house|housed|housing"
               r"|barges?)\b"),
    ("occupancy", r"\b(?:(?:on\s+board|aboard)(?!\s+(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:small\s+|separate\s+)?(?:boats|dinghies|vessels))|passengers"
                  r"|in\s+(?:a\s+single|one|a)\s+(?:small\s+)?(?:boat|dinghy|vessel)\b(?!\s+(?:on|in)\s+(?:a|one)\b)|(?:a|the|one|single|each)\s+(?:\w+\s+){0,2}(?:boat|dinghy|vessel)\s+"
                  r"(?:was\s+)?(?:with|carrying|packed\s+with|crammed\s+with|holding)"
                  r"|(?:packed|crammed|squeezed)\s+(?:on|onto|into|in)\s+(?:a|the|one|a\s+single)\s+(?:\w+\s+)?(?:boat|dinghy|vessel))\b"),
    # rescues by the French, or of people in difficulty, are not arrivals ("A further 53 people were rescued by French
    # authorities after getting into difficulties"); people the UK rescued and brought ashore are
    ("rescued", r"\b(?:rescu(?:ed|ing)|pulled\s+from)\b(?=[^.;]*\b(?:difficult(?:y|ies)|distress|by\s+(?:the\s+)?french)\b)"
                r"|\bfrench\s+(?:[\w-]+\s+){0,6}?(?:rescued|rescuing|pulled\s+from)\b"
                # people in the water ("after five men entered the cold water", "dozens of people were in the water")
                r"|\b(?:were|was|entered|fell\s+into|jumped\s+into|went\s+into|ended\s+up\s+in)\s+(?:in\s+)?the\s+"
                r"(?:cold\s+|icy\s+|freezing\s+)?(?:water|sea)\b"),
    # people a reporter or a witness saw ("About 50 migrants were seen by the PA news agency being brought ashore")
    ("seen", r"\b(?:seen|spotted|pictured|filmed|photographed|watched)\s+by\b"),
    ("weather", r"\b(?:red\s+days|calm\s+days|days\s+of\s+(?:calm|good)\s+weather|good\s+weather\s+days)\b"),
    ("forecast", r"\b(?:could|would|expects?|expected\s+to|predict(?:s|ed|ions?)?|forecasts?|projected|projections?"
                 r"|on\s+course\s+(?:for|to)|set\s+to|at\s+this\s+rate|at\s+the\s+current\s+rate)\b"),
))
#: What the rest of a number's clause says it counts, when that is not an arrival by small boat however near the crossing
#: words are ("350 people had come to the UK from France through the pilot scheme's approved route"), one rule a line
CLAUSE_CUES: tuple[tuple[str, str], ...] = (
    ("route", r"\b(?:safe\s+(?:and\s+legal\s+)?|legal\s+|approved\s+)routes?\b|\bresettle(?:d|ment)\b"),
    ("arrests", r"\bassets\s+frozen\b|\bsanctioned\b"),  # "25 people ... had had their assets frozen"
    # "among more than 380 migrants who attempted the crossing, the rest being intercepted by French authorities": attempts
    ("prevented", r"^\s*(?:[\w-]+\s+){0,3}?(?:who|that)\s+(?:had\s+|have\s+)?(?:attempted|tried)\b[^.;]*\b(?:the\s+rest|the\s+others|the\s+remainder)\b[^.;]*"
                  r"\b(?:intercepted|stopped|prevented|turned\s+back)\b"),
)
_CLAUSE_CUES = _compiled(CLAUSE_CUES)
_CLAUSE_REST = re.compile(r"[^.;()–—]*")
#: a record or ranking of something else: "The record number of deaths in the Channel this year"
_OF_OTHER = re.compile(r"\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}?(?:deaths?|fatalities|drownings|returns|removals|deportations|arrests"
                       r"|prosecutions|disruptions|asylum\s+(?:claims|applications|seekers\s+in\s+hotels))\b", re.I)
_FRENCH = re.compile(r"\b(?:french|france|gendarm\w*|pr[ée]fecture)\b", re.I)
#: boats seen rather than counted; "saw" only with a person for subject ("June alone saw 3,140 arrivals in 78 boats" counts)
_TIME_SUBJECTS = ("day week weekend month year alone also january february march april may june july august september october "
                  "november december monday tuesday wednesday thursday friday saturday sunday").split()
_EYEWITNESS = re.compile(r"\b(?:seen|(?<!\d\s)" + "".join(rf"(?<!{w}\s)" for w in _TIME_SUBJECTS) + r"saw|spotted|pictured|filmed"
                         r"|watched|photographed|one\s+of|flotilla|convoy)\b", re.I)
#: after the day a statement was made ("on Thursday, the Home Office confirmed"): that day is not the figure's when
#: the figure has one of its own after it ("1,075 migrants crossed the Channel the previous day")
_STATEMENT_AFTER = re.compile(r",?\s+(?:the\s+)?(?:home\s+office|government|ministry\s+of\s+defence|mod|officials?|figures|data"
                              r"|authorities|border\s+force)\s+(?:said|says|confirmed|announced|reported|revealed|showed?|published)\b", re.I)
#: a comparison that says only which way ("were fewer than the record 45,774 in 2022", "remains below the equivalent
#: number", "is currently running below the level for 2022", "a 25% increase on the previous year – but fewer than 2023"):
#: a verb before it (or a dash and "but"), no number, and a period or a figure after it
_MORE_OR_FEWER = re.compile(r"(?:\b(?:were|was|is|are|remains?|remained|stood|been|now|(?:is|are|was|were)\s+(?:currently\s+|still\s+)?running)"
                            r"|[–—-]\s+but)\s+(?:still\s+|also\s+|now\s+|slightly\s+|much\s+|far\s+)?"
                            r"(?P<dir>fewer|lower|less|higher|more|greater|below|above)\s+(?:than\s+)?(?=(?:that\s+of\s+|those\s+of\s+)?"
                            r"(?:the|in|at|for|during|last|a\s+year|\d{4}|\w+['’]s)\b)(?:than\b)?", re.I)
#: a change of the numbers named with no figure: "a big increase in the numbers", "a sharp fall in crossings"
_CHANGE_NOUN = re.compile(r"\b(?:a|an)\s+(?:big|large|huge|sharp|significant|substantial|dramatic|marked|steep|major|massive)\s+"
                          r"(?P<dir>increase|rise|jump|fall|drop|decrease|decline|reduction)\s+in\s+(?:the\s+)?"
                          r"(?:numbers?|crossings|arrivals)\b(?!\s+of\b)", re.I)
#: a total passed before the article's news: "has reached 11,000 just days after arrivals passed 10,000"
_MILESTONE_BEFORE = re.compile(r"\b(?:days|weeks|shortly|soon|just)\s+(?:after|since)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:passed|topped|surpassed|exceeded|crossed|hit)\s*$", re.I)
#: the earliest day in a year a total was reached: "It is the earliest point in the calendar year the 10,000 milestone has
#: been reached"
_EARLIEST_BEFORE = re.compile(r"\b(?:the\s+)?earliest\s+(?:point|date|day|time|stage)\s+(?:in\s+(?:the|a)\s+(?:calendar\s+)?year\s+)?"
                              r"(?:that\s+|when\s+)?(?:the\s+)?$", re.I)
_MILESTONE_AFTER = re.compile(r"\s+(?:milestone|mark|figure|threshold)\s+(?:has|had|was|have)\s+(?:been\s+)?(?:reached|passed|hit|crossed|topped)\b",
                              re.I)
#: an average per week or day before a figure: "the weekly average of more than 800 people"
_AVERAGE_PER = re.compile(r"\b(?P<unit>weekly|daily)\s+average\s+(?:of\s+)?$", re.I)
#: a change in words reported as said on a day not given: "just days after Rishi bragged that crossings are down 20%"
_SAID_DAYS_BEFORE = re.compile(r"\b((?:just\s+|only\s+|a\s+few\s+)?(?:days|weeks)\s+(?:after|before)\s+[^.;,]{0,40}?\b"
                               r"(?:said|claimed|bragged|boasted|told|insisted|announced|declared))\s+(?:that\s+)?[^.;]{0,40}$", re.I)
#: a written number right after a comparison's "than" ("lower than the 12,747")
_NUMBER_AFTER = re.compile(r"\s*(?:the\s+)?(?:[A-Za-z-]+\s+){0,4}?\d", re.I)
#: a sentence about the figure before it ("It is still lower than ...")
_IT_IS = re.compile(r"^\W*(?:it|this|that)\s+(?:is|was)\b", re.I)
#: between two comparisons of one subject: "13% higher than in 2024 (...) and 41% higher than in 2023"
_SHARES_SUBJECT = re.compile(r"[^.;]*?\b(?:than|on|compared\s+(?:with|to))\b[^.;]*?,?\s+and\s+"
                             r"(?:(?:was|is|an?|by|up|down|rising|falling|jumping|dropping|climbing)\s+)*$", re.I)
_COMPARED_BEFORE = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell|increased?|decreased?|jump(?:ed)?|drop(?:ped)?)\s+(?:from|on)"
                              r"|(?:rising|rose|risen|climbing|climbed|increasing|increased|jumping|jumped|falling|fell|dropping|dropped|soaring|soared)\s+to"
                              r"|compare[sd]?\s+(?:with|to)|against|than|versus|vs\.?|following|after)\s*(?:the\s+)?$", re.I)
#: a figure compared with, with no period of its own: "fell to 602 from 1,110"
_FROM_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|(?:up|down)\s+on)\s*(?:the\s+)?$", re.I)
#: a figure counting what the sentence's first figure counts: "11,884 people arrived ..., including 2,742 in June",
#: "756 people arrived in 14 boats, ..., followed by 343 on Friday"
_PART_BEFORE = re.compile(r"\b(?:including|of\s+(?:whom|which|them)|among\s+them|with|plus|followed\s+by|and\s+(?:a\s+further|another))"
                          r"\s*(?:more\s+than|over|almost|nearly|around|about|roughly|some|just\s+over|just\s+under)?\s*$", re.I)
#: a sentence about the figure before: "The figure is 70 higher", "That's roughly 30 per cent higher"
_ANAPHORA = re.compile(r"^\W*(?:(?:but|and|yet|so|however,?|still,?)\s+)?(?:according\s+to\s+[^,]{1,60},\s*)?(?:the\s+(?:annual\s+|yearly\s+|daily\s+|weekly\s+|monthly\s+|overall\s+)?(?:figure|total|number|tally|count)\s+"
                       r"(?:is|was|has|had|now|represents|means|marks)\b|the\s+(?:figures|numbers|totals)\s+(?:mark|represent|mean)\b"
                       r"|that(?:'s|’s|\s+is|\s+was)?\b"
                       r"|this\s+(?:is|was|figure|total|number|represents|means|marks)\b|it\s+(?:is|was|represents|means|marks)\b|these|those)", re.I)
#: a period that is a comparison's other side ("a 13 per cent increase from 2024"), not its subject
_REFERENCE_CUE = re.compile(r"\b(?:than|from|compared\s+(?:with|to)|against|versus)\s*(?:in\s+|the\s+)?(?=\S*\s*$)|^\s*from\b", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,?\s*(?:\(\w+\)\s*)?$")
_BROUGHT_TO = re.compile(r"\b(?:br(?:ing|ings|inging|ought)|tak(?:e|es|ing)|took|push(?:es|ed|ing)?|lift(?:s|ed|ing)?|ma(?:de|kes|king))"
                         r"\s+(?:the\s+|this\s+year['’]s\s+|\w+\s+)?(?:\w+\s+){0,6}?(?:total|tally|count|number)\b[^.;]*?\bto\s*(?:more\s+than\s+|over\s+|almost\s+|nearly\s+)?$", re.I)
_A_RECORD = re.compile(r"\b(?:a|the)\s+(?:new\s+)?record(?:-breaking)?(?:\s+(?:high|total|number)\s+of)?\s*$", re.I)
_PUBLISHED_BEFORE = re.compile(r"\b(?:released|published|issued|updated|announced|out|came\s+out)\s*(?:on\s+|late\s+on\s+|early\s+on\s+)?$", re.I)
_FIGURE_ANAPHORA = re.compile(r"\bthe\s+(?:equivalent\s+|comparable\s+|same\s+)?(?:figure|total|number)\s+(?:was|stood|were|is)\b", re.I)
_YEAR_ANAPHORA = re.compile(r"^\s*(?:the\s+(?:figure|total|number|tally)\s+for\s+the\s+year|this\s+year's\s+(?:figure|total))\b", re.I)
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|number|tally|figure|count|record)(?:\s+of\s+(?P<noun>[\w-]+(?:\s+[\w-]+){0,2}))?(?:\s+[\w'’-]+){0,8}?\s+"
    r"(?:to|of|at|was|is|reached|hit|stands\s+at|stood\s+at|now|rose\s+to|climbed\s+to|passed|topped|exceeded|surpassed|:)?\s*$", re.I)
#: "Crossings in November were ..., at just over 2,000": a bare number stated of the sentence's subject
_SUBJECT_AT = re.compile(r"^\s*(?:(?:(?:small[- ]boat|channel)\s+)?(?:crossings|arrivals)|the\s+number\s+of\s+(?:people|migrants|crossings|arrivals))\b"
                         r"[^.;]*\b(?:at|to|reached|totalled|totaled|hit|stood\s+at|came\s+to|numbered|passed|topped|exceeded|surpassed)"
                         r"\s*(?:more\s+than|over|just\s+over|just\s+under|almost|nearly|around|about|roughly|some|fewer\s+than|under)?\s*$", re.I)
_VERB_AFTER = re.compile(
    r"^\s*(?:(?:who|that|which|have|has|had|were|was|are|is|more|already|also|reportedly|people|of\s+them|others|then|so\s+far)\s+)*"
    r"(?:cross(?:ed|ing)|arrived|came|come|made\s+(?:the|it)|reached|landed|were\s+detected|detected|been\s+detected|were\s+brought"
    r"|recorded|registered|(?:been\s+)?(?:prevented|stopped)\s+from)\b",  # "A further 107 have been prevented from making the journey"
    re.I)
_DIFF_AFTER = re.compile(r"^\s*(?:people\s+|migrants\s+|crossings\s+|arrivals\s+|boats\s+)?(?P<dir>more|higher|fewer|lower|less|up|down"
                         r"|above|below|short)\s+(?:(?:than|on|from|compared)\b|(?<=above\s)(?:the|that|its)\b|(?<=below\s)(?:the|that|its)\b"
                         r"|(?<=short\s)of\b)", re.I)
_PCT_BEFORE = re.compile(r"\b(?P<dir>up|down|rise|rose|risen|rising|increase|increased|increasing|jump|jumped|jumping|fall|fell|fallen"
                         r"|falling|drop|dropped|dropping|decrease|decreased|decreasing|decline|declined|declining|surge|surged|surging"
                         r"|grown|grew|growing|climbed|climbing|shrunk|shrank|cut)(?:\s+(?:of|by))?\s*(?:more\s+than|over|almost|nearly|around|about|roughly|some|just\s+over|just\s+under)?\s*$", re.I)
_PCT_AFTER = re.compile(r"^\s*(?P<dir>higher|more|lower|fewer|less|rise|increase|up|down|jump|drop|fall|decrease|decline|surge|reduction|growth"
                        r"|short(?=\s+of\b)|below|under)\b", re.I)
_DOWN = {"down", "fall", "fell", "fallen", "falling", "drop", "dropped", "dropping", "decrease", "decreased", "decreasing", "decline",
         "declined", "declining", "lower", "fewer", "reduction",
         "short", "below", "under",
         "less", "shrunk", "shrank", "cut"}
#: a ratio's reference further from it than the cues of _CUE ("four times the number ... in 2020 compared to 2019")
_RATIO_CUE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|as\s+(?=(?:in|during|over|for|at|by)\s))", re.I)
_CUE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|on|from|below|above|short\s+of)\b", re.I)
_ZERO = re.compile(r"\b(?:there\s+(?:have|has|had)\s+(?:not\s+)?been\s+(?:no|any)|no|zero|not\s+a\s+single)\s+"
                   r"(?:(?:small(?:[- ]boat)?|illegal|channel|migrant)\s+)?(?P<noun>arrivals?|crossings?|migrants?|people|person|boats?)\b"
                   r"|\b(?:none|nobody|no[\s-]one)\b(?!\s+of\b)", re.I)  # "Crossings stopped on Sunday, with none recorded"
#: not in the passive ("exceeded only by the record 45,755"): there the figure after is the one ahead
_OVERTOOK = re.compile(r"\b(?:(?:overt(?:ook|aken|aking|ake)|surpass(?:ed|ing)?|exceed(?:ed|ing)|passed|topp(?:ed|ing)|eclips(?:ed|ing)|outstripp(?:ed|ing))\s+"
                       r"(?!(?!(?:19|20)\d\d(?:['’]s)?\b(?![,.]\d))\d|(?:only\s+|just\s+)?by\b)"  # not a number ("passed 10,000"); a year is
                       r"(?:the\s+)?"
                       r"|than\s+(?:in\s+)?(?:the\s+)?(?:whole|entirety)\s+of\s+(?=(?:19|20)\d\d\b))", re.I)  # "More ... so far this year
                       # than in the whole of 2021"
_PACE = re.compile(r"\bon\s+(?:course|track)\s+(?:for|to)\s+(?:[\w'’]+\s+){0,4}?(?:record|highest|busiest|most|worst)\b"
                   r"|\b(?:a\s+record|the\s+highest|more\s+than\s+in\s+any\s+(?:previous|other)\s+year)\s+(?:for|at)\s+(?:this|the\s+same)\s+"
                   r"(?:point|time|stage)\s+(?:in|of)\s+(?:the|a)\s+year\b", re.I)
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: a ranking: "the highest daily total so far this year", "the second highest annual figure on record", "the lowest
#: monthly total since January", "the lowest total for the month since 2020", "a new annual record"
_RANK = re.compile(
    r"\b(?:(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?P<sup>highest|largest|biggest|busiest|record|most"
    r"|lowest|smallest|fewest|quietest)(?P<ever>\s+ever)?(?:\s+(?P<adj>single[- ]day|one[- ]day|daily|weekly|monthly|annual|yearly))?"
    r"(?:\s+(?P<single>single\s+)?(?P<noun>day|week|month|year|number|total|figure|tally|level|count|(?P<cal>" + _MONTH_NAME + r")))?"
    r"(?:\s+(?:of\s+(?:[\w-]+\s+){0,4}?|(?:arriving|crossing|recorded|detected|reaching\s+the\s+uk)\s+)?"
    r"(?:(?:in|on|for)\s+(?:a|any|one)\s+(?:single\s+)?(?P<unit>day|week|month|year|(?:seven|7)[- ]day\s+(?:period|spell|stretch))"
    r"|for\s+(?P<for>(?:the|that)\s+month|" + _MONTH_NAME + r")))?\b"
    r"|\ba\s+(?:new\s+)?(?P<annual>(?:annual|yearly)\s+record|record\s+(?:year|annual\s+(?:total|figure)))\b", re.I)
#: Records the rank rules do not read, one rule a line: (name, pattern). Each is checked against the figure it
#: describes (the nearest in its sentence, else the one before, else the day the article reports): a day against
#: every earlier day on record, a longer span against the same span of every earlier year.
RECORDS: tuple[tuple[str, str, str], ...] = (
    # name, pattern, what is ranked: day | year (the year to the figure's end) | half | quarter | any (the figure's own period)
    ("a single-day record", r"\b(?:a\s+)?(?:new\s+)?(?:single[- ]day|daily|one[- ]day)\s+record\b", "day"),
    ("a record for a single day", r"\b(?:a\s+)?(?:new\s+)?record(?:-breaking)?\s+(?:number\s+)?(?:for\s+[\w\s]{0,50}?|of\s+[\w\s]{0,40}?)?"
                                  r"(?:in|on|for)\s+(?:a|one)\s+(?:single\s+)?day\b", "day"),
    ("a record number", r"\b(?:a|the)\s+(?:new\s+)?record(?:-breaking)?\s+(?:number|total|high|level|figure)s?\b"
                        r"|\brecord(?:-breaking)?\s+(?:levels|highs?|numbers)\b", "any"),
    ("the highest on record", r"\b(?:the\s+)?(?:highest|largest|biggest|most)\s+(?:numbers?\s+|levels?\s+|totals?\s+|figures?\s+)?"
                              r"(?:of\s+[\w\s]{0,30}?)?(?:on\s+record|ever\s+recorded|since\s+(?:records\s+began"
                              r"|official\s+(?:statistics|records|figures)\s+began|the\s+data\s+was\s+first))", "any"),
    ("set a new record", r"(?<!previously\s)\b(?:set|sets|setting|broke|breaks|breaking|beat|beats|beating|smash(?:ed|es|ing)?)\s+(?:a\s+|the\s+)?"
                         r"(?:new\s+|previous\s+|old\s+)?record\b(?!\s+(?:number|total|high|level|figure|\d))", "any"),
    ("the worst ever", r"\bthe\s+worst\s+(?:on\s+record|ever)\b(?!\s+(?:day|week|month|year|single|daily|weekly|monthly|annual))", "any"),
    ("a record year", r"\b(?:the\s+)?(?:worst|busiest|highest|record)\s+year\s+(?:on\s+record|ever)\b|\bthe\s+annual\s+record\b"
                      r"|\ba\s+(?:new\s+)?record\s+year\b", "year"),
    ("the year has been the worst ever", r"(?<=year\s)(?:so\s+far\s+|to\s+date\s+)?(?:has|had)\s+been\s+(?:the\s+)?(?:worst|busiest|highest)"
                                         r"\s+(?:ever|on\s+record)\b", "year"),
    ("a record for the half", r"\ba\s+(?:new\s+)?record\s+for\s+the\s+(?:first|second)\s+half\b"
                              r"|\bthe\s+(?:busiest|highest)\s+(?:first|second)\s+half\s+on\s+record\b", "half"),
    ("a record for the quarter", r"\ba\s+(?:new\s+)?record\s+for\s+the\s+(?:first|second|third|fourth)\s+quarter\b"
                                 r"|\bthe\s+(?:busiest|highest)\s+(?:first|second|third|fourth)\s+quarter\s+on\s+record\b", "quarter"),
    ("a record for this point", r"\ba\s+(?:new\s+)?record\s+for\s+(?:this|the\s+same)\s+(?:point|stage|time)\s+(?:in|of)\s+the\s+year\b", "year"),
    ("more than at this point of any year", r"\bthan\s+(?:at\s+)?(?:the\s+same|this)\s+(?:point|stage|time)\s+(?:of|in)\s+any\s+"
                                            r"(?:previous|earlier|other)\s+year\b", "year"),
    ("the highest first-quarter figure", r"\bthe\s+(?:highest|busiest|biggest|largest)\s+first[- ]quarter\s+(?:figure|total)"
                                         r"(?:\s+(?:of\s+any\s+year|on\s+record))?\b", "quarter"),
    ("the highest first-half figure", r"\bthe\s+(?:highest|busiest|biggest|largest)\s+first[- ]half\s+(?:figure|total)"
                                      r"(?:\s+(?:of\s+any\s+year|on\s+record))?\b", "half"),
)
#: A span's total against every whole day, week, month or year of another span, one rule a line: (name, pattern). The
#: claim is the words from "than"; what it is said of is the figure (else the period) before them in the sentence, else
#: the figure of the sentence before ("2,159 ... in the week from the 12th - 18th of June. That's more than in any month
#: of 2023 so far"); the span compared with is the period written right after them.
ABOVE_EVERY: tuple[tuple[str, str], ...] = (
    ("more than in any month of 2023", r"\b(?P<dir>more|higher|greater|bigger|larger|fewer|less|lower|smaller)\b[^.;]{0,120}?"
                                       r"(?P<than>\bthan\s+(?:in\s+|during\s+|for\s+)?any\s+(?:single\s+|other\s+|one\s+)?"
                                       r"(?P<unit>day|week|month|year))\b"),
)
_ABOVE_EVERY = _compiled(ABOVE_EVERY)
#: The same against a named era, one rule a line: (name, pattern, unit, first day, last day)
ABOVE_EVERY_OF: tuple[tuple[str, str, str, str, str], ...] = (
    ("far more than in years before the pandemic", r"\b(?P<dir>more|higher|greater|fewer|less|lower)\s+(?P<than>than\s+(?:in\s+)?(?:the\s+)?"
                                                   r"(?:years?|any\s+year)\s+before\s+the\s+(?:covid(?:-19)?\s+|coronavirus\s+)?pandemic)\b",
     "year", "2018-01-01", "2019-12-31"),
    # LABELLING.md: "the so-called Christmas crisis" is December 2018 (the Home Secretary declared a major incident on 28 December)
    ("more even than in the so-called Christmas crisis", r"\b(?P<dir>more|higher|greater|fewer|less|lower)\s+(?:even\s+)?(?P<than>than\s+"
                                                         r"(?:in\s+|during\s+)?the\s+(?:so-called\s+)?christmas\s+crisis)\b",
     "month", "2018-12-01", "2018-12-31"),
)
_ABOVE_EVERY_OF = tuple((name, re.compile(rx, re.I), unit, dt.date.fromisoformat(a), dt.date.fromisoformat(b))
                        for name, rx, unit, a, b in ABOVE_EVERY_OF)
#: Peaks, one rule a line: (name, pattern; ``w`` the claim's words). "The peak came in November": the busiest month of that
#: month's year (a month named right after); "the 2022 peak": 2022 the busiest year
PEAKS: tuple[tuple[str, str], ...] = (
    ("the peak came in November", r"\b(?P<w>(?:the|its|a)\s+(?:monthly\s+)?peak)(?P<year>)\s+(?:came|was|arrived|occurred)\b"),
    ("the 2022 peak", r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?P<w>peak)\b(?!\s+(?:of|in|on|for)\b)"),
)
_PEAKS = _compiled(PEAKS)
#: The first fall (rise) of a year on the year before, one rule a line: (name, pattern). "The number ... in 2023 fell by
#: more than a third from the previous year, marking the first decline since current record-keeping began": the year
#: written before it fell, and no earlier year of the span written after it (else the record) did
FIRST_CHANGES: tuple[tuple[str, str], ...] = (
    ("the first decline since records began", r"\bthe\s+first\s+(?:annual\s+|yearly\s+|year-on-year\s+)?(?P<dir>decline|fall|drop|decrease"
                                              r"|reduction|rise|increase)\b(?=\s+(?:since|on\s+record|ever)\b)"),
)
_FIRST_CHANGES = _compiled(FIRST_CHANGES)
#: A running total above a number for the first time, one rule a line: (name, pattern). "The number ... has risen above
#: 5,000 by the end of March for the first time": the figure's span above it, and the same span of every earlier year not
FIRST_ABOVE: tuple[tuple[str, str], ...] = (
    ("above 5,000 by the end of March for the first time", r"\bfor\s+the\s+first\s+time\b(?!\s+(?:in|since|this|on|ever)\b)"),
    # "arrivals passed 10,000 in record time": the year's running total passed it on an earlier day of the year than in any
    # earlier year (the unit "time")
    ("passed 10,000 in record time", r"\bin\s+record\s+time\b"),
)
_FIRST_ABOVE = _compiled(FIRST_ABOVE)
#: The last time a month was as low (high), one rule a line: (name, pattern). "The last time January numbers were lower
#: was in 2021": the latest January the lowest (highest) since 2021, and January 2021 lower
LAST_TIMES: tuple[tuple[str, str], ...] = (
    ("the last time January numbers were lower", r"\bthe\s+last\s+time\s+(?P<cal>" + _MONTH_NAME + r")(?:['’]s)?\s+(?:numbers|figures|crossings"
                                                 r"|arrivals|totals?)\s+(?:were|was)\s+(?P<dir>lower|higher|this\s+low|this\s+high)"
                                                 r"(?=\s+was\s+in\s+(?:19|20)\d\d\b)"),
)
_LAST_TIMES = _compiled(LAST_TIMES)
#: The first crossings of a year, one rule a line: (name, pattern; ``w`` the claim's words, ``year`` the year). "Migrants
#: crossing the English Channel to the UK have been reported for the first time in 2025": no arrivals in 2025 before the
#: first day with them, and none since that day to the last day published (the crossings reported are those)
FIRSTS_IN: tuple[tuple[str, str], ...] = (
    ("reported for the first time in 2025", r"\b(?P<w>for\s+the\s+first\s+time\s+(?:in|this))\s+(?P<year>(?:19|20)\d\d|year)\b"),
)
_FIRSTS_IN = _compiled(FIRSTS_IN)
#: The first crossing since a month, one rule a line: (name, pattern; ``month``, ``early`` "the beginning of"). "It is
#: believed to be the first successful crossing since the beginning of February": arrivals on the day the article tells
#: of, and none between the written point (the 10th for "the beginning of", as "early February"; else the month's end)
#: and that day
FIRSTS_SINCE: tuple[tuple[str, str], ...] = (
    ("the first successful crossing since the beginning of February",
     r"\bthe\s+first\s+(?:successful\s+|small[- ]boat\s+|channel\s+|migrant\s+)*(?:crossings?|arrivals?|landings?|boats?)\s+"
     r"since\s+(?:(?P<early>the\s+(?:beginning|start)\s+of|early)\s+)?(?P<month>" + _MONTH_NAME + r")\b(?!\s+\d)"),
)
_FIRSTS_SINCE = _compiled(FIRSTS_SINCE)
#: A figure that is the most of each unit of a span, one rule a line: (name, words before the figure, words after it up to
#: the span; ``unit`` the unit). "Channel crossings didn't reach higher than 2,153 in each of the first five months of the
#: year": the busiest month of the span had 2,153
MOST_OF_EACH: tuple[tuple[str, str, str], ...] = (
    ("didn't reach higher than 2,153 in each of the first five months",
     r"\b(?:didn[’']t|did\s+not|never|failed\s+to)\s+(?:reach|get|go|rise|climb)\s+(?:any\s+)?(?:higher|above|over|beyond)\s+(?:than\s+)?$",
     r"\s+(?:people\s+|migrants\s+|crossings\s+|arrivals\s+)?in\s+(?:each|any|every)\s+(?:single\s+)?(?:one\s+)?of\s+(?=the\s+(?:[\w-]+\s+){0,2}?"
     r"(?P<unit>week|month)s\b)"),
)
_MOST_OF_EACH = tuple((name, re.compile(before, re.I), re.compile(after, re.I)) for name, before, after in MOST_OF_EACH)
#: "... surpassing the total for the same period last year, which had previously set a record": a record of the period
#: compared with (the comparison's other side, after the words)
_PREVIOUSLY_A_RECORD = re.compile(r"\b(?:which|that)\s+(?:had\s+|has\s+)?(?:previously|itself|already)\s+(?:set|been)\s+a\s+"
                                  r"(?:new\s+)?record\b", re.I)
_ABOVE_BEFORE = re.compile(r"\b(?:risen|rose|gone|climbed|passed|topped|exceeded|surpassed|reached|hit)\s+(?:above\s+|over\s+|past\s+|beyond\s+)?$", re.I)
_N = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_Q = r"(?P<q>more\s+than\s+|over\s+|almost\s+|nearly\s+|just\s+over\s+)?"
#: Runs of days without crossings that ended on the day of the article's figure, one rule a line: (name, pattern).
STREAKS: tuple[tuple[str, str], ...] = (
    ("the first crossing in a week", rf"\bthe\s+first\s+(?:[\w-]+\s+){{0,3}}?(?:crossings?|arrivals?|boats?|migrants?)\s+(?:in|for)\s+{_Q}{_N}\s+(?P<unit>days?|weeks?)\b"),
    ("after a week in which none", rf"\bafter\s+{_Q}{_N}\s+(?P<unit>days?|weeks?)\s+(?:in\s+which\s+(?:none|no)|when\s+no|of\s+no|without)\b"),
    ("broke a period of a week", rf"\b(?:br(?:oke|eaking|eaks)|end(?:ed|ing|s))\s+a\s+(?:period|run|spell|lull)\s+of\s+{_Q}{_N}\s+(?P<unit>days?|weeks?)\s+(?:when|without|with\s+no|in\s+which)\b"),
)
#: after a run: "... in a week since 206 people made the journey on August 19", "... of no crossings since Dec. 29": the run's day before
_RUN_SINCE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?since\s+(?:[^.;,]{0,60}?\s)?(?:on\s+)?$", re.I)
#: between a year (or "since" a day) and the figure it dates: "since 2019, when it stood at 34", "in 2021, when 224"
_WHEN = re.compile(r"\s*,?\s*when\s+(?:(?:it|the\s+(?:figure|number|total|tally))\s+(?:stood\s+at|was|reached|totalled)\s+)?", re.I)
_STREAKS = _compiled(STREAKS)
_ORD_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
              "eleventh": 11, "twelfth": 12}
_ORD = r"(?P<ord>" + "|".join(_ORD_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))"


def _ordinal(word: str) -> int:
    """An ordinal as a number: 'first' 1, 'fifth' 5, '10th' 10."""
    word = word.lower()
    return 1 if word == "first" else _ORD_WORDS.get(word) or int(re.sub(r"\D", "", word))
#: Runs of days with crossings up to the day of the article's figure, one rule a line: (name, pattern); the ordinal is
#: the number of days ("Migrants ... have crossed the Channel for a 10th consecutive day": each of the 10 days to that day)
RUNS: tuple[tuple[str, str], ...] = (
    ("the fifth consecutive day", rf"\b(?:for\s+)?(?:a|the)\s+{_ORD}\s+(?:consecutive|straight|successive)\s+day\b(?!\s+(?:that|when|in\s+which|with|of)\b)"),
    ("the fifth day in a row", rf"\b(?:for\s+)?(?:a|the)\s+{_ORD}\s+day\s+(?:in\s+a\s+row|running)\b(?!\s+(?:that|when|in\s+which|with|of)\b)"),
)
_RUNS = _compiled(RUNS)
#: The last day with crossings, and none after it up to the article's day, one rule a line: (name, pattern); the day is
#: the one written right after ("The last recorded crossing was on December 29th", "no crossings since 20 December")
LAST_DAYS: tuple[tuple[str, str], ...] = (
    ("the last crossing was on", r"\b(?:the\s+)?last\s+(?:recorded\s+|reported\s+)?(?:small[- ]boat\s+)?(?:crossings?|arrivals?)\b"
                                 r"(?=(?:\s+since\s+then)?\s+(?:was|were|came|took\s+place|taking\s+place|happened)\s+(?:on\s+)?)"),
    ("no crossings since", r"\bno\s+(?:small[- ]boat\s+)?(?:crossings|arrivals)(?=\s+since\s+\d)"),
)
_LAST_DAYS = _compiled(LAST_DAYS)
#: The Nth day above a number in a span ("only the second time in 2022 the daily figure has topped 600", "more than 1,000
#: ... in a single day for the second time in a fortnight"): the ordinal, a threshold in the sentence, and the span, one
#: span a line: (pattern, days; 0 from 1 January)
_NTH_TIME = re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|\d{1,2}(?:st|nd|rd|th))\s+time\b", re.I)
_THRESHOLD = re.compile(r"\b(?:topped|exceeded|passed|surpassed|gone\s+(?:over|above)|more\s+than|over|above)\s+(?P<n>\d[\d,]*)\b", re.I)
NTH_TIME_SPANS: tuple[tuple[str, int], ...] = (
    (r"in\s+(?:a|the\s+past|the\s+last)\s+fortnight|in\s+(?:two|2)\s+weeks", 14),
    (r"in\s+(?:a|the\s+past|the\s+last)\s+week", 7),
    (r"(?:so\s+far\s+)?this\s+year|in\s+(?:19|20)\d\d", 0),
)
_NTH_TIME_SPANS = tuple((re.compile(r"\b(?:" + rx + r")\b", re.I), n) for rx, n in NTH_TIME_SPANS)
#: "More than 700 migrants arrived ... in a single day -- a new record for the year so far": the day was the year's busiest
_RECORD_SO_FAR = re.compile(r"\b(?:a|the)\s+(?:new\s+)?record\s+for\s+(?:the|this)\s+year(?:\s+so\s+far)?\b", re.I)
_SINGLE_DAY = re.compile(r"\b(?:in|on)\s+(?:a\s+single|one\s+single|a|one)\s+day\b", re.I)
_WEEK_OR_MORE = {"year", "since", "named_month", "month", "week", "rolling", "half", "quarter", "until", "fiscal", "month_range"}
_RECORDS = _compiled(RECORDS)
_RANK_UNITS = {"single-day": "day", "single day": "day", "one-day": "day", "one day": "day", "daily": "day", "weekly": "week",
               "monthly": "month", "annual": "year", "yearly": "year", "day": "day", "week": "week", "month": "month", "year": "year"}
#: a single day, as written or counted back from another ("the previous Friday")
_ONE_DAY_KINDS = DAY_KINDS + ("relative",)
#: the period kinds that are one period of a ranking's unit ("on Monday" for a day)
_ONE_UNIT = {"day": DAY_KINDS, "week": ("week",), "month": ("month", "named_month"), "year": ("year",)}
#: a ranking said of a period's figure: "The annual total was the highest since 2022"
_UNIT_BEFORE = re.compile(r"\b(annual|yearly|daily|weekly|monthly)\s+(?:total|figure|number|tally|count)\s+"
                          r"(?:was|is|has\s+been|had\s+been|remains|remained)\s+(?:also\s+|now\s+)?(?:the\s+)?$", re.I)
_BECAME = re.compile(r"\s+(?:became|becomes|was|is|has\s+been|had\s+been|remains|remained|had|saw)\s+(?:now\s+|also\s+)?(?:the\s+)?", re.I)
_EVER = re.compile(r"^\W*(?:[\w'’-]+\s+){0,6}?(?:ever|on\s+record|since\s+records\s+began)\b", re.I)
_SINCE_FIGURE = re.compile(r"^(?:\s+of\s+(?:[\w-]+\s+){0,3}?)?\s*since\s+[\d,]+\s+(?:[\w-]+\s+){0,4}?(?:on|in)\s", re.I)
_OF_THE_YEAR = re.compile(r"^\s+(?:of|in)\s+the\s+year\b", re.I)
_RANK_SCOPE = re.compile(r"^\s+(?:since|ever|on\s+record|so\s+far|this\s+year|(?:of|in)\s+the\s+year)\b", re.I)
#: "600 people crossed on a single day last week": some day in the period
#: "the second time this year the daily total has topped 1,000": a day's figure
_DAILY_BEFORE = re.compile(r"\b(?:daily|single[- ]day|one[- ]day)\s+(?:total|figure|number|tally|count)\s+(?:has\s+|had\s+)?(?:been\s+)?$", re.I)
#: between a busiest-day ranking and the figure that is its value: "... was on June 18, when 882", "... stands at 592",
#: "... on record, with 1,295", "... of 1,305", "... took place on August 22 when 1,295" (no clause or sentence break)
_DAY_VALUE = re.compile(r"(?:\s+(?:(?!than\b)[^.;:()]){0,80}?)?(?:\s+(?:of|at|was|were|with|when|saw|totall?ed|reached)|,)\s+(?:(?:some|about|around"
                        r"|more\s+than|over|almost|nearly)\s+)?", re.I)
#: the unit ranked, written before: "June has been the month with the most illegal migration recorded in 2023"
_UNIT_WITH_THE = re.compile(r"\bthe\s+(?P<unit>day|week|month|year)\s+with\s+the\s+$", re.I)
#: "The Financial Times reports that this figure is the lowest total since 2019": the figure before is ranked
_THIS_FIGURE = re.compile(r"\b(?:this|that)\s+(?:figure|total|number)\s+(?:is|was|has\s+been)\s+(?:also\s+|now\s+)?(?:the\s+)?$", re.I)
#: "This exceeded the previous highest figure of 828 ... and is the highest number since the crisis began": the sentence
#: is about the figure before
_THIS_DID = re.compile(r"^\W*(?:this|that|it)\s+(?:exceeded|surpassed|topped|beat|broke|eclipsed|passed)\b", re.I)
_IN_N_YEARS = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:in|for)\s+(?:more\s+than\s+|over\s+|almost\s+|nearly\s+)?(?P<n>two|three|four|five|six|"
                         r"seven|eight|nine|ten|\d)\s+years\b", re.I)
_PREVIOUS_RECORD = re.compile(r"\b(?:previous|former|old)\s+(?:record|highest|high|best)\b", re.I)
#: a day compared with the busiest day: "still lower than the highest daily total of 1,305"
_THAN_THE_RECORD = re.compile(r"\s*(?:than\s+)?(?:the|a|its)\s+(?:previous\s+|all-time\s+)?(?:highest|busiest|largest|biggest|record)\s+"
                              r"(?:daily|single[- ]day|one[- ]day|day)\b", re.I)
#: the number of boats as the subject ranked: "The number of small boat crossings ... fell to the lowest level since 2019"
_BOATS_RANKED = re.compile(r"\bnumber\s+of\s+(?:small[- ])?boat(?:s|\s+crossings)\b(?![^.;]{0,40}\b(?:people|migrants|individuals)\b)", re.I)
_ONE_DAY = re.compile(r"^\s+(?:[\w'’-]+\s+){0,12}?(?:on|in)\s+(?:a\s+single|one\s+single|a|one)\s+day\b", re.I)
#: "..., ending a run of 10 days with no arrivals": the days before the day named
_ENDED_RUN = re.compile(r"\b(?:end(?:ed|ing|s)?|br(?:oke|eaking|eaks))\s+(?:a\s+|the\s+)?(?:run|streak|spell)\s+of\s*$", re.I)
_RECORD_YEAR = re.compile(r"\b(?:highest|busiest|worst|record)\s+year\s+(?:on\s+record|ever)\s+(?:remains|was|is)\s+(?P<y1>(?:19|20)\d\d)\b"
                          r"|\b(?P<y2>(?:19|20)\d\d)\s+(?:remains|was|is)\s+the\s+(?:highest|busiest|worst|record)\s+year\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: numbers that are names, not quantities
_NOT_NUMBERS = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b|\bone[- ]in,?\s+one[- ]out\b|\bcovid-19\b|\bnumber\s+10\b|\bg[78]\b|\bno\.?\s*10\b|\b[A-Z]\d+\b", re.I)
#: a sentence ends at . ! ? before a capital or digit, not after an abbreviation ("Dec. 29", "Mr. Jones")
_DAYS_BEFORE = {"consecutive", "straight", "successive", "more", "further", "whole", "full", "separate", "different",
                "calm", "of", "in", "without", "with"}
_SENTENCE_END = re.compile(r"(?<!\bJan\.)(?<!\bFeb\.)(?<!\bMar\.)(?<!\bApr\.)(?<!\bJun\.)(?<!\bJul\.)(?<!\bAug\.)(?<!\bSep\.)(?<!\bOct\.)(?<!\bNov\.)(?<!\bDec\.)(?<!\bSept\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<=[.!?…])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9£])")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Mention:
    """One number (or numberless comparison) found in a sentence.

    ``start``/``end`` are offsets in the whole text. ``period`` is as written (resolved later);
    ``subject``/``reference`` are other mentions, or else ``subject_period``/``reference_period``.
    """

    kind: Kind
    sentence: int
    start: int
    end: int
    text: str
    quantity: Quantity | None = None
    metric: Metric | None = None
    category: Category = "crossing"
    period: PeriodMention | None = None
    period_from: Literal["sentence", "partner", "previous sentence", "context"] | None = None
    subject: "Mention | None" = None
    subject_period: PeriodMention | None = None
    reference: "Mention | None" = None
    reference_period: PeriodMention | None = None
    window_period: PeriodMention | None = None  # max_day/rank: the period ranked (where the claimed day falls)
    direction: int = 1
    year: int | None = None  # record_year / pace: the year named
    without: bool = False  # days metric: days without crossings (a run) rather than days with them
    per_days: int = 0  # an average per week (7) or per day (1) over its period ("the weekly average of more than 800")
    milestone: bool = False  # a total passed on some day before the article ("just days after arrivals passed 10,000"):
    # checked to the day it was first passed
    earliest: bool = False  # the total reached earlier in the year than in any year before ("It is the earliest point in the
    # calendar year the 10,000 milestone has been reached")
    zero_count: bool = False  # without: a count of the days without crossings in its period, not a run ("the only two
    # days when no crossings were reported")
    ordinal: int = 1  # rank: 1 the highest (lowest), 2 the second highest, ...
    lowest: bool = False
    unit: str = "day"  # rank: the periods ranked, day | week | month | year
    calendar: bool = False  # rank: only the same calendar month of each year ("the lowest for the month since 2020")
    upto: bool = False  # rank: against the record up to the period's end ("a new annual record")
    any_day: bool = False  # the figure is for some single day of its period ("on a single day last week")
    ended: bool = False  # days without arrivals that ended on the day of its period ("ending a run of 10 days")
    run_to: bool = False  # days with arrivals, every one of the N days up to the day of its period ("a 10th consecutive day")
    above: float | None = None  # days: only days with more arrivals than this ("the second time this year the daily total
    span_days: int = 0  # has topped 1,000"), in the span_days days to the day of its period (0: from 1 January)
    years: int = 0  # rank: within the last ``years`` years, the window's own included ("the lowest January figure in five years")
    began: bool = False  # ended: the run began the day after its period's day ("in a week since ... on August 19")
    day_of: "Mention | None" = None  # boats on the day a ranked figure names ("the highest daily total, 1,295 in 27 boats")
    index: int = -1
    notes: list[str] = field(default_factory=list)

    @property
    def crossing(self) -> bool:
        return self.category == "crossing"


@dataclass
class Document:
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; a line break always ends a sentence (and a blank line a paragraph)."""
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if not body.strip():
            paragraph += 1
            pos += len(line)
            continue
        start = 0
        for m in _SENTENCE_END.finditer(body):
            _add(out, body, pos, start, m.start(), paragraph)
            start = m.end()
        _add(out, body, pos, start, len(body), paragraph)
        pos += len(line)
        paragraph += 1
    return out


#: A "sentence" longer than this (a list of numbers with no full stop) is cut at the last space
#: before it, so that the work per number stays bounded.
MAX_SENTENCE_CHARS = 2000


def _add(out: list[Sentence], body: str, offset: int, a: int, b: int, paragraph: int) -> None:
    while b - a > MAX_SENTENCE_CHARS:
        cut = body.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        _add(out, body, offset, a, cut, paragraph)
        a = cut
    seg = body[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        out.append(Sentence(len(out), offset + a + lead, offset + a + lead + len(seg), seg, paragraph))


# -- classification ---------------------------------------------------------------------------

def _words_after(text: str, pos: int, n: int = 5) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[pos:pos + 70])][:n]


def _noun_after(s: str, q: Quantity) -> tuple[str | None, str | None]:
    """(metric or category, the noun) from the words after the number."""
    words = _words_after(s, q.after, 6)
    if words[:1] == ["of"] and q.text.lower() in VAGUE_RANGES:
        words = words[1:]  # "hundreds of migrants"
    if words[:3] == ["out", "of", "days"]:
        return "days", "days"  # "Journeys took place on 20 out of 31 days"
    if words[:1] in (["on"], ["in"], ["aboard"]) and words[1:2] in (["each"], ["every"]):
        words = words[1:]  # "an average of about 50 on each boat"
    if words[:1] in (["per"], ["each"], ["every"], ["a"]) and words[1:2] and words[1] in _BOATS:
        return "people_per_boat", words[1]  # "an average of fifty-four per boat"
    for i, w in enumerate(words):
        if w == "asylum" and i + 1 < len(words) and words[i + 1].startswith("seeker"):
            return "people", "asylum seekers"
        if w in _PEOPLE:
            rest = " ".join(_words_after(s, q.after, 10)[i + 1:i + 7])
            if re.match(r"(?:(?:were|was|are)\s+)?(?:(?:crammed|packed|squeezed|carried)\s+)?(?:(?:on|onto|into|in|aboard)\s+)?"
                        r"(?:per|each|every|a)\s+(?:small\s+)?(?:boat|dinghy|vessel)\b", rest):
                return "people_per_boat", w
            if (re.match(r"(?:on|in|aboard)?\s*each\b(?!\s+(?:day|week|month|year|of))", rest)
                    and re.search(r"\baverage\b", s[max(0, q.start - 30):q.start], re.I)
                    and re.search(r"\b(?:boats?|dinghies)\b", s[:q.start], re.I)):
                return "people_per_boat", w
            if w == "passengers":
                return "occupancy", w
            return "people", w
        if w in _BOATS:
            return ("other" if w == "boatloads" else "boats"), w
        if w in ("days", "day") and (i == 0 or words[i - 1] in _DAYS_BEFORE):  # not "11,000 just days after"
            return "days", w
        if w in _LENGTHS and i <= 1:
            return "other", w  # "about 10 miles off the Kent coast"
        if w in _VESSELS:
            return "vessels" if w in {"vessels", "vessel", "ships", "ship", "helicopters", "helicopter", "cutters",
                                      "lifeboats", "lifeboat", "drones", "planes", "aircraft"} else "other", w
        if (w in ("hours", "hour", "minutes", "weeks", "months", "years", "am", "pm") and i <= 1) or w.startswith("year-old"):
            return ("age" if w.startswith("year-old") or (w == "years" and "old" in words[i + 1:i + 2]) else "time"), w
        if w in ("million", "billion", "pounds", "euros", "dollars"):
            return "money", w
        if w == "total" and i == 0:  # "the 8,462 total for 2020"
            return "people", w
        if w in _STOP or (w == "more" and "than" in words[i + 1:i + 2]):
            return None, None
        if w in _SKIP:
            continue
        if i >= 2:
            return None, None
    return None, None


#: a conjunction that opens the number's own clause, after a cue that belongs to the clause before it
_OTHER_CLAUSE = re.compile(r"\s(?:as|while|when|whereas|because|after)\s", re.I)


#: the object of a stop, with no noun: "they have intercepted just over 1,000."
_STOPPED_BEFORE = re.compile(r"\b(?:intercepted|prevented|stopped|thwarted|turned\s+back)\s*$", re.I)
#: a figure for the period compared with, in a "when" clause: "that of the same period in 2021 when just over 4,546"
_SAME_PERIOD_WHEN = re.compile(r"\b(?:same\s+(?:period|point|time|stage)|this\s+(?:time|point|stage))\b[^.;,]{0,25}?\s+when\s*$", re.I)


def _nearest_cue(s: str, q: Quantity, patterns: tuple[tuple[str, re.Pattern], ...]) -> str | None:
    """The category of the cue nearest the number (in characters)."""
    best, dist = None, 10**6
    for cat, rx in patterns:
        for m in rx.finditer(s):
            if cat == "forecast" and m.end() <= q.first and _OTHER_CLAUSE.search(s, m.end(), q.first):
                continue  # "the plane to Rwanda could take off as around 400 migrants ... were seen arriving": another clause's
            if cat != "crossing" and m.end() <= q.first and not s[m.end():q.first].strip():
                return cat  # the verb of the number: "prevented 5,900 crossings", "returned 1,000 people"
            d = m.start() - q.end if m.start() >= q.end else q.start - m.end()
            if m.start() < q.end and m.end() > q.start:
                d = 0
            d = max(d, 0) + (0 if m.start() >= q.end else 3)  # after the number binds a little tighter
            if d < dist:
                best, dist = cat, d
    return best


_GROUPS = {"children", "women", "men", "minors", "adults", "boys", "girls", "toddlers", "babies", "teenagers"}
#: between people and their boats: "100 migrants departed on two inflatable boats", "21 migrants in three boats"
_THEIR_BOATS = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:on|in|aboard|onboard|using)\s+", re.I)
#: a part of a group counted elsewhere: "Three children, including a baby, were reportedly among those brought to safety"
_AMONG = re.compile(r"[^.;]{0,60}?\bamong\s+(?:those|them|the)\b", re.I)
_PART_OF = re.compile(r"\b(?:including|of\s+whom|among\s+them)\s+(?:[^.;:()–—]{0,60}?(?:,|\band)\s+)?"  # "including mostly men,
                      r"(?:more\s+than\s+|over\s+|some\s+|about\s+|around\s+|at\s+least\s+"  # one ... woman and 12 children"
                      r"|almost\s+|nearly\s+)?$", re.I)
#: a number joined to a unit of length or time is an adjective ("the 21-mile Dover Strait", "a 20-year wait")
_COMPOUND_UNIT = re.compile(r"-(?P<time>years?|months?|hours?|minutes?)?(?:miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|f(?:oo|ee)t|nautical)?\b",
                            re.I)
#: a sentence about one incident is about one boat ("In one incident, Border Force apprehended 15 people who had landed")
_ONE_INCIDENT = re.compile(r"^\W*in\s+(?:one|a\s+single|another|a\s+separate|a\s+further)\s+incident\b", re.I)
#: what happened to the people a relative clause describes: "more than 60 people who used small boats to enter the UK
#: illegally have been returned to Europe" (the clause tells who they were; the verb after it what is counted)
_CLAUSE_VERB = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:who|that)\s+[^,;.()]{0,100}?\b(?:have|has|had|were|was|are|is)\s+(?:now\s+|since\s+|already\s+)?"
                          r"(?:been\s+)?(?=\w)", re.I)
#: people on one boat: "125 people made the journey in a single vessel", "the largest number to cross in one boat"
_ONE_BOAT_AFTER = re.compile(r"[^.;,]{0,40}?\bin\s+(?:a\s+single|one|one\s+single)\s+(?:small\s+|inflatable\s+)?(?:boat|dinghy|vessel)\b", re.I)
_A_DAY = re.compile(rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight)\b"
                    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}|\b{_MONTH_NAME}\s+\d{{1,2}}\b", re.I)
#: people per boat: "an average of (about) N", in a sentence about boats, and not "N a day"
_AVERAGE_BEFORE = re.compile(r"\baverage\s+(?:of\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|almost\s+|nearly\s+|more\s+than\s+|over\s+"
                             r"|just\s+(?:over|under)\s+)?$", re.I)
_AVERAGE_OF_BOATS = re.compile(r"\b(?:boats?|dinghy|dinghies|vessels?)\b", re.I)
_A_DAY_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)


#: categories a later mention of an exact crossing figure (not a round one) is read through: the figure again
_REPEATABLE = ("other", "returns", "arrests", "asylum", "forecast")


#: arrivals somewhere else, in a sentence that does not name the UK or the Channel
_ELSEWHERE = re.compile(r"\b(?:greece|greek|italy|italian|lampedusa|spain|spanish|canary\s+islands|malta|cyprus|libya|tunisia"
                        r"|turkey|aegean|mediterranean|balkans?)\b", re.I)
_TO_THE_UK = re.compile(r"\b(?:uk|u\.k\.|britain|british|england|english|channel|dover|kent|folkestone|here)\b", re.I)


def classify(s: str, q: Quantity) -> tuple[Category, Metric | None]:
    """Whether a number in sentence ``s`` is a crossing figure, and what it counts."""
    before = s[max(0, q.start - 40):q.start].lower()
    if q.currency:
        return "money", None
    if q.unit == "count" and not q.words and re.fullmatch(r"(?:19|20)\d\d", q.text.strip()):
        return "year", None
    if re.search(r"\baged\s*(?:between\s*)?$|\bage\s+of\s*$", before):
        return "age", None
    if (cu := _COMPOUND_UNIT.match(s, q.end)) and cu.end() > q.end + 1:
        return ("time" if cu["time"] else "other"), None
    if q.unit == "percent" and re.match(r"^\s*of\b", s[q.end:]):
        return "share", None  # "31% of"
    if q.unit == "times" and re.match(r"^\s*of\b", s[q.end:]) and not re.search(
            r"\b(?:was|is|were|are|be|been|represents?|represented|amounts?\s+to|equal(?:s|led)?\s+to)\s*$", s[:q.first], re.I):
        return "share", None  # "half of the 8,466 people ... were flagged" (not "2,316 was roughly two-fifths of the 5,454")
    if re.search(r"\bout\s+of\s*$", before):
        return "time", None  # "on 20 out of 31 days": the whole the part is out of
    kind, noun = _noun_after(s, q)
    many_boats = bool(re.search(r"\b(?:boats|dinghies|vessels)\s+(?:with|carrying)\s+(?:a\s+total\s+of\s+)?$", before))
    if kind == "occupancy" and many_boats:
        kind = "people"  # "The nine boats with 279 people on board": all of them, not one boat's load
    if kind == "people" and noun in _GROUPS and _PART_OF.search(s[max(0, q.start - 100):q.start]) and _nearest_cue(s, q, _DISTRACTOR_CUES) != "deaths":
        return "share", None  # "1,373 people, including more than 100 children": the record does not count them apart
    if kind == "people" and noun in _GROUPS and _AMONG.match(s, q.after):
        return "share", None
    if re.search(r"\blist\s+of\s*$", before):
        return "other", None  # "a list of five days in the last two years when a new record was set"
    if kind == "people" and _ONE_INCIDENT.match(s):
        return "occupancy", None
    if kind == "people" and _ONE_BOAT_AFTER.match(s, q.end) and not _A_DAY.search(s):
        return "occupancy", None  # "Last month, 125 people made the journey in a single vessel" (not "on Friday in a single boat")
    if kind in (None, "people", "occupancy") and _AVERAGE_BEFORE.search(before) and _AVERAGE_OF_BOATS.search(s) \
            and not _A_DAY_AFTER.match(s, q.after):
        kind = "people_per_boat"  # "bigger boats, carrying an average of about 28 people", "an average of 62 passengers in 2025"
    cues = (("crossing", _CROSSING_CUES), *_DISTRACTOR_CUES)
    if kind in ("money", "age", "time", "occupancy", "other"):
        if kind == "time" and noun in ("weeks", "months", "years") and q.unit != "count":
            return "other", None
        return kind, None
    if kind == "vessels" and (re.search(r"\b(?:people|migrants|\d[\d,]*)\s+(?:in|on|aboard)\s*$", before)
                              or re.match(r"\s+(?:more\s+)?vessels?\s+(?:have\s+|had\s+)?(?:arrived|crossed|reached|landed)\b", s[q.end:], re.I)):
        kind = "boats"  # "202 people in 20 vessels reached the UK", "two more vessels arrived on Sunday"
    elif kind == "vessels":
        return "vessels", None
    if kind == "boats":
        if (_EYEWITNESS.search(s[max(0, q.start - 50):q.start]) or _EYEWITNESS.search(s[q.end:q.end + 60])
                or re.search(r"\bone\s+of\s*$", before)
                or re.match(r"\s+(?:[\w-]+\s+)?(?:rescue|patrol|border\s+force|navy|naval|police|fishing)\b", s[q.end:], re.I)):
            return "vessels", None
        cat = _nearest_cue(s, q, cues)
        return (cat if cat in ("returns", "prevented", "deaths") else "crossing"), "boats"
    if q.unit == "times" and s[q.end:q.end + 1] == "-":
        return "other", None  # "double-decker buses"
    if (q.unit in ("percent", "times") and (sub := list(_NUMBER_OF.finditer(s, 0, q.first)))
            and sub[-1]["noun"].lower() in _VESSELS):
        return "other", None  # "the number of police officers on the ground in France had doubled"
    if q.unit == "percent" or q.unit == "times":
        cat = _nearest_cue(s, q, cues)
        if cat == "weather" or re.search(r"\b(?:red|calm)\s+days\b", s, re.I):
            return "weather", None
        if cat not in (None, "crossing"):
            return cat, None
        if not re.search(r"\b(?:arrivals|crossings|migrants|people|numbers?|boats|figures?|total|small[- ]boats?|channel)\b", s, re.I):
            return "other", None
        return "crossing", "people"
    by_total = False
    if kind is None:
        if _VERB_AFTER.match(s[q.after:]):
            kind = "people"
        elif m := _TOTAL_BEFORE.search(s[max(0, q.first - 100):q.first]):
            noun = (m["noun"] or "").lower()
            kind = ("people_per_boat" if re.search(r"\b(?:per|each|every)\s+(?:boat|dinghy)", noun)
                    else "boats" if re.search(r"\b(?:boats|dinghies)\b", noun) else "people")
            by_total = True
        elif _SUBJECT_AT.search(s[:q.start]):
            kind, by_total = "people", True
        elif _STOPPED_BEFORE.search(s[max(0, q.first - 30):q.first]):
            kind = "people"  # "The French authorities say they have intercepted just over 1,000."
        else:
            return "other", None
    if kind == "days":
        cat = _nearest_cue(s, q, cues)
        if cat not in (None, "crossing"):  # "detained for 28 days", "red days"
            return cat, None
        if not re.search(r"\b(?:without|no)\s+(?:\w+\s+){0,2}(?:crossings|arrivals|boats|migrants)\b|\bcross(?:ed|ings?)|arriv(?:ed|als)"
                         r"|\bjourneys?\s+took\s+place", s, re.I):
            return "time", None
        return "crossing", "days"
    cat = _nearest_cue(s, q, cues)
    if cat == "crossing" and (rest := _CLAUSE_REST.match(s, q.after)):
        cat = next((c for c, rx in _CLAUSE_CUES if rx.search(rest.group(0))), cat)
    if cat == "crossing" and (cv := _CLAUSE_VERB.match(s, q.after)):
        verb = s[cv.end():cv.end() + 30]
        cat = next((c for c, rx in _DISTRACTOR_CUES if c in ("returns", "deaths", "arrests") and (vm := rx.match(verb))), cat)
    if cat == "occupancy" and many_boats:
        cat = "crossing"
    if kind == "people_per_boat" and by_total:
        cat = "crossing"  # "The average number of people per boat increased to 62 in 2025, and ... 17 people died"
    if cat is None and kind in ("people", "boats") and _TOTAL_BEFORE.search(s[max(0, q.start - 80):q.start]):
        by_total = True  # "In 2021, the total was 28,526 people."
    if cat == "crossing" and _ELSEWHERE.search(s) and not _TO_THE_UK.search(s):
        return "elsewhere", None  # "When I was in Greece in 2015, there were 11,000 people arriving on an island every day."
    if cat is None or (cat == "occupancy" and kind == "people_per_boat"):
        # people per boat, and "the total ... to N", are crossing figures unless a cue says otherwise
        return ("crossing", kind) if kind == "people_per_boat" or by_total else ("other", None)  # type: ignore[return-value]
    return cat, kind  # type: ignore[return-value]


# -- periods ----------------------------------------------------------------------------------

#: a comma and a conjunction start another clause, whose period is not the number's before it
_CLAUSE = re.compile(r",\s*(?:as(?!\s+of)|after|while|because|although|but)\s", re.I)

#: a period written right before a number ("the total so far this year 36,956") is that number's
_CLOSE = 12


def _owns_next(text: str, p: PeriodMention, nxt: int, gap_before: int) -> bool:
    """Whether period ``p`` belongs to the number starting at ``nxt`` right after it: close to it,
    closer than to the number before, and with no comma or stop in between."""
    gap = text[p.end:nxt]
    if re.fullmatch(r",?\s*(?:when|as)\s+|\s*:\s*", gap, re.I):
        return True  # "since last Monday, when 309 crossed"; "Monday: 250, Tuesday: 0": the clause or entry is the period's
    return len(gap) <= _CLOSE and len(gap) < gap_before and not re.search(r"[,;:.(]", gap)


#: between a figure and a period that opens the next clause ("110 and so far this year, only 70 ...")
_FRONTED = re.compile(r"\s*,?\s+(?:and|but|while|whereas|yet)\s+", re.I)
#: "... at Folkestone and the previous Friday, seven others ...": a period after "and" opens the clause of the number after it
_OPENS_CLAUSE = re.compile(r"\s(?:and|but|while|whereas|yet)\s+$", re.I)
_ASIDE = re.compile(r",\s*(?:including|among\s+them|of\s+whom|of\s+which)\b[^,;()]*,", re.I)


#: days without crossings counted in a span, not a run: "the only two days when no crossings were reported"
_ZERO_DAYS = re.compile(r"\s+days\s+(?:when|on\s+which)\s+(?:there\s+(?:were|was)\s+)?(?:no|zero)\b", re.I)
#: a count of days out of a span's ("on 20 out of 31 days")
_OUT_OF_DAYS = re.compile(r"\s+out\s+of\s+(?:the\s+)?\d+\s+days\b", re.I)


def _since_then(p: PeriodMention, before: list[PeriodMention]) -> PeriodMention:
    """'Since then' is since the last event or day the sentence before named (``before``: its periods) ("It is more
    than three months since Priti Patel unveiled plans to send migrants to Rwanda. Since then 11,827 have arrived")."""
    if p.spec.kind != "since_then":
        return p
    for q in reversed(before):
        if q.spec.kind == "since":
            return replace(p, spec=q.spec)
        if q.spec.kind == "date":
            return replace(p, spec=PeriodSpec("since", day=q.spec.day, month=q.spec.month, year=q.spec.year))
    return p



def _relative(p: PeriodMention, periods: list[PeriodMention], found: list[list[PeriodMention]]) -> PeriodMention:
    """'Two days earlier', 'the previous Friday', 'the day before that': from the last single day named before it, in
    its sentence or the two before ("Last Sunday, nine ... and the previous Friday, seven ... Two days earlier, three
    more boats ..."); the day named is itself resolved so (``found`` is updated)."""
    if p.spec.kind != "relative" or p.spec.topic is not None:
        return p
    earlier = [q for q in periods if q.end <= p.start and q.spec.kind in _ONE_DAY_KINDS]
    for sent in reversed(found[:-1] if p.spec.n == -7 else found[-3:-1]):  # "One week ago": from the day the article tells of
        earlier = earlier or [q for q in sent if q.spec.kind in _ONE_DAY_KINDS]
    if not earlier:
        return p
    out = replace(p, spec=replace(p.spec, topic=earlier[-1].spec))
    found[-1] = [out if q == p else q for q in found[-1]]
    return out


def _assign_periods(sentence_text: str, figures: list[Mention], blockers: list[tuple[int, int]],
                    owners: list[tuple[int, int]], periods: list[PeriodMention], reserved: set[int], off: int) -> None:
    """Give each figure the nearest period with no other crossing number (``blockers``) in between.
    A period between two figures (``owners``) belongs to the one before it, unless it sits right
    before the one after ("..., making the total so far this year 36,956"). Bare years only when
    nothing else fits."""
    asides = [m.span() for m in _ASIDE.finditer(sentence_text)]
    for fig in figures:
        a, b = fig.start - off, fig.end - off
        # a part set off by commas does not stand between its whole and the period: "At least 1,373 people, including
        # more than 100 children, have crossed ... since 3 November 2018"
        between = [(x, y) for x, y in blockers if (x, y) != (a, b)
                   and not any(u <= x < v and not u <= a < v for u, v in asides)]
        rivals = [(x, y) for x, y in owners if y != b]
        if fig.quantity is not None:  # gaps are measured to the qualifier: "for 2025 so far to more than 22,400"
            a = fig.quantity.first
        best: tuple[tuple[bool, int], PeriodMention] | None = None
        for i, p in enumerate(periods):
            if i in reserved:
                continue
            after = p.start >= b
            lo, hi = (b, p.start) if after else (p.end, a)
            if any(lo <= x < hi for x, _ in between):
                continue
            d = hi - lo
            if not after and re.search(r"\bwhen\b", sentence_text[lo:hi]) and any(
                    q.start >= b and not any(b <= x < q.start for x, _ in between) for q in periods):
                continue  # "A new record was set for the year so far when 1,959 people crossed ... in the week to 10 September"
            if _CLAUSE.search(sentence_text[lo:hi]):
                # "approaching the 10,000 mark, as two more vessels arrived on Sunday": another clause's; so is one before
                # the clause ("a reduction last year, after a record 45,000 migrants made the journey in 2022")
                continue
            if after and _FRONTED.fullmatch(sentence_text[lo:hi]) and re.match(r"\s*,", sentence_text[p.end:]):
                continue  # "This month, the number has already reached 110 and so far this year, only 70 ...": the next clause's
            if after:  # taken by a number right after it?
                nxt = [x for x, _ in rivals if x >= p.end]
                if nxt and _owns_next(sentence_text, p, min(nxt), d):
                    continue
            else:  # a number before it owns it, unless it sits right before this one
                prev = [y for _, y in rivals if y <= p.start]
                if (prev and not _owns_next(sentence_text, p, a, p.start - max(prev))
                        and not _CLAUSE.search(sentence_text[max(prev):p.start])
                        and not (_OPENS_CLAUSE.search(sentence_text[max(prev):p.start]) and re.fullmatch(r",?\s*", sentence_text[p.end:a]))):
                    continue
            key = (not p.spec.strong, d)
            if best is None or key < best[0]:
                best = (key, p)
        if best:
            fig.period, fig.period_from = best[1], "sentence"


# -- the whole document -------------------------------------------------------------------------

def extract(text: str) -> Document:
    """Every number in ``text``, classified, with its period and comparison as written."""
    sentences = split_sentences(text)
    mentions: list[Mention] = []
    last_subject: dict[int, PeriodMention | None] = {}
    found: list[list[PeriodMention]] = []  # each sentence's periods as written, for the sentences after it
    for sent in sentences:
        s, off = sent.text, sent.start
        found.append(find_periods(s))
        # "figures released on Sunday": when the figures came out, not what they count
        periods = [p for p in found[-1] if not _PUBLISHED_BEFORE.search(s[max(0, p.start - 40):p.start])
                   and not (sent.index == 0 and _DATELINE.match(s[:p.start]))]  # "LONDON, Jun 02 (Alliance News):"
        periods = [_since_then(p, found[-2] if sent.index else []) for p in periods]
        periods = [_relative(p, periods, found) for p in periods]
        reserved: set[int] = set()
        quantities = [q for q in find_quantities(s)
                      if not any(p.start <= q.start < p.end for p in periods)]
        not_numbers = [m.span() for m in _NOT_NUMBERS.finditer(s)]
        french = any(_FRENCH.search(x.text) for x in sentences[max(0, sent.index - 1):sent.index + 1])
        sent_mentions: list[Mention] = []
        for q in quantities:
            cat, metric = classify(s, q)
            if any(a <= q.start < b for a, b in not_numbers):
                continue
            noun_kind, _ = _noun_after(s, q)
            if q.words and q.unit == "count" and (noun_kind is None or (q.value == 1 and noun_kind != "people")):
                continue  # "one has crossed", "one of", "two governments", "one boat carrying 61 people": not figures
            if (cat == "other" and q.unit in ("percent", "times") and _ANAPHORA.match(s)
                    and _previous_figure(mentions, sent.index) is not None):
                cat, metric = "crossing", "people"  # "That is 48% more than ...": about the figure before
            if (cat == "other" and q.unit == "times" and not re.match(r"\s*of\b", s[q.end:])
                    and any(m.crossing and m.kind == "figure" and m.metric == "people" for m in sent_mentions)):
                cat, metric = "crossing", "people"  # "This rose to 8,462 in 2020 before more than tripling in 2021"
            if (cat == "prevented" and metric in ("people", "boats") and french
                    and (any(p.spec.kind in _WEEK_OR_MORE for p in periods)  # or the sentence before's: "In the first 10
                         or (not periods and sent.index and any(p.spec.kind in (*_WEEK_OR_MORE, "range") for p in found[-2])))):  # months"  # the French figures: SB_02, weekly (not "this morning")
                cat, metric = "crossing", "prevented" if metric == "people" else "prevented_events"
            if (cat == "other" and noun_kind is None and not q.words and q.unit == "count"
                    and _PART_BEFORE.search(s[max(0, q.first - 30):q.first])
                    and (whole := [m for m in sent_mentions if m.crossing and m.kind == "figure"])):
                cat, metric = "crossing", whole[0].metric  # "including 2,742 in June": what the sentence counts
            if ((cat == "other" or (cat == "arrests" and re.match(r"[^.;,]{0,40}?\bdetained\b", s[q.end:])))
                    and not q.words and _SAME_PERIOD_WHEN.search(s[max(0, q.first - 60):q.first])
                    and (prior := [m for m in sent_mentions if m.crossing and m.kind == "figure" and m.metric == "people"])):
                cat, metric = "crossing", "people"  # "stands at 10,269 in 321 boats - more than double that of the same period
                # in 2021 when just over 4,546 people had been detained": the figure compared with, whatever its verb
            if cat == "other" and not q.words and _COMPARED_BEFORE.search(s[max(0, q.start - 30):q.start]):
                # "36,816 ..., up from 29,437 in 2023"; "That compares with 1,098 in January last year"
                prior = [m for m in sent_mentions if m.crossing and m.kind == "figure"]
                if not prior and _ANAPHORA.match(s) and (prev := _previous_figure(mentions, sent.index)) is not None:
                    prior = [prev]
                if prior:  # the metric of the figure compared with (people rather than its boats)
                    cat, metric = "crossing", next((m.metric for m in reversed(prior) if m.metric == "people"), prior[-1].metric)
            if (cat == "other" and noun_kind is None and not q.words and q.unit == "count" and periods
                    and _nearest_cue(s, q, _DISTRACTOR_CUES) in (
                        None, "occupancy" if any(m.metric == "people_per_boat" for m in sent_mentions) else None)
                    and ((prior := [m for m in sent_mentions if m.crossing and m.kind == "figure"
                                    and m.metric in ("people", "boats", "people_per_boat")]
                          or [m for m in mentions if m.sentence == sent.index - 1 and m.crossing and m.kind == "figure"
                              and m.metric in ("people", "boats")])
                         or _CROSSING_CUES.search(s[:q.first]))):
                # an elliptical figure, with a period but no noun, after crossing figures or words: "A further 686
                # followed on Sunday", "Arrivals last week: Monday 250, Tuesday 0", "up on 2024's 36,816": it counts
                # what the figure before counts (people when only the words say)
                cat, metric = "crossing", next((m.metric for m in reversed(prior) if m.metric == "people"),
                                               prior[-1].metric if prior else "people")
            if (cat not in ("crossing", "deaths", "returns", "money", "age", "time") and q.unit == "count" and not q.words
                    and _bracketed_period(s, q.first, periods) is not None
                    and (any(m.crossing for m in sent_mentions) or _CROSSING_CUES.search(s))):
                cat, metric = "crossing", metric if metric in ("people", "boats") else "people"  # "the same period last year (13,489)"
            if (cat == "crossing" and q.unit in ("percent", "times") and (counts := [x for x in sent_mentions if x.quantity is not None
                                                                             and x.quantity.unit == "count" and x.category != "year"])
                    and counts[-1].category == "forecast" and not _PCT_BEFORE.search(s[max(0, q.start - 40):q.start])):
                cat, metric = "forecast", None  # "expects up to 22,000 migrants to cross ... this year — nearly triple the 2020
                # total": the forecast's ratio
            if cat == "crossing" and q.unit in ("percent", "times") and _said_of_other(s, q.start, sent_mentions, off):
                cat, metric = sent_mentions[-1].category if sent_mentions else "other", None
            if (cat in _REPEATABLE and q.unit == "count" and not q.words and q.value >= 100 and q.value % 100
                    and (same := next((m for m in reversed(mentions) if m.crossing and m.kind == "figure" and m.quantity is not None
                                       and m.quantity.unit == "count" and m.quantity.value == q.value), None))):
                cat, metric = "crossing", same.metric  # "... bringing the total to 705 in June alone" then "705 people have been
                # detained in June alone": an exact figure the article gave as a crossing figure is that figure again
            earliest = bool(cat in ("other", "crossing") and q.unit == "count" and not q.words
                            and _EARLIEST_BEFORE.search(s[max(0, q.first - 80):q.first]) and _MILESTONE_AFTER.match(s, q.end))
            if earliest:
                cat, metric = "crossing", "people"
            kind: Kind = "figure"
            direction = 1
            if cat == "crossing":
                if q.unit == "percent":
                    before = _PCT_BEFORE.search(s[max(0, q.start - 40):q.start])
                    after = _PCT_AFTER.match(s[q.end:])
                    changes = [x for x in sent_mentions if x.kind == "percent_change"]
                    if before or after:
                        kind = "percent_change"
                        word = (after or before)["dir"].lower()  # "made up 36% fewer": the word after says which way
                        direction = -1 if word in _DOWN else 1
                    elif changes and re.match(r"\s+compared\s+(?:to|with)\b", s[q.end:]):
                        kind, direction = "percent_change", changes[-1].direction  # "an increase of 48% compared to ...
                        # and a full 75% compared to the first half of 2023": the same way as the change before
                    else:
                        cat, metric = "share", None
                elif q.unit == "times":
                    kind = "ratio"
                    direction = -1 if "halved" in q.text.lower() else 1
                elif m := _DIFF_AFTER.match(s[q.end:]):
                    kind = "difference"
                    direction = -1 if m["dir"].lower() in _DOWN else 1
            if kind == "figure" and cat == "crossing" and metric == "people" and _A_RECORD.search(s[max(0, q.first - 30):q.first]):
                kind = "record"  # "A record 444 migrants were rescued on Tuesday": that day was the busiest on record
            one_day = bool(_ONE_DAY.match(s[q.end:q.end + 90])  # "A record-breaking number of 853 ... on a single day this week"
                           or _DAILY_BEFORE.search(s[max(0, q.first - 40):q.first]))  # "the daily total has topped 1,000"
            mention = Mention(kind, sent.index, off + q.start, off + q.end, q.text, q, metric, cat, direction=direction,
                              unit="day" if kind != "record" or one_day else "any", any_day=kind == "figure" and one_day)
            mention.earliest = earliest
            if cat == "crossing" and metric == "people" and _MILESTONE_BEFORE.search(s[max(0, q.first - 60):q.start]):
                mention.milestone = True
            if cat == "crossing" and metric in ("people", "boats") and (pm := _AVERAGE_PER.search(s[max(0, q.first - 40):q.first])):
                mention.per_days = 7 if pm["unit"].lower() == "weekly" else 1  # "compared with the weekly average of more
                # than 800 people currently making the crossing": people a week, on average over the period
            if metric == "days":
                mention.without = bool(re.search(r"\b(?:without|no|zero|not\s+(?:been\s+)?any)[\s-]+(?:\w+\s+){0,2}"
                                                 r"(?:crossings?|arrivals|boats|migrants|people)\b"
                                                 r"|\b(?:nobody|no\s+one|no-one)\s+(?:\w+\s+){0,3}(?:cross|arriv|made\s+the\s+(?:crossing|journey))",
                                                 s, re.I))
                mention.zero_count = mention.without and bool(_ZERO_DAYS.match(s, q.end))
            if (cat == "crossing" and metric == "boats" and (people := [x for x in sent_mentions if x.quantity is not None
                                                                         and x.quantity.unit == "count" and x.metric is None])
                    and _THEIR_BOATS.fullmatch(s, people[-1].end - off, q.first) and people[-1].category not in ("year", "time", "age")
                    and _noun_after(s, people[-1].quantity)[0] == "people"):
                mention.category, mention.metric = people[-1].category, None  # "21 migrants in three boats were brought back
                # to France": the boats of people who are not crossing figures are not either
            sent_mentions.append(mention)
        if any(m.without for m in sent_mentions):  # "a 12-day period ... recording zero crossings": one statement, the run
            sent_mentions = [m for m in sent_mentions if not (m.metric in ("people", "boats") and m.quantity is not None
                                                              and m.quantity.value == 0)]
        for zm in _ZERO.finditer(s):
            if any(m.start - off <= zm.start() < m.end - off or m.without for m in sent_mentions):
                continue  # inside a number's span, or the same statement as "no crossings for four days"
            noun = (zm["noun"] or "").lower()
            q = Quantity(0.0, "count", None, zm.start(), zm.end(), zm.group(0), 1.0, False, True)
            cat = _nearest_cue(s, q, (("crossing", _CROSSING_CUES), *_DISTRACTOR_CUES))
            if cat in (None, "crossing") and re.search(r"\b(?:cross|arriv|channel|small boat)", s, re.I):
                sent_mentions.append(Mention("figure", sent.index, off + zm.start(), off + zm.end(), zm.group(0), q,
                                             "boats" if noun.startswith("boat") else "people", "crossing"))
        sent_mentions.sort(key=lambda m: m.start)
        _relations(sent, sent_mentions, periods, reserved, mentions)
        runs = [(m.start, m.end) for m in sent_mentions if m.metric == "days" and m.ended and m.quantity is not None
                and m.quantity.words]  # "the first arrivals for nine days": one claim, not "nine" again
        sent_mentions = [m for m in sent_mentions if not (m.metric == "days" and not m.ended
                                                          and any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                                                                  for a, b in runs))]
        figures = [m for m in sent_mentions if m.crossing and (m.kind in ("figure", "max_day", "rank")
                                                                or (m.kind == "record" and m.quantity is not None))]
        blockers = [(m.start - off, m.end - off) for m in sent_mentions if m.crossing and m.quantity is not None]
        owners = [(m.quantity.first if m.quantity else m.start - off, m.end - off) for m in sent_mentions
                  if m.crossing and m.kind == "figure"]
        _assign_periods(s, [m for m in figures if m.kind in ("figure", "record")], blockers, owners, periods, reserved, off)
        for ov in [x for x in sent_mentions if x.kind == "overtook" and x.reference_period is not None]:
            for m in figures:  # "already topping the 8,410 that came in 2020": the figure overtaken is that year's
                if m.kind == "figure" and ov.start <= m.start < off + ov.reference_period.start:
                    m.period, m.period_from = ov.reference_period, "sentence"
        for m in figures:  # "On Thursday, the Home Office confirmed 1,075 migrants crossed the previous day": the day of the statement
            later = [p for p in periods if p.start >= m.end - off and p.spec.kind in DAY_KINDS]
            if m.period is not None and later and _STATEMENT_AFTER.match(s, m.period.end):
                m.period, m.period_from = later[0], "sentence"
        for m in figures:  # "Crossings in November were ..., at just over 2,000": the subject's period
            if (m.kind == "figure" and m.quantity is not None and periods and periods[0].start < 40
                    and _SUBJECT_AT.search(s[:m.start - off]) and not _VERB_AFTER.match(s[m.end - off:])):
                m.period, m.period_from = periods[0], "sentence"
        for m in figures:  # "bringing the total so far this year, not including Sunday's arrivals, to 9,803": the total's own period
            if (m.kind == "figure" and m.quantity is not None and (bt := _BROUGHT_TO.search(s[:m.quantity.first]))
                    and (m.period is None or m.period.start < bt.start())
                    and (inside := [p for p in periods if bt.start() <= p.start and p.end <= m.quantity.first])):
                m.period, m.period_from = inside[0], "sentence"
        if same := [p for p in periods if p.spec.kind == "same_period"]:  # "This compares to 7,217 by the same date
            for m in figures:                                # last year and 8,693 in 2022": the same point of those years
                if (m.kind == "figure" and m.period is not None and m.period.spec.kind == "year" and m.period.spec.year
                        and m.start - off > same[0].end and re.fullmatch(r"(?:in\s+)?\d{4}", m.period.text.strip(), re.I)):
                    m.period = replace(m.period, spec=PeriodSpec("same_period", year=m.period.spec.year))
        _pair_boats(s, figures, off)
        # "No small boats arrived for more than a week until ...": a "no arrivals" with no period of its own is not placed
        drop = [m for m in figures if m.quantity is not None and m.quantity.value == 0 and m.quantity.words and m.period is None]
        sent_mentions = [m for m in sent_mentions if all(m is not x for x in drop)]
        figures = [m for m in figures if all(m is not x for x in drop)]
        # a figure with no period of its own takes the previous sentence's, within a paragraph
        prev = sentences[sent.index - 1] if sent.index else None
        inherited = last_subject.get(prev.index) if prev and prev.paragraph == sent.paragraph else None
        if inherited is None and prev and (prev.paragraph + 1 == sent.paragraph
                                           or (prev.paragraph + 2 == sent.paragraph and _ANAPHORA.match(s))):
            inherited = last_subject.get(prev.index)  # the next line, or after a blank line "It was ..."
        # a count of days needs a span: the previous sentence's, across a blank line too ("Journeys took place on 20 out of 31 days")
        days_span = inherited if inherited is not None or not prev or prev.paragraph + 2 != sent.paragraph else last_subject.get(prev.index)
        for m in figures:  # "The 482 people made the crossing in just 21 boats": the 482 already reported
            if m.kind == "figure" and m.period is None and m.quantity is not None and re.search(r"\bthe\s*$", s[:m.quantity.first], re.I):
                same = [x for x in mentions if x.crossing and x.kind in ("figure", "record") and x.metric == m.metric
                        and x.quantity is not None and x.quantity.value == m.quantity.value and x.period is not None]
                if same:
                    m.period, m.period_from = same[-1].period, "previous sentence"
                    m.notes.append(f"the {m.text} reported before")
        for i, m in enumerate(figures):
            if m.kind not in ("figure", "record") or m.period is not None:
                continue
            before = [f.period or f.window_period for f in figures[:i] if (f.period or f.window_period) is not None]
            if (before and before[-1].spec.kind == "year" and m.quantity is not None
                    and (cue := _FROM_BEFORE.search(s[max(0, m.quantity.first - 30):m.quantity.first]))):
                # "fell to 602 from 1,110", "compared with 1,110": a year against the year before
                m.period = PeriodMention(PeriodSpec("same_period"), m.start - off, m.end - off, cue.group(0).strip())
                m.period_from = "partner"
            elif before:
                m.period, m.period_from = before[-1], "partner"
            elif inherited is not None:
                m.period, m.period_from = inherited, "previous sentence"
            elif m.metric == "days" and days_span is not None and _OUT_OF_DAYS.match(s, m.end - off):
                m.period, m.period_from = days_span, "previous sentence"  # "... 3,683 migrants made the crossing on 90 boats in
                # July ...\n\nJourneys took place on 20 out of 31 days.": the days of the period just told of
        for m in figures:  # "473 arrived on Monday, which brought the total for 2025 to 10,358": the total to Monday
            bt = _BROUGHT_TO.search(s[:m.quantity.first]) if m.quantity is not None else None
            days = [p for p in periods if p.spec.kind in ("weekday", "date", "day", "weekend", "weekday_pair")
                    and not p.spec.shift and bt is not None and p.end <= bt.start()]
            if m.kind == "figure" and m.period is not None and m.period.spec.kind in ("year", "named_month", "month") and days:
                d = days[-1].spec  # "On Monday, 138 people arrived bringing the total ... to 705 in June alone": 1-13 June
                if d.kind == "date" and d.year is None and m.period.spec.kind == "year":
                    d = replace(d, year=m.period.spec.year)
                m.period = replace(m.period, spec=PeriodSpec("until", year=m.period.spec.year, topic=d,
                                                             from_month=m.period.spec.kind != "year"))
        for i, m in enumerate(figures):  # "... to 705 in June alone, with the total for the year so far reaching 10,269": the same day
            brought = [f for f in figures[:i] if f.period is not None and f.period.spec.kind == "until" and f.period.spec.topic]
            if (brought and m.kind == "figure" and m.quantity is not None and m.period is not None and m.period.spec.kind == "year"
                    and re.search(r",\s*with\s+the\s+(?:total|tally|number)\b[^,;]*$", s[:m.quantity.first])):
                m.period = replace(m.period, spec=PeriodSpec("until", year=m.period.spec.year, topic=brought[-1].period.spec.topic))
        for m in figures:  # "since 29 December, when 291 arrived": the figure is that day's ("since 2022, when": that year's;
            first = m.quantity.first if m.quantity else m.start - off  # "the lowest for January since 2021, when": January 2021)
            when = next((p for p in periods if (p.spec.kind == "since" and not p.spec.event or p.spec.kind == "year" and p.spec.year)
                         and _WHEN.fullmatch(s[p.end:first])), None)
            if m.kind == "figure" and when is not None and (m.period is None or m.period is when or m.period_from != "sentence"):
                sp = when.spec
                year = sp.year if sp.kind == "year" else sp.since.year if sp.since is not None else None
                month = next((p.spec for p in periods if p.spec.kind == "named_month" and p.spec.year is None), None)
                if month is None and inherited is not None and inherited.spec.kind == "named_month":
                    month = inherited.spec  # "in August, there were 55 ... this figure is the lowest since 2019, when it stood at 34"
                spec = (sp.topic or PeriodSpec("date", day=sp.day, month=sp.month, year=sp.year) if sp.day or sp.topic
                        else PeriodSpec("named_month", month=month.month, year=year) if month is not None and year is not None
                        else PeriodSpec("year", year=year) if year is not None else None)
                if spec is None:
                    continue
                old, m.period, m.period_from = m.period, replace(when, spec=spec), "sentence"
                for x in figures:  # its boats too: "when 291 arrived in six boats"
                    if x.period == old and x.period_from == "partner":
                        x.period = m.period
        for m in figures:  # a figure in brackets after a period is that period's: "at the same point in 2023 (19,801)"
            if m.kind == "figure" and m.quantity is not None and (bp := _bracketed_period(s, m.quantity.first, periods)):
                m.period, m.period_from = bp, "sentence"
        if (inherited is not None and inherited.spec.kind in ("half", "quarter", "until") and (fa := _FIGURE_ANAPHORA.search(s))
                and not re.search(r"\btotal\b", fa.group(0), re.I)):  # "In 2021, the total was 28,526": the whole year
            for m in figures:  # "In 2023, the figure was 11,433" after the first half of 2025: the first half of 2023
                if m.kind == "figure" and m.period is not None and m.period.spec.kind == "year" and m.period.spec.year:
                    m.period = replace(m.period, spec=replace(inherited.spec, year=m.period.spec.year))
        for m in figures:  # "no crossings for ten days": the run up to the article's date, whatever else is said
            days = [p for p in periods if p.spec.kind in DAY_KINDS]
            if m.metric == "days" and m.without and m.quantity is not None and days and _ENDED_RUN.search(s[:m.quantity.first]):
                m.period, m.period_from, m.ended = days[0], "sentence", True  # the run before that day
            elif m.metric == "days" and m.zero_count:  # "While Aug. 13 and Aug. 15 were the only two days when no crossings
                if (m.period is None or m.period.spec.kind in DAY_KINDS) and days_span is not None:  # were reported": the
                    m.period, m.period_from = days_span, "previous sentence"  # days of the span told of before
            elif (m.metric == "days" and m.without and m.quantity is not None and not m.ended
                  and (m.period is None or m.period.spec.kind not in ("rolling", "named_month") or m.period_from != "sentence")):
                m.period = PeriodMention(PeriodSpec("rolling", n=int(m.quantity.value)), m.start - off, m.end - off, m.text)
                m.period_from = "sentence"
        for m in figures:  # "jumping 34% on 2023 when 6,192 were recorded": the figure of the year compared with, over the
            # same span as the change's subject (not the whole year)
            if (m.kind == "figure" and m.period is not None and m.period.spec.kind == "year" and m.period.spec.year
                    and m.quantity is not None and re.fullmatch(r"\s*,?\s*when\s+", s[m.period.end:m.quantity.first], re.I)
                    and any(r.crossing and r.kind in ("difference", "percent_change", "ratio") and r.reference_period is not None
                            and (r.reference_period.start, r.reference_period.end) == (m.period.start, m.period.end) and (r.subject is not None or r.subject_period is not None) for r in sent_mentions)):
                m.period = replace(m.period, spec=PeriodSpec("same_period", year=m.period.spec.year))
        for i, m in enumerate(figures):
            if m.kind == "figure" and m.period is not None and m.period.spec.kind == "same_period":
                # "compared with 27,881 by the same point last year": the point of the figure before
                before = [f for f in figures[:i] if f.kind == "figure" and f.period is not None
                          and f.period.spec.kind != "same_period"]
                rel = [r for r in sent_mentions if r.crossing and r.kind in ("difference", "percent_change", "ratio") and r.start < m.start
                       and (r.subject is not None or r.subject_period is not None) and not any(r.start < f.start for f in before)]
                if rel:  # "The 2022 figure to date is nearly double the number detected by this point last year, which was
                    m.subject, m.subject_period = rel[-1].subject, rel[-1].subject_period  # just under 14,500": the change's
                else:
                    m.subject = before[-1] if before else (_previous_figure(mentions, sent.index) or _last_running(mentions, m.metric))
            elif m.kind == "figure" and m.period is not None and m.period.spec.kind == "prev_year":
                # "the past year was 41,472, a 13% rise on the 36,566 for the previous 12 months": the span before the figure's
                before = [f for f in figures[:i] if f.kind == "figure" and f.period is not None
                          and f.period.spec.kind not in ("same_period", "prev_year")]
                m.subject = before[-1] if before else None
        for m in sent_mentions:
            if m.kind in ("max_day", "rank") and m.window_period is None and m.quantity is None and inherited is not None:
                m.window_period = inherited
                if m.unit == "day" and inherited.spec.kind not in _ONE_DAY_KINDS and (day := next(
                        (p for ps in reversed(found[max(0, sent.index - 3):sent.index]) for p in reversed(ps)
                         if p.spec.kind in DAY_KINDS and not p.spec.shift), None)) is not None:
                    m.window_period = day  # "614 people ... on Wednesday, taking the total for 2024 to 20,433. This is 3%
                    # higher than ... It is the second highest number of arrivals on a single day since ...": Wednesday
        for m in [m for m in sent_mentions if m.unit == "inherit"]:  # "It was the highest number since 2022"
            unit = next((u for u, kinds in _ONE_UNIT.items() if inherited is not None and inherited.spec.kind in kinds), None)
            if unit is None and inherited is not None and m.ordinal == 1 and inherited.spec.kind not in _ONE_DAY_KINDS:
                # "The figures mark the highest level ... since official statistics began": the span before (a half year) against
                # the same span of every earlier year
                m.kind, m.unit, m.window_period, m.subject_period = "record", "any", inherited, None  # type: ignore[assignment]
                continue
            if unit is None and inherited is None and (topic := _lead_topic(next((x for x in mentions if x.crossing), None), found)):
                # "The 30,000 crossings ... But the number was the second-highest since 2018", after an opening about 2023
                # with no period of its own: the period the article is about
                unit = next((u for u, kinds in _ONE_UNIT.items() if u != "day" and topic.kind in kinds), None)
                window = PeriodMention(topic, m.start - off, m.start - off, "") if unit else None
            else:
                window = inherited
            if unit is None:
                sent_mentions.remove(m)
                continue
            m.unit, m.window_period = unit, window
            if (unit == "month" and window is not None and window.spec.kind == "named_month" and m.subject_period is not None
                    and m.subject_period.spec.kind == "since" and m.subject_period.spec.day is None
                    and m.subject_period.spec.month is None):
                m.calendar = True  # "In August, there were 55 ... this figure is the lowest total since 2019": Augusts
            if (unit, m.ordinal, m.lowest) == ("day", 1, False):
                m.kind = "max_day"
        for m in list(sent_mentions):  # "down 36 per cent on a record 45,774 arrivals in 2022": the record of a span is a
            # claim of its own about the figure's period, and the figure is checked as a figure (a record day stays one claim)
            if (m.kind == "record" and m.quantity is not None and m.period is not None and not m.any_day and m.unit != "day"
                    and m.period.spec.kind not in ("day", "weekday", "date", "context")
                    and (rm := _A_RECORD.search(s[max(0, m.quantity.first - 30):m.quantity.first]))):
                a = max(0, m.quantity.first - 30) + rm.start()
                b = a + len(rm.group(0).rstrip())
                m.kind, m.unit = "figure", "day"  # type: ignore[assignment]
                if not any(x.kind == "record" and x.start < off + b and off + a < x.end for x in sent_mentions):
                    sent_mentions.append(Mention("record", sent.index, off + a, off + b, s[a:b], metric="people", subject=m,
                                                 unit="any"))
        sent_mentions.sort(key=lambda x: x.start)
        # what the sentence is about, for the next one: not what it compares with ("half the 5,417 in October 2024")
        against = {id(m.reference) for m in sent_mentions if m.reference is not None}
        against |= {id(f) for f in figures if f.period is not None and any(  # "36% fewer than the more than 45,000 in 2022"
            c.crossing and c.kind == "percent_change" and c.reference_period is f.period for c in sent_mentions)}
        own = [m.period for m in figures if m.period is not None and m.period_from != "previous sentence" and id(m) not in against
               and m.period.spec.kind not in ("same_period", "prev_year")]
        if not own:  # "That was almost half ...": the figure it is about
            own = [m.subject.period for m in sent_mentions if m.subject is not None and m.subject.period is not None]
        refs = {id(m.reference_period) for m in sent_mentions if m.reference_period is not None}
        refs |= {id(m.reference.period) for m in sent_mentions if m.reference is not None and m.reference.period is not None}
        strong = [p for p in periods if p.spec.strong and id(p) not in refs]
        last_subject[sent.index] = own[-1] if own else (strong[0] if strong else None)
        for m in sent_mentions:
            m.notes += [p.spec.note for p in periods if p.spec.note and m.crossing]  # "since records began in 2017"
            m.index = len(mentions)
            mentions.append(m)
    for m in mentions:  # "for a 10th consecutive day in May": up to the day the article reports ("this week": from its Monday)
        if (m.run_to or m.above is not None) and m.period is not None and m.period.spec.kind not in (
                "day", "weekday", "date", "week" if m.run_to else "day"):
            m.period = None
    lead = next((m for m in mentions if m.crossing), None)  # the article's first claim, and its sentence's period
    topic = _lead_topic(lead, found)
    if topic is None and lead is not None and (lead.kind == "figure" or (lead.kind == "record" and lead.quantity is None
                                                                         and lead.unit in ("day", "any"))) and lead.period is None:
        # "Nine boats carrying 96 migrants ... have been intercepted. The Home Office said they were alerted ... on
        # Friday.": the day the opening tells of (the latest it names; not an earlier event's, "after August 22 saw ...")
        days = [p.spec for i, ps in enumerate(found[lead.sentence:lead.sentence + 3], lead.sentence) for p in ps
                if p.spec.kind in DAY_KINDS and not p.spec.shift
                and not re.search(r"\bafter\s+$", sentences[i].text[max(0, p.start - 8):p.start], re.I)]
        if not days:  # "Just before sunrise, last Friday, we encountered ... All in all, it had not been a good night for the
            # French police. ... a total of 14 boats had made it to sea": the day last named before it, in a narrative
            days = next(([p.spec] for ps in reversed(found[:lead.sentence]) for p in reversed(ps)
                         if p.spec.kind in DAY_KINDS and not p.spec.shift), [])
        topic = days[-1] if days else None
    for m in mentions:  # a figure with no period anywhere: the period the article is about (the checker decides)
        if (m.crossing and m.period is None and (m.kind == "figure" or (m.kind == "record" and m.quantity is not None))
                and (m.metric in ("people", "boats", "people_per_boat") or m.ended or m.run_to or m.above is not None)):
            m.period = PeriodMention(PeriodSpec("context", n=-1, topic=topic), m.start - sentences[m.sentence].start,
                                     m.end - sentences[m.sentence].start, "")
            m.period_from = "context"
        elif m is lead and m.kind == "record" and m.quantity is None and m.unit in ("day", "any") and m.window_period is None \
                and m.period is None and m.subject is None and topic is not None and topic.kind in DAY_KINDS:
            # "A record number of migrants crossed the Channel on the day the home secretary announced ... The Home Office
            # said 180 migrants made the crossing to the UK on Sunday": the day the opening tells of
            m.window_period = PeriodMention(PeriodSpec("context", n=-1, topic=topic), m.start - sentences[m.sentence].start,
                                            m.end - sentences[m.sentence].start, "")
        elif (m.crossing and m.kind == "max_day" and m.quantity is None and m.window_period is None and m.unit == "day"
              and not any(x.sentence == m.sentence and x.crossing and x.quantity is not None and x.period is not None
                          and x.period.spec.kind in DAY_KINDS for x in mentions)):
            # "... in a single day -- a new record for the year so far": the day the article is about
            m.window_period = PeriodMention(PeriodSpec("context", n=-1, topic=topic), m.start - sentences[m.sentence].start,
                                            m.end - sentences[m.sentence].start, "")
        elif m.kind == "first_since" and m.window_period is None:  # "the first successful crossing since ...": the day the
            # article tells of
            m.window_period = PeriodMention(PeriodSpec("context", n=-1, topic=topic), m.start - sentences[m.sentence].start,
                                            m.end - sentences[m.sentence].start, "")
        elif (m.crossing and m.kind == "rank" and m.quantity is None and m.window_period is None and topic is not None
              and m.unit in _ONE_UNIT and m.unit != "day" and topic.kind in _ONE_UNIT[m.unit]):
            # "... small boats in 2023 ... But the unauthorised arrival of 29,437 people ... is still the second-largest
            # yearly tally": the year the article is about
            m.window_period = PeriodMention(topic, m.start - sentences[m.sentence].start, m.start - sentences[m.sentence].start, "")
    return Document(text, sentences, mentions)


def _lead_topic(lead: Mention | None, found: list[list[PeriodMention]]) -> PeriodSpec | None:
    """The period the article's first claim is about, as written in its sentence."""
    topic = None
    if lead is not None and lead.kind == "figure" and lead.period is not None and lead.period_from == "sentence":
        topic = lead.period.spec
    elif lead is not None and lead.kind != "figure":
        strong = [p for p in found[lead.sentence] if p.spec.strong]
        topic = strong[0].spec if strong else None
    if topic is not None and topic.kind in ("same_period", "prev_year"):
        topic = None
    return topic


def _bracketed_period(s: str, first: int, periods: list[PeriodMention]) -> PeriodMention | None:
    """The period written right before "(" when a number opens the brackets; a bare year in a
    sentence comparing with "the same point" is the same point of that year ("18% lower than 2022
    (25,065)")."""
    lead = re.search(r"\(\s*$", s[:first])
    if not lead:
        return None
    before = [p for p in periods if 0 <= lead.start() - p.end <= 2]
    if not before:
        return None
    p = before[-1]
    if p.spec.kind == "year" and p.spec.year and any(x.spec.kind == "same_period" for x in periods):
        p = replace(p, spec=PeriodSpec("same_period", year=p.spec.year))
    return p


#: between people and their boats, or boats and their people: "202 people in 20 vessels", "Eight boats carrying more than 90"
_PAIRED = re.compile(r"\b(?:on|in|via|aboard|onboard|using|across|crammed\s+into|packed\s+into|carrying|with|containing)\s*"
                     r"(?:(?:a|the)\s+(?:surge|wave|fleet|string|series)\s+of\s+)?"  # "202 migrants ... in a surge of 20 boats"
                     r"(?:(?:a\s+total\s+of|more\s+than|over|about|around|almost|nearly|at\s+least|up\s+to|some)\s+)?$", re.I)


def _pair_boats(s: str, figures: list[Mention], off: int) -> None:
    """'656 asylum seekers were detected on 11 boats, on Saturday', 'A record 202 people in 20 vessels reached the UK
    on Thursday': the pair share a period."""
    for a, b in zip(figures, figures[1:]):
        if (a.kind in ("max_day", "rank") and a.unit == "day" and a.quantity is not None and (a.metric, b.metric) == ("people", "boats")
                and b.kind == "figure" and len(s[a.end - off:b.start - off]) < 60 and _PAIRED.search(s[a.end - off:b.start - off])):
            b.day_of = a  # "the highest daily total on record, with 1,295 people crossing in 27 boats": that day's boats
            continue
        if {a.metric, b.metric} != {"people", "boats"} or a.kind not in ("figure", "record") or b.kind != "figure":
            continue
        between = s[a.end - off:b.start - off]
        if len(between) < 60 and _PAIRED.search(between):
            if a.period is None and b.period is not None:
                a.period, a.period_from = b.period, "partner"
            elif b.period is None and a.period is not None:
                b.period, b.period_from = a.period, "partner"


def _subject_before(sent_mentions: list[Mention], pos: int, text: str = "", off: int = 0) -> Mention | None:
    """The figure a comparison starts from: the last one before it, not one in brackets ("(19,801)": a reference)."""
    figs = [m for m in sent_mentions if m.crossing and m.kind == "figure" and m.end <= pos
            and not (text and re.search(r"\(\s*$", text[:(m.quantity.first if m.quantity else m.start - off)]))]
    return figs[-1] if figs else None


def _previous_figure(mentions: list[Mention], sentence: int, yearly: bool = False) -> Mention | None:
    """The last crossing figure of the sentence before (for "The figure", "That"); for "the
    figure for the year" the last one over a year so far, within the two sentences before."""
    figs = [m for m in mentions if m.crossing and m.kind == "figure" and m.metric in ("people", "boats")
            and sentence - (2 if yearly else 1) <= m.sentence < sentence]
    changes = [c for c in mentions if c.crossing and c.kind in ("difference", "percent_change", "ratio")]
    against = {id(m.reference) for m in changes if m.reference is not None}
    against |= {id(f) for f in figs if any(c.sentence == f.sentence and c.start < f.start for c in changes)}
    figs = [m for m in figs if id(m) not in against] or figs  # not what a comparison was against ("36% fewer than the 45,000")
    if yearly:
        year_figs = [m for m in figs if m.period is not None and m.period.spec.kind in ("year", "since", "until")]
        figs = year_figs or [m for m in figs if m.sentence == sentence - 1]
    return figs[-1] if figs else None


def _last_running(mentions: list[Mention], metric: str | None) -> Mention | None:
    """The last running total of ``metric`` before ("... so far this year"), for "at the equivalent
    point last year" in a later sentence with no figure of its own to compare."""
    run = [m for m in mentions if m.crossing and m.kind == "figure" and m.metric == metric and m.period is not None
           and (m.period.spec.kind in ("until", "since") or (m.period.spec.kind == "year" and m.period.spec.n == 0
                                                            and m.period.spec.year is None))]
    return run[-1] if run else None


def _relations(sent: Sentence, sent_mentions: list[Mention], periods: list[PeriodMention], reserved: set[int],
               mentions: list[Mention]) -> None:
    """Fill subject and reference of comparisons; add numberless claims (overtook, on course for a
    record, busiest day, record year)."""
    s, off = sent.text, sent.start

    def period_index(p: PeriodMention) -> int:
        return periods.index(p)

    for dm in _MORE_OR_FEWER.finditer(s):  # "The migrants who arrived in 2025 were fewer than the record 45,774 in 2022"
        if any(x.start - off <= dm.start("dir") < x.end - off for x in sent_mentions):
            continue
        if (_NUMBER_AFTER.match(s, dm.end()) and (_IT_IS.match(s) or any(
                x.crossing and x.kind == "figure" and x.quantity is not None and x.end - off <= dm.start() for x in sent_mentions))):
            continue  # "the figure was 11,433 - which was slightly lower than the 12,747 recorded the year before", "It is
            # still lower than the highest daily total of 1,305": the two figures are checked, and say which is lower
        words = s[dm.start("dir"):dm.end()].rstrip()
        sent_mentions.append(Mention("difference", sent.index, off + dm.start("dir"), off + dm.start("dir") + len(words), words,
                                     metric="people", direction=-1 if dm["dir"].lower() in _DOWN else 1))
    changes: list[Mention] = []
    for cm in _CHANGE_NOUN.finditer(s):  # "following a big increase in the numbers so far this year": which way, against the
        # same period a year earlier (unless a comparison is written)
        if not any(x.start - off < cm.end("dir") and cm.start() < x.end - off for x in sent_mentions):
            changes.append(Mention("difference", sent.index, off + cm.start(), off + cm.end("dir"), s[cm.start():cm.end("dir")],
                                   metric="people", direction=-1 if cm["dir"].lower() in _DOWN else 1))
    sent_mentions.extend(changes)
    sent_mentions.sort(key=lambda x: x.start)
    previous: Mention | None = None  # the comparison before, in this sentence
    for m in [x for x in sent_mentions if x.crossing and x.kind in ("difference", "percent_change", "ratio")]:
        a, b = m.start - off, m.end - off
        cue = _CUE.search(s, b)
        if m.kind == "ratio" and (cue is None or cue.start() - b > 12):
            # "four times the number of migrants reached the UK in 2020 compared to 2019": a comparison cue further on
            cue = _RATIO_CUE.search(s, b, min(len(s), b + 100))
        ref_from = cue.end() if cue else b
        later_figs = [x for x in sent_mentions if x.crossing and x.kind == "figure" and x.start - off >= ref_from]
        # the reference ends where the next comparison begins ("up 34% on 2023 ... and up 19% on ... 2022")
        upto = min((x.start - off for x in sent_mentions if x.crossing and x.start > m.start
                    and x.kind in ("difference", "percent_change", "ratio")), default=len(s))
        # without "than"/"compared with", a period after a percentage is its own ("fell by a third in 2023")
        ref_periods = ([p for p in periods if p.end > ref_from and p.start >= (cue.start() if cue else b) and p.start < upto]
                       if cue or (m.kind != "percent_change" and all(m is not c for c in changes)) else [])  # "from 2024": the
        # period may begin with the cue; "a big increase in the numbers so far this year": the change's own period
        same = [p for p in ref_periods if p.spec.kind == "same_period"] or (
            [] if ref_periods else [p for p in periods if p.spec.kind == "same_period"])
        if later_figs and m.kind != "percent_change":
            m.reference = later_figs[0]
        elif same:
            m.reference_period = same[0]
        elif ref_periods:
            m.reference_period = ref_periods[0]
        if (m.reference_period is not None and m.reference_period.spec.kind == "year" and m.reference_period.spec.year
                and any(x.spec.kind == "same_period" for x in periods)):  # "3% higher than at the same point in 2023 and 18% lower than 2022"
            m.reference_period = replace(m.reference_period, spec=PeriodSpec("same_period", year=m.reference_period.spec.year))
        subject_zone = [p for p in periods if p.end <= (cue.start() if cue else len(s)) and p.spec.kind != "same_period"
                        and p is not m.reference_period and not _REFERENCE_CUE.search(s[max(0, p.start - 15):p.start + 5])]
        before_fig = _subject_before(sent_mentions, m.start, s, off)
        yearly = bool(_YEAR_ANAPHORA.match(s))
        if before_fig is not None:
            m.subject = before_fig
        elif subject_zone and not (yearly or _ANAPHORA.match(s)):
            p = min(subject_zone, key=lambda p: abs(p.start - a))
            m.subject_period = p
        elif (prev := _previous_figure(mentions, sent.index, yearly)) is not None:
            m.subject = prev
        elif subject_zone:
            m.subject_period = subject_zone[0]
        if (cue is None and m.kind in ("ratio", "percent_change") and before_fig is not None
                and (then := next((p for p in periods if 0 <= p.start - b <= 2 and p.spec.kind == "year"), None))):
            # "This rose to 8,462 in 2020 before more than tripling in 2021": the year after grew from the figure before
            m.subject, m.subject_period, m.reference, m.reference_period = None, then, before_fig, None
        if previous is not None and _SHARES_SUBJECT.match(s, previous.end - off, a) and \
                previous.end <= (m.subject.start if m.subject else off + m.subject_period.start if m.subject_period else -1):
            # "13% higher than in 2024 when 36,816 crossed and 41% higher than in 2023": both compare the same subject
            m.subject, m.subject_period = previous.subject, previous.subject_period
        if (m.reference_period is not None and m.reference_period.spec.kind == "year" and m.reference_period.spec.year
                and re.search(r"\brunning\s+$", s[max(0, a - 12):a], re.I)):  # "running below the level for 2022": the pace, to the same day
            m.reference_period = replace(m.reference_period, spec=PeriodSpec("same_period", year=m.reference_period.spec.year))
        if (said := _SAID_DAYS_BEFORE.search(s, 0, a)) and not any(said.end() <= p.start < a for p in periods):
            # "come just days after Rishi bragged that crossings are down 20% on last year": as of a day not given
            m.subject, m.subject_period = None, PeriodMention(PeriodSpec("vague", event=said[1], strong=False), said.start(1),
                                                              said.end(1), said[1])
        previous = m
        if m.reference is None and m.reference_period is None:
            m.notes.append("no comparison period written: compared with the same period a year earlier")
    # a comparison with no number says only which way: kept when both its sides are found ("the numbers were higher in
    # terms of us sending people to France" is not about crossings)
    sent_mentions[:] = [x for x in sent_mentions if not (x.kind == "difference" and x.quantity is None and (
        (x.subject is None and x.subject_period is None)
        or (x.reference is None and x.reference_period is None and all(x is not c for c in changes))))]

    for om in _OVERTOOK.finditer(s):
        if om.group(0).lower().startswith("than") and any(x.crossing and x.start - off < om.start() for x in sent_mentions):
            continue  # "40,081 ..., already more than the whole of 2024", "10% more than in the whole of 2024": the figure's
        after = [p for p in periods if p.start >= om.end() - 1 and p.start - om.end() < 40 and p.spec.kind == "year"]
        if not after and (y := re.match(r"((?:19|20)\d\d)\b(?![,.]?\d)", s[om.end():])):
            # "this year is now set to overtake 2021": a bare year is that year's total
            after = [PeriodMention(PeriodSpec("year", year=int(y[1])), om.end(), om.end() + y.end(), y[1])]
            periods.insert(sum(p.start < om.end() for p in periods), after[0])
        same = [p for p in periods if p.start >= om.end() - 1 and p.start - om.end() < 40 and p.spec.kind == "same_period"]
        if not after and same and (subj := _subject_before(sent_mentions, off + om.start(), s, off)) is not None:
            # "5,847 migrants were registered ... in the first three months of 2025, surpassing the total for the same
            # period last year": more than the same period a year before
            words = re.sub(r"\s+(?:the|that|of)?\s*$", "", s[om.start():same[0].start])
            words = re.sub(r"\s+for$", "", words)
            sent_mentions.append(Mention("difference", sent.index, off + om.start(), off + om.start() + len(words), words,
                                         metric="people", subject=subj, reference_period=same[0], direction=1))
            continue
        if not after:
            continue
        ref = after[0]
        reserved.add(period_index(ref))
        before = [p for p in periods if p.end <= om.start() and p.spec.kind in DAY_KINDS]
        inside = [x.start - off for x in sent_mentions if x.crossing and om.end() <= x.start - off < ref.start]
        end = min(inside, default=ref.start)  # "topping the 8,410 that came in 2020": the words, not the figure overtaken
        words = re.sub(r"\s+(?:the|that|of)?\s*$", "", s[om.start():end])
        m = Mention("overtook", sent.index, off + om.start(), off + om.start() + len(words), words, metric="people",
                    reference_period=ref, window_period=before[-1] if before else None)
        if before:
            reserved.add(period_index(before[-1]))
        sent_mentions.append(m)

    for pm in _PACE.finditer(s):
        years = [p for p in periods if p.spec.kind == "year" and p.spec.year and p.end <= pm.start() and pm.start() - p.end < 30]
        m = Mention("pace", sent.index, off + pm.start(), off + pm.end(), pm.group(0), metric="people",
                    year=years[-1].spec.year if years else None)
        if years:
            reserved.add(period_index(years[-1]))
        sent_mentions.append(m)

    for rm in _RECORD_YEAR.finditer(s):
        year = int(rm["y1"] or rm["y2"])
        sent_mentions.append(Mention("record_year", sent.index, off + rm.start(), off + rm.end(), rm.group(0),
                                     metric="people", year=year))
    low = s.lower()  # the rules below run only on sentences with their words (each is a regex over the whole sentence)
    for pm in (_PREVIOUSLY_A_RECORD.finditer(s) if "record" in low else ()):
        cmp = next((x for x in reversed(sent_mentions) if x.crossing and x.end - off <= pm.start() and x.reference_period is not None
                    and x.kind in ("difference", "overtook", "percent_change")), None)
        if cmp is not None and (cmp.subject is not None or cmp.subject_period is not None):
            sent_mentions.append(Mention("record", sent.index, off + pm.start(), off + pm.end(), pm.group(0), metric="people",
                                         subject=cmp.subject, subject_period=cmp.subject_period,
                                         reference_period=cmp.reference_period, unit="any"))
    for _name, rx in (_FIRSTS_IN if "first time" in low else ()):
        for fm in rx.finditer(s):
            if (any(x.crossing and x.quantity is not None and x.end - off <= fm.start() for x in sent_mentions)
                    or not re.search(r"\b(?:cross|arriv|reach)", s[:fm.start()], re.I)):
                continue  # "above 5,000 for the first time in 2025" is the figure's; crossings must be what is first
            year = next((p for p in periods if p.start <= fm.start("year") < p.end), None)
            if year is not None:
                reserved.add(period_index(year))
            spec = PeriodSpec("year", year=int(fm["year"])) if fm["year"].isdigit() else PeriodSpec("year", n=0)
            sent_mentions.append(Mention("first_in", sent.index, off + fm.start("w"), off + fm.end("w"), fm["w"], metric="people",
                                         window_period=PeriodMention(spec, fm.start("year"), fm.end("year"), fm["year"])))
    for _name, before, after in (_MOST_OF_EACH if " of the " in low else ()):  # "didn't reach higher than 2,153 in each of
        # the first five months"
        for x in [x for x in sent_mentions if x.crossing and x.kind == "figure" and x.quantity is not None]:
            if not before.search(s, 0, x.quantity.first) or not (am := after.match(s, x.end - off)):
                continue
            scope = next((p for p in periods if p.start == am.end()), None)
            if scope is None:
                continue
            reserved.add(period_index(scope))
            x.kind, x.unit, x.subject_period, x.ordinal, x.lowest = "rank", am["unit"].lower(), scope, 1, False  # type: ignore[assignment]
    for _name, rx in (_FIRSTS_SINCE if "first" in low else ()):
        for fm in rx.finditer(s):
            reserved.update(i for i, p in enumerate(periods) if fm.start("month") <= p.end and p.start < fm.end())
            n = month_number(fm["month"])
            point = PeriodSpec("range", month=n, day=1, topic=PeriodSpec("date", month=n, day=10 if fm["early"] else 31))
            sent_mentions.append(Mention("first_since", sent.index, off + fm.start(), off + fm.end(), fm.group(0), metric="people",
                                         subject_period=PeriodMention(point, fm.start("month"), fm.end(),
                                                                      s[fm.start("early") if fm["early"] else fm.start("month"):fm.end()])))
    for _name, rx in (_LAST_TIMES if "last time" in low else ()):
        for lm in rx.finditer(s):
            year = next((p for p in periods if p.start >= lm.end() and p.spec.kind == "year" and p.spec.year), None)
            if year is None or year.start - lm.end() > 10:
                continue
            since = replace(year, spec=PeriodSpec("since", since=dt.date(year.spec.year, 1, 1)), text=f"since {year.spec.year}")
            month = PeriodMention(PeriodSpec("named_month", month=month_number(lm["cal"])), lm.start("cal"), lm.end("cal"),
                                  lm["cal"])
            sent_mentions.append(Mention("rank", sent.index, off + lm.start(), off + lm.end(), lm.group(0), metric="people",
                                         subject_period=since, window_period=month, unit="month", calendar=True,
                                         lowest="low" in lm["dir"].lower()))
    for _name, rx in (_FIRST_ABOVE if "first time" in low or "record time" in low else ()):
        for fm in rx.finditer(s):
            figs = [x for x in sent_mentions if x.crossing and x.kind == "figure" and x.metric == "people" and x.quantity is not None
                    and x.end - off <= fm.start() and (x.quantity.qualifier in ("more than", "at least", "just over")
                                                       or _ABOVE_BEFORE.search(s[max(0, x.quantity.first - 20):x.quantity.first]))]
            if not figs or re.search(r"[;.]", s[figs[-1].end - off:fm.start()]):
                continue
            timed = bool(re.match(r"in\s+record\s+time", fm.group(0), re.I))
            sent_mentions.append(Mention("record", sent.index, off + fm.start(), off + fm.end(), fm.group(0), metric="people",
                                         subject=None if timed else figs[-1], unit="time" if timed else "any",
                                         above=figs[-1].quantity.value))
    for _name, rx in (_FIRST_CHANGES if "first" in low else ()):
        for fm in rx.finditer(s):
            years = [p for p in periods if p.end <= fm.start() and p.spec.kind == "year"]
            since = next((p for p in periods if 0 <= p.start - fm.end() <= 2 and p.spec.kind == "since"), None)
            if not years or _said_of_other(s, fm.start(), sent_mentions, off):
                continue
            if since is not None:
                reserved.add(period_index(since))
            sent_mentions.append(Mention("first_change", sent.index, off + fm.start(), off + fm.end(), fm.group(0),
                                         metric="people", window_period=years[-1], subject_period=since, unit="year",
                                         direction=1 if fm["dir"].lower() in ("rise", "increase") else -1))
    for _name, rx in (_PEAKS if "peak" in low else ()):  # "The peak came in November": the busiest month of its year; "the
        # 2022 peak": the busiest year
        for pm in rx.finditer(s):
            if not (_CROSSING_CUES.search(s) or any(x.crossing for x in sent_mentions)):
                continue  # "the figures are far below the 2023 peak" of asylum seekers in hotels
            if pm["year"]:
                sent_mentions.append(Mention("record_year", sent.index, off + pm.start("w"), off + pm.end("w"), pm["w"],
                                             metric="people", year=int(pm["year"])))
            elif (month := next((p for p in periods if 0 <= p.start - pm.end() <= 4 and p.spec.kind == "named_month"), None)):
                reserved.add(period_index(month))
                sent_mentions.append(Mention("rank", sent.index, off + pm.start("w"), off + pm.end("w"), pm["w"],
                                             metric="people", window_period=month, unit="month", years=1))

    taken = [(x.start - off, x.end - off) for x in sent_mentions if x.kind in ("pace", "record_year")]
    for _name, rx, unit in _RECORDS:
        for rm in rx.finditer(s):
            if (any(a < rm.end() and rm.start() < b for a, b in taken) or _OF_OTHER.match(s, rm.end())
                    or ((o := re.search(r"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ]$", s[:rm.start()], re.I))
                        and any(p.end <= o.start() and _BECAME.fullmatch(s, p.end, o.start()) for p in periods))):
                continue  # "This year became the second highest on record": a ranking of that year
            if _said_of_other(s, rm.start(), sent_mentions, off):
                continue
            figs = [x for x in sent_mentions if x.crossing and x.kind == "figure" and x.metric == "people"]
            if (rec := next((x for x in sent_mentions if x.crossing and x.kind == "record" and x.quantity is not None
                             and re.fullmatch(r"\s+of\s+", s[rm.end():x.quantity.first])), None)) is not None:
                taken.append(rm.span())  # "A record-breaking number of 853 migrants": the figure's own record, one claim
                continue
            near = min(figs, key=lambda x: min(abs(x.start - off - rm.end()), abs(rm.start() - (x.end - off))), default=None)
            own = [p for p in periods if p.spec.strong and p.spec.kind not in ("same_period", "prev_year")]
            if re.search(r"\b(?:previous|old)\s+record\b", rm.group(0), re.I):  # "This beats the previous record of 430 set
                near = next((x for x in reversed(figs) if x.end - off <= rm.start()), None)  # on July 20th": the figure before
                own = [p for p in own if p.end <= rm.start()]                             # beat it, not the old record's
            if follows := [p for p in own if 0 <= p.start - rm.end() <= 5]:  # "a new record high for the first four months"
                near, own = None, follows
            elif precedes := [p for p in own if 0 <= rm.start() - p.end <= 25 and not re.search(r"[,;:.\d]", s[p.end:rm.start()])]:
                near, own = None, precedes[-1:]  # "Numbers this year have reached record levels with nearly 20,000 ... in the
                # first six months": the clause's own period, not the figure's after it
            if (near is not None and near.kind in ("figure", "record") and near.quantity is not None
                    and re.fullmatch(r"\s+of\s+", s[rm.end():near.quantity.first])):
                near.kind, near.unit = "record", "any"  # type: ignore[assignment]  # "a single-day record of 202 migrants",
                taken.append(rm.span())                 # "A record-breaking number of 853 migrants": one claim, the figure's
                continue
            # the figure it describes; else the sentence's period ("a record number ... this year"); else the figure before
            sent_mentions.append(Mention("record", sent.index, off + rm.start(), off + rm.end(), rm.group(0), metric="people",
                                         subject=near or (None if own else _previous_figure(mentions, sent.index)),
                                         window_period=None if near or not own else own[0], unit=unit))
            taken.append(rm.span())
    eras = [(am, PeriodMention(PeriodSpec("range", year=a.year, month=a.month, day=a.day,
                                          topic=PeriodSpec("date", year=b.year, month=b.month, day=b.day)),
                               am.end("than"), am.end("than"), f"{a}–{b}"), unit)
            for _name, rx, unit, a, b in (_ABOVE_EVERY_OF if "than" in low else ()) for am in rx.finditer(s)]
    for am, scope, unit in [(am, None, None) for _name, rx in (_ABOVE_EVERY if " any " in low else ()) for am in rx.finditer(s)] + eras:
        # "more ... in the first 16 days of August than any month from January to May"; "far more than in years before the
        # pandemic": every whole year of 2018-2019
        a, b = am.span("than")
        scope = scope or next((p for p in periods if 0 <= p.start - b <= 4), None)
        if (scope is None or any(x < b and a < y for x, y in taken) or _said_of_other(s, a, sent_mentions, off)
                or re.search(r"\b(?:if|would|could|might)\b", s[:a], re.I)):
            continue  # "If just 232 more ... there would have been more crossings this June than any month": not claimed
        figs = [x for x in sent_mentions if x.crossing and x.kind == "figure" and x.quantity is not None and x.end - off <= a]
        own = [p for p in periods if p.end <= a and p.spec.strong]
        subject = figs[0] if figs else None if own else _previous_figure(mentions, sent.index)
        if subject is None and not own:
            continue
        if scope in periods:
            reserved.add(period_index(scope))
        sent_mentions.append(Mention("above_every", sent.index, off + a, off + b, s[a:b], metric=subject.metric if subject
                                     else "people", subject=subject, subject_period=None if subject else own[-1],
                                     reference_period=scope, unit=unit or am["unit"].lower(),
                                     direction=-1 if am["dir"].lower() in ("fewer", "less", "lower", "smaller") else 1))
        taken.append((a, b))
    for _name, rx in _STREAKS:  # "the first crossing in more than a week": the days before it had none
        for sm in rx.finditer(s):
            n = words_value(sm["n"]) if not sm["n"].isdigit() else int(sm["n"])
            weeks = sm["unit"].lower().startswith("week")
            qual = QUALIFIERS.get(re.sub(r"\s+", " ", (sm["q"] or "").strip().lower()))
            if weeks and qual is None:
                qual = "around"  # "the first crossing in a week": a week is a loose measure (6 to 8 days)
            q = Quantity(float(n * (7 if weeks else 1)), "count", qual, sm.start("n"), sm.end("unit"), s[sm.start("n"):sm.end("unit")],
                         7.0 if weeks else 1.0, False, True, qstart=sm.start("q") if sm["q"] else -1)
            days = [p for p in periods if p.spec.kind in DAY_KINDS]
            since = [p for p in days if p.start >= sm.end() and _RUN_SINCE.match(s[sm.end():p.start])] + [
                replace(p, spec=PeriodSpec("date", day=p.spec.day, month=p.spec.month, year=p.spec.year)) for p in periods
                if p.spec.kind == "since" and p.spec.day and p.spec.month and p.start >= sm.end()
                and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}?", s[sm.end():p.start])]  # "... of no crossings since Dec. 29"
            days = since[:1] or [p for p in days if p not in since]
            sent_mentions.append(Mention("figure", sent.index, off + sm.start(), off + sm.end(), sm.group(0), q, "days",
                                         period=days[0] if days else None, period_from="sentence" if days else None,
                                         without=True, ended=True, began=bool(since)))
            taken.append(sm.span())
    for rm in _RECORD_SO_FAR.finditer(s):
        if any(a < rm.end() and rm.start() < b for a, b in taken) or not _SINGLE_DAY.search(s):
            continue
        inside = [i for i, p in enumerate(periods) if rm.start() <= p.start < rm.end()]
        if not inside:
            continue
        reserved.update(inside)
        days = [p for p in periods if p.spec.kind in DAY_KINDS and not p.spec.shift]
        scope = replace(periods[inside[0]], spec=PeriodSpec("year", n=0))
        sent_mentions.append(Mention("max_day", sent.index, off + rm.start(), off + rm.end(), rm.group(0), metric="people",
                                     subject_period=scope, window_period=days[0] if days else None, unit="day"))
        taken.append(rm.span())
    for tm in _NTH_TIME.finditer(s):  # "the second time this year the daily total has topped 1,000"
        th = min(_THRESHOLD.finditer(s), key=lambda x: abs(x.start() - tm.start()), default=None)
        sp = next(((x, n) for rx, n in _NTH_TIME_SPANS if (x := rx.search(s, tm.end()))), None)
        if th is None or sp is None or any(a < tm.end() and tm.start() < b for a, b in taken):
            continue
        word = tm["ord"].lower()
        n = _ordinal(word)
        end = tm.end() if sp[0].start() - tm.end() > 2 or re.search(r"\d", sp[0].group(0)) else sp[0].end()  # "the second
        # time in a fortnight": its words (not the year of "in 2022", which is a year's)
        q = Quantity(float(n), "count", None, tm.start("ord"), tm.end(), tm["ord"] + " time", 1.0, False, not word[0].isdigit())
        days = [p for p in periods if p.spec.kind in DAY_KINDS and not p.spec.shift and p.end <= tm.start()]
        sent_mentions.append(Mention("figure", sent.index, off + tm.start(), off + end, s[tm.start():end], q, "days",
                                     period=days[-1] if days else None, period_from="sentence" if days else None,
                                     above=float(th["n"].replace(",", "")), span_days=sp[1]))
        if sp[1] == 0:
            reserved.update(i for i, p in enumerate(periods) if p.start <= sp[0].start() < p.end or sp[0].start() <= p.start < sp[0].end())
        taken.append((tm.start(), end))
    for _name, rx in _LAST_DAYS:  # "The last recorded crossing was on December 29th": none from the day after it
        for lm in rx.finditer(s):
            day = next((p for p in periods if 0 <= p.start - lm.end() < 40 and (p.spec.kind == "date" or (
                p.spec.kind == "since" and p.spec.day is not None and re.match(r"since\s+\d", p.text, re.I)))), None)
            if day is None:
                continue
            if day.spec.kind == "since":
                day = replace(day, spec=PeriodSpec("date", day=day.spec.day, month=day.spec.month, year=day.spec.year))
            sent_mentions[:] = [x for x in sent_mentions if not (x.quantity is not None and x.quantity.value == 0
                                                                 and lm.start() <= x.start - off < lm.end())]
            sent_mentions.append(Mention("last_day", sent.index, off + lm.start(), off + lm.end(), lm.group(0), metric="days",
                                         window_period=day, without=True))
            taken.append(lm.span())
    if re.search(r"\b(?:cross|arriv|journey|boats?\b|dinghies)", s, re.I):
        for _name, rx in _RUNS:  # "crossings continued for a fifth day in a row on Tuesday": the five days to Tuesday
            for sm in rx.finditer(s):
                word = sm["ord"].lower()
                n = _ordinal(word)
                q = Quantity(float(n), "count", None, sm.start("ord"), sm.end(), s[sm.start("ord"):sm.end()], 1.0, False,
                             not word[0].isdigit())
                days = [p for p in periods if p.spec.kind in DAY_KINDS and not p.spec.shift]
                sent_mentions.append(Mention("figure", sent.index, off + sm.start(), off + sm.end(), sm.group(0), q, "days",
                                             period=days[0] if days else None, period_from="sentence" if days else None,
                                             run_to=True))
                taken.append(sm.span())
    for rk in _RANK.finditer(s):
        if any(a < rk.end() and rk.start() < b for a, b in taken):
            continue  # "on course to have the highest", "the highest year on record remains 2022"
        _rank(sent, rk, sent_mentions, periods, reserved, mentions)
    # "It is still lower than the highest daily total of 1,305 arrivals ...": a comparison with a record is the record's
    # claim (checked on its figure), not one of its own
    sent_mentions[:] = [x for x in sent_mentions if not (x.kind == "difference" and x.quantity is None and (
        (x.reference is not None and x.reference.kind in ("max_day", "rank")) or _THAN_THE_RECORD.match(s, x.end - off)))]
    sent_mentions.sort(key=lambda x: x.start)


def _said_of_other(s: str, pos: int, sent_mentions: list[Mention], off: int) -> bool:
    """Whether a record, ranking or change at ``pos`` is said of a number that is not a crossing figure, in a sentence
    with no crossing words or figures: "it led 347 disruptions of immigration crime networks in 2024-25 - the highest
    level on record and a 40% increase on the previous 12 months"."""
    before = [m for m in sent_mentions if m.end - off <= pos and m.quantity is not None and m.quantity.unit == "count"]
    return (bool(before) and not before[-1].crossing and before[-1].category not in ("year", "time", "age")
            and not any(m.crossing for m in sent_mentions) and not _CROSSING_CUES.search(s))


def _rank(sent: Sentence, rk: re.Match, sent_mentions: list[Mention], periods: list[PeriodMention], reserved: set[int],
          mentions: list[Mention] | None = None) -> None:
    """A ranking ("the lowest monthly total since January"): the period it ranks (the window), the
    span it ranks within (the scope: this year, since ..., the whole record), and whether it is a
    claim of its own or, when a figure is the value of the top day in a wider window ("last month
    ... the highest single number so far this year, roughly 650"), that figure's claim."""
    s, off = sent.text, sent.start
    if re.search(r"\bthan\s+(?:the\s+)?(?:previous\s+)?$", s[:rk.start()], re.I) and not re.match(r"\s+of\s+\d", s[rk.end():]):
        return  # "still lower than the highest daily total of 1,305": a reference, not a ranking claimed
    if re.search(r"\b(?:the|its|a)\s+(?:previous|former|old)\s+$", s[:rk.start()], re.I):
        return  # "This exceeded the previous highest figure of 828": the record beaten, not a ranking claimed
    if _ONE_BOAT_AFTER.match(s, rk.end()):
        return  # "the largest number to cross in one boat on record": people on one boat are not in the record
    if re.search(r"\b(?:predicted|expected|forecast|projected|likely|set)\s+to\s+be\s+(?:one\s+of\s+)?(?:the\s+)?$", s[:rk.start()], re.I):
        return  # "This week is predicted to be one of the busiest so far this year": a forecast
    if _OF_OTHER.match(s, rk.end()) or _said_of_other(s, rk.start(), sent_mentions, off):
        return  # "the highest number of deaths", "347 disruptions ... - the highest level on record"
    words = {k: (v or "").lower() for k, v in rk.groupdict().items()}
    start = rk.start()
    if (with_the := _UNIT_WITH_THE.search(s[:rk.start()])) and not words["adj"] and words["noun"] not in _RANK_UNITS:
        words["noun"], start = with_the["unit"].lower(), with_the.start()  # "June has been the month with the most ..."
    said_of = _UNIT_BEFORE.search(s[:rk.start()])  # "The annual total was the highest since 2022"
    if re.match(r"(?:seven|7)\W", words["unit"]):
        words["unit"] = "seven days"  # "the highest total for any seven-day period in 2021": every run of seven days
    unit = (_RANK_UNITS.get(words["adj"]) or _RANK_UNITS.get(words["noun"]) or words["unit"] or ("month" if words["cal"] or words["for"] else None)
            or ("day" if words["single"] else None) or ("year" if words["annual"] else None)
            or (_RANK_UNITS.get(said_of[1].lower()) if said_of else None))
    after = s[rk.end():rk.end() + 60]
    if (words["sup"] == "record" and unit is None) or (words["sup"] == "most" and not unit and not _RANK_SCOPE.match(after)):
        return  # "a record 785", "the most dangerous": not rankings
    if (words["sup"] == "record" and not words["annual"]) or words["ever"]:  # "a record for a single day": on record
        after = " on record" + after
    scope = [p for p in periods if rk.end() - 1 <= p.start < rk.end() + 60 and p.spec.kind in ("year", "since")]
    sp = scope[0] if scope else None
    if sp is None:  # "Since the migrant boat crisis began in 2018, last year had the highest number": the span opening the sentence
        sp = next((p for p in periods if p.spec.kind == "since" and p.end <= rk.start() and not s[:p.start].strip(" \"'“‘")), None)
    if sm := _SINCE_FIGURE.match(after):  # "the highest since 562 were detected on April 14": since that day
        day = next((p for p in periods if p.start >= rk.end() and p.spec.kind == "date"), None)
        if day is not None and day.start - rk.end() < 80:
            sp = replace(day, spec=PeriodSpec("since", day=day.spec.day, month=day.spec.month, year=day.spec.year),
                         text="since " + re.sub(r"^on\s+", "", day.text))
    if sp is None and _OF_THE_YEAR.match(after):  # "the busiest day of the year"
        m = _OF_THE_YEAR.match(after)
        sp = PeriodMention(PeriodSpec("year", n=0), rk.end(), rk.end() + m.end(), m.group(0).strip())
    if sp is None:  # the span written before it, possessive: "Last week's busiest day", "this year's highest"
        sp = next((p for p in periods if re.search(r"['’]s$", p.text) and not s[p.end:rk.start()].strip(" ")), None)
    years = 0
    if sp is None and (yb := _IN_N_YEARS.match(after)):  # "the lowest January figure in five years": the five to the window's
        years = int(yb["n"]) if yb["n"].isdigit() else int(words_value(yb["n"]) or 0)
    if sp is None and not years and not words["annual"] and not _EVER.match(after):
        return  # "the highest daily total in more than a month": no span to rank within
    if unit is None and (said := next((p for p in periods if p.end <= rk.start() and _BECAME.fullmatch(s, p.end, rk.start())), None)):
        unit = next((u for u, kinds in _ONE_UNIT.items() if said.spec.kind in kinds), None)  # "This year became the second
        # highest on record": the period it is said of is what is ranked
    window = [p for p in periods if p is not sp and p.end <= rk.start() + 200
              and ((p.spec.strong and p.spec.kind != "year") or (unit == "year" and p.spec.kind == "year"))]
    # a period after the ranking with a figure in between is that figure's ("the third highest this year, behind
    # a record 1,305 on 3 September"): the ranking is then about the sentence's subject, not that figure's period
    figs_after = [x.start - off for x in sent_mentions if x.crossing and x.kind in ("figure", "record") and x.start - off >= rk.end()]
    others = [p for p in window if p.start >= rk.end() and any(x < p.start for x in figs_after)]
    # the day of a record beaten is not what is ranked: "exceeded the previous highest figure of 828 set in late August"
    others += [p for p in window if any(r.end() <= p.start and not re.search(r",|\band\b", s[r.end():p.start])
                                        for r in _PREVIOUS_RECORD.finditer(s, 0, rk.start()))]
    window = [p for p in window if p not in others]
    before = [p for p in window if p.end <= rk.start()]
    wp = before[-1] if before else window[0] if window else None
    if wp is not None and sp is not None and sp.spec.kind == "week" and wp.spec.kind == "weekday" and wp.spec.n == 0:
        # a day ranked within a week is a day of that week: "Last week's busiest day was Friday"
        i, wp = periods.index(wp), replace(wp, spec=replace(wp.spec, n=-7 if sp.spec.n == -1 else 0))
        periods[i] = wp
    if unit is None:  # "the highest number since 2022": the unit of the period ranked
        unit = next((u for u, kinds in _ONE_UNIT.items() if wp is not None and wp.spec.kind in kinds), None)
        if unit is None and wp is None and sp is not None and (_ANAPHORA.match(s) or _THIS_FIGURE.search(s[:rk.start()])
                                                               or _THIS_DID.match(s)):
            unit = "inherit"  # "It was the highest number since 2022": the period the sentence before was about
        if unit is None:
            return
    if sp is not None and sp in periods:
        reserved.add(periods.index(sp))
    # "In August 55 small boats crossed the Channel. It was the lowest figure for the month since 2019": boats are ranked
    ranked_fig = ([x for x in sent_mentions if x.crossing and x.kind == "figure" and x.end - off <= rk.start()]
                  or ([x for x in mentions or [] if x.sentence == sent.index - 1 and x.crossing and x.kind == "figure"][:1]
                      if _ANAPHORA.match(s) or _THIS_FIGURE.search(s[:rk.start()]) else []))
    boats = (bool(ranked_fig) and ranked_fig[0].metric == "boats") or bool(_BOATS_RANKED.search(s, 0, rk.start()))
    # "The number of small boat crossings in August fell to the lowest level since 2019": a named month ranked since a
    # year, with no unit written, is ranked against the same month of each year (as "the lowest for the month since 2019")
    calendar = bool(words["cal"] or words["for"]) or (
        not words["adj"] and words["noun"] not in _RANK_UNITS and wp is not None and wp.spec.kind == "named_month"
        and sp is not None and sp.spec.kind == "since" and sp.spec.day is None and sp.spec.month is None)
    fields = dict(metric="boats" if boats else "people", subject_period=sp, window_period=wp,
                  ordinal=_ordinal(words["ord"]) if words["ord"] else 1,
                  lowest=words["sup"] in ("lowest", "smallest", "fewest", "quietest"), unit=unit,
                  calendar=calendar, upto=bool(words["annual"]), years=years)
    named = sp is not None and sp.spec.kind == "since" and sp.spec.day is not None  # "since April 14": the days after it
    kind = "max_day" if (unit, fields["ordinal"], fields["lowest"]) == ("day", 1, False) and not named else "rank"
    # "A record 1,195 crossed on Saturday, the highest this year": the ranking says of what (not the threshold of a count of
    # days: "... and only the second time in 2022 the daily figure has topped 600")
    nums = [x for x in sent_mentions if x.crossing and x.kind in ("figure", "record") and x.quantity is not None
            and x.metric == "people" and not any(y.above == x.quantity.value for y in sent_mentions)]
    if sp is not None:  # "the highest since 2022, when nearly 46,000 crossed": that figure is the scope's, not ranked
        nums = [x for x in nums if not re.match(r"\s*,?\s*when\b", s[sp.end:x.start - off])]
    own = unit == "inherit" or (wp is not None and (wp.spec.kind in _ONE_UNIT.get(unit, ("range", "rolling", "week")) or (unit == "day" and all(x.any_day for x in nums)))) or (
        wp is None and (bool(others) or unit == "year"))  # "A total of 41,472 ..., marking the second-highest annual figure": the
    # figure's own year (from the sentence before) is what is ranked; no window wider than a year holds one year's figure
    value = next((x for x in nums if kind == "max_day" and _DAY_VALUE.fullmatch(s, rk.end(), x.quantity.first)), None)
    if value is not None:  # "The highest number on a single day in 2024 was on June 18, when 882 people crossed", "August
        # 22 saw the highest daily total on record, with 1,295 people": the figure after is the top day's value, one claim
        # (a figure before it is the day's own statement, ranked by a claim of its own: "717 arrived, the highest ...")
        fields["window_period"] = wp if wp is not None and wp.spec.kind in DAY_KINDS else None
        for k, v in fields.items():
            setattr(value, k, v)
        value.kind = kind  # type: ignore[assignment]
        if fields["window_period"] is not None:
            reserved.add(periods.index(wp))
        return
    if nums and not own:
        for x in nums:  # the figure is the value of the top period in a wider window: one claim
            x.kind = kind  # type: ignore[assignment]
            for k, v in fields.items():
                setattr(x, k, v)
        if wp is not None:
            reserved.add(periods.index(wp))
        return
    for x in nums:  # the sentence ranks its own period: "A record 1,195 ... on Saturday, the highest this year"
        if x.kind == "record" and own:
            x.kind = "figure"  # type: ignore[assignment]
    if wp is not None and not nums:
        reserved.add(periods.index(wp))
    end = rk.end()  # the words of the ranking, not the period's numbers ("the busiest day for 2025": 2025 is a year)
    sent_mentions.append(Mention(kind, sent.index, off + start, off + end, s[start:end], **fields))  # type: ignore[arg-type]


__all__ = ["Document", "Mention", "Sentence", "NEEDS", "extract", "split_sentences", "classify"]
