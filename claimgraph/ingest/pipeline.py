"""Ingest a batch of paths and URLs into the ledger: read, detect language, extract, store.

Every input is handled on its own: a bad file gives one `Failure` line naming
the file, the reason and the fix, and the batch goes on. Each document is
stored in one transaction together with its extracted statements, so nothing
half-written stays in the ledger. Progress goes through a callback; this
module prints nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimgraph.errors import ClaimgraphError, ExtractError, IngestError
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.language import detect_language
from claimgraph.ledger import IngestOutcome, Ledger
from claimgraph.model import DocumentDraft

EXTRACTABLE_LANGUAGES = {"en"}  # the extractors read English; other languages are stored and searchable


@dataclass
class Failure:
    origin: str
    line: str  # one line: file, reason, fix


@dataclass
class BatchReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class Overrides:
    """Metadata the analyst gives on the command line; wins over what readers found."""

    publisher: str | None = None
    published: date | None = None
    language: str | None = None


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def expand(inputs: Iterable[str]) -> Iterator[str]:
    """Paths and URLs, with directories walked recursively (sorted, hidden entries skipped)."""
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield item


def read(item: str, limits: Limits, url_client: Any = None) -> list[DocumentDraft]:
    """Read one path or URL into drafts with the reader its bytes call for.

    `url_client` is the httpx client for URLs (see `url.make_client`); None makes a default one."""

    if is_url(item):
        from claimgraph.ingest.url import read_url

        return read_url(item, limits, client=url_client)
    path = Path(item)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise IngestError("no such file", subject=item, fix="check the path") from exc
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}", subject=item, fix="check the path and permissions") from exc
    if size > limits.max_bytes:
        from claimgraph.errors import InputTooLarge

        raise InputTooLarge(f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}", subject=item,
                            fix="raise the limit with --max-bytes or split the file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}", subject=item, fix="check the path and permissions") from exc
    return read_bytes(data, str(path), path.name, limits)


def read_bytes(data: bytes, origin: str, name: str, limits: Limits) -> list[DocumentDraft]:
    """Read bytes already in memory (a file, an upload) with the reader their content calls for."""
    from claimgraph.ingest import readers

    media_type, reader = readers.sniff_and_pick(data, name)
    return reader.read(Source(data, origin, media_type), limits)


class Ingestor:
    """Holds what a batch shares (ledger, extractors, limits) and ingests inputs one by one."""

    def __init__(self, ledger: Ledger, *, overrides: Overrides | None = None, limits: Limits | None = None,
                 extract: bool = True, actor: str | None = None, strict: bool = False,
                 url_client: Any = None):
        self.ledger = ledger
        self.overrides = overrides or Overrides()
        self.limits = limits or Limits()
        self.extract = extract
        self.actor = actor
        self.strict = strict  # an extractor failure keeps the document out of the ledger
        self.url_client = url_client
        self._extractors = None

    def extractors(self):
        if self._extractors is None:
            from claimgraph.extract.pipeline import build

            self._extractors = build()
        return self._extractors

    def prepare(self, draft: DocumentDraft) -> str:
        """Apply overrides and detect the language; return how the language was set."""
        if self.overrides.publisher:
            draft.publisher = self.overrides.publisher
        if self.overrides.published:
            draft.published = self.overrides.published
        if self.overrides.language:
            draft.language, draft.language_confidence = self.overrides.language, 1.0
            return "user"
        if draft.language:
            return "reader"
        draft.language, draft.language_confidence = detect_language(draft.text)
        return "detected"

    def store(self, draft: DocumentDraft) -> IngestOutcome:
        source_of_language = self.prepare(draft)
        extraction, versions, failure = None, None, None
        # identical bytes are a no-op: don't parse them
        if (self.extract and draft.text.strip() and draft.language in EXTRACTABLE_LANGUAGES
                and self.ledger.find(draft.sha256) is None):
            from claimgraph.extract.base import Context
            from claimgraph.extract.pipeline import run
            from claimgraph.extract.pipeline import versions as extractor_versions

            ctx = Context(text=draft.text, publisher=draft.publisher, published=draft.published,
                          language=draft.language, title=draft.title)
            versions = extractor_versions(self.extractors())
            try:
                extraction = run(ctx, self.extractors())
            except ExtractError as exc:
                if self.strict:
                    raise
                failure = exc  # keep the document and its original; record why it has no statements
        outcome = self.ledger.add(draft, actor=self.actor, extraction=extraction, extractor_versions=versions,
                                  language_source=source_of_language)
        if failure is not None:
            self.ledger.log("extract-failed", {"extractors": versions, "reason": failure.reason},
                            document_id=outcome.document_id, actor=self.actor)
            raise ExtractError(f"stored without statements: {failure.reason}", subject=draft.origin,
                               fix=f"run `claimgraph extract {outcome.document_id}` once the extractor is fixed")
        return outcome

    def store_all(self, item: str, drafts: list[DocumentDraft]) -> tuple[list[IngestOutcome], list[Failure]]:
        """Store the drafts read from `item`, each on its own; bad records and failed drafts become failures."""
        outcomes: list[IngestOutcome] = []
        failures: list[Failure] = []
        for draft in drafts:  # readers of containers report bad records here, not by raising
            for problem in draft.meta.pop("record_errors", []):
                failures.append(Failure(item, f"{item} ({problem['locator']}): {problem['reason']}"
                                              f" (fix: {problem['fix']})"))
        for draft in drafts:
            try:
                outcomes.append(self.store(draft))
            except ClaimgraphError as exc:
                failures.append(Failure(item, exc.line()))
        return outcomes, failures

    def ingest(self, inputs: Iterable[str],
               progress: Callable[[str, list[IngestOutcome], list[Failure]], None] | None = None) -> BatchReport:
        report = BatchReport()
        for item in expand(inputs):
            outcomes: list[IngestOutcome] = []
            failures: list[Failure] = []
            try:
                outcomes, failures = self.store_all(item, read(item, self.limits, self.url_client))
            except ClaimgraphError as exc:
                failures.append(Failure(item, exc.line()))
            except Exception as exc:  # noqa: BLE001 - a reader bug must not end the batch or vanish
                failures.append(Failure(item, f"{item}: unexpected {exc.__class__.__name__}: {exc} "
                                              "(fix: report this file to the claimgraph developers)"))
            report.outcomes.extend(outcomes)
            report.failures.extend(failures)
            if progress:
                progress(item, outcomes, failures)
        return report
