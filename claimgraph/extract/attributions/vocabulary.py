"""The cue vocabulary of the attribution rules: `model/vocab/cues.yaml`, checked and turned into sets.

Words only: which verbs report, believe, plan or find, which nouns frame a report, which
prepositions carry a value. The rules (`rules`, `relays`) and the resolver (`coref`) read it
through `cues()`; this module must not look at a parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from claimgraph.errors import ConfigError
from claimgraph.model.vocab import load_vocab

__all__ = ["OBJECT_CONTENT", "Cues", "cues"]


@dataclass
class Cues:
    """The cue vocabulary, checked and turned into sets."""

    speech: frozenset[str]
    belief: frozenset[str]
    plan: frozenset[str]
    finding: frozenset[str]
    finding_subjects: frozenset[str]
    finding_it_verbs: frozenset[str]
    relay: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    reporting_nouns: frozenset[str]
    noun_prepositions: frozenset[str]
    sourceless: frozenset[str]
    adverbs: frozenset[str]
    agencies: tuple[str, ...]
    object_content: frozenset[str] = field(default_factory=frozenset)
    figure_verbs: frozenset[str] = field(default_factory=frozenset)
    figure_nouns: frozenset[str] = field(default_factory=frozenset)
    valuation: frozenset[str] = field(default_factory=frozenset)
    outlet_words: frozenset[str] = field(default_factory=frozenset)
    media_nouns: frozenset[str] = field(default_factory=frozenset)
    # (role nouns, name words) of print and of broadcast outlets
    media_kinds: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    evidence_nouns: frozenset[str] = field(default_factory=frozenset)
    addressing_verbs: frozenset[str] = field(default_factory=frozenset)
    addressing_nouns: frozenset[str] = field(default_factory=frozenset)
    briefing_verbs: frozenset[str] = field(default_factory=frozenset)
    headline_labels: frozenset[str] = field(default_factory=frozenset)
    claim_labels: frozenset[str] = field(default_factory=frozenset)  # "CLAIM (a Telegram channel):"
    question_labels: frozenset[str] = field(default_factory=frozenset)  # "HOST:", "Q:": the asking side
    transcript_answers: frozenset[str] = field(default_factory=frozenset)  # "A:": the interviewee
    staff_roles: frozenset[str] = field(default_factory=frozenset)  # "our correspondent X": the publisher's
    summary_nouns: frozenset[str] = field(default_factory=frozenset)  # "Summary of the findings of X"
    decision_verbs: frozenset[str] = field(default_factory=frozenset)  # "has approved 100 soldiers": an act
    answer_labels: frozenset[str] = field(default_factory=frozenset)  # "Answered by X: ...": X answers
    valuation_prepositions: frozenset[str] = frozenset({"at"})
    basis_verbs: frozenset[str] = field(default_factory=frozenset)
    document_nouns: frozenset[str] = field(default_factory=frozenset)
    issuing_verbs: frozenset[str] = field(default_factory=frozenset)
    listing_verbs: frozenset[str] = field(default_factory=frozenset)
    continuation_words: frozenset[str] = field(default_factory=frozenset)
    contact_verbs: frozenset[str] = field(default_factory=frozenset)
    addressee_verbs: frozenset[str] = field(default_factory=frozenset)
    group_members: dict[str, frozenset[str]] = field(default_factory=dict)
    provenance_verbs: frozenset[str] = field(default_factory=frozenset)
    provenance_prepositions: frozenset[str] = field(default_factory=frozenset)
    provenance_reporting_verbs: frozenset[str] = field(default_factory=frozenset)
    vague_sources: frozenset[str] = field(default_factory=frozenset)
    including_words: frozenset[str] = field(default_factory=frozenset)
    revision_verbs: frozenset[str] = field(default_factory=frozenset)
    relay_participles: frozenset[str] = field(default_factory=frozenset)
    carrying_participles: frozenset[str] = field(default_factory=frozenset)
    airing_participles: frozenset[str] = field(default_factory=frozenset)
    giving_participles: frozenset[str] = field(default_factory=frozenset)
    counting: frozenset[str] = field(default_factory=frozenset)
    admitting: frozenset[str] = field(default_factory=frozenset)
    person_roles: frozenset[str] = field(default_factory=frozenset)  # role nouns of people ("governor")
    body_roles: frozenset[str] = field(default_factory=frozenset)  # role nouns of bodies ("ministry")
    titles: frozenset[str] = field(default_factory=frozenset)  # stripped from a named person ("Gen.", "Councillor")
    occupations: frozenset[str] = field(default_factory=frozenset)  # people described as written ("doctor")
    intelligence_words: frozenset[str] = field(default_factory=frozenset)  # "spy agency": a service's role
    field_words: dict[str, frozenset[str]] = field(default_factory=dict)  # "medical": doctors, health, ...

    @cached_property
    def cue_class_lemmas(self) -> frozenset[str]:
        """Every lemma `rules.Finder.cue_class` may give a class, its first test: the union of the
        sets its branches read (a new branch reading another set must add it here)."""
        return (self.valuation | self.revision_verbs | self.speech | self.addressing_verbs | self.belief
                | self.plan | self.finding | self.counting | self.figure_verbs)

    @cached_property
    def according_first(self) -> frozenset[str]:
        return frozenset({p[0] for p in self.according_to} | {"as"})

    def is_cue(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.belief or lemma in self.plan or lemma in self.finding


OBJECT_CONTENT = frozenset({
    "announce", "confirm", "deny", "report", "reveal", "predict", "estimate", "claim", "expect",
    "disclose", "acknowledge", "admit", "want", "fear", "propose", "promise", "pledge", "vow",
    "plan", "seek", "suspect", "allege", "forecast", "warn",
})


def _outlet_names(extra: list[str]) -> set[str]:
    """News outlets and wire services by name: the entities lexicon's OUTLET and WIRE entries with
    their aliases (one list of outlets for both stages), and any `news_agencies` a user overlay of
    `cues.yaml` adds."""
    lexicon = load_vocab("entities").get("lexicon") or {}
    names = {str(n) for n in extra}
    for label in ("OUTLET", "WIRE"):
        for entry in lexicon.get(label) or []:
            names.update(str(n) for n in [entry["name"], *(entry.get("aliases") or [])])
    return names


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_vocab("cues")

    def words(key: str) -> frozenset[str]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"'{key}' must be a list of words", subject="model/vocab/cues.yaml",
                              fix=f"give '{key}' as a YAML list of strings")
        return frozenset(v.lower() for v in value)

    groups = data.get("cited_group_members") or {}
    if not isinstance(groups, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
            for k, v in groups.items()):
        raise ConfigError("'cited_group_members' must map a noun to a list of nouns",
                          subject="model/vocab/cues.yaml",
                          fix="give 'cited_group_members' as a YAML mapping of lemma: [lemma, ...]")
    roles = data.get("role_nouns") or {}
    return Cues(
        group_members={k.lower(): frozenset(w.lower() for w in v) for k, v in groups.items()},
        speech=words("speech_verbs"), belief=words("belief_verbs"), plan=words("plan_verbs"),
        finding=words("finding_verbs"), finding_subjects=words("finding_subjects"),
        finding_it_verbs=words("finding_it_verbs"),
        relay=words("relay_verbs"),
        according_to=tuple(tuple(p.split()) for p in sorted(words("according_to"), key=len, reverse=True)),
        reporting_nouns=words("reporting_nouns"), noun_prepositions=words("noun_cue_prepositions"),
        sourceless=words("sourceless_verbs"), adverbs=words("cue_adverbs"),
        agencies=tuple(sorted(_outlet_names(data.get("news_agencies") or []), key=len, reverse=True)),
        object_content=OBJECT_CONTENT, figure_verbs=words("figure_verbs"),
        figure_nouns=words("figure_nouns"), valuation=words("valuation_verbs"),
        outlet_words=words("outlet_words"), media_nouns=words("media_nouns"), evidence_nouns=words("evidence_nouns"),
        media_kinds=tuple((frozenset(w.lower() for w in (data.get(key) or {}).get("nouns") or []),
                           frozenset(w.lower() for w in (data.get(key) or {}).get("names") or []))
                          for key in ("print_media", "broadcast_media")),
        addressing_verbs=words("addressing_verbs"), addressing_nouns=words("addressing_nouns"),
        briefing_verbs=words("briefing_verbs"), headline_labels=words("headline_labels"),
        claim_labels=words("claim_labels"),
        question_labels=words("transcript_question_labels"), answer_labels=words("answer_labels"),
        transcript_answers=words("transcript_answer_labels"), staff_roles=words("staff_roles"),
        summary_nouns=words("summary_nouns"), decision_verbs=words("decision_verbs"),
        valuation_prepositions=words("valuation_prepositions"), basis_verbs=words("basis_verbs"),
        document_nouns=words("document_nouns"), issuing_verbs=words("issuing_verbs"),
        listing_verbs=words("listing_verbs"),
        continuation_words=words("continuation_words"), contact_verbs=words("contact_verbs"),
        addressee_verbs=words("addressee_verbs"),
        provenance_verbs=words("provenance_verbs"), provenance_prepositions=words("provenance_prepositions"),
        provenance_reporting_verbs=words("provenance_reporting_verbs"),
        vague_sources=words("vague_sources"), including_words=words("including_words"),
        revision_verbs=words("revision_verbs"), relay_participles=words("relay_participles"),
        carrying_participles=words("carrying_participles"),
        airing_participles=words("airing_participles"),
        giving_participles=words("giving_participles"),
        counting=words("counting_verbs"), admitting=words("admitting_verbs"),
        person_roles=frozenset(str(w).lower() for w in roles.get("person") or []),
        body_roles=frozenset(str(w).lower() for w in roles.get("organisation") or []),
        titles=words("titles"), occupations=words("occupations"),
        intelligence_words=words("intelligence_words"),
        field_words={str(k).lower(): frozenset(str(w).lower() for w in v)
                     for k, v in (data.get("field_words") or {}).items()},
    )
