"""Sources named by their kind that the article names elsewhere: "the US military" as the one
military body the article quotes ("US Central Command"), "prosecutors" as "the Prosecutor
General's Office", and "a lawmaker who attended the briefing" as the one lawmaker the article
names after it ("Rep. Park Sun-won", "Lee, the lawmaker, ...").

An article often calls a body by its kind and country in one sentence and by its proper name
in the next; the source book cannot merge the two in general (not every "US military" is
Central Command), but inside one article that quotes exactly one body of that kind, the
generic mention is that body. The link is made only when it is safe: the generic source
names no body of its own (proper nouns only for a country), exactly one named body of the
same kind spoke in the article, and its name carries no other country. Works on resolved
source names and the parse; it must not find attributions or change source spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.entities.lexicon import is_country
from claimgraph.model.vocab import load_vocab

__all__ = ["named_later", "names_country", "specific_bodies"]

_COUNTRY_LABELS = ("GPE", "NORP")


@lru_cache(maxsize=1)
def _generic_heads() -> dict[str, frozenset[str]]:
    table = load_vocab("cues").get("generic_bodies") or {}
    return {head.lower(): frozenset(w.lower() for w in words) for head, words in table.items()}


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", name.casefold().replace(".", "")))


def _same_country(left: str, right: str) -> bool:
    """ "US" and "US", "Israeli" and "Israel", "Ukrainian" and "Ukraine": one stem."""
    if left == right:
        return True
    shorter, longer = sorted((left, right), key=len)
    stem = shorter[:-1] if shorter.endswith("e") and len(shorter) > 4 else shorter
    return len(stem) >= 4 and longer.startswith(stem)


def names_country(country: str, name: str) -> bool:
    """Whether `name` holds the country word `country` ("Indonesian" in "Indonesian Army")."""
    return any(_same_country(c, w) for c in _words(country) for w in _words(name))


def _generic(tokens: SpacySpan) -> tuple[str, list[str]] | None:
    """(head lemma, country words) of a source like "the US military" or "prosecutors", or None
    when it names a body of its own."""
    head = tokens.root
    vocabulary = cues()
    if head.lemma_.lower() in vocabulary.figure_nouns | vocabulary.document_nouns:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        tokens = tokens.doc[owner.left_edge.i:owner.i + 1]  # "the prosecutors' tally": the owner
        head = owner
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma not in _generic_heads():
        return None
    countries: list[str] = []
    for token in tokens:
        if token.i > head.i and token.dep_ not in ("punct",):
            return None  # "the army of Mali", "prosecutors in Kharkiv": let the resolver read it
        if token.pos_ == "PROPN" or token.ent_type_:
            if token.ent_type_ not in _COUNTRY_LABELS and not is_country(token.text):
                return None
            countries += _words(token.text)
    if not countries and head.tag_ != "NNS":
        return None  # "the army" is a role the resolver reads; "prosecutors" names no one else
    return lemma, countries


def specific_bodies(names: dict[int, str | None], sources: Sequence[tuple[int, int] | None], doc: Doc,
                    speakers: Sequence[tuple[int, str, bool]]) -> None:
    """Replace, in `names`, a generic body's name by the one named body of its kind that spoke.

    `sources` are the drafts' source spans, `speakers` (position, name, described) the sources
    the resolver named."""
    spans = list(_named_spans(names, sources, doc))
    generic = {i: _generic(tokens) for i, _, _, tokens in spans}
    # a name that is itself generic ("Mali army" in a headline) names no body of its own
    plain = {name for i, name, _, _ in spans if generic[i] is not None}
    named = {name for _, name, described in speakers if not described and name} - plain
    for i, name, _source, tokens in spans:
        found = generic[i]
        if found is None:
            continue
        lemma, countries = found
        wanted = _generic_heads()[lemma]
        fits = set()
        for other in named:
            words = _words(other)
            if other == name or len(words) < 2 or not set(words) & wanted:
                continue
            if _words(name) == words:
                continue
            if countries and not any(_same_country(c, w) for c in countries for w in words):
                continue
            fits.add(other)
        if len(fits) == 1:
            names[i] = fits.pop()


@lru_cache(maxsize=1)
def _role_groups() -> dict[str, frozenset[str]]:
    """Each role word with every word that says the same role."""
    groups: dict[str, frozenset[str]] = {}
    for words in (load_vocab("cues").get("same_role_words") or {}).values():
        group = frozenset(w.lower() for w in words)
        for word in group:
            groups[word] = groups.get(word, frozenset()) | group
    return groups


def _unnamed_role(tokens: SpacySpan) -> str | None:
    """The role of an unnamed person introduced as new: "a lawmaker who attended the briefing",
    "one South Korean lawmaker"; None for anything named or already known ("the lawmaker")."""
    head = tokens.root
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma not in _role_groups() or head.tag_ != "NN":
        return None
    determiners = [c for c in head.children if c.dep_ in ("det", "nummod", "poss")]
    if determiners and not any(c.lower_ in ("a", "an", "one") for c in determiners):
        return None  # "the lawmaker" is someone named before; "a lawmaker", headline "Lawmaker says" new
    if any(t.pos_ == "PROPN" and t.ent_type_ not in _COUNTRY_LABELS for t in tokens):
        return None
    return lemma


def _said_role(person: SpacySpan, roles: frozenset[str]) -> bool:
    """The text gives the named person one of `roles`: as a title or role noun right before the
    name ("Rep. Park", "lawmaker Lee"), or in apposition ("Lee, the lawmaker," / "Lee, a lawmaker")."""
    doc = person.doc
    root = person.root
    first = person.start
    if root.dep_ == "conj" and root.head.i < person.start:  # "lawmakers Lee and Cho": the role is shared
        first = root.head.left_edge.i
    before = [t for t in doc[max(0, first - 3):first] if t.pos_ != "PUNCT"]
    inside = [t for t in person if t.lower_.rstrip(".") in cues().titles]
    if (before and (before[-1].lower_.rstrip(".") in roles or before[-1].lemma_.lower() in roles)) \
            or any(t.lower_.rstrip(".") in roles for t in inside):
        return True
    appositions = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        appositions.append(root.head)
    return any(a.lemma_.lower() in roles or _member_of_legislature(a, roles) for a in appositions)


@lru_cache(maxsize=1)
def _legislatures() -> frozenset[str]:
    return frozenset(w.lower() for w in load_vocab("cues").get("legislature_words") or [])


def _member_of_legislature(noun: Token, roles: frozenset[str]) -> bool:
    """ "a member of parliament's intelligence committee": a lawmaker, said the long way."""
    return "lawmaker" in roles and noun.lemma_.lower() == "member" and any(
        t.lower_ in _legislatures() for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for t in c.subtree)


def _bare_name(person: SpacySpan) -> str:
    words = [t for t in person if t.lower_.rstrip(".") not in cues().titles and not t.is_punct]
    if not words:
        return person.text
    return person.doc[words[0].i:words[-1].i + 1].text


def _named_spans(names: dict[int, str | None], sources: Sequence[tuple[int, int] | None],
                 doc: Doc) -> Iterator[tuple[int, str, tuple[int, int], SpacySpan]]:
    """(index, name, source span, its tokens) for each draft that has a name and a source."""
    for i, name in list(names.items()):
        source = sources[i]
        if not name or source is None:
            continue
        tokens = doc.char_span(*source, alignment_mode="expand")
        if tokens is not None and len(tokens):
            yield i, name, source, tokens


def named_later(names: dict[int, str | None], sources: Sequence[tuple[int, int] | None], doc: Doc) -> None:
    """Replace, in `names`, an unnamed person introduced by their role by the one person the
    article names with that role after them, when there is exactly one."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for i, name, source, tokens in _named_spans(names, sources, doc):
        role = _unnamed_role(tokens)
        if role is None:
            continue
        roles = _role_groups()[role]
        if any(t.lower_.endswith("s") and t.lower_[:-1] in roles for t in doc if t.idx >= source[1]):
            continue  # "lawmakers Lee and Cho": several people of that role, none safely the one
        found = sorted({_bare_name(p) for p in people if p.start_char >= source[1] and _said_role(p, roles)},
                       key=len, reverse=True)
        people_found: list[str] = []  # "Cho" and "Cho Hae-jin" are one person
        for person in found:
            if not any(set(_words(person)) <= set(_words(other)) for other in people_found):
                people_found.append(person)
        if len(people_found) == 1:
            names[i] = people_found[0]
