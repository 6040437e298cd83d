"""What name a source span gives: the person, body or group it names, as written.

`named_in` reads one source span ("South Korean lawmaker Lee Seong-kweun", "a spokesman for
the Houthis", "the report compiled by the UN office", "police officers in Goma") and returns
the name it gives with its kind (person, organisation, group), or None when it names no one
and is left to coreference (`coref`). It leaves out what only describes the source: a place
or a clause set after a common noun, the apposition describing a named body, a name that
only modifies the one the phrase is about. This module must not find attributions nor
resolve pronouns and roles.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.attributions.candidates import describe
from claimgraph.extract.attributions.names import clean, is_abbreviation, mention_name
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.nlp import HYPHENS
from claimgraph.model import Mention
from claimgraph.model.vocab import load_vocab

__all__ = ["BODY_ROLES", "body_spoken_for", "document_owner", "kind_of_label", "named_in", "source_lexicon"]

_clean = clean

PERSON_LABELS = {"PERSON"}
NAMING_WORDS = {"name", "surname", "nickname", "callsign", "named", "call", "called"}
ORG_LABELS = {"ORG", "OUTLET", "WIRE", "GOV", "INTEL", "MILITARY", "UNIT"}
GROUP_LABELS = {"NORP", "GPE"}
PLACE_LABELS = frozenset({"GPE", "LOC"})


@lru_cache(maxsize=1)
def source_lexicon() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = load_vocab("cues")
    pronouns = {word.lower(): kind for kind, words in (data.get("pronouns") or {}).items() for word in words}
    roles = {word.lower(): kind for kind, words in (data.get("role_nouns") or {}).items() for word in words}
    return pronouns, roles, cues().titles


def kind_of_label(label: str) -> str | None:
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
        found = kind_of_label(ent.label_)
        if found:
            return found
    if head.ent_type_:
        return kind_of_label(head.ent_type_)
    return None


def _description_of_name(head: Token) -> set[int]:
    """Where a name that heads a source span is described after it ("The SPLM-IO, the party of
    ...,", "Skywatch, a Geneva-based monitoring group that ..."): the character offsets of the
    words of its apposed description and its clauses; empty for a person or a common noun."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
        return set()
    return {t.idx for c in head.children if c.i > head.i and (
        c.dep_ == "appos" and c.pos_ != "PROPN" or c.dep_ in ("relcl", "acl")) for t in c.subtree}


def named_in(tokens: SpacySpan, mentions: list[Mention],
             doc_ents: list[SpacySpan] | None = None) -> tuple[str, str] | None:
    """The name a source span gives, with its kind, or None when it names no one."""
    _, roles, _titles = source_lexicon()
    start, end = tokens.start_char, tokens.end_char
    inside = [m for m in mentions if start <= m.start and m.end <= end
              and kind_of_label(m.label) is not None]
    # "The SPLM-IO, the party of Riek Machar, said": a person in what describes a named body
    # is not the source
    aside = _description_of_name(tokens.root) | _participle_of_noun(tokens.root)
    inside = [m for m in inside if m.start not in aside]
    # "police officers in Goma", "survivors of the attack on Béléhédé": the recogniser may take
    # the place for a person; it says where, not who
    where = _where_of_noun(tokens.root)
    inside = [m for m in inside if m.label not in PERSON_LABELS or m.start not in where]
    persons = [m for m in inside if m.label in PERSON_LABELS]
    if persons:
        best = max(persons, key=lambda m: m.end - m.start)
        span = tokens.doc.char_span(best.start, best.end, alignment_mode="expand")
        whole = _given_names(span, tokens.start) if span is not None and len(span) else None
        if whole is not None and whole.start < span.start:
            return _clean(whole.text), "person"
        return mention_name(best), "person"
    ents = [e for e in _ents_in(tokens, doc_ents) if kind_of_label(e.label_) is not None
            and e.start_char not in aside and (e.label_ not in PERSON_LABELS or e.start_char not in where)]
    people = [e for e in ents if e.label_ in PERSON_LABELS]
    if people:
        return _clean(_given_names(max(people, key=len), tokens.start).text), "person"
    head = tokens.root
    if head.text.islower() and head.lemma_.lower() in ("ministry", "ministries") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        # a ministry of a government is a body of its own: "the health ministry of the Government
        # of National Unity" is not the government
        return describe(tokens), "organisation"
    if roles.get(head.lemma_.lower()) == "person":
        # "An analyst at the Institute for Security Studies, Borges Nhamirre, said": the parse may
        # hang the person's name on the body named last; set off by commas, in title case, it is
        # the analyst's (not an acronym: "a spokesman for the Allied Democratic Forces, ADF,")
        late = [t for t in tokens if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > head.i
                and t.head.i != head.i and head in t.head.ancestors and not t.text.isupper()
                and tokens.doc[t.left_edge.i - 1].text == "," and t.left_edge.i < t.i
                and (t.i + 1 >= tokens.end or tokens.doc[t.i + 1].text == ",")]
        if late:
            return _clean(tokens.doc[late[-1].left_edge.i:late[-1].i + 1].text), "person"
    owned = _possessed_organisation(tokens, inside, roles) or _modified_organisation(tokens, inside, roles)
    if owned is not None:
        return owned, "organisation"
    # "the report, compiled by the UN office", "a clip aired by two television stations": the issuer
    if issued_document(head) or head.lemma_.lower() in cues().evidence_nouns:
        owner = document_owner(head)
        # a modifier ("the NIS report", "UK intelligence") is read with the whole name below;
        # a nationality ("the British assessment") only says whose side, not who issued it
        if owner is not None and owner.dep_ not in ("compound", "amod", "nmod") \
                and owner.pos_ not in ("PRON", "ADJ") and owner.ent_type_ != "NORP" \
                and tokens.start <= owner.left_edge.i \
                and owner.right_edge.i < tokens.end and owner.i != head.i:
            # the owner's phrase without a clause the parse hung on it ("by UN investigators
            # published in March": the report was published)
            clauses = {t.i for c in owner.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
            last = max(t.i for t in owner.subtree if t.i not in clauses)
            issuer = named_in(tokens.doc[owner.left_edge.i:last + 1], mentions, doc_ents)
            if issuer is not None:
                return issuer
    called = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ in ("appos", "oprd", "attr", "pobj")
              and t.head.lemma_.lower() in NAMING_WORDS]
    if called and (roles.get(head.lemma_.lower()) == "person" or head.pos_ in ("ADJ", "NOUN")):
        # "the 26-year-old, identified only by his surname Ri", "a soldier named Vlad"
        return _clean(called[0].text), "person"
    appos = [t for t in tokens if t.head == head and head.pos_ != "PROPN" and t.pos_ == "PROPN" and (t.dep_ == "appos" or (
        # "A sniper with the brigade, Tarik,": the parse may take the apposed name for an adverbial
        t.dep_ == "npadvmod" and t.i > head.i and tokens.doc[t.left_edge.i - 1].text == ","))]
    if appos:  # "A soldier from the battalion, 31-year-old Vlad": the apposed name
        name = appos[0]
        first = _name_start(name, tokens.start)
        kind = "organisation" if roles.get(head.lemma_.lower()) == "organisation" else "person"
        return _clean(tokens.doc[first.i:name.i + 1].text), kind
    if head.pos_ == "PROPN" and head.text[:1].isupper() and not (
            head.ent_type_ and kind_of_label(head.ent_type_) != "person" and any(e.label_ in ORG_LABELS for e in ents)):
        # A name the entity recogniser missed: the run of proper nouns ending at the head (a
        # lower-case word the tagger took for one, "spy agency briefing" in a headline, is none).
        first = _name_start(head, tokens.start)
        # ("Skywatch, a Geneva-based monitoring group, said": the entities of what describes the
        # name are left out of `ents` above, so they do not make it someone else)
        if first.i < head.i or not ents:
            titled = any(t.lower_.strip(".") in _titles for t in tokens.doc[first.i:head.i]) \
                and tokens.doc[first.i].lower_ not in ("the", "a", "an")  # "Air Vice-Marshal Jane Holt"
            last_title = max((t.i for t in tokens.doc[first.i:head.i] if t.lower_.strip(".") in _titles),
                             default=first.i)
            if titled and head.i - last_title >= 2 and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in head.rights):
                # a person's name without its titles: "Jane Holt", "María Fernanda Ospina" (a body
                # such as "the General Staff of the Armed Forces" keeps its words)
                first = tokens.doc[last_title + 1]
            kind = "person" if titled else _kind_of_span(tokens, roles, ents) or (
                "person" if head.ent_type_ == "PERSON" else "organisation")
            # "the Minister of Defence", "the Bank of England": a capitalised "of" phrase is part of the name
            of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            named = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of else None
            last = named.i if named is not None and named.i < tokens.end and all(
                t.pos_ in ("PROPN", "ADP", "DET", "CCONJ") for t in tokens.doc[of.i:named.i + 1]) else head.i
            doc = tokens.doc
            # "Song Min-jae": the parse may hang each piece of a hyphenated name on the verb beside it
            while last + 1 < tokens.end and (piece := doc[last + 1]).head.i == head.head.i != head.i \
                    and piece.dep_ == head.dep_ and (piece.text in HYPHENS or doc[last].text in HYPHENS
                                                     or piece.pos_ == "PROPN"):
                last += 1
            return _clean(doc[first.i:last + 1].text), kind
    role = roles.get(head.lemma_.lower())
    person_role = (role == "person" or head.lemma_.lower() in cues().occupations) and head.pos_ == "NOUN"
    # "a source in the Defence Intelligence", "a spokesman for the Houthis", "the press service of X"
    body = body_spoken_for(tokens) if person_role or role == "organisation" else None
    if body is not None:
        named = named_in(body, mentions, doc_ents)
        # "a spokeswoman in the Tanai district": a place says where, not whom she speaks for
        placed = body.root.head.lower_ in ("in", "at", "within", "inside") and not any(
            e.label_ in ORG_LABELS for e in _ents_in(body, doc_ents)) and roles.get(body.root.lemma_.lower()) != "organisation"
        if named is not None and named[1] != "person" and not placed:
            return named
    if person_role:  # "a Pentagon spokesperson", "a US military official": unnamed, described as written.
        return describe(tokens), "person"
    if role == "organisation" and head.pos_ == "NOUN" and inside and all(m.label == "NORP" for m in inside):
        # "a pro-war Russian Telegram channel": a body described by its side, not the nationality
        return describe(tokens), "organisation"
    where = [t for c in head.rights if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS for t in c.subtree]
    if inside and not head.ent_type_ and where and all(
            any(t.idx <= m.start < t.idx + len(t.text) for t in where) for m in inside):
        # "Rebels in Myanmar's Shan state", "fighters near Goma": a group described by where it
        # is, not the place
        return describe(tokens), "group"
    if inside:
        # the name the phrase is about, not a name modifying it ("the al-Qaeda-linked JNIM")
        # (coordinated names, "Ukraine and South Korea", keep the longest as before)
        heading = not any(t.dep_ == "conj" for t in tokens)
        best = max(inside, key=lambda m: (heading and m.start <= head.idx < m.end,
                                          kind_of_label(m.label) == "organisation", m.end - m.start))
        if head.pos_ == "NOUN" and head.lower_ in BODY_NOUNS_AFTER_NAMES \
                and tokens.doc.text[best.end:head.idx].strip() == "":
            # "the Armed Conflict Location and Event Data project": the noun ends the name
            return _clean(f"{mention_name(best)} {head.text}"), "organisation"
        before = tokens.doc.char_span(best.start, best.end, alignment_mode="expand")
        previous = tokens.doc[before.start - 1].lower_.strip(".") if before is not None and before.start > 0 else ""
        if previous and (roles.get(tokens.doc[before.start - 1].lemma_.lower()) == "person"
                         or previous in _titles and previous not in ("the", "a", "an")):
            return mention_name(best), "person"  # "UNHCR spokesperson Eliza Morrow": the model may say ORG
        return mention_name(best), kind_of_label(best.label) or "organisation"
    span_kind = _kind_of_span(tokens, roles, ents)
    orgs = [e for e in ents if e.label_ in ORG_LABELS]
    if orgs:
        best_org = max(orgs, key=lambda e: (e.start <= head.i < e.end and not any(t.dep_ == "conj" for t in tokens),
                                            len(e)))
        if head.pos_ == "NOUN" and best_org.end == head.i and head.lower_ in BODY_NOUNS_AFTER_NAMES:
            # "the Armed Conflict Location and Event Data project": the noun ends the name
            return _clean(tokens.doc[best_org.start:head.i + 1].text), "organisation"
        return _clean(best_org.text), "organisation"
    if head.pos_ == "PROPN" or any(t.pos_ == "PROPN" and t.idx not in aside for t in tokens):
        # "South Korean intelligence", "Ukraine's military intelligence": keep the phrase; one that
        # opens with a person's title ("Lawmaker Kwon Min-seok", a name the recogniser missed) is a person
        titled = tokens[0].lower_.strip(".") in _titles and tokens[0].lower_ not in ("the", "a", "an")
        return _clean(tokens.text), span_kind or ("person" if titled else "organisation")
    if ents and head.lower_ not in roles:
        return _clean(max(ents, key=len).text), span_kind or "group"
    return None


def _participle_of_noun(head: Token) -> set[int]:
    """ "A video caption shared on TikTok and WhatsApp claims": the character offsets of a
    participle clause describing a common-noun source, whose names say where or how it went
    round, not who speaks; a participle with an agent ("a video posted by the army") names its
    owner and is kept."""
    if head.pos_ != "NOUN":
        return set()
    return {t.idx for c in head.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG", "VBD")
            and not any(g.dep_ == "agent" for g in c.children) for t in c.subtree}


def _where_of_noun(head: Token) -> set[int]:
    """Where a common noun heading a source span says where the source is or what happened
    where ("police officers in Goma", "survivors of the attack on Béléhédé"): the character
    offsets of those phrases' words, which name a place or a target, not the source."""
    if head.pos_ != "NOUN":
        return set()
    # (and what it is close or linked to: "a source close to the Druze spiritual leadership"; and
    # the adjectives before it, "Catholic and Lutheran parish networks", where the recogniser may
    # take a coordinated adjective for a person)
    return {t.idx for c in head.subtree if (c.i > head.i and (
        c.dep_ == "prep" and c.lower_ in WHERE_PREPOSITIONS or c.dep_ == "amod" and c.head.i == head.i))
        or c.dep_ == "amod" and c.head.i == head.i and c.i < head.i
        for t in c.subtree}


def _name_start(name: Token, floor: int) -> Token:
    """The first word of the proper name ending at `name`: the proper nouns before it that hang
    on it, and a part glued on by a hyphen ("Al-Watan", "Al-Masry Al-Youm"), which the parse
    splits into a compound, a punctuation mark and the rest."""
    doc = name.doc
    first = name
    while first.i > floor:
        before = doc[first.i - 1]
        if before.pos_ == "PROPN" and (first.i <= before.head.i <= name.i  # "Yellow Sea Imagery Lab"
                                       or before.dep_ == "conj" and before.text[:1].isupper()
                                       and doc[before.i - 1].lower_ in ("and", "&")):  # "... and Support Centre"
            first = before
        elif (before.dep_ == "compound" or before.dep_ == "amod" and not before.ent_type_) \
                and before.text[:1].isupper() and first.i <= before.head.i <= name.i:
            # "Islamic State Sahel Province": a capitalised word the tagger took for an adjective
            # (a nationality, "Russian Defence Ministry", is not part of the name)
            first = before
        elif before.lower_ in NAME_PARTICLES and first.i - 2 >= floor and doc[first.i - 2].pos_ == "PROPN" \
                and doc[first.i - 2].text[:1].isupper() and first.text[:1].isupper():
            first = doc[first.i - 2]  # "Collectif Artibonite pour les Droits", "Médecins du Monde"
            while first.i - 1 >= floor and doc[first.i - 1].lower_ in NAME_PARTICLES and first.i - 2 >= floor \
                    and doc[first.i - 2].pos_ == "PROPN" and doc[first.i - 2].text[:1].isupper():
                first = doc[first.i - 2]
        elif before.text in HYPHENS and first.i - 2 >= floor and not before.whitespace_ \
                and not doc[first.i - 2].whitespace_ and doc[first.i - 2].text[:1].isupper():
            first = doc[first.i - 2]
        else:
            break
    return first


# Common nouns that end a body's name after its proper nouns ("... Event Data project")
BODY_NOUNS_AFTER_NAMES = frozenset({"project", "initiative", "network", "group", "institute", "centre", "center",
                                    "observatory", "monitor", "coalition", "alliance", "union", "foundation"})
# Small words inside names: "pour les", "de la", "del", "van der" in other languages, "and"
NAME_PARTICLES = frozenset({"de", "des", "du", "la", "le", "les", "pour", "et", "del", "della", "di", "da", "dos",
                            "das", "van", "von", "der", "den", "y", "e",
                            "and", "&"})  # and "Emergency Medicine and Support Centre", "Location & Event Data"
PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "around", "outside", "inside"})
WHERE_PREPOSITIONS = PLACE_PREPOSITIONS | {"on", "against", "at"}
BODY_ROLES = frozenset({"military", "army", "navy", "ministry", "agency", "service", "intelligence", "command",
                        "force", "forces", "directorate", "department", "office", "police", "guard"})
# Bodies a place or organisation owns ("Gulu's district administration", whatever the recogniser
# takes Gulu for): named by the whole phrase
OWNED_BODIES = BODY_ROLES | {"administration", "authority", "council"}
SPEAKS_FOR_PREPOSITIONS = frozenset({"in", "at", "within", "inside", "for", "with"})
SPEAKS_FOR_ROLES = frozenset({"source", "official", "spokesman", "spokeswoman", "spokesperson",
                              "representative", "officer", "insider", "analyst", "researcher", "expert"})


def body_spoken_for(tokens: SpacySpan) -> SpacySpan | None:
    """The named body an unnamed insider speaks from: "a source in the Defence Intelligence of
    Ukraine", "a spokesman for the Houthis", "an official at the UN mission"."""
    head = tokens.root
    press = head.lemma_.lower() in ("service", "office") and any(
        c.dep_ == "compound" and c.lower_ == "press" for c in head.children)  # "the press service of X"
    if head.lemma_.lower() not in SPEAKS_FOR_ROLES and not press:
        return None
    prepositions = SPEAKS_FOR_PREPOSITIONS | {"of"} if press else SPEAKS_FOR_PREPOSITIONS
    # "an interior ministry official in Mosul": the body is named before the role, the city is
    # where the official sits
    own_body = any(c.dep_ in ("compound", "nmod") and c.lemma_.lower() in BODY_ROLES for c in head.children)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in prepositions and prep.i < tokens.end:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if own_body and obj is not None and obj.ent_type_ in ("GPE", "LOC"):
                continue
            if obj is not None and obj.right_edge.i < tokens.end and any(
                    t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE") for t in obj.subtree):
                return tokens.doc[obj.left_edge.i:obj.right_edge.i + 1]
    return None


def _possessed_organisation(tokens: SpacySpan, inside: list[Mention], roles: dict[str, str]) -> str | None:
    """"South Korea's Joint Chiefs of Staff", "Britain's defence ministry": an organisation
    owned by a place is named by the whole phrase, not cut to the place. An abbreviation
    after the place ("Seoul's JCS") is named by its full name."""
    head = tokens.root
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i >= tokens.start), None)
    if owner is None or owner.pos_ == "PRON":
        return None
    place = owner.ent_type_ in ("GPE", "NORP", "LOC") or any(
        m.label in GROUP_LABELS and m.start <= owner.idx < m.end for m in inside)
    # "the UN's humanitarian office": a body of a named organisation is that body, not the owner
    body_of = head.pos_ == "NOUN" and head.lemma_.lower() in OWNED_BODIES and (
        owner.ent_type_ == "ORG" or any(kind_of_label(m.label) == "organisation"
                                        and m.start <= owner.idx < m.end for m in inside))
    if not place and not body_of:
        return None
    organisation = head.pos_ == "PROPN" or roles.get(head.lemma_.lower()) == "organisation" or any(
        kind_of_label(m.label) == "organisation" and m.start <= head.idx < m.end for m in inside)
    if not organisation:
        return None
    doc = tokens.doc
    first = max(owner.left_edge.i, tokens.start)  # "Citing Ukraine's General Staff": not past the span
    while first < head.i and doc[first].dep_ == "det":
        first += 1
    last = min(head.right_edge.i, tokens.end - 1)
    owned = doc[head.left_edge.i:last + 1]
    after_owner = [t for t in owned if t.i > owner.i and t.dep_ != "case"]
    if after_owner and len(after_owner) == 1 and is_abbreviation(after_owner[0].text):
        known = next((m for m in inside if m.start <= after_owner[0].idx < m.end
                      and kind_of_label(m.label) == "organisation"), None)
        if known is not None:
            return mention_name(known)
    return _clean(doc[first:last + 1].text)


def _given_names(person: SpacySpan, floor: int) -> SpacySpan:
    """ "Lt. Col. Adamu Galadima" where the recogniser marked only "Galadima": the capitalised
    words before it that the parse joins to the name, without titles."""
    _, roles, titles = source_lexicon()
    doc = person.doc
    first = person.start
    while first - 1 > floor:
        word = doc[first - 1]
        if word.dep_ != "compound" or word.head.i != person.root.i or not word.text[:1].isupper() \
                or not word.is_alpha or word.lower_ in titles or word.lower_ in roles:
            break  # ("Governor Lena Marsh": a role, not a given name)
        before = doc[first - 2] if doc[first - 2].text != "." or first < 3 else doc[first - 3]
        if before.lower_.strip(".") not in titles:
            break  # only between a title and the name ("Col. Adamu Galadima"), never "Economist Priya Nair"
        first -= 1
    return doc[first:person.end]


def _modified_organisation(tokens: SpacySpan, inside: list[Mention], roles: dict[str, str]) -> str | None:
    """"the UN human rights office", "the Ukrainian defence ministry": an organisation noun whose
    modifier names a body or a place is named by the phrase up to that noun, not cut to the
    modifier ("UN")."""
    head = tokens.root
    words = list(tokens)
    while words and words[-1].is_punct:
        words.pop()
    if words and words[-1].i > head.i and not any(t.is_punct for t in words) and words[-1].pos_ == "NOUN" \
            and roles.get(words[-1].lemma_.lower()) == "organisation" \
            and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or t.dep_ in ("det", "poss", "case")
                    for t in words[:-1]):
        head = words[-1]  # "the UN sanctions monitoring team", parsed as "sanctions" doing the monitoring
    lemma = head.lemma_.lower()
    # "the Syrian health ministry": the parse may tag a lower-case role noun as a proper noun
    common = head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.text.islower()
    if not common or roles.get(lemma) != "organisation" or lemma in cues().document_nouns \
            or (lemma in cues().media_nouns and lemma != "agency"):
        return None  # "the US outlet", "the Telegram channel": a medium, named by its name
    if any(t.pos_ == "PROPN" for t in tokens if t.i > head.i):
        return None  # "the UN agency for refugees, UNHCR": named after the noun
    # (a name may modify a modifier: "UN" in "a UN sanctions monitoring team")
    modifiers = [t for t in tokens if t.i < head.i and (t.dep_ in ("compound", "nmod", "amod")
                                                         and any(a.i == head.i for a in t.ancestors)
                                                         or head.i != tokens.root.i)]
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP")
               or any(m.start <= t.idx < m.end for m in inside) for t in modifiers):
        return None
    first = max(head.left_edge.i, tokens.start) if head.i == tokens.root.i else tokens.start
    while first < head.i and tokens.doc[first].dep_ in ("det", "poss", "case"):  # "the province's health department"
        first += 1
    return _clean(tokens.doc[first:head.i + 1].text)


def issuing_participle(verb: Token) -> bool:
    """ "published by the governor", "which were released by the army" after a document: a
    participle whose agent issued the document, not one that passed it on ("carried by the state
    news agency") or read it ("seen by RFE/RL")."""
    lemma = verb.lemma_.lower()
    return verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and lemma in cues().issuing_verbs \
        and lemma not in cues().carrying_participles and any(c.dep_ == "agent" for c in verb.children)


def issued_document(noun: Token) -> bool:
    """Whether `noun` names a document or a set of figures, which its issuer speaks through."""
    return noun.lemma_.lower() in cues().document_nouns or noun.lower_ in cues().document_nouns


def document_owner(noun: Token) -> Token | None:
    """The issuer a document noun names: "the NIS's report", "an NIS report", "a report by the
    UN", "the ministry released an update" (subject of an issuing verb)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ in ("ORG", "NORP", "GPE")) \
                and child.ent_type_ not in ("DATE", "TIME"):
            return child  # (not "the March table": a month issues nothing)
    # "the report, compiled by the UN human rights office"; "an analysis of satellite images
    # published by the Lab": the parse may hang the participle on what the document is of
    topics = [p for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for made in [*noun.rights, *(r for t in topics for r in t.rights)]:
        # (not "a statement carried by the state news agency": who passed it on did not issue it)
        if made.dep_ == "acl" and made.tag_ == "VBN" and made.lemma_.lower() not in cues().carrying_participles:
            agent = next((c for c in made.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj
    for clause in (c for c in [*noun.rights, *(r for t in topics for r in t.rights)] if c.dep_ == "relcl"):
        # "the table of shootings that the police authority publishes", "the list the ministry keeps"
        if clause.lemma_.lower() in cues().issuing_verbs:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in ("which", "that", "who") \
                    and subject.pos_ in ("NOUN", "PROPN"):
                return subject
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP", "GPE")
                                       for t in obj.subtree):
                return obj  # "a report by the UN", "estimates from Western officials"
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in cues().issuing_verbs:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subject is not None and subject.lower_ not in ("which", "that", "who"):
            return subject
    return None
