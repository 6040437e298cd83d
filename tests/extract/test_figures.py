"""The figure extractor on war-report sentences written for these tests.

Every sentence here is our own; they follow the conflict-figures conventions
(qualifiers, intervals, vague amounts, categories, what is not a figure).
"""

from __future__ import annotations

from datetime import date

import pytest
from figure_cases import extract_figures, only

from claimgraph.extract.figures import find_quantities, parse_number, resolve_date
from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("attributions", "hedges", "figures"))


def extract(text: str, extractors: list, publisher: str = "Test Wire") -> Extraction:
    return extract_figures(text, extractors, PUBLISHED, publisher)  # spans slice the text exactly


# ------------------------------------------------------------ qualifiers


@pytest.mark.parametrize(("sentence", "span", "qualifier", "low", "high"), [
    ("Officials said at least 40 soldiers were killed in the strike.", "at least 40", "at_least", 40, None),
    ("No fewer than 40 soldiers were killed in the strike.", "No fewer than 40", "at_least", 40, None),
    ("More than 40 soldiers were killed in the strike.", "More than 40", "more_than", 40, None),
    ("Upwards of 40 soldiers were killed in the strike.", "Upwards of 40", "more_than", 40, None),
    ("Over 40 soldiers were killed in the strike.", "Over 40", "over", 40, None),
    ("The death toll among the marines exceeded 40.", "exceeded 40", "over", 40, None),
    ("Up to 40 soldiers were killed in the strike.", "Up to 40", "up_to", 0, 40),
    ("As many as 40 soldiers were killed in the strike.", "As many as 40", "up_to", 0, 40),
    ("At most 40 soldiers were killed in the strike.", "At most 40", "at_most", 0, 40),
    ("No more than 40 soldiers were killed in the strike.", "No more than 40", "at_most", 0, 40),
    ("Between 40 and 60 soldiers were killed in the strike.", "Between 40 and 60", "range", 40, 60),
    ("The strike killed 40 to 60 soldiers.", "40 to 60", "range", 40, 60),
    ("The strike killed 40-60 soldiers.", "40-60", "range", 40, 60),
    ("About 40 soldiers were killed in the strike.", "About 40", "approx", 40, 40),
    ("Nearly 40 soldiers were killed in the strike.", "Nearly 40", "approx", 40, 40),
    ("Some 40 soldiers were killed in the strike.", "Some 40", "approx", 40, 40),
    ("The strike killed 40 soldiers.", "40", "exact", 40, 40),
    ("An estimated 40 soldiers were killed in the strike.", "40", "exact", 40, 40),
])
def test_qualifiers_and_intervals(extractors, sentence, span, qualifier, low, high) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.qualifier, figure.value_low, figure.value_high) == (span, qualifier, low, high)
    assert figure.category == "killed"


def test_one_or_two_is_a_range(extractors) -> None:
    figure = only(extract("Each platoon had one or two drone operators attached to it.", extractors))
    assert (figure.text, figure.qualifier, figure.value_low, figure.value_high) == ("one or two", "range", 1, 2)


@pytest.mark.parametrize(("sentence", "span", "low", "high"), [
    ("Several hundred paratroopers were moved to the coast.", "Several hundred", 200, 900),
    ("Dozens of soldiers were wounded in the shelling.", "Dozens", 24, 108),
    ("Several dozen soldiers were wounded in the shelling.", "Several dozen", 24, 108),
    ("Thousands of conscripts were sent to the front.", "Thousands", 2000, 9000),
    ("Several thousand conscripts were sent to the front.", "Several thousand", 2000, 9000),
    ("Hundreds of shells were delivered by rail.", "Hundreds", 200, 900),
])
def test_vague_amounts(extractors, sentence, span, low, high) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.qualifier, figure.value_low, figure.value_high) == (span, "approx", low, high)


def test_a_dozen_is_a_vague_twelve_and_up_to_a_dozen_is_open_below(extractors) -> None:
    # the guide lists "a dozen" among the vague quantity words: approx, [12, 12]
    found = extract("A dozen drones were shot down, and up to a dozen more were fired at the port.", extractors)
    spans = {f.text: f for f in found.figures}
    assert (spans["A dozen"].qualifier, spans["A dozen"].value_low, spans["A dozen"].value_high) == ("approx", 12, 12)
    assert (spans["up to a dozen"].qualifier, spans["up to a dozen"].value_high) == ("up_to", 12)


@pytest.mark.parametrize(("phrase", "value"), [
    ("12,000", 12000), ("2.7 thousand", 2700), ("3.7 million", 3_700_000), ("fifteen hundred", 1500),
    ("four thousand one hundred", 4100), ("twenty-five", 25), ("two hundred and fifty", 250),
    ("a hundred", 100), ("a dozen", 12),
])
def test_number_words(phrase, value) -> None:
    assert parse_number(phrase) == value


def test_number_words_in_context(extractors) -> None:
    found = extract("Roughly four thousand one hundred sappers and 2.7 thousand builders were sent east, "
                    "with 3.7 million shells delivered.", extractors)
    values = {f.text: (f.value_low, f.qualifier, f.category) for f in found.figures}
    assert values["Roughly four thousand one hundred"] == (4100, "approx", "deployed")
    assert values["2.7 thousand"] == (2700, "exact", "deployed")
    assert values["3.7 million"] == (3_700_000, "exact", "supplied")


def test_percentages(extractors) -> None:
    figure = only(extract("The shipments made up about 40 percent of the army's artillery ammunition.",
                          extractors))
    assert (figure.text, figure.value_low, figure.qualifier) == ("about 40 percent", 40, "approx")
    half = only(extract("More than half of the marines were wounded.", extractors))
    assert (half.value_low, half.value_high, half.qualifier, half.category) == (50, None, "more_than", "wounded")


def test_a_figure_named_inside_a_share_keeps_its_own_category_and_hedge(extractors) -> None:
    found = extract("That would mean about a third of the 9,000 conscripts sent to the island have been "
                    "killed or wounded.", extractors)
    share, base = found.figures
    assert (share.value_low, share.category, share.hedged) == (33.33, "casualties", True)
    assert (base.value_low, base.category, base.hedged) == (9000, "deployed", False)


# --------------------------------------------------------- coordination


def test_coordinated_figures_share_source_but_not_qualifier(extractors) -> None:
    found = extract("According to the General Staff, around 250 soldiers have been killed and 1,900 injured "
                    "since the assault began.", extractors)
    killed, wounded = found.figures
    assert (killed.text, killed.qualifier, killed.category) == ("around 250", "approx", "killed")
    assert (wounded.text, wounded.qualifier, wounded.category) == ("1,900", "exact", "wounded")
    assert killed.source_chain == wounded.source_chain
    assert killed.source_chain[0] == "Test Wire" and "General Staff" in killed.source_chain[-1]


def test_repeated_claim_shares_the_fullest_chain_and_hedge(extractors) -> None:
    text = ("Over 600 marines lost in two weeks\n\n"
            "The regional governor said on Monday that the navy has probably lost over 600 marines "
            "in two weeks of fighting on the peninsula.")
    found = extract(text, extractors)
    headline, body = found.figures
    assert headline.value_low == body.value_low == 600
    assert headline.source_chain == body.source_chain
    assert "governor" in headline.source_chain[-1]
    assert headline.hedged and body.hedged


def test_trailing_estimate_hedges_the_sentence_before_it(extractors) -> None:
    figure = only(extract("The navy has lost over 600 marines in two weeks of fighting on the peninsula, "
                          "the regional governor estimated on Monday.", extractors))
    assert figure.hedged


# ------------------------------------------------------------ distractors


@pytest.mark.parametrize("sentence", [
    "The 47th Mechanized Brigade held the line near the river.",
    "Gunners fired 152mm rounds from a Type 75 howitzer.",
    "Pyongyang also supplied KN-23 missiles and Su-25 parts.",
    "A 24-year-old corporal was interviewed in the hospital.",
    "The fighting lasted two days and three nights.",
    "The drones flew 190 miles before striking the refinery.",
    "The treaty was signed in 2023 and ratified on March 3.",
    "The talks resumed on 14 February after a pause of six weeks.",
    'Analysts call it "highly likely", meaning a probability of 80 to 90 percent.',
    'He said his mind was "90 percent made up" about surrendering.',
    "Among the items found on the body were two notebooks and a compass.",
    "The aid package is worth $2.5 billion.",
    "The meeting started at 10:30 in the morning.",
])
def test_non_figures_are_left_out(extractors, sentence) -> None:
    assert extract(sentence, extractors).figures == []


def test_calibre_stays_in_the_subject_not_the_count(extractors) -> None:
    figure = only(extract("Pyongyang shipped 20,000 152mm shells to the port of Rajin.", extractors))
    assert (figure.text, figure.value_low, figure.category) == ("20,000", 20000, "supplied")


# ------------------------------------------------------------- categories


@pytest.mark.parametrize(("sentence", "category"), [
    ("Moscow sent 3,000 more troops to the Zaporizhzhia front.", "deployed"),
    ("Some 1,200 engineers are training at a base near Vladivostok.", "deployed"),
    ("The shelling killed 14 civilians in the market.", "killed"),
    ("At least 30 soldiers died in the ambush.", "killed"),
    ("The blast wounded 22 sailors aboard the corvette.", "wounded"),
    ("The brigade suffered 400 casualties in a week.", "casualties"),
    ("Ukrainian units killed or wounded 90 enemy soldiers near the village.", "casualties"),
    ("Border guards captured 17 soldiers during the raid.", "captured"),
    ("Kyiv says it now holds 250 prisoners of war.", "captured"),
    ("Forty servicemen are missing after the ferry sank.", "missing"),
    ("Germany delivered 18 howitzers in the spring.", "supplied"),
    ("Air defences shot down 14 drones overnight.", "destroyed"),
    ("The army lost 60 tanks in the failed assault.", "destroyed"),
    ("The regiment lost 300 men in the failed assault.", "casualties"),
    ("Russia fired 35 cruise missiles at the power grid.", "other"),
])
def test_categories(extractors, sentence, category) -> None:
    assert only(extract(sentence, extractors)).category == category


def test_pronoun_takes_the_class_of_the_figure_it_refers_to(extractors) -> None:
    found = extract("The navy launched 12 drones; air defences intercepted nine of them.", extractors)
    nine = next(f for f in found.figures if f.text == "nine")
    assert nine.category == "destroyed"


def test_list_members_inherit_the_category(extractors) -> None:
    found = extract("Four crew members were injured: two pilots and a technician.", extractors)
    assert [f.category for f in found.figures] == ["wounded", "wounded"]


def test_typical_unit_size_is_other(extractors) -> None:
    figure = only(extract("Every company of about 120 men had its own mortar section.", extractors))
    assert (figure.text, figure.category) == ("about 120", "other")


# ------------------------------------------------------------------ hedges


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The regiment has probably lost 300 men.", True),
    ("The regiment reportedly lost 300 men.", True),
    ("The governor estimated that 300 men were killed.", True),
    ("Moscow is expected to send 2,000 more conscripts.", True),
    ("The ministry claimed it destroyed 30 drones.", True),
    ("The governor said 300 men were killed.", False),
    ("The ministry confirmed that 300 men were killed.", False),
    ("Exactly 300 men were certainly killed, the governor told reporters.", False),
])
def test_hedged(extractors, sentence, hedged) -> None:
    figure = only(extract(sentence, extractors))
    assert figure.hedged is hedged
    assert bool(figure.hedge_keys) is hedged


def test_hedge_inside_a_clause_on_the_noun_does_not_hedge_the_count(extractors) -> None:
    figure = only(extract("The institute said Russia was training 5,000 recruits who might later be sent "
                          "abroad.", extractors))
    assert figure.hedged is False


def test_caveat_after_the_claims_hedges_them(extractors) -> None:
    text = ("The agency wrote on Monday that its units killed 45 enemy soldiers near the bridge. "
            "The claim could not be independently verified.")
    figure = only(extract(text, extractors))
    assert figure.hedged


# ---------------------------------------------------------- as-of and place


@pytest.mark.parametrize(("expression", "expected"), [
    ("on Monday", date(2025, 3, 10)),
    ("on Wednesday", date(2025, 3, 12)),
    ("last week", date(2025, 3, 5)),
    ("on March 3", date(2025, 3, 3)),
    ("over the weekend of March 8-9", date(2025, 3, 9)),
    ("December 28", date(2024, 12, 28)),
    ("since October 2024", None),  # a month alone gives no as-of day
    ("in mid-February", None),
])
def test_resolve_dates(expression, expected) -> None:
    assert resolve_date(expression, PUBLISHED) == expected


def test_as_of_and_place_in_context(extractors) -> None:
    figure = only(extract("The governor said on Monday that 18 civilians were killed in Kharkiv.", extractors))
    assert figure.as_of == date(2025, 3, 10)
    assert figure.place == "Kharkiv"


def test_quantity_offsets_cover_the_qualifier() -> None:
    text = "They counted more than 3,000 shells and between 10,000 and 12,000 rounds."
    for quantity in find_quantities(text):
        assert text[quantity.start:quantity.end] in {"more than 3,000", "between 10,000 and 12,000"}


# ------------------------------------- mechanisms a blind held-out check found
# (each sentence written for this test; none comes from the held-out texts)


@pytest.mark.parametrize(("sentence", "span", "category"), [
    ("Defenders repelled 42 assaults along the eastern front on Tuesday.", "42", "other"),
    ("Ukrainian troops beat back 17 attacks near the town.", "17", "other"),
    ("Pyongyang has sent 120 Koksan 170mm self-propelled guns to Russia.", "120", "supplied"),
    ("The army received 40 M1A1 Abrams tanks last year.", "40", "supplied"),
    ("The toll may be as many as 80,000, researchers said.", "as many as 80,000", "killed"),
    ("The toll rose to 230 after rescuers searched the rubble.", "230", "killed"),
    ("About 60 people were treated in hospitals for injuries after the strike.", "About 60", "wounded"),
    ("Russian artillery shelled the village 30 times on Sunday.", "30", "other"),
])
def test_figures_the_rules_used_to_miss(extractors, sentence, span, category) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.category) == (span, category)


def test_a_model_name_before_the_noun_is_not_the_head(extractors) -> None:
    figure = only(extract("Pyongyang has sent 120 Koksan 170mm self-propelled guns to Russia.", extractors))
    assert figure.subject is not None and figure.subject.endswith("guns")


@pytest.mark.parametrize("sentence", [
    "The new drones are three times more expensive than the old ones.",
    "Officials met four times in March.",
    "The ministry has said many times that the figures are accurate.",
])
def test_frequencies_and_ratios_stay_out(extractors, sentence) -> None:
    assert extract(sentence, extractors).figures == []


def test_treated_is_wounded_only_with_an_injury_or_a_hospital(extractors) -> None:
    found = extract("The guards treated 40 detainees as hostages.", extractors)
    assert all(f.category != "wounded" for f in found.figures)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Of the 9,000 marines sent, between 500 and 600 were killed.",
     {"9,000": "deployed", "between 500 and 600": "killed"}),
    ("Moscow sent 8,000 conscripts, of whom more than 2,100 have been killed or wounded.",
     {"8,000": "deployed", "more than 2,100": "casualties"}),
    ("The missile hit a bus, killing six people and wounding 23.", {"six": "killed", "23": "wounded"}),
    ("Russia sent 11,000 soldiers, about 40 percent of whom have been killed or injured.",
     {"11,000": "deployed", "about 40 percent": "casualties"}),
    ("The offensive has cost Russia 1,500 troops, bringing its losses to 700,000.",
     {"1,500": "casualties", "700,000": "casualties"}),
    ("Air defences shot down 41 of the drones and three of the missiles.", {"41": "destroyed", "three": "destroyed"}),
    ("Forces captured 300 soldiers, including officers, and 12 tanks.", {"300": "captured", "12": "destroyed"}),
])
def test_each_figure_gets_the_category_of_its_own_clause(extractors, sentence, expected) -> None:
    found = extract(sentence, extractors)
    assert {f.text: f.category for f in found.figures} == expected


@pytest.mark.parametrize(("sentence", "category"), [
    ("Pyongyang supplied about 60 percent of the rockets fired by the army.", "supplied"),
    ("Roughly 30 percent of the force was killed or wounded in the first week.", "casualties"),
    ("More than half of the casualties were caused by mines.", "other"),
    ("Investigators said four ships carried the munitions across the sea.", "other"),
    ("Two officers were among the dead.", "killed"),
    ("Tehran supplied Moscow with hundreds of attack drones.", "supplied"),
    ("Footage showed the destruction of five tanks near the bridge.", "destroyed"),
    ("The bodies of 12 sailors were recovered from the wreck.", "killed"),
    ("The remains of 120 soldiers were repatriated on Friday.", "other"),
    ("About 90 wounded soldiers were sent home for treatment.", "other"),
    ("The latest strike brought the total of personnel losses to 640,000.", "casualties"),
    ("The offensive has cost Russia 1,500 troops.", "casualties"),
    ("North Korea supplied Russia with millions of artillery shells.", "supplied"),
])
def test_categories_of_shares_owners_and_transfers(extractors, sentence, category) -> None:
    assert only(extract(sentence, extractors)).category == category


def test_missing_the_target_is_not_missing_in_action(extractors) -> None:
    found = extract("Russia launched 60 drones overnight, and about half of them missed their targets.",
                    extractors)
    assert all(f.category != "missing" for f in found.figures)


@pytest.mark.parametrize("sentence", [
    "Near 40 percent of the shells were duds.",
    "Close to 300 soldiers were killed.",
    "Almost 300 soldiers were killed.",
])
def test_near_close_to_and_almost_are_approximate(extractors, sentence) -> None:
    assert only(extract(sentence, extractors)).qualifier == "approx"


# ------------------------------------------------ caveats reach what they name


def hedged_by_value(text: str, extractors: list) -> dict[float, bool]:
    return {f.value_low: f.hedged for f in extract(text, extractors).figures}


def test_a_caveat_about_something_else_hedges_no_figure(extractors) -> None:
    text = ("The General Staff said its forces killed 1,200 soldiers on Monday. "
            "Reuters could not verify the type of missile used in the strike.")
    assert hedged_by_value(text, extractors) == {1200: False}


def test_a_caveat_naming_a_source_hedges_only_that_sources_figures(extractors) -> None:
    text = ("The ministry said 30 soldiers were killed. The mayor said 12 civilians were wounded. "
            "Reuters could not independently verify the mayor's figures.")
    assert hedged_by_value(text, extractors) == {30: False, 12: True}
    text = ("The governor said 300 soldiers had died. Kyiv said 40 drones were shot down. "
            "None of the governor's figures could be independently verified.")
    assert hedged_by_value(text, extractors) == {300: True, 40: False}


def test_a_caveat_with_a_pronoun_owner_hedges_the_nearest_source(extractors) -> None:
    text = ("The ministry said 30 soldiers were killed. The mayor said 12 civilians were wounded. "
            "Their figures could not be verified.")
    assert hedged_by_value(text, extractors) == {30: False, 12: True}


def test_a_caveat_before_the_claim_hedges_the_claim_after_it(extractors) -> None:
    text = ("Reuters could not independently verify the report.\n\n"
            "The report, citing the defence ministry, said 400 soldiers had been captured.")
    assert hedged_by_value(text, extractors) == {400: True}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Around 300 soldiers were probably killed and the army said 2,700 were wounded.",
     {"Around 300": True, "2,700": False}),
    ("Ukraine said it probably destroyed 12 tanks, while its own losses stood at 40 soldiers.",
     {"12": True, "40": False}),
    ("Kyiv reportedly sent 2,000 troops to the border, and Minsk moved 500 soldiers to the frontier.",
     {"2,000": True, "500": False}),
])
def test_a_hedge_word_stays_in_its_own_clause(extractors, sentence, expected) -> None:
    found = extract(sentence, extractors)
    assert {f.text: f.hedged for f in found.figures} == expected


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The think tank said 600 soldiers were killed in the assault.", False),
    ("In its latest assessment, the ministry said 600 soldiers were killed.", False),
    ("The ministry assessed that 600 soldiers were killed.", True),
    ("In the agency's assessment, 600 soldiers were killed.", True),
])
def test_think_tanks_and_assessment_documents_do_not_hedge(extractors, sentence, hedged) -> None:
    assert only(extract(sentence, extractors)).hedged is hedged


# ------------------------------------------------ one claim, several mentions


def test_equal_figures_from_different_sources_stay_separate_claims(extractors) -> None:
    text = ("Strikes on two cities\n\n"
            "Officials in the east reported damage after the night raids.\n\n"
            "The regional governor said 12 civilians were killed in Kharkiv. "
            "The army said it probably killed 12 civilians by mistake in a separate strike near Sumy, "
            "according to the ministry.")
    found = extract(text, extractors)
    first, second = found.figures
    assert first.hedged is False and second.hedged is True
    assert first.source_chain != second.source_chain


def test_headline_mention_takes_the_body_chain(extractors) -> None:
    text = ("Kyiv: 45 soldiers killed near the bridge\n\n"
            "Ukraine says its units killed 45 soldiers near the bridge.\n\n"
            "The General Staff said on Monday that its units had killed 45 enemy soldiers near the bridge.")
    found = extract(text, extractors)
    assert len({tuple(f.source_chain) for f in found.figures}) == 1


@pytest.mark.parametrize("opening", ["Of these", "Among them", "But of those"])
def test_a_partitive_pronoun_takes_the_counted_noun_and_place_of_the_figure_before(extractors, opening) -> None:
    text = ("About 4,000 foreign volunteers are thought to have joined the brigade in Latvia. "
            f"{opening}, around 150 have been wounded and 40 killed, according to the brigade's medics.")
    found = extract(text, extractors)
    by_text = {f.text: f for f in found.figures}
    wounded, killed = by_text["around 150"], by_text["40"]
    assert (wounded.category, killed.category) == ("wounded", "killed")
    for figure in (wounded, killed):
        assert figure.subject == by_text["About 4,000"].subject == "foreign volunteers"
        assert figure.place == "Latvia"
        assert figure.as_of is None  # no date given: the publication date is not implied
        assert figure.source_chain[-1] == "brigade's medics"


def test_a_figure_with_its_own_counted_noun_keeps_it(extractors) -> None:
    text = ("About 4,000 foreign volunteers are thought to have joined the brigade in Latvia. "
            "Of these, 150 medics have been wounded in Riga.")
    found = extract(text, extractors)
    medics = next(f for f in found.figures if f.text == "150")
    assert medics.subject == "medics" and medics.place == "Riga"
