"""Records that flow between the stages: documents, pages, custody events and statements.

Plain dataclasses; they know nothing of storage, HTTP or the CLI. Every statement
points at exact characters of its document (`start`, `end`, Python string
indices, end exclusive) and carries the name and version of the extractor that
made it, so the ledger can hold statements from several extractor versions side
by side.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Span:
    """A contiguous run of characters of a document's text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit [{self.start}, {self.end})")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


# ---------------------------------------------------------------- documents


@dataclass
class OcrWord:
    """One recognised word: its characters in the document text and Tesseract's confidence (0-100)."""

    start: int
    end: int
    confidence: float


@dataclass
class Page:
    """One page of paged media; `start`/`end` index the document text."""

    number: int
    start: int
    end: int
    ocr_confidence: float | None = None  # mean word confidence 0-100; None for a text layer
    method: str = "text-layer"  # "text-layer" or "ocr"
    words: list[OcrWord] = field(default_factory=list)


@dataclass
class DocumentDraft:
    """What a reader makes of one input before the ledger gives it an id.

    `original` is the untouched bytes this document was read from. When one
    file yields several documents (a feed, a WARC, an NDJSON file) each document
    keeps the bytes of its own record where they exist, and `container` holds
    the whole file so that nothing is ever lost.
    """

    original: bytes
    media_type: str
    origin: str  # path or URL as given
    text: str
    reader: str  # name of the ingest module that made it
    reader_version: str
    final_url: str | None = None
    locator: str | None = None  # where inside the container ("line 3", "entry 2", a WARC record id)
    container: bytes | None = None
    container_media_type: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    retrieved: datetime | None = None  # capture or fetch time; ingest time when unknown
    language: str | None = None  # ISO 639-1
    language_confidence: float | None = None
    pages: list[Page] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # reader-specific: redirects, headers, record id

    @property
    def sha256(self) -> str:
        return sha256_hex(self.original)


@dataclass
class Document:
    """A document as the ledger holds it."""

    id: int
    sha256: str
    media_type: str
    origin: str
    text: str
    reader: str
    reader_version: str
    retrieved: datetime
    ingested: datetime
    final_url: str | None = None
    locator: str | None = None
    container_sha256: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None
    language_confidence: float | None = None
    previous_version_id: int | None = None
    item_id: int | None = None  # the physical item this document depicts, if any
    size: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)


@dataclass
class CustodyEvent:
    """One append-only entry of the custody log."""

    action: str  # ingest, reingest-skipped, new-version, extract, edit, export, register-item, ...
    actor: str
    tool_version: str
    detail: dict[str, Any]
    at: datetime
    document_id: int | None = None
    item_id: int | None = None
    id: int | None = None


@dataclass
class PhysicalItem:
    """A physical object in the analyst's custody chain (a notebook, a phone, a map)."""

    label: str
    description: str | None = None
    found_place: str | None = None
    found_date: date | None = None
    found_by: str | None = None
    id: int | None = None


# ---------------------------------------------------------------- statements
#
# Extractors produce these for one document. `key` is a local handle unique
# within one extraction of one document ("a3", "f12"); records refer to each
# other through keys, and the ledger turns keys into row ids when it stores them.


@dataclass
class Statement:
    key: str
    start: int
    end: int
    text: str
    extractor: str
    extractor_version: str


@dataclass
class Mention(Statement):
    """A named or typed entity mention."""

    label: str = "OTHER"  # PERSON, ORG, OUTLET, GOV, INTEL, GPE, LOC, NORP, UNIT, WEAPON, DATE, ...
    normalized: str | None = None  # canonical name, or ISO date for DATE mentions


@dataclass
class Attribution(Statement):
    """Who says (believes, reports, found) what: source, cue and content.

    `start`/`end` cover the whole attribution (from its first to its last span).
    `parent_key` links an inner attribution to the one whose content holds it;
    an attribution with no parent hangs off the document's publisher.
    """

    cue: Span | None = None
    source: Span | None = None
    content: list[Span] = field(default_factory=list)
    kind: str = "indirect"  # direct, indirect, mixed, according_to, sourceless, belief, plan
    source_name: str | None = None  # resolved name when `source` is a pronoun or role
    parent_key: str | None = None
    confidence: float | None = None


@dataclass
class Hedge(Statement):
    """An estimative or uncertainty cue, with its ICD 203 band when it has one."""

    band: str = "uncertain"  # almost_no_chance ... almost_certain, or "uncertain"
    probability_low: float | None = None  # 0-1
    probability_high: float | None = None
    target_key: str | None = None  # the attribution, figure or event it qualifies
    holder_key: str | None = None  # the attribution whose source hedges; None = the author


@dataclass
class Figure(Statement):
    """A numeric claim: an interval with its qualifier, category, subject, place and date."""

    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"  # exact, approx, at_least, more_than, over, up_to, at_most, range
    category: str = "other"
    subject: str | None = None
    place: str | None = None
    as_of: date | None = None
    attribution_key: str | None = None
    source_chain: list[str] = field(default_factory=list)  # publisher first, origin last
    hedged: bool = False
    hedge_keys: list[str] = field(default_factory=list)


@dataclass
class Event(Statement):
    """A dated action: who did what to whom or where, with which weapon."""

    action: str = ""
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    weapon: str | None = None
    when: date | None = None
    attribution_key: str | None = None
    hedged: bool = False


@dataclass
class RecoveredItem(Statement):
    """One entry of an inventory of recovered items ("two notebooks, a Russian passport")."""

    kind: str = ""
    quantity: float | None = None
    origin: str | None = None  # "Ukraine", "Russian", ...
    attribution_key: str | None = None


@dataclass
class Extraction:
    """Everything the extractors found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    items: list[RecoveredItem] = field(default_factory=list)

    def all(self) -> list[Statement]:
        return [*self.mentions, *self.attributions, *self.hedges, *self.figures, *self.events, *self.items]
