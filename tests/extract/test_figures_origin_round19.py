"""Sources and categories from our own probe texts and, once set X was written, from set W's misses
(W's blind scores are in its README).

A document reproduced under a heading in capitals is its issuer's also when the heading sits right
over its first line and the parse hangs "of the Command" after the document's number on the verb
("the full text of bulletin No. 7/2026 of the Coast Guard Command"); a court, a tribunal or a panel
finds ("The tribunal found that ..."), and "It also found that ..." is its finding, not an empty "it";
a number right before a coordinated verb is that verb's own gapped subject ("nine were killed by
army fire and 31 wounded": nine killed, not casualties); "murdered" counts deaths; armed members, or
members an armed collective has or numbers, are a force's strength; shootings and detonations are
incidents; "hand over ten vehicles" has no qualifier; "a further death, which brings our count to 14"
leaves the count the publisher's own.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from datetime import date

from figure_cases import by_text, extract_figures

PUBLISHED = date(2026, 5, 4)


def figures_of(text: str, extractors: list, publisher: str = "Harbour Ledger") -> dict:
    return by_text(extract_figures(text, extractors, PUBLISHED, publisher))


def test_a_bulletin_under_a_heading_over_its_first_line_is_its_issuers(extractors: list) -> None:
    text = ("Coast guard: three sailors missing after a boat fire\n\n"
            "Below is the full text of bulletin No. 7/2026 of the Coast Guard Command, issued on 3 May.\n\n"
            "BULLETIN No. 7/2026\n"
            "1. On 2 May a patrol boat with 24 sailors caught fire off Cape Selva.\n"
            "2. Three sailors are missing and nine were injured.\n\n"
            "OUR NOTE\n"
            "Fishermen told us they saw smoke for most of the afternoon.")
    figures = figures_of(text, extractors)
    for span in ("24", "Three", "nine"):
        assert figures[span].source_chain == ["Harbour Ledger", "Coast Guard Command"], span


def test_a_document_noun_without_a_number_still_needs_its_issuer(extractors: list) -> None:
    text = ("Below is the full text of the bulletin, issued on 3 May.\n\n"
            "BULLETIN\n"
            "Three sailors are missing and nine were injured.")
    figures = figures_of(text, extractors)
    assert figures["Three"].source_chain == ["Harbour Ledger"]


def test_a_court_finds_and_it_also_finds(extractors: list) -> None:
    text = ("The court found that eight miners were killed by army gunfire and 26 wounded, five of them "
            "badly. It also found that three of the dead had been shot from behind.")
    figures = figures_of(text, extractors)
    assert figures["eight"].category == "killed"  # not casualties: "26 wounded" is the second verb's
    assert figures["26"].category == "wounded"
    for span in ("eight", "26", "three"):
        assert figures[span].source_chain == ["Harbour Ledger", "court"], span


def test_it_shows_is_still_no_attribution(extractors: list) -> None:
    text = "The strike hit a market on Sunday, killing 12 people. It shows that civilians remain at risk."
    figures = figures_of(text, extractors)
    assert figures["12"].source_chain == ["Harbour Ledger"]


def test_murdered_people_are_deaths(extractors: list) -> None:
    text = "Police said 12 people were murdered in the district in April."
    assert figures_of(text, extractors)["12"].category == "killed"


def test_armed_members_are_a_force(extractors: list) -> None:
    text = ("The militia is thought to number up to 400 armed members. The gang has about 90 members. "
            "Twelve members of the choir sang.")
    figures = figures_of(text, extractors)
    assert figures["up to 400"].category == "deployed"
    assert figures["about 90"].category == "deployed"
    assert "Twelve" not in figures or figures["Twelve"].category != "deployed"


def test_shootings_and_detonations_are_incidents(extractors: list) -> None:
    text = "Officers recorded 19 shootings and six detonations in the city in May."
    figures = figures_of(text, extractors)
    assert figures["19"].category == "other"
    assert figures["six"].category == "other"


def test_the_particle_over_is_no_qualifier(extractors: list) -> None:
    text = "The ministry will hand over ten patrol boats to the navy. Over 200 sailors will crew them."
    figures = figures_of(text, extractors)
    assert figures["ten"].qualifier == "exact"
    assert figures["Over 200"].qualifier == "over"


def test_an_event_that_brings_a_count_is_no_source(extractors: list) -> None:
    text = ("We checked hospital records and found one further death, of a man who died in a Cape Selva "
            "hospital, which brings our own count to 14.")
    figures = figures_of(text, extractors)
    assert figures["14"].source_chain == ["Harbour Ledger"]


def test_a_table_a_body_publishes_is_that_bodys(extractors: list) -> None:
    text = ("June in numbers: shootings in the harbour district\n\n"
            "Every month we summarise the table of shootings that the Harbour Police Service publishes. "
            "The June table appeared on 3 July.\n\n"
            "The table lists 19 shootings and six detonations for June.")
    figures = figures_of(text, extractors)
    for span in ("19", "six"):
        assert figures[span].source_chain == ["Harbour Ledger", "Harbour Police Service"], span


def test_a_described_office_is_no_person_named_before(extractors: list) -> None:
    text = ("Councillors question the port chief\n\n"
            "COUNCILLOR ANA RUIZ: How many officers guard the docks?\n\n"
            "CHIEF PEDRO SOSA: About 200.\n\n"
            "COUNCILLOR LUIS VERA: The regional security minister said on Monday that up to 300 more agents "
            "could arrive in June. Is that the plan?\n\n"
            "SOSA: Ask the minister.")
    figures = figures_of(text, extractors)
    assert figures["About 200"].source_chain == ["Harbour Ledger", "Pedro Sosa"]
    # a councillor's question is theirs; the minister is no one named before
    assert figures["up to 300"].source_chain == ["Harbour Ledger", "Luis Vera", "regional security minister"]


def test_a_turn_label_with_a_note_and_a_bracketed_host(extractors: list) -> None:
    text = ("Morning bulletin, 3 July\n\n"
            "PRESENTER (MAEVE DOYLE): Good morning. We spoke to Chief Inspector Rory Tallon earlier.\n\n"
            "TALLON (recorded): We had about 250 officers out overnight.\n\n"
            "DOYLE: Police have said three of their armoured Land Rovers were put out of action.")
    figures = figures_of(text, extractors)
    assert figures["about 250"].source_chain == ["Harbour Ledger", "Rory Tallon"]
    three = figures["three"]
    assert three.category == "destroyed"  # vehicles put out of action are lost equipment
    assert "Maeve Doyle" not in three.source_chain and "Doyle" not in three.source_chain  # the presenter is ours


def test_a_second_he_is_the_first_not_the_one_he_reports(extractors: list) -> None:
    text = ("The soldier spoke to his mother by phone. He tells her that the platoon commander had promised "
            "them an easy week. He also says that 40 of his comrades were killed on the first day.")
    figures = figures_of(text, extractors)
    assert "commander" not in " ".join(figures["40"].source_chain)


def test_fires_are_incidents(extractors: list) -> None:
    text = "The fire service says its crews dealt with 19 fires overnight."
    assert figures_of(text, extractors)["19"].category == "other"


def test_a_quoted_statement_under_a_heading_is_its_issuers(extractors: list) -> None:
    text = ("Group claims arson attacks; police count fewer\n\n"
            "The statement below was delivered to local radio stations on 2 May by a group signing as Terra Libera. "
            "Notes in square brackets are ours.\n\n"
            "STATEMENT\n"
            "\"In April our units carried out 12 actions [1]. Twenty holiday villas were destroyed.\"\n\n"
            "[1] The group's word for bombings.")
    figures = figures_of(text, extractors)
    for span in ("12", "Twenty"):
        assert figures[span].source_chain[-1] == "Terra Libera", span
    assert "1" not in figures  # "[1]" marks a note


def test_an_issuer_keeps_what_names_it(extractors: list) -> None:
    text = ("The statement below was handed to our office on 2 May by a group signing as Terra Libera.\n\n"
            "\"Our units carried out 12 actions in April.\"")
    assert figures_of(text, extractors)["12"].source_chain[-1] == "Terra Libera"
