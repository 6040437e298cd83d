"""Originating sources of figures: the sixth round of general mechanisms, from the misses of
set C once it was opened.

A subject "it" stands for the body that was the subject of the sentence before, named or only
described ("the regional health office tells another story. It says ..."), and that description
is what "the office" points back at further on; "US Central Command" is no first-person "us";
a closing "according to X" that the parse hung on a relative clause qualifies the whole
sentence; a reporting verb inside a relative clause ("the ceasefire the president declared on
Friday, killing ...") carries no participle clause as its content; an unnamed spokesperson
("a KNU spokesman", "a spokeswoman for the agency", "a mission spokesman") speaks for the body,
which is the source.

Every sentence here is our own, written for these tests (other places, names and numbers than
any evaluation text); the expected values follow the conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post

# ------------------------------------------------------------------ "it" after a body as subject


def test_it_is_the_body_that_was_the_subject_before(extractors: list) -> None:
    text = ("The coalition destroyed 80 launchers in March, according to the Joint Forces Command, "
            "which published its tally on Friday.\n\n"
            "The regional health office in Marib tells another story. It says the raids killed at "
            "least 40 civilians and injured 95. A strike on a market killed 17 people, according "
            "to the office.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["80"].source_chain == ["Harbour Post", "Joint Forces Command"]
    assert figures["at least 40"].source_chain == ["Harbour Post", "regional health office"]
    assert figures["95"].source_chain == ["Harbour Post", "regional health office"]
    assert figures["17"].source_chain == ["Harbour Post", "regional health office"]


def test_it_is_the_named_group_apposed_to_the_subject(extractors: list) -> None:
    text = ("The army said it had retaken two villages.\n\n"
            "The Islamist group Ansar al-Sahil (AAS), which has besieged the port since May, gave "
            "another account. In a post on its channel, relayed by a monitoring service, it "
            "claimed to have killed 25 soldiers.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["25"].source_chain[-1] == "Ansar al-Sahil"


def test_it_after_a_person_subject_is_not_that_person(extractors: list) -> None:
    text = ("The navy said 12 sailors were missing.\n\n"
            "Admiral Jonas Berg visited the port on Sunday. It says 30 ships were damaged.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["30"].source_chain[-1] != "Jonas Berg"


# ------------------------------------------------------------------ "US" is not "us"


def test_us_central_command_is_a_source_not_the_first_person(extractors: list) -> None:
    text = "The coalition struck more than 1,100 targets between March 15 and May 6, according to US Central Command."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 1,100"].source_chain == ["Harbour Post", "US Central Command"]


def test_our_own_count_stays_the_publishers(extractors: list) -> None:
    text = "At least 60 civilians were killed in the shelling, according to our count."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["At least 60"].source_chain == ["Harbour Post"]


# ------------------------------------------------------------------ relative clauses


def test_a_closing_according_to_hung_on_a_relative_clause_covers_the_sentence(extractors: list) -> None:
    text = ("Rebels seized more than 40 trucks between May 2 and the ceasefire President Ali Hassan "
            "declared on Friday, killing dozens of guards, according to the army.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 40"].source_chain == ["Harbour Post", "army"]
    assert figures["dozens"].source_chain == ["Harbour Post", "army"]


# ------------------------------------------------------------------ spokespersons speak for bodies


def test_an_unnamed_spokesperson_speaks_for_the_body(extractors: list) -> None:
    text = ("The Karen National Union (KNU) says its fighters took a base near Myawaddy. A KNU "
            "spokesman said 14 soldiers surrendered. The UN refugee agency said 3,000 people had "
            "fled. A spokeswoman for the agency said 200 children had fled. The Kenyan-led police "
            "mission has struggled. It had 400 officers in May, a mission spokesman said.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["14"].source_chain == ["Harbour Post", "Karen National Union"]
    assert figures["200"].source_chain == ["Harbour Post", "UN refugee agency"]
    assert figures["400"].source_chain == ["Harbour Post", "Kenyan-led police mission"]


def test_a_named_spokesperson_stays_the_person(extractors: list) -> None:
    text = "Ivan Horak, a spokesman for the border guard, said 70 soldiers were killed on Monday."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["70"].source_chain == ["Harbour Post", "Ivan Horak"]


def test_she_after_an_unnamed_spokeswoman_is_her_body(extractors: list) -> None:
    text = ("At least 900 people were killed in the capital this year, the UN human rights office said on Friday.\n\n"
            "\"These raids hit people who had no part in the fighting,\" a spokeswoman for the office told "
            "reporters in Geneva. She said at least 25 children were among the dead.\n\n"
            "A spokesman for the rebel alliance, speaking by phone from Goma, said the fighters had "
            "captured more than 1,500 soldiers.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 25"].source_chain == ["Harbour Post", "UN human rights office"]
    assert figures["more than 1,500"].source_chain == ["Harbour Post", "rebel alliance"]


def test_it_after_a_bare_role_is_the_body_the_role_stands_for(extractors: list) -> None:
    text = ("The toll from the strike has risen to at least 23, the Lashio Rescue Team, a volunteer "
            "group that works in the area, told reporters. More than 40 people were wounded, the group "
            "said. At noon it had put the death toll at 14.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["14"].source_chain == ["Harbour Post", "Lashio Rescue Team"]


# ------------------------------------------------------------------ a named body's nested estimate


def test_a_named_bodys_nested_estimate_is_the_origin(extractors: list) -> None:
    text = ("Park Ji-ho, who sits on the defence committee, told KBS after the briefing that the NIS "
            "believes the new unit includes about 1,000 engineers. The Joint Chiefs of Staff assesses "
            "that the North has shipped more than 9,000 containers, he added.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 1,000"].source_chain[-1] == "National Intelligence Service"
    assert figures["more than 9,000"].source_chain == ["Harbour Post", "KBS", "Park Ji-ho", "Joint Chiefs of Staff"]


def test_a_persons_nested_belief_is_no_chain_level(extractors: list) -> None:
    text = "The governor said on Monday that he believes about 300 homes were destroyed."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 300"].source_chain == ["Harbour Post", "governor"]


# ------------------------------------------------------------------ a statement reproduced whole

STATEMENT = (
    "Navy says it sank rebel boats\n\n"
    "Below is our translation of statement No. 77 of the Naval Command of Guinea-Bissau, dated "
    "March 3, 2025, and posted on its website.\n\n"
    "\"The Naval Command informs the public that on Saturday, March 1, a patrol of the 2nd "
    "Flotilla was attacked by armed bandits near the Bijagos islands.\n\n"
    "The firm response of our sailors made it possible to neutralise some 15 assailants and to "
    "sink three boats.\n\n"
    "On our side, the provisional toll is two dead and six wounded.\"\n\n"
    "The rebels said they lost 4 fighters."
)


def test_later_paragraphs_of_a_reproduced_statement_are_its_issuers(extractors: list) -> None:
    figures = by_text(in_harbour_post(STATEMENT, extractors))
    for text in ("some 15", "three", "two", "six"):
        assert figures[text].source_chain == ["Harbour Post", "Naval Command"], text
    assert figures["4"].source_chain[-1] != "Naval Command"


def test_an_unquoted_paragraph_after_a_closed_quote_is_not_the_statements(extractors: list) -> None:
    text = ("\"We lost no ships,\" the Naval Command said on Monday.\n\n"
            "At least 12 fishing boats were burned in the harbour overnight.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["At least 12"].source_chain == ["Harbour Post"]


def test_a_spokesperson_described_by_place_is_not_a_body(extractors: list) -> None:
    text = ("A militia spokeswoman in the Tanai district, who asked not to be named, said she believed "
            "about 2,000 troops had arrived.")
    figures = by_text(in_harbour_post(text, extractors))
    # described as written, without the aside: a district is where she is, not whom she speaks for
    assert figures["about 2,000"].source_chain == ["Harbour Post", "militia spokeswoman in the Tanai district"]


# ------------------------------------------------------------------ names and their descriptions


def test_a_place_in_an_apposed_description_is_not_the_source(extractors: list) -> None:
    text = ("Skywatch, a Geneva-based monitoring group that reviews local reports of civilian harm, said "
            "it had assessed between 120 and 150 civilian deaths as plausibly caused by the strikes.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["between 120 and 150"].source_chain == ["Harbour Post", "Skywatch"]


def test_the_same_investigators_are_the_report_authors_named_before(extractors: list) -> None:
    text = ("Uganda has some 8,000 troops in the east, according to a report by UN investigators "
            "published in March. The same investigators estimated that between 2,000 and 3,000 "
            "foreign soldiers were operating there.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["some 8,000"].source_chain == ["Harbour Post", "UN investigators"]
    assert figures["between 2,000 and 3,000"].source_chain == ["Harbour Post", "UN investigators"]


# ------------------------------------------------------------------ more attribution forms


def test_an_apposition_beyond_the_verb_is_not_part_of_the_speaker(extractors: list) -> None:
    text = "Chad's army said it had shot down three rebel drones over Abeche on Tuesday, a claim the AP could not confirm."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["three"].source_chain == ["Harbour Post", "Chad's army"]


def test_a_perfect_claim_with_a_number_object_is_its_subjects(extractors: list) -> None:
    text = "The NIS put losses at roughly 4,000, while Ukrainian officers have claimed more than 7,000."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 7,000"].source_chain == ["Harbour Post", "Ukrainian officers"]
    assert figures["roughly 4,000"].source_chain == ["Harbour Post", "National Intelligence Service"]


def test_claims_by_a_group_that_give_the_group_as_source(extractors: list) -> None:
    text = "Claims by pro-Kremlin bloggers that up to 50,000 more soldiers are coming have almost no chance of being true."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["up to 50,000"].source_chain == ["Harbour Post", "pro-Kremlin bloggers"]
    assert figures["up to 50,000"].hedged


def test_quoted_as_saying_gives_the_one_quoted(extractors: list) -> None:
    text = "A Ukrainian officer was quoted yesterday as saying 800 soldiers were killed in May."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["800"].source_chain == ["Harbour Post", "Ukrainian officer"]


def test_by_a_bodys_count_is_a_source_frame(extractors: list) -> None:
    figures = by_text(in_harbour_post("By the army's count, roughly 300 fighters were killed in May.", extractors))
    assert figures["roughly 300"].source_chain == ["Harbour Post", "army"]
    figures = by_text(in_harbour_post("The rebels fired at the port, which by the navy's count was hit by at "
                              "least 20 rockets in April.", extractors))
    assert figures["at least 20"].source_chain == ["Harbour Post", "navy"]
    figures = by_text(in_harbour_post("By our tally, at least 45 civilians died.", extractors))
    assert figures["at least 45"].source_chain == ["Harbour Post"]


def test_by_the_speakers_own_sides_count_adds_no_level(extractors: list) -> None:
    figures = by_text(in_harbour_post("Ms Varga replied that, by her party's count, at least 300 people had died.", extractors))
    assert figures["at least 300"].source_chain == ["Harbour Post", "Ms Varga"]
