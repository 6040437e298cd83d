"""Answers in question-and-answer transcripts: a number that counts what the question asked.

Briefing transcripts and interviews give a figure as a bare answer ("Q: How many
fighters does the group have in the area? A: Our estimate is roughly 11,000."): the
answer's own clause names nothing counted, the question does. `asked_reading`
finds the nearest question before the figure ("how many ...?", "how much ...?")
and reads what its "many" counts in the question's clause (`categories.read_counted`).
It is used only when the answer's own parse decides nothing, and must not decide
spans, values, sources or hedges.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.figures.categories import Reading, number_span, read_counted
from claimgraph.extract.figures.lexicon import FigureLexicon
from claimgraph.extract.figures.numbers import Quantity
from claimgraph.extract.nlp import text_of

__all__ = ["asked_reading"]

# How far back a question may stand before its answer, in sentences ("A: Well. I'd say 40.")
_REACH = 3
# grammar words of an English quantity question (a closed class, not vocabulary)
_ASKING = frozenset({"many", "much"})


def _question(doc: Doc, sentence: Span) -> Span | None:
    """The nearest question in the `_REACH` sentences before `sentence`, if one ends with "?"."""
    text = text_of(doc)  # `Span.text` joins the tokens again on every call
    earlier = sentence
    for _ in range(_REACH):  # back one sentence at a time, not through all of `doc.sents`
        if earlier.start == 0:
            return None
        earlier = doc[earlier.start - 1].sent
        if text[earlier.start_char:earlier.end_char].rstrip().endswith("?"):
            return earlier
    return None


def _counted(question: Span, lexicon: FigureLexicon) -> Token | None:
    """The word "how many" asks about: its noun ("how many fighters"), else "many" itself
    ("how many were killed"); or what a number noun in the question counts ("Do you have a
    number on the militants killed?", "What is the casualty figure?")."""
    for token in question:
        if token.lower_ in _ASKING and token.i > question.start and doc_word(token, -1) == "how":
            head = token.head
            if token.dep_ in {"amod", "nummod", "advmod"} and head.pos_ in {"NOUN", "PROPN"}:
                return head
            return token
    for noun in question:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.number_nouns:
            continue
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "on", "for"}:
                counted = next((c for c in child.children if c.dep_ == "pobj"), None)
                if counted is not None:
                    return counted
            if child.dep_ in {"compound", "amod"} and lexicon.intrinsic.get(child.lemma_.lower()):
                return child  # "the casualty figure", "the death toll"
    return None


def doc_word(token: Token, offset: int) -> str:
    neighbour = token.i + offset
    return token.doc[neighbour].lower_ if 0 <= neighbour < len(token.doc) else ""


def asked_reading(doc: Doc, quantity: Quantity, reading: Reading, lexicon: FigureLexicon) -> bool:
    """Complete `reading` (category, noun class, subject) from the question the figure
    answers; False when there is none or it asks about nothing the guide counts."""
    span = number_span(doc, quantity)
    if span is None or not len(span):
        return False
    question = _question(doc, span[0].sent)
    counted = _counted(question, lexicon) if question is not None else None
    if counted is None:
        return False
    category, noun_class = read_counted(counted, lexicon)
    own_noun = reading.head is not None and not (reading.pronoun or reading.number_noun)
    if category is None or own_noun and (reading.noun_class is None or reading.noun_class != noun_class
                                         and noun_class is not None):
        return False  # "About a dozen, from eight nations": the nations are not the ships asked about
    reading.category, reading.decided_by = category, "question"
    reading.noun_class = reading.noun_class or noun_class
    if counted.pos_ in {"NOUN", "PROPN"}:
        reading.subject = reading.subject or " ".join(
            t.text for t in doc[counted.left_edge.i: counted.i + 1] if t.lower_ not in {"how", "many", "much"})
    return True
