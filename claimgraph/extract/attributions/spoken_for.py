"""The body a subject pronoun or an unnamed spokesperson stands for.

"The health ministry in Sanaa tells another story. It says ...": "it" is the body that was the
subject of the sentence before. "A KNU spokesman said", "a spokeswoman for the agency": the
body the spokesperson speaks for is the source (the conflict-figures convention for unnamed
spokespeople). Called by `coref.resolve_sources` with its `Scene`; must not find attributions
nor change source spans.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.attributions.candidates import (
    ARMED_ROLES,
    Named,
    carries_words,
    describe,
    distinguishing_words,
)
from claimgraph.extract.attributions.names import abbreviation_apposed, clean
from claimgraph.extract.attributions.roles import insurgent_name
from claimgraph.extract.nlp import colon_between, text_of

if TYPE_CHECKING:
    from claimgraph.extract.attributions.coref import Scene

__all__ = ["previous_body", "spokesperson_body", "unnamed_spokesperson"]


def previous_body(pronoun: Token, scene: Scene, roles: dict[str, str]) -> str | None:
    """ "The health ministry in Sanaa tells another story. It says ...": a subject "it" or "they"
    stands for the body that was the subject of the sentence just before, in the same paragraph,
    whether that body spoke or was only named or described there. The body becomes a candidate
    for "the ministry" further on."""
    doc = pronoun.doc
    sentence = pronoun.sent
    if pronoun.dep_ != "nsubj" or pronoun.head != sentence.root or sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    if "\n" in text_of(doc)[before.end_char:pronoun.idx]:
        return None
    subjects = [c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[0] if subjects else None
    if len(subjects) > 1 and colon_between(subjects[0], subjects[-1]):
        subject = subjects[-1]  # "Translator's note 1: ..., the armed wing ... claimed": a label first
    if subject is None or subject.pos_ == "PRON" or subject.tag_ in ("NNS", "NNPS") and pronoun.lower_ == "it":
        return None
    # the noun and what stands before it, not its clauses or prepositional phrases; an apposed
    # name when there is one ("the al-Qaeda-linked group Jama'at Nusrat al-Islam (JNIM)")
    apposed = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None) \
        or abbreviation_apposed(subject)  # ("The prison service, SNAI,")
    phrase = doc[apposed.left_edge.i:apposed.i + 1] if apposed is not None \
        else doc[subject.left_edge.i:subject.i + 1]
    if phrase.end < len(doc) and doc[phrase.end].text == ")":
        phrase = doc[phrase.start:phrase.end + 1]  # "... wal-Muslimin (JNIM)": `clean` drops the bracket
    body = roles.get(subject.lemma_.lower()) == "organisation" and subject.text.islower()  # not a name
    if apposed is not None and body:  # the name of a body is no person's, whatever the tagger says
        return clean(phrase.text)
    # "the Houthi-run health ministry" is described, not named, though a name stands in it
    named = scene.named(phrase) if not body else None
    if named is not None:
        return named[0] if named[1] in ("organisation", "group") else None
    if not body:
        return None
    if all(t.dep_ == "det" for t in phrase if t.i != subject.i):
        # "the group said ... It had put the toll at 14": a bare role, the body it stands for
        return _body_before(subject, subject.i, scene, roles)
    name = describe(phrase)
    bisect.insort(scene.candidates, Named(subject.idx, name, "organisation",
                                          frozenset(t.lemma_.lower() for t in phrase if t.pos_ in ("NOUN", "PROPN")),
                                          False, None, described=True), key=lambda c: c.position)
    return name


SPOKESPERSON_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# adjectives the tagger gives for an armed body's noun before "spokesman"
ARMED_WORDS = frozenset({"military", "army", "naval", "police"})


# people who speak for a research or monitoring body's findings: "the lab's analysts"
STAFF_WORDS = frozenset({"analyst", "analysts", "researcher", "researchers", "investigator", "investigators",
                         "monitor", "monitors"})


def unnamed_spokesperson(tokens: SpacySpan, roles: dict[str, str]) -> bool:
    """ "A KNU spokesman", "a spokeswoman for the office": a spokesperson with an indefinite
    article and no name of their own ("a spokesman, Col. Aye," is named); also a body's staff
    named by its possessive ("the lab's analysts")."""
    if not len(tokens):
        return False
    head = tokens.root
    if head.lemma_.lower() in STAFF_WORDS or head.lower_ in STAFF_WORDS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        return owner is not None and bool(_spoken_for(head, roles))
    if head.lemma_.lower() not in SPOKESPERSON_WORDS and head.lower_ not in SPOKESPERSON_WORDS:
        return False
    article = next((c for c in head.children if c.dep_ == "det"), None)
    bodies = _spoken_for(head, roles)
    # ("a spokesman for the group, Abu Hudhaifa,": the parse may hang his name on the body; a
    # person apposed to a body is the spokesman's name)
    named_on_body = any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for b in bodies
                        if b.i > head.i for a in b.children)
    return article is not None and article.lower_ in ("a", "an") and bool(bodies) and not any(
        c.dep_ == "appos" or c.ent_type_ == "PERSON" and c.dep_ in ("compound", "nmod") for c in head.children) \
        and not named_on_body


def _spoken_for(head: Token, roles: dict[str, str]) -> list[Token]:
    """The words naming whom a spokesperson speaks for: a name or a body's role noun, "KNU" in
    "a KNU spokesman", "office" in "a spokeswoman for the office" (not "resistance")."""
    bodies = [c for c in head.children if c.i < head.i and (c.dep_ in ("compound", "nmod", "poss") or (
        c.dep_ == "amod" and c.lower_ in ARMED_WORDS))]  # "an Israeli military spokesman"
    bodies += [p for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")
               for p in c.children if p.dep_ == "pobj"]
    return [b for b in bodies if b.pos_ == "PROPN" and not b.text.islower()
            or roles.get(b.lemma_.lower()) == "organisation"]


def spokesperson_body(tokens: SpacySpan | None, scene: Scene, roles: dict[str, str]) -> str | None:
    """ "A KNU spokesman said", "a spokeswoman for the agency", "a mission spokesman": an
    unnamed spokesperson speaks for the body, and the body is the source, named as the text
    named it (an abbreviation, or the body a role noun points back at). A named spokesperson
    ("Col. Aye, a spokesman for ...") and "the spokesman" (someone the text may have named
    before) are left to the other rules."""
    if tokens is None or not unnamed_spokesperson(tokens, roles):
        return None
    staff = tokens.root.lemma_.lower() in STAFF_WORDS or tokens.root.lower_ in STAFF_WORDS
    for body in _spoken_for(tokens.root, roles):
        if body.pos_ == "PROPN" and not body.text.islower():
            words = scene.doc[body.left_edge.i:body.i + 1]
            found = scene.named(words)
            if staff:  # "Kenya's researchers" are not Kenya
                return found[0] if found is not None and found[1] == "organisation" else None
            return found[0] if found is not None and found[1] != "person" else clean(describe(words))
        if roles.get(body.lemma_.lower()) == "organisation":
            return _body_before(body, tokens.start, scene, roles)
    return None


def _body_before(role: Token, before: int, scene: Scene, roles: dict[str, str]) -> str | None:
    """The body a role noun ("the agency", "mission") stands for: the last source or name said
    with that role word before token `before`, else the last description of a body by that noun
    ("the Kenyan-led support mission"), else the role's own phrase when it says more than the
    noun ("the rebel alliance")."""
    word = role.lemma_.lower()
    start = scene.doc[before].idx
    # ("an interior ministry spokesman" is not the health ministry's)
    first = min(role.left_edge.i, before) if before < role.i else role.left_edge.i
    marks = distinguishing_words(scene.doc[first:role.i + 1], roles, head=role)
    # ("army intelligence officers" do not speak for the National Liberation Army)
    earlier = [c for c in scene.candidates if c.position < start and c.kind != "person" and word in c.role_words
               and carries_words(c, marks) and not (word in ARMED_ROLES and insurgent_name(c.name))]
    if earlier:
        return earlier[-1].name
    for token in reversed(scene.doc[:before]):
        if token.lemma_.lower() == word and token.dep_ not in ("compound", "nmod") and token.i != role.i:
            if token.dep_ == "appos":  # "the Lashio Rescue Team, a volunteer group": the name
                named = scene.named(scene.doc[token.head.left_edge.i:token.head.i + 1])
                if named is not None and named[1] != "person":
                    return named[0]
            phrase = scene.doc[token.left_edge.i:token.i + 1]
            if any(t.dep_ != "det" for t in phrase if t.i != token.i) \
                    and marks <= {t.lower_ for t in phrase}:
                return clean(describe(phrase))
    phrase = scene.doc[role.left_edge.i:role.i + 1]
    if role.dep_ == "pobj" and any(t.dep_ != "det" for t in phrase if t.i != role.i):
        return clean(describe(phrase))
    return None
