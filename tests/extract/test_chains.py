"""Reporting chains: nesting, relays, wire credits and the chain API other extractors use."""

from __future__ import annotations

import pytest

from claimgraph.extract.attributions import AttributionExtractor
from claimgraph.extract.attributions.chains import chain_links, enclosing_attribution, source_chain
from claimgraph.extract.base import Context
from claimgraph.model import Attribution, Extraction, Span

PUBLISHER = "Harbour Gazette"


def run(text: str) -> Extraction:
    found = Extraction()
    AttributionExtractor(use_learned=False).extract(Context(text=text, publisher=PUBLISHER), found)
    return found


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_three_link_relay_chain_with_its_own_cues() -> None:
    text = ("The Valley Herald, citing the Coastal Courier, which quotes a ferry captain who said "
            "the harbour had been mined, urged caution.")
    found = run(text)
    inner = enclosing_attribution(found, *at(text, "the harbour had been mined"))
    assert inner is not None
    links = chain_links(found, inner)
    assert [link.cue.text for link in links if link.cue] == ["citing", "quotes", "said"]
    assert source_chain(found, inner, PUBLISHER) == [PUBLISHER, "Coastal Courier", "ferry captain"]
    for link in links:
        assert text[link.cue.start:link.cue.end] == link.cue.text


def test_reported_citing_nests_the_cited_source() -> None:
    text = "The Valley Herald reported, citing the port authority, that 14 containers were lost."
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "14"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Valley Herald", "port authority"]


def test_told_an_agency_after_a_briefing() -> None:
    text = ("Opposition senator Hana Kowal told Reuters, after a closed-door UNHCR briefing, that "
            "2,000 refugees had crossed the border.")
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "2,000"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Reuters", "Hana Kowal", "UNHCR"]


def test_inner_speech_nests_under_outer_speech() -> None:
    text = "The newspaper reported that the minister had said the border would stay closed."
    found = run(text)
    reported = next(a for a in found.attributions if a.cue and a.cue.text == "reported")
    said = next(a for a in found.attributions if a.cue and a.cue.text == "had said")
    assert said.parent_key == reported.key
    assert reported.parent_key is None
    assert source_chain(found, said, PUBLISHER) == [PUBLISHER, "newspaper", "minister"]


def test_according_to_inside_a_reported_clause_nests() -> None:
    text = "The mayor said that, according to the police, 30 cars were burned."
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "30"))
    assert carrier is not None and carrier.kind == "according_to"
    said = next(a for a in found.attributions if a.cue and a.cue.text == "said")
    assert carrier.parent_key == said.key
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "mayor", "police"]


def test_dateline_wire_credit_relays_every_statement() -> None:
    text = "OSLO (AFP) — About 200 workers went on strike on Monday, union leaders said.\n\nTalks resume soon."
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "200"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "AFP", "union leaders"]
    later = enclosing_attribution(found, *at(text, "Talks resume"))
    assert source_chain(found, later, PUBLISHER) == [PUBLISHER, "AFP"]


def test_unattributed_text_has_the_publisher_alone() -> None:
    text = "The bridge reopened on Tuesday after 12 days of repairs."
    found = run(text)
    assert enclosing_attribution(found, *at(text, "12")) is None
    assert source_chain(found, None, PUBLISHER) == [PUBLISHER]


def _record(key: str, text: str, cue: tuple[int, int], content: tuple[int, int],
            source: tuple[int, int] | None, parent: str | None, kind: str = "indirect",
            name: str | None = None) -> Attribution:
    spans = [cue, content] + ([source] if source else [])
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return Attribution(key=key, start=start, end=end, text=text[start:end], extractor="test",
                       extractor_version="0", cue=Span.of(text, *cue),
                       source=Span.of(text, *source) if source else None,
                       content=[Span.of(text, *content)], kind=kind, source_name=name, parent_key=parent)


def test_chain_walk_skips_sourceless_links_and_repeated_names() -> None:
    text = "Agency X said it is believed that Agency X found 5 bodies."
    found = Extraction(attributions=[
        _record("a1", text, (9, 13), (14, len(text) - 1), (0, 8), None, name="Agency X"),
        _record("a2", text, (17, 28), (29, len(text) - 1), None, "a1", kind="sourceless"),
        _record("a3", text, (43, 48), (49, len(text) - 1), (34, 42), "a2", name="Agency X"),
    ])
    inner = enclosing_attribution(found, *at(text, "5"))
    assert inner is not None and inner.key == "a3"
    assert [a.key for a in chain_links(found, inner)] == ["a1", "a2", "a3"]
    assert source_chain(found, inner, "Wire") == ["Wire", "Agency X"]
    assert source_chain(found, inner, None) == ["Agency X"]


# ---------------------------------------------------------------- relays without cues, across sentences


def test_told_an_outlet_is_a_link_without_a_cue_of_its_own() -> None:
    text = "Senator Mira Holt told Reuters that 300 families had been moved."
    found = run(text)
    told = [a for a in found.attributions if a.cue is not None and a.cue.text == "told"]
    assert len(told) == 1 and told[0].source is not None
    assert told[0].source.text == "Senator Mira Holt"
    relay = next(a for a in found.attributions if a.key == told[0].parent_key)
    assert relay.cue is None and relay.source is not None and relay.source.text == "Reuters"
    cues = [(a.cue.start, a.cue.end) for a in found.attributions if a.cue is not None]
    assert len(cues) == len(set(cues)), "two attributions share one cue span"


def test_dateline_credit_has_no_cue_span() -> None:
    text = "OSLO (AFP) — About 200 workers went on strike on Monday."
    found = run(text)
    credit = enclosing_attribution(found, *at(text, "200"))
    assert credit is not None and credit.cue is None
    assert credit.source is not None and credit.source.text == "AFP"


def test_outlet_relays_the_speakers_other_statements_before_and_after() -> None:
    text = ("Harbour master Piet Vos says 40 ships are waiting outside the port.\n\n"
            "Speaking to the weekly Coastal Review, Vos said 12 of them carry grain. "
            "He added that 3 tugs were out of service.")
    found = run(text)
    for figure in ("40", "12", "3 tugs"):
        carrier = enclosing_attribution(found, *at(text, figure))
        assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Coastal Review", "Piet Vos"], figure


def test_speaker_passing_on_an_agency_keeps_it_as_the_origin() -> None:
    text = ("About 500 homes were flooded, according to the fire service, as relayed by councillor "
            "Ada Lind.\n\nLind said the figure compares with 200 homes last spring.")
    found = run(text)
    lead = enclosing_attribution(found, *at(text, "500"))
    assert source_chain(found, lead, PUBLISHER) == [PUBLISHER, "Ada Lind", "fire service"]
    later = enclosing_attribution(found, *at(text, "200 homes"))
    assert source_chain(found, later, PUBLISHER) == [PUBLISHER, "Ada Lind", "fire service"]
    spread = next(a for a in chain_links(found, later) if a.source_name == "fire service")
    assert spread.cue is None  # the words that set up the relation are in another sentence


def test_headline_colon_names_the_source() -> None:
    text = "Vos: 40 ships stuck outside the harbour.\n\nThe port stayed closed on Monday."
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "40"))
    assert carrier is not None and carrier.cue is not None and carrier.cue.text == ":"
    assert carrier.source is not None and carrier.source.text == "Vos"
    assert [c.text for c in carrier.content] == ["40 ships stuck outside the harbour"]


def test_line_labels_are_not_sources() -> None:
    text = "UPDATE: 40 ships stuck outside the harbour.\n\nThe port stayed closed on Monday."
    found = run(text)
    assert enclosing_attribution(found, *at(text, "40")) is None


def test_valuation_keeps_its_figure_when_the_parse_hangs_it_lower() -> None:
    text = ("Mayor Ines Duarte spoke on Monday. On Tuesday she put the number of workers the firm "
            "intended to hire at around ten thousand.")
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "around ten thousand"))
    assert carrier is not None and carrier.cue is not None and carrier.cue.text == "put"
    assert source_chain(found, carrier, PUBLISHER)[-1] == "Ines Duarte"


def test_interview_published_by_an_outlet_relays_the_speaker() -> None:
    text = ("In an interview published by the Valley Times on Friday, the 40-year-old, identified "
            "only by his surname Okafor, said 30 people had left the village.")
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "30"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Valley Times", "Okafor"]


# ---------------------------------------------------------------- held-out weaknesses, on our own sentences


def run_with_entities(text: str) -> Extraction:
    """Entities first, as in the pipeline: some names come from their mentions and labels."""
    from claimgraph.extract.entities import EntityExtractor

    found = Extraction()
    ctx = Context(text=text, publisher=PUBLISHER)
    EntityExtractor().extract(ctx, found)
    AttributionExtractor(use_learned=False).extract(ctx, found)
    return found


def origin_of(text: str, figure: str, entities: bool = False) -> list[str]:
    found = run_with_entities(text) if entities else run(text)
    return source_chain(found, enclosing_attribution(found, *at(text, figure)), PUBLISHER)


def test_possessive_organisation_keeps_its_whole_name() -> None:
    text = "Norway's Joint Operational Headquarters said on Monday that 14 fishing boats had been seized."
    assert origin_of(text, "14", entities=True) == [PUBLISHER, "Norway's Joint Operational Headquarters"]
    text = "Chile's Ministry of Defence said 60 sailors were rescued."
    assert origin_of(text, "60", entities=True) == [PUBLISHER, "Chile's Ministry of Defence"]


def test_possessive_determiner_of_a_document_resolves_or_makes_no_source() -> None:
    text = "The relief agency now puts the number of displaced people at 9,000, up from about 4,000 in its March bulletin."
    assert origin_of(text, "4,000") == [PUBLISHER, "relief agency"]
    text = "The relief agency now counts 9,000 displaced people, up from about 4,000 in its March bulletin."
    assert origin_of(text, "4,000") == [PUBLISHER]  # "its" points at no source: no attribution
    text = "Food prices rose by a third, up from 200 in their last survey."
    found = run(text)
    assert all(a.source is None or a.source.text not in ("its", "their") or a.source_name
               for a in found.attributions)
    assert "their" not in origin_of(text, "200")


def test_relative_which_skips_a_pronoun_antecedent() -> None:
    for owner in ("Chile's Office of Emergencies", "the Coastal Monitoring Office"):
        text = f"The count agrees with those of {owner}, which put the number of wrecks at 37."
        origin = origin_of(text, "37", entities=True)[-1]
        assert origin in ("Chile's Office of Emergencies", "Coastal Monitoring Office"), origin


def test_document_noun_stands_for_its_issuer() -> None:
    text = ("The Harbour Authority released an update on Friday. The update said 35 cranes had been "
            "damaged in the storm.")
    found = run_with_entities(text)
    carrier = enclosing_attribution(found, *at(text, "35"))
    assert carrier is not None and carrier.source is not None and carrier.source.text == "The update"
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Harbour Authority"]
    text = ("Inspectors from the Valley Water Board examined the dam. Preliminary findings suggested "
            "11 valves had failed.")
    assert origin_of(text, "11", entities=True) == [PUBLISHER, "Valley Water Board"]
    text = "According to reports, 30 houses burned."  # bare "reports" is nobody's document
    assert origin_of(text, "30") == [PUBLISHER, "reports"]


def test_briefing_by_an_agency_is_the_origin() -> None:
    text = "Councillors said 800 homes had lost power, after a closed-door briefing by the Grid Agency."
    assert origin_of(text, "800") == [PUBLISHER, "Councillors", "Grid Agency"]


def test_based_on_the_findings_of_names_the_origin() -> None:
    text = "The insurer said 120 vehicles were written off, based on the findings of Delta Surveyors."
    assert origin_of(text, "120") == [PUBLISHER, "insurer", "Delta Surveyors"]


def test_trailing_citing_names_the_origin() -> None:
    text = "About 70 trucks crossed the border overnight, the Valley Herald reported, citing customs officers."
    assert origin_of(text, "70") == [PUBLISHER, "Valley Herald", "customs officers"]
    text = "Some 90 workers were hurt, the manager said, citing hospital assessments."
    assert origin_of(text, "90") == [PUBLISHER, "manager", "hospital assessments"]


def test_subject_of_cited_relays_the_cited_speaker() -> None:
    text = "The Lake Institute cited a local fisherman who claimed that 45 nets had been cut."
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "45"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Lake Institute", "local fisherman"]
    cues = [(a.cue.start, a.cue.end) for a in found.attributions if a.cue is not None]
    assert len(cues) == len(set(cues)), "two attributions share one cue span"


def test_statement_runs_on_after_a_trailing_cue() -> None:
    text = "Eleven rockets hit the port, it said, with only two hitting the docks."
    carrier = enclosing_attribution(run(text), *at(text, "two"))
    assert carrier is not None and carrier.cue is not None and carrier.cue.text == "said"
    text = "Another 9 miners were found on Tuesday, the rescue chief said, bringing the total to 31."
    assert origin_of(text, "31") == [PUBLISHER, "rescue chief"]
    text = "Another 9 miners were found, the rescue chief said, adding that 4 were still missing."
    found = run(text)
    added = enclosing_attribution(found, *at(text, "4 were"))
    assert added is not None and added.cue is not None and added.cue.text == "adding"


def test_relative_clause_between_source_and_cue() -> None:
    text = "A hospital doctor, who spoke on condition of anonymity, put the death toll above 120."
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "120"))
    assert carrier is not None and carrier.source is not None
    assert carrier.source.text.startswith("A hospital doctor")
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "hospital doctor"]


def test_an_actors_plan_is_not_a_source_of_the_figure() -> None:
    text = "The shipyard intends to hire 600 more welders."
    found = run(text)
    plan = next(a for a in found.attributions if a.cue is not None and a.cue.text == "intends")
    assert plan.kind == "plan" and plan.source is not None and plan.source.text == "The shipyard"
    assert source_chain(found, enclosing_attribution(found, *at(text, "600")), PUBLISHER) == [PUBLISHER]
    text = "The shipyard intends to hire 600 more welders, the union said."
    assert origin_of(text, "600") == [PUBLISHER, "union"]


def test_the_agency_prefers_a_speaker_to_a_news_agency_that_carried_a_statement() -> None:
    text = ("The governor said in a statement carried by Reuters that the roads were closed. "
            "Norway's Police Security Service said 25 suspects had been detained. "
            "The agency said 6 of them were later released.")
    assert origin_of(text, "6 of", entities=True)[-1] == "Norway's Police Security Service"
    text = "Reuters said 300 homes were damaged. The news agency said another 40 were destroyed."
    assert origin_of(text, "40", entities=True)[-1] == "Reuters"


def test_names_stay_as_written_and_abbreviations_are_spelled_out() -> None:
    text = "Russia's Defense Ministry said 80 drones were shot down overnight."
    assert origin_of(text, "80", entities=True)[-1] == "Russia's Defense Ministry"
    text = ("Clashes between the army and the Northern Liberation Front (NLF) went on. "
            "The NLF said it had captured 120 soldiers.")
    assert origin_of(text, "120", entities=True)[-1] == "Northern Liberation Front"


def test_a_spoken_commitment_stays_a_source() -> None:
    text = "The mayor vowed to rebuild 300 homes by winter."
    assert origin_of(text, "300") == [PUBLISHER, "mayor"]


def test_according_to_then_citing_keeps_the_order_of_the_chain() -> None:
    text = "The ferry carried 140 passengers, according to the Valley Herald, citing port officials."
    assert origin_of(text, "140") == [PUBLISHER, "Valley Herald", "port officials"]


# ---------------------------------------------------------------- re-reports of another outlet


def test_speaker_who_talked_to_the_newspaper_speaks_through_it() -> None:
    text = ("The Valley Times reported on Monday that the clinic had closed.\n\n"
            "A nurse at the clinic, who gave the newspaper only her first name, Mira, said 40 beds "
            "stood empty. She said 12 doctors had left.")
    for figure in ("40 beds", "12 doctors"):
        assert origin_of(text, figure, entities=True) == [PUBLISHER, "Valley Times", "Mira"], figure


@pytest.mark.parametrize("clause", [
    "who spoke to the paper on condition of anonymity",
    "who was interviewed by the paper",
])
def test_relative_clause_naming_the_outlet_makes_it_a_relay(clause: str) -> None:
    text = (f"The Valley Times reported on Monday that the clinic had closed.\n\n"
            f"A nurse {clause} said 40 beds stood empty.")
    assert origin_of(text, "40", entities=True)[:2] == [PUBLISHER, "Valley Times"]


def test_people_the_lead_says_an_outlet_cited_speak_through_it() -> None:
    text = ("Engineers have found cracks in the Valley Dam, the Coastal Courier reported, citing "
            "officials who inspected the site.\n\n"
            "One official said the cracks had widened by 40 centimetres since March.")
    assert origin_of(text, "40 centimetres")[:2] == [PUBLISHER, "Coastal Courier"]
    text = ("Rebels have seized two villages near the river, the Coastal Courier reported on Sunday, "
            "citing fighters who took part in the assault.\n\n"
            "A sniper with the northern brigade, Tarik, said 30 defenders had fled. "
            '"We took 12 prisoners," Tarik said.')
    for figure in ("30", "12"):
        assert origin_of(text, figure) == [PUBLISHER, "Coastal Courier", "Tarik"], figure


def test_someone_the_outlet_did_not_cite_keeps_a_chain_of_their_own() -> None:
    text = ("Engineers have found cracks in the Valley Dam, the Coastal Courier reported, citing "
            "officials who inspected the site.\n\n"
            "The regional governor said 300 families would be moved.")
    assert origin_of(text, "300") == [PUBLISHER, "regional governor"]


# -- a later sentence naming where a figure came from


@pytest.mark.parametrize("provenance", [
    "The 40 figure came from local volunteers, including the rescue group Harbour Watch, which counted the boats.",
    "The figure was first reported by Harbour Watch, a volunteer rescue group.",
    "That 40 toll originated with Harbour Watch.",
])
def test_a_later_sentence_naming_the_figures_origin_replaces_a_vague_source(provenance: str) -> None:
    text = ("Rumours are spreading on the waterfront that 40 fishing boats were sunk in the storm.\n\n"
            f"{provenance}")
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "40"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Harbour Watch"]


def test_a_named_origin_nests_under_a_named_relay() -> None:
    text = ("The Valley Herald reported that 40 fishing boats were sunk in the storm.\n\n"
            "The 40 figure came from Harbour Watch, a volunteer rescue group.")
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "40"))
    assert source_chain(found, carrier, PUBLISHER) == [PUBLISHER, "Valley Herald", "Harbour Watch"]


def test_a_provenance_sentence_leaves_other_numbers_alone() -> None:
    text = ("Rumours say 40 fishing boats were sunk and 12 crew are missing.\n\n"
            "The 40 figure came from Harbour Watch.")
    found = run(text)
    carrier = enclosing_attribution(found, *at(text, "12"))
    assert "Harbour Watch" not in source_chain(found, carrier, PUBLISHER)


def test_a_headline_clause_after_a_semicolon_is_not_part_of_the_source() -> None:
    text = "Unverified reports claim 40 boats sank in the storm; coastguard 'watching closely'"
    found = run(text)
    claim = next(a for a in found.attributions if a.cue and a.cue.text == "claim")
    assert claim.source is not None and claim.source.text == "Unverified reports"


@pytest.mark.parametrize("text, figure, chain", [
    ("The Harbour Post quoted a port official as saying that 14 ships had been turned away.", "14",
     ["Harbour Post", "port official"]),
    ("The Valley Times, quoting a source in the River Defence Directorate, said 30 boats were sunk.", "30",
     ["Valley Times", "River Defence Directorate"]),
    ("According to a Coastal Agency report cited by the Valley Times, at least 50 people drowned.", "50",
     ["Valley Times", "Coastal Agency"]),
    ("Estimates from Norwegian officials put the losses at 300, the Valley Times reported.", "300",
     ["Valley Times", "Norwegian officials"]),
    ("A spokesman for the Delta Alliance said 18 drones were launched.", "18", ["Delta Alliance"]),
    ("Analysts at the Northern Policy Institute believe 2,000 workers were sent.", "2,000",
     ["Northern Policy Institute"]),
])
def test_who_passes_on_whom(text: str, figure: str, chain: list[str]) -> None:
    assert origin_of(text, figure, entities=True) == [PUBLISHER, *chain]


def test_a_nationality_names_an_organisation_but_not_a_person_role() -> None:
    text = ("Petro Koval, the Ukrainian president, said the front was holding. Militia media said 45 people "
            "died, a claim the Israeli military said it was reviewing. The Ukrainian president said 12 were hurt.")
    found = run_with_entities(text)
    names = {a.source.text: a.source_name for a in found.attributions if a.source is not None}
    assert names["the Israeli military"] == "Israeli military"
    assert names["The Ukrainian president"] == "Petro Koval"


def test_reports_joined_by_and_or_although_stand_side_by_side() -> None:
    text = ("Aid workers in the city told the Valley Times that at least 30 civilians were killed over the "
            "weekend, and a local doctor said the main clinic had received 112 wounded.")
    assert origin_of(text, "30") == [PUBLISHER, "Valley Times", "Aid workers in the city"]
    assert origin_of(text, "112") == [PUBLISHER, "local doctor"]
    text = ("The relief office estimates that more than 15,000 people have died, although some researchers "
            "believe the true toll may be 40,000.")
    assert origin_of(text, "15,000") == [PUBLISHER, "relief office"]
    assert origin_of(text, "40,000") == [PUBLISHER, "researchers"]


def test_wire_datelines_with_a_date_relay_the_whole_story() -> None:
    text = ("PORT CITY, Jan 5 (Reuters) - Air strikes killed at least 27 people across the district on "
            "Sunday, health officials said, as the military said it had hit more than 100 sites.")
    assert origin_of(text, "27", entities=True) == [PUBLISHER, "Reuters", "health officials"]
    assert origin_of(text, "100", entities=True) == [PUBLISHER, "Reuters", "military"]


def test_a_subject_after_but_is_not_lost_to_the_first_clause() -> None:
    text = ("The ministry has not disclosed its losses, but the independent outlet Riverwatch, working with "
            "the Valley Times, has confirmed the names of more than 9,000 soldiers killed.")
    chain = origin_of(text, "9,000", entities=True)
    assert chain[:1] == [PUBLISHER] and len(chain) == 2 and "Riverwatch" in chain[1]


@pytest.mark.parametrize("text, figure, chain", [
    (("The Delta Front claimed in a message relayed by the Harbour Monitoring Group that its fighters had "
     "killed 40 soldiers."), "40", ["Harbour Monitoring Group", "Delta Front"]),
    ("The press service of the Southern Military District reported that air defences had destroyed 28 drones.",
     "28", ["Southern Military District"]),
    ("Local residents, reached by phone, said they had counted at least 60 bodies.", "60", ["Local residents"]),
    ("The relief agency said convoys were blocked. Per the agency's tally, 1,024 people have been killed.",
     "1,024", ["relief agency"]),
])
def test_carriers_press_services_asides_and_per(text: str, figure: str, chain: list[str]) -> None:
    assert origin_of(text, figure, entities=True) == [PUBLISHER, *chain]


def test_per_a_unit_is_not_a_source() -> None:
    found = run("Troops fired about 3,000 shells per day in March.")
    assert not [a for a in found.attributions if a.cue is not None and a.cue.text.lower() == "per"]


@pytest.mark.parametrize("text, name", [
    ("Rebels in Myanmar's Shan state said they had captured 150 soldiers.", "Rebels in Myanmar's Shan state"),
    ("14:05 - Coastal forces said they had struck 12 targets.", "Coastal forces"),
    ("MAJ. GEN. PAK: We estimate that about 300 of our soldiers have been wounded.", "Pak"),
])
def test_groups_by_place_live_blog_stamps_and_transcript_labels(text: str, name: str) -> None:
    found = run_with_entities(text)
    assert found.attributions and found.attributions[0].source_name == name
