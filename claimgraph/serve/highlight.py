"""Cut a document's text into segments marked with the roles of the spans that cover them.

Spans overlap (an attribution's content holds a figure, a figure holds a
mention), so the text is cut at every span boundary and each piece carries the
set of roles and notes of all spans over it. Templates render the pieces; the
text itself is never turned into markup here, so escaping stays with Jinja2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

LOW_OCR_CONFIDENCE = 60.0


@dataclass
class Mark:
    start: int
    end: int
    role: str  # src, cue, content, fig, hedge, ent, event, item, ocr-low
    note: str
    anchor: str | None = None  # element id for the first piece, e.g. "figure-12"
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Piece:
    text: str
    start: int
    roles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{r}" for r in self.roles)

    @property
    def title(self) -> str:
        return "\n".join(self.notes)


def _interval(row: dict[str, Any]) -> str:
    low, high = row.get("value_low"), row.get("value_high")
    low_text = "?" if low is None else f"{low:g}"
    high_text = "∞" if high is None else f"{high:g}"
    return f"[{low_text}, {high_text}]"


def marks_for(statements: dict[str, list[dict[str, Any]]], pages: list[Any] | None = None) -> list[Mark]:
    """Marks for the active statements of one document (rows as `Ledger.statements` returns them)."""
    marks: list[Mark] = []
    for row in statements.get("attribution", []):
        if row["status"] != "active":
            continue
        source = row["source_name"] or row["source_text"] or "(no named source)"
        if row["source_start"] is not None:
            marks.append(Mark(row["source_start"], row["source_end"], "src", f"source: {source}",
                              f"source-{row['id']}"))
        if row["cue_start"] is not None:
            marks.append(Mark(row["cue_start"], row["cue_end"], "cue", f"cue ({row['kind']}) of {source}"))
        for span in (row["value"] or {}).get("content", []):
            marks.append(Mark(span["start"], span["end"], "content", f"content attributed to {source}"))
    for row in statements.get("figure", []):
        if row["status"] != "active":
            continue
        note = (f"figure {_interval(row)} {row['qualifier']} {row['category']}"
                f" — {row['subject'] or '?'}; as of {row['as_of'] or '?'}; origin {row['origin'] or '?'}")
        marks.append(Mark(row["start"], row["end"], "fig", note, f"figure-{row['id']}"))
    for row in statements.get("hedge", []):
        if row["status"] != "active":
            continue
        band = row["band"].replace("_", " ")
        if row["probability_low"] is not None:
            band += f" ({row['probability_low'] * 100:.0f}–{row['probability_high'] * 100:.0f} %)"
        marks.append(Mark(row["start"], row["end"], "hedge", f"hedge: ICD 203 {band}", f"hedge-{row['id']}"))
    for row in statements.get("mention", []):
        if row["status"] != "active":
            continue
        norm = f" = {row['normalized']}" if row["normalized"] and row["normalized"] != row["text"] else ""
        marks.append(Mark(row["start"], row["end"], "ent", f"{row['label']}{norm}"))
    for page in pages or []:
        for word in page.words:
            if word.confidence < LOW_OCR_CONFIDENCE:
                marks.append(Mark(word.start, word.end, "ocr-low", f"OCR confidence {word.confidence:.0f}"))
    return marks


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """The text cut at every mark boundary; each piece knows the marks over it."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    result: list[Piece] = []
    active: list[Mark] = []
    for a, b in pairwise(cuts):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = Piece(text[a:b], a)
        for m in sorted(active, key=lambda m: m.end - m.start):  # the most specific span speaks first
            if m.role not in piece.roles:
                piece.roles.append(m.role)
            if m.note not in piece.notes:
                piece.notes.append(m.note)
            if m.anchor and m.start == a:
                piece.anchors.append(m.anchor)
        result.append(piece)
    return result
