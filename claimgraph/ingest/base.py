"""The one interface every reader (one module per input kind) implements.

A reader turns the bytes of one input into one or more `DocumentDraft`s. It
never touches the ledger, never writes files and never fetches anything
except the URL reader. It raises a typed `IngestError` naming the input, the
reason and the fix; the pipeline records the failure and goes on with the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from claimgraph.model import DocumentDraft


@dataclass(frozen=True)
class Limits:
    """Bounds that protect the machine from hostile or accidental input."""

    max_bytes: int = 200 * 1024 * 1024  # per file or response
    max_pdf_pages: int = 2000
    max_image_pixels: int = 80_000_000  # decompression-bomb guard
    network_timeout: float = 20.0  # seconds per request
    max_redirects: int = 10
    max_records: int = 100_000  # documents from one container (feed, WARC, NDJSON)


@dataclass(frozen=True)
class Source:
    """One input as handed to a reader: its bytes, where they came from, and hints."""

    data: bytes
    origin: str  # path or URL
    media_type: str  # as sniffed by the pipeline; readers may refine it


class Reader(Protocol):
    name: str
    version: str
    media_types: tuple[str, ...]

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        """Return the documents in `source`; raise an IngestError when there are none to be had."""
