"""Claim clusters: the same figure across documents, and the same attributed statement.

Figure clusters join estimates (see timelines.py) of one subject and category, in compatible
places and periods, whose intervals overlap; each cluster lists its supporting members and the
estimates that contradict them. Statement clusters join attributed statements whose contents are
lexically alike (rapidfuzz; no embeddings are needed), and split members by polarity into
supporting and contradicting: a statement is negative when its content is negated ("troops are not
there") or its cue denies it ("the ministry denied that troops are there"), not both. This module groups; it does not read the ledger or grade.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from rapidfuzz import fuzz, process

from claimgraph.analyze.subjects import subject_rules
from claimgraph.analyze.timelines import Estimate, places_compatible
from claimgraph.errors import ConfigError

NEGATIONS_FILE = Path(__file__).with_name("negations.yaml")
SIMILARITY_CUTOFF = 88  # rapidfuzz token_set_ratio, 0-100
MIN_WORDS = 4  # shorter contents stay alone: a shared "he said so" proves nothing

T = TypeVar("T")


@dataclass
class Cluster(Generic[T]):
    id: str
    supporting: list[T] = field(default_factory=list)
    contradicting: list[T] = field(default_factory=list)


# ---------------------------------------------------------------- figures


def figure_clusters(estimates: list[Estimate]) -> list[Cluster[Estimate]]:
    """Connected groups of estimates that agree (overlap) on one subject, category, place and period."""
    roots = figure_cluster_roots(estimates)
    by_root: dict[str, list[Estimate]] = {}
    for e, root in zip(estimates, roots, strict=True):
        by_root.setdefault(root, []).append(e)
    index = {e.id: e for e in estimates}
    clusters: list[Cluster[Estimate]] = []
    for root, members in by_root.items():
        ids = {m.id for m in members}
        against = {c.other for m in members for c in m.contradicts if c.other not in ids}
        clusters.append(Cluster(cluster_id(root), members, [index[i] for i in sorted(against) if i in index]))
    return clusters


def cluster_id(root: str) -> str:
    """The id of the figure cluster whose root estimate has id `root` ("e12" -> "c12")."""
    return f"c{root[1:]}"


def figure_cluster_roots(estimates: list[Estimate]) -> list[str]:
    """For each estimate, the id of its cluster's root estimate (`figure_clusters` without building
    the clusters: a timeline needs only each estimate's cluster id).

    Estimates of one subject and category are joined, in (dated first, date, id) order, to every
    later one that overlaps in a compatible place, until a dated one lies more than the
    corroboration window after a dated one; the union order decides each cluster's root."""
    window = subject_rules().corroboration_days
    parent = {e.id: e.id for e in estimates}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    groups: dict[tuple[str, str], list[Estimate]] = {}
    for e in estimates:
        groups.setdefault((e.category, e.subject_key), []).append(e)
    compatible = places_compatible
    for members in groups.values():
        if len(members) == 1:
            continue
        members = sorted(members, key=_cluster_order)
        # Per member: (day ordinal or None, low, high, place, id), read once rather than per pair.
        facts = [(None if e.when is None else e.when.toordinal(), e.value_low or 0.0, e.value_high, e.place, e.id)
                 for e in members]
        count = len(facts)
        for i in range(count):
            day_a, low_a, high_a, place_a, id_a = facts[i]
            for j in range(i + 1, count):
                day_b, low_b, high_b, place_b, id_b = facts[j]
                if day_a is not None and day_b is not None and day_b - day_a > window:
                    break
                # overlaps(a, b), inline: the pair loop is the hot part of a large timeline.
                if ((high_b is None or low_a <= high_b) and (high_a is None or low_b <= high_a)
                        and (place_a == place_b or compatible(place_a, place_b))):
                    parent[find(id_b)] = find(id_a)
    return [find(e.id) for e in estimates]


def _cluster_order(e: Estimate) -> tuple[bool, Any, str]:
    when = e.when
    return (when is None, when or 0, e.id)


# ---------------------------------------------------------------- statements


def _word_pattern(key: str) -> re.Pattern[str]:
    """The words listed under `key` in negations.yaml, as one case-insensitive whole-word pattern."""
    try:
        words = yaml.safe_load(NEGATIONS_FILE.read_text(encoding="utf-8"))[key]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"bad negations vocabulary: {exc}", subject=str(NEGATIONS_FILE),
                          fix="restore the shipped file") from exc
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ConfigError(f"{key} must be a list of strings", subject=str(NEGATIONS_FILE),
                          fix='quote YAML words such as "no" that would read as booleans')
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def negations() -> re.Pattern[str]:
    return _word_pattern("words")


@lru_cache(maxsize=1)
def denials() -> re.Pattern[str]:
    return _word_pattern("denial_cues")


def negated(text: str) -> bool:
    return negations().search(text.replace("’", "'")) is not None


def negative(content: str, cue: str | None = None) -> bool:
    """A statement's polarity: negated content, or a denying cue ("denied that ..."), but not both."""
    return negated(content) != (cue is not None and denials().search(cue) is not None)


def _normalize(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def cluster_statements(items: Iterable[T], content: Callable[[T], str],
                       *, polarity: Callable[[T], bool] | None = None,
                       cutoff: int = SIMILARITY_CUTOFF) -> list[Cluster[T]]:
    """Greedy single pass: each statement joins the most similar earlier cluster above `cutoff`.

    `polarity` says whether a statement is negative (default: its content is negated); the
    minority polarity of a cluster becomes its contradicting members.
    """
    is_negative = polarity or (lambda item: negated(content(item)))
    clusters: list[Cluster[T]] = []
    representatives: list[str] = []
    owners: list[int] = []  # representative -> cluster index
    for item in items:
        text = _normalize(content(item))
        home = None
        if len(text.split()) >= MIN_WORDS and representatives:
            best = process.extractOne(text, representatives, scorer=fuzz.token_set_ratio, score_cutoff=cutoff)
            if best is not None:
                home = owners[best[2]]
        if home is None:
            clusters.append(Cluster(f"s{len(clusters) + 1}"))
            home = len(clusters) - 1
            if len(text.split()) >= MIN_WORDS:
                representatives.append(text)
                owners.append(home)
        clusters[home].supporting.append(item)
    for cluster in clusters:  # the minority polarity contradicts the majority
        flips = [m for m in cluster.supporting if is_negative(m)]
        if flips and len(flips) < len(cluster.supporting):
            keep_negative = len(flips) * 2 > len(cluster.supporting)
            cluster.contradicting = [m for m in cluster.supporting if is_negative(m) != keep_negative]
            cluster.supporting = [m for m in cluster.supporting if is_negative(m) == keep_negative]
    return clusters


def cluster_json(cluster: Cluster[Any], member: Callable[[Any], Any]) -> dict[str, Any]:
    return {"id": cluster.id, "supporting": [member(m) for m in cluster.supporting],
            "contradicting": [member(m) for m in cluster.contradicting]}
