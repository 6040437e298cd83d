"""Fetch one URL with httpx, within limits, keeping everything an analyst needs to trust the copy.

`fetch_url` follows up to `Limits.max_redirects` redirects and records each hop
(`meta["redirects"]`: url, status, location), stops reading as soon as the body
passes `Limits.max_bytes` (checking Content-Length first), applies
`Limits.network_timeout` to connecting and to every read, and returns the body
(content encodings such as gzip undone: the bytes a browser would parse), the
media type (sniffed, see `sniff.py`, with the server's Content-Type as a hint),
the final URL, and `meta` with the status, the response headers, the declared
content type and the fetch time. `read_url` hands the result to the right
reader and stamps the drafts with the URL, final URL and fetch time.

Only http and https are fetched. Unreachable hosts, timeouts, TLS failures
and non-2xx answers raise FetchError naming the URL and a fix.
This module must not write files or touch the ledger.
"""

from __future__ import annotations

import ipaddress
import socket
from datetime import UTC, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import httpx

from claimgraph import __version__
from claimgraph.errors import EmptyInput, FetchError, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.sniff import sniff_media_type
from claimgraph.model import DocumentDraft

USER_AGENT = f"claimgraph/{__version__} (+https://github.com/claimgraph/claimgraph)"


class Fetched(NamedTuple):
    """A fetched response: unpacks as (data, media_type, final_url, meta)."""

    data: bytes
    media_type: str
    final_url: str
    meta: dict[str, Any]

    @property
    def retrieved(self) -> datetime:
        """When the response was fetched (UTC)."""
        return datetime.fromisoformat(self.meta["fetched_at"])


def make_client(limits: Limits, *, public_only: bool = False) -> httpx.Client:
    """The HTTP client fetches use. `public_only` refuses, at every hop including redirects,
    hosts that resolve to loopback, private, link-local or reserved addresses: a server that
    fetches URLs for its users must not become their way into the network behind it."""
    hooks = {"request": [_refuse_non_public]} if public_only else {}
    return httpx.Client(
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        timeout=httpx.Timeout(limits.network_timeout),
        headers={"User-Agent": USER_AGENT},
        event_hooks=hooks,
    )


def _refuse_non_public(request: httpx.Request) -> None:
    host = request.url.host
    try:
        infos = socket.getaddrinfo(host, request.url.port or 443, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise FetchError(f"cannot resolve {host}", subject=str(request.url),
                         fix="check the host name and the network") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"{host} resolves to a non-public address ({address})", subject=str(request.url),
                             fix="this server only fetches public addresses; ingest the file locally instead")


def fetch_url(url: str, limits: Limits | None = None, *, client: httpx.Client | None = None) -> Fetched:
    """GET `url` within `limits`; see the module docstring for what comes back."""
    limits = limits or Limits()
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {scheme or 'a bare path'!r}",
                         subject=url, fix="give a full http:// or https:// URL, or a local file path")
    own_client = client is None
    if client is None:
        client = make_client(limits)
    fetched_at = datetime.now(UTC)
    try:
        with client.stream("GET", url) as response:
            redirects = [
                {"url": str(hop.url), "status": hop.status_code, "location": hop.headers.get("location")}
                for hop in response.history
            ]
            if not 200 <= response.status_code < 300:
                raise FetchError(
                    f"the server answered {response.status_code} {response.reason_phrase}",
                    subject=url,
                    fix="check the URL; for 401/403 save the page from a browser and ingest the file",
                )
            declared_length = response.headers.get("content-length")
            if declared_length and declared_length.isdigit() and int(declared_length) > limits.max_bytes:
                raise _too_large(url, limits, f"announces {int(declared_length):,} bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise _too_large(url, limits, f"sent more than {limits.max_bytes:,} bytes")
                chunks.append(chunk)
            headers = _headers(response.headers)
            final_url = str(response.url)
            status = response.status_code
            http_version = response.http_version
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"more than {limits.max_redirects} redirects", subject=url,
                         fix="check the URL for a redirect loop, or raise --max-redirects") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"no answer within {limits.network_timeout:g} s ({type(exc).__name__})",
                         subject=url, fix="try again later or raise --timeout") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot be fetched: {type(exc).__name__}: {exc}", subject=url,
                         fix="check the address and the network connection (or a proxy setting)") from exc
    finally:
        if own_client:
            client.close()
    data = b"".join(chunks)
    if not data.strip():
        raise EmptyInput("the server sent an empty body", subject=url, fix="check the URL")
    declared = headers.get("content-type", "")
    media_type = sniff_media_type(data, name=urlsplit(final_url).path, declared=declared)
    meta: dict[str, Any] = {
        "url": url,
        "status": status,
        "http_version": http_version,
        "headers": headers,
        "content_type": declared or None,
        "redirects": redirects,
        "fetched_at": fetched_at.isoformat(),
    }
    return Fetched(data, media_type, final_url, meta)


def read_url(url: str, limits: Limits | None = None, *, client: httpx.Client | None = None) -> list[DocumentDraft]:
    """Fetch `url` and read it with the reader for its media type."""
    from claimgraph.ingest.readers import reader_for

    limits = limits or Limits()
    fetched = fetch_url(url, limits, client=client)
    reader = reader_for(fetched.media_type, subject=url)
    origin_for_reader = fetched.final_url
    drafts = reader.read(Source(fetched.data, origin_for_reader, fetched.media_type), limits)
    for draft in drafts:
        draft.origin = url
        draft.final_url = draft.final_url or fetched.final_url
        draft.retrieved = draft.retrieved or fetched.retrieved
        draft.meta.setdefault("fetch", fetched.meta)
    return drafts




def _headers(headers: httpx.Headers) -> dict[str, str]:
    merged: dict[str, str] = {}
    for key, value in headers.multi_items():
        key = key.lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return merged


def _too_large(url: str, limits: Limits, what: str) -> InputTooLarge:
    return InputTooLarge(f"the response {what}, over the limit of {limits.max_bytes:,}", subject=url,
                         fix="raise the byte limit (--max-bytes) if the source is trusted")
