"""What a figure counts: subject text reduced to a key ("North Korean soldiers" and "North Korean
troops" match), and the subject vocabulary (`subjects.yaml`: synonyms, words to drop, generic
words that name no one, cumulative categories, time windows). Strings only; no ledger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from claimgraph.analyze.sources import SAFE_YAML_LOADER
from claimgraph.errors import ConfigError

__all__ = ["SUBJECTS_FILE", "SubjectRules", "subject_key", "subject_missing", "subject_rules"]

SUBJECTS_FILE = Path(__file__).with_name("subjects.yaml")


@dataclass(frozen=True)
class SubjectRules:
    drop: frozenset[str]
    synonyms: tuple[tuple[re.Pattern[str], str], ...]
    cumulative: frozenset[str]
    same_period_days: int
    corroboration_days: int
    within: dict[str, str]
    generic: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def subject_rules() -> SubjectRules:
    try:
        data = yaml.load(SUBJECTS_FILE.read_text(encoding="utf-8"), Loader=SAFE_YAML_LOADER)
        pairs = [(variant, word) for word, variants in data["synonyms"].items() for variant in variants]
        pairs.sort(key=lambda p: -len(p[0]))  # phrases before the words inside them
        return SubjectRules(
            drop=frozenset(str(w) for w in data["drop"]),
            synonyms=tuple((re.compile(r"(?<!\w)" + re.escape(str(v)) + r"(?!\w)"), w) for v, w in pairs),
            cumulative=frozenset(data["cumulative"]),
            same_period_days=int(data["same_period_days"]),
            corroboration_days=int(data["corroboration_days"]),
            within={str(k): str(v) for k, v in (data.get("within") or {}).items()},
            generic=frozenset(str(w) for w in data.get("generic") or ()),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"bad subjects vocabulary: {exc}", subject=str(SUBJECTS_FILE),
                          fix="restore the shipped file") from exc


@lru_cache(maxsize=65536)
def subject_key(subject: str | None) -> str:
    """What is counted, reduced so that "North Korean soldiers" and "North Korean troops" match."""
    if not subject:
        return ""
    rules = subject_rules()
    text = re.sub(r"\([^)]*\)", " ", subject.casefold()).replace("%", " percent ")
    for pattern, word in rules.synonyms:
        text = pattern.sub(word, text)
    words: list[str] = []
    for word in re.findall(r"\w+", text):
        if word in rules.drop:  # before folding plurals: "losses" is dropped, not kept as "losse"
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
            word = {"troop": "troops"}.get(word, word)
        if word not in rules.drop and word not in words:
            words.append(word)
    return " ".join(words)


@lru_cache(maxsize=65536)
def subject_missing(subject: str | None) -> bool:
    """True when the subject names no one ("deaths", "soldiers", "the death toll", none)."""
    return all(word in subject_rules().generic for word in subject_key(subject).split())
