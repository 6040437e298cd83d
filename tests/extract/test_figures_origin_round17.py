"""Categories and sources from our own probe texts and, once set V was written, from set U's misses
(U's blind scores are in its README).

Equipment a side takes is lost to the other side: "troops recovered nine motorbikes", "confiscated
12 pistols", "carried off dozens of rifles" and "cleared more than 900 mines" count destroyed
equipment, but "Also recovered were a knife and two rifles" lists things found (the recovered items
of the items extractor), no figure; an item of a list that "the inventory of seized weapons ...
lists:" takes what its introduction says befell its kind, and the document that lists is the
items' source ("It lists:" after "the station's logbook"); people "staying in shelters" are a
displacement count; "in pavilion 4" names a prison's part; "four members of an armed gang" who
were "eliminated" were killed, while "12 former members of the brigade" who were sentenced are no
deployment; "31 attacks in which nine officers were killed" counts attacks; "nine had been killed
and 21 weapons, including five machine guns, recovered" keeps each count's own participle; an item
"translated from the English service of the state news agency X" is relayed by X, and a
translator's note issues no data; a parliament's speaker labels in capitals name the speaker
without the honorific ("HON. AMINA ODERA (Kisumu West):" is Amina Odera), and the body a label's
brackets name ("Kisumu Police Service") speaks through its speaker, "the Service" too; a communiqué
reproduced under "COMMUNIQUÉ No. 7/2026" after "The statement below was sent to us by X" is X's
down to a "Note:" of the publisher's, and a note that doubts "the statement's figures for soldiers
killed and wounded" doubts those kinds only; a line "Spokesperson: Name" under a briefing's title
makes "the Spokesperson" that person; a date the parse made the subject of "say" is no source; a
headline's region before a colon ("Lower Velda: ...", placed "in Lower Velda" below) is no speaker;
"a communiqué attributed to a faction of the Velda Front" is the Front's; "its data" are the owner's;
"the newspaper" is no broadcaster that spoke before it; "the army" may be the "National Defence
Forces" named before; "We could not confirm his account" after a witness who gave no figure doubts
no other source's figures; "The penitentiary service, SPV," is SPV, also where the parse makes the
abbreviation a conjunct; a name set after an according-to source is that source; military
observers, people who left an area and bodies handed to families are counted; a share of deaths
that "occurred in ambushes" is `other`; who abandons is not what is abandoned; "the group numbered
up to 12 persons" is one group's strength, "a platoon typically numbers about 30" a unit size; a
village has no government ("the government" after "his base near Kurupung").

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post
from spacy.tokens import Doc

from claimgraph.extract.attributions import dated_sources
from claimgraph.extract.attributions.drafts import Draft
from claimgraph.extract.attributions.names import abbreviation_apposed
from claimgraph.extract.nlp import load_nlp


def test_equipment_taken_or_cleared_is_destroyed(extractors: list) -> None:
    text = ("Troops recovered nine motorbikes and 30 rifles after the clash at the ford. The raiders carried "
            "off dozens of rifles from the police post. Police confiscated 12 pistols at a checkpoint. "
            "Army deminers have cleared more than 900 mines and about 250 other explosive devices since 2022.")
    figures = by_text(in_harbour_post(text, extractors))
    for span in ("nine", "30", "dozens", "12", "more than 900", "about 250"):
        assert figures[span].category == "destroyed", span


def test_items_found_without_a_taker_are_no_figure(extractors: list) -> None:
    text = ("Soldiers searched the bodies of the infiltrators. Also recovered were a compass, a knife made "
            "abroad and two old hunting rifles.")
    assert "two" not in by_text(in_harbour_post(text, extractors))


def test_a_list_takes_what_its_introduction_says_befell_its_items(extractors: list) -> None:
    text = ("A police officer let us photograph the station's inventory of seized weapons, dated 2 May. It "
            "lists:\n\n"
            "- 14 assault rifles\n"
            "- about 900 rounds of ammunition\n"
            "- three hand grenades\n\n"
            "The weapons were handed to the army on Friday.")
    figures = by_text(in_harbour_post(text, extractors))
    for span in ("14", "about 900", "three"):
        assert figures[span].category == "destroyed", span


def test_people_staying_in_shelters_are_displaced(extractors: list) -> None:
    text = "The county office said about 640 people were staying in shelters set up in two churches."
    assert by_text(in_harbour_post(text, extractors))["about 640"].category == "other"


def test_members_of_an_armed_group_eliminated_were_killed(extractors: list) -> None:
    text = ("Border guards eliminated four members of an armed gang that crossed the river at night, the "
            "border service said. A tribunal sentenced 12 former members of the 9th Brigade to prison terms.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["four"].category == "killed"
    assert "12" not in figures


def test_attacks_in_which_people_died_count_attacks(extractors: list) -> None:
    text = "The district police recorded 31 attacks last year, in which nine officers were killed."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["31"].category == "other"
    assert figures["nine"].category == "killed"


def test_an_item_translated_from_a_news_agency_is_relayed_by_it(extractors: list) -> None:
    text = ("Guards kill two smugglers at the northern crossing\n\n"
            "Translated from the English service of the state news agency Valnor Press, item of 4 March. "
            "Notes in square brackets are ours.\n\n"
            "Border guards killed two armed smugglers near the northern crossing on Monday, the border "
            "service said. Five guards were wounded in the exchange of fire.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["two"].source_chain[:2] == ["Harbour Post", "Valnor Press"]
    assert figures["Five"].source_chain[:2] == ["Harbour Post", "Valnor Press"]


def test_a_parliaments_speaker_labels_name_their_speakers(extractors: list) -> None:
    text = ("Committee hears of raids in the lake district\n\n"
            "Extract from the record of the security committee, sitting of 3 June.\n\n"
            "HON. AMINA ODERA (Kisumu West): Thank you, Chair. The Lake Red Cross tells us at least 22 people "
            "were killed in raids this year.\n\n"
            "MR. DAVID OTIENO (Deputy Commander, Kisumu Police Service): Chair, the Service recorded 17 raids "
            "in the district this year. We have arrested more than 40 suspects.\n\n"
            "HON. ODERA: Commander, how many officers are deployed there?")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 22"].source_chain == ["Harbour Post", "Amina Odera", "Lake Red Cross"]
    assert figures["17"].source_chain == ["Harbour Post", "David Otieno"]
    assert figures["more than 40"].source_chain == ["Harbour Post", "David Otieno"]


def test_a_communique_reproduced_under_a_numbered_heading_is_its_issuers(extractors: list) -> None:
    text = ("Rebels claim to have killed 11 soldiers; army denies\n\n"
            "The statement below was sent to the Harbour Post on Sunday by the Lake Valley Liberation Front "
            "(LVLF). We publish it in full, followed by a note.\n\n"
            "COMMUNIQUÉ No. 7/2026\n\n"
            "On Saturday our units engaged an enemy column near the lake. Eleven enemy soldiers were killed and "
            "several others wounded. Our units captured three soldiers and seized 20 rifles.\n\n"
            "Note: The Harbour Post has not been able to verify the statement's figures for soldiers killed "
            "and wounded.\n\n"
            "An army spokesman said two soldiers had been wounded.")
    figures = by_text(in_harbour_post(text, extractors))
    for span in ("Eleven", "several", "three", "20"):
        assert figures[span].source_chain == ["Harbour Post", "Lake Valley Liberation Front"], span
    assert figures["Eleven"].hedged and figures["several"].hedged
    assert not figures["three"].hedged and not figures["20"].hedged
    assert figures["two"].source_chain[1:] != ["Lake Valley Liberation Front"]


def test_a_header_line_names_the_spokesperson(extractors: list) -> None:
    text = ("Noon briefing notes, Monday 2 June 2025\n\n"
            "Spokesperson: Ilse Marquardt\n\n"
            "LAKE DISTRICT\n\n"
            "The Spokesperson said the mission had counted 14 civilians killed in the district since May.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["14"].source_chain[:2] == ["Harbour Post", "Ilse Marquardt"]


def test_a_date_the_parse_made_a_subject_is_no_source() -> None:
    # the parse of some such sentences makes the date the subject of "say" (the small English
    # pipeline does it on texts of set U); the draft is built by hand here, as the parse gives it there
    nlp = load_nlp()
    text = "Videos posted on Telegram since Friday say dozens of villagers died in the raid."
    doc = nlp(text)
    friday = text.index("Friday")
    draft = Draft(cue=(text.index("say"), text.index("say") + 3), source=(friday, friday + 6),
                  content=[(text.index("dozens"), len(text) - 1)])
    dated_sources([draft], doc)
    assert draft.source == (0, friday + 6)
    bare = nlp("Friday say dozens of villagers died.")
    lone = Draft(cue=(7, 10), source=(0, 6), content=[(11, 35)])
    dated_sources([lone], bare)
    assert lone.source is None


def test_a_headline_place_before_a_colon_is_no_speaker(extractors: list) -> None:
    text = ("Lower Velda: floods of mines killed nine farmers this spring\n\n"
            "Mines killed nine farmers in Lower Velda between March and May, our field teams recorded.")
    figures = in_harbour_post(text, extractors).figures
    headline = next(f for f in figures if f.start < text.index("\n"))
    assert headline.source_chain[:2] != ["Harbour Post", "Lower Velda"]


def test_a_document_attributed_to_a_group_is_the_groups(extractors: list) -> None:
    text = ("A communiqué attributed to a faction of the Velda Front claimed that its fighters had destroyed "
            "four army trucks in April.")
    figure = by_text(in_harbour_post(text, extractors))["four"]
    assert figure.source_chain == ["Harbour Post", "Velda Front"]


def test_its_data_are_the_owners(extractors: list) -> None:
    text = ("The Interior Ministry's figures record 40 attacks this year, according to our request. About a "
            "third of those attacks targeted police posts, its data suggest.")
    figure = by_text(in_harbour_post(text, extractors))["About a third"]
    assert figure.source_chain == ["Harbour Post", "Interior Ministry"]


def test_the_newspaper_is_no_broadcaster_that_spoke_before(extractors: list) -> None:
    text = ("Soldiers killed eight gunmen near the dam on Monday, the television channel Velda Valley Broadcast "
            "reported, citing a police officer.\n\n"
            "The Northern Plains Daily gave another account on Tuesday. Quoting the army, the newspaper said "
            "six gunmen had been killed.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["six"].source_chain[:2] == ["Harbour Post", "Northern Plains Daily"]
    assert figures["eight"].source_chain[:2] == ["Harbour Post", "Velda Valley Broadcast"]


def test_a_count_coordinated_with_a_verb_keeps_its_own_participle(extractors: list) -> None:
    text = ("The statement said nine fighters had been killed and 21 weapons, including five machine guns, "
            "recovered from the camp.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["nine"].category == "killed"
    assert figures["21"].category == "destroyed"
    assert figures["five"].category == "destroyed"


def test_a_document_that_lists_its_items_is_their_source(extractors: list) -> None:
    text = ("A police officer let us photograph the station's logbook of seized weapons. It lists:\n\n"
            "- 14 Kalashnikov rifles\n"
            "- three hand grenades\n\n"
            "The officer said the weapons were handed to the army.")
    figures = by_text(in_harbour_post(text, extractors))
    for span in ("14", "three"):
        # the logbook's, and so its owner's ("the station's logbook": the station, as "the
        # ministry's figures" are the ministry's)
        assert figures[span].source_chain == ["Harbour Post", "station"], span
        assert figures[span].category == "destroyed", span


def test_the_army_is_the_national_forces_named_before(extractors: list) -> None:
    text = ("Soldiers of the Velda National Defence Forces (VNDF) stormed a raiders' camp on Sunday. The army "
            "said 11 raiders were killed.")
    figure = by_text(in_harbour_post(text, extractors))["11"]
    assert figure.source_chain == ["Harbour Post", "Velda National Defence Forces"]


def test_doubting_his_account_reaches_no_figure_of_another_source(extractors: list) -> None:
    text = ("The army said nine raiders were killed in the raid.\n\n"
            "A herder who was held in the camp said the raiders had come from across the river. We could not "
            "confirm his account.")
    assert not by_text(in_harbour_post(text, extractors))["nine"].hedged


def test_a_translators_note_issues_no_data(extractors: list) -> None:
    text = ("Translated from the English service of the state news agency Valnor Press. Notes in square "
            "brackets are the translator's.\n\n"
            "Border guards killed two smugglers near the ford on Monday, the border committee's press office "
            "reported. [Translator's note: the ford lies on the old trade route.]\n\n"
            "According to preliminary data, the smugglers' group numbered up to eight persons.")
    figure = by_text(in_harbour_post(text, extractors))["up to eight"]
    assert "Translator" not in figure.source_chain


def test_a_prisons_parts_are_no_figures(extractors: list) -> None:
    text = "The prison service said at least 12 inmates had died. Seven of the dead were found in pavilion 4."
    figures = by_text(in_harbour_post(text, extractors))
    assert "4" not in figures
    assert figures["Seven"].category == "killed"


def test_a_body_described_then_abbreviated_is_its_abbreviation(extractors: list) -> None:
    text = ("The penitentiary service, SPV, now says at least 14 inmates have died. Six of the dead were found "
            "in the east wing, it said in a post on X.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 14"].source_chain == ["Harbour Post", "SPV"]
    assert figures["Six"].source_chain == ["Harbour Post", "SPV"]


def test_an_abbreviation_the_parse_made_a_conjunct_names_the_body() -> None:
    # the small English pipeline parses some such subjects as "service" with the abbreviation as a
    # conjunct noun (it does on a text of set U); the parse is written out by hand here
    words = ["The", "prison", "service", ",", "SPN", ",", "now", "says"]
    doc = Doc(load_nlp().vocab, words=words, heads=[2, 2, 7, 2, 2, 2, 7, 7],
              deps=["det", "compound", "nsubj", "punct", "conj", "punct", "advmod", "ROOT"],
              pos=["DET", "NOUN", "NOUN", "PUNCT", "NOUN", "PUNCT", "ADV", "VERB"])
    assert abbreviation_apposed(doc[2]).text == "SPN"
    joined = Doc(load_nlp().vocab, words=["The", "service", "and", "SPN", "say"], heads=[1, 4, 1, 1, 4],
                 deps=["det", "nsubj", "cc", "conj", "ROOT"], pos=["DET", "NOUN", "CCONJ", "NOUN", "VERB"])
    assert abbreviation_apposed(joined[1]) is None  # two bodies, joined by "and"


def test_a_share_of_deaths_by_circumstance_is_other(extractors: list) -> None:
    text = ("The ministry recorded 60 deaths among soldiers this year. About a third of those deaths occurred "
            "in ambushes on convoys.")
    assert by_text(in_harbour_post(text, extractors))["About a third"].category == "other"


def test_who_abandons_is_not_what_is_abandoned(extractors: list) -> None:
    text = ("The army abandoned 14 tanks during the retreat. Fishermen told us dozens of them have abandoned "
            "their boats on the northern shore.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["14"].category == "destroyed"
    assert figures.get("dozens") is None or figures["dozens"].category != "destroyed"


def test_a_name_set_after_an_according_to_source_is_the_source(extractors: list) -> None:
    text = ("Two soldiers were wounded, according to the brigade's spokesman, Captain Ruth Okello, who said "
            "around 80 raiders were believed to have been in the camp.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["Two"].source_chain == ["Harbour Post", "Ruth Okello"]
    assert figures["around 80"].source_chain == ["Harbour Post", "Ruth Okello"]


def test_military_observers_are_personnel(extractors: list) -> None:
    text = "The mission currently has 160 military observers along the ceasefire line."
    figure = by_text(in_harbour_post(text, extractors))["160"]
    assert figure.category == "deployed"


def test_people_who_left_the_area_are_displaced(extractors: list) -> None:
    text = "The refugee agency said some 300 people had left the area around the crossing since the strike."
    assert by_text(in_harbour_post(text, extractors))["some 300"].category == "other"


def test_bodies_handed_to_families_are_the_dead(extractors: list) -> None:
    text = ("The council said nine bodies had been handed to families so far. The remains of 40 soldiers were "
            "handed over to their home country.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["nine"].category == "killed"
    assert figures["40"].category == "other"


def test_one_groups_strength_is_no_typical_unit_size(extractors: list) -> None:
    text = ("According to the border service, the group numbered up to 12 persons. A platoon typically "
            "numbers about 30 soldiers.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["up to 12"].category == "deployed"
    assert figures["about 30"].category == "other"


def test_a_village_has_no_government(extractors: list) -> None:
    text = ("We spoke to the colonel who commands the river sector, at his base near Kurupung.\n\n"
            "Q: The government says four soldiers have been wounded on the river this year. Is that still "
            "right?\n\n"
            "A: That number is old.")
    figure = by_text(in_harbour_post(text, extractors))["four"]
    assert figure.source_chain[-1] == "government"
