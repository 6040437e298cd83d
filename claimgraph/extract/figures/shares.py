"""Shares and parts whose category comes from the words around them, not from their own noun.

A supplier's share named by a share verb ("rounds of Iranian origin account for roughly half
of what the guns fire": supplied, whatever the parse made of the rest), a share that restates
a count ("3,000 casualties, or close to 30 percent of the troops sent": that count's
category), and a part set off after its count ("64 drones, 17 of them heading for Haifa",
which `claims` gives the count's category). `categories` and `claims` call these; this
module must not decide sources, hedges or values.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.figures.lexicon import FigureLexicon
from claimgraph.extract.figures.numbers import Quantity
from claimgraph.extract.figures.triggers import (
    CLAUSE_POS,
    class_of,
    intrinsic_category,
    of_object,
    trigger_categories,
)
from claimgraph.extract.nlp import text_of

__all__ = ["apposed_part", "restated_category", "supply_share"]

# grammar words (closed classes): pronouns a part set after its count points back with, the
# punctuation that sets it off, and the verb tags of a clause of its own
_PART_POINTERS = frozenset({"them", "those", "these", "which", "whom"})
_SET_OFF = (",", "—", "–", "(", ";")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A part named after its whole, with words before the number saying so: "..., among them nine soldiers"
_LEADING_PART = re.compile(r"[,—–(;][^\S\n]*(?:among them|among whom|of whom|of them)[^\S\n]+$", re.IGNORECASE)
# what names where equipment comes from: a nationality or country, or a word of origin
_ORIGIN_ENTITIES = frozenset({"NORP", "GPE"})
_ORIGIN_WORDS = frozenset({"origin", "make", "made", "build", "built", "produce", "manufacture", "supply"})


def supply_share(doc: Doc, quantity: Quantity, lexicon: FigureLexicon) -> bool:
    """ "Belarusian supplies now account for as much as 40 percent of the ammunition ...": a share
    right after a share verb ("account for", "make up") whose subject is equipment or a supply,
    and that is a share of something other than people, units or losses."""
    whole = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if not quantity.percent or whole is None or not len(whole) or whole[0].i == 0:
        return False
    before = doc[whole[0].i - 1]
    verb = before if before.pos_ in CLAUSE_POS else before.head
    particle = "" if verb.i == before.i else before.lower_
    if verb.pos_ not in CLAUSE_POS or lexicon.share_verbs.get(verb.lemma_.lower()) != particle:
        return False
    subjects = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in [c, *c.conjuncts]]
    if not any("supplied" in trigger_categories([t], "equipment", lexicon)
               or class_of(t, lexicon) == "equipment" and _of_origin(t) for t in subjects):
        return False
    after = doc[whole[-1].i + 1: whole[-1].i + 8]
    if len(after) and after[0].lower_ == "of":
        for token in after[1:]:
            if token.pos_ in CLAUSE_POS or token.is_punct:
                break
            if token.pos_ == "NOUN":
                counted = token.head if token.dep_ == "compound" and token.head.i > token.i else token
                # "drones account for 70 percent of casualties": a share of losses by cause
                return not intrinsic_category(counted, lexicon) \
                    and class_of(counted, lexicon) in {None, "equipment"}
    return True


def _of_origin(noun: Token) -> bool:
    """ "Iranian rounds", "rounds of North Korean origin", "Iranian-made drones": the equipment
    is named by where it comes from (not "drones make up 70 percent of the weapons fired")."""
    return any(t.i != noun.i and (t.ent_type_ in _ORIGIN_ENTITIES or t.lemma_.lower() in _ORIGIN_WORDS)
               for t in noun.subtree)


def restated_category(span: Span, quantity: Quantity, lexicon: FigureLexicon) -> str | None:
    """The category of the count a share restates: the share's noun ("percent", "half") is an
    "or" conjunct or an apposition of a noun that names a category, or sits in a phrase hanging
    off one; the share is of people or units (a contingent) or of nothing named."""
    if not quantity.percent:  # percentages, fractions ("half") and ratios ("one in five")
        return None
    share = span[-1] if span[-1].pos_ == "NOUN" else span[-1].head
    if share.pos_ != "NOUN" or share.i < span[0].i - 1:
        return None
    owner = None
    if share.dep_ == "appos" or share.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ == "or" for c in share.head.children):
        owner = share.head
    elif share.dep_ == "pobj" and share.head.pos_ == "ADP" and share.head.head.pos_ == "NOUN":
        owner = share.head.head
    category = intrinsic_category(owner, lexicon) if owner is not None and owner.i < share.i else None
    if category is None:
        return None
    counted = of_object(share)
    if counted is not None and class_of(counted, lexicon) not in {None, "personnel", "units", "people"}:
        return None
    return category


# What a bare part set off after a count may say of its members' state: "six in critical
# condition", "three critically", "two seriously".
_STATE_AFTER = re.compile(r"(?:in (?:a )?(?:critical|serious|grave|stable|life-threatening) condition"
                          r"|(?:critically|seriously|gravely|severely|badly)\b)", re.IGNORECASE)


def _set_off(text: str, start: int) -> bool:
    """Whether the text before `start`, white space aside, ends with a mark that sets a part off."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.endswith(_SET_OFF, 0, end)


def apposed_part(doc: Doc, quantity: Quantity) -> bool:
    """ "downed 64 drones overnight, 17 of them heading for Haifa", "at least 42 deaths, 23 of them
    children", "32 injured people, among them nine soldiers": a part set off after the count it
    belongs to, with no verb of its own but a present participle (which describes the members), so
    it counts what that count counts."""
    span = doc.char_span(quantity.number_start, quantity.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    of = span[-1].i + 1
    text = text_of(doc)
    # (the words before the number stand on its line, or end the line before)
    if _LEADING_PART.search(text, max(0, text.rfind("\n", 0, quantity.start - 1)), quantity.start):
        after = of  # ("32 injured were brought in, among them nine soldiers")
    elif of < len(doc) and _STATE_AFTER.match(text, doc[of].idx) and _set_off(text, quantity.start):
        after = of  # ("15 wounded were brought in, six in critical condition", "..., three critically")
    elif of + 1 >= len(doc) or doc[of].lower_ != "of" or doc[of + 1].lower_ not in _PART_POINTERS \
            or not _set_off(text, quantity.start):
        return False
    else:
        after = of + 2
    for token in doc[after: span.sent.end]:
        if token.is_punct:
            break
        if token.pos_ == "AUX" or token.pos_ == "VERB" and token.tag_ in _FINITE_TAGS:
            return False  # "12 of which were shot down": a clause of its own decides
        if token.pos_ == "VERB" and token.tag_ == "VBN":
            return False  # "90 drones, 60 of them shot down": what befell the part decides
    return True
