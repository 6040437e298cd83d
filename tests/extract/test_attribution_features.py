"""The learned tagger's token features: linear-time walks give what the plain tree walks give."""

from __future__ import annotations

import numpy
import pytest
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Token

from claimgraph.extract.attributions.features import CUE_LIKE, FEATURE_TABLE, featurise
from claimgraph.extract.nlp import load_nlp

LEXICON = {"say": 0.9, "tell": 0.8, "report": 0.6, "believe": 0.5, "add": 0.3, "cite": 0.25, "claim": 0.7}
TEXTS = [
    'The ministry said on Monday that 300 soldiers had been killed, adding that "the front is holding."',
    ("Citing officials, the newspaper reported the strike. He told reporters he believed the toll would rise.\n\n"
    "A second paragraph: the governor claimed 12 people were hurt, it said."),
    "",
]


def _verb_above(token: Token) -> tuple[Token | None, Token]:
    """The plain walk up the tree: the nearest verb above `token` and the child below it."""
    child = token
    while child.head.i != child.i:
        if child.head.pos_ == "VERB":
            return child.head, child
        child = child.head
    return None, child


def _governor(token: Token) -> str:
    child = token
    while child.head.i != child.i:
        parent = child.head
        share = LEXICON.get(parent.lemma_.lower())
        if share is not None and share >= CUE_LIKE:
            side = "L" if token.i < parent.i else "R"
            return f"cue{min(4, int(share * 5))}|{child.dep_}|{side}"
        child = parent
    return "none"


def _hash(column: int, value: str) -> int:
    return int(hash_string(f"{column}={value}"))


@pytest.mark.parametrize("text", TEXTS)
def test_tree_walk_features_match_the_plain_walks(text: str) -> None:
    doc = load_nlp()(text)
    columns = ("anc1", "anc2", "governor", "dep_head", "lower")
    rows = featurise(doc, LEXICON, columns)
    assert rows.shape == (len(doc), len(columns)) and rows.dtype == numpy.uint64
    for token in doc:
        verb1, child1 = _verb_above(token)
        verb2, child2 = _verb_above(verb1) if verb1 is not None else (None, child1)
        anc1 = f"{verb1.lemma_.lower()}|{child1.dep_}" if verb1 is not None else f"-|{child1.dep_}"
        anc2 = f"{verb2.lemma_.lower()}|{child2.dep_}" if verb2 is not None else "-"
        expected = [anc1, anc2, _governor(token), f"{token.dep_}|{token.head.lemma_.lower()}", token.lower_]
        assert [int(v) for v in rows[token.i]] == [_hash(c, v) for c, v in enumerate(expected)], token.text


def test_nearest_cue_like_words_and_quotes() -> None:
    doc = load_nlp()('Officials said the bridge "will hold," and the mayor added that it was safe.')
    rows = featurise(doc, LEXICON, ("cue_left", "cue_right", "quote", "sentence"))
    bridge = next(t for t in doc if t.text == "bridge")
    officials = doc[0]
    assert int(rows[bridge.i, 0]) == _hash(0, "say|2")  # "said" two tokens to the left
    assert int(rows[bridge.i, 1]) == _hash(1, "add|6-10")
    assert int(rows[officials.i, 0]) == _hash(0, "none")
    will = next(t for t in doc if t.text == "will")
    assert int(rows[will.i, 2]) == _hash(2, "in")
    assert int(rows[officials.i, 3]) == _hash(3, "True|True")


def test_every_known_column_is_computed() -> None:
    doc = load_nlp()("The agency reported that 40 drones were shot down overnight.")
    rows = featurise(doc, LEXICON, tuple(FEATURE_TABLE))
    assert rows.shape == (len(doc), len(FEATURE_TABLE))
    assert (rows != 0).all()
    with pytest.raises(KeyError, match="unknown feature column"):
        featurise(doc, LEXICON, ("no-such-column",))


def test_columns_read_by_string_id_match_the_token_attributes() -> None:
    """The columns hashed once per distinct value of a doc give every token its own value."""
    doc = load_nlp()("Ukraine's General Staff said on Monday that Russia lost 1,200 troops; Kyiv's tally is higher.")
    columns = ("lower", "prefix", "suffix", "shape", "tag", "dep", "lemma", "dep_head", "ent")
    rows = featurise(doc, LEXICON, columns)
    for token in doc:
        expected = [token.lower_, token.lower_[:3], token.lower_[-3:], token.shape_, token.tag_, token.dep_,
                    token.lemma_.lower(), f"{token.dep_}|{token.head.lemma_.lower()}",
                    f"{token.ent_iob_}{token.ent_type_}"]
        assert [int(v) for v in rows[token.i]] == [_hash(c, v) for c, v in enumerate(expected)], token.text
