"""`nlp.word_start_spans`: one shared scan for many lexicon patterns, the same spans as one scan each."""

from __future__ import annotations

import re

import pytest

from claimgraph.extract.nlp import (
    WORD_START,
    _first_characters,
    _word_start_patterns,
    word_start_spans,
)

BODIES = (
    r"(?:almost certain(ly)?)(?![\w-])",
    r"(?:(many )?dozens)(?![\w-])",  # an optional first word: "many" or "dozens" opens it
    r"(?:[Ss]everal (hundred|thousand)s?)",
    r"(?:\$\d+ ?m)",
    r"(?:well over)",
    r"(?:Över|över)",  # a letter whose case folding the shared scan must keep
)
TEXT = ("It is almost certainly so; many dozens and DOZENS more, several thousands, Several hundred, "
        "$20 m, $ 3m, half-dozens, well over, wellover, Över and ÖVER, a-dozens, x dozens-y.")


def one_scan_each(bodies: tuple[str, ...], text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in re.finditer(f"{WORD_START}(?:{body})", text, re.IGNORECASE)] for body in bodies]


def test_the_shared_scan_finds_what_one_scan_per_pattern_finds() -> None:
    assert word_start_spans(BODIES, TEXT) == one_scan_each(BODIES, TEXT)
    assert any(word_start_spans(BODIES, TEXT))


def test_the_shared_scan_groups_bodies_by_their_first_characters() -> None:
    _, anywhere = _word_start_patterns(BODIES, re.IGNORECASE)
    assert anywhere is not None and "(?=[" in anywhere.pattern


@pytest.mark.parametrize(("body", "expected"), [
    ("(?:almost certain(ly)?)", {"a"}),
    ("(many )?dozens", {"m", "d"}),
    ("[A-C]x|y", {"A", "B", "C", "y"}),
    ("(?<![\\w-])z", {"z"}),
    ("\\w+", None),  # a class of characters too wide to list
    ("x*", None),  # may match nothing
    ("(a|)b", {"a", "b"}),
])
def test_first_characters(body: str, expected: set[str] | None) -> None:
    assert _first_characters(body) == expected


def test_a_body_whose_start_cannot_be_told_keeps_the_plain_alternation() -> None:
    bodies = (r"\w+ly", "dozens")
    _, anywhere = _word_start_patterns(bodies, re.IGNORECASE)
    assert anywhere is not None and "(?=[" not in anywhere.pattern
    assert word_start_spans(bodies, TEXT) == one_scan_each(bodies, TEXT)
