"""Figure categories: mechanisms found on set F once it was opened.

Soldiers "listed as missing" are missing; people who "arrived with gunshot wounds" are wounded;
people "brought back from captivity" are counted as prisoners (the conflict-figures sets file
returned and exchanged prisoners as captured); "two batteries of air-defence systems" count the
systems, so delivering them is a supply.

Every sentence here is our own, written for these tests.
"""

from __future__ import annotations

import pytest
from figure_cases import by_text, in_harbour_post


@pytest.mark.parametrize(("text", "figure", "category"), [
    ("Officials said more than 60,000 soldiers are officially listed as missing.", "more than 60,000", "missing"),
    ("The agency said 300 of them had arrived with gunshot or shrapnel wounds.", "300", "wounded"),
    ("Some 4,000 troops arrived in the city on Monday.", "Some 4,000", "deployed"),
    ("The office said more than 6,100 Ukrainians have been brought back from captivity.", "more than 6,100", "captured"),
    ("Russia has delivered at least two batteries of air-defence systems, Lee said.", "at least two", "supplied"),
    ("Two battalions of marines were sent to the island.", "Two", "deployed"),
])
def test_category(text: str, figure: str, category: str, extractors: list) -> None:
    figures = by_text(in_harbour_post(text, extractors))
    assert figures[figure].category == category
