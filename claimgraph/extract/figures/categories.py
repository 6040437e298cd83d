"""What a quantity counts and what happens to it: head noun, governing verb, category, subject.

`read` looks at the dependency parse around one quantity and returns a
`Reading`: the noun it counts ("2,700 troops", "3,000 of them", or none for
"around 300 have been killed"), that noun's class (personnel, equipment, ...),
the category the noun or the governing verb decides (killed, supplied, ...) and
a short subject phrase. Words come from `categories.yaml`. This module does not
decide spans, values, sources or hedges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.figures.lexicon import FigureLexicon
from claimgraph.extract.figures.numbers import Quantity
from claimgraph.extract.figures.overrides import (
    in_captivity,
    repatriated,
    unclassed_agent,
    unit_size,
)
from claimgraph.extract.figures.shares import restated_category, supply_share
from claimgraph.extract.figures.triggers import (
    CLAUSE_POS,
    PRIORITY,
    class_of,
    intrinsic_category,
    of_object,
    pick,
    subtree_categories,
    trigger_categories,
)
from claimgraph.extract.nlp import LIST_ITEM, LIST_MARK, headline_end, span_text, text_of

__all__ = ["PRIORITY", "Reading", "number_span", "read", "read_counted"]

_SKIP_BEFORE_HEAD = {"ADJ", "PROPN", "NUM", "ADV", "PUNCT", "NOUN", "X", "SYM"}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
# Verbs after which a number-less subject or object names what is counted
# ("the death toll stands at 12", "put the losses at 200").
_MEASURE_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
# Prepositional phrases that add to what the verb counts ("shipped 100 guns on top of 100 missiles").
_ADDITIVE = re.compile(r"(?:on top of|in addition to|along with|together with)\b", re.IGNORECASE)


@dataclass
class Reading:
    """What the parse says about one quantity."""

    category: str | None
    decided_by: str  # intrinsic, phrase, trigger, subject, default, none
    noun_class: str | None
    subject: str | None
    head: Token | None
    verb: Token | None
    number_noun: bool = False  # counted noun is "figure", "toll", "number": an earlier mention decides
    pronoun: bool = False  # "3,000 of them": the class comes from an earlier figure
    unit_size: bool = False
    presupposed: bool = False  # named inside another figure's phrase ("half of the 11,000 troops")
    back_reference: bool = False  # "put the figure at 160,000": the count just given, also a sentence before
    rival: bool = False  # "our own count is 39", "a lower figure of ten": another count of one given shortly before


def number_span(doc: Doc, quantity: Quantity) -> Span | None:
    return doc.char_span(quantity.number_start, quantity.end, alignment_mode="expand")


def _head(doc: Doc, span: Span, lexicon: FigureLexicon, sized: Token | None) -> tuple[Token | None, bool]:
    """The noun the quantity counts, and whether it came through "of" ("3,000 of them"); `sized`
    is the group a participle after it sizes (`_sized_group`), when there is one."""
    counted = sized if sized is not None else _subject_of_total(span[-1], lexicon)
    if counted is not None:
        return counted, False
    head, via_of = _syntactic_head(doc, span)
    if head is not None and not via_of and head.i > span[-1].i \
            and any(t.text == "(" for t in doc[span[-1].i + 1:head.i]):
        # "41 killed and 17 injured (consortium count)": the parse may make the note's noun the
        # head; the count is of what stands before the bracket ("injured")
        before = [t for t in doc[span[-1].i + 1:head.i] if t.text == "(" or t.is_alpha]
        before = before[:next(i for i, t in enumerate(before) if t.text == "(")]
        named = [t for t in before if class_of(t, lexicon) is not None or intrinsic_category(t, lexicon) is not None]
        return (named[-1] if named else None), False
    if head is not None and not via_of and class_of(head, lexicon) is None \
            and intrinsic_category(head, lexicon) is None:
        # a mis-parsed headline: "11,000 infantrymen training" makes "training" the head
        for token in doc[span[-1].i + 1: head.i]:
            if token.pos_ in {"NOUN", "PROPN"} and class_of(token, lexicon) is not None:
                return token, False
        # a model name before the noun: "250 Koksan 170mm self-propelled guns" counts guns
        if head.pos_ in {"PROPN", "X"}:
            named = _noun_after_name(head, lexicon)
            if named is not None:
                return named, False
    return head, via_of


def _subject_of_total(number: Token, lexicon: FigureLexicon) -> Token | None:
    """ "The rebels now number some 3,000", "personnel ... are thought to number about 2,000": the
    object of "number" or "total" counts the verb's subject (or the subject of the verb above it)."""
    verb = number.head
    if number.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.total_verbs:
        return None
    for holder in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return subject
    return None


# Participles that give a group's size: "the assailants, estimated at around a hundred".
_ESTIMATING = frozenset({"estimate", "put", "number", "reckon"})


def _sized_group(number: Token, lexicon: FigureLexicon) -> Token | None:
    """ "The assailants, estimated at around a hundred, ...", "a large group of armed terrorists,
    numbering more than a hundred, ...": the group a participle set off after it sizes, or None.
    Its size is its strength, whatever the clause says the group did."""
    verb = number.head
    if number.dep_ == "pobj" and verb.lower_ == "at" and verb.head.dep_ == "acl" and verb.head.tag_ == "VBN" \
            and verb.head.lemma_.lower() in _ESTIMATING and verb.head.head.pos_ in {"NOUN", "PROPN"}:
        return _member_noun(verb.head.head)
    if number.dep_ == "dobj" and verb.dep_ == "acl" and verb.lemma_.lower() in lexicon.total_verbs \
            and verb.head.pos_ in {"NOUN", "PROPN"}:
        return _member_noun(verb.head)
    return None


def _circumstance(clause: Token) -> bool:
    """ "23 attacks in which six police officers were killed": a relative clause that tells what
    happened during what is counted ("in which", "during which"), not what befell it."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.tag_ in {"WDT", "WP"} for g in c.children)
        for c in clause.children)


def _member_noun(noun: Token) -> Token:
    """ "a large group of armed terrorists": the members a collective noun's "of" names."""
    members = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.tag_ in {"NNS", "NNPS"}), None)
    return members if members is not None else noun


def _noun_after_name(name: Token, lexicon: FigureLexicon) -> Token | None:
    """The classed noun a model name stands before ("Koksan 170mm self-propelled guns"), or None."""
    doc = name.doc
    for token in doc[name.i + 1: name.i + 9]:
        if token.sent.start != name.sent.start or token.pos_ in {"ADP", "AUX", "CCONJ"} \
                or token.pos_ == "PUNCT" and token.text not in {"-", "–"} \
                or token.pos_ == "VERB" and token.dep_ != "amod":
            break
        if token.dep_ == "compound" and name.i < token.head.i <= name.i + 9:
            continue  # "Shahed-136 attack drones": the compound's head is what is counted
        if token.pos_ == "NOUN" and class_of(token, lexicon) is not None:
            return token
    return None


def _coordinated_counts(head: Token, span: Span) -> list[Token]:
    """The counted nouns coordinated with `head` ("120 guns and dozens of launchers"): the
    conjunct `head` or its number hangs on, and the conjuncts that follow it (through a
    quantity noun's "of": "dozens of launchers")."""
    found = [t.head for t in (head, span[-1]) if t.dep_ == "conj" and t.head.pos_ == "NOUN"]
    for conjunct in head.conjuncts:
        if conjunct.i > head.i and conjunct.pos_ == "NOUN":
            counted = of_object(conjunct)
            found.append(counted if counted is not None and counted.pos_ == "NOUN" else conjunct)
    return found


def _model_class(head: Token, lexicon: FigureLexicon) -> str | None:
    """The class of a model name counted by itself ("another 60 Polonezes"), from an earlier
    mention of the name before a classed noun ("80 Polonez 300mm rocket launchers")."""
    text = head.text
    names = {text, text[:-1], text[:-2]} if text.endswith("s") else {text}
    for token in head.doc[:head.i]:
        if token.text in names and token.pos_ in {"PROPN", "X"} and token.ent_type_ != "NORP":
            named = _noun_after_name(token, lexicon)
            if named is not None:
                return class_of(named, lexicon)
    return None


def _syntactic_head(doc: Doc, span: Span) -> tuple[Token | None, bool]:
    last = span[-1]
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is not None and following.lower_ == "of":
        for child in following.children:
            if child.dep_ == "pobj":
                return child, True
        for token in doc[following.i + 1: following.i + 6]:
            if token.pos_ in {"NOUN", "PROPN", "PRON"}:
                return token, True
    after = doc[following.i + 1] if following is not None and following.i + 1 < len(doc) else None
    if following is not None and following.tag_ == "VBN" and (after is None or after.pos_ in {"CCONJ", "PUNCT", "ADP"}):
        return None, False  # "130 arrested and about 40 vehicles burned": the number stands alone
    head = last.head
    while head.i > last.i and head.pos_ in {"ADJ", "NUM", "ADV"} \
            and head.dep_ in {"amod", "compound", "nummod", "npadvmod", "advmod"} and head.head.i != head.i:
        head = head.head
    # a noun the number modifies directly may sit behind a long model name
    # ("120 Koksan 170mm self-propelled guns")
    reach = 10 if last.dep_ == "nummod" and last.head.i == head.i else 6
    if head.i > last.i and head not in span and head.pos_ in {"NOUN", "PROPN"} \
            and head.i - last.i <= reach:
        return head, False
    for token in doc[last.i + 1: last.i + 7]:
        if token.sent.start != last.sent.start:
            break
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound":
            return token, False
        if token.pos_ not in _SKIP_BEFORE_HEAD or token.pos_ == "PUNCT" and token.text not in {"-", "–"}:
            break
    return None, False


def _clause_verb(start: Token) -> Token | None:
    token = start
    # "captured 300 soldiers, including officers, and 12 tanks": a verb used as a
    # preposition ("including", "following") heads no clause
    while (token.pos_ not in CLAUSE_POS or token.dep_ == "prep") and token.dep_ != "ROOT" \
            and token.head.i != token.i:
        token = token.head
    # "three are missing" parsed with "three" under the auxiliary: the clause is the verb's
    while token.dep_ in {"aux", "auxpass"} and token.head.pos_ in CLAUSE_POS and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in CLAUSE_POS else None


def _object_read_as_subject(head: Token | None, verb: Token | None) -> Token | None:
    """ "We captured 17 members of the group and three were killed": the parse makes the first
    count a subject of the second clause, coordinated with its number; right after a verb with
    no object of its own, it is that verb's object, and that verb governs it."""
    if head is None or verb is None or head.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "ccomp":
        return verb
    first = verb.head
    if first.pos_ != "VERB" or head.left_edge.i != first.i + 1 or any(c.dep_ == "dobj" for c in first.children) \
            or not any(c.dep_ == "conj" and c.like_num for c in head.children):
        return verb
    return first


def _governing_lemmas(verb: Token) -> list[Token]:
    """The verb, verbs coordinated with it that share its arguments, and its complements."""
    tokens = [verb]
    # a subject of its own, also one the parser hung under the verb's auxiliary ("three are missing")
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or any(
        g.dep_ in {"nsubj", "nsubjpass"} for c in verb.children if c.dep_ in {"aux", "auxpass"}
        for g in c.children)
    if verb.dep_ == "conj" and verb.head.pos_ in CLAUSE_POS \
            and not own_subject \
            and not any(c.dep_ == "dobj" for c in verb.head.children):
        # "killed or wounded 30 soldiers": 30 hangs off "wounded"; but in "killing four
        # people and wounding 19" each verb has its own object and its own category
        tokens.append(verb.head)
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in CLAUSE_POS \
                and not any(c.dep_ in _ARGUMENT_DEPS for c in child.children) \
                and not (has_object and any(t.dep_ == "dobj" for t in child.subtree)) \
                and not child.doc[child.i - 1].like_num:
            # (a number right before the conjunct is its own gapped subject, however the parse
            # hangs it: "seven were killed by army gunfire and 23 wounded")
            # "killed or wounded 30 soldiers" shares one object; in "seized 14 outposts and
            # killed or captured 200 soldiers" the second predicate has an object of its own
            tokens.append(child)
        elif child.dep_ in {"xcomp", "acomp", "oprd"}:
            tokens.append(child)
            tokens.extend(c for c in child.children if c.dep_ in {"xcomp", "conj"})
    return tokens


def _target(token: Token, lexicon: FigureLexicon) -> bool:
    """The object of "against" is a target ("against 22 villages", "against Haifa"), not what a
    weapon defends against ("interceptors against drones", "against the offensive")."""
    if token.dep_ != "pobj":
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True  # "against Haifa", "against Hamas"
    noun_class = class_of(token, lexicon)
    return noun_class in {"facilities", "buildings", "places"} or noun_class is None \
        and not intrinsic_category(token, lexicon) and any(c.dep_ == "nummod" for c in token.children)


def _phrase(text: str) -> str | None:
    cleaned = " ".join(text.split()).strip(" ,.;:\"'“”‘’")  # 47 "terrorists": quoted words
    return cleaned or None


def _subject_text(doc: Doc, span: Span, head: Token) -> str | None:
    left = span[-1].i + 1
    while left < head.i and doc[left].lower_ in {"of", "the", "these", "those", "its", "their", "more", "-"}:
        left += 1
    if head.i < left:
        return _phrase(head.text)
    return _phrase(doc[left: head.i + 1].text)


def _blocked(start: Token, verb: Token, lexicon: FigureLexicon) -> bool:
    """A preposition between the counted noun and the verb ("carried ... aboard four ships")."""
    token = start
    while token.i != verb.i and token.head.i != token.i:
        if token.pos_ == "ADP" and token.dep_ == "prep" and token.lower_ in lexicon.blocking_prepositions \
                and not _ADDITIVE.match(text_of(token.doc), token.idx) \
                and not (token.lower_ == "with" and verb.lemma_.lower() in lexicon.with_verbs) \
                and not (token.lower_ in ("into", "onto", "in") and verb.lemma_.lower() in lexicon.packing_verbs) \
                and not (token.lower_ == "for" and token.head.i == verb.i and verb.lemma_.lower() in lexicon.for_verbs):
            return True
        token = token.head
    return False


def _partitive(head: Token | None, verb: Token) -> bool:
    token = head
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.lower_ == "out" or token.lower_ == "of" and token.head.lower_ == "out":
            return True
        token = token.head
    return False




def _counts_own_number(noun: Token) -> bool:
    """ "the injury of 14 others": a noun whose own "of" phrase holds a number."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(n.like_num for n in p.subtree)
               for p in noun.children)


_CASUALTY_PARTS = frozenset({"killed", "wounded", "missing", "captured"})


def read(doc: Doc, quantity: Quantity, lexicon: FigureLexicon,
         antecedent_class: str | None = None) -> Reading | None:
    """The parse's reading of `quantity`; None when the parse cannot place it.

    `antecedent_class` is the noun class of the figure a pronoun ("3,000 of them")
    refers back to, when the caller knows it.
    """
    span = number_span(doc, quantity)
    if span is None or len(span) == 0:
        return None
    sized = _sized_group(span[-1], lexicon)
    head, via_of = _head(doc, span, lexicon, sized)
    pronoun = head is not None and head.pos_ == "PRON"
    # "another 60 Polonezes": a model name counted by itself (which the tagger may take for a
    # nationality) has the class of the noun it stood before earlier
    model = _model_class(head, lexicon) if head is not None and head.pos_ == "PROPN" \
        and lexicon.noun_class(head.lemma_) is None and lexicon.noun_class(head.lower_) is None else None
    noun_class = model or (class_of(head, lexicon) if head is not None and not pronoun else antecedent_class)
    verb = _clause_verb(head if head is not None else span[-1])
    if via_of and head is not None and head.tag_ == "VBN" and verb is not None and verb.i == head.i \
            and intrinsic_category(head, lexicon):
        # "six of the wounded died": a participle standing for people is no clause of its own
        verb = _clause_verb(span[-1].head if span[-1].dep_ in {"nummod", "quantmod"} else span[-1])
        verb = None if verb is not None and verb.i == head.i else verb
    if verb is None:
        verb = _verb_after(doc, span)
    verb = _object_read_as_subject(head, verb)
    participle = doc[head.i + 1] if head is not None and head.dep_ == "conj" and head.i + 1 < len(doc) else None
    if participle is not None and participle.dep_ == "acl" and participle.head.i == head.i \
            and participle.tag_ == "VBN" and trigger_categories([participle], noun_class, lexicon):
        verb = participle  # "..., 130 arrested and about 40 vehicles burned": the conjunct's own participle
    if sized is not None:
        verb = None  # ("The assailants, estimated at a hundred, set fire to ...": their strength)
    subject = _subject_text(doc, span, head) if head is not None and not pronoun else None
    number_noun = head is not None and head.lemma_.lower() in lexicon.number_nouns
    reading = Reading(None, "none", noun_class, subject, head, verb, number_noun, pronoun,
                      unit_size(head, verb, lexicon))
    # "struck the depot 14 times": the filters let a frequency through only when it counts attacks
    if reading.unit_size or head is not None and head.lower_ == "times":
        reading.category, reading.decided_by = "other", "trigger"
        return reading
    # "the group numbered up to ten persons": the strength of one armed group or unit
    # (the parse may read "numbered up to ten" as a particle and a preposition)
    counted_by_verb = head is not None and verb is not None and (
        head.dep_ == "dobj" and head.head.i == verb.i
        or head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.head.i == verb.i)
    if counted_by_verb and verb.lemma_.lower() in lexicon.total_verbs and any(
                c.dep_ == "nsubj" and class_of(c, lexicon) in {"units", "personnel"} for c in verb.children):
        reading.category, reading.decided_by = "deployed", "trigger"
        return reading
    # "rounds of Iranian origin now account for about half of what Syrian guns fire": a share
    # verb whose subject is supplied equipment names a supplier's share, whatever the parse
    # made of what follows the share
    if supply_share(doc, quantity, lexicon):
        reading.category, reading.decided_by = "supplied", "trigger"
        return reading
    # "around 3,000 casualties, or close to 30 percent of the troops sent": a share of a
    # contingent that restates a count, or a headline's share that hangs off one ("losses
    # near 30 percent of force"), is a share of that count's kind
    restated = restated_category(span, quantity, lexicon)
    if restated is not None:
        reading.category, reading.decided_by = restated, "intrinsic"
        return reading
    # remains or wounded sent home, shares of losses by cause: "other" whatever is counted
    # (a share of the rounds fired, "accounts for 40 percent of the shells", is a supply share)
    if repatriated(span, head, verb, lexicon) or quantity.percent and verb is not None \
            and verb.lemma_.lower() in lexicon.cause_verbs and noun_class != "equipment":
        reading.category, reading.decided_by = "other", "trigger"
        return reading

    # "a death toll of 95", "compared with an initial estimate of 800": the number is the value
    # of a number noun, which names what is counted or leaves it to the figure before (`claims`)
    of = span[-1].head
    if head is None and of.lower_ == "of" and of.head not in span \
            and of.head.lemma_.lower() in lexicon.number_nouns:
        noun = of.head
        reading.category = _number_noun_category(noun, span, lexicon)
        reading.decided_by = "subject" if reading.category else "none"
        reading.number_noun, reading.verb = True, None
        reading.back_reference = reading.rival = _rival_count(noun)
        reading.subject = _counted_phrase(noun, lexicon)
        return reading

    # "a toll of more than 1,500 civilians": the counted noun is the value of a number noun
    # that names the category ("toll": deaths), which outranks the noun's own default
    valued = head.head.head if head is not None and not pronoun and head.dep_ == "pobj" \
        and head.head.lower_ == "of" else None
    if valued is not None and valued not in span and valued.lemma_.lower() in lexicon.number_nouns \
            and head is not None and not intrinsic_category(head, lexicon):
        category = _number_noun_category(valued, span, lexicon)
        if category:
            reading.category, reading.decided_by = category, "subject"
            return reading
    # 1. the counted noun names the category by itself: "300 casualties", "dozens of dead
    #    and injured"
    if head is not None and not pronoun:
        # (a conjunct with a number of its own is another figure: "62 wounded people and 17 bodies",
        # "the deaths of five citizens and the injury of 14 others")
        # (nor a verb the parse coordinated the noun with: "ten had been killed and 13 weapons ...
        # recovered")
        categories = {c for t in [head, *(k for k in head.conjuncts if not any(
                          n.dep_ == "nummod" for n in k.children) and not _counts_own_number(k)
                          and k.pos_ not in {"VERB", "AUX"})]
                      for c in [intrinsic_category(t, lexicon)] if c}
        if categories and lexicon.casualty_phrases.match(text_of(doc), head.idx):
            categories.add("casualties")  # "dozens of dead and injured"
        outranking = frozenset().union(*(lexicon.status_categories.get(c, frozenset()) for c in categories)) \
            if categories and all(c in lexicon.status_categories for c in categories) else frozenset()
        if outranking and verb is not None and not _blocked(head, verb, lexicon):
            # "12 prisoners died": a status noun counts people whom the verb says died
            stronger = trigger_categories(_governing_lemmas(verb), noun_class, lexicon) & outranking
            if stronger:
                reading.category, reading.decided_by = pick(stronger), "trigger"
                return reading
        owner = _nominal_owner(head, {t.i for t in span}, lexicon) if outranking else None
        if owner is not None:
            # "ordered the killing of 27 detainees": the event the status noun's owner names
            stronger = trigger_categories([owner], noun_class, lexicon) & outranking
            if stronger:
                reading.category, reading.decided_by = pick(stronger), "trigger"
                return reading
        if categories and via_of and verb is not None and verb.lemma_.lower() == "be":
            # "about 400 of those casualties were deaths": the part is what the predicate noun says
            named = {c for k in _complements(verb) if k.i > head.i
                     for c in [intrinsic_category(k, lexicon)] if c}
            if named:
                categories = named
        if categories:
            reading.category, reading.decided_by = pick(categories), "intrinsic"
            return reading
    # "ten had been killed and 13 weapons ... recovered": a noun the parse coordinated with a verb
    # has its own participle (the verb it shares was left out); so has a part of it ("13 weapons,
    # including four assault rifles, recovered")
    whole = head.head.head if head is not None and head.dep_ == "pobj" and head.head.lower_ == "including" \
        else head
    if whole is not None and whole.dep_ == "conj" and whole.head.pos_ in CLAUSE_POS and whole.head.pos_ != "NOUN":
        participles = [c for c in whole.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        gapped = trigger_categories([t for a in participles for t in _governing_lemmas(a)], noun_class, lexicon, head)
        if gapped:
            reading.category, reading.decided_by = pick(gapped), "trigger"
            return reading
    own = {t.i for t in span}
    # "the destruction of five tanks", "the bodies of 12 soldiers": the noun that owns the
    # counted noun names the event
    owner = _nominal_owner(head, own, lexicon)
    if owner is not None:
        categories = trigger_categories([owner], noun_class, lexicon)
        if not categories and intrinsic_category(owner, lexicon):
            categories = {str(intrinsic_category(owner, lexicon))}
        if categories == {"casualties"} and head is not None:
            # "the loss of eight soldiers, who were killed": a relative clause on the counted
            # noun says which loss
            said = {c for r in head.children if r.dep_ == "relcl"
                    for c in trigger_categories(_governing_lemmas(r), noun_class, lexicon)} & _CASUALTY_PARTS
            categories = said if len(said) == 1 else categories  # ("captured or killed" stays a loss)
        if categories:
            reading.category, reading.decided_by = pick(categories), "trigger"
            return reading
    presupposed = head is not None and head.head.lower_ == "of" and head.head.head.i not in own \
        and (_owner_is_quantity(head) or _fronted_partitive(head.head))
    if presupposed:
        reading.presupposed = True
        verb = None  # "half of the 11,000 troops": the clause is about the half, not the 11,000
    # "1,000 more wounded", "a hundred soldiers dead"
    after = [t for t in doc[span[-1].i + 1: span[-1].i + 3] if t.lower_ not in {"more", "-"}]
    adjacent = [after[0]] if after and head is None else []
    if head is not None:
        adjacent += [c for c in head.children if c.dep_ in {"amod", "acomp", "oprd", "appos"}]
        if head.i + 1 < len(doc) and doc[head.i + 1].pos_ in {"ADJ", "VERB"}:
            adjacent.append(doc[head.i + 1])
    adjacent_categories = {c for t in adjacent for c in [intrinsic_category(t, lexicon)] if c}
    # "losses have reached 870,000 personnel": a running total names its count in the subject
    if verb is not None and head is not None and not number_noun \
            and verb.lemma_.lower() in lexicon.measure_verbs and head.dep_ in {"dobj", "attr", "pobj"}:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != head.i:
                categories = {c for t in [child, *child.conjuncts]
                              for c in [intrinsic_category(t, lexicon)] if c}
                if categories:
                    reading.category, reading.decided_by = pick(categories), "subject"
                    return reading
    # 2. a combined-casualty phrase in the figure's clause: "killed or wounded", "out of action"
    coordinated = doc[verb.head.i: verb.i + 1].text if verb is not None and verb.dep_ == "conj" \
        and verb.head.pos_ in CLAUSE_POS and verb.head.i < verb.i else ""  # "killed or captured 200"
    if verb is not None and (lexicon.casualty_phrases.search(_clause_text(verb, span))
                             or lexicon.casualty_phrases.fullmatch(coordinated)):
        # (vehicles "put out of action" are lost equipment, not casualties)
        reading.category = "destroyed" if noun_class == "equipment" else "casualties"
        reading.decided_by = "phrase"
        return reading
    if adjacent_categories:
        reading.category, reading.decided_by = pick(adjacent_categories), "intrinsic"
        return reading
    # 3. the verbs that govern it: "were killed", "shipped", "intercepted two of them";
    #    not through a partitive "out of 12,000 troops, 300 were killed" nor a preposition
    #    "aboard four ships"
    # "put Russian losses at 1,040 troops": the object says what the counted soldiers are
    if verb is not None and head is not None and head.dep_ == "pobj" and head.head.lower_ == "at" \
            and head.head.head.i == verb.i and noun_class in ("personnel", "units", "people", "equipment"):
        measured = next((c for c in verb.children if c.dep_ == "dobj" and (
            intrinsic_category(c, lexicon) or c.lemma_.lower() in lexicon.number_nouns)), None)
        category = None if measured is None else (
            intrinsic_category(measured, lexicon) or _number_noun_category(measured, span, lexicon))
        if category is not None:
            reading.category = "destroyed" if category == "casualties" and noun_class == "equipment" else category
            reading.decided_by = "subject"
            return reading
    # a number with no noun, and a number noun or a count noun in the clause: "brought the
    # total of personnel losses to 640,000", "bringing its losses to 700,000", "the toll rose to 230"
    if verb is not None and head is None:
        for child in verb.children:
            if child.dep_ in _MEASURE_DEPS and child not in span and (
                    child.lemma_.lower() in lexicon.number_nouns or intrinsic_category(child, lexicon)):
                category = _number_noun_category(child, span, lexicon)
                if category:
                    reading.category, reading.decided_by = category, "subject"
                    reading.subject = reading.subject or _counted_phrase(child, lexicon)
                    return reading
                counted = of_object(child)
                if child.lemma_.lower() in lexicon.number_nouns and child.dep_ == "dobj" \
                        and (counted is None or class_of(counted, lexicon) is None):
                    # "bringing the overall total to 45,000": a running total of what the figure
                    # before it counts, not a deployment by "bring"; `claims` fills it in ("put the
                    # figure at 160,000": the figure just given, also in the sentence before)
                    reading.number_noun = True
                    reading.back_reference = any(c.dep_ == "det" and c.lower_ == "the" for c in child.children)
                    return reading
    # "four ships carried the shells": the ships carry the transfer, they are not supplied
    if head is not None and verb is not None and head.dep_ == "nsubj" and head.head.i == verb.i \
            and head.lemma_.lower() in lexicon.conveyances and verb.lemma_.lower() in lexicon.conveying_verbs:
        reading.category, reading.decided_by = "other", "trigger"
        return reading
    # "tracked seven freighters carrying Russian ammunition": a conveyance with a clause of its own
    # that says what it carries, unless its own verb says what befell it ("sank three ships
    # carrying troops")
    if head is not None and head.lemma_.lower() in lexicon.conveyances and any(
            c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in lexicon.conveying_verbs
            and any(o.dep_ == "dobj" for o in c.children) for c in head.children) \
            and (verb is None
                 or trigger_categories([verb], noun_class, lexicon) <= {"supplied", "deployed", "other"}):
        reading.category, reading.decided_by = "other", "trigger"
        return reading
    # "sent between 150 and 250 drones against 22 villages": weapons sent against a target are an
    # attack ("other"), not a delivery
    if head is not None and verb is not None and noun_class == "equipment" and any(
            c.dep_ == "prep" and c.lower_ in lexicon.attack_prepositions
            and any(_target(p, lexicon) for p in c.children) for t in (verb, head) for c in t.children) \
            and trigger_categories([verb], noun_class, lexicon) == {"supplied"}:
        reading.category, reading.decided_by = "other", "trigger"
        return reading
    start = head if head is not None else span[-1]
    governing = _governing_lemmas(verb) if verb is not None and not _partitive(head, verb) \
        and not _blocked(start, verb, lexicon) and not unclassed_agent(head, verb, noun_class) else []
    complements = {c for t in governing for k in _complements(t)
                   for c in [intrinsic_category(k, lexicon)] if c}
    if not complements:  # "were among those killed"
        complements = {c for t in governing for k in _complements(t) if k.dep_ == "pobj"
                       for c in trigger_categories([a for a in k.children if a.dep_ in {"acl", "relcl"}],
                                                    noun_class, lexicon)}
    if complements:  # "30 percent of its personnel became casualties"
        reading.category, reading.decided_by = pick(complements), "trigger"
        return reading
    triggered = trigger_categories(governing, noun_class, lexicon, start)
    if triggered:
        reading.category, reading.decided_by = pick(triggered), "trigger"
        return reading
    # "9,000 Ukrainians are in Russian captivity": held, with no verb of capture
    if in_captivity([head, verb] if not presupposed else [head], lexicon):
        reading.category, reading.decided_by = "captured", "phrase"
        return reading
    # 4. a number with no noun, or a noun that only stands for the number: the clause's
    #    other argument names what is counted ("the death toll remains at 12")
    if verb is not None and (head is None or number_noun):
        arguments = list(verb.children)
        if verb.dep_ == "conj" and verb.head.pos_ in CLAUSE_POS \
                and not any(c.dep_ in _MEASURE_DEPS for c in arguments):
            # "put the number of fighters demobilised at 65,000", parsed as two coordinated
            # verbs: the arguments are the first verb's
            arguments = list(verb.head.children)
        for child in arguments:
            if child.dep_ not in _MEASURE_DEPS or child in span or head is not None and child.i == head.i:
                continue
            categories = subtree_categories(child, span, lexicon)
            default = lexicon.number_noun_defaults.get(child.lemma_.lower())
            if categories or default:
                reading.category = pick(categories) if categories else default
                reading.decided_by = "subject"
                reading.subject = reading.subject or _counted_phrase(child, lexicon)
                return reading
            if child.lemma_.lower() in lexicon.number_nouns:
                # "the number of troops Russia intended to draw", "troop numbers"
                counted = of_object(child) or next(
                    (c for c in child.children if c.dep_ == "compound" and class_of(c, lexicon)
                     and c.lemma_.lower() not in lexicon.member_bodies), None)
                if counted is not None and class_of(counted, lexicon):
                    child = counted
                elif counted is None and child.dep_ in _SUBJECTS and not quantity.percent and (
                        (rival := _rival_count(child)) or any(c.dep_ == "det" and c.lower_ == "the" for c in child.children)):
                    # "Our own count for that quarter is 39", "the number was probably between 300
                    # and 400": a count of what the figure before it counts (`claims` fills it in)
                    reading.number_noun, reading.back_reference, reading.rival = True, True, rival
                    return reading
            # ("the police said four": the police give the count, they are not what it counts)
            child_class = class_of(child, lexicon) if child.lemma_.lower() not in lexicon.member_bodies else None
            if child_class in lexicon.defaults and child.lemma_.lower() not in lexicon.number_nouns:
                reading.noun_class = child_class
                reading.category = lexicon.defaults[child_class]
                reading.decided_by = "subject"
                reading.subject = reading.subject or _phrase(child.text)
                return reading
    if head is not None and number_noun:
        category = _number_noun_category(head, span, lexicon)
        if category:
            reading.category, reading.decided_by = category, "subject"
            return reading
    # 5. verbs in a clause attached to the counted noun: "12,000 troops deployed since ..."
    if head is not None and not pronoun:
        # (not a clause with a subject of its own that the parse hung here: "212 tanks destroyed
        # ..., and 29,000 soldiers killed")
        attached = [c for c in head.children if c.dep_ in {"acl", "relcl"} and c.pos_ in CLAUSE_POS
                    and not (c.dep_ == "acl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i
                                                     for g in c.children))
                    and not _circumstance(c)]
        triggered = trigger_categories([t for a in attached for t in _governing_lemmas(a)],
                                        noun_class, lexicon, head)
        # "120 guns and dozens of rocket launchers moving west": a participle after the last of
        # coordinated counts tells what befell each of them, whichever conjunct the parser hangs
        # it on (not a manner, "using figures from ...", which is "other" by itself)
        shared = [c for t in _coordinated_counts(head, span) if t.i != head.i
                  for c in t.children if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"}
                  and c.i > max(t.i, head.i)
                  and not any(g.dep_ in _SUBJECTS for g in c.children)]
        if not triggered and shared:
            triggered = trigger_categories([t for a in shared for t in _governing_lemmas(a)],
                                            noun_class, lexicon, head) - {"other"}
        if quantity.percent and "supplied" not in triggered:
            # "half the missiles that Russia launched ... were made in North Korea": in a share,
            # the clause on the noun says which missiles; a supply verb further in says what
            # the share counts (the parser often hangs it under that clause)
            deeper = trigger_categories([t for a in attached for t in a.subtree
                                          if t.i != a.i and t.pos_ in CLAUSE_POS], noun_class, lexicon)
            if "supplied" in deeper:
                triggered = {"supplied"}
        if triggered:
            reading.category, reading.decided_by = pick(triggered), "trigger"
            return reading
    # 6. a list item with no verb of its own takes what the introduction of its list says befell
    #    its kind: "the inventory of recovered items ... It lists:\n- 17 rifles" were recovered
    # (the parse may make the item the object of the introduction's verb: "It lists:\n\n- 14 rifles")
    item_line = text_of(doc).rfind("\n", 0, quantity.start) + 1
    if head is not None and (verb is None or verb.idx < item_line):
        introduced = trigger_categories(_list_introduction(doc, quantity), noun_class, lexicon, head)
        if introduced:
            reading.category, reading.decided_by = pick(introduced), "trigger"
            return reading
    # 7. what the noun class usually means: personnel -> deployed, ships -> other
    if noun_class is not None and noun_class in lexicon.defaults:
        reading.category, reading.decided_by = lexicon.defaults[noun_class], "default"
        return reading
    # 8. a verbless headline ("casualties in Russia's war top 4,000"): the noun just before
    if head is None and verb is None:
        for token in reversed(doc[max(span.sent.start, span[0].i - 8): span[0].i]):
            if token.text in {":", ";"}:
                break
            category = intrinsic_category(token, lexicon)
            if category:
                reading.category, reading.decided_by = category, "subject"
                reading.subject = _phrase(doc[token.left_edge.i: token.i + 1].text)
                break
    # 9. a headline verb the tagger read as a plural noun ("Shelling of market kills at least 23,
    #    doctors say"): the word just before a noun-less number, when it is a trigger
    if reading.category is None and head is None and span[0].i > 0 \
            and span[-1].idx < headline_end(text_of(doc)):
        first = span[0].i
        while first > 0 and doc[first - 1].idx >= quantity.start:  # past "at least", "about"
            first -= 1
        before = doc[first - 1] if first > 0 else span[0]
        if first > 0 and before.pos_ == "NOUN" and before.tag_ == "NNS":
            triggered = trigger_categories([before], noun_class, lexicon)
            if triggered:
                reading.category, reading.decided_by = pick(triggered), "trigger"
    # 10. "- M23 fighters: about 6,500 (UN experts)", "Civilians killed since January: at least
    #    2,900": a list item's label before the colon names what a number with nothing else counts
    label = _list_label(doc, quantity) if reading.category is None and head is None else None
    if label is not None:
        category, label_class = read_counted(label, lexicon)
        if category is not None:
            reading.category, reading.decided_by = category, "subject"
            reading.noun_class = reading.noun_class or label_class
            reading.subject = reading.subject or _counted_phrase(label, lexicon)
    return reading


def _list_introduction(doc: Doc, quantity: Quantity) -> list[Token]:
    """The words of the sentence that introduces the list whose item holds `quantity` (the line
    before the list, ending with a colon) and of the sentence before it in its paragraph ("... the
    division's inventory of recovered items. It lists:"); none when the number is in no list."""
    text = text_of(doc)
    line = text.rfind("\n", 0, quantity.start) + 1
    if not LIST_ITEM.match(text, line):
        return []
    while line > 0:  # up over the items before it
        previous = text.rfind("\n", 0, line - 1) + 1
        if not LIST_ITEM.match(text, previous):
            break
        line = previous
    colon = text[:line].rstrip()
    if not colon.endswith(":"):
        return []
    last = doc.char_span(len(colon) - 1, len(colon), alignment_mode="expand")
    if last is None:
        return []
    sentence = last.sent
    paragraph = text.rfind("\n\n", 0, sentence.start_char) + 2
    start = sentence.start
    if start > 0 and doc[start - 1].sent.start_char >= paragraph - 2:
        start = doc[start - 1].sent.start
    return [t for t in doc[start:sentence.end] if t.pos_ in CLAUSE_POS or t.tag_ == "VBN" or t.pos_ == "ADJ"]


_LIST_LABEL = re.compile(rf"(?:^|\n)[^\S\n]*(?:{LIST_MARK}[^\S\n]+)?([^\n:]{{2,80}}?):[^\S\n]*$")


def _list_label(doc: Doc, quantity: Quantity) -> Token | None:
    """The head noun of the label a list item or table line puts before its number ("- M23
    fighters: about 6,500"), or None."""
    text = text_of(doc)
    line = _LIST_LABEL.search(text, max(0, quantity.number_start - 90), quantity.start)
    if line is None:
        return None
    label = doc.char_span(line.start(1), line.end(1), alignment_mode="contract")
    if label is None or not len(label) or label.root.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None
    return label.root


def read_counted(token: Token, lexicon: FigureLexicon) -> tuple[str | None, str | None]:
    """The category and noun class of what `token` counts in its own clause, with no number
    there to read: the "many" or the noun of "how many fighters were killed?" (its noun,
    its combined-casualty phrase, the verbs that govern it, else its class's default)."""
    noun_class = class_of(token, lexicon) if token.pos_ in {"NOUN", "PROPN"} else None
    intrinsic = intrinsic_category(token, lexicon) if token.pos_ in {"NOUN", "PROPN", "ADJ"} else None
    if intrinsic is not None:
        return intrinsic, noun_class
    # "the militants killed": a clause on the noun says what happened to them
    attached = trigger_categories([t for c in token.children if c.dep_ in {"acl", "relcl"}
                                    for t in _governing_lemmas(c)], noun_class, lexicon)
    if attached:
        return pick(attached), noun_class
    verb = _clause_verb(token)
    if verb is not None and not _blocked(token, verb, lexicon):
        if lexicon.casualty_phrases.search(span_text(verb.sent)):
            return "casualties", noun_class
        governing = _governing_lemmas(verb)
        found = {c for t in governing for k in _complements(t)
                 for c in [intrinsic_category(k, lexicon)] if c} \
            or trigger_categories(governing, noun_class, lexicon)
        if found:
            return pick(found), noun_class
        if in_captivity([token, verb], lexicon):
            return "captured", noun_class
    return (lexicon.defaults.get(noun_class) if noun_class is not None else None), noun_class






def _counted_phrase(noun: Token, lexicon: FigureLexicon) -> str | None:
    """What a clause argument says is counted: the argument itself ("the losses of the
    brigade"), or for a number noun whose people it names ("the number of people killed",
    "the death toll among refugees"), else nothing: "the death toll" is not what is counted."""
    if noun.lemma_.lower() not in lexicon.number_nouns:
        return _phrase(noun.doc[noun.left_edge.i: noun.right_edge.i + 1].text)
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "among", "for"}:
            for counted in prep.children:
                if counted.dep_ == "pobj" and counted.pos_ in {"NOUN", "PROPN"} \
                        and counted.lemma_.lower() not in lexicon.number_nouns:
                    return _phrase(noun.doc[counted.left_edge.i: counted.i + 1].text)
    return None


def _rival_count(noun: Token) -> bool:
    """ "a lower figure of ten", "our own count", "the army's tally": a number noun that sets its
    count beside one given before it (a comparative, or an owner of the count)."""
    return any(c.dep_ == "amod" and c.tag_ == "JJR" or c.dep_ == "poss" for c in noun.children)


def _owner_is_quantity(head: Token) -> bool:
    """ "half of the troops", "30 percent of the force": the noun hangs off a quantity word."""
    owner = head.head.head
    return owner.like_num or owner.lower_ in {"half", "third", "quarter", "percent", "%", "thirds", "quarters"}


def _verb_after(doc: Doc, span: Span) -> Token | None:
    """A participle right after a noun-less number in a headline ("2,600 headed for Kursk")."""
    for token in doc[span[-1].i + 1: span[-1].i + 3]:
        if token.pos_ in CLAUSE_POS:
            return token
        if token.pos_ not in {"ADV", "PUNCT"}:
            return None
    return None


def _complements(verb: Token) -> list[Token]:
    """What the verb says its subject is: "became casualties", "were among the dead"."""
    found = []
    for child in verb.children:
        if child.dep_ in {"attr", "acomp", "oprd"}:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend([pobj, *pobj.conjuncts])
    return found


def _number_noun_category(noun: Token, exclude: Span, lexicon: FigureLexicon) -> str | None:
    """What a number noun counts: its modifiers ("death toll", "total of losses"), else its default."""
    categories = subtree_categories(noun, exclude, lexicon)
    if categories:
        return pick(categories)
    return lexicon.number_noun_defaults.get(noun.lemma_.lower())


_SUBJECTS = {"nsubj", "nsubjpass", "expl"}
_CLAUSE_DEPS = {"conj", "advcl", "ccomp", "parataxis"}


def _clause_text(verb: Token, span: Span) -> str:
    """The verb's clause without relative clauses, and clauses with a subject of their own,
    that do not hold the figure ("8,000 conscripts, of whom 2,100 were killed or wounded":
    the 8,000 is not a casualty count)."""
    own = {t.i for t in span}
    dropped: set[int] = set()
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for token in verb.subtree:
        if token.i == verb.i:
            continue
        separate = token.dep_ in _CLAUSE_DEPS and token.pos_ in CLAUSE_POS \
            and any(c.dep_ in _SUBJECTS for c in token.children)
        # "seized 14 outposts and killed or captured 200 soldiers": a second predicate with
        # an object of its own
        separate = separate or token.dep_ == "conj" and token.head.i == verb.i and has_object \
            and token.pos_ in CLAUSE_POS and any(t.dep_ == "dobj" for t in token.subtree)
        if token.dep_ == "relcl" or separate:
            inside = {t.i for t in token.subtree}
            if not inside & own:
                dropped |= inside
    return "".join(t.text_with_ws for t in verb.subtree if t.i not in dropped)


def _nominal_owner(head: Token | None, own: set[int], lexicon: FigureLexicon) -> Token | None:
    """The event noun whose "of" phrase holds the counted noun ("the destruction of five tanks")."""
    if head is None or head.dep_ != "pobj" or head.head.lower_ != "of":
        return None
    owner = head.head.head
    if owner.i in own or owner.pos_ != "NOUN" or _owner_is_quantity(head) \
            or owner.lemma_.lower() in lexicon.number_nouns:
        return None
    return owner


def _fronted_partitive(of: Token) -> bool:
    """ "Of the 11,000 troops sent, 300 were killed": a sentence-initial "of" phrase presupposes
    its figure as background for the count that follows."""
    if of.dep_ != "prep" or of.head.pos_ not in CLAUSE_POS:
        return False
    before = of.doc[of.sent.start: of.i]
    return all(t.pos_ in {"CCONJ", "ADV", "PUNCT", "SCONJ"} for t in before)
