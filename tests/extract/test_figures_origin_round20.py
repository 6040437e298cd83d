"""Sources and categories from our own probe texts and, once set Y was written, from set X's misses
(X's blind scores are in its README).

A number standing alone as its clause's subject right after a count of casualties in the same
sentence is a part of that count when its own clause says nothing else befell them ("treated 23
people for gunshot wounds; six were referred on": six wounded).

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from datetime import date

from figure_cases import by_text, extract_figures

PUBLISHED = date(2026, 3, 2)


def figures_of(text: str, extractors: list, publisher: str = "Chari Morning Post") -> dict:
    return by_text(extract_figures(text, extractors, PUBLISHED, publisher))


def test_a_bare_number_after_a_casualty_count_is_part_of_it(extractors: list) -> None:
    text = ("The district clinic said it had treated 23 people for gunshot wounds; six were referred "
            "to the regional hospital in Moundou.")
    figures = figures_of(text, extractors)
    assert figures["23"].category == "wounded"
    assert figures["six"].category == "wounded"
    assert figures["six"].source_chain == ["Chari Morning Post", "district clinic"]


def test_a_number_with_its_own_noun_after_a_casualty_count_is_not_part_of_it(extractors: list) -> None:
    text = "The clinic said it had treated 23 people for gunshot wounds; six ambulances were sent to the market."
    figures = figures_of(text, extractors)
    assert figures["six"].category != "wounded"


def test_a_participle_that_brings_a_toll_up_says_nothing_of_its_own(extractors: list) -> None:
    text = ("14:10 — Moundou General Hospital says it is treating 31 people. Four patients have died "
            "there, it says, bringing the toll to nine.")
    figures = figures_of(text, extractors)
    for span in ("Four", "nine"):
        assert figures[span].category == "killed", span
        assert figures[span].source_chain == ["Chari Morning Post", "Moundou General Hospital"], span


def test_a_toll_brought_up_inside_a_statement_stays_the_speakers(extractors: list) -> None:
    text = "The hospital said on Monday that two more patients had died, bringing the toll to 14."
    figures = figures_of(text, extractors)
    for span in ("two more", "14"):
        assert figures[span].source_chain == ["Chari Morning Post", "hospital"], span


def test_a_lower_figure_and_our_own_count_count_what_the_figure_before_counted(extractors: list) -> None:
    text = ("The interior ministry told us on Friday that 14 people had died in the clashes in Kasai. "
            "The provincial police had given a lower figure of ten at a briefing on Tuesday.\n\n"
            "According to the prosecutor, 44 people were murdered in the district in the first quarter. "
            "Our own count for that quarter is 39.")
    figures = figures_of(text, extractors, publisher="Kasai Check")
    assert figures["ten"].category == "killed"
    assert figures["ten"].source_chain == ["Kasai Check", "provincial police"]
    assert figures["39"].category == "killed"
    assert figures["39"].source_chain == ["Kasai Check"]  # "our": the publisher's own, not the prosecutor's


def test_a_clause_closed_by_a_semicolon_is_not_what_the_next_speaker_says(extractors: list) -> None:
    text = ("The ministry told us on Monday that 11 people had died in the unrest, all of them in Kasai. "
            "The police had given a lower figure of nine at a briefing; a spokesman said the difference "
            "was due to two men who died later.")
    figures = figures_of(text, extractors, publisher="Kasai Check")
    assert figures["nine"].source_chain == ["Kasai Check", "police"]
