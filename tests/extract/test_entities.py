"""Entities extractor: labels from the lexicon and spaCy, units, weapons, dates against publication."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.extract.base import Context
from claimgraph.extract.entities import EntityExtractor, normalize_date
from claimgraph.model import Extraction, Mention

PUBLISHED = date(2025, 1, 20)  # a Monday


def mentions(text: str, published: date | None = PUBLISHED) -> list[Mention]:
    found = Extraction()
    EntityExtractor().extract(Context(text=text, published=published), found)
    for mention in found.mentions:
        assert text[mention.start:mention.end] == mention.text
    return found.mentions


def by_text(found: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in found}


def test_outlets_wires_and_intelligence_services_get_their_labels() -> None:
    text = ("Reuters and Yonhap re-ran the report that the Washington Post published after "
            "South Korea's spy agency briefed lawmakers; UNIAN and KBS followed, quoting the NIS "
            "and Ukraine's HUR.")
    found = by_text(mentions(text))
    assert found["Reuters"].label == "WIRE"
    assert found["Yonhap"].label == "WIRE"
    assert found["Washington Post"].label == "OUTLET"
    assert found["Washington Post"].normalized == "The Washington Post"
    assert found["UNIAN"].label == "OUTLET"
    assert found["KBS"].label == "OUTLET"
    assert found["South Korea's spy agency"].label == "INTEL"
    assert found["South Korea's spy agency"].normalized == "National Intelligence Service"
    assert found["NIS"].normalized == "National Intelligence Service"
    assert found["HUR"].label == "INTEL"


def test_ministries_and_armed_forces() -> None:
    text = ("The Pentagon and Russia's Defence Ministry both commented, while North Korean troops "
            "stayed in reserve and the Joint Chiefs of Staff in Seoul kept watch.")
    found = by_text(mentions(text))
    assert found["Pentagon"].label == "GOV"
    assert found["Russia's Defence Ministry"].label == "GOV"
    assert found["North Korean troops"].label == "MILITARY"
    assert found["Joint Chiefs of Staff"].label == "MILITARY"
    assert found["Seoul"].label == "GPE"


def test_military_units_are_one_mention_each() -> None:
    text = ("A medic of the 1st Battalion of the 8th Special Operations Forces Regiment said the "
            "94th Separate Brigade relieved the 412th regiment near Kupiansk.")
    units = [m.text for m in mentions(text) if m.label == "UNIT"]
    assert units == ["1st Battalion of the 8th Special Operations Forces Regiment",
                     "94th Separate Brigade", "412th regiment"]


def test_ordinals_without_a_unit_noun_are_not_units() -> None:
    text = "Ships sailed between the 8th and the 12th of the month."
    assert not [m for m in mentions(text) if m.label == "UNIT"]


def test_weapon_systems_and_designators() -> None:
    text = ("Moscow has used KN-23 and KN-24 missiles, which Pyongyang calls the Hwasong-11, while "
            "Kyiv answered with ATACMS, HIMARS and British Storm Shadow cruise missiles; Koksan "
            "guns, M1989 170mm self-propelled guns and Shahed drones were also seen.")
    weapons = {m.text: m.normalized for m in mentions(text) if m.label == "WEAPON"}
    assert weapons["KN-23"] == "KN-23"
    assert weapons["KN-24"] == "KN-24"
    assert weapons["Hwasong-11"] == "Hwasong-11"
    assert "ATACMS" in weapons and "HIMARS" in weapons
    assert weapons["Storm Shadow cruise missiles"] == "Storm Shadow"
    assert "Koksan" in weapons
    assert "M1989" in weapons
    assert "170mm self-propelled guns" in weapons
    assert "Shahed" in weapons


def test_places_and_nationalities() -> None:
    text = "North Koreans fought near Sudzha while Ukrainian drones struck Kursk and Kyiv."
    found = by_text(mentions(text))
    assert found["North Koreans"].label == "NORP"
    assert found["North Koreans"].normalized == "North Korean"
    assert found["Ukrainian"].label == "NORP"
    for place in ("Sudzha", "Kursk", "Kyiv"):
        assert found[place].label == "GPE"


def test_dates_are_normalized_against_the_publication_date() -> None:
    text = ("The strike came on January 18. Troops have been deployed since October 2024, "
            "a new wave arrived last week, the ministry said on Monday, and talks resumed "
            "on 3 December.")
    dates = {m.text: m.normalized for m in mentions(text) if m.label == "DATE"}
    assert dates["January 18"] == "2025-01-18"
    assert dates["October 2024"] == "2024-10"
    assert dates["last week"] == "2025-W03"
    assert dates["Monday"] == "2025-01-20"  # published on a Monday: that same day
    assert dates["3 December"] == "2024-12-03"


@pytest.mark.parametrize(("expression", "published", "expected"), [
    ("on January 18", date(2025, 1, 20), "2025-01-18"),
    ("since October 2024", date(2025, 1, 20), "2024-10"),
    ("last week", date(2025, 1, 20), "2025-W03"),
    ("on Friday", date(2024, 10, 18), "2024-10-18"),
    ("on Saturday", date(2025, 1, 5), "2025-01-04"),
    ("by 1 November", date(2024, 10, 18), "2024-11-01"),  # just ahead, not a year back
    ("December 23", date(2025, 1, 5), "2024-12-23"),
    ("mid-March", date(2025, 3, 31), "2025-03"),
    ("in 2024", date(2025, 6, 17), "2024"),
    ("yesterday", date(2025, 1, 20), "2025-01-19"),
    ("three months", date(2025, 1, 20), None),
    ("the days ahead", date(2025, 1, 20), None),
    ("January 18", None, None),  # relative to nothing: left alone
    ("24 October 2024", None, "2024-10-24"),
])
def test_normalize_date(expression: str, published: date | None, expected: str | None) -> None:
    assert normalize_date(expression, published) == expected


def test_ages_are_not_dates() -> None:
    text = "The 26-year-old prisoner was captured on January 9."
    dates = [m for m in mentions(text) if m.label == "DATE"]
    assert [m.text for m in dates] == ["January 9"]


def test_keys_and_provenance() -> None:
    found = mentions("Reuters quoted the Kremlin on Monday.")
    assert [m.key for m in found] == [f"m{i}" for i in range(1, len(found) + 1)]
    assert {m.extractor for m in found} == {"entities"}
    assert all(m.label in {"WIRE", "GOV", "DATE"} for m in found)


def test_a_known_place_does_not_cut_an_organisation_around_it() -> None:
    found = by_text(mentions("US Central Command said its ships shot down six drones over the Red Sea."))
    assert "US" not in found
    assert found["US Central Command"].label == "MILITARY"
    alone = by_text(mentions("The US said six drones were shot down."))
    assert alone["US"].label == "GPE" and alone["US"].normalized == "United States"


def test_a_document_noun_opening_a_sentence_is_no_name() -> None:
    # the small model calls a capitalised bare plural at the start of a sentence a person or
    # an organisation; documents, evidence and recovered items are never names on their own
    text = ("Memos recovered from the trench suggest the company was told to hold. "
            "Notebooks kept by two of the dead list their unit. Photos show the crossing. "
            "Reporters for the Post saw the Post's own Memos Kamau at the crossing.")
    found = by_text(mentions(text))
    assert "Memos" not in found and "Notebooks" not in found and "Photos" not in found
    assert found["Post"].label == "OUTLET"  # a name after an article stays
