"""HTML pages: every page links a JSON twin that answers, highlights cover the text exactly,
OCR confidence is shown, corrections appear as superseded."""

from __future__ import annotations

import re

import pytest
from serve_fixtures import csrf_of

from claimgraph.serve.highlight import Mark, pieces

pytestmark = pytest.mark.anyio


async def test_every_page_links_a_json_twin_that_answers(client, ledger_copy):
    _db, ids = ledger_copy
    pages = ["/", "/documents", f"/documents/{ids['mod']}", "/figures?category=killed", "/search?q=Kursk",
             "/items", "/custody", "/upload", "/sources", "/clusters", "/sources/by-name?name=Officials"]
    for path in pages:
        page = await client.get(path)
        assert page.status_code == 200, path
        twin = re.search(r'class="json-twin" href="([^"]+)"', page.text)
        assert twin, f"{path} has no JSON twin link"
        url = twin.group(1).replace("&amp;", "&")
        if path == "/upload":
            assert url == "/api/documents"  # its twin is the POST of the same form
            continue
        answer = await client.get(url)
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json", (path, url)


async def test_document_page_shows_spans_chain_and_ocr(client, ledger_copy):
    _db, ids = ledger_copy
    html = (await client.get(f"/documents/{ids['pentagon']}")).text
    assert re.search(r'<mark class="[^"]*hl-fig[^"]*" title="figure \[3000, 4000\] range killed', html)
    assert re.search(r'<mark class="hl-hedge hl-content" title="hedge: ICD 203 likely \(55–80 %\)', html)
    assert 'id="figure-2"' in html and 'id="source-2"' in html
    scan = (await client.get(f"/documents/{ids['nis']}")).text
    assert re.search(r'<mark class="[^"]*hl-ocr-low[^"]*" title="[^"]*OCR confidence 41', scan)
    assert "<td>81</td>" in scan  # the page's mean OCR confidence


async def test_corrected_figure_is_shown_superseded_with_its_replacement(client, ledger_copy):
    _db, ids = ledger_copy
    csrf = await csrf_of(client)
    response = await client.post("/figures/1/category", data={"category": "casualties", "reason": "ambiguous",
                                                              "csrf_token": csrf})
    assert response.status_code == 303
    html = (await client.get(f"/documents/{ids['mod']}")).text
    old = re.search(r'<tr class="statement status-superseded" id="figure-row-1">.*?</tr>', html, re.DOTALL).group(0)
    assert "superseded by #5" in old and "killed" in old
    new = re.search(r'<tr class="statement status-active" id="figure-row-5">.*?</tr>', html, re.DOTALL).group(0)
    assert "casualties" in new and "analyst correction" in new


def test_pieces_cover_the_text_and_carry_every_role():
    text = "Officials said 40 drones fell."
    marks = [Mark(0, 9, "src", "source: Officials", "source-1"), Mark(10, 14, "cue", "cue"),
             Mark(15, 29, "content", "content"), Mark(15, 17, "fig", "figure 40", "figure-1"),
             Mark(25, 99, "ent", "out of range")]  # a span past the end is dropped, not rendered
    found = pieces(text, marks)
    assert "".join(p.text for p in found) == text
    by_text = {p.text: p for p in found}
    assert by_text["40"].roles == ["fig", "content"] and by_text["40"].notes[0] == "figure 40" and by_text["40"].anchors == ["figure-1"]
    assert by_text["Officials"].css == "hl-src" and by_text[" drones fell"].roles == ["content"]
    assert all("ent" not in p.roles for p in found)
