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


def test_a_line_break_inside_a_content_does_not_split_it(nlp):
    text = "The mayor said the bridge\nwill reopen next week after repairs."
    attribution = only(learned.predict(nlp(text)), "said")
    assert len(attribution.content) == 1
    assert attribution.content[0].text.startswith("the bridge\nwill reopen")


def test_training_labels_follow_the_gold_spans(nlp):
    from pathlib import Path

    from claimgraph.eval.polnear import load_gold
    from claimgraph.extract.attributions.train import token_labels

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "polnear"
    gold = load_gold(fixtures)
    article = "beta_2020-02-02_vote"
    doc = nlp(gold.texts[article])
    labels = [learned.LABELS[i] for i in token_labels(doc, gold[article])]
    by_word = dict(zip([t.text for t in doc], labels))
    assert by_word["Smith"] == "B-SOURCE" and by_word["told"] == "B-CUE"
    assert by_word["reporters"] == "O"
    assert [labels[t.i] for t in doc if t.text in ("vote", "failed")] == ["I-CONTENT", "I-CONTENT"]
    assert by_word["found"] == "B-CUE" and by_word["errors"] == "B-CONTENT"
    assert by_word["Turnout"] == "B-CONTENT"  # content of the cue-less gold attribution
