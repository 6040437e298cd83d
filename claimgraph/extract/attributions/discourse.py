"""Relations that reach past one sentence: the outlet a speaker talked to, and the source a
speaker passes on.

Once an article says "Lee told The Korea Herald ...", the outlet relays Lee's other
statements in it too, before or after that sentence; once it says "Sudans Post quoted Koang as
saying ...", a later "Koang was quoted as saying ..." was quoted by Sudans Post too; once it says "according to the NIS,
as relayed by Lee" or "Lee said, after the NIS briefed lawmakers, ...", the NIS is where
Lee's other statements come from. This module copies such links onto every statement of
the same resolved speaker, as links without a cue span of their own (the words that set
up the relation are elsewhere). It also puts in place the links a later sentence makes by
naming where a figure came from ("the 500 figure came from X", found by
`relays.RelayRules.provenance_rule`): X replaces a vague source of the mention ("Claims are
circulating that ...") and is nested under a named one. It works on drafts and resolved names
only: it must not parse text or find attributions.
"""

from __future__ import annotations

from dataclasses import replace

from claimgraph.extract.attributions.drafts import Draft
from claimgraph.extract.attributions.vocabulary import cues

__all__ = ["place_provenance", "spread_links"]


# Characters after "a statement carried by AIB" (or "the directorate told the Guardian") within which
# the same speaker's next statements ("The ministry put the losses at ...", "it added") are read as
# the same statement, carried too.
CARRIED_REACH = 500


def _described(name: str) -> bool:
    """A speaker known by a description, not a name: "intelligence directorate", "Colombian army"."""
    return name.split()[-1][:1].islower()


def _plural_description(name: str) -> bool:
    """ "US officials", "local sources": several people described, never one speaker."""
    last = name.split()[-1]
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def _speaker_links(drafts: list[Draft], names: list[str | None]) -> tuple[
        dict[str, tuple[Draft, str | None]], dict[str, tuple[Draft, str | None]],
        dict[str, tuple[Draft, str | None]]]:
    """Per speaker name: the first outlet relaying them, the first source they pass on, and the
    first source that quoted them ("Sudans Post quoted X as saying")."""
    name_of = {id(d): n for d, n in zip(drafts, names)}
    outlets: dict[str, tuple[Draft, str | None]] = {}
    informants: dict[str, tuple[Draft, str | None]] = {}
    quoters: dict[str, tuple[Draft, str | None]] = {}
    carriers: dict[str, tuple[Draft, str | None]] = {}  # who quoted or cited them, where no outlet did
    for draft in drafts:
        if draft.parent is None:
            continue
        speaker = name_of.get(id(draft))
        if draft.parent.quoter and speaker and speaker not in quoters:
            quoters[speaker] = (draft.parent, name_of.get(id(draft.parent)))
        # (one that quoted or cited the speaker carries what the speaker says next, "The radio
        # quoted X as saying ... . ..., he said.", "The Herald, citing an official, reported ... .
        # The official said ...", as an outlet told does: within `CARRIED_REACH`)
        # (cited: only someone known by a description, "a UN official in Goma"; a body cited by
        # name, "citing the agency", speaks elsewhere in its own right)
        cited = draft.relay and draft.show_cue and draft.mirror is draft.parent and bool(speaker) \
            and any(word[:1].islower() for word in (speaker or "").split())
        if (draft.parent.outlet or draft.parent.quoter or cited) and draft.kind != "sourceless":
            speaker = name_of.get(id(draft))
            # (never a speaker described in the plural: "two US officials told CBS News" says nothing
            # of what other US officials said elsewhere in the article)
            found = carriers if draft.parent.quoter or cited else outlets
            if speaker and speaker not in found and not _plural_description(speaker):
                found[speaker] = (draft.parent, name_of.get(id(draft.parent)))
        if draft.conduit:
            speaker = name_of.get(id(draft.parent))
            if speaker and speaker not in informants and name_of.get(id(draft)) not in (None, speaker):
                informants[speaker] = (draft, name_of.get(id(draft)))
    for speaker, carrier in carriers.items():
        outlets.setdefault(speaker, carrier)  # (an outlet told speaks for the whole article: it comes first)
    return outlets, informants, quoters


def spread_links(drafts: list[Draft], names: list[str | None]) -> tuple[list[Draft], list[str | None]]:
    """The drafts and names with outlet relays and informants copied to the same speaker's
    other statements. Only statements that no one else reports (top level, or under a wire
    credit) get an outlet; statements get an informant only when they have no inner source."""
    place_provenance(drafts, names)
    outlets, informants, quoters = _speaker_links(drafts, names)
    if not outlets and not informants and not quoters:
        return drafts, names
    out_drafts, out_names = list(drafts), list(names)
    has_inner = {id(d.parent) for d in drafts if d.parent is not None and d.kind != "sourceless"}
    for draft, name in zip(drafts, names):
        if not name or draft.outlet or draft.kind == "sourceless" or not draft.show_cue:
            continue
        quoter = quoters.get(name) if draft.quoted and draft.parent is None else None
        if quoter is not None and quoter[0].cue[1] <= draft.cue[0]:
            # "Koang was quoted as saying ...": by whoever quoted Koang before
            relay = replace(quoter[0], content=list(draft.content), kind="according_to", parent=None,
                            mirror=None, show_cue=False, cue_token=None, quoter=False, relay=True)
            draft.parent = relay
            out_drafts.append(relay)
            out_names.append(quoter[1])
            continue
        outlet = outlets.get(name)
        if outlet is not None and (outlet[0].show_cue or _described(name)) \
                and not 0 < draft.cue[0] - outlet[0].cue[1] < CARRIED_REACH:
            # what carried a statement, or the outlet a speaker known only by a description spoke
            # to, relays only what follows closely ("the army" further on may be another statement)
            outlet = None
        if outlet is not None and outlet[0] is not draft.parent and (
                draft.parent is None or (draft.parent.relay and not draft.parent.show_cue
                                         and not draft.parent.outlet)):
            relay = replace(outlet[0], content=list(draft.content), kind=draft.kind,
                            parent=draft.parent, mirror=None, show_cue=False, cue_token=None)
            draft.parent = relay
            out_drafts.append(relay)
            out_names.append(outlet[1])
        informant = informants.get(name)
        if informant is not None and id(draft) not in has_inner:
            link = replace(informant[0], content=list(draft.content), kind=draft.kind, parent=draft,
                           mirror=None, show_cue=False, cue_token=None)
            out_drafts.append(link)
            out_names.append(informant[1])
    return out_drafts, out_names


def _vague(name: str | None) -> bool:
    return name is None or name.casefold().strip(" .,'’") in cues().vague_sources


def place_provenance(drafts: list[Draft], names: list[str | None]) -> None:
    """Hang each provenance link (see module docstring) where it belongs: in place of the vague
    or same-named sources around its mention, under the first named one."""
    name_of = {id(d): n for d, n in zip(drafts, names)}
    for draft, name in zip(drafts, names):
        if not draft.provenance:
            continue
        parent = draft.parent
        while parent is not None and (parent.provenance or _vague(name_of.get(id(parent)))
                                      or (name_of.get(id(parent)) or "").casefold() == (name or "").casefold()):
            parent = parent.parent
        draft.parent = parent
