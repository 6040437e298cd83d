"""The figure extractor on mechanisms that must generalise beyond the dev set: places,
ages, cargo, names with numbers, seized places, captivity, supply shares, "a dozen",
caveats that name their target and headline plans.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions. The full pipeline runs (entities first), as in the ledger.
"""

from __future__ import annotations

from datetime import date

import pytest
from figure_cases import by_text, extract_figures, only

from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 3, 12)


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("entities", "attributions", "hedges", "figures"))


def extract(text: str, extractors: list) -> Extraction:
    return extract_figures(text, extractors, PUBLISHED)


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(("sentence", "expected"), [
    # the place of the event, not the nationality of the dead nor their country
    ("Officials said 40 North Korean soldiers were killed in the Kursk region.", "Kursk region"),
    ("Fighting near Kupiansk cost North Korea 80 soldiers, the ministry said.", "Kupiansk"),
    # a nationality adjective is never a place, even where the tagger calls it one
    (("The claim that 500 North Korean soldiers died came from Ukrainian sources, who said the "
      "strike hit a camp near Sudzha."), "Sudzha"),
    # the actor sends, the destination receives
    ("Pyongyang has sent 3,000 more troops to Russia.", "Russia"),
    ("The first 2,000 soldiers headed for Kursk on Sunday.", "Kursk"),
    # a receiving country is where the troops go, not an actor
    ("Russia has received 30,000 more North Korean troops, officials said.", "Russia"),
    # the country of the counted people is the place when the text puts the event there
    ("Two North Korean soldiers were killed in North Korea during a training accident.", "North Korea"),
])
def test_the_place_is_where_the_event_happened(extractors, sentence, expected) -> None:
    figure = only(extract(sentence, extractors))
    assert figure.place == expected


@pytest.mark.parametrize("sentence", [
    "Ukrainian officials said 200 North Korean soldiers had died.",
    "North Korea's losses have reached 300 soldiers, officials believe.",
    "In Seoul, the spy agency told lawmakers that 200 North Korean soldiers had died.",
    "Seoul: 200 North Korean soldiers dead",
    "Shells from Pyongyang killed 12 soldiers, the army said.",
])
def test_nationalities_owners_actors_origins_and_the_place_of_a_statement_are_not_places(
        extractors, sentence) -> None:
    figure = only(extract(sentence, extractors))
    assert figure.category == "killed" or figure.category == "casualties"
    assert figure.place is None


def test_a_mention_of_the_same_claim_lends_its_place(extractors) -> None:
    found = extract("Some 150 North Korean soldiers were killed in the Kursk region, officials "
                    "said.\n\nThe officials said the 150 deaths were confirmed by intercepted radio "
                    "traffic.", extractors)
    assert [f.place for f in found.figures] == ["Kursk region", "Kursk region"]


# -------------------------------------------------------------------- ages


@pytest.mark.parametrize(("sentence", "figures"), [
    ("A 72-year-old man and 40 soldiers were killed in the shelling.", ["40"]),
    ("Park, 41, said 300 troops had crossed the border.", ["300"]),
    ("Sgt. Oleh Petrenko, 34, said his unit had lost 15 men in the assault.", ["15"]),
    ("Three soldiers, aged 19, 22 and 25, were killed in the strike.", ["Three"]),
    ("Two marines aged 20 and 23 were wounded on Friday.", ["Two"]),
    ("The shelling wounded a 9-month-old baby and 14 soldiers.", ["14"]),
])
def test_ages_are_not_figures(extractors, sentence, figures) -> None:
    assert [f.text for f in extract(sentence, extractors).figures] == figures


# ------------------------------------------------------------- cargo, money


@pytest.mark.parametrize(("sentence", "figures"), [
    ("The ships carried 10,000 tonnes of grain from Odesa, while 40 soldiers were killed nearby.", ["40"]),
    ("Iran exported 1.5 million barrels of oil a day last year.", []),
    ("The freighter unloaded 30,000 tons of fertiliser and 200 drones at the port.", ["200"]),
    ("Russia bought goods worth $2 billion and 300 drones from Iran.", ["300"]),
])
def test_civilian_cargo_and_trade_are_not_figures(extractors, sentence, figures) -> None:
    assert [f.text for f in extract(sentence, extractors).figures] == figures


def test_tonnes_of_ammunition_are_still_supplied(extractors) -> None:
    figure = only(extract("The convoy delivered 5,000 tonnes of ammunition to the front.", extractors))
    assert figure.category == "supplied"


# --------------------------------------------------------- names with numbers


@pytest.mark.parametrize(("sentence", "figures"), [
    ("The rebels launched Operation 1027 in October.", []),
    ("The alliance began Operation 1111 after the ceasefire collapsed, and 60 soldiers were killed.", ["60"]),
    ("Flight 752 was shot down, killing 176 people.", ["176"]),
])
def test_a_number_after_the_name_it_belongs_to_is_a_designator(extractors, sentence, figures) -> None:
    assert [f.text for f in extract(sentence, extractors).figures] == figures


# ------------------------------------------------------ seized places, captivity


def test_seized_places_are_other_and_seized_people_captured(extractors) -> None:
    found = by_text(extract("The rebels seized 100 outposts and 12 towns, and captured 300 soldiers.",
                            extractors))
    assert (found["100"].category, found["12"].category, found["300"].category) == (
        "other", "other", "captured")


def test_liberated_settlements_are_other(extractors) -> None:
    figure = only(extract("The army said it liberated 12 settlements near the river.", extractors))
    assert figure.category == "other"


@pytest.mark.parametrize("sentence", [
    "Ukraine is holding 8,000 Russian soldiers in captivity.",
    "About 1,200 Ukrainian servicemen remain in Russian captivity.",
    "Kyiv said it was holding 8,000 prisoners of war.",
    "Some 300 Ukrainian soldiers were taken prisoner near the town.",
    "More than 9,000 Ukrainians are in Russian captivity, the ombudsman said.",
])
def test_captivity_is_captured(extractors, sentence) -> None:
    assert only(extract(sentence, extractors)).category == "captured"


# ------------------------------------------------------------ supply shares


@pytest.mark.parametrize("sentence", [
    "About 60 percent of the shells that Russia fired at Ukraine came from North Korea.",
    "Half of the shells that were fired by Russian gunners were produced in North Korea.",
    "North Korea supplied half of the shells that were fired by Russian artillery, officials said.",
    "About half the missiles that Russia has launched since January were made in North Korea.",
])
def test_a_supply_share_stays_supplied_whatever_its_relative_clause_says(extractors, sentence) -> None:
    assert only(extract(sentence, extractors)).category == "supplied"


# ------------------------------------------------------------------ a dozen


def test_a_share_of_used_equipment_that_was_shot_down_is_destroyed(extractors) -> None:
    figure = only(extract("About 30 percent of the drones that Russia launched were shot down.", extractors))
    assert figure.category == "destroyed"


def test_a_dozen_is_a_vague_amount_of_twelve(extractors) -> None:
    figure = only(extract("A dozen soldiers were killed in the strike.", extractors))
    assert (figure.text, figure.qualifier, figure.value_low, figure.value_high) == ("A dozen", "approx", 12, 12)


# ------------------------------------------------- caveats that name their target


def test_a_caveat_that_names_shipments_hedges_only_the_shipment(extractors) -> None:
    found = by_text(extract("Officials said 40 soldiers were killed and 3 million shells were shipped, "
                            "but the shipment figures could not be verified.", extractors))
    assert (found["40"].hedged, found["3 million"].hedged) == (False, True)


def test_a_caveat_that_names_casualties_hedges_only_the_casualty_figures(extractors) -> None:
    found = by_text(extract("Officials said 40 soldiers were killed on Monday. They said 3 million "
                            "shells had been shipped since May. The casualty figures could not be "
                            "independently verified.", extractors))
    assert (found["40"].hedged, found["3 million"].hedged) == (True, False)


def test_a_caveat_that_names_no_kind_still_hedges_every_figure_of_the_claim(extractors) -> None:
    found = by_text(extract("Officials said 40 soldiers were killed and 3 million shells were shipped, "
                            "but the figures could not be verified.", extractors))
    assert (found["40"].hedged, found["3 million"].hedged) == (True, True)


# ---------------------------------------------------------------- headline plans


@pytest.mark.parametrize("headline", [
    "North Korea to send 6,000 more troops to Russia's Kursk region",
    "Pyongyang plans to send 6,000 more troops to Russia",
])
def test_a_headline_plan_is_a_hedged_deployment(extractors, headline) -> None:
    found = extract(headline + "\n\nThe decision was announced on Tuesday.", extractors)
    figure = only(found)
    assert (figure.category, figure.hedged) == ("deployed", True)


def test_a_headline_that_reports_a_deployment_is_not_hedged(extractors) -> None:
    figure = only(extract("North Korea sent 6,000 more troops to Russia\n\nThe move was confirmed on "
                          "Tuesday.", extractors))
    assert (figure.category, figure.hedged) == ("deployed", False)
