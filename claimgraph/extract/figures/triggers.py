"""What single words of the parse say about a count: a noun's class, a noun that names a
category by itself, and the categories that trigger verbs give.

`categories` and `shares` read a figure's clause with these; the words come from
`categories.yaml` (noun classes, intrinsic nouns, triggers with their conditions: a
particle, a word that must or must not hang off the verb, the counted noun as what the verb
acts on). This module must not pick a figure's head noun or clause, nor read numbers.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.extract.figures.lexicon import FigureLexicon

__all__ = ["CLAUSE_POS", "PRIORITY", "class_of", "intrinsic_category", "of_object", "pick",
           "subtree_categories", "trigger_categories"]

# When several triggers govern one figure, the most specific category wins.
PRIORITY = ("casualties", "killed", "wounded", "captured", "missing", "destroyed", "supplied",
            "deployed", "other")
CLAUSE_POS = frozenset({"VERB", "AUX"})


def pick(categories: set[str]) -> str | None:
    if {"killed", "wounded"} <= categories:
        return "casualties"
    for category in PRIORITY:
        if category in categories:
            return category
    return None


# a model designator: "F/A-18", "Su-34", "MiG-29", "A-18" (the parse may split "F/A-18")
_DESIGNATOR = re.compile(r"^[A-Z][A-Za-z/]*-\d{1,3}[A-Z]?$")


def class_of(token: Token, lexicon: FigureLexicon) -> str | None:
    found = lexicon.noun_class(token.lemma_) or lexicon.noun_class(token.lower_)
    if found is None and token.ent_type_ == "NORP" and token.lower_.endswith("s"):
        return "personnel"  # "North Koreans", "Russians"
    if found == "personnel" and token.lemma_.lower() in lexicon.aircraft_or_crew and any(
            _DESIGNATOR.match(t.text) for t in token.doc[max(0, token.i - 4):token.i]):
        return "equipment"  # "two F/A-18 fighters", "Su-34 bombers": aircraft
    if found is None and any(c.dep_ in ("amod", "compound") and c.lower_ in {"armoured", "armored"}
                             for c in token.children):
        return "equipment"  # "two armoured Land Rovers": vehicles, whatever their make
    if found is None and token.lemma_.lower() in {"observer", "monitor"} \
            and any(c.dep_ == "amod" and c.lower_ in {"military", "armed"} for c in token.children):
        return "personnel"  # "218 military observers" (unarmed civilian monitors count nothing)
    if found is None and token.lemma_.lower() == "member" and _strength_of_armed_group(token, lexicon):
        return "personnel"  # "the gang has 150 members", "is said to number 300 armed members"
    if found is None and token.lemma_.lower() == "member":
        # "three members of an armed group" are people of the group (what befell them says their
        # category; members, unlike troops, are no deployment by themselves: "12 former members of
        # the brigade" were sentenced)
        group = of_object(token)
        if group is not None and (class_of(group, lexicon) in {"units", "personnel"}
                                  or group.lemma_.lower() in lexicon.armed_collectives):
            return "people"
    if found == "units":  # "two batteries of Pantsir systems" count the systems
        kept = of_object(token)
        if kept is not None and (lexicon.noun_class(kept.lemma_) or lexicon.noun_class(kept.lower_)) == "equipment":
            return "equipment"
    return found


def _strength_of_armed_group(member: Token, lexicon: FigureLexicon) -> bool:
    """Members counted as an armed group's strength: armed ones ("150 armed members"), active ones
    of an armed collective ("400 gang members are active"), or those an armed collective or unit
    has or numbers ("the militia has about 300 members")."""
    if any(c.dep_ == "amod" and c.lower_ == "armed" for c in member.children):
        return True
    verb = member.head
    if member.dep_ == "nsubj" and any(c.dep_ == "compound" and c.lemma_.lower() in lexicon.armed_collectives
                                      for c in member.children) \
            and any(c.dep_ == "acomp" and c.lower_ in lexicon.strength_predicates for c in verb.children):
        return True  # "as many as 400 gang members are active in the port area"
    if member.dep_ != "dobj" or verb.lemma_.lower() not in ("have", "number", "count", "comprise"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    while subject is None and verb.dep_ in ("xcomp", "ccomp") and verb.head is not verb:
        verb = verb.head  # "the group is thought to number ...": the subject of the verb above
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lemma_.lower() in lexicon.armed_collectives
                                    or class_of(subject, lexicon) == "units")


def intrinsic_category(token: Token, lexicon: FigureLexicon) -> str | None:
    found = lexicon.intrinsic.get(token.lower_) or lexicon.intrinsic.get(token.lemma_.lower())
    if found == "casualties" and any(c.dep_ in ("compound", "amod") and class_of(c, lexicon) == "equipment"
                                     for c in token.children):
        return "destroyed"  # "97 vehicle losses", "tank losses": equipment lost
    return found


def of_object(noun: Token) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for child in prep.children:
                if child.dep_ == "pobj":
                    return child
    return None


def _acts(counted: Token | None, verb: Token) -> bool:
    """The counted noun is who does what `verb` says: its subject ("2,000 soldiers hold the town"),
    or the noun a participle hangs on ("2,000 soldiers holding the line"); unknown counts as acting."""
    if counted is None:
        return True
    while counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.i != verb.i:
        counted = counted.head.head  # "dozens of them have abandoned ...": the part acts
    return counted.dep_ == "nsubj" and counted.head.i == verb.i \
        or verb.dep_ == "acl" and verb.head.i == counted.i and verb.tag_ == "VBG"


def _held_by_place(verb: Token, lexicon: FigureLexicon) -> bool:
    """ "the camp holds 5,000 people", "a school which holds 600 pupils": a place that holds
    people states its capacity, not a capture."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            subject = verb.head
        lemma = subject.lemma_.lower()
        if lexicon.noun_class(lemma) in {"facilities", "buildings", "places"} or lemma in lexicon.capacity_holders:
            return True
    return False


def trigger_categories(tokens: list[Token], noun_class: str | None, lexicon: FigureLexicon,
                        counted: Token | None = None) -> set[str]:
    """The categories the triggers among `tokens` give a count of `noun_class`; `counted` is the
    counted noun (or the number), for triggers that apply to what the verb acts on only."""
    found: set[str] = set()
    for token in tokens:
        lemma, lower = token.lemma_.lower(), token.lower_
        # the parser tags the particle of "shot down" as prt or as advmod
        particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"}}
        for trigger in lexicon.triggers:
            if lemma not in trigger.lemmas and lower not in trigger.lemmas:
                continue
            if trigger.particle and trigger.particle not in particles:
                continue
            if trigger.intransitive and any(c.dep_ == "dobj" for c in token.children):
                continue
            if trigger.needs and not any(t.lower_ in trigger.needs or t.lemma_.lower() in trigger.needs
                                         for t in token.subtree if t.i != token.i):
                continue
            if trigger.unless and any(t.lower_ in trigger.unless or t.lemma_.lower() in trigger.unless
                                      for t in token.subtree if t.i != token.i):
                continue  # "can hold 5,000 people", "held 3,000 troops in reserve"
            if trigger.object_only and (_acts(counted, token) or _held_by_place(token, lexicon)):
                continue
            if trigger.not_inverted and any(c.dep_ == "auxpass" and c.i > token.i for c in token.children):
                continue  # "Also recovered were a knife and two rifles": a list of things found
            category = trigger.category_for(noun_class)
            if category:
                found.add(category)
    return found


def subtree_categories(token: Token, exclude: Span, lexicon: FigureLexicon) -> set[str]:
    found = set()
    for t in token.subtree:
        if t in exclude:
            continue
        category = intrinsic_category(t, lexicon)
        if category:
            found.add(category)
        found |= {c for c in trigger_categories([t], None, lexicon)
                  if c in {"killed", "wounded", "captured", "missing"}}
    return found
