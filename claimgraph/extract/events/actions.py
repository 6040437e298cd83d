"""The vocabulary of military actions (`model/vocab/events.yaml`), checked and indexed.

Maps verb lemmas (and phrasal verbs) and noun lemmas to the action they
express and the rules that keep an event: which role the direct object fills
and which roles must be present. Data only; no parsing happens here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimgraph.errors import ConfigError
from claimgraph.model.vocab import load_vocab

VOCAB = "events"
ROLES = ("actor", "target", "place", "weapon", "troops", "when")


@dataclass(frozen=True)
class Action:
    action: str
    object_role: str  # target, weapon, troops or place
    require: tuple[str, ...]  # at least one of these roles
    need: tuple[str, ...]  # every one of these roles
    named: bool


@dataclass(frozen=True)
class Actions:
    verbs: dict[str, Action]  # "strike", "shoot down"
    nouns: dict[str, Action]
    troop_words: frozenset[str]
    weapon_words: frozenset[str]
    place_words: frozenset[str]
    light_verbs: frozenset[str]
    prepositions: dict[str, frozenset[str]]  # role -> prepositions

    def verb(self, lemma: str, particle: str | None) -> Action | None:
        if particle:
            phrasal = self.verbs.get(f"{lemma} {particle}")
            if phrasal is not None:
                return phrasal
        return self.verbs.get(lemma)

    def roles_of(self, preposition: str) -> list[str]:
        return [role for role, words in self.prepositions.items() if preposition in words]


def _fail(reason: str) -> ConfigError:
    return ConfigError(reason, subject=f"vocab/{VOCAB}.yaml",
                       fix="follow the shape described at the top of the file")


@lru_cache(maxsize=1)
def load_actions() -> Actions:
    data = load_vocab(VOCAB)
    entries = data.get("actions")
    if not isinstance(entries, list) or not entries:
        raise _fail("`actions` must be a non-empty list")
    verbs: dict[str, Action] = {}
    nouns: dict[str, Action] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("action"):
            raise _fail(f"action entry {entry!r} has no `action`")
        object_role = entry.get("object", "target")
        require = tuple(entry.get("require") or ())
        need = tuple(entry.get("need") or ())
        unknown = [r for r in (object_role, *require, *need) if r not in ROLES]
        if unknown:
            raise _fail(f"unknown role(s) {unknown} in action {entry['action']!r}; roles are {ROLES}")
        action = Action(entry["action"], object_role, require, need, bool(entry.get("named", False)))
        for verb in entry.get("verbs") or []:
            verbs[str(verb).lower()] = action
        for noun in entry.get("nouns") or []:
            nouns[str(noun).lower()] = action
    prepositions = {role: frozenset(str(w).lower() for w in words)
                    for role, words in (data.get("prepositions") or {}).items()}
    return Actions(
        verbs=verbs,
        nouns=nouns,
        troop_words=frozenset(str(w).lower() for w in data.get("troop_words") or []),
        weapon_words=frozenset(str(w).lower() for w in data.get("weapon_words") or []),
        place_words=frozenset(str(w).lower() for w in data.get("place_words") or []),
        light_verbs=frozenset(str(w).lower() for w in data.get("light_verbs") or []),
        prepositions=prepositions,
    )
