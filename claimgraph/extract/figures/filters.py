"""Numbers that are not figure claims: dates, years, ages, durations, ordinals, designators.

`non_figure_reason` looks at the characters and the parse around one quantity
and names why it is not a figure claim ("date", "calibre", "yardstick", ...), or
returns None. Unit numbers ("94th brigade"), calibres ("152mm"), model
designators ("KN-23", "Type 75") and names completed by a number ("Operation
1027"), ages ("a 72-year-old man", "Park, 41, said", "aged 8, 12 and 17"),
distances, money, civilian cargo ("10,000 tonnes of grain") and probability
yardsticks ("80 to 90 percent" as the meaning of "highly likely") are left out,
following the conflict-figures guide. Whether the quantity counts something military is
decided later (`categories`); this module must not assign categories.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from claimgraph.extract.figures.lexicon import FigureLexicon
from claimgraph.extract.figures.numbers import Quantity, find_quantities
from claimgraph.extract.nlp import span_text
from claimgraph.model.vocab import load_vocab

__all__ = ["non_figure_reason"]

_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# a whole word: "M1A1" after a number is a model name, not the unit "m"
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z][A-Za-z.']*)(?![\w-])")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.?[\s-]*$")
_CURRENCY = "$€£¥₩₽₴"
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_OF_MONTH = re.compile(r"\s+of\s+(?:this\s+|last\s+|next\s+)?([A-Za-z]+)")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_NOT_PERSONS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "DATE", "TIME", "EVENT"})
_SHARE_BEFORE = re.compile(r"\b(?:share|proportion|percentage|rate|fraction)\b[^.;]{0,40}$", re.IGNORECASE)


@cache  # the vocabulary is loaded once per process
def _vocab_words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_vocab("quantities").get(key) or [])


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower().rstrip(".") if match else ""


def _prev_word(text: str, start: int) -> tuple[str, str]:
    """The word before `start` (lower case) and as written."""
    match = _PREV_WORD.search(text, max(0, start - 30), start)
    if not match:
        return "", ""
    return match.group(1).lower().rstrip("."), match.group(1)


def _sentence_text(doc: Doc | None, text: str, start: int) -> str:
    if doc is not None:
        span = doc.char_span(start, min(len(text), start + 1), alignment_mode="expand")
        if span is not None and len(span):
            return span_text(span[0].sent)
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
    right = text.find(".", start)
    return text[left + 1: right if right != -1 else len(text)]


def _in_date_entity(doc: Doc | None, quantity: Quantity, months: frozenset[str]) -> bool:
    if doc is None:
        return False
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.ent_type_ in {"DATE", "TIME"}:
            entity_words = {t.lower_.rstrip(".") for t in doc[token.i - 3 if token.i >= 3 else 0: token.i + 4]
                            if t.ent_type_ in {"DATE", "TIME"}}
            if entity_words & months or any(_WEEKDAY.search(w) for w in entity_words):
                return True
    return False


_AGE_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[-–]\s*)"


def _is_age(text: str, quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "a 72-year-old man", "41 years old", "aged 8, 12 and 17", "Park, 41, said"."""
    units = "|".join(re.escape(u) for u in sorted(lexicon.age_units, key=len, reverse=True)) or "(?!)"
    if re.match(rf"(?:[\s-]+(?:{units}))[\s-]+old\b", text[quantity.number_end:quantity.number_end + 20],
                re.IGNORECASE):
        return True
    words = "|".join(re.escape(w) for w in sorted(_vocab_words("age_words"), key=len, reverse=True)) or "(?!)"
    numbers = r"(?:\d+|[A-Za-z]+(?:-[A-Za-z]+)?)"
    listed = re.compile(rf"\b(?:{words})\s+(?:between\s+)?(?:{numbers}{_AGE_LIST_JOIN})*$", re.IGNORECASE)
    if listed.search(text, max(0, quantity.start - 80), quantity.start):
        before = text[max(0, quantity.start - 80):quantity.start]
        tail = re.split(rf"\b(?:{words})\b", before, flags=re.IGNORECASE)[-1]
        if all(lexicon.number_word(w) or w.isdigit() or w.lower() in {"and", "or", "to", "between"}
               for w in re.findall(r"[A-Za-z]+|\d+", tail)):
            return True
    return _age_in_apposition(text, quantity, lexicon, doc)


def _age_in_apposition(text: str, quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "Park, 41, said": a bare small number set off by commas right after a name or a person."""
    if doc is None or quantity.kind != "digits" or quantity.qualifier != "exact" or quantity.percent \
            or quantity.low > lexicon.oldest_age:
        return False
    if not re.match(r"\s*[,)]", text[quantity.end:quantity.end + 3]) \
            or not re.search(r"[,(]\s*$", text[max(0, quantity.start - 3):quantity.start]):
        return False
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    named = doc[span.start - 2]
    if named.ent_type_ in _NOT_PERSONS:
        return False  # "In Sudzha, 40, among them officers, died": a place, then a count
    return named.pos_ == "PROPN" or named.ent_type_ == "PERSON" \
        or lexicon.noun_class(named.lemma_) in {"personnel", "people"}


def _after_its_name(text: str, quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "Operation 1027", "Sector 7": the number completes the capitalised noun before it,
    which it follows; English counts stand before the noun they count."""
    if doc is None or quantity.kind != "digits" or quantity.start != quantity.number_start:
        return False
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    number, name = span[-1], doc[span.start - 1]
    if not name.text[:1].isupper() or name.is_sent_start or name.pos_ not in {"PROPN", "NOUN"} \
            or name.idx + len(name.text) + 1 != quantity.number_start:
        return False
    if name.lower_ in lexicon.number_nouns or name.lemma_.lower() in lexicon.measure_verbs \
            or name.lemma_.lower() in lexicon.unit_size_verbs:
        return False  # a title-case headline: "Troops Number 12,000", "Losses Top 4,000"
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    # ("the Operation Emergence 4 force": a singular noun after the number counts nothing)
    if following is not None and following.pos_ in {"NOUN", "PROPN"} and following.sent == number.sent \
            and (following.tag_ in {"NNS", "NNPS"} or number.text == "1"):
        return False  # "Russia Loses 300 Soldiers": a headline count
    # (or both name the singular noun after them: "the Operation Emergence 4 force")
    return number.head.i == name.i or name.head.i == number.i or (
        following is not None and number.head.i == name.head.i == following.i and following.tag_ == "NN")


_UNIT_NAME = re.compile(r"[ ](?:[A-Z][\w-]*[ ]){0,3}(Brigade|Division|Battalion|Regiment|Corps|Squadron|Fleet|Army|"
                        r"Group|Task Force|Sector|Zone|Command)\b")


# A formation's name right after its number, singular and capitalised: "also known as 15 Corps"
_NUMBERED_FORMATION = re.compile(r"[ ](?:Brigade|Division|Battalion|Regiment|Corps|Squadron)\b(?!-)")


def _unit_name(text: str, quantity: Quantity) -> bool:
    """ "troops of the 25 Task Force Brigade", "the 7 Division", "also known as 15 Corps": the
    number opens a unit's name (in title case up to the unit noun), it counts nothing ("2
    Brigades" counts)."""
    if quantity.kind != "digits" or quantity.qualifier != "exact":
        return False
    if _NUMBERED_FORMATION.match(text, quantity.end) is not None:
        return True
    return text[max(0, quantity.start - 4):quantity.start].lower().endswith("the ") \
        and _UNIT_NAME.match(text, quantity.end) is not None


def _civilian_cargo(text: str, quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "10,000 tonnes of grain", "1.5 million barrels of oil": a measure of something that
    is not military."""
    if doc is None or _next_word(text, quantity.end) not in lexicon.measure_units:
        return False
    unit = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if unit is None:
        return False
    after = unit[-1].i + 1
    while after < len(doc) and doc[after].lower_ not in {"of"} and after - unit[-1].i <= 3:
        after += 1
    if after >= len(doc) or doc[after].lower_ != "of":
        return False  # "shipped 5,000 tonnes": what was measured is not said here
    measured = next((t for t in doc[after + 1: after + 6] if t.pos_ in {"NOUN", "PROPN"}), None)
    if measured is None:
        return False
    classes = {lexicon.noun_class(measured.lemma_), lexicon.noun_class(measured.lower_)}
    military = bool(classes & lexicon.military_classes) or measured.lemma_.lower() in lexicon.intrinsic
    return not military


def _is_year(text: str, quantity: Quantity) -> bool:
    """A year, or a range of years ("between 2005 and 2008", "2018-2022")."""
    numbers = re.findall(r"\d[\d,.]*", text[quantity.number_start:quantity.number_end])
    return bool(numbers) and all(n.isdigit() and len(n) == 4 and 1800 <= int(n) <= 2100 for n in numbers)


def _counts_attacks(text: str, quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "struck the depot 14 times" counts strikes; "three times more" is a ratio."""
    times = _NEXT_WORD.match(text, quantity.end)
    if doc is None or times is None or _next_word(text, times.end()) in lexicon.comparatives:
        return False
    span = doc.char_span(times.start(1), times.end(1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = span[0].head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() in lexicon.frequency_verbs


_MEMBER_OF = re.compile(r"\s+(?:of|among)\s+(?:(?:the|its|their|these|those|his|her|our|an|a)\s+)?", re.IGNORECASE)


def _one_member(text: str, quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "was one of 200 prisoners", "Ahmed, one of 40 prisoners freed": a person said to be a
    member of a group that another number counts, not a count of one. "One of the two drones
    was shot down" is a count (its "one" is the subject of an event), so only a "one" that
    identifies (a copula's complement or an apposition) is left out."""
    if (quantity.low, quantity.high, quantity.qualifier) != (1, 1, "exact") or quantity.percent \
            or doc is None:
        return False
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None or not len(span) or span[-1].dep_ not in {"attr", "appos", "oprd"}:
        return False
    joint = _MEMBER_OF.match(text, quantity.end)
    if joint is None:
        return False
    following = find_quantities(text[joint.end(): joint.end() + 60], lexicon)
    return bool(following) and following[0].start == 0


# a limit on age right after the people it bounds: "boys under 10", "men over 60"
_AGE_LIMIT = re.compile(r"(?:under|over|below|above)\s+$", re.IGNORECASE)
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been"})  # grammar words (a closed class)
_LOCATIVE_PREPOSITIONS = frozenset({"over", "across", "in", "throughout"})


# Determiners before a "one" that stands for a noun said before ("the one on Al-Manar", "this one")
# ("another one was wounded" counts one more, so "another" is not among them)
_PRONOUN_ONE_DETERMINERS = frozenset({"the", "this", "that", "which", "each", "every", "any", "no"})


def _determined(doc: Doc | None, quantity: Quantity) -> bool:
    """ "The Observatory's figure is the official one": a "one" with a determiner of its own
    (across its adjectives) stands for a noun, as a count never does."""
    if doc is None:
        return False
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    return span is not None and len(span) == 1 and any(
        c.dep_ == "det" and c.lower_ in _PRONOUN_ONE_DETERMINERS for c in span[0].children)


def _counts_a_noun(doc: Doc | None, quantity: Quantity) -> bool:
    """ "said that one soldier was wounded": a "one" that modifies its noun is a number."""
    if doc is None:
        return False
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    # (its common noun right after it: "the one South Korea has given" stands for a noun said before)
    return span is not None and len(span) == 1 and span[0].dep_ == "nummod" and span[0].head.pos_ == "NOUN" \
        and span[0].head.i == span[0].i + 1


def _age_limit(text: str, quantity: Quantity, lexicon: FigureLexicon) -> bool:
    """ "six people were killed, including two girls under 12", "14 young people, three of them
    under 18": a bound on age after a noun for people, with no counted noun of its own after it."""
    if quantity.kind != "digits" or quantity.percent or quantity.low > lexicon.oldest_age \
            or not _AGE_LIMIT.search(text, quantity.start, quantity.number_start):
        return False
    previous, _ = _prev_word(text, quantity.start)
    following = _next_word(text, quantity.end)
    # ("three of them under 18": part of the group said before)
    people = lexicon.noun_class(previous) in {"people", "personnel"} \
        or previous in {"boys", "girls", "those", "them", "whom"}
    if previous in _COPULAS:
        # "Four of the dead were under 18": said of people, not of a count ("the toll was under 20")
        before = text.rfind(previous, 0, quantity.start)
        subject, _ = _prev_word(text, before)
        people = subject not in lexicon.number_nouns and not subject.isdigit()
    return people and (not following or lexicon.noun_class(following) is None
                       and not re.match(r"\s*[A-Za-z]", text[quantity.end:quantity.end + 2]))


def _places_passed(quantity: Quantity, lexicon: FigureLexicon, doc: Doc | None) -> bool:
    """ "downed 37 drones over six provinces": a count of places that a locative preposition
    governs says where something happened, not how much of it."""
    if doc is None:
        return False
    span = doc.char_span(quantity.start, quantity.number_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span[-1].head
    if head.i < span[-1].i or lexicon.noun_class(head.lemma_.lower()) != "places":
        return False
    preposition = head.head
    return head.dep_ == "pobj" and preposition.lower_ in _LOCATIVE_PREPOSITIONS


# three or more groups of digits joined by single spaces, dots or hyphens: a telephone number
_PHONE = re.compile(r"(?<![\d,.])\+?\d{2,4}(?:[ .-]\d{2,4}){2,}(?![\d,])")


# "until 10 at night", "by 6 in the morning", "at 4 o'clock": an hour of the clock
_CLOCK_AFTER = re.compile(r"\s+(?:at\s+night|in\s+the\s+(?:morning|evening|afternoon)|o['’]clock)\b", re.IGNORECASE)


_SIZE_WORD = re.compile(r"-(?:bed|storey|story|floor|room|seat|lane|hectare|acre)s?\b", re.IGNORECASE)
_OWN = frozenset({"our", "my"})  # a count the publisher gives of its own staff, teams or clinics
_OWN_GROUP = re.compile(r"\b(?:our|my)\s+[a-z]+\s+of\s+$", re.IGNORECASE)  # "our convoy of four trucks"
# what a place holds: "a town of 30,000", "home to some 45,000 people" is a population, not a count of victims
_POPULATION = re.compile(r"\b(?:home\s+to|population\s+of|inhabited\s+by)\s+$", re.IGNORECASE)


def _own_means(text: str, quantity: Quantity, lexicon: FigureLexicon) -> bool:
    """Whether the first counted word after the number names teams, places or things (not people:
    "our two colleagues were killed" is a figure)."""
    for word in re.findall(r"[A-Za-z][\w-]*", text[quantity.end:quantity.end + 40])[:3]:
        kind = lexicon.noun_class(word.rstrip("s")) or lexicon.noun_class(word)
        if kind is not None:
            return kind in {"units", "facilities", "buildings", "equipment"}
    return False


def non_figure_reason(text: str, quantity: Quantity, lexicon: FigureLexicon,
                      doc: Doc | None = None) -> str | None:
    """Why `quantity` is not a figure claim, or None when it may be one."""
    start, end = quantity.number_start, quantity.number_end
    after = text[end:end + 3]
    before = text[start - 1] if start > 0 else ""
    if quantity.kind == "digits" and _ORDINAL.match(after):
        return "ordinal"
    if after[:1] == ":" and after[1:2].isdigit() or before == ":" and start > 1 and text[start - 2].isdigit() \
            or _CLOCK_AFTER.match(text, end):
        return "time"
    if before and (before.isalpha() or before in _CURRENCY):
        return "designator" if before.isalpha() else "money"
    if before == "-" and start > 1 and text[start - 2].isalnum():
        return "designator"  # KN-23, Su-34, An-124
    if before == "[" and after[:1] == "]" and quantity.kind == "digits":
        return "designator"  # "[2]": a note's marker
    if after[:1].isalpha() and quantity.kind == "digits" and not quantity.percent:
        return "designator"  # 152mm, An-124s, M1989s
    if before == "/" or after[:1] == "/":
        return "date"
    if _SIZE_WORD.match(text, end):
        return "size"  # "the 60-bed facility", "a 12-storey building": what a place holds or measures
    if quantity.kind == "digits" and any(m.start() <= start and end <= m.end() for m in
                                         _PHONE.finditer(text, max(0, start - 16), min(len(text), end + 16))):
        return "phone"  # "reach the programme on 70 00 12 34", "+509 3712 4480"
    following = _next_word(text, quantity.end)
    months = lexicon.months
    for kind, words in lexicon.non_figure_units.items():
        if following in words and not (following == "times" and _counts_attacks(text, quantity, lexicon, doc)):
            return kind
    previous, previous_raw = _prev_word(text, quantity.start)
    # ("in March. Six of the wounded died": a month that ends the sentence before dates nothing)
    opens_sentence = text[quantity.start:quantity.start + 1].isupper() \
        and text[max(0, quantity.start - 3):quantity.start].rstrip().endswith(".")
    if previous in months and not opens_sentence or following in months:
        return "date"
    if (previous in _OWN or _OWN_GROUP.search(text, max(0, quantity.start - 40), quantity.start)) \
            and quantity.start == quantity.number_start and _own_means(text, quantity, lexicon):
        return "own"  # "our two surgical teams", "our convoy of four trucks": the publisher's own means
    if _POPULATION.search(text, max(0, quantity.start - 30), quantity.start):
        return "population"  # "the north of the region, home to some 45,000 people"
    of_month = _OF_MONTH.match(text, quantity.end)
    if of_month and (of_month.group(1).lower() in months or of_month.group(1).lower() == "month"):
        return "date"
    if previous in _vocab_words("age_words") or _is_age(text, quantity, lexicon, doc) \
            or _age_limit(text, quantity, lexicon):
        return "age"
    if _places_passed(quantity, lexicon, doc):
        return "location"
    if previous in _vocab_words("designator_words") and previous_raw[:1].isupper() \
            and text[quantity.start - 1: quantity.start] in {" ", "-"} or _after_its_name(text, quantity, lexicon, doc):
        return "designator"
    # "two tankers at berth 7", "in ward 3": digits right after a singular noun that counts nothing
    # name that thing (a count stands before its noun)
    if previous in _vocab_words("designator_words") and previous_raw == previous and quantity.kind == "digits" \
            and quantity.qualifier in {"exact", "range"} and text[quantity.start - 1: quantity.start] == " " \
            and lexicon.noun_class(previous) is None:
        return "designator"
    if _unit_name(text, quantity):
        return "designator"
    if _civilian_cargo(text, quantity, lexicon, doc):
        return "cargo"
    if _one_member(text, quantity, lexicon, doc):
        return "member"
    if text[start:end].lower() == "one" and quantity.start == start and not _counts_a_noun(doc, quantity) \
            and (_prev_word(text, start)[0] in _PRONOUN_ONE_DETERMINERS or _determined(doc, quantity)):
        return "pronoun"  # "our toll differs from the one on Al-Manar": "one" stands for a noun
    if _in_date_entity(doc, quantity, months):
        return "date"
    if _is_year(text, quantity) and quantity.qualifier in {"exact", "range"}:
        return "year"
    if quantity.percent:
        has_of = bool(_OF_AFTER.match(text, quantity.end)) or quantity.kind == "fraction" \
            and _next_word(text, quantity.end) in lexicon.fraction_determiners \
            or quantity.kind == "ratio"  # "half the shells", "one in five soldiers"
        sentence = _sentence_text(doc, text, quantity.start).lower()
        probability = any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in lexicon.probability_words)
        share = bool(_SHARE_BEFORE.search(text, max(0, quantity.start - 60), quantity.start))
        if not has_of and not share:
            return "yardstick" if probability else "bare percentage"
        if probability and not has_of:
            return "yardstick"
    return None
