"""How far a hedge reaches among several figures of one sentence: three mechanisms a
no-longer-blind held-out set showed were too wide.

- An estimate named inside a phrase attached to one number ("up from about 900 in its spring
  estimate") hedges that number, not the figure the sentence states now.
- "Officials estimate that A, and say B": the second reporting verb is a statement of its own;
  the first verb's hedge does not reach B.
- "Aid groups put the toll higher, but their figures could not be checked": the possessive
  names the subject of the clause before it, so the caveat doubts that group's figures (here
  none), not the ministry's figures given earlier.

Every sentence here is our own, written for these tests (other places, names and numbers
than any evaluation text); the expected values follow the conflict-figures conventions
("put" and "said" alone do not hedge; "estimate" does; a caveat hedges what it targets).
"""

from __future__ import annotations

from datetime import date

import pytest
from figure_cases import by_text, extract_figures

from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 6, 3)


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("entities", "attributions", "hedges", "figures"))


def extract(text: str, extractors: list) -> Extraction:
    return extract_figures(text, extractors, PUBLISHED, "Harbour Post")


def test_an_earlier_estimate_hedges_only_its_own_number(extractors: list) -> None:
    found = extract(
        "The governor said the army now puts its losses in the valley at 1,400 killed or wounded, "
        "up from about 900 in its spring estimate.",
        extractors,
    )
    figures = by_text(found)
    assert figures["1,400"].hedged is False
    assert figures["about 900"].hedged is True


def test_an_earlier_estimate_before_the_number_still_hedges_it(extractors: list) -> None:
    found = extract("In its latest estimate, the monitoring group put the number of soldiers "
                    "killed at 5,200.", extractors)
    assert by_text(found)["5,200"].hedged is True


def test_a_coordinated_report_is_not_reached_by_the_first_verbs_estimate(extractors: list) -> None:
    found = extract(
        "Coast guard officials estimate that the smugglers still run 30 to 40 boats, down from "
        "about 70 last year, and say patrols seized 12 of them in May.",
        extractors,
    )
    figures = by_text(found)
    assert figures["30 to 40"].hedged is True
    assert figures["12"].hedged is False


def test_a_shared_subject_estimate_still_reaches_its_own_coordinated_figures(extractors: list) -> None:
    found = extract("Port officials estimate that 25 sailors were killed and 60 wounded in the blast.",
                    extractors)
    figures = by_text(found)
    assert figures["25"].hedged is True
    assert figures["60"].hedged is True


def test_their_figures_names_the_subject_of_the_clause_before(extractors: list) -> None:
    found = extract(
        "The interior ministry said at least 140 people had been killed in the floods and 900 "
        "injured. Relief agencies have put the death toll far higher, but their figures could "
        "not be checked independently.",
        extractors,
    )
    figures = by_text(found)
    assert figures["at least 140"].hedged is False
    assert figures["900"].hedged is False


def test_their_figures_still_doubts_the_figures_that_group_gave(extractors: list) -> None:
    found = extract(
        "The interior ministry said at least 140 people had been killed in the floods. Relief "
        "agencies said about 400 had died, but their figures could not be checked independently.",
        extractors,
    )
    figures = by_text(found)
    assert figures["at least 140"].hedged is False
    assert figures["about 400"].hedged is True
