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

from datetime import date

import pytest
from figure_cases import by_text, extract_figures

from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 6, 3)


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("entities", "attributions", "hedges", "figures"))


def extract(text: str, extractors: list, publisher: str = "Harbour Post") -> Extraction:
    return extract_figures(text, extractors, PUBLISHED, publisher)


# ------------------------------------------------------------------ "it" after a body as subject


def test_it_is_the_body_that_was_the_subject_before(extractors: list) -> None:
    text = ("The coalition destroyed 80 launchers in March, according to the Joint Forces Command, "
            "which published its tally on Friday.\n\n"
            "The regional health office in Marib tells another story. It says the raids killed at "
            "least 40 civilians and injured 95. A strike on a market killed 17 people, according "
            "to the office.")
    figures = by_text(extract(text, extractors))
    assert figures["80"].source_chain == ["Harbour Post", "Joint Forces Command"]
    assert figures["at least 40"].source_chain == ["Harbour Post", "regional health office"]
    assert figures["95"].source_chain == ["Harbour Post", "regional health office"]
    assert figures["17"].source_chain == ["Harbour Post", "regional health office"]


def test_it_is_the_named_group_apposed_to_the_subject(extractors: list) -> None:
    text = ("The army said it had retaken two villages.\n\n"
            "The Islamist group Ansar al-Sahil (AAS), which has besieged the port since May, gave "
            "another account. In a post on its channel, relayed by a monitoring service, it "
            "claimed to have killed 25 soldiers.")
    figures = by_text(extract(text, extractors))
    assert figures["25"].source_chain[-1] == "Ansar al-Sahil"


def test_it_after_a_person_subject_is_not_that_person(extractors: list) -> None:
    text = ("The navy said 12 sailors were missing.\n\n"
            "Admiral Jonas Berg visited the port on Sunday. It says 30 ships were damaged.")
    figures = by_text(extract(text, extractors))
    assert figures["30"].source_chain[-1] != "Jonas Berg"


# ------------------------------------------------------------------ "US" is not "us"


def test_us_central_command_is_a_source_not_the_first_person(extractors: list) -> None:
    text = "The coalition struck more than 1,100 targets between March 15 and May 6, according to US Central Command."
    figures = by_text(extract(text, extractors))
    assert figures["more than 1,100"].source_chain == ["Harbour Post", "US Central Command"]


def test_our_own_count_stays_the_publishers(extractors: list) -> None:
    text = "At least 60 civilians were killed in the shelling, according to our count."
    figures = by_text(extract(text, extractors))
    assert figures["At least 60"].source_chain == ["Harbour Post"]


# ------------------------------------------------------------------ relative clauses


def test_a_closing_according_to_hung_on_a_relative_clause_covers_the_sentence(extractors: list) -> None:
    text = ("Rebels seized more than 40 trucks between May 2 and the ceasefire President Ali Hassan "
            "declared on Friday, killing dozens of guards, according to the army.")
    figures = by_text(extract(text, extractors))
    assert figures["more than 40"].source_chain == ["Harbour Post", "army"]
    assert figures["dozens"].source_chain == ["Harbour Post", "army"]


# ------------------------------------------------------------------ spokespersons speak for bodies


def test_an_unnamed_spokesperson_speaks_for_the_body(extractors: list) -> None:
    text = ("The Karen National Union (KNU) says its fighters took a base near Myawaddy. A KNU "
            "spokesman said 14 soldiers surrendered. The UN refugee agency said 3,000 people had "
            "fled. A spokeswoman for the agency said 200 children had fled. The Kenyan-led police "
            "mission has struggled. It had 400 officers in May, a mission spokesman said.")
    figures = by_text(extract(text, extractors))
    assert figures["14"].source_chain == ["Harbour Post", "Karen National Union"]
    assert figures["200"].source_chain == ["Harbour Post", "UN refugee agency"]
    assert figures["400"].source_chain == ["Harbour Post", "Kenyan-led police mission"]


def test_a_named_spokesperson_stays_the_person(extractors: list) -> None:
    text = "Ivan Horak, a spokesman for the border guard, said 70 soldiers were killed on Monday."
    figures = by_text(extract(text, extractors))
    assert figures["70"].source_chain == ["Harbour Post", "Ivan Horak"]


def test_she_after_an_unnamed_spokeswoman_is_her_body(extractors: list) -> None:
    text = ("At least 900 people were killed in the capital this year, the UN human rights office said on Friday.\n\n"
            "\"These raids hit people who had no part in the fighting,\" a spokeswoman for the office told "
            "reporters in Geneva. She said at least 25 children were among the dead.\n\n"
            "A spokesman for the rebel alliance, speaking by phone from Goma, said the fighters had "
            "captured more than 1,500 soldiers.")
    figures = by_text(extract(text, extractors))
    assert figures["at least 25"].source_chain == ["Harbour Post", "UN human rights office"]
    assert figures["more than 1,500"].source_chain == ["Harbour Post", "rebel alliance"]


def test_it_after_a_bare_role_is_the_body_the_role_stands_for(extractors: list) -> None:
    text = ("The toll from the strike has risen to at least 23, the Lashio Rescue Team, a volunteer "
            "group that works in the area, told reporters. More than 40 people were wounded, the group "
            "said. At noon it had put the death toll at 14.")
    figures = by_text(extract(text, extractors))
    assert figures["14"].source_chain == ["Harbour Post", "Lashio Rescue Team"]


# ------------------------------------------------------------------ a named body's nested estimate


def test_a_named_bodys_nested_estimate_is_the_origin(extractors: list) -> None:
    text = ("Park Ji-ho, who sits on the defence committee, told KBS after the briefing that the NIS "
            "believes the new unit includes about 1,000 engineers. The Joint Chiefs of Staff assesses "
            "that the North has shipped more than 9,000 containers, he added.")
    figures = by_text(extract(text, extractors))
    assert figures["about 1,000"].source_chain[-1] == "National Intelligence Service"
    assert figures["more than 9,000"].source_chain == ["Harbour Post", "KBS", "Park Ji-ho", "Joint Chiefs of Staff"]


def test_a_persons_nested_belief_is_no_chain_level(extractors: list) -> None:
    text = "The governor said on Monday that he believes about 300 homes were destroyed."
    figures = by_text(extract(text, extractors))
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
    figures = by_text(extract(STATEMENT, extractors))
    for text in ("some 15", "three", "two", "six"):
        assert figures[text].source_chain == ["Harbour Post", "Naval Command"], text
    assert figures["4"].source_chain[-1] != "Naval Command"


def test_an_unquoted_paragraph_after_a_closed_quote_is_not_the_statements(extractors: list) -> None:
    text = ("\"We lost no ships,\" the Naval Command said on Monday.\n\n"
            "At least 12 fishing boats were burned in the harbour overnight.")
    figures = by_text(extract(text, extractors))
    assert figures["At least 12"].source_chain == ["Harbour Post"]
