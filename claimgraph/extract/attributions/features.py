"""Token features for the learned attribution tagger: one row of hashed values per token.

Each token of an English spaCy parse gets a value per feature column (its lower-case form,
tags, lemma, the nearest verbs above it, quotation state, the nearest cue-like lemmas, ...),
hashed as "<column>=<value>" with spaCy's string hash so that the network's hash embeddings
can look them up. Computed in linear time: the walks up the dependency tree are shared between
tokens (a token's nearest verb is its head, or its head's nearest verb), the nearest cue-like
lemmas are found in one pass each way. Token attributes are read in one `Doc.to_array` call,
and each column memoises the hashes it has made for the life of the process (keyed by the
value, or by spaCy's string id where the value is a token attribute), so a document only
hashes what no earlier document had.

This module only reads a parse; the network, training and decoding live in `learned.py`
and `train.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.strings import StringStore, hash_string  # type: ignore[attr-defined]  # compiled, no stub
from spacy.symbols import VERB  # type: ignore[import-not-found]  # compiled, no stub
from spacy.tokens import Doc, Token

from claimgraph.extract.nlp import spell, spelling

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
    return _quote_states([token.text for token in doc])


def _quote_states(texts: list[str]) -> list[str]:
    states = []
    inside = False
    for text in texts:
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


@lru_cache(maxsize=1024)
def _positions(length: int) -> tuple[str, ...]:
    """The "position" value of each token of a sentence of `length` tokens: its fifth of the
    sentence, and whether it opens it (the same strings for every sentence of that length)."""
    return tuple(f"{min(4, int(5 * offset / max(1, length)))}|{offset == 0}" for offset in range(length))


def _distance_band(distance: int) -> str:
    if distance <= 2:
        return str(distance)
    return "3-5" if distance <= 5 else "6-10" if distance <= 10 else "11+"


class _Tree:
    """The parse as plain lists, with the upward walks every token shares."""

    def __init__(self, heads: list[int], deps: list[str], lemmas: list[str], verbs: list[bool],
                 lexicon: dict[str, float]):
        self.heads = heads
        self.deps = deps
        self.lemmas = lemmas
        self.verbs = verbs
        self.cue_like = [lexicon.get(lemma, 0.0) >= CUE_LIKE for lemma in lemmas]
        self._verb: list[tuple[int, int] | None] = [None] * len(heads)
        self._governor: list[tuple[int, int] | None] = [None] * len(heads)

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


def _subtree_edges(doc: Doc, tree: _Tree) -> list[str]:
    """Per token: whether it opens or closes the subtree of a dependent of a cue-like word."""
    marks: list[set[str]] = [set() for _ in range(len(doc))]
    for i, cue_like in enumerate(tree.cue_like):
        if not cue_like:
            continue
        for child in doc[i].children:
            marks[child.left_edge.i].add(f"L{child.dep_}")
            marks[child.right_edge.i].add(f"R{child.dep_}")
    return ["|".join(sorted(m)) if m else "none" for m in marks]


# The token attributes featurise reads, all in one `Doc.to_array` call (string ids, and HEAD
# as an offset): a spaCy Token object per token and attribute read costs more than the rest.
_ATTRIBUTES = ("LOWER", "SHAPE", "TAG", "DEP", "LEMMA", "HEAD", "POS", "ENT_IOB", "ENT_TYPE", "ORTH")
_IOB = ("", "I", "O", "B")  # spaCy's `Token.ent_iob_` spellings of ENT_IOB 0-3
_MEMO_LIMIT = 1_000_000  # entries per column's hash memo before it starts again (bounds a long run's memory)


class _Hashes(dict[Any, int]):
    """One feature column's values -> hash of "<column>=<spelling>", each made on first use.

    The value is a spelling, or a string id (or tuple of ids) that `spell` turns into one; the
    hashes are kept between docs, so a document only hashes values no earlier one had.
    """

    def __init__(self, column: int, spell: Callable[[Any], str] | None = None):
        super().__init__()
        self.column = column
        self.spell = spell

    def __missing__(self, value: Any) -> int:
        spelling = self.spell(value) if self.spell is not None else value
        hashed: int = hash_string(f"{self.column}={spelling}")
        self[value] = hashed
        return hashed


_HASHES: dict[tuple[int, str], _Hashes] = {}

# Columns whose value is a string id (or a pair of them), hashed without spelling every token.
_BY_ID: dict[str, tuple[str, Callable[[Any], str]]] = {
    "lower": ("LOWER", spelling),
    "prefix": ("LOWER", lambda key: spelling(key)[:3]),
    "suffix": ("LOWER", lambda key: spelling(key)[-3:]),
    "shape": ("SHAPE", spelling),
    "tag": ("TAG", spelling),
    "dep": ("DEP", spelling),
    "lemma": ("LEMMA", lambda key: spelling(key, lower=True)),
}


def _hashes(column: int, name: str, spell: Callable[[Any], str] | None = None) -> _Hashes:
    hashes = _HASHES.get((column, name))
    if hashes is None or len(hashes) > _MEMO_LIMIT:
        hashes = _HASHES[(column, name)] = _Hashes(column, spell)
    return hashes


def featurise(doc: Doc, lexicon: dict[str, float], features: Sequence[str] = FIRST_FEATURES) -> numpy.ndarray:
    """A (tokens x features) uint64 array of hashed feature values for one parsed doc."""
    n = len(doc)
    rows = numpy.zeros((n, len(features)), dtype="uint64")
    if n == 0:
        return rows
    table = doc.to_array(list(_ATTRIBUTES))
    ids = {name: table[:, _ATTRIBUTES.index(name)].tolist() for name in ("DEP", "LEMMA", "POS", "ORTH")}
    head_array = table[:, _ATTRIBUTES.index("HEAD")].astype("int64") + numpy.arange(n)
    heads = head_array.tolist()
    strings = doc.vocab.strings
    deps = spell(ids["DEP"], strings)
    lemmas = spell(ids["LEMMA"], strings, lower=True)
    tree = _Tree(heads, deps, lemmas, [pos == VERB for pos in ids["POS"]], lexicon)
    bands: dict[str, str] = {}  # per lemma: how often training tagged it as a cue, in fifths
    for lemma in dict.fromkeys(lemmas):
        share = lexicon.get(lemma)
        bands[lemma] = "cue-" if share is None else f"cue{min(4, int(share * 5))}"
    cue_band = list(map(bands.__getitem__, lemmas))  # per token

    texts = spell(ids["ORTH"], strings)
    quotes = _quote_states(texts)
    positions = [""] * n
    flags = ["?"] * n
    cue_left = [""] * n
    cue_right = [""] * n
    wants_cues = "cue_left" in features or "cue_right" in features
    for sentence in doc.sents:
        s, e = sentence.start, sentence.end
        has_quote = "qopen" in quotes[s:e] or "qclose" in quotes[s:e]
        first_in_line = s == 0 or "\n" in texts[s - 1]  # a token's trailing space is never a line break
        flag = f"{has_quote}|{first_in_line}"
        positions[s:e], flags[s:e] = _positions(e - s), [flag] * (e - s)
        if wants_cues:
            cue_left[s:e], cue_right[s:e] = _nearest_cue_like(s, e, tree)
    edges = _subtree_edges(doc, tree) if "edge" in features else []
    verbs_above: list[tuple[int, int]] = []

    def above() -> list[tuple[int, int]]:
        """Per token: the nearest verb above it and the child on the path (four columns use it)."""
        if not verbs_above:
            verbs_above.extend(tree.verb_above(i) for i in range(n))
        return verbs_above

    def column_values(name: str) -> list[Any]:
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
            return positions
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

    distinct: dict[str, tuple[numpy.ndarray, numpy.ndarray]] = {}
    for column, name in enumerate(features):
        if name in _BY_ID or name in ("dep_head", "ent"):
            rows[:, column] = _hashed_ids(column, name, table, head_array, strings, distinct)
            continue
        hashes = _hashes(column, name)
        rows[:, column] = numpy.fromiter(map(hashes.__getitem__, column_values(name)), dtype="uint64", count=n)
    return rows


def _hashed_ids(column: int, name: str, table: numpy.ndarray, heads: numpy.ndarray,
                strings: StringStore, distinct: dict[str, tuple[numpy.ndarray, numpy.ndarray]]) -> numpy.ndarray:
    """The hashes of a column whose value is a token's string id (or a pair of ids), hashed
    by id: each distinct value of the doc is looked up once (`_distinct`), and no token's
    string is made unless its id is new to the column."""
    values: list[Any]
    speller: Callable[[Any], str]
    if name in _BY_ID:
        attribute, speller = _BY_ID[name]
        keys, inverse = _distinct(table, attribute, distinct)
        values = keys.tolist()
        spell(values, strings, lower=name == "lemma")
    elif name == "dep_head":
        deps, dep_of = _distinct(table, "DEP", distinct)
        lemmas, lemma_of = _distinct(table, "LEMMA", distinct)
        # a pair's number: its dep's place among the doc's deps, then its head's lemma's
        pairs, inverse = numpy.unique(dep_of * len(lemmas) + lemma_of[heads], return_inverse=True)
        dep_keys, lemma_keys = deps[pairs // len(lemmas)].tolist(), lemmas[pairs % len(lemmas)].tolist()
        values = list(zip(dep_keys, lemma_keys))
        speller = _spell_dep_head
        spell(dep_keys, strings)
        spell(lemma_keys, strings, lower=True)
    else:
        types, type_of = _distinct(table, "ENT_TYPE", distinct)
        iob = table[:, _ATTRIBUTES.index("ENT_IOB")].astype("int64")
        pairs, inverse = numpy.unique(type_of * len(_IOB) + iob, return_inverse=True)
        type_keys = types[pairs // len(_IOB)].tolist()
        values = list(zip((pairs % len(_IOB)).tolist(), type_keys))
        speller = _spell_ent
        spell(type_keys, strings)
    hashes = _hashes(column, name, speller)
    hashed = numpy.fromiter(map(hashes.__getitem__, values), dtype="uint64", count=len(values))
    return hashed[inverse]


def _distinct(table: numpy.ndarray, attribute: str,
              distinct: dict[str, tuple[numpy.ndarray, numpy.ndarray]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(the doc's distinct values of a `_ATTRIBUTES` column, each token's place among them),
    made once per doc for the columns that share it."""
    found = distinct.get(attribute)
    if found is None:
        found = distinct[attribute] = numpy.unique(table[:, _ATTRIBUTES.index(attribute)], return_inverse=True)
    return found


def _spell_dep_head(key: tuple[int, int]) -> str:
    return f"{spelling(key[0])}|{spelling(key[1], lower=True)}"


def _spell_ent(key: tuple[int, int]) -> str:
    return f"{_IOB[key[0]]}{spelling(key[1])}"
