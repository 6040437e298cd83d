"""The inventory vocabulary (`model/vocab/items.yaml`), compiled and checked once.

Cues that introduce or close a list of recovered items, number words, origin
phrases and the item kinds trusted after a bare verb. Data only: the items
extractor does the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.errors import ConfigError
from claimgraph.model.vocab import load_vocab

VOCAB = "items"


@dataclass(frozen=True)
class Inventory:
    list_after: tuple[re.Pattern[str], ...]
    list_before: tuple[re.Pattern[str], ...]
    list_verbs: frozenset[str]
    not_items: frozenset[str]
    kinds: frozenset[str]
    plural_only: frozenset[str]
    numbers: dict[str, float | None]  # lower-case phrase -> quantity (None: vague)
    origins: tuple[re.Pattern[str], ...]

    def number_phrases(self) -> list[str]:
        """Number phrases, longest first, so "a dozen" wins over "a"."""
        return sorted(self.numbers, key=lambda p: len(p.split()), reverse=True)


def _fail(reason: str) -> ConfigError:
    return ConfigError(reason, subject=f"vocab/{VOCAB}.yaml",
                       fix="follow the shape described at the top of the file")


def _patterns(data: dict[str, object], key: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    sources = data.get(key) or []
    if not isinstance(sources, list):
        raise _fail(f"`{key}` must be a list of regular expressions")
    compiled = []
    for source in sources:
        try:
            compiled.append(re.compile(str(source), flags))
        except re.error as exc:
            raise _fail(f"bad regular expression in `{key}` {str(source)[:60]!r}: {exc}") from exc
    return tuple(compiled)


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    words = data.get(key) or []
    if not isinstance(words, list):
        raise _fail(f"`{key}` must be a list of words")
    return frozenset(str(w).lower() for w in words)


@lru_cache(maxsize=1)
def load_inventory() -> Inventory:
    data = load_vocab(VOCAB)
    raw_numbers = data.get("numbers") or {}
    if not isinstance(raw_numbers, dict):
        raise _fail("`numbers` must map number words to quantities")
    numbers: dict[str, float | None] = {}
    for word, value in raw_numbers.items():
        if value is not None and not isinstance(value, (int, float)):
            raise _fail(f"quantity for {word!r} must be a number or null")
        numbers[str(word).lower()] = float(value) if value is not None else None
    origins = _patterns(data, "origins", flags=0)  # case matters: origins are proper names
    if any("origin" not in p.groupindex for p in origins):
        raise _fail("every pattern under `origins` needs a group named `origin`")
    return Inventory(
        list_after=_patterns(data, "list_after"),
        list_before=_patterns(data, "list_before"),
        list_verbs=_words(data, "list_verbs"),
        not_items=_words(data, "not_items"),
        kinds=_words(data, "kinds"),
        plural_only=_words(data, "plural_only"),
        numbers=numbers,
        origins=origins,
    )
