"""The hedge extractor on sentences written for these tests: bands, cues, targets and holders."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.errors import ConfigError
from claimgraph.extract.base import Context
from claimgraph.extract.hedges import covers, find_cues, load_lexicon
from claimgraph.extract.hedges.lexicon import _build
from claimgraph.extract.pipeline import build, run
from claimgraph.model import Extraction, Hedge
from claimgraph.model.vocab import load_vocab


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("attributions", "hedges"))


def hedges_of(text: str, extractors: list) -> tuple[Context, Extraction]:
    ctx = Context(text=text, publisher="Test Wire", published=date(2025, 3, 12))
    return ctx, run(ctx, extractors)


def by_text(found: Extraction) -> dict[str, Hedge]:
    return {h.text.lower(): h for h in found.hedges}


@pytest.mark.parametrize(("sentence", "cue", "band", "low", "high"), [
    ("The depot was almost certainly hit by a glide bomb.", "almost certainly", "almost_certain", 0.95, 0.99),
    ("The brigade has very likely withdrawn from the village.", "very likely", "very_likely", 0.80, 0.95),
    ("Moscow has highly likely moved the launchers north.", "highly likely", "very_likely", 0.80, 0.95),
    ("The convoy probably crossed the border at night.", "probably", "likely", 0.55, 0.80),
    ("A renewed offensive before spring is likely.", "likely", "likely", 0.55, 0.80),
    ("There is a roughly even chance that the bridge reopens.", "roughly even chance", "roughly_even", 0.45, 0.55),
    # the UK yardstick's phrase, mapped to the nearest ICD 203 band
    ("There is a realistic possibility that the dam is mined.", "realistic possibility", "roughly_even", 0.45, 0.55),
    ("An amphibious landing is unlikely this year.", "unlikely", "unlikely", 0.20, 0.45),
    ("A ceasefire is very unlikely before the summit.", "very unlikely", "very_unlikely", 0.05, 0.20),
    ("There is almost no chance the airfield is operational.", "almost no chance", "almost_no_chance", 0.01, 0.05),
])
def test_icd203_bands(extractors, sentence, cue, band, low, high) -> None:
    _, found = hedges_of(sentence, extractors)
    hedge = by_text(found)[cue]
    assert hedge.band == band
    assert (hedge.probability_low, hedge.probability_high) == (low, high)


@pytest.mark.parametrize(("sentence", "cue"), [
    ("The strike appears to have disabled the radar.", "appears to"),
    ("Satellite images suggest the camp was abandoned.", "suggest"),
    ("The commander was reportedly relieved of duty.", "reportedly"),
    ("The unit allegedly executed two prisoners.", "allegedly"),
    ("Officers are believed to have fled the town.", "believed"),
    ("The shells might be of Iranian origin.", "might"),
    ("Who fired the rocket remains unclear.", "unclear"),
    ("The figures could not be independently verified.", "could not be independently verified"),
    ("Preliminary data show a rise in shelling.", "preliminary"),
    ("The ministry is expected to announce new call-ups.", "is expected to"),
    ("Kyiv plans to rotate the brigade next month.", "plans to"),
    ("Our assessment is that the brigade has withdrawn.", "our assessment is that"),
    ("The militia claimed the town without providing evidence.", "without providing evidence"),
])
def test_uncertainty_cues_have_no_band(extractors, sentence, cue) -> None:
    _, found = hedges_of(sentence, extractors)
    hedge = by_text(found)[cue]
    assert hedge.band == "uncertain"
    assert hedge.probability_low is None and hedge.probability_high is None


def test_month_may_and_booster_are_not_hedges(extractors) -> None:
    _, found = hedges_of("In May the battalion certainly reached the river, officials confirmed.", extractors)
    assert found.hedges == []


def test_modal_may_is_a_hedge(extractors) -> None:
    _, found = hedges_of("The battalion may reach the river by Friday.", extractors)
    assert [h.text for h in found.hedges] == ["may"]


def test_a_cue_quoted_as_a_term_is_not_a_hedge(extractors) -> None:
    _, found = hedges_of('In this vocabulary, "likely" stands for odds between 55 and 80 percent.', extractors)
    assert found.hedges == []


def test_spans_slice_the_text(extractors) -> None:
    ctx, found = hedges_of("Analysts think the regiment was probably reinforced, but the count may be "
                           "higher and could not be verified.", extractors)
    assert len(found.hedges) >= 4
    for hedge in found.hedges:
        assert ctx.text[hedge.start:hedge.end] == hedge.text


def test_hedge_inside_reported_content_is_held_by_the_source(extractors) -> None:
    _, found = hedges_of("The governor said the missile was probably launched from Belgorod.", extractors)
    hedge = by_text(found)["probably"]
    carrier = next(a for a in found.attributions if a.cue is not None and a.cue.text == "said")
    assert hedge.holder_key == carrier.key
    assert hedge.target_key == carrier.key


def test_reportedly_in_the_cue_is_the_author_doubting_the_source(extractors) -> None:
    _, found = hedges_of("The general has reportedly said that the division lost its commander.", extractors)
    hedge = by_text(found)["reportedly"]
    framed = next(a for a in found.attributions if a.key == hedge.target_key)
    assert framed.cue is not None and framed.cue.start <= hedge.start < framed.cue.end
    assert hedge.holder_key == framed.parent_key  # None: the author


def test_hedge_outside_any_attribution_belongs_to_the_author(extractors) -> None:
    _, found = hedges_of("The bridge was probably destroyed overnight.", extractors)
    hedge = by_text(found)["probably"]
    assert hedge.holder_key is None and hedge.target_key is None


def test_scope_reaches_the_clause_a_cue_governs(extractors) -> None:
    text = "The ministry claimed that 40 drones were downed, and the mayor counted 12 craters."
    ctx, found = hedges_of(text, extractors)
    claimed = by_text(found)["claimed"]
    first, second = text.index("40"), text.index("12")
    assert covers(ctx.doc, claimed.start, claimed.end, first, first + 2)
    assert not covers(ctx.doc, claimed.start, claimed.end, second, second + 2)


def test_find_cues_prefers_the_longest_cue() -> None:
    matches = find_cues("The claim is highly likely to be repeated.")
    assert [m.cue.band for m in matches if "likely" in m.cue.source] == ["very_likely"]


def test_lexicon_is_validated() -> None:
    data = dict(load_vocab("hedges"))
    data["cues"] = [{"pattern": "surely", "band": "nearly_always", "kind": "estimative"}]
    with pytest.raises(ConfigError, match="unknown band"):
        _build(data)
    data["cues"] = [{"pattern": "(unclosed", "band": "likely", "kind": "estimative"}]
    with pytest.raises(ConfigError, match="does not compile"):
        _build(data)
    data["cues"] = [{"pattern": "surely", "band": "likely", "kind": "mood"}]
    with pytest.raises(ConfigError, match="unknown kind"):
        _build(data)


def test_shipped_lexicon_covers_every_icd203_band() -> None:
    lexicon = load_lexicon()
    assert set(lexicon.bands) == {"almost_no_chance", "very_unlikely", "unlikely", "roughly_even",
                                  "likely", "very_likely", "almost_certain"}
    assert {c.band for c in lexicon.cues} >= set(lexicon.bands)


@pytest.mark.parametrize("sentence", [
    "The think tank said the brigade withdrew.",
    "Analysts at a Washington think-tank mapped the front line.",
    "In its latest assessment, the ministry said the brigade withdrew.",
    "The institute published an assessment of the front on Monday.",
])
def test_think_tanks_and_assessment_documents_are_not_hedges(extractors, sentence) -> None:
    _, found = hedges_of(sentence, extractors)
    assert found.hedges == []


@pytest.mark.parametrize(("sentence", "cue"), [
    ("We assess that the brigade withdrew.", "assess"),
    ("The agency assessed that the brigade had withdrawn.", "assessed"),
    ("In the agency's assessment, the brigade has withdrawn.", "in the agency's assessment"),
])
def test_estimative_assessment_is_a_hedge(extractors, sentence, cue) -> None:
    _, found = hedges_of(sentence, extractors)
    assert cue in by_text(found)


def test_caveat_vocabulary_is_validated() -> None:
    lexicon = load_lexicon()
    assert {"figures", "claim", "report"} <= lexicon.caveat_topics
    assert "verify" in lexicon.caveat_verbs
    data = dict(load_vocab("hedges"))
    data["caveat_topics"] = "figures"
    with pytest.raises(ConfigError, match="caveat_topics"):
        _build(data)
