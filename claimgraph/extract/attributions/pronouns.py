"""Pronoun sources: who "he", "she", "it" and "they" are, from the sentences around them.

`previous_subject` finds the person who was the subject of one of the last sentences ("Lee
attributed the gap to X. He said ..."), `subject_before_in_sentence` the body that is the subject
of an earlier clause of the pronoun's own sentence, and `organisation_pronoun` the body "it",
"its" or "they" most likely stands for. Used by `coref` and its role and document resolution;
must not find attributions nor change source spans.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.attributions.candidates import (
    SPEAKER_REACH,
    Named,
    name_words,
    nearest,
)
from claimgraph.extract.attributions.drafts import phrase_before_preposition
from claimgraph.extract.nlp import text_of

__all__ = ["clause_agent", "organisation_pronoun", "previous_subject", "subject_before_in_sentence"]


def subject_before_in_sentence(pronoun: Token, candidates: list[Named]) -> str | None:
    """ "The Health Ministry has updated its toll: 21 killed, it said": a body that is the subject
    of a clause earlier in the pronoun's own sentence, before any source further back."""
    # subjects of clauses that are not a report introduced by "that" ("The military estimated that
    # 15,000 soldiers had been deployed, and it put ...": the military, not the soldiers)
    subjects = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass")
                and t.pos_ in ("NOUN", "PROPN") and not any(m.dep_ == "mark" for m in t.head.children)]
    for subject in reversed(subjects):
        start, end = subject.left_edge.idx, subject.idx + len(subject.text)
        # (the body must be the subject, not name what the subject is: "Navy gunboats had sunk six
        # boats, it said" is not the navy speaking)
        inside = [c for c in candidates if start <= c.position < end and c.kind == "organisation"
                  and not c.relay and (subject.pos_ == "PROPN" or name_words(c.name) & {subject.lower_})]
        if inside:  # the whole name, not a name inside it ("UN" in "the UN human rights office")
            return max(inside, key=lambda c: len(c.name)).name
    return None


def organisation_pronoun(position: int, candidates: list[Named]) -> str | None:
    """"they", "it", "its": an organisation or group that was itself a source; failing that, an
    organisation named in the last few sentences (a place or nationality alone never is)."""
    sources = [c for c in candidates if c.role_words and not c.relay]
    found = nearest(sources, position, ("organisation", "group"), set())
    if found:
        return found
    recent = [c for c in candidates if not c.relay and position - c.position < SPEAKER_REACH]
    return nearest(recent, position, ("organisation",), set())


def previous_subject(pronoun: Token, candidates: list[Named]) -> str | None:
    """"Lee attributed the gap to X. He said ...": the person who is the subject of one of the
    last sentences before the pronoun's (nearest first, pronoun subjects skipped)."""
    doc = pronoun.doc
    sentence = pronoun.sent
    persons = [c for c in candidates if c.kind == "person"]
    for _ in range(3):
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        if "\n\n" in text_of(doc)[sentence.end_char:pronoun.idx].strip(" ") and _ > 0:
            return None
        subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        words = {t.text for t in subject.subtree if t.pos_ == "PROPN"}
        if not words:
            # a described subject ends the search: "The district commissioner called me. He says
            # ...": the commissioner, when he was a source
            described = [c for c in persons if c.described and c.position == subject.left_edge.idx]
            return described[-1].name if described else None
        named = [c for c in persons if c.position <= subject.idx and words & set(c.name.split())]
        if named:
            return named[-1].name
        if subject.ent_type_ == "PERSON":
            return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        return None
    return None


def clause_agent(pronoun: Token, candidates: list[Named]) -> str | None:
    """ "the 6,500 given by the UN monitoring team in its report": a possessive "its" or "their" in a
    clause whose agent ("by X") names an organisation is that organisation's."""
    if pronoun.dep_ != "poss":
        return None
    agent = next((c for a in pronoun.ancestors if a.pos_ == "VERB" for c in a.children
                  if c.dep_ == "agent" and c.i < pronoun.i), None)
    named = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if named is None:
        return None
    # the agent's noun phrase up to the preposition that holds the pronoun ("the UN sanctions
    # monitoring team", which the parse may split at "monitoring")
    phrase = phrase_before_preposition(named, pronoun.i)
    inside = [c for c in candidates if phrase.start_char <= c.position < phrase.end_char
              and c.kind in ("organisation", "group")]
    if not inside:
        return None
    widest = max(inside, key=lambda c: len(c.name))
    written = " ".join(t.text for t in phrase if not (t.i == phrase.start and t.dep_ == "det"))
    return widest.name if len(widest.name) >= len(written) else written
