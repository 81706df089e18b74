"""The web dashboard: routes through FastAPI's TestClient, then the pages in Debian's Chromium.

The pages' figures are read as a person sees them (the text on the page) and compared with
the API's answers over HTTP, and with figures summed here straight from the store's rows.
Screenshots of every page at desktop and phone width go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from smallboats.api import create_app
from smallboats.charts import _spread, cumulative_by_year
from smallboats.claims.report import marked
from smallboats.web import VERDICT_CLASSES, week_range


ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "screenshots"
SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SEED, SEED_DATE = SEEDS / "001_8ccffa444358de7c.txt", "2025-10-22"  # dates from tests/data/seeds/README.md
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# -- figures straight from the store's rows, without smallboats' as-of or series code ------

@pytest.fixture(scope="module")
def newest_daily(db_path: Path) -> pd.DataFrame:
    """Per day, the newest published value of each metric (SQL over the raw observations)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        long = con.execute("""
            SELECT o.date, o.metric, o.value FROM observations o JOIN vintages v ON v.id = o.vintage_id
            WHERE o.freq = 'day'
            QUALIFY row_number() OVER (PARTITION BY o.date, o.metric ORDER BY v.published DESC, v.figures_to DESC, v.id DESC) = 1
        """).df()
    finally:
        con.close()
    wide = long.pivot(index="date", columns="metric", values="value").sort_index()
    wide.index = pd.to_datetime(wide.index)
    return wide


def total(daily: pd.DataFrame, start: dt.date, end: dt.date, metric: str = "arrivals") -> int | None:
    """Sum over start..end; None if a day is missing or not available."""
    span = daily.loc[str(start):str(end), metric]
    return None if len(span) != (end - start).days + 1 or span.isna().any() else int(span.sum())


def number(text: str) -> int | None:
    """'15,897' -> 15897; 'n/a' -> None; '+1,234' / '-12' keep their sign."""
    t = text.strip().replace(",", "").replace("−", "-")
    return None if t == "n/a" else int(t)


def day(text: str) -> dt.date:
    return dt.datetime.strptime(" ".join(text.split()), "%d %b %Y").date()


# -- routes (TestClient) -------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with TestClient(create_app(db_path)) as c:
            yield c


def soup(client: TestClient, url: str, status: int = 200) -> BeautifulSoup:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return BeautifulSoup(r.text, "html.parser")


@pytest.mark.parametrize("url", ["/", "/explore", "/revisions", "/check"])
def test_pages_load_only_from_this_server(client: TestClient, url: str) -> None:
    s = soup(client, url)
    refs = [t.get("src") or t.get("href") or t.get("srcset") for t in s.find_all(["img", "script", "link", "source"])]
    assert refs and all(r.startswith("/") and not r.startswith("//") for r in refs), refs
    for ref in refs:  # every resource the page needs is served
        assert client.get(ref).status_code == 200, ref
    assert s.find("html")["lang"] == "en-GB"
    assert s.find("a", class_="skip")["href"] == "#main" and s.find(id="main")
    for img in s.find_all("img"):
        assert len(img["alt"]) > 40, img  # a text alternative, not a label


def test_overview_matches_the_rows(client: TestClient, newest_daily: pd.DataFrame) -> None:
    s = soup(client, "/")
    last = newest_daily.index[-1].date()
    assert s.find(id="latest-date").get_text() == f"{last.day} {last:%B %Y}"
    assert number(s.find(id="latest-arrivals").get_text()) == newest_daily["arrivals"].iloc[-1]
    rows = {int(tr["data-year"]): tr for tr in s.select("#ytd-table tbody tr")}
    assert max(rows) == last.year and min(rows) == 2018
    for year, tr in rows.items():
        end = last.replace(year=year) if not (last.month == 2 and last.day == 29) else dt.date(year, 2, 28)
        cells = [td.get_text() for td in tr.find_all("td")]
        assert number(cells[1]) == total(newest_daily, dt.date(year, 1, 1), end), year
        assert number(cells[2]) == total(newest_daily, dt.date(year, 1, 1), end, "boats"), year
    assert number(s.find(id="ytd-arrivals").get_text()) == total(newest_daily, dt.date(last.year, 1, 1), last)
    busiest = newest_daily["arrivals"].sort_values(ascending=False, kind="stable")
    first_row = s.select_one("#records-days tbody tr")
    assert number(first_row.find_all("td")[1].get_text()) == busiest.iloc[0]
    assert first_row["data-start"] == busiest.index[0].date().isoformat()


def test_overview_as_of_an_earlier_vintage(client: TestClient, newest_daily: pd.DataFrame) -> None:
    s = soup(client, "/?as_of=2026-01-09")
    latest = dt.datetime.strptime(s.find(id="latest-date").get_text(), "%d %B %Y").date()
    assert dt.date(2026, 1, 1) <= latest < dt.date(2026, 1, 9)
    assert number(s.find(id="ytd-arrivals").get_text()) == total(newest_daily, dt.date(2026, 1, 1), latest)
    assert s.select_one("#as_of")["value"] == "2026-01-09"
    errs = soup(client, "/?as_of=1999-01-01", 404)
    assert "covers" in errs.find(class_="error").get_text()


def test_explore_csv_is_the_table_and_the_api(client: TestClient, newest_daily: pd.DataFrame) -> None:
    q = "freq=week&from=2025-03-01&to=2025-05-31"
    s = soup(client, f"/explore?{q}")
    table = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in s.select("#explore-table tbody tr")]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/explore.csv?{q}").text)))
    api = client.get(f"/api/v1/series?{q}").json()["periods"]
    assert len(table) == len(rows) == len(api) == 14  # Sat 1 March is in the week of Monday 24 February
    for shown, row, want in zip(table, rows, api):
        assert day(shown[0]).isoformat() == row["period_start"] == want["period_start"]
        assert number(shown[2]) == int(row["arrivals"]) == want["arrivals"]
        assert number(shown[3]) == int(row["boats"]) == want["boats"]
        assert row["complete"] == str(want["complete"]).lower()
        # the same week summed here from the rows, cut to the range asked
        a = max(dt.date.fromisoformat(want["period_start"]), dt.date(2025, 3, 1))
        b = min(dt.date.fromisoformat(want["period_end"]), dt.date(2025, 5, 31))
        assert total(newest_daily, a, b) == want["arrivals"]
    assert json.loads(client.get(f"/explore.json?{q}").content) == client.get(f"/api/v1/series?{q}").json()
    assert "attachment" in client.get(f"/explore.csv?{q}").headers["content-disposition"]


def test_explore_errors_are_shown_on_the_page(client: TestClient) -> None:
    assert "from: not a date" in soup(client, "/explore?from=notadate", 422).find(class_="error").get_text()
    out = soup(client, "/explore?from=2010-01-01&to=2010-02-01", 404).find(class_="error").get_text()
    assert "the record" in out and "1 January 2018" in out
    assert client.get("/explore.csv?freq=fortnight").status_code == 422


def test_revisions_page_lists_every_api_revision(client: TestClient) -> None:
    s = soup(client, "/revisions")
    api = client.get("/api/v1/revisions").json()
    shown = s.select("section.revision tbody tr")
    assert len(shown) == len(api) > 0
    assert number(s.find(id="revisions-total").get_text().split()[0]) == len(api)
    published = [dt.datetime.strptime(h.get_text().removeprefix("Published "), "%d %B %Y").date()
                 for h in s.select("section.revision h2")]
    assert published == sorted(published, reverse=True)
    first = api[0]
    cells = [c.get_text() for c in shown[0].find_all("td")]
    assert [number(cells[1]), number(cells[2])] == [first["old_value"], first["new_value"]]


@pytest.mark.parametrize("name", ["cumulative", "daily", "ppb", "explore"])
def test_charts_come_as_svg_and_png_with_their_words(client: TestClient, name: str) -> None:
    svg = client.get(f"/charts/{name}.svg?freq=year")
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
    text = svg.text
    assert re.search(r"<svg [^>]*role=\"img\"", text)
    desc = re.search(r"<desc>(.*?)</desc>", text, re.S)[1]
    assert "Source: Home Office, provisional, vintage of" in desc
    assert re.search(r"<title>[^<]+</title>", text)
    png = client.get(f"/charts/{name}.png?freq=year")
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/charts/{name}.svg?size=narrow").status_code == 200


def test_chart_errors(client: TestClient) -> None:
    assert client.get("/charts/pie.svg").status_code == 404
    assert client.get("/charts/daily.gif").status_code == 404
    assert client.get("/charts/explore.svg?metric=deaths").status_code == 422
    assert client.get("/static/../web.py").status_code == 404


def test_check_page_is_linked_and_names_the_api(client: TestClient) -> None:
    nav = BeautifulSoup(client.get("/").text, "html.parser").select("nav a")
    assert "/check" in [a["href"] for a in nav]
    assert client.get("/check").status_code == 200
    # posts to /check without JavaScript; check.js sends it to the API it names
    form = BeautifulSoup(client.get("/check").text, "html.parser").select_one("form.check-form")
    assert (form["method"], form["action"], form["data-api"]) == ("post", "/check", "/api/v1/check")
    assert json.loads(form["data-verdicts"]) == [list(kv) for kv in VERDICT_CLASSES.items()]


def test_check_form_errors(client: TestClient) -> None:
    r = client.post("/check", data={"text": " ", "date": SEED_DATE})
    assert r.status_code == 422 and "paste the article" in r.text
    r = client.post("/check", data={"text": "700 people crossed today.", "date": ""})
    assert r.status_code == 422 and "publication date" in r.text
    r = client.post("/check", data={"text": "x" * 1_000_001, "date": SEED_DATE})
    assert r.status_code == 413


def test_week_range() -> None:
    assert week_range(dt.date(2022, 8, 22), dt.date(2022, 8, 28)) == "22–28 Aug 2022"
    assert week_range(dt.date(2022, 8, 29), dt.date(2022, 9, 4)) == "29 Aug – 4 Sep 2022"
    assert week_range(dt.date(2025, 12, 29), dt.date(2026, 1, 4)) == "29 Dec 2025 – 4 Jan 2026"


def test_running_total_stops_at_a_day_not_available() -> None:
    frame = pd.DataFrame({"date": pd.date_range("2025-12-30", "2026-01-04").date,
                          "arrivals": pd.array([5, 7, 10, None, 3, 4], dtype="Int64")})
    years = cumulative_by_year(frame)
    assert list(years[2025][1]) == [5, 12]
    totals = years[2026][1]
    assert totals[0] == 10 and all(v != v for v in totals[1:])  # unknown from the "-" day on, not 13 and 17


def test_line_labels_do_not_overlap() -> None:
    assert _spread([100, 101, 50, 100.5], 3) == [100, 106, 50, 103]


def test_marked_keeps_the_text_and_skips_overlaps() -> None:
    class C:  # the two fields of a Claim that marking reads
        def __init__(self, a: int, b: int):
            self.span = (a, b)

    claims = [C(4, 7), C(0, 3), C(5, 9)]
    runs = marked("700 people on 12 boats", claims)  # type: ignore[arg-type]
    assert "".join(t for t, _ in runs) == "700 people on 12 boats"
    assert [(t, c.span) for t, c in runs if c] == [("700", (0, 3)), ("peo", (4, 7))]


# -- in Chromium ---------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(request: pytest.FixtureRequest) -> Iterator[Path]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    yield SHOTS
    taken = sorted(p.name for p in SHOTS.glob("*.png"))
    message = f"{len(taken)} screenshots of the dashboard in {SHOTS}: {', '.join(taken)}"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and not hasattr(request.config, "workerinput"):
        with capture.global_and_fixture_disabled():
            reporter.write_line("\n" + message)
    else:  # under pytest-xdist a worker's output is not shown; a warning is
        warnings.warn(message, stacklevel=1)


@contextmanager
def local_page(browser, server: str, **options):
    """A page in a context of its own that may load nothing from outside the server. The
    tests' own probes (``wait_for_function`` strings) are evaluated as strings, which the
    server's Content-Security-Policy forbids: they bypass it here, and
    ``test_pages_work_under_the_content_security_policy`` checks the pages under it."""
    context = browser.new_context(**{"viewport": DESKTOP, "locale": "en-GB", "base_url": server, "bypass_csp": True, **options})
    pg = context.new_page()
    blocked: list[str] = []
    pg.route(re.compile(r"^(?!http://127\.0\.0\.1:\d+/).*"), lambda route: (blocked.append(route.request.url), route.abort()))
    try:
        yield pg
    finally:
        context.close()
    assert not blocked, f"the page asked for something outside the server: {blocked}"


@pytest.fixture
def page(browser, server: str):
    with local_page(browser, server, accept_downloads=True) as pg:
        yield pg


def api(page, path: str) -> dict | list:
    r = page.request.get(path)
    assert r.ok, (path, r.status)
    return r.json()


def test_overview_in_the_browser_matches_the_api(page) -> None:
    page.goto("/")
    ytd = api(page, "/api/v1/ytd")
    at = dt.date.fromisoformat(ytd["at"])
    assert page.inner_text("#latest-date") == f"{at.day} {at:%B %Y}"
    latest = api(page, f"/api/v1/total?from={at}&to={at}")
    assert number(page.inner_text("#latest-arrivals")) == latest["arrivals"]
    assert number(page.inner_text("#latest-boats")) == latest["boats"]
    newest = max(latest["evidence"]["vintages"], key=lambda v: (v["published"], v["id"]))
    assert page.inner_text("#latest-vintage") == newest["file_name"]
    assert number(page.inner_text("#ytd-arrivals")) == ytd["arrivals"]
    assert number(page.inner_text("#ytd-boats")) == ytd["boats"]
    assert page.inner_text("#ytd-ppb") == f"{ytd['people_per_boat']:.1f}"
    assert page.inner_text("#ytd-sentence") == ytd["sentence"]
    for year in ytd["years"]:
        cells = page.locator(f'#ytd-table tr[data-year="{year["year"]}"] td').all_inner_texts()
        assert [number(cells[1]), number(cells[2])] == [year["arrivals"], year["boats"]], year["year"]
        if year["year"] != ytd["year"]:
            assert number(cells[4]) == year["change"]
    records = api(page, "/api/v1/records?top=5")
    for kind in ("days", "weeks", "months", "years"):
        shown = page.locator(f"#records-{kind} tbody tr")
        assert shown.count() == len(records[kind]) == 5
        for i, want in enumerate(records[kind]):
            row = shown.nth(i)
            assert row.get_attribute("data-start") == want["start"]
            assert number(row.locator("td").nth(1).inner_text()) == want["arrivals"]
    # every chart drew, and says where its figures come from
    for img in page.locator("figure.chart img").all():
        img.scroll_into_view_if_needed()
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    sources = page.locator("figure.chart .source").all_inner_texts()
    assert len(sources) == 3 and all(s.startswith("Source: Home Office, provisional, vintage of ") for s in sources)
    assert newest["file_name"] in sources[0]


def test_explore_period_table_and_csv(page, tmp_path: Path) -> None:
    page.goto("/explore")
    page.select_option("#freq", "week")
    page.fill("#from", "2025-12-01")
    page.fill("#to", "2026-02-28")
    page.fill("#as_of", "2026-03-06")
    with page.expect_navigation():
        page.focus("form.controls button[type=submit]")
        page.keyboard.press("Enter")
    assert "freq=week" in page.url and "as_of=2026-03-06" in page.url
    want = api(page, "/api/v1/series?freq=week&from=2025-12-01&to=2026-02-28&as_of=2026-03-06")
    rows = page.locator("#explore-table tbody tr")
    assert rows.count() == len(want["periods"]) == 13
    for i, p in enumerate(want["periods"]):
        cells = rows.nth(i).locator("th, td").all_inner_texts()
        assert day(cells[0]).isoformat() == p["period_start"]
        assert day(cells[1]).isoformat() == p["period_end"]
        assert [number(cells[2]), number(cells[3]), number(cells[4])] == [p["arrivals"], p["boats"], p["uncontrolled_boats"]]
        assert (cells[6] == "yes") is p["complete"]
    assert "as known on 6 March 2026" in page.inner_text("#explore-summary")
    with page.expect_download() as dl:
        page.click("#download-csv")
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    assert path.name == "smallboats-week-2025-12-01-to-2026-02-28-as-of-2026-03-06.csv"
    got = list(csv.DictReader(path.open()))
    assert len(got) == len(want["periods"])
    for row, p in zip(got, want["periods"]):
        assert row["period_start"] == p["period_start"] and row["period_end"] == p["period_end"]
        for k in ("arrivals", "boats", "uncontrolled_boats", "days"):
            assert (int(row[k]) if row[k] else None) == p[k], k
    with page.expect_download() as dl:
        page.click("#download-json")
    assert json.loads(Path(dl.value.path()).read_text()) == want


def test_save_chart_as_png_and_svg(page) -> None:
    page.goto("/")
    links = page.locator("#fig-cumulative .save a")
    with page.expect_download() as dl:
        links.nth(0).click()
    assert Path(dl.value.path()).read_bytes()[:4] == b"\x89PNG"
    with page.expect_download() as dl:
        links.nth(1).click()
    assert dl.value.suggested_filename.endswith(".svg")
    assert b"<title>Small-boat arrivals so far each year</title>" in Path(dl.value.path()).read_bytes()


def test_revisions_in_the_browser(page) -> None:
    page.goto("/revisions")
    assert page.locator("section.revision tbody tr").count() == len(api(page, "/api/v1/revisions"))


def test_keyboard(page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto("/explore")
    order: list[str] = []
    for _ in range(30):  # the whole top of the page is reachable with Tab, in reading order
        page.keyboard.press("Tab")
        name = page.evaluate("(e => e.id || e.textContent.trim())(document.activeElement)")
        if not order or order[-1] != name:  # a date input takes several Tabs (day, month, year)
            order.append(name)
    nav = ["Skip to content", "smallboats", "Overview", "Explore", "Revisions"]
    assert order[:5] == nav, order
    rest = [o for o in order[5:] if o not in ("Check an article", "Who crosses", "Deaths")]
    assert rest[:7] == ["freq", "from", "to", "as_of", "metric", "Show", "PNG image of “People arrived per month”"], order


@pytest.mark.parametrize("path", ["/", "/explore", "/revisions"])
def test_phone_width_fits(browser, server: str, path: str) -> None:
    context = browser.new_context(viewport=PHONE, base_url=server, device_scale_factor=1)
    pg = context.new_page()
    pg.goto(path)
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for img in pg.locator("figure.chart img").all():
        img.scroll_into_view_if_needed()
        assert "size=narrow" in img.evaluate("i => i.currentSrc")
    context.close()


API_CHECK = re.compile(r"^http://127\.0\.0\.1:\d+/api/v1/check$")
SUBMIT = "form.check-form button[type=submit]"
# #results as markup: tags, sorted attributes and text, whitespace collapsed and dropped around block elements
RESULTS_MARKUP = """() => {
    const walk = n => n.nodeType === 3 ? n.data : n.nodeType !== 1 ? "" :
        `<${n.localName}${[...n.attributes].map(a => ` ${a.name}="${a.value}"`).sort().join("")}>` +
        [...n.childNodes].map(walk).join("") + `</${n.localName}>`;
    return [...document.getElementById("results").childNodes].map(walk).join("");
}"""
BLOCKS = r"(?:h2|h3|p|ul|ol|li|div|section|details|summary)"


def results_markup(pg) -> str:
    s = re.sub(r"\s+", " ", pg.evaluate(RESULTS_MARKUP))
    return re.sub(rf"\s*(</?{BLOCKS}\b[^>]*>)\s*", r"\1", s).strip()


def api_check(pg, text: str, date: str) -> dict:
    """The API's report for the same article, asked over HTTP."""
    r = pg.request.post("/api/v1/check", data={"text": text, "date": date})
    assert r.ok, r.status
    return r.json()


def marks_shown(pg) -> list[tuple[str, str, str]]:
    """(claim index, class, marked text) of every mark in the article, in reading order."""
    return pg.eval_on_selector_all("#article mark", "ms => ms.map(m => [m.dataset.claim, m.className, m.textContent])")


def marks_wanted(report: dict) -> list[tuple[str, str, str]]:
    claims = sorted(report["claims"], key=lambda c: (c["span"][0], -c["span"][1]))
    assert all(a["span"][1] <= b["span"][0] for a, b in zip(claims, claims[1:])), "the seed has no overlapping claims"
    cls = {"not a crossing figure": "not-crossing"}
    return [[str(c["index"]), f"verdict-{cls.get(c['verdict'], c['verdict'])}", report["text"][slice(*c["span"])]]
            for c in claims]


def fill_check_form(pg, text: str, date: str = SEED_DATE) -> None:
    pg.goto("/check")
    pg.fill("#text", text)
    pg.fill("#date", date)
    pg.focus(SUBMIT)


def check_seed(pg) -> None:
    """Open the seed article's file in the check page, give its date, submit with the keyboard
    and wait for the report (drawn from the API's answer)."""
    pg.goto("/check")
    pg.set_input_files("#file", str(SEED))
    pg.wait_for_function("document.getElementById('text').value.length > 100")
    pg.fill("#date", SEED_DATE)
    pg.focus(SUBMIT)
    pg.keyboard.press("Enter")
    pg.wait_for_function("document.activeElement && document.activeElement.id === 'result-h'")


def check_seed_without_javascript(pg, text: str) -> None:
    fill_check_form(pg, text)
    with pg.expect_navigation():
        pg.keyboard.press("Enter")


def test_check_an_article_in_the_browser(page) -> None:
    text = SEED.read_text()
    fill_check_form(page, text)
    page.evaluate("window.notReloaded = true")
    with page.expect_request(lambda r: bool(API_CHECK.match(r.url))) as request, \
            page.expect_response(lambda r: bool(API_CHECK.match(r.url))) as response:
        page.keyboard.press("Enter")
    sent = request.value
    assert sent.method == "POST" and sent.headers["content-type"] == "application/json"
    assert json.loads(sent.post_data) == {"text": text, "date": SEED_DATE}
    page.wait_for_function("document.activeElement && document.activeElement.id === 'result-h'")  # focus moved
    assert page.evaluate("window.notReloaded") and page.url.endswith("/check")  # drawn in the page, no form post
    want = api_check(page, text, SEED_DATE)
    assert response.value.status == 200 and response.value.json() == want
    assert want["claims"] and {c["verdict"] for c in want["claims"]} >= {"accurate", "inaccurate", "not a crossing figure"}
    # the marks are the API's claims: as many, the same verdicts, the same spans of text
    assert marks_shown(page) == marks_wanted(want)
    seventy = [c for c in want["claims"] if c["text"] == "70"]
    assert len(seventy) == 1 and seventy[0]["arithmetic_error"]  # "The figure is 70 higher than ..." (36,956 - 36,816 = 140)
    mark = page.locator(f'mark[data-claim="{seventy[0]["index"]}"]')
    assert mark.inner_text() == "70" and mark.get_attribute("class") == "verdict-inaccurate"
    assert seventy[0]["arithmetic_error"] in page.inner_text(f'#claim-{seventy[0]["index"]}')
    n = len(want["claims"])
    assert page.inner_text("#result-h") == f"{n} numbers checked, as published by 22 October 2025"
    for verdict, cls in {"accurate": "accurate", "inaccurate": "inaccurate", "unverifiable": "unverifiable",
                         "not a crossing figure": "not-crossing"}.items():
        assert number(page.inner_text(f'#counts span[data-verdict="{cls}"]')) == want["counts"].get(verdict, 0)
    items = page.locator("#claims > li")
    assert items.evaluate_all("ls => ls.map(l => l.dataset.verdict)") == [c["verdict"] for c in want["claims"]]
    for c in want["claims"]:
        evidence = page.inner_text(f"#claim-{c['index']}")  # what is on the screen
        folded = page.locator(f"#claim-{c['index']} details.more").text_content() if c["official"] or c["latest"] else ""
        assert evidence.count(c["reason"]) == 1, c
        official, latest = c["official"], c["latest"]
        source = official or latest
        assert source is None or f"From {source['evidence']}." in evidence  # the publications in one line
        assert official is None or ", ".join(official["vintages"]) in folded  # the files behind a disclosure
        if latest and (official is None or latest["value"] != official["value"]):  # the newest, where it differs
            assert "Newest figure:" in folded and ", ".join(latest["vintages"]) in folded
        else:
            assert "Newest figure:" not in folded
    # the marks are the article: taking them away leaves the text as pasted
    shown = page.evaluate("""() => { const a = document.getElementById('article').cloneNode(true);
        a.querySelectorAll('.visually-hidden').forEach(e => e.remove()); return a.textContent; }""")
    assert shown == want["text"] == text
    # each mark is a link to its evidence, reachable with the keyboard
    first = want["claims"][0]["index"]
    page.focus(f"#mark-{first}")
    page.keyboard.press("Enter")
    assert page.url.endswith(f"#claim-{first}")
    assert page.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor") == "rgb(255, 248, 225)"


def test_check_without_javascript_posts_the_form(browser, server: str) -> None:
    text = SEED.read_text()
    with local_page(browser, server, java_script_enabled=False) as pg:
        asked: list[tuple[str, str]] = []
        pg.on("request", lambda r: asked.append((r.method, r.url.removeprefix(server))))
        check_seed_without_javascript(pg, text)
        assert ("POST", "/check") in asked and not [a for a in asked if "/api/" in a[1]]
        assert pg.locator("#file-field").is_hidden()  # opening a file needs JavaScript
        assert pg.input_value("#text") == text and pg.input_value("#date") == SEED_DATE
        assert marks_shown(pg) == marks_wanted(api_check(pg, text, SEED_DATE))
        assert pg.locator("#article mark.verdict-inaccurate").all_inner_texts() == ["70"]


def test_check_page_draws_the_same_with_and_without_javascript(browser, server: str) -> None:
    """One page, two renderers (check.html on the server, check.js from the API's JSON): the
    same elements, attributes and words."""
    text = SEED.read_text()
    with local_page(browser, server, java_script_enabled=False) as pg:
        check_seed_without_javascript(pg, text)
        served = results_markup(pg)
    with local_page(browser, server) as pg:
        fill_check_form(pg, text)
        pg.keyboard.press("Enter")
        pg.wait_for_function("document.activeElement && document.activeElement.id === 'result-h'")
        drawn = results_markup(pg)
    assert served.count("<mark ") > 5 and "verdict-inaccurate" in served
    assert drawn == served


def test_check_errors_and_busy_state_in_the_browser(page) -> None:
    button = page.locator(SUBMIT)
    alert = page.locator("main > .error[role=alert]")
    # the API's 422, in words
    fill_check_form(page, "   \n ")
    with page.expect_response(lambda r: bool(API_CHECK.match(r.url))) as response:
        page.keyboard.press("Enter")
    assert response.value.status == 422
    alert.wait_for()
    assert alert.inner_text() == "Cannot show that: text: the article is empty"
    assert page.evaluate("document.activeElement.textContent") == "Check"  # focus stays on the button
    assert page.inner_text("#results") == ""
    # while the API is asked the button says so and further presses do nothing; then a server error
    held, asked = [], []
    page.on("request", lambda r: asked.append(r.url) if API_CHECK.match(r.url) else None)
    page.route(API_CHECK, lambda route: held.append(route))
    fill_check_form(page, SEED.read_text())
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelector('{SUBMIT}').getAttribute('aria-disabled') === 'true'")
    assert button.inner_text() == "Checking…" and page.get_attribute("#results", "aria-busy") == "true"
    page.keyboard.press("Enter")
    while not held:
        page.wait_for_timeout(20)
    held[0].fulfill(status=500, body="Internal Server Error", content_type="text/plain")
    alert.wait_for()
    assert "the server answered 500" in alert.inner_text() and len(asked) == 1
    assert button.inner_text() == "Check" and button.get_attribute("aria-disabled") is None
    assert page.get_attribute("#results", "aria-busy") is None
    # the server cannot be reached
    page.unroute(API_CHECK)
    page.route(API_CHECK, lambda route: route.abort())
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('main > .error').textContent.includes('could not be reached')")
    assert alert.count() == 1
    # a check that goes through takes the error away
    page.unroute(API_CHECK)
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'result-h'")
    assert alert.count() == 0 and page.locator("#article mark").count() > 0
    # article text is never read as HTML
    fill_check_form(page, "<img src=x onerror=\"window.pwned=1\"> 700 people crossed the Channel on Wednesday.")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'result-h'")
    assert page.locator("#results img").count() == 0 and not page.evaluate("window.pwned")
    assert page.inner_text("#article").startswith("<img src=x")


def test_screenshots(browser, server: str, shots: Path) -> None:
    pages = {"overview": "/", "explore": "/explore?freq=week&from=2026-01-01", "revisions": "/revisions"}
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, base_url=server, locale="en-GB", bypass_csp=True)
        pg = context.new_page()
        for name, path in pages.items():
            pg.goto(path)
            pg.wait_for_load_state("networkidle")
            for img in pg.locator("img").all():
                img.scroll_into_view_if_needed()
                pg.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
            pg.screenshot(path=shots / f"{name}-{size}.png", full_page=True)
        check_seed(pg)  # the report as check.js draws it from the API's answer
        assert pg.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        pg.screenshot(path=shots / f"check-{size}.png", full_page=True)
        context.close()
    assert len(list(shots.glob("*.png"))) == 2 * (len(pages) + 1)


LONG_SEED, LONG_SEED_DATE = SEEDS / "004_78bcce59227ec246.txt", "2025-05-31"  # its evidence spans hundreds of pages


@pytest.mark.parametrize("javascript", [True, False])
def test_a_long_check_report_fits_a_few_screens(browser, server: str, javascript: bool) -> None:
    """Seed 004 (about 780 words, figures resting on hundreds of MoD pages): under 5,000 px at
    1,280 px wide; each figure's publications in one line, its files folded away; the verdict
    counts link to the claims."""
    text = LONG_SEED.read_text()
    with local_page(browser, server, java_script_enabled=javascript) as pg:
        fill_check_form(pg, text, LONG_SEED_DATE)
        if javascript:
            pg.keyboard.press("Enter")
            pg.wait_for_function("document.activeElement && document.activeElement.id === 'result-h'")
        else:
            with pg.expect_navigation():
                pg.keyboard.press("Enter")
        report = api_check(pg, text, LONG_SEED_DATE)
        height = pg.evaluate("document.documentElement.scrollHeight")
        assert height < 5000, f"the check page is {height} px tall"
        many = [c for c in report["claims"] if c["official"] and len(c["official"]["vintages"]) > 100]
        assert many, "some figure rests on more than 100 publications"
        for c in many:
            one_line = c["official"]["evidence"]
            assert re.search(r"\d+ MoD (daily|weekly) pages, [A-Z][a-z]+( \d{4})? – [A-Z][a-z]+ \d{4}", one_line), one_line
            item = pg.locator(f"#claim-{c['index']}")
            assert one_line in item.inner_text()
            assert not item.locator("details.more").evaluate("d => d.open")
            assert c["official"]["vintages"][0] not in item.inner_text()  # folded: not on screen
        for verdict, n in report["counts"].items():
            link = pg.locator(f'#counts a:has(span[data-verdict="{VERDICT_CLASSES[verdict]}"])')
            first = next(c["index"] for c in report["claims"] if c["verdict"] == verdict)
            assert link.get_attribute("href") == f"#claim-{first}" and number(link.inner_text()) == n
        marks = pg.locator("#claims .verdict").all_inner_texts()
        assert all(not re.search("[\U0001F300-\U0001FAFF\u2705\u274C\u2754\u2796]", m) for m in marks), marks


@pytest.mark.parametrize("path, ready", [("/docs", ".swagger-ui .opblock-summary-path"), ("/redoc", "[data-section-id] h2")])
def test_api_docs_render_with_no_network(browser, server: str, path: str, ready: str) -> None:
    """/docs (Swagger UI) and /redoc load their scripts from this server: every request to
    anything else is refused (local_page), and the endpoints still appear."""
    with local_page(browser, server) as pg:
        pg.goto(path)
        pg.wait_for_selector(ready, timeout=20000)
        text = pg.inner_text("body")
        for name in ("/api/v1/ytd", "/api/v1/forecast") if path == "/docs" else ("Year to date", "Projected arrivals"):
            assert name in text, name


# -- as known on: the banner and the date input; no table clipped at 1,280 px or on a phone ----

@pytest.mark.parametrize("url", ["/?as_of=2025-12-12", "/explore?freq=month&as_of=2025-12-12"])
def test_a_banner_says_which_publication_when_not_the_newest(client: TestClient, db_path: Path, url: str) -> None:
    con = duckdb.connect(str(db_path), read_only=True)
    crossing = "kind IN ('ods', 'daily_page', 'weekly_page')"  # the publications of the crossing figures
    used = con.execute(f"SELECT file_name, published FROM vintages WHERE {crossing} AND published <= DATE '2025-12-12' "
                       "ORDER BY published DESC, id DESC LIMIT 1").fetchone()
    later, newest = con.execute(f"SELECT count(*), max(published) FROM vintages WHERE {crossing} "
                                "AND published > DATE '2025-12-12'").fetchone()
    con.close()
    banner = soup(client, url).find(id="as-known")
    assert banner is not None, url
    text = " ".join(banner.get_text().split())
    assert "as known on 12 December 2025" in text and used[0] in text
    assert f"{later:,} later publications" in text and f"{newest.day} {newest:%B %Y}" in text
    link = banner.find("a")["href"]
    assert "as_of" not in link and link.split("?")[0] == url.split("?")[0]
    assert ("freq=month" in link) == ("freq=month" in url)


@pytest.mark.parametrize("url", ["/", "/explore", "/revisions", "/check"])
def test_no_banner_for_the_newest_figures(client: TestClient, db_path: Path, url: str) -> None:
    assert soup(client, url).find(id="as-known") is None
    con = duckdb.connect(str(db_path), read_only=True)
    newest = con.execute("SELECT max(published) FROM vintages").fetchone()[0]
    con.close()
    assert soup(client, f"/?as_of={newest}").find(id="as-known") is None


def test_as_of_is_a_date_input_with_the_publications_as_suggestions(client: TestClient, db_path: Path) -> None:
    con = duckdb.connect(str(db_path), read_only=True)
    first, last, days = con.execute("SELECT min(published), max(published), count(DISTINCT published) FROM vintages "
                                     "WHERE kind IN ('ods', 'daily_page', 'weekly_page')").fetchone()  # the crossing figures
    con.close()
    for url in ("/?as_of=2026-01-09", "/explore?as_of=2026-01-09"):
        field = soup(client, url).find(id="as_of")
        assert field.name == "input" and field["type"] == "date" and field["value"] == "2026-01-09"
        assert (field["min"], field["max"]) == (str(first), str(last))
        options = soup(client, url).find(id=field["list"]).find_all("option")
        assert len(options) == days


PAGES = ["/", "/explore?freq=week&from=2026-01-01", "/explore?freq=year", "/revisions", "/revisions?from=2022-01-01"]
TABLES = """() => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const vw = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main table')].map((t, i) => {
        const box = t.closest('.scroll') || t.parentElement;
        const r = t.getBoundingClientRect();
        return {table: t.id || (t.closest('[id]') || {}).id || String(i), width: Math.ceil(r.width),
                room: box.clientWidth, right: Math.ceil(r.right), vw: vw,
                cut: [...t.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim())};
    });
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "phone"])
def test_no_table_is_clipped(browser, server: str, viewport: dict) -> None:
    """Every table (those in closed details opened) fits its box and the window: nothing to
    scroll sideways to, no cell cut."""
    clipped = []
    with local_page(browser, server, viewport=viewport) as pg:
        for url in PAGES:
            pg.goto(url)
            tables = pg.evaluate(TABLES)
            assert tables, url
            clipped += [(url, t) for t in tables if t["width"] > t["room"] + 1 or t["right"] > t["vw"] + 1 or t["cut"]]
    assert not clipped, [(u, t["table"], t["width"], t["room"], t["cut"][:3]) for u, t in clipped]


def test_explore_by_year_shows_every_year_and_the_axis_says_years(client: TestClient, newest_daily: pd.DataFrame,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import OrderedDict

    from smallboats import charts, web

    s = soup(client, "/explore?freq=year")
    years = [int(th.get_text()[-4:]) for th in s.select("#explore-table tbody th")]
    want = sorted({d.year for d in newest_daily.index})
    assert years == want
    for tr in s.select("#explore-table tbody tr"):
        year = int(tr.th.get_text()[-4:])
        people = number(tr.find_all("td")[1].get_text())
        assert people == int(newest_daily.loc[str(year), "arrivals"].sum()), year
    monkeypatch.setitem(charts._RC, "svg.fonttype", "none")  # text as text, to read the tick labels
    monkeypatch.setattr(web, "_CHARTS", OrderedDict())
    svg = client.get("/charts/explore.svg?freq=year&metric=arrivals").text
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    ticks = [t.strip() for t in labels if re.fullmatch(r"\s*\d{4}\s*", t)]
    assert ticks == [str(y) for y in want], labels


def test_pages_work_under_the_content_security_policy(browser, server: str) -> None:
    """With the server's CSP enforced, every page loads without a violation, and the check
    page's script (check.js, from this server) draws a report from the API."""
    with local_page(browser, server, bypass_csp=False) as pg:
        problems: list[str] = []
        pg.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ("/", "/explore?freq=week&from=2026-01-01", "/revisions", "/check"):
            r = pg.goto(path)
            assert r.ok and "script-src 'self'" in r.headers["content-security-policy"]
            assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        pg.fill("#text", SEED.read_text())
        pg.fill("#date", SEED_DATE)
        with pg.expect_response(lambda r: bool(API_CHECK.match(r.url))) as response:
            pg.click(SUBMIT)
        assert response.value.status == 200
        pg.locator("#article mark").first.wait_for()
        assert pg.url.endswith("/check")  # drawn by check.js, not the form's fallback post
    assert not problems, problems
