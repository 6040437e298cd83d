"""Originating sources of figures: the seventh round of general mechanisms, from the misses of
set F once it was opened (its blind scores are in its README).

A line opening "In Kampala, the head of ... wrote" names the head, not the city; a person in the
apposition that describes a named body ("The SPLM-IO, the party of ...") is not the source; a
research body's staff ("the lab's analysts") speak for the body; a label line ("KEY FIGURES:",
"Inside Camp Nine:") is no speaker, so its figures join the body's claims; "the Centre adds"
after a body named with that word is that body.

Every sentence here is our own, written for these tests (other places, names and numbers than
any evaluation text); the expected values follow the conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post


def test_a_fronted_place_is_not_the_speaker(extractors: list) -> None:
    text = "In Nairobi, the head of Kenya's armed forces wrote on X that two battalions had been sent to the border."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["two"].source_chain == ["Harbour Post", "head of Kenya's armed forces"]


def test_a_person_describing_a_named_body_is_not_the_source(extractors: list) -> None:
    text = ("The ODM-K, the party of former premier Raila Kenyatta, said at least 20 of its officials "
            "had been arrested. Lindiwe Dube, the party's spokeswoman, said 3 were released.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 20"].source_chain == ["Harbour Post", "ODM-K"]
    assert figures["3"].source_chain == ["Harbour Post", "Lindiwe Dube"]


def test_a_labs_analysts_speak_for_the_lab(extractors: list) -> None:
    text = ("The Bay Imagery Lab published its study on Monday. The lab's analysts counted four cargo "
            "ships making trips to the port. Kenya's researchers said 40 were killed.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["four"].source_chain == ["Harbour Post", "Bay Imagery Lab"]
    assert figures["40"].source_chain == ["Harbour Post", "Kenya's researchers"]


def test_label_lines_are_no_speakers(extractors: list) -> None:
    text = ("Inside Camp Nine: ledgers record 212 deaths at a detention site\n\n"
            "KEY FIGURES: at least 31 civilians killed; 58 wounded.\n\n"
            "According to the Regional Health Bureau, at least 31 civilians were killed and 58 wounded.")
    found = in_harbour_post(text, extractors)
    chains = {(f.start, f.text): f.source_chain for f in found.figures}
    assert all(chain[-1] not in ("Inside Camp Nine", "KEY FIGURES") for chain in chains.values())
    key_figures = [chain for (start, text), chain in chains.items() if text == "58"]
    assert key_figures and all(chain == ["Harbour Post", "Regional Health Bureau"] for chain in key_figures)


def test_a_capitalised_role_is_the_body_named_with_that_word(extractors: list) -> None:
    text = ("The Gazette publishes below the text of a statement issued on Saturday by the Emergency "
            "Operations Centre of the Ministry of Health.\n\n"
            "\"The Centre adds that the total toll since November has risen to 331 dead and 945 wounded.\"")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["331"].source_chain[-1].startswith("Emergency Operations Centre")


def test_a_statement_introduced_by_its_issuer_is_the_issuers(extractors: list) -> None:
    text = ("Health ministry: Israeli strikes on the south killed four people in a day\n\n"
            "The Gazette publishes below the text of a statement issued on Saturday by the Emergency "
            "Operations Centre of the Ministry of Health.\n\n"
            "\"Israeli strikes on the south killed four citizens and injured 11 others.\"\n\n"
            "Hezbollah did not comment.")
    found = in_harbour_post(text, extractors)
    chains = [f.source_chain for f in found.figures if f.text in ("four", "11")]
    assert len(chains) == 3
    assert all(chain == ["Harbour Post", "Emergency Operations Centre"] for chain in chains)


def test_a_document_published_by_a_named_body_is_that_bodys(extractors: list) -> None:
    text = ("North Korea shipped about 2,800 containers to Russia, according to an analysis of "
            "satellite images published on Tuesday by the Yellow Sea Imagery Lab, a Washington-based "
            "research group.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 2,800"].source_chain == ["Harbour Post", "Yellow Sea Imagery Lab"]


def test_a_hospital_admitting_people_says_nothing(extractors: list) -> None:
    text = ("The medical director of Kisumu General Hospital told partners that the 60-bed facility had "
            "admitted 27 of the wounded by 9 March. The minister admitted that 40 soldiers had died.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["27"].source_chain == ["Harbour Post", "medical director of Kisumu General Hospital"]
    assert figures["40"].source_chain == ["Harbour Post", "minister"]


def test_the_commissioner_is_the_commissioner_named_before(extractors: list) -> None:
    text = ("The district commissioner of Kiryandongo, Aden Hussein, told our reporter that nine soldiers "
            "were killed. The commissioner said the attackers numbered about 150.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["nine"].source_chain == ["Harbour Post", "Aden Hussein"]
    assert figures["about 150"].source_chain == ["Harbour Post", "Aden Hussein"]


def test_a_description_ends_before_how_the_source_was_reached(extractors: list) -> None:
    text = ("A local official we reached by phone put the number of dead at around 50. A youth leader "
            "in Nasir, interviewed by a community radio, claimed the fighters had taken about 80 soldiers prisoner.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["around 50"].source_chain == ["Harbour Post", "local official"]
    assert figures["about 80"].source_chain[-1] == "youth leader in Nasir"
