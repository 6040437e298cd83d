"""Sources from set Q's misses, once it was opened (its blind scores are in its README).

A headline's "X says" reports only its own clause: it reaches neither across the line break into
the dateline nor back over a semicolon, and the dateline credit stays a relay of the whole
article; a statement "carried by" a state news agency makes the agency a relay, also when the
parse parts the agency's name from its noun and when the statement noun is written with an
accent ("communiqué"); a dateline word is not part of the speaker; "the group" never points at
a state's army; "army intelligence officers" do not speak for an insurgent army they report on; a
titled name the recogniser missed is a person without the title, and "she" then points at her; a
pronoun that coreference named as someone else does not cut the source it relays ("Citing X, she
wrote"); a lead whose whole clause the parse hung on the speaker's name is still that speaker's;
the model's content of a cue does not reach back into a statement the rules gave to another
speaker; "Y was quoted as saying", with no one named as quoting, goes through whoever quoted Y
before; "the official told Rudaw" makes Rudaw a relay when the article introduced it as an outlet
before; a named body that counted something inside a reported clause is its origin (a pronoun
that counted is the speaker); a cue with an object of its own does not take the ", and that ..."
clause after it; "the paper" is the newspaper named before, not the body that spoke last; a name and the same name
without an article of another language are one name ("El Tiempo", "Tiempo").

Every sentence here is our own, written for these tests; the expected values follow the
conflict-figures conventions.
"""

from __future__ import annotations

from figure_cases import by_text, in_harbour_post
from spacy.tokens import Doc

from claimgraph.extract.attributions.names import same_name
from claimgraph.extract.attributions.rules import find_drafts
from claimgraph.extract.nlp import load_nlp


def test_a_headline_cue_reports_only_its_own_clause(extractors: list) -> None:
    text = ("Drone strike on Kherson market kills three; Moscow says missiles hit Kramatorsk\n\n"
            "KHERSON, Ukraine, June 2 (AFP) - Russian drones struck a market in Kherson on Monday, killing "
            "three people and wounding at least 11, the region's governor Oleksandr Prokudin said.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["at least 11"].source_chain == ["Harbour Post", "Agence France-Presse", "Oleksandr Prokudin"]
    assert all("Moscow" not in f.source_chain for f in figures.values())


def test_a_statement_carried_by_a_state_agency_goes_through_the_agency(extractors: list) -> None:
    text = ("NIAMEY - The general staff of the Nigerien army said in a communiqué carried by the state "
            "news agency ANP on Tuesday that soldiers had killed more than 30 attackers near Tillia.")
    figures = by_text(in_harbour_post(text, extractors))
    chain = figures["more than 30"].source_chain
    assert chain[:2] == ["Harbour Post", "ANP"]
    assert len(chain) == 3 and "NIAMEY" not in chain[2]


def test_an_agency_name_the_parse_parted_from_its_noun_stays_the_relay(extractors: list) -> None:
    text = ("08:10 In a statement carried by the state news agency SANA, the Defence Ministry says five "
            "members of the security forces were killed and 12 wounded near Jableh.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["12"].source_chain == ["Harbour Post", "SANA", "Defence Ministry"]


def test_the_group_is_no_state_army(extractors: list) -> None:
    text = ("Al-Shabaab said it had killed 30 soldiers at the Baidoa base.\n\n"
            "The army command's report, which the minister read out, says four soldiers died.\n\n"
            "The group also claims its fighters captured five soldiers.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["five"].source_chain == ["Harbour Post", "al-Shabaab"]


def test_army_officers_do_not_speak_for_an_insurgent_army(extractors: list) -> None:
    text = ("The Popular Liberation Army (PLA) now has some 3,000 fighters in the north, Senator Tomás "
            "Ibarra told Radio Norte on Tuesday, relaying what army intelligence officers had told a "
            "closed committee session.")
    figures = by_text(in_harbour_post(text, extractors))
    assert "Popular Liberation Army" not in figures["some 3,000"].source_chain
    assert figures["some 3,000"].source_chain[-1] == "army intelligence officers"


def test_a_titled_name_drops_its_title_and_she_points_at_her(extractors: list) -> None:
    text = ("Opposition Representative Ana Lucía Ferreira said on X that the briefing had ignored the "
            "displaced. Citing the Ombudsman's Office, she wrote that more than 40,000 people had "
            "fled the border districts since March.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 40,000"].source_chain == ["Harbour Post", "Ana Lucía Ferreira", "Ombudsman's Office"]


def test_a_lead_hung_on_the_speaker_s_name_is_the_speaker_s() -> None:
    # The parse the small English model gave such a lead in a longer report, rebuilt word by word:
    # the reported clause hangs on the speaker's name ("Gunmen" a modifier of "Mabunda").
    rows = [("Gunmen", 12, "nmod", "NOUN", "NNS", "gunman"), ("killed", 0, "acl", "VERB", "VBD", "kill"),
            ("at", 3, "advmod", "ADV", "RB", "at"), ("least", 4, "advmod", "ADV", "RBS", "least"),
            ("23", 5, "nummod", "NUM", "CD", "23"), ("people", 1, "dobj", "NOUN", "NNS", "people"),
            ("in", 5, "prep", "ADP", "IN", "in"), ("raids", 6, "pobj", "NOUN", "NNS", "raid"),
            (",", 0, "punct", "PUNCT", ",", ","), ("district", 10, "compound", "NOUN", "NN", "district"),
            ("administrator", 12, "compound", "NOUN", "NN", "administrator"),
            ("Rosa", 12, "compound", "PROPN", "NNP", "Rosa"), ("Mabunda", 13, "nsubj", "PROPN", "NNP", "Mabunda"),
            ("said", 13, "ROOT", "VERB", "VBD", "say"), (".", 13, "punct", "PUNCT", ".", ".")]
    words = [row[0] for row in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    doc = Doc(load_nlp().vocab, words=words, spaces=spaces, heads=[row[1] for row in rows],
              deps=[row[2] for row in rows], pos=[row[3] for row in rows], tags=[row[4] for row in rows],
              lemmas=[row[5] for row in rows])
    text = doc.text
    said = [d for d in find_drafts(doc, text) if text[d.cue[0]:d.cue[1]] == "said"]
    assert len(said) == 1 and said[0].source is not None
    assert text[said[0].source[0]:said[0].source[1]] == "district administrator Rosa Mabunda"
    assert [text[s:e] for s, e in said[0].content] == ["Gunmen killed at least 23 people in raids"]


def test_the_model_content_does_not_reach_back_into_another_speaker_s_statement(extractors: list) -> None:
    text = ("This week we recorded 31 violent incidents across North and South Darfur, six of them air "
            "strikes. In total 64 people were killed and more than 90 were injured. Witnesses described "
            "the killing of at least 12 men in Dar Salam as executions.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["64"].source_chain == ["Harbour Post"]
    assert figures["more than 90"].source_chain == ["Harbour Post"]

def test_quoted_as_saying_with_no_quoter_goes_through_the_last_quoter(extractors: list) -> None:
    text = ("The army gave another account. The Juba Monitor quoted army spokesman Col. Deng Atem as saying "
            "that troops had repulsed about 800 armed youth. Atem was quoted as saying six soldiers had died "
            "and three trucks had been lost.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["six"].source_chain == ["Harbour Post", "Juba Monitor", "Deng Atem"]
    assert figures["three"].source_chain == ["Harbour Post", "Juba Monitor", "Deng Atem"]


def test_an_outlet_introduced_before_is_the_outlet_a_speaker_told(extractors: list) -> None:
    text = ("The Erbil-based broadcaster Rudaw cited a senior official in the Kurdistan Region as saying that "
            "drones had struck six targets. Turkey keeps more than 30 outposts in the region, the official "
            "told Rudaw.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 30"].source_chain == ["Harbour Post", "Rudaw", "senior official in the Kurdistan Region"]


def test_a_named_body_counting_inside_a_reported_clause_is_the_origin(extractors: list) -> None:
    text = ("In Mosul, Rudaw quoted Dilshad Omar, a lawmaker from Nineveh, as saying that Iraq's National "
            "Security Service had counted about 900 of the returning fighters passing through Sinjar district.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["about 900"].source_chain == ["Harbour Post", "Rudaw", "Dilshad Omar",
                                                 "Iraq's National Security Service"]
    # (what a speaker counted stays the speaker's)
    text = "Residents of Kadugli said they had counted 60 bodies after the shelling."
    assert by_text(in_harbour_post(text, extractors))["60"].source_chain == ["Harbour Post", "Residents of Kadugli"]


def test_a_clause_joined_after_a_cue_s_object_is_not_its_content(extractors: list) -> None:
    text = ("The Turkish newspaper Milliyet, citing security sources, reported that about 2,000 PKK fighters "
            "had crossed into Iraq since the group declared its dissolution, and that roughly 700 were still "
            "believed to be hiding in the mountains.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["roughly 700"].source_chain == ["Harbour Post", "Milliyet", "security sources"]


def test_the_paper_is_the_newspaper_named_before_not_the_last_body_that_spoke(extractors: list) -> None:
    text = ("The Turkish newspaper Milliyet, citing security sources, reported that about 2,000 PKK fighters "
            "had crossed into Iraq since the group declared its dissolution. According to the paper, the "
            "sources said more than 3,000 weapons had been burned near Sulaimani.")
    figures = by_text(in_harbour_post(text, extractors))
    assert figures["more than 3,000"].source_chain == ["Harbour Post", "Milliyet", "security sources"]


def test_a_name_and_the_same_name_without_its_foreign_article_are_one_name() -> None:
    assert same_name("El Tiempo", "Tiempo")
    assert same_name("Jazeera", "Al Jazeera")
    assert not same_name("El Tiempo", "El País")
    assert not same_name("Post", "The Washington Post")
