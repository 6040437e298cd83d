"""Sources from set J's misses, once it was opened (its blind scores are in its README).

"and" joins the words of a name ("the Emergency Medicine and Support Centre"); "the centre"
further on is the body a relay cited, when its name holds that word; a relay's cited body is kept
from being the speaker only within its own sentence; "He added, citing the agency, that ..."
reports the clause the parse hung on the relay.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post


def test_a_name_joined_by_and_is_one_name(extractors: list) -> None:
    text = ("Fighting has left eight people dead, the Coast Observer reported on Wednesday, citing the Emergency "
            "Medicine and Support Centre.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["eight"].source_chain == ["Harbour Post", "Coast Observer", "Emergency Medicine and Support Centre"]


def test_the_role_word_of_a_cited_body_points_at_it(extractors: list) -> None:
    text = ("Fighting has left eight people dead, the Coast Observer reported on Wednesday, citing the Emergency "
            "Medicine and Support Centre. The toll includes two ambulance workers, the centre added, and its "
            "teams have evacuated about 70 families.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 70"].source_chain[-1] == "Emergency Medicine and Support Centre"


def test_added_citing_reports_the_clause_after_the_relay(extractors: list) -> None:
    text = ("Lawmaker Kim Sung-ho spoke to reporters after the briefing. He added, citing the agency, that dozens "
            "of wounded soldiers had been flown back to Pyongyang.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["dozens"].source_chain[-1] == "agency"
    assert len(figures["dozens"].source_chain) == 3


def test_a_ministry_of_a_government_is_a_body_of_its_own(extractors: list) -> None:
    text = "The health ministry of the Government of National Unity said hospitals had received 11 bodies."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11"].source_chain == ["Harbour Post", "health ministry of the Government of National Unity"]
