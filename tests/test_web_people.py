"""The "Who crosses" and "Deaths" pages: routes through FastAPI's TestClient, then in Debian's
Chromium, their figures read off the page and compared with sums made here from the source
files' rows (tests/oracle.py) and with the API. Screenshots go to test-artifacts/screenshots/people/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from .oracle import IRR_CSVS, IRR_XLSX, iom_by_year, small_boats_by_year
from .test_web import DESKTOP, PHONE, SHOTS, browser, client, local_page, number, server, soup  # noqa: F401 (fixtures)

NEWEST = IRR_CSVS[-1]


@pytest.mark.parametrize("url", ["/who", "/deaths", "/who?as_of=2024-01-15", "/deaths?as_of=2025-05-31"])
def test_pages_load_only_from_this_server(client, url: str) -> None:
    s = soup(client, url)
    refs = [t.get("src") or t.get("href") or t.get("srcset") for t in s.find_all(["img", "script", "link", "source"])]
    for ref in refs:
        assert ref.startswith("/") and client.get(ref).status_code == 200, ref
    for img in s.find_all("img"):
        assert len(img["alt"]) > 40, img
    assert s.find("a", attrs={"aria-current": "page"}).text in ("Who crosses", "Deaths")


def test_who_page_matches_the_release_rows(client) -> None:
    s = soup(client, "/who")
    shown = {int(td["data-year"]): number(td.text) for td in s.select("#nat-table tr.total td[data-year]")}
    assert shown == small_boats_by_year(NEWEST)
    then = soup(client, "/who?as_of=2024-01-15")  # the November 2023 release: 2023 to September only
    shown = {int(td["data-year"]): number(td.text) for td in then.select("#nat-table tr.total td[data-year]")}
    assert shown == small_boats_by_year(IRR_XLSX) and shown[2022] == 45_774
    assert "3 quarters" in then.select_one("#nat-table thead").text
    assert soup(client, "/who?as_of=yesterday", 422).select_one("[role=alert]")


def test_deaths_page_matches_the_iom_rows(client) -> None:
    s = soup(client, "/deaths")
    rows = {int(tr["data-year"]): [number(td.text) for td in tr.find_all("td")] for tr in s.select("#deaths-table tbody tr")}
    assert {y: r[3] for y, r in rows.items()} == iom_by_year()
    assert all(r[4] + r[5] + r[6] == r[3] for r in rows.values())
    assert "IOM Missing Migrants Project" in s.text and "CC BY 4.0" in s.text
    by_2025 = iom_by_year(through=dt.date(2025, 5, 31))
    s = soup(client, "/deaths?as_of=2025-05-31")
    assert {int(tr["data-year"]): number(tr.find_all("td")[3].text) for tr in s.select("#deaths-table tbody tr")} == by_2025


@pytest.mark.parametrize("url", ["/who/charts/nationalities", "/who/charts/ages", "/deaths/chart"])
def test_charts_as_svg_and_png(client, url: str) -> None:
    svg = client.get(url + ".svg?as_of=2024-01-15")
    assert svg.status_code == 200 and b"<title>" in svg.content and b"<desc>" in svg.content
    assert client.get(url + ".png").content[:4] == b"\x89PNG"
    assert client.get(url + ".gif").status_code == 404


def test_who_and_deaths_in_the_browser(browser, server) -> None:
    with local_page(browser, server, accept_downloads=True) as page:
        page.goto("/who")
        page.select_option("#as_of", "2023-03-09")
        page.click("form.inline button[type=submit]")
        cells = page.locator("#nat-table tr.total td[data-year]")
        shown = {int(cells.nth(i).get_attribute("data-year")): number(cells.nth(i).inner_text()) for i in range(cells.count())}
        assert shown == small_boats_by_year(IRR_CSVS[0]) and shown[2022] == 45_755
        with page.expect_download() as dl:
            page.locator("#fig-who-nationalities .save a").nth(0).click()
        assert Path(dl.value.path()).read_bytes()[:4] == b"\x89PNG"
        page.goto("/deaths")
        api = page.request.get("/api/v1/deaths").json()
        cells = page.locator("#deaths-table tbody tr")
        shown = {int(cells.nth(i).get_attribute("data-year")): number(cells.nth(i).locator("td").nth(3).inner_text())
                 for i in range(cells.count())}
        assert shown == {y["year"]: y["dead_missing"] for y in api["years"]} == iom_by_year()
        assert page.inner_text("#deadliest-year") == str(api["deadliest_year"]["year"])
        with page.expect_download() as dl:
            page.locator("#fig-deaths .save a").nth(1).click()
        assert dl.value.suggested_filename.endswith(".svg") and b"<title>Dead and missing" in Path(dl.value.path()).read_bytes()


@pytest.mark.parametrize("path", ["/who", "/deaths"])
def test_phone_width_and_screenshots(browser, server, path: str) -> None:
    shots = SHOTS / "people"
    shots.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, base_url=server, locale="en-GB")
        pg = context.new_page()
        pg.goto(path)
        for img in pg.locator("img").all():
            img.scroll_into_view_if_needed()
            pg.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
            if size == "phone":
                assert "size=narrow" in img.evaluate("i => i.currentSrc")
        assert pg.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        pg.screenshot(path=shots / f"{path.strip('/')}-{size}.png", full_page=True)
        context.close()
