"""Sources the article names elsewhere: a headline's role ("Spy agency says") named in the body,
a partitive ("one of those sources") standing for the group cited before, a bare plural ("the
rebels") for the group named before with that noun.

Called by `coref.resolve_sources`; reads the parse, the drafts and the names found so far. Must
not find attributions nor change source spans.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.attributions.bodies import names_country
from claimgraph.extract.attributions.candidates import (
    ARMED_ROLES,
    Named,
    describe,
    is_news,
    media_role,
)
from claimgraph.extract.attributions.drafts import Draft
from claimgraph.extract.attributions.roles import insurgent_name
from claimgraph.extract.attributions.vocabulary import cues
from claimgraph.extract.nlp import token_strings
from claimgraph.model.vocab import load_vocab

__all__ = ["name_headline_roles", "named_group", "partitive_group"]


@lru_cache(maxsize=1)
def _partitive_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_vocab("cues").get("partitive_heads") or [])


def partitive_group(tokens: SpacySpan, position: int, drafts: list[Draft],
                    names: dict[int, str | None]) -> str | None:
    """ "According to the radio, one of those sources said ...": the group named before whose
    head noun the partitive repeats ("citing local security sources"), as that group is named."""
    head = tokens.root
    if head.lower_ not in _partitive_heads():
        return None
    group = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"), None)
    if group is None or group.tag_ not in ("NNS", "NNPS"):
        return None
    lemma = group.lemma_.lower()
    earlier = sorted(((d.source, k) for k, d in enumerate(drafts)
                      if d.source is not None and d.source[1] <= position), reverse=True)
    for source, k in earlier:
        span = tokens.doc.char_span(*source, alignment_mode="expand")
        if span is not None and len(span) and span.root.lemma_.lower() == lemma and span.root.tag_ in ("NNS", "NNPS"):
            return names.get(k) or describe(span)
    return None


def name_headline_roles(names: dict[int, str | None], drafts: list[Draft], doc: Doc, roles: dict[str, str],
                         headline_end: int, candidates: list[Named]) -> None:
    """A headline's source known only by its role ("Spy agency says", capitalised as headlines
    are) takes the name the body gives it, and so does every source resolved to it."""
    for i, draft in enumerate(drafts):
        if draft.source is None or draft.source[1] > headline_end or names.get(i) is None or not draft.show_cue:
            continue  # (a link without words of its own, a translation header's, is no headline's speaker)
        tokens = doc.char_span(*draft.source, alignment_mode="expand")
        # (a nationality may describe a body's role: "Pro-war Russian Telegram channel says"; "Russian
        # soldier tells ..." is a person the body may never name)
        if tokens is None or not len(tokens) or any(t.ent_type_ in ("PERSON", "GPE") for t in tokens) \
                or any(t.ent_type_ == "NORP" for t in tokens) and roles.get(tokens.root.lemma_.lower()) != "organisation":
            continue
        written = names[i]
        if written is None or written.lower() != describe(tokens).lower() or any(
                c.name.lower() == written.lower() and c.position >= headline_end and c.label is not None
                for c in candidates):
            continue  # the headline names its source (as the body does: "Arakan Army says")
        named = _headline_role(tokens, roles, headline_end, [c for c in candidates if c.name != written])
        if named is not None:
            for k, name in names.items():
                if name == written:
                    names[k] = named


def named_group(tokens: SpacySpan, position: int) -> str | None:
    """ "The rebels, for their part, said ...": a plural noun with only an article the text
    used before with a name in front ("the Kivu Liberation Front rebels"), by that name (with
    the noun when the name is a country's: "US officials"); None when two different names
    stood there (whose rebels would be a guess)."""
    head = tokens.root
    if head.tag_ != "NNS" or any(t.i != head.i and t.dep_ != "det" for t in tokens):
        return None
    names: list[str] = []
    doc = tokens.doc
    lemma, lemmas = head.lemma_, token_strings(doc, "LEMMA")  # the words: no Token object per token
    for i in range(tokens.start):
        if lemmas[i] != lemma:
            continue
        token = doc[i]
        if token.idx >= position:
            continue
        name = [c for c in token.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_)]
        if name:
            first = min(t.left_edge.i for t in name)
            # "US officials" are officials of a country, named with their noun; "M23 rebels" a group
            country = any(t.ent_type_ in ("GPE", "NORP") for t in tokens.doc[first:token.i])
            names.append(tokens.doc[first:token.i + 1 if country else token.i].text)
    return names[-1] if names and len(set(names)) == 1 else None


def _headline_role(tokens: SpacySpan, roles: dict[str, str], headline_end: int,
                   candidates: list[Named]) -> str | None:
    """ "..., spy agency says", "Minister tells parliament ...": a headline's source known only
    by its role is the body's first source with that role word (a news outlet only for a news
    role: "spy agency" is not "Yonhap News Agency"), else the body's first named source of that
    kind that spoke (not a news outlet or relay)."""
    role_word = tokens.root.lemma_.lower()
    kind = roles.get(role_word)
    if kind not in ("person", "organisation") or tokens.root.tag_ in ("NNS", "NNPS"):
        return None
    body = [c for c in candidates if c.position >= headline_end and c.role_words]
    modifiers = {t.lower_ for t in tokens if t.i < tokens.root.i}
    if modifiers & cues().intelligence_words:  # "spy agency says": the intelligence service the body names
        service = next((c for c in candidates if c.position >= headline_end and c.label == "INTEL"), None)
        if service is not None:
            return service.name
    media = media_role(tokens)
    same = [c for c in body if role_word in c.role_words and not c.described and (media or not is_news(c))]
    if same:
        return same[0].name
    # (not a rebel army for "the military", nor another country's body for "Indonesian military")
    armed = role_word in ARMED_ROLES
    countries = {t.lower_ for t in tokens if t.ent_type_ in ("NORP", "GPE") and t.i < tokens.root.i}
    spoke = [c for c in body if c.kind == kind and not c.described and not is_news(c)
             and not (armed and insurgent_name(c.name))
             and not (countries and not any(names_country(w, c.name) for w in countries))]
    return spoke[0].name if spoke else None
