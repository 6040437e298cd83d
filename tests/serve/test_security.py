"""Security of the server: tokens (hashed, read-only, revoked), remote clients, CSRF,
host and origin checks, headers, escaping of hostile ledger content; the token CLI
and migration 0003."""

from __future__ import annotations

import hashlib
import re

import httpx
import pytest
from click.testing import CliRunner
from serve_fixtures import csrf_of, ledger_of
from sqlalchemy import inspect, select

from claimgraph.cli import main
from claimgraph.ledger.serve_schema import api_token
from claimgraph.serve.security import CSP, check_token, create_token, list_tokens, revoke_token

pytestmark = pytest.mark.anyio


def remote(app, **headers) -> httpx.AsyncClient:
    """A client that connects from another machine."""
    transport = httpx.ASGITransport(app=app, client=("10.20.30.40", 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000", headers=headers)


async def test_tokens_are_stored_hashed(app):
    ledger = ledger_of(app)
    secret, info = create_token(ledger, "alice")
    with ledger.engine.connect() as conn:
        row = conn.execute(select(api_token).where(api_token.c.id == info.id)).one()
    assert secret not in str(tuple(row)) and row.token_sha256 == hashlib.sha256(secret.encode()).hexdigest()
    assert check_token(ledger, secret).name == "alice"
    assert check_token(ledger, secret + "x") is None


async def test_remote_clients_need_a_token(app):
    async with remote(app) as anonymous:
        response = await anonymous.get("/api/documents")
        assert response.status_code == 401 and response.json()["error"]["fix"]
        page = await anonymous.get("/documents", headers={"accept": "text/html"})
        assert page.status_code == 303 and page.headers["location"] == "/login"
        assert (await anonymous.get("/static/app.css")).status_code == 200
    secret, _ = create_token(ledger_of(app), "bob")
    async with remote(app, authorization=f"Bearer {secret}") as bob:
        assert (await bob.get("/api/documents")).json()["total"] == 4
        # A bearer token in the header needs no CSRF token: browsers never add one by themselves.
        response = await bob.post("/api/statements/hedge/1/reject", json={"reason": "not a hedge"})
        assert response.status_code == 200, response.text
        events = (await bob.get("/api/custody", params={"action": "correct"})).json()["events"]
        assert events[0]["actor"] == "web:bob"
    revoke_token(ledger_of(app), "bob")
    async with remote(app, authorization=f"Bearer {secret}") as revoked:
        assert (await revoked.get("/api/documents")).status_code == 401


async def test_read_only_tokens_cannot_change_anything(app):
    secret, _ = create_token(ledger_of(app), "reader", read_only=True)
    async with remote(app, authorization=f"Bearer {secret}") as reader:
        assert (await reader.get("/api/figures")).status_code == 200
        for path, body in (("/api/statements/figure/1/reject", {"reason": "x"}),
                           ("/api/figures/1/category", {"category": "wounded", "reason": "x"}),
                           ("/api/sources/grade", {"source": "Kyiv Daily", "grade": "A", "rationale": "x"})):
            response = await reader.post(path, json=body)
            assert response.status_code == 403 and "read-only" in response.json()["error"]["reason"]
        upload = await reader.post("/api/documents", files=[("files", ("a.txt", b"text", "text/plain"))])
        assert upload.status_code == 403
    assert ledger_of(app).counts()["figure"] == 4
    assert [e.action for e in ledger_of(app).custody()].count("correct") == 0


async def test_browser_sign_in_sets_a_cookie_token(app):
    secret, _ = create_token(ledger_of(app), "carol")
    async with remote(app) as browser:
        csrf = await csrf_of(browser, "/login")
        wrong = await browser.post("/login", data={"token": "cg_wrong", "csrf_token": csrf})
        assert wrong.status_code == 401
        signed = await browser.post("/login", data={"token": secret, "csrf_token": csrf})
        assert signed.status_code == 303
        page = await browser.get("/documents")
        assert page.status_code == 200 and "token: carol" in page.text
        # Cookie-authenticated form posts still need the CSRF token.
        refused = await browser.post("/statements/figure/1/reject", data={"reason": "x"})
        assert refused.status_code == 403


async def test_forms_need_the_csrf_token(client, app):
    refused = await client.post("/statements/figure/1/reject", data={"reason": "wrong"})
    assert refused.status_code == 403 and "CSRF" in refused.json()["error"]["reason"]
    forged = await client.post("/statements/figure/1/reject", data={"reason": "wrong", "csrf_token": "0" * 40})
    assert forged.status_code == 403
    csrf = await csrf_of(client)
    accepted = await client.post("/statements/figure/1/reject", data={"reason": "wrong", "csrf_token": csrf},
                                 headers={"referer": "http://127.0.0.1:8000/documents/1"})
    assert accepted.status_code == 303 and accepted.headers["location"] == "/documents/1"
    assert ledger_of(app).statements(1, "figure") == []
    # Multipart forms carry it in the header (HTMX) or the query string; a plain form body is not parsed for it.
    upload = await client.post("/api/documents", files=[("files", ("a.txt", b"twelve drones", "text/plain"))])
    assert upload.status_code == 403
    # Without JavaScript the upload form posts with the token in its action's query string.
    plain = await client.post(f"/upload?csrf_token={csrf}", files=[("files", ("a.txt", b"twelve drones", "text/plain"))])
    assert plain.status_code == 200 and "1 stored" in plain.text


async def test_cross_site_and_foreign_hosts_are_refused(client):
    csrf = await csrf_of(client)
    cross = await client.post("/api/statements/figure/1/reject", json={"reason": "x"},
                              headers={"origin": "https://evil.example", "x-csrf-token": csrf})
    assert cross.status_code == 403
    site = await client.post("/api/statements/figure/1/reject", json={"reason": "x"},
                             headers={"sec-fetch-site": "cross-site"})
    assert site.status_code == 403
    rebound = await client.get("/api/documents", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 421


async def test_security_headers_on_every_response(client):
    for path in ("/", "/api/documents", "/api/documents/999", "/static/app.js"):
        response = await client.get(path)
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert "script-src 'self';" in CSP and "'unsafe-inline'" not in CSP.split("style-src-attr")[0]


async def test_pages_escape_hostile_ledger_content(client, ledger_copy):
    _db, ids = ledger_copy
    for path in (f"/documents/{ids['hostile']}", "/", "/documents", "/figures", "/search?q=drones", "/items",
                 "/custody"):
        html = (await client.get(path)).text
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, path
        assert "<b>N-1</b>" not in html
    html = (await client.get(f"/documents/{ids['hostile']}")).text
    assert "&lt;script&gt;" in html and "window.__pwned = 1;" in html  # shown as text


async def test_no_inline_scripts_or_handlers_in_pages(client, ledger_copy):
    _db, ids = ledger_copy
    for path in ("/", f"/documents/{ids['mod']}", "/figures", "/search?q=Kursk", "/items", "/upload", "/sources",
                 "/clusters", "/custody", "/api/docs", "/login"):
        html = (await client.get(path)).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (path, tag)
        assert not re.search(r"<script\b[^>]*>(?!</script>)", html), path  # no inline body
        for tag in re.findall(r"<[a-zA-Z][^>]*>", html):  # real tags only: ledger text is escaped
            assert not re.search(r"\s(on[a-z]+|style)\s*=", tag), (path, tag)


def test_token_cli_create_list_revoke(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    created = runner.invoke(main, ["token", "create", "ci-bot", "--read-only", "--db", db])
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("cg_")
    listed = runner.invoke(main, ["token", "list", "--json", "--db", db])
    assert '"read_only": true' in listed.stdout and secret not in listed.stdout
    revoked = runner.invoke(main, ["token", "revoke", "ci-bot", "--db", db])
    assert revoked.exit_code == 0
    from claimgraph.ledger import open_ledger

    with open_ledger(db) as ledger:
        assert list_tokens(ledger, include_revoked=False) == []
        assert check_token(ledger, secret) is None
    again = runner.invoke(main, ["token", "revoke", "ci-bot", "--db", db])
    assert again.exit_code == 1 and "no active token" in again.output


def test_migration_0003_creates_the_token_table(tmp_path):
    from claimgraph.ledger import open_ledger
    from claimgraph.ledger.migrate import downgrade, upgrade

    with open_ledger(str(tmp_path / "m.db")) as ledger:
        downgrade(ledger.engine, "0002")
        assert "api_token" not in inspect(ledger.engine).get_table_names()
        upgrade(ledger.engine)
        assert "api_token" in inspect(ledger.engine).get_table_names()
        create_token(ledger, "after-upgrade")
        assert [t.name for t in list_tokens(ledger)] == ["after-upgrade"]
