"""The learned tagger as an ensemble: members' probabilities averaged, saved and loaded together.

Real spaCy parses of our own sentence; the networks are small and untrained, with random
output weights so that members disagree (an untrained output layer is all zeros).
"""

from __future__ import annotations

import numpy
import pytest

from claimgraph.errors import ConfigError
from claimgraph.extract.attributions import learned
from claimgraph.extract.nlp import load_nlp

TEXT = "A district official told reporters on Friday that two bridges had been shelled overnight."
NETWORK = {"width": 16, "depth": 1, "window": 1, "dropout": 0.0,
           "features": ["lower", "dep", "quote"], "vectors": 0}


@pytest.fixture(scope="module")
def doc():
    return load_nlp()(TEXT)


def network(doc, seed: int):
    built = learned.build_model(**NETWORK)
    probe = learned.TaggerModel(built, {"network": NETWORK}, {})
    built.initialize(X=probe.inputs([doc]))
    rng = numpy.random.default_rng(seed)
    for node in built.walk():
        if node.name == "softmax":
            node.set_param("W", rng.normal(size=node.get_param("W").shape).astype("float32"))
    return built


def test_the_ensemble_averages_its_members(doc):
    first, second = network(doc, 1), network(doc, 2)
    (alone_first,) = learned.TaggerModel(first, {"network": NETWORK}, {}).probabilities([doc])
    (alone_second,) = learned.TaggerModel(second, {"network": NETWORK}, {}).probabilities([doc])
    assert not numpy.allclose(alone_first, alone_second)
    ensemble = learned.TaggerModel(first, {"network": NETWORK}, {}, [second])
    (together,) = ensemble.probabilities([doc])
    assert numpy.allclose(together, (alone_first + alone_second) / 2, atol=1e-6)
    assert numpy.allclose(together.sum(axis=1), 1.0, atol=1e-4)


def test_an_ensemble_is_saved_and_loaded_whole(doc, tmp_path):
    ensemble = learned.TaggerModel(
        network(doc, 1), {"network": NETWORK, "version": "test"}, {"say": 0.8},
        [network(doc, 2), network(doc, 3)],
    )
    ensemble.save(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("tagger*.bin")) == ["tagger-2.bin", "tagger-3.bin", "tagger.bin"]
    again = learned.load(tmp_path)
    assert len(again.networks) == 3 and again.lexicon == {"say": 0.8}
    assert numpy.allclose(again.probabilities([doc])[0], ensemble.probabilities([doc])[0], atol=1e-6)


def test_a_model_without_a_weights_list_loads_its_single_network(doc, tmp_path):
    single = learned.TaggerModel(network(doc, 4), {"network": NETWORK}, {})
    single.save(tmp_path)
    settings = tmp_path / "settings.json"
    settings.write_text(settings.read_text().replace('"weights"', '"unused"'))  # as models before ensembles
    again = learned.load(tmp_path)
    assert len(again.networks) == 1
    assert numpy.allclose(again.probabilities([doc])[0], single.probabilities([doc])[0], atol=1e-6)


def test_a_missing_member_file_is_a_config_error(doc, tmp_path):
    learned.TaggerModel(network(doc, 5), {"network": NETWORK}, {}, [network(doc, 6)]).save(tmp_path)
    (tmp_path / "tagger-2.bin").unlink()
    with pytest.raises(ConfigError, match="tagger-2.bin"):
        learned.load(tmp_path)
