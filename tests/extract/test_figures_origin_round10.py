"""Sources, categories and hedges from set N's misses, once it was opened (its blind scores are in
its README).

Outlets: a speaker who "told" a broadcaster the old list of agencies lacked, or a name introduced
by a media noun ("state broadcaster KTV"), talked to an outlet; "the station" is the radio named
before, also when the small model took "Radio X" for a person; the outlets both stages know are one
list. Roles: "the medical group" is the doctors' body cited before it. Documents: "a statement
carried by the state news agency" is the speaker's, not the agency's. Categories: people facing
famine are "other"; a headline verb the tagger read as a noun ("market kills at least 23") still
names the deaths. Hedges: a caveat about "jihadist claims" doubts those claims, not counts of
fighters; "still trying to confirm the new toll" and "no independent evidence for his claim" are
caveats.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post

from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.entities.lexicon import load_lexicon


def test_a_speaker_who_told_al_jazeera_talked_to_an_outlet(extractors: list) -> None:
    text = ("The army spokesman, Col. Ahmed Saleh, told Al Jazeera that troops had killed dozens of the "
            "attackers on Monday.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["dozens"].source_chain == ["Harbour Post", "Al Jazeera", "Ahmed Saleh"]


def test_a_name_introduced_by_a_media_noun_is_an_outlet(extractors: list) -> None:
    text = ("The junta spokesman, Gen. Thura Aung, told state broadcaster KTV that the air force had killed "
            "about 30 fighters at the camp.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 30"].source_chain == ["Harbour Post", "KTV", "Thura Aung"]


def test_the_station_is_the_radio_named_before_it(extractors: list) -> None:
    text = ("Shelling killed at least 20 people, Reuters reported, citing local doctors. Radio Dabanga, quoting "
            "the resistance committee, put the toll at 31. A trader who was in the market told the station that "
            "at least eight shells landed within minutes.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least eight"].source_chain[:2] == ["Harbour Post", "Radio Dabanga"]


def test_a_medical_group_is_the_doctors_body_cited_before(extractors: list) -> None:
    text = ("Shelling killed at least 23 people on Sunday, Reuters reported, citing the Kordofan Doctors Union. "
            "The medical group told Reuters that 11 of the dead were children.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11"].source_chain == ["Harbour Post", "Reuters", "Kordofan Doctors Union"]


def test_a_statement_carried_by_an_agency_is_the_speaker_s(extractors: list) -> None:
    text = ("Twelve soldiers were killed in the ambush, the defence ministry said in a statement carried by "
            "the state news agency on Wednesday. Two armoured vehicles were damaged, the statement added.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["Two"].source_chain[-1] == "defence ministry"


def test_people_facing_famine_are_other(extractors: list) -> None:
    text = "The World Food Programme has warned that up to 300,000 people in the state may be facing famine."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["up to 300,000"].category == "other"


def test_a_headline_verb_read_as_a_noun_still_names_the_deaths(extractors: list) -> None:
    text = ("Shelling of Dilling market kills at least 23, doctors say\n\n"
            "Shells hit the busiest market in the town on Sunday morning.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 23"].category == "killed"


def test_a_caveat_on_jihadist_claims_doubts_the_claims_not_the_army_count(extractors: list) -> None:
    text = ("The convoy was attacked by several hundred fighters on motorcycles, the ministry said.\n\n"
            "The Sahel Province group claimed through its Amaq news agency that its fighters had killed more "
            "than 30 soldiers. "
            "Jihadist claims of this kind are routinely inflated and could not be checked.")
    figures = by_text(in_harbour_post(text, extractors))
    assert not figures["several hundred"].hedged
    assert figures["more than 30"].hedged


def test_a_check_still_under_way_doubts_the_new_toll(extractors: list) -> None:
    text = ("The death toll has risen to 22, the leader of a rescue team told a local news site, with about "
            "35 people wounded. We are still trying to confirm the new toll with the township.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["22"].hedged
    assert not figures["about 35"].hedged


def test_no_independent_evidence_for_a_claim_doubts_it(extractors: list) -> None:
    text = ("The spokesman said the air force had killed about 30 fighters at a training camp. There is no "
            "independent evidence for his claim.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 30"].hedged


def test_the_outlets_of_the_entities_lexicon_are_the_attribution_rules_outlets() -> None:
    lexicon = load_lexicon()
    outlets = {name for name in cues().agencies if (lexicon.lookup(name) or ("", ""))[0] in ("OUTLET", "WIRE")}
    assert {"Al Jazeera", "AFP", "Reuters", "Radio Dabanga", "MRTV"} <= outlets
    assert outlets == set(cues().agencies)  # one list of outlets for both stages


def test_a_toll_from_a_named_body_is_that_body_s(extractors: list) -> None:
    text = ("Updated at 19:30 with the revised toll of 41 from the Amhara Rights Council.\n\n"
            "A drone strike on the market in the town killed at least 41 civilians.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["41"].source_chain == ["Harbour Post", "Amhara Rights Council"]


def test_the_buried_dead_are_killed_but_people_still_buried_are_not(extractors: list) -> None:
    text = ("A local administrator said residents had buried 38 of the victims by Friday afternoon. A rescuer "
            "said he believed five or six more people were still buried.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["38"].category == "killed"
    assert "five or six" not in figures or figures["five or six"].category != "killed"


def test_a_number_after_a_lower_case_place_noun_names_it(extractors: list) -> None:
    text = "The deputy director said two fuel tankers at berth 7 had been damaged."
    figures = by_text(in_harbour_post(text, extractors))
    assert "7" not in figures
    assert figures["two"].category == "destroyed"


def test_the_agency_is_the_news_agency_that_just_reported(extractors: list) -> None:
    text = ("Israeli strikes on the south killed five people on Tuesday, the health ministry said.\n\n"
            "The official National News Agency (NNA) reported that a drone had hit a car near the town, killing "
            "two men. Citing rescue teams, the agency said three people died when a strike flattened a house.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["three"].source_chain[:2] == ["Harbour Post", "National News Agency"]


def test_a_tally_based_on_a_body_s_figures_passes_them_on(extractors: list) -> None:
    text = ("Israeli strikes have killed more than 330 people in Lebanon since the ceasefire, according to an "
            "AFP tally based on health ministry figures.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 330"].source_chain == ["Harbour Post", "Agence France-Presse", "health ministry"]


def test_violations_counted_by_a_monitor_are_other(extractors: list) -> None:
    text = "The peacekeeping force said it had recorded more than 7,500 violations of the truce since November."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 7,500"].category == "other"


def test_where_a_hospital_lies_is_no_part_of_the_doctor_s_name(extractors: list) -> None:
    text = ("A doctor at Dessie Referral Hospital, about 100 km to the east, told AFP that 23 of the wounded "
            "had been brought there overnight.\n\nThe commission said nine of the dead were children.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["23"].source_chain[-1] == "doctor at Dessie Referral Hospital"


def test_a_named_host_who_asks_is_the_publisher_s_side(extractors: list) -> None:
    text = ("Morning programme, 15 June 2026: interview with Gen. Rafael Ortiz, commander of the Third Division\n\n"
            "MENDOZA: General, good morning. How bad is it?\n\n"
            "ORTIZ: Good morning. This year we have recorded 214 drone attacks in the department.\n\n"
            "MENDOZA: The forensic institute has counted 23 civilians killed by explosives this year. Is that right?\n\n"
            "ORTIZ: I have no reason to doubt it. We have some 7,000 troops in the department.\n\n"
            "MENDOZA: What happened last week?\n\n"
            "ORTIZ: We captured 17 members of the structure and three were killed in combat.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["23"].source_chain[:2] == ["Harbour Post", "forensic institute"]
    assert figures["17"].category == "captured"
    assert figures["three"].category == "killed"


def test_people_recruited_or_in_an_armed_group_s_ranks_are_deployed(extractors: list) -> None:
    text = ("The council says the dissidents have recruited at least 140 children in the north. Army intelligence "
            "believes there could be up to 300 minors in the ranks of the front.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 140"].category == "deployed"
    assert figures["up to 300"].category == "deployed"


def test_a_count_revised_from_one_value_to_another_is_no_range(extractors: list) -> None:
    text = "Last week's count has been revised from 71 to 76 killed after late reports from Katsina."
    figures = by_text(in_harbour_post(text, extractors))
    assert "71 to 76" not in figures
    assert (figures["76"].value_low, figures["76"].category) == (76, "killed")
    assert (figures["71"].value_low, figures["71"].category) == (71, "killed")  # the old value, counted alike


def test_bandits_neutralised_are_killed_and_hostages_rescued_other(extractors: list) -> None:
    text = ("Defence Headquarters said troops had neutralised 73 bandits and rescued 112 kidnapped people across "
            "the north-west during the week.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["73"].category == "killed"
    assert figures["112"].category == "other"


def test_a_figure_that_may_be_incomplete_is_hedged(extractors: list) -> None:
    text = ("BY STATE\n- Zamfara: gunmen killed 19 villagers in Tungar Daji, according to the emirate council.\n"
            "- Kebbi and Kaduna: 16 killed in total. This figure may be incomplete, because our contacts "
            "could not be reached for three days.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["16"].hedged
    assert not figures["19"].hedged  # the claim just made is the 16, not the council's count above it


def test_its_report_is_the_report_of_the_body_that_gave_the_figure(extractors: list) -> None:
    text = ("Our estimate of the group's strength, 6,000 to 8,000 fighters, is above the some 6,500 fighters "
            "given by the UN sanctions monitoring team in its report to the committee.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["some 6,500"].source_chain[-1] == "UN sanctions monitoring team"


def test_civilian_buildings_burned_are_other_and_buildings_alone_no_figure(extractors: list) -> None:
    text = ("Residents reported that dozens of houses had been set on fire, and more than 30 market stalls had "
            "burned. In the city, three schools have been turned into shelters.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["dozens"].category == "other"
    assert figures["more than 30"].category == "other"
    assert "three" not in figures


def test_inmates_who_escaped_are_other(extractors: list) -> None:
    text = "The police said more than 500 inmates escaped when gangs stormed the prison."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 500"].category == "other"


def test_our_estimate_is_not_what_an_official_told_us_afterwards(extractors: list) -> None:
    text = ("We probably undercount drone use: by our estimate there have been at least 90 quadcopter attacks "
            "this year, and a senior police official in Peshawar told us that about 40 percent of attacks in "
            "his division now involve them.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 90"].source_chain == ["Harbour Post"]
    assert figures["about 40 percent"].source_chain[-1] == "senior police official in Peshawar"
