"""URL fetching against a real HTTP server on 127.0.0.1: redirects, limits, timeouts, errors."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from ingest_builders import make_pdf

from claimgraph.errors import EmptyInput, FetchError, InputTooLarge
from claimgraph.ingest.base import Limits
from claimgraph.ingest.url import fetch_url, read_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "article.html").read_bytes()
RSS = (FIXTURES / "feed.rss").read_bytes()
PDF = make_pdf(["The governor said the bridge was repaired."])


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE),
        "/feed": (200, {"Content-Type": "text/xml"}, RSS),
        "/report.pdf": (200, {"Content-Type": "text/html"}, PDF),  # mislabelled by the server
        "/hop1": (302, {"Location": "/hop2"}, b""),
        "/hop2": (301, {"Location": "/article"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/missing": (404, {"Content-Type": "text/plain"}, b"not here"),
        "/empty": (200, {"Content-Type": "text/plain"}, b""),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
        "/gzipped": (200, {"Content-Type": "text/plain", "Content-Encoding": "gzip"},
                     gzip.compress(b"Compressed report: the convoy arrived at dusk.")),
    }

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/stream":  # no Content-Length: the limit must stop the read
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"y" * 1000)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, headers, body = self.routes.get(self.path, (200, {"Content-Type": "text/plain"}, b"slow"))
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Test", "first")
            self.send_header("X-Test", "second")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_fetch_html(server: str) -> None:
    data, media_type, final_url, meta = fetch_url(f"{server}/article")
    assert data == ARTICLE and media_type == "text/html"
    assert final_url == f"{server}/article"
    assert meta["status"] == 200 and meta["redirects"] == []
    assert meta["headers"]["content-type"] == "text/html; charset=utf-8"
    assert meta["headers"]["x-test"] == "first, second"
    assert meta["url"] == f"{server}/article" and meta["fetched_at"]


def test_redirects_are_followed_and_recorded(server: str) -> None:
    fetched = fetch_url(f"{server}/hop1")
    assert fetched.final_url == f"{server}/article"
    assert [(hop["url"], hop["status"], hop["location"]) for hop in fetched.meta["redirects"]] == [
        (f"{server}/hop1", 302, "/hop2"),
        (f"{server}/hop2", 301, "/article"),
    ]
    assert fetched.retrieved.tzinfo is not None


def test_too_many_redirects(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/loop", Limits(max_redirects=3))
    assert "redirects" in caught.value.reason and caught.value.subject == f"{server}/loop"
    with pytest.raises(FetchError):
        fetch_url(f"{server}/hop1", Limits(max_redirects=1))


def test_sniffing_beats_a_wrong_server_type(server: str) -> None:
    fetched = fetch_url(f"{server}/report.pdf")
    assert fetched.media_type == "application/pdf" and fetched.data == PDF
    assert fetched.meta["content_type"] == "text/html"
    assert fetch_url(f"{server}/feed").media_type == "application/rss+xml"


def test_size_limit_by_content_length_and_while_streaming(server: str) -> None:
    with pytest.raises(InputTooLarge) as caught:
        fetch_url(f"{server}/big", Limits(max_bytes=1000))
    assert "announces 5,000 bytes" in caught.value.reason
    with pytest.raises(InputTooLarge) as caught:
        fetch_url(f"{server}/stream", Limits(max_bytes=20_000))
    assert "more than 20,000" in caught.value.reason


def test_gzip_content_encoding_is_undone(server: str) -> None:
    fetched = fetch_url(f"{server}/gzipped")
    assert fetched.data == b"Compressed report: the convoy arrived at dusk."
    assert fetched.meta["headers"]["content-encoding"] == "gzip"


def test_http_errors_and_empty_bodies(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/missing")
    assert "404" in caught.value.reason and caught.value.fix
    with pytest.raises(EmptyInput):
        fetch_url(f"{server}/empty")


def test_timeout(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/slow", Limits(network_timeout=0.3))
    assert "no answer within 0.3 s" in caught.value.reason


def test_unreachable_host_names_the_url_and_a_fix() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/gone"
    with pytest.raises(FetchError) as caught:
        fetch_url(url, Limits(network_timeout=2))
    assert caught.value.subject == url and "network" in caught.value.fix


def test_only_http_and_https() -> None:
    with pytest.raises(FetchError):
        fetch_url("file:///etc/passwd")
    with pytest.raises(FetchError):
        fetch_url("ftp://127.0.0.1/x")


def test_read_url_hands_over_to_the_right_reader(server: str) -> None:
    [draft] = read_url(f"{server}/hop1")
    assert draft.reader == "html" and draft.origin == f"{server}/hop1"
    assert draft.final_url == f"{server}/article" and draft.retrieved is not None
    assert draft.original == ARTICLE
    assert "northern ferry crossing" in draft.text
    assert len(draft.meta["fetch"]["redirects"]) == 2
    drafts = read_url(f"{server}/feed")
    assert [d.reader for d in drafts] == ["feed"] * 3
    assert drafts[0].final_url == "http://valley.example/news/bridge-closed"
