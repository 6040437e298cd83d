"""The API against a real uvicorn server listening on 127.0.0.1."""

from __future__ import annotations

import re

import httpx
from serve_fixtures import LiveServer, ledger_of

from claimgraph.serve.app import create_app
from claimgraph.serve.security import create_token


def test_live_api_round_trip(ledger_copy):
    db, ids = ledger_copy
    app = create_app(db, extract=False, max_upload=100_000)
    try:
        with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=30) as http:
            dashboard = http.get("/api/")
            assert dashboard.status_code == 200 and dashboard.json()["counts"]["documents"] == 4
            assert dashboard.headers["content-security-policy"].startswith("default-src 'none'")
            document = http.get(f"/api/documents/{ids['pentagon']}").json()
            (hedge,) = document["statements"]["hedge"]
            assert hedge["band"] == "likely" and hedge["text"] == "probably"
            original = http.get(f"/documents/{ids['pentagon']}/original")
            assert original.content == document["document"]["text"].encode()
            # A browser session: page, CSRF token, form post, redirect back.
            page = http.get(f"/documents/{ids['pentagon']}")
            csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)
            posted = http.post("/figures/2/category", data={"category": "casualties", "reason": "killed+wounded",
                                                            "csrf_token": csrf})
            assert posted.status_code == 303
            figures = http.get("/api/figures", params={"category": "casualties"}).json()["figures"]
            assert [f["text"] for f in figures] == ["3,000 to 4,000"]
            # Bearer token: no CSRF needed; upload over the limit refused before it is read whole.
            secret, _ = create_token(ledger_of(app), "live")
            auth = {"authorization": f"Bearer {secret}"}
            small = http.post("/api/documents", headers=auth,
                              files=[("files", ("note.txt", b"Twelve drones were seen.", "text/plain"))])
            assert small.status_code == 201 and small.json()["stored"] == 1
            big = http.post("/api/documents", headers=auth,
                            files=[("files", ("big.txt", b"y" * 400_000, "text/plain"))])
            assert big.status_code == 413 and big.json()["error"]["status"] == 413
            assert http.get("/api/documents").json()["total"] == 5
    finally:
        app.state.ledger.close()
