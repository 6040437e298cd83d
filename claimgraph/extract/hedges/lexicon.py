"""The hedge lexicon: cue patterns, ICD 203 bands and kinds, read from `model/vocab/hedges.yaml`.

This module turns the YAML into compiled, checked data and finds cue matches in
a text. It must not decide what a hedge qualifies (see `scope`) and must not
hold any word list of its own: the words live in the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from claimgraph.errors import ConfigError
from claimgraph.extract.nlp import WORD_START, word_start_spans
from claimgraph.model.vocab import load_vocab

UNCERTAIN = "uncertain"
QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: a compiled pattern with its band and kind."""

    pattern: re.Pattern[str]
    source: str  # the pattern as written in the YAML, for messages
    band: str
    kind: str
    tags: frozenset[str] | None = None
    mention_guard: bool = True


@dataclass(frozen=True)
class CueMatch:
    """Where a cue occurs in a text."""

    start: int
    end: int
    cue: Cue


@dataclass(frozen=True)
class Lexicon:
    bands: dict[str, tuple[float, float]]
    cues: tuple[Cue, ...]
    exceptions: tuple[re.Pattern[str], ...]
    # nouns that, named as what a caveat doubts, let it reach figures ("the figures", "the claim")
    caveat_topics: frozenset[str] = frozenset()
    caveat_verbs: frozenset[str] = frozenset()
    caveat_quantifiers: frozenset[str] = frozenset()
    # people whose accounts a caveat names with "of" ("the accounts of the residents")
    caveat_owners: frozenset[str] = frozenset()
    # words of a section heading that doubts what the section lists ("REPORTED, NOT VERIFIED")
    doubting_headings: frozenset[str] = frozenset()
    # phrase -> what `classify` made of it: figures and events ask again for every hedge
    _classified: dict[str, Cue | None] = field(
        default_factory=dict, init=False, compare=False, repr=False)

    def probability(self, band: str) -> tuple[float | None, float | None]:
        """The ICD 203 probability interval of `band`; (None, None) for "uncertain"."""
        if band in self.bands:
            low, high = self.bands[band]
            return low, high
        return None, None

    def classify(self, phrase: str) -> Cue | None:
        """The cue whose pattern matches all of `phrase` (for hedges made earlier)."""
        if phrase not in self._classified:
            self._classified[phrase] = next(
                (cue for cue in self.cues if cue.pattern.fullmatch(phrase.strip())), None)
        return self._classified[phrase]


def _body(pattern: str) -> str:
    """The pattern up to a word end; `WORD_START` opens it."""
    return rf"(?:{pattern})(?![\w-])"


def _bounded(pattern: str) -> re.Pattern[str]:
    # Word boundaries that also refuse hyphen joins ("non-likely" is not "likely").
    return re.compile(WORD_START + _body(pattern), re.IGNORECASE)


def _fail(reason: str, fix: str) -> ConfigError:
    return ConfigError(reason, subject="vocabulary hedges.yaml", fix=fix)


def _build(data: dict[str, Any]) -> Lexicon:
    raw_bands = data.get("bands")
    if not isinstance(raw_bands, dict) or not raw_bands:
        raise _fail("no `bands` mapping", "list the ICD 203 bands with [low, high] fractions")
    bands: dict[str, tuple[float, float]] = {}
    for name, interval in raw_bands.items():
        if (not isinstance(interval, list) or len(interval) != 2
                or not all(isinstance(x, (int, float)) for x in interval)
                or not 0 <= interval[0] <= interval[1] <= 1):
            raise _fail(f"band {name!r} must be [low, high] with 0 <= low <= high <= 1",
                        f"correct the interval of {name!r}")
        bands[str(name)] = (float(interval[0]), float(interval[1]))
    kinds = set(data.get("kinds") or [])
    if not kinds:
        raise _fail("no `kinds` list", "list the hedge kinds the cues may use")
    cues: list[Cue] = []
    for entry in data.get("cues") or []:
        if not isinstance(entry, dict) or "pattern" not in entry:
            raise _fail(f"cue entry {entry!r} has no pattern", "give every cue a `pattern`")
        band = entry.get("band", UNCERTAIN)
        if band != UNCERTAIN and band not in bands:
            raise _fail(f"cue {entry['pattern']!r} names unknown band {band!r}",
                        f"use one of {', '.join(bands)} or {UNCERTAIN}")
        kind = entry.get("kind")
        if kind not in kinds:
            raise _fail(f"cue {entry['pattern']!r} has unknown kind {kind!r}",
                        f"use one of {', '.join(sorted(kinds))}")
        try:
            pattern = _bounded(str(entry["pattern"]))
        except re.error as exc:
            raise _fail(f"cue pattern {entry['pattern']!r} does not compile: {exc}",
                        "correct the regular expression") from exc
        tags = entry.get("tags")
        cues.append(Cue(pattern, str(entry["pattern"]), band, str(kind),
                        frozenset(tags) if tags else None, bool(entry.get("mention_guard", True))))
    if not cues:
        raise _fail("no `cues`", "list at least one hedge cue")
    exceptions = []
    for raw in data.get("exceptions") or []:
        try:
            exceptions.append(_bounded(str(raw)))
        except re.error as exc:
            raise _fail(f"exception pattern {raw!r} does not compile: {exc}",
                        "correct the regular expression") from exc
    words: dict[str, frozenset[str]] = {}
    for key in ("caveat_topics", "caveat_verbs", "caveat_quantifiers", "caveat_owners", "doubting_headings"):
        listed = data.get(key) or []
        if not isinstance(listed, list) or not all(isinstance(t, str) for t in listed):
            raise _fail(f"`{key}` must be a list of words", "write it as a YAML list of words")
        words[key] = frozenset(t.lower() for t in listed)
    return Lexicon(bands, tuple(cues), tuple(exceptions), **words)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The hedge lexicon, loaded and checked once per process."""
    return _build(load_vocab("hedges"))


def _quoted_mention(text: str, start: int, end: int) -> bool:
    """True when the cue stands alone in quotation marks, as a word being talked about."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(before) and before in QUOTES and bool(after) and after in QUOTES


def _first_token_tag(doc: Doc | None, start: int, end: int) -> str | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0].tag_


def find_cues(text: str, doc: Doc | None = None, lexicon: Lexicon | None = None) -> list[CueMatch]:
    """Every hedge cue in `text`, longest first where cues overlap, in text order.

    `doc` (the spaCy parse of `text`) lets cues restricted by part-of-speech tag
    ("may" the modal) be checked; without it such cues are skipped.
    """
    lexicon = lexicon or load_lexicon()
    blocked: list[tuple[int, int]] = []
    for pattern in lexicon.exceptions:
        blocked.extend((m.start(), m.end()) for m in pattern.finditer(text))
    found: list[CueMatch] = []
    bodies = tuple(_body(cue.source) for cue in lexicon.cues)  # `cue.pattern`, found in one pass
    for cue, spans in zip(lexicon.cues, word_start_spans(bodies, text)):
        for start, end in spans:
            while end > start and text[end - 1].isspace():
                end -= 1  # patterns ending in an optional word may leave a space behind
            if any(b_start <= start and end <= b_end for b_start, b_end in blocked):
                continue
            if cue.mention_guard and _quoted_mention(text, start, end):
                continue
            if cue.tags is not None and _first_token_tag(doc, start, end) not in cue.tags:
                continue
            found.append(CueMatch(start, end, cue))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[CueMatch] = []
    for candidate in found:
        if any(candidate.start < k.end and k.start < candidate.end for k in kept):
            continue
        kept.append(candidate)
    kept.sort(key=lambda m: m.start)
    return kept
