"""Number expressions in running text: digits, number words, vague amounts, ranges, qualifiers.

`find_quantities` returns every quantity expression with the interval it denotes
and its qualifier, following the conflict-figures conventions ("at least 100" ->
[100, None] at_least; "several hundred" -> [200, 900] approx; "a dozen" -> [12, 12]
approx; "one or two" -> [1, 2] range). It reads characters only: whether a quantity is a figure claim
(and not a date, an age or a calibre) is decided elsewhere (`filters`,
`categories`). Words come from `quantities.yaml` through `lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.extract.figures.lexicon import FigureLexicon, load_lexicon
from claimgraph.extract.nlp import word_start_spans

__all__ = ["Quantity", "find_quantities", "parse_number", "revised_from"]

_TOKEN = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+|[%–—-]|\S")
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:to|or|-|–|—)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?<![\w-])(?:between|from)\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_FRACTION_JOIN = re.compile(r"\s+(?:and|to|or)\s+(?:a\s+)?", re.IGNORECASE)


@dataclass
class Quantity:
    """A number expression: its span (with a directly preceding qualifier) and its interval."""

    start: int
    end: int
    number_start: int  # the bare number part, without qualifier words
    number_end: int
    low: float
    high: float | None
    qualifier: str
    percent: bool = False  # a percentage, and every fraction ("half") and ratio ("one in five")
    kind: str = "digits"  # digits, words, vague, fraction, ratio ("one in five")

    @property
    def is_open(self) -> bool:
        return self.high is None


@dataclass
class _Number:
    start: int
    end: int
    value: float
    kind: str
    vague_high: float | None = None


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _digits(token: str) -> float:
    return float(token.replace(",", ""))


def parse_number(phrase: str, lexicon: FigureLexicon | None = None) -> float | None:
    """The value of a written number ("4,100", "2.7 thousand", "four thousand one hundred")."""
    lexicon = lexicon or load_lexicon()
    words = [w for _, _, w in _tokens(phrase) if w not in {"-", "and"}]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        lower = word.lower()
        if word[0].isdigit():
            current += _digits(word)
        elif lower in lexicon.units:
            current += lexicon.units[lower]
        elif lower in lexicon.tens:
            current += lexicon.tens[lower]
        elif lower in {"a", "an"}:
            current += 1
        elif lower == "dozen":
            current = (current or 1) * lexicon.dozen
        elif lower == "hundred":
            current = (current or 1) * 100
        elif lower in lexicon.scales:
            total += (current or 1) * lexicon.scales[lower]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _clean(value: float) -> float:
    return float(int(value)) if value == int(value) else round(value, 4)


class _Scanner:
    def __init__(self, text: str, lexicon: FigureLexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.tokens = _tokens(text)
        # the words a number may start with, besides digits (see `number_at`)
        self.starters = {"a", "an", "dozen", *lexicon.units, *lexicon.tens, *lexicon.scales}

    def _is_word_number(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.lexicon.units or lower in self.lexicon.tens or lower in self.lexicon.scales \
            or lower == "dozen"

    def _million_m(self, j: int) -> bool:
        """ "2m people", "1.5m refugees": an attached "m" is million (not metres) when a noun the
        figure vocabulary counts follows."""
        tokens = self.tokens
        if j + 2 >= len(tokens) or tokens[j + 1][2] != "m" or tokens[j + 1][0] != tokens[j][1]:
            return False
        following = tokens[j + 2][2].lower()
        return following in self.lexicon.countable or following.rstrip("s") in self.lexicon.countable

    def number_at(self, i: int) -> _Number | None:
        """The number that starts at token `i`, if one does."""
        tokens, lex = self.tokens, self.lexicon
        start, end, word = tokens[i]
        lower = word.lower()
        j = i
        if word[0].isdigit():
            # digits, optionally scaled: "2.7 thousand", "3.7 million", "12k"
            if j + 1 < len(tokens) and tokens[j + 1][2].lower() in lex.scales \
                    and tokens[j + 1][2].lower() != "k" or (
                    j + 1 < len(tokens) and tokens[j + 1][2].lower() in {"k", "mn", "bn"}
                    and tokens[j + 1][0] == end):
                j += 1
            last = tokens[j][1]
            value = parse_number(self.text[start:last], lex)
            if value is not None and j == i and self._million_m(j):
                return _Number(start, tokens[j + 1][1], value * 1_000_000, "digits")  # "2m people"
            return None if value is None else _Number(start, last, value, "digits")
        if lower in {"a", "an"}:
            if j + 1 < len(tokens) and tokens[j + 1][2].lower() in {"dozen", "hundred", "thousand", "million"}:
                j += 1
            else:
                return None
        elif not self._is_word_number(word) or lower in {"k", "mn", "bn"}:
            return None
        elif lower in {"hundred", "thousand", "million", "billion", "dozen"}:
            return None  # a bare scale word ("hundred") is not a count; "hundreds" is vague
        # extend over further number words: "four thousand one hundred", "twenty-five",
        # "two hundred and fifty"
        while j + 1 < len(tokens):
            nxt = tokens[j + 1][2]
            if self._is_word_number(nxt) and nxt.lower() not in {"k", "mn", "bn"}:
                j += 1
            elif nxt in {"-", "and"} and j + 2 < len(tokens) and self._is_word_number(tokens[j + 2][2]) \
                    and (nxt == "-" or tokens[j][2].lower() in lex.scales):
                j += 2
            else:
                break
        last = tokens[j][1]
        value = parse_number(self.text[start:last], lex)
        return None if value is None else _Number(start, last, value, "words")

    def numbers(self, skip: list[tuple[int, int]]) -> list[_Number]:
        found: list[_Number] = []
        i = 0
        while i < len(self.tokens):
            start, _, word = self.tokens[i]
            starts_number = word[0].isdigit() or word.lower() in self.starters
            if not starts_number or any(s <= start < e for s, e in skip):
                i += 1
                continue
            number = self.number_at(i)
            if number is None:
                i += 1
                continue
            found.append(number)
            while i < len(self.tokens) and self.tokens[i][0] < number.end:
                i += 1
        return found


def _scaled_by_fraction(text: str, numbers: list[_Number], lexicon: FigureLexicon) -> list[_Number]:
    """ "half a million", "a quarter of a million", "half a dozen": a fraction of "a <scale>"."""
    scaled = []
    for number in numbers:
        written = text[number.start:number.end].lower()
        if number.kind != "words" or not re.match(r"an?\s", written):
            scaled.append(number)
            continue
        before = lexicon.fraction_of_scale.search(text, max(0, number.start - 30), number.start)
        if before is None:
            scaled.append(number)
            continue
        factor = lexicon.scale_fractions[" ".join(before.group(1).lower().split())]
        scaled.append(_Number(before.start(), number.end, number.value * factor, "words"))
    return scaled


def _vague(text: str, lexicon: FigureLexicon) -> list[_Number]:
    spans: list[_Number] = []
    found = word_start_spans(tuple(entry.body for entry in lexicon.vague), text)
    for entry, matches in zip(lexicon.vague, found):
        for start, end in matches:
            spans.append(_Number(start, end, entry.low, "vague", entry.high))
    spans.sort(key=lambda n: (-(n.end - n.start), n.start))
    kept: list[_Number] = []
    for number in spans:
        if not any(number.start < k.end and k.start < number.end for k in kept):
            kept.append(number)
    return kept


def _fractions(text: str, lexicon: FigureLexicon) -> list[_Number]:
    found = []
    determiners = "|".join(re.escape(w) for w in sorted(lexicon.fraction_determiners)) or "(?!)"
    # "between a third and half of its strength": a fraction whose "of" follows the next one
    others = "|".join(re.escape(p) for p in sorted(lexicon.fractions, key=len, reverse=True))
    scales = "dozen|hundred|thousand|million|billion"  # "a quarter of a million" is a number
    bodies = []
    for phrase in lexicon.fractions:
        # "half of the shells", and for "half" also "half the shells", "half its force"
        follows = rf"of|{determiners}" if phrase in lexicon.bare_fractions else "of"
        bodies.append(rf"{re.escape(phrase)}(?!\s+of\s+an?\s+(?:{scales})\b)"
                      rf"(?=\s+(?:{follows})\b"
                      rf"|\s+(?:and|to|or)\s+(?:a\s+)?(?:{others})\s+(?:of|{determiners})\b)")
    for value, matches in zip(lexicon.fractions.values(), word_start_spans(tuple(bodies), text)):
        for start, end in matches:
            found.append(_Number(start, end, value, "fraction"))
    return found


def _prefix(text: str, start: int, lexicon: FigureLexicon) -> tuple[int, str, bool] | None:
    """(start, qualifier, in_span) of a qualifier cue ending right before `start`."""
    window_start = max(0, start - 40)
    match = lexicon.prefix.search(text, window_start, start)
    if match is None:
        return None
    cue = lexicon.qualifier_of_prefix(match.group())
    if cue is None:
        return None
    if match.group().strip().lower() == "over":
        before = text[max(0, match.start() - 20):match.start()].split()
        if before and before[-1].lower() in lexicon.over_particle_verbs:
            return None  # "will hand over ten vehicles": the verb's particle
    return match.start(), cue.qualifier, cue.in_span


def _suffix(text: str, end: int, lexicon: FigureLexicon) -> tuple[int, str] | None:
    for cue in lexicon.suffix_cues:
        match = re.compile(rf"[\s-]*(?:{cue.pattern})(?![\w-])", re.IGNORECASE).match(text, end)
        if match:
            return match.end(), cue.qualifier
    return None


def _interval(qualifier: str, number: _Number) -> tuple[float, float | None]:
    value = _clean(number.value)
    if number.kind == "vague":
        high = number.vague_high if number.vague_high is not None else value
        if qualifier in {"at_least", "more_than", "over"}:
            return value, None
        if qualifier in {"up_to", "at_most"}:
            return 0.0, _clean(high)
        return value, _clean(high)
    if qualifier in {"at_least", "more_than", "over"}:
        return value, None
    if qualifier in {"up_to", "at_most"}:
        return 0.0, value
    return value, value


def _ratio(text: str, first: _Number, second: _Number, lexicon: FigureLexicon) -> _Number | None:
    """ "one in five", "three out of every ten": the share `first` of `second` in percent."""
    if first.kind not in {"digits", "words"} or second.kind not in {"digits", "words"}:
        return None
    gap = " ".join(text[first.end:second.start].lower().split())
    low, high = lexicon.ratio_bases
    if gap not in lexicon.ratio_joiners or not low <= second.value <= high or not 0 < first.value < second.value \
            or _PERCENT.match(text, second.end):
        return None
    return _Number(first.start, second.end, round(100 * first.value / second.value, 2), "ratio")


def find_quantities(text: str, lexicon: FigureLexicon | None = None) -> list[Quantity]:
    """Every quantity expression in `text`, in text order."""
    lexicon = lexicon or load_lexicon()
    vague = _vague(text, lexicon)
    fractions = [f for f in _fractions(text, lexicon)
                 if not any(f.start < v.end and v.start < f.end for v in vague)]
    taken = [(n.start, n.end) for n in (*vague, *fractions)]
    scanned = _scaled_by_fraction(text, _Scanner(text, lexicon).numbers(taken), lexicon)
    numbers = sorted([*vague, *fractions, *scanned], key=lambda n: n.start)

    quantities: list[Quantity] = []
    i = 0
    while i < len(numbers):
        first = numbers[i]
        ratio = _ratio(text, first, numbers[i + 1], lexicon) if i + 1 < len(numbers) else None
        if ratio is not None:
            first = ratio  # "one in five": a share, then read like a fraction
            i += 1
        last = first
        qualifier: str | None = None
        start = first.start
        # ranges: "3,000 to 4,000", "3,000-4,000", "one or two", "between 10,000 and 12,000",
        # "between 300 to 400"
        if i + 1 < len(numbers) and first.kind not in {"vague", "ratio"} \
                and (first.kind == "fraction") == (numbers[i + 1].kind == "fraction"):
            nxt = numbers[i + 1]
            gap = text[first.end:nxt.start]
            between = _BETWEEN.search(text, max(0, first.start - 12), first.start)
            # "revised from 71 to 76": the old value and the new, no range
            change = between is not None and revised_from(text, first.start, lexicon)
            if first.kind == "fraction":  # "a third to a half of", "between a third and half of"
                joined = _FRACTION_JOIN.fullmatch(gap)
            else:
                joined = (_AND.fullmatch(gap) or _RANGE_JOIN.fullmatch(gap)) if between \
                    else _RANGE_JOIN.fullmatch(gap)
            percent_gap = _PERCENT.match(text, first.end)
            if joined and not change and nxt.kind != "vague" and nxt.value >= first.value and (
                    not percent_gap or _PERCENT.match(text, nxt.end)):
                last, qualifier = nxt, "range"
                if between and between.group().strip().lower() == "between":
                    start = between.start()
                i += 1
        i += 1
        number_end = last.end
        end = number_end
        percent_match = _PERCENT.match(text, end)
        percent = bool(percent_match) or first.kind in {"fraction", "ratio"}
        if percent_match:
            end = percent_match.end()
        if qualifier == "range":
            prefix = _prefix(text, start, lexicon) if start == first.start else None
            if prefix is not None and prefix[1] == "approx" and prefix[2]:
                start = prefix[0]  # "some 1,000-1,500", "about 200 to 250": still a range
            quantities.append(Quantity(start, end, first.start, number_end, _clean(first.value),
                                       _clean(last.value), "range", percent, first.kind))
            continue
        prefix = _prefix(text, start, lexicon)
        if prefix is not None:
            prefix_start, qualifier, in_span = prefix
            if in_span:
                start = prefix_start
        elif not percent:
            suffix = _suffix(text, end, lexicon)
            if suffix is not None:
                end, qualifier = suffix
        if qualifier is None:
            written = text[first.start:first.end].lower().split()
            loose = " ".join(written) in lexicon.approximate_numbers \
                or first.kind == "words" and bool(set(written) & lexicon.approximate_scales)
            qualifier = "approx" if first.kind == "vague" or loose else "exact"
        low, high = _interval(qualifier, first)
        if first.kind == "vague" and qualifier == "exact":
            qualifier = "approx"  # "only dozens" is still a vague amount
        quantities.append(Quantity(start, end, first.start, number_end, low, high, qualifier,
                                   percent, first.kind))
    return quantities


_REVISED_FROM = re.compile(r"([A-Za-z]+)\s+from\s+$", re.IGNORECASE)


def revised_from(text: str, position: int, lexicon: FigureLexicon) -> bool:
    """Whether the text just before `position` reads "<word of change> from" ("revised from 71 to
    76", "rose from 300 to 500"): the number there is an old value, not the low end of a range."""
    match = _REVISED_FROM.search(text, max(0, position - 40), position)
    return match is not None and match.group(1).lower() in lexicon.change_words
