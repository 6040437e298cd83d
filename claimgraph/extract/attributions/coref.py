"""Source names: what a source span stands for, resolved when it is a pronoun or a role.

"He", "she", "they", "its", "who", "which", "the lawmaker", "the spy agency" are linked
to the nearest preceding named source of a compatible kind (a person for "he"
and "the lawmaker", an organisation for "the agency", a speaker before a name merely
mentioned, an intelligence service before a news agency that only carried a statement);
"which" to the nearest named organisation or person it can stand for; a document ("the
update said", "preliminary findings suggested") to whoever issued it. A named source
keeps its name as written without titles and descriptions ("South Korean lawmaker Lee
Seong-kweun" gives "Lee Seong-kweun", "South Korea's Joint Chiefs of Staff" stays whole),
abbreviations spelled out (`names`). Works from the parse's entities and, when the
entities extractor ran first, its mentions. A body named only by its kind ("the US military")
and an unnamed person the article names later are linked by `bodies`; a headline's role ("Spy
agency says"), a partitive ("one of those sources") and a bare plural ("the rebels") are named
from elsewhere in the article by `groups`; the candidates they point to are `candidates.Named`.
Source spans themselves
are never changed:
PolNeAR and analysts both want the text as written. This module must not find
attributions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.attributions.bodies import named_later, specific_bodies
from claimgraph.extract.attributions.candidates import (
    ARMED_ROLES,
    CIVIL_ROLES,
    MEDIA_ROLES,
    NEWS_LABELS,
    NEWS_WORDS,
    Named,
    carries_words,
    describe,
    distinguishing_words,
    is_news,
    media_role,
    name_words,
    nearest,
)
from claimgraph.extract.attributions.chains import self_reference
from claimgraph.extract.attributions.groups import (
    name_headline_roles,
    named_group,
    partitive_group,
)
from claimgraph.extract.attributions.names import (
    acronyms_in,
    clean,
    expand,
    is_abbreviation,
    mention_name,
    same_name,
    word_end,
)
from claimgraph.extract.attributions.naming import (
    BODY_ROLES,
    NAMING_WORDS,
    PLACE_LABELS,
    SPEAKS_FOR_ROLES,
    body_spoken_for,
    document_owner,
    kind_of_label,
    named_in,
    source_lexicon,
)
from claimgraph.extract.attributions.rules import Draft
from claimgraph.extract.attributions.spoken_for import (
    ARMED_WORDS,
    SPOKESPERSON_WORDS,
    previous_body,
    spokesperson_body,
    unnamed_spokesperson,
)
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.entities.lexicon import person_label_fix
from claimgraph.extract.nlp import headline_end, text_of
from claimgraph.model import Mention
from claimgraph.model.vocab import load_vocab

SPEAKER_REACH = 600  # characters back in which a speaker stays the likeliest "he" or "she"
DOCUMENT_STAGES = {"preliminary", "initial", "interim", "final", "latest", "updated", "revised"}
# Armed bodies and civil bodies: "the army" is never an office or a ministry named before it,
# nor "the ministry" the armed forces (grammar of institutions, a closed class)
ARMED_UNITS = frozenset({"corps", "brigade", "division", "regiment", "battalion", "fleet", "marines", "troops",
                         "soldiers"})  # never a civil body's name ("the court" is not the 16th Brigade)
ARMED_NAMES = ARMED_ROLES | ARMED_UNITS | {"armed", "defence", "defense", "staff"}


@lru_cache(maxsize=1)
def _state_roles() -> frozenset[str]:
    return frozenset(w.lower() for w in load_vocab("cues").get("state_roles") or [])


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Words in the name of a state's own body ("Ministry of Defence", "Kremlin"), which a state
    role ("the government") may stand for."""
    return _state_roles() | frozenset(w.lower() for w in load_vocab("cues").get("state_body_words") or [])


@lru_cache(maxsize=1)
def _insurgent_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_vocab("cues").get("insurgent_name_words") or [])


def _insurgent(name: str) -> bool:
    """ "National Liberation Army": an armed group's name that says it fights the state."""
    return bool(set(name.casefold().replace("’", "'").split()) & _insurgent_words())


def role_kind(word: str) -> str | None:
    """ "organisation" for "agency", "person" for "lawmaker": the kind a role noun names."""
    return source_lexicon()[1].get(word.lower())


@lru_cache(maxsize=1)
def possessive_pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_vocab("cues").get("possessive_pronouns") or [])


_clean = clean


def _is_role(tokens: SpacySpan, roles: dict[str, str]) -> str | None:
    """The kind a role noun phrase ("the lawmaker", "the spy agency") refers to."""
    head = tokens.root
    words = [t for t in tokens if not t.is_punct]
    if len(words) == 2 and words[0].lower_ == "the" and head.text.istitle() \
            and roles.get(head.lower_) == "organisation" and head.lower_ not in cues().media_nouns \
            and head.lower_ not in ARMED_ROLES:  # "the Army" is the national army, read as a name
        return "organisation"  # "the Centre adds", "the Ministry said": a capitalised role
    if head.pos_ == "PROPN" or any(t.ent_type_ == "PERSON" and t.dep_ in ("appos", "compound") for t in tokens):
        return None  # "the district commissioner of Awdal, Ali Warsame,": named, whatever the parse
    if body_spoken_for(tokens) is not None:
        return None  # "the press service of the Southern Military District": named by its body
    qualifier = {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i for t in c.subtree}
    media = head.lemma_.lower() in cues().media_nouns and head.lemma_.lower() != "agency"
    # "the Beirut daily" is a role: a city says where an outlet is, not which it is
    placed = {t.i for t in tokens if media and t.ent_type_ in ("GPE", "NORP") and t.i < head.i}
    if any(t.pos_ == "PROPN" and t.i not in qualifier and t.i not in placed for t in tokens):
        return None  # "the NIS spokesman" names its organisation; "the head of the NIS" is a role
    if roles.get(head.lemma_.lower()) == "organisation" and not media and any(
            t.ent_type_ in ("NORP", "GPE", "ORG") for t in tokens if t.i < head.i):
        return None  # "the Israeli military", "the Ukrainian navy": named by who they are
        # ("the Ukrainian leader" is still a role: a person the text named before)
    determiners = [t for t in tokens if t.dep_ == "det" and t.head == head]
    if not determiners or determiners[0].lower_ not in ("the", "this", "that", "these", "those"):
        return None
    if head.pos_ != "NOUN" and not (media and head.pos_ in ("ADV", "ADJ")):  # "the Beirut daily"
        return None
    return roles.get(head.lemma_.lower()) or roles.get(head.lower_) or "unknown"


@dataclass
class Scene:
    """What resolution reads for one document: parse, entities, names found so far."""

    doc: Doc
    drafts: list[Draft]
    names: dict[int, str | None]
    candidates: list[Named]
    mentions: list[Mention]
    doc_ents: list[SpacySpan]

    def named(self, tokens: SpacySpan) -> tuple[str, str] | None:
        return named_in(tokens, self.mentions, self.doc_ents)

    def label_at(self, start: int, end: int) -> str | None:
        """The entity label of the widest organisation or person mention inside [start, end)."""
        inside = [(m.end - m.start, m.label) for m in self.mentions
                  if start <= m.start and m.end <= end and kind_of_label(m.label) in ("organisation", "person")]
        inside += [(e.end_char - e.start_char, e.label_) for e in self.doc_ents
                   if start <= e.start_char and e.end_char <= end and e.label_ in ("ORG", "PERSON")]
        return max(inside)[1] if inside else None


def resolve_sources(drafts: list[Draft], doc: Doc, text: str,
                    mentions: list[Mention] | None = None) -> list[str | None]:
    """One source name per draft (None when sourceless or unresolvable), in the drafts' order."""
    pronouns, roles, _ = source_lexicon()
    mentions = mentions or []
    names: dict[int, str | None] = {}
    candidates: list[Named] = []
    # "Niger says ...", "drones seen over Liski", "Emergency Lawyers said": the small model takes
    # some countries, towns and groups for people
    doc_ents = [SpacySpan(doc, e.start, e.end, label=fixed) if (fixed := person_label_fix(e)) else e
                for e in doc.ents]
    asking = cues().question_labels  # "HOST:" in a transcript is the publisher's side, no one to point back at
    for ent in doc_ents:
        kind = kind_of_label(ent.label_)
        if kind is not None and ent.text.lower() not in asking:
            candidates.append(Named(ent.start_char, _clean(ent.text), kind, label=ent.label_))
    for mention in mentions:
        kind = kind_of_label(mention.label)
        if kind is not None and mention.text.lower() not in asking:
            candidates.append(Named(mention.start, mention_name(mention), kind, label=mention.label))
    candidates += _employers(drafts, doc, roles)
    scene = Scene(doc, drafts, names, candidates, mentions, doc_ents)
    # Named sources first, so that a role or pronoun can point at a source named later in the list.
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].source or (-1, -1))[0])
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
        tokens = _speaker_tokens(tokens, roles, pronouns)
        found = scene.named(tokens) if not (_is_role(tokens, roles) or _is_document(tokens)
                                            or unnamed_spokesperson(tokens, roles)) else None
        body = _body_in_content(draft, tokens, scene) if found is not None else None
        if body is None and found is not None:
            body = _bare_spokesperson(tokens, scene)  # "The RSF denied it. A spokesman said ..."
        if body is not None:
            found = (body, "organisation")
        elif found is not None:
            found = (_whole_words(found[0], text[draft.source[0]:draft.source[1]]), found[1])
        bracketed = _bracketed_name(text[draft.source[0]:draft.source[1]])
        if bracketed is not None:  # "TKACHUK (Iryna Tkachuk, State Border Guard Service):"
            found = (bracketed, "person")
        if found is not None and not (len(tokens) == 1 and tokens[0].lower_ in pronouns):
            # ("GENERAL ANDRÉS VILLAMIZAR (commander, ...):": the label before its brackets)
            label = _label_name(text[draft.source[0]:draft.source[1]].split("(")[0].strip())
            if label is not None:  # later labels and roles point back at the name, not the capitals
                found = (label, "person")
            names[i] = found[0]
            role_words = frozenset(t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "PROPN")) \
                or frozenset({"source"})
            kind = "person" if any(c.name == found[0] and c.kind == "person" for c in candidates) else found[1]
            described = not any(t.pos_ == "PROPN" or t.ent_type_ for t in tokens)
            # the source a "citing X" link names is where the account comes from, not an outlet
            cited = draft.relay and draft.cue_token is not None and draft.show_cue \
                and doc[draft.cue_token].lemma_.lower() in cues().relay
            if self_reference(text[draft.source[0]:draft.source[1]]):
                continue  # "an earlier version of this story" is the publisher, no one to point back at
            candidates.append(Named(draft.source[0], found[0], kind, role_words, draft.relay and not cited,
                                    scene.label_at(*draft.source), described,
                                    # "community leaders in the rural area of Tibú" are no "he"
                                    plural=tokens.root.pos_ == "NOUN" and tokens.root.tag_ == "NNS"))
        else:
            pending.append(i)
    candidates.sort(key=lambda c: c.position)
    for i in pending:
        draft = drafts[i]
        assert draft.source is not None
        tokens = doc.char_span(*draft.source, alignment_mode="expand")
        assert tokens is not None
        tokens = _speaker_tokens(tokens, roles, pronouns)
        body = spokesperson_body(tokens, scene, roles) or _bare_spokesperson(tokens, scene)
        if body is not None:
            # the body is the source; "she" further on is the same spokesperson, so the same body
            names[i] = body
            bisect.insort(candidates, Named(draft.source[0], body, "person", frozenset({tokens.root.lemma_.lower()})),
                          key=lambda c: c.position)
            continue
        name = _resolve(draft, tokens, scene, pronouns, roles) or (
            _name_or_describe(tokens, scene) if unnamed_spokesperson(tokens, roles) else None)
        names[i] = name
        referent = next((c for c in reversed(candidates) if c.name == name and c.position < draft.source[0]), None)
        if name and referent is not None and not draft.relay:
            # a resolved speaker is the latest mention of its referent: "it" and "the agency"
            # further on may point back at it
            bisect.insort(candidates, Named(draft.source[0], name, referent.kind, referent.role_words
                                            or frozenset({"source"}), False, referent.label),
                          key=lambda c: c.position)
        elif name and referent is None and not draft.relay and tokens.root.pos_ == "NOUN" \
                and len(tokens) > 1 and roles.get(tokens.root.lemma_.lower()) in ("person", "organisation"):
            # a source known by its description ("the health ministry in Gaza") that spoke: "the
            # ministry" further on stands for it, though it has no name
            bisect.insort(candidates, Named(draft.source[0], name, roles[tokens.root.lemma_.lower()],
                                            frozenset(t.lemma_.lower() for t in tokens  # the head, not its clauses
                                                      if t.pos_ in ("NOUN", "PROPN") and t.i <= tokens.root.i),
                                            False, None, described=True, plural=tokens.root.tag_ == "NNS"),
                          key=lambda c: c.position)
    name_headline_roles(names, drafts, doc, roles, headline_end(text), candidates)
    acronyms = acronyms_in(text)
    _spelled_out(names, candidates, acronyms, [text[d.source[0]:d.source[1]] if d.source else "" for d in drafts])
    # "the US military" said in the lead, "US Central Command" quoted below: one body
    speakers = [(c.position, expand(c.name, acronyms), c.described) for c in candidates
                if c.role_words and c.kind == "organisation" and not c.relay and not is_news(c)]
    specific_bodies(names, [d.source for d in drafts], doc, speakers)
    named_later(names, [d.source for d in drafts], doc)
    persons = [c for c in candidates if c.kind == "person" and len(c.name.split()) > 1]
    for i, name in names.items():
        source = drafts[i].source
        if name and source is not None:
            names[i] = full_name(expand(name, acronyms), persons, source[0])
    return [names.get(i) for i in range(len(drafts))]


def _whole_words(name: str, written: str) -> str:
    """ "Kwon Min" from a parse that split the "Kwon Min-seok" the source span holds: the whole word."""
    at = written.find(name)
    return written[at:word_end(written, at + len(name))] if at >= 0 else name


def _name_or_describe(tokens: SpacySpan, scene: Scene) -> str:
    found = scene.named(tokens)
    return found[0] if found is not None else describe(tokens)


def _spelled_out(names: dict[int, str | None], candidates: list[Named], acronyms: dict[str, str],
                 written: list[str]) -> None:
    """ "the paramilitary Rapid Support Forces" then "The RSF said ...": an abbreviation of three
    or more letters the text never introduced in brackets stands for the one organisation it
    names whose initials it spells; `acronyms` gets it. A source written with its full name
    beside the abbreviation ("the X Data project (ACLED)") keeps the name it was given."""
    wanted = {clean(n) for i, n in names.items() if n and is_abbreviation(n) and clean(n) not in acronyms
              and sum(c.isupper() for c in clean(n)) >= 3
              and not any(w[:1].isupper() and clean(w) != clean(n) for w in written[i].split()[1:])}
    bodies = {c.name for c in candidates if c.kind == "organisation" and len(c.name.split()) > 1}
    for short in wanted:
        spelled = {name for name in bodies if same_name(short, name)}
        if len(spelled) == 1:
            acronyms[short] = spelled.pop()


_MEMBERS = frozenset({"member", "citizen", "resident", "veteran", "student", "graduate"})


def _employers(drafts: list[Draft], doc: Doc, roles: dict[str, str]) -> list[Named]:
    """Unnamed bodies a speaker is described as speaking for ("X, a spokesman for the
    country's military intelligence agency"), so that "the agency" in what X says points
    at that body. Only a description without an organisation name in it: a named body is
    a candidate already."""
    found: list[Named] = []
    for draft in drafts:
        if draft.source is None:
            continue
        tokens = doc.char_span(*draft.source, alignment_mode="expand")
        for prep in tokens or ():
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at") or roles.get(prep.head.lemma_.lower()) != "person" \
                    or prep.lower_ != "for" and prep.head.lemma_.lower() in _MEMBERS:
                continue  # "a member of the defence committee" does not speak for it
            body = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if body is None or roles.get(body.lemma_.lower()) != "organisation" \
                    or any(t.ent_type_ == "ORG" for t in body.subtree):
                continue
            span = doc[body.left_edge.i:body.i + 1]
            found.append(Named(span.start_char, _clean(span.text), "organisation",
                               frozenset(t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN")),
                               described=True))
    return found


_BRACKETED_LABEL = re.compile(r"^\s*([A-Z][A-Z'’-]+)\s*\(\s*([^,()]+?)\s*(?:[,)]|$)")


def _bracketed_name(written: str) -> str | None:
    """ "TKACHUK (Iryna Tkachuk, State Border Guard Service)": a transcript's label in capitals
    with the speaker's full name first in brackets; the full name when it holds the label."""
    match = _BRACKETED_LABEL.match(written)
    if match is None:
        return None
    words = match.group(2).split()
    folded = [w.casefold().replace("’", "'") for w in words]
    label = match.group(1).casefold().replace("’", "'")
    if label not in folded:
        return None
    last = folded.index(label)
    first = last  # the capitalised words before it ("UNHCR spokesperson Eliza Morrow": Eliza Morrow)
    while first > 0 and words[first - 1][:1].isupper() and not words[first - 1].isupper():
        first -= 1
    return " ".join(words[first:last + 1])


def _label_name(written: str) -> str | None:
    """A transcript speaker label in capitals ("MAJ. GEN. PAK", "MR. LEE") as a name: the
    words after the titles, in title case ("Pak"); None for anything else."""
    words = written.split()
    if len(words) < 2 or not written.isupper() or not any(c.isalpha() for c in written):
        return None
    titles = source_lexicon()[2]
    kept = [w for w in words if w.strip(".,:").lower() not in titles]
    if not kept or len(kept) == len(words):
        return None
    return " ".join(w.strip(".,:").title() for w in kept)


def full_name(name: str, persons: list[Named], position: int) -> str:
    """A one-word name ("Lee", "Budanov") as the fuller name of a person the text names
    ("Lee Seong-kweun", "Kyrylo Budanov"): the nearest one before, else the first after."""
    if len(name.split()) != 1:
        return name
    word = name.casefold()
    fuller = [c for c in persons if word in name_words(c.name) and c.name.casefold() != word
              and _capitalised(c.name)]
    if not fuller:
        return name
    before = [c for c in fuller if c.position <= position]
    return (before[-1] if before else min(fuller, key=lambda c: c.position)).name


@lru_cache(maxsize=4096)
def _capitalised(name: str) -> bool:
    return all(w[:1].isupper() for w in name.split())


def _speaker_tokens(tokens: SpacySpan, roles: dict[str, str], pronouns: dict[str, str]) -> SpacySpan:
    """The part of a source span that says who it is: without asides, and for a document owned
    or a figure owned by a role or a pronoun ("the ministry's figures", "the group's count") the owner, which is then
    resolved like any role or pronoun."""
    tokens = _without_aside(tokens)
    head = tokens.root
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or (lemma not in cues().document_nouns and lemma not in cues().figure_nouns):
        return tokens
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i >= tokens.start), None)
    if owner is None:
        return tokens
    phrase = tokens.doc[owner.left_edge.i:owner.i + 1]
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in phrase):
        return tokens  # "the NIS's report": named as a whole
    if (owner.pos_ == "PRON" and owner.lower_ in pronouns) or (
            owner.pos_ == "NOUN" and roles.get(owner.lemma_.lower()) is not None):
        return phrase
    return tokens


def _names_an_agent(participle: Token) -> bool:
    """"compiled by the UN human rights office" names who made it; "reached by phone" does not."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
               or source_lexicon()[1].get(t.lemma_.lower()) is not None
               for a in participle.children if a.dep_ == "agent" for t in a.subtree)


def _without_aside(tokens: SpacySpan) -> SpacySpan:
    """The source span without a relative or participle clause ("reached by phone") or a name-free
    description set off by commas:
    "A government official, who spoke on condition of anonymity" is named "government official",
    "The governor, a former paratrooper who has led the region since 2019," is "governor". An
    apposition that names someone or something ("a soldier, Vlad,", "an official of the NIS")
    stays. (The span keeps the aside: PolNeAR's sources do.)"""
    head = tokens.root
    aside = next((c for c in head.rights if c.left_edge.i > tokens.start
                  and tokens.doc[c.left_edge.i - 1].text == ","
                  and not any(t.lemma_.lower() in NAMING_WORDS for t in c.subtree)
                  and (c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
                                               and not _names_an_agent(c)) or (
                      c.dep_ == "appos" and c.pos_ == "NOUN"
                      and not any(t.pos_ == "PROPN" for t in c.subtree)))), None)
    if aside is None:
        return tokens
    return tokens.doc[tokens.start:aside.left_edge.i - 1]


def _is_document(tokens: SpacySpan) -> bool:
    """"The update", "the document", "preliminary findings": a document that names no issuer."""
    head = tokens.root
    if head.lemma_.lower() not in cues().document_nouns and head.lower_ not in cues().document_nouns:
        return False
    if head.pos_ != "NOUN":
        return False
    # "the update", "this document", "preliminary findings": one document; bare "reports" or
    # "documents" are unnamed sources of their own, not someone's paper
    specific = any(t.dep_ == "det" and t.lower_ in ("the", "this", "that", "these", "those") for t in head.children) \
        or any(t.dep_ == "amod" and t.lower_ in DOCUMENT_STAGES for t in head.children)
    if not specific:
        return False
    return not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or t.dep_ == "poss"
                   for t in tokens)


def _resolve(draft: Draft, tokens: SpacySpan, scene: Scene, pronouns: dict[str, str],
             roles: dict[str, str]) -> str | None:
    head = tokens.root
    word = head.lower_
    candidates = scene.candidates
    position = draft.source[0] if draft.source else 0
    if draft.antecedent is not None:
        return _antecedent(draft, scene, roles)
    group = partitive_group(tokens, position, scene.drafts, scene.names)
    if group is not None:
        return group
    if word in ("i", "me", "we", "us") and head.text != "US":
        speaker = _quoting_speaker(draft, scene)
        if speaker:
            return speaker
    speaker = _quoting_speaker(draft, scene, own_words=True)
    if speaker:
        # in a person's own words (a quote, a transcript turn) they are "I": "he" and "the
        # district commissioner" there are someone else ("Noor" is "Ali Noor")
        words = name_words(speaker)
        candidates = [c for c in candidates if not (c.kind == "person" and words & name_words(c.name))]
    if len(tokens) == 1 and word in pronouns:
        if word in ("he", "she", "him", "her"):
            candidates = [c for c in candidates if not c.plural]
        if pronouns[word] == "person":
            subject = _previous_subject(head, candidates)
            if subject:
                return subject
            # The last person who spoke, when they spoke recently, before any person merely named.
            recent = [c for c in candidates if c.role_words and not c.relay and position - c.position < SPEAKER_REACH]
            return nearest(recent, position, ("person",), set()) or nearest(
                candidates, position, ("person",), set())
        return previous_body(head, scene, roles) or _subject_before_in_sentence(head, candidates) \
            or _organisation_pronoun(position, candidates)
    owner = _compound_owner(tokens, roles)
    if owner is not None:  # "a health ministry statement": the ministry issued it
        return _role(owner, "organisation", position, candidates) or describe(owner)
    if _is_document(tokens):
        return _issuer(tokens, scene) or describe(tokens)
    group = named_group(tokens, position)
    if group is not None:
        return group
    if any(c.dep_ == "amod" and c.lower_ == "same" for c in head.children):
        # "the same investigators": the source said before with that noun
        same = [c for c in candidates if c.position < position and head.lemma_.lower() in c.role_words]
        if same:
            return same[-1].name
    kind = _is_role(tokens, roles)
    if kind == "person" and head.tag_ in ("NNS", "NNPS"):
        return describe(tokens)  # "the captives" are a group, not the last person named
    if kind == "person":
        workplace = _fronted_workplace(head, roles)
        if workplace is not None:  # "At the San Rafael Hospital, the director said": its director
            return f"{workplace} {head.text}"
    if kind is not None:
        cited = [(min(d.cue[0], d.source[0]), d.source[1]) for d in scene.drafts if d.relay and d.source is not None and d.cue_token is not None
                 and d.source[1] <= position and d.cue[0] >= _sentence_opening(text_of(scene.doc), position)]
        if cited:  # "Citing the General Staff, the think tank said": the speaker is not whom it cites
            candidates = [c for c in candidates if not any(s <= c.position < e for s, e in cited)]
        return _role(tokens, kind, position, candidates) or describe(tokens)
    return describe(tokens)


def _sentence_opening(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, by its text (the line's start or just after
    the last full stop before it): the parse may split a fronted phrase off as a sentence."""
    line = text.rfind("\n", 0, position)
    stop = max(text.rfind(". ", 0, position), text.rfind("? ", 0, position), text.rfind("! ", 0, position))
    return max(line, stop)


def _bare_spokesperson(tokens: SpacySpan, scene: Scene) -> str | None:
    """ "The RSF denied targeting civilians. A spokesman said ...", "Its spokesman said": a
    spokesperson the phrase ties to no body speaks for the body that was the subject of the
    sentence before (in its paragraph), or for the body "its" stands for."""
    head = tokens.root
    if head.lemma_.lower() not in SPOKESPERSON_WORDS or len(tokens) > 3:
        return None
    if any(c.dep_ in ("appos", "prep") or c.dep_ in ("compound", "nmod", "amod") and c.lower_ not in ARMED_WORDS
           for c in head.children):
        return None  # ("its military spokesman" is still the body's)
    det = next((c for c in head.children if c.dep_ in ("det", "poss") and c.i < head.i), None)
    if det is None or not (det.lower_ in ("a", "an") or det.dep_ == "poss" and det.lower_ in ("its", "their")):
        return None
    sentence = head.sent
    if sentence.start > 0 and "\n" not in text_of(scene.doc)[scene.doc[sentence.start - 1].idx:sentence.start_char]:
        before = scene.doc[sentence.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON":
            phrase = scene.doc[subject.left_edge.i:subject.i + 1]
            found = scene.named(phrase)
            # (a name with "the" is no person's, whatever the recogniser says: "the Houthis")
            if found is not None and (found[1] in ("organisation", "group") or any(
                    c.dep_ == "det" and c.lower_ == "the" for c in subject.children)):
                return found[0]
            if found is None and source_lexicon()[1].get(subject.lemma_.lower()) == "organisation":
                return describe(phrase)  # "The army has rejected the report. Its spokesman said"
    if det.dep_ == "poss":
        return _organisation_pronoun(det.idx, scene.candidates)
    return None


def _subject_before_in_sentence(pronoun: Token, candidates: list[Named]) -> str | None:
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


def _organisation_pronoun(position: int, candidates: list[Named]) -> str | None:
    """"they", "it", "its": an organisation or group that was itself a source; failing that, an
    organisation named in the last few sentences (a place or nationality alone never is)."""
    sources = [c for c in candidates if c.role_words and not c.relay]
    found = nearest(sources, position, ("organisation", "group"), set())
    if found:
        return found
    recent = [c for c in candidates if not c.relay and position - c.position < SPEAKER_REACH]
    return nearest(recent, position, ("organisation",), set())


def _role(tokens: SpacySpan, kind: str, position: int, candidates: list[Named]) -> str | None:
    """The named source a role noun ("the lawmaker", "the agency", "the newspaper") stands for.

    An organisation role prefers a source that spoke (made an attribution) to one merely
    mentioned. "The news agency" and "the newspaper" want a news outlet; any other organisation
    role ("the agency", "the ministry") skips news outlets and wire services, which a story
    names as carriers far more often than it calls them "the agency", unless no other source
    spoke recently.
    """
    head = tokens.root
    role_word = head.lemma_.lower()
    wanted = {"person": ("person",), "unknown": ("person", "organisation")}.get(kind, ("organisation", "group"))
    if role_word in BODY_ROLES:
        wanted = ("organisation",)  # "the military", "the ministry": a body, never a country or place
    media = media_role(tokens)
    organisation = kind == "organisation"

    # a name seen once as a news outlet or relay is one everywhere (spaCy may label it plain ORG)
    # ("the news agency News1": introduced with a news word; "Defence Intelligence Agency" is no outlet)
    news = {c.name for c in candidates if c.relay or c.label in NEWS_LABELS
            or c.kind != "person" and c.role_words & (MEDIA_ROLES | NEWS_WORDS)}

    state = role_word in _state_roles()  # "the group" is no place; "the government" may be a country
    if state and organisation and any(c.dep_ == "amod" for c in head.children):
        return None  # "the transitional government", "the federal government": described as written

    # "the civil defence agency", "the health ministry in the Hamas-run territory": words that set
    # the body apart must be the candidate's too
    marks = distinguishing_words(tokens, source_lexicon()[1]) if organisation and not media else frozenset()

    def marked(c: Named) -> bool:
        return carries_words(c, marks)

    def fits(c: Named) -> bool:
        if not organisation:
            return True
        if not marked(c):
            return False
        if not state and c.label in PLACE_LABELS:
            return False
        if state and c.label not in PLACE_LABELS and not _state_words() & name_words(c.name):
            return False  # "the transitional government" is no armed group quoted before it
        return is_news(c) if media else not (c.relay or c.label in NEWS_LABELS or c.name in news)

    earlier = [c for c in candidates if c.position < position]
    # (a body cited by a relay, "citing the Emergency Medicine and Support Centre", is still the
    # one "the centre" names; an outlet is not)
    same_role = [c for c in earlier if role_word in c.role_words
                 and (fits(c) or organisation and not media and c.relay and c.label not in NEWS_LABELS)]
    if same_role:
        return same_role[-1].name
    # "the Centre adds" after "the Public Health Emergency Operations Centre of the Ministry":
    # a body named with the role word, when no source spoke with it
    same_name = [c for c in earlier if c.kind != "person" and fits(c) and not _other_body(role_word, c.name)
                 and not (role_word in ARMED_ROLES and _insurgent(c.name))
                 and role_word in {w.casefold().strip(".,") for w in c.name.split()}]
    if same_name:
        return same_name[-1].name
    if kind == "unknown":
        return None
    # a different role never points at a source known only by its description: "the governor"
    # after "officials who inspected the site" is someone else
    # (an armed role points at a body only mentioned, never speaking, only when its name holds the
    # role: "the army" after "It blamed the paramilitary Rapid Support Forces" is not the RSF)
    usable = [c for c in earlier if fits(c) and not c.described and not _other_body(role_word, c.name)
              and not (role_word in ARMED_ROLES and not c.role_words
                       and (_insurgent(c.name) or role_word not in name_words(c.name)))]
    qualified = [t for c in head.children if c.dep_ == "prep" and c.i > head.i
                 for t in c.subtree if t.pos_ == "PROPN"]
    if qualified and kind == "person" and all(t.ent_type_ in PLACE_LABELS | {"NORP"} for t in qualified):
        return None  # "the representative of Syria": someone of that country, not whoever named it before
    qualifier = {t.lemma_.lower() for t in qualified}
    if qualifier:  # "the head of the Defence Intelligence": someone tied to that organisation
        usable = [c for c in usable if {w.lower() for w in c.role_words} & qualifier]
    pools = [[c for c in usable if c.role_words], usable]  # sources before mentions
    if organisation and not media and not qualifier:
        # a news outlet that spoke recently, when no other organisation did ("the health ministry
        # in the Hamas-run territory" is tied to a place or body, so it is no outlet)
        pools.insert(1, [c for c in earlier if c.role_words and not c.relay and (fits(c) or not state and marked(c))
                         and position - c.position < SPEAKER_REACH and not _other_body(role_word, c.name)])
    for kinds in (wanted[:1], wanted):  # an agency is an organisation before it is a country
        for pool in pools:
            found = nearest(pool, position, kinds, set())
            if found:
                return found
    return None


def _other_body(role_word: str, name: str) -> bool:
    """ "the army" and "Human Rights Office": an armed body's role points only at a name that
    names an armed body ("Israel Defense Forces", "General Staff"), and a civil body's role
    never at an armed body's name."""
    words = name.casefold().replace("’", "'").replace("'s", "").split()
    last = words[-1] if words else ""
    if role_word in ARMED_ROLES:
        return not set(words) & ARMED_NAMES
    return role_word in CIVIL_ROLES and (last in ARMED_ROLES or bool(set(words) & ARMED_UNITS))


def _antecedent(draft: Draft, scene: Scene, roles: dict[str, str]) -> str | None:
    """Who a relative "who"/"which" source is: the noun it hangs on when that names someone;
    else a name inside it ("those of Seoul's JCS, which ...", "the estimate of the ministry,
    which ..."); else, for a role ("the agency, which"), what the role stands for."""
    doc = scene.doc
    antecedent = doc[draft.antecedent] if draft.antecedent is not None else None
    assert antecedent is not None
    phrase = doc[antecedent.left_edge.i:antecedent.i + 1]
    if antecedent.pos_ not in ("PRON", "DET") and not _is_role(phrase, roles) and not _is_document(phrase):
        found = scene.named(phrase)
        if found is not None:
            return found[0]
    relative = draft.source[0] if draft.source else antecedent.idx
    for prep in sorted((c for c in antecedent.rights if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")),
                       key=lambda c: -c.i):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        pronoun = doc.char_span(relative, relative + 1, alignment_mode="expand")
        stop = pronoun.start if pronoun is not None else obj.right_edge.i + 1
        inner = doc[obj.left_edge.i:min(obj.right_edge.i + 1, stop)]
        if len(inner) and (found := scene.named(inner)) is not None:
            return found[0]
    if _is_role(phrase, roles):
        found_role = _role(phrase, _is_role(phrase, roles) or "unknown", phrase.start_char, scene.candidates)
        if found_role:
            return found_role
    if _is_document(phrase):
        issuer = _issuer(phrase, scene)
        if issuer:
            return issuer
    if antecedent.pos_ in ("PRON", "DET"):
        # the nearest named organisation or person between the pronoun and the relative
        named = [c for c in scene.candidates if phrase.start_char <= c.position < relative
                 and c.kind in ("organisation", "person")]
        if named:
            return named[-1].name
        return None
    return describe(phrase)


def _issuer(tokens: SpacySpan, scene: Scene) -> str | None:
    """Who issued the document a source like "the update" or "preliminary findings" is.

    Looks back for the same document named with its issuer ("the ministry released an
    update", "the NIS's report", "a report by the UN"), then any document named so, then
    the organisation that last spoke within reach. None when nothing fits.
    """
    doc = scene.doc
    head = tokens.root
    lemma = head.lemma_.lower()
    nouns = cues().document_nouns
    start = tokens.start_char
    earlier = [t for t in doc[max(0, tokens.start - 400):tokens.start] if t.pos_ == "NOUN"]
    for same in (True, False):
        for token in reversed(earlier):
            if (token.lemma_.lower() == lemma) != same or (
                    not same and token.lemma_.lower() not in nouns and token.lower_ not in nouns):
                continue
            if not same and start - token.idx > 2 * SPEAKER_REACH:
                break
            owner = document_owner(token)
            if owner is None:
                continue
            role = _is_role(doc[owner.left_edge.i:owner.i + 1], source_lexicon()[1])
            if owner.pos_ == "PRON" or role:
                found = next((scene.names.get(i) for i, d in enumerate(scene.drafts)
                              if d.source and d.source[0] <= owner.idx < d.source[1] and scene.names.get(i)), None)
                if found:
                    return found
                if owner.pos_ == "PRON":
                    found = _organisation_pronoun(owner.idx, scene.candidates)
                else:  # "the defence ministry released an update": what the role stands for
                    phrase = doc[owner.left_edge.i:owner.i + 1]
                    found = _role(phrase, role or "unknown", owner.idx, scene.candidates) or describe(phrase)
                if found:
                    return found
                continue
            named = scene.named(doc[owner.left_edge.i:owner.right_edge.i + 1])
            if named is not None:
                return named[0]
    speakers = [c for c in scene.candidates if c.role_words and not c.relay and c.kind == "organisation"
                and start - c.position < 2 * SPEAKER_REACH]
    found = nearest(speakers, start, ("organisation",), set())
    if found:
        return found
    # "Investigators from the X Institute examined the site. Preliminary findings suggested ...":
    # an organisation named in the subject of the sentence before, in the same paragraph
    sentence = tokens.sent
    if sentence.start == 0 or "\n" in text_of(doc)[doc[sentence.start - 1].idx:sentence.start_char]:
        return None
    previous = doc[sentence.start - 1].sent
    subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    phrase = doc[subject.left_edge.i:subject.right_edge.i + 1]
    named = scene.named(phrase)
    if named is not None and named[1] == "organisation":
        return named[0]
    inside = [c for c in scene.candidates if phrase.start_char <= c.position < phrase.end_char
              and c.kind == "organisation"]
    return inside[-1].name if inside else None


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


def _body_in_content(draft: Draft, tokens: SpacySpan, scene: Scene) -> str | None:
    """ "The coast guard has raised its count: 40 boats were seized, a spokesman said": a bare
    spokesperson set after what they say speaks for the organisation that is its subject."""
    if tokens.root.lemma_.lower() not in SPEAKS_FOR_ROLES or not draft.content or not draft.source \
            or draft.content[0][0] > draft.source[0] \
            or any(t.dep_ == "prep" or t.pos_ == "PROPN" for t in tokens):
        return None
    content = scene.doc.char_span(*draft.content[0], alignment_mode="expand")
    if content is None:
        return None
    for token in content:
        if token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ == "ORG":
            phrase = scene.doc[token.left_edge.i:token.i + 1]
            found = scene.named(phrase)
            if found is not None and found[1] == "organisation":
                return found[0]
            return None  # the first subject decides
        if token.dep_ in ("nsubj", "nsubjpass"):
            return None
    return None


def _fronted_workplace(role: Token, roles: dict[str, str]) -> str | None:
    """The body a sentence opens with, for an unnamed role who speaks in it: "At the San Rafael
    Hospital in Ocana, the director said" (the hospital's director). A place ("In Kampala, the
    governor said") is not one; None when the sentence opens with no body."""
    verb = role.head
    if role.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "prep" and c.i > role.i for c in role.children):
        return None
    for opener in verb.children:
        if opener.i > role.i or opener.dep_ != "prep" or opener.lower_ not in ("at", "in", "inside"):
            continue
        body = next((c for c in opener.children if c.dep_ == "pobj"), None)
        if body is None or not (body.ent_type_ in ("FAC", "ORG") or roles.get(body.lemma_.lower()) == "organisation"):
            continue
        words = [t for t in body.doc[body.left_edge.i:body.i + 1] if t.dep_ != "det"]
        return " ".join(t.text for t in words) if words else None
    return None


def _compound_owner(tokens: SpacySpan, roles: dict[str, str]) -> SpacySpan | None:
    """The body a document noun's modifiers name ("a health ministry statement", "an army
    communique"): the compound whose head is a body's role noun, or None (also for a name:
    "the NIS report" is read as a name)."""
    noun = tokens.root
    if noun.pos_ != "NOUN" or (noun.lemma_.lower() not in cues().document_nouns
                               and noun.lower_ not in cues().document_nouns):
        return None
    owner = next((c for c in reversed(list(noun.lefts)) if c.dep_ == "compound"), None)
    if owner is None or owner.pos_ != "NOUN" or roles.get(owner.lemma_.lower()) != "organisation" \
            or owner.lemma_.lower() in cues().document_nouns:  # "an intelligence assessment" is one document
        return None
    phrase = noun.doc[owner.left_edge.i:owner.i + 1]
    return None if any(t.pos_ == "PROPN" for t in phrase) else phrase


def _quoting_speaker(draft: Draft, scene: Scene, own_words: bool = False) -> str | None:
    """Who "I" and "we" are inside a quote: the speaker of the draft whose content holds the
    cue of `draft`. With `own_words`, only a speaker in their own words (a direct quote, a
    transcript turn "NOOR: ..."), inside which "he" and a role noun are someone else; in
    reported speech ("Smith said he had counted 40") "he" may be the speaker."""
    text = text_of(scene.doc)
    for i, other in enumerate(scene.drafts):
        if other is draft:
            continue
        if own_words and not (other.kind == "direct" or text[other.cue[0]:other.cue[1]] == ":"):
            continue
        if any(s <= draft.cue[0] and draft.cue[1] <= e for s, e in other.content):
            return scene.names.get(i)
    return None


def drop_unnamed_owners(drafts: list[Draft], names: list[str | None],
                        text: str) -> tuple[list[Draft], list[str | None]]:
    """Drafts without those whose source is a possessive determiner that names no one ("up from
    3,000 in its January estimate" with no "it" to point at): a source called "its" tells an
    analyst nothing, so the frame makes no attribution. Their children move up a level."""
    owners = possessive_pronouns()
    dropped = {id(d) for d, n in zip(drafts, names) if n is None and d.source is not None
               and d.kind != "sourceless" and text[d.source[0]:d.source[1]].strip().lower() in owners}
    if not dropped:
        return drafts, names
    kept = [(d, n) for d, n in zip(drafts, names) if id(d) not in dropped]
    for draft, _ in kept:
        while draft.parent is not None and id(draft.parent) in dropped:
            draft.parent = draft.parent.parent
        if draft.mirror is not None and id(draft.mirror) in dropped:
            draft.mirror = None
    return [d for d, _ in kept], [n for _, n in kept]
