"""The pipeline's repair of a participle the parser took for the main verb ("Memos found on
dead soldiers suggest that ..." read as "memos found ... and suggest"), and what the
attribution extractor makes of the repaired sentence.

The component is tested on parses given word by word (the misreading depends on the
surrounding document, so a parse is spelled out rather than hoped for), and end to end on
the demo report that showed it. Sentences are our own.
"""

from __future__ import annotations

import json
from importlib import resources

from spacy.tokens import Doc

from claimgraph.extract.base import Context
from claimgraph.extract.nlp import load_nlp, reduced_relatives
from claimgraph.extract.pipeline import build, run

_POS = {"VB": "VERB", "NN": "NOUN", "IN": "ADP", "JJ": "ADJ", "DT": "DET", "CC": "CCONJ", "RB": "ADV",
        ".": "PUNCT"}


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> Doc:
    vocab = load_nlp().vocab
    pos = [_POS.get(t[:2], "X") for t in tags]
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas, pos=pos)


def test_a_participle_read_as_main_verb_becomes_a_clause_of_its_noun() -> None:
    #        0          1          2       3       4       5         6       7       8
    words = ["Notebooks", "seized", "near", "the", "bridge", "indicate", "heavy", "losses", "."]
    heads = [1, 1, 1, 4, 2, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "conj", "amod", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "VBP", "JJ", "NNS", "."]
    lemmas = ["notebook", "seize", "near", "the", "bridge", "indicate", "heavy", "loss", "."]
    doc = reduced_relatives(_parsed(words, heads, deps, tags, lemmas))
    notebooks, seized, indicate = doc[0], doc[1], doc[5]
    assert indicate.dep_ == "ROOT" and indicate.head.i == indicate.i
    assert notebooks.head.i == indicate.i and notebooks.dep_ == "nsubj"
    assert seized.head.i == notebooks.i and seized.dep_ == "acl"
    assert doc[8].head.i == indicate.i  # the full stop follows the real verb
    assert [t.text for t in notebooks.subtree] == ["Notebooks", "seized", "near", "the", "bridge"]


def test_a_real_coordination_is_left_alone() -> None:
    # "Troops seized the bridge and hold the town": an object and an "and" -> two real verbs
    words = ["Troops", "seized", "the", "bridge", "and", "hold", "the", "town", "."]
    heads = [1, 1, 3, 1, 1, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "CC", "VBP", "DT", "NN", "."]
    lemmas = ["troop", "seize", "the", "bridge", "and", "hold", "the", "town", "."]
    doc = reduced_relatives(_parsed(words, heads, deps, tags, lemmas))
    assert doc[1].dep_ == "ROOT" and doc[5].dep_ == "conj" and doc[5].head.i == 1


def test_a_participle_outside_the_vocabulary_is_left_alone() -> None:
    words = ["Officers", "gathered", "near", "the", "bridge", "argue", "constantly", "."]
    heads = [1, 1, 1, 4, 2, 1, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "conj", "advmod", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "VBP", "RB", "."]
    lemmas = ["officer", "argue_not_listed", "near", "the", "bridge", "argue", "constantly", "."]
    doc = reduced_relatives(_parsed(words, heads, deps, tags, lemmas))
    assert doc[1].dep_ == "ROOT" and doc[5].head.i == 1


def test_the_demo_memos_speak_and_nobody_is_the_finder() -> None:
    lines = resources.files("claimgraph.demo").joinpath("reports.ndjson").read_text(encoding="utf-8")
    report = next(r for r in map(json.loads, lines.splitlines()) if "Memos found" in r["text"])
    found = run(Context(text=report["text"], publisher=report["publisher"]),
                build(("entities", "attributions")))
    cues = {a.cue.text for a in found.attributions if a.cue is not None}
    assert "found" not in cues
    suggest = next(a for a in found.attributions if a.cue is not None and a.cue.text == "suggest")
    assert suggest.source is not None and suggest.source.text.startswith("Memos")
    assert suggest.content[0].text.startswith("that North Korean authorities")
