"""What a caveat doubts: the figures a "could not be verified" note names.

A caveat ("Reuters could not independently verify the mayor's figures", "None
of the General Staff's figures could be verified", "the type of missile could
not be confirmed") names what it doubts. `caveat_target` reads that noun from
the parse: a noun the figure or caveat vocabularies count ("figures", "claim",
"losses") makes the caveat reach figures, restricted to one source when the noun
has an owner ("the mayor's", "their"), and to one kind of figure when the noun or
its modifiers name one ("the shipment figures", "the casualty claims", "the death
toll"); any other noun ("the type of missile", "the footage") makes it reach none. `owned_by` says whether a figure's chain
holds that owner. This module must not find cue words (the hedges extractor
does) nor decide a figure's category or value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.figures.lexicon import FigureLexicon
from claimgraph.extract.hedges import Lexicon as HedgeLexicon
from claimgraph.extract.hedges.scope import appended

__all__ = ["CaveatTarget", "caveat_target", "same_source"]

_NAME_STOP = {"the", "a", "an", "of", "s", "and", "for", "'s"}
_ENTITY_OWNERS = {"ORG", "PERSON", "GPE", "NORP"}


@dataclass
class CaveatTarget:
    """What one caveat reaches.

    `reach` is "none" (it names something that is not a figure), "named" (figures of
    `owner`), or "unnamed" (it names figures or claims without saying whose, or names
    nothing): then the caller falls back on position.
    """

    reach: str
    owner: str | None = None
    owner_is_pronoun: bool = False
    topic: str | None = None
    categories: frozenset[str] = frozenset()  # the figure categories it doubts; empty: any
    noun_classes: frozenset[str] = frozenset()  # "the tank claims": what they count; empty: any
    # "..., a claim that could not be verified": an indefinite noun set after its sentence's
    # claim doubts that sentence only, not the rest of the paragraph
    in_sentence: bool = False
    # "the figures on the missiles' accuracy": the stem of a topic that counts nothing, which
    # the doubted figures' sentence must name ("accur" of "more accurate")
    about: str | None = None
    # "X put the toll higher, but their figures ...": the owner is the subject of the clause
    # before, read from the sentence; when no figure is that owner's, the caveat doubts none
    owner_from_sentence: bool = False
    # "... although we have not been able to confirm it": a pronoun doubts the claim just made
    # (the figures of the last sentence before it in its paragraph), not every claim above it
    last_claim: bool = False
    # "I cannot confirm those figures": the figures just given, in the caveat's paragraph or, when
    # it has none before the caveat (an answer to a question), in the nearest paragraph before
    those: bool = False
    # "The army's figure could not be verified": one figure, the owner's last before the caveat,
    # not all the owner's figures in the article
    single: bool = False
    # "None of this can be confirmed": every figure the last source before it in its paragraph gave
    said_before: bool = False

    def doubts(self, category: str | None, noun_class: str | None = None) -> bool:
        if self.noun_classes and noun_class not in self.noun_classes:
            return False
        return not self.categories or category in self.categories


def _verify_token(doc: Doc, start: int, end: int, verbs: frozenset[str]) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for token in span:
        if token.lemma_.lower() in verbs:
            return token
    return None


def _noun_in_cue(doc: Doc, start: int, end: int, topics: frozenset[str]) -> Token | None:
    """The noun a caveat cue with no verb of checking opens with ("figure may be incomplete",
    "toll is still preliminary"), when it is a caveat topic."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].pos_ != "NOUN":
        return None
    return span[0] if span[0].lower_ in topics or span[0].lemma_.lower() in topics else None


def _those(noun: Token) -> bool:
    """ "those figures", "these claims": the figures just given, all of them."""
    return noun.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in {"these", "those"} for c in noun.children)


def _demonstrative(noun: Token) -> bool:
    """ "this figure", "that toll": the noun points at the claim just made."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"this", "that"} for c in noun.children)


_ONE_FIGURE = frozenset({"figure", "number", "toll", "tally", "count", "total"})


def _the_one(noun: Token) -> bool:
    """ "... up to 300 families had left, though the figure could not be confirmed": one figure
    named with "the" and nothing else, after a number in its own sentence, points at the claim
    just made, as "it" does (not at every claim above it)."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in _ONE_FIGURE and [c.lower_ for c in noun.children] == ["the"] \
        and any(t.like_num for t in noun.doc[noun.sent.start:noun.i])  # (a claim made in its sentence)


def _named_noun(verify: Token) -> Token | None:
    """The noun the caveat is about: the object of an active "verify", else the subject of
    the passive or adjectival clause ("the figures could not be verified", "are hard to
    verify"); None for "Reuters could not independently verify" with no object."""
    for child in verify.children:
        if child.dep_ == "dobj":
            return child
    if verify.tag_ == "VB" and not any(c.dep_ == "auxpass" for c in verify.children) \
            and verify.dep_ not in {"xcomp"}:
        return None  # an active verb with no object names nothing
    token = verify
    for _ in range(4):
        for child in token.children:
            if child.dep_ in {"nsubjpass", "nsubj"}:
                if child.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
                    return token.head  # "claims, which could not be verified"
                return child
        if token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _owner(noun: Token, owners: frozenset[str]) -> tuple[str | None, bool]:
    """Whose figures: "the mayor's", "their", "the General Staff figures", "figures from Kyiv"."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.pos_ == "PRON":
                return child.text, True
            words = [t for t in child.subtree if t.dep_ != "case" and t.lower_ not in {"'s", "’s"}]
            return " ".join(t.text for t in words), False
    for child in noun.children:
        # ("the ISWAP claim" parsed as "ISWAP" claiming: the subject owns the noun)
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ in _ENTITY_OWNERS) \
                or child.dep_ == "nsubj" and child.i < noun.i \
                and (child.pos_ == "PROPN" or child.text.isupper() or child.ent_type_ in _ENTITY_OWNERS):
            return " ".join(t.text for t in child.subtree if t.dep_ != "det"), False
    for child in noun.children:  # "figures from Kyiv", "the accounts of the residents"
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (child.lower_ != "of" or _speaks(pobj, owners)):
                    return " ".join(t.text for t in pobj.subtree), False
    return None, False


def _speaks(noun: Token, owners: frozenset[str]) -> bool:
    """Whether "of" X names who gave the accounts ("of the residents", "of the ministry"), not
    what they are about ("of the fighting near Plekhovo")."""
    role, lemma = cues(), noun.lemma_.lower()
    return noun.ent_type_ in _ENTITY_OWNERS or lemma in role.person_roles or lemma in role.body_roles \
        or lemma in owners


def _counts_figures(noun: Token, topics: frozenset[str], figures: FigureLexicon) -> bool:
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lemma in topics or lower in topics:
        return True
    return bool(figures.noun_class(lemma) or figures.intrinsic.get(lemma) or figures.intrinsic.get(lower))


# Noun classes a caveat's modifier names by what is counted, not by a category: "the tank
# claims" doubts the tanks, whether destroyed, delivered or sent.
_COUNTED_APART = frozenset({"equipment"})


def _named_classes(noun: Token, figures: FigureLexicon) -> frozenset[str]:
    """ "the tank claims" -> {"equipment"}: the counted things a caveat's modifiers name."""
    return frozenset(c for c in (figures.noun_class(t.lemma_.lower()) for t in noun.children
                                 if t.dep_ in {"compound", "amod", "nmod"}) if c in _COUNTED_APART)


def _claimant(noun: Token) -> bool:
    """A noun of saying ("claims", "allegations"), not of counting: its modifier says who said it
    ("jihadist claims", "rebel accounts"), not what was counted (as in "the troop figures")."""
    lemma = noun.lemma_.lower()
    return (lemma in cues().reporting_nouns or noun.lower_ in cues().reporting_nouns) \
        and lemma not in cues().figure_nouns and noun.lower_ not in cues().figure_nouns


def _named_kinds(noun: Token, figures: FigureLexicon) -> frozenset[str]:
    """The kinds of figure the noun and its modifiers name: "shipment figures" -> supplied,
    "casualty claims" -> casualties, "the death toll" -> killed; empty for "the figures"."""
    found: set[str] = set()
    for token in [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})]:
        lemma, lower = token.lemma_.lower(), token.lower_
        intrinsic = figures.intrinsic.get(lemma) or figures.intrinsic.get(lower)
        if intrinsic:
            found.add(intrinsic)
            continue
        # event nouns among the category triggers: "shipment", "delivery", "deployment"
        trigger = next((t for t in figures.triggers if t.category and (lemma in t.lemmas or lower in t.lemmas)),
                       None) if token.pos_ == "NOUN" else None
        if trigger is not None and trigger.category:
            found.add(trigger.category)
            continue
        noun_class = figures.noun_class(lemma)
        # ("the army figures", "the police figures": a body's name says who gave them)
        if noun_class in figures.defaults and token.i != noun.i and noun_class not in _COUNTED_APART \
                and not _claimant(noun) and lemma not in cues().body_roles and lemma not in figures.member_bodies:
            found.add(figures.defaults[noun_class])  # "the troop figures"
    if not found:
        # "the statement's figures for soldiers killed and wounded": the kinds its "for" or "on"
        # phrase names, down to the end of the sentence (the parse may hang "killed" elsewhere)
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"for", "on"}):
            for token in noun.doc[prep.i:prep.sent.end]:
                intrinsic = figures.intrinsic.get(token.lower_) or figures.intrinsic.get(token.lemma_.lower())
                if intrinsic and token.pos_ in {"NOUN", "ADJ", "VERB"}:
                    found.add(intrinsic)
    if not found and noun.lemma_.lower() in figures.number_noun_defaults:
        found.add(figures.number_noun_defaults[noun.lemma_.lower()])  # "the toll"
    return frozenset(found)


def caveat_target(doc: Doc, start: int, end: int, hedges: HedgeLexicon,
                  figures: FigureLexicon) -> CaveatTarget:
    """What the caveat cue at [start, end) reaches."""
    verify = _verify_token(doc, start, end, hedges.caveat_verbs)
    if verify is not None and _asked(verify):
        return CaveatTarget("none")  # "Members asked whether the figures could be checked"
    noun = _named_noun(verify) if verify is not None else _noun_in_cue(doc, start, end, hedges.caveat_topics)
    if noun is None and verify is not None:
        # "could not verify the ISWAP claim", parsed as a clause whose verb is "claim": the noun
        noun = next((c for c in verify.children if c.dep_ == "ccomp" and c.lower_ in hedges.caveat_topics
                     and c.i > verify.i), None)
    if noun is None:
        return CaveatTarget("unnamed")
    if noun.lower_ in hedges.caveat_quantifiers or noun.like_num:
        inner = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if inner is not None and inner.pos_ in ("PRON", "DET") and noun.lower_ in hedges.caveat_quantifiers:
            # "None of this can be confirmed": everything the last source in its paragraph said
            return CaveatTarget("unnamed", topic=inner.text, said_before=True)
        if inner is not None:
            noun = inner
    if not _counts_figures(noun, hedges.caveat_topics, figures):
        return CaveatTarget("none", topic=noun.text)
    kinds = figures.categories_doubted(_named_kinds(noun, figures))
    classes = _named_classes(noun, figures)
    owner, pronoun = _owner(noun, hedges.caveat_owners)
    if owner is not None and not pronoun:
        # "could not verify ISWAP's claim or the army's figures": each conjunct's owner is doubted
        others = [o for c in noun.conjuncts if c.i > noun.i
                  for o, mine in [_owner(c, hedges.caveat_owners)] if o is not None and not mine]
        owner = " and ".join([owner, *others])
    about = _topic_stem(noun, hedges.caveat_topics, figures)
    if owner is None:
        # "it", and "this figure": the claim just made
        return CaveatTarget("unnamed", topic=noun.text, categories=kinds, noun_classes=classes,
                            in_sentence=appended(noun), about=about,
                            last_claim=noun.pos_ == "PRON" or _demonstrative(noun) or _the_one(noun),
                            single=_demonstrative(noun),
                            those=_those(noun))
    subject = _coordinated_subject(verify) if pronoun and verify is not None else None
    if subject is not None:
        return CaveatTarget("named", subject, False, noun.text, kinds, classes, appended(noun), about,
                            owner_from_sentence=True)
    return CaveatTarget("named", owner, pronoun, noun.text, kinds, classes, appended(noun), about,
                        single=noun.tag_ == "NN" and not any(c.tag_ == "NNS" for c in noun.conjuncts))


def _asked(verify: Token) -> bool:
    """Whether the caveat's clause is a question put to someone ("asked whether the figures
    could be checked", "wondered if it could be confirmed"): it doubts nothing."""
    token = verify
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


_TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding", "concerning"})


def _topic_stem(noun: Token, topics: frozenset[str], figures: FigureLexicon) -> str | None:
    """ "the figures on the missiles' accuracy" -> "accur": what the doubted figures are about,
    when it is a property of something (a possessed noun), not a count, a counted thing or an
    event ("the figures on casualties", "on the massacre" keep the usual reach)."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _TOPIC_PREPOSITIONS:
            continue
        topic = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if topic is None or topic.pos_ != "NOUN" or _counts_figures(topic, topics, figures) \
                or any(topic.lemma_.lower() in trigger.lemmas for trigger in figures.triggers) \
                or not any(c.dep_ == "poss" for c in topic.children):
            return None  # a count, a counted thing, an event ("the figures on the massacre")
        return topic.lower_[:5] if len(topic.lower_) >= 5 else None
    return None


def _coordinated_subject(verify: Token) -> str | None:
    """ "Aid groups put the toll higher, but their figures could not be checked": the named
    subject of the clause the caveat's clause is joined to, which "their" or "its" stands for."""
    clause = verify.head if verify.dep_ in {"aux", "auxpass"} else verify
    if clause.dep_ not in {"conj", "advcl"} or clause.head.pos_ not in {"VERB", "AUX"} \
            or clause.head.i > clause.i:
        return None
    subject = next((c for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return " ".join(t.text for t in subject.subtree if t.dep_ not in {"det", "punct"})


def _words(name: str) -> set[str]:
    lowered = name.lower().replace("’", "'")
    lowered = re.sub(r"'s\b", "", lowered)
    return {w for w in re.findall(r"[a-z0-9]+", lowered) if w not in _NAME_STOP}


def same_source(owner: str, names: list[str]) -> bool:
    """True when `owner` ("the mayor", "General Staff") names one of `names`, leniently:
    one name's words contain the other's; coordinated owners ("the residents and the aid
    worker") each count."""
    for part in re.split(r"\s+and\s+", owner):
        wanted = _words(part)
        if not wanted:
            continue
        for name in names:
            words = _words(name)
            if words and (wanted <= words or words <= wanted):
                return True
    return False
