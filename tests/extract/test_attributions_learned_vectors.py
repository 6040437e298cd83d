"""The learned attribution tagger's inputs and span clean-up, on our own sentences.

Real spaCy parses; the network is built small and untrained where a test needs one,
since these tests are about what it reads, not what it learned.
"""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import DocBin

from claimgraph.errors import ConfigError
from claimgraph.extract.attributions import learned
from claimgraph.extract.attributions.learned import RoleSpan
from claimgraph.extract.nlp import load_nlp

TEXT = "The regional governor said on Monday that the convoy had been destroyed near the border."


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def restored(nlp, doc):
    """The doc after a DocBin round trip, which keeps the parse but not the token vectors."""
    stored = DocBin()
    stored.add(doc)
    return next(iter(DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)))


def test_context_vectors_are_the_pipelines_own(nlp):
    doc = nlp(TEXT)
    (vectors,) = learned.context_vectors([doc])
    assert vectors.shape == (len(doc), doc.tensor.shape[1]) and vectors.shape[1] > 0
    assert numpy.array_equal(vectors, doc.tensor)


def test_context_vectors_are_recomputed_for_a_restored_doc(nlp):
    doc = nlp(TEXT)
    again = restored(nlp, doc)
    assert again.tensor.size == 0
    (vectors,) = learned.context_vectors([again])
    assert numpy.allclose(vectors, doc.tensor, atol=1e-5)


def small_model(vectors: int, nlp) -> learned.TaggerModel:
    network = {"width": 16, "depth": 1, "window": 1, "dropout": 0.0,
               "features": ["lower", "dep"], "vectors": vectors}
    model = learned.TaggerModel(learned.build_model(**network), {"network": network}, {})
    doc = nlp(TEXT)
    model.network.initialize(X=model.inputs([doc]))
    return model


def test_a_network_with_vectors_reads_them(nlp):
    width = nlp(TEXT).tensor.shape[1]
    model = small_model(width, nlp)
    doc = nlp(TEXT)
    (probabilities,) = model.probabilities([doc])
    assert probabilities.shape == (len(doc), len(learned.LABELS))
    assert numpy.allclose(probabilities.sum(axis=1), 1.0, atol=1e-4)
    # the vectors are used: changing them changes what the embedding layer passes on
    # (the untrained output layer is all zeros, so the probabilities cannot show it)
    embed = model.network.layers[0]
    ids, vectors = model.inputs([doc])[0]
    (plain,) = embed.predict([(ids, vectors)])
    (shifted,) = embed.predict([(ids, vectors + 1.0)])
    assert plain.shape == (len(doc), 16)
    assert not numpy.allclose(numpy.asarray(shifted), numpy.asarray(plain))


def test_a_vector_width_the_pipeline_does_not_give_is_a_config_error(nlp):
    width = nlp(TEXT).tensor.shape[1]
    model = small_model(width, nlp)
    model.settings["network"]["vectors"] = width + 4
    with pytest.raises(ConfigError, match="token vectors"):
        model.inputs([nlp(TEXT)])


def test_the_shipped_model_gives_the_same_attributions_on_a_restored_doc(nlp):
    if not learned.available():
        pytest.skip("the learned model is not shipped")
    doc = nlp(TEXT)
    fresh = [(a.cue.text if a.cue else None, [c.text for c in a.content]) for a in learned.predict(doc)]
    again = [(a.cue.text if a.cue else None, [c.text for c in a.content])
             for a in learned.predict(restored(nlp, doc))]
    assert fresh and fresh == again


def test_a_content_stopping_inside_its_clause_runs_to_the_clause_end(nlp):
    doc = nlp(TEXT)
    that = next(t.i for t in doc if t.text == "that")
    destroyed = next(t.i for t in doc if t.text == "destroyed")
    spans = [RoleSpan("source", 0, 3), RoleSpan("cue", 3, 4), RoleSpan("content", that + 1, destroyed + 1)]
    content = learned.extend_content_ends(doc, spans)[2]
    assert doc[content.start:content.end].text == "the convoy had been destroyed near the border"


def test_a_content_is_not_carried_over_a_cue(nlp):
    text = "The convoy was destroyed near the border, the governor said on Monday."
    doc = nlp(text)
    convoy_end = next(t.i for t in doc if t.text == "destroyed") + 1
    said = next(t.i for t in doc if t.text == "said")
    spans = [RoleSpan("content", 0, convoy_end), RoleSpan("source", said - 2, said),
             RoleSpan("cue", said, said + 1)]
    content = learned.extend_content_ends(doc, spans)[0]
    assert content.end <= said - 2
    assert doc[content.start:content.end].text in ("The convoy was destroyed", "The convoy was destroyed near the border")


def test_a_bare_determiner_as_content_becomes_its_noun_phrase(nlp):
    doc = nlp("The total deployment was estimated at about 11,000 troops.")
    phrase = learned._with_its_phrase(doc, RoleSpan("content", 0, 1))  # "The"
    assert phrase is not None and doc[phrase.start:phrase.end].text == "The total deployment"
    whole = RoleSpan("content", 0, 3)
    assert learned._with_its_phrase(doc, whole) == whole


def test_a_content_of_punctuation_alone_says_nothing(nlp):
    doc = nlp("Officials said: “ ” and left.")
    marks = [t.i for t in doc if t.is_punct]
    assert learned._with_its_phrase(doc, RoleSpan("content", marks[1], marks[2] + 1)) is None
