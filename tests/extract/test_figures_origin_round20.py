"""Sources and categories from our own probe texts and, once set Y was written, from set X's misses
(X's blind scores are in its README).

A number standing alone as its clause's subject right after a count of casualties in the same
sentence is a part of that count; a participle that brings a toll up says nothing of its own; a
rival count ("a lower figure of ten", "our own count ... is 39") counts what the count before it
counted, and "our" is the speaker's own; a clause a semicolon closes is no content of the next
speaker; the publisher's own correspondent speaks for the publisher; a summary of a body's findings
is that body's, and its paragraph numbers are no figures; the values a colon lists after released
figures are the releasing body's; "130 arrested and about 40 vehicles burned" gives each its own
verb; a tally the publisher names as its own is the publisher's; remand holds people; an age bound
after a copula is no figure; active gang members are a strength; "the government" after a capital is
its country's; "None of this can be confirmed" doubts all the last source said; an approval is an
act, not a source; a headline number for the lead's bound takes the lead's chain.

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from datetime import date

from figure_cases import by_text, extract_figures

PUBLISHED = date(2026, 3, 2)


def figures_of(text: str, extractors: list, publisher: str = "Chari Morning Post") -> dict:
    return by_text(extract_figures(text, extractors, PUBLISHED, publisher))


def test_a_bare_number_after_a_casualty_count_is_part_of_it(extractors: list) -> None:
    text = ("The district clinic said it had treated 23 people for gunshot wounds; six were referred "
            "to the regional hospital in Moundou.")
    figures = figures_of(text, extractors)
    assert figures["23"].category == "wounded"
    assert figures["six"].category == "wounded"
    assert figures["six"].source_chain == ["Chari Morning Post", "district clinic"]


def test_a_number_with_its_own_noun_after_a_casualty_count_is_not_part_of_it(extractors: list) -> None:
    text = "The clinic said it had treated 23 people for gunshot wounds; six ambulances were sent to the market."
    figures = figures_of(text, extractors)
    assert figures["six"].category != "wounded"


def test_a_participle_that_brings_a_toll_up_says_nothing_of_its_own(extractors: list) -> None:
    text = ("14:10 — Moundou General Hospital says it is treating 31 people. Four patients have died "
            "there, it says, bringing the toll to nine.")
    figures = figures_of(text, extractors)
    for span in ("Four", "nine"):
        assert figures[span].category == "killed", span
        assert figures[span].source_chain == ["Chari Morning Post", "Moundou General Hospital"], span


def test_a_toll_brought_up_inside_a_statement_stays_the_speakers(extractors: list) -> None:
    text = "The hospital said on Monday that two more patients had died, bringing the toll to 14."
    figures = figures_of(text, extractors)
    for span in ("two more", "14"):
        assert figures[span].source_chain == ["Chari Morning Post", "hospital"], span


def test_a_lower_figure_and_our_own_count_count_what_the_figure_before_counted(extractors: list) -> None:
    text = ("The interior ministry told us on Friday that 14 people had died in the clashes in Kasai. "
            "The provincial police had given a lower figure of ten at a briefing on Tuesday.\n\n"
            "According to the prosecutor, 44 people were murdered in the district in the first quarter. "
            "Our own count for that quarter is 39.")
    figures = figures_of(text, extractors, publisher="Kasai Check")
    assert figures["ten"].category == "killed"
    assert figures["ten"].source_chain == ["Kasai Check", "provincial police"]
    assert figures["39"].category == "killed"
    assert figures["39"].source_chain == ["Kasai Check"]  # "our": the publisher's own, not the prosecutor's


def test_a_clause_closed_by_a_semicolon_is_not_what_the_next_speaker_says(extractors: list) -> None:
    text = ("The ministry told us on Monday that 11 people had died in the unrest, all of them in Kasai. "
            "The police had given a lower figure of nine at a briefing; a spokesman said the difference "
            "was due to two men who died later.")
    figures = figures_of(text, extractors, publisher="Kasai Check")
    assert figures["nine"].source_chain == ["Kasai Check", "police"]


def test_the_publishers_own_correspondent_speaks_for_the_publisher(extractors: list) -> None:
    text = ("Lakeside Radio, Midday News, 3 March 2026 (transcript)\n\n"
            "PRESENTER (Grace Okello): Good afternoon. Our correspondent Daniel Wekesa is in Kisumu.\n\n"
            "WEKESA: Thank you, Grace. The county police commander, Peter Owino, told me that four people "
            "died in the riots and that 19 were arrested.\n\n"
            "OKELLO: And the hospital?\n\n"
            "WEKESA: The county hospital says it treated 31 people for injuries.")
    figures = figures_of(text, extractors, publisher="Lakeside Radio")
    for span in ("four", "19"):
        assert figures[span].source_chain == ["Lakeside Radio", "Peter Owino"], span
    assert figures["31"].source_chain == ["Lakeside Radio", "county hospital"]


def test_a_guest_in_a_transcript_still_speaks_for_himself(extractors: list) -> None:
    text = ("Lakeside Radio, Midday News, 3 March 2026 (transcript)\n\n"
            "PRESENTER (Grace Okello): Good afternoon. With us is the county commissioner, Daniel Wekesa.\n\n"
            "WEKESA: Thank you, Grace. Four people died in the riots and 19 were arrested.\n\n"
            "OKELLO: And the hospital?\n\n"
            "WEKESA: We have no figure from the hospital yet, but 31 people were treated.")
    figures = figures_of(text, extractors, publisher="Lakeside Radio")
    assert figures["Four"].source_chain == ["Lakeside Radio", "Daniel Wekesa"]


def test_a_summary_of_a_bodys_findings_is_that_bodys(extractors: list) -> None:
    text = ("Harbour inquiry: guards fired on strikers\n\n"
            "Summary of the findings of the Board of Inquiry into the Port Kembla Strike, delivered on "
            "2 March by its chair. Paragraph numbers refer to the report.\n\n"
            "Deaths (paras 3.1 to 3.4). The board found that five strikers died at the gate. Two of the "
            "injured died later, bringing the toll to seven.\n\n"
            "Deployment (para 4.2). The Harbour Police told the board it had deployed about 90 officers.\n\n"
            "Arrests (para 5.1). Police arrested 41 people on the day.")
    figures = figures_of(text, extractors)
    board = ["Chari Morning Post", "Board of Inquiry"]
    for span in ("five", "Two", "seven", "41"):
        assert figures[span].source_chain[:2] == board and len(figures[span].source_chain) == 2, span
    assert figures["about 90"].source_chain == [*board, "Harbour Police"]
    for span in ("3.1 to 3.4", "4.2", "5.1"):
        assert span not in figures, span  # paragraph numbers, not figures


def test_a_summary_of_the_publishers_own_report_stays_the_publishers(extractors: list) -> None:
    text = ("Killings after the fall of the town\n\n"
            "This is a summary of our report on the first week after the militia took the town.\n\n"
            "Our teams documented at least 120 killings in the town.")
    figures = figures_of(text, extractors)
    assert figures["at least 120"].source_chain == ["Chari Morning Post"]


def test_a_summary_of_events_recorded_by_a_body_names_no_document(extractors: list) -> None:
    text = ("Monthly bulletin No. 4 — Casanare, May 2026\n\n"
            "Summary of events recorded by the Observatory in the three municipalities it covers:\n"
            "- 14 homicides\n- 3 kidnappings\n\n"
            "Violence between the two armed groups continued.")
    figures = figures_of(text, extractors, publisher="Casanare Violence Observatory")
    assert figures["14"].source_chain == ["Casanare Violence Observatory"]


def test_figures_a_body_releases_after_a_colon_are_its_own(extractors: list) -> None:
    text = ("2 July — Police release preliminary figures for the whole period: four dead, 52 injured, "
            "11 of them officers, 130 arrested and about 40 vehicles burned.")
    figures = figures_of(text, extractors, publisher="Lagoon Daily")
    expected = {"four": "killed", "52": "wounded", "11": "wounded", "130": "captured", "about 40": "destroyed"}
    for span, category in expected.items():
        assert figures[span].category == category, span
        assert figures[span].source_chain == ["Lagoon Daily", "Police"], span


def test_a_number_before_its_participle_stands_alone(extractors: list) -> None:
    text = "The toll: four dead, 52 injured, 130 arrested and about 40 vehicles burned."
    figures = figures_of(text, extractors, publisher="Lagoon Daily")
    assert figures["130"].category == "captured"  # not the vehicles' count
    assert figures["about 40"].category == "destroyed"


def test_a_tally_the_publisher_names_as_its_own_is_the_publishers(extractors: list) -> None:
    text = ("Shootings in the port district\n\n"
            "Police spokesman Asoka Perera said on Monday that the official count stood at 30 dead.\n\n"
            "A Morning Post tally of police releases counts 34 shooting deaths since January, eight "
            "of them in the port district. The Post's own count of arrests is lower.")
    figures = figures_of(text, extractors)
    for span in ("34", "eight"):
        assert figures[span].source_chain == ["Chari Morning Post"], span
    assert figures["30"].source_chain == ["Chari Morning Post", "Asoka Perera"]


def test_suspects_in_remand_are_held(extractors: list) -> None:
    text = "The police spokesman told us that 44 suspects were in remand."
    assert figures_of(text, extractors)["44"].category == "captured"


def test_an_age_bound_after_a_copula_is_no_figure(extractors: list) -> None:
    text = "Four of the dead were under 18. About half of those arrested were under 21."
    figures = figures_of(text, extractors)
    assert "Four" in figures and "About half" in figures
    assert "under 18" not in figures and "under 21" not in figures


def test_active_gang_members_and_the_number_given_again(extractors: list) -> None:
    text = ("The ministry estimated that as many as 600 gang members are active in the port area. "
            "The criminologist Ana Ruiz told the Chronicle on Thursday that the number was probably "
            "between 450 and 500.")
    figures = figures_of(text, extractors, publisher="Limon Chronicle")
    assert figures["as many as 600"].category == "deployed"
    assert figures["between 450 and 500"].category == "deployed"
    assert figures["between 450 and 500"].source_chain == ["Limon Chronicle", "Ana Ruiz"]


def test_a_rate_in_percent_is_no_count_given_again(extractors: list) -> None:
    text = "Police recorded 31 shootings in March. The clearance rate for last year's shootings was 23 percent."
    assert "23 percent" not in figures_of(text, extractors)


def test_a_government_named_after_its_capital_is_its_countrys(extractors: list) -> None:
    text = ("Timeline: unrest in Port Vila\n\n"
            "14 June — The Vanuatu Mobile Force sends soldiers into the capital.\n\n"
            "21 June — The government says Fiji and Tonga have agreed to send a police support team "
            "of about 150 officers.")
    figures = figures_of(text, extractors, publisher="Mele Harbour Daily")
    assert figures["about 150"].source_chain == ["Mele Harbour Daily", "Vanuatu government"]


def test_none_of_this_doubts_everything_the_last_source_said(extractors: list) -> None:
    text = ("Evening bulletin\n\n"
            "The army spokesman says about 120 soldiers arrived this morning. The district chairman, "
            "Moses Kamara, told me that, according to elders he has spoken to, at least seven people were "
            "killed and dozens hurt. He said the elders also reported that up to six young men were missing "
            "after fleeing into the forest. None of this can be confirmed.")
    figures = figures_of(text, extractors, publisher="Sewa Valley Radio")
    for span in ("at least seven", "dozens", "up to six"):
        assert figures[span].hedged, span
    assert not figures["about 120"].hedged  # the spokesman's, not the chairman's


def test_our_own_count_a_few_sentences_after_the_count_it_rivals(extractors: list) -> None:
    text = ("Press conference transcript\n\n"
            "REPORTER (Bay FM): Commissioner, the Crime Observatory said yesterday that 19 people have been "
            "murdered in the city since January. Which is right?\n\n"
            "COMMISSIONER OKAFOR: The Observatory's figure is the official one. Our own count, with the "
            "weekend, is 21.")
    figures = figures_of(text, extractors, publisher="Creek Newswire")
    assert figures["21"].category == "killed"
    assert figures["21"].source_chain == ["Creek Newswire", "Okafor"]
    assert "one" not in figures  # "the official one" stands for the figure


def test_an_approval_is_an_act_not_a_source(extractors: list) -> None:
    text = ("Press conference transcript\n\n"
            "REPORTER: Are more soldiers coming?\n\n"
            "COMMISSIONER OKAFOR: The minister has approved up to 80 more soldiers, to be deployed from "
            "next week.\n\n"
            "REPORTER: Thank you.\n\n"
            "COMMISSIONER OKAFOR: Thank you.")
    figures = figures_of(text, extractors, publisher="Creek Newswire")
    assert figures["up to 80"].source_chain == ["Creek Newswire", "Okafor"]


def test_a_headline_number_for_the_leads_bound_takes_the_leads_chain(extractors: list) -> None:
    text = ("Eleven dead as miners and police clash at Kitwe dump\n\n"
            "KITWE, Zambia, March 1, 2026 — At least 11 people were killed and 19 injured when gangs of "
            "miners fought police on a tailings dump on Sunday, police in the Copperbelt said on Monday.")
    figures = figures_of(text, extractors)
    assert figures["Eleven"].source_chain == figures["At least 11"].source_chain
    assert len(figures["Eleven"].source_chain) == 2


def test_forces_that_would_stay_are_no_forecast(extractors: list) -> None:
    text = ("The army said its two companies, drawn from the 5th Brigade, would stay until the harvest. "
            "It said 300 more soldiers would be sent next month.")
    figures = figures_of(text, extractors, publisher="Nimba Relief")
    assert not figures["two"].hedged
    assert figures["300 more"].hedged  # a deployment still to come is
