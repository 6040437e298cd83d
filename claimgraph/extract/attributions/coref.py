"""Source names: what a source span stands for, resolved when it is a pronoun or a role.

"He", "she", "they", "who", "which", "the lawmaker", "the spy agency" are linked
to the nearest preceding named source of a compatible kind (a person for "he"
and "the lawmaker", an organisation for "the agency"); a named source keeps its
name without titles and descriptions ("South Korean lawmaker Lee Seong-kweun"
gives "Lee Seong-kweun"). Works from the parse's entities and, when the entities
extractor ran first, its mentions. Source spans themselves are never changed:
PolNeAR and analysts both want the text as written. This module must not find
attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.attributions.rules import Draft
from claimgraph.model import Mention
from claimgraph.model.vocab import load_vocab

MEDIA_ROLES = {"publication", "newspaper", "paper", "outlet", "broadcaster", "channel", "daily",
               "magazine", "site", "website", "report", "article"}
PERSON_LABELS = {"PERSON"}
SPEAKER_REACH = 600  # characters back in which a speaker stays the likeliest "he" or "she"
NAMING_WORDS = {"name", "surname", "nickname", "callsign", "named", "call", "called"}
ORG_LABELS = {"ORG", "OUTLET", "GOV", "INTEL", "UNIT"}
GROUP_LABELS = {"NORP", "GPE"}
_PAREN_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,12}\)\s*$")
_POSSESSIVE = re.compile(r"^(?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*(?:'s|’s)\s+")


@dataclass
class Named:
    """A name an anaphor can point to: where it was said, what it is, and how it reads."""

    position: int
    name: str
    kind: str  # person, organisation, group
    role_words: frozenset[str] = frozenset()
    relay: bool = False  # an outlet that passed an account on ("told Reuters"), rarely "the agency"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = load_vocab("cues")
    pronouns = {word.lower(): kind for kind, words in (data.get("pronouns") or {}).items() for word in words}
    roles = {word.lower(): kind for kind, words in (data.get("role_nouns") or {}).items() for word in words}
    titles = frozenset(w.lower() for w in data.get("titles") or [])
    return pronouns, roles, titles


def _clean(name: str) -> str:
    name = _PAREN_ACRONYM.sub("", name).strip(" ,.;:—–-\"'“”‘’")
    for article in ("the ", "The "):
        if name.startswith(article) and len(name) > len(article) and name[len(article)].isupper():
            name = name[len(article):]
    return name


def _kind_of_label(label: str) -> str | None:
    if label in PERSON_LABELS:
        return "person"
    if label in ORG_LABELS:
        return "organisation"
    if label in GROUP_LABELS:
        return "group"
    return None


def _ents_in(tokens: SpacySpan, ents: list[SpacySpan] | None) -> list[SpacySpan]:
    if ents is None:
        return list(tokens.ents)
    return [e for e in ents if tokens.start <= e.start and e.end <= tokens.end]


def _kind_of_span(tokens: SpacySpan, roles: dict[str, str], ents: list[SpacySpan] | None = None) -> str | None:
    """What a source span names, judged by its head noun and then its entities."""
    head = tokens.root
    kind = roles.get(head.lemma_.lower()) or roles.get(head.lower_)
    if kind is not None:
        return kind
    for ent in _ents_in(tokens, ents):
        found = _kind_of_label(ent.label_)
        if found:
            return found
    if head.ent_type_:
        return _kind_of_label(head.ent_type_)
    return None


def named_in(tokens: SpacySpan, mentions: list[Mention],
             doc_ents: list[SpacySpan] | None = None) -> tuple[str, str] | None:
    """The name a source span gives, with its kind, or None when it names no one."""
    _, roles, _titles = _lexicon()
    start, end = tokens.start_char, tokens.end_char
    inside = [m for m in mentions if start <= m.start and m.end <= end
              and _kind_of_label(m.label) is not None]
    persons = [m for m in inside if m.label in PERSON_LABELS]
    if persons:
        best = max(persons, key=lambda m: m.end - m.start)
        return _clean(best.normalized or best.text), "person"
    ents = [e for e in _ents_in(tokens, doc_ents) if _kind_of_label(e.label_) is not None]
    people = [e for e in ents if e.label_ in PERSON_LABELS]
    if people:
        return _clean(max(people, key=len).text), "person"
    head = tokens.root
    called = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ in ("appos", "oprd", "attr", "pobj")
              and t.head.lemma_.lower() in NAMING_WORDS]
    if called and (roles.get(head.lemma_.lower()) == "person" or head.pos_ in ("ADJ", "NOUN")):
        # "the 26-year-old, identified only by his surname Ri", "a soldier named Vlad"
        return _clean(called[0].text), "person"
    appos = [t for t in tokens if t.dep_ == "appos" and t.head == head and t.pos_ == "PROPN"]
    if appos:  # "A soldier from the battalion, 31-year-old Vlad": the apposed name
        name = appos[0]
        first = name
        while first.i > tokens.start and tokens.doc[first.i - 1].pos_ == "PROPN" \
                and tokens.doc[first.i - 1].head == name:
            first = tokens.doc[first.i - 1]
        return _clean(tokens.doc[first.i:name.i + 1].text), "person"
    if head.pos_ == "PROPN" and not (head.ent_type_ and _kind_of_label(head.ent_type_) != "person"
                                     and any(e.label_ in ORG_LABELS for e in ents)):
        # A name the entity recogniser missed: the run of proper nouns ending at the head.
        first = head
        while first.i > tokens.start and tokens.doc[first.i - 1].pos_ == "PROPN" \
                and tokens.doc[first.i - 1].head == head:
            first = tokens.doc[first.i - 1]
        if first.i < head.i or not ents:
            kind = _kind_of_span(tokens, roles, ents) or ("person" if head.ent_type_ == "PERSON" else "organisation")
            return _clean(tokens.doc[first.i:head.i + 1].text), kind
    if roles.get(head.lemma_.lower()) == "person" and head.pos_ == "NOUN":
        # "a Pentagon spokesperson", "a US military official": unnamed, described as written.
        return _describe(tokens), "person"
    if inside:
        best = max(inside, key=lambda m: m.end - m.start)
        return _clean(best.normalized or best.text), _kind_of_label(best.label) or "organisation"
    kind = _kind_of_span(tokens, roles, ents)
    orgs = [e for e in ents if e.label_ in ORG_LABELS]
    if orgs:
        return _clean(max(orgs, key=len).text), "organisation"
    if head.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in tokens):
        # "South Korean intelligence", "Ukraine's military intelligence": keep the phrase.
        text = tokens.text
        return _clean(text), kind or "organisation"
    if ents and head.lower_ not in roles:
        return _clean(max(ents, key=len).text), kind or "group"
    return None


def _is_role(tokens: SpacySpan, roles: dict[str, str]) -> str | None:
    """The kind a role noun phrase ("the lawmaker", "the spy agency") refers to."""
    head = tokens.root
    if head.pos_ == "PROPN":
        return None
    qualifier = {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i for t in c.subtree}
    if any(t.pos_ == "PROPN" and t.i not in qualifier for t in tokens):
        return None  # "the NIS spokesman" names its organisation; "the head of the NIS" is a role
    determiners = [t for t in tokens if t.dep_ == "det" and t.head == head]
    if not determiners or determiners[0].lower_ not in ("the", "this", "that", "these", "those"):
        return None
    if head.pos_ != "NOUN":
        return None
    return roles.get(head.lemma_.lower()) or roles.get(head.lower_) or "unknown"


def resolve_sources(drafts: list[Draft], doc: Doc, text: str,
                    mentions: list[Mention] | None = None) -> list[str | None]:
    """One source name per draft (None when sourceless or unresolvable), in the drafts' order."""
    pronouns, roles, _ = _lexicon()
    mentions = mentions or []
    names: dict[int, str | None] = {}
    candidates: list[Named] = []
    doc_ents = list(doc.ents)
    for ent in doc_ents:
        kind = _kind_of_label(ent.label_)
        if kind is not None:
            candidates.append(Named(ent.start_char, _clean(ent.text), kind))
    for mention in mentions:
        kind = _kind_of_label(mention.label)
        if kind is not None:
            candidates.append(Named(mention.start, _clean(mention.normalized or mention.text), kind))
    # Named sources first, so that a role or pronoun can point at a source named later in the list.
    order = sorted(range(len(drafts)), key=lambda i: drafts[i].source[0] if drafts[i].source else -1)
    pending: list[int] = []
    for i in order:
        draft = drafts[i]
        if draft.source is None or draft.kind == "sourceless":
            names[i] = None
            continue
        tokens = doc.char_span(*draft.source, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            names[i] = text[draft.source[0]:draft.source[1]]
            continue
        found = named_in(tokens, mentions, doc_ents) if not _is_role(tokens, roles) else None
        if found is not None and not (len(tokens) == 1 and tokens[0].lower_ in pronouns):
            names[i] = found[0]
            role_words = frozenset(t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "PROPN")) \
                or frozenset({"source"})
            kind = "person" if any(c.name == found[0] and c.kind == "person" for c in candidates) else found[1]
            candidates.append(Named(draft.source[0], found[0], kind, role_words, draft.relay))
        else:
            pending.append(i)
    candidates.sort(key=lambda c: c.position)
    for i in pending:
        draft = drafts[i]
        assert draft.source is not None
        tokens = doc.char_span(*draft.source, alignment_mode="expand")
        assert tokens is not None
        names[i] = _resolve(draft, tokens, doc, drafts, names, candidates, pronouns, roles)
    persons = [c for c in candidates if c.kind == "person" and len(c.name.split()) > 1]
    for i, name in names.items():
        if name and drafts[i].source is not None:
            names[i] = full_name(name, persons, drafts[i].source[0])
    return [names.get(i) for i in range(len(drafts))]


def full_name(name: str, persons: list[Named], position: int) -> str:
    """A one-word name ("Lee", "Budanov") as the fuller name of a person the text names
    ("Lee Seong-kweun", "Kyrylo Budanov"): the nearest one before, else the first after."""
    if len(name.split()) != 1:
        return name
    word = name.casefold()
    fuller = [c for c in persons if word in (w.casefold() for w in c.name.replace("-", " - ").split())
              and c.name.casefold() != word and all(w[:1].isupper() for w in c.name.split())]
    if not fuller:
        return name
    before = [c for c in fuller if c.position <= position]
    return (before[-1] if before else min(fuller, key=lambda c: c.position)).name


def _resolve(draft: Draft, tokens: SpacySpan, doc: Doc, drafts: list[Draft], names: dict[int, str | None],
             candidates: list[Named], pronouns: dict[str, str], roles: dict[str, str]) -> str | None:
    head = tokens.root
    word = head.lower_
    if draft.antecedent is not None:
        antecedent = doc[draft.antecedent]
        phrase = doc[antecedent.left_edge.i:antecedent.i + 1]
        found = named_in(phrase, [])
        if found is not None:
            return found[0]
        return _describe(phrase)
    if word in ("i", "me", "we", "us"):
        speaker = _quoting_speaker(draft, drafts, names)
        if speaker:
            return speaker
    if len(tokens) == 1 and word in pronouns:
        position = draft.source[0] if draft.source else 0
        if pronouns[word] == "person":
            subject = _previous_subject(head, candidates)
            if subject:
                return subject
            # The last person who spoke, when they spoke recently, before any person merely named.
            recent = [c for c in candidates if c.role_words and not c.relay and position - c.position < SPEAKER_REACH]
            return _nearest(recent, position, ("person",), set()) or _nearest(
                candidates, position, ("person",), set())
        # "they", "it": only an organisation or group that was itself a source, never a stray name.
        sources = [c for c in candidates if c.role_words and not c.relay]
        return _nearest(sources, position, ("organisation", "group"), set())
    kind = _is_role(tokens, roles)
    if kind == "person" and head.tag_ in ("NNS", "NNPS"):
        return _describe(tokens)  # "the captives" are a group, not the last person named
    if kind is not None:
        role_word = head.lemma_.lower()
        wanted = {"person": ("person",), "unknown": ("person", "organisation")}.get(
            kind, ("organisation", "group"))
        position = draft.source[0] if draft.source else 0
        same_role = [c for c in candidates if c.position < position and role_word in c.role_words]
        if same_role:
            return same_role[-1].name
        if kind == "unknown":
            return _describe(tokens)
        media = role_word in MEDIA_ROLES
        usable = [c for c in candidates if media or not c.relay]
        qualifier = {t.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.i > head.i
                     for t in c.subtree if t.pos_ == "PROPN"}
        if qualifier:  # "the head of the Defence Intelligence": someone tied to that organisation
            usable = [c for c in usable if {w.lower() for w in c.role_words} & qualifier]
        pools = [[c for c in usable if c.role_words], usable]  # sources before mentions
        if media:  # "the newspaper": an outlet that relayed someone before any other organisation
            pools.insert(0, [c for c in usable if c.relay])
        for kinds in (wanted[:1], wanted):  # an agency is an organisation before it is a country
            for pool in pools:
                found = _nearest(pool, position, kinds, set())
                if found:
                    return found
        return _describe(tokens)
    return _describe(tokens)


def _previous_subject(pronoun: Token, candidates: list[Named]) -> str | None:
    """"Lee attributed the gap to X. He said ...": the person who is the subject of one of the
    last sentences before the pronoun's (nearest first, pronoun subjects skipped)."""
    doc = pronoun.doc
    sentence = pronoun.sent
    persons = [c for c in candidates if c.kind == "person"]
    for _ in range(3):
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        if "\n\n" in doc.text[sentence.end_char:pronoun.idx].strip(" ") and _ > 0:
            return None
        subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        words = {t.text for t in subject.subtree if t.pos_ == "PROPN"}
        if not words:
            return None  # a described subject ("the ministry") ends the search
        named = [c for c in persons if c.position <= subject.idx and words & set(c.name.split())]
        if named:
            return named[-1].name
        if subject.ent_type_ == "PERSON":
            return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        return None
    return None


def _nearest(candidates: list[Named], position: int, kinds: tuple[str, ...], skip: set[str]) -> str | None:
    for candidate in reversed(candidates):
        if candidate.position < position and candidate.kind in kinds and candidate.name not in skip:
            return candidate.name
    return None


def _quoting_speaker(draft: Draft, drafts: list[Draft], names: dict[int, str | None]) -> str | None:
    """Who "I" and "we" are inside a quote: the speaker of the quote around the cue."""
    for i, other in enumerate(drafts):
        if other is draft:
            continue
        if any(s <= draft.cue[0] and draft.cue[1] <= e for s, e in other.content):
            return names.get(i)
    return None


def _describe(tokens: SpacySpan) -> str:
    """An unnamed source described as written, without a leading article."""
    words = [t for t in tokens if not (t.i == tokens.start and t.dep_ == "det")]
    if not words:
        return tokens.text
    return tokens.doc[words[0].i:words[-1].i + 1].text
