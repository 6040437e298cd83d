"""Role nouns and documents as sources: what "the agency", "the army", "the lawmaker" or "the
update" can stand for.

`is_role` tells a role phrase ("the spy agency", "the lawmaker") from a name; `role_referent`
picks the named source such a role points at among the article's candidates (a body for a body's
role, never an armed group for "the army", a news outlet only for a media role); `is_document`,
`compound_owner` and `fronted_workplace` find the issuer or workplace a document or a role
phrase carries with it. Used by `coref.resolve_sources`; must not find attributions nor change
source spans.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.attributions.candidates import (
    ARMED_ROLES,
    CIVIL_ROLES,
    MEDIA_ROLES,
    NEWS_LABELS,
    NEWS_WORDS,
    SPEAKER_REACH,
    Named,
    carries_words,
    distinguishing_words,
    is_news,
    media_role,
    name_words,
    nearest,
)
from claimgraph.extract.attributions.naming import (
    BODY_ROLES,
    PLACE_LABELS,
    body_spoken_for,
    source_lexicon,
)
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.entities.lexicon import country_caption
from claimgraph.model.vocab import load_vocab

__all__ = [
    "ARMED_NAMES",
    "ARMED_UNITS",
    "DOCUMENT_STAGES",
    "compound_owner",
    "fronted_workplace",
    "insurgent_name",
    "is_document",
    "is_role",
    "role_kind",
    "role_referent",
]

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


def insurgent_name(name: str) -> bool:
    """ "National Liberation Army": an armed group's name that says it fights the state."""
    return bool(set(name.casefold().replace("’", "'").split()) & _insurgent_words())


def role_kind(word: str) -> str | None:
    """ "organisation" for "agency", "person" for "lawmaker": the kind a role noun names."""
    return source_lexicon()[1].get(word.lower())


def is_role(tokens: SpacySpan, roles: dict[str, str]) -> str | None:
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


def is_document(tokens: SpacySpan) -> bool:
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


def role_referent(tokens: SpacySpan, kind: str, position: int, candidates: list[Named]) -> str | None:
    """The named source a role noun ("the lawmaker", "the agency", "the newspaper") stands for
    (`_referent`); a state role that stands for a country is that country's ("the government"
    after "Burkina Faso" is the Burkina Faso government, not the country), and never a place
    that is no country or capital ("the government" after "near Eteringbang")."""
    found = _referent(tokens, kind, position, candidates)
    role_word = tokens.root.lemma_.lower()
    if found is not None and role_word in _state_roles() and any(
            c.name == found and c.label in PLACE_LABELS for c in candidates if c.position < position) \
            and not any(c.name == found and c.label not in PLACE_LABELS and c.role_words
                        for c in candidates if c.position < position):
        # (a country or its capital; a village or a river base has no government of its own)
        country = country_caption(found)
        if country is None:
            return None
        if not name_words(country) & name_words(found) and country in tokens.doc.text:
            found = country  # "the government" after "Port Vila" in a story that names Vanuatu: Vanuatu's
        return f"{found} {tokens.root.text.lower()}"
    return found


def _national_forces(name: str) -> bool:
    """ "Uganda People's Defence Forces", "Angolan Armed Forces": a state's military by its name,
    which "the army" and "the military" may stand for though the name holds neither word."""
    words = name_words(name)
    return bool(words & {"defence", "defense", "armed"}) and bool(words & {"forces", "force"})


def _other_medium(role_word: str, name: str) -> bool:
    """Whether a news outlet's name says it is of another medium than the role noun: "the
    newspaper" and "Barak Valley Broadcast", "the channel" and "The Eastern Daily"."""
    words = {w.casefold().strip(".,") for w in name.split()}
    kinds = cues().media_kinds
    for nouns, own in kinds:
        if role_word in nouns:
            others = {w for n, names in kinds if n is not nouns for w in names}
            return bool(words & others) and not words & own
    return False


def _referent(tokens: SpacySpan, kind: str, position: int, candidates: list[Named]) -> str | None:
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
    if media:  # "the newspaper" is no "... Broadcast", "the channel" no "... Daily"
        earlier = [c for c in earlier if not _other_medium(role_word, c.name)]
    if role_word in GROUP_ROLES:  # "the group", "the militia" are never a newspaper
        earlier = [c for c in earlier if c.name not in news]
    # (a body cited by a relay, "citing the Emergency Medicine and Support Centre", is still the
    # one "the centre" names; an outlet is not)
    # (never a person for a body: "the ministry" after "the ministry's spokesman, Colonel X")
    same_role = [c for c in earlier if role_word in c.role_words and not (organisation and c.kind == "person")
                 and (fits(c) or organisation and not media and c.relay and c.label not in NEWS_LABELS)]
    if same_role:
        return same_role[-1].name
    # "The official National News Agency reported ... the agency said": an outlet that spoke in its
    # own words, named with the role word, and the last to speak, is the one the role points at
    spoke = [c for c in earlier if c.role_words and not c.relay]
    if organisation and spoke and is_news(spoke[-1]) and role_word in name_words(spoke[-1].name) \
            and spoke[-1].role_words & {role_word}:
        return spoke[-1].name
    # "the Centre adds" after "the Public Health Emergency Operations Centre of the Ministry":
    # a body named with the role word, when no source spoke with it
    same_name = [c for c in earlier if c.kind != "person" and fits(c) and not _other_body(role_word, c.name)
                 and not (role_word in ARMED_ROLES and insurgent_name(c.name))
                 and role_word in {w.casefold().strip(".,") for w in c.name.split()}]
    if same_name:
        return same_name[-1].name
    if kind == "unknown":
        return None
    if kind == "person" and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
        # "the provincial security minister": an office described as written, unless named so
        # before ("the Ukrainian leader" may still be the president named earlier)
        return None
    # a different role never points at a source known only by its description: "the governor"
    # after "officials who inspected the site" is someone else
    # (an armed role points at a body only mentioned, never speaking, only when its name holds the
    # role: "the army" after "It blamed the paramilitary Rapid Support Forces" is not the RSF)
    usable = [c for c in earlier if fits(c) and not c.described and not _other_body(role_word, c.name)
              and not (role_word in ARMED_ROLES and not c.role_words
                       and (insurgent_name(c.name) or role_word not in name_words(c.name)
                            and not _national_forces(c.name)))]
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


GROUP_ROLES = frozenset({"group", "militia", "movement", "rebels", "insurgents", "militants", "faction"})
# Words of a state's own bodies, which "the group" never names (the vocabulary's `state_body_words`
# are the civil ones a "government" role may stand for)
_NOT_A_GROUP = frozenset({"army", "military", "navy", "command", "ministry", "government", "police"})


def _other_body(role_word: str, name: str) -> bool:
    """ "the army" and "Human Rights Office": an armed body's role points only at a name that
    names an armed body ("Israel Defense Forces", "General Staff"), a civil body's role
    never at an armed body's name, and "the group" never at a state's army or ministry."""
    words = name.casefold().replace("’", "'").replace("'s", "").split()
    last = words[-1] if words else ""
    if role_word in ARMED_ROLES:
        return not set(words) & ARMED_NAMES
    if role_word == "group":  # "the group" is no state's army, ministry or police force
        return "group" not in words and bool(set(words) & _NOT_A_GROUP)
    return role_word in CIVIL_ROLES and (last in ARMED_ROLES or bool(set(words) & ARMED_UNITS))


def fronted_workplace(role: Token, roles: dict[str, str]) -> str | None:
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


def compound_owner(tokens: SpacySpan, roles: dict[str, str]) -> SpacySpan | None:
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
