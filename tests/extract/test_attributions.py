"""The attribution extractor on sentences written for these tests, with the real spaCy pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.attributions import AttributionExtractor, merge_learned
from claimgraph.extract.attributions.drafts import Draft
from claimgraph.extract.attributions.quotes import find_quotes
from claimgraph.extract.base import Context
from claimgraph.model import Attribution, Extraction, Span


def extract(text: str, publisher: str | None = "Harbour Gazette") -> list[Attribution]:
    found = Extraction()
    AttributionExtractor(use_learned=False).extract(Context(text=text, publisher=publisher), found)
    return found.attributions


def by_cue(attributions: list[Attribution], cue: str) -> Attribution:
    matches = [a for a in attributions if a.cue is not None and a.cue.text == cue]
    assert matches, f"no attribution with cue {cue!r} in {[a.cue.text for a in attributions if a.cue]}"
    return matches[0]


def contents(attribution: Attribution) -> list[str]:
    return [c.text for c in attribution.content]


def assert_spans_slice(text: str, attributions: list[Attribution]) -> None:
    for a in attributions:
        spans = [s for s in (a.cue, a.source, *a.content) if s is not None]
        for span in spans:
            assert text[span.start:span.end] == span.text
        assert a.start == min(s.start for s in spans)
        assert a.end == max(s.end for s in spans)
        assert text[a.start:a.end] == a.text


# ---------------------------------------------------------------- quotes


@pytest.mark.parametrize("opening, closing", [
    ('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"),
])
def test_direct_quote_in_every_mark_style(opening: str, closing: str) -> None:
    quote = f"{opening}The bridge will hold until spring,{closing}"
    text = f"{quote} the engineer said on Monday."
    found = extract(text)
    said = by_cue(found, "said")
    assert contents(said) == [quote]
    assert said.source is not None and said.source.text == "the engineer"
    assert said.kind == "direct"
    assert_spans_slice(text, found)


def test_quote_after_colon_and_multi_sentence_quote() -> None:
    text = 'Colonel Anna Berg said: "The road is open. We moved two trucks through it."'
    said = by_cue(extract(text), "said:")
    assert contents(said) == ['"The road is open. We moved two trucks through it."']
    assert said.source_name == "Anna Berg"


def test_multi_paragraph_quote_joins_paragraphs() -> None:
    text = ('The mayor, Tomas Reyes, said: "We lost power in the east of the city.\n\n'
            '"Repairs start tomorrow and will take a week."\n\nThe weather stayed mild.')
    found = extract(text)
    said = by_cue(found, "said:")  # PolNeAR's cue keeps the colon that follows it
    assert contents(said) == ['"We lost power in the east of the city.',
                              '"Repairs start tomorrow and will take a week."']
    assert said.kind == "direct"
    assert_spans_slice(text, found)


def test_quote_continued_after_the_cue_is_one_attribution() -> None:
    text = '"The harvest was poor," the farmer said. "We will need help before winter."'
    found = extract(text)
    said = by_cue(found, "said")
    assert contents(said) == ['"The harvest was poor,"', '"We will need help before winter."']
    assert len(found) == 1


def test_quote_finder_joins_paragraph_continuations_and_skips_apostrophes() -> None:
    text = "He said ‘we don’t know’ and left.\n\n“One.\n\n“Two.”"
    groups = find_quotes(text)
    assert [[text[s:e] for s, e in g.segments] for g in groups] == [["‘we don’t know’"], ["“One.", "“Two.”"]]


# ---------------------------------------------------------------- indirect, according to, sourceless, belief


def test_indirect_speech_keeps_the_complementiser_like_polnear() -> None:
    text = "The harbour master said that three ships had left the port overnight."
    said = by_cue(extract(text), "said")
    assert said.source is not None and said.source.text == "The harbour master"
    assert contents(said) == ["that three ships had left the port overnight"]
    assert said.kind == "indirect"


def test_told_and_warned_and_coordinated_added_share_the_source() -> None:
    text = ("Governor Lena Marsh told reporters the dam was safe and added that inspections "
            "would continue. She warned that heavy rain could flood the valley.")
    found = extract(text)
    told = by_cue(found, "told")
    added = by_cue(found, "added")
    warned = by_cue(found, "warned")
    assert contents(told) == ["the dam was safe"]
    assert contents(added) == ["that inspections would continue"]
    assert told.source == added.source
    assert warned.source is not None and warned.source.text == "She"
    assert warned.source_name == "Lena Marsh"


def test_according_to_takes_the_rest_of_the_clause() -> None:
    text = "According to the fire service, 40 homes were damaged in the storm."
    found = extract(text)
    according = by_cue(found, "According to")
    assert according.kind == "according_to"
    assert according.source is not None and according.source.text == "the fire service"
    assert contents(according) == ["40 homes were damaged in the storm"]


def test_sourceless_passives() -> None:
    text = ("It was reported that the ferry had been delayed. It is noted that the crew was safe. "
            "The convoy is expected to arrive on Friday.")
    found = extract(text)
    reported = by_cue(found, "was reported")
    noted = by_cue(found, "is noted")
    expected = by_cue(found, "is expected")
    for a in (reported, noted, expected):
        assert a.kind == "sourceless"
        assert a.source is None
    assert contents(reported) == ["that the ferry had been delayed"]
    assert contents(expected) == ["The convoy", "to arrive on Friday"]
    assert_spans_slice(
        "It was reported that the ferry had been delayed. It is noted that the crew was safe. "
        "The convoy is expected to arrive on Friday.", found)


def test_beliefs_plans_and_findings() -> None:
    text = ("The ministry believes the outbreak is contained. The company plans to close two "
            "factories. The inspection records indicate that the valves were never replaced. "
            "Economist Priya Nair estimates that prices will rise.")
    found = extract(text)
    believes = by_cue(found, "believes")
    plans = by_cue(found, "plans")
    indicate = by_cue(found, "indicate")
    estimates = by_cue(found, "estimates")
    assert believes.kind == "belief" and contents(believes) == ["the outbreak is contained"]
    assert plans.kind == "plan" and contents(plans) == ["to close two factories"]
    assert indicate.source is not None and indicate.source.text == "The inspection records"
    assert contents(indicate) == ["that the valves were never replaced"]
    assert estimates.source_name == "Priya Nair"


def test_ordinary_verbs_are_not_attributions() -> None:
    text = "The river rose by two metres and the bridge closed at noon."
    assert extract(text) == []


# ---------------------------------------------------------------- sources and coreference


def test_pronoun_and_role_sources_resolve_to_the_named_source() -> None:
    text = ("Harbour commissioner Ines Alvarez said the pier would reopen. The commissioner added "
            "that repairs were funded. The Coastal Safety Agency said it had inspected the pier. "
            "The agency said the work met its standards. He said the tolls would stay.")
    found = extract(text)
    added = by_cue(found, "added")
    assert added.source is not None and added.source.text == "The commissioner"
    assert added.source_name == "Ines Alvarez"
    agency = next(a for a in found if a.source is not None and a.source.text == "The agency")
    assert agency.source_name == "Coastal Safety Agency"
    he = next(a for a in found if a.source is not None and a.source.text == "He")
    assert he.source_name == "Ines Alvarez"


def test_titles_and_descriptions_are_stripped_from_source_names() -> None:
    text = "Veteran border guard officer Pavel Dorn said the crossing was closed."
    said = by_cue(extract(text), "said")
    assert said.source is not None and said.source.text == "Veteran border guard officer Pavel Dorn"
    assert said.source_name == "Pavel Dorn"


# ---------------------------------------------------------------- spans, records, merge


def test_records_carry_name_version_and_unique_keys() -> None:
    text = "The clerk said the files were lost. According to the archive, nothing was copied."
    found = extract(text)
    assert len({a.key for a in found}) == len(found) == 2
    assert all(a.extractor == "attributions" and a.extractor_version for a in found)
    assert_spans_slice(text, found)


SPEAKERS = ["the guard", "Officer Lin Hale", "a spokeswoman", "the city council", "they"]
CUES = ["said", "told journalists", "claimed", "warned", "added"]
CLAUSES = ["the gate was locked", "that 12 people were missing", "the road had been cleared",
           "prices would fall by spring"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SPEAKERS), st.sampled_from(CUES), st.sampled_from(CLAUSES),
       st.sampled_from(["", "Earlier today, ", "In a statement, "]),
       st.sampled_from(['"', "“", "«"]), st.booleans())
def test_spans_always_slice_the_text(speaker: str, cue: str, clause: str, opener: str,
                                     mark: str, quoted: bool) -> None:
    closing = {'"': '"', "“": "”", "«": "»"}[mark]
    if quoted:
        text = f"{opener}{mark}{clause.capitalize()},{closing} {speaker} {cue.split()[0]}.\n\nThe end came."
    else:
        text = f"{opener}{speaker.capitalize() if not opener else speaker} {cue} {clause}."
    found = extract(text)
    if cue.startswith(("said", "told")) or quoted:
        assert found, text
    assert_spans_slice(text, found)
    for a in found:
        assert a.cue is not None and a.content


def test_merge_keeps_rule_cues_and_adds_other_learned_ones() -> None:
    text = "The pilot said the runway was wet. Critics fear delays."
    rules = [Draft(cue=(10, 14), source=(0, 9), content=[(15, 33)], kind="indirect")]
    learned = [
        Attribution(key="x1", start=0, end=33, text=text[:33], extractor="learned", extractor_version="1",
                    cue=Span.of(text, 10, 14), source=Span.of(text, 0, 9), content=[Span.of(text, 15, 33)]),
        Attribution(key="x2", start=35, end=53, text=text[35:53], extractor="learned", extractor_version="1",
                    cue=Span.of(text, 43, 47), source=Span.of(text, 35, 42), content=[Span.of(text, 48, 54)]),
    ]
    merged = merge_learned(rules, learned, text)
    assert [text[d.cue[0]:d.cue[1]] for d in merged] == ["said", "fear"]
    assert merged[0] is rules[0]
    assert merged[1].origin == "learned"


def test_merge_takes_the_learned_cue_boundaries_and_keeps_the_rule_record() -> None:
    text = "The pilot told reporters the runway was wet."
    told = text.index("told")
    rule = Draft(cue=(told, told + 4), source=(0, 9), content=[(25, 43)], kind="indirect")
    wider = Attribution(key="x1", start=0, end=43, text=text[:43], extractor="learned", extractor_version="1",
                        cue=Span.of(text, told, told + 14), source=Span.of(text, 4, 9),
                        content=[Span.of(text, 29, 43)], kind="mixed")
    merged = merge_learned([rule], [wider], text)
    assert merged == [rule]
    assert text[rule.cue[0]:rule.cue[1]] == "told reporters"
    assert (rule.source, rule.content, rule.kind) == ((0, 9), [(25, 43)], "indirect")


def test_merge_leaves_cues_alone_when_the_learned_cue_spans_two_rule_cues() -> None:
    text = "Officials said and warned that the dam was weak."
    said, warned = text.index("said"), text.index("warned")
    rules = [Draft(cue=(said, said + 4), source=(0, 9), content=[(31, 47)]),
             Draft(cue=(warned, warned + 6), source=(0, 9), content=[(31, 47)])]
    joined = Attribution(key="x1", start=0, end=47, text=text[:47], extractor="learned", extractor_version="1",
                         cue=Span.of(text, said, warned + 6), source=Span.of(text, 0, 9),
                         content=[Span.of(text, 31, 47)])
    merged = merge_learned(rules, [joined], text)
    assert [text[d.cue[0]:d.cue[1]] for d in merged] == ["said", "warned"]


def test_learned_cue_over_a_cue_less_link_is_added_not_absorbed() -> None:
    text = "Kyiv, Reuters - The mayor said the bridge was shut."
    link = Draft(cue=(6, 13), source=(6, 13), content=[(16, 50)], show_cue=False)
    learned = Attribution(key="x1", start=6, end=50, text=text[6:50], extractor="learned", extractor_version="1",
                          cue=Span.of(text, 6, 13), source=None, content=[Span.of(text, 16, 50)])
    merged = merge_learned([link], [learned], text)
    assert len(merged) == 2 and merged[0] is link and link.cue == (6, 13)
    assert merged[1].origin == "learned"


# ---------------------------------------------------------------- names and reduced passives


def test_surname_and_pronoun_resolve_to_the_full_name() -> None:
    text = ("Fisheries minister Tomas Ekberg said the quota would fall. Ekberg said boats would be "
            "paid off. He said talks would resume in May.")
    found = extract(text)
    names = [a.source_name for a in found if a.cue is not None and a.cue.text == "said"]
    assert names == ["Tomas Ekberg", "Tomas Ekberg", "Tomas Ekberg"]


def test_said_to_be_between_commas_is_sourceless_hearsay_about_the_noun() -> None:
    text = "A second driver, said to be a former soldier, was among the 12 people detained."
    found = extract(text)
    hearsay = by_cue(found, "said")
    assert hearsay.kind == "sourceless" and hearsay.source is None
    assert contents(hearsay) == ["to be a former soldier"]
    assert not any("12" in c.text for a in found for c in a.content)


def test_role_of_an_organisation_resolves_to_the_person_tied_to_it() -> None:
    text = ("Port Authority chief Dana Whitfield says 40 ships are waiting. Speaking to reporters, "
            "the head of the Port Authority said the queue would clear.")
    found = extract(text)
    said = by_cue(found, "said")
    assert said.source is not None and said.source.text == "the head of the Port Authority"
    assert said.source_name == "Dana Whitfield"


def test_spoke_of_takes_its_topic_as_content() -> None:
    text = "A navy official has spoken of several hundred damaged boats."
    found = extract(text)
    spoke = by_cue(found, "has spoken of")
    assert contents(spoke) == ["several hundred damaged boats"]
    assert spoke.source_name == "navy official"


def test_pronoun_follows_the_subject_of_the_sentence_before() -> None:
    text = ("A coast guard officer has spoken of 40 missing boats. Inspector Mara Quint blamed the storm. "
            "She said 12 crews were rescued.")
    found = extract(text)
    said = by_cue(found, "said")
    assert said.source is not None and said.source.text == "She"
    assert said.source_name == "Mara Quint"


# ---------------------------------------------------------------- source names as written


def test_abbreviations_the_text_introduces_are_found_with_their_full_name() -> None:
    from claimgraph.extract.attributions.names import acronyms_in

    text = ("Talks between the Northern Liberation Front (NLF) and the Office for Coastal Affairs "
            "(OCA) stalled; the ministry (a long name) said nothing.")
    assert acronyms_in(text) == {"NLF": "Northern Liberation Front", "OCA": "Office for Coastal Affairs"}


def test_mention_names_expand_abbreviations_but_are_never_respelled() -> None:
    from claimgraph.extract.attributions.names import mention_name
    from claimgraph.model import Mention

    def mention(text: str, normalized: str) -> Mention:
        return Mention(key="m1", start=0, end=len(text), text=text, extractor="t", extractor_version="0",
                       label="GOV", normalized=normalized)

    assert mention_name(mention("NIS", "National Intelligence Service")) == "National Intelligence Service"
    assert mention_name(mention("Budanov", "Kyrylo Budanov")) == "Kyrylo Budanov"
    assert mention_name(mention("Russia's Defense Ministry", "Russian Ministry of Defence")) \
        == "Russia's Defense Ministry"


def test_relative_clause_aside_is_kept_in_the_span_but_not_in_the_name() -> None:
    text = "A fire officer, who was among the first at the scene, said 14 flats were gutted."
    said = by_cue(extract(text), "said")
    assert said.source is not None and "who was among" in said.source.text
    assert said.source_name == "fire officer"


def test_a_possessive_pronoun_that_names_no_one_is_no_source() -> None:
    text = "Prices rose again, up from 200 in their last survey."
    assert all(a.source is None or a.source.text.lower() not in ("its", "their") for a in extract(text))


# ---------------------------------------------------------------- inverted attribution


@pytest.mark.parametrize("text, cue, source, name", [
    ('"The wells are dry," stated Ingrid Solberg, a farmer from the valley.', "stated",
     "Ingrid Solberg, a farmer from the valley", "Ingrid Solberg"),
    ('"The harbour is closed to all ships," wrote the port authority in a notice on Friday.', "wrote",
     "the port authority", "port authority"),
    ('"Nobody expected the flood," explained Omar, a fisherman from the delta.', "explained",
     "Omar, a fisherman from the delta", "Omar"),
])
def test_speaker_after_a_trailing_cue_is_the_source(text: str, cue: str, source: str, name: str) -> None:
    found = extract(text)
    said = by_cue(found, cue)
    assert said.source is not None and said.source.text == source
    assert said.source_name == name
    assert said.kind == "direct"
    assert_spans_slice(text, found)


def test_trailing_cue_hung_on_the_reported_clause_takes_its_subject_and_clause() -> None:
    text = "The dam held through the night, reported the regional broadcaster, citing engineers."
    reported = by_cue(extract(text), "reported")
    assert reported.source is not None and reported.source.text == "the regional broadcaster"
    assert contents(reported) == ["The dam held through the night"]


def test_adding_after_an_inverted_cue_shares_its_speaker() -> None:
    text = '"The wells are dry," stated Ingrid Solberg, adding that the cattle had been sold.'
    found = extract(text)
    adding = by_cue(found, "adding")
    assert adding.source_name == "Ingrid Solberg"
    assert contents(adding) == ["that the cattle had been sold"]
    assert contents(by_cue(found, "stated")) == ['"The wells are dry,"']


@pytest.mark.parametrize("text, cue, source", [
    ('"The wells are dry," Solberg said Thursday morning.', "said", "Solberg"),
    ('"We will hold the line," the colonel tells the Coastal Courier.', "tells", "the colonel"),
])
def test_what_follows_a_cue_with_its_own_subject_is_not_the_speaker(text: str, cue: str, source: str) -> None:
    said = by_cue(extract(text), cue)
    assert said.source is not None and said.source.text == source


def test_names_read_line_breaks_and_no_break_spaces_as_spaces() -> None:
    from claimgraph.extract.attributions.names import clean

    assert clean("the\u00a0Harbour Gazette") == "Harbour Gazette"
    assert clean("The Valley\nTimes (VT)") == "Valley Times"


def test_learned_content_that_covers_the_rule_content_gives_the_boundaries():
    from claimgraph.extract.attributions import Draft, merge_learned
    from claimgraph.model import Attribution, Span

    text = "The mayor said that the bridge will reopen in May, officials added."
    rule = Draft(cue=(10, 14), source=(0, 9), content=[(20, 49)], kind="indirect")
    learned = Attribution(key="la1", start=0, end=49, text=text[:49], extractor="learned",
                          extractor_version="1", cue=Span.of(text, 10, 14), source=Span.of(text, 0, 9),
                          content=[Span.of(text, 15, 49)])
    merged = merge_learned([rule], [learned], text)
    assert merged == [rule] and rule.content == [(15, 49)] and rule.source == (0, 9)
    narrower = Attribution(key="la2", start=0, end=40, text=text[:40], extractor="learned",
                           extractor_version="1", cue=Span.of(text, 10, 14), source=Span.of(text, 0, 9),
                           content=[Span.of(text, 24, 40)])
    rule2 = Draft(cue=(10, 14), source=(0, 9), content=[(20, 49)], kind="indirect")
    merge_learned([rule2], [narrower], text)
    assert rule2.content == [(20, 49)]  # the model's content does not cover the rule's: keep the rule's


# ---------------------------------------------------------------- speakers set off by commas


def test_a_named_speaker_with_a_description_after_the_content() -> None:
    text = ("At least 40 civilians were killed in the shelling of Kherson, Oleksandr Prokudin, the head "
            "of the regional military administration, said on Telegram.")
    said = by_cue(extract(text), "said")
    assert said.source is not None and "Prokudin" in said.source.text
    assert said.source.text.endswith("administration,") or said.source.text.endswith("administration")
    assert "Prokudin" in (said.source_name or "")
    assert all("Prokudin" not in c for c in contents(said))
    assert contents(said)[0].startswith("At least 40 civilians were killed")


def test_a_description_set_off_by_commas_is_not_the_speakers_name() -> None:
    text = ("Vyacheslav Gladkov, the governor of Belgorod, spoke on Sunday. The governor, a former police "
            "officer who has run the region since 2020, said 14 people were wounded.")
    said = by_cue(extract(text), "said")
    assert said.source is not None and said.source.text.startswith("The governor, a former police officer")
    assert said.source_name == "Vyacheslav Gladkov"
    alone = by_cue(extract("The governor, a former police officer, said 14 people were wounded."), "said")
    assert alone.source_name == "governor"


def test_revising_a_figure_makes_the_subject_its_source() -> None:
    text = "The health ministry raised its estimate of the dead to 310 on Sunday."
    raised = by_cue(extract(text), "raised")
    assert raised.source is not None and raised.source.text == "The health ministry"
    assert "to 310" in contents(raised)[0]
    assert not [a for a in extract("Officials raised the alert level to 3 on Sunday.")
                if a.cue is not None and a.cue.text == "raised"]


def test_a_contrasting_report_is_side_by_side_not_nested() -> None:
    text = ("The army said it had hit 40 positions overnight, while the regional health office said "
            "27 people were killed.")
    found = extract(text)
    army = next(a for a in found if a.source is not None and a.source.text == "The army")
    office = next(a for a in found if a.source is not None and a.source.text == "the regional health office")
    assert office.parent_key is None
    assert all("27 people" not in c for c in contents(army))
    assert contents(office) == ["27 people were killed"]


def test_a_finding_verb_with_an_object_attributes_the_object() -> None:
    found = by_cue(extract("The investigation found 37 mass graves near the town."), "found")
    assert found.source is not None and found.source.text == "The investigation"
    assert contents(found) == ["37 mass graves near the town"]
    assert not extract("Troops found 12 bodies in the basement.")  # not a finding of a source


def test_a_report_whose_main_verb_the_parse_hung_on_it_is_named_by_its_issuer() -> None:
    text = ("The report, compiled by the UN human rights office from interviews with survivors, "
            "documented at least 1,100 civilian deaths since April.")
    documented = by_cue(extract(text), "documented")
    assert documented.source is not None and documented.source.text.startswith("The report")
    assert documented.source_name == "UN human rights office"
    assert contents(documented) == ["at least 1,100 civilian deaths since April"]


@pytest.mark.parametrize("text, name", [
    ("The UN refugee agency said 2,000 people fled.", "UN refugee agency"),
    ("The Ukrainian defence ministry said 40 drones were downed.", "Ukrainian defence ministry"),
])
def test_an_organisation_noun_keeps_the_body_that_modifies_it(text: str, name: str) -> None:
    assert by_cue(extract(text), "said").source_name == name


@pytest.mark.parametrize("text, name", [
    (("The health ministry in the capital issued new numbers on Monday. The ministry's figures, which "
     "have not been confirmed, suggest 3,000 people were killed."), "health ministry in the capital"),
    ("The monitoring group said fighting continued. The group's count put the death toll at 95.",
     "monitoring group"),
])
def test_a_figure_owned_by_a_role_is_the_source_that_role_stands_for(text: str, name: str) -> None:
    last = extract(text)[-1]
    assert last.source is not None and last.source.text.startswith("The ")
    assert last.source_name == name
