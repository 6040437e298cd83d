"""Sources, categories and hedges from set O's misses, once it was opened (its blind scores are in
its README).

A claim "published by" an outlet, or a statement "read on" a broadcaster, has the outlet above the
speaker, and the outlet says nothing of its own; a caveat on "X's claim or the army's figures"
doubts both; "the army's own presentation" is the army's; "the officers" are the officers who
spoke before; "the government" that stands for a country is that country's government; a unit's
name ("the 25 Task Force Brigade") and photographs are no figures; soldiers who "fell with honour"
are dead, motorcycles seized are destroyed.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post


def test_a_claim_published_by_a_news_agency_has_the_agency_above_the_group(extractors: list) -> None:
    text = ("The Sahel Province (ISSP) said in a claim published by the group's Amaq news agency on Sunday that "
            "its fighters had killed 40 soldiers in an attack on a base.")
    figures = by_text(in_harbour_post(text, extractors))
    chain = figures["40"].source_chain
    assert len(chain) == 3 and "Amaq" in chain[1] and chain[2] == "Sahel Province"


def test_a_statement_read_on_a_broadcaster_has_the_broadcaster_above(extractors: list) -> None:
    text = ("Jihadists stormed an army base in Djibo on Sunday.\n\nIn a statement read on the state broadcaster "
            "RTB on Monday evening, the government of Burkina Faso said the army had repelled the attack and that "
            "11 soldiers had fallen with honour. It said dozens of motorcycles had been seized.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11"].source_chain[:2] == ["Harbour Post", "RTB"]
    assert figures["11"].category == "killed"
    assert figures["dozens"].category == "destroyed"


def test_a_caveat_on_two_owners_doubts_the_figures_of_both(extractors: list) -> None:
    text = ("The group said its fighters had killed 40 soldiers. The army said it had lost six soldiers, with "
            "nine wounded.\n\nThe paper could not independently verify the group's claim or the army's figures.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["40"].hedged
    assert figures["six"].hedged and figures["nine"].hedged


def test_a_unit_s_name_and_photographs_are_no_figures(extractors: list) -> None:
    text = ("The army said troops of the 25 Task Force Brigade had repelled the attack, losing six soldiers. "
            "The group's news agency released 12 photographs of the burning base.")
    figures = by_text(in_harbour_post(text, extractors))
    assert "25" not in figures and "12" not in figures
    assert "six" in figures


def test_an_army_s_own_presentation_is_the_army_s(extractors: list) -> None:
    text = ("MK Yoav Dagan spoke to the radio after the session. According to Dagan, the army's own presentation "
            "put the number of strikes in Lebanon since January at more than 400.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 400"].source_chain[-1] == "army"


def test_the_officers_are_the_officers_who_spoke_before(extractors: list) -> None:
    text = ("A committee member said military intelligence officers had told a closed session that the group held "
            "thousands of rockets. Yoav Dagan said the officers had estimated that between 1,500 and 2,000 "
            "fighters were back in the south.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["between 1,500 and 2,000"].source_chain[-1] == "military intelligence officers"


def test_the_government_that_stands_for_a_country_is_its_government(extractors: list) -> None:
    text = ("Jihadists stormed an army base in Burkina Faso on Sunday, security sources said.\n\n"
            "The government said on Monday that 11 soldiers had been killed.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11"].source_chain[-1] == "Burkina Faso government"


def test_figures_a_body_published_after_a_colon_are_the_body_s(extractors: list) -> None:
    text = ("08:15 Ukraine's air force has published its overnight figures: Russia launched 472 drones and 38 "
            "missiles against Ukraine.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["472"].source_chain == ["Harbour Post", "Ukraine's air force"]
    assert figures["38"].source_chain == ["Harbour Post", "Ukraine's air force"]


def test_people_still_under_the_rubble_are_missing(extractors: list) -> None:
    text = "Tymur Tkachenko says rescuers believe up to eight people may still be under the rubble of one stairwell."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["up to eight"].category == "missing"


def test_a_clause_the_parse_hangs_on_the_broadcaster_told_is_what_was_said(extractors: list) -> None:
    text = ("Israeli strikes killed at least 27 people overnight, Al Jazeera reported, quoting Mahmoud Abu Shamala, "
            "a civil defence spokesman. Abu Shamala told the Qatari broadcaster that rescue crews had pulled 14 "
            "bodies from a single house in Bani Suheila.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["14"].source_chain == ["Harbour Post", "Al Jazeera", "Mahmoud Abu Shamala"]


def test_our_partners_in_a_list_of_places_are_the_publisher_s(extractors: list) -> None:
    text = ("Protection. Our partners in Sange, Luvungi and Kiliba recorded 38 civilian deaths between 20 and 26 "
            "January, 11 of them children.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["38"].source_chain == ["Harbour Post"]


def test_a_statement_by_a_body_carried_by_an_agency_has_the_agency_above_it(extractors: list) -> None:
    text = ("Troops killed five Indian soldiers, according to a statement by Inter-Services Public Relations "
            "(ISPR) carried by the state-run Associated Press of Pakistan.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["five"].source_chain == ["Harbour Post", "Associated Press of Pakistan",
                                            "Inter-Services Public Relations"]
