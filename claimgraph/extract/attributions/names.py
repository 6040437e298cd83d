"""How a named source is written in `source_name`: as the text writes it, minus titles and
articles, with abbreviations spelled out.

The extractor keeps names close to the text on purpose: "Russia's Defense Ministry" stays
that, not a respelling from some lexicon, because canonical names and merges belong to the
analysis layer's source book (`claimgraph/analyze/aliases.yaml`), which maps every variant
the analyst accepts. What this module does expand is an abbreviation: one the text itself
introduces ("the Rapid Support Forces (RSF)") or one the entity lexicon knows ("NIS"). It
works on strings and entity mentions only: it must not look at the parse or find sources.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from claimgraph.model import Mention

__all__ = ["abbreviation_apposed", "acronyms_in", "clean", "expand", "is_abbreviation", "mention_name",
           "pronoun_form", "same_name", "word_end"]

_PAREN_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,12}\)\s*$")
# "the Rapid Support Forces (RSF)", "Institute for the Study of War (ISW)"
_INTRODUCED = re.compile(
    r"((?:[A-Z][\w'’.-]*|of|the|for|and|on|de|&)(?:[ -](?:[A-Z][\w'’.-]*|of|the|for|and|on|de|&)){1,9})"
    r"\s*\(\s*([A-Z][A-Za-z&.-]{1,11})\s*\)")
_SMALL = {"of", "the", "for", "and", "on", "de", "&"}


_HYPHENATED_REST = re.compile(r"(?:[-\u2010\u2011][^\W_]+)+")


def word_end(text: str, end: int) -> int:
    """Where the word that `end` cuts ends: past a hyphenated rest ("Kwon Min|-seok"), else `end`.

    The parse may split a hyphenated name into separate tokens and leave its rest out of a
    source span or name; a span that stops at a letter right before "-seok" stops mid-word."""
    if 0 < end < len(text) and text[end - 1].isalnum() and (rest := _HYPHENATED_REST.match(text, end)):
        return rest.end()
    return end


_TIME_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-—–:|]\s*", re.IGNORECASE)


@lru_cache(maxsize=8192)  # the same names come back for every source span that holds them
def clean(name: str) -> str:
    """A name without a trailing "(NIS)", edge punctuation, a live blog's leading time stamp
    ("14:05 - Israeli forces") and a leading "the" before a capital, or "The" anywhere."""
    name = _TIME_STAMP.sub("", name)
    name = " ".join(_PAREN_ACRONYM.sub("", name).split())  # line breaks and no-break spaces as spaces
    name = name.strip(" ,.;:—–-\"'“”‘’")
    for article in ("the ", "The "):
        if name.startswith(article) and len(name) > len(article) and (
                name[len(article)].isupper() or article == "The "):  # "The defence ministry" opening a sentence
            name = name[len(article):]
    words = name.split()
    if len(words) > 1 and words[-1] in _DANGLING:  # an entity cut before its "of ..." part
        name = " ".join(words[:-1])
    return name


_DANGLING = frozenset({"of", "for", "and", "in", "on", "at"})
# Articles that open names in other languages ("El Tiempo", "Al Jazeera", "Le Monde"), which the
# recogniser sometimes leaves out
_ARTICLES = frozenset({"el", "al", "la", "le", "les", "los", "las", "il", "die", "der", "das"})


def is_abbreviation(word: str) -> bool:
    """"NIS", "JCS", "MoD", "HUR", "U.S." — one short word with at least two capitals."""
    word = clean(word)
    return " " not in word and 2 <= len(word) <= 8 and sum(c.isupper() for c in word) >= 2


def pronoun_form(word: str) -> str:
    """A source word as compared with the pronoun lists: lower case, except an abbreviation in
    capitals ("WHO" is the World Health Organization, "US" no "us"), which stays as written."""
    return word if len(word) > 1 and word.isupper() else word.lower()


def _initials(words: list[str]) -> str:
    letters = []
    for word in words:
        for part in re.split(r"[-]", word):
            if part and part.lower() not in _SMALL:
                letters.append(part[0].upper())
    return "".join(letters)


def acronyms_in(text: str) -> dict[str, str]:
    """Abbreviations the text introduces in brackets, each with the full name before it.

    The full name is cut at the shortest run of capitalised words whose initials start the
    abbreviation's letters, so "fighting with the Rapid Support Forces (RSF)" gives
    {"RSF": "Rapid Support Forces"}; an abbreviation whose letters fit no name is left out.
    """
    found: dict[str, str] = {}
    for match in _INTRODUCED.finditer(text):
        words = match.group(1).split()
        short = match.group(2).replace(".", "")
        letters = "".join(c for c in short if c.isupper())
        for first in range(len(words)):
            if words[first].lower() in _SMALL:
                continue
            candidate = words[first:]
            initials = _initials(candidate)
            if initials == letters or (len(letters) >= 2 and initials.startswith(letters)
                                       and len(initials) - len(letters) <= 1):
                found.setdefault(match.group(2), " ".join(candidate))
                break
    return found


def expand(name: str, acronyms: dict[str, str]) -> str:
    """The full name of an abbreviation the text introduced, else the name unchanged."""
    key = clean(name)
    return acronyms.get(key, name)


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", re.sub(r"['’]s\b", "", name.casefold())))


def mention_name(mention: Mention) -> str:
    """The name a source mention gives: the lexicon's full name for an abbreviation ("NIS")
    or a fuller form of the same words ("Budanov" -> "Kyrylo Budanov"), else the mention as
    written, so that names never drift from the text."""
    written = clean(mention.text)
    normalized = clean(mention.normalized) if mention.normalized else None
    if not normalized or normalized == written:
        return written
    if is_abbreviation(written):
        return normalized
    if _words(written) <= _words(normalized):
        return normalized
    return written


def same_name(left: str, right: str) -> bool:
    """One name written twice: the same words ("the NIS", "NIS"), also without an article of
    another language ("El Tiempo", "Tiempo"), or an abbreviation and the name it abbreviates
    ("AFP", "Agence France-Presse")."""
    a, b = clean(left).casefold(), clean(right).casefold()
    if a == b:
        return True
    for short, long in ((a, b), (b, a)):
        first, _, rest = long.partition(" ")
        if rest == short and first in _ARTICLES:
            return True
    for short, long in ((left, right), (right, left)):
        if is_abbreviation(short) and " " not in clean(short) and len(clean(long)) > len(clean(short)):
            letters = "".join(c for c in clean(short) if c.isupper())
            if letters and _initials(clean(long).split()) == letters:
                return True
    return False


def abbreviation_apposed(noun: Token) -> Token | None:
    """ "The prison service, SNAI,": the abbreviation in capitals set off by commas after a common
    noun that names the body it describes, or None; one in brackets is not taken ("the ...
    project (ACLED)" keeps its full name). The tagger may call the abbreviation a noun and the
    parse a conjunct, though no "and" joins them."""
    if noun.pos_ != "NOUN" or any(c.dep_ == "cc" for c in noun.children):
        return None
    name = next((c for c in noun.children if c.dep_ in ("appos", "conj") and c.i > noun.i
                 and c.text.isupper() and len(c.text) > 1 and c.text.isalpha()
                 and c.doc[c.i - 1].text == ","), None)
    if name is None or name.left_edge.i != name.i or name.right_edge.i != name.i:
        return None
    return name
