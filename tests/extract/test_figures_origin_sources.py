"""Originating sources of figures: the fifth round of general mechanisms, from the misses of the
no-longer-blind sets.

A body named by its kind and country ("the US military", "prosecutors") is the one body of that
kind the article quotes by name; an unnamed source introduced first ("a lawmaker who attended
the briefing") is the one person the article names later with that role; a speaker set after
the clause as "the region's governor, NAME, said" or hung by the parse on a figure ("About half
..., the head of X, NAME, said in an interview with the outlet Y") is found, and the outlet is a
relay; a sentence opening "Citing X, the think tank said" nests X under the speaker; an
organisation named with a nationality ("the Syrian health ministry") is named whole, and so is a
hyphenated outlet ("Al-Watan"); "a figure aid groups said was too low" gives "aid groups" as the
source, not "a figure aid groups".

Every sentence here is our own, written for these tests (other places, names and numbers than
any evaluation text); the expected values follow the conflict-figures conventions.
"""

from __future__ import annotations

from datetime import date

import pytest
from figure_cases import by_text, extract_figures

from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 3, 14)


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("entities", "attributions", "hedges", "figures"))


def extract(text: str, extractors: list, publisher: str = "Test Wire") -> Extraction:
    return extract_figures(text, extractors, PUBLISHED, publisher)


def names(found: Extraction) -> dict[str, str | None]:
    return {a.source.text: a.source_name for a in found.attributions if a.source is not None}


# ------------------------------------------------------------------ a body named by its kind


def test_the_us_military_is_the_command_the_article_quotes(extractors: list) -> None:
    text = ("Tanker hit off Aden\n\n"
            "Rebels hit a cargo ship in the Gulf of Aden with two missiles on Monday, the US military said.\n\n"
            "US Central Command said the vessel was still afloat.")
    figures = by_text(extract(text, extractors))
    assert figures["two"].source_chain == ["Test Wire", "US Central Command"]


def test_prosecutors_are_the_prosecutors_office_the_article_quotes(extractors: list) -> None:
    text = ("Missile strikes on Sumy\n\n"
            "Russia has launched at least 40 missiles at the city since May, Ukraine's Prosecutor "
            "General's Office said on Friday.\n\n"
            "The strikes have killed at least 17 civilians, according to the prosecutors' tally.")
    figures = by_text(extract(text, extractors))
    assert figures["at least 17"].source_chain[-1] == "Prosecutor General's Office"


def test_a_generic_body_stays_when_two_bodies_of_its_kind_speak(extractors: list) -> None:
    text = ("Strikes in the north\n\n"
            "The US military said it had struck 30 targets overnight.\n\n"
            "US Central Command said two drones were downed, and US Army Europe said 4 more were lost.")
    figures = by_text(extract(text, extractors))
    assert figures["30"].source_chain == ["Test Wire", "US military"]


# ------------------------------------------------------------------ unnamed first, named later


def test_a_lawmaker_introduced_unnamed_is_the_lawmaker_named_later(extractors: list) -> None:
    text = ("Losses estimate raised\n\n"
            "The spy agency now puts North Korean losses at about 5,200, a lawmaker who attended the closed "
            "session said on Friday.\n\n"
            "Of those, about 800 were killed, Rep. Kim Dae-ho of the People Power Party told reporters.")
    figures = by_text(extract(text, extractors))
    assert figures["about 5,200"].source_chain[1] == "Kim Dae-ho"


def test_an_apposed_role_names_the_unnamed_source(extractors: list) -> None:
    text = ("More troops\n\n"
            "Pyongyang has sent about 3,000 more soldiers, a lawmaker briefed by the agency said.\n\n"
            "Lee Jun-seok, the lawmaker, said the number could rise.")
    figures = by_text(extract(text, extractors))
    assert figures["about 3,000"].source_chain[1] == "Lee Jun-seok"


def test_an_unnamed_source_stays_unnamed_when_two_people_share_the_role(extractors: list) -> None:
    text = ("More troops\n\n"
            "Pyongyang has sent about 3,000 more soldiers, a lawmaker briefed by the agency said.\n\n"
            "Lawmakers Lee Jun-seok and Cho Hae-jin later said the number could rise. Rep. Cho "
            "said 40 were captured.")
    figures = by_text(extract(text, extractors))
    assert figures["about 3,000"].source_chain[1] not in ("Lee Jun-seok", "Cho Hae-jin")


# ------------------------------------------------------------------ speakers after the clause


def test_a_described_speaker_before_the_name_at_the_end_of_the_clause(extractors: list) -> None:
    text = ("Depot fire\n\n"
            "Overnight, shells hit the Belgorod depot, the region's governor, Ivan Petrenko, said, "
            "adding that three guards had been hurt.")
    figures = by_text(extract(text, extractors))
    assert figures["three"].source_chain == ["Test Wire", "Ivan Petrenko"]


def test_a_speaker_the_parse_hung_on_a_figure_and_the_interview_outlet(extractors: list) -> None:
    text = ("Shell supplies\n\n"
            "Russian artillery now fires about half of all shells from North Korean stocks, the head "
            "of Ukraine's military intelligence, Kyrylo Budanov, said in an interview with the US "
            "outlet The War Zone published on Thursday.")
    figures = by_text(extract(text, extractors))
    assert figures["about half"].source_chain == ["Test Wire", "War Zone", "Kyrylo Budanov"]


def test_an_interview_with_a_named_outlet_is_a_relay(extractors: list) -> None:
    text = ("Fleet losses\n\n"
            "Mikhail Orlov, the head of the naval staff, said in an interview with the outlet Baltic "
            "Report published on Monday that about 40 ships had been damaged.")
    figures = by_text(extract(text, extractors))
    assert figures["about 40"].source_chain == ["Test Wire", "Baltic Report", "Mikhail Orlov"]


def test_a_fronted_citing_phrase_nests_the_cited_body(extractors: list) -> None:
    text = ("Front update\n\n"
            "The Institute for the Study of War said in its latest assessment that fighting continued.\n\n"
            "Citing Ukraine's General Staff, the think tank said Ukrainian forces had repelled 22 "
            "assaults over the previous day.")
    figures = by_text(extract(text, extractors))
    assert figures["22"].source_chain == ["Test Wire", "Institute for the Study of War",
                                          "Ukraine's General Staff"]


def test_a_fronted_citing_phrase_the_parse_split_off(extractors: list) -> None:
    text = "Citing Sudan's health ministry, the think tank said 19 civilians died in the shelling."
    figures = by_text(extract(text, extractors))
    assert figures["19"].source_chain == ["Test Wire", "think tank", "Sudan's health ministry"]


# ------------------------------------------------------------------ names kept whole


def test_a_ministry_named_with_a_nationality_is_named_whole(extractors: list) -> None:
    text = ("The Syrian health ministry said on Sunday that 212 people were killed in the clashes, "
            "a figure aid groups said was too low.")
    found = extract(text, extractors)
    assert by_text(found)["212"].source_chain == ["Test Wire", "Syrian health ministry"]
    assert names(found)["aid groups"] == "aid groups"


def test_a_figure_only_aid_groups_comment_on_is_theirs(extractors: list) -> None:
    text = "Clashes near Idlib killed at least 40 people this week, a figure aid groups said was far too low."
    figures = by_text(extract(text, extractors))
    assert figures["at least 40"].source_chain == ["Test Wire", "aid groups"]


def test_a_hyphenated_outlet_keeps_its_article(extractors: list) -> None:
    text = "The Syrian newspaper Al-Watan said 35 soldiers had been killed near Hama."
    figures = by_text(extract(text, extractors))
    assert figures["35"].source_chain == ["Test Wire", "Al-Watan"]


# ------------------------------------------------------------------ a caveat with a topic


def test_a_caveat_about_a_topic_doubts_only_figures_said_about_it(extractors: list) -> None:
    text = ("Shell supplies\n\n"
            "Oleksiy Hrytsenko, the deputy head of the agency, told the outlet Frontline Review on "
            "Tuesday that Pyongyang has delivered some 150 guns to Russia.\n\n"
            "Hrytsenko said that North Korean rockets had become much more accurate this year.\n\n"
            "Frontline Review said it could not independently confirm the figures on the rockets' accuracy.")
    figures = by_text(extract(text, extractors))
    assert figures["some 150"].source_chain == ["Test Wire", "Frontline Review", "Oleksiy Hrytsenko"]
    assert not figures["some 150"].hedged


def test_a_caveat_without_a_topic_still_doubts_the_figures_before_it(extractors: list) -> None:
    text = ("Shell supplies\n\n"
            "Oleksiy Hrytsenko told the outlet Frontline Review on Tuesday that Pyongyang has "
            "delivered some 150 guns to Russia.\n\n"
            "Frontline Review said it could not independently confirm the figures.")
    figures = by_text(extract(text, extractors))
    assert figures["some 150"].hedged


# ------------------------------------------------------------------ bodies, outlets and roles


def test_a_body_of_a_named_organisation_is_named_whole(extractors: list) -> None:
    text = "Fighting has forced about 40,000 people from their homes since May, the UN's humanitarian office said."
    figures = by_text(extract(text, extractors))
    assert figures["about 40,000"].source_chain == ["Test Wire", "UN's humanitarian office"]


def test_a_trailing_cue_the_parse_hung_on_a_noun_reports_the_whole_clause(extractors: list) -> None:
    text = ("Displacement\n\n"
            "The International Organization for Migration said on Monday that 8 million people had fled.\n\n"
            "About 3 million of them have crossed into neighbouring countries, mainly Chad, Egypt and "
            "South Sudan, the agency said, while the rest are sheltering inside Sudan.")
    figures = by_text(extract(text, extractors))
    assert len(figures["About 3 million"].source_chain) == 2


def test_an_outlet_named_by_its_city_is_the_outlet_the_article_quotes(extractors: list) -> None:
    text = ("Strikes on the south\n\n"
            "Air strikes have killed 1,412 people since March, the Tripoli Courier reported on Monday, "
            "citing a new count by the Ministry of Health.\n\n"
            "The ministry's figures, as relayed by the Tripoli daily, include more than 5,100 wounded.\n\n"
            "The health minister told the newspaper that 31 people had been killed on Sunday.")
    figures = by_text(extract(text, extractors))
    assert figures["more than 5,100"].source_chain[1] == "Tripoli Courier"
    assert figures["31"].source_chain == ["Test Wire", "Tripoli Courier", "health minister"]


def test_a_ministry_tied_to_a_place_is_not_the_last_organisation_that_spoke(extractors: list) -> None:
    text = ("Toll rises\n\n"
            "The Office for the Coordination of Humanitarian Affairs (OCHA) said the overall toll was unchanged.\n\n"
            "The health ministry in the Houthi-controlled north says 12,345 people have been killed since March.")
    figures = by_text(extract(text, extractors))
    assert "Coordination" not in figures["12,345"].source_chain[-1]


def test_the_source_book_links_a_capital_speaking_to_its_government() -> None:
    from claimgraph.eval.figures import SourceNames

    book = SourceNames.from_project()
    assert book.same("Kyiv", "Ukrainian government")
    assert book.same("UN's humanitarian office", "UN Office for the Coordination of Humanitarian Affairs")
    assert not book.same("Kyiv", "Defence Intelligence of Ukraine")


# ------------------------------------------------------------------ two reports side by side


def test_a_report_joined_by_and_inside_anothers_clause_is_its_own(extractors: list) -> None:
    text = ("The Danish Refugee Council warned that as many as 30 schools had been turned into shelters, "
            "and the UN refugee agency said up to 4,000 people may have crossed the border.")
    figures = by_text(extract(text, extractors))
    assert figures["up to 4,000"].source_chain == ["Test Wire", "UN refugee agency"]


def test_a_report_after_a_semicolon_does_not_carry_the_one_before(extractors: list) -> None:
    text = ("The Mozambican armed forces said on Monday that their troops had killed 12 insurgents near "
            "Mueda; the group, in a claim carried by its news outlet, said it had killed five soldiers.")
    figures = by_text(extract(text, extractors))
    assert figures["12"].source_chain == ["Test Wire", "Mozambican armed forces"]


def test_a_perfect_cue_after_while_keeps_its_speaker(extractors: list) -> None:
    text = ("The World Health Organization has recorded at least 12,000 deaths in the war, while the "
            "US special envoy for Chad has said the real toll may be as many as 90,000.")
    figures = by_text(extract(text, extractors))
    assert figures["as many as 90,000"].source_chain == ["Test Wire", "US special envoy for Chad"]
    assert figures["at least 12,000"].source_chain == ["Test Wire", "World Health Organization"]


def test_a_lead_figure_is_not_merged_with_another_countrys_equal_figure(extractors: list) -> None:
    text = ("UK intelligence: Chinese losses likely near 30 percent\n\n"
            "Chinese units have likely suffered around 3,000 casualties, Britain's Ministry of Defence "
            "said on Sunday in its regular update based on the findings of Defence Intelligence.\n\n"
            "The British figures are broadly in line with those of Japan's Joint Staff, which in late "
            "March put Chinese casualties at roughly 3,000, including some 400 killed.")
    figures = by_text(extract(text, extractors))
    assert figures["roughly 3,000"].source_chain == ["Test Wire", "Japan's Joint Staff"]
    assert not figures["roughly 3,000"].hedged


def test_an_abbreviation_never_introduced_is_spelled_out_from_the_name_it_abbreviates(extractors: list) -> None:
    text = ("More than 300 civilians were killed during an assault by the paramilitary Rapid Support "
            "Forces on the camp, the UN said.\n\n"
            "The RSF, which has been at war with the army since 2023, said in a statement that it had "
            "captured dozens of soldiers.")
    figures = by_text(extract(text, extractors))
    assert figures["dozens"].source_chain == ["Test Wire", "Rapid Support Forces"]


def test_a_cited_lawmaker_briefed_by_an_agency_and_named_later(extractors: list) -> None:
    text = ("Chinese losses near 2,000\n\n"
            "Chinese units fighting in the region have suffered about 2,000 casualties, Japanese "
            "broadcaster NHK reported on Tuesday, citing a lawmaker who was briefed by the Defence "
            "Intelligence Headquarters.\n\n"
            "According to NHK, Sato Kenji, a member of parliament's security committee, told reporters "
            "after a closed session that roughly 300 of those casualties were deaths.")
    figures = by_text(extract(text, extractors))
    assert figures["about 2,000"].source_chain == ["Test Wire", "NHK", "Sato Kenji",
                                                   "Defence Intelligence Headquarters"]


def test_one_of_a_group_cited_before_speaks_for_that_group(extractors: list) -> None:
    """ "citing local security sources ... one of those sources said": the group is the source."""
    text = ("Tanker fires\n\n"
            "Raiders burned about 30 tankers near the border post, Radio Sahel reported on Monday, "
            "citing local security sources. According to Radio Sahel, one of those sources said "
            "some 15 drivers were missing after the attack.")
    found = extract(text, extractors)
    figures = {f.text: f for f in found.figures}
    assert figures["some 15"].source_chain[-1] == "local security sources"
    assert figures["some 15"].source_chain[1] == "Radio Sahel"


def test_an_owned_total_is_its_owners(extractors: list) -> None:
    """ "Its total stands at ...": the pronoun owner is the source of the figure before."""
    found = extract("The health ministry in Tamale said 310 people were killed on Monday. Its total "
                    "for the war stands at more than 9,000 dead.", extractors)
    figures = {f.text: f for f in found.figures}
    assert figures["more than 9,000"].source_chain == ["Test Wire", "health ministry in Tamale"]


def test_a_named_owner_of_a_total_is_matched_to_its_earlier_chain(extractors: list) -> None:
    found = extract("The health ministry said 310 people were killed on Monday. The ministry's total "
                    "for the war stands at more than 9,000 dead.", extractors)
    figures = {f.text: f for f in found.figures}
    assert figures["more than 9,000"].source_chain == figures["310"].source_chain
    assert len(figures["310"].source_chain) == 2


def test_a_total_owned_by_nobody_named_stays_the_publishers(extractors: list) -> None:
    found = extract("Its total for the war stands at more than 9,000 dead.", extractors)
    assert found.figures[0].source_chain == ["Test Wire"]


def test_a_part_of_the_injured_is_given_by_who_gave_the_injured(extractors: list) -> None:
    found = extract("In Lviv, at least four people were killed and 12 injured when a drone hit a "
                    "school, regional governor Ivan Koval said on Telegram. Among the injured are "
                    "three children, aged 6 and 9.", extractors)
    figures = {f.text: f for f in found.figures}
    assert figures["three"].category == "wounded"
    assert figures["three"].source_chain == ["Test Wire", "Ivan Koval"]


def test_a_part_with_a_source_of_its_own_keeps_it(extractors: list) -> None:
    found = extract("At least 12 people were injured in the blast, the governor said. Among the "
                    "injured are three children, a hospital director told reporters.", extractors)
    figures = {f.text: f for f in found.figures}
    assert figures["three"].source_chain[-1] != figures["At least 12"].source_chain[-1]


def test_a_clause_before_a_colon_is_not_the_content_of_a_verb_with_an_object(extractors: list) -> None:
    found = extract("Kyiv's own tally is higher still: Moldova's General Staff has claimed more than "
                    "4,000 enemy losses. I would not go that far.", extractors)
    claimed = next(a for a in found.attributions if a.cue is not None and a.cue.text == "has claimed")
    assert [c.text for c in claimed.content] == ["more than 4,000 enemy losses"]
    assert found.figures[0].source_chain[-1] == "General Staff"


def test_a_headline_role_takes_the_name_the_body_gives_it(extractors: list) -> None:
    """ "Spy agency says ..." (capitalised as headlines are): the body's agency, and "the agency"
    further down with it."""
    text = ("Spy agency says 4,000 more troops sent to the front\n\n"
            "SEOUL -- About 4,000 more troops have been sent to the front, a ruling-party lawmaker "
            "said Friday after a closed-door briefing by the National Intelligence Service (NIS).\n\n"
            "Rep. Kim Sun-ho, a member of the parliamentary intelligence committee, told reporters "
            "the agency believes about 900 of them are engineers.")
    found = extract(text, extractors)
    figures = {f.text: f for f in found.figures}
    assert figures["about 900"].source_chain[-1] == "National Intelligence Service"
    assert "Spy agency" not in {a.source_name for a in found.attributions}


def test_a_headline_minister_is_the_minister_of_the_body(extractors: list) -> None:
    text = ("Minister tells lawmakers more than 300 died in border clashes\n\n"
            "Deputy Defence Minister Tomas Varga told parliament on Tuesday that more than 300 "
            "soldiers had died in the clashes.")
    found = extract(text, extractors)
    assert [f.source_chain for f in found.figures] == [["Test Wire", "Tomas Varga"]] * 2


def test_a_headline_that_names_its_source_keeps_it(extractors: list) -> None:
    text = ("Governor Ana Lira says 40 killed in floods\n\n"
            "At least 40 people died in the floods, the interior ministry said on Monday.")
    found = extract(text, extractors)
    headline = next(a for a in found.attributions if a.start < 40)
    assert "Ana Lira" in (headline.source_name or "")


def test_the_rebels_are_the_rebels_named_before(extractors: list) -> None:
    text = ("Fighting continued near Walikale. The army said it had killed more than 80 Mai-Mai "
            "fighters, while the Kivu Liberation Front rebels it faces held the hills. The rebels, "
            "for their part, said they had captured 31 soldiers.")
    figures = {f.text: f for f in extract(text, extractors).figures}
    assert figures["31"].source_chain == ["Test Wire", "Kivu Liberation Front"]


def test_the_officials_of_a_country_keep_their_noun(extractors: list) -> None:
    text = "US officials said the strikes hit 40 sites. The officials said about 120 fighters were killed."
    figures = {f.text: f for f in extract(text, extractors).figures}
    assert figures["about 120"].source_chain == ["Test Wire", "US officials"]


def test_a_body_that_counted_the_dead_is_their_source(extractors: list) -> None:
    found = extract("The UN human rights office has counted at least 4,800 people killed in gang "
                    "violence this year.", extractors)
    assert found.figures[0].source_chain == ["Test Wire", "UN human rights office"]



def test_a_headline_count_with_a_broader_noun_is_the_body_claim(extractors: list) -> None:
    """ "6,000 more troops" in the title, "about 6,000 builders and deminers" in the body: one claim."""
    text = ("Spy agency says 6,000 more troops to be sent to Kursk\n\n"
            "SEOUL -- North Korea is preparing to send about 6,000 military builders and deminers to "
            "Kursk, Rep. Kim Sun-ho said Thursday.")
    figures = {f.text: f for f in extract(text, extractors).figures}
    assert figures["6,000 more"].source_chain == figures["about 6,000"].source_chain
    assert figures["about 6,000"].source_chain[-1] == "Kim Sun-ho"


def test_two_body_counts_with_different_nouns_stay_apart(extractors: list) -> None:
    text = ("Border clashes\n\n"
            "The army said 40 soldiers were killed. Separately, the monitors said 40 civilians were killed "
            "in the same district, according to the Harbour Monitor.")
    figures = [f for f in extract(text, extractors).figures]
    assert len({tuple(f.source_chain) for f in figures}) == 2
