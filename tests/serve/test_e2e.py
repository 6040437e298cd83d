"""End-to-end: Debian's Chromium (headless, through Playwright) against a real server.

One server for the module, with the real extractors on for uploads. The tests
run in file order where later ones rely on earlier changes being visible only
through their own pages, never on shared state they did not make.
"""

from __future__ import annotations

import re

import pytest

UPLOAD_TEXT = b"The Ministry of Defence said that 900 soldiers were killed near Kursk.\n"


def no_csp_violations(page) -> None:
    """Nothing refused but the chart library's own <style> elements (their rules are in app.css)."""
    unexpected = [m for m in page.csp_violations if "'style-src-elem 'self''" not in m]
    assert unexpected == [], unexpected


def test_upload_then_find_highlighted_figure_and_source(page, live_server, tmp_path):
    from claimgraph.extract.nlp import load_nlp

    try:
        load_nlp()
    except Exception as exc:  # noqa: BLE001 - any failure to load means no pipeline on this machine
        pytest.skip(f"the English spaCy pipeline is not installed: {exc}")
    upload = tmp_path / "mod-statement.txt"
    upload.write_bytes(UPLOAD_TEXT)
    page.goto(live_server.url + "/upload")
    page.set_input_files("input[name=files]", str(upload))
    page.fill("input[name=publisher]", "Test Wire")
    page.click("form#upload-form button[type=submit]")
    result = page.locator("#upload-results .upload-added a")
    result.wait_for(timeout=180_000)  # first upload loads the NLP pipeline
    assert page.evaluate("typeof window.htmx") == "object" and page.url.endswith("/upload")  # swapped in place
    result.click()
    page.wait_for_url(re.compile(r"/documents/\d+$"))
    figure = page.locator("#doc-text mark.hl-fig", has_text="900")
    source = page.locator("#doc-text mark.hl-src", has_text="Ministry of Defence")
    assert figure.count() >= 1 and source.count() >= 1
    assert "killed" in figure.first.get_attribute("title")
    assert page.locator("#attributions .chain").first.inner_text().startswith("Test Wire")
    no_csp_violations(page)


def test_figures_chart_renders_points(page, live_server):
    page.goto(live_server.url + "/figures?category=killed")
    chart = page.locator("#timeline.chart-ready")
    chart.wait_for(timeout=30_000)
    expected = int(chart.get_attribute("data-points"))
    assert expected >= 3
    assert page.locator("#timeline .scatterlayer .point").count() >= expected
    assert page.locator("table.figures tbody tr").count() >= 3
    no_csp_violations(page)


def test_dashboard_to_originating_source_in_three_clicks(page, live_server):
    page.goto(live_server.url + "/")
    page.click("text=Figures")  # 1
    page.locator("#timeline.chart-ready").wait_for(timeout=30_000)
    row = page.locator("table.figures tbody tr", has_text="3,000 to 4,000")
    row.locator("a.origin-link").click()  # 2
    page.wait_for_url(re.compile(r"/sources/\d+$"))
    assert page.locator("h1.source-name").inner_text().startswith("US Department of Defense")
    assert page.locator("ul.cited-by").inner_text().startswith("Wire Service")
    no_csp_violations(page)


def test_edit_a_source_grade(page, live_server):
    page.goto(live_server.url + "/sources")
    page.get_by_role("link", name="US Department of Defense", exact=True).click()
    page.wait_for_url(re.compile(r"/sources/\d+$"))
    page.select_option("select[name=grade]", "B")
    page.fill("textarea[name=rationale]", "Consistent with later official counts")
    page.click("text=Save grade")
    page.wait_for_url(re.compile(r"/sources/\d+$"))
    assert page.locator("#current-grade").inner_text() == "B"
    assert "Consistent with later official counts" in page.locator("ol.grade-history").inner_text()
    no_csp_violations(page)


def test_reject_a_statement_and_see_it_superseded(page, live_server, live_ledger):
    _db, ids = live_ledger
    page.goto(f"{live_server.url}/documents/{ids['nis']}")
    row = page.locator("tr.statement", has_text="A South Korean lawmaker")
    row.locator("details.correct summary", has_text="reject").click()
    row.locator("form.reject-form input[name=reason]").fill("the lawmaker quoted an old briefing")
    row.locator("button", has_text="Reject figure").click()
    page.wait_for_url(re.compile(rf"/documents/{ids['nis']}$"))
    rejected = page.locator("tr.statement.status-rejected")
    assert rejected.count() == 1
    assert "superseded" in rejected.inner_text()
    assert page.locator("#doc-text mark.hl-fig").count() == 0  # no longer highlighted as active
    custody = page.locator("#custody").inner_text()
    assert "correct" in custody and "old briefing" in custody
    no_csp_violations(page)


def test_script_payload_does_not_run(page, live_server, live_ledger):
    _db, ids = live_ledger
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (f"/documents/{ids['hostile']}", "/", "/documents", "/figures", "/search?q=drones"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned === undefined"), path
        assert page.title() != "pwned"
    page.goto(f"{live_server.url}/documents/{ids['hostile']}")
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = 1" in text and 'onerror="window.__pwned = 2"' in text
    assert page.locator("#doc-text script, #doc-text img, h1 img, h1 script").count() == 0
    assert dialogs == []
