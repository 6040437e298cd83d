"""Rule-based attribution finding over the spaCy dependency parse.

Each rule turns one construction into `Draft`s (character offsets, no keys yet):
verbs of saying, believing, planning and finding with their subject and clause;
"according to X" and "as reported by X"; noun frames ("in the agency's
assessment", "after a closed-door NIS briefing"); relays ("citing X", "which
quotes Y"); sourceless passives ("it is noted that", "X is expected to");
direct quotes with their speaker; wire credits in datelines. `drafts.link_parents`
then nests each draft under the one whose content holds its cue. Vocabulary
comes from `model/vocab/cues.yaml` through `vocabulary`; `Draft` and the span helpers are in
`drafts`; the relay rules live in `relays`, the recovery of speakers the parse misattached in
`speakers`, "according to X" and reporting nouns in `phrases`, and quotes with line-opening
speakers ("Name: ...") and the paragraph bounds of content in `lines` (mixins of `Finder`).
This module must not resolve names (that is `coref`) nor build records (that is the package's
extractor).
"""

from __future__ import annotations

import re
from functools import lru_cache

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
from claimgraph.extract.attributions.lines import LineRules
from claimgraph.extract.attributions.naming import issued_document, issuing_participle
from claimgraph.extract.attributions.phrases import PhraseRules
from claimgraph.extract.attributions.quotes import find_quotes
from claimgraph.extract.attributions.relays import RelayRules
from claimgraph.extract.attributions.speakers import SpeakerRules
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.nlp import HYPHENS, colon_between, text_of, token_strings
from claimgraph.model.vocab import load_vocab

# A transcript turn's upper-case label right before a word: "NADIM: " opening its line.
_TURN_OPENING = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z.'’ -]{1,40}:[^\S\n]*$")
# Small words inside names that the parse may take for verbs or prepositions ("Jornal do Vale")
_NAME_PARTICLES = frozenset({"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "van", "von"})
_TIME_STAMP = re.compile(r"\d{1,2}[:.]\d{2}")
DASHES = frozenset({"-", "—", "–", "|"})
NAMING_VERBS = {"identify", "name", "call", "describe"}  # "identified only as Ri": part of the source


# ---------------------------------------------------------------- the finder


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names and their abbreviations (the quantities vocabulary's list)."""
    return frozenset(str(m).lower().strip(".") for m in load_vocab("quantities").get("months") or [])


# Words before a value its valuation only approximates ("closer to 150", "nearer 70").
_APPROXIMATING = frozenset({"close", "closer", "near", "nearer", "nearly", "around", "about", "roughly",
                            "approximately", "almost"})


# LineRules first: it holds the real `paragraph` that SpeakerRules only declares
class Finder(LineRules, RelayRules, SpeakerRules, PhraseRules):
    """Runs the rules over one parsed document."""

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text
        self.cues = cues()
        self.quotes = find_quotes(text)
        self.drafts: list[Draft] = []
        self.by_token: dict[int, Draft] = {}
        self.valued: list[tuple[Draft, Token]] = []  # valuations whose "at" the parse hung lower

    # -- cue tokens

    def cue_class(self, token: Token) -> str | None:
        lemma = token.lemma_.lower()
        if lemma not in self.cues.cue_class_lemmas:
            return None  # no branch below gives such a lemma a class
        if token.pos_ not in ("VERB", "AUX") and not (token.tag_.startswith("VB")):
            return None
        if (lemma in self.cues.valuation or lemma in self.cues.revision_verbs) and self._valued_at(token) is not None:
            return "valuation"  # before speech: "put the toll at 300" is a figure, not a remark
        if lemma in self.cues.speech:
            return "speech"
        if lemma in self.cues.addressing_verbs and any(c.dep_ == "prep" and c.lower_ in ("of", "about")
                                                       for c in token.children):
            return "speech"  # "spoke of several hundred casualties"
        if lemma in self.cues.belief or lemma in self.cues.plan:
            return "belief"
        if lemma in self.cues.finding:
            return "finding"
        if self._counts(token):
            return "finding"  # "the office has counted at least 4,800 people killed"
        if lemma in self.cues.relay and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj"):
            return None  # "..., citing intelligence assessments": a relay, not the speaker's figure
        if lemma in self.cues.figure_verbs and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.cues.figure_nouns for c in token.children):
            return "valuation"
        return None

    def _counts(self, verb: Token) -> bool:
        """A counting verb with a counted object: "has counted at least 4,800 people killed";
        inside a reported clause only when a named body counted ("X said the National Security
        Service had counted 1,300"; "residents said they had counted 60 bodies" is theirs)."""
        if verb.lemma_.lower() not in self.cues.counting or not any(
                c.dep_ == "dobj" and (c.like_num or any(n.like_num and n.dep_ == "nummod" for n in c.children))
                for c in verb.children):
            return False
        if verb.dep_ not in ("ccomp", "xcomp"):
            return True
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ in ("ORG", "NORP")

    def _valued_at(self, verb: Token) -> Token | None:
        """The "at" of "put the losses at 200" when the verb has an object and "at" a number;
        the "to" of "raised its estimate of the dead to 310" (a revised figure noun)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects:
            return None
        if verb.lemma_.lower() in self.cues.revision_verbs:
            if not any(o.lemma_.lower() in self.cues.figure_nouns for o in objects):
                return None
            # (the parse may hang "to two" deeper: "revised down its count of soldiers held by
            # Ukraine to two, from three")
            return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                         and any(n.like_num for n in c.subtree)), None) or next(
                (t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "to" and t.i > verb.i
                 and any(n.like_num and n.head.i == t.i for n in t.children)), None)
        for t in verb.subtree:
            if t.lower_ in self.cues.valuation_prepositions and t.i > verb.i and t.dep_ == "prep" \
                    and any(n.like_num for n in t.subtree):
                return t  # "put the toll at 300", "put the death toll above 400"
        if verb.lemma_.lower() in self.cues.valuation:
            # "put the number of wounded closer to 150": the parse may hang the approximated value
            # inside the counted noun's phrase
            for obj in objects:
                if obj.lemma_.lower() not in self.cues.figure_nouns:
                    continue
                for n in obj.subtree:
                    if n.i > obj.i and n.like_num and n.i == obj.right_edge.i and any(
                            w.lower_ in _APPROXIMATING or w.tag_ in ("RBR", "JJR")
                            for w in verb.doc[max(obj.i + 1, n.i - 3):n.i]):
                        return n
        return None

    def cue_span(self, verb: Token) -> tuple[int, int]:
        """The verb with the auxiliaries, negation and cue adverbs right before it, and particles."""
        first = verb
        for left in reversed(list(verb.doc[max(0, verb.i - 4):verb.i])):
            if left.head == verb and left.dep_ in ("aux", "auxpass", "neg") or (
                    left.head == verb and left.dep_ == "advmod" and left.lower_ in self.cues.adverbs):
                first = left
            else:
                break
        last = verb
        for right in verb.doc[verb.i + 1:verb.i + 3]:
            if right.head == verb and right.dep_ == "prt":
                last = right
            else:
                break
        return first.idx, token_end(last)

    # -- subjects

    def subject_of(self, verb: Token) -> tuple[Token | None, Draft | None]:
        """The verb's subject, or one inherited from the cue it is coordinated with."""
        own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not c.is_punct]
        if own:
            nearest = min(own, key=lambda c: abs(c.i - verb.i))
            before = [c for c in own if c.i < nearest.i]
            closed = nearest.right_edge.text == "," or nearest.right_edge.i + 1 < verb.i \
                and self.doc[nearest.right_edge.i + 1].text == ","
            labelled = bool(before) and colon_between(before[0], nearest)
            if before and closed and nearest.i < verb.i and nearest.pos_ != "PROPN" and nearest.left_edge.i > 0 \
                    and self.doc[nearest.left_edge.i - 1].text == "," and not labelled:
                # "A doctor at the hospital, the last one still open, told ...": the parse made the
                # apposition a second subject; the subject is the noun it describes (an apposed
                # name, "the mayor, Karim Haddad, said", is the better source and stays); not when a
                # colon parts them: "Translator's note 1: In a statement ..., the armed wing ...,
                # claimed": the first is a label
                return before[0], None
            if before and nearest.ent_type_ in ("GPE", "LOC") and nearest.i < verb.i:
                # "Our partners in Sange, Luvungi and Kiliba recorded ...": a place the parse split
                # from a list of places is no second subject
                return before[0], None
            return nearest, None
        orphan = self._orphan_subject(verb)
        if orphan is not None:
            return orphan, None
        node = verb
        for _ in range(6):
            if node.dep_ not in ("conj", "advcl", "xcomp", "ccomp", "parataxis", "advmod") or node.head == node:
                break
            node = node.head
            if node.i in self.by_token:
                draft = self.by_token[node.i]
                head_subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
                if head_subject is None and draft.source_head is not None and draft.source is not None:
                    # '"...," stated Vlad, adding that ...': the speaker the head cue found
                    head_subject = self.doc[draft.source_head]
                return head_subject, draft
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
            if subject is not None and self._controlled(verb):
                return subject, None  # the nearest subject controls the infinitive
            if subject is not None and node.dep_ not in ("ccomp",) and verb.dep_ == "conj":
                return subject, None
            if subject is not None and trailing_participle(verb) and node.i == verb.head.i \
                    and node.dep_ == "ROOT":  # (not a clause of reported content)
                return subject, None  # "X published a post on Thursday claiming that ...": X claims
        return None, None

    def _whole_name(self, subject: Token, first: int) -> set[int]:
        """ "the news site Jornal do Subúrbio reported": the parse may take a name's small word for
        a verb and its last word for the subject. The name is whole from the recogniser's name (or,
        with none, from the capitalised word before the small word), and so is the media noun it is
        apposed to ("the news site"). The tokens to add to the subject's (none when it is whole)."""
        doc = self.doc
        start = subject.i
        if subject.ent_iob_ == "I" and subject.ent_type_ in ("ORG", "PERSON"):
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
        elif subject.pos_ == "PROPN" and first == subject.i >= 2 and doc[first - 1].lower_ in _NAME_PARTICLES \
                and doc[first - 1].text.islower() and doc[first - 2].pos_ == "PROPN":
            start = first - 2
        if start >= first:
            return set()
        added = set(range(start, subject.i))
        apposed = doc[start].head
        if doc[start].dep_ == "appos" and apposed.i < start and (
                apposed.head.i == subject.head.i and apposed.dep_ == subject.dep_
                or apposed.i == start - 1 and apposed.lemma_.lower() in self.cues.media_nouns):
            added |= subtree(apposed) - subtree(doc[start])
        return added

    def _trailing_apposition(self, subject: Token, verb: Token, content: set[int]) -> Token:
        """ "... lost from the carrier Harry S. Truman, the US Navy has confirmed": the parse took the
        last name of the reported clause for the trailing cue's subject and the speaker for its
        apposition; the speaker is the apposition when only it is set off by a comma."""
        if not content or max(content) > verb.i or subject.i > verb.i or subject.left_edge.i == 0 \
                or self.doc[subject.left_edge.i - 1].text == ",":
            return subject
        appos = next((c for c in subject.children if c.dep_ == "appos" and c.i < verb.i
                      and self.doc[c.left_edge.i - 1].text == ","), None)
        return appos if appos is not None and subject.left_edge.i - 1 in content else subject

    def source_tokens(self, subject: Token) -> set[int]:
        """The subject's subtree without relative clauses that hold another cue."""
        # (but "figures published by the governor" name their issuer: `naming.document_owner`)
        issued = issued_document(subject)
        cut = [c for c in subject.children if c.dep_ in ("relcl", "acl")
               and any(self.cue_class(t) and t.lemma_.lower() not in NAMING_VERBS for t in c.subtree)
               and not (issued and issuing_participle(c))]
        # "The Kyiv Independent, quoting a source in ..., said": the relay is not part of the name
        cut += [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBG" and c not in cut
                and c.lemma_.lower() in self.cues.relay]
        # "The daily X, quoted by the news site Y, said": the carrier is not part of the name either
        cut += [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN" and c not in cut
                and c.lemma_.lower() in self.cues.relay_participles and any(g.dep_ == "agent" for g in c.children)
                and not (issued and issuing_participle(c))]
        # "In an interview with X, the 26-year-old said": a fronted phrase the parse hung on the
        # subject (English noun phrases put their prepositions after the head).
        cut += [c for c in subject.children if c.dep_ == "prep" and c.i < subject.i
                and c.i == subject.left_edge.i]
        # "Unverified reports claim ...; NIS 'closely monitoring'": a headline's second clause
        # the parse hung on the subject across a semicolon or line break is not part of it.
        doc = self.doc
        cut += [c for c in subject.children if c.i > subject.i
                and any(t.text == ";" or "\n" in t.text for t in doc[subject.i + 1:c.left_edge.i])]
        # "Chad's army said it had shot down three drones, a claim the AP could not confirm": an
        # apposition the parse hung on the subject from beyond its verb is not part of it
        cut += [c for c in subject.children if c.dep_ == "appos" and subject.head.i > subject.i
                and c.left_edge.i > subject.head.i]
        tokens = subtree(subject, cut)
        tokens -= self._reduced_relative_noun(subject, tokens)
        first = min(tokens)
        # "Lawmaker Song Min-jae, a member of ..., said": the parse may make each piece of a
        # hyphenated name a subject of its own; the pieces right before the subject belong to it
        # (so does an acronym the tagger took for a common noun: "ACLED data show")
        while first > 0 and (piece := doc[first - 1]).head.i == subject.head.i and piece.dep_ == subject.dep_ \
                and (piece.pos_ == "PROPN" or piece.text in HYPHENS or piece.is_upper and len(piece.text) > 1) \
                and subject.head.i != subject.i:
            tokens |= subtree(piece)
            first = min(tokens)
        if subject.head.i != subject.i:
            tokens |= self._whole_name(subject, first)
            first = min(tokens)
        if _TIME_STAMP.fullmatch(doc[first].text) and first + 1 < len(doc) and doc[first + 1].text in DASHES:
            tokens -= {first, first + 1}  # "14:05 - Israeli forces said": a live blog's time stamp
        if doc[first].pos_ == "PROPN" and doc[first].ent_type_ == "PERSON" and first + 1 in tokens \
                and doc[first + 1].text == "," and max(tokens) > first + 2 \
                and _TURN_OPENING.search(text_of(doc), max(0, text_of(doc).rfind("\n", 0, doc[first].idx - 1)),
                                         doc[first].idx):  # (from the line break before the label)
            # "NADIM: Rania, the Syrian Observatory says ...": the person addressed by a given
            # name opens the turn of a transcript (upper-case speaker labels)
            tokens -= {first, first + 1}
            first = min(tokens)
        place = first
        while place in tokens and doc[place].is_alpha and doc[place].is_upper and len(doc[place]) > 1:
            place += 1
        opens_line = first == 0 or "\n" in doc[first - 1].text_with_ws
        if place == first and first >= 2 and doc[first - 1].text == "," and doc[first - 2].is_upper \
                and (first == 2 or "\n" in doc[first - 3].text_with_ws):
            opens_line = True  # "SANAA, May 2 - Yemen's Houthi movement said": the place left out
        if place in tokens and (doc[place].text == "," or place == first):
            # the dateline's date between the place and the dash
            dated = place + 1 if doc[place].text == "," else place
            while dated in tokens and dated - place <= 5 and (doc[dated].like_num or doc[dated].text == ","
                                                              or doc[dated].lower_.strip(".") in _months()):
                dated += 1
            if dated > place and dated in tokens and doc[dated].text in DASHES:
                place = dated
        if place > first and place in tokens and doc[place].text in DASHES and place + 1 in tokens and opens_line:
            tokens -= set(range(first, place + 1))  # "BAMAKO - The general staff said": a dateline
        return tokens

    def _reduced_relative_noun(self, subject: Token, tokens: set[int]) -> set[int]:
        """ "..., a figure aid groups said was too low": the parse reads the noun a reduced
        relative clause hangs on as a modifier of the clause's subject; that noun (and its
        article) is what was said about, not part of who said it."""
        doc = self.doc
        words = [doc[i] for i in sorted(tokens)]
        first = next((i for i, t in enumerate(words) if t.dep_ != "det"), None)
        if first is None or first + 1 >= len(words) or words[first].i == subject.i:
            return set()
        noun = words[first]
        if noun.pos_ != "NOUN" or noun.lower_ not in self.cues.figure_nouns or noun.dep_ != "compound" \
                or not any(t.pos_ in ("NOUN", "PROPN") for t in words[first + 1:]):
            return set()
        return {t.i for t in words[:first + 1]}

    # -- the rules

    def run(self) -> list[Draft]:
        # Each per-token rule returns at once unless its first test holds; that test is made
        # here, on the words alone, so that the rules are called only where they may apply
        # (and a spaCy Token, new on every access, is made only there).
        doc = self.doc
        words = list(zip(token_strings(doc, "LOWER"), token_strings(doc, "LEMMA", lower=True),
                         token_strings(doc, "POS")))
        cues, cue_lemmas = self.cues, self.cues.cue_class_lemmas
        for i, ((_, lemma, pos), tag) in enumerate(zip(words, token_strings(doc, "TAG"))):
            if (pos in ("VERB", "AUX") or tag.startswith("VB")) and lemma in cue_lemmas:  # `cue_class`'s tests
                token = doc[i]
                kind = self.cue_class(token)
                if kind is not None:
                    self.verb_rule(token, kind)
        for i, (lower, lemma, pos) in enumerate(words):
            if lower in cues.according_first:
                self.according_rule(doc[i])
            if lemma in cues.reporting_nouns or lower in cues.reporting_nouns:
                self.noun_rule(doc[i])
            if lemma in cues.figure_nouns:
                self.figure_source_rule(doc[i])
            if pos == "NUM":
                self.given_by_rule(doc[i])
            if lower == ":":
                self.published_figures_rule(doc[i])
        # inner relays first: "citing X, which quotes Y"
        for i in range(len(words) - 1, -1, -1):
            _, lemma, pos = words[i]
            if lemma in cues.relay and pos == "VERB":
                self.relay_rule(doc[i])
        self.fronted_citing_rule()
        self.quote_rule()
        self.dateline_rule()
        self.translation_rule()
        self.post_rule()
        self.colon_rule()
        self.source_note_rule()
        self.according_under_speakers()
        self.lead_relays()
        self._restore_valuations()
        for draft in self.drafts:
            self._settle(draft)
        for draft in self.drafts:
            if draft.mirror is not None:
                draft.content = list(draft.mirror.content)
        self.provenance_rule()  # after settling: its spans lie outside the cue's paragraph on purpose
        self.document_block_rule()  # the same: a reproduced statement runs over paragraphs
        self.full_text_rule()  # also one printed without quotation marks under a heading
        self.summary_rule()  # and a summary of a document
        self.listing_rule()  # a document that lists what follows its colon
        self.listed_content_rule()  # and a list a cue's colon opens
        self.answer_rule()  # and a reprinted answer
        self.section_rule()  # and a parliamentary question and answer under their headings
        self.drafts = [d for d in self.drafts if d.content and d.cue[0] < d.cue[1]]
        self.drafts.sort(key=lambda d: d.cue)
        return self.drafts

    def _restore_valuations(self) -> None:
        """"he put the number of troops Russia intended to send at 10,000": the parse hangs
        "at 10,000" on the inner verb; the figure is the valuation's, not the inner cue's."""
        for valuation, at in self.valued:
            phrase = subtree(at)
            for draft in self.drafts:
                if draft is not valuation and draft.cue_token is not None \
                        and valuation.cue_token is not None \
                        and self.doc[draft.cue_token] in self.doc[valuation.cue_token].subtree:
                    self._cut(draft, phrase)

    def _add(self, draft: Draft, token: Token | None = None) -> Draft:
        self.drafts.append(draft)
        if token is not None:
            self.by_token[token.i] = draft
        return draft

    def _trailing_conjunct(self, verb: Token, children: list[Token]) -> set[int]:
        """ "At least 14 people were killed and 23 injured when ..., police said on Monday": a
        trailing cue the parse coordinated with the clause it reports (hanging part of that clause
        on the cue) reports everything before the comma that opens its subject."""
        subject = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or subject.left_edge.i <= verb.sent.start \
                or self.doc[subject.left_edge.i - 1].text != "," \
                or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in children):
            return set()
        return {t.i for t in self.doc[verb.sent.start:subject.left_edge.i - 1] if not t.is_space}

    def _listed_values(self, content: set[int]) -> set[int]:
        """ "Police release preliminary figures for the period: three dead, 64 injured": the values
        a colon right after the figures lists, to the end of their line's sentence."""
        doc = self.doc
        if not content:
            return set()
        colon = max(content) + 1
        if colon + 1 >= len(doc) or doc[colon].text != ":":
            return set()
        listed: set[int] = set()
        for token in doc[colon + 1:doc[colon + 1].sent.end]:
            if "\n" in token.text:
                break
            listed.add(token.i)
        return listed

    def _closed_before(self, verb: Token, clause: Token, children: list[Token]) -> bool:
        """ "Police had given a lower figure of nine; a spokesman said the difference was ...": a
        clause that a semicolon closes before the verb is no content of a verb with a clause of its
        own after it."""
        return clause.i < verb.i and any(c.dep_ == "ccomp" and c.i > verb.i for c in children) \
            and any(t.text == ";" for t in self.doc[clause.right_edge.i + 1:verb.i])

    def verb_rule(self, verb: Token, klass: str) -> None:
        doc = self.doc
        if klass == "speech" and verb.dep_ == "pcomp" and self.quoted_as_rule(verb):
            return
        if self._carrying_participle(verb):
            return  # "X said in a claim published by Y": Y carried X's claim (`_carried_by`), Y says nothing
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        # "Niger says 34 killed, other sources put toll higher": a valuation verb with its own object
        # values that object; a clause before it is another statement, not what it puts, and the
        # verb is no trailing cue of that clause
        own_value = lemma in self.cues.valuation and any(
            c.i > verb.i and (c.dep_ in ("dobj", "oprd") or any(
                t.like_num or t.lemma_.lower() in self.cues.figure_nouns for t in c.subtree))
            for c in children)
        clause = [c for c in children if (c.dep_ == "ccomp" and not self._coordinated_report(verb, c)
                                          and not (own_value and c.i < verb.i)
                                          and not self._closed_before(verb, c, children)) or (
            c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
        if not clause:
            # "X told the Qatari broadcaster that crews had pulled ...": the parse may hang the reported
            # clause on the audience, as a relative clause that opens with the conjunction "that"
            # (or with no conjunction, "Residents told the daily they had carried 11 bodies": a
            # relative clause right after a speech verb's audience whose subject is a pronoun or a
            # noun of its own, no relative word, is what was told)
            clause = [g for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i
                      for g in c.children if g.dep_ == "relcl" and g.i > c.i
                      and (any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
                           or klass == "speech" and g.left_edge.i == c.i + 1 and any(
                               m.dep_ == "nsubj" and m.i == g.left_edge.i and m.pos_ in ("PRON", "NOUN", "PROPN")
                               and m.lower_ not in RELATIVE_PRONOUNS for m in g.children))]
        if not clause:
            # "X said in a claim published by Y that ...": the parse hangs the reported clause on the
            # statement noun
            clause = [g for c in children if c.dep_ == "prep" and c.lower_ in ("in", "via", "through")
                      for n in c.children if n.dep_ == "pobj" and (n.lemma_.lower() in self.cues.document_nouns
                                                                    or n.lemma_.lower() in self.cues.reporting_nouns)
                      for g in n.children if g.dep_ in ("acl", "ccomp") and g.i > n.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
        if not clause:
            # "He added, citing the agency, that dozens ...": the parse hangs the reported clause on
            # the relay set between the verb and its clause
            clause = [g for c in children if c.dep_ == "advcl" and c.i > verb.i and c.lemma_.lower() in self.cues.relay
                      for g in c.children if g.dep_ == "ccomp" and g.i > c.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
        # "Kyiv's tally is higher still: the General Staff has claimed 9,000 losses": a clause
        # before a colon is not the content of a verb that has its own object after it
        if any(c.dep_ == "dobj" and c.i > verb.i for c in children):
            clause = [c for c in clause if c.i > verb.i
                      or not any(t.text == ":" for t in doc[c.right_edge.i + 1:verb.i])]
        xcomp = [c for c in children if c.dep_ == "xcomp"]
        inverted = self.inverted_subject(verb) if klass == "speech" else None
        objects = [c for c in children if c.dep_ in ("dobj",) and c != inverted]
        if lemma in self.cues.admitting and not clause and any(
                o.like_num or any(c.dep_ == "nummod" for c in o.children) for o in objects):
            return  # "the facility had admitted 27 of the wounded"
        passive_subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        content: set[int] = set()
        own_tokens = {verb.i} | {c.i for c in children if c.dep_ in ("aux", "auxpass", "neg", "prt")}
        if clause:
            for c in clause:
                content |= subtree(c)
                mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None and mark.i > verb.i:  # the parse may hang the clause's subject elsewhere
                    content |= set(range(mark.i, c.right_edge.i + 1))
            content |= self._claimed_series(verb, clause[-1])
        elif xcomp and (klass == "belief" or passive_subject is not None or lemma in self.cues.plan):
            content |= subtree(xcomp[0])
        elif lemma in self.cues.addressing_verbs and not objects and any(
                c.dep_ == "prep" and c.lower_ in ("of", "about") for c in children):
            # "an official has spoken of several hundred casualties": the topic is the content
            topic = next(c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "about"))
            content |= subtree(topic) - {topic.i}
            own_tokens.add(topic.i)
        elif klass == "valuation" or (objects and (lemma in self.cues.object_content or klass == "finding")):
            for child in verb.rights:  # the object with its "at 12,000" / "of 300" complements
                if child.dep_ in ("dobj", "prep", "dative", "oprd", "npadvmod") and objects:
                    content |= subtree(child)
            if klass == "valuation" and any(c.dep_ == "dative" for c in children):
                content -= subtree(next(c for c in children if c.dep_ == "dative"))
            if klass == "valuation":  # "put the number at 9,000, up from 4,000 in March"
                content |= self._continuation(verb)
                content |= self._listed_values(content)
        parataxis_head = verb.dep_ in ("parataxis",) or (inverted is not None and verb.head.i < verb.i) or (
            # "Rebels seized two villages, the Courier reported on Sunday, citing ...": a trailing cue
            # the parse hung on the clause it reports as an adverbial clause
            # (a past tense the tagger took for a participle too: "..., the General Staff reported")
            verb.dep_ == "advcl" and verb.i > verb.head.i and not clause and klass == "speech"
            and (verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass") for c in children))
            and self._trailing_subject(verb)) or (
            verb.dep_ == "ccomp" and verb.i > verb.head.i and not clause and klass == "speech"
            and any(t.dep_ == "punct" and t.i < verb.i for t in verb.lefts) and not own_value)
        aside = self._misattached_speaker(verb) if klass == "speech" and not clause else set()
        if aside:  # "About half ..., the head of X, Kyrylo Budanov, said": all before the speaker
            content = set(range(verb.sent.start, min(aside))) - aside
        if not content and klass == "speech" and not own_value:
            content = self._misparsed_head_clause(verb)
        if not content and klass == "speech" and not clause and verb.dep_ == "conj" and verb.head.i < verb.i:
            content = self._trailing_conjunct(verb, children)
        if not content and parataxis_head:
            # "The plan, he said, is good." / "It is good, he said": the head clause is the content.
            clause_head = verb.head
            while clause_head.pos_ not in ("VERB", "AUX") and clause_head.head.i != clause_head.i \
                    and clause_head.head.i < verb.i:
                # "... crossed into countries, mainly Chad and Sudan, the agency said": the parse
                # hung the cue on a noun of the clause; the clause is its verb's
                clause_head = clause_head.head
            if clause_head.pos_ not in ("VERB", "AUX"):
                clause_head = verb.head
            content = subtree(clause_head, [verb])
        if content and klass == "speech" and (parataxis_head or all(i < verb.i for i in content)):
            content |= self._continuation(verb)  # "..., it said, with only one hitting a house"
        if not content and klass in ("speech", "belief"):
            content = self._that_clause_after(verb)
        if not content and klass == "speech":
            content = self._quote_near(verb)
        if not content:
            return
        content -= own_tokens
        content -= self._parallel_reports(verb, content)
        source: tuple[int, int] | None = None
        head: Token | None = None
        inherit: Draft | None = None
        subject: Token | None = None
        kind = "belief" if klass == "belief" else "indirect"
        if lemma in self.cues.plan and lemma not in self.cues.speech and xcomp and not clause \
                and passive_subject is None:
            # An intention ("Pyongyang intends to send 1,000 troops"): PolNeAR counts it, but its
            # subject is the actor of the plan, not a source of the claim (see chains.link_name).
            # A spoken commitment ("Kim vowed to send 1,000 troops") stays a statement of Kim's.
            kind = "plan"
        valued_at = self._valued_at(verb) if klass == "valuation" else None
        if valued_at is not None and lemma == "bring" and any(
                c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in children):
            return  # "a further death, which brings our count to 14": an event brings it, no one says it
        if valued_at is not None and lemma in self.cues.revision_verbs and verb.tag_ == "VBG" \
                and verb.dep_ in ("advcl", "xcomp", "conj") and not any(c.dep_ == "nsubj" for c in children) \
                and self.cue_class(verb.head) is None:
            return  # "Four patients have died, bringing the toll to nine": the deaths bring it, no one says it
        if klass == "valuation":
            klass = "speech"
        if self._reduced_passive(verb):
            # "a second man, said to be a rifleman, was ...": the hearsay is about the man only.
            if not xcomp:
                return
            self._add(Draft(cue=self.cue_span(verb), source=None, content=fragments(doc, subtree(xcomp[0])),
                            kind="sourceless", cue_token=verb.i), verb)
            return
        misparsed = self._noun_root_predicate(verb)
        # "while the envoy has said ...": a perfect participle with its own subject is no passive
        perfect = any(c.dep_ == "nsubj" for c in children) and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children) and bool(clause or objects)
        # "..., the General Staff of Ukraine's Armed Forces reported on Saturday": a past tense the
        # tagger took for a participle still has its active subject, right before it, after a comma
        subject_first = verb.dep_ == "advcl" and verb.head.i < verb.i and any(
            c.dep_ == "nsubj" and c.i < verb.i and doc[c.left_edge.i - 1].text == "," for c in children) \
            and not any(c.dep_ in ("auxpass", "aux") for c in children)
        if misparsed is None and (passive_subject is not None
                                  or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not perfect
                                      and not subject_first)):
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    tokens = self.source_tokens(pobj)
                    source, head = source_span(doc, tokens), pobj
            elif lemma in self.cues.sourceless or klass != "speech":
                kind = "sourceless"
                if passive_subject is not None and passive_subject.lower_ not in ("it", "this") \
                        and not clause:
                    content |= subtree(passive_subject)
            else:
                return
        else:
            subject, inherit = (inverted, None) if inverted is not None else (
                (misparsed, None) if misparsed is not None else self.subject_of(verb))
            if aside:
                subject, inherit = None, None
            if subject is None and inherit is None:
                tokens = aside or self._subject_before(verb) or self._phrase_before(verb)
                if not tokens:
                    return
                source = source_span(doc, tokens)
                head = doc[max(i for i in tokens if doc[i].pos_ in ("NOUN", "PROPN", "PRON"))]
                content -= tokens
            elif subject is None:
                pass
            else:
                if klass == "finding" and subject.lemma_.lower() not in self.cues.finding_subjects \
                        and not self._counts(verb) \
                        and subject.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") \
                        and subject.pos_ not in ("PRON", "PROPN"):
                    return
                subject = self._trailing_apposition(subject, verb, content)
                tokens = self.source_tokens(subject)
                source, head = source_span(doc, tokens), subject
                content -= tokens
        if source is not None and head is not None and head.pos_ == "PRON" and head.lower_ == "it" \
                and klass != "speech" and not (klass == "finding" and head.dep_ == "nsubj"
                                               and verb.lemma_.lower() in self.cues.finding_it_verbs):
            return  # "it seems", "it means that": not an attribution ("It also found that": a body's finding)
        cue = self.cue_span(verb)
        topic_word = next((c for c in children if c.i in own_tokens and c.dep_ == "prep"), None)
        if topic_word is not None and topic_word.i == verb.i + 1:
            cue = (cue[0], token_end(topic_word))  # "spoke of", "talking about"
        draft = Draft(cue=cue, source=source, content=fragments(doc, content),
                      kind=kind, source_head=head.i if head is not None else None,
                      cue_token=verb.i, inherits_from=inherit)
        if head is not None and head.lower_ in RELATIVE_PRONOUNS and head.i < verb.i:
            owner = verb if verb.dep_ == "relcl" else next(
                (a for a in verb.ancestors if a.dep_ == "relcl"), None)
            if owner is not None:
                draft.antecedent = owner.head.i
        self._add(draft, verb)
        if klass == "speech" and (subject is not None or inherit is None):
            self._briefing(verb, subject, draft)
        if valued_at is not None and valued_at.head != verb:
            self.valued.append((draft, valued_at))
        if inherit is not None:
            self._cut(inherit, subtree(verb) | self._coordinator(verb))
        if klass == "speech":
            self._outlet_relay(verb, draft, subject)
            self._carried_by(verb, draft)
            carried = self._cited_by(subject) if subject is not None and draft.parent is None else None
            if carried is not None:  # "The daily X, quoted by the news site Y, said": Y passed it on
                self._under_carrier(draft, carried)

    def quoted_as_rule(self, saying: Token) -> bool:
        """ "A Ukrainian officer was quoted yesterday as saying 800 ...": the passive verb's
        subject said the clause or object of "saying"; the cue runs from the passive verb to
        "saying". False (nothing added) for any other "as saying"."""
        prep = saying.head
        verb = prep.head
        if saying.dep_ != "pcomp" or saying.tag_ != "VBG" or prep.lower_ != "as" or verb.i > prep.i:
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or verb.tag_ != "VBN":
            return False
        said: set[int] = set()
        for child in saying.children:
            if child.dep_ in ("ccomp", "dobj"):
                said |= subtree(child)
        if not said:
            return False
        start = self.cue_span(verb)[0]
        content = fragments(self.doc, said)
        # "... was quoted by Yonhap as saying": the agent passed the account on, a link above it
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        relay = source_span(self.doc, self.source_tokens(agent)) if agent is not None else None
        outer = None
        if by is not None and agent is not None and relay is not None:
            outer = self._add(Draft(cue=(start, token_end(by)), source=relay, content=list(content),
                                    kind="according_to", source_head=agent.i, cue_token=verb.i, relay=True),
                              verb)
            start = prep.idx
        self._add(Draft(cue=(start, token_end(saying)), source=source_span(self.doc, self.source_tokens(subject)),
                        content=content, kind="indirect", source_head=subject.i,
                        cue_token=saying.i, parent=outer, quoted=outer is None), saying)
        return True

    def _carrying_participle(self, verb: Token) -> bool:
        """ "published" in "X said in a claim published by Y": the participle `_carried_by` makes the
        carrier of the statement noun a speaker with a subject of its own said something in."""
        noun = verb.head
        if verb.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "via", "through"):
            return False
        said = noun.head.head
        carried = self._cited_by(noun)
        return carried is not None and carried[0].i == verb.i and carried[1].dep_ == "agent" \
            and self.cue_class(said) == "speech" and any(c.dep_ in ("nsubj", "nsubjpass") for c in said.children)

    def _coordinator(self, verb: Token) -> set[int]:
        """The "and" / comma tying a coordinated cue to the one before it."""
        return {t.i for t in verb.doc[max(0, verb.left_edge.i - 2):verb.left_edge.i]
                if t.dep_ in ("cc", "punct") and t.head in (verb, verb.head)}

    def _cut(self, draft: Draft, tokens: set[int]) -> None:
        kept: set[int] = set()
        for start, end in draft.content:
            kept |= {t.i for t in self.doc.char_span(start, end, alignment_mode="expand") or []}
        draft.content = fragments(self.doc, kept - tokens)

    def _that_clause_after(self, verb: Token) -> set[int]:
        """"told X, after Y, that ...": a that-clause the parse hung on a word between."""
        sentence = verb.sent
        for token in self.doc[verb.i + 1:min(sentence.end, verb.i + 16)]:
            # "said in a statement that ...": the parse may read "that" as a relative pronoun
            misread = token.head.dep_ == "relcl" and token.i == token.head.head.i + 1 and (
                token.head.head.lemma_.lower() in self.cues.addressing_nouns
                or token.head.head.lemma_.lower() in self.cues.reporting_nouns)
            if token.lower_ == "that" and (token.dep_ == "mark" or misread) and token.head.i > token.i \
                    and token.head.pos_ in ("VERB", "AUX"):
                between = self.doc[verb.i + 1:token.i]
                if all(t.is_punct or verb in t.ancestors for t in between) and not (
                        # "declared its dissolution, and that ...": a clause joined to the verb, not its content
                        token.head.dep_ == "conj" and token.head.head == verb):
                    return subtree(token.head) - {t.i for t in between}
                return set()
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "aux", "auxpass"):
                return set()
        return set()

    def _quote_near(self, verb: Token) -> set[int]:
        """A quote right after "said:" or right before "..., he said" when the parse missed it."""
        sentence = verb.sent
        for group in self.quotes:
            for start, end in group.segments:
                before = self.text[token_end(verb):start]
                after = self.text[end:verb.idx]
                near_after = start >= token_end(verb) and len(before) <= 3 and before.strip() in ("", ":", ",")
                near_before = end <= verb.idx and sentence.start_char <= start and (
                    len(after) < 60 and "\n" not in after and not any(q in after for q in "\"“”«»"))
                if near_after or near_before:
                    span = self.doc.char_span(start, end, alignment_mode="expand")
                    if span is not None:
                        return {t.i for t in span}
        return set()

    def _clause_without(self, phrase: Token) -> set[int]:
        """The clause a sentence-level phrase ("according to X, ...") qualifies, without it."""
        head = phrase.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head != head:
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            head = phrase.sent.root
        trailing = phrase.i > head.i and phrase.i > 0 and self.doc[phrase.left_edge.i - 1].text == ","
        climbed = False
        while trailing and head.dep_ in ("relcl", "acl") and head.head != head:
            # "... and the truce the president announced on Tuesday, according to X": the parse
            # may hang a closing phrase on a relative clause; it qualifies the whole sentence
            head, climbed = head.head, True
            while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head != head:
                head = head.head
        while trailing and head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i:
            # "300 were wounded and 40 killed, according to X": X gives both conjuncts
            head, climbed = head.head, True
        tokens = subtree(head, [phrase])
        if phrase.dep_ in ("prep", "advcl", "advmod") and (phrase.head.dep_ == "ROOT" or climbed and head.dep_ == "ROOT"):
            tokens = {t.i for t in phrase.sent} - {t.i for t in phrase.subtree}
        return tokens

    def _claimed_series(self, verb: Token, clause: Token) -> set[int]:
        """ "JNIM claims it took the camp, inflicted 100 casualties and seized 12 vehicles": verbs
        after the reported clause, with no subject of their own, in its tense and not the cue's,
        continue what was claimed, though the parse hangs them on the cue."""
        if verb.tag_ not in ("VBZ", "VBP") or clause.tag_ != "VBD":
            return set()
        series: set[int] = set()
        for c in verb.rights:
            # (the tagger may read a bare past as a participle: "..., inflicted 100 casualties")
            if c.i <= clause.right_edge.i or c.dep_ not in ("advcl", "conj") or c.tag_ not in ("VBD", "VBN") \
                    or any(g.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for g in c.children) \
                    or self.cue_class(c):
                continue
            series |= subtree(c)
        return series

    def relay_rule(self, verb: Token) -> None:
        """"citing X", "quoting X", "which quotes X": a source passes on another's account."""
        if verb.lemma_.lower() not in self.cues.relay or verb.pos_ != "VERB" or verb.i in self.by_token:
            return
        if self.cue_class(verb) is not None:
            return  # "cited a figure of 1,000": the verb rule made it a statement of the subject
        if self._quoted_as_saying(verb):
            return
        doc = self.doc
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "pobj")), None)
        if obj is None:  # a misparse often detaches the object: take the noun phrase right after
            obj = next((t for t in doc[verb.i + 1:verb.i + 6] if t.pos_ in ("NOUN", "PROPN")
                        and t.left_edge.i == verb.i + 1), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        relative = subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"
        speaker = subject if relative else obj
        if speaker is None or obj is None:
            return
        if not relative and obj.lemma_.lower() in self.cues.evidence_nouns:
            return  # "..., citing videos it has reviewed": evidence the speaker weighed, no source
        source = source_span(doc, {speaker.i} if relative else self.source_tokens(obj))
        if source is None:
            return
        inner = next((self.by_token[c.i] for c in obj.children
                      if c.dep_ in ("relcl", "acl") and c.i in self.by_token), None)
        briefed = None
        if inner is not None and inner.conduit:  # "citing a lawmaker who was briefed by the NIS"
            briefed, inner = inner, None
        outer = next((self.by_token[a.i] for a in verb.ancestors if a.i in self.by_token), None)
        if outer is None:  # "..., according to the newspaper, citing military sources": a sibling frame
            outer = next((d for d in self.drafts if d.kind == "according_to" and not d.relay
                          and d.cue_token is not None and d.cue_token < verb.i
                          and doc[d.cue_token].head == verb.head and verb.dep_ in ("advcl", "xcomp")), None)
        draft = Draft(cue=self.cue_span(verb), source=source, content=[], relay=True,
                      source_head=speaker.i, cue_token=verb.i,
                      antecedent=verb.head.i if relative else None)
        if inner is not None:
            spans = [inner.cue, *inner.content] + ([inner.source] if inner.source else [])
            draft.content = [(min(s for s, _ in spans), max(e for _, e in spans))]
            inner.parent = draft
        elif outer is not None and not relative:
            # (not the reported clause the parse hung on the relay: "He added, citing X, that ...")
            reported = {i for g in verb.children if g.dep_ == "ccomp" and g.i > verb.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children) for i in subtree(g)}
            self._cut(outer, subtree(verb) - reported)
            draft.content, draft.kind, draft.parent = list(outer.content), outer.kind, outer
            draft.mirror = outer
        else:
            draft.content = fragments(doc, self._clause_without(verb) - subtree(verb))
            if relative:
                draft.content = fragments(doc, subtree(obj))
        if draft.content and inner is not None and outer is None and subject is not None and not relative:
            self._relay_speaker(verb, subject, draft)  # "ISW cited a milblogger who claimed ..."
        elif draft.content:
            self._add(draft, verb)
            if briefed is not None:  # the briefer is where the cited source's account comes from
                briefed.parent, briefed.mirror = draft, draft
            elif not relative:
                self._briefing(verb, obj, draft)




def find_drafts(doc: Doc, text: str) -> list[Draft]:
    """Every attribution the rules find in one parsed document, in cue order, not yet nested."""
    return Finder(doc, text).run()


