"""Transcript speaker labels as names: "MAJ. GEN. PAK:" is Pak, "TKACHUK (Iryna Tkachuk, State
Border Guard Service):" is Iryna Tkachuk.

Used by `coref.resolve_sources` to name a source span that is a transcript's label; must not find
attributions nor decide whether a line is a transcript turn (`lines` does).
"""

from __future__ import annotations

import re

from claimgraph.extract.attributions.vocabulary import cues

__all__ = ["bracketed_name", "label_name"]

_ROLE_LABEL = re.compile(r"^\s*THE [A-Z][A-Z ’'-]+\(\s*([A-Z][A-Z. ’'-]+?)\s*(?:\)|$)")
_BRACKETED_LABEL = re.compile(r"^\s*([A-Z][A-Z'’-]+)\s*\(\s*([^,()]+?)\s*(?:[,)]|$)")


def bracketed_name(written: str) -> str | None:
    """ "TKACHUK (Iryna Tkachuk, State Border Guard Service)": a transcript's label in capitals
    with the speaker's full name first in brackets; the full name when it holds the label. "THE
    CHAIRPERSON (HON. PAUL KIMANI NDEGWA)": a role in capitals with the holder's name in capitals
    in brackets; that name."""
    held = _ROLE_LABEL.match(written)
    if held is not None:
        return label_name(held.group(1))
    match = _BRACKETED_LABEL.match(written)
    if match is None:
        return None
    words = match.group(2).split()
    folded = [w.casefold().replace("’", "'") for w in words]
    label = match.group(1).casefold().replace("’", "'")
    if label not in folded:
        return None
    last = folded.index(label)
    first = last  # the capitalised words before it ("UNHCR spokesperson Eliza Morrow": Eliza Morrow)
    while first > 0 and words[first - 1][:1].isupper() and not words[first - 1].isupper():
        first -= 1
    return " ".join(words[first:last + 1])


def label_name(written: str) -> str | None:
    """A transcript speaker label in capitals ("MAJ. GEN. PAK", "MR. LEE") as a name: the
    words after the titles, in title case ("Pak"); None for anything else."""
    words = written.split()
    if len(words) < 2 or not written.isupper() or not any(c.isalpha() for c in written):
        return None
    titles = cues().titles
    kept = [w for w in words if w.strip(".,:").lower() not in titles]
    if not kept or len(kept) == len(words):
        return None
    return " ".join(w.strip(".,:").title() for w in kept)
