"""Reporting chains over the attributions of one extraction.

Other extractors (figures, events, hedges) ask here which attribution carries a
stretch of text and through which sources it reached the publisher. Chains are
read from `Attribution.parent_key` links that the attribution extractor sets;
this module only walks them and names each link (a first-person source is the
publisher itself, the publisher is no relay of itself, a pronoun source said
after the source it would carry does not embed it). It must not parse text or
touch the ledger, and
its three public signatures are relied on by other extractors: keep them stable.
"""

from __future__ import annotations

import re
from itertools import pairwise

from claimgraph.extract.attributions.names import pronoun_form, same_name
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.model import Attribution, Extraction

__all__ = ["FIRST_PERSON", "chain_links", "depth", "enclosing_attribution", "link_name", "self_reference", "source_chain"]


def _by_key(found: Extraction) -> dict[str, Attribution]:
    return {a.key: a for a in found.attributions}


def chain_links(found: Extraction, attribution: Attribution | None) -> list[Attribution]:
    """The attributions from the outermost one down to `attribution` (outermost first)."""
    if attribution is None:
        return []
    index = _by_key(found)
    links = [attribution]
    seen = {attribution.key}
    current = attribution
    while current.parent_key is not None and current.parent_key in index:
        current = index[current.parent_key]
        if current.key in seen:  # a cycle would be an extractor bug; stop rather than loop
            break
        seen.add(current.key)
        links.append(current)
    links.reverse()
    return links


def depth(found: Extraction, attribution: Attribution) -> int:
    """How many links the chain ending at `attribution` has (1 for a top-level one)."""
    return len(chain_links(found, attribution))


def link_name(attribution: Attribution) -> str | None:
    """The source name a chain shows for one link: resolved name, else the span as written.

    A plan ("Pyongyang intends to send 1,000 more troops") shows no name: its subject is the
    actor of the plan, not a source of the claim. The conflict-figures convention is that a
    figure belongs to whoever the article attributes it to, so an actor's intention reported
    without anyone cited is the outlet's (or the enclosing source's) claim; when someone is
    cited ("..., the NIS said") that enclosing link names them. PolNeAR still gets the plan
    as an attribution of its own.

    A first-person source left unresolved ("We assess", "according to our count") is the
    publisher speaking for itself: a report's own judgement has the chain [publisher]. Inside a
    quote coreference names the speaker instead, and that name is kept.
    """
    if attribution.kind in ("sourceless", "plan"):
        return None
    if _first_person(attribution):
        return None
    if attribution.source_name:
        return attribution.source_name
    if attribution.source is not None and attribution.source.text.strip():
        return attribution.source.text.strip()
    return None


# grammar words (a closed class): the first person, as subject, object or owner
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})  # words by which the publisher speaks of itself


# the article speaking of itself: "An earlier version of this story cited ...", "this report", "by
# this newspaper's count"; or
# of what it gathered: "according to information we have received", "reports our team collected"
_SELF_REFERENCE = re.compile(
    r"\bthis (?:story|article|report|page|update|newspaper|paper|site|website|publication|magazine"
    r"|newsletter|outlet|broadcaster|channel|station|programme|program|blog|digest)\b"
    r"|^(?:the )?(?:information|reports?|accounts?|testimon(?:y|ies)|details)(?: (?:that|which))? "
    r"(?:we|our \w+|I) (?:have |had )?(?:received|gathered|collected|obtained|heard)\b",
    re.IGNORECASE)


def self_reference(written: str) -> bool:
    """Whether a source is the publisher's own article ("an earlier version of this story")."""
    return bool(_SELF_REFERENCE.search(written))


def _first_person(attribution: Attribution) -> bool:
    """The source is written in the first person ("We", "our count") or is the article itself
    ("an earlier version of this story"), and coreference gave it no other name."""
    if attribution.source is None:
        return False
    written = attribution.source.text.strip()
    if self_reference(written):
        return True
    words = written.split()
    if not words or pronoun_form(words[0]) not in FIRST_PERSON:
        return False  # ("US Central Command" is no "us")
    if words[0].lower() in ("our", "my") and len(words) > 1:
        return True  # "our partners in Sange", "our correspondent": the publisher's own people
    return not attribution.source_name or attribution.source_name.strip() == written


def source_chain(found: Extraction, attribution: Attribution | None,
                 publisher: str | None) -> list[str]:
    """[publisher, outer source, ..., innermost source] for a statement carried by `attribution`.

    Sourceless links are skipped and a name repeated by consecutive links (the
    agency reports what the agency found) appears once.
    """
    chain: list[str] = [publisher] if publisher else []
    links = chain_links(found, attribution)
    for outer, link in pairwise(links):
        if _later_pronoun(outer, link):
            links = links[links.index(link):]  # what came before it cannot be the pronoun's words
    for link in links:
        name = link_name(link)
        if not name:
            continue
        if chain and _same_name(chain[-1], name):
            continue
        if publisher and (_is_publisher(name, publisher) or _publishers_own(name, publisher)):
            continue  # "told the Herald" in the Harbour Herald: the publisher is no relay of itself
        chain.append(name)
    return chain


# grammar words (a closed class): pronouns that point back at a source named before them
_BACK_PRONOUNS = frozenset({"it", "he", "she", "they", "its", "his", "her", "their"})


def _later_pronoun(outer: Attribution, inner: Attribution) -> bool:
    """ "UNMISS reported three deaths; it later added that ...": a pronoun source that comes
    after the source it would carry points back at it, and cannot embed what it said."""
    if outer.source is None or inner.source is None or outer.cue is None:
        return False
    # "The agency has learned that ..., he said": a trailing cue whose content all comes before it
    # does carry what it follows; "..., it added that ..." has words of its own after the cue
    own_words = any(part.start >= outer.cue.end for part in outer.content)
    if outer.source_name and inner.source_name and not _same_name(outer.source_name, inner.source_name):
        return False  # "Citing the Ombudsman's Office, she wrote": coreference named her, not the office
    return own_words and outer.source.text.strip().lower() in _BACK_PRONOUNS \
        and inner.source.start < outer.source.start


def _publishers_own(name: str, publisher: str) -> bool:
    """ "A Clarion tally of police media releases", "the Herald's count": a count, record or
    review the publisher names as its own (by a short form of its name) is the publisher speaking."""
    words = [w.casefold() for w in name.replace("’", "'").split()]
    if words[:1] in (["a"], ["an"], ["the"]):
        words = words[1:]
    full = _name_words(publisher)
    nouns = cues().figure_nouns | cues().document_nouns
    for size in range(1, len(full) + 1):
        owner = words[:size]
        if owner and owner[-1].endswith("'s"):
            owner = [*owner[:-1], owner[-1][:-2]]
        if owner == full[len(full) - size:] and words[size:size + 1] and words[size] in nouns:
            return True
    return False


def _is_publisher(name: str, publisher: str) -> bool:
    """The publisher by its name or a short form ending like it ("the Herald" for "Harbour
    Herald"); "Kyiv" is not "Kyiv Independent"."""
    words, full = _name_words(name), _name_words(publisher)
    return bool(words) and len(words) <= len(full) and full[len(full) - len(words):] == words


def _name_words(name: str) -> list[str]:
    """A name's words, case-folded, with straight apostrophes and without "the"."""
    return [w for w in name.casefold().replace("’", "'").split() if w != "the"]


def _same_name(left: str, right: str) -> bool:
    """The same source named twice in a row, also as an abbreviation and its name (a wire's
    dateline credit "(AFP)" and "told Agence France-Presse")."""
    return left.casefold().strip(" .,'’") == right.casefold().strip(" .,'’") or same_name(left, right)


def _contains(outer_start: int, outer_end: int, start: int, end: int) -> bool:
    return outer_start <= start and end <= outer_end and outer_start < outer_end


def enclosing_attribution(found: Extraction, start: int, end: int) -> Attribution | None:
    """The attribution that carries the text [start, end), or None when the author says it.

    First choice: the innermost attribution (deepest chain, then the shortest
    content fragment, then a rule's before the model's) one of whose content fragments
    contains the span. Else
    the smallest attribution whose whole extent (source, cue and content)
    contains it, which catches a figure that sits in the same clause as its
    "according to X" or trailing "..., X said" when the content was cut short.
    Sourceless attributions are kept: they tell a figure it is reported, and
    `source_chain` skips them.
    """
    best: tuple[int, int, bool] | None = None
    chosen: Attribution | None = None
    for attribution in found.attributions:
        for fragment in attribution.content:
            if _contains(fragment.start, fragment.end, start, end):
                # on a tie, a rule's attribution before one only the model found ("militants
                # attacked ..., killing 300, according to X": "according to", not "attacked")
                rank = (-depth(found, attribution), fragment.end - fragment.start,
                        attribution.confidence is not None)
                if best is None or rank < best:
                    best, chosen = rank, attribution
    if chosen is not None:
        return chosen
    smallest: Attribution | None = None
    for attribution in found.attributions:
        if attribution.cue is None or not _contains(attribution.start, attribution.end, start, end):
            continue
        if attribution.cue.start <= start < attribution.cue.end:
            continue  # the span is the cue itself, not something it carries
        if smallest is None or attribution.end - attribution.start < smallest.end - smallest.start:
            smallest = attribution
    return smallest
