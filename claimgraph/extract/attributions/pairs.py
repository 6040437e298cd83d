"""Two sources in one sentence, each for its own clause.

"Fighting drove 20,000 people from their homes, the UN agency said, and at least 40
civilians have been killed, according to a local monitor": the rules give "according to"
the whole sentence and nest "said" inside it, so both counts get a two-level chain. Here
the speaker set between the clauses keeps the clause before it, and "according to" keeps
the clause after the ", and". Likewise "The ministry said 45 people were killed, although
the mayor gave a lower toll of 30": the concession is the mayor's own account, not part of
what the ministry said. This module only re-cuts content spans of drafts the rules found; it
must not find cues or name sources.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.extract.attributions.drafts import Draft
from claimgraph.extract.attributions.vocabulary import cues

__all__ = ["cut_concessions", "lift_as_quoted_relays", "lift_trailing_relays", "split_trailing_pairs"]

# subordinators that set a second source's account against the first one's
_CONCESSIVE = frozenset({"although", "though", "whereas"})

# what joins the two clauses after the first source: ", and", ", while", ", but"
_JOIN = re.compile(r"\s*,\s*(?:and|while|but|whereas)\s+")
_EDGE = " ,;:—–-"


def _according(draft: Draft, text: str) -> bool:
    words = tuple(text[draft.cue[0]:draft.cue[1]].lower().split())
    return any(words[:len(phrase)] == phrase for phrase in cues().according_to)


def _trimmed(start: int, end: int, text: str) -> tuple[int, int] | None:
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    while start < end and text[start] in _EDGE:
        start += 1
    return (start, end) if end > start else None


def split_trailing_pairs(drafts: list[Draft], text: str) -> None:
    """Re-cut the contents of a trailing "according to" and a speaker inside it that is
    followed by ", and" plus a clause of its own (in place)."""
    for outer in drafts:
        if not outer.content or not _according(outer, text):
            continue
        first, last = min(s for s, _ in outer.content), max(e for _, e in outer.content)
        if last > outer.cue[0]:
            continue  # "according to" must follow what it sources
        for inner in drafts:
            if inner is outer or not inner.show_cue or inner.source is None or inner.relay:
                continue
            low = min(inner.cue[0], inner.source[0])
            high = max(inner.cue[1], inner.source[1])
            join = _JOIN.match(text, high)
            if not (first < low and high < last) or join is None or join.end() >= last:
                continue
            before = [piece for s, e in inner.content if s < low
                      for piece in [_trimmed(max(s, first), min(e, low), text)] if piece]
            after = [piece for s, e in outer.content if e > join.end()
                     for piece in [_trimmed(max(s, join.end()), e, text)] if piece]
            if not before or not after:
                continue
            inner.content, outer.content = before, after
            if inner.parent is outer:
                inner.parent = None
            if outer.parent is inner:
                outer.parent = None
            break


def lift_trailing_relays(drafts: list[Draft], text: str) -> None:
    """ "The army said its air defences shot down five drones during the night that followed, AFP
    added": the parse may hang the trailing "AFP added" inside the first speaker's content; the
    content ends before it, and the trailing speaker passes the whole statement on (in place)."""
    for inner in drafts:
        if not inner.show_cue or not inner.content or inner.kind != "indirect":
            continue  # (a speaker named inside a quotation speaks inside it)
        for outer in drafts:
            if outer is inner or not outer.show_cue or outer.source is None or outer.source[0] > outer.cue[0]:
                continue
            hit = next(((s, e) for s, e in inner.content if s < outer.source[0] and outer.cue[1] <= e), None)
            if hit is None or hit[0] < inner.cue[1] or text[outer.cue[1]:hit[1]].strip(" ,.") \
                    or not text[:outer.source[0]].rstrip().endswith(","):
                continue
            comma = text.rfind(",", hit[0], outer.source[0])
            cut = _trimmed(hit[0], comma, text) if comma > hit[0] else None
            if not cut or cut[1] <= cut[0]:
                continue
            inner.content = [cut if (s, e) == hit else (s, e) for s, e in inner.content]
            start = min([inner.cue[0]] + ([inner.source[0]] if inner.source else []))
            outer.content, outer.mirror = [(start, cut[1])], None
            inner.parent = outer
            if outer.parent is inner:
                outer.parent = None
            break


def lift_as_quoted_relays(drafts: list[Draft], text: str) -> None:
    """ "The ministry said, as quoted by the state news agency TASS, that ...": the relay phrase
    between a speaker's cue and what was said passes the speaker's statement on; it is no part of
    the statement (in place)."""
    for relay in drafts:
        if not relay.relay or relay.kind != "according_to" or not relay.show_cue \
                or not text[relay.cue[0]:relay.cue[1]].lower().startswith("as "):
            continue
        for speaker in drafts:
            if speaker is relay or not speaker.show_cue or not speaker.content or speaker.parent is not None:
                continue
            first = min(speaker.content)
            if first[0] != relay.cue[0] or text[speaker.cue[1]:first[0]].strip(" ,"):
                continue  # the phrase must open the content, right after the cue
            end = relay.source[1] if relay.source else relay.cue[1]
            rest = _trimmed(end, first[1], text)
            if not rest:
                continue
            speaker.content = [rest if span == first else span for span in speaker.content]
            relay.content, relay.parent = list(speaker.content), None
            speaker.parent = relay
            break


_COUNT = re.compile(r"\d")


def _counts(spans: list[tuple[int, int]], text: str) -> bool:
    return any(_COUNT.search(text, start, end) for start, end in spans)


def cut_concessions(drafts: list[Draft], doc: Doc, text: str) -> None:
    """End a content before a concessive clause whose subject is a source with a reporting
    verb of its own ("..., although the mayor gave a lower toll of 30"), in place, when both
    give a count (PolNeAR keeps other concessions inside the first content)."""
    for inner in drafts:
        if not inner.show_cue or inner.source is None or inner.relay:
            continue
        cue = doc.char_span(*inner.cue, alignment_mode="expand")
        if cue is None or len(cue) == 0:
            continue
        verb = cue.root
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in _CONCESSIVE), None)
        if verb.dep_ != "advcl" or mark is None or not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.idx <= inner.source[0] <= c.idx
                for c in verb.children):
            continue
        for outer in drafts:
            if outer is inner or not outer.show_cue or outer.relay \
                    or not any(s <= mark.idx < e for s, e in outer.content):
                continue  # a dateline credit or relay carries the whole text, concessions too
            kept = [piece for s, e in outer.content if s < mark.idx
                    for piece in [_trimmed(s, min(e, mark.idx), text)] if piece]
            if not kept or not _counts(kept, text) or not _counts(inner.content, text):
                continue  # two competing counts only: other concessions stay inside
            outer.content = kept
            if inner.parent is outer:
                inner.parent = None
