"""The JSON API through httpx's ASGI transport: twins of the pages, filters, pagination,
corrections, error shape, OpenAPI golden file."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from serve_fixtures import csrf_of, ledger_of

from claimgraph.errors import ConfigError
from claimgraph.ledger import corrections

pytestmark = pytest.mark.anyio

GOLDEN = Path(__file__).with_name("golden") / "openapi.json"
ERROR_KEYS = {"type", "status", "reason", "subject", "fix", "message"}


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    return body["error"]


async def test_dashboard_twin_has_counts_latest_and_contradictions(client, ledger_copy):
    _db, ids = ledger_copy
    body = (await client.get("/api/")).json()
    assert body["counts"]["documents"] == 4 and body["counts"]["figure"] == 4
    assert [d["id"] for d in body["latest_documents"]][:2] == [ids["hostile"], ids["nis"]]
    pairs = {frozenset(f["id"] for f in c["figures"]) for c in body["newest_contradictions"]}
    assert frozenset({1, 2}) in pairs  # 900 vs 3,000-4,000 killed, same period
    html = (await client.get("/")).text
    assert 'href="/api/"' in html  # the page links its twin


async def test_documents_filter_and_paginate(client):
    first = (await client.get("/api/documents", params={"limit": 2})).json()
    assert first["total"] == 4 and len(first["documents"]) == 2 and first["next_offset"] == 2
    second = (await client.get("/api/documents", params={"limit": 2, "offset": 2})).json()
    assert second["next_offset"] is None
    assert {d["id"] for d in first["documents"]}.isdisjoint({d["id"] for d in second["documents"]})
    wire = (await client.get("/api/documents", params={"publisher": "Wire Service"})).json()
    assert [d["title"] for d in wire["documents"]] == ["US estimate"]
    dated = (await client.get("/api/documents", params={"since": "2024-12-19", "until": "2024-12-20"})).json()
    assert {d["title"] for d in dated["documents"]} == {"Seoul briefing", "US estimate"}
    assert_error(await client.get("/api/documents", params={"limit": 0}), 422)


async def test_document_detail_has_chains_spans_and_custody(client, ledger_copy):
    _db, ids = ledger_copy
    body = (await client.get(f"/api/documents/{ids['mod']}")).json()
    text = body["document"]["text"]
    (attribution,) = body["statements"]["attribution"]
    assert [link["source"] for link in attribution["chain"]] == ["Kyiv Daily", "Ministry of Defence of Ukraine"]
    (figure,) = body["statements"]["figure"]
    assert text[figure["start"]:figure["end"]] == "900"
    assert [e["action"] for e in body["custody"]] == ["ingest", "extract"]
    by_hash = (await client.get(f"/api/documents/{body['document']['sha256'][:12]}")).json()
    assert by_hash["document"]["id"] == ids["mod"]


async def test_original_is_a_verified_download(client, ledger_copy):
    _db, ids = ledger_copy
    response = await client.get(f"/api/documents/{ids['hostile']}/original")
    assert response.status_code == 200
    assert response.headers["x-content-sha256"] == hashlib.sha256(response.content).hexdigest()
    assert response.headers["content-type"] == "application/octet-stream"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "/" not in disposition and "<" not in disposition
    assert b"<script>" in response.content  # the bytes are untouched


async def test_errors_share_one_shape_and_ids_cannot_traverse(client):
    missing = assert_error(await client.get("/api/documents/999"), 404)
    assert missing["subject"] == "999" and missing["fix"]
    assert_error(await client.get("/api/documents/..%2F..%2Fetc%2Fpasswd"), 404)
    assert_error(await client.get("/api/documents/1%3B%20DROP"), 422)
    dotted = await client.get("/api/documents/../../etc/passwd")  # normalized by the client to /etc/passwd
    assert dotted.status_code == 404 and "root:" not in dotted.text
    assert_error(await client.get("/api/no-such-route"), 404)
    page = await client.get("/documents/..%2F..%2Fetc%2Fpasswd")
    assert page.status_code == 404 and "root:" not in page.text


async def test_statement_filters(client):
    killed = (await client.get("/api/statements", params={"kind": "figure", "category": "killed"})).json()
    assert killed["total"] == 3
    pentagon = (await client.get("/api/statements", params={"kind": "attribution", "source": "pentagon"})).json()
    assert [s["source_name"] for s in pentagon["statements"]] == ["Pentagon officials"]
    assert pentagon["statements"][0]["chain"][-1]["source"] == "Pentagon officials"
    dated = (await client.get("/api/statements", params={"kind": "figure", "since": "2024-12-19",
                                                          "until": "2024-12-19"})).json()
    assert [s["text"] for s in dated["statements"]] == ["100"]
    assert_error(await client.get("/api/statements", params={"kind": "secrets"}), 422)


async def test_figures_timeline_and_csv(client):
    timeline = (await client.get("/api/figures/timeline", params={"category": "killed"})).json()
    points = [p for s in timeline["series"] for p in s["points"]]
    assert len(points) == 3 and len(timeline["series"]) == 3  # one series per origin
    assert {p["figure_id"] for p in points if p["contradiction"]} == {1, 2, 3}
    span = next(p for p in points if p["figure_id"] == 2)
    assert (span["low"], span["high"]) == (3000, 4000)
    csv_text = (await client.get("/api/figures.csv")).text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("id,document_id") and len(lines) == 5


async def test_search_with_facets(client):
    body = (await client.get("/api/search", params={"q": "Kursk"})).json()
    assert body["total"] == 3
    assert dict(body["facets"]["publisher"]) == {"Kyiv Daily": 1, "Seoul Herald": 1, "Wire Service": 1}
    narrowed = (await client.get("/api/search", params={"q": "Kursk", "publisher": "Seoul Herald"})).json()
    assert [h["title"] for h in narrowed["hits"]] == ["Seoul briefing"]
    by_source = (await client.get("/api/search", params={"q": "Kursk", "source": "Pentagon officials"})).json()
    assert [h["title"] for h in by_source["hits"]] == ["US estimate"]


async def test_items_and_custody(client, ledger_copy):
    _db, ids = ledger_copy
    items = (await client.get("/api/items")).json()
    (item,) = items["items"]
    assert item["label"] == "Notebook <b>N-1</b>" and [d["id"] for d in item["documents"]] == [ids["nis"]]
    log = (await client.get("/api/custody", params={"document": ids["nis"]})).json()
    assert {e["action"] for e in log["events"]} == {"ingest", "extract", "link-item"}


async def test_reject_is_a_custody_event_and_keeps_the_row(client, app):
    response = await client.post("/api/statements/figure/1/reject", json={"reason": "misread number"})
    assert response.status_code == 200, response.text
    row = corrections.statement(ledger_of(app), "figure", 1)
    assert row["status"] == "rejected" and row["text"] == "900"
    events = (await client.get("/api/custody", params={"action": "correct"})).json()["events"]
    assert events[0]["detail"]["statement_id"] == 1 and events[0]["actor"] == "web:local"
    assert_error(await client.post("/api/statements/figure/1/reject", json={"reason": "again"}), 409)
    active = (await client.get("/api/statements", params={"kind": "figure"})).json()
    assert 1 not in [s["id"] for s in active["statements"]]
    everything = (await client.get("/api/statements", params={"kind": "figure", "include_inactive": True})).json()
    assert 1 in [s["id"] for s in everything["statements"]]


async def test_category_and_source_corrections_supersede(client, app):
    fixed = (await client.post("/api/figures/3/category", json={"category": "wounded", "reason": "misfiled"})).json()
    new = corrections.statement(ledger_of(app), "figure", fixed["new_statement_id"])
    old = corrections.statement(ledger_of(app), "figure", 3)
    assert (old["status"], old["superseded_by"], old["category"]) == ("superseded", new["id"], "killed")
    assert (new["status"], new["category"], new["extractor"]) == ("active", "wounded", "analyst")
    assert_error(await client.post("/api/figures/2/category", json={"category": "imaginary", "reason": "x"}), 400)
    moved = (await client.post("/api/attributions/2/source", json={"source": "US Department of Defense",
                                                                   "reason": "named later in the piece"})).json()
    figure = corrections.statement(ledger_of(app), "figure", moved["figures_superseded"][0])
    assert figure["origin"] == "US Department of Defense" and figure["attribution_id"] == moved["new_statement_id"]


async def test_source_grade_with_rationale_and_history(client):
    sources = (await client.get("/api/sources")).json()["sources"]
    dod = next(s for s in sources if s["name"] == "US Department of Defense")
    graded = await client.post(f"/api/sources/{dod['id']}/grade", json={"grade": "b", "rationale": "track record"})
    assert graded.status_code == 200, graded.text
    detail = (await client.get(f"/api/sources/{dod['id']}")).json()
    assert detail["grade"] == "B" and detail["grades"][-1]["rationale"] == "track record"
    assert any(f["text"] == "3,000 to 4,000" for f in detail["figures"])
    assert [e["source"] for e in detail["cited_by"]] == ["Wire Service"]
    unknown = (await client.get("/api/sources/by-name", params={"name": "A South Korean lawmaker"})).json()
    assert unknown["in_book"] is False and [f["text"] for f in unknown["figures"]] == ["100"]
    assert_error(await client.post(f"/api/sources/{dod['id']}/grade", json={"grade": "Z", "rationale": "x"}), 422)


async def test_upload_through_the_api(client, app):
    csrf = await csrf_of(client)
    files = [("files", ("../../etc/passwd", b"A plain note about 12 drones.", "text/plain"))]
    response = await client.post("/api/documents", files=files, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 201, response.text
    (result,) = response.json()["results"]
    assert result["status"] == "added" and result["name"] == "passwd"
    assert ledger_of(app).document(result["document_id"]).origin == "upload:passwd"
    again = (await client.post("/api/documents", files=files, headers={"X-CSRF-Token": csrf})).json()
    assert again["results"][0]["status"] == "unchanged"


async def test_upload_over_the_limit_is_refused(client, app):
    csrf = await csrf_of(client)
    big = b"x" * (app.state.max_upload + 100_000)
    response = await client.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))],
                                 headers={"X-CSRF-Token": csrf})
    assert_error(response, 413)
    assert ledger_of(app).counts()["documents"] == 4


async def test_openapi_matches_the_golden_file(app):
    from claimgraph.serve.app import openapi_json

    current = openapi_json(app)
    if os.environ.get("CLAIMGRAPH_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(current, encoding="utf-8")
    assert json.loads(current) == json.loads(GOLDEN.read_text(encoding="utf-8")), \
        "the API changed: review, then rerun with CLAIMGRAPH_UPDATE_GOLDEN=1"
    paths = json.loads(current)["paths"]
    for route in ("/api/documents", "/api/documents/{ref}", "/api/figures/timeline", "/api/sources/{source_id}",
                  "/api/clusters", "/api/search", "/api/custody", "/api/items"):
        assert route in paths


def test_other_binds_need_tokens(ledger_copy):
    from claimgraph.serve.app import create_app

    db, _ids = ledger_copy
    with pytest.raises(ConfigError, match="needs API tokens"):
        create_app(db, host="0.0.0.0")


@pytest.mark.postgres
async def test_the_api_on_postgresql():
    """The same routes over a PostgreSQL ledger (filters, search, corrections, tokens)."""
    import uuid

    import httpx
    from serve_fixtures import build_ledger
    from sqlalchemy import create_engine, text

    from claimgraph.ledger import database_url
    from claimgraph.serve.app import create_app
    from claimgraph.serve.security import create_token

    url = os.environ.get("CLAIMGRAPH_TEST_PG")
    if not url:
        pytest.skip("CLAIMGRAPH_TEST_PG is not set (scripts/postgres.sh start prints a URL for it)")
    name = "cg_" + uuid.uuid4().hex[:12]
    admin = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = url.rsplit("/", 1)[0] + "/" + name
    try:
        build_ledger(db)
        app = create_app(db, extract=False)
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as http:
            killed = (await http.get("/api/figures", params={"category": "killed", "since": "2024-12-19"})).json()
            assert sorted(f["text"] for f in killed["figures"]) == ["100", "3,000 to 4,000"]
            pentagon = (await http.get("/api/statements", params={"kind": "attribution", "source": "PENTAGON"})).json()
            assert pentagon["total"] == 1
            assert (await http.get("/api/search", params={"q": "Kursk"})).json()["total"] == 3
            fixed = await http.post("/api/figures/2/category", json={"category": "wounded", "reason": "misfiled"})
            assert fixed.status_code == 200 and fixed.json()["old"] == "killed"
            assert (await http.get("/documents/2")).status_code == 200
            secret, _ = create_token(app.state.ledger, "pg")
            assert secret.startswith("cg_")
        app.state.ledger.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
