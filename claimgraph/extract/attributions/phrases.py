"""Cues that are no verb: "according to X", "as previously reported by X", and reporting nouns
("in the NIS's assessment", "after a closed-door NIS briefing", "claims by bloggers that ...").

A mixin of the rule finder (`rules.Finder`), kept apart to keep that module small; it reads the
parse through the finder's helpers and must not resolve names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.drafts import (
    Draft,
    fragments,
    phrase_before_preposition,
    source_span,
    subtree,
    token_end,
)
from claimgraph.extract.nlp import own_subject

if TYPE_CHECKING:
    from claimgraph.extract.attributions.vocabulary import Cues


class PhraseRules:
    """Drafts from "according to X" phrases and from reporting nouns with their owner."""

    doc: Doc
    cues: Cues
    drafts: list[Draft]
    by_token: dict[int, Draft]

    def _add(self, draft: Draft, token: Token | None = None) -> Draft:
        raise NotImplementedError

    def cue_class(self, token: Token) -> str | None:
        raise NotImplementedError

    def source_tokens(self, subject: Token) -> set[int]:
        raise NotImplementedError

    def _cut(self, draft: Draft, tokens: set[int]) -> None:
        raise NotImplementedError

    def _clause_without(self, phrase: Token) -> set[int]:
        raise NotImplementedError

    def _agent_of_noun(self, noun: Token) -> Token | None:
        raise NotImplementedError

    def _cited_by(self, noun: Token) -> tuple[Token, Token, Token] | None:
        raise NotImplementedError

    def _under_carrier(self, draft: Draft, carried: tuple[Token, Token, Token]) -> None:
        raise NotImplementedError

    def _pair_according(self, draft: Draft, phrase_tokens: set[int]) -> None:
        """"according to X, as relayed by Y": two frames on one clause; Y passes on X's account."""
        sentence = self.doc[draft.cue_token].sent if draft.cue_token is not None else None
        if sentence is None:
            return
        for other in self.drafts:
            if other is draft or other.kind != "according_to" or other.cue_token is None \
                    or self.doc[other.cue_token].sent != sentence:
                continue
            other_phrase = self.doc.char_span(other.cue[0], (other.source or other.cue)[1],
                                              alignment_mode="expand")
            self._cut(draft, {t.i for t in other_phrase or []})
            self._cut(other, phrase_tokens)
            if draft.relay and not other.relay:
                other.parent, other.conduit = draft, True
            elif other.relay and not draft.relay:
                draft.parent, draft.conduit = other, True

    def according_under_speakers(self) -> None:
        """"Nine are still missing, according to the committee's findings, she told the court": a
        phrase naming a document, between what was said and the speech verb it hangs on, frames
        what that speaker says; the speaker passes the findings on (the phrase's draft nests under
        the speaker's, with the same content). A phrase naming an outlet or a body ("according to
        APA, the ministry said") is the relay above the speaker, as before."""
        documents = self.cues.document_nouns | self.cues.figure_nouns
        for draft in self.drafts:
            if draft.kind != "according_to" or draft.parent is not None or draft.cue_token is None \
                    or draft.relay or draft.source_head is None \
                    or self.doc[draft.source_head].lemma_.lower() not in documents:
                continue
            verb = self.doc[draft.cue_token].head
            speaker = self.by_token.get(verb.i)
            if speaker is None or speaker is draft or verb.idx < draft.cue[1] \
                    or self.cue_class(verb) != "speech" or speaker.source is None or not speaker.content \
                    or draft.source is not None and draft.source[0] < speaker.source[1] \
                    and speaker.source[0] < draft.source[1]:
                continue
            if speaker.content[0][0] > draft.cue[0]:
                continue  # "According to the update, refugees reported ...": the document carries them
            draft.content = list(speaker.content)
            draft.parent = speaker

    def according_rule(self, token: Token) -> None:
        if token.lower_ not in self.cues.according_first:
            return
        doc = self.doc
        for pattern in self.cues.according_to:
            words = doc[token.i:token.i + len(pattern)]
            if len(words) < len(pattern) or tuple(t.lower_ for t in words) != pattern:
                continue
            last = words[-1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None and last.head.dep_ == "agent":
                pobj = next((c for c in last.head.children if c.dep_ == "pobj"), None)
            if pobj is None and len(words) > 1:
                pobj = next((c for c in words[-1].rights if c.dep_ in ("pobj", "dobj")), None)
            if pobj is None:
                continue
            if pattern == ("per",) and not self._per_source(pobj):
                return  # "per day", "per capita": a rate, not a source
            phrase = words[0]
            while phrase.head.i in range(words.start, words.end + 1) and phrase.head != phrase \
                    and phrase.head.i < pobj.i:
                phrase = phrase.head
            phrase_tokens = {t.i for t in phrase.subtree} | {t.i for t in words} | subtree(pobj)
            # "which had, according to the UN panel, some 2,000 fighters": the parse may hang what
            # follows the phrase on its source as an apposition; a count is no part of a name
            stray = {t.i for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i
                     and doc[c.left_edge.i - 1].text == "," and any(t.like_num for t in c.subtree)
                     for t in c.subtree}
            # "According to the spokesman, Colonel X, the raid freed ...": the parse may hang the
            # clause's subject on the source's apposition; a verb without a subject of its own
            # right after it says the phrase is the subject
            verb = phrase.head
            if verb.pos_ in ("VERB", "AUX") and verb.i > pobj.i and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                subjects = [c for a in (pobj, *(c for c in pobj.children if c.dep_ == "appos"))
                            for c in a.children if c.dep_ == "appos" and c.i > pobj.i
                            and c.right_edge.i + 1 == verb.i and doc[c.left_edge.i - 1].text == ","]
                if subjects:  # the innermost: "Colonel X" stays with the source
                    stray |= subtree(max(subjects, key=lambda c: c.left_edge.i))
            # or make the apposition a second subject of the verb: "..., Colonel X, the raid freed"
            named = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.i > pobj.i else []
            aside = named[0] if len(named) > 1 and named[0].pos_ == "PROPN" \
                and named[0].left_edge.i == pobj.right_edge.i + 2 and doc[pobj.right_edge.i + 1].text == "," \
                and "," in (doc[named[0].right_edge.i].text, doc[named[0].right_edge.i + 1].text) else None
            phrase_tokens -= stray
            content = (self._clause_without(phrase) - phrase_tokens) | stray
            background = self._background_clause(phrase, phrase_tokens, content)
            if background is not None:  # the phrase gives the source of that clause alone
                content = background
                for other in self.drafts:
                    self._cut(other, background | phrase_tokens)
            if aside is not None:
                content -= subtree(aside)
            if not content:
                continue
            source_tokens = self.source_tokens(pobj) - stray
            if aside is not None:
                source_tokens |= subtree(aside)
            carrier = self._cited_by(pobj)
            if carrier is not None:
                source_tokens -= subtree(carrier[0])
            first = words[0]
            cue_first = first
            if pattern[0] == "as":  # "as previously reported by": the adverbs belong to the cue
                cue_first = doc[token.i]
            draft = Draft(cue=(cue_first.idx, token_end(words[-1])), source=source_span(doc, source_tokens),
                          content=fragments(doc, content), kind="according_to",
                          source_head=pobj.i, cue_token=first.i, relay=pattern[0] == "as")
            self._add(draft, first)
            if carrier is not None:  # "according to a UN report cited by Al Jazeera"
                self._under_carrier(draft, carrier)
            self._based_on(draft, pobj)
            self._pair_according(draft, phrase_tokens)
            return
        # "as previously reported by X": "as" + adverbs + reporting participle + "by".
        if token.lower_ == "as" and token.dep_ == "mark" and self.cue_class(token.head) == "speech":
            verb = token.head
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is None or agent is None or verb.i in self.by_token or token.i > verb.i:
                return
            content = self._clause_without(verb) - subtree(verb)
            if content:
                self._add(Draft(cue=(token.idx, token_end(agent)), source=source_span(doc, self.source_tokens(pobj)),
                                content=fragments(doc, content), kind="according_to",
                                source_head=pobj.i, cue_token=verb.i), verb)

    def _background_clause(self, phrase: Token, phrase_tokens: set[int], content: set[int]) -> set[int] | None:
        """"The government said it would send 600 soldiers to Bawku, where clashes have killed at
        least 14 people, according to the police": a phrase that ends the sentence right after a
        relative clause with a subject of its own, inside what a speaker said, sources that
        background clause (the police give the toll), not the speaker's statement; None otherwise."""
        doc = self.doc
        first = min(phrase_tokens)
        last = max(phrase_tokens)
        sentence = doc[first].sent
        if first < 2 or doc[first - 1].text != "," \
                or any(not (t.is_punct or t.is_space) for t in doc[last + 1:sentence.end]):
            return None
        relative = doc[first - 2]
        while relative.dep_ != "relcl" and relative.head.i != relative.i:
            relative = relative.head
        if relative.dep_ != "relcl" or relative.right_edge.i != first - 2 or not own_subject(relative):
            return None
        clause = subtree(relative)
        if not clause <= content:
            return None
        said = any(d.kind != "according_to" and d.cue_token is not None
                   and d.cue_token < relative.head.i and doc[d.cue_token].sent == sentence for d in self.drafts)
        return clause if said else None

    def _per_source(self, pobj: Token) -> bool:
        """"per Reuters", "per the agency's tally": a named source or a report, not a unit."""
        lemma = pobj.lemma_.lower()
        return pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") \
            or lemma in self.cues.document_nouns or lemma in self.cues.figure_nouns \
            or lemma in self.cues.reporting_nouns

    def noun_rule(self, noun: Token) -> None:
        """"In the NIS's assessment, ...", "after a closed-door NIS briefing": noun frames."""
        if noun.lemma_.lower() not in self.cues.reporting_nouns and noun.lower_ not in self.cues.reporting_nouns:
            return
        prep = noun.head
        # a frame: "in the NIS's assessment", and "based on the findings of X" too
        if noun.dep_ != "pobj" or not (prep.lower_ in self.cues.noun_prepositions or (
                prep.lower_ == "on" and prep.head.lemma_.lower() in self.cues.basis_verbs)):
            self._noun_clause(noun)  # otherwise perhaps "claims by X that ..."
            return
        if prep.lower_ == "by" and noun.lemma_.lower() not in self.cues.figure_nouns:
            return  # "by the army's count" is a frame, "killed by the report" is not
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next((c for c in noun.children if c.dep_ == "compound" and (
                c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or c.pos_ == "PROPN")), None)
        if owner is None:
            owner = self._agent_of_noun(noun)  # "a briefing by the NIS", "the findings of X"
        if owner is None:
            return
        if prep.lower_ == "by" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in owner.children):
            return  # "she replied that, by her faction's count, ...": the speaker's own side
        doc = self.doc
        source_tokens = {t.i for t in owner.subtree if t.dep_ != "case"}
        source = source_span(doc, source_tokens)
        if source is None:
            return
        cue = (noun.idx, token_end(noun))
        holder = next((self.by_token[a.i] for a in prep.ancestors if a.i in self.by_token), None)
        if holder is not None:
            frame = prep.head if prep.head.lemma_.lower() in self.cues.basis_verbs else prep
            self._cut(holder, set(range(frame.left_edge.i, noun.i + 1)) | {t.i for t in owner.head.subtree
                                                                          if owner.head != noun})
            draft = Draft(cue=cue, source=source, content=list(holder.content), kind=holder.kind,
                          source_head=owner.i, cue_token=noun.i, parent=holder, mirror=holder,
                          conduit=True)
        else:
            content = self._clause_without(prep) - {t.i for t in prep.subtree}
            if not content:
                return
            draft = Draft(cue=cue, source=source, content=fragments(doc, content), kind="according_to",
                          source_head=owner.i, cue_token=noun.i)
        self._add(draft, noun)

    def _noun_clause(self, noun: Token) -> None:
        """ "Claims by pro-government bloggers that up to 50,000 ...", "the ministry's statement
        that ...": a reporting noun with its owner (possessive or "by"/"from" a name) and a
        that-clause after it; the clause is the content."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None or noun.i in self.by_token:
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
            (o for p in noun.rights if p.dep_ == "prep" and p.lower_ in ("by", "from") and p.i < clause.i
             for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if owner is None or owner.i > clause.i or owner.pos_ == "PRON":
            return  # "his claim that ...": PolNeAR leaves a pronoun's nominal claim unannotated
        source = source_span(self.doc, {t.i for t in owner.subtree if t.dep_ != "case"})
        mark = next(m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that")
        content = set(range(mark.i, clause.right_edge.i + 1))
        if source is None or not content:
            return
        self._add(Draft(cue=(noun.idx, token_end(noun)), source=source, content=fragments(self.doc, content),
                        kind="indirect", source_head=owner.i, cue_token=noun.i), noun)

    def figure_source_rule(self, noun: Token) -> None:
        """ "the revised toll of 41 from the Ethiopian Human Rights Commission", "a count of 300
        from the district office": a count noun holding a number, "from" a named body, is that
        body's count (the noun phrase is the content, "from" anchors the cue)."""
        if noun.pos_ != "NOUN" or noun.i in self.by_token:
            return
        # (the parse may hang "from" on the number: "the toll of 41 from the commission")
        values = [noun, *(n for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"
                          for n in c.children if n.dep_ == "pobj" and n.like_num)]
        prep = next((c for v in values for c in v.rights if c.dep_ == "prep" and c.lower_ == "from"), None)
        source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is None or source is None or not (
                source.pos_ == "PROPN" or source.ent_type_ in ("ORG", "PERSON", "NORP")):
            return
        content = subtree(noun) - subtree(prep)
        if not any(self.doc[i].like_num for i in content):
            return  # "figures from the ministry show ...": what they show is the verb rule's
        span = source_span(self.doc, self.source_tokens(source))
        if span is None:
            return
        self._add(Draft(cue=(prep.idx, token_end(prep)), source=span, content=fragments(self.doc, content),
                        kind="according_to", source_head=source.i, cue_token=prep.i), prep)

    def _based_on(self, draft: Draft, pobj: Token) -> None:
        """ "according to an AFP tally based on health ministry figures": the tally passes on the
        figures of whoever the basis names, a level under the tally's source (its span stays)."""
        for based in pobj.rights:
            if based.dep_ != "acl" or based.lemma_.lower() not in self.cues.basis_verbs:
                continue
            on = next((c for c in based.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "from")), None)
            basis = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            if basis is None or basis.lemma_.lower() not in self.cues.figure_nouns | self.cues.document_nouns:
                continue
            owner = next((c for c in basis.children if c.dep_ == "poss" or c.dep_ == "compound" and (
                c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "NORP", "GPE")
                or c.lemma_.lower() in self.cues.body_roles)), None)
            owner = owner if owner is not None else self._agent_of_noun(basis)  # "figures from the ministry"
            if owner is None:
                continue
            span = source_span(self.doc, {t.i for t in basis.subtree})
            if span is not None:
                self._add(Draft(cue=(based.idx, token_end(on)), source=span, content=list(draft.content),
                                kind=draft.kind, source_head=basis.i, cue_token=based.i, parent=draft,
                                mirror=draft, conduit=True), based)
            return

    def given_by_rule(self, number: Token) -> None:
        """ "the some 6,500 fighters given by the UN monitoring team", "a toll of 40 cited by the
        council": a count with a participle of giving and its agent is the agent's count (the
        count is the content, the participle and "by" the cue)."""
        noun = number.head if number.dep_ == "nummod" else number
        participle = self._giving_participle(noun)
        if participle is None and noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "attr", "pobj"):
            # "the number of killings recorded by the prosecutor's office has topped 2,300"
            total = next((c for c in noun.head.children if c.dep_ == "nsubj"
                          and c.lemma_.lower() in self.cues.figure_nouns), None)
            counted = next((o for p in total.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"), None) if total is not None else None
            participle = next((found for named in (total, counted) if named is not None
                               and (found := self._giving_participle(named)) is not None), None)
            if participle is not None:
                noun = noun.head
        agent = next((c for c in participle.children if c.dep_ == "agent"), None) if participle is not None else None
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if source is None or participle is None or participle.i in self.by_token:
            return
        # the agent's noun phrase, without what the parse hung on it after ("... team in its report")
        phrase = phrase_before_preposition(source, source.right_edge.i + 1)
        span = source_span(self.doc, {t.i for t in phrase})
        content = subtree(noun) - subtree(participle)
        if span is None or not content:
            return
        self._add(Draft(cue=(participle.idx, token_end(agent)), source=span, content=fragments(self.doc, content),
                        kind="according_to", source_head=source.i, cue_token=participle.i), participle)

    def _giving_participle(self, noun: Token) -> Token | None:
        return next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ == "VBN"
                     and c.lemma_.lower() in self.cues.giving_participles), None)

    def published_figures_rule(self, colon: Token) -> None:
        """ "Ukraine's air force has published its overnight figures: Russia launched 472 drones
        ...": a subject that issues its figures, and what follows the colon in the sentence is what
        the figures say."""
        if colon.text != ":" or colon.i in self.by_token:
            return
        noun = self.doc[colon.i - 1] if colon.i > 0 else None
        verb = noun.head if noun is not None and noun.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in self.cues.issuing_verbs \
                or noun.lemma_.lower() not in self.cues.figure_nouns | self.cues.document_nouns:
            return
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return
        end = colon.sent.end
        content = set(range(colon.i + 1, end))
        span = source_span(self.doc, self.source_tokens(subject))
        if span is None or not content:
            return
        self._add(Draft(cue=(verb.idx, token_end(noun)), source=span, content=fragments(self.doc, content),
                        source_head=subject.i, cue_token=verb.i), verb)
