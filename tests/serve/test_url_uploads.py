"""URL uploads through the server fetch public addresses only, unless the operator allows more."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimgraph.errors import FetchError
from claimgraph.ingest.base import Limits
from claimgraph.ingest.url import fetch_url, make_client
from claimgraph.serve.uploads import Uploader

PAGE = b"<html><head><title>Depot fire</title></head><body><article><p>" + \
    b"A fuel depot burned overnight near the river, local officials said on Monday.</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_url():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_public_only_client_refuses_loopback(local_url):
    with pytest.raises(FetchError, match="non-public address"):
        fetch_url(f"{local_url}/page", client=make_client(Limits(), public_only=True))
    assert fetch_url(f"{local_url}/hop", client=make_client(Limits())).final_url.endswith("/page")


def test_uploader_refuses_private_urls_by_default(sqlite_ledger, local_url):
    results = Uploader(sqlite_ledger, extract=False).ingest([], [f"{local_url}/page"], actor="tester")
    assert [r.status for r in results] == ["failed"]
    assert "non-public address" in results[0].error and "fix:" in results[0].error
    assert sqlite_ledger.counts()["documents"] == 0


def test_operator_can_allow_private_urls(sqlite_ledger, local_url):
    uploader = Uploader(sqlite_ledger, extract=False, allow_private_urls=True)
    results = uploader.ingest([], [f"{local_url}/hop"], actor="tester")
    assert [r.status for r in results] == ["added"]
    document = sqlite_ledger.document(results[0].document_id)
    assert document.final_url.endswith("/page") and "fuel depot" in document.text
