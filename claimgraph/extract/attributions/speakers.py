"""Where the speaker and the reported clause are when the parse loses them.

The small English parser often misattaches the parts of a reporting sentence: a speaker with a
description after the content ("..., Oleksandr Prokudin, the head of the administration, said",
"..., the region's governor, Ivan Petrenko, said", also when the parse made the figure the cue's
subject), a subject left on the first of two coordinated clauses ("but the outlet X ... has
confirmed"), a main verb made a modifier of a verbless root ("The report, compiled by X,
documented ..."), a head clause given to the cue as a second subject, or a second report hung
inside the first one's clause ("..., while the health office said ...", "X warned that A, and Y
said B"). A mixin of the rule finder (`rules.Finder`), kept apart to keep that module small; it
reads the parse through the finder's helpers and must not resolve names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.drafts import CONTRAST_MARKS, subtree
from claimgraph.extract.attributions.quotes import QUOTE_CHARS

if TYPE_CHECKING:
    from claimgraph.extract.attributions.vocabulary import Cues


class SpeakerRules:
    """Recovers speakers and reported clauses from the parse's usual misattachments."""

    doc: Doc
    cues: Cues

    def cue_class(self, token: Token) -> str | None:
        raise NotImplementedError

    def paragraph(self, offset: int) -> tuple[int, int]:
        raise NotImplementedError

    def _orphan_subject(self, verb: Token) -> Token | None:
        """"The Kremlin has not disclosed its losses, but the outlet Mediazona, working with the BBC,
        has confirmed ...": the parse hung the second clause's subject on the first verb; the noun
        phrase after "but"/"and" and before the coordinated verb is its subject, not the first's."""
        if verb.dep_ != "conj":
            return None
        head = verb.head
        cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i), None)
        if cc is None:
            return None
        return next((t for t in self.doc[cc.i + 1:verb.i] if t.head == head and t.pos_ in ("PROPN", "NOUN")
                     and t.dep_ in ("npadvmod", "dep", "appos", "nsubj")), None)

    def _noun_root_predicate(self, verb: Token) -> Token | None:
        """"The report, compiled by the UN office, documented 1,100 deaths", "A UN panel of experts
        estimated in May that ...": the parse made the main verb a modifier of a verbless root
        noun; that noun is the verb's subject."""
        head = verb.head
        # ("In the capital, Goma, a UN panel estimated that": the noun may hang on a verbless root)
        verbless = head.dep_ == "ROOT" or head.dep_ == "appos" and not any(
            a.pos_ in ("VERB", "AUX") for a in head.ancestors)
        if verb.dep_ != "acl" or not verbless or head.pos_ not in ("NOUN", "PROPN") or verb.i < head.i:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # "Translator's note 2: The news site X reported ...": the verb has its subject
        reported_that = verb.tag_ in ("VBD", "VBN") and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children)
        if self.doc[verb.i - 1].text != "," and not reported_that \
                or not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            return None
        return head

    def _misparsed_head_clause(self, verb: Token) -> set[int]:
        """"Air strikes killed at least 27 people on Sunday, health officials said": the parse gave
        the cue two subjects; the farther one, set off by a comma, heads the reported clause."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) < 2:
            return set()
        far, near = subjects[0], subjects[-1]
        if not any(t.text == "," for t in self.doc[far.right_edge.i + 1:near.left_edge.i]) \
                or not any(t.pos_ == "VERB" for t in far.subtree):
            return set()
        return subtree(far)

    def _coordinated_report(self, verb: Token, clause: Token) -> bool:
        """"A told the paper that X, and a doctor said Y": the parse made A's report a clause of the
        doctor's cue; it is a report of its own, joined by "and", not what the doctor said."""
        if clause.i > verb.i or self.cue_class(clause) not in ("speech", "belief"):
            return False
        between = self.doc[clause.right_edge.i - 1:verb.i]
        # "A said X; B, in a claim carried by its outlet, said Y": a semicolon parts them too
        return any(t.dep_ == "cc" and t.lower_ in ("and", "but") or t.text == ";" for t in between) and any(
            c.dep_ in ("nsubj", "csubj") for c in clause.children)

    def _parallel_reports(self, verb: Token, content: set[int]) -> set[int]:
        """"X said it struck 40 targets, while Gaza's health ministry said 27 were killed": the
        parse hangs the second report inside the first one's clause, but it is a report of its
        own, side by side with the first, not one the first source passes on."""
        out: set[int] = set()
        for i in sorted(content):
            token = self.doc[i]
            if token.dep_ == "conj" and token.i > verb.i and i not in out and token.tag_ in ("VBD", "VBZ", "VBP") \
                    and self.cue_class(token) in ("speech", "belief") \
                    and any(c.dep_ == "nsubj" and c.i < token.i and c.pos_ != "PRON" for c in token.children) \
                    and any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i < token.i
                            for c in token.head.children) and token.head.i != verb.i:
                # "X warned that A, and the UN agency said B": a report of its own, joined by "and"
                cc = max(c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i)
                out |= subtree(token) | {cc}
                if self.doc[cc - 1].text == ",":
                    out.add(cc - 1)
                continue
            if token.dep_ == "advcl" and token.i > verb.i and i not in out \
                    and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in token.children) \
                    and any(c.dep_ == "nsubj" for c in token.children) \
                    and self.cue_class(token) in ("speech", "belief"):
                out |= subtree(token)
                if token.left_edge.i > 0 and self.doc[token.left_edge.i - 1].text == ",":
                    out.add(token.left_edge.i - 1)
        return out

    def _trailing_subject(self, verb: Token) -> bool:
        """", the Courier reported on Sunday": the clause opens, after a comma, with its subject."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or any(c.dep_ in ("mark", "advmod") and c.i < verb.i for c in verb.children):
            return False
        first = next(t for t in verb.subtree if not t.is_punct)
        return first.i == subject.left_edge.i and first.i > 0 and self.doc[first.i - 1].text == ","

    def _subject_before(self, verb: Token) -> set[int]:
        """A noun phrase opening the cue's line, when the parse hung it on the headline above."""
        low, _ = self.paragraph(verb.idx)
        tokens = [t for t in self.doc[verb.sent.start:verb.i] if t.idx >= low and not t.is_space]
        # "Ukrainian outlet Dnipro Today, citing The Times, reports that ...": the relay set off by
        # commas between the speaker and the cue is no part of the speaker (`relay_rule` reads it)
        relays = {i for c in verb.lefts if c.dep_ == "advcl" and c.lemma_.lower() in self.cues.relay
                  for i in range(c.left_edge.i - 1, c.right_edge.i + 2)
                  if self.doc[c.left_edge.i - 1].text == "," and self.doc[c.right_edge.i + 1].text == ","}
        tokens = [t for t in tokens if t.i not in relays]
        while tokens and tokens[-1].dep_ in ("aux", "auxpass", "neg", "advmod") and tokens[-1].head == verb:
            tokens.pop()
        if not tokens or len(tokens) > 12 or tokens[0].idx != low:
            return set()
        comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
        if tokens[0].pos_ == "ADP" and comma is not None and comma + 1 < len(tokens):
            tokens = tokens[comma + 1:]  # "In Kampala, the head of ... wrote": where, then who
        elif tokens[0].pos_ == "ADP":
            # "In December 2024 a lawmaker ... said": the parse made the speaker an apposition of
            # the date; who is the apposition, when is the phrase before it
            apposed = next((t for t in tokens if t.dep_ == "appos" and t.head.i in {u.i for u in tokens}
                            and t.head.i < t.i), None)
            if apposed is not None:
                tokens = [t for t in tokens if t.i >= apposed.left_edge.i]
        if any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.text in QUOTE_CHARS for t in tokens):
            return set()
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens):
            return set()
        return {t.i for t in tokens}

    @staticmethod
    def _controlled(verb: Token) -> bool:
        """"moved to deny", "went as far as to claim": an infinitive sharing its head's subject."""
        return verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

    def _reduced_passive(self, verb: Token) -> bool:
        """", said to be ...," / ", believed to have ...,": a participle between commas."""
        doc = self.doc
        if verb.tag_ not in ("VBN", "VBD") or not 0 < verb.i < len(doc) - 2 or doc[verb.i + 1].tag_ != "TO":
            return False
        if doc[verb.i - 1].text == ",":
            return not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children)
        # "a woman thought to be an interpreter": hearsay verbs right after their noun
        return verb.lemma_.lower() in self.cues.sourceless and doc[verb.i - 1].pos_ in ("NOUN", "PROPN") \
            and doc[verb.i + 2].lemma_.lower() in ("be", "have")

    def _phrase_before(self, verb: Token) -> set[int]:
        """"Speaking to X, the head of Y said ...": the parse made the speaker an apposition
        of X; the noun phrase between the last comma and the cue is the subject."""
        if verb.i > 0 and self.doc[verb.i - 1].text == ",":
            return self._named_aside_before(verb)
        tokens: list[Token] = []
        for token in reversed(self.doc[verb.sent.start:verb.i]):
            if token.text == ",":
                break
            if token.pos_ in ("VERB", "AUX", "SCONJ") or token.text in QUOTE_CHARS or token.is_space:
                return set()
            tokens.append(token)
        tokens.reverse()
        while tokens and tokens[-1].dep_ in ("advmod", "neg") and tokens[-1].head == verb:
            tokens.pop()
        if not tokens or len(tokens) > 12 or tokens[0].i == verb.sent.start:
            return set()
        if not any(t.pos_ in ("NOUN", "PROPN") for t in tokens) or tokens[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ"):
            return set()
        return {t.i for t in tokens}

    def _named_aside_before(self, verb: Token) -> set[int]:
        """"... in the shelling of Kherson, Oleksandr Prokudin, the head of the regional
        administration, said": the parse joined the name to the content's last noun; the speaker
        is the run of proper nouns after the comma before the description that ends at the cue."""
        doc = self.doc
        segments: list[list[Token]] = [[]]
        for token in reversed(doc[verb.sent.start:verb.i - 1]):
            if token.text == ",":
                if len(segments) == 2:
                    break
                segments.append([])
                continue
            segments[-1].append(token)
        if len(segments) != 2:
            return set()
        description, name = (list(reversed(s)) for s in segments)
        if self._aside_name(name) and self._aside_description(description):
            return {t.i for t in name + description}
        # "..., the region's governor, Ivan Petrenko, said": the description first, then the name
        name, description = description, name
        if self._aside_name(name) and self._aside_description(description) and any(
                t.pos_ == "NOUN" and t.lemma_.lower() in self.cues.person_roles for t in description):
            return {t.i for t in name + description}
        return set()

    def _misattached_speaker(self, verb: Token) -> set[int]:
        """"About half of all shells ..., the head of Ukraine's military intelligence, Kyrylo
        Budanov, said": the parse made the figure the cue's subject and the speaker its
        apposition. A subject whose own words end in the named aside before the cue is no speaker;
        the aside is."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is not None and subject.pos_ == "PROPN":
            return self._swallowed_clause(verb, subject)
        if subject is None or verb.i == 0 or self.doc[verb.i - 1].text != "," \
                or subject.ent_type_ == "PERSON" or subject.pos_ == "PRON":
            return set()
        aside = self._named_aside_before(verb)
        if not aside or subject.i in aside or subject.i > min(aside) \
                or not aside <= {t.i for t in subject.subtree}:
            return set()
        return aside

    def _swallowed_clause(self, verb: Token, subject: Token) -> set[int]:
        """"Insurgents killed at least 23 people ..., district administrator Lurdes Chipande said":
        the parse may hang the whole reported clause on the speaker's name as a modifier. The
        speaker is the titled name after the last comma; what comes before the comma holds a verb
        of its own and is the content."""
        doc = self.doc
        if subject.left_edge.i >= subject.i or subject.i + 1 != verb.i:
            return set()
        comma = next((t.i for t in reversed(doc[subject.left_edge.i:subject.i]) if t.text == ","), None)
        if comma is None:
            return set()
        speaker = list(doc[comma + 1:subject.i + 1])
        before = doc[subject.left_edge.i:comma]
        if not 2 <= len(speaker) <= 6 or sum(t.pos_ == "PROPN" for t in speaker) < 2 \
                or not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET") for t in speaker) \
                or not any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN", "VBZ", "VBP") for t in before):
            return set()
        return {t.i for t in speaker}

    def _aside_name(self, name: list[Token]) -> bool:
        """A short run of proper nouns that does not open the sentence."""
        return 1 <= len(name) <= 4 and all(t.pos_ == "PROPN" for t in name) \
            and name[0].i != name[0].sent.start

    @staticmethod
    def _aside_description(description: list[Token]) -> bool:
        """A short noun phrase without a verb or a quote ("the head of the regional administration")."""
        return bool(description) and len(description) <= 12 and description[0].pos_ in ("DET", "NOUN", "ADJ") \
            and any(t.pos_ == "NOUN" for t in description) \
            and not any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.text in QUOTE_CHARS for t in description)
