"""Where a figure holds: the place of the event it counts, read from its sentence.

`place` looks at the place names of a figure's sentence (the entities
extractor's GPE and LOC mentions, spaCy's place entities, and proper nouns after
a locative preposition that the tagger missed: "near Vovchansk") and keeps only
those in a role that can be the figure's place. The place of the event comes
first ("killed in the Kursk region", "fighting near Kupiansk"), then where
something was sent ("3,000 troops to Russia"), then any other place name. A
name is never the place when it is an origin ("shells from Pyongyang"), an owner
("North Korea's losses"), an actor ("Seoul said", "cost North Korea 100
soldiers"), where a statement was made ("told lawmakers in Seoul"), a
nationality ("Ukrainian sources", "North Koreans"), or the home country of what
is counted ("North Korean soldiers" -> not "North Korea") unless the text puts
the event there ("killed in North Korea"). Words come from
`model/vocab/places.yaml` and the nationalities of `entities.yaml`. This module
must not decide whether a number is a figure, nor its category or source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.errors import ConfigError
from claimgraph.extract.figures.lexicon import _optional, _words
from claimgraph.extract.nlp import text_of
from claimgraph.model.vocab import load_vocab

__all__ = ["NamedSpan", "PlaceWords", "load_place_words", "place", "subject_countries"]

# spaCy's place labels, and the entities extractor's (it files FAC under LOC)
_SPACY_PLACES = frozenset({"GPE", "LOC", "FAC"})
_MENTION_PLACES = frozenset({"GPE", "LOC"})
# entity types a proper noun after "in" cannot be a place with
_NOT_PLACES = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY",
                         "MONEY", "PERCENT", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})
# grammar, not vocabulary: a name in these roles does something or is addressed
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "dative", "agent", "ROOT", "expl", "vocative"})
_NAME_LINKS = frozenset({"compound", "amod", "nmod"})
_TIERS = {"locative": 0, "destination": 1, "other": 2}
VOCAB = "places"


@dataclass(frozen=True)
class NamedSpan:
    """A labelled stretch of text another extractor found (an entity mention)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class PlaceWords:
    locative: frozenset[str]
    destination: frozenset[str]
    non_place: frozenset[str]
    name_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    destination_for_verbs: frozenset[str]
    demonym_endings: tuple[str, ...]
    receiving_verbs: frozenset[str]
    countries: dict[str, str]  # country, alias or nationality adjective (lower case) -> country
    adjectives: frozenset[str]  # nationality adjectives, lower case
    party_prepositions: frozenset[str] = frozenset()  # "war against Ukraine": a party, not a place
    party_heads: frozenset[str] = frozenset()

    def is_place_noun(self, token: Token) -> bool:
        return token.lower_ in self.place_nouns or token.lemma_.lower() in self.place_nouns


def _nationalities(entries: Any) -> tuple[dict[str, str], frozenset[str]]:
    countries: dict[str, str] = {}
    adjectives: set[str] = set()
    for entry in entries or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("country"), str):
            raise ConfigError(f"nationality entry {entry!r} needs a country", subject="vocabulary entities.yaml",
                              fix="give every `nationalities` entry a `country`")
        country = entry["country"]
        for name in [country, *(entry.get("aliases") or []), *(entry.get("adjectives") or [])]:
            countries[str(name).lower()] = country
        adjectives |= {str(a).lower() for a in entry.get("adjectives") or []}
    return countries, frozenset(adjectives)


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    """The place vocabulary, loaded and checked once per process."""
    data = load_vocab(VOCAB)
    countries, adjectives = _nationalities(load_vocab("entities").get("nationalities"))
    return PlaceWords(
        locative=_words(data, "locative_prepositions", VOCAB),
        destination=_words(data, "destination_prepositions", VOCAB),
        non_place=_words(data, "non_place_prepositions", VOCAB),
        name_prepositions=_words(data, "name_prepositions", VOCAB),
        place_nouns=_words(data, "place_nouns", VOCAB),
        destination_for_verbs=_words(data, "destination_for_verbs", VOCAB),
        demonym_endings=tuple(sorted(_words(data, "demonym_endings", VOCAB))),
        receiving_verbs=_words(data, "receiving_verbs", VOCAB),
        countries=countries, adjectives=adjectives,
        party_prepositions=_optional(data, "party_prepositions", VOCAB),
        party_heads=_optional(data, "party_heads", VOCAB),
    )


def subject_countries(texts: Iterable[str | None], words: PlaceWords | None = None) -> frozenset[str]:
    """The countries whose nationality the counted thing carries ("North Korean soldiers",
    "North Koreans" -> North Korea)."""
    words = words or load_place_words()
    found = set()
    for text in texts:
        if not text:
            continue
        for adjective, pattern in _adjective_patterns(words.adjectives):
            if pattern.search(text):
                found.add(words.countries[adjective])
    return frozenset(found)


@lru_cache(maxsize=8)
def _adjective_patterns(adjectives: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each nationality adjective with its pattern (also in the plural), compiled once."""
    return tuple((adjective, re.compile(rf"(?<![\w-]){re.escape(adjective)}s?(?![\w-])", re.IGNORECASE))
                 for adjective in adjectives)


def _root(span: Span) -> Token:
    """The token of `span` whose head lies outside it."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[-1]


def _names(doc: Doc, sentence: Span, mentions: list[NamedSpan], words: PlaceWords) -> tuple[list[Span], list[Span]]:
    """The place names of `sentence`, and the nationality words in it (never places)."""
    places: list[Span] = []
    groups: list[Span] = []
    low, high = sentence.start_char, sentence.end_char

    def add(span: Span | None, into: list[Span]) -> None:
        if span is None or not len(span):
            return
        if not any(span.start < s.end and s.start < span.end for s in places + groups):
            into.append(span)

    for mention in mentions:
        if low <= mention.start < high and mention.label == "NORP":
            add(doc.char_span(mention.start, mention.end, alignment_mode="expand"), groups)
    entities = doc.ents  # spaCy builds the tuple anew on every access
    for entity in entities:
        if sentence.start <= entity.start < sentence.end and entity.label_ == "NORP":
            add(entity, groups)
    for mention in mentions:
        if low <= mention.start < high and mention.label in _MENTION_PLACES:
            add(doc.char_span(mention.start, mention.end, alignment_mode="expand"), places)
    for entity in entities:
        if sentence.start <= entity.start < sentence.end and entity.label_ in _SPACY_PLACES:
            add(entity, places)
    # "near Vovchansk", "in the Sudzha district": proper nouns the tagger did not mark
    for token in sentence:
        if token.dep_ != "prep" or token.lower_ not in words.name_prepositions:
            continue
        for pobj in (c for c in token.children if c.dep_ == "pobj"):
            heads = [pobj] if pobj.pos_ == "PROPN" else [
                c for c in pobj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
            ] if words.is_place_noun(pobj) else []
            for head in heads:
                if head.ent_type_ in _NOT_PLACES:
                    continue
                first = head
                while first.i > sentence.start and doc[first.i - 1].pos_ == "PROPN" \
                        and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == head.i:
                    first = doc[first.i - 1]
                add(doc[first.i: head.i + 1], places)
    return places, groups


def _nationality(span: Span, words: PlaceWords) -> bool:
    """ "Ukrainian" (sources), "North Koreans": a people, even when tagged as a place."""
    text = span.text.lower().removesuffix("'s").removesuffix("’s")
    if text in words.adjectives or text.endswith("s") and text[:-1] in words.adjectives:
        return True
    root = _root(span)
    # an adjective the tagger called a place: "Ukrainian" (sources), but not "Kursk" (region)
    return root.tag_ == "JJ" and text not in words.countries and text.endswith(words.demonym_endings)


def _role(root: Token, words: PlaceWords, names: set[int], cues: set[int]) -> str:
    """What the name at `root` is in its clause: locative, destination, other, or a role that
    is never the figure's place (origin, owner, actor, qualifier, or statement: a phrase of an
    attribution cue, `cues`, outside what it attributes)."""
    token = root
    for _ in range(8):
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ in _NAME_LINKS and words.is_place_noun(head) \
                or token.dep_ in {"appos", "conj"}:
            token = head  # "the Kursk region", "Sudzha, Kursk region", "in Kursk and Belgorod"
            continue
        possessive = token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)
        of_object = token.dep_ == "pobj" and head.lower_ == "of"
        if possessive or of_object:
            owner = head if possessive else head.head
            if not words.is_place_noun(owner):
                return "owner" if possessive else "other"
            if any(c.i in names and c.i != token.i for c in owner.children if c.dep_ in _NAME_LINKS):
                return "qualifier"  # "Russia's Kursk region", "the Kursk region of Russia"
            token = owner  # "the village of Marino", "Russia's border areas"
            continue
        break
    if token.dep_ == "pobj":
        preposition = token.head
        if preposition.head.i in cues:
            return "statement"  # "told lawmakers in Seoul": where it was said
        word = preposition.lower_
        if word in words.party_prepositions and preposition.head.lemma_.lower() in words.party_heads:
            return "party"  # "Russia's war against Ukraine": a side, not where
        if word in words.locative:
            return "locative"
        if word in words.destination or word == "for" \
                and preposition.head.lemma_.lower() in words.destination_for_verbs:
            return "destination"
        return "origin" if word in words.non_place else "other"
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in words.receiving_verbs:
        return "destination"  # "Russia has received 30,000 troops"
    if token.dep_ in _ACTOR_DEPS:
        return "actor"
    return "other"


def _display(doc: Doc, span: Span, words: PlaceWords) -> str:
    """The name as shown, with a place noun that directly follows it ("Kursk region")."""
    text = text_of(doc)
    end = span.end_char
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lower_ == "border" and following.i + 1 < len(doc) \
            and words.is_place_noun(doc[following.i + 1]):
        following = doc[following.i + 1]  # "the Kursk border region"
    if following is not None and words.is_place_noun(following) and following.i - span.end <= 1 \
            and following.pos_ == "NOUN":
        end = following.idx + len(following.text)
    name = text[span.start_char:end]
    name = re.sub(r"(?:'s|’s)$", "", name)
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def place(doc: Doc, start: int, end: int, *, avoid: list[tuple[int, int]] | None = None,
          cues: list[tuple[tuple[int, int], list[tuple[int, int]]]] | None = None, mentions: list[NamedSpan] | None = None,
          home: frozenset[str] = frozenset(), words: PlaceWords | None = None) -> str | None:
    """The place of the figure at [start, end), from its sentence, or None.

    `avoid` are source spans ("Seoul said"); `cues` are attribution cues, each with the spans
    of what it attributes: a place attached to a cue and outside those spans is where the
    statement was made ("In Seoul, the agency gave lawmakers a toll of 300"). `mentions` are
    the entities extractor's mentions and `home` the countries of what the figure counts
    (see `subject_countries`)."""
    words = words or load_place_words()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span[0].sent
    places, _ = _names(doc, sentence, mentions or [], words)
    name_tokens = {t.i for p in places for t in p}
    cue_contents: dict[int, list[tuple[int, int]]] = {}
    for (cue_start, cue_end), contents in cues or []:
        cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
        for token in cue if cue is not None else []:
            cue_contents.setdefault(token.i, []).extend(contents)
    best: tuple[int, int, str] | None = None
    for candidate in places:
        if any(a <= candidate.start_char < b for a, b in avoid or []):
            continue  # the source ("Seoul said"), not the place
        if _nationality(candidate, words):
            continue
        within = {i for i, contents in cue_contents.items()
                  if any(a <= candidate.start_char < b for a, b in contents)}
        role = _role(_root(candidate), words, name_tokens, set(cue_contents) - within)
        if role not in _TIERS or role == "other" and any(c.isdigit() for c in candidate.text):
            continue  # "M23 rebels", "G5 Sahel": a group's name with a number is not a place
        country = words.countries.get(candidate.text.lower().removeprefix("the "))
        if country in home and role != "locative":
            continue  # "North Korean soldiers ... North Korea": their country, not the place
        distance = candidate.start_char - end if candidate.start_char >= end else 2 * (start - candidate.end_char)
        key = (_TIERS[role], distance, _display(doc, candidate, words))
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best is not None else None
