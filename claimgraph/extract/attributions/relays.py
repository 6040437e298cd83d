"""Rules for sources that pass an account on: outlets a speaker talked to and briefers.

"X told Reuters", "Speaking to The Herald, X said", "in an interview published by NHK"
make the outlet a relay between the publisher and the speaker; "X, who spoke after the
agency briefed lawmakers, said" and "after a briefing by the agency" make the agency the
origin of what X says; "ISW cited a milblogger who claimed" makes ISW relay the
milblogger. Also here: what a trailing cue's statement runs on into ("..., it said, with
only one hitting a house"). A mixin of
the rule finder (`rules.Finder`), kept apart to keep that module small; it reads the
parse only through the finder's helpers and must not resolve names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from claimgraph.extract.attributions.rules import Cues, Draft

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def _rules():  # type: ignore[no-untyped-def]
    """The rules module, imported late: it imports this mixin."""
    from claimgraph.extract.attributions import rules

    return rules


class RelayRules:
    """Outlet relays and briefing sources for the drafts the verb rule makes."""

    doc: Doc
    cues: Cues
    drafts: list[Draft]
    by_token: dict[int, Draft]

    def cue_span(self, verb: Token) -> tuple[int, int]:
        raise NotImplementedError

    def _add(self, draft: Draft, token: Token | None = None) -> Draft:
        raise NotImplementedError

    def cue_class(self, token: Token) -> str | None:
        raise NotImplementedError

    def source_tokens(self, subject: Token) -> set[int]:
        raise NotImplementedError

    def _agent_of_noun(self, noun: Token) -> Token | None:
        """The named agent of a reporting noun: "a briefing by the NIS", "the findings of
        Defence Intelligence", "an estimate from the ministry". Only names count: "in view of
        the fact" has no agent."""
        for prep in noun.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("by", "of", "from"):
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
                                    or any(t.pos_ == "PROPN" for t in obj.subtree)):
                return obj
        return None

    def _continuation(self, verb: Token) -> set[int]:
        """What a statement runs on into after its trailing cue: "..., the JCS said, as output
        has risen to 3 million", "..., it said, with only one hitting a house", "..., the
        governor said, bringing the total to 85". Phrases holding a cue of their own
        ("adding that ...") are statements of their own."""
        doc = self.doc
        tokens: set[int] = set()
        for child in verb.rights:
            if child.dep_ not in ("prep", "advcl", "advmod", "npadvmod", "dep", "acl", "xcomp", "conj"):
                continue
            first = doc[child.left_edge.i]
            if child.left_edge.i == 0 or doc[child.left_edge.i - 1].text != "," \
                    or first.lower_ not in self.cues.continuation_words:
                continue
            if any(t.i != verb.i and (self.cue_class(t) is not None or t.lemma_.lower() in self.cues.relay)
                   for t in child.subtree):
                continue
            tokens |= {t.i for t in child.subtree}
        return tokens

    def _relay_speaker(self, verb: Token, subject: Token, draft: Draft) -> None:
        """"ISW cited one prominent milblogger who claimed ...": the subject is a source in its
        own right, relaying the cited one. The subject gets the cue; the cited source becomes a
        link under it anchored at its name, like an outlet relay."""
        rules = _rules()
        source = rules._span(self.doc, self.source_tokens(subject))
        if source is None or draft.source is None:
            self._add(draft, verb)
            return
        speaker = rules.Draft(cue=draft.cue, source=source, content=list(draft.content),
                              kind="indirect", source_head=subject.i, cue_token=verb.i)
        self._add(speaker, verb)
        draft.cue, draft.show_cue, draft.parent = draft.source, False, speaker
        self.drafts.append(draft)

    def _briefing(self, verb: Token, subject: Token | None, draft: Draft) -> None:
        """"Lee, who spoke after the NIS briefed parliament, said ...", "Lee said, after the NIS
        briefed lawmakers, that ...": the briefer is where the speaker's account comes from."""
        places = [c for c in verb.children if c.dep_ == "advcl"]
        if subject is not None:
            places += [c for c in subject.children if c.dep_ in ("relcl", "acl")]
        for place in places:
            for token in place.subtree:
                if token.lemma_.lower() not in self.cues.briefing_verbs or token.pos_ != "VERB" \
                        or token.i in self.by_token or token == verb:
                    continue
                briefer = next((c for c in token.children if c.dep_ == "nsubj"
                                and c.lower_ not in RELATIVE_PRONOUNS and c.pos_ != "PRON"), None)
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                if briefer is None and agent is not None:
                    briefer = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if briefer is None:
                    continue
                source = _rules()._span(self.doc, _rules()._subtree(briefer))
                if source is None:
                    continue
                self._add(_rules().Draft(cue=self.cue_span(token), source=source, content=list(draft.content),
                                kind=draft.kind, source_head=briefer.i, cue_token=token.i, parent=draft,
                                mirror=draft, conduit=True), token)
                return

    def _outlet_relay(self, verb: Token, draft: Draft) -> None:
        """"X told Reuters", "speaking to The Herald, X said", "in an interview with NHK, X said":
        the outlet is a relay between the publisher and X.

        The relay has no reporting words of its own (the cue is the speaker's), so its
        record carries no cue span; `cue` only anchors it at the outlet's name.
        """
        outlet = self._outlet_of(verb)
        if outlet is None:
            return
        spoken = set()
        if draft.source is not None:
            spoken = {t.i for t in self.doc.char_span(*draft.source, alignment_mode="expand") or []}
        span = next((f for f in _rules().fragments(self.doc, _rules()._subtree(outlet) - spoken, quotes_too=True)
                     if f[0] <= outlet.idx < f[1]), None)
        if span is None:
            return
        draft.content = [(s, e) for s, e in draft.content if e <= span[0] or s >= span[1]]
        relay = _rules().Draft(cue=span, source=span, content=list(draft.content), kind=draft.kind,
                      source_head=outlet.i, relay=True, mirror=draft, show_cue=False, outlet=True)
        self.drafts.append(relay)
        draft.parent = relay

    def _outlet_of(self, verb: Token) -> Token | None:
        """The outlet a speaker addressed with this cue, if the sentence names one."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        fronted = [c for c in subject.children if c.dep_ == "prep" and c.i < subject.i] if subject else []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell" and self._is_agency(child):
                return child
        for child in [*verb.children, *fronted]:
            # "Speaking to X, ...", "talking to X": a participle clause on the cue.
            if child.dep_ == "advcl" and child.lemma_.lower() in self.cues.addressing_verbs:
                for prep in child.children:
                    if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "with"):
                        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if obj is not None and self._is_agency(obj):
                            return obj
            # "in an interview with X", "in remarks to X"
            if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is None or noun.lemma_.lower() not in self.cues.addressing_nouns:
                    continue
                for prep in noun.children:
                    if prep.dep_ == "acl":  # "in an interview published by X"
                        prep = next((c for c in prep.children if c.dep_ == "agent"), prep)
                    if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "with", "by"):
                        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if obj is not None and self._is_agency(obj):
                            return obj
        return None

    def _is_agency(self, token: Token) -> bool:
        phrase = self.doc[token.left_edge.i:token.right_edge.i + 1]
        text = phrase.text.strip()
        if any(text == name or text == f"the {name}" for name in self.cues.agencies):
            return True
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.cues.media_nouns:
            # "the newspaper", "the US outlet The War Zone": a news outlet by its role noun.
            return any(t.dep_ == "det" and t.lower_ in ("the", "this") for t in token.children) \
                or any(t.pos_ == "PROPN" for t in phrase)
        return token.pos_ == "PROPN" and any(t.pos_ == "PROPN" and t.lower_ in self.cues.outlet_words
                                             for t in phrase)
