"""Ingest files uploaded through the web server and URLs typed into it.

Uploaded bytes are read in memory with the reader their content calls for;
the browser's file name only labels the document (`upload:NAME`) and is
cleaned first, so it never becomes a path. One `Ingestor` is shared by the
server and used under a lock, because the NLP pipeline is loaded once and is
not made for concurrent use. Returns per-input results; never raises for one
bad input.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.base import Limits
from claimgraph.ingest.pipeline import Ingestor, Overrides, is_url, read_bytes
from claimgraph.ledger import Ledger

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def clean_name(name: str | None) -> str:
    """A file name safe to show and to log: no folders, no odd characters, at most 120 characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = SAFE_NAME.sub("_", base).strip("._") or "upload"
    return base[:120]


@dataclass
class UploadResult:
    name: str
    status: str  # added, new-version, unchanged, failed
    document_id: int | None = None
    statements: int = 0
    error: str | None = None


@dataclass
class Uploader:
    ledger: Ledger
    extract: bool = True
    max_bytes: int = 50 * 1024 * 1024
    allow_private_urls: bool = False  # fetch only public addresses unless the operator says otherwise
    _ingestor: Ingestor | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def ingestor(self, overrides: Overrides, actor: str) -> Ingestor:
        if self._ingestor is None:
            from claimgraph.ingest.url import make_client

            limits = Limits(max_bytes=self.max_bytes)
            self._ingestor = Ingestor(self.ledger, limits=limits, extract=self.extract,
                                      url_client=make_client(limits, public_only=not self.allow_private_urls))
        self._ingestor.overrides = overrides
        self._ingestor.actor = actor
        return self._ingestor

    def ingest(self, files: list[tuple[str | None, bytes]], urls: list[str], *, actor: str,
               overrides: Overrides | None = None) -> list[UploadResult]:
        results: list[UploadResult] = []
        with self._lock:
            ingestor = self.ingestor(overrides or Overrides(), actor)
            for raw_name, data in files:
                name = clean_name(raw_name)
                try:
                    if len(data) > self.max_bytes:
                        from claimgraph.errors import InputTooLarge

                        raise InputTooLarge(f"file is {len(data):,} bytes, over the limit of {self.max_bytes:,}",
                                            subject=name, fix="upload a smaller file")
                    drafts = read_bytes(data, f"upload:{name}", name, ingestor.limits)
                    outcomes, failures = ingestor.store_all(name, drafts)
                    results.extend(UploadResult(name, o.status, o.document_id, o.statements) for o in outcomes)
                    results.extend(UploadResult(name, "failed", error=f.line) for f in failures)
                except ClaimgraphError as exc:
                    results.append(UploadResult(name, "failed", error=exc.line()))
                except Exception as exc:  # noqa: BLE001 - a reader bug must not take the server down
                    results.append(UploadResult(name, "failed", error=f"unexpected {exc.__class__.__name__}: {exc}"))
            for url in urls:
                url = url.strip()
                if not url:
                    continue
                if not is_url(url):
                    results.append(UploadResult(url[:200], "failed", error=f"{url[:200]}: not an http(s) URL "
                                                "(fix: give a full http:// or https:// address)"))
                    continue
                report = ingestor.ingest([url])
                for outcome in report.outcomes:
                    results.append(UploadResult(url, outcome.status, outcome.document_id, outcome.statements))
                for failure in report.failures:
                    results.append(UploadResult(url, "failed", error=failure.line))
        return results


def results_json(results: list[UploadResult]) -> dict[str, Any]:
    return {"results": [r.__dict__ for r in results],
            "stored": sum(r.status in ("added", "new-version") for r in results),
            "unchanged": sum(r.status == "unchanged" for r in results),
            "failed": sum(r.status == "failed" for r in results)}
