"""What the figure-mechanism test files share: run the extractors on one of our own sentences,
check every figure's offsets, and index the figures by their text."""

from __future__ import annotations

from datetime import date

from claimgraph.extract.base import Context
from claimgraph.extract.pipeline import run
from claimgraph.model import Extraction, Figure


def extract_figures(text: str, extractors: list, published: date, publisher: str = "Test Wire") -> Extraction:
    found = run(Context(text=text, publisher=publisher, published=published), extractors)
    for figure in found.figures:
        assert text[figure.start:figure.end] == figure.text
    return found


def by_text(found: Extraction) -> dict[str, Figure]:
    return {figure.text: figure for figure in found.figures}


def only(found: Extraction) -> Figure:
    assert len(found.figures) == 1, [f.text for f in found.figures]
    return found.figures[0]


HARBOUR_POST_DATE = date(2025, 6, 3)


def in_harbour_post(text: str, extractors: list) -> Extraction:
    """`extract_figures` for a report of the (invented) Harbour Post dated 3 June 2025."""
    return extract_figures(text, extractors, HARBOUR_POST_DATE, "Harbour Post")
