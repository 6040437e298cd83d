"""The one shape every extractor has, and the registry that orders them.

An extractor is a named, versioned component. It reads a `Context` (the
document's text, its metadata and the shared spaCy parse) and appends records
to the `Extraction` built so far; later extractors may read what earlier ones
found (figures use attributions and hedges). Extractors never touch the ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

from spacy.tokens import Doc

from claimgraph.model import Extraction


@dataclass
class Context:
    """One document as extractors see it."""

    text: str
    publisher: str | None = None
    published: date | None = None
    language: str | None = "en"
    title: str | None = None
    parsed: Doc | None = field(default=None, repr=False)

    @cached_property
    def doc(self) -> Doc:
        """The spaCy parse of `text`, made on first use unless given."""
        if self.parsed is not None:
            return self.parsed
        from claimgraph.extract.nlp import load_nlp

        return load_nlp()(self.text)


class Extractor(Protocol):
    name: str
    version: str

    def extract(self, ctx: Context, found: Extraction) -> None:
        """Append this extractor's records for `ctx` to `found`."""


# Extractors run in this order; each may read what the ones before it found.
ORDER = ("entities", "attributions", "hedges", "figures", "events", "items")

_REGISTRY: dict[str, Callable[[], Extractor]] = {}


def register(name: str) -> Callable[[Callable[[], Extractor]], Callable[[], Extractor]]:
    """Register a factory that builds the extractor called `name`."""

    def wrap(factory: Callable[[], Extractor]) -> Callable[[], Extractor]:
        _REGISTRY[name] = factory
        return factory

    return wrap


def registered() -> dict[str, Callable[[], Extractor]]:
    import claimgraph.extract.registry  # noqa: F401  (imports every extractor module)

    return dict(_REGISTRY)
