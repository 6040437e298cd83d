"""Direct speech and lines: quotes no verb rule took, "Name: what they said" lines, and content
grown to whole quotes and clipped to its paragraph.

A quote next to a cue in its sentence is that cue's ("..." he said / said: "..."), a quote
paragraph after a quoted paragraph continues it; a line opening with a short name and a colon is
a headline's or a transcript's speaker ("Budanov: 11,000 troops in training", "TAPPER: ...").
A mixin of the rule finder (`rules.Finder`), kept apart to keep that module small; it reads the
parse and the quotes through the finder's state and must not resolve names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.drafts import SUBJECTS, Draft, source_span, token_end
from claimgraph.extract.attributions.quotes import QUOTE_CHARS, QuoteGroup
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.entities.lexicon import is_country
from claimgraph.extract.nlp import HYPHENS, LIST_ITEM, LIST_MARK

if TYPE_CHECKING:
    from claimgraph.extract.attributions.vocabulary import Cues

# A line the publisher opens with a note of its own: "Note from the Desk:", "Editor's note:",
# "Translator's note:", "[Translator's note 2:" (after a translated item, the publisher speaks
# again; no speaker's label).
NOTE_LINE = re.compile(r"^[^\S\n]*\[?[^\S\n]*(?:Note from [^:\n]{1,40}|(?:Editor|Translator)s?['’]?s?[^\S\n]+[Nn]otes?"
                       r"(?:[^\S\n]+(?:[Nn]o\.[^\S\n]*)?\d{1,2})?)[^\S\n]*:",
                       re.MULTILINE)
# "Budanov: 11,000 troops in training" (a headline) or "TAPPER: Take a listen." (a transcript):
# a short name, a colon, and the rest of the line.
_LINE_COLON = re.compile(r"^[^\S\n]*([^\n:]{2,100}?)[^\S\n]*:[^\S\n]+(\S[^\n]*?)[^\S\n]*$", re.MULTILINE)


# A post of a compiled thread: "2/ National Civil Police account, 9.40 a.m.: \"...\"", "Security
# minister's personal account, 1.15 p.m.: ..." (a post number, whose account, when; then the post)
_POST_LINE = re.compile(
    r"^[^\S\n]*(?:\d{1,2}/[^\S\n]+)?(?P<account>[A-Z][^,\n:\[\]]{1,60}?[^\S\n]+(?:account|handle|page|channel))"
    r"(?:[^\S\n]*,[^\n:]{0,60})?[^\S\n]*:[^\S\n]+(?P<post>\S[^\n]*?)[^\S\n]*$", re.MULTILINE)
# A translator's, editor's or compiler's note in square brackets: the publisher's side speaks there
BRACKETED_NOTE = re.compile(r"\[[^\[\]]*\]")
# "the account later said ...": the account a note after a post speaks of
_THE_ACCOUNT = re.compile(r"(?i:the)[^\S\n]+(?:account|handle|page|channel)\b")

# A line that ends with whose figure it is: "- 4 clinics looted (WHO figures)", "... (UN estimate)."
_SOURCE_NOTE = re.compile(
    rf"^[^\S\n]*(?:{LIST_MARK}[^\S\n]+)?(?P<item>[^\n()]*?\d[^\n()]*?)[^\S\n]*"
    r"\((?P<source>[^()\n]{2,60}?)(?:[^\S\n]+(?P<word>estimates?|figures?|count|data|tally|numbers))?\)[^\S\n]*\.?[^\S\n]*$",
    re.MULTILINE)


# "Answered by Edwin Lyle, Minister of State for the Armed Forces: ...": the label, the name up to a
# comma or the colon, what describes them, the colon.
_ANSWER_LINE = re.compile(r"^[^\S\n]*([A-Z][a-z]+(?: [a-z]+)? (?:by|from)) ([^,:\n]{2,60}?)(?:,[^:\n]{0,120})?:[^\S\n]+",
                          re.MULTILINE)
# A heading alone on its line over a parliamentary question or its answer, and the sentence
# above that names who asked and who answered ("tabled ... by X", "answered on 16 March by Y, ...")
_SECTION_HEADING = re.compile(r"^[^\S\n]*(Question|Answer|Reply)[^\S\n]*$", re.MULTILINE)
_SECTION_SPEAKER = {
    "question": re.compile(r"\b(?:tabled|asked|put)\b[^.\n]{0,40}?\bby[^\S\n]+([A-Z][^,.;(\n]{2,60}?)(?=[^\S\n]*[,.;(\n])"),
    "answer": re.compile(r"\b(?:answered|replied)\b[^.\n]{0,40}?\bby[^\S\n]+([A-Z][^,.;(\n]{2,60}?)(?=[^\S\n]*[,.;(\n])"),
}
# A heading line in capitals ("COMMUNIQUÉ OF THE GOVERNMENT", "OTHER ACCOUNTS") opening a paragraph,
# alone or over the first line of its body. (a document's number too: "COMMUNIQUÉ No. 04/2026")
_HEADING_CHAR = r"[A-ZÀ-ÖØ-Þ0-9 .,'’()\-–/°]"
_CAPITALS_HEADING = re.compile(
    rf"(?:^|(?<=\n\n))[^\S\n]*([A-ZÀ-ÖØ-Þ](?:{_HEADING_CHAR}|N[or]\.(?= ?\d)){{2,80}})[^\S\n]*(?=\n|\Z)")
# A quotation opening a paragraph, under a heading line in capitals or not ("STATEMENT\n\"Between ...")
_QUOTED_PARAGRAPH = re.compile(rf"\n\n(?:[^\S\n]*[A-ZÀ-ÖØ-Þ]{_HEADING_CHAR}{{2,60}}\n)?[^\S\n]*([\"“«])")
# A paragraph after a reproduced document that is the publisher's again: "Note: The Gazette could
# not verify ...", "Response: Reached by telephone, ..."
_AFTERWORD = re.compile(r"\n\n[^\S\n]*(?:Editor['’]s note|Note|Response|Reaction|Update|Correction|Background)"
                        r"[^\S\n:]{0,20}:")
# What says a document follows in full: "the following statement", "published below", "in full".
_REPRODUCED = re.compile(r"\b(?:the following|below|in full|full text)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_DESIGNATOR_WORDS = frozenset({"no", "no.", "nr", "nr.", "number", ".", "#"})
_FIRST_PERSON = re.compile(r"\b(?:I|my|My|we|We|our|Our|us|me)\b")


# A transcript turn: an upper-case label opening a paragraph ("QUINTERO:", "GEN. OKAFOR:", "TRAORÉ:",
# "Q:"); shared with the figures' transcript speakers
TURN_LABEL = re.compile(r"(?:^|\n\n)([A-ZÀ-ÖØ-Þ](?:[A-ZÀ-ÖØ-Þ.'’\- ]{0,40}[A-ZÀ-ÖØ-Þ.])?)"
                        r"(?:[ \t]*\([^()\n]{1,40}\))?:[ \t]")  # ("HADDEN (recorded):": the label is HADDEN)
# Any paragraph-opening label, capitals or not ("Hnatiuk:", "DRW:"): who takes turns, for telling
# the asking side from the answering one
_ANY_TURN = re.compile(r"(?:^|\n\n)([A-ZÀ-ÖØ-Þ][\w.'’\- ]{0,40}?)(?:[ \t]*\([^()\n]{1,40}\))?:[ \t]")
# "Host: Aïssata Coulibaly." in a programme's header: who asks
_HOST = re.compile(r"\b(?:Host|Presenter|Moderator|Interviewer|Anchor)s?:\s*([^\n.;,]{2,60})"
                   r"|(?:^|\n\n)(?:HOST|PRESENTER|MODERATOR|INTERVIEWER|ANCHOR)[ \t]*\(([^()\n]{2,60})\):"
                   r"|(?:^|\n\n)([^()\n:]{2,60}?)[ \t]*\((?i:host|presenter|moderator|interviewer|anchor)\):")


@lru_cache(maxsize=1)
def _staff() -> re.Pattern[str]:
    """ "our correspondent Alusine Conteh", "Our reporter Conor Magennis": the publisher's own
    staff named (`cues.staff_roles`); group 1 is the name."""
    roles = "|".join(sorted(map(re.escape, cues().staff_roles), key=len, reverse=True))
    return re.compile(rf"\b[Oo]ur[ \t]+(?:[a-z-]+[ \t]+)?(?:{roles})s?,?[ \t]+"
                      rf"((?:[A-ZÀ-ÖØ-Þ][\w'’-]+[ \t]+)*[A-ZÀ-ÖØ-Þ][\w'’-]+)")


_SUMMARY_PARAGRAPHS = 3  # a summary says what it is in its headline, standfirst or first paragraph


@lru_cache(maxsize=1)
def _summary() -> re.Pattern[str]:
    """A paragraph that opens "Summary of ...", "A digest of ..." (`cues.summary_nouns`)."""
    nouns = "|".join(sorted(map(re.escape, cues().summary_nouns), key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\n\n))[^\S\n]*(?:(?:An?|The|Our)[ \t]+)?(?:{nouns})[ \t]+of\b", re.IGNORECASE)


def _headings(text: str, start: int = 0) -> list[re.Match[str]]:
    """The headings in capitals from `start` on that have four letters or more."""
    return [m for m in _CAPITALS_HEADING.finditer(text, start) if sum(c.isalpha() for c in m.group(1)) >= 4]


def located_place(text: str, source: tuple[int, int]) -> bool:
    """ "Casamance: mines killed seven civilians": a headline's label before its colon that the
    article elsewhere places things in ("in Casamance", "across Casamance") is its topic, a region,
    whatever the line says; a country may speak ("Kyiv: ...", "Ukraine: ..." are not taken)."""
    label = text[source[0]:source[1]].strip()
    if not label or is_country(label) or "\n" in text[:source[0]].strip():
        return False
    located = re.compile(rf"\b(?:in|across|near|around|outside)[^\S\n]+{re.escape(label)}\b")
    return located.search(text, source[1]) is not None


@lru_cache(maxsize=64)
def publisher_labels(text: str) -> frozenset[str]:
    """The labels of a transcript that speak for the publisher when they are names, lower-cased:
    the asking side ("QUINTERO:" beside "RUBIANO:"), that is the label of the host the header
    names ("Host: Aïssata Coulibaly") and a label at least half of whose turns end in a question,
    in a transcript where another label has two turns or more and asks nothing; and the
    publisher's own staff ("Our correspondent Alusine Conteh is in Koidu." then "CONTEH:"), who
    speak for it as a byline does. Labels such as "Q:" and "HOST:" are the asking side by their
    word (`cues.question_labels`)."""
    turns: dict[str, list[str]] = {}
    matches = list(_ANY_TURN.finditer(text))
    for match, after in zip(matches, [*matches[1:], None]):
        body = text[match.end():after.start() if after is not None else len(text)].strip()
        turns.setdefault(match.group(1).strip(" .").lower(), []).append(body)
    hosts = {w.casefold() for m in _HOST.finditer(text)
             for w in (m.group(1) or m.group(2) or m.group(3)).split()[-1:]}
    hosts |= {m.group(1).split()[-1].casefold() for m in _staff().finditer(text)}
    named = frozenset(label for label in turns if label.split()[-1].casefold() in hosts)
    # a member who puts questions under a title ("COUNCILLOR ANA RUIZ:", "SENATOR OKOYE:") takes
    # part in the session: what their questions assert is theirs, whatever they ask
    turns = {label: bodies for label, bodies in turns.items() if not _titled(label)}
    asks = {label: sum(body.endswith("?") for body in bodies) for label, bodies in turns.items()}
    answering = [label for label, bodies in turns.items() if len(bodies) >= 2 and asks[label] == 0]
    if not answering:
        return named
    return named | frozenset(label for label, bodies in turns.items()
                             if label not in answering and asks[label] and 2 * asks[label] >= len(bodies))


def _after_designator(noun: Token) -> list[Token]:
    """The word after a document's number ("press release No. 14/2026 of the Command"), where the
    parse often hangs the "of" phrase on the verb instead of the noun; [] when no number follows."""
    doc, i = noun.doc, noun.i + 1
    while i < len(doc) and i <= noun.i + 4 and (doc[i].lower_ in _DESIGNATOR_WORDS or any(c.isdigit() for c in doc[i].text)):
        i += 1
    return [doc[i]] if noun.i + 1 < i < len(doc) else []


def _clause_words(owner: Token) -> set[int]:
    """The words of clauses that follow an issuer's name ("the Command, issued on 21 April,
    followed by ..."): what the document did, not who issued it."""
    doc = owner.doc
    return {t.i for c in owner.rights if c.dep_ in ("acl", "relcl", "advcl") and c.left_edge.i > 0
            and doc[c.left_edge.i - 1].text == "," for t in c.subtree}  # ("a group signing as X" is X)


def _titled(label: str) -> bool:
    """Whether a turn label is a name under a title or office ("COUNCILLOR ANA RUIZ", "SEN. OKOYE")."""
    words = label.replace(".", " ").split()
    first = words[0].lower() if len(words) >= 2 else ""
    return first in cues().person_roles or first in cues().titles or first in cues().occupations


def _names_someone(phrase: Token) -> bool:
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP") for t in phrase.subtree)


def outside_notes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between bracketed notes (`BRACKETED_NOTE`), trimmed, that hold
    a word: what a reproduced item or a post says, less the publisher's notes in it."""
    pieces, position = [], start
    for note in [*BRACKETED_NOTE.finditer(text, start, end), None]:
        piece = text[position:end if note is None else note.start()]
        if re.search(r"\w", piece):
            first = position + len(piece) - len(piece.lstrip())
            pieces.append((first, position + len(piece.rstrip())))
        if note is not None:
            position = note.end()
    return pieces


class LineRules:
    """Quotes, line-opening speakers and the paragraph bounds of content."""

    doc: Doc
    text: str
    cues: Cues
    drafts: list[Draft]
    quotes: list[QuoteGroup]

    def cue_class(self, token: Token) -> str | None:
        raise NotImplementedError

    def quote_rule(self) -> None:
        """Quotes no verb rule took: join them to a speaker or to the quote before them."""
        covered = [span for d in self.drafts for span in d.content]
        previous: Draft | None = None
        previous_end = -1
        for group in self.quotes:
            if any(cs <= group.start and group.end <= ce for cs, ce in covered):
                previous = next((d for d in self.drafts for cs, ce in d.content
                                 if cs <= group.start and group.end <= ce), previous)
                previous_end = group.end
                continue
            holder = next((d for d in self.drafts if not d.relay and any(
                cs < group.end and group.start < ce for cs, ce in d.content)), None)
            if holder is not None:  # the parse took part of the quote as this cue's clause
                previous = holder
                previous_end = group.end
                if holder.cue_token is not None:
                    previous_end = max(group.end, self.doc[holder.cue_token].sent.end_char)
                continue
            owner = self._quote_owner(group)
            if owner is not None:
                owner.content = sorted(set(owner.content) | set(group.segments))
                previous, previous_end = owner, group.end
                if owner.cue_token is not None:
                    previous_end = max(group.end, self.doc[owner.cue_token].sent.end_char)
                continue
            if group.words(self.text) < 4:
                continue  # a scare quote or a title
            gap = self.text[previous_end:group.start] if previous is not None else ""
            if previous is not None and "\n" not in gap and not gap.strip() or previous is not None and self._paragraph_is(group) and gap.count("\n") <= 2 \
                    and gap.strip() == "" and all(self._is_quoted(c) or c in group.segments
                                                  for c in previous.content):
                previous.content = sorted(set(previous.content) | set(group.segments))
                previous_end = group.end

    def document_block_rule(self) -> None:
        """ "The Gazette publishes below the text of a statement issued by the Emergency Centre of
        the Ministry of Health.\n\n"Israeli strikes killed four ...\n\n... 945 wounded."": a
        quotation opening the paragraph after one that introduces a document by its issuer is
        the issuer's, up to its closing mark; when its first sentence has a speaker of its own
        ("The General Staff informs the public that ..."), that speaker's content runs on to the
        closing mark instead. Run after the paragraph settling: the content runs over several
        paragraphs on purpose."""
        text = self.text
        for match in _QUOTED_PARAGRAPH.finditer(text):
            opening = match.start(1)
            close = self._closing_mark(opening)
            if close is None:
                continue
            first_end = min(i for i in (text.find(". ", opening, close), text.find("\n", opening, close), close) if i != -1)
            speaker = next((d for d in self.drafts if d.source is not None and d.show_cue
                            and opening <= d.source[0] < first_end), None)
            if speaker is not None and _FIRST_PERSON.search(text, opening, first_end):
                speaker = None  # "... the Authority has informed my Office that ...": the author speaks
            if speaker is not None:
                # "The General Staff informs the public that ...": the statement's own opening
                # speaker says the rest of it, down to the closing mark
                said_end = max(e for _, e in speaker.content) if speaker.content else first_end
                rest = text.find("\n\n", said_end, close)
                if rest != -1 and not any(s <= rest + 2 < e for d in self.drafts for s, e in d.content):
                    speaker.content = sorted([*speaker.content, (rest + 2, close)])
                continue
            if any(d.source is not None and d.show_cue and any(s <= opening + 1 < e for s, e in d.content)
                   for d in self.drafts):
                continue  # a speaker already holds the quotation
            intro = self._introduction(match.start())
            found = self._document_issuer(intro, match.start())
            if found is None:
                continue
            noun, owner = found
            reader = next((d for d in self.drafts if d.cue_token == noun.head.i and d.content
                           and all(noun.left_edge.idx <= s and e <= token_end(noun.right_edge) for s, e in d.content)), None)
            if reader is not None:  # "X read the following statement": what X read is the quotation
                reader.content = [(opening + 1, close)]
                continue
            self.drafts.append(self._issued(noun, owner, (opening + 1, close), through_noun=True))

    def listing_rule(self) -> None:
        """ "An officer showed us the division's inventory of recovered items. It lists:\n\n- 17
        rifles\n- ...": a document that "lists" or "includes" what follows its colon is the source of
        the list's items. A pronoun subject ("It lists:") stands for the last document the sentence
        before names. Run before `listed_content_rule`, after the paragraph settling."""
        doc = self.doc
        for colon in (t for t in doc if t.text == ":" and t.i > 0):
            verb = doc[colon.i - 1]
            if verb.lemma_.lower() not in self.cues.listing_verbs or verb.pos_ not in ("VERB", "AUX") \
                    or any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
                continue
            items = self._list_after(colon.idx + 1)
            if not items or any(d.show_cue and d.cue[0] <= verb.idx < d.cue[1] for d in self.drafts):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            named = doc[subject.left_edge.i:subject.right_edge.i + 1]
            if subject.pos_ == "PRON" and verb.sent.start > 0:
                before = doc[verb.sent.start - 1].sent
                documents = [t for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in self.cues.document_nouns]
                if not documents:
                    continue
                named = doc[documents[-1].left_edge.i:documents[-1].right_edge.i + 1]
            elif named.root.lemma_.lower() not in self.cues.document_nouns:
                continue  # "The army lists:" is a speaker the verb rules find; here only documents
            self.drafts.append(Draft(cue=(verb.idx, verb.idx + len(verb.text)), content=items,
                                     source=(named.start_char, named.end_char), source_head=named.root.i,
                                     cue_token=verb.i))

    def _list_after(self, position: int) -> list[tuple[int, int]]:
        """The items of the list whose lines follow `position` (each without its mark)."""
        text = self.text
        items: list[tuple[int, int]] = []
        while True:
            start = _SPACE.match(text, position).end()
            if "\n" not in text[position:start]:
                break
            mark = LIST_ITEM.match(text, text.rfind("\n", 0, start) + 1)
            if mark is None:
                break
            line_end = text.find("\n", start)
            line_end = len(text) if line_end == -1 else line_end
            items.append((mark.end(), len(text[:line_end].rstrip())))
            position = line_end
        return items

    def listed_content_rule(self) -> None:
        """ "An inventory drawn up by the ministry lists what was found:\n\n- 1,200 rifles\n- ...": a
        content that ends with a colon goes on over the list that follows it, item by item, down
        to the first line that is no list item. Run after the paragraph settling: the list runs
        over lines on purpose."""
        text = self.text
        for draft in self.drafts:
            if not draft.content or not draft.show_cue:
                continue
            end = max(e for _, e in draft.content)
            if text[end - 1:end] != ":" and text[end:end + 1] != ":":
                continue
            items = self._list_after(end + (text[end:end + 1] == ":"))
            if items:
                draft.content = sorted([*draft.content, *items])

    def full_text_rule(self) -> None:
        """ "The government released the following statement ... We publish it in full.\n\n
        COMMUNIQUÉ OF THE GOVERNMENT\n\nOn Tuesday ...": a document reproduced without quotation
        marks, under a heading in capitals, is its issuer's, down to the next such heading or the
        end of the text. The introduction must say it reproduces the text ("the following",
        "below", "in full"). Run after the paragraph settling: the text runs over paragraphs."""
        text = self.text
        headings = _headings(text)
        for k, heading in enumerate(headings):
            intro = self._introduction(heading.start())
            if not _REPRODUCED.search(text, intro, heading.start()):
                continue
            found = self._document_issuer(intro, heading.start())
            if found is None:
                continue
            start = _SPACE.match(text, heading.end()).end()
            if text[start:start + 1] in QUOTE_CHARS:
                continue  # a quoted text: `document_block_rule`
            end = self._document_end(start, headings[k + 1].start() if k + 1 < len(headings) else len(text))
            if end <= start or self._said_whole(start, end):
                continue
            self.drafts.append(self._issued(*found, (start, end), through_noun=False))

    def summary_rule(self) -> None:
        """ "Summary of the findings of the Commission of Inquiry into ..., delivered on 13 August":
        a text that opens by calling itself a summary of a document whose issuer it names is
        that issuer's, from the next paragraph down to the next heading in capitals or note (its
        own sources inside are relayed by the issuer). Run with `full_text_rule`."""
        text = self.text
        opening = _summary().search(text, 0, self._paragraph_start(_SUMMARY_PARAGRAPHS))
        if opening is None:
            return
        end_of_intro = text.find("\n\n", opening.end())
        if end_of_intro == -1:
            return
        found = self._summarised(opening.start(), end_of_intro)
        if found is None:
            return
        start = _SPACE.match(text, end_of_intro).end()
        heading = next(iter(_headings(text, start)), None)
        end = self._document_end(start, heading.start() if heading is not None else len(text))
        if end > start and not self._said_whole(start, end):
            self.drafts.append(self._issued(*found, (start, end), through_noun=False))

    def _document_end(self, start: int, end: int) -> int:
        """Where a text reproduced from `start` ends, given the next heading at `end`: before a note
        or reaction that follows it ("Editor's note:"), less trailing space."""
        afterword = _AFTERWORD.search(self.text, start, end)
        end = afterword.start() if afterword is not None else end
        return len(self.text[:end].rstrip())

    def _summarised(self, start: int, end: int) -> tuple[Token, Token] | None:
        """The document a summary's opening names and its issuer: "Summary of the findings of the
        Commission of Inquiry ..." gives (findings, Commission); "Summary of events recorded by
        the Observatory" and "a summary of our report" give None (no document of another's)."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return None
        summary = next((t for t in span if t.lower_ in self.cues.summary_nouns), None)
        of = next((c for c in summary.children if c.dep_ == "prep" and c.lower_ == "of"), None) if summary else None
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None or noun.lemma_.lower() not in self.cues.document_nouns:
            return None
        for prep in noun.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("of", "by"):
                owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if owner is not None and owner.i < span.end and _names_someone(owner):
                    return noun, owner
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON" and _names_someone(owner):
            return noun, owner  # "Summary of the commission's report"
        return None

    def _paragraph_start(self, count: int) -> int:
        """Where the paragraph after the first `count` paragraphs starts (the text's end if none)."""
        position = 0
        for _ in range(count):
            boundary = self.text.find("\n\n", position)
            if boundary == -1:
                return len(self.text)
            position = boundary + 2
        return position

    def _issued(self, noun: Token, owner: Token, content: tuple[int, int], through_noun: bool) -> Draft:
        """The issuer's draft for a document `_document_issuer` found: the cue is the document
        noun, or the verb of "X read the following statement" (up to the noun when
        `through_noun`), the source the issuer's phrase."""
        read = owner.head == noun.head and owner.dep_ == "nsubj"
        end = token_end(noun if through_noun or not read else noun.head)
        return Draft(cue=(noun.head.idx if read else noun.idx, end), content=[content],
                     source=source_span(self.doc, {t.i for t in owner.subtree if t.dep_ != "case"}
                                        - _clause_words(owner)),
                     source_head=owner.i, cue_token=noun.head.i if read else noun.i)

    def _said_whole(self, start: int, end: int) -> bool:
        """Whether a speaker's content already holds all of text[start:end]."""
        return any(d.show_cue and any(s <= start and end <= e for s, e in d.content) for d in self.drafts)

    def answer_rule(self) -> None:
        """"Answered by Edwin Lyle, Minister of State for the Armed Forces: Since November ...": a
        line that names who answers (a written parliamentary answer, a reply reprinted whole)
        makes that person the speaker of the rest of the text, down to the next such line. Run
        after the paragraph settling: the answer runs over paragraphs on purpose."""
        text = self.text
        labels = [m for m in _ANSWER_LINE.finditer(text) if m.group(1).lower() in self.cues.answer_labels]
        for k, match in enumerate(labels):
            name = self.doc.char_span(match.start(2), match.end(2), alignment_mode="contract")
            if name is None or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in name):
                continue
            end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
            start = match.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or any(d.cue[0] == match.start(1) for d in self.drafts):
                continue
            for draft in self.drafts:  # the label line is no part of what anyone else says
                draft.content = [(max(s, start), e) if s < start < e else (s, e) for s, e in draft.content
                                 if not (match.start() <= s and e <= start)]
            self.drafts.append(Draft(
                cue=(match.start(1), match.end(1)), source=(name.start_char, name.end_char), content=[(start, end)],
                source_head=name.root.i, cue_token=self.doc.char_span(match.start(1), match.end(1),
                                                                      alignment_mode="expand")[0].i))

    def section_rule(self) -> None:
        """ "Written question ..., tabled on 9 March by X, answered on 16 March by Y, ..." above a
        "Question" and an "Answer" heading: what stands under each heading, down to the next
        heading, is said by the one who asked or answered. Run after the paragraph settling: a
        section runs over paragraphs on purpose."""
        text = self.text
        headings = list(_SECTION_HEADING.finditer(text))
        for k, heading in enumerate(headings):
            role = "question" if heading.group(1) == "Question" else "answer"
            named = _SECTION_SPEAKER[role].search(text, 0, headings[0].start())
            if named is None:
                continue
            start = heading.end()
            end = headings[k + 1].start() if k + 1 < len(headings) else len(text)
            start += len(text[start:end]) - len(text[start:end].lstrip())
            end = len(text[:end].rstrip())
            name = self.doc.char_span(named.start(1), named.end(1), alignment_mode="contract")
            if end <= start or name is None or not any(t.pos_ == "PROPN" for t in name):
                continue
            if self._said_whole(start, end):
                continue  # someone already says all of it
            verb = self.doc.char_span(named.start(), named.start() + len(named.group().split()[0]),
                                      alignment_mode="expand")
            self.drafts.append(Draft(
                cue=(verb.start_char, verb.end_char), source=(name.start_char, name.end_char),
                content=[(start, end)], source_head=name.root.i, cue_token=verb[0].i))

    def _introduction(self, end: int) -> int:
        """Where the paragraph introducing a quotation that opens at `end` starts: the paragraph
        before it, over any headings in between ("Mass graves in Tarhuna")."""
        for _ in range(3):
            boundary = self.text.rfind("\n\n", 0, end)
            start = 0 if boundary == -1 else boundary + 2
            paragraph = self.text[start:end].strip()
            if start == 0 or len(paragraph.split()) > 8 or paragraph.endswith((".", ":")):
                return start
            end = boundary
        return start

    def _closing_mark(self, opening: int) -> int | None:
        """Where the quotation opened at `opening` closes (its closing mark), or None. A straight
        mark opening a later paragraph continues the quotation (a statement quoted over several
        paragraphs reopens each and closes only the last)."""
        text = self.text
        mark = text[opening]
        closing = {"“": "”", "«": "»"}.get(mark, '"')
        end = text.find(closing, opening + 1)
        while end != -1 and closing == '"':
            if text[:end].rstrip(" \t").endswith("\n\n"):
                end = text.find(closing, end + 1)  # a later paragraph reopening the quotation
            elif text[end - 1:end].isspace() and text[end + 1:end + 2].isalnum():
                # a quotation inside it ('claims to have killed "more than 20" soldiers'): its
                # opening and closing marks are not this one's end
                inner = text.find(closing, end + 1)
                end = text.find(closing, inner + 1) if inner != -1 else -1
            else:
                break
        return end if end != -1 else None

    def _document_issuer(self, start: int, end: int) -> tuple[Token, Token] | None:
        """The last document noun in text[start:end] with its issuer named after "by" or "of"
        ("a statement issued on Saturday by the Centre", "communiqué No. 12 of the General
        Staff") or as the subject that reads or issues "the following" text ("Colonel X read the
        following statement"): (noun, issuer's head), or None."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return None
        found = None
        for noun in span:
            word = unicodedata.normalize("NFKD", noun.lemma_.lower()).encode("ascii", "ignore").decode()
            if noun.pos_ not in ("NOUN", "PROPN") or word not in self.cues.document_nouns:
                continue
            # ("The statement below was sent to the Gazette by X": the agent of the verb it is the
            # passive subject of)
            around = [*noun.subtree, *(c for c in noun.head.children if c.dep_ == "agent")] \
                if noun.dep_ == "nsubjpass" else noun.subtree
            for token in [*around, *_after_designator(noun)]:
                if token.lower_ in ("by", "of") and token.dep_ in ("prep", "agent") and token.i > noun.i:
                    owner = next((c for c in token.children if c.dep_ == "pobj"), None)
                    if owner is not None and owner.i < span.end and _names_someone(owner):
                        found = (noun, owner)
                        break
            # "Colonel X, spokesman for ..., read the following statement to reporters": the one
            # who reads or issues the text that follows
            verb = noun.head
            if noun.dep_ == "dobj" and any(c.lower_ == "following" for c in noun.children) and (
                    verb.lemma_.lower() in self.cues.issuing_verbs or self.cue_class(verb) == "speech"):
                # (the subject nearest the verb: "Editor's note: Colonel X ... read" parses as two)
                owner = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i),
                            key=lambda c: c.i, default=None)
                if owner is not None and owner.pos_ != "PRON" and _names_someone(owner):
                    found = (noun, owner)
        return found

    def _paragraph_is(self, group: QuoteGroup) -> bool:
        line_start = self.text.rfind("\n", 0, group.start) + 1
        line_end = self.text.find("\n", group.end)
        line_end = len(self.text) if line_end < 0 else line_end
        return not self.text[line_start:group.start].strip() and not self.text[group.end:line_end].strip()

    def _quote_owner(self, group: QuoteGroup) -> Draft | None:
        """The draft whose cue sits next to this quote in its sentence ("..." he said / said: "...")."""
        best: tuple[int, Draft] | None = None
        for draft in self.drafts:
            if draft.cue_token is None or draft.relay:
                continue
            cue = draft.cue
            for start, end in group.segments:
                if cue[0] >= end:
                    gap = self.text[end:cue[0]]
                elif cue[1] <= start:
                    gap = self.text[cue[1]:start]
                else:
                    continue
                if "\n" in gap or len(gap) > 80 or any(q in gap for q in "\"“”«»"):
                    continue
                if cue[1] <= start and gap.strip() not in ("", ":", ",") and not gap.strip().endswith(":"):
                    continue
                if best is None or len(gap) < best[0]:
                    best = (len(gap), draft)
        return best[1] if best else None

    def post_rule(self) -> None:
        """"1/ Armed Forces account, Monday 7.02 a.m.: \"At this moment 4,000 soldiers ...\"": a
        line of a compiled thread of posts is what the account's owner posted (the account as
        the source, as written), less the compiler's notes in square brackets; in such a note,
        "the account" is that post's account (`antecedent`)."""
        for match in _POST_LINE.finditer(self.text):
            account = match.span("account")
            start, end = match.span("post")
            notes = list(BRACKETED_NOTE.finditer(self.text, start, end))
            content = outside_notes(self.text, start, end)
            if not content:
                continue
            tokens = self.doc.char_span(*account, alignment_mode="expand")
            colon = self.text.index(":", account[1])
            colon_token = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
            owner = tokens.root.i if tokens is not None else None
            self.drafts = [d for d in self.drafts if not (start <= d.cue[0] < end and d.show_cue
                                                          and d.cue_token is not None
                                                          and self.doc[d.cue_token].text == ":")]
            self.drafts.append(Draft(
                cue=(colon, colon + 1), source=account, content=content, kind="direct",
                source_head=owner,
                cue_token=colon_token[0].i if colon_token is not None and len(colon_token) else None))
            if owner is None:
                continue
            for note in notes:
                for said in _THE_ACCOUNT.finditer(self.text, note.start(), note.end()):
                    for draft in self.drafts:
                        if draft.source == said.span():
                            draft.antecedent = owner

    def colon_rule(self) -> None:
        """"Name: what they said" opening a line: headlines ("Budanov: 11,000 troops in
        training") and transcripts ("TAPPER: Take a listen.")."""
        taken = [span for d in self.drafts for span in [d.cue, *d.content]]
        for match in _LINE_COLON.finditer(self.text):
            colon = self.text.index(":", match.end(1))
            if any(s <= colon < e for s, e in taken):
                continue
            if NOTE_LINE.match(self.text, self.text.rfind("\n", 0, match.start(1)) + 1):
                continue
            source = self._colon_source(match.start(1), match.end(1))
            if source is None:
                continue
            start, end = match.start(2), match.end(2)
            if self._place_topic(source, start, end):
                continue
            said = self.text[start:end]
            if said.isupper() and len(said.split()) > 1:
                continue  # "HONDURAS: COOPERATIVE MEMBERS SHOT NEAR TOCOA": a section's heading
            if self.text[end - 1] == "." and self.text[end - 2:end - 1] not in QUOTE_CHARS:
                end -= 1  # a headline's full stop is not part of what was said
            if len(self.text[start:end].split()) < 2:
                continue
            tokens = self.doc.char_span(*source, alignment_mode="expand")
            colon_token = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
            self.drafts.append(Draft(
                cue=(colon, colon + 1), source=source, content=[(start, end)],
                source_head=tokens.root.i if tokens is not None else None,
                cue_token=colon_token[0].i if colon_token is not None and len(colon_token) else None))

    def _place_topic(self, source: tuple[int, int], start: int, end: int) -> bool:
        """ "Chad: rebels say 15 soldiers killed", "Burkina Faso: 186 killed, new findings show":
        a name before the colon is the headline's topic (a place, whatever the tagger calls it)
        when the line names its own speaker, a noun, with a verb of saying or finding
        ("Sanders: Endorsements prove ..." keeps Sanders); a region the article places things in
        is one whatever the line says (`located_place`)."""
        if located_place(self.text, source):
            return True
        tokens = self.doc.char_span(*source, alignment_mode="expand")
        words = [t for t in tokens if not t.is_punct] if tokens is not None else []
        if not words or len(words) > 3 or (len(words) > 1 and not all(t.pos_ == "PROPN" for t in words)) \
                or tokens.text.isupper() or "\n" in self.text[:source[0]].strip():
            return False  # only in the headline, and not a transcript's speaker label ("TAPPER:")
        # a place may head a finding ("Burkina Faso: ..., new findings show"); a person's name
        # only a report of speech ("Sanders: Endorsements prove ..." is what Sanders says)
        place = all(t.ent_type_ in ("GPE", "LOC") for t in words) or is_country(tokens.text)
        if len(words) > 1 and not place:
            return False
        classes = ("speech", "finding") if place else ("speech",)
        line = self.doc.char_span(start, end, alignment_mode="expand")
        return line is not None and any(
            self.cue_class(t) in classes and any(
                c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PROPN") for c in t.children) for t in line)

    def source_note_rule(self) -> None:
        """"- About 11,500 people newly displaced (IOM estimate)": a line of a list or table that
        ends by naming whose figure it gives, in brackets. A note naming nobody ("our count",
        "consortium count": the publisher's own, or a word in lower case) adds nothing."""
        for match in _SOURCE_NOTE.finditer(self.text):
            name = match.group("source")
            if not any(w[:1].isupper() for w in name.split()) or name.split()[0].lower() in ("our", "own"):
                continue
            if match.group("word") is None and not (LIST_ITEM.match(match.group(0)) and len(name.split()) <= 6
                                                    and name[:1].isupper()):
                continue  # a bare name in brackets only in a list item: "- Displaced: 1.7 million (IOM)"
            start, end = match.start("item"), match.end("item")
            if any(d.show_cue and any(s < end and start < e for s, e in d.content) for d in self.drafts):
                continue  # someone already says it
            word = "word" if match.group("word") is not None else "source"
            self.drafts.append(Draft(
                cue=(match.start(word), match.end(word)), source=(match.start("source"), match.end("source")),
                content=[(start, end)], kind="according_to"))

    def _claimant(self, start: int, end: int) -> tuple[int, int] | None:
        """A fact check's "CLAIM (posts shared on Facebook):": what the brackets hold, or None."""
        opening = self.text.find("(", start, end)
        closing = self.text.rfind(")", start, end)
        if opening == -1 or closing <= opening:
            return None
        inside = self.text[opening + 1:closing]
        if not inside.strip():
            return None
        first = opening + 1 + len(inside) - len(inside.lstrip())
        return first, first + len(inside.strip())

    def _colon_source(self, start: int, end: int) -> tuple[int, int] | None:
        """The source a line-opening "X:" names, or None when X is a label or a clause."""
        phrase = self.text[start:end].strip()
        label = phrase.lower().strip(" .")
        asking = label.split("(")[0].strip(" .")  # "Q (Nordic Maritime Radio):"
        if asking in self.cues.claim_labels:
            return self._claimant(start, end)
        if not phrase[:1].isupper() or label in self.cues.headline_labels or asking in self.cues.question_labels \
                or asking in publisher_labels(self.text):
            return None  # a label, or the asking side of a transcript ("HOST:"), which is the publisher's
        tokens = self.doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return None
        cut = next((t for t in tokens if t.lower_ in ("to", "on") and t.pos_ == "ADP" and t.i > tokens.start), None)
        if cut is not None:  # "Clinton to Planned Parenthood:", "Gillibrand on the transcripts:"
            tokens = self.doc[tokens.start:cut.i]
        words = whole = [t for t in tokens if not t.is_punct]
        bracket = next((t for t in tokens if t.text.startswith("(")), None)
        if bracket is not None and bracket.i > tokens.start:
            # "OSEI (WHO spokesperson Daniel Osei):" a transcript's label with who it is in brackets:
            # the label is judged, the tagger's reading of the brackets is not
            words = [t for t in words if t.i < bracket.i]
        if not words or len(words) > 6 or any(t.like_num for t in words):
            return None
        if words[0].lower_ in ("asked", "question", "questions"):
            return None  # "Asked by Jane Doe: To ask the Secretary of State ...": the asking side
        if words[0].tag_ == "VBG" or words[0].lower_.endswith("ing") and words[0].pos_ in ("VERB", "NOUN"):
            return None  # "Counting Tigray's dead: ...": a title, not a speaker
        if words[0].pos_ == "ADP" or words[0].lower_ in ("inside", "in", "on", "at", "after", "before", "behind"):
            return None  # "Inside Mezzeh: registers record 417 deaths": a place or topic, not a speaker
        if any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and not t.text[:1].isupper() for t in words):
            return None
        if all(t.lower_ in self.cues.headline_labels for t in words):
            return None
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in words)
        role = words[-1].lemma_.lower() in self.cues.finding_subjects or words[-1].lower_ in self.cues.finding_subjects \
            or words[-1].lemma_.lower() in self.cues.body_roles  # "Health ministry: ..."
        single = len(words) == 1 and len(words[0]) > 1 and words[0].text[:1].isupper() \
            and words[0].pos_ in ("PROPN", "NOUN", "X", "ADJ")  # "Vos:", "TAPPER:"
        # "JAFTHA-SOLOMONS:": a hyphenated name in capitals is one word, whatever the tagger says
        single = single or len(words) > 1 and phrase.isupper() and not any(c.isspace() for c in phrase) \
            and all(t.text in HYPHENS for t in tokens if t.is_punct)
        if single and not role and words[0].pos_ == "NOUN" and not words[0].text.isupper() \
                and self.text[:start].strip() \
                and not words[0].ent_type_ and words[0].lemma_.lower() not in self.cues.person_roles \
                and not any(t.lower_ == words[0].lower_ and (t.pos_ == "PROPN" or t.ent_type_ == "PERSON")
                            for t in self.doc[:words[0].i]):
            # "Casualties:", "Protection:": a report's section heading below its title, not a speaker
            # ("Bello:" after "Maj. Gen. Abdullahi Tanko Bello" is one, whatever the tagger reads it
            # as; so is a headline's "Vos:")
            return None
        if not (named or role or single):
            return None
        head = words[-1]
        if len(words) > 1 and head.pos_ == "NOUN" and not role and head.ent_type_ not in ("PERSON", "ORG"):
            return None  # "Border clashes:", "Harbour losses:": a topic, not someone speaking
        if bracket is not None and not any(t.text[:1].isupper() for t in whole if t.i > bracket.i):
            whole = words  # "HADDEN (recorded):", "SOSA (by phone):": a note on the turn, not who speaks
        return whole[0].idx, whole[-1].idx + len(whole[-1].text)

    def paragraph(self, offset: int) -> tuple[int, int]:
        """The paragraph (line) holding character `offset`: a headline without a full stop
        must not run into the lead, whatever the parse's sentence splitter thought."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def _clip(self, draft: Draft) -> None:
        if draft.relay and draft.cue_token is None:
            return  # a dateline credit covers the whole article on purpose
        low, high = self.paragraph(draft.cue[0])
        clipped = []
        for start, end in draft.content:
            start, end = max(start, low), min(end, high)
            while start < end and self.text[start] in " \t,;:—–-":
                start += 1
            while start < end and self.text[end - 1] in " \t,;:—–-.":
                end -= 1
            if start < end:
                clipped.append((start, end))
        draft.content = clipped
        if draft.source is not None:
            start, end = max(draft.source[0], low), min(draft.source[1], high)
            draft.source = (start, end) if start < end else None

    def _settle(self, draft: Draft) -> None:
        """Grow content to whole quotes, drop overlaps with cue and source, set the kind."""
        self._clip(draft)
        grown: list[tuple[int, int]] = []
        for start, end in draft.content:
            for group in self.quotes:
                for qs, qe in group.segments:
                    if qs < end and start < qe and (start > qs or end < qe) and \
                            not (draft.cue[0] >= qs and draft.cue[1] <= qe):
                        if start < qs and end < qe:
                            continue  # content runs into a quote that goes on past it: leave it
                        start, end = min(start, qs), max(end, qe)
            grown.append((start, end))
        for group in self.quotes:  # a quote running over paragraphs comes whole
            if len(group.segments) > 1 and any(qs <= s and e <= qe for s, e in grown for qs, qe in group.segments) \
                    and not (group.start <= draft.cue[0] < group.end):
                grown.extend(group.segments)
        spans = sorted(set(grown))
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        draft.content = [s for s in merged if not (s[0] <= draft.cue[0] and draft.cue[1] <= s[1])]
        if draft.kind in ("indirect", "according_to") and draft.content and not draft.relay:
            quoted = [self._is_quoted(s) for s in draft.content]
            if all(quoted) and draft.kind == "indirect":
                draft.kind = "direct"
            elif any(q in self.text[s:e] for s, e in draft.content for q in "\"“«„") and draft.kind == "indirect":
                draft.kind = "mixed"

    def _is_quoted(self, span: tuple[int, int]) -> bool:
        return any(qs == span[0] and qe == span[1] for g in self.quotes for qs, qe in g.segments)
