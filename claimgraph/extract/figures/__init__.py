"""The figure extractor: numeric claims about a conflict, with interval, category, source and hedge.

For every quantity expression (`numbers`) that is not a date, age, duration,
designator or yardstick (`filters`), the parse decides what is counted and the
category (`categories`); earlier mentions resolve pronouns and repeats, the
attributions extractor's chains give the source chain (`sources`; a transcript
turn's speaker, `transcripts`), and hedges whose reach
covers the number mark it hedged (`claims`; caveats reach what they name, `caveats`).
The place comes from `places` (the place of the event, never a nationality, an
actor or the counted people's own country), the as-of date from `setting`; a figure
that points back at an earlier one ("Of these, 300 were killed") takes its counted
noun and, when its own sentence names no place, its place, and mentions of one claim
share the place one of them names. A bare answer in a question-and-answer
transcript counts what the question asked (`questions`); relief deliveries, unit
sizes, repatriations and counts of actors are read apart (`overrides`); a figure
about the future has no as-of day. Conventions follow the conflict-figures
guide. This package must not touch the ledger; its word lists live in
`model/vocab/quantities.yaml`, `categories.yaml` and `places.yaml`.
"""

from __future__ import annotations

from claimgraph.extract.base import Context, register
from claimgraph.extract.figures.categories import Reading, read
from claimgraph.extract.figures.claims import (
    Draft,
    follow_comparisons,
    follow_parts,
    link_hedges,
    resolve_references,
    revised_values,
    unify,
)
from claimgraph.extract.figures.filters import non_figure_reason
from claimgraph.extract.figures.lexicon import FigureLexicon, load_lexicon
from claimgraph.extract.figures.numbers import Quantity, find_quantities, parse_number
from claimgraph.extract.figures.overrides import humanitarian
from claimgraph.extract.figures.places import NamedSpan, load_place_words, place, subject_countries
from claimgraph.extract.figures.questions import asked_reading
from claimgraph.extract.figures.setting import as_of, resolve_date
from claimgraph.extract.figures.sources import link_sources
from claimgraph.extract.figures.transcripts import speak_for
from claimgraph.extract.nlp import span_text
from claimgraph.model import Extraction, Figure

__all__ = [
    "NAME", "VERSION", "FigureExtractor", "Quantity", "Reading", "find_quantities", "parse_number",
    "resolve_date",
]

NAME = "figures"
VERSION = "0.6.50"

# Noun classes whose counts in an inventory ("Also recovered were two rifles") are anecdote.
_ANECDOTE_CLASSES = {None, "equipment", "facilities", "buildings", "people"}


def _sentence_text(ctx: Context, quantity: Quantity) -> str:
    span = ctx.doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    return span_text(span[0].sent) if span is not None and len(span) else ""


def _counts_source(ctx: Context, quantity: Quantity, start: int, end: int) -> bool:
    """ "according to one think tank", "two officials said": the number counts the noun that
    names the source (not a figure inside a longer source, "Ahmed, one of 40 prisoners freed,
    said", nor a source that is only a number, a misread: "fewer than 3,000 reported")."""
    if not (start <= quantity.start and quantity.end <= end):
        return False
    source = ctx.doc.char_span(start, end, alignment_mode="expand")
    number = ctx.doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if source is None or number is None or not len(number):
        return False
    roots = [t for t in source if t.head.i == t.i or not source.start <= t.head.i < source.end]
    return any(number[-1].head.i == root.i and root.i not in {t.i for t in number} for root in roots)


# grammar words (a closed class): modals that look forward, and those that may
_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_POSSIBLE_MODALS = frozenset({"could", "may", "might"})


def _forecast(draft: Draft) -> bool:
    """ "up to 10,000 could die by next month", "North Korea to send 6,000": a figure about the
    future holds on no day yet (the guide: as_of is null for forecasts). A modal with "have"
    ("may have died") looks back, not forward."""
    verb = draft.reading.verb
    if draft.planned:
        return True
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lemma_ == "have" for c in auxiliaries):
        return False
    modals = {c.lower_ for c in auxiliaries if c.tag_ == "MD"}
    # "will send", "would reach"; "could die", "may reach", but not "there may be 3,000 now"
    return bool(modals & _FUTURE_MODALS) or bool(modals & _POSSIBLE_MODALS) and verb.lemma_ != "be"


class FigureExtractor:
    name = NAME
    version = VERSION

    def __init__(self, lexicon: FigureLexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def drafts(self, ctx: Context, found: Extraction) -> list[Draft]:
        """The figure drafts of `ctx`, linked to sources and hedges, before they become records."""
        text, doc, lexicon = ctx.text, ctx.doc, self.lexicon
        drafts: list[Draft] = []
        sources = [(a.source.start, a.source.end) for a in found.attributions if a.source is not None]
        for quantity in find_quantities(text, lexicon):
            if non_figure_reason(text, quantity, lexicon, doc) is not None \
                    or any(_counts_source(ctx, quantity, s, e) for s, e in sources):
                continue
            reading = read(doc, quantity, lexicon)
            if reading is None:
                continue
            if reading.category is None:
                asked_reading(doc, quantity, reading, lexicon)  # "Q: How many ...? A: About 40."
            if reading.noun_class in _ANECDOTE_CLASSES and reading.decided_by in {"default", "none"} \
                    and lexicon.anecdote.search(_sentence_text(ctx, quantity)):
                continue
            drafts.append(Draft(quantity, reading))
        revised_values(text, drafts, lexicon)
        drafts = resolve_references(doc, drafts, lexicon)
        _split_losses(drafts)
        for draft in drafts:  # after references: "500 a day" takes its noun from the figure before
            counted = draft.reading.head or (draft.antecedent.reading.head if draft.antecedent else None)
            if humanitarian(draft.reading.category, counted, lexicon):
                draft.reading.category = "other"
            period = self._rate(text, draft.quantity, draft.reading)
            if period is not None:
                draft.reading.subject = f"{draft.reading.subject or 'count'} per {period}"
        link_sources(found, drafts, ctx.publisher, text, doc)
        speak_for(doc, [d.chain for d in drafts], [d.quantity.start for d in drafts])
        follow_parts(drafts)
        link_hedges(doc, found, drafts, lexicon)
        unify(drafts, text, doc, publisher=bool(ctx.publisher))
        follow_comparisons(drafts)
        return drafts

    def _rate(self, text: str, quantity: Quantity, reading: Reading) -> str | None:
        """The period of a rate ("about 1,200 fighters a day" -> "day"), or None."""
        head = reading.head
        after = head.idx + len(head.text) if head is not None and head.idx >= quantity.end else quantity.end
        match = self.lexicon.rate.match(text, after)
        return match.group(1).lower() if match else None

    def places(self, ctx: Context, found: Extraction, drafts: list[Draft]) -> dict[int, str | None]:
        """Each draft's place (by id): from its own sentence, else from the figure it points back
        at, else from another mention of the same claim."""
        words = load_place_words()
        sources = [(a.source.start, a.source.end) for a in found.attributions if a.source is not None]
        cues = [((a.cue.start, a.cue.end), [(c.start, c.end) for c in a.content])
                for a in found.attributions if a.cue is not None]
        mentions = [NamedSpan(m.start, m.end, m.label) for m in found.mentions]
        places: dict[int, str | None] = {}
        for draft in drafts:
            q, head = draft.quantity, draft.reading.head
            home = subject_countries([draft.reading.subject, head.text if head is not None else None], words)
            where = place(ctx.doc, q.start, q.end, avoid=sources, cues=cues, mentions=mentions,
                          home=home, words=words)
            if where is None and draft.antecedent is not None:
                # "Of these, 300 were killed": where the figure it refers back to holds
                where = places.get(id(draft.antecedent))
            places[id(draft)] = where
        claims: dict[int, list[str]] = {}
        for draft in drafts:
            if draft.claim is not None and places[id(draft)] is not None:
                claims.setdefault(draft.claim, []).append(str(places[id(draft)]))
        for draft in drafts:
            named = claims.get(draft.claim) if draft.claim is not None else None
            if places[id(draft)] is None and named:
                places[id(draft)] = max(named, key=named.count)  # the most named, the first among equals
        return places

    def extract(self, ctx: Context, found: Extraction) -> None:
        text, doc = ctx.text, ctx.doc
        offset = len(found.figures)
        drafts = self.drafts(ctx, found)
        places = self.places(ctx, found, drafts)
        for number, draft in enumerate(drafts, start=offset + 1):
            q = draft.quantity
            found.figures.append(Figure(
                key=f"f{number}", start=q.start, end=q.end, text=text[q.start:q.end],
                extractor=NAME, extractor_version=VERSION,
                value_low=q.low, value_high=q.high, qualifier=q.qualifier,
                category=draft.reading.category or "other", subject=draft.reading.subject,
                place=places[id(draft)],
                as_of=None if _forecast(draft) else as_of(doc, q.start, q.end, ctx.published),
                attribution_key=draft.attribution.key if draft.attribution is not None else None,
                source_chain=list(draft.chain), hedged=draft.hedged, hedge_keys=list(draft.hedge_keys),
            ))


@register(NAME)
def build() -> FigureExtractor:
    return FigureExtractor()


def _split_losses(drafts: list[Draft]) -> None:
    """ "The army lost 11 soldiers, with 23 wounded": personnel "lost" are casualties (the guide's
    unsplit losses) unless the same sentence counts the wounded apart, when they are the dead."""
    for draft in drafts:
        verb = draft.reading.verb
        if draft.reading.category != "casualties" or verb is None or verb.lemma_.lower() != "lose" \
                or draft.reading.noun_class not in ("personnel", None):
            continue
        sentence = verb.sent
        if any(other is not draft and other.reading.category == "wounded"
               and sentence.start_char <= other.quantity.start < sentence.end_char for other in drafts):
            draft.reading.category = "killed"
