"""Canonical sources and their aliases: who a name in a reporting chain really is.

A `SourceBook` keeps the canonical sources of one ledger (type, the body a person speaks for or
cites, merges) and their variants, seeded from the shipped `aliases.yaml` plus the user overlay,
and edited by the analyst (merge, alias, split), each edit a custody event that `undo` reverses.
A `Resolver` is a read-only snapshot of the book that maps any surface name to its canonical
source and its independence root. This module reads and writes only the analysis tables and the
custody log; it computes no counts and draws no conclusions about claims.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Connection, func, insert, select, update

from claimgraph.errors import ConfigError, LedgerError, NotFound
from claimgraph.ledger import analysis_schema as a
from claimgraph.ledger.store import Ledger, default_actor, now

SHIPPED_ALIASES = Path(__file__).with_name("aliases.yaml")
USER_ALIASES_ENV = "CLAIMGRAPH_ALIASES"
SOURCE_TYPES = ("outlet", "wire", "government", "intelligence", "military", "official", "lawmaker",
                "analyst", "anonymous", "other")
PERSON_TYPES = ("official", "lawmaker")
# libyaml's safe loader where PyYAML has it (the same documents, a sixth of the time: reading the
# aliases file is most of a one-query process's first timeline), else the pure-Python one.
SAFE_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def user_aliases_path() -> Path:
    configured = os.environ.get(USER_ALIASES_ENV)
    return Path(configured) if configured else Path.home() / ".config" / "claimgraph" / "aliases.yaml"


_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Case-, punctuation- and possessive-insensitive key of a name ("South Korea's NIS" -> "south korea nis")."""
    key = name.casefold().replace("’", "'")
    key = re.sub(r"'s\b", "", key)
    key = _SPACES.sub(" ", _PUNCT.sub(" ", key)).strip()
    return key.removeprefix("the ")


# ---------------------------------------------------------------- the aliases file


@dataclass
class SourceEntry:
    name: str
    type: str
    variants: list[str] = field(default_factory=list)
    speaks_for: str | None = None


@dataclass
class AliasConfig:
    """The shipped aliases file with the user overlay applied."""

    sources: dict[str, SourceEntry]
    titles: list[str]
    transliterations: list[tuple[re.Pattern[str], str]]
    anonymous_patterns: list[re.Pattern[str]]


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_YAML_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read aliases file: {exc}", subject=str(path),
                          fix="fix the YAML or remove the file") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sources", []), list):
        raise ConfigError("aliases file must be a mapping with a `sources` list", subject=str(path),
                          fix="see claimgraph/analyze/aliases.yaml for the layout")
    return data


def _merge_sources(into: dict[str, SourceEntry], entries: list[Any], path: Path) -> None:
    for raw in entries:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise ConfigError(f"source entry without a name: {raw!r}", subject=str(path),
                              fix="give every entry a `name:`")
        kind = raw.get("type")
        if kind is not None and kind not in SOURCE_TYPES:
            raise ConfigError(f"unknown source type {kind!r} for {raw['name']}", subject=str(path),
                              fix=f"use one of {', '.join(SOURCE_TYPES)}")
        variants = [str(v) for v in raw.get("variants") or []]
        entry = into.get(raw["name"])
        if entry is None:
            into[raw["name"]] = SourceEntry(raw["name"], kind or "other", variants, raw.get("speaks_for"))
        else:  # the overlay extends or retypes a shipped source
            entry.variants.extend(v for v in variants if v not in entry.variants)
            entry.type = kind or entry.type
            entry.speaks_for = raw.get("speaks_for", entry.speaks_for)


def load_config(user_path: Path | None = None) -> AliasConfig:
    shipped = _read_yaml(SHIPPED_ALIASES)
    sources: dict[str, SourceEntry] = {}
    _merge_sources(sources, shipped["sources"], SHIPPED_ALIASES)
    titles = [normalize(t) for t in shipped.get("titles", [])]
    rules = list(shipped.get("transliterations", []))
    anonymous = list(shipped.get("anonymous_patterns", []))
    overlay = user_path if user_path is not None else user_aliases_path()
    if overlay.is_file():
        extra = _read_yaml(overlay)
        _merge_sources(sources, extra.get("sources", []), overlay)
        titles += [normalize(t) for t in extra.get("titles", [])]
        rules += extra.get("transliterations", [])
        anonymous += extra.get("anonymous_patterns", [])
    for entry in sources.values():
        if entry.speaks_for and entry.speaks_for not in sources:
            raise ConfigError(f"{entry.name} speaks for unknown source {entry.speaks_for!r}",
                              subject="aliases", fix="define that source too, or fix the name")
    try:
        compiled = [(re.compile(pattern), repl) for pattern, repl in rules]
        patterns = [re.compile(p) for p in anonymous]
    except (re.error, ValueError, TypeError) as exc:
        raise ConfigError(f"bad pattern in aliases file: {exc}", subject="aliases",
                          fix="transliterations are [regex, replacement] pairs") from exc
    # Longest titles first, so "south korean lawmaker" goes before "lawmaker".
    return AliasConfig(sources, sorted(set(titles), key=len, reverse=True), compiled, patterns)


# ---------------------------------------------------------------- resolution


@dataclass
class Source:
    """A canonical source as `sources show` prints it."""

    id: int
    name: str
    type: str
    origin: str
    speaks_for: str | None = None
    merged_into: str | None = None
    variants: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # sources merged into this one
    note: str | None = None


class Resolver:
    """A snapshot of the source book: surface name -> canonical name, type and independence root."""

    def __init__(self, config: AliasConfig, sources: dict[int, Source], keys: dict[str, int]):
        self.config = config
        self.by_id = sources
        self.by_name = {s.name: s for s in sources.values()}
        self.keys = keys  # normalized variant -> source id
        self.folded = {self._fold(k): i for k, i in keys.items()}
        self._cache: dict[str, str] = {}
        self._found: dict[str, Source | None] = {}
        self._roots: dict[str, str] = {}
        self._types: dict[str, str] = {}
        self._chains: dict[tuple[str, ...], list[str]] = {}

    def _fold(self, key: str) -> str:
        for pattern, repl in self.config.transliterations:
            key = pattern.sub(repl, key)
        return key.replace(" ", "")

    def _strip_title(self, key: str) -> str:
        for title in self.config.titles:
            if key.startswith(title + " ") and len(key) > len(title) + 1:
                return key[len(title) + 1:]
        return key

    def final(self, source_id: int) -> Source:
        """The source `source_id` stands for now, following merges."""
        return self._final(source_id)

    def _final(self, source_id: int) -> Source:
        source = self.by_id[source_id]
        seen = {source_id}
        while source.merged_into is not None:
            source = self.by_name[source.merged_into]
            if source.id in seen:  # a merge cycle cannot be made through the book's checks
                break
            seen.add(source.id)
        return source

    def lookup(self, name: str) -> Source | None:
        """The canonical source a name denotes, or None for a name the book does not know."""
        if name in self._found:
            return self._found[name]
        found = self._lookup(name)
        self._found[name] = found
        return found

    def _lookup(self, name: str) -> Source | None:
        key = normalize(name)
        for candidate in (key, self._strip_title(key)):
            if candidate in self.keys:
                return self._final(self.keys[candidate])
        for candidate in (key, self._strip_title(key)):
            folded = self._fold(candidate)
            if folded in self.folded:
                return self._final(self.folded[folded])
        return None

    def canonical(self, name: str) -> str:
        cached = self._cache.get(name)
        if cached is None:
            found = self.lookup(name)
            cached = found.name if found is not None else " ".join(name.split())
            self._cache[name] = cached
        return cached

    def type_of(self, name: str) -> str:
        kind = self._types.get(name)
        if kind is None:
            kind = self._types[name] = self._type_of(name)
        return kind

    def _type_of(self, name: str) -> str:
        found = self.lookup(name)
        if found is not None:
            return found.type
        key = normalize(name)
        if any(p.search(key) for p in self.config.anonymous_patterns):
            return "anonymous"
        return "other"

    def root(self, name: str) -> str:
        """The independence root: the body a person speaks for or cites, followed to its end."""
        root = self._roots.get(name)
        if root is None:
            root = self._roots[name] = self._root(name)
        return root

    def _root(self, name: str) -> str:
        found = self.lookup(name)
        if found is None:
            return self.canonical(name)
        seen = {found.name}
        while found.speaks_for is not None and found.speaks_for not in seen:
            found = self._final(self.by_name[found.speaks_for].id)
            seen.add(found.name)
        return found.name

    def chain(self, names: list[str]) -> list[str]:
        """Canonical names along a chain, with immediate repeats ("NIS" after "the NIS") collapsed.

        The list returned may be shared between calls: read it, do not change it."""
        key = tuple(names)
        cached = self._chains.get(key)
        if cached is None:
            cached = self._chains[key] = self._chain(names)
        return cached

    def _chain(self, names: list[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            canon = self.canonical(name)
            if not out or out[-1] != canon:
                out.append(canon)
        return out


# ---------------------------------------------------------------- the book in the ledger


class SourceBook:
    """Canonical sources of one ledger, seeded from the aliases files, edited as custody events."""

    def __init__(self, ledger: Ledger, *, config: AliasConfig | None = None):
        self.ledger = ledger
        self.config = config or _default_config()
        self._seeded = False

    # ------------------------------------------------------------ seeding and reading

    def _cache_key(self) -> tuple[str, int]:
        return (self.ledger.url, id(self.config))

    def seed(self) -> None:
        """Insert the sources and variants of the aliases files that the ledger does not hold yet."""
        if self._seeded or self._cache_key() in _SEEDED:
            self._seeded = True
            return
        with self.ledger.engine.begin() as conn:
            names = dict(conn.execute(select(a.source.c.name, a.source.c.id)).all())
            keys = set(conn.execute(select(a.source_alias.c.key)).scalars())
            stamp = now()
            for entry in self.config.sources.values():
                if entry.name not in names:
                    names[entry.name] = conn.execute(insert(a.source).values(
                        name=entry.name, type=entry.type, origin="shipped", created=stamp,
                    )).inserted_primary_key[0]
            for entry in self.config.sources.values():
                if entry.speaks_for:
                    conn.execute(update(a.source).where(
                        a.source.c.id == names[entry.name], a.source.c.speaks_for_id.is_(None),
                        a.source.c.origin == "shipped").values(speaks_for_id=names[entry.speaks_for]))
                for variant in [entry.name, *entry.variants]:
                    key = normalize(variant)
                    if key and key not in keys:
                        keys.add(key)
                        conn.execute(insert(a.source_alias).values(
                            key=key, variant=variant, source_id=names[entry.name], origin="shipped",
                            created=stamp))
        self._seeded = True
        _SEEDED.add(self._cache_key())

    def resolver(self) -> Resolver:
        """A snapshot of the book; reused while no source, alias, grade or change has been added."""
        self.seed()
        with self.ledger.engine.connect() as conn:
            version = tuple(conn.execute(select(
                select(func.max(a.source.c.id)).scalar_subquery(),
                select(func.max(a.source_alias.c.id)).scalar_subquery(),
                select(func.count()).select_from(a.source_alias).scalar_subquery(),
                select(func.max(a.source_change.c.id)).scalar_subquery())).one())
            if version[0] is None and self.config.sources:  # the database was replaced since seeding
                _SEEDED.discard(self._cache_key())
                self._seeded = False
                return self.resolver()
            cached = _RESOLVERS.get(self._cache_key())
            if cached is not None and cached[0] == version:
                return cached[1]
            resolver = self._resolver(conn)
        _RESOLVERS[self._cache_key()] = (version, resolver)
        return resolver

    def _resolver(self, conn: Connection) -> Resolver:
        rows = conn.execute(select(a.source)).all()
        names = {r.id: r.name for r in rows}
        sources = {r.id: Source(r.id, r.name, r.type, r.origin, names.get(r.speaks_for_id),
                                names.get(r.merged_into_id), note=r.note) for r in rows}
        keys: dict[str, int] = {}
        for alias in conn.execute(select(a.source_alias.c.key, a.source_alias.c.variant,
                                         a.source_alias.c.source_id)):
            keys[alias.key] = alias.source_id
            sources[alias.source_id].variants.append(alias.variant)
        for source in sources.values():
            if source.merged_into:
                next(s for s in sources.values() if s.name == source.merged_into).merged.append(source.name)
        return Resolver(self.config, sources, keys)

    def canonical_sources(self) -> list[Source]:
        """Every source not merged into another, by name."""
        return sorted((s for s in self.resolver().by_id.values() if s.merged_into is None),
                      key=lambda s: s.name.casefold())

    def get(self, name: str) -> Source:
        found = self.resolver().lookup(name)
        if found is None:
            raise NotFound("no such source", subject=name,
                           fix="list sources with `claimgraph sources list`, or add one with `sources alias`")
        return found

    # ------------------------------------------------------------ edits

    def _ensure(self, conn: Connection, name: str, *, kind: str | None = None) -> int:
        """The id of the source `name` denotes, creating an analyst source when it is unknown."""
        found = self._resolver(conn).lookup(name)
        if found is not None:
            return found.id
        clean = " ".join(name.split())
        if not clean:
            raise LedgerError("empty source name", subject="sources", fix="give a name")
        stamp = now()
        source_id = conn.execute(insert(a.source).values(
            name=clean, type=kind or self._resolver(conn).type_of(clean), origin="analyst", created=stamp,
        )).inserted_primary_key[0]
        conn.execute(insert(a.source_alias).values(key=normalize(clean), variant=clean, source_id=source_id,
                                                   origin="analyst", created=stamp))
        return source_id

    def _record(self, conn: Connection, kind: str, detail: dict[str, Any], actor: str) -> int:
        event = self.ledger._log(conn, f"source-{kind}", actor, detail=detail)
        return conn.execute(insert(a.source_change).values(
            kind=kind, detail=detail, actor=actor, at=now(), custody_event_id=event.id,
        )).inserted_primary_key[0]

    def merge(self, name: str, into: str, *, actor: str | None = None) -> int:
        """Make `name` one source with `into`: its variants and statements count as `into`'s."""
        self.seed()
        actor = actor or default_actor()
        with self.ledger.engine.begin() as conn:
            src, dst = self._ensure(conn, name), self._ensure(conn, into)
            resolver = self._resolver(conn)
            if src == dst:
                raise LedgerError("already the same source", subject=f"{name} / {into}",
                                  fix="nothing to merge; `sources show` lists its variants")
            if resolver._final(dst).id == src:
                raise LedgerError("merging would make a loop", subject=f"{name} -> {into}",
                                  fix=f"merge {into} into {name} instead, or undo the earlier merge")
            conn.execute(update(a.source).where(a.source.c.id == src).values(merged_into_id=dst))
            return self._record(conn, "merge", {
                "source": resolver.by_id[src].name, "source_id": src,
                "into": resolver.by_id[dst].name, "into_id": dst}, actor)

    def alias(self, variant: str, canonical: str, *, actor: str | None = None) -> int:
        """Make `variant` a name of `canonical` (created as an analyst source when unknown)."""
        self.seed()
        actor = actor or default_actor()
        key = normalize(variant)
        if not key:
            raise LedgerError("empty alias", subject="sources alias", fix="give a name with letters in it")
        with self.ledger.engine.begin() as conn:
            dst = self._ensure(conn, canonical)
            row = conn.execute(select(a.source_alias).where(a.source_alias.c.key == key)).first()
            if row is not None and row.source_id == dst:
                raise LedgerError("already an alias of that source", subject=variant, fix="nothing to do")
            if row is None:
                alias_id = conn.execute(insert(a.source_alias).values(
                    key=key, variant=variant, source_id=dst, origin="analyst", created=now(),
                )).inserted_primary_key[0]
                old = None
            else:
                alias_id, old = row.id, row.source_id
                conn.execute(update(a.source_alias).where(a.source_alias.c.id == row.id).values(source_id=dst))
            names = self._resolver(conn).by_id
            return self._record(conn, "alias", {
                "variant": variant, "alias_id": alias_id, "source": names[dst].name, "source_id": dst,
                "previous_source_id": old, "previous_source": names[old].name if old else None}, actor)

    def split(self, name: str, variant: str, *, kind: str | None = None, actor: str | None = None) -> int:
        """Take `variant` away from `name`: undo a merge, or make a variant its own source."""
        self.seed()
        actor = actor or default_actor()
        with self.ledger.engine.begin() as conn:
            resolver = self._resolver(conn)
            parent = resolver.lookup(name)
            if parent is None:
                raise NotFound("no such source", subject=name, fix="list sources with `claimgraph sources list`")
            merged = next((s for s in resolver.by_id.values()
                           if s.name == " ".join(variant.split()) and s.merged_into == parent.name), None)
            if merged is not None:
                conn.execute(update(a.source).where(a.source.c.id == merged.id).values(merged_into_id=None))
                return self._record(conn, "split", {"source": parent.name, "source_id": parent.id,
                                                    "unmerged": merged.name, "unmerged_id": merged.id}, actor)
            key = normalize(variant)
            row = conn.execute(select(a.source_alias).where(a.source_alias.c.key == key)).first()
            if row is None or resolver._final(row.source_id).id != parent.id or row.source_id != parent.id:
                raise LedgerError(f"{variant!r} is not a variant of {parent.name}", subject="sources split",
                                  fix=f"see its variants with `claimgraph sources show \"{parent.name}\"`")
            if key == normalize(parent.name):
                raise LedgerError("cannot split a source from its own name", subject=variant,
                                  fix="merge it elsewhere instead")
            new_id = conn.execute(insert(a.source).values(
                name=" ".join(variant.split()), type=kind or parent.type, origin="analyst", created=now(),
            )).inserted_primary_key[0]
            conn.execute(update(a.source_alias).where(a.source_alias.c.id == row.id).values(source_id=new_id))
            return self._record(conn, "split", {"source": parent.name, "source_id": parent.id,
                                                "variant": variant, "alias_id": row.id, "new_source_id": new_id},
                                actor)

    def link(self, name: str, body: str, *, actor: str | None = None) -> int:
        """Record that `name` (a person, usually) speaks for or cites `body`: they count as one origin."""
        self.seed()
        actor = actor or default_actor()
        with self.ledger.engine.begin() as conn:
            person, target = self._ensure(conn, name), self._ensure(conn, body)
            resolver = self._resolver(conn)
            if person == target or resolver.root(resolver.by_id[target].name) == resolver.by_id[person].name:
                raise LedgerError("linking would make a loop", subject=f"{name} -> {body}",
                                  fix=f"`claimgraph sources show \"{body}\"` shows whom it speaks for")
            previous = resolver.by_id[person].speaks_for
            previous_id = resolver.by_name[previous].id if previous else None
            conn.execute(update(a.source).where(a.source.c.id == person).values(speaks_for_id=target))
            return self._record(conn, "link", {
                "source": resolver.by_id[person].name, "source_id": person,
                "speaks_for": resolver.by_id[target].name, "speaks_for_id": target,
                "previous_speaks_for_id": previous_id}, actor)

    def undo(self, change_id: int | None = None, *, actor: str | None = None) -> int:
        """Reverse a merge, alias, split or link (the latest one not yet undone, or `change_id`)."""
        actor = actor or default_actor()
        with self.ledger.engine.begin() as conn:
            query = select(a.source_change).where(a.source_change.c.undone_by_id.is_(None),
                                                  a.source_change.c.kind != "undo")
            if change_id is not None:
                query = query.where(a.source_change.c.id == change_id)
            row = conn.execute(query.order_by(a.source_change.c.id.desc()).limit(1)).first()
            if row is None:
                raise NotFound("nothing to undo", subject=str(change_id or "sources"),
                               fix="list changes with `claimgraph sources history`")
            d = row.detail
            if row.kind == "merge":
                conn.execute(update(a.source).where(a.source.c.id == d["source_id"]).values(merged_into_id=None))
            elif row.kind == "alias":
                if d["previous_source_id"] is None:
                    conn.execute(a.source_alias.delete().where(a.source_alias.c.id == d["alias_id"]))
                else:
                    conn.execute(update(a.source_alias).where(a.source_alias.c.id == d["alias_id"])
                                 .values(source_id=d["previous_source_id"]))
            elif row.kind == "link":
                conn.execute(update(a.source).where(a.source.c.id == d["source_id"])
                             .values(speaks_for_id=d["previous_speaks_for_id"]))
            elif row.kind == "split" and "unmerged_id" in d:
                conn.execute(update(a.source).where(a.source.c.id == d["unmerged_id"])
                             .values(merged_into_id=d["source_id"]))
            elif row.kind == "split":
                conn.execute(update(a.source_alias).where(a.source_alias.c.id == d["alias_id"])
                             .values(source_id=d["source_id"]))
                # The split-off source keeps its row (grades may point at it) but is merged back.
                conn.execute(update(a.source).where(a.source.c.id == d["new_source_id"])
                             .values(merged_into_id=d["source_id"]))
            undo_id = self._record(conn, "undo", {"undone": row.id, "kind": row.kind, **d}, actor)
            conn.execute(update(a.source_change).where(a.source_change.c.id == row.id)
                         .values(undone_by_id=undo_id))
            return undo_id

    def history(self) -> list[dict[str, Any]]:
        with self.ledger.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(a.source_change).order_by(a.source_change.c.id))]


# Per process: ledgers already seeded, and the latest resolver snapshot of each (with its version).
_SEEDED: set[tuple[str, int]] = set()
_RESOLVERS: dict[tuple[str, int], tuple[tuple[object, ...], Resolver]] = {}


@lru_cache(maxsize=1)
def _default_config_cached(user_path: str, mtime: float) -> AliasConfig:
    return load_config(Path(user_path))


def _default_config() -> AliasConfig:
    path = user_aliases_path()
    mtime = path.stat().st_mtime if path.is_file() else 0.0
    return _default_config_cached(str(path), mtime)
