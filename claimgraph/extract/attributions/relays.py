"""Rules for sources that pass an account on: outlets a speaker talked to, briefers, wires.

"X told Reuters", "Speaking to The Herald, X said", "in an interview published by NHK",
"X, who gave the newspaper only his first name, said" make the outlet a relay between the
publisher and the speaker; a lead such as "..., The Herald reported, citing troops who
took part" makes The Herald the relay of the cited people the article later quotes ("a
soldier ... said"); "X, who spoke after the agency briefed lawmakers, said" and "after a
briefing by the agency" make the agency the origin of what X says; "ISW cited a milblogger
who claimed" makes ISW relay the milblogger; a dateline credit "(AFP)" relays the whole
article; "X quoted Y as saying" nests Y under X, "Citing Y, X said" does the same, and "a
report cited by X" makes X the carrier of the report. Also here, for trailing cues: the speaker named after one ('"...," stated Vlad')
and what the statement runs on into ("..., it said, with only one hitting a house"). A
mixin of the rule finder (`rules.Finder`), kept apart to keep that module small; it reads the
parse only through the finder's helpers and must not resolve names.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.drafts import (
    RELATIVE_PRONOUNS,
    Draft,
    fragments,
    source_span,
    subtree,
    token_end,
    trailing_participle,
)
from claimgraph.extract.attributions.lines import NOTE_LINE, outside_notes
from claimgraph.extract.attributions.naming import issued_document, issuing_participle
from claimgraph.extract.nlp import text_of, token_strings

if TYPE_CHECKING:
    from claimgraph.extract.attributions.vocabulary import Cues

# "SEOUL (AFP) —", "GAZA CITY, Jan 5 (Reuters) -", "KYIV, Ukraine, March 3, 2025 (AP) —"
_DATELINE = re.compile(r"^[^\S\n]*[A-Z][A-Za-z0-9 .,'’-]{1,60}?\s*\(([A-Za-z][\w .&-]{1,40})\)\s*[-—–:]+\s*",
                       re.MULTILINE)
# A credit the lexicon does not list is still a wire's when it is an abbreviation ("(CNA)",
# "(PNA)") after a place written in capitals, as datelines are: "BAWKU, Ghana, March 9 (CNA) --"
_CREDIT_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_DATELINE_PLACE = re.compile(r"[^\S\n]*[A-Z]{3,}(?:[ -][A-Z]{2,})*\b")


def _credited_abbreviation(name: str, before: str) -> bool:
    """Whether a dateline's parenthesised `name` is an agency's abbreviation although the
    lexicon does not list it: capitals only, after a place in capitals ("BAWKU, Ghana (CNA)")."""
    return bool(_CREDIT_ABBREVIATION.fullmatch(name)) and bool(_DATELINE_PLACE.match(before))


# A header saying the article is a translation: "[Translation of an item published in Portuguese by
# the state-owned daily Notícias, Maputo, ...]", "Translated by our desk from a TASS report."
_TRANSLATION = re.compile(r"^[^\S\n]*\[?[^\S\n]*(?:(?:An?|Unofficial|English|Full)[^\S\n]+)?(?:[Tt]ranslation|Translated)\b[^\n]*",
                          re.MULTILINE)
# Who published what was translated: "published in Portuguese by the daily Notícias"
# ("The item below appeared in the state-owned daily X on Monday": the outlet it appeared in)
_TRANSLATED_OUTLET = re.compile(
    r"(?:\b(?:published|broadcast|aired|carried|issued|released|posted|run|printed)\b[^\n\]]{0,60}?\bby"
    r"|\bappeared[^\S\n]+(?:first[^\S\n]+)?in"
    # "The communiqué was posted on the Ministry of Defence's website": whose site carried it
    r"|\b(?:posted|published|carried|released)[^\S\n]+on(?=[^\n\]]{2,80}?['’]s[^\S\n]+(?:website|site|page|account|channel)\b)"
    # "Translated from the Russian-language service of the state news agency X": the outlet's kind
    # before its name
    r"|\bfrom\b[^\n\]]{0,60}?\b(?:news[^\S\n]+agency|agency|daily|newspaper|weekly|broadcaster|channel))[^\S\n]+"
    r"(?:the[^\S\n]+)?([^\n\],;]{2,80}?)(?=['’]s[^\S\n]+(?:website|site|page|account|channel)\b|,|;|\.[^\S\n]|\.?\]"
    r"|[^\S\n]+(?:on|in|at|and)[^\S\n]|\.?$)")
QUOTE_CLOSERS = {'"', "”", "»", "’", "''", "“", "›", "」"}


class RelayRules:
    """Outlet relays and briefing sources for the drafts the verb rule makes."""

    doc: Doc
    text: str
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

    def _cut(self, draft: Draft, tokens: set[int]) -> None:
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

    def inverted_subject(self, verb: Token) -> Token | None:
        """The speaker named after a trailing cue: '"...," said the minister', '"...," stated
        Vlad, adding ...', '..., wrote the agency'. The parse often takes the noun phrase for the
        verb's object; it is the subject when the cue has no subject of its own, follows a comma,
        dash or closing quote after what was said, and the phrase starts right after it."""
        doc = self.doc
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.lemma_.lower() in self.cues.addressee_verbs or any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and c.i < verb.i for c in verb.children):
            return None
        start, end = self.cue_span(verb)
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None or first.start < verb.sent.start + 3:
            return None  # nothing said before the cue in its sentence
        before = doc[first.start - 1]
        if before.text not in (",", "—", "–", "--") and before.text not in QUOTE_CLOSERS:
            return None
        said_before = any(c.i < verb.i and c.dep_ in ("ccomp", "parataxis") for c in verb.children) or (
            verb.dep_ in ("parataxis", "ccomp", "dep") and verb.head.i < verb.i)
        if not said_before:
            return None
        last = first.start - 1
        while last > verb.sent.start and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if doc[last] in verb.subtree and not any(
                c.i < verb.i and c.dep_ in ("ccomp", "parataxis") and doc[last] in c.subtree for c in verb.children):
            return None  # the words before the cue are not what was said
        after = first.end
        while after < len(doc) and doc[after].dep_ == "advmod" and doc[after].head == verb:
            after += 1  # '," said also the mayor' is rare, '," said later the mayor' rarer: cheap to allow
        speaker = next((c for c in verb.children if c.i >= after and c.left_edge.i == after
                        and c.dep_ in ("dobj", "nsubj", "attr", "dative", "oprd", "appos")), None)
        if speaker is None or speaker.pos_ not in ("NOUN", "PROPN") or speaker.ent_type_ in ("DATE", "TIME"):
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children) \
                or any(t.lower_ == "that" and t.dep_ == "mark" for t in doc[speaker.right_edge.i + 1:
                                                                           speaker.right_edge.i + 2]):
            return None  # '..., told the minister that ...': the phrase is the audience
        return speaker

    def dateline_rule(self) -> None:
        """"SEOUL (AFP) —": the wire service relays the whole article."""
        head = self.text[:600]
        for match in _DATELINE.finditer(head):
            name = match.group(1).strip()
            if not any(name == a or name.lower() == a.lower() for a in self.cues.agencies) \
                    and not _credited_abbreviation(name, self.text[match.start():match.start(1)]):
                continue
            if self.text[match.start():match.start(1) - 1].strip().lower() in self.cues.question_labels:
                continue  # "QUESTION (Suspilne):" is a transcript's asking side, not a dateline
            start = match.end()
            end = len(self.text.rstrip())
            if start >= end:
                return
            paren = match.start(1) - 1
            cue = (paren, match.end(1) + 1)
            self._content_from(start)  # the dateline is nobody's content
            # The credit has no reporting words: the record shows the agency as the source only.
            self.drafts.append(Draft(cue=cue, source=(match.start(1), match.end(1)),
                                     content=[(start, end)], kind="according_to", relay=True,
                                     show_cue=False))
            return

    def translation_rule(self) -> None:
        """"[Translation of an item published by the daily Notícias ...]", "Translated by our desk
        from a TASS report": the outlet translated relays the whole article, except the
        translator's notes in square brackets. The outlet is a news outlet the header names,
        else whoever published or carried the item; a translator ("by our desk") is none."""
        header = _TRANSLATION.search(self.text[:400])
        if header is None:
            return
        source = self._translated_outlet(header.start(), header.end())
        if source is None:
            return
        start = header.end() + 1
        end = len(self.text.rstrip())
        desk_note = NOTE_LINE.search(self.text, start)
        if desk_note is not None:  # "Note from the Desk: ...": the publisher's own words after the item
            end = len(self.text[:desk_note.start()].rstrip())
        content = outside_notes(self.text, start, end)
        if not content:
            return
        self._content_from(start)  # the header is nobody's content
        word = re.search(r"[Tt]ranslat\w+", self.text[header.start():header.end()])
        cue = (header.start() + word.start(), header.start() + word.end())  # no reporting words
        self.drafts.append(Draft(cue=cue, source=source, content=content, kind="according_to",
                                 relay=True, show_cue=False))

    def _content_from(self, start: int) -> None:
        """Cut every draft's content to what lies from `start` on: a dateline or a translation
        header above it is no one's statement."""
        for other in self.drafts:
            other.content = [(max(s, start), e) for s, e in other.content if e > start]

    def _translated_outlet(self, start: int, end: int) -> tuple[int, int] | None:
        line = self.text[start:end]
        known = [m for name in self.cues.agencies
                 for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line)]
        if known:
            first = min(known, key=lambda m: (m.start(), -len(m.group())))
            return start + first.start(), start + first.end()
        carried = _TRANSLATED_OUTLET.search(line)
        if carried is None or not any(w[:1].isupper() for w in carried.group(1).split()):
            return None
        return start + carried.start(1), start + carried.end(1)

    def _paragraph_number(self, offset: int) -> int:
        """How many non-empty lines come before the one holding `offset` (0 for the first)."""
        cached = self.__dict__.get("_line_index")
        if cached is None:  # line starts, once per document
            text, starts, position = text_of(self.doc), [], 0
            for line in text.split("\n"):
                if line.strip():
                    starts.append(position)
                position += len(line) + 1
            cached = self.__dict__["_line_index"] = (text, starts)
        text, starts = cached
        line_start = text.rfind("\n", 0, offset) + 1
        return bisect.bisect_left(starts, line_start)

    def lead_relays(self) -> None:
        """"Special forces recovered notebooks, The Herald reported, citing troops who took part":
        the lead makes the article a re-report of an outlet. A speaker the article later
        introduces as one of the people the outlet cited ("a soldier", "one official") talks
        through that outlet, so each of their statements that no one else reports gets the
        outlet as a relay, like "X told The Herald"; `discourse` spreads it to the same
        speaker's other statements."""
        doc = self.doc
        lead = next((d for d in sorted(self.drafts, key=lambda d: d.cue)
                     if d.show_cue and not d.relay and d.parent is None and d.cue_token is not None
                     and d.source_head is not None and self.cue_class(doc[d.cue_token]) == "speech"
                     and self._paragraph_number(d.cue[0]) <= 1), None)
        if lead is None or lead.source is None or lead.source_head is None \
                or not self._is_agency(doc[lead.source_head]):
            return
        cited = [doc[d.source_head] for d in self.drafts if d.parent is lead and d.relay
                 and d.source_head is not None and d.cue_token is not None
                 and doc[d.cue_token].lemma_.lower() in self.cues.relay]
        members: set[str] = set()
        for group in cited:
            lemma = group.lemma_.lower()
            members |= {lemma} | set(self.cues.group_members.get(lemma, ()))
        if not members:
            return
        lead_paragraph = self._paragraph_number(lead.cue[0])
        for draft in list(self.drafts):
            if draft.parent is not None or draft.relay or not draft.show_cue or draft.source_head is None \
                    or draft.kind in ("sourceless", "plan") or draft.cue[0] <= lead.cue[0] \
                    or self._paragraph_number(draft.cue[0]) == lead_paragraph:
                continue
            speaker = doc[draft.source_head]
            if speaker.pos_ != "NOUN" or speaker.lemma_.lower() not in members:
                continue
            relay = Draft(cue=lead.source, source=lead.source, content=list(draft.content),
                                   kind=draft.kind, source_head=lead.source_head, relay=True, mirror=draft,
                                   show_cue=False, outlet=True)
            self.drafts.append(relay)
            draft.parent = relay

    def fronted_citing_rule(self) -> None:
        """"Citing Ukraine's General Staff, the think tank said ...": a sentence that opens with
        a relay participle names the source the speaker passes on. The small parser often reads
        the capitalised participle as a proper noun and the phrase as the sentence's root, so the
        phrase is read from the words: up to the first comma, then a speaker the verb rule found."""
        doc = self.doc
        for sentence in doc.sents:
            first = sentence[0]
            stem = first.lower_[:-3] if first.lower_.endswith("ing") else ""
            if not stem or not {stem, stem + "e"} & self.cues.relay or first.i in self.by_token:
                continue
            # the parse may close a sentence before the comma
            comma = next((t for t in doc[first.i + 1:min(first.i + 14, len(doc))] if t.text == ","), None)
            if comma is None or comma.i - first.i < 2 or comma.i - first.i > 12:
                continue
            phrase = doc[first.i + 1:comma.i]
            if not any(t.pos_ in ("NOUN", "PROPN") for t in phrase) \
                    or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in phrase):
                continue
            clause = doc[comma.i + 1].sent if comma.i + 1 < len(doc) else sentence
            outer = next((d for d in sorted(self.drafts, key=lambda d: d.cue)
                          if not d.relay and d.parent is None and d.source is not None
                          and d.source[0] >= comma.idx and d.cue_token is not None
                          and doc[d.cue_token].sent in (sentence, clause)), None)
            if outer is None:
                continue
            source = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
            self._cut(outer, set(range(first.i, comma.i + 1)))
            relay = Draft(cue=(first.idx, first.idx + len(first.text)), source=source,
                                   content=list(outer.content), kind=outer.kind, source_head=phrase.root.i,
                                   cue_token=first.i, relay=True, parent=outer, mirror=outer)
            self._add(relay, first)

    def _cut(self, draft: Draft, tokens: set[int]) -> None:
        raise NotImplementedError

    def _relay_speaker(self, verb: Token, subject: Token, draft: Draft) -> None:
        """"ISW cited one prominent milblogger who claimed ...": the subject is a source in its
        own right, relaying the cited one. The subject gets the cue; the cited source becomes a
        link under it anchored at its name, like an outlet relay."""
        source = source_span(self.doc, self.source_tokens(subject))
        if source is None or draft.source is None:
            self._add(draft, verb)
            return
        speaker = Draft(cue=draft.cue, source=source, content=list(draft.content),
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
                source = source_span(self.doc, subtree(briefer))
                if source is None:
                    continue
                self._add(Draft(cue=self.cue_span(token), source=source, content=list(draft.content),
                                kind=draft.kind, source_head=briefer.i, cue_token=token.i, parent=draft,
                                mirror=draft, conduit=True), token)
                return

    def _outlet_relay(self, verb: Token, draft: Draft, subject: Token | None = None) -> None:
        """"X told Reuters", "speaking to The Herald, X said", "in an interview with NHK, X said",
        "X, who gave the newspaper only his first name, said": the outlet is a relay between the
        publisher and X.

        The relay has no reporting words of its own (the cue is the speaker's), so its
        record carries no cue span; `cue` only anchors it at the outlet's name.
        """
        outlet = self._outlet_of(verb)
        if outlet is None and trailing_participle(verb):
            # "X gave a higher toll in an interview with Radio Y, saying ...": the interview is the saying's
            outlet = self._outlet_of(verb.head)
        if outlet is None and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            # "confirmed the attack to the news site X but gave a lower toll": one addressee for both
            outlet = self._outlet_of(verb.head)
        described = False
        if outlet is None and subject is not None:
            outlet, described = self._outlet_in_description(subject), True
        if outlet is None:
            return
        spoken = set()
        if draft.source is not None and not described:
            spoken = {t.i for t in self.doc.char_span(*draft.source, alignment_mode="expand") or []}
        # (not the reported clause the parse hung on the outlet: "told the broadcaster that ...")
        # (nor "told the daily they had carried ...", with no conjunction: the clause the cue reports)
        reported = {t.i for g in outlet.children if g.dep_ == "relcl" and g.i > outlet.i
                    and (any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
                         or any(s <= g.idx < e for s, e in draft.content)) for t in g.subtree}
        span = next((f for f in fragments(self.doc, (subtree(outlet) | _parted_name(outlet)) - spoken - reported,
                                          quotes_too=True)
                     if f[0] <= outlet.idx < f[1]), None)
        if span is None:
            return
        draft.content = [(s, e) for s, e in draft.content if e <= span[0] or s >= span[1]]
        relay = Draft(cue=span, source=span, content=list(draft.content), kind=draft.kind,
                      source_head=outlet.i, relay=True, mirror=draft, show_cue=False, outlet=True)
        self.drafts.append(relay)
        draft.parent = relay

    def _outlet_of(self, verb: Token) -> Token | None:
        """The outlet a speaker addressed with this cue, if the sentence names one."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        fronted = [c for c in subject.children if c.dep_ == "prep" and c.i < subject.i] if subject else []
        for child in verb.children:
            # (an outlet the article introduced with a media noun before: "... the official told Rudaw")
            if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell" and (
                    self._is_agency(child) or child.pos_ == "PROPN" and child.text in self._introduced_outlets()):
                return child
            # "said to AFP that ...", "confirmed the attack to the news site X" (the parse may hang
            # the addressee on the object)
            for to in [child, *(child.children if child.dep_ == "dobj" else ())]:
                if to.dep_ in ("prep", "dative") and to.lower_ == "to":
                    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                    if obj is not None and self._is_agency(obj):
                        return obj
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

    def _outlet_in_description(self, subject: Token) -> Token | None:
        """The outlet a relative clause on the speaker says they talked to: "a nurse who spoke to
        the paper", "Petrov, who gave the broadcaster his name", "a medic, who was interviewed by
        the channel", "a driver who gave an interview to the Valley Times"."""
        for clause in subject.subtree:
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in self.cues.contact_verbs:
                continue
            heard: list[Token] = []
            for child in clause.children:
                if child.dep_ in ("dative", "dobj"):
                    heard.append(child)
                    holders = [child]  # "gave an interview to X": the audience hangs on the noun
                elif child.dep_ in ("prep", "agent") and child.lower_ in ("to", "with", "by"):
                    holders = [child]
                else:
                    continue
                for holder in holders:
                    for prep in [holder, *holder.children]:
                        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "with", "by"):
                            heard += [c for c in prep.children if c.dep_ == "pobj"]
            found = next((t for t in heard if self._is_agency(t)), None)
            if found is not None:
                return found
        return None

    def _is_agency(self, token: Token) -> bool:
        phrase = self.doc[token.left_edge.i:token.right_edge.i + 1]
        text = phrase.text.strip()
        if any(text == name or text == f"the {name}" for name in self.cues.agencies):
            return True
        if (token.pos_ == "NOUN" or token.pos_ == "ADJ" and token.dep_ in ("dobj", "dative", "pobj")) \
                and token.lemma_.lower() in self.cues.media_nouns:  # ("told the daily": ADJ)
            # "the newspaper", "the US outlet The War Zone": a news outlet by its role noun.
            return any(t.dep_ == "det" and t.lower_ in ("the", "this") for t in token.children) \
                or any(t.pos_ == "PROPN" for t in phrase)
        # "state broadcaster MRTV", "the Qatari channel Al Jazeera": a name introduced by a media noun
        # (or described by one after it: "Le Nouvelliste, the country's oldest daily")
        return token.pos_ == "PROPN" and any((t.pos_ == "PROPN" or t.text[:1].isupper())  # ("TV": NOUN)
                                             and t.lower_ in self.cues.outlet_words
                                             or t.lemma_.lower() in self.cues.media_nouns
                                             and (t.pos_ == "NOUN" and t.i < token.i
                                                  or t.dep_ == "appos" and t.head == token)  # ("daily": ADJ)
                                             for t in phrase)

    def _introduced_outlets(self) -> frozenset[str]:
        """Names the article introduces with a media noun ("the Erbil-based broadcaster Rudaw"), once
        per document."""
        cached = self.__dict__.get("_outlet_names")
        if cached is None:
            names = set()
            doc = self.doc
            for noun in doc:
                if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.cues.media_nouns:
                    continue
                end = noun.i + 1
                while end < len(doc) and doc[end].pos_ == "PROPN":
                    end += 1
                if end > noun.i + 1:
                    names.add(doc[noun.i + 1:end].text)
            cached = self.__dict__["_outlet_names"] = frozenset(names)
        return cached

    # -- where a figure came from, said after the figure

    def provenance_rule(self) -> None:
        """"The 500 figure came from Ukrainian sources, including the site Global Defense",
        "the figure was first reported by X", "that toll originated with X": the sentence names
        the origin of a number the article gives elsewhere. Every mention of that number gets a
        link to X (anchored at the mention, no cue span of its own); `discourse` puts the link
        in place of a vague source ("Claims are circulating that ...") or under a named one.
        Without a number in the sentence ("the figure came from X") the number is the one the
        sentence before gives, when it gives exactly one."""
        doc = self.doc
        figure_nouns = self.cues.figure_nouns
        # the words first (no Token object per token): a figure noun, subject of its verb
        for i, (pos, lemma, dep) in enumerate(zip(token_strings(doc, "POS"), token_strings(doc, "LEMMA", lower=True),
                                                  token_strings(doc, "DEP"))):
            if pos != "NOUN" or lemma not in figure_nouns or dep not in ("nsubj", "nsubjpass"):
                continue
            noun = doc[i]
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
                continue
            origin = self._provenance_origin(noun.head)
            if origin is None:
                continue
            values = {v for c in noun.children if c.like_num and (v := _number_value(c)) is not None}
            if not values:
                values = self._numbers_before(noun.sent)
            if len(values) != 1:
                continue
            source = self._origin_span(origin)
            for token in doc:
                if token.like_num and _number_value(token) in values and not self._in_number_phrase(token):
                    mention = self._number_span(token)
                    self.drafts.append(Draft(
                        cue=mention, source=source, content=[mention], source_head=origin.i,
                        show_cue=False, provenance=True))

    def _provenance_origin(self, verb: Token) -> Token | None:
        """X in "came from X", "originated with X", "was (first) reported by X"."""
        lemma = verb.lemma_.lower()
        preps: list[Token] = []
        if lemma in self.cues.provenance_verbs:
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.cues.provenance_prepositions]
            preps += [g for c in verb.children if c.dep_ == "advmod" for g in c.children
                      if g.dep_ == "prep" and g.lower_ in self.cues.provenance_prepositions]  # "back to"
        elif lemma in self.cues.provenance_reporting_verbs and any(c.dep_ == "auxpass" for c in verb.children):
            preps = [c for c in verb.children if c.dep_ == "agent"]
        objects = [c for p in preps for c in p.children if c.dep_ == "pobj"]
        if not objects or objects[0].tag_ in ("WRB", "WP", "WDT"):
            return None  # "Where did the number come from?": a question, no origin
        origin = objects[0]
        if origin.pos_ == "PROPN" or origin.ent_type_ in ("ORG", "PERSON"):
            return origin
        # "Ukrainian sources, including the military news site Global Defense": the named one.
        for prep in origin.children:
            if prep.dep_ == "prep" and prep.lower_ in self.cues.including_words:
                for named in prep.subtree:
                    if named.pos_ == "PROPN" and named.dep_ != "compound":
                        return named
        return origin

    def _origin_span(self, origin: Token) -> tuple[int, int]:
        """The origin's words without its relative clauses, appositions and asides."""
        cut = {t.i for c in origin.children if c.dep_ in ("relcl", "acl", "punct", "appos", "prep", "cc", "conj")
               for t in c.subtree}
        words = [t for t in origin.subtree if t.i not in cut]
        return words[0].idx, words[-1].idx + len(words[-1].text)

    def _numbers_before(self, sentence: Any) -> set[float]:
        previous = sentence.start - 1
        if previous < 0:
            return set()
        before = self.doc[previous].sent
        return {v for t in before if t.like_num and (v := _number_value(t)) is not None}

    def _in_number_phrase(self, token: Token) -> bool:
        """A number inside another ("1,000" read as parts, a date): only whole counts are mentions."""
        return token.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY")

    def _number_span(self, token: Token) -> tuple[int, int]:
        """The number with the words that qualify it ("some 500", "at least 300")."""
        start = token.idx
        for child in token.children:
            if child.i < token.i and child.dep_ in ("quantmod", "advmod"):
                start = min(start, child.left_edge.idx)
        return start, token.idx + len(token.text)

    def _quoted_as_saying(self, verb: Token) -> bool:
        """"Yonhap quoted a government official as saying that ...": the subject passes on what
        its object said; two drafts, the object's (cue "as saying") under the subject's."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        clause = None
        if as_ is None:
            # "quoted the agency, which ..., as saying between 10 and 15 remain": the parse may make
            # "as" the marker of what was said, and "saying" hang on "as"
            clause = next((c for c in verb.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in c.children)), None)
            as_ = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "as"), None) if clause else None
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS or obj is None or as_ is None \
                or not subject.i < obj.i < as_.i:
            return False
        saying = next((c for c in as_.children if c.dep_ == "pcomp" and self.cue_class(c) == "speech"), None)
        outer_source = source_span(self.doc, self.source_tokens(subject))
        inner_source = source_span(self.doc, self.source_tokens(obj))
        if saying is None or outer_source is None or inner_source is None:
            return False
        if clause is not None:
            said = set(subtree(clause)) - {as_.i, saying.i}
        else:
            said = {i for i in subtree(saying) if i > saying.i} - {c.i for c in saying.children if c.dep_ == "mark"}
        first = subject.left_edge.i
        if not said and first > verb.sent.start and self.doc[first - 1].text == ",":
            # "..., Yoon quoted the agency as saying.": what was said comes before
            said = {i for i in range(verb.sent.start, first - 1) if not self.doc[i].is_space}
        content = fragments(self.doc, said)
        if not content:
            return False
        outer = self._add(Draft(cue=self.cue_span(verb), source=outer_source, content=content,
                                source_head=subject.i, cue_token=verb.i, quoter=True), verb)
        self._add(Draft(cue=(as_.idx, token_end(saying)), source=inner_source, content=list(content),
                        source_head=obj.i, cue_token=saying.i, parent=outer), saying)
        return True

    def _carried_by(self, verb: Token, draft: Draft) -> None:
        """"JNIM claimed in a message relayed by the SITE Intelligence Group that ...", "... claimed
        it through its Amaq news agency": the carrier of the message stands between the publisher
        and the speaker."""
        if draft.parent is not None:
            return
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "via", "through"):
                continue
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            carried = self._cited_by(noun) if noun is not None else None
            if carried is None:
                continue
            self._under_carrier(draft, carried)
            return
        # "IS Sahel claimed the attack through its Amaq news agency, saying ...": an outlet the
        # claim went out through (the parse may hang the phrase on the object, and "saying" on the claim)
        for claim in (verb, verb.head) if trailing_participle(verb) else (verb,):
            holders = [claim, *(c for c in claim.children if c.dep_ == "dobj")]
            for prep in (c for h in holders for c in h.children):
                if prep.dep_ != "prep" or prep.lower_ not in ("via", "through"):
                    continue
                outlet = next((c for c in prep.children if c.dep_ == "pobj"
                               and c.lemma_.lower() in self.cues.media_nouns), None)
                if outlet is not None:
                    self._under_carrier(draft, (prep, prep, outlet))
                    claimed = self.by_token.get(claim.i)
                    if claimed is not None and claimed is not draft:  # the claim itself went out that way too
                        self._cut(claimed, set(subtree(prep)))
                        if claimed.parent is None:
                            claimed.parent = draft.parent
                    return

    def _under_carrier(self, draft: Draft, carried: tuple[Token, Token, Token]) -> None:
        """Put `draft` under a relay for the carrier `_cited_by` found ("cited by X", "relayed by X")."""
        participle, by, carrier = carried
        source = source_span(self.doc, self.source_tokens(carrier) | _parted_name(carrier))
        if source is not None:
            # (an outlet: what carried one statement carries the speaker's others, `discourse`)
            draft.parent = self._add(Draft(
                cue=(participle.idx, token_end(by)), source=source, content=list(draft.content),
                kind="according_to", source_head=carrier.i, cue_token=participle.i, relay=True,
                outlet=True), participle)

    def _cited_by(self, noun: Token) -> tuple[Token, Token, Token] | None:
        """(verb, "by", carrier) of "a UN report cited by Al Jazeera": who passed the source on; also
        (verb, "on", outlet) of "a statement read on the state broadcaster RTB". The participle may
        hang on the statement's issuer: "a statement by ISPR carried by APP"."""
        issuers = [o for p in noun.rights if p.dep_ == "prep" and p.lower_ in ("by", "from")
                   for o in p.children if o.dep_ == "pobj"]
        hung = {r.i for o in issuers for r in o.rights}  # (only a carrier there: "published by" names the issuer)
        # nor on a document: "figures published by the governor" are the governor's (`document_owner`)
        issued = issued_document(noun)
        for verb in [*noun.rights, *(r for o in issuers for r in o.rights)]:
            if verb.dep_ != "acl" or verb.tag_ != "VBN":
                continue
            lemma = verb.lemma_.lower()
            if lemma in self.cues.relay_participles and (
                    lemma in self.cues.carrying_participles
                    or verb.i not in hung and not (issued and issuing_participle(verb))):
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                carrier = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if agent is not None and carrier is not None:
                    return verb, agent, carrier
            if lemma in self.cues.airing_participles:
                on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "over")), None)
                outlet = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
                if on is not None and outlet is not None and self._is_agency(outlet):
                    return verb, on, outlet
        return None


def _parted_name(noun: Token) -> set[int]:
    """The name the parse parted from an outlet's common noun: "carried by the state news agency
    SANA" may hang "SANA" on the participle. Empty when there is none."""
    doc = noun.doc
    after = doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(doc) else None
    if noun.pos_ != "NOUN" or after is None or after.pos_ != "PROPN":
        return set()
    # (up to the verb: "confirmed the raid to the news site Kivu Morning" may hang the name there)
    near = after.head.i in (noun.i, noun.head.i, noun.head.head.i, noun.head.head.head.i) \
        and after.dep_ in ("oprd", "appos", "npadvmod", "dobj")
    # (or left unattached, "dep" on whatever, right before a comma: "... news agency SONNA, it said")
    loose = after.dep_ == "dep" and not after.n_lefts and after.right_edge.i + 1 < len(doc) \
        and doc[after.right_edge.i + 1].is_punct
    return subtree(after) if near or loose else set()


def _number_value(token: Token) -> float | None:
    text = token.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None
