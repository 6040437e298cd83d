"""The items extractor: one RecoveredItem per entry of an inventory of recovered things.

An inventory is found by a cue from `model/vocab/items.yaml` ("Among the
findings were", "Also recovered were", "... items recovered from the bodies
included", "<list> were found") or by a finding verb with a list as its object
("They found a notebook and two passports"). The list is split on commas and
coordinators; it ends at the first entry that is not a noun phrase, so a
trailing clause ("..., likely written by ...", "..., the agency said") never
becomes an item. Each entry gives a quantity (number words, digits; vague
amounts and bare plurals give None), an origin ("made in Ukraine" -> Ukraine,
"Russian" -> Russian) and a kind (the rest, head noun in the singular).

Reads `ctx.doc` and the attributions found so far; appends to `found.items`
only and never edits the shared spaCy pipeline.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.extract.attributions.chains import enclosing_attribution
from claimgraph.extract.base import Context, register
from claimgraph.extract.entities.lexicon import load_lexicon
from claimgraph.extract.items.inventory import Inventory, load_inventory
from claimgraph.extract.nlp import phrase_openings, text_of, token_strings
from claimgraph.model import Extraction, RecoveredItem

NAME = "items"
VERSION = "0.1.0"

_SEPARATORS = frozenset({",", ";", "and", "or", "plus"})
_DETERMINERS = frozenset({"the", "their", "his", "her", "its", "these", "those", "also", "even",
                          "including", "as", "well", "other", "such"})
_CLAUSE_STARTERS = frozenset({"that", "which", "who", "whose", "where", "when", "while"})
_KEEP_PREPOSITIONS = frozenset({"of"})


@dataclass
class _Entry:
    start: int
    end: int
    kind: str
    quantity: float | None
    origin: str | None
    head: Token


class ItemExtractor:
    """Reads inventories of recovered items."""

    name = NAME
    version = VERSION

    def __init__(self, inventory: Inventory | None = None) -> None:
        self.inventory = inventory or load_inventory()
        self._verb_openings = phrase_openings(self.inventory.list_verbs)  # "among" of "among the findings"
        self.adjectives = load_lexicon().nationality_of

    def extract(self, ctx: Context, found: Extraction) -> None:
        doc = ctx.doc
        text = ctx.text
        seen: set[tuple[int, int]] = set()
        for region_start, region_end, strong in self._regions(doc, text):
            entries = self._entries(doc, region_start, region_end)
            if not strong and not self._trusted(entries):
                continue
            for entry in entries:
                if (entry.start, entry.end) in seen:
                    continue
                seen.add((entry.start, entry.end))
                attribution = enclosing_attribution(found, entry.start, entry.end)
                found.items.append(RecoveredItem(
                    key=f"i{len(found.items) + 1}", start=entry.start, end=entry.end,
                    text=text[entry.start:entry.end], extractor=NAME, extractor_version=VERSION,
                    kind=entry.kind, quantity=entry.quantity, origin=entry.origin,
                    attribution_key=attribution.key if attribution is not None else None,
                ))
        found.items.sort(key=lambda item: item.start)

    # ------------------------------------------------------------ where lists are

    def _regions(self, doc: Doc, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, strong) character ranges holding a list; strong = introduced by a cue."""
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        starts = [s for s, _ in sentences]

        def sentence_of(position: int) -> tuple[int, int]:
            index = max(0, bisect.bisect_right(starts, position) - 1)
            start, end = sentences[index] if sentences else (0, len(text))
            newline = text.find("\n", position, end)
            before = text.rfind("\n", start, position)
            return (before + 1 if before >= 0 else start), (newline if newline >= 0 else end)

        regions: list[tuple[int, int, bool]] = []
        for pattern in self.inventory.list_after:
            for match in pattern.finditer(text):
                _, end = sentence_of(match.end())
                regions.append((match.end(), end, True))
        for pattern in self.inventory.list_before:
            for match in pattern.finditer(text):
                start, _ = sentence_of(match.start())
                regions.append((start, match.start(), True))
        lowers = [*token_strings(doc, "LOWER"), ""]  # "" after the last token
        verbs = self.inventory.list_verbs
        first_words = self._verb_openings
        for i, lower in enumerate(lowers[:-1]):  # the words first: a Token only where a verb may be
            if lower not in verbs and (lower not in first_words or f"{lower} {lowers[i + 1]}" not in verbs):
                continue
            token = doc[i]
            if token.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in token.children):
                continue
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if obj is None or obj.left_edge.lower_ in self.inventory.not_items:
                continue
            _, end = sentence_of(obj.left_edge.idx)
            regions.append((obj.left_edge.idx, end, False))
        return regions

    def _trusted(self, entries: list[_Entry]) -> bool:
        if len(entries) >= 2:
            return True
        return any(e.kind.lower() in self.inventory.kinds or e.head.lemma_.lower() in self.inventory.kinds
                   for e in entries)

    # ------------------------------------------------------------ what the list holds

    def _entries(self, doc: Doc, start: int, end: int) -> list[_Entry]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        chunks: list[list[Token]] = [[]]
        depth = 0
        tokens = list(span)
        for i, token in enumerate(tokens):
            if token.text in "([{\"“":
                depth += 1
            elif token.text in ")]}\"”":
                depth = max(0, depth - 1)
            if depth == 0 and (token.lower_ in _SEPARATORS or
                               (token.lower_ == "as" and i + 2 < len(tokens)
                                and tokens[i + 1].lower_ == "well" and tokens[i + 2].lower_ == "as")):
                chunks.append([])
                continue
            chunks[-1].append(token)
        entries: list[_Entry] = []
        for chunk in chunks:
            if not chunk:
                continue
            entry = self._entry(chunk)
            if entry is None:
                break  # the list is over: what follows is a clause, not an item
            entries.append(entry)
        return entries

    def _entry(self, chunk: list[Token]) -> _Entry | None:
        tokens = [t for t in chunk if not t.is_space]
        while tokens and (tokens[0].lower_ in _DETERMINERS and tokens[0].lower_ not in self.inventory.numbers):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if not tokens or tokens[0].lower_ in self.inventory.not_items:
            return None
        if tokens[0].pos_ in ("VERB", "AUX", "ADV", "PRON", "SCONJ", "ADP") and \
                tokens[0].lower_ not in self.inventory.numbers:
            return None
        text = text_of(tokens[0].doc)
        origin: str | None = None
        origin_span = (0, 0)
        full_end = tokens[-1].idx + len(tokens[-1].text)
        for pattern in self.inventory.origins:
            match = pattern.search(text, tokens[0].idx, full_end)
            if match:
                origin = re.sub(r"^the\s+", "", match.group("origin"))
                origin_span = match.span()
                break
        core: list[Token] = []
        for token in tokens:  # the noun phrase, up to a participle, relative clause or preposition
            if core and (token.tag_ in ("VBN", "VBG") and token.dep_ in ("acl", "relcl", "advcl")
                         or token.lower_ in _CLAUSE_STARTERS
                         or (token.pos_ == "ADP" and token.lower_ not in _KEEP_PREPOSITIONS)):
                break
            core.append(token)
        if core and core[-1].lower_ in _KEEP_PREPOSITIONS:
            core = core[:-1]
        nouns = [t for t in core if t.pos_ in ("NOUN", "PROPN")]
        if not nouns or core[-1].pos_ not in ("NOUN", "PROPN", "NUM"):
            return None
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in core):
            return None
        quantity, used = self._quantity(core)
        rest = [t for t in core[used:] if not origin_span[0] <= t.idx < origin_span[1]]
        kind_words: list[str] = []
        i = 0
        while i < len(rest):
            pair = f"{rest[i].text} {rest[i + 1].text}" if i + 1 < len(rest) else None
            if pair and pair in self.adjectives:
                origin = origin or pair
                i += 2
                continue
            if rest[i].text in self.adjectives and i < len(rest) - 1:
                origin = origin or rest[i].text
                i += 1
                continue
            last = i == len(rest) - 1
            plural_only = rest[i].lower_ in self.inventory.plural_only
            kind_words.append(_singular(rest[i]) if last and not plural_only else rest[i].text)
            i += 1
        if not kind_words:
            return None
        end_token = core[-1]
        end = full_end if origin and full_end > end_token.idx and self._origin_trails(tokens, core) else \
            end_token.idx + len(end_token.text)
        kind = re.sub(r"\s+(['’]s)", r"\1", " ".join(kind_words))
        return _Entry(core[0].idx, end, kind, quantity, origin, core[-1])

    def _origin_trails(self, tokens: list[Token], core: list[Token]) -> bool:
        """True when the origin phrase comes after the noun ("a knife made in Ukraine")."""
        tail = tokens[len(core):]
        return bool(tail) and tail[0].lower_ in ("made", "manufactured", "produced", "printed",
                                                 "issued", "of", "from")

    def _quantity(self, core: list[Token]) -> tuple[float | None, int]:
        words = [t.lower_ for t in core]
        for phrase in self.inventory.number_phrases():
            parts = phrase.split()
            if words[:len(parts)] == parts and len(parts) < len(core):
                return self.inventory.numbers[phrase], len(parts)
        first = core[0]
        if re.fullmatch(r"\d[\d,.]*", first.text) and len(core) > 1:
            try:
                return float(first.text.replace(",", "")), 1
            except ValueError:
                return None, 1
        return None, 0


def _singular(token: Token) -> str:
    """The head noun in the singular, keeping its capitals ("IDs" -> "ID")."""
    if token.tag_ not in ("NNS", "NNPS"):
        return token.text
    lemma = token.lemma_
    if lemma and token.text.lower().startswith(lemma.lower()):
        return token.text[:len(lemma)]
    return lemma or token.text


@register(NAME)
def build() -> ItemExtractor:
    return ItemExtractor()
