"""Builders for a ledger filled by hand: documents with figures and attributions written as records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from claimgraph.model import Attribution, DocumentDraft, Extraction, Figure, Span


@dataclass
class Fig:
    """A figure to plant: the phrase is written into the document and the record points at it."""

    phrase: str
    low: float | None
    high: float | None
    category: str = "killed"
    subject: str = "North Korean soldiers"
    chain: list[str] = field(default_factory=list)  # after the publisher
    qualifier: str = "exact"
    place: str | None = "Kursk region"
    as_of: date | None = None
    hedged: bool = False


class LedgerBuilder:
    def __init__(self, ledger):
        self.ledger = ledger
        self.count = 0

    def doc(self, publisher: str, published: str, *figures: Fig, quotes: list[tuple[str, ...]] = ()):
        """Add one document; `quotes` are (source, content, parent source or None[, cue word]) attributions."""
        self.count += 1
        parts = [f"Report {self.count} by {publisher}."]
        records: list[Figure] = []
        attributions: list[Attribution] = []
        text = parts[0]
        for i, fig in enumerate(figures):
            lead = f" Sources say {fig.phrase} {fig.subject} were counted."
            start = len(text) + len(" Sources say ")
            text += lead
            records.append(Figure(
                key=f"f{i}", start=start, end=start + len(fig.phrase), text=fig.phrase, extractor="hand",
                extractor_version="1", value_low=fig.low, value_high=fig.high, qualifier=fig.qualifier,
                category=fig.category, subject=fig.subject, place=fig.place, as_of=fig.as_of,
                source_chain=[publisher, *fig.chain], hedged=fig.hedged))
        keys: dict[str, str] = {}
        for j, (source, content, parent, *rest) in enumerate(quotes):
            cue = rest[0] if rest else "said"
            sentence = f" {source} {cue} {content}."
            start = len(text) + 1
            text += sentence
            src = Span(start, start + len(source), source)
            body_start = start + len(source) + len(f" {cue} ")
            body = Span(body_start, body_start + len(content), content)
            key = f"a{j}"
            keys[source] = key
            attributions.append(Attribution(
                key=key, start=start, end=body.end, text=text[start:body.end], extractor="hand",
                extractor_version="1", cue=Span.of(text, start + len(source) + 1, start + len(source) + 1 + len(cue)),
                source=src, content=[body], kind="indirect", source_name=source,
                parent_key=keys.get(parent) if parent else None))
        draft = DocumentDraft(original=text.encode(), media_type="text/plain", origin=f"hand-{self.count}.txt",
                              text=text, reader="text", reader_version="1", publisher=publisher,
                              published=date.fromisoformat(published), title=f"Report {self.count}")
        outcome = self.ledger.add(draft)
        self.ledger.store_extraction(outcome.document_id, Extraction(figures=records, attributions=attributions),
                                     {"hand": "1"})
        return outcome.document_id
