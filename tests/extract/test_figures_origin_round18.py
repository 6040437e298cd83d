"""Sources, categories and hedges from our own probe texts and, once set W was written, from set V's
misses (V's blind scores are in its README).

A dateline credit in capitals that the lexicon does not list ("KORAM, Vallonia, March 9 (VNA) --") is
still a wire's relay; a modal ("would send") does not reach a relative clause with a subject of its
own ("..., where clashes killed at least 12"), and an "according to" that ends the sentence right
after such a clause sources that clause alone, not the speaker's statement; a translated item "posted
on the Ministry of Defence's website" is the ministry's; "[Translator's note 2: ...]" is a label (its
number no figure, its words no source), and the subject after it speaks; soldiers who "fell as
martyrs" were killed and seized telephones are lost equipment; the posts of a compiled thread
("1/ Border Guard account, 7.02 a.m.: \"...\"") are their accounts' and "the account" in a note after
a post is that post's; "126 arrests" and "45 detentions" count people taken; a caveat on "every
case" doubts the figures just given and one on "the figure" the claim just made; "Week in review:"
and an all-capitals section heading ("VALLONIA: RAIDS NEAR KORAM") name no speaker; families who
"left hamlets" are displaced; the recogniser's whole name is the source where the parse split it
("the news site Jornal do Vale reported"); "Residents told the daily they had ..." reports what
follows the audience, and the daily, like "TV Norte", relays it.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from datetime import date

from figure_cases import by_text, extract_figures

PUBLISHED = date(2026, 3, 10)


def figures_of(text: str, extractors: list, publisher: str = "Ridge Desk") -> dict:
    return by_text(extract_figures(text, extractors, PUBLISHED, publisher))


def test_a_dateline_credit_in_capitals_is_a_wire_relay(extractors: list) -> None:
    text = ("Koram sends 300 more troops\n\nKORAM, Vallonia, March 9, 2026 (VNA) -- The provincial government "
            "said on Monday it would send 300 more soldiers to Koram.\n\nMore than 100 people have died in the "
            "dispute since 2021, by VNA's count.")
    figures = figures_of(text, extractors)
    assert figures["300 more"].source_chain[:2] == ["Ridge Desk", "VNA"]
    assert figures["More than 100"].source_chain == ["Ridge Desk", "VNA"]


def test_a_credit_after_a_name_in_mixed_case_is_no_dateline(extractors: list) -> None:
    text = "Senator Ana Reyes (LPV) -- said 40 soldiers had been sent to the border."
    assert figures_of(text, extractors)["40"].source_chain[:2] != ["Ridge Desk", "LPV"]


def test_a_closing_according_to_after_a_relative_clause_sources_that_clause(extractors: list) -> None:
    text = ("The provincial government said on Monday it would send 300 more soldiers to Koram, where clashes "
            "killed at least 12 people, according to the police.")
    figures = figures_of(text, extractors)
    assert figures["300 more"].source_chain[-1] != "police"
    assert figures["at least 12"].source_chain[-1] == "police"
    assert len(figures["at least 12"].source_chain) == 2  # the police are no level under the government
    assert figures["300 more"].hedged and not figures["at least 12"].hedged  # "would" reaches the sending only


def test_a_closing_according_to_without_a_relative_clause_is_unchanged(extractors: list) -> None:
    text = "The governor said the army had freed 20 hostages in the hills, according to state television."
    assert figures_of(text, extractors)["20"].source_chain[-1] == "state television"


def test_a_translated_item_posted_on_a_site_is_the_site_owners(extractors: list) -> None:
    text = ("[Translated from the Spanish by our desk. The statement was posted on the Interior Ministry's "
            "website on Sunday. Translator's notes appear in square brackets.]\n\nSTATEMENT No. 12/2026\n\n"
            "Our units detained six suspects and seized four rifles and two satellite telephones. Sadly, three "
            "of our officers fell as martyrs.\n\n[Translator's note 1: In a post on Sunday, the armed wing of "
            "the Koram Front claimed the attack. It said its fighters had killed nine officers.]\n\n"
            "[Translator's note 2: The exile news site Vallonia Libre reported, citing residents, that dozens "
            "of families had fled.]")
    figures = figures_of(text, extractors, "Koram Translation Desk")
    for span in ("six", "four", "two", "three"):
        assert figures[span].source_chain == ["Koram Translation Desk", "Interior Ministry"], span
    assert figures["two"].category == "destroyed"
    assert figures["three"].category == "killed"
    assert figures["nine"].source_chain[-1] == "Koram Front"
    assert figures["dozens"].source_chain[-2:] == ["Vallonia Libre", "residents"]
    assert "1" not in figures and "2" not in figures  # the notes' numbers


def test_the_posts_of_a_compiled_thread_are_their_accounts(extractors: list) -> None:
    text = ("Officials posted about the raid all day. We compiled the posts below, with our notes in brackets.\n\n"
            "1/ Border Guard account, Monday 7.02 a.m.: \"At this moment 600 guards are sealing the valley.\"\n\n"
            "2/ Koram Police account, 9.40 a.m.: \"Final tally of day one: 80 arrests.\"\n\n"
            "3/ Border Guard account, 6.30 p.m.: \"Seized today: 14 rifles.\" [The account later said two guards "
            "had been lightly wounded.]\n\n"
            "Our notes. The Valley Rights Group said relatives had reported at least 30 detentions; the group "
            "said it had not been able to verify every case.")
    figures = figures_of(text, extractors)
    assert figures["600"].source_chain == ["Ridge Desk", "Border Guard"]
    assert figures["80"].source_chain == ["Ridge Desk", "Koram Police"]
    assert figures["80"].category == "captured"
    assert figures["14"].source_chain == ["Ridge Desk", "Border Guard"]
    assert figures["two"].source_chain[-1] == "Border Guard"
    assert figures["at least 30"].category == "captured"
    assert figures["at least 30"].hedged


def test_a_caveat_on_the_figure_doubts_the_claim_just_made(extractors: list) -> None:
    text = ("The army said its troops had killed four gunmen and seized a dozen rifles. Local radio reported that "
            "up to 300 families had left hamlets along the road, though the figure could not be confirmed.")
    figures = figures_of(text, extractors)
    assert figures["up to 300"].category == "other" and figures["up to 300"].hedged
    assert not figures["four"].hedged and not figures["a dozen"].hedged


def test_column_labels_and_section_headings_name_no_speaker(extractors: list) -> None:
    text = ("Week in review: at least 14 dead in Koram and Vela\n\nVALLONIA: RAIDS NEAR KORAM\n"
            "Gunmen killed nine farmers near Koram on Sunday, the police said.")
    figures = figures_of(text, extractors)
    assert figures["at least 14"].source_chain == ["Ridge Desk"]
    assert figures["nine"].source_chain[-1] == "police"


def test_the_whole_name_speaks_where_the_parse_split_it(extractors: list) -> None:
    text = ("A police raid in the Vila Nova complex left at least 19 people dead on Thursday, the news site "
            "Jornal do Vale reported.\n\nThe site said about 1,500 officers had taken part.")
    figures = figures_of(text, extractors)
    assert figures["at least 19"].source_chain[-1].endswith("Jornal do Vale")
    assert figures["about 1,500"].source_chain[-1].endswith("Jornal do Vale")


def test_a_told_clause_without_that_and_the_outlet_told(extractors: list) -> None:
    text = ("The daily Diário Norte reported the raid on Friday. Residents told the daily they had carried 11 "
            "bodies to the square.\n\nA police spokesman, Major Ivo Prado, told TV Norte that the confirmed toll "
            "was 23.")
    figures = figures_of(text, extractors)
    assert figures["11"].source_chain[-2:] == ["Diário Norte", "Residents"]
    assert figures["23"].source_chain[-2:] == ["TV Norte", "Major Ivo Prado"]


def test_killings_ages_hours_and_burials_in_a_transcript(extractors: list) -> None:
    text = ("Episode 40 transcript\n\nNOMVULA KHUMALO-DIAZ (host): Welcome. Sipho Brandt-Mokoena is with us.\n\n"
            "BRANDT-MOKOENA: Police recorded 41 murders in the district this month, down from 57. The city "
            "monitor counts 45 killings. The patrols run until 11 at night.\n\n"
            "KHUMALO-DIAZ: And the families?\n\n"
            "BRANDT-MOKOENA: We buried 12 young people since January, two of them under 16.")
    figures = figures_of(text, extractors)
    for span in ("41", "57", "45", "12"):
        assert figures[span].category == "killed", span
        assert figures[span].source_chain[1:2] == ["Sipho Brandt-Mokoena"] or \
            figures[span].source_chain[1].lower() == "brandt-mokoena", span
    assert "11" not in figures and "under 16" not in figures  # an hour, an age limit


def test_a_revised_count_to_a_number_the_parse_hung_deeper(extractors: list) -> None:
    text = ("The ministry also revised down its count of soldiers held as prisoners by the rebels to four, "
            "from six in an earlier statement.")
    figures = figures_of(text, extractors)
    assert figures["four"].source_chain[-1] == "ministry"


def test_a_population_and_our_own_convoy_are_no_figures(extractors: list) -> None:
    text = ("Clashes spread across the northern valley, home to some 38,000 people, where gunmen killed six "
            "herders. On Monday our convoy of five trucks was turned back at a roadblock. The chief said three "
            "herders had not been accounted for.")
    figures = figures_of(text, extractors)
    assert "some 38,000" not in figures and "five" not in figures
    assert figures["six"].category == "killed"
    assert figures["three"].category == "missing"


def test_a_list_line_sourced_in_brackets_by_a_described_group(extractors: list) -> None:
    text = ("Situation update\n\nPROTECTION\n- 14 people reported missing, four of them children (Anglican and "
            "Methodist church networks)\n")
    figures = figures_of(text, extractors)
    assert figures["14"].source_chain[-1] == "Anglican and Methodist church networks"


def test_a_learned_cue_of_auxiliaries_alone_is_no_cue() -> None:
    from claimgraph.extract.attributions.learned import RoleSpan, _says
    from claimgraph.extract.nlp import load_nlp

    doc = load_nlp()("The joint operation has also seized 90 rifles.")
    assert not _says(doc, RoleSpan("cue", 3, 5))  # "has also"
    assert _says(doc, RoleSpan("cue", 3, 6))  # "has also seized"


def test_a_hyphenated_label_is_the_full_name_the_text_gives() -> None:
    from claimgraph.extract.figures.transcripts import _full_name
    from claimgraph.extract.nlp import load_nlp

    doc = load_nlp()("Our guest today is Sipho Brandt-Mokoena of the safety forum.")
    assert _full_name(doc, "BRANDT-MOKOENA") in ("Sipho Brandt-Mokoena", "Brandt-Mokoena")
    assert _full_name(load_nlp()("No one is named here."), "VAN DER-BERG") == "Van Der-Berg"
