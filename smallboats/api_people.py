"""HTTP endpoints for who crosses (``/api/v1/who``) and who dies (``/api/v1/deaths``), on the
conventions of :mod:`smallboats.api` (ETag, 304, 422 and 404 answers); included by
:func:`smallboats.api.create_app`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from . import conventions
from .questions import InvalidQuestion
from .api import DATE, ERRORS, AsOf, From, To, answer_model, cached, day

router = APIRouter(prefix="/api/v1", responses={**conventions.CSV_RESPONSE, **ERRORS},
                   dependencies=[Depends(conventions.answer_format)])


@router.get("/who", openapi_extra=answer_model("smallboats.people:Who"),
            summary="Small-boat arrivals by nationality, region, sex and age group in a year or quarter (Home Office quarterly statistics)")
async def who_ep(request: Request,
                 period: Annotated[str, Query(description="A year (2023) or a quarter (2023 Q3, 2023-Q3).",
                                                     pattern=r"^[1-9][0-9]{3}([ -]?[Qq][1-4])?$")],
                 top: Annotated[int, Query(ge=1, le=200, description="How many nationalities to list.")] = 10,
                 nationality: Annotated[str | None, Query(description="One nationality's share and change (e.g. Albania).")] = None,
                 as_of: AsOf = None) -> Response:
    from . import people

    return cached(request, lambda store: people.who(store, period, day(as_of, "as_of"), top, nationality or None))


@router.get("/deaths", openapi_extra=answer_model("smallboats.deaths:Deaths"),
            summary="Dead and missing on the route to the UK (IOM Missing Migrants Project): per year, at sea / on land / other, records")
async def deaths_ep(request: Request, start: From = None, end: To = None,
                    since: Annotated[str | None, Query(description="From this date to the end of the record (same as from).",
                                                            json_schema_extra=DATE)] = None,
                    as_of: AsOf = None) -> Response:
    from . import deaths as deaths_q

    if since and start:
        raise InvalidQuestion("give since or from, not both")
    return cached(request, lambda store: deaths_q.deaths(store, day(since or start, "since" if since else "from"),
                                                         day(end, "to"), day(as_of, "as_of")))
