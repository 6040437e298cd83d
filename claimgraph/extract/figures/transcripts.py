"""Speakers of question-and-answer transcripts: the person whose answer a paragraph is.

A briefing or interview transcript marks each turn with an upper-case speaker
label ("OKAFOR: We recovered 40 rifles."), not with a reporting verb, so the
attributions extractor sees no source for what the speaker says. The
conflict-figures guide makes a named spokesperson the source of what they say:
`answer_speaker` gives the name of the speaker whose turn holds a position
(the fullest person name the document gives for the label, else the label
itself), and None in the asking side's turns ("QUESTION:", "Q:") and outside
transcripts; a text is a transcript when a turn is a question or one speaker has
two turns, so live-blog flags ("UPDATE:", "WATCH:") name no speaker. It must not
decide numbers, categories or hedges.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.extract.attributions.candidates import untitled
from claimgraph.extract.attributions.lines import TURN_LABEL, publisher_labels
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.figures.caveats import same_source
from claimgraph.extract.nlp import text_of

__all__ = ["answer_speaker", "speak_for"]

# How many turns one speaker must have when no question is labelled (a label or two alone may be
# headings or live-blog flags, "UPDATE: ...", "WATCH: ...")
_TURNS = 2


def _turns(text: str) -> list[tuple[int, str]]:
    """(paragraph start, label) for each labelled turn."""
    return [(m.start(1), m.group(1)) for m in TURN_LABEL.finditer(text)]


def _full_name(doc: Doc, label: str) -> str:
    """ "Colonel Amina Okafor" for "OKAFOR": the longest person name ending in the label's
    last word; the label in title case when the document names no such person."""
    last = re.split(r"[ .]+", label.strip(" ."))[-1].lower()
    # (a hyphenated name is several tokens: "JAFTHA-SOLOMONS" ends "Ebrahim Jaftha-Solomons")
    names = [e for e in doc.ents if e.label_ == "PERSON"
             and (e.text.lower() == last or e.text.lower().endswith((" " + last, "\u00a0" + last)))]
    if names:
        return untitled(max(names, key=len).text)
    # ("COUNCILLOR ANA RUIZ" is Ana Ruiz: the words after the titles)
    words = label.strip(" .").split()
    kept = [w for w in words if w.strip(".,").lower() not in cues().titles] or words
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in kept)


def answer_speaker(doc: Doc, position: int) -> str | None:
    """The speaker whose transcript turn holds `position`, or None."""
    return _speaker_at(doc, _transcript_turns(text_of(doc)), position)


def _transcript_turns(text: str) -> list[tuple[int, str]] | None:
    """The labelled turns of a transcript, None when `text` is not one."""
    turns = [(start, label.strip(" .")) for start, label in _turns(text)]
    labels = [label.lower() for _, label in turns]
    asked = any(label in cues().question_labels or label in cues().transcript_answers for label in labels)
    if not asked and max((labels.count(label) for label in labels), default=0) < _TURNS:
        return None  # not a transcript: no question and no speaker with two turns
    return turns


def _speaker_at(doc: Doc, turns: list[tuple[int, str]] | None, position: int) -> str | None:
    if turns is None:
        return None
    text = text_of(doc)
    paragraph = text.rfind("\n\n", 0, position)
    paragraph = 0 if paragraph == -1 else paragraph + 2
    label = next((name for start, name in turns if start == paragraph), None)
    if label is not None and label.lower() in cues().transcript_answers:
        return _interviewee(doc, turns)  # "A: We lost about 140 fighters": the person interviewed
    if label is None or len(label) < 2 or label.lower() in cues().question_labels \
            or label.lower() in cues().headline_labels or label.lower() in cues().claim_labels \
            or label.lower() in publisher_labels(text):
        return None
    return _full_name(doc, label)


def _interviewee(doc: Doc, turns: list[tuple[int, str]]) -> str | None:
    """The person a question-and-answer interview answers with "A:": the first person named
    before the first turn (the introduction), or None."""
    first = min(start for start, _ in turns)
    # a proper-noun subject of a sentence of the introduction ("Colonel X, who commands the
    # operation, spoke to us"), also a name the recogniser missed
    subjects = [(s, " ".join(t.text for t in doc[s.left_edge.i:s.i + 1])) for s in doc
                if s.idx < first and s.dep_ == "nsubj" and s.pos_ == "PROPN"
                and all(t.pos_ == "PROPN" for t in doc[s.left_edge.i:s.i + 1])]
    people = [e.text for e in doc.ents if e.label_ == "PERSON" and e.end_char <= first]
    # a person the introduction makes its subject comes before one it only mentions (the
    # recogniser may take a region for a person: "in the mountains of Bari region")
    named = [phrase for s, phrase in subjects if s.ent_type_ == "PERSON"]
    named += people
    named += [phrase for s, phrase in subjects if s.ent_type_ != "PERSON"]
    return named[0] if named else None


def speak_for(doc: Doc, chains: list[list[str]], positions: list[int]) -> None:
    """Put the speaker of each answer turn at the head of its figures' chains (in place):
    [publisher] becomes [publisher, speaker], and a source the speaker relays ("as they told
    us") follows the speaker."""
    turns = _transcript_turns(text_of(doc)) if chains else None  # the same for every position
    for chain, position in zip(chains, positions):
        speaker = _speaker_at(doc, turns, position)
        if speaker is None or not chain:
            continue
        if len(chain) > 1 and (same_source(speaker, [chain[1]])
                               or speaker.split()[-1].casefold() == chain[1].split()[-1].casefold()):
            continue  # ("General Villamizar" and "Andrés Villamizar" are one speaker)
        chain.insert(1, speaker)
