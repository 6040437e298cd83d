"""The figure extractor's fifth round of category mechanisms, found where categories did not
carry over to unseen conflict reports.

Supply shares whatever the parse made of what follows them ("rounds of Iranian origin
account for roughly half of what Syrian guns fire"); parts set off after their count ("64
drones, 17 of them heading for Haifa", "42 deaths, 23 of them children"); people a side
holds (captured), and weapons it holds (other); a part whose predicate noun names its
category ("400 of those casualties were deaths"); bodies received at a morgue (killed,
not a repatriation); a model name counted by itself ("another 60 Polonezes") and a
designator between the number and its noun ("Shahed-131 attack drones"); weapons sent
"against" a target (an attack, not a delivery) and ships carrying a transfer (other); a
share that restates a casualty count ("3,000 casualties, or close to 30 percent of the
troops sent"); a participle after coordinated counts ("90 launchers and dozens of
howitzers moving south by rail"); and a caveat about what no figure counts ("the figures
on the rockets' reliability") doubting no figure.

Every sentence here is our own, written for these tests (other places, names and numbers
than any evaluation text); the expected values follow the conflict-figures conventions.
The full pipeline runs (entities first), as in the ledger.
"""

from __future__ import annotations

from datetime import date

import pytest
from figure_cases import by_text, extract_figures

from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 10, 7)


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("entities", "attributions", "hedges", "figures"))


def extract(text: str, extractors: list) -> Extraction:
    return extract_figures(text, extractors, PUBLISHED)


def categories(text: str, extractors: list) -> dict[str, str]:
    return {text: figure.category for text, figure in by_text(extract(text, extractors)).items()}


# ------------------------------------------------------------------ supply shares


def test_a_supply_share_whose_noun_the_parser_misread(extractors: list) -> None:
    # the parse joins "ammunition" to "Serbian units": the share verb and its subject decide
    text = ("Officials said that Belarusian supplies now account for as much as 40 percent of the "
            "ammunition Serbian units fire along the border.")
    assert categories(text, extractors)["as much as 40 percent"] == "supplied"


def test_a_supply_share_of_what_the_guns_fire(extractors: list) -> None:
    text = "We judge that rounds of Iranian origin now account for roughly half of what Syrian guns fire on an average day."
    assert categories(text, extractors)["roughly half"] == "supplied"


def test_a_share_of_losses_is_no_supply_share(extractors: list) -> None:
    text = "Drones now account for about 70 percent of casualties, the surgeon said."
    assert categories(text, extractors)["about 70 percent"] == "other"


# ------------------------------------------------------------------ parts set off after their count


def test_a_part_with_a_participle_counts_what_its_count_counts(extractors: list) -> None:
    text = ("The air force said it had shot down 64 Iranian drones over the southern provinces overnight, "
            "17 of them heading for Haifa.")
    found = categories(text, extractors)
    assert found["64"] == "destroyed"
    assert found["17"] == "destroyed"


def test_a_part_naming_who_is_kept_with_its_counts_category(extractors: list) -> None:
    text = "The monitor recorded at least 42 deaths in Darfur last month, 23 of them children."
    found = categories(text, extractors)
    assert found["at least 42"] == "killed"
    assert found["23"] == "killed"


def test_a_part_with_a_clause_of_its_own_keeps_its_own_category(extractors: list) -> None:
    found = categories("Russia fired 40 missiles, 31 of which were intercepted.", extractors)
    assert found["40"] == "other"
    assert found["31"] == "destroyed"


def test_a_part_with_a_past_participle_keeps_what_befell_it(extractors: list) -> None:
    found = categories("Russia launched 90 drones overnight, 60 of them shot down over Kyiv.", extractors)
    assert found["90"] == "other"
    assert found["60"] == "destroyed"


def test_a_part_naming_where_is_kept_with_its_count(extractors: list) -> None:
    found = categories("Militants killed 30 people, 12 of them in Goma.", extractors)
    assert found["12"] == "killed"


# ------------------------------------------------------------------ holding


def test_people_a_side_is_holding_are_captured(extractors: list) -> None:
    text = "Kabul says the Taliban is holding more than 3,000 Afghan soldiers and police officers."
    assert categories(text, extractors)["more than 3,000"] == "captured"


def test_holding_a_crew_is_capture(extractors: list) -> None:
    text = ("The militia has attacked 30 tankers since March, killing two sailors and holding the 19 "
            "crew members of a hijacked tanker.")
    found = categories(text, extractors)
    assert found["19"] == "captured"
    assert found["two"] == "killed"


def test_holders_and_reserves_are_not_captives(extractors: list) -> None:
    assert categories("About 2,000 marines hold the town.", extractors)["About 2,000"] == "deployed"
    assert categories("The brigade is holding 3,000 soldiers in reserve.", extractors)["3,000"] == "deployed"


def test_a_building_holding_people_states_a_capacity(extractors: list) -> None:
    assert categories("The stadium holds 40,000 people.", extractors).get("40,000") != "captured"
    found = categories("The school, which holds 600 pupils, was hit.", extractors)
    assert found.get("600") != "captured"
    # a building named as where captives are held is no holder
    found = categories("Gunmen are holding 300 pupils in a school near Kaduna.", extractors)
    assert found["300"] == "captured"


def test_weapons_a_side_holds_are_a_stock(extractors: list) -> None:
    text = ("Analysts say the Shabaab still hold several hundred rocket launchers, many of them Chinese "
            "models assembled locally.")
    assert categories(text, extractors)["several hundred"] == "other"


# ------------------------------------------------------------------ predicate nouns and bodies


def test_a_part_whose_predicate_noun_names_deaths_is_killed(extractors: list) -> None:
    text = ("Syrian army losses\n\n"
            "The army has suffered about 1,500 casualties in Idlib since May. Officials believe "
            "about 400 of those casualties were deaths.")
    found = categories(text, extractors)
    assert found["about 1,500"] == "casualties"
    assert found["about 400"] == "killed"


def test_bodies_a_morgue_received_are_the_dead(extractors: list) -> None:
    text = "A doctor in Marib said the city's mortuary had received about 40 bodies on Sunday."
    assert categories(text, extractors)["about 40"] == "killed"


def test_bodies_handed_over_are_still_a_repatriation(extractors: list) -> None:
    text = "Kyiv said it had received the bodies of 757 soldiers from Moscow."
    assert categories(text, extractors)["757"] == "other"


# ------------------------------------------------------------------ model names and designators


def test_a_model_name_counted_by_itself_takes_its_earlier_nouns_class(extractors: list) -> None:
    text = ("He said Minsk had also delivered about 80 Polonez 300mm multiple rocket launchers, and that "
            "another 60 Polonezes were expected to arrive by the autumn.")
    found = categories(text, extractors)
    assert found["about 80"] == "supplied"
    assert found["60"] == "supplied"


def test_a_designator_before_a_compound_noun(extractors: list) -> None:
    # the parser makes the designator the object: the noun after it is what is counted, the
    # head of the compound "attack drones", not "attack"
    text = "Belarus has delivered at least 400 Shahed-131 attack drones to Syria, officials said."
    figure = by_text(extract(text, extractors))["at least 400"]
    assert figure.category == "supplied"
    assert figure.subject is not None and figure.subject.endswith("drones")


# ------------------------------------------------------------------ attacks and conveyances


def test_drones_sent_against_targets_are_an_attack(extractors: list) -> None:
    text = "Officers said Syria had sent between 150 and 250 drones against 22 villages on Friday night."
    assert categories(text, extractors)["between 150 and 250"] == "other"


def test_weapons_sent_to_help_against_an_offensive_are_supplied(extractors: list) -> None:
    text = "Germany sent 40 howitzers to help Kyiv against the offensive."
    assert categories(text, extractors)["40"] == "supplied"


def test_a_named_target_makes_an_attack_and_a_threat_does_not(extractors: list) -> None:
    assert categories("Pakistan sent 40 drones against Amritsar overnight.", extractors)["40"] == "other"
    # what a weapon defends against is no target
    text = "Washington delivered 300 interceptors against Iranian drones."
    assert categories(text, extractors)["300"] == "supplied"


def test_ships_carrying_munitions_count_the_transfer(extractors: list) -> None:
    text = "He said the navy had followed seven Iranian freighters carrying Russian ammunition across the Black Sea."
    assert categories(text, extractors)["seven"] == "other"


def test_ships_sunk_while_carrying_munitions_are_destroyed(extractors: list) -> None:
    text = "The navy sank three ships carrying Russian ammunition."
    assert categories(text, extractors)["three"] == "destroyed"


# ------------------------------------------------------------------ shares of a contingent


def test_a_share_that_restates_casualties_is_casualties(extractors: list) -> None:
    text = ("Pentagon: Iranian losses in Basra probably near 30 percent of contingent\n\n"
            "Iranian brigades fighting in Iraq's Basra province have probably suffered around 3,000 "
            "casualties, or close to 30 percent of the roughly 10,000 troops Tehran sent, officials said.")
    found = categories(text, extractors)
    assert found["near 30 percent"] == "casualties"
    assert found["close to 30 percent"] == "casualties"
    assert found["roughly 10,000"] == "deployed"


# ------------------------------------------------------------------ coordinated counts


def test_a_participle_after_coordinated_counts_reaches_both(extractors: list) -> None:
    text = ("Drone footage appears to show about 90 Polonez 300mm self-propelled launchers and dozens "
            "of 122mm howitzers moving south by rail since March.")
    found = categories(text, extractors)
    assert found["about 90"] == "supplied"
    assert found["dozens"] == "supplied"


def test_a_participle_on_the_last_conjunct_reaches_the_first(extractors: list) -> None:
    text = "Satellite images show some 70 T-72 tanks and dozens of armoured vehicles heading north by train."
    found = categories(text, extractors)
    assert found["some 70"] == "supplied"
    assert found["dozens"] == "supplied"


# ------------------------------------------------------------------ caveats about what no figure counts


def test_a_caveat_about_accuracy_doubts_no_figure(extractors: list) -> None:
    text = ("Rocket deliveries\n\n"
            "Marta Kovac, a spokeswoman for the defence ministry, said Minsk had delivered about 300 "
            "rockets to the front.\n\n"
            "The Herald said it could not independently confirm the figures on the rockets' reliability.")
    assert not by_text(extract(text, extractors))["about 300"].hedged


def test_a_caveat_about_the_deliveries_still_doubts_them(extractors: list) -> None:
    text = ("Rocket deliveries\n\n"
            "Marta Kovac, a spokeswoman for the defence ministry, said Minsk had delivered about 300 "
            "rockets to the front.\n\n"
            "The Herald said it could not independently confirm the figures on the deliveries.")
    assert by_text(extract(text, extractors))["about 300"].hedged


def test_a_caveat_about_an_event_still_doubts_its_figures(extractors: list) -> None:
    text = ("Village attack\n\n"
            "Marta Kovac, a spokeswoman for the defence ministry, said gunmen had killed about 300 "
            "villagers.\n\n"
            "The Herald said it could not independently confirm the figures on the massacre.")
    assert by_text(extract(text, extractors))["about 300"].hedged
