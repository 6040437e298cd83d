"""Events extractor: actions with actor, target, place, weapon and date; attribution and hedges."""

from __future__ import annotations

from datetime import date

from claimgraph.extract.attributions import AttributionExtractor
from claimgraph.extract.base import Context
from claimgraph.extract.entities import EntityExtractor
from claimgraph.extract.events import EventExtractor
from claimgraph.extract.hedges import HedgeExtractor
from claimgraph.model import Event, Extraction

PUBLISHED = date(2025, 1, 20)  # a Monday


def run(text: str, published: date | None = PUBLISHED) -> Extraction:
    """Entities, attributions, hedges, then events, as the pipeline orders them."""
    ctx = Context(text=text, published=published, publisher="Example Wire")
    found = Extraction()
    for extractor in (EntityExtractor(), AttributionExtractor(use_learned=False), HedgeExtractor(),
                      EventExtractor()):
        extractor.extract(ctx, found)
    for event in found.events:
        assert text[event.start:event.end] == event.text
    return found


def events(text: str, published: date | None = PUBLISHED) -> list[Event]:
    return run(text, published).events


def test_noun_trigger_with_target_date_and_weapon() -> None:
    text = ("An aviation analyst believes the strike on Odesa on January 18 was carried out using "
            "a North Korean missile.")
    found = run(text)
    [event] = found.events
    assert event.action == "strike"
    assert event.target == "Odesa"
    assert event.when == date(2025, 1, 18)
    assert event.weapon == "North Korean missile"
    assert event.attribution_key is not None  # carried by the analyst's belief
    carrier = next(a for a in found.attributions if a.key == event.attribution_key)
    assert carrier.source is not None and "analyst" in carrier.source.text


def test_verb_trigger_with_actor_weapon_target_and_weekday() -> None:
    [event] = events("Russian forces launched a KN-23 at Kharkiv on Saturday.")
    assert event.action == "launch"
    assert event.actor == "Russian forces"
    assert event.weapon == "KN-23"
    assert event.target == "Kharkiv"
    assert event.when == date(2025, 1, 18)


def test_attack_with_place() -> None:
    [event] = events("North Korean troops attacked Ukrainian positions near Sudzha on January 9.")
    assert event.action == "attack"
    assert event.actor == "North Korean troops"
    assert event.target == "Ukrainian positions"
    assert event.place == "Sudzha"
    assert event.when == date(2025, 1, 9)
    assert event.attribution_key is None  # the author's own statement
    assert event.hedged is False


def test_deployment_of_troops_to_a_place() -> None:
    [event] = events("Pyongyang sent 1,500 special forces soldiers to Vladivostok in October 2024.")
    assert event.action == "deploy"
    assert event.actor == "Pyongyang"
    assert event.target is not None and event.target.endswith("soldiers")
    assert event.place == "Vladivostok"
    assert event.when == date(2024, 10, 1)  # month precision: the first day of the month


def test_passive_with_agent() -> None:
    [event] = events("The bridge at Kherson was struck by Russian artillery on Sunday.")
    assert event.action == "strike"
    assert event.actor == "Russian artillery"
    assert event.when == date(2025, 1, 19)


def test_hedged_event_and_attribution() -> None:
    found = run("Russia likely fired two KN-24 missiles at Dnipro, according to the air force.")
    [event] = found.events
    assert event.action == "launch"
    assert event.weapon == "two KN-24 missiles"
    assert event.target == "Dnipro"
    assert event.hedged is True
    assert event.attribution_key is not None


def test_unhedged_when_the_hedge_is_elsewhere() -> None:
    text = "It is unclear what comes next. Ukrainian drones hit an oil depot in Bryansk."
    [event] = events(text)
    assert event.place == "Bryansk"
    assert event.hedged is False


def test_precision_no_event_from_ordinary_uses_of_action_verbs() -> None:
    text = ("The police launched an investigation on Monday. The company fired its manager. "
            "Officials will strike a deal next month. Russia did not attack Kyiv. "
            "The board hit its targets.")
    assert events(text) == []


def test_runs_without_the_entities_extractor() -> None:
    ctx = Context(text="Ukrainian forces captured Sudzha in August.", published=PUBLISHED)
    found = Extraction()
    EventExtractor().extract(ctx, found)
    [event] = found.events
    assert event.action == "capture"
    assert event.target == "Sudzha"
    assert event.when == date(2024, 8, 1)
    assert found.mentions == []  # it used mentions of its own and left the record list alone
