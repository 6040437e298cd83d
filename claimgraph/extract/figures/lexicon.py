"""The figure vocabularies, read from `model/vocab/quantities.yaml` and `categories.yaml`.

Compiles and checks the data files once per process and hands the other figure
modules plain frozen data. It must hold no words of its own and decide nothing
about a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.extract.nlp import WORD_START
from claimgraph.model.vocab import load_vocab

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "over", "up_to", "at_most", "range")
NOUN_CLASS_ORDER = ("personnel", "people", "units", "equipment", "facilities", "buildings", "places", "actions")


def word_body(pattern: str) -> str:
    """`pattern` up to a word end; `WORD_START` opens it."""
    return rf"(?:{pattern})(?![\w-])"


def bounded(pattern: str) -> str:
    return WORD_START + word_body(pattern)


@dataclass(frozen=True)
class Vague:
    pattern: re.Pattern[str]
    low: float
    high: float
    body: str  # `pattern` without its `WORD_START`, for `nlp.word_start_spans`


@dataclass(frozen=True)
class QualifierCue:
    pattern: str
    qualifier: str
    in_span: bool


@dataclass(frozen=True)
class Trigger:
    lemmas: frozenset[str]
    category: str | None
    by_class: dict[str, str]
    particle: str | None
    intransitive: bool = False  # not when the verb has an object of its own
    needs: frozenset[str] = frozenset()  # one of these words must hang off the verb
    unless: frozenset[str] = frozenset()  # none of these words may hang off the verb
    object_only: bool = False  # only for what the verb acts on, not for its subject
    not_inverted: bool = False  # not in an inverted passive that lists things ("Also recovered were ...")

    def category_for(self, noun_class: str | None) -> str | None:
        if noun_class is not None and noun_class in self.by_class:
            return self.by_class[noun_class]
        return self.category


@dataclass(frozen=True)
class Repatriation:
    """Words that make a count of remains or wounded a repatriation ("other")."""

    verbs: frozenset[str] = frozenset()
    moving_verbs: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    handover_verbs: frozenset[str] = frozenset()
    remains_nouns: frozenset[str] = frozenset()
    local_receivers: frozenset[str] = frozenset()  # "the morgue received 40 bodies": the dead


@dataclass(frozen=True)
class FigureLexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    dozen: int
    fractions: dict[str, float]
    vague: tuple[Vague, ...]
    prefix: re.Pattern[str]  # qualifier cue directly before a number, anchored at the end
    prefix_cues: tuple[QualifierCue, ...]
    suffix_cues: tuple[QualifierCue, ...]
    non_figure_units: dict[str, frozenset[str]]
    months: frozenset[str]
    probability_words: frozenset[str]
    anecdote: re.Pattern[str]
    categories: tuple[str, ...]
    noun_classes: dict[str, frozenset[str]]
    intrinsic: dict[str, str]  # noun lemma -> category
    number_nouns: frozenset[str]
    triggers: tuple[Trigger, ...]
    casualty_phrases: re.Pattern[str]
    unit_size_verbs: frozenset[str]
    unit_size_determiners: frozenset[str]
    defaults: dict[str, str]
    blocking_prepositions: frozenset[str] = frozenset()
    measure_verbs: frozenset[str] = frozenset()
    total_verbs: frozenset[str] = frozenset()
    number_noun_defaults: dict[str, str] = field(default_factory=dict)
    with_verbs: frozenset[str] = frozenset()
    cause_verbs: frozenset[str] = frozenset()
    packing_verbs: frozenset[str] = frozenset()  # "loaded into 900 containers": "into" does not block
    for_verbs: frozenset[str] = frozenset()  # "accounts for 40 percent": "for" does not block
    share_verbs: dict[str, str] = field(default_factory=dict)  # verb lemma -> its particle ("make" -> "up")
    repatriation: Repatriation = field(default_factory=lambda: Repatriation())
    conveyances: frozenset[str] = frozenset()
    conveying_verbs: frozenset[str] = frozenset()
    capacity_holders: frozenset[str] = frozenset()  # "the stadium holds 40,000 people": a capacity
    aircraft_or_crew: frozenset[str] = frozenset()  # "fighters": people, or aircraft after "F/A-18"
    attack_prepositions: frozenset[str] = frozenset()  # "sent 300 drones against 36 towns": an attack
    frequency_verbs: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()
    approximate_numbers: frozenset[str] = frozenset()  # "a dozen": approx [12, 12]
    scale_fractions: dict[str, float] = field(default_factory=dict)  # "half" (a million) -> 0.5
    fraction_of_scale: re.Pattern[str] = re.compile("(?!)")  # the fraction right before "a million"
    countable: frozenset[str] = frozenset()  # every noun of the noun classes and intrinsic nouns
    humanitarian_modifiers: frozenset[str] = frozenset()  # "aid trucks": relief, not supply
    rate: re.Pattern[str] = re.compile("(?!)")  # " a day", " per week" right after a count
    denials: frozenset[str] = frozenset()  # cue lemmas that dispute what they attribute
    hedging_prefix: re.Pattern[str] = re.compile("(?!)")  # "an estimated" right before a number
    approximate_scales: frozenset[str] = frozenset()  # "two dozen": approx [24, 24]
    ratio_joiners: tuple[str, ...] = ()  # "one in five": a share of 20 percent
    change_words: frozenset[str] = frozenset()  # "revised from 71 to 76": a change, not a range
    ratio_bases: tuple[float, float] = (2, 100)
    age_units: frozenset[str] = frozenset()
    oldest_age: int = 120
    measure_units: frozenset[str] = frozenset()  # "tonnes of", "barrels of": count what they measure
    military_classes: frozenset[str] = frozenset()
    caveat_reach: dict[str, frozenset[str]] = field(default_factory=dict)  # named kind -> categories
    bare_fractions: frozenset[str] = frozenset()  # "half the shells": no "of" needed
    fraction_determiners: frozenset[str] = frozenset()
    captivity_nouns: frozenset[str] = frozenset()  # "are in captivity": captured
    # status category of a noun ("prisoners": captured) -> the verb categories that outrank it
    status_categories: dict[str, frozenset[str]] = field(default_factory=dict)
    partition_nouns: frozenset[str] = frozenset()  # "the remainder were ...": a subset of the count before
    member_bodies: frozenset[str] = frozenset()  # "police": members when counted, the giver when modifying
    armed_collectives: frozenset[str] = frozenset()  # "members of an armed gang" are fighters' people
    strength_predicates: frozenset[str] = frozenset()  # "400 gang members are active": a strength
    # verbs whose particle "over" is no qualifier ("will hand over ten vehicles")
    over_particle_verbs: frozenset[str] = frozenset()

    def categories_doubted(self, named: frozenset[str]) -> frozenset[str]:
        """The figure categories a caveat naming the kinds `named` doubts."""
        return frozenset(c for kind in named for c in self.caveat_reach.get(kind, frozenset({kind})))

    def number_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.units or w in self.tens or w in self.scales

    def noun_class(self, lemma: str) -> str | None:
        lower = lemma.lower()
        for name in NOUN_CLASS_ORDER:
            if lower in self.noun_classes.get(name, frozenset()):
                return name
        return None

    def qualifier_of_prefix(self, phrase: str) -> QualifierCue | None:
        for cue in self.prefix_cues:
            if re.fullmatch(cue.pattern, phrase.strip(), re.IGNORECASE):
                return cue
        return None


def _fail(file: str, reason: str, fix: str) -> ConfigError:
    return ConfigError(reason, subject=f"vocabulary {file}.yaml", fix=fix)


def _words(data: dict[str, Any], key: str, file: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise _fail(file, f"`{key}` must be a list of words", f"write `{key}` as a YAML list")
    return frozenset(w.lower() for w in value)


def _optional(data: dict[str, Any], key: str, file: str) -> frozenset[str]:
    return _words(data, key, file) if key in data else frozenset()


def _cues(entries: Any, file: str, key: str) -> tuple[QualifierCue, ...]:
    cues = []
    for entry in entries or []:
        if not isinstance(entry, dict) or entry.get("qualifier") not in QUALIFIERS:
            raise _fail(file, f"{key} entry {entry!r} needs a qualifier among {', '.join(QUALIFIERS)}",
                        "correct the entry")
        try:
            re.compile(entry["pattern"])
        except (KeyError, re.error) as exc:
            raise _fail(file, f"{key} entry {entry!r} has no valid pattern", "correct the pattern") from exc
        cues.append(QualifierCue(entry["pattern"], entry["qualifier"], bool(entry.get("in_span", True))))
    return tuple(cues)


def _ending_with(phrases: frozenset[str], group: bool = False) -> re.Pattern[str]:
    """A pattern for one of `phrases` at the end of a stretch of text (right before a number);
    with `group`, group 1 is the phrase."""
    alternatives = "|".join(re.escape(p).replace("\\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    opening = "(" if group else "(?:"
    return re.compile(rf"(?<![\w-]){opening}{alternatives or '(?!)'})\s+$", re.IGNORECASE)


def _rate(periods: frozenset[str]) -> re.Pattern[str]:
    """ " a day", " per week", " each month" right after a count; group 1 is the period."""
    alternatives = "|".join(re.escape(p) for p in sorted(periods)) or "(?!)"
    # "up from 60 a day earlier" is a comparison, not a rate
    return re.compile(rf"\s+(?:a|an|per|each|every)\s+({alternatives})(?![\w-])"
                      r"(?!\s+(?:earlier|before|later|ago|after|previously|prior)\b)", re.IGNORECASE)


def _ratio_bases(data: dict[str, Any], file: str) -> tuple[float, float]:
    bases = data.get("ratio_bases") or {"low": 2, "high": 100}
    try:
        return float(bases["low"]), float(bases["high"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _fail(file, "`ratio_bases` must give numbers `low` and `high`", "correct it") from exc


def _share_verbs(data: dict[str, Any], file: str) -> dict[str, str]:
    """ "account for", "make up", "constitute" -> {"account": "for", "make": "up", "constitute": ""}."""
    verbs: dict[str, str] = {}
    for phrase in _optional(data, "share_verbs", file):
        words = phrase.split()
        if not 1 <= len(words) <= 2:
            raise _fail(file, f"share verb {phrase!r} must be a verb lemma with at most one particle",
                        "write it as 'account for' or 'constitute'")
        verbs[words[0]] = words[1] if len(words) == 2 else ""
    return verbs


def _build(quantities: dict[str, Any], taxonomy: dict[str, Any]) -> FigureLexicon:
    q, c = "quantities", "categories"
    for key in ("units", "tens", "scales", "fractions"):
        if not isinstance(quantities.get(key), dict):
            raise _fail(q, f"`{key}` must map words to numbers", f"write `{key}` as a mapping")
    vague = []
    for entry in quantities.get("vague") or []:
        try:
            vague.append(Vague(re.compile(bounded(entry["pattern"]), re.IGNORECASE),
                               float(entry["low"]), float(entry["high"]),
                               word_body(entry["pattern"])))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise _fail(q, f"vague entry {entry!r} needs pattern, low and high", "correct it") from exc
    prefix_cues = _cues(quantities.get("qualifier_cues"), q, "qualifier_cues")
    suffix_cues = _cues(quantities.get("suffix_cues"), q, "suffix_cues")
    alternatives = "|".join(f"(?:{cue.pattern})" for cue in prefix_cues)
    prefix = re.compile(rf"(?<![\w-])(?:{alternatives})\s+$", re.IGNORECASE)
    units_block = quantities.get("non_figure_units")
    if not isinstance(units_block, dict):
        raise _fail(q, "`non_figure_units` must map kinds to word lists", "write it as a mapping")
    non_figure_units = {kind: _words(units_block, kind, q) for kind in units_block}
    anecdote = re.compile("|".join(f"(?:{p})" for p in quantities.get("anecdote_cues") or ["(?!)"]),
                          re.IGNORECASE)

    categories = tuple(taxonomy.get("categories") or ())
    if "other" not in categories:
        raise _fail(c, "`categories` must list the categories, `other` among them", "add them")
    classes_block = taxonomy.get("noun_classes") or {}
    noun_classes = {name: _words(classes_block, name, c) for name in classes_block}
    intrinsic: dict[str, str] = {}
    for category, words in (taxonomy.get("intrinsic_nouns") or {}).items():
        if category not in categories:
            raise _fail(c, f"intrinsic_nouns names unknown category {category!r}", "use a listed category")
        for word in words:
            intrinsic[str(word).lower()] = category
    triggers = []
    for entry in taxonomy.get("triggers") or []:
        by_class = {k: v for k, v in entry.items() if k in NOUN_CLASS_ORDER}
        named = [entry.get("category"), *by_class.values()]
        unknown = [x for x in named if x is not None and x not in categories]
        if unknown or not entry.get("lemmas"):
            raise _fail(c, f"trigger {entry!r} needs lemmas and known categories", "correct it")
        triggers.append(Trigger(frozenset(str(w).lower() for w in entry["lemmas"]), entry.get("category"),
                                by_class, entry.get("particle"), bool(entry.get("intransitive", False)),
                                frozenset(str(w).lower() for w in entry.get("needs") or []),
                                frozenset(str(w).lower() for w in entry.get("unless") or []),
                                bool(entry.get("object_only", False)), bool(entry.get("not_inverted", False))))
    defaults = dict(taxonomy.get("defaults") or {})
    if any(v not in categories for v in defaults.values()):
        raise _fail(c, "`defaults` names an unknown category", "use a listed category")
    noun_defaults = {str(k).lower(): str(v) for k, v in (taxonomy.get("number_noun_defaults") or {}).items()}
    if any(v not in categories for v in noun_defaults.values()):
        raise _fail(c, "`number_noun_defaults` names an unknown category", "use a listed category")
    repatriation_block = taxonomy.get("repatriation") or {}
    if not isinstance(repatriation_block, dict):
        raise _fail(c, "`repatriation` must map word kinds to word lists", "write it as a mapping")
    repatriation = Repatriation(**{key: _words(repatriation_block, key, c) for key in (
        "verbs", "moving_verbs", "directions", "handover_verbs", "remains_nouns", "local_receivers")
        if key in repatriation_block})
    caveat_reach: dict[str, frozenset[str]] = {}
    for kind, reached in (taxonomy.get("caveat_reach") or {}).items():
        if kind not in categories or not isinstance(reached, list) or any(r not in categories for r in reached):
            raise _fail(c, f"caveat_reach entry {kind!r} must map a category to categories", "correct it")
        caveat_reach[kind] = frozenset(reached)
    scale_fractions = {" ".join(str(k).lower().split()): float(v)
                       for k, v in (quantities.get("scale_fractions") or {}).items()}
    status_categories: dict[str, frozenset[str]] = {}
    for status, outranking in (taxonomy.get("status_categories") or {}).items():
        if status not in categories or not isinstance(outranking, list) \
                or any(o not in categories for o in outranking):
            raise _fail(c, f"status_categories entry {status!r} must map a category to categories",
                        "correct it")
        status_categories[status] = frozenset(outranking)
    casualty = re.compile("|".join(bounded(p) for p in taxonomy.get("casualty_phrases") or ["(?!)"]),
                          re.IGNORECASE)
    return FigureLexicon(
        units={k.lower(): int(v) for k, v in quantities["units"].items()},
        tens={k.lower(): int(v) for k, v in quantities["tens"].items()},
        scales={k.lower(): int(v) for k, v in quantities["scales"].items()},
        dozen=int(quantities.get("dozen", 12)),
        fractions={k.lower(): float(v) for k, v in quantities["fractions"].items()},
        vague=tuple(vague), prefix=prefix, prefix_cues=prefix_cues, suffix_cues=suffix_cues,
        over_particle_verbs=_optional(quantities, "over_particle_verbs", q),
        non_figure_units=non_figure_units, months=_words(quantities, "months", q),
        probability_words=_words(quantities, "probability_words", q), anecdote=anecdote,
        categories=categories, noun_classes=noun_classes, intrinsic=intrinsic,
        number_nouns=_words(taxonomy, "number_nouns", c), triggers=tuple(triggers),
        casualty_phrases=casualty, unit_size_verbs=_words(taxonomy, "unit_size_verbs", c),
        unit_size_determiners=_words(taxonomy, "unit_size_determiners", c), defaults=defaults,
        blocking_prepositions=_words(taxonomy, "blocking_prepositions", c),
        measure_verbs=_words(taxonomy, "measure_verbs", c), total_verbs=_words(taxonomy, "total_verbs", c),
        number_noun_defaults=noun_defaults, with_verbs=_optional(taxonomy, "with_verbs", c),
        cause_verbs=_optional(taxonomy, "cause_verbs", c), packing_verbs=_optional(taxonomy, "packing_verbs", c),
        for_verbs=_optional(taxonomy, "for_verbs", c),
        share_verbs=_share_verbs(taxonomy, c),
        repatriation=repatriation,
        conveyances=_optional(taxonomy, "conveyances", c),
        conveying_verbs=_optional(taxonomy, "conveying_verbs", c),
        attack_prepositions=_optional(taxonomy, "attack_prepositions", c),
        capacity_holders=_optional(taxonomy, "capacity_holders", c),
        aircraft_or_crew=_optional(taxonomy, "aircraft_or_crew", c),
        frequency_verbs=_optional(quantities, "frequency_verbs", q),
        comparatives=_optional(quantities, "comparatives", q),
        approximate_numbers=_optional(quantities, "approximate_numbers", q),
        approximate_scales=_optional(quantities, "approximate_scales", q),
        rate=_rate(_optional(quantities, "rate_periods", q)),
        humanitarian_modifiers=_optional(taxonomy, "humanitarian_modifiers", c),
        scale_fractions=scale_fractions,
        fraction_of_scale=_ending_with(frozenset(scale_fractions), group=True),
        countable=frozenset(w for words in noun_classes.values() for w in words) | frozenset(intrinsic),
        hedging_prefix=_ending_with(_optional(quantities, "hedging_prefixes", q)),
        ratio_joiners=tuple(sorted(_optional(quantities, "ratio_joiners", q), key=len, reverse=True)),
        change_words=_optional(quantities, "change_words", q),
        ratio_bases=_ratio_bases(quantities, q),
        age_units=_optional(quantities, "age_units", q),
        oldest_age=int(quantities.get("oldest_age", 120)),
        measure_units=_optional(quantities, "measure_units", q),
        military_classes=_optional(quantities, "military_classes", q),
        caveat_reach=caveat_reach,
        bare_fractions=_optional(quantities, "bare_fractions", q),
        fraction_determiners=_optional(quantities, "fraction_determiners", q),
        captivity_nouns=_optional(taxonomy, "captivity_nouns", c),
        status_categories=status_categories,
        partition_nouns=_optional(taxonomy, "partition_nouns", c),
        member_bodies=_optional(taxonomy, "member_bodies", c),
        armed_collectives=_optional(taxonomy, "armed_collectives", c),
        strength_predicates=_optional(taxonomy, "strength_predicates", c),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> FigureLexicon:
    """Both figure vocabularies, loaded and checked once per process."""
    lexicon = _build(load_vocab("quantities"), load_vocab("categories"))
    # the figure-only key of the hedge vocabulary: cue verbs that dispute what they attribute
    return replace(lexicon, denials=_optional(load_vocab("hedges"), "figure_denials", "hedges"))
