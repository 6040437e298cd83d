"""The hedge extractor: estimative and uncertainty cues with their ICD 203 bands.

Each cue of the lexicon (`model/vocab/hedges.yaml`) found in the text becomes a
`Hedge` with its band ("likely" 55-80 %, "uncertain" for cues without a band),
the attribution it qualifies (`target_key`: the attribution whose cue or source
holds it, else the one whose content holds it) and who hedges (`holder_key`:
the cited source, or None for the author). Figures and events run later and
link themselves to hedges through `scope.covers`. This package must not touch
the ledger, and holds no word lists: they live in the YAML file.
"""

from __future__ import annotations

from claimgraph.extract.attributions.chains import enclosing_attribution
from claimgraph.extract.base import Context, register
from claimgraph.extract.hedges.lexicon import (
    UNCERTAIN,
    Cue,
    CueMatch,
    Lexicon,
    find_cues,
    load_lexicon,
)
from claimgraph.extract.hedges.scope import covers, scope_indices
from claimgraph.model import Attribution, Extraction, Hedge

__all__ = [
    "NAME", "UNCERTAIN", "VERSION", "Cue", "CueMatch", "HedgeExtractor", "Lexicon", "covers",
    "cue_of", "find_cues", "load_lexicon", "scope_indices",
]

NAME = "hedges"
VERSION = "0.4.8"

# Kinds whose doubt belongs to whoever relays the claim ("X reportedly said",
# "X claimed"), not to the source named in the attribution.
RELAYER_KINDS = frozenset({"evidential", "caveat"})


def cue_of(hedge: Hedge) -> Cue | None:
    """The lexicon entry a hedge was made from (found again from its text)."""
    return load_lexicon().classify(hedge.text)


def _inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end


def _framing_attribution(found: Extraction, start: int, end: int) -> Attribution | None:
    """The attribution whose cue or source span holds [start, end), if any."""
    for attribution in found.attributions:
        for part in (attribution.cue, attribution.source):
            if part is not None and _inside(start, end, part.start, part.end):
                return attribution
    return None


def _target_and_holder(found: Extraction, match: CueMatch) -> tuple[str | None, str | None]:
    framed = _framing_attribution(found, match.start, match.end)
    if framed is not None:
        # "X claimed", "X reportedly said": the relayer doubts; "X estimates": X does.
        holder = framed.parent_key if match.cue.kind in RELAYER_KINDS else framed.key
        return framed.key, holder
    carrier = enclosing_attribution(found, match.start, match.end)
    if carrier is not None:
        return carrier.key, carrier.key
    return None, None


class HedgeExtractor:
    name = NAME
    version = VERSION

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def extract(self, ctx: Context, found: Extraction) -> None:
        text = ctx.text
        offset = len(found.hedges)
        for number, match in enumerate(find_cues(text, ctx.doc, self.lexicon), start=offset + 1):
            low, high = self.lexicon.probability(match.cue.band)
            target_key, holder_key = _target_and_holder(found, match)
            found.hedges.append(Hedge(
                key=f"h{number}", start=match.start, end=match.end, text=text[match.start:match.end],
                extractor=NAME, extractor_version=VERSION, band=match.cue.band,
                probability_low=low, probability_high=high,
                target_key=target_key, holder_key=holder_key,
            ))


@register(NAME)
def build() -> HedgeExtractor:
    return HedgeExtractor()
