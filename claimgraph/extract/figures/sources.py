"""Where a figure comes from: the attribution that carries it and its source chain.

`link_sources` gives each figure draft the attribution whose content holds it
(never one whose own source or cue holds it) and the chain from the publisher
to the originating source, with the constructions the attribution extractor
leaves without a source of their own: a quoted paragraph standing for the
document the paragraph before introduced, an object-relative reporting clause
("the 3,000 engineers that the minister mentioned") that names its noun's
source and no other, and a count revised before a colon ("X has updated the
toll: ...") that is its reviser's. Transcript speakers are added by
`transcripts`. This module reads the parse and the attributions only; it must
not decide categories or hedges, nor touch the ledger.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.chains import (
    FIRST_PERSON,
    depth,
    enclosing_attribution,
    link_name,
    source_chain,
)
from claimgraph.extract.attributions.names import clean
from claimgraph.extract.attributions.roles import role_kind
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.figures.claims import Draft, token_at
from claimgraph.extract.figures.numbers import Quantity
from claimgraph.model import Attribution, Extraction

__all__ = ["link_sources"]


def _overlaps_own_words(attribution: Attribution, start: int, end: int) -> bool:
    return any(part is not None and part.start < end and start < part.end
               for part in (attribution.cue, attribution.source))


_OPENING_QUOTES = "\"“«‘'"


def _block_quote_issuer(found: Extraction, attribution: Attribution | None, text: str,
                        position: int) -> Attribution | None:
    """ "Below is the statement the ministry issued.\n\n"On Friday ... 12 soldiers were
    killed."": a quoted paragraph that names no speaker is the text of the document the paragraph
    before introduced, and its source is the last source named there."""
    if attribution is not None and (attribution.source is not None or not attribution.content) or not text:
        return None
    start = attribution.content[0].start if attribution is not None else position
    opening = text.rfind("\n\n", 0, start)
    opening = 0 if opening == -1 else opening + 2
    if attribution is None:
        start = opening + len(text[opening:position]) - len(text[opening:position].lstrip())
        closing = text.find("\n\n", opening)
        closing = len(text) if closing == -1 else closing
        if any(a.source is not None and opening <= a.source.start < closing for a in found.attributions):
            return None  # a speaker named inside the paragraph speaks for it
    if text[opening:start].strip() or text[start:start + 1] not in _OPENING_QUOTES or opening == 0:
        return None  # the quote must open its paragraph
    previous = text.rfind("\n\n", 0, opening - 2)
    previous = 0 if previous == -1 else previous + 2
    named = [a for a in found.attributions if a.source is not None and a.parent_key is None
             and previous <= a.source.start < opening and link_name(a)]
    return max(named, key=lambda a: a.source.start if a.source else 0) if named else None


def _tally_owner(doc: Doc, quantity: Quantity) -> str | None:
    """ "Okafor revised the count: five killed, 31 hurt": figures listed after a
    colon that closes a revised or announced count are the count's owner's, the subject of the
    revising verb, when the subject is a name."""
    token = token_at(doc, quantity.number_start, quantity.number_end)
    if token is None:
        return None
    vocabulary = cues()
    sentence = token.sent
    for verb in doc[sentence.start:token.i]:
        if verb.lemma_.lower() not in vocabulary.revision_verbs or verb.pos_ != "VERB":
            continue
        counted = next((c for c in verb.children if c.dep_ == "dobj"
                        and c.lemma_.lower() in vocabulary.figure_nouns), None)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if counted is None or subject is None or subject.pos_ != "PROPN":
            continue
        colon = next((t for t in doc[counted.i + 1:token.i] if t.text == ":"), None)
        if colon is None or any(t.pos_ in {"VERB", "AUX"} for t in doc[counted.i + 1:colon.i]):
            continue  # "updated its overnight tally: ..." ("overnight" may come after the noun)
        last = subject.lower_
        people = [e for e in doc.ents if e.label_ == "PERSON" and e[-1].lower_ == last]
        if people:
            return max(people, key=len).text
        return clean(doc[subject.left_edge.i:subject.i + 1].text)
    return None


def _owned_total(doc: Doc, quantity: Quantity, before: list[Draft],
                 publisher: str | None) -> tuple[list[str], Attribution | None] | None:
    """ "Its total for the war stands at more than 9,000 dead", "The ministry's toll rose to
    410": a figure whose clause has an owned count noun as subject is the owner's, when nothing
    else names a source. A pronoun owner is the source of the last sourced figure before it; a
    named owner that of the last figure whose chain ends in that owner."""
    token = token_at(doc, quantity.number_start, quantity.number_end)
    if token is None:
        return None
    total = _count_noun_of(token)
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if total is None and verb is not None:
        total = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                      and c.lemma_.lower() in cues().figure_nouns and c.idx < quantity.number_start), None)
    owner = next((c for c in total.children if c.dep_ == "poss"), None) if total is not None else None
    if owner is None:
        return None
    sourced = [d for d in before if len(d.chain) > 1]
    if owner.pos_ == "PRON" and owner.lower_ in FIRST_PERSON:
        return None  # "Our own count is 39": whoever speaks (the publisher, or a speaker's turn)
    if owner.pos_ == "PRON":
        return (list(sourced[-1].chain), sourced[-1].attribution) if sourced else None
    words = [t.text for t in owner.subtree if t.dep_ not in {"case", "det"} and t.lower_ not in {"'s", "’s"}]
    name = clean(" ".join(words))
    wanted = {w.lower() for w in name.split()}
    for draft in reversed(sourced):
        if wanted and wanted <= {w.lower() for w in draft.chain[-1].split()}:
            return list(draft.chain), draft.attribution
    # a body or person named for the first time: the owner as written ("the army's figure")
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start <= owner.i < e.end]
    if people:
        name = people[0].text
    elif not (owner.pos_ == "PROPN" or owner.ent_type_ in {"ORG", "GPE", "NORP"}
              or role_kind(owner.lemma_) is not None):
        return None
    return ([publisher, name] if publisher else [name]), None


def _count_noun_of(number: Token) -> Token | None:
    """ "the army's figure of 25 dead", "Kyiv's estimate of 9,000 killed": the count noun
    whose "of" phrase holds the number, or None."""
    for token in (number, number.head):
        if token.dep_ == "pobj" and token.head.lower_ == "of" \
                and token.head.head.lemma_.lower() in cues().figure_nouns:
            return token.head.head
    return None


_RELATIVE_OBJECTS = frozenset({"that", "which", "whom"})


def _relative_source(doc: Doc, found: Extraction, quantity: Quantity,
                     publisher: str | None) -> tuple[list[str], Attribution | None] | None:
    """ "the 3,000 engineers that Minister Petrov mentioned", "the 900 to 1,200 that NATO
    officers mention in briefings": a relative clause on the counted noun (or on the number) whose
    reporting verb has its own subject makes that subject the figure's source. The chain is
    the chain of the sentence around it, then that subject. A pronoun subject or a belief verb
    ("the 15,000 soldiers it believes are there") counts through the clause's own attribution."""
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    vocabulary = cues()
    verbs = vocabulary.speech | vocabulary.relay | vocabulary.valuation
    number = span[-1]
    for counted in (number, number.head) if number.dep_ in {"nummod", "quantmod"} else (number,):
        for clause in counted.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in verbs | vocabulary.belief:
                continue
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in _RELATIVE_OBJECTS \
                    or any(o.lower_ not in _RELATIVE_OBJECTS for o in objects):
                continue
            own = next((a for a in found.attributions if a.cue is not None
                        and a.cue.start <= clause.idx < a.cue.end), None)
            if subject.pos_ == "PRON" or clause.lemma_.lower() not in verbs:
                # "the 15,000 soldiers it believes are there", "the 600 it had reported": the
                # clause's own attribution, its pronoun resolved, gives the chain
                if own is None and subject.lower_ == "it":
                    # the body's chain, not its attribution: what it reported then is not
                    # hedged by how it speaks now ("estimates ... up from the 600 it had reported")
                    body = _speaking_body(doc, found, clause)
                    if body is not None:
                        return source_chain(found, body, publisher), None
                if own is None or own.source is None or not link_name(own):
                    continue
                return source_chain(found, own, publisher), own
            outer = None
            if own is not None and own.parent_key is not None:
                outer = next((a for a in found.attributions if a.key == own.parent_key), None)
            elif own is None:
                outer = enclosing_attribution(found, quantity.number_start, quantity.number_end)
            named = next((a for a in found.attributions if a.source is not None
                          and a.source.start <= subject.idx < a.source.end and link_name(a)
                          and a.source.text.strip().lower() not in _RELATIVE_OBJECTS), None)
            people = [e for e in doc.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end]
            name = link_name(named) if named is not None else (
                people[0].text if people else clean(doc[subject.left_edge.i:subject.i + 1].text))
            chain = source_chain(found, outer, publisher)
            if name and not (len(chain) > 1 and chain[-1] == name):
                chain.append(str(name))
            return chain, own
    return None


_PERSONAL = frozenset({"he", "she", "i", "we", "you", "they"})


def _speaking_body(doc: Doc, found: Extraction, clause: Token) -> Attribution | None:
    """ "..., up from the 600 it had reported in April": the "it" of a reporting clause the
    attributions left out is the body that speaks in the sentence, the innermost attribution
    before the clause whose source is no person."""
    sentence = clause.sent
    spoken = [a for a in found.attributions if a.cue is not None and a.source is not None
              and sentence.start_char <= a.cue.start < clause.idx and link_name(a)]
    for attribution in sorted(spoken, key=lambda a: depth(found, a), reverse=True):
        source = doc.char_span(attribution.source.start, attribution.source.end, alignment_mode="expand")
        if source is not None and not any(t.ent_type_ == "PERSON" or t.lower_ in _PERSONAL for t in source):
            return attribution
    return None


def _reports_other_noun(doc: Doc, attribution: Attribution, quantity: Quantity) -> bool:
    """ "our estimate is 700 dead, below the 900 to 1,200 that NATO officers mention in
    briefings": an object-relative reporting clause says who gave the noun it hangs on, and carries
    no other figure of the sentence."""
    if attribution.cue is None or attribution.source is None \
            or attribution.source.text.strip().lower() not in _RELATIVE_OBJECTS:
        return False
    pronoun = token_at(doc, attribution.source.start, attribution.source.end)
    if pronoun is None or pronoun.dep_ != "dobj":
        return False  # "..., which put the losses at 4,000": a subject relative is a source
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    verb = next((t for t in cue if t.dep_ == "relcl"), None) if cue is not None else None
    if verb is None:
        return False
    noun = verb.head
    return not (noun.left_edge.idx <= quantity.number_start and quantity.number_end <= noun.idx + len(noun.text))


def link_sources(found: Extraction, drafts: list[Draft], publisher: str | None, text: str = "",
                 doc: Doc | None = None) -> None:
    by_key = {a.key: a for a in found.attributions}
    for draft in drafts:
        q = draft.quantity
        attribution = enclosing_attribution(found, q.number_start, q.number_end)
        # A figure is never carried by an attribution whose own source or cue holds it
        # ("two officers and a woman thought to be ..." is not a source of "two").
        while attribution is not None and _overlaps_own_words(attribution, q.start, q.end):
            attribution = by_key.get(attribution.parent_key) if attribution.parent_key else None
        attribution = _block_quote_issuer(found, attribution, text, q.start) or attribution
        while doc is not None and attribution is not None and _reports_other_noun(doc, attribution, q):
            attribution = by_key.get(attribution.parent_key) if attribution.parent_key else None
        draft.attribution = attribution
        draft.chain = source_chain(found, attribution, publisher)
        relative = _relative_source(doc, found, q, publisher) if doc is not None else None
        if relative is not None:
            draft.chain, draft.attribution = relative[0], relative[1] or draft.attribution
            draft.own_report = True
        # (a count the author gives in its own voice, "our own tally counts 32 attacks", stays its own)
        own_voice = draft.attribution is not None and draft.attribution.source is not None \
            and draft.attribution.kind != "sourceless"
        if len(draft.chain) == 1 and draft.chain[0] == publisher and doc is not None and not own_voice:
            owner = _tally_owner(doc, q)
            if owner is not None:
                draft.chain.append(owner)
            else:
                owned = _owned_total(doc, q, [d for d in drafts if d.quantity.end <= q.start], publisher)
                if owned is not None:
                    draft.chain, draft.attribution = owned
