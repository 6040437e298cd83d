"""Candidates an anaphoric source can point to, and how an unnamed source is described.

`Named` is one name said in the article (where, what kind, which role words came with it);
`is_news` tells an outlet from the bodies it quotes; `nearest` picks the last candidate of a
kind before a position; `describe` gives an unnamed source as written. Shared by `coref`
(resolution) and `groups` (sources named elsewhere in the article). Must not resolve anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.attributions.vocabulary import cues

__all__ = ["ARMED_ROLES", "CIVIL_ROLES", "MEDIA_ROLES", "NEWS_LABELS", "NEWS_WORDS", "SPEAKER_REACH", "Named", "carries_words",
           "describe", "distinguishing_words", "full_name", "is_news", "name_words", "nearest", "untitled"]

MEDIA_ROLES = {"publication", "newspaper", "paper", "outlet", "broadcaster", "channel", "daily", "weekly", "station",
               "radio", "magazine", "site", "website", "article"}
NEWS_LABELS = {"OUTLET", "WIRE"}
SPEAKER_REACH = 600  # characters back in which a speaker stays the likeliest "he" or "she"
NEWS_WORDS = {"news", "wire", "press", "state-run", "media"}  # "the news agency" is an outlet
ARMED_ROLES = frozenset({"military", "army", "navy", "command", "force", "forces", "guard"})
CIVIL_ROLES = frozenset({"ministry", "office", "department", "directorate", "agency", "service", "police",
                         "court", "tribunal", "commission", "chamber", "prosecutor", "prosecution"})


@dataclass
class Named:
    """A name an anaphor can point to: where it was said, what it is, and how it reads."""

    position: int
    name: str
    kind: str  # person, organisation, group
    role_words: frozenset[str] = frozenset()
    relay: bool = False  # an outlet that passed an account on ("told Reuters"), rarely "the agency"
    label: str | None = None  # the entity label (INTEL, WIRE, GOV, ...) when one is known
    described: bool = False  # a source with no name, only a description ("officials who ...")
    plural: bool = False  # described as many ("community leaders"): never "he" or "she"


def is_news(candidate: Named) -> bool:
    """An outlet: labelled one, named like one ("... Times"), a relay, or a speaker the text
    introduced with a media noun ("broadcaster MBC", "the Beirut daily")."""
    if candidate.label not in NEWS_LABELS and set(candidate.name.casefold().split()) & _BODY_NAMES:
        return False  # "a new count by the Ministry of Public Health" was cited, not published
    # ("the news agency News1": introduced with a news word)
    return candidate.label in NEWS_LABELS or any(
        w.lower() in cues().outlet_words for w in candidate.name.split()) or candidate.relay \
        or candidate.kind != "person" and bool(candidate.role_words & (MEDIA_ROLES | NEWS_WORDS))


def media_role(tokens: SpacySpan) -> bool:
    """Whether a role phrase names a news outlet: "the newspaper", "the news agency" (not "the
    agency" or "spy agency", which a story far more often uses for a state body)."""
    head = tokens.root
    modifiers = {t.lower_ for t in tokens if t.i < head.i}
    return head.lemma_.lower() in MEDIA_ROLES or bool(modifiers & NEWS_WORDS)


# words that name a state body, never a news outlet ("agency" and "service" name both)
_BODY_NAMES = (CIVIL_ROLES | ARMED_ROLES) - {"agency", "service"}


def nearest(candidates: list[Named], position: int, kinds: tuple[str, ...], skip: set[str]) -> str | None:
    for candidate in reversed(candidates):
        if candidate.position < position and candidate.kind in kinds and candidate.name not in skip:
            return candidate.name
    return None


# grammar words: who a relative clause names when it tells how the reporter reached the source
_WITHHOLDING = frozenset({"name", "identify"})  # a clause on whether the source is named says nothing of who
_REPORTERS = frozenset({"we", "i", "you"})


_PLAIN_MODIFIERS = frozenset({"same", "local", "country", "state", "national", "federal", "central", "official",
                              "main", "top", "senior", "its", "their", "his", "her", "own", "other", "new",
                              # what kind of armed group, not which: "the paramilitary group" after "the RSF"
                              "paramilitary", "militant", "jihadist", "rebel", "armed", "insurgent",
                              "extremist", "separatist", "islamist"})


def distinguishing_words(tokens: SpacySpan, roles: dict[str, str], head: Token | None = None) -> frozenset[str]:
    """The content words of a role phrase besides its head: its compound nouns and adjectives
    ("civil defence" in "the civil defence agency") and the words of a place it is said to be in
    ("in the Hamas-run territory"); not nationalities, determiners or plain words like "local"."""
    head = head if head is not None else tokens.root
    words = {t.lower_ for t in tokens if t.i < head.i and t.dep_ in ("compound", "amod")
             and t.pos_ in ("NOUN", "ADJ", "PROPN") and t.ent_type_ not in ("NORP", "GPE")
             and f"{t.lower_} {head.lower_}" not in roles}  # "think tank" is one role noun
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < tokens.end:
            words |= {t.lower_ for t in prep.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ")
                      and t.ent_type_ not in ("NORP",) and t.i < tokens.end}
    parts = {p for w in words for p in w.replace("-", " ").split()}
    return frozenset(parts - _PLAIN_MODIFIERS)


@lru_cache(maxsize=4096)
def name_words(name: str) -> frozenset[str]:
    """The words of a name, casefolded, the parts of hyphenated ones too ("Seong-kweun")."""
    return frozenset(w.casefold() for w in name.replace("-", " - ").split())


def carries_words(candidate: Named, words: frozenset[str]) -> bool:
    """Whether a candidate's name or role words hold every word that sets a role phrase apart
    (`distinguishing_words`), or for a field's word ("medical") a word the field is said with
    ("Doctors"): "the civil defence agency" is no UN force named before it."""
    if candidate.label == "INTEL":  # "the spy agency" may be the National Intelligence Service
        words = words - cues().intelligence_words
    held = candidate.role_words | name_words(candidate.name)
    fields = cues().field_words  # "the medical group" is carried by "Doctors" in a name
    return all(w in held or bool(fields.get(w, frozenset()) & held) for w in words)


def describe(tokens: SpacySpan) -> str:
    """An unnamed source described as written, without a leading article."""
    # not the article nor a count ("three residents told us": residents)
    words = [t for t in tokens if not (t.i == tokens.start and t.dep_ == "det")]
    while len(words) > 1 and (words[0].dep_ == "nummod" and words[0].head == tokens.root
                              or words[0].lower_ in ("several", "some", "many", "two", "three")
                              and words[0].head == tokens.root):
        words = words[1:]
    # a clause or aside set off by a comma says more about the source, not who it is ("a
    # spokeswoman in the district, who asked not to be named", "a doctor at the hospital in
    # Woldia, about 100 kilometres away")
    # so does a participle after the noun ("a youth leader interviewed by the radio") and a
    # clause telling how the reporter reached the source ("a local official we reached by phone");
    # the description ends where the first such clause begins
    aside = min((t.left_edge.i for t in words if t.i > t.head.i and t.left_edge.i > tokens.start and (
        tokens.doc[t.left_edge.i - 1].text == "," and (t.dep_ in ("relcl", "acl", "advmod", "npadvmod")
                                                       or t.dep_ == "appos" and t.pos_ != "PROPN")
        or t.dep_ == "acl" and t.tag_ in ("VBN", "VBG", "VBD")
        or t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _REPORTERS for c in t.children)
        # "a commander whom it did not name", "an official who asked not to be identified"
        or t.dep_ == "relcl" and any(w.lemma_.lower() in _WITHHOLDING for w in t.subtree))),
        default=None)
    if aside is not None:
        cut = aside - 1 if tokens.doc[aside - 1].text == "," else aside
        words = [t for t in words if t.i < cut]
    if not words:
        return tokens.text
    return tokens.doc[words[0].i:words[-1].i + 1].text


def full_name(name: str, persons: list[Named], position: int) -> str:
    """A one-word name ("Lee", "Budanov") as the fuller name of a person the text names
    ("Lee Seong-kweun", "Kyrylo Budanov"): the nearest one before, else the first after. A
    family name of two words ("Abu Shamala") is the fuller name that ends with it ("Mahmoud Abu
    Shamala")."""
    words = name.casefold().split()
    if len(words) == 1:
        word = words[0]
        fuller = [c for c in persons if word in name_words(c.name) and c.name.casefold() != word
                  and _capitalised(c.name)]
    elif len(words) == 2 and _capitalised(name):
        fuller = [c for c in persons if len(c.name.split()) > 2 and _capitalised(c.name)
                  and c.name.casefold().split()[-2:] == words]
    else:
        return name
    if not fuller:
        return name
    before = [c for c in fuller if c.position <= position]
    return (before[-1] if before else min(fuller, key=lambda c: c.position)).name


def untitled(name: str) -> str:
    """A person's name less the titles in front of it that the recogniser took in: "Chief
    Superintendent Gillian Hadden" is Gillian Hadden. The last word always stays."""
    words = name.split()
    first = next((i for i, w in enumerate(words[:-1]) if w.strip(".,").lower() not in cues().titles), len(words) - 1)
    return " ".join(words[first:])


@lru_cache(maxsize=4096)
def _capitalised(name: str) -> bool:
    return all(w[:1].isupper() for w in name.split())
