"""The attribution extractor: who says, believes, plans or found what, and through whom.

Rules over the shared spaCy parse find direct and indirect speech (the speaker
also after a trailing cue: '"...," stated Vlad, adding that ...'), "according
to X", sourceless and passive forms, beliefs, plans and findings, relays
("citing X", "which quotes Y"), outlets a speaker talked to ("who gave the
newspaper his name"), the outlet a lead says the article re-reports ("X
reported, citing troops who ...") for the people it cited, and wire credits; `coref` names pronoun, role and
document sources ("the update said" stands for whoever issued the update) and `names`
keeps named sources as the text writes them, abbreviations spelled out; a possessive
"its"/"their" that names no one makes no attribution; plans ("X intends to send") are
attributions of kind "plan" whose subject is the actor, not a source of the claim, so
chains skip them; parents link an inner attribution to the one whose content holds its
cue; `discourse` carries an outlet a speaker talked to and a source a speaker
passes on to that speaker's other statements. Links with no reporting words of
their own (an outlet told, a dateline credit, a relation set up in another
sentence) get no cue span. When the learned model (`learned.py`, trained on PolNeAR) is installed its
predictions fill in what the rules leave out. This package must not touch the
ledger; `chains` is the API other extractors use to walk reporting chains.
"""

from __future__ import annotations

import logging
from typing import Any

from claimgraph.extract.attributions.chains import (
    chain_links,
    enclosing_attribution,
    source_chain,
)
from claimgraph.extract.attributions.coref import drop_unnamed_owners, resolve_sources
from claimgraph.extract.attributions.discourse import spread_links
from claimgraph.extract.attributions.rules import Draft, find_drafts, link_parents
from claimgraph.extract.base import Context, register
from claimgraph.model import Attribution, Extraction, Span

__all__ = [
    "AttributionExtractor", "chain_links", "enclosing_attribution", "merge_learned", "source_chain",
]

NAME = "attributions"
VERSION = "0.8.0"
LEARNED_MODULE = "claimgraph.extract.attributions.learned"

log = logging.getLogger(__name__)


def _learned() -> Any | None:
    """The learned module when it is installed and its model is present, else None."""
    try:
        from claimgraph.extract.attributions import learned
    except ImportError as exc:
        if exc.name != LEARNED_MODULE:
            raise  # the module exists but one of its own imports is broken: say so
        return None
    available = getattr(learned, "available", None)
    if available is None or not hasattr(learned, "predict") or not available():
        return None
    return learned


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covers(outer: list[tuple[int, int]], inner: list[tuple[int, int]]) -> bool:
    """Every fragment of `inner` lies inside some fragment of `outer`."""
    return all(any(os <= s and e <= oe for os, oe in outer) for s, e in inner)


def merge_learned(drafts: list[Draft], predicted: list[Attribution], text: str) -> list[Draft]:
    """Add the learned model's attributions whose cue overlaps no rule-made cue.

    Rules keep what they do well (quotes, "according to", relays, chains and
    coreference); the model adds the rest. A learned attribution that shares a
    cue with a rule one is dropped, except that a rule attribution that found no
    source borrows the model's source, and a rule attribution whose cue is the
    only rule cue the model's cue overlaps takes the model's cue boundaries
    (the model cuts cues as PolNeAR does: "told reporters", not "told") and, where
    the model's content covers the rule's, the model's content boundaries too. The
    rule record keeps its source, kind and links: taking the model's source, or its
    content where it does not cover the rule's, scored higher on PolNeAR but moved
    figure origins on conflict-figures.
    """
    merged = list(drafts)
    for attribution in predicted:
        if attribution.cue is None or not attribution.content:
            continue
        cue = (attribution.cue.start, attribution.cue.end)
        # Cue-less links only anchor in the text; a learned cue there is not theirs.
        twins = [d for d in drafts if d.show_cue and _overlaps(d.cue, cue)]
        if twins:
            for twin in twins:
                if twin.source is None and twin.kind != "sourceless" and attribution.source is not None:
                    twin.source = (attribution.source.start, attribution.source.end)
            if len(twins) == 1 and twins[0].origin == "rules":
                twin = twins[0]
                twin.cue = cue
                twin.origin = "rules+learned"
                learned_content = [(c.start, c.end) for c in attribution.content]
                if twin.content and _covers(learned_content, twin.content):
                    twin.content = learned_content  # same claim, the model's PolNeAR-style boundaries
            continue
        source = (attribution.source.start, attribution.source.end) if attribution.source else None
        merged.append(Draft(
            cue=cue, source=source,
            content=[(c.start, c.end) for c in attribution.content],
            kind=attribution.kind if source or attribution.kind != "indirect" else "sourceless",
            origin="learned", confidence=attribution.confidence,
        ))
    merged.sort(key=lambda d: d.cue)
    return merged


class AttributionExtractor:
    """Rules first, the learned model for the rest (when installed and `use_learned`)."""

    name = NAME
    version = VERSION

    def __init__(self, use_learned: bool = True):
        self.use_learned = use_learned

    def extract(self, ctx: Context, found: Extraction) -> None:
        doc = ctx.doc
        drafts = find_drafts(doc, ctx.text)
        learned = _learned() if self.use_learned else None
        if learned is not None:
            drafts = merge_learned(drafts, learned.predict(doc), ctx.text)
        link_parents(drafts)
        names = resolve_sources(drafts, doc, ctx.text, found.mentions)
        drafts, names = drop_unnamed_owners(drafts, names, ctx.text)
        drafts, names = spread_links(drafts, names)
        keys = {id(d): f"a{len(found.attributions) + i + 1}" for i, d in enumerate(drafts)}
        version = self.version if learned is None else f"{self.version}+learned"
        for draft, name in zip(drafts, names):
            found.attributions.append(_record(draft, name, keys, ctx.text, version))


def _record(draft: Draft, name: str | None, keys: dict[int, str], text: str,
            version: str) -> Attribution:
    spans = ([draft.cue] if draft.show_cue else []) + draft.content + ([draft.source] if draft.source else [])
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Attribution(
        key=keys[id(draft)], start=start, end=end, text=text[start:end],
        extractor=NAME, extractor_version=version,
        cue=Span.of(text, *draft.cue) if draft.show_cue else None,
        source=Span.of(text, *draft.source) if draft.source else None,
        content=[Span.of(text, s, e) for s, e in draft.content],
        kind=draft.kind, source_name=name,
        parent_key=keys.get(id(draft.parent)) if draft.parent is not None else None,
        confidence=draft.confidence,
    )


@register(NAME)
def _factory() -> AttributionExtractor:
    return AttributionExtractor()
