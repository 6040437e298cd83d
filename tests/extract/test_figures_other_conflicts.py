"""The figure extractor on reports from conflicts it was not tuned on: wire copy, live blogs,
UN and NGO summaries, briefing transcripts and think-tank assessments about Sudan, Gaza,
Myanmar, the Sahel, Yemen, Haiti, DR Congo, Ethiopia, Nagorno-Karabakh and Syria.

Every sentence here is our own, written for these tests; each test names the mechanism
it checks (displacement, hospital admissions, question-and-answer transcripts, number
nouns as subjects, status nouns under a verb of death, members of a counted group,
ratios, ranges, vague words, hedges before a number, sources that hold a number,
parties to a war). The expected values follow the conflict-figures conventions. The
full pipeline runs (entities first), as in the ledger.
"""

from __future__ import annotations

from datetime import date

import pytest
from figure_cases import by_text, extract_figures, only

from claimgraph.extract.pipeline import build
from claimgraph.model import Extraction

PUBLISHED = date(2025, 6, 4)


@pytest.fixture(scope="module")
def extractors() -> list:
    return build(("entities", "attributions", "hedges", "figures"))


def extract(text: str, extractors: list) -> Extraction:
    return extract_figures(text, extractors, PUBLISHED)


# ------------------------------------------------------------- displacement


@pytest.mark.parametrize(("sentence", "span"), [
    ("More than 2.5 million people have been displaced by the fighting in Darfur, the agency said.",
     "More than 2.5 million"),
    ("A wave of raids that has displaced 700,000 in North Kivu has stretched aid groups.", "700,000"),
    ("Over 100,000 ethnic Armenians fled the enclave within a week.", "Over 100,000"),
    ("Some 40,000 residents were forced from their homes in Rakhine last month.", "Some 40,000"),
])
def test_displacement_is_a_figure_of_category_other(extractors, sentence, span) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.category) == (span, "other")


def test_displaced_people_who_are_then_killed_are_killed(extractors) -> None:
    figure = only(extract("Eleven refugees were killed when the shelter was shelled.", extractors))
    assert figure.category == "killed"


# ------------------------------------------------------- hospital admissions


@pytest.mark.parametrize("sentence", [
    "Local radio said that at least 20 were taken to hospital after the shelling of the market.",
    "Medics said 35 people were admitted to hospital with shrapnel wounds.",
    "Another 14 civilians were rushed to the hospital in Kadugli.",
])
def test_people_taken_to_hospital_are_wounded(extractors, sentence) -> None:
    assert only(extract(sentence, extractors)).category == "wounded"


def test_soldiers_taken_to_a_base_are_not_wounded(extractors) -> None:
    figure = only(extract("The army said 300 soldiers were taken to the base near Gao.", extractors))
    assert figure.category == "deployed"


# -------------------------------------------------------- question and answer


@pytest.mark.parametrize(("text", "category", "value"), [
    ("Q: How many fighters does the group have in the area?\n\nA: Our estimate is roughly 11,000.",
     "deployed", 11000),
    ("Q: How many were killed in the strike?\n\nA: We believe around 40, but the count is preliminary.",
     "killed", 40),
    ("Q: How many drones did they shoot down overnight?\n\nA: Twenty-three, according to our data.",
     "destroyed", 23),
])
def test_an_answer_counts_what_the_question_asked_about(extractors, text, category, value) -> None:
    figure = only(extract(text, extractors))
    assert (figure.category, figure.value_low) == (category, value)


def test_an_answer_to_a_question_about_something_else_is_not_a_figure(extractors) -> None:
    found = extract("Q: How many times have you visited the front?\n\nA: Maybe 10.", extractors)
    assert found.figures == []


# ------------------------------------------------------------ number nouns


@pytest.mark.parametrize(("sentence", "subject"), [
    ("The health ministry in Gaza put the death toll at 95 after overnight strikes.", None),
    ("The overall toll rose to 1,200 on Tuesday, the ministry said.", None),
    ("The death toll among Rohingya refugees rose to 60.", "Rohingya refugees"),
    ("The number of people killed in the fighting has climbed to 3,500.", "people"),
])
def test_a_number_noun_is_not_the_subject_of_its_figure(extractors, sentence, subject) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.category, figure.subject) == ("killed", subject)


# ------------------------------------------- status nouns under a verb of death


@pytest.mark.parametrize(("sentence", "category"), [
    ("At least 12 prisoners died in the fire at the detention centre, officials said.", "killed"),
    ("Nine detainees were injured when guards opened fire.", "wounded"),
    ("The rebels said they were holding 150 prisoners.", "captured"),
])
def test_the_verb_of_death_or_injury_outranks_a_status_noun(extractors, sentence, category) -> None:
    assert only(extract(sentence, extractors)).category == category


def test_a_missing_count_after_a_wounded_count_is_missing(extractors) -> None:
    found = by_text(extract("Eighteen soldiers were wounded and three are missing after the convoy "
                            "struck a mine.", extractors))
    assert (found["Eighteen"].category, found["three"].category) == ("wounded", "missing")


# ------------------------------------------------ members of a counted group


@pytest.mark.parametrize(("sentence", "figures"), [
    ("The conscript was one of 200 prisoners released in the exchange.", ["200"]),
    ("She was one of the roughly 300 civilians killed in the siege.", ["roughly 300"]),
    ("The junta has lost 5,000 soldiers since October, according to one think tank.", ["5,000"]),
    ("Two officials said 40 fighters were killed in the raid.", ["40"]),
])
def test_one_member_of_a_group_and_counts_of_sources_are_not_figures(extractors, sentence, figures) -> None:
    assert [f.text for f in extract(sentence, extractors).figures] == figures


# ----------------------------------------------------------------- ratios


def test_one_in_five_is_a_share(extractors) -> None:
    figure = only(extract("A UN official said roughly one in five of those killed were children.", extractors))
    assert (figure.text, figure.value_low, figure.value_high, figure.qualifier) == (
        "roughly one in five", 20, 20, "approx")


# ----------------------------------------------------------------- ranges


@pytest.mark.parametrize(("sentence", "span", "low", "high"), [
    ("Between 300 to 400 fighters stormed the town, witnesses said.", "Between 300 to 400", 300, 400),
    ("Some 1,000-1,500 Eritrean troops remain inside Tigray.", "Some 1,000-1,500", 1000, 1500),
    ("About 200 to 250 soldiers were deployed to the border.", "About 200 to 250", 200, 250),
])
def test_ranges_keep_their_whole_span(extractors, sentence, span, low, high) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.value_low, figure.value_high, figure.qualifier) == (span, low, high, "range")


# ------------------------------------------------------------- vague words


@pytest.mark.parametrize(("sentence", "span", "low", "high"), [
    ("Scores of civilians were killed when shells hit the camp.", "Scores", 40, 180),
    ("Two dozen soldiers were killed in the ambush.", "Two dozen", 24, 24),
    ("A few hundred fighters crossed the border on Sunday.", "A few hundred", 200, 900),
])
def test_vague_number_words(extractors, sentence, span, low, high) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.value_low, figure.value_high, figure.qualifier) == (span, low, high, "approx")


# ------------------------------------------------------ hedges before the number


@pytest.mark.parametrize("sentence", [
    "The junta has lost an estimated 5,000 soldiers since October.",
    "Militants killed a reported 30 soldiers in the attack near Djibo.",
])
def test_a_hedge_word_directly_before_the_number_hedges_it(extractors, sentence) -> None:
    assert only(extract(sentence, extractors)).hedged is True


# ------------------------------------------------------------ parties, not places


def test_the_opponent_in_a_war_is_not_the_place(extractors) -> None:
    figure = only(extract("Russia's war against Ukraine has drawn in 11,000 North Korean soldiers.", extractors))
    assert figure.place is None


# ----------------------------------------------------------------- personnel


def test_neutralised_insurgents_are_killed(extractors) -> None:
    figure = only(extract('The ministry said "more than 60 terrorists were neutralised" near Gao.', extractors))
    assert figure.category == "killed"


# ----------------------------------------------------------------- denials


@pytest.mark.parametrize("sentence", [
    "The army denied that 300 civilians were killed in the raid on the village.",
    "The junta dismissed reports that 40 soldiers had surrendered near the border.",
])
def test_a_denied_figure_is_hedged(extractors, sentence) -> None:
    assert only(extract(sentence, extractors)).hedged is True


def test_a_figure_next_to_a_denial_but_outside_it_is_not_hedged(extractors) -> None:
    found = by_text(extract("Russia denied sending troops. Officials said 300 soldiers were killed near "
                            "the border.", extractors))
    assert found["300"].hedged is False


# ------------------------------------------------------------ running totals


def test_a_running_total_counts_what_the_figure_before_it_counts(extractors) -> None:
    found = by_text(extract("The death toll in the latest fighting rose to 1,200, bringing the overall "
                            "total since October to more than 45,000.", extractors))
    assert (found["1,200"].category, found["more than 45,000"].category) == ("killed", "killed")


# ------------------------------------------------------ coordinated predicates


def test_a_second_predicate_with_its_own_object_does_not_decide_the_first(extractors) -> None:
    found = by_text(extract("Rebels in Shan state said they had seized 14 military outposts and killed "
                            "or captured about 200 soldiers.", extractors))
    assert (found["14"].category, found["about 200"].category) == ("other", "casualties")


@pytest.mark.parametrize(("sentence", "category"), [
    ('In a statement, the group said it had "liquidated 25 enemy soldiers" in the Sahel.', "killed"),
    ("The army said it had arrested 37 suspected militants.", "captured"),
])
def test_more_verbs_of_killing_and_capture(extractors, sentence, category) -> None:
    assert only(extract(sentence, extractors)).category == category


# ------------------------------------------------- fractions and number nouns


def test_fifths_and_tenths_are_fractions(extractors) -> None:
    figure = only(extract("Around one-fifth of the city's residents have fled since January.", extractors))
    assert (figure.text, figure.value_low, figure.category) == ("Around one-fifth", 20, "other")


@pytest.mark.parametrize(("sentence", "category"), [
    ("Troop numbers in the region have roughly doubled to 9,000.", "deployed"),
    ("The federal government put the number of Tigrayan fighters demobilised at 65,000.", "deployed"),
])
def test_a_number_noun_names_its_count_through_a_compound_or_an_of_phrase(extractors, sentence,
                                                                          category) -> None:
    assert only(extract(sentence, extractors)).category == category


# ---------------------------------------------------------------- distractors


@pytest.mark.parametrize(("sentence", "figures"), [
    ("Witnesses said the 5.6-magnitude quake struck as 20 soldiers were crossing the bridge.", ["20"]),
    ("Ward 3 of the hospital was hit, and 14 patients were wounded.", ["14"]),
    ("The army lost 3 tanks near Kilometre 101, the ministry said.", ["3"]),
    ("Hezbollah and Israel agreed to a 60-day ceasefire under UN Resolution 1701.", []),
])
def test_magnitudes_and_numbered_places_are_not_figures(extractors, sentence, figures) -> None:
    assert [f.text for f in extract(sentence, extractors).figures] == figures


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The strike killed 471 people, the health ministry said, a figure disputed by Israel.", True),
    ("The shelling killed 52 people, the governor said, a toll that is likely to rise.", True),
    ("The shelling killed 52 people, the governor said, a figure confirmed by the police.", False),
])
def test_an_apposition_that_disputes_the_figure_hedges_it(extractors, sentence, hedged) -> None:
    assert only(extract(sentence, extractors)).hedged is hedged


# ---------------------------------------------------------------------- rates


@pytest.mark.parametrize(("sentence", "subject"), [
    ("The militia is losing about 1,200 fighters a day, the army spokesman said.", "fighters per day"),
    ("About 1,200 people a day are crossing into Chad, the refugee agency said.", "people per day"),
])
def test_a_rate_keeps_its_value_and_says_its_period_in_the_subject(extractors, sentence, subject) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.value_low, figure.subject) == (1200, subject)


def test_a_count_of_unclassed_actors_is_not_what_their_verb_counts(extractors) -> None:
    found = extract("The two sides exchanged 95 prisoners each on Sunday.", extractors)
    assert [f.text for f in found.figures] == ["95"]


def test_an_answer_a_sentence_after_a_refusal_still_answers_the_question(extractors) -> None:
    figure = only(extract("Q: How many civilians have been evacuated?\n\nA: I do not have that number. "
                          "Maybe 2,000.", extractors))
    assert (figure.value_low, figure.category, figure.hedged) == (2000, "other", True)


def test_a_range_of_fractions_is_one_share(extractors) -> None:
    figure = only(extract("The military has lost between a third and half of its strength, the "
                          "institute said.", extractors))
    assert (figure.text, figure.value_low, figure.value_high, figure.qualifier) == (
        "between a third and half", 33.33, 50, "range")


def test_an_answer_counts_only_what_the_question_asked_about(extractors) -> None:
    found = extract("Q: How many ships are in the task force?\n\nA: About a dozen, from eight nations.",
                    extractors)
    assert [f.text for f in found.figures] == ["About a dozen"]


def test_a_number_that_the_parser_took_for_a_source_stays_a_figure(extractors) -> None:
    found = extract("Conscription aims to add 5,000 recruits a month, though fewer than 3,000 "
                    "reportedly reported for the first intake.", extractors)
    assert [f.text for f in found.figures] == ["5,000", "fewer than 3,000"]


# ------------------------------------------------------------ number formats


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Nearly 2m people have been displaced in Haiti, the agency said.", "Nearly 2m", 2_000_000),
    ("Some 1.5m refugees have crossed into Chad since the war began.", "Some 1.5m", 1_500_000),
    ("Half a million people have fled the fighting in Gezira state.", "Half a million", 500_000),
    ("A quarter of a million civilians have fled the city.", "A quarter of a million", 250_000),
])
def test_abbreviated_millions_and_fractions_of_a_scale(extractors, sentence, span, value) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.text, figure.value_low, figure.category) == (span, value, "other")


def test_a_wall_two_metres_high_is_not_two_million(extractors) -> None:
    assert extract("Soldiers built a 2m wall around the base.", extractors).figures == []


def test_desertions_are_not_deployments(extractors) -> None:
    figure = only(extract("Tens of thousands of soldiers have deserted since the coup, the NUG said.",
                          extractors))
    assert figure.category == "other"


def test_a_group_named_with_a_number_is_not_a_place(extractors) -> None:
    found = extract("M23 rebels seized the town in January, and at least 3,000 people were killed in the "
                    "fighting, the UN said.", extractors)
    assert only(found).place is None


# ------------------------------------------------------------------ forecasts


@pytest.mark.parametrize(("sentence", "forecast"), [
    ("The UN warned on Monday that up to 10,000 more people could die of hunger by next month.", True),
    ("Officials said on Monday that the army will send 3,000 more troops to the border.", True),
    ("Officials said on Monday that 25 soldiers were killed in Tigray.", False),
    ("Officials said on Monday that 25 soldiers may have been killed in Tigray.", False),
])
def test_a_forecast_holds_on_no_day(extractors, sentence, forecast) -> None:
    figure = only(extract(sentence, extractors))
    assert (figure.as_of is None) is forecast


def test_quotation_marks_stay_out_of_the_subject(extractors) -> None:
    figure = only(extract('The army said 47 "terrorists" had been "neutralised" near the border.', extractors))
    assert (figure.subject, figure.category) == ("terrorists", "killed")


# ------------------------------------------------------------------- relief


def test_relief_deliveries_are_not_military_supply(extractors) -> None:
    found = extract("Only 30 aid trucks entered Gaza on Sunday, far below the 500 a day needed before "
                    "the war.", extractors)
    assert [(f.text, f.category) for f in found.figures] == [("30", "other"), ("500", "other")]
    assert found.figures[1].subject == "aid trucks per day"


def test_trucks_of_ammunition_are_still_supplied(extractors) -> None:
    figure = only(extract("Forty trucks of ammunition were delivered to the front on Sunday.", extractors))
    assert figure.category == "supplied"


# ------------------------------------------------ values of number nouns, comparisons


@pytest.mark.parametrize(("sentence", "expected"), [
    (("Security forces killed 1,383 civilians in the coastal massacres, compared with an initial "
      "estimate of 800."), [("1,383", "killed"), ("800", "killed")]),
    ("Medics gave a death toll of 95 after the overnight strikes.", [("95", "killed")]),
])
def test_the_value_of_a_number_noun_counts_what_the_noun_or_the_figure_before_counts(
        extractors, sentence, expected) -> None:
    assert [(f.text, f.category) for f in extract(sentence, extractors).figures] == expected


def test_a_comparison_with_a_day_earlier_is_not_a_rate(extractors) -> None:
    found = extract("The toll rose to 85, up from 60 a day earlier, the monitor said.", extractors)
    assert [(f.text, f.subject) for f in found.figures] == [("85", None), ("60", None)]


@pytest.mark.parametrize(("text", "category"), [
    ("REPORTER: Do you have a number on the militants killed?\n\nSPOKESMAN: More than 70.", "killed"),
    ("Q: What is the casualty figure so far?\n\nA: Roughly 300, we think.", "casualties"),
])
def test_an_answer_counts_what_a_number_noun_in_the_question_asked_about(extractors, text, category) -> None:
    assert only(extract(text, extractors)).category == category


@pytest.mark.parametrize(("sentence", "figures"), [
    ("Ahmed, one of 40 prisoners freed on Sunday, said conditions were harsh.", ["40"]),
    ("One of the two drones was shot down, the army said.", ["One", "two"]),
])
def test_one_that_identifies_a_member_is_not_a_count_but_one_that_suffers_is(extractors, sentence,
                                                                              figures) -> None:
    assert [f.text for f in extract(sentence, extractors).figures] == figures
