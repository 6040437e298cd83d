"""Categories and hedges of figures: the eighth round of general mechanisms, from the misses of
set G once it was opened.

Categories: "unaccounted for" is missing; "the killing of 27 detainees" is killed, not captured;
a clause with its own subject that the parse hung on a counted noun does not decide its
category ("212 tanks destroyed ..., and 29,000 soldiers killed"); "vehicle losses" are equipment
destroyed. Hedges: a question ("asked whether the figures could be checked") doubts nothing; "the
army's figure could not be verified" doubts that figure, not every figure of the army; "we could
not confirm it" doubts the claim just made, not every claim above it; "Those are preliminary
numbers" hedges the figures of the sentence before.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post


def test_unaccounted_for_is_missing(extractors: list) -> None:
    figures = by_text(in_harbour_post("Five soldiers remain unaccounted for after the raid.", extractors))
    assert figures["Five"].category == "missing"


def test_the_killing_of_detainees_is_killed(extractors: list) -> None:
    text = "A former guard stated that his commander ordered the killing of 27 detainees over a weekend."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["27"].category == "killed"
    assert by_text(in_harbour_post("The camp holds 300 detainees.", extractors))["300"].category == "captured"


def test_a_clause_with_its_own_subject_does_not_decide_the_count_before_it(extractors: list) -> None:
    text = ("The General Staff claimed 212 Russian tanks destroyed along the whole front in September, "
            "and about 29,000 Russian soldiers killed.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["212"].category == "destroyed"
    assert figures["about 29,000"].category == "killed"


def test_vehicle_losses_are_destroyed(extractors: list) -> None:
    figures = by_text(in_harbour_post("For comparison, the tracker lists 97 vehicle losses for the area.", extractors))
    assert figures["97"].category == "destroyed"
    assert by_text(in_harbour_post("The army reported 300 losses in the battle.", extractors))["300"].category \
        == "casualties"


def test_a_question_about_checking_doubts_nothing(extractors: list) -> None:
    text = ("The minister told the committee that 4,000 shells had been delivered in May.\n\n"
            "Members asked whether the figures on deliveries could be checked against other sources.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["4,000"].hedged is False


def test_one_owned_figure_doubted_is_the_last_one(extractors: list) -> None:
    text = ("The army said its air defences had brought down 14 of the drones. The army's figure could not "
            "be independently verified.\n\n"
            "On Monday, drones hit the air base, destroying two transport aircraft, an army spokesman said.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["14"].hedged is True
    assert figures["two"].hedged is False


def test_confirm_it_doubts_the_claim_just_made(extractors: list) -> None:
    text = ("The governor's office reported that 80 people had died and 9,000 had fled.\n\n"
            "The ombudsman said that as many as 20 people had been taken from their homes, \"although we have "
            "not been able to confirm it,\" he added.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["80"].hedged is False and figures["9,000"].hedged is False


def test_those_are_preliminary_numbers_hedges_the_sentence_before(extractors: list) -> None:
    text = ("CHOI: By the staff's count, roughly 2,000 containers crossed the border between July and "
            "December, against about 4,500 in the first half. Those are preliminary numbers.\n\n"
            "Q: And the guns?\n\nCHOI: The North has sent 120 guns.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["roughly 2,000"].hedged is True and figures["about 4,500"].hedged is True
    assert figures["120"].hedged is False


def test_losses_split_from_the_wounded_are_the_dead(extractors: list) -> None:
    text = "The army lost 11 soldiers, with 23 wounded, he said. The army lost 40 soldiers in the battle."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["11"].category == "killed"
    assert figures["23"].category == "wounded"
    assert figures["40"].category == "casualties"


def test_check_it_after_another_clause_doubts_the_sentence_before(extractors: list) -> None:
    text = ("Officials of the regional health bureau said a survey had counted more than 400,000 deaths. "
            "The survey has never been published, and we have not been able to check it.\n\n"
            "The army said 300 soldiers had died.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 400,000"].hedged is True
    assert figures["300"].hedged is False


def test_a_heading_that_doubts_its_section_hedges_the_section(extractors: list) -> None:
    text = ("Situation report No. 12\n\nCONFIRMED\n- The health ministry says 45 people were killed.\n\n"
            "REPORTED, NOT VERIFIED\n- The rebels say they disarmed more than 900 soldiers.\n"
            "- Local officials say dozens of bodies remain in the fields.\n\nACCESS\n- Monitors counted 12 checkpoints.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["45"].hedged is False
    assert figures["more than 900"].hedged is True and figures["dozens"].hedged is True
    assert figures["12"].hedged is False


def test_bodies_received_by_medical_staff_are_the_dead(extractors: list) -> None:
    text = "The director of the hospital said his staff had received 34 bodies from the town."
    assert by_text(in_harbour_post(text, extractors))["34"].category == "killed"
    exchange = by_text(in_harbour_post("Red Cross officials said they had received 20 bodies in the exchange.",
                                       extractors))
    assert exchange["20"].category == "other"


def test_soldiers_disarmed_and_held_are_captured(extractors: list) -> None:
    text = "M23 says it has disarmed more than 2,000 soldiers and is holding them at the stadium."
    assert by_text(in_harbour_post(text, extractors))["more than 2,000"].category == "captured"


def test_marked_as_killed_is_killed(extractors: list) -> None:
    text = "A column records 188 names between November and March; 41 of them are marked as killed by drones."
    assert by_text(in_harbour_post(text, extractors))["41"].category == "killed"


def test_a_caveat_on_the_accounts_of_some_speakers_doubts_theirs(extractors: list) -> None:
    text = ("Three residents told us that at least 40 people had been killed. The regional health office said "
            "12 aid workers had been killed since August.\n\nPhone links have been cut for weeks, and the "
            "accounts of the residents could not be checked on the ground.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 40"].hedged is True
    assert figures["12"].hedged is False
