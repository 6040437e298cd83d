"""What a hedge cue reaches: the clause it governs in the dependency parse.

A hedge qualifies the clause whose head it is ("claimed that ..."), or the clause
of the verb it modifies ("probably fired", "could number", "is reported to have
lost"). Other extractors (figures, events) ask here whether a stretch of text is
in a hedge's reach. This module reads the parse only; it must not match words
or build records.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

from claimgraph.extract.nlp import own_subject

__all__ = ["anchor", "appended", "clause_head", "covers", "scope_indices"]

_CLAUSE_POS = {"VERB", "AUX"}


def anchor(doc: Doc, start: int, end: int) -> Token | None:
    """The token that stands for the cue [start, end): its first verb, else its first token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for token in span:
        if token.pos_ == "VERB":
            return token
    return span[0]


def clause_head(token: Token) -> Token:
    """The nearest verb at or above `token` (the sentence root when none is)."""
    current = token
    # "According to estimates, ..." : a verb used as a preposition does not head a clause
    while (current.pos_ not in _CLAUSE_POS or current.dep_ == "prep") \
            and current.dep_ != "ROOT" and current.head.i != current.i:
        current = current.head
    # An auxiliary or modal ("could", "will", "is to") hedges the verb it serves.
    if current.dep_ in {"aux", "auxpass"} and current.head.i != current.i:
        current = current.head
    return current


def scope_indices(doc: Doc, start: int, end: int) -> set[int]:
    """Token indices the cue [start, end) reaches: the subtree of its clause head."""
    token = anchor(doc, start, end)
    if token is None:
        return set()
    baseline = _baseline(token)
    if baseline is not None:
        return {t.i for t in baseline.subtree}
    head = clause_head(token)
    if token.pos_ == "NOUN" and appended(token):
        # ", a claim the army denied" after "had killed 150 soldiers and captured 40 others": the
        # comment is on the whole coordinated statement, not the verb the parse apposed it under
        while head.dep_ == "conj" and head.head.pos_ in _CLAUSE_POS and not any(
                c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children):
            head = head.head
    reach = {t.i for t in head.subtree} | _trailing_reach(token)
    # "X claimed that ..., and the mayor counted ...", "... probably destroyed 12 tanks, while
    # its own losses stood at 40": a coordinated or adverbial clause with its own subject is a
    # separate statement the cue does not reach
    for child in head.children:
        if child.dep_ in {"conj", "parataxis", "advcl"} and child.pos_ in _CLAUSE_POS \
                and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in child.children):
            reach -= {t.i for t in child.subtree}
    # "would deploy 600 soldiers to the town, where clashes have killed at least 14": a modal
    # reaches what it makes uncertain, not a relative clause with a subject of its own that
    # states a fact about a place or thing it names
    if token.tag_ == "MD":
        for relative in [doc[i] for i in sorted(reach)]:
            if relative.dep_ == "relcl" and relative.i in reach and own_subject(relative) \
                    and not any(c.tag_ == "MD" for c in relative.children):
                reach -= {t.i for t in relative.subtree}
    # "officials estimate that ..., and say that ...": a coordinated verb with no subject of
    # its own that reports a clause is a second statement of the same source, wherever the
    # parser hung it (on the cue's verb or inside its clause)
    for token in [doc[i] for i in sorted(reach)]:
        if token.i != head.i and token.dep_ == "conj" and token.pos_ == "VERB" \
                and any(c.dep_ == "ccomp" for c in token.children) \
                and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
            reach -= {t.i for t in token.subtree}
    return reach


def appended(token: Token) -> bool:
    """ "..., a claim that could not be verified": an indefinite noun set in apposition after
    what it comments on."""
    return token.dep_ in {"appos", "npadvmod"} and token.head.i < token.i \
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)


def _baseline(token: Token) -> Token | None:
    """ "a sharp rise from its estimate in December", "up from about 900 in its spring
    estimate", "higher than its earlier estimate": a hedging noun in the baseline a claim is
    compared with reaches that comparison (the phrase the "from" or "than" hangs on), not the
    claim's clause."""
    if token.pos_ != "NOUN":
        return None
    current = token
    for _ in range(4):
        if current.dep_ not in {"pobj", "prep"} or current.head.i == current.i:
            return None
        current = current.head
        if current.dep_ == "prep" and current.lower_ in {"from", "than"}:
            return current.head
    return None


def _trailing_reach(token: Token) -> set[int]:
    """ "600 marines were lost, the governor estimated on Monday": a cue in a trailing
    "..., SOURCE CUE" clause reaches the sentence before the comma, whatever the parser
    made of it."""
    if token.pos_ != "VERB":
        return set()
    sentence = token.sent
    comma = None
    for candidate in reversed(sentence[: token.i - sentence.start]):
        if candidate.text == ",":
            comma = candidate
            break
        if candidate.pos_ in _CLAUSE_POS or candidate.text in {";", ":", "\""}:
            return set()
    if comma is None or comma.i - sentence.start < 3 or token.i - comma.i > 8:
        return set()
    if any(t.pos_ in _CLAUSE_POS for t in sentence[token.i - sentence.start + 1:]):
        return set()
    return set(range(sentence.start, comma.i))


def covers(doc: Doc, cue_start: int, cue_end: int, start: int, end: int) -> bool:
    """True when the cue [cue_start, cue_end) reaches the text [start, end)."""
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        return False
    # figures and events ask about one cue for many numbers: its reach is worked out once per doc
    reaches = _REACHES.setdefault(doc, {})
    reach = reaches.get((cue_start, cue_end))
    if reach is None:
        reach = reaches[cue_start, cue_end] = frozenset(scope_indices(doc, cue_start, cue_end))
    return not reach.isdisjoint(range(target.start, target.end))


# Per parsed document (dropped with it): the reach of each cue asked about.
_REACHES: WeakKeyDictionary[Doc, dict[tuple[int, int], frozenset[int]]] = WeakKeyDictionary()
