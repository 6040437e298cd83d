"""The shipped learned attribution model finds cue, source and content on our own sentences.

Loads the model in claimgraph/extract/attributions/model as shipped (no
retraining) and parses with the installed English pipeline.
"""

from __future__ import annotations

import pytest

from claimgraph.extract.attributions import learned
from claimgraph.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def only(found, cue_text):
    matches = [a for a in found if a.cue is not None and a.cue.text == cue_text]
    assert len(matches) == 1, [(a.cue.text if a.cue else None) for a in found]
    return matches[0]


def test_shipped_model_is_present():
    assert learned.available()
    assert learned.model_version() != "absent"


def test_indirect_speech(nlp):
    text = (
        "The regional governor said that the convoy had been destroyed near the border on Monday."
    )
    found = learned.predict(nlp(text))
    attribution = only(found, "said")
    assert attribution.source is not None and attribution.source.text == "The regional governor"
    assert attribution.content and "the convoy had been destroyed" in " ".join(
        c.text for c in attribution.content
    )
    assert attribution.kind == "indirect"
    assert attribution.extractor == learned.EXTRACTOR


def test_direct_quote_after_the_cue(nlp):
    text = 'Farmers left the valley last week. "We will not go back until the shelling stops," a farmer told reporters.'
    found = learned.predict(nlp(text))
    attribution = only(found, "told")
    assert attribution.source is not None and attribution.source.text == "a farmer"
    content = " ".join(c.text for c in attribution.content)
    assert "We will not go back until the shelling stops" in content
    assert attribution.kind == "direct"


def test_according_to(nlp):
    text = "According to the ministry, at least twelve drones were shot down overnight."
    found = learned.predict(nlp(text))
    assert found, "no attribution found"
    attribution = found[0]
    assert attribution.cue is not None and attribution.cue.text.startswith("According")
    assert attribution.source is not None and "ministry" in attribution.source.text
    assert any("drones were shot down" in c.text for c in attribution.content)


def test_spans_point_at_the_text(nlp):
    text = (
        "The mayor warned that water supplies could run out.\n\n"
        "Officials believe the dam was hit twice, a spokesman said."
    )
    found = learned.predict(nlp(text))
    assert len(found) >= 2
    for attribution in found:
        for span in [attribution.cue, attribution.source, *attribution.content]:
            if span is not None:
                assert text[span.start : span.end] == span.text
                assert span.text == span.text.strip()
        assert attribution.start <= attribution.cue.start and attribution.cue.end <= attribution.end


def test_no_attribution_in_plain_narration(nlp):
    text = "The river rose two metres overnight and the road to the village was closed."
    assert learned.predict(nlp(text)) == []
