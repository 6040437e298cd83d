"""Quotation marks: where direct quotes begin and end in raw text.

Finds top-level quotes in every common style ("", “”, «», „“, ‘’, ``'') and joins
a quote that runs on into the next paragraph, which by convention opens with a
quote mark and leaves the previous paragraph unclosed. Works on characters only;
it must not look at the parse or decide who is speaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Opening mark -> closing marks accepted for it.
PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", "“"),
    "«": ("»",),
    "„": ("“", "”"),
    '"': ('"', "”"),
    "‘": ("’",),
    "``": ("''",),
    "‹": ("›",),
    "「": ("」",),
}
OPENERS = sorted(PAIRS, key=len, reverse=True)
QUOTE_CHARS = "\"“”«»„‘’‹›「」`'"
_CANDIDATE = re.compile("|".join(re.escape(mark) for mark in OPENERS))


@dataclass
class QuoteGroup:
    """One quotation: one segment per paragraph it spans, each with its marks."""

    segments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def words(self, text: str) -> int:
        return sum(len(text[s:e].split()) for s, e in self.segments)


def _opener_at(text: str, i: int) -> str | None:
    for mark in OPENERS:
        if text.startswith(mark, i):
            if mark == "‘" and i > 0 and text[i - 1].isalnum():
                return None
            if mark == '"' and i + 1 < len(text) and text[i + 1].isspace() and i > 0 \
                    and not text[i - 1].isspace():
                return None  # a straight mark after a word and before a space closes, never opens
            return mark
    return None


def _closer_at(text: str, i: int, opener: str) -> str | None:
    for mark in PAIRS[opener]:
        if text.startswith(mark, i):
            if mark == "’" and i + 1 < len(text) and text[i + 1].isalpha():
                return None  # an apostrophe inside a word ("don’t")
            if mark == "“" and opener == "“" and not _ends_word(text, i):
                return None  # a second opening mark, not a closer written the wrong way
            return mark
    return None


def _ends_word(text: str, i: int) -> bool:
    after = text[i + 1:i + 2]
    return after == "" or not after.isalnum()


def _paragraph_end(text: str, i: int) -> int:
    """Index of the next line break at or after i (the end of the paragraph), or len(text)."""
    found = text.find("\n", i)
    return len(text) if found < 0 else found


def find_quotes(text: str) -> list[QuoteGroup]:
    """Every top-level quotation in `text`, in order, with multi-paragraph ones joined."""
    groups: list[QuoteGroup] = []
    i = 0
    n = len(text)
    while i < n:
        candidate = _CANDIDATE.search(text, i)
        if candidate is None:
            break
        i = candidate.start()
        opener = _opener_at(text, i)
        if opener is None:
            i += 1
            continue
        group = QuoteGroup()
        seg_start = i
        j = i + len(opener)
        closed = False
        while j < n:
            if text[j] == "\n":
                # An unclosed quote whose next paragraph opens with the same mark runs on.
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text.startswith(opener, k) and j > seg_start + len(opener):
                    seg_end = j
                    while seg_end > seg_start and text[seg_end - 1].isspace():
                        seg_end -= 1
                    group.segments.append((seg_start, seg_end))
                    seg_start = k
                    j = k + len(opener)
                    continue
                break
            closer = _closer_at(text, j, opener)
            if closer is not None and j > seg_start + len(opener) - 1:
                group.segments.append((seg_start, j + len(closer)))
                j += len(closer)
                closed = True
                break
            j += 1
        if closed:
            groups.append(group)
            i = j
        else:
            i += len(opener)  # an unmatched mark: not a quotation
    return groups
