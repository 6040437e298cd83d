"""`Draft`: one attribution in the making, and the span and parse helpers every rule shares.

A draft holds character offsets (cue, source, content), its kind and its links (parent, the
draft it mirrors, the outlet or conduit it passes through); `fragments`, `subtree` and
`source_span` turn sets of tokens into its spans; `link_parents` nests drafts by content.
Shared by the rule finder (`rules`) and its mixins (`lines`, `relays`, `speakers`, `phrases`)
and read by the resolver and the extractor. Must not find attributions nor resolve names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.attributions.quotes import QUOTE_CHARS
from claimgraph.extract.nlp import RELATIVE_PRONOUNS

__all__ = ["CONTRAST_MARKS", "RELATIVE_PRONOUNS", "SUBJECTS", "Draft", "fragments", "link_parents",
           "phrase_before_preposition", "source_span", "subtree", "summary", "token_end", "trailing_participle"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


@dataclass(eq=False)
class Draft:
    """One attribution in the making: character spans, kind and links, no key yet."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    kind: str = "indirect"
    origin: str = "rules"
    confidence: float | None = None
    source_head: int | None = None  # token index of the source's head, for coref
    antecedent: int | None = None  # token a relative-pronoun source stands for
    parent: Draft | None = None
    cue_token: int | None = None
    inherits_from: Draft | None = None  # shares the subject of this draft ("... and added")
    relay: bool = False
    mirror: Draft | None = None  # content is this draft's content (a relay or frame of the same clause)
    # A link with no reporting words of its own ("told Reuters", a dateline credit): `cue`
    # only anchors it in the text and the record gets no cue span.
    show_cue: bool = True
    outlet: bool = False  # the source is a news outlet the speaker talked to ("told Reuters")
    quoter: bool = False  # "X quoted Y as saying": X passes Y's words on (the draft of X)
    quoted: bool = False  # "Y was quoted as saying", no quoter named: whoever quoted Y before (`discourse`)
    conduit: bool = False  # the speaker of the parent passes this source's account on (a briefing)
    # Set by a later sentence naming where a figure came from ("the 500 figure came from X"):
    # `content` is one mention of that figure elsewhere (see relays.RelayRules.provenance_rule).
    provenance: bool = False


def token_end(token: Token) -> int:
    return token.idx + len(token)  # the length of its text, without making the string


def _is_edge_punct(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text not in QUOTE_CHARS and token.text not in "\"“”«»„‘’")


def fragments(doc: Doc, indices: Iterable[int], quotes_too: bool = False) -> list[tuple[int, int]]:
    """Contiguous runs of the given tokens as character spans, edge punctuation trimmed.

    Quote marks stay at the edges of content (PolNeAR keeps them) unless `quotes_too`.
    """
    def edge(token: Token) -> bool:
        return _is_edge_punct(token) or (quotes_too and token.is_punct)

    chosen = sorted(set(indices))
    runs: list[list[int]] = []
    for i in chosen:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans = []
    for run in runs:
        while run and edge(doc[run[0]]):
            run.pop(0)
        while run and (edge(doc[run[-1]]) or doc[run[-1]].dep_ == "cc"):
            run.pop()
        if run and quotes_too and run[-1] + 1 < len(doc) and doc[run[-1] + 1].text == ")" \
                and any(doc[i].text == "(" for i in run) and run[-1] + 1 in set(chosen):
            run.append(run[-1] + 1)  # keep the bracket of "Service (NIS)"
        if run:
            spans.append((doc[run[0]].idx, token_end(doc[run[-1]])))
    return spans


def subtree(token: Token, without: Iterable[Token] = ()) -> set[int]:
    cut: set[int] = set()
    for t in without:
        cut.update(x.i for x in t.subtree)
    return {t.i for t in token.subtree} - cut


def source_span(doc: Doc, indices: set[int]) -> tuple[int, int] | None:
    """One span from the first to the last of the tokens, for sources (no edge punctuation)."""
    spans = fragments(doc, indices, quotes_too=True)
    if not spans:
        return None
    return spans[0][0], spans[-1][1]


def trailing_participle(verb: Token) -> bool:
    """ "X published a post claiming that ...", "X gave a toll in an interview, saying ...": a
    participle clause after the verb it hangs on, which speaks for that verb's subject."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i


def link_parents(drafts: list[Draft]) -> None:
    """Nest each draft under the draft whose content holds its cue (innermost first).

    Parents set by a rule (relays, "X told Reuters") are kept; a parent is never
    a descendant of its child.
    """
    for draft in drafts:
        if draft.parent is not None:
            continue
        best: tuple[tuple[int, int], Draft] | None = None
        for other in drafts:
            if other is draft or other.inherits_from is draft:
                continue
            for start, end in other.content:
                if start <= draft.cue[0] and draft.cue[1] <= end:
                    # the speaker before its relay; of two with the same content, the inner one
                    # ("..., Yoon quoted the agency as saying": the agency)
                    size = (end - start, 0 if other.show_cue else 1, -_depth(other))
                    if best is None or size < best[0]:
                        best = (size, other)
        if best is not None and not _descends(best[1], draft):
            draft.parent = best[1]


def _depth(draft: Draft) -> int:
    """How many parents a rule gave `draft` (0 for a top-level draft)."""
    depth, node = 0, draft.parent
    while node is not None and depth < 50:
        depth, node = depth + 1, node.parent
    return depth


def _descends(candidate: Draft, ancestor: Draft) -> bool:
    node: Draft | None = candidate
    seen = 0
    while node is not None and seen < 50:
        if node is ancestor:
            return True
        node, seen = node.parent, seen + 1
    return False


def summary(drafts: list[Draft], text: str) -> list[dict[str, Any]]:
    """Drafts as plain dicts (for debugging and tests)."""
    return [{"cue": text[d.cue[0]:d.cue[1]], "source": text[d.source[0]:d.source[1]] if d.source else None,
             "content": [text[s:e] for s, e in d.content], "kind": d.kind} for d in drafts]


def phrase_before_preposition(noun: Token, stop: int) -> SpacySpan:
    """The words of `noun`'s phrase from its left edge up to the first preposition, punctuation
    mark or conjunction, and before token `stop`: "the UN sanctions monitoring team" of "by the UN
    sanctions monitoring team in its report" (the parse may hang "team" on "monitoring" and the
    report on the team)."""
    doc = noun.doc
    last = noun.left_edge.i
    while last + 1 < stop and doc[last + 1].pos_ not in ("ADP", "PUNCT", "CCONJ"):
        last += 1
    return doc[noun.left_edge.i:last + 1]
