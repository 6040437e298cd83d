"""The entities extractor: typed Mention records for one document.

Candidates come from two places: spaCy's NER on the shared parse (broad but
coarse, and the small model mislabels outlets and places), and the YAML lexicon
and patterns of `lexicon.py` (narrow but precise: outlets, wire agencies,
intelligence services, ministries, units, weapon systems). Overlaps are settled
by trust first (lexicon over spaCy), then length (longest wins), except that a
place the lexicon knows does not cut an organisation spaCy found around it: "US
Central Command" stays one organisation, not the United States. DATE mentions
get an ISO `normalized` value from `dates.py`.

This module reads `ctx.doc` and never adds components to the shared spaCy
pipeline; it appends to `found.mentions` and nothing else.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.extract.base import Context, register
from claimgraph.extract.entities.dates import normalize_date
from claimgraph.extract.entities.lexicon import (
    Candidate,
    Lexicon,
    common_noun_misread,
    load_lexicon,
    person_label_fix,
)
from claimgraph.model import Extraction, Mention

NAME = "entities"
VERSION = "0.2.9"

_LEADING_DET = re.compile(r"(?:the|a|an|The|A|An)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s?|\s+)+$")
_GAP_WEAPON = re.compile(r"^[\s-]*$")
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_NOT_ORGANISATIONS = PLACE_LABELS | {"DATE", "PERSON"}  # spaCy labels `_keep_organisations_whole` keeps out


class EntityExtractor:
    """Finds named and typed entity mentions; runs first in the pipeline."""

    name = NAME
    version = VERSION

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def extract(self, ctx: Context, found: Extraction) -> None:
        text = ctx.text
        candidates = list(self.lexicon.find(text))
        candidates.extend(self._from_spacy(ctx))
        chosen = _resolve(_keep_organisations_whole(candidates))
        chosen = _merge_weapons(text, chosen)
        for number, candidate in enumerate(chosen, start=len(found.mentions) + 1):
            normalized = candidate.normalized
            if candidate.label == "DATE":
                normalized = normalize_date(text[candidate.start:candidate.end], ctx.published)
            found.mentions.append(Mention(
                key=f"m{number}", start=candidate.start, end=candidate.end,
                text=text[candidate.start:candidate.end], extractor=NAME, extractor_version=VERSION,
                label=candidate.label, normalized=normalized,
            ))

    def _from_spacy(self, ctx: Context) -> list[Candidate]:
        text = ctx.text
        out: list[Candidate] = []
        for ent in ctx.doc.ents:
            label = self.lexicon.spacy_labels.get(ent.label_)
            if label is None or common_noun_misread(ent):  # "Memos found on ... suggest": no name
                continue
            start, end = ent.start_char, ent.end_char
            if ent.label_ == "ORG":
                start = _name_start(ent).idx
            if label != "DATE":
                start, end = _trim(text, start, end)
            if start >= end:
                continue
            surface = text[start:end]
            if label == "DATE" and self.lexicon.is_date_reject(surface):
                continue
            known = self.lexicon.lookup(surface)
            normalized: str | None = None
            if known is not None:
                label, normalized = known
            elif label == "ORG":
                label = self.lexicon.org_label(surface)
            elif label == "PERSON" and (fixed := person_label_fix(ent)) is not None:
                label = fixed  # "Niger says ...", "over Liski", "Emergency Lawyers": misread as people
            out.append(Candidate(start, end, label, normalized, 1))
        return out


def _name_start(ent: Span) -> Token:
    """Where an organisation's name starts when the recogniser began it too late: at the first
    of two places joined by "and" ("Trinidad and Tobago Police Service", parsed as one name) or
    at "People's" ("People's Defence Force"). Names coordinated side by side ("Ukraine and South
    Korea") stay apart: their first name does not hang on the second's head."""
    doc = ent.doc
    first = doc[ent.start]
    joined = first.i >= 2 and doc[first.i - 1].lower_ in ("and", "&")
    before = doc[first.i - 2] if joined else None
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() \
            and ent.start <= before.head.i < ent.end and before.dep_ in ("compound", "nmod"):
        return before
    if first.i >= 2 and doc[first.i - 1].lower_ in ("'s", "’s") and doc[first.i - 2].lower_ == "people" \
            and doc[first.i - 2].text[:1].isupper() and ent.start <= doc[first.i - 2].head.i < ent.end:
        return doc[first.i - 2]
    return first


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive from a spaCy span."""
    head = _LEADING_DET.match(text, start, end)
    if head:
        start = head.end()
    tail = _TRAILING_POSSESSIVE.search(text[start:end])
    if tail:
        end = start + tail.start()
    return start, end


def _keep_organisations_whole(candidates: list[Candidate]) -> list[Candidate]:
    """Drop lexicon places that lie inside a longer spaCy organisation ("US" in "US Central
    Command", "Ukrainian" in "Ukrainian Navy"), so that the organisation is kept whole."""
    organisations = [(c.start, c.end) for c in candidates if c.rank == 1 and c.label not in _NOT_ORGANISATIONS]
    return [c for c in candidates if not (
        c.rank > 1 and c.label in PLACE_LABELS
        and any(start <= c.start and c.end <= end and (end - start) > (c.end - c.start)
                for start, end in organisations))]


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: trusted first, then longest, then leftmost."""
    ordered = sorted(candidates, key=lambda c: (-c.rank, -(c.end - c.start), c.start, c.generic))
    taken: list[Candidate] = []
    for candidate in ordered:
        if any(candidate.start < other.end and other.start < candidate.end for other in taken):
            continue
        taken.append(candidate)
    return sorted(taken, key=lambda c: (c.start, c.end))


def _merge_weapons(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Join a named system and the weapon type right after it: "Storm Shadow cruise missiles"."""
    merged: list[Candidate] = []
    for candidate in chosen:
        previous = merged[-1] if merged else None
        if (previous is not None and candidate.label == "WEAPON" and candidate.generic
                and previous.label == "WEAPON" and not previous.generic
                and _GAP_WEAPON.match(text[previous.end:candidate.start])):
            merged[-1] = Candidate(previous.start, candidate.end, "WEAPON", previous.normalized,
                                   previous.rank)
            continue
        merged.append(candidate)
    return merged


@register(NAME)
def build() -> EntityExtractor:
    return EntityExtractor()
