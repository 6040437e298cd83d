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
What a role noun or a document stands for is `roles`, who a pronoun is from the sentences around
it `pronouns`, a transcript label as a name `labels`. Source spans themselves are never changed:
PolNeAR and analysts both want the text as written. This module must not find attributions.
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
    MEDIA_ROLES,
    SPEAKER_REACH,
    Named,
    describe,
    full_name,
    is_news,
    media_role,
    name_words,
    nearest,
    untitled,
)
from claimgraph.extract.attributions.chains import self_reference
from claimgraph.extract.attributions.drafts import Draft
from claimgraph.extract.attributions.groups import (
    name_headline_roles,
    named_group,
    partitive_group,
)
from claimgraph.extract.attributions.labels import bracketed_name, label_name
from claimgraph.extract.attributions.lines import NOTE_LINE
from claimgraph.extract.attributions.names import (
    abbreviation_apposed,
    acronyms_in,
    clean,
    expand,
    is_abbreviation,
    mention_name,
    pronoun_form,
    same_name,
    word_end,
)
from claimgraph.extract.attributions.naming import (
    NAMING_WORDS,
    SPEAKS_FOR_ROLES,
    document_owner,
    issuing_participle,
    kind_of_label,
    named_in,
    source_lexicon,
)
from claimgraph.extract.attributions.pronouns import (
    clause_agent,
    organisation_pronoun,
    previous_subject,
    subject_before_in_sentence,
)
from claimgraph.extract.attributions.roles import (
    compound_owner,
    fronted_workplace,
    is_document,
    is_role,
    role_referent,
)
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


@lru_cache(maxsize=1)
def possessive_pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_vocab("cues").get("possessive_pronouns") or [])


_clean = clean


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
    headed = _header_roles(text, roles)
    candidates += headed
    # "[Translator's note 1: ...": the label names no one an anaphor can point back to
    labels = [match.span() for match in NOTE_LINE.finditer(text)]
    if labels:
        candidates = [c for c in candidates if not any(start <= c.position < end for start, end in labels)]
    held = {next(iter(c.role_words)): c.name for c in headed}  # "spokesperson": "Tomás Elgueta"
    scene = Scene(doc, drafts, names, candidates, mentions, doc_ents)
    # Named sources first, so that a role or pronoun can point at a source named later in the list.
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].source or (-1, -1))[0])
    pending: list[int] = []
    abbreviated: list[tuple[tuple[int, int], str]] = []  # source spans named by an abbreviation set after them
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
        named_by_abbreviation = _appositive_name(tokens)
        if named_by_abbreviation is not tokens:
            abbreviated.append((draft.source, named_by_abbreviation.text))
            tokens = named_by_abbreviation
        found = scene.named(tokens) if not (is_role(tokens, roles) or is_document(tokens)
                                            or unnamed_spokesperson(tokens, roles)) else None
        written = [t.lower_ for t in tokens if t.dep_ != "det"]
        if len(written) == 1 and written[0] in held:
            found = (held[written[0]], "person")  # "The Spokesperson said" under "Spokesperson: X"
        body = _body_in_content(draft, tokens, scene) if found is not None else None
        if body is None and found is not None:
            body = _bare_spokesperson(tokens, scene)  # "The RSF denied it. A spokesman said ..."
        if body is not None:
            found = (body, "organisation")
        elif found is not None:
            found = (_whole_words(found[0], text[draft.source[0]:draft.source[1]]), found[1])
            if draft.outlet:  # "told TV Norte": the recogniser's "Norte" is the outlet "TV Norte"
                found = (_with_outlet_word(found[0], text[draft.source[0]:draft.source[1]]), found[1])
        bracketed = bracketed_name(text[draft.source[0]:draft.source[1]])
        if bracketed is not None:  # "TKACHUK (Iryna Tkachuk, State Border Guard Service):"
            found = (bracketed, "person")
        if found is not None and not (len(tokens) == 1 and pronoun_form(tokens[0].text) in pronouns):
            # ("GENERAL ANDRÉS VILLAMIZAR (commander, ...):": the label before its brackets)
            label = label_name(text[draft.source[0]:draft.source[1]].split("(")[0].strip())
            if label is not None:  # later labels and roles point back at the name, not the capitals
                found = (label, "person")
            names[i] = found[0]
            role_words = frozenset(t.lemma_.lower() for t in tokens  # (the tagger may call "weekly" an adjective)
                                   if t.pos_ in ("NOUN", "PROPN") or t.lower_ in MEDIA_ROLES) \
                or frozenset({"source"})
            kind = "person" if any(c.name == found[0] and c.kind == "person" for c in candidates) else found[1]
            if kind != "person" and tokens.root.pos_ == "PROPN" and any(
                    c.dep_ == "appos" and roles.get(c.lemma_.lower()) == "person" for c in tokens.root.children):
                kind = "person"  # "Helena Varga, spokesperson for ...": the recogniser may say ORG
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
    # a mention inside a source named by its abbreviation is that source ("The prison service, SNAI,
    # says": "it" later is SNAI, not "prison service")
    candidates[:] = [c for c in candidates if not any(
        source[0] < c.position < source[1] and c.name != name for source, name in abbreviated)]
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
    # a transcript's speaker label is a person whatever the recogniser called the name it stands
    # for ("TRAORÉ:" after "Guest: Youssouf Traoré", tagged an organisation)
    named_twice = [c for c in candidates if 2 <= len(c.name.split()) <= 3]
    # (less the titles the recogniser took in: "HADDEN:" after "Chief Superintendent Gillian Hadden")
    labels = {name: untitled(full_name(name, named_twice, drafts[i].source[0])) for i, name in names.items()
              if name and drafts[i].source is not None and name.isupper() and len(name.split()) == 1
              and text[drafts[i].cue[0]:drafts[i].cue[1]] == ":"}
    for i, name in names.items():
        source = drafts[i].source
        if name and source is not None:  # ("I" in the speaker's turn is the speaker too)
            names[i] = labels.get(name) or full_name(expand(name, acronyms), persons, source[0])
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


# "Spokesperson: Tomás Elgueta" on a line of its own, in a briefing's header
_HEADER_ROLE = re.compile(r"^[^\S\n]*([A-Z][a-z]+)[^\S\n]*:[^\S\n]*"
                          r"((?:[A-Z][\w.'’-]+[^\S\n]+){1,3}[A-Z][\w'’-]+)[^\S\n]*\.?[^\S\n]*$", re.MULTILINE)


def _appositive_name(tokens: SpacySpan) -> SpacySpan:
    """ "The prison service, SNAI,": a body described by a common noun and then named in capitals
    is that name (what later mentions and other sources call it)."""
    name = abbreviation_apposed(tokens.root)
    return tokens.doc[name.i:name.i + 1] if name is not None and name.i < tokens.end else tokens


def _header_roles(text: str, roles: dict[str, str]) -> list[Named]:
    """A person a line of its own names for a role ("Spokesperson: Tomás Elgueta", above the notes
    of a briefing), so that "the Spokesperson" points at that person."""
    return [Named(match.start(2), match.group(2), "person", frozenset({match.group(1).lower()}))
            for match in _HEADER_ROLE.finditer(text)
            if roles.get(match.group(1).lower()) == "person"]


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


def _speaker_tokens(tokens: SpacySpan, roles: dict[str, str], pronouns: dict[str, str]) -> SpacySpan:
    """The part of a source span that says who it is: without asides, and for a document owned
    or a figure owned by a role or a pronoun ("the ministry's figures", "the group's count", "a bulletin
    by the station") the owner, which is then resolved like any role or pronoun."""
    tokens = _without_aside(tokens)
    head = tokens.root
    lemma = head.lemma_.lower()
    words = {lemma, head.lower_}  # ("data" is lemmatised "datum")
    if head.pos_ != "NOUN" or not words & (cues().document_nouns | cues().figure_nouns):
        return tokens
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i >= tokens.start), None)
    if owner is None:  # "an earlier bulletin by the station", "the findings of the national police"
        by = next((p for p in head.rights if p.dep_ == "prep" and p.lower_ in ("by", "of") and p.i < tokens.end), None)
        owner = next((c for c in by.children if c.dep_ == "pobj" and c.i < tokens.end), None) if by else None
        if owner is not None and by.lower_ == "of" and roles.get(owner.lemma_.lower()) is None:
            owner = None  # "the findings of the inquiry": what they are about, not whose
    if owner is None:  # "figures previously published by the governor"
        made = next((c for c in head.rights if issuing_participle(c) and c.i < tokens.end), None)
        agent = next(c for c in made.children if c.dep_ == "agent") if made is not None else None
        owner = next((c for c in agent.children if c.dep_ == "pobj" and c.i < tokens.end), None) if agent else None
    if owner is None:  # "a communiqué attributed to an MFDC faction": whose it is said to be
        attributed = next((c for c in head.rights if c.dep_ == "acl" and c.lemma_.lower() == "attribute"
                           and c.i < tokens.end), None)
        to = next((p for p in attributed.children if p.dep_ == "prep" and p.lower_ == "to"), None) \
            if attributed is not None else None
        author = next((c for c in to.children if c.dep_ == "pobj" and c.i < tokens.end), None) if to else None
        if author is not None:
            return tokens.doc[author.left_edge.i:min(author.right_edge.i + 1, tokens.end)]
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


@lru_cache(maxsize=1)
def _distance_units() -> frozenset[str]:
    units = (load_vocab("quantities").get("non_figure_units") or {}).get("distance") or []
    return frozenset(str(u).lower() for u in units)


def _distance_aside(phrase: Token) -> bool:
    """ "..., about 100 km to the east,": where a place lies, said of the place in the source."""
    return any(t.like_num for t in phrase.subtree) and any(t.lower_ in _distance_units() for t in phrase.subtree)


def _without_aside(tokens: SpacySpan) -> SpacySpan:
    """The source span without a relative or participle clause ("reached by phone") or a name-free
    description set off by commas:
    "A government official, who spoke on condition of anonymity" is named "government official",
    "The governor, a former paratrooper who has led the region since 2019," is "governor", "a doctor at
    the hospital, about 100 km to the east," is "doctor at the hospital". An
    apposition that names someone or something ("a soldier, Vlad,", "an official of the NIS")
    stays. (The span keeps the aside: PolNeAR's sources do.)"""
    head = tokens.root
    aside = next((c for c in head.rights if c.left_edge.i > tokens.start
                  and tokens.doc[c.left_edge.i - 1].text == ","
                  and not any(t.lemma_.lower() in NAMING_WORDS for t in c.subtree)
                  and ((c.dep_ == "relcl" and not (issuing_participle(c) and _names_an_agent(c)))
                       or (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and not _names_an_agent(c)) or (
                      c.dep_ == "appos" and c.pos_ == "NOUN"
                      and not any(t.pos_ == "PROPN" for t in c.subtree)) or _distance_aside(c))), None)
    if aside is None:
        return tokens
    return tokens.doc[tokens.start:aside.left_edge.i - 1]


def _resolve(draft: Draft, tokens: SpacySpan, scene: Scene, pronouns: dict[str, str],
             roles: dict[str, str]) -> str | None:
    head = tokens.root
    word = pronoun_form(head.text)
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
            subject = previous_subject(head, candidates)
            if subject:
                return subject
            # The last person who spoke, when they spoke recently, before any person merely named.
            recent = [c for c in candidates if c.role_words and not c.relay and position - c.position < SPEAKER_REACH]
            # (not one "he" reports: "He tells her that the commander had assured them ... He also
            # complains": the second "he" is the first, not the commander inside his words)
            text = text_of(scene.doc)
            reported = [c for c in recent if any(
                d.source is not None and d.source[1] <= c.position and pronoun_form(text[d.source[0]:d.source[1]]) == word
                and any(s <= c.position < e for s, e in d.content) for d in scene.drafts)]
            return nearest([c for c in recent if c not in reported], position, ("person",), set()) or nearest(
                [c for c in candidates if c not in reported], position, ("person",), set())
        return clause_agent(head, candidates) or previous_body(head, scene, roles) \
            or subject_before_in_sentence(head, candidates) or organisation_pronoun(position, candidates)
    owner = compound_owner(tokens, roles)
    if owner is not None:  # "a health ministry statement": the ministry issued it
        return role_referent(owner, "organisation", position, candidates) or describe(owner)
    if is_document(tokens):
        # ("According to the paper" after "the newspaper Hürriyet": the outlet, not a document's issuer)
        outlet = role_referent(tokens, "organisation", position, candidates) if media_role(tokens) else None
        return outlet or _issuer(tokens, scene) or describe(tokens)
    group = named_group(tokens, position)
    if group is not None:
        return group
    if any(c.dep_ == "amod" and c.lower_ == "same" for c in head.children):
        # "the same investigators": the source said before with that noun
        same = [c for c in candidates if c.position < position and head.lemma_.lower() in c.role_words]
        if same:
            return same[-1].name
    kind = is_role(tokens, roles)
    if kind == "person" and head.tag_ in ("NNS", "NNPS"):
        # "the captives" are a group, not the last person named; "the officers" after "military
        # intelligence officers had told ..." are those officers
        same = [c for c in candidates if c.position < position and c.described and c.plural
                and head.lemma_.lower() in c.role_words]
        return same[-1].name if same else describe(tokens)
    if kind == "person":
        workplace = fronted_workplace(head, roles)
        if workplace is not None:  # "At the San Rafael Hospital, the director said": its director
            return f"{workplace} {head.text}"
    if kind is not None:
        cited = [(min(d.cue[0], d.source[0]), d.source[1]) for d in scene.drafts if d.relay and d.source is not None and d.cue_token is not None
                 and d.source[1] <= position and d.cue[0] >= _sentence_opening(text_of(scene.doc), position)]
        if cited:  # "Citing the General Staff, the think tank said": the speaker is not whom it cites
            candidates = [c for c in candidates if not any(s <= c.position < e for s, e in cited)]
        return role_referent(tokens, kind, position, candidates) or describe(tokens)
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
        return organisation_pronoun(det.idx, scene.candidates)
    return None


def _with_outlet_word(name: str, written: str) -> str:
    """`name` with the capitalised outlet word written right before it ("TV", "Radio"), if any."""
    at = written.find(name)
    before = written[:at].split() if at > 0 else []
    if before and before[-1][:1].isupper() and before[-1].lower() in cues().outlet_words:
        return f"{before[-1]} {name}"
    return name


def _antecedent(draft: Draft, scene: Scene, roles: dict[str, str]) -> str | None:
    """Who a relative "who"/"which" source is: the noun it hangs on when that names someone;
    else a name inside it ("those of Seoul's JCS, which ...", "the estimate of the ministry,
    which ..."); else, for a role ("the agency, which"), what the role stands for."""
    doc = scene.doc
    antecedent = doc[draft.antecedent] if draft.antecedent is not None else None
    assert antecedent is not None
    phrase = doc[antecedent.left_edge.i:antecedent.i + 1]
    if antecedent.pos_ not in ("PRON", "DET") and not is_role(phrase, roles) and not is_document(phrase):
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
    if is_role(phrase, roles):
        found_role = role_referent(phrase, is_role(phrase, roles) or "unknown", phrase.start_char, scene.candidates)
        if found_role:
            return found_role
    if is_document(phrase):
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
            if owner is None or doc[owner.left_edge.i:token.i + 1].text.casefold() in cues().headline_labels:
                continue  # ("[Translator's note: ...]" is the publisher's)
            if owner.lemma_.lower() in nouns and owner.i < token.i:
                found = _issuer(doc[owner.i:owner.i + 1], scene)  # "the table's notes": the table's issuer
                if found:
                    return found
                continue
            role = is_role(doc[owner.left_edge.i:owner.i + 1], source_lexicon()[1])
            if owner.pos_ == "PRON" or role:
                found = next((scene.names.get(i) for i, d in enumerate(scene.drafts)
                              if d.source and d.source[0] <= owner.idx < d.source[1] and scene.names.get(i)), None)
                if found:
                    return found
                if owner.pos_ == "PRON":
                    found = organisation_pronoun(owner.idx, scene.candidates)
                else:  # "the defence ministry released an update": what the role stands for
                    phrase = doc[owner.left_edge.i:owner.i + 1]
                    found = role_referent(phrase, role or "unknown", owner.idx, scene.candidates) or describe(phrase)
                if found:
                    return found
                continue
            named = scene.named(doc[owner.left_edge.i:owner.right_edge.i + 1])
            if named is not None:
                return named[0]
    # (not the translator of a translated item, whose notes are the publisher's)
    speakers = [c for c in scene.candidates if c.role_words and not c.relay and c.kind == "organisation"
                and start - c.position < 2 * SPEAKER_REACH and c.name.casefold() not in cues().headline_labels]
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
            # ("army intelligence officers" speak for an army, not for the ELN they report on)
            bodies = {t.lower_ for t in tokens if t.dep_ in ("compound", "amod", "nmod")
                      and source_lexicon()[1].get(t.lemma_.lower()) == "organisation"}
            if found is not None and found[1] == "organisation" and not bodies - name_words(found[0]):
                return found[0]
            return None  # the first subject decides
        if token.dep_ in ("nsubj", "nsubjpass"):
            return None
    return None


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
