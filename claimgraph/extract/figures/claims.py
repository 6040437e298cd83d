"""Figure drafts tied together: references, sources, hedges and repeated mentions of one claim.

Works on the drafts of one document after `categories` has read each one:
pronouns and number nouns take their class and category from an earlier
figure ("3,000 of them", "the 500 figure"), list members inherit from the
figure they elaborate ("three were injured: two officers ..."), each draft gets
the attribution that carries it and the hedges that reach it, and all mentions
of one claim (same category and interval) share the fullest source chain and
one hedged value, as the conflict-figures guide asks (a headline plan, "North Korea
to send 6,000 troops", is hedged without a cue word); mentions only count as one
claim when their sources and counted nouns agree (or one of them is unknown).
Parts of an earlier count ("Of these, 80 were children", "The remainder were
...", and the members listed with them) share its category; a bare number compared
with the figure before it ("down from 57") counts the same thing, from the same
source (`follow_comparisons`). A hedged number noun
reaches the figures it stands for ("The tentative tally: ...", "..., noting that
the figures were preliminary"). Caveats reach the figures they
name (`caveats`); one that names nothing reaches the sourced claims of its own
paragraph first, and one that names a place those told about that place. Sources
are linked in `sources`. It must not parse text for numbers or touch the ledger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attributions.chains import chain_links
from claimgraph.extract.figures.categories import Reading, read
from claimgraph.extract.figures.caveats import CaveatTarget, caveat_target, same_source
from claimgraph.extract.figures.lexicon import FigureLexicon
from claimgraph.extract.figures.numbers import Quantity, revised_from
from claimgraph.extract.figures.places import load_place_words
from claimgraph.extract.figures.shares import apposed_part
from claimgraph.extract.figures.triggers import class_of
from claimgraph.extract.hedges import covers, cue_of
from claimgraph.extract.hedges import load_lexicon as load_hedge_lexicon
from claimgraph.extract.nlp import headline_end, text_of
from claimgraph.model import Attribution, Extraction, Hedge

__all__ = [
    "Draft", "follow_comparisons", "follow_parts", "headline_plan", "link_hedges", "resolve_references", "token_at",
    "unify",
]

# Hedge kinds that doubt a whole attribution when they sit in its cue or source
# ("reportedly said", "according to estimates", "claimed").
FRAMING_KINDS = frozenset({"evidential", "epistemic", "estimative", "caveat"})
_DECIDED = {"intrinsic", "trigger", "phrase", "subject", "question", "subset"}
_CASUALTY_KINDS = frozenset({"killed", "wounded", "casualties", "missing"})
# "Of these, 300 ...", "Among them, 40 ...": grammar words, not vocabulary (a closed class)
_PARTITIVE_PREPOSITIONS = frozenset({"of", "among"})
_RELATIVES = frozenset({"whom", "which"})
_BACK_POINTERS = frozenset({"these", "those", "them", "this", "that"}) | _RELATIVES  # ("four of whom")
_BACK_NOUNS = frozenset({"victims"})  # "N of the victims": of the count before
# "down from 57", "up from 12 a year earlier", "compared with 40": a bare number compared with the
# figure before it counts the same thing
_COMPARED = re.compile(r"\b(?:(?:down|up) from|compared (?:with|to)|as against)\s+(?:an? |the |some |about |around )?$",
                       re.IGNORECASE)
_LIST_OPENER = re.compile(r"(?::|—|–|\bincluding|\bamong them|\bof whom|\bof which|\bnamely)\s*$", re.IGNORECASE)


@dataclass
class Draft:
    quantity: Quantity
    reading: Reading
    attribution: Attribution | None = None
    chain: list[str] = field(default_factory=list)
    hedge_keys: list[str] = field(default_factory=list)
    hedged: bool = False
    antecedent: Draft | None = None  # the earlier figure whose counted noun this one refers back to
    claim: int | None = None  # mentions of one claim share this number (set by `unify`)
    planned: bool = False  # a headline plan ("North Korea to send 6,000 troops"), hedged without a cue
    compared_with: Draft | None = None  # "42 attacks, down from 57": the figure a bare number is compared with
    own_report: bool = False  # a reporting clause of its own gives it ("the 600 it had reported")

    @property
    def interval(self) -> tuple[float, float | None]:
        return self.quantity.low, self.quantity.high


def _same_sentence(doc: Doc, a: Quantity, b: Quantity) -> bool:
    first = doc.char_span(a.number_start, a.number_end, alignment_mode="expand")
    second = doc.char_span(b.number_start, b.number_end, alignment_mode="expand")
    return first is not None and second is not None and first[0].sent == second[0].sent


def _opening_words(doc: Doc, quantity: Quantity) -> list[Token]:
    """The words of the figure's sentence before its number, less a leading "But" or "So far"."""
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    sentence = span[0].sent
    words = [t for t in doc[sentence.start:span.start] if not t.is_space]
    while words and words[0].pos_ in {"CCONJ", "ADV"}:  # "But of these", "So far, of those"
        words.pop(0)
    return words


def _fronted_anaphor(doc: Doc, quantity: Quantity) -> bool:
    """ "Of these, around 300 were killed", "Among them, 40 were wounded": the sentence opens
    with a partitive whose pronoun points back at what an earlier figure counted."""
    words = _opening_words(doc, quantity)
    return len(words) >= 2 and words[0].lower_ in _PARTITIVE_PREPOSITIONS \
        and words[1].lower_ in _BACK_POINTERS and words[1].dep_ == "pobj"


def _fronted_group(doc: Doc, quantity: Quantity, lexicon: FigureLexicon) -> str | None:
    """ "Among the injured are two children", "Of the dead, 12 were soldiers": the category of
    the group an opening partitive names with a word that is a category by itself."""
    words = _opening_words(doc, quantity)
    if len(words) < 3 or words[0].lower_ not in _PARTITIVE_PREPOSITIONS or words[1].lower_ != "the":
        return None
    return lexicon.intrinsic.get(words[2].lower_)


def _remainder(doc: Doc, quantity: Quantity, lexicon: FigureLexicon) -> bool:
    """ "The remainder were about 150 police officers and 45 gunmen": the figure names a part of
    an earlier count, through a partition noun that is the subject of its clause."""
    token = token_at(doc, quantity.number_start, quantity.number_end)
    if token is None:
        return False
    for verb in token.ancestors:
        if verb.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lexicon.partition_nouns
                       for c in verb.children)
    return False


def _pronoun_part(doc: Doc, draft: Draft, kept: list[Draft]) -> bool:
    """ "It has raised its toll to 52 dead. It says nine of them were civilians": "N of them" (or
    "of those") that nothing else decides, in the sentence right after a decided count of
    casualties or in its own sentence, is a part of that count."""
    head = draft.reading.head
    # ("One of them, a teacher, said": one person picked out, not a count)
    if not draft.reading.pronoun or head is None or head.lower_ not in _BACK_POINTERS \
            or head.head.lower_ != "of" or not kept or draft.quantity.low <= 1:
        return False
    whole = kept[-1]
    # (only a count of casualties: "417 of them" after "2,340 people were held" may have died)
    if whole.reading.decided_by not in _DECIDED or whole.reading.category not in _CASUALTY_KINDS:
        return False
    here = doc.char_span(draft.quantity.number_start, draft.quantity.number_end, alignment_mode="expand")
    there = doc.char_span(whole.quantity.number_start, whole.quantity.number_end, alignment_mode="expand")
    if here is None or there is None:
        return False
    if any(t.like_num for t in doc[there[-1].i + 1:here[0].i]):
        return False  # "took at least 15 people ..., six of them children": another count came between
    return _same_sentence(doc, whole.quantity, draft.quantity) or _next_sentence(doc, whole.quantity, draft.quantity)


def _relative_antecedent(doc: Doc, draft: Draft, lexicon: FigureLexicon) -> Token | None:
    """ "foreign fighters, up to 1,500 of whom might be absorbed": the classed noun right before
    the comma that sets off "N of whom/which", or None."""
    head = draft.reading.head
    if not draft.reading.pronoun or head is None or head.lower_ not in _RELATIVES:
        return None
    span = doc.char_span(draft.quantity.start, draft.quantity.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].text != ",":
        return None
    noun = doc[span.start - 2]
    return noun if noun.pos_ in {"NOUN", "PROPN"} and class_of(noun, lexicon) else None


def _relative_to_count(doc: Doc, draft: Draft, kept: list[Draft]) -> bool:
    """ "the loss of eight soldiers and 13 wounded, four of whom are in a serious condition": a
    relative pronoun points at the figure right before it in its sentence, not at an earlier
    figure's counted noun."""
    head = draft.reading.head
    # (a count of casualties only, as for "N of them": `_pronoun_part`)
    return draft.reading.pronoun and head is not None and head.lower_ in _RELATIVES and bool(kept) \
        and kept[-1].reading.category in _CASUALTY_KINDS and _same_sentence(doc, kept[-1].quantity, draft.quantity)


def _bare_subject(doc: Doc, quantity: Quantity) -> bool:
    """The number stands alone as its clause's subject ("five were referred", "two remain")."""
    token = token_at(doc, quantity.number_start, quantity.number_end)
    return token is not None and token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}


def _within_sentences(doc: Doc, earlier: Quantity, later: Quantity, count: int) -> bool:
    """Whether `later` stands in one of the `count` sentences after the one holding `earlier`
    ("... 19 people murdered. Which is right?\n\nThe figure is the official one. Our own count is 21")."""
    first = token_at(doc, earlier.number_start, earlier.number_end)
    second = token_at(doc, later.number_start, later.number_end)
    if first is None or second is None:
        return False
    sentence = second.sent
    for _ in range(count):
        if sentence.start == 0:
            return False
        sentence = doc[sentence.start - 1].sent
        if sentence == first.sent:
            return True
    return False


def _next_sentence(doc: Doc, earlier: Quantity, later: Quantity) -> bool:
    """Whether `later` stands in the sentence right after the one holding `earlier`."""
    return _within_sentences(doc, earlier, later, 1)


def _victims_part(draft: Draft, kept: list[Draft]) -> Draft | None:
    """ "Gunmen killed at least 23 people ... Fourteen of the victims were women": "N of the
    victims" that nothing else decides is a part of the last count of casualties before it (no
    other casualty count between), whatever else was counted in between (homes burned)."""
    head = draft.reading.head
    if draft.reading.decided_by != "none" or head is None or head.lower_ not in _BACK_NOUNS \
            or head.head.lower_ != "of" or draft.quantity.low <= 1 \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in head.children):
        return None
    whole = next((d for d in reversed(kept) if d.reading.category in _CASUALTY_KINDS), None)
    if whole is None or whole.reading.decided_by not in _DECIDED or whole.quantity.low <= draft.quantity.low:
        return None
    return whole


def _coordinated_with(draft: Draft, previous: Draft) -> bool:
    """ "96 boys and 71 girls": the two counted nouns are conjuncts."""
    head, other = draft.reading.head, previous.reading.head
    return head is not None and other is not None and head in other.conjuncts


def revised_values(text: str, drafts: list[Draft], lexicon: FigureLexicon) -> None:
    """ "The count has been revised from 71 to 76 killed": the old value counts what the new one
    counts (the two numbers are a change, not a range: `numbers.find_quantities`)."""
    for old, new in pairwise(drafts):
        if old.reading.category is not None or new.reading.category is None \
                or text[old.quantity.end:new.quantity.start].strip().lower() != "to":
            continue
        if revised_from(text, old.quantity.start, lexicon):
            old.reading.category, old.reading.decided_by = new.reading.category, "subset"
            old.reading.noun_class = old.reading.noun_class or new.reading.noun_class
            old.reading.subject = old.reading.subject or new.reading.subject


def resolve_references(doc: Doc, drafts: list[Draft], lexicon: FigureLexicon) -> list[Draft]:
    """Fill in what a draft can only learn from earlier ones; drop drafts that stay undecided."""
    kept: list[Draft] = []
    for draft in drafts:
        reading = draft.reading
        elliptic = reading.head is None and reading.noun_class is None and any(
            d.reading.noun_class and _same_sentence(doc, d.quantity, draft.quantity) for d in kept)
        pointing_back = reading.pronoun or (reading.head is None and _fronted_anaphor(doc, draft.quantity))
        if (pointing_back or elliptic) and reading.noun_class is None:
            # "3,000 of them", "Of these, 300 ...", "... and plans to send another 200": the class
            # and counted noun of the figure before
            antecedent = next((d for d in reversed(kept) if d.reading.noun_class
                               and (pointing_back or _same_sentence(doc, d.quantity, draft.quantity))),
                              None)
            named = _relative_antecedent(doc, draft, lexicon)
            part_of_count = _relative_to_count(doc, draft, kept)
            if named is not None and not part_of_count:
                # "rein in foreign fighters, up to 1,500 of whom ...": the noun the relative follows
                again = read(doc, draft.quantity, lexicon, class_of(named, lexicon))
                if again is not None:
                    again.subject = again.subject or named.text
                    draft.reading = reading = again
                antecedent = None
            if part_of_count:
                # "13 wounded, four of whom are in a serious condition": a part of the figure right
                # before, unless its own clause says what befell it ("eleven of whom died")
                nearest = kept[-1]
                again = read(doc, draft.quantity, lexicon, nearest.reading.noun_class)
                if again is not None and again.decided_by not in {"none", "default"}:
                    draft.reading = reading = again
                elif nearest.reading.decided_by in _DECIDED:
                    reading.category, reading.decided_by = nearest.reading.category, "subset"
                    reading.noun_class = reading.noun_class or nearest.reading.noun_class
                draft.antecedent, antecedent = nearest, None
            if antecedent is not None:
                again = read(doc, draft.quantity, lexicon, antecedent.reading.noun_class)
                if again is not None:
                    again.subject = again.subject or antecedent.reading.subject
                    draft.reading = reading = again
                    draft.antecedent = antecedent
                if elliptic and reading.decided_by in {"none", "default"} and antecedent is kept[-1] \
                        and antecedent.reading.decided_by in _DECIDED \
                        and antecedent.reading.category in _CASUALTY_KINDS and _bare_subject(doc, draft.quantity):
                    # "treated 17 people for wounds; five were sent on to Honiara": a part of the
                    # count right before it, when its own clause says nothing else befell them
                    reading.category, reading.decided_by = antecedent.reading.category, "subset"
                    draft.antecedent = antecedent
        partition = _fronted_anaphor(doc, draft.quantity) or _remainder(doc, draft.quantity, lexicon) \
            or reading.decided_by == "none" and _pronoun_part(doc, draft, kept)
        if partition and reading.decided_by in {"none", "default"}:
            # "Of those, 410 were villagers", "The rest were 120 soldiers": a part
            # of the count before it, counted the same way (the dead among the dead)
            whole = next((d for d in reversed(kept) if d.reading.decided_by in _DECIDED), None)
            if whole is not None:
                reading.category, reading.decided_by = whole.reading.category, "subset"
                draft.antecedent = draft.antecedent or whole
        victims_of = _victims_part(draft, kept)
        if victims_of is not None:
            reading.category, reading.decided_by = victims_of.reading.category, "subset"
            draft.antecedent = draft.antecedent or victims_of
        group = _fronted_group(doc, draft.quantity, lexicon)
        whole = next((d for d in reversed(kept) if d.reading.category == group), None) if group else None
        if whole is not None:
            # "Among the injured are two children": a part of the injured counted before
            if reading.decided_by in {"none", "default"}:
                reading.category = group
            reading.decided_by = "subset"
            draft.antecedent = draft.antecedent or whole
        if kept and kept[-1].reading.category is not None and apposed_part(doc, draft.quantity) \
                and _same_sentence(doc, kept[-1].quantity, draft.quantity):
            # "downed 64 drones, 17 of them heading for Haifa": a part of the count before it
            whole = kept[-1]
            reading.category, reading.decided_by = whole.reading.category, "subset"
            reading.subject, reading.noun_class = whole.reading.subject, whole.reading.noun_class
            draft.antecedent = whole
        if reading.head is None and reading.decided_by not in {"intrinsic", "trigger", "phrase"} and kept \
                and _COMPARED.search(text_of(doc), max(0, draft.quantity.start - 30), draft.quantity.start) \
                and _same_sentence(doc, kept[-1].quantity, draft.quantity):
            # "42 attacks in May, down from 57 in April": the same count, earlier
            earlier = kept[-1].reading
            reading.category, reading.decided_by = earlier.category, "list"
            reading.subject, reading.noun_class = earlier.subject, earlier.noun_class
            draft.compared_with = kept[-1]
        if reading.decided_by in {"none", "default"} and kept and _coordinated_with(draft, kept[-1]) \
                and kept[-1].reading.decided_by in {"subset", "list"}:
            # "including 96 boys and 71 girls": each part of a listed subset
            reading.category, reading.decided_by = kept[-1].reading.category, "list"
        if reading.decided_by not in _DECIDED and kept:
            before = text_of(doc)[max(0, draft.quantity.start - 25):draft.quantity.start]
            previous = kept[-1]
            if _LIST_OPENER.search(before) and previous.reading.decided_by in _DECIDED \
                    and _same_sentence(doc, previous.quantity, draft.quantity):
                reading.category, reading.decided_by = previous.reading.category, "list"
        if reading.category is None and reading.number_noun and reading.head is None and kept \
                and (_same_sentence(doc, kept[-1].quantity, draft.quantity)
                     or reading.back_reference and _next_sentence(doc, kept[-1].quantity, draft.quantity)
                     or reading.rival and _within_sentences(doc, kept[-1].quantity, draft.quantity, 4)):
            # "rose to 1,200, bringing the overall total to 45,000": the total of what the
            # figure before it counts
            earlier = kept[-1].reading
            reading.category, reading.decided_by = earlier.category, "list"
            reading.subject, reading.noun_class = earlier.subject, earlier.noun_class
        repeatable = draft.quantity.low >= 10 or draft.quantity.kind == "vague"
        if reading.decided_by not in _DECIDED | {"list"} and repeatable \
                and (reading.number_noun or reading.category is None):
            same = next((d for d in reversed(kept) if d.interval == draft.interval), None)
            if same is not None:
                reading.category, reading.decided_by = same.reading.category, "coreference"
                reading.subject = same.reading.subject
                reading.noun_class = same.reading.noun_class
        if draft.interval == (1, 1) and reading.decided_by == "default":
            continue  # "one Ukrainian soldier, Viktor": a person in an anecdote, not a count
        if reading.category is not None:
            kept.append(draft)
    return kept


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The first token of the text [start, end), or None where no token lies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _in_attached_clause(hedge_token: Token, head: Token | None) -> bool:
    """The hedge sits in a clause hanging off the counted noun ("soldiers who might be sent")."""
    if head is None:
        return False
    for clause in head.children:
        if clause.dep_ in {"relcl", "acl"} and hedge_token in clause.subtree:
            return True
    return False


def _modifies_number(doc: Doc, hedge: Hedge, quantity: Quantity) -> bool:
    """ "an estimated 5,000": the hedge word stands right before the number, inside its
    qualifier phrase, and so doubts the number whatever its clause says."""
    return hedge.end <= quantity.number_start and not text_of(doc)[hedge.end:quantity.number_start].strip()


def _hedging_prefix(doc: Doc, quantity: Quantity, lexicon: FigureLexicon) -> bool:
    """ "a reported 30 soldiers", "an estimated 5,000": a hedging qualifier word before the
    number that the hedges extractor, reading clauses, may leave without a hedge."""
    text = text_of(doc)
    return lexicon.hedging_prefix.search(text, max(0, quantity.number_start - 30), quantity.number_start) \
        is not None


def _covers(doc: Doc, hedge: Hedge, draft: Draft, lexicon: FigureLexicon) -> bool:
    q = draft.quantity
    if _modifies_number(doc, hedge, q):
        return True
    if not covers(doc, hedge.start, hedge.end, q.number_start, q.number_end):
        return False
    token = token_at(doc, hedge.start, hedge.end)
    if token is None or _in_attached_clause(token, draft.reading.head):
        return False
    if _describes_actor(token, lexicon) and not any(t.idx <= q.number_start < t.idx + len(t)
                                                             for t in token.head.subtree):
        return False  # "Suspected ADF rebels killed at least 27": who they are is in doubt, not the toll
    if draft.reading.presupposed:  # "half of the roughly 11,000 troops": only its own words
        head = draft.reading.head
        return head is not None and token in head.subtree
    return True


def _describes_actor(token: Token, lexicon: FigureLexicon) -> bool:
    """ "Suspected ADF rebels", "alleged militants": a hedge word before a noun of fighters or people,
    which doubts who they are."""
    head = token.head
    return token.dep_ in {"amod", "nmod", "compound"} and token.i < head.i and head.pos_ in {"NOUN", "PROPN"} \
        and class_of(head, lexicon) in {"personnel", "people", "units"}


def _frames(hedge: Hedge, attribution: Attribution | None) -> bool:
    """The hedge is part of the attribution's cue or source ("reportedly said", "estimates")."""
    if attribution is None:
        return False
    cue = cue_of(hedge)
    if cue is not None and cue.kind not in FRAMING_KINDS:
        return False  # "would mean" read as a cue is still a modal of the clause, not of the source
    return any(part is not None and part.start <= hedge.start and hedge.end <= part.end
               for part in (attribution.cue, attribution.source))


def _chain_names(found: Extraction, draft: Draft) -> list[str]:
    """Every name the draft's chain shows, resolved and as written, also where the same source is
    written otherwise elsewhere ("Koang" was introduced as "army spokesman ... Koang": the army's
    figures are his)."""
    names = list(draft.chain[1:])
    for link in chain_links(found, draft.attribution):
        if link.source is not None:
            names.append(link.source.text)
    resolved = set(draft.chain[1:])
    names += [a.source.text for a in found.attributions
              if a.source is not None and a.source_name in resolved and a.source.text not in names]
    return names


def _last_speaker_before(found: Extraction, position: int) -> str | None:
    """The source name of the last attribution whose cue ends before `position`."""
    before = [a for a in found.attributions if a.cue is not None and a.cue.end <= position and a.source_name]
    return max(before, key=lambda a: a.cue.end).source_name if before else None


def _nearest_source_before(drafts: list[Draft], position: int) -> str | None:
    """The originating source of the last sourced figure before `position` ("their figures")."""
    before = [d for d in drafts if d.quantity.end <= position and len(d.chain) > 1]
    return before[-1].chain[-1] if before else None


def _paragraphs_after(text: str, position: int, count: int = 2) -> int:
    """Where the `count`-th paragraph from `position` ends."""
    end = position
    for _ in range(count):
        found = text.find("\n\n", end + 1)
        if found == -1:
            return len(text)
        end = found
    return end


def _paragraph_start(text: str, position: int) -> int:
    found = text.rfind("\n\n", 0, position)
    return 0 if found == -1 else found + 2


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _at_named_place(doc: Doc, caveat: Hedge, drafts: list[Draft]) -> list[Draft]:
    """ "We were unable to verify what happened at the Kherson market": a caveat whose
    object names a place doubts the figures whose sentence names that place (all of
    `drafts` when it names none, or none of them do)."""
    anchor = token_at(doc, caveat.start, caveat.end)
    if anchor is None:
        return drafts
    sentence = anchor.sent
    places = {e.text.casefold() for e in doc.ents if e.label_ in _PLACE_LABELS
              and caveat.end <= e.start_char and e.end_char <= sentence.end_char}
    if not places:
        return drafts
    there = [d for d in drafts if any(p in _sentence_of(doc, d.quantity).casefold() for p in places)]
    return there or drafts


def _sentence_of(doc: Doc, quantity: Quantity) -> str:
    token = token_at(doc, quantity.number_start, quantity.number_end)
    return token.sent.text if token is not None else ""


def _caveat_reach(doc: Doc, found: Extraction, caveat: Hedge, target: CaveatTarget,
                  drafts: list[Draft]) -> list[Draft]:
    """The figures a caveat that reaches none in its own clause doubts."""
    sourced = [d for d in drafts if len(d.chain) > 1]
    if target.reach == "named" and target.owner is not None:
        owned = [] if target.owner_is_pronoun else [
            d for d in sourced if same_source(target.owner, _chain_names(found, d))]
        earlier = [d for d in owned if d.quantity.end <= caveat.start]
        if target.single and earlier:  # "the army's figure": its last one before the caveat
            return [d for d in earlier if _one_sentence(doc, earlier[-1].quantity.number_start, d.quantity.number_start)]
        # "could not verify the group's claims": a body named by its role is one quoted before the
        # caveat, not a "monitoring group" quoted further on
        generic = not target.owner_from_sentence and not any(c.isupper() for c in target.owner)
        if generic and earlier:
            return earlier
        if owned and not generic or target.owner_from_sentence:
            return owned
        # "their figures", or an owner named as a role the chain resolved ("the official's")
        nearest = _nearest_source_before(drafts, caveat.start)
        if target.owner_is_pronoun and target.owner.lower() in {"his", "her"} \
                and _last_speaker_before(found, caveat.start) not in (None, nearest):
            return []  # "We could not confirm his account" after a witness who gave no figure
        return [d for d in sourced if nearest is not None and d.chain[-1] == nearest]
    # "... the assertions, which are hard to check independently": the sourced claims before it;
    # a caveat placed before the claims ("Reuters could not verify the report.") doubts
    # the sourced claims that follow it in its paragraph and the next
    before = _at_named_place(doc, caveat, [d for d in sourced if d.quantity.end <= caveat.start])
    # in its own paragraph first: a live-blog entry's or a section's caveat ("Neither claim
    # can be verified") doubts the claims of that entry, not every claim above it
    opening = _paragraph_start(text_of(doc), caveat.start)
    own = [d for d in before if d.quantity.start >= opening]
    if target.last_claim and target.single:
        # "16 killed in total. This figure may be incomplete": the one figure just given, the
        # author's own too, in the caveat's line
        line = text_of(doc).rfind("\n", 0, caveat.start) + 1
        made = [d for d in drafts if line <= d.quantity.start and d.quantity.end <= caveat.start]
        return made[-1:]
    if target.said_before:  # "None of this can be confirmed": what the last source said, in the paragraph
        return [d for d in own if d.chain[-1:] == own[-1].chain[-1:]] if own else []
    if target.those:  # "I cannot confirm those figures"
        if own or not before:
            return own
        last = _paragraph_start(text_of(doc), before[-1].quantity.start)
        return [d for d in before if d.quantity.start >= last]
    if target.last_claim:  # "confirm it": the claim just made, in the last sentence before it
        return _last_claim(doc, caveat, before, opening)
    if own:
        return own
    if before and target.topic is None:
        # "I cannot confirm either." as a paragraph of its own: the claims of the nearest paragraph
        # before it that has any, not every claim above
        last = _paragraph_start(text_of(doc), before[-1].quantity.start)
        return [d for d in before if d.quantity.start >= last]
    if before:
        return before
    limit = _paragraphs_after(text_of(doc), caveat.end)
    return [d for d in sourced if caveat.end <= d.quantity.start < limit]


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _last_claim(doc: Doc, caveat: Hedge, before: list[Draft], opening: int) -> list[Draft]:
    """The figures "it" in "we could not confirm it" doubts: those of its own sentence ("... 20
    were taken, \"although we could not confirm it\""), else of the last sentence with figures in
    its paragraph ("... counted 600,000 deaths. The survey was never published, and we could not
    check it."), else, for a caveat that is a sentence of its own ("We have not been able to
    verify it."), of the last sentence with figures in the paragraph before."""
    span = doc.char_span(caveat.start, caveat.end, alignment_mode="expand")
    sentence = span[0].sent if span is not None and len(span) else None
    if sentence is None:
        return []
    own = [d for d in before if d.quantity.start >= sentence.start_char]
    if own:
        return own
    short = len(text_of(doc)[sentence.start_char:caveat.start].split()) <= 3
    start = opening if not short else _paragraph_start(text_of(doc), max(opening - 2, 0))
    last = [d for d in before if d.quantity.start >= start]
    return [d for d in last if _one_sentence(doc, last[-1].quantity.number_start, d.quantity.number_start)] \
        if last else []


def _tally_reach(doc: Doc, hedge: Hedge, drafts: list[Draft], lexicon: FigureLexicon) -> list[Draft]:
    """The figures a hedged number noun stands for: "Officials issued a tentative tally: 12
    killed, 9 wounded" (the list after the colon) and "..., noting that the figures were
    preliminary" (the clause that the noting hangs on)."""
    token = token_at(doc, hedge.start, hedge.end)
    if token is None:
        return []
    noun = None
    if token.dep_ == "amod" and token.head.pos_ == "NOUN":
        noun = token.head  # "the provisional toll"
    elif token.dep_ in {"acomp", "attr"}:
        noun = next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if noun is None or noun.lemma_.lower() not in lexicon.number_nouns:
        return []
    text = text_of(doc)
    sentence = token.sent
    colon = text.find(":", noun.idx, sentence.end_char)
    if token.dep_ == "amod" and colon != -1:
        close = _SENTENCE_END.search(text, colon)
        end = close.end() if close else len(text)
        return [d for d in drafts if colon < d.quantity.start < end]
    if token.dep_ in {"acomp", "attr"}:
        # "X put the dead at 30 and the injured at 12, noting that the figures were preliminary":
        # the clause the adding hangs on, not an earlier source's clause in the sentence
        clause = token.head
        adding = clause.head if clause.dep_ == "ccomp" else None
        if adding is not None and adding.dep_ in {"advcl", "conj"} and adding.head.i < adding.i:
            host = adding.head
            inside = {t.i for t in host.subtree} - {t.i for t in adding.subtree}
            return [d for d in drafts if (a := token_at(doc, d.quantity.number_start, d.quantity.number_end))
                    is not None and a.i in inside]
        # "The figures are preliminary.": the figures of the source its sentence gave before it
        before = [d for d in drafts if sentence.start_char <= d.quantity.start < noun.idx]
        if before:
            return [d for d in before if d.chain[-1:] == before[-1].chain[-1:]]
        if any(c.dep_ in ("prep", "compound", "nmod") for c in noun.children):
            return []  # "the figure for deaths was provisional": some figure, named, not the last ones
        return _previous_sentence_claims(doc, sentence, drafts)
    if token.dep_ == "amod" and noun.dep_ == "attr" and any(
            c.dep_ == "nsubj" and c.lower_ in ("those", "these", "they", "both", "all") for c in noun.head.children):
        # "Those are preliminary numbers.": the figures the sentence before gave
        return _previous_sentence_claims(doc, sentence, drafts)
    return []


def _previous_sentence_claims(doc: Doc, sentence: Span, drafts: list[Draft]) -> list[Draft]:
    """The figures of the last source in the sentence before `sentence`, in its paragraph."""
    if sentence.start == 0:
        return []
    previous = doc[sentence.start - 1].sent
    if "\n\n" in text_of(doc)[previous.end_char:sentence.start_char + 1]:
        return []
    inside = [d for d in drafts if previous.start_char <= d.quantity.start < previous.end_char]
    return [d for d in inside if d.chain[-1:] == inside[-1].chain[-1:]]


def link_hedges(doc: Doc, found: Extraction, drafts: list[Draft], lexicon: FigureLexicon) -> None:
    """Give each draft the hedges that reach it; caveats reach the claims they name."""
    hedge_lexicon = load_hedge_lexicon()
    for hedge in found.hedges:
        cue = cue_of(hedge)
        target = caveat_target(doc, hedge.start, hedge.end, hedge_lexicon, lexicon) \
            if cue is not None and cue.kind == "caveat" else None
        if target is not None and target.reach == "none":
            continue  # "the type of missile could not be verified" doubts no figure
        # "the shipment figures could not be verified" doubts the shipments, not the deaths
        doubted = [d for d in drafts if target is None
                   or target.doubts(d.reading.category, d.reading.noun_class)]
        if target is not None and target.in_sentence:
            doubted = [d for d in doubted if _one_sentence(doc, hedge.start, d.quantity.number_start)]
        if target is not None and target.about:
            # "could not confirm the figures on the missiles' accuracy": the figures said about it
            doubted = [d for d in doubted if target.about in _sentence_of(doc, d.quantity).casefold()]
        reached = False
        # "..., although the governor gave 60 dead, adding that the numbers were preliminary": a
        # caveat said by a speaker inside another's words doubts that speaker's figures only
        speaker = _caveat_speaker(found, hedge) if target is not None else None
        if speaker is not None and speaker.source_name:
            # only when that speaker gave figures of its own in the caveat's sentence; a speaker
            # doubting what it passes on ("a number the agency said it could not confirm") is left
            own = [d for d in doubted if d.chain[-1:] == [speaker.source_name]
                   and _one_sentence(doc, hedge.start, d.quantity.number_start)]
            if own:
                doubted = [d for d in doubted if d.chain[-1:] == [speaker.source_name]]
        for draft in doubted:
            if _covers(doc, hedge, draft, lexicon) or any(_frames(hedge, link) for link in
                                                  chain_links(found, draft.attribution)):
                draft.hedge_keys.append(hedge.key)
                reached = True
        if target is not None and not reached:
            for draft in _caveat_reach(doc, found, hedge, target, doubted):
                if hedge.key not in draft.hedge_keys:
                    draft.hedge_keys.append(hedge.key)
        if cue is not None and cue.kind == "epistemic":
            for draft in _tally_reach(doc, hedge, drafts, lexicon):
                if hedge.key not in draft.hedge_keys:
                    draft.hedge_keys.append(hedge.key)
    for draft in drafts:
        draft.planned = headline_plan(draft.reading.verb)
        denied = any(_denies(doc, link, lexicon) for link in chain_links(found, draft.attribution)) \
            or _doubting_apposition(doc, found, draft.quantity, lexicon)
        draft.hedged = bool(draft.hedge_keys) or draft.planned or denied \
            or _hedging_prefix(doc, draft.quantity, lexicon) \
            or _under_doubting_heading(text_of(doc), draft.quantity.start, hedge_lexicon.doubting_headings)


def _under_doubting_heading(text: str, position: int, phrases: frozenset[str]) -> bool:
    """Whether the nearest section heading above `position` doubts what its section lists
    ("REPORTED, NOT VERIFIED", "OTHER REPORTS WE COULD NOT CONFIRM"). A heading is a short line
    without a closing full stop that is not a list item; the article's first line (its headline)
    is none."""
    end = text.rfind("\n", 0, position)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if start > 0 and line and not line.startswith(("-", "•", "*")) and len(line.split()) <= 8 \
                and line[-1] not in ".!?\"”":
            lowered = line.lower()
            return any(p in lowered for p in phrases)
        end = start - 1
    return False


def _caveat_speaker(found: Extraction, hedge: Hedge) -> Attribution | None:
    """The innermost attribution whose speaker says the caveat (its cue comes before the caveat
    in that attribution's extent), or None when the caveat is the author's."""
    holders = [a for a in found.attributions if a.cue is not None
               and a.source is not None and a.start <= hedge.start and hedge.end <= a.end
               and a.cue.end <= hedge.start]
    return min(holders, key=lambda a: a.end - a.start) if holders else None


def _one_sentence(doc: Doc, first: int, second: int) -> bool:
    a, b = doc.char_span(first, first + 1, alignment_mode="expand"), doc.char_span(second, second + 1,
                                                                                  alignment_mode="expand")
    return a is not None and b is not None and len(a) > 0 and len(b) > 0 and a[0].sent.start == b[0].sent.start


def _denies(doc: Doc, link: Attribution, lexicon: FigureLexicon) -> bool:
    """ "The army denied that 300 civilians were killed": the cue disputes what it attributes."""
    if link.cue is None:
        return False
    cue = doc.char_span(link.cue.start, link.cue.end, alignment_mode="expand")
    return cue is not None and any(t.lemma_.lower() in lexicon.denials or t.lower_ in lexicon.denials
                                   for t in cue)


def _doubting_apposition(doc: Doc, found: Extraction, quantity: Quantity, lexicon: FigureLexicon) -> bool:
    """ "... killed 471 people, the ministry said, a figure disputed by Israel" (or "a toll
    that is likely to rise"): a number noun set after the claim whose own clause disputes
    or hedges it."""
    anchor = token_at(doc, quantity.number_start, quantity.number_end)
    if anchor is None:
        return False
    sentence = anchor.sent
    for noun in doc[anchor.i + 1: sentence.end]:
        if noun.dep_ not in {"appos", "npadvmod"} or noun.lemma_.lower() not in lexicon.number_nouns:
            continue
        for clause in (c for c in noun.children if c.dep_ in {"acl", "relcl"}):
            words = list(clause.subtree)
            if any(t.lemma_.lower() in lexicon.denials for t in words):
                return True
            low, high = words[0].idx, words[-1].idx + len(words[-1].text)
            if any(low <= h.start and h.end <= high for h in found.hedges):
                return True
    return False


def headline_plan(verb: Token | None) -> bool:
    """ "North Korea to send 6,000 more troops", "Pyongyang to deploy 3,000, Seoul says": an
    infinitive with a subject of its own and no finite verb above it is the headline form of
    a plan or forecast, which the guide counts as hedged ("is to send")."""
    if verb is None or verb.tag_ != "VB":
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
            or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
            or any(c.dep_ == "mark" for c in verb.children):  # "for Russia to send ..."
        return False
    return verb.dep_ == "ROOT" or verb.dep_ in {"ccomp", "parataxis"} and verb.i < verb.head.i


def _compatible(a: Draft, b: Draft, lead_end: int, title_end: int = 0, first: int = 1) -> bool:
    """Two mentions with the same category and interval can be one claim: the same source
    (or one of them unsourced, or in the headline or lead, which name sources by metonym:
    "Seoul", "Kyiv says", "UK intelligence") and the same kind of counted thing (or one
    unknown, or one in the title, which names things by a broader word: "6,000 more troops"
    over "6,000 military builders and deminers"). `first` is where a chain's sources begin: 1
    after the publisher, 0 for a document with no publisher."""
    headline = min(a.quantity.start, b.quantity.start) < lead_end
    sourced = len(a.chain) > first and len(b.chain) > first
    if sourced and not headline \
            and not same_source(a.chain[-1], b.chain[first:]) and not same_source(b.chain[-1], a.chain[first:]):
        return False  # neither chain holds the other's originating source
    if sourced and headline:
        # "Britain's Ministry of Defence" in the lead and "South Korea's Joint Chiefs" below: a
        # lead names sources by metonym, but never moves a claim to another country's source
        ours = frozenset().union(*map(_origin_countries, a.chain[first:]))
        theirs = frozenset().union(*map(_origin_countries, b.chain[first:]))
        if ours and theirs and not ours & theirs:
            return False
    classes = a.reading.noun_class, b.reading.noun_class
    return None in classes or classes[0] == classes[1] or min(a.quantity.start, b.quantity.start) < title_end


def _origin_countries(name: str) -> frozenset[str]:
    """The countries a source's name says it belongs to ("Britain's Ministry of Defence" ->
    United Kingdom), from the nationality vocabulary."""
    lowered = " " + re.sub(r"['’]s\b", "", name.casefold()) + " "
    return frozenset(country for word, country in load_place_words().countries.items()
                     if f" {word} " in lowered)


_LEAD_SENTENCES = 4  # a headline and a lead of up to three sentences


def unify(drafts: list[Draft], text: str = "", doc: Doc | None = None, publisher: bool = True) -> None:
    """Mentions of one claim share the fullest source chain and one hedged value. `publisher`:
    whether chains open with the document's publisher (a document may have none)."""
    # headline and lead: the first two paragraphs, and no more than their first sentences (a PDF's
    # text layer may have a single blank line, and its "first two paragraphs" the whole document)
    lead_end = _paragraphs_after(text, 0, 2) if "\n\n" in text else 0
    if doc is not None and lead_end:
        sentences = [s.end_char for _, s in zip(range(_LEAD_SENTENCES), doc.sents)]
        if len(sentences) == _LEAD_SENTENCES:
            lead_end = min(lead_end, sentences[-1])
    title_end = headline_end(text)
    groups: dict[tuple[str | None, float, float | None], list[list[Draft]]] = {}
    for draft in drafts:
        clusters = groups.setdefault((draft.reading.category, *draft.interval), [])
        home = next((c for c in clusters if all(_compatible(draft, m, lead_end, title_end, int(publisher))
                                                for m in c)), None)
        if home is None:
            clusters.append([draft])
        else:
            home.append(draft)
    for number, members in enumerate(c for clusters in groups.values() for c in clusters):
        for draft in members:
            draft.claim = number
        if len(members) < 2:
            continue
        # the longest chain; among equals the last mention, since the body names sources
        # more precisely than the headline and lead that summarise it
        longest = max(len(d.chain) for d in members)
        fullest = [d for d in members if len(d.chain) == longest][-1]
        hedged = any(d.hedged for d in members)
        subject = next((d.reading.subject for d in members if d.reading.subject), None)
        for draft in members:
            if draft.chain != fullest.chain:  # every mention of one claim carries one chain
                draft.chain = list(fullest.chain)
                draft.attribution = fullest.attribution
            draft.hedged = hedged
            draft.reading.subject = draft.reading.subject or subject
    _headline_rounding(drafts, title_end, lead_end, int(publisher))


def _headline_rounding(drafts: list[Draft], title_end: int, lead_end: int, first: int) -> None:
    """ "Fourteen dead as ..." over "At least 14 people were killed ..., police said": a headline
    figure that states the lead's bound as a plain number is the lead's claim, and takes its
    chain (not its qualifier)."""
    if not title_end:
        return
    for draft in drafts:
        if draft.quantity.start >= title_end or len(draft.chain) > first or draft.quantity.qualifier != "exact":
            continue
        lead = next((d for d in drafts if title_end <= d.quantity.start < max(lead_end, title_end + 1)
                     and d.reading.category == draft.reading.category and d.quantity.low == draft.quantity.low
                     and d.quantity.qualifier in ("at_least", "more_than", "approx") and len(d.chain) > first), None)
        if lead is not None:
            draft.chain, draft.attribution = list(lead.chain), lead.attribution


def follow_parts(drafts: list[Draft]) -> None:
    """ "Of those, 40 were civilians", "Among the injured are two children": a part of an earlier
    count that names no source of its own is given by whoever gave the count; so is one whose
    source only carries the count's ("..., the hospital told our staff it had received 210 wounded,
    58 of them children" under a spokesperson's turn: the hospital's 58)."""
    for draft in drafts:
        whole = draft.antecedent
        if whole is None or draft.reading.decided_by != "subset" or len(whole.chain) < 2:
            continue
        if len(draft.chain) > 1 and not (len(whole.chain) > len(draft.chain)
                                         and whole.chain[:len(draft.chain)] == draft.chain):
            continue
        draft.chain, draft.attribution = list(whole.chain), whole.attribution


def follow_comparisons(drafts: list[Draft]) -> None:
    """ "..., a lawmaker said, up from 3,000 in January": whoever gives a figure gives the earlier
    value it is compared with, and an estimate's earlier value is an estimate too (after `unify`,
    so that the compared figure's chain is its fullest)."""
    for draft in drafts:
        compared = draft.compared_with
        if compared is None:
            continue
        if draft.own_report:
            continue  # "up from the 600 it had reported": said apart, by its own clause
        if len(compared.chain) > len(draft.chain):
            draft.chain, draft.attribution = list(compared.chain), compared.attribution
        draft.hedged = draft.hedged or compared.hedged
