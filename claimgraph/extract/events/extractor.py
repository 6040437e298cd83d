"""The events extractor: dated military actions with actor, target, place and weapon.

A trigger is a verb or noun from `model/vocab/events.yaml` ("launched",
"the strike"); its roles are read off spaCy's dependency parse (subject, object,
agent, prepositional objects, "using X") and typed with the mentions the
entities extractor found (GPE/LOC make a place, WEAPON a weapon, DATE a date).
An event is kept only when the roles its action requires are filled, which
keeps "launched an investigation" and "fired the minister" out. Each event is
linked to the attribution that carries it and marked hedged when a hedge cue
sits in its clause or governs it ("appears to have struck").

This module reads `ctx.doc` and the mentions, attributions and hedges already
found; it appends to `found.events` only and never edits the shared pipeline.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.attributions.chains import enclosing_attribution
from claimgraph.extract.base import Context, register
from claimgraph.extract.events.actions import Action, Actions, load_actions
from claimgraph.extract.hedges.scope import covers
from claimgraph.extract.nlp import phrase_openings, token_strings
from claimgraph.model import Event, Extraction, Mention

NAME = "events"
VERSION = "0.1.0"

NAMED_LABELS = frozenset({"GPE", "LOC", "UNIT", "WEAPON", "MILITARY", "NORP", "ORG", "GOV", "INTEL", "PERSON"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "can", "must", "shall"})
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case",
                        "advmod", "npadvmod", "predet"})
_ARTICLES = frozenset({"the", "a", "an"})
_GOVERNED = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


@dataclass
class _Filler:
    start: int
    end: int
    text: str
    labels: frozenset[str]
    head: Token


class _Index:
    """The document's mentions, searchable by character range, and its line blocks.

    spaCy sometimes runs a sentence across a paragraph break (a headline has no
    full stop); `block[i]` numbers the paragraph of token i so that no role is
    taken from another paragraph than its trigger.
    """

    def __init__(self, mentions: list[Mention], doc: Doc) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.block: list[int] = []
        current = 0
        for text in token_strings(doc, "ORTH"):  # a token's trailing whitespace is a space or nothing
            if "\n" in text:
                self.block.append(current)
                current += 1
            else:
                self.block.append(current)

    def within(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[low:high] if m.end <= end]

    def at(self, start: int, end: int) -> list[Mention]:
        low = max(0, bisect.bisect_right(self.starts, start) - 1)
        high = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[max(0, low - 3):high] if m.start < end and start < m.end]


class EventExtractor:
    """Finds military actions and their roles in the dependency parse."""

    name = NAME
    version = VERSION

    def __init__(self, actions: Actions | None = None) -> None:
        self.actions = actions or load_actions()
        # every lemma that may open an action's verb: "strike", and "shoot" of "shoot down"
        self._verb_words = frozenset(self.actions.verbs) | phrase_openings(frozenset(self.actions.verbs))

    def extract(self, ctx: Context, found: Extraction) -> None:
        mentions = found.mentions
        if not any(m.extractor == "entities" for m in mentions):
            mentions = _own_mentions(ctx)
        index = _Index(mentions, ctx.doc)
        seen: set[tuple[int, int, str]] = set()
        doc = ctx.doc
        verbs, nouns = self._verb_words, self.actions.nouns
        # the words first (no Token object per token): only a word the actions name can trigger
        for i, (pos, lemma, lower) in enumerate(zip(token_strings(doc, "POS"), token_strings(doc, "LEMMA", lower=True),
                                                    token_strings(doc, "LOWER"))):
            if not (pos == "VERB" and lemma in verbs
                    or pos in ("NOUN", "PROPN") and (lemma in nouns or lower in nouns)):
                continue
            token = doc[i]
            event = self._event_for(token, index, ctx.text)
            if event is None:
                continue
            action, start, end, roles, clause = event
            signature = (start, end, action.action)
            if signature in seen:
                continue
            seen.add(signature)
            attribution = enclosing_attribution(found, start, end)
            found.events.append(Event(
                key=f"e{len(found.events) + 1}", start=start, end=end, text=ctx.text[start:end],
                extractor=NAME, extractor_version=VERSION, action=action.action,
                actor=_text(roles.get("actor")),
                target=_text(roles.get("target") or roles.get("troops")),
                place=_text(roles.get("place")), weapon=_text(roles.get("weapon")),
                when=_when(roles.get("when"), index),
                attribution_key=attribution.key if attribution is not None else None,
                hedged=_hedged(found, ctx.doc, clause),
            ))

    # ------------------------------------------------------------ triggers

    def _event_for(self, token: Token, index: _Index, text: str
                   ) -> tuple[Action, int, int, dict[str, _Filler], Token] | None:
        if token.pos_ == "VERB":
            particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
            action = self.actions.verb(token.lemma_.lower(), particle)
            if action is None or not _asserted(token) or token.dep_ in ("amod", "compound", "csubj"):
                return None
            roles = self._verb_roles(token, action, index)
            clause = token
        elif token.pos_ in ("NOUN", "PROPN"):
            action = self.actions.nouns.get(token.lemma_.lower()) or self.actions.nouns.get(token.lower_)
            if action is None or token.dep_ == "compound":
                return None
            roles, clause = self._noun_roles(token, action, index)
            if not _asserted(clause):
                return None
        else:
            return None
        block = index.block[token.i]
        roles = {role: f for role, f in roles.items() if index.block[f.head.i] == block}
        if not self._keep(action, roles):
            return None
        start = min([token.idx, *(f.start for f in roles.values())])
        end = max([token.idx + len(token.text), *(f.end for f in roles.values())])
        return action, start, end, roles, clause

    def _keep(self, action: Action, roles: dict[str, _Filler]) -> bool:
        if any(role not in roles for role in action.need):
            return False
        if action.require and not any(role in roles for role in action.require):
            return False
        if action.named:
            return any(role == "when" or filler.labels & NAMED_LABELS for role, filler in roles.items())
        return True

    # ------------------------------------------------------------ roles

    def _verb_roles(self, verb: Token, action: Action, index: _Index) -> dict[str, _Filler]:
        roles: dict[str, _Filler] = {}
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        subject = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "nsubj")), None)
        if subject is None and verb.dep_ in ("conj", "xcomp"):
            head_passive = any(c.dep_ == "nsubjpass" for c in verb.head.children)
            if passive or (verb.dep_ == "conj" and head_passive):
                passive = True
                subject = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            else:
                subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        obj = subject if passive else next((c for c in verb.children if c.dep_ == "dobj"), None)
        if not passive and subject is not None:
            roles["actor"] = _phrase(subject, index)
        for child in verb.children:
            if child.dep_ == "agent":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                if agent is not None:
                    roles["actor"] = _phrase(agent, index)
        if obj is not None:
            self._object(roles, _phrase(obj, index), action)
        preps = [c for c in verb.children if c.dep_ in ("prep", "dative")]
        if obj is not None:
            preps.extend(c for c in obj.children if c.dep_ == "prep")
        self._preps(roles, preps, index, noun=False)
        self._instrument(roles, verb, index)
        self._dates(roles, verb, index)
        return roles

    def _noun_roles(self, noun: Token, action: Action, index: _Index
                    ) -> tuple[dict[str, _Filler], Token]:
        roles: dict[str, _Filler] = {}
        for child in noun.children:
            if child.dep_ == "poss":
                roles["actor"] = _phrase(child, index)
            elif child.dep_ in ("amod", "compound"):
                filler = _phrase(child, index, whole=False)
                if "NORP" in filler.labels or "GPE" in filler.labels:
                    roles.setdefault("actor", filler)
                elif self._weapon_like(filler):
                    roles.setdefault("weapon", filler)
        self._preps(roles, [c for c in noun.children if c.dep_ == "prep"], index, noun=True)
        governor = noun
        while governor.dep_ in _GOVERNED and governor.head is not governor and governor.pos_ != "VERB":
            governor = governor.head
            if governor.dep_ == "prep":
                governor = governor.head
        if governor is noun or governor.pos_ not in ("VERB", "AUX"):
            return roles, noun
        self._instrument(roles, governor, index)
        self._dates(roles, governor, index)
        extra = [c for c in governor.children if c.dep_ == "prep" and c.lower_ in ("with", "using")]
        self._preps(roles, extra, index, noun=False)
        for child in governor.children:
            if child.dep_ == "agent":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                if agent is not None:
                    roles.setdefault("actor", _phrase(agent, index))
            elif child.dep_ == "nsubj" and noun.dep_ == "dobj" and self._light(governor):
                roles.setdefault("actor", _phrase(child, index))  # "Russia carried out a strike"
        return roles, governor

    def _object(self, roles: dict[str, _Filler], filler: _Filler, action: Action) -> None:
        if "DATE" in filler.labels and filler.labels <= {"DATE"}:
            roles.setdefault("when", filler)
        elif action.object_role == "weapon":
            if self._weapon_like(filler):
                roles["weapon"] = filler
        elif action.object_role == "troops":
            if self._troops_like(filler):
                roles["troops"] = filler
        else:
            roles[action.object_role] = filler

    def _preps(self, roles: dict[str, _Filler], preps: list[Token], index: _Index, noun: bool) -> None:
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            filler = _phrase(pobj, index)
            word = prep.lower_
            wanted = self.actions.roles_of(word)
            if noun and word == "of":
                wanted = ["target", *wanted]
            if "DATE" in filler.labels and "when" in wanted:
                roles.setdefault("when", filler)
            elif "weapon" in wanted and self._weapon_like(filler):
                roles.setdefault("weapon", filler)
            elif "actor" in wanted:
                roles.setdefault("actor", filler)
            elif "target" in wanted and "target" not in roles and "DATE" not in filler.labels:
                roles["target"] = filler
            elif "place" in wanted and "place" not in roles and self._place_like(filler, index):
                roles["place"] = filler

    def _instrument(self, roles: dict[str, _Filler], verb: Token, index: _Index) -> None:
        """ "... was carried out using a North Korean missile" """
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp", "prep") and child.lemma_.lower() == "use":
                tool = next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
                if tool is not None:
                    filler = _phrase(tool, index)
                    if self._weapon_like(filler):
                        roles.setdefault("weapon", filler)

    def _dates(self, roles: dict[str, _Filler], verb: Token, index: _Index) -> None:
        if "when" in roles:
            return
        for child in verb.children:
            if child.dep_ == "prep":
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            if child.dep_ in ("npadvmod", "tmod", "advmod", "pobj"):
                filler = _phrase(child, index)
                for mention in index.within(filler.start, filler.end):
                    if mention.label == "DATE":
                        roles["when"] = _Filler(mention.start, mention.end, mention.text,
                                                frozenset({"DATE"}), child)
                        return

    def _light(self, verb: Token) -> bool:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        lemma = verb.lemma_.lower()
        return lemma in self.actions.light_verbs or f"{lemma} {particle}" in self.actions.light_verbs

    def _place_like(self, filler: _Filler, index: _Index) -> bool:
        head = filler.head
        covering = index.at(head.idx, head.idx + len(head.text))
        if any(m.label in ("GPE", "LOC") for m in covering):
            return True
        return head.lemma_.lower() in self.actions.place_words and bool(filler.labels & {"GPE", "LOC"})

    def _weapon_like(self, filler: _Filler) -> bool:
        return "WEAPON" in filler.labels or filler.head.lower_ in self.actions.weapon_words

    def _troops_like(self, filler: _Filler) -> bool:
        return bool(filler.labels & {"MILITARY", "UNIT"}) or filler.head.lower_ in self.actions.troop_words


# ---------------------------------------------------------------- helpers


def _asserted(verb: Token) -> bool:
    """False for negated, modal-future and bare-infinitive actions: they did not happen."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & _MODALS and "have" not in auxes:
        return False
    infinitive = "to" in auxes and verb.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp")
    return not infinitive


def _phrase(token: Token, index: _Index, whole: bool = True) -> _Filler:
    """The noun phrase headed by `token`, without a leading article, typed by its mentions."""
    doc = token.doc
    first, last = _extent(token) if whole else (
        token.left_edge.i if token.dep_ == "compound" else token.i, token.i)
    for i in range(token.i - 1, first - 1, -1):  # never across a paragraph break
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            first = i + 1
            break
    for i in range(token.i, last + 1):
        if "\n" in doc[i].whitespace_ or "\n" in doc[i].text:
            last = max(token.i, i if "\n" not in doc[i].text else i - 1)
            break
    while first < last and doc[first].lower_ in _ARTICLES:
        first += 1
    while last > first and doc[last].is_punct:
        last -= 1
    span: SpacySpan = doc[first:last + 1]
    start, end = span.start_char, span.end_char
    labels = frozenset(m.label for m in index.at(start, end))
    return _Filler(start, end, span.text, labels, token)


def _extent(token: Token, depth: int = 0) -> tuple[int, int]:
    """First and last token of the noun phrase `token` heads: its modifiers, compounds,
    coordinated phrases ("missiles and drones") and "of" phrases, but no clauses."""
    first, last = token.i, token.i
    for child in token.lefts:
        if child.dep_ in _LEFT_DEPS:
            first = min(first, child.left_edge.i)
    if depth > 3:
        return first, last
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod", "cc"):
            last = max(last, child.right_edge.i)
        elif child.dep_ in ("conj", "appos"):
            last = max(last, _extent(child, depth + 1)[1])
        elif child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                last = max(last, _extent(pobj, depth + 1)[1])
    return first, last


def _text(filler: _Filler | None) -> str | None:
    return filler.text if filler is not None else None


def _when(filler: _Filler | None, index: _Index) -> date | None:
    """The date of a DATE filler: its day, else the first day of its week or month (years: None)."""
    if filler is None:
        return None
    for mention in index.at(filler.start, filler.end):
        value = mention.normalized if mention.label == "DATE" else None
        if not value:
            continue
        parts = value.split("-")
        try:
            if len(parts) == 2 and parts[1].startswith("W"):
                return date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
            if len(parts) == 3:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            if len(parts) == 2:
                return date(int(parts[0]), int(parts[1]), 1)
        except ValueError:
            continue
    return None


def _hedged(found: Extraction, doc: Doc, clause: Token) -> bool:
    """True when a hedge cue reaches the event's clause: "Russia likely fired ...",
    "... appears to have struck ...", "X suggests that the strike ...".

    Reach is the hedges extractor's own (`hedges.scope.covers`), so events and
    figures agree on what a hedge qualifies.
    """
    start, end = clause.idx, clause.idx + len(clause.text)
    return any(covers(doc, h.start, h.end, start, end) for h in found.hedges)


def _own_mentions(ctx: Context) -> list[Mention]:
    """Mentions made on the spot when events run without the entities extractor."""
    from claimgraph.extract.entities import EntityExtractor

    scratch = Extraction()
    EntityExtractor().extract(ctx, scratch)
    return scratch.mentions


@register(NAME)
def build() -> EventExtractor:
    return EventExtractor()
