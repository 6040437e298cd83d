"""Sources and figures from set R's misses, once it was opened (its blind scores are in its README).

A fact check's "CLAIM (posts shared on Facebook): ..." is said by whoever the brackets name, and
its "VERDICT:" lines are the fact checker's own, not a speaker's; "a clip aired by two television
stations" is the stations' claim; a name the recogniser began too late keeps its first place
("Trinidad and Tobago Police Service") and its "People's"; a body a place owns ("Gulu's district
administration") is named whole; "15 Corps" names a formation and counts nothing; "an earlier
bulletin by the station" is the station's; a news agency's name the parse left unattached after
its noun is part of the relay's name; "X quoted Y, which ..., as saying ..." nests Y under X also when the parse
makes "as" the mark of what was said; a translated article goes through the outlet that
published it, except the translator's notes; "according to the ministry's spokesman, Colonel X,"
is Colonel X, and "the ministry" afterwards is the ministry, not him; a list item ending in
"(UNHCR estimate)" is UNHCR's; a key-figures list is read one item at a time; "I cannot confirm
those figures" doubts the figures just given, in the question before the answer; an interviewer
labelled by the publisher's initials ("SC:") is the asking side also when the answers are
labelled in title case ("Marchuk:"); "Six are still missing, according to the coastguard's
records, she told the court" nests the records under her; a judicial or civil title ("Prosecutor",
"Governor") is no part of a name; the findings of a body are not the speaker's who cites them;
"Fourteen of the victims" is a part of the casualty count before it; "..., the General Staff
reported on Saturday" is a trailing cue also when the tagger reads "reported" as a participle;
"the paramilitary group" is the armed group named before (a kind of group, not a name's word);
"Outlet X, citing The Times, reports that ..." is X passing The Times on, also when the parse
leaves "reports" without a subject; "a spokesman for the group, Abu Hudhaifa," is named, also when
the parse hangs his name on the group; ", a claim the army denied" after "killed 150 ... and captured
40 others" hedges both figures; "put the figure at about 160,000" counts what the count just
given, in the sentence before, counted; a dateline's date ("SANAA, May 2 -") is no part of the
speaker after it; a title-case heading alone on a line of a PDF's text layer ("Casualties") is
nobody's name, nor is a date before the speaker ("In December 2024 a lawmaker"); a body that "used
a figure of 11,000" gave it; the headline and lead, whose mentions of a value may name its source by
metonym, are at most four sentences, also in a text layer without paragraphs; in a document with no
publisher two sources' mentions of one value stay apart.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from datetime import date

from figure_cases import by_text, extract_figures, in_harbour_post
from spacy.tokens import Doc

from claimgraph.extract.attributions.relays import _parted_name
from claimgraph.extract.nlp import load_nlp

FACT_CHECK = (
    "Fact check: claims about the ambush near Dara camp\n\n"
    "Posts about Sunday's ambush on the road to Dara camp spread fast. We looked at three of them.\n\n"
    'CLAIM (a Telegram channel): "More than 90 police officers died in the ambush."\n\n'
    "VERDICT: False. The provincial police command said six officers were killed and nine injured "
    "in the attack.\n\n"
    "CLAIM (a clip aired by two Nigerian television stations): soldiers killed 40 bandits.\n\n"
    "VERDICT: Misleading. The district office said about 120 families had moved to a school."
)


def test_a_fact_check_claim_is_said_by_whoever_the_brackets_name(extractors: list) -> None:
    figures = by_text(in_harbour_post(FACT_CHECK, extractors))
    assert figures["More than 90"].source_chain == ["Harbour Post", "Telegram"]
    assert figures["40"].source_chain == ["Harbour Post", "Nigerian television stations"]


def test_a_fact_check_verdict_is_no_speaker(extractors: list) -> None:
    figures = by_text(in_harbour_post(FACT_CHECK, extractors))
    assert figures["six"].source_chain == ["Harbour Post", "provincial police command"]
    assert figures["about 120"].source_chain == ["Harbour Post", "district office"]


def test_a_name_the_recogniser_began_too_late_keeps_its_first_words(extractors: list) -> None:
    text = ("Fighting went on near the border on Monday. The Trinidad and Tobago Police Service told "
            "reporters that two more bodies had been found. The People's Resistance Front, a rebel "
            "group, claimed on Telegram that its fighters had killed 14 soldiers.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["two more"].source_chain == ["Harbour Post", "Trinidad and Tobago Police Service"]
    assert figures["14"].source_chain == ["Harbour Post", "People's Resistance Front"]


def test_names_side_by_side_stay_apart(extractors: list) -> None:
    found = in_harbour_post("Ukraine and Naftogaz Group signed the agreement on Monday.", extractors)
    names = {m.text for m in found.mentions}
    assert "Naftogaz Group" in names and "Ukraine" in names


def test_a_body_a_place_owns_is_named_whole(extractors: list) -> None:
    text = ("Gulu's district administration said about 300 residents had been moved to camps. Kherson's "
            "regional council said 12 people were injured.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 300"].source_chain == ["Harbour Post", "Gulu's district administration"]
    assert figures["12"].source_chain == ["Harbour Post", "Kherson's regional council"]


def test_a_numbered_formation_counts_nothing(extractors: list) -> None:
    text = ("The Western Command, also known as 9 Corps, said two soldiers were killed. The army moved 2 "
            "Brigades and 40 Army trucks to the front.")
    figures = by_text(in_harbour_post(text, extractors))
    assert "9" not in figures
    assert figures["2"].category == "deployed"
    assert "40" in figures


def test_a_bulletin_by_the_station_is_the_stations(extractors: list) -> None:
    text = ("Radio Kalasha, a Peshawar station, citing a district police official, reported on Monday that "
            "nine officers were killed. An earlier bulletin by the station had put the toll at five.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["five"].source_chain == ["Harbour Post", "Radio Kalasha"]


def test_an_agency_name_left_unattached_after_its_noun_is_part_of_the_relay() -> None:
    # the parse the small English pipeline gives some such sentences: the name hangs as "dep" on
    # the sentence's first preposition, far from the agency noun
    words = ["In", "a", "statement", "carried", "by", "the", "news", "agency", "KTA", ",", "it", "said", "so"]
    heads = [11, 2, 0, 2, 3, 7, 7, 4, 0, 11, 11, 11, 11]
    deps = ["prep", "det", "pobj", "acl", "agent", "det", "compound", "pobj", "dep", "punct", "nsubj",
            "ROOT", "advmod"]
    pos = ["ADP", "DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "NOUN", "PROPN", "PUNCT", "PRON", "VERB", "ADV"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _parted_name(doc[7]) == {8}
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=[*deps[:8], "pobj", *deps[9:]], pos=pos)
    assert _parted_name(doc[7]) == set()  # a name with a role of its own is no parted piece


def test_quoted_as_saying_with_as_read_as_the_clauses_mark(extractors: list) -> None:
    text = ("Okafor also quoted the Defence Headquarters, which addressed the committee in the afternoon, "
            "as saying between 2,000 and 3,000 troops remain in the region.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["between 2,000 and 3,000"].source_chain == ["Harbour Post", "Okafor", "Defence Headquarters"]


TRANSLATED = (
    "Army says 9 insurgents killed near Mocimboa\n\n"
    "[Translation of a report published in Portuguese by the state-owned weekly Domingo, Maputo, on "
    "2 March 2026. Translator's notes are in square brackets.]\n\n"
    "PEMBA - The army killed nine insurgents in an ambush near Mocimboa da Praia on Thursday, the "
    "defence ministry said.\n\n"
    "[Translator's note: a local monitor, the Rovuma Conflict Log, recorded at least 15 civilians "
    "killed in the district that week.]"
)


def test_a_translated_article_goes_through_the_outlet_translated(extractors: list) -> None:
    figures = by_text(in_harbour_post(TRANSLATED, extractors))
    assert figures["nine"].source_chain == ["Harbour Post", "Domingo", "defence ministry"]
    assert "Domingo" not in figures["at least 15"].source_chain


def test_a_translator_is_not_the_outlet(extractors: list) -> None:
    for header, chain in (
        ("[Translated by the Kyiv Monitor desk from a TASS report.]", ["Harbour Post", "TASS", "defence ministry"]),
        ("Translated from the Russian by our staff.", ["Harbour Post", "defence ministry"]),
    ):
        text = f"{header}\n\nMOSCOW - The defence ministry said 12 drones were downed over the region.\n"
        assert by_text(in_harbour_post(text, extractors))["12"].source_chain == chain, header


def test_a_spokesman_named_in_apposition_and_the_ministry_after_him(extractors: list) -> None:
    text = ("The army killed nine insurgents on Friday, the Ministry of Interior announced yesterday. "
            "According to the ministry's spokesman, Colonel Joao Mabote, the raid freed 11 hostages. "
            "The ministry added that 40 fighters had been captured since May.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11"].source_chain == ["Harbour Post", "Joao Mabote"]
    assert figures["40"].source_chain == ["Harbour Post", "Ministry of Interior"]


KEY_FIGURES = (
    "Flooding update for the Gedo region (3 May 2026)\n\n"
    "KEY NUMBERS\n"
    "- 21 people killed in Bardera since Friday (our count)\n"
    "- More than 40 people treated for injuries at our clinic\n"
    "- Around 4,200 families displaced (UNHCR estimate)\n\n"
    "SITUATION\n"
    "The district commissioner said 9 bodies were recovered on Sunday."
)


def test_a_list_item_naming_whose_figure_it_is(extractors: list) -> None:
    figures = by_text(in_harbour_post(KEY_FIGURES, extractors))
    assert figures["Around 4,200"].source_chain == ["Harbour Post", "UNHCR"]
    assert figures["21"].source_chain == ["Harbour Post"]  # "our count": the publisher's own


def test_a_key_figures_list_is_read_one_item_at_a_time(extractors: list) -> None:
    figures = by_text(in_harbour_post(KEY_FIGURES, extractors))
    assert figures["21"].category == "killed"
    assert figures["More than 40"].category == "wounded"
    assert figures["Around 4,200"].category == "other"
    doc = load_nlp()(KEY_FIGURES)
    assert [s.text.strip() for s in doc.sents][1:3] == [
        "KEY NUMBERS", "- 21 people killed in Bardera since Friday (our count)"]


BRIEFING = (
    "MONUSCO weekly press briefing, Goma, 4 May 2026: transcript\n\n"
    "Speaker: MONUSCO spokesperson Daniel Okoro. Questions from journalists in the room.\n\n"
    "OKORO: Good morning. On Friday two peacekeepers were lightly injured when a shell landed near "
    "their base.\n\n"
    "Q (Radio Kivu): The provincial health ministry says 45 people were killed in shelling this month. "
    "Does that match your information?\n\n"
    "OKORO: We do not keep casualty counts ourselves, so I cannot confirm those figures."
)


def test_those_figures_are_the_ones_just_given(extractors: list) -> None:
    figures = by_text(in_harbour_post(BRIEFING, extractors))
    assert figures["45"].hedged
    assert not figures["two"].hedged  # the spokesman's own count, given before the question


INTERVIEW = (
    "A medic on the Huliaipole front\n\n"
    "Senior Sergeant Olena Marchuk, 29, runs a stabilisation point behind the line. We spoke to her by "
    "phone on 3 February.\n\n"
    "Steppe Courier: The General Staff says Russia lost about 900 soldiers yesterday. Is that what you see?\n\n"
    "Marchuk: I only see our side. Last week we treated about 70 wounded soldiers.\n\n"
    "SC: How close are the drones?\n\n"
    "Marchuk: Close enough. They hit our ambulance twice in January.\n\n"
    "SC: Russia's defence ministry says it shot down 40 Ukrainian drones over the sector on Monday.\n\n"
    "Marchuk: I cannot say. We lose many, that is all I know.\n\n"
    "SC: Do you get enough supplies?\n\n"
    "Marchuk: Mostly. Volunteers bring what the army cannot."
)


def test_an_interviewers_short_label_is_the_asking_side(extractors: list) -> None:
    figures = by_text(in_harbour_post(INTERVIEW, extractors))
    assert figures["40"].source_chain == ["Harbour Post", "Russia's defence ministry"]
    chain = figures["about 70"].source_chain
    assert len(chain) == 2 and chain[1].endswith("Marchuk")


def test_a_frame_on_a_trailing_speech_verb_is_passed_on_by_the_speaker(extractors: list) -> None:
    text = ("Prosecutor Ana Ruiz said 90 officers died in the attack. Six are still missing, according to "
            "the coastguard's records, she told the court.")
    figures = by_text(in_harbour_post(text, extractors))
    chain = figures["Six"].source_chain
    assert chain[:2] == ["Harbour Post", "Ana Ruiz"] and len(chain) == 3 and "coastguard" in chain[2]


def test_a_judicial_or_civil_title_is_no_part_of_the_name(extractors: list) -> None:
    text = "Prosecutor Ana Ruiz said 90 officers died. Six are still missing, she told the court."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["90"].source_chain == ["Harbour Post", "Ana Ruiz"]
    assert figures["Six"].source_chain == ["Harbour Post", "Ana Ruiz"]  # "she" is her


def test_findings_of_a_body_are_not_the_speakers_who_cite_them(extractors: list) -> None:
    text = ("Prosecutor Ana Ruiz said, citing the findings of the national police, that 90 officers died. "
            "The findings of the inquiry said 40 homes burned.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["90"].source_chain[:2] == ["Harbour Post", "Ana Ruiz"]
    assert len(figures["90"].source_chain) == 3 and "police" in figures["90"].source_chain[2]


def test_n_of_the_victims_is_a_part_of_the_casualty_count_before(extractors: list) -> None:
    text = ("JOS, Nigeria, April 14 (Reuters) - Gunmen killed at least 23 people and burned dozens of homes in "
            "an overnight attack on a farming village, police said on Monday.\n\n"
            "Police spokesman Alabo Alfred said the attackers arrived on motorcycles. Fourteen of the victims "
            "were women and children, he said.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["Fourteen"].category == "killed"
    assert figures["Fourteen"].source_chain[-1] == "Alabo Alfred"


def test_a_trailing_report_verb_the_tagger_took_for_a_participle(extractors: list) -> None:
    text = ("Russian forces lost 1,140 soldiers over the past 24 hours, bringing their total losses since "
            "February 2022 to about 1,031,000, the General Staff of Ukraine's Armed Forces reported on Saturday.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["1,140"].source_chain == ["Harbour Post", "General Staff"]
    assert figures["about 1,031,000"].source_chain == ["Harbour Post", "General Staff"]


def test_the_paramilitary_group_is_the_group_named_before(extractors: list) -> None:
    text = ("Doctors said the Rapid Support Forces (RSF) had shelled the hospital. The RSF denied targeting "
            "civilians. In a statement on Telegram, the paramilitary group said its fighters had killed some "
            "300 army soldiers in the past week.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["some 300"].source_chain == ["Harbour Post", "Rapid Support Forces"]


def test_an_outlet_citing_another_with_no_subject_in_the_parse(extractors: list) -> None:
    # the parse reads "Dnipro Today" as an adverbial before "reports" and gives the verb no subject
    text = ("Ukrainian outlet Dnipro Today, citing The Times, reports that North Korean units fighting in "
            "Russia's Kursk region have lost up to 1,000 men in a week.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["up to 1,000"].source_chain == ["Harbour Post", "Dnipro Today", "Times"]


def test_a_spokesman_named_after_the_body_he_speaks_for(extractors: list) -> None:
    # the parse hangs the name on "group": a person apposed to a body names the spokesman
    text = ("A spokesman for the al-Qaeda-linked JNIM group, Abu Hudhaifa, told the Mauritanian news site "
            "Al-Akhbar that dozens of soldiers had been killed.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["dozens"].source_chain == ["Harbour Post", "Al-Akhbar", "Abu Hudhaifa"]


def test_an_appended_claim_comments_on_the_whole_coordinated_statement(extractors: list) -> None:
    text = ("M23 spokesman Lawrence Kanyuka wrote on X that the group had killed 150 Congolese soldiers and "
            "captured 40 others, a claim the army denied.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["150"].hedged and figures["40"].hedged


def test_the_figure_put_at_a_value_is_the_count_just_given(extractors: list) -> None:
    text = ("We assess that Russian forces have likely suffered between 150,000 and 180,000 casualties since "
            "May. The UK Ministry of Defence put the figure at about 160,000 in its latest update.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 160,000"].category == "casualties"
    assert figures["about 160,000"].source_chain == ["Harbour Post", "UK Ministry of Defence"]


def test_a_datelines_date_is_no_part_of_the_speaker(extractors: list) -> None:
    text = ("Tanker hit in Red Sea\n\n"
            "SANAA, May 2 - Yemen's Houthi movement said on Thursday it had fired 12 drones at a tanker.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["12"].source_chain == ["Harbour Post", "Yemen's Houthi movement"]


def test_a_section_heading_in_a_pdf_text_layer_is_nobodys_name(extractors: list) -> None:
    # a PDF's text layer: single line breaks, a heading alone on its line
    text = ("US officials put the number of troops at about 11,000.\nCasualties\nIn December 2024 a lawmaker, "
            "citing a closed intelligence briefing, said at least 100 soldiers had been\nkilled.")
    figures = by_text(in_harbour_post(text, extractors))
    assert all("Casualties" not in name for name in figures["at least 100"].source_chain)


def test_a_date_before_the_speaker_is_no_part_of_the_speaker(extractors: list) -> None:
    # the parse makes "a lawmaker" an apposition of "December 2024" and gives "said" no subject
    text = ("In December 2024 a lawmaker, citing a closed intelligence briefing, said at least 100 soldiers "
            "had been killed.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 100"].source_chain[:2] == ["Harbour Post", "lawmaker"]


def test_a_body_that_used_a_figure_gave_it(extractors: list) -> None:
    text = ("In November US officials spoke of about 11,000 North Korean troops in the Kursk region. In "
            "January the spy agency NIS used a figure of 11,000 as well.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11,000"].source_chain[-1] == "National Intelligence Service"


def test_same_value_from_two_sources_stays_apart_in_a_text_without_paragraphs(extractors: list) -> None:
    # a PDF's text layer: one blank line under the title, single line breaks after it, so the
    # "headline and lead" (sources named by metonym) must not be the whole document
    text = ("Troop estimates\n\n"
            "Governments and intelligence services have published many estimates since October.\n"
            "The estimates differ because each government counts differently. Some count only combat\n"
            "units, others add engineers, drivers and staff officers who never reach the front line.\n"
            "In November US officials spoke of about 11,000 North Korean troops in the Kursk region.\n"
            "Where two sources give the same number, we say so, and we keep both sources on the record.\n"
            "In January the spy agency NIS used a figure of about 11,000 as well.")
    found = in_harbour_post(text, extractors)
    chains = [f.source_chain[-1] for f in found.figures if f.text == "about 11,000"]
    assert chains == ["US officials", "National Intelligence Service"]


def test_same_value_from_two_sources_stays_apart_in_a_document_with_no_publisher(extractors: list) -> None:
    # a PDF with no publisher metadata: chains open with the source itself, which is no sign of an
    # unsourced mention
    text = ("In November US officials spoke of about 11,000 North Korean troops in the Kursk region. In "
            "January the spy agency NIS used a figure of about 11,000 as well.")
    found = extract_figures(text, extractors, date(2025, 2, 14), publisher="")
    assert [f.source_chain for f in found.figures if f.text == "about 11,000"] == [
        ["US officials"], ["National Intelligence Service"]]
