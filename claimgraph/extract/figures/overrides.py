"""Counts whose use overrides what their clause's verbs say: unit sizes, remains sent home,
people held captive, relief deliveries, and counts of the actors themselves.

Each function looks at a counted noun and its governing verb and says whether one of
these special readings applies ("every battalion of 500 men" is a typical unit size,
"the remains of 120 soldiers were repatriated" a repatriation, "9,000 are in captivity"
captured, "30 aid trucks entered Gaza" relief, "the two sides exchanged prisoners" a
count of actors). `categories` decides what follows from them; this module must not
assign categories itself nor read numbers.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.figures.lexicon import FigureLexicon

__all__ = ["humanitarian", "in_captivity", "repatriated", "unclassed_agent", "unit_size"]


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def unit_size(head: Token | None, verb: Token | None, lexicon: FigureLexicon) -> bool:
    """ "every battalion of 500 men", "a battalion numbers several hundred soldiers"."""
    if head is not None and head.head.lower_ == "of":
        owner = head.head.head
        if lexicon.noun_class(owner.lemma_) == "units" and any(
                c.lower_ in lexicon.unit_size_determiners for c in owner.children):
            return True
    if verb is not None and verb.lemma_.lower() in lexicon.unit_size_verbs:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and lexicon.noun_class(child.lemma_) == "units":
                generic = any(c.lower_ in lexicon.unit_size_determiners for c in child.children)
                # ("the group numbered up to ten persons": one group's strength, not a typical size)
                definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE for c in child.children)
                if generic or verb.lemma_.lower() in {"number", "comprise", "consist"} and not definite:
                    return True
    return False


def humanitarian(category: str | None, head: Token | None, lexicon: FigureLexicon) -> bool:
    """ "30 aid trucks entered Gaza", "200 tonnes of food aid": a supplied count of relief
    (`head` is the counted noun, or the noun of the figure a noun-less one refers back to)."""
    if category != "supplied" or head is None:
        return False
    words = [head, *(c for c in head.children if c.dep_ in {"compound", "amod"})]
    if head.head.lower_ == "of":  # "tonnes of food aid": the measured noun
        words.append(head.head.head)
    return any(w.lemma_.lower() in lexicon.humanitarian_modifiers or w.lower_ in lexicon.humanitarian_modifiers
               for w in words)


def unclassed_agent(head: Token | None, verb: Token, noun_class: str | None) -> bool:
    """ "The two sides exchanged 95 prisoners": a number on the subject of an active verb that
    has an object of its own counts who acts, and what it counts is in no class of the figure
    vocabulary, so the verb's category (which is about its object) does not apply."""
    return head is not None and noun_class is None and head.dep_ == "nsubj" and head.head.i == verb.i \
        and any(c.dep_ == "dobj" for c in verb.children)


def in_captivity(owners: list[Token | None], lexicon: FigureLexicon) -> bool:
    """ "9,000 Ukrainians are in Russian captivity": a counted noun or verb held "in" captivity."""
    for owner in owners:
        for preposition in owner.children if owner is not None else []:
            if preposition.dep_ == "prep" and preposition.lower_ in {"in", "into"} and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in lexicon.captivity_nouns for p in preposition.children):
                return True
    return False


def repatriated(span: Span, head: Token | None, verb: Token | None, lexicon: FigureLexicon) -> bool:
    """The figure counts remains or wounded sent home ("the remains of 120 soldiers were repatriated")."""
    if verb is None:
        return False
    words = lexicon.repatriation
    lemma = verb.lemma_.lower()
    if lemma in words.verbs:
        return True
    if lemma in words.moving_verbs and any(
            c.lower_ in words.directions for c in verb.children if c.dep_ in {"advmod", "prt", "npadvmod"}):
        return True
    if lemma in words.handover_verbs and head is not None:
        receivers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        receivers += [p for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
                      for p in c.children if p.dep_ == "pobj"]
        if any(c.lower_ in words.local_receivers or c.lemma_.lower() in words.local_receivers for c in receivers):
            return False  # "the morgue received 40 bodies", "handed to families": the dead, where they are brought
        counted = [head, head.head.head] if head.head.lower_ == "of" else [head]
        return any(t.lemma_.lower() in words.remains_nouns or t.lower_ in words.remains_nouns
                   for t in counted)
    return False
