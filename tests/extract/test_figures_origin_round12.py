"""Sources and hedges from set P's misses, once it was opened (its blind scores are in its README).

A caveat on "the ISWAP claim" (parsed as ISWAP claiming) doubts ISWAP's figures only; a caveat
that names nothing, in a paragraph of its own, doubts the claims of the paragraph just before it;
a name the recogniser cut to its last word keeps the given names before it ("Lt. Col. Adamu
Galadima"); a programme's header names its host ("Host: ..."), whose turns are the publisher's
side, and labels may carry accents ("TRAORÉ:"); a telephone number is no figure.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post


def test_a_caveat_on_the_group_s_claim_doubts_only_the_group(extractors: list) -> None:
    text = ("ISWAP said its fighters had killed more than 40 soldiers, in a claim published by Amaq.\n\n"
            "The army spokesman said troops had repelled the attack, losing three soldiers.\n\n"
            "The Sentinel could not independently verify the ISWAP claim.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 40"].hedged
    assert not figures["three"].hedged


def test_a_caveat_alone_in_its_paragraph_doubts_the_paragraph_before(extractors: list) -> None:
    text = ("The union's chief said 19 drivers had been killed since September.\n\n"
            "JNIM said on its channel that it killed 27 soldiers near Kati.\n\n"
            "I cannot confirm either.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["27"].hedged
    assert not figures["19"].hedged


def test_given_names_the_recogniser_left_out_stay_in_the_name(extractors: list) -> None:
    text = ("Lt. Col. Adamu Galadima, spokesman for Operation Hadin Kai, said troops had repelled the attack, "
            "losing three soldiers.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["three"].source_chain == ["Harbour Post", "Adamu Galadima"]


def test_a_host_named_in_the_header_is_the_publisher_s_side(extractors: list) -> None:
    text = ("Morning Line, broadcast 4 November 2025. Host: Aïssata Coulibaly. Guest: Youssouf Traoré, head of "
            "the hauliers' union.\n\n"
            "COULIBALY: Mr Traoré, how bad is it?\n\n"
            "TRAORÉ: We have recorded 212 trucks burned since September.\n\n"
            "COULIBALY: The army says it has escorted more than 1,200 tankers to the capital since September.\n\n"
            "TRAORÉ: The escorts are not enough.\n\n"
            "COULIBALY: Thank you. Listeners can reach the programme on 70 00 12 34.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 1,200"].source_chain == ["Harbour Post", "army"]
    assert figures["212"].source_chain[:2] == ["Harbour Post", "Youssouf Traoré"]
    assert not {"00", "12", "34", "70"} & set(figures)
