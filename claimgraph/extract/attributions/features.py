"""Token features for the learned attribution tagger: one row of hashed values per token.

Each token of an English spaCy parse gets a value per feature column (its lower-case form,
tags, lemma, the nearest verbs above it, quotation state, the nearest cue-like lemmas, ...),
hashed as "<column>=<value>" with spaCy's string hash so that the network's hash embeddings
can look them up. Computed in linear time: the walks up the dependency tree are shared between
tokens (a token's nearest verb is its head, or its head's nearest verb), the nearest cue-like
lemmas are found in one pass each way, and each column memoises the hashes it has made.

This module only reads a parse; the network, training and decoding live in `learned.py`
and `train.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.strings import hash_string  # type: ignore[attr-defined]  # compiled, no stub
from spacy.tokens import Doc, Token

__all__ = ["CUE_LIKE", "FEATURE_TABLE", "FIRST_FEATURES", "featurise", "quote_states"]

OPENING_QUOTES = frozenset("“„«")
CLOSING_QUOTES = frozenset("”»")
TOGGLING_QUOTES = frozenset('"')
CUE_LIKE = 0.2  # a lemma tagged as cue at least this often in training counts as cue-like

# Every feature column the network can use: name -> (embedding width, hash rows).
FEATURE_TABLE: dict[str, tuple[int, int]] = {
    "lower": (64, 20000),
    "prefix": (16, 4000),
    "suffix": (16, 4000),
    "shape": (8, 1000),
    "tag": (16, 200),
    "dep": (16, 200),
    "lemma": (48, 15000),
    "dep_head": (32, 20000),
    "ent": (8, 100),
    "quote": (8, 50),
    "anc1": (32, 20000),
    "anc1_cue": (16, 500),
    "anc2": (24, 20000),
    "anc2_cue": (16, 500),
    "own_cue": (8, 50),
    "position": (8, 200),
    "sentence": (8, 200),
    "cue_left": (16, 5000),
    "cue_right": (16, 5000),
    "governor": (16, 2000),
    "edge": (16, 2000),
}
FIRST_FEATURES = (
    "lower", "prefix", "suffix", "shape", "tag", "dep", "lemma", "dep_head", "ent", "quote",
    "anc1", "anc1_cue", "anc2", "anc2_cue", "own_cue", "position", "sentence",
)


def quote_states(doc: Doc | list[Token]) -> list[str]:
    """Per token: opening/closing quotation mark, inside quotes or outside (reset at line breaks)."""
    states = []
    inside = False
    for token in doc:
        text = token.text
        if "\n" in text:
            inside = False
            states.append("nl")
        elif text in OPENING_QUOTES or (text in TOGGLING_QUOTES and not inside):
            inside = True
            states.append("qopen")
        elif text in CLOSING_QUOTES or (text in TOGGLING_QUOTES and inside):
            inside = False
            states.append("qclose")
        else:
            states.append("in" if inside else "out")
    return states


def _distance_band(distance: int) -> str:
    if distance <= 2:
        return str(distance)
    return "3-5" if distance <= 5 else "6-10" if distance <= 10 else "11+"


class _Tree:
    """The parse as plain lists, with the upward walks every token shares."""

    def __init__(self, tokens: list[Token], lexicon: dict[str, float]):
        self.heads = [t.head.i for t in tokens]
        self.deps = [t.dep_ for t in tokens]
        self.lemmas = [t.lemma_.lower() for t in tokens]
        self.verbs = [t.pos_ == "VERB" for t in tokens]
        self.cue_like = [lexicon.get(lemma, 0.0) >= CUE_LIKE for lemma in self.lemmas]
        self._verb: list[tuple[int, int] | None] = [None] * len(tokens)
        self._governor: list[tuple[int, int] | None] = [None] * len(tokens)

    def _above(self, i: int, memo: list[tuple[int, int] | None], wanted: list[bool]) -> tuple[int, int]:
        """(the nearest ancestor of `i` that is `wanted`, or -1; the child on the path to it)."""
        path = []
        node = i
        found: tuple[int, int] | None = None
        while True:
            if memo[node] is not None:
                found = memo[node]
                break
            head = self.heads[node]
            if head == node:
                found = (-1, node)
                break
            if wanted[head]:
                found = (head, node)
                break
            path.append(node)
            node = head
        memo[node] = found
        for step in path:
            memo[step] = found
        return found

    def verb_above(self, i: int) -> tuple[int, int]:
        """The nearest verb above token `i` (-1 when none) and the child on the path to it."""
        return self._above(i, self._verb, self.verbs)

    def governor(self, i: int) -> tuple[int, int]:
        """The nearest cue-like ancestor of token `i` (-1 when none) and the child below it."""
        return self._above(i, self._governor, self.cue_like)


def _nearest_cue_like(start: int, end: int, tree: _Tree) -> tuple[list[str], list[str]]:
    """Per token of the sentence [start, end): the nearest cue-like lemma left and right, with distance."""
    lemmas, cue_like = tree.lemmas, tree.cue_like
    left: list[str] = []
    last = -1
    for i in range(start, end):
        left.append(f"{lemmas[last]}|{_distance_band(i - last)}" if last >= 0 else "none")
        if cue_like[i]:
            last = i
    right: list[str] = [""] * (end - start)
    nearest = -1
    for i in range(end - 1, start - 1, -1):
        right[i - start] = f"{lemmas[nearest]}|{_distance_band(nearest - i)}" if nearest >= 0 else "none"
        if cue_like[i]:
            nearest = i
    return left, right


def _subtree_edges(tokens: list[Token], tree: _Tree) -> list[str]:
    """Per token: whether it opens or closes the subtree of a dependent of a cue-like word."""
    marks: list[set[str]] = [set() for _ in tokens]
    for head in tokens:
        if not tree.cue_like[head.i]:
            continue
        for child in head.children:
            marks[child.left_edge.i].add(f"L{child.dep_}")
            marks[child.right_edge.i].add(f"R{child.dep_}")
    return ["|".join(sorted(m)) if m else "none" for m in marks]


def featurise(doc: Doc, lexicon: dict[str, float], features: Sequence[str] = FIRST_FEATURES) -> numpy.ndarray:
    """A (tokens x features) uint64 array of hashed feature values for one parsed doc."""
    n = len(doc)
    rows = numpy.zeros((n, len(features)), dtype="uint64")
    if n == 0:
        return rows
    tokens = list(doc)  # one Token object each: spaCy makes a new one on every access
    tree = _Tree(tokens, lexicon)
    lemmas, deps = tree.lemmas, tree.deps
    bands: dict[str, str] = {}  # per lemma: how often training tagged it as a cue, in fifths
    for lemma in dict.fromkeys(lemmas):
        share = lexicon.get(lemma)
        bands[lemma] = "cue-" if share is None else f"cue{min(4, int(share * 5))}"
    cue_band = list(map(bands.__getitem__, lemmas))  # per token

    quotes = quote_states(tokens)
    text_ws = [t.text_with_ws for t in tokens]
    starts = [0] * n
    lengths = [1] * n
    flags = ["?"] * n
    cue_left = [""] * n
    cue_right = [""] * n
    wants_cues = "cue_left" in features or "cue_right" in features
    for sentence in doc.sents:
        s, e = sentence.start, sentence.end
        has_quote = "qopen" in quotes[s:e] or "qclose" in quotes[s:e]
        first_in_line = s == 0 or "\n" in text_ws[s - 1]
        flag = f"{has_quote}|{first_in_line}"
        starts[s:e], lengths[s:e], flags[s:e] = [s] * (e - s), [e - s] * (e - s), [flag] * (e - s)
        if wants_cues:
            cue_left[s:e], cue_right[s:e] = _nearest_cue_like(s, e, tree)
    edges = _subtree_edges(tokens, tree) if "edge" in features else []
    lowers = [t.lower_ for t in tokens]
    verbs_above: list[tuple[int, int]] = []

    def above() -> list[tuple[int, int]]:
        """Per token: the nearest verb above it and the child on the path (four columns use it)."""
        if not verbs_above:
            verbs_above.extend(tree.verb_above(i) for i in range(n))
        return verbs_above

    def column_values(name: str) -> list[str]:
        if name == "lower":
            return lowers
        if name == "prefix":
            return [w[:3] for w in lowers]
        if name == "suffix":
            return [w[-3:] for w in lowers]
        if name == "shape":
            return [t.shape_ for t in tokens]
        if name == "tag":
            return [t.tag_ for t in tokens]
        if name == "dep":
            return deps
        if name == "lemma":
            return lemmas
        if name == "dep_head":
            return [f"{deps[i]}|{lemmas[h]}" for i, h in enumerate(tree.heads)]
        if name == "ent":
            return [f"{t.ent_iob_}{t.ent_type_}" for t in tokens]
        if name == "quote":
            return quotes
        if name == "anc1":
            return [f"{lemmas[verb]}|{deps[child]}" if verb >= 0 else f"-|{deps[child]}"
                    for verb, child in above()]
        if name == "anc1_cue":
            return [f"{cue_band[verb]}|{deps[child]}" if verb >= 0 else "none"
                    for verb, child in above()]
        if name in ("anc2", "anc2_cue"):
            first = above()
            out = []
            for verb1, _ in first:
                verb2, child2 = first[verb1] if verb1 >= 0 else (-1, -1)  # the verb above that verb
                if verb2 < 0:
                    out.append("-" if name == "anc2" else "none")
                elif name == "anc2":
                    out.append(f"{lemmas[verb2]}|{deps[child2]}")
                else:
                    out.append(f"{cue_band[verb2]}|{deps[child2]}")
            return out
        if name == "own_cue":
            return cue_band
        if name == "position":
            return [f"{min(4, int(5 * (i - starts[i]) / max(1, lengths[i])))}|{i == starts[i]}" for i in range(n)]
        if name == "sentence":
            return flags
        if name == "cue_left":
            return cue_left
        if name == "cue_right":
            return cue_right
        if name == "governor":
            out = []
            for i in range(n):
                parent, child = tree.governor(i)
                side = "L" if i < parent else "R"
                out.append(f"{cue_band[parent]}|{deps[child]}|{side}" if parent >= 0 else "none")
            return out
        if name == "edge":
            return edges
        raise KeyError(f"unknown feature column {name!r}")

    for column, name in enumerate(features):
        values = column_values(name)
        # each distinct value hashed once, then looked up for every token
        hashes = {value: hash_string(f"{column}={value}") for value in dict.fromkeys(values)}
        rows[:, column] = numpy.fromiter(map(hashes.__getitem__, values), dtype="uint64", count=n)
    return rows
