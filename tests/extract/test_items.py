"""Items extractor: inventories split into items with quantity, kind and origin."""

from __future__ import annotations

from claimgraph.extract.attributions import AttributionExtractor
from claimgraph.extract.base import Context
from claimgraph.extract.entities import EntityExtractor
from claimgraph.extract.items import ItemExtractor
from claimgraph.model import Extraction, RecoveredItem


def run(text: str, with_attributions: bool = False) -> Extraction:
    ctx = Context(text=text, publisher="Example Daily")
    found = Extraction()
    extractors = [EntityExtractor()]
    if with_attributions:
        extractors.append(AttributionExtractor(use_learned=False))
    for extractor in (*extractors, ItemExtractor()):
        extractor.extract(ctx, found)
    for item in found.items:
        assert text[item.start:item.end] == item.text
    return found


def items(text: str) -> list[RecoveredItem]:
    return run(text).items


def rows(found: list[RecoveredItem]) -> list[tuple[float | None, str, str | None]]:
    return [(i.quantity, i.kind, i.origin) for i in found]


def test_among_the_findings_list() -> None:
    text = ("Among the findings were three notebooks, a Russian passport, a bayonet made in Belarus "
            "and several fake military IDs.")
    assert rows(items(text)) == [
        (3.0, "notebook", None),
        (1.0, "passport", "Russian"),
        (1.0, "bayonet", "Belarus"),
        (None, "fake military ID", None),  # "several": how many is not said
    ]


def test_also_recovered_were_with_bare_plurals_and_trailing_clause() -> None:
    text = ("Also recovered were helmets, a compass, two North Korean flags and a phone, "
            "probably issued before the deployment.")
    found = items(text)
    assert rows(found) == [
        (None, "helmet", None),
        (1.0, "compass", None),
        (2.0, "flag", "North Korean"),
        (1.0, "phone", None),
    ]
    assert found[2].text == "two North Korean flags"


def test_items_recovered_from_the_bodies_included() -> None:
    text = ("Items recovered from the bodies included a diary, 1,200 rubles and two Chinese-made "
            "radios.")
    assert rows(items(text)) == [
        (1.0, "diary", None),
        (1200.0, "ruble", None),
        (2.0, "radio", "Chinese"),
    ]


def test_they_found_list_after_a_bare_verb() -> None:
    text = "They found a map, a pair of binoculars and four SIM cards, the unit said."
    assert rows(items(text)) == [
        (1.0, "map", None),
        (2.0, "binoculars", None),
        (4.0, "SIM card", None),
    ]


def test_list_before_the_cue() -> None:
    text = "Two passports and a handwritten notebook were found near the trench."
    assert rows(items(text)) == [(2.0, "passport", None), (1.0, "handwritten notebook", None)]


def test_bare_verbs_without_an_inventory_make_no_items() -> None:
    text = ("Investigators found that the claim was false. He found it hard to explain. "
            "The team found a way forward.")
    assert items(text) == []


def test_items_are_linked_to_the_attribution_that_reports_them() -> None:
    text = ("Ukrainian officers told the newspaper that among the findings were two notebooks "
            "and a knife made in Ukraine.")
    found = run(text, with_attributions=True)
    assert rows(found.items) == [(2.0, "notebook", None), (1.0, "knife", "Ukraine")]
    keys = {item.attribution_key for item in found.items}
    assert len(keys) == 1 and None not in keys
    carrier = next(a for a in found.attributions if a.key in keys)
    assert carrier.source is not None and "officers" in carrier.source.text


def test_keys_are_unique_and_ordered() -> None:
    text = "Among the finds were a shovel and a knife. Also recovered were two helmets."
    found = items(text)
    assert [i.key for i in found] == ["i1", "i2", "i3"]
    assert [i.start for i in found] == sorted(i.start for i in found)
