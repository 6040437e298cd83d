"""The learned tagger's decoder: the unrolled BIO Viterbi finds what a plain matrix Viterbi finds."""

from __future__ import annotations

import numpy
import pytest

from claimgraph.extract.attributions.learned import LABELS, _viterbi


def _allowed() -> numpy.ndarray:
    """(previous label x label) 0.0 where the pair may follow, -inf where BIO forbids it."""
    allowed = numpy.zeros((len(LABELS), len(LABELS)))
    for j, label in enumerate(LABELS):
        if label.startswith("I-"):
            for i, previous in enumerate(LABELS):
                if previous[2:] != label[2:] or previous == "O":
                    allowed[i, j] = -numpy.inf
    return allowed


def _plain_viterbi(probabilities: numpy.ndarray, boosts: dict[str, float] | None) -> list[int]:
    """The textbook recursion over a transition matrix; `argmax` takes the lower label on a tie."""
    scores = numpy.log(numpy.clip(probabilities, 1e-9, 1.0))
    for role, boost in (boosts or {}).items():
        for j, label in enumerate(LABELS):
            if label.endswith("-" + role.upper()):
                scores[:, j] += numpy.log(boost)
    scores = scores.astype("float64")
    if not len(scores):
        return []
    allowed = _allowed()
    best = scores[0] + numpy.array([-1e9 if label.startswith("I-") else 0.0 for label in LABELS])
    back = []
    for row in scores[1:]:
        candidates = best[:, None] + allowed
        previous = candidates.argmax(axis=0)
        best = candidates[previous, numpy.arange(len(LABELS))] + row
        back.append(previous)
    path = [int(best.argmax())]
    for previous in reversed(back):
        path.append(int(previous[path[-1]]))
    return path[::-1]


def _cases() -> list[numpy.ndarray]:
    rng = numpy.random.default_rng(7)
    cases = [rng.dirichlet(numpy.ones(len(LABELS)), size=n).astype("float32") for n in (1, 2, 3, 40, 400)]
    # coarse probabilities: many exact ties between labels, where the tie rule decides the path
    cases += [numpy.round(rng.dirichlet(numpy.ones(len(LABELS)) * 0.3, size=300), 1).astype("float32")]
    cases.append(numpy.full((25, len(LABELS)), 1 / len(LABELS), dtype="float32"))
    cases.append(numpy.zeros((0, len(LABELS)), dtype="float32"))
    return cases


@pytest.mark.parametrize("boosts", [None, {"source": 2.0}, {"cue": 1.5, "content": 0.5}])
def test_unrolled_viterbi_matches_the_matrix_recursion(boosts: dict[str, float] | None) -> None:
    for probabilities in _cases():
        path = _viterbi(probabilities.copy(), boosts)
        assert path == _plain_viterbi(probabilities.copy(), boosts)
        for previous, label in zip([0, *path], path):  # an I- label only after its own B- or I-
            if LABELS[label].startswith("I-"):
                assert LABELS[previous][2:] == LABELS[label][2:] and LABELS[previous] != "O"
