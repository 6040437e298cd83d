"""The entity lexicon (`model/vocab/entities.yaml`) compiled into matchers over raw text.

Everything here is data-driven: names, aliases, places, nationalities and the
regular expressions for units and weapon designators all come from the YAML
file, checked once when it is loaded. This module finds candidate spans; it
does not decide between overlapping candidates (the extractor does) and it
must not touch spaCy's shared pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.model.vocab import load_vocab

VOCAB = "entities"
_ARTICLE = re.compile(r"[Tt]he\s+")


@lru_cache(maxsize=1024)
def is_country(name: str) -> bool:
    """Whether `name` names a country ("Burkina Faso", "DRC", "Niger"), by the country names the
    FollowTheMoney model knows (the small English model often tags them as people)."""
    from followthemoney.types import registry  # loaded only when a country is in question

    return registry.country.clean(name.strip()) is not None


def country_caption(name: str) -> str | None:
    """The country's own name for `name` ("Vanuatu" for "Port Vila", "Sweden" for "Stockholm":
    FollowTheMoney also knows capitals), or None when `name` names no country."""
    from followthemoney.types import registry

    code = registry.country.clean(name.strip())
    return registry.country.caption(code) if code is not None else None


# prepositions whose object is a place, never a person ("seen over Liski", "a strike near Kupiansk")
_PLACE_PREPOSITIONS = frozenset({"in", "over", "near", "outside", "around", "at", "across", "inside"})


def misread_place(ent: Any) -> bool:
    """Whether a spaCy PERSON entity is a place the small model took for a person: a country
    ("Niger says ...") or the object of a preposition of place ("drones seen over Liski")."""
    if ent.label_ != "PERSON":
        return False
    first = ent.root  # "partners in Sange, Luvungi and Kiliba": the first of coordinated places
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return is_country(ent.text) or first.dep_ == "pobj" and first.head.lower_ in _PLACE_PREPOSITIONS


def person_label_fix(ent: Any) -> str | None:
    """The label a spaCy PERSON entity should have when the small model misread it: a place
    (`misread_place`), a name the lexicon lists as something else ("Radio Dabanga" is an outlet),
    an organisation when the name ends in a plural ("Emergency Lawyers": a group, not one
    person), or an outlet when a media noun introduces it ("the local weekly Ríodoce"); None when
    PERSON stands."""
    if ent.label_ != "PERSON":
        return None
    if misread_place(ent):
        return "GPE"
    known = load_lexicon().lookup(ent.text)
    if known is not None and known[0] != "PERSON":
        return known[0] if known[0] in ("GPE", "LOC", "NORP") else "ORG"
    if ent[-1].tag_ in ("NNS", "NNPS") and ent[-1].text.lower().endswith("s"):
        return "ORG"
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _media_nouns():
        return "OUTLET"  # "the local weekly Ríodoce", "the broadcaster Rudaw": an outlet
    return None


def common_noun_misread(ent: Any) -> bool:
    """Whether a one-word PERSON or ORG entity is a common noun the small model took for a name
    because it opens a sentence ("Memos found on dead soldiers suggest ...", "Notebooks ..."):
    a document, evidence or recovered-item noun (the vocabularies' own lists), in the singular
    or the plural."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) != 1 or not ent[0].is_sent_start:
        return False
    word = ent[0].text
    if word.isupper() or not word[:1].isupper():
        return False
    lower = word.lower()
    nouns = _common_nouns()
    return lower in nouns or lower.endswith("s") and (lower[:-1] in nouns or lower.endswith("es") and lower[:-2] in nouns)


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """Documents, evidence and recovered items: nouns no name is made of on its own."""
    cues, items = load_vocab("cues"), load_vocab("items")
    words = [*(cues.get("document_nouns") or []), *(cues.get("evidence_nouns") or []), *(items.get("kinds") or [])]
    return frozenset(str(word).lower() for word in words if " " not in str(word))


@lru_cache(maxsize=1)
def _media_nouns() -> frozenset[str]:
    """The common nouns that introduce a news outlet's name (the attribution vocabulary's)."""
    return frozenset(str(word).lower() for word in load_vocab("cues").get("media_nouns") or [])


@dataclass(frozen=True)
class Candidate:
    """A span that may become a Mention; `rank` says how much its source is trusted."""

    start: int
    end: int
    label: str
    normalized: str | None
    rank: int  # 2 = lexicon or pattern, 1 = spaCy NER
    generic: bool = False  # a generic weapon type ("cruise missile"), not a named system


@dataclass
class Lexicon:
    labels: tuple[str, ...]
    spacy_labels: dict[str, str]
    exact: re.Pattern[str] | None  # case-sensitive names
    folded: re.Pattern[str] | None  # case-insensitive descriptive phrases
    canonical: dict[str, tuple[str, str]]  # casefolded alias -> (label, canonical name)
    patterns: list[tuple[str, re.Pattern[str]]]
    weapon_types: re.Pattern[str] | None
    org_keywords: list[tuple[str, re.Pattern[str]]]
    date_rejects: list[re.Pattern[str]]
    nationality_of: dict[str, str] = field(default_factory=dict)  # adjective -> country
    country_names: dict[str, str] = field(default_factory=dict)  # any name -> canonical country

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(label, canonical name) for a name written `text`, if the lexicon knows it."""
        return self.canonical.get(_fold(text))

    def find(self, text: str) -> Iterator[Candidate]:
        """Every lexicon and pattern match in `text`, overlapping ones included."""
        for regex in (self.exact, self.folded):
            if regex is None:
                continue
            for match in regex.finditer(text):
                start, end = match.span()
                known = self.lookup(match.group(0))
                if known is None:
                    continue
                article = _ARTICLE.match(match.group(0))
                if article and not (known[1].startswith("The ") and text[start] == "T"):
                    start += article.end()  # "the NIS", "the Washington Post": the name only
                yield Candidate(start, end, known[0], known[1], 2)
        for label, regex in self.patterns:
            for match in regex.finditer(text):
                start, end = match.span()
                known = self.lookup(match.group(0))
                if known is not None and known[0] == label:
                    yield Candidate(start, end, label, known[1], 2)
                else:
                    yield Candidate(start, end, label, _squash(match.group(0)), 2)
        if self.weapon_types is not None:
            for match in self.weapon_types.finditer(text):
                yield Candidate(match.start(), match.end(), "WEAPON",
                                _singular(match.group(0).lower()), 2, generic=True)

    def org_label(self, text: str) -> str:
        """A finer label for an organisation name the lexicon does not list."""
        for label, regex in self.org_keywords:
            if regex.search(text):
                return label
        return "ORG"

    def is_date_reject(self, text: str) -> bool:
        return any(regex.search(text) for regex in self.date_rejects)


def _fold(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip()).casefold().replace("’", "'")
    return text.removeprefix("the ")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


def _singular(text: str) -> str:
    return re.sub(r"s$", "", _squash(text))


def _alternation(names: list[str]) -> str:
    ordered = sorted(set(names), key=len, reverse=True)
    body = "|".join(re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]") for name in ordered)
    return rf"(?<![\w-])(?:(?:[Tt]he\s+)?(?:{body}))(?![\w-])"


def _require(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise ConfigError(f"key {key!r} must be a {kind.__name__}", subject=f"vocab/{VOCAB}.yaml",
                          fix=f"give {key!r} the shape documented at the top of the file")
    return value


def _compile(source: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise ConfigError(f"bad regular expression {source[:60]!r}: {exc}",
                          subject=f"vocab/{VOCAB}.yaml", fix="correct the pattern") from exc


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Compile `entities.yaml` (with any user overlay) once per process."""
    data = load_vocab(VOCAB)
    labels = tuple(_require(data, "labels", list))
    spacy_labels = _require(data, "spacy_labels", dict)
    canonical: dict[str, tuple[str, str]] = {}
    exact_names: list[str] = []
    folded_names: list[str] = []

    def add(alias: str, label: str, name: str) -> None:
        if label not in labels:
            raise ConfigError(f"unknown label {label!r} for {name!r}", subject=f"vocab/{VOCAB}.yaml",
                              fix=f"use one of {', '.join(labels)}")
        canonical[_fold(alias)] = (label, name)
        # descriptive phrases ("South Korea's spy agency") are written in lower case in
        # running text too; proper names and acronyms must match their capitals
        words = alias.split()
        descriptive = any(w.islower() and w not in {"of", "the", "for", "and"} for w in words)
        (folded_names if descriptive else exact_names).append(alias)

    nationality_of: dict[str, str] = {}
    country_names: dict[str, str] = {}
    nationalities = _require(data, "nationalities", list)
    for entry in nationalities:
        country = entry["country"]
        for adjective in entry.get("adjectives") or []:
            nationality_of[adjective] = country
            add(adjective, "NORP", entry["adjectives"][0])
            if adjective.endswith("n"):  # the people: "North Koreans", "Russians"
                add(adjective + "s", "NORP", entry["adjectives"][0])
    for entry in nationalities:  # countries after adjectives: "US" is a place first
        country = entry["country"]
        for name in [country, *(entry.get("aliases") or [])]:
            country_names[name] = country
            add(name, "GPE", country)
    for label, names in _require(data, "places", dict).items():
        for name in names:
            add(name, label, name)
    for label, entries in _require(data, "lexicon", dict).items():
        for entry in entries:
            if not isinstance(entry, dict) or "name" not in entry:
                raise ConfigError(f"lexicon entry {entry!r} under {label} has no name",
                                  subject=f"vocab/{VOCAB}.yaml", fix="write entries as {name: ..., aliases: [...]}")
            for alias in [entry["name"], *(entry.get("aliases") or [])]:
                add(alias, label, entry["name"])

    countries = sorted(country_names, key=len, reverse=True)
    adjectives = sorted(nationality_of, key=len, reverse=True)
    parts = {key: value for key, value in _require(data, "pattern_parts", dict).items()}
    parts["country"] = "(?:" + "|".join(re.escape(c) for c in countries) + ")"
    parts["nationality"] = "(?:" + "|".join(re.escape(a) for a in adjectives) + ")"
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for label, sources in _require(data, "patterns", dict).items():
        for source in sources:
            expanded = re.sub(r"\{(\w+)\}", lambda m: parts.get(m.group(1), m.group(0)), source)
            expanded = expanded.replace("'s", "['’]s")
            patterns.append((label, _compile(expanded)))

    types = data.get("weapon_types") or []
    weapon_types = None
    if types:
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") + "s?" for t in sorted(types, key=len, reverse=True))
        weapon_types = _compile(rf"\b(?:{body})\b", re.IGNORECASE)
    org_keywords = [
        (label, _compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE))
        for label, words in (data.get("org_keywords") or {}).items()
    ]
    date_rejects = [_compile(source, re.IGNORECASE) for source in data.get("date_rejects") or []]
    return Lexicon(
        labels=labels,
        spacy_labels=dict(spacy_labels),
        exact=_compile(_alternation(exact_names)) if exact_names else None,
        folded=_compile(_alternation(folded_names), re.IGNORECASE) if folded_names else None,
        canonical=canonical,
        patterns=patterns,
        weapon_types=weapon_types,
        org_keywords=org_keywords,
        date_rejects=date_rejects,
        nationality_of=nationality_of,
        country_names=country_names,
    )
