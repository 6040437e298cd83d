"""Sources from set I's misses, once it was opened (its blind scores are in its README).

In a "Q:"/"A:" interview the answers are the interviewee's, the person the introduction names;
a spokesperson tied to no body ("A spokesman said", "Its military spokesman said") speaks for
the body that was the subject of the sentence before; a name modifying the source ("the
al-Qaeda-linked JNIM") is not the source; a body noun after a name ends the name ("... Event
Data project"); a count before a described source is not part of its description ("three
residents").

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post

INTERVIEW = """"We lost about 90 fighters": a rebel commander on the war in the hills

Min Thant Oo is a deputy commander of the Hill Brigade. He spoke to us by phone on Tuesday.

Q: The army says it killed more than 400 fighters in March. Is that right?

A: It is propaganda. We lost about 90 fighters between January and March, and about 200 were wounded.

Q: How many prisoners do you hold?

A: We hold about 350 prisoners of war as of this week.
"""


def test_answers_of_an_interview_are_the_interviewees(extractors: list) -> None:
    found = in_harbour_post(INTERVIEW, extractors)
    figures = {f.text: f for f in found.figures if f.start > INTERVIEW.index("A: It is")}
    assert figures["about 90"].source_chain == ["Harbour Post", "Min Thant Oo"]
    assert figures["about 350"].source_chain == ["Harbour Post", "Min Thant Oo"]
    assert by_text(found)["more than 400"].source_chain[-1] != "Min Thant Oo"


def test_a_spokesman_tied_to_no_body_speaks_for_the_subject_before(extractors: list) -> None:
    text = ("The Rapid Support Forces denied targeting civilians. A spokesman said 20 fighters had died.\n\n"
            "The army has rejected the report. Its spokesman said 40 rebels were killed in the clash.\n\n"
            "The Houthis claimed the attack. Its military spokesman said six drones were launched.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["20"].source_chain == ["Harbour Post", "Rapid Support Forces"]
    assert figures["40"].source_chain == ["Harbour Post", "army"]
    assert figures["six"].source_chain == ["Harbour Post", "Houthis"]


def test_a_name_modifying_the_source_is_not_the_source(extractors: list) -> None:
    text = "In a statement carried by its media arm, the al-Qaeda-linked JNIM claimed to have killed more than 50 soldiers."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 50"].source_chain[-1] == "JNIM"


def test_a_body_noun_after_a_name_ends_the_name(extractors: list) -> None:
    text = "The Armed Conflict Location and Event Data project has recorded more than 400 civilian deaths since July."
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 400"].source_chain == ["Harbour Post", "Armed Conflict Location and Event Data project"]


def test_a_count_is_not_part_of_a_description(extractors: list) -> None:
    figures = by_text(in_harbour_post("Three residents told us that 40 people had been killed.", extractors))
    assert figures["40"].source_chain == ["Harbour Post", "residents"]


def test_a_trailing_quoted_as_saying_relays_the_clause_before(extractors: list) -> None:
    text = ("In return, Pyongyang was thought to have received about a dozen Russian air-defence systems, "
            "Yoon quoted the agency as saying.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about a dozen"].source_chain == ["Harbour Post", "Yoon", "agency"]
