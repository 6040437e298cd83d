"""Hedged figures: caveats found on set F once it was opened.

A source that calls its own toll preliminary hedges the figures it gave ("The bureau called the
toll preliminary"); a caveat said by a second speaker who gave figures of their own in the same
sentence doubts that speaker's figures, not the first speaker's ("the office said 80 ..., although
the governor gave 60 ..., adding that the numbers were preliminary").

Every sentence here is our own, written for these tests.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post


def test_a_toll_called_preliminary_is_hedged(extractors: list) -> None:
    text = ("According to the regional health bureau, at least 31 civilians were killed and 58 wounded. "
            "The bureau called the toll preliminary and said it was likely to rise.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 31"].hedged


def test_a_second_speakers_caveat_doubts_their_own_figures(extractors: list) -> None:
    text = ("The office said at least 80 people had been killed, although the governor, Ana Ruiz, gave a "
            "lower toll of 60 dead and about 20 wounded, adding that the numbers were preliminary.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["60"].hedged and figures["about 20"].hedged
    assert not figures["at least 80"].hedged


def test_an_unhedged_toll_stays_unhedged(extractors: list) -> None:
    text = "According to the regional health bureau, at least 31 civilians were killed. The bureau named the dead."
    figures = by_text(in_harbour_post(text, extractors))
    assert not figures["at least 31"].hedged
