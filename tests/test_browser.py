"""A real headless Chromium on the served database and on the HTML report.

Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planextract.check import open_readonly
from planextract.report import write_report

from . import sample_db
from .sample_db import Server

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.skip("Chromium is not installed (looked for `chromium` on PATH and /usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    plans = sample_db.build(tmp_path_factory.mktemp("browser"))
    server = Server(plans, plans.parent / "serve.log")
    yield plans, server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    tab = context.new_page()
    yield tab
    context.close()


def cell_texts(page, column: str) -> list[str]:
    return [t.strip() for t in page.locator(f"table.rows-and-columns td.col-{column}").all_inner_texts()]


def test_goals_without_activity_page(page, served, artifacts):
    plans, server = served
    page.goto(server.base + "/plans/goals_without_activity")
    assert page.locator("h1").inner_text().strip() == "Goals without an activity"
    assert cell_texts(page, "goal") == [
        "Trygg och säker kommun",
        "Nämndens mål är en ekonomi i balans",
        "Äldre ska få stöd att leva ett självständigt liv",
        "Hållbar utveckling i hela Östersund",
    ]
    # the kommun field narrows the list
    page.fill("input[name=kommun]", "Östersund")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert cell_texts(page, "goal") == ["Hållbar utveckling i hela Östersund"]
    link = page.locator("td.col-pdf a").first
    assert link.inner_text().strip() == "PDF p. 2"
    href = link.get_attribute("href")
    response = page.request.get(server.base + href.split("#")[0])
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    page.goto(server.base + "/plans/goals_without_activity")
    page.screenshot(path=str(artifacts / "goals_without_activity.png"), full_page=True)


def test_goals_table_with_facets_and_search(page, served, artifacts):
    plans, server = served
    page.goto(server.base + "/plans/goals")
    texts = cell_texts(page, "text")
    assert len(texts) == 8 and "Stadsarkivets samlingar ska skyddas mot mal och fukt" in texts
    assert page.get_by_text("8 rows").count() == 1
    facets = {f.strip().split()[0] for f in page.locator(".facet-info p.facet-info-name strong").all_inner_texts()}
    assert {"level", "status", "document_id"} <= facets
    level_facet = page.locator(".facet-info[data-column=level]").inner_text()
    for value in ("kf", "namnd", "verksamhet"):
        assert value in level_facet
    assert "Who set the goal" in page.content()  # column descriptions
    page.screenshot(path=str(artifacts / "goals_table.png"), full_page=True)
    # full-text search from the table page keeps å apart from a
    page.fill("input#_search", "mål")
    page.locator("form.filters input[type=submit]").click()
    page.wait_for_load_state()
    assert cell_texts(page, "text") == ["Nämndens mål är en ekonomi i balans"]
    page.screenshot(path=str(artifacts / "goals_search_mal.png"), full_page=True)


def test_report_pages(page, served, artifacts, tmp_path):
    plans, _ = served
    index = write_report(open_readonly(plans), tmp_path / "report")
    page.goto(index.as_uri())
    assert page.locator("img.chart").evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=str(artifacts / "report_index.png"), full_page=True)
    page.click("text=sala-verksamhetsplan-2025.pdf")
    page.wait_for_load_state()
    gaps = [t.strip() for t in page.locator("li.gap > .goal-head strong").all_inner_texts()]
    assert gaps == ["Nämndens mål är en ekonomi i balans", "Äldre ska få stöd att leva ett självständigt liv"]
    page.screenshot(path=str(artifacts / "report_sala.png"), full_page=True)
