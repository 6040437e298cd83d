"""Commands over the whole ledger: sources, figures, claims, export, grade. Thin over claimgraph.analyze."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from claimgraph.cli.options import (
    db_option,
    emit_json,
    emit_ndjson,
    err,
    fail_on_errors,
    json_option,
    open_db,
)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _origin_counts(ledger: Any, resolver: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    from claimgraph.ledger import schema as t

    counts: dict[str, int] = {}
    with ledger.engine.connect() as conn:
        for origin, n in conn.execute(select(t.figure.c.origin, func.count()).where(
                t.figure.c.status == "active", t.figure.c.origin.is_not(None)).group_by(t.figure.c.origin)):
            name = resolver.canonical(origin)
            counts[name] = counts.get(name, 0) + n
    return counts


# ---------------------------------------------------------------- sources


@click.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """Canonical sources and their aliases: list, show, merge, alias, split, link, undo, history."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(sources_list)


@sources.command("list")
@json_option
@db_option
@fail_on_errors
def sources_list(as_json: bool = False, db: str = "claimgraph.db") -> None:
    """List canonical sources with type, reliability grade and figures they originate."""
    from claimgraph.analyze.grading import current_grades
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        book = SourceBook(ledger)
        resolver = book.resolver()
        grades = current_grades(ledger, resolver)
        counts = _origin_counts(ledger, resolver)
        rows: list[dict[str, Any]] = []
        for s in sorted(resolver.by_id.values(), key=lambda s: s.name.casefold()):
            if s.merged_into:
                continue
            rows.append({"name": s.name, "type": s.type, "grade": grades[s.name].grade if s.name in grades else "F",
                         "speaks_for": s.speaks_for, "variants": len(set(s.variants)), "merged": s.merged,
                         "figures": counts.pop(s.name, 0), "origin": s.origin})
        for name, n in sorted(counts.items()):  # names in the ledger the book does not know
            rows.append({"name": name, "type": resolver.type_of(name), "grade": "F", "speaks_for": None,
                         "variants": 0, "merged": [], "figures": n, "origin": "ledger"})
    if as_json:
        emit_ndjson(rows)
        return
    for r in rows:
        extra = f"  speaks for {r['speaks_for']}" if r["speaks_for"] else ""
        merged = f"  (+ {', '.join(r['merged'])})" if r["merged"] else ""
        click.echo(f"{r['grade']}  {r['type']:<12} {r['figures']:>6} fig  {r['name']}{extra}{merged}")


@sources.command("show")
@click.argument("name")
@json_option
@db_option
@fail_on_errors
def sources_show(name: str, as_json: bool, db: str) -> None:
    """Show one source: type, variants, merges, grades, whom it cites and who cites it."""
    from claimgraph.analyze.chains import CitationGraph
    from claimgraph.analyze.grading import grade_history
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        book = SourceBook(ledger)
        source = book.get(name)
        resolver = book.resolver()
        graph = CitationGraph.build(ledger, resolver)
        history = grade_history(ledger, source.name, book=book)
        loops = [loop for loop in graph.loops() if source.name in loop]
    data: dict[str, Any] = {"name": source.name, "type": source.type, "speaks_for": source.speaks_for,
            "variants": sorted(set(source.variants)), "merged": source.merged, "origin": source.origin,
            "grade": history[-1].grade if history else "F",
            "grades": [g.to_json() for g in history],
            "cites": [{"source": e.cited, "documents": sorted(e.documents)} for e in graph.cites(source.name)],
            "cited_by": [{"source": e.cites, "documents": sorted(e.documents)} for e in graph.cited_by(source.name)],
            "circular": loops}
    if as_json:
        emit_json(data)
        return
    click.echo(f"{data['name']}  ({data['type']}; reliability {data['grade']})")
    if data["speaks_for"]:
        click.echo(f"  speaks for: {data['speaks_for']}")
    click.echo(f"  variants: {'; '.join(data['variants'])}")
    if data["merged"]:
        click.echo(f"  merged in: {'; '.join(data['merged'])}")
    for g in history:
        click.echo(f"  grade {g.grade} by {g.actor} at {g.at:%Y-%m-%d %H:%M}: {g.rationale}")
    for label, key in (("cites", "cites"), ("cited by", "cited_by")):
        for edge in data[key]:
            click.echo(f"  {label}: {edge['source']} (documents {', '.join(map(str, edge['documents']))})")
    for loop in loops:
        click.echo(f"  circular reporting among: {' / '.join(loop)}")


@sources.command("merge")
@click.argument("name")
@click.argument("into")
@db_option
@fail_on_errors
def sources_merge(name: str, into: str, db: str) -> None:
    """Merge source NAME into source INTO (a custody event; `sources undo` reverses it)."""
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        change = SourceBook(ledger).merge(name, into)
    err(f"merged {name} into {into} (change {change}; `claimgraph sources undo {change}` reverses it)")


@sources.command("alias")
@click.argument("variant")
@click.argument("canonical")
@db_option
@fail_on_errors
def sources_alias(variant: str, canonical: str, db: str) -> None:
    """Make VARIANT a name of CANONICAL (a custody event)."""
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        change = SourceBook(ledger).alias(variant, canonical)
    err(f"{variant} now names {canonical} (change {change})")


@sources.command("split")
@click.argument("name")
@click.argument("variant")
@click.option("--type", "kind", help="Type of the split-off source (default: the parent's).")
@db_option
@fail_on_errors
def sources_split(name: str, variant: str, kind: str | None, db: str) -> None:
    """Take VARIANT (a merged source or a variant) away from NAME as a source of its own."""
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        change = SourceBook(ledger).split(name, variant, kind=kind)
    err(f"split {variant} from {name} (change {change})")


@sources.command("link")
@click.argument("name")
@click.argument("body")
@db_option
@fail_on_errors
def sources_link(name: str, body: str, db: str) -> None:
    """Record that NAME speaks for or cites BODY, so that they count as one origin (a custody event)."""
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        change = SourceBook(ledger).link(name, body)
    err(f"{name} now speaks for {body} (change {change})")


@sources.command("undo")
@click.argument("change_id", type=int, required=False)
@db_option
@fail_on_errors
def sources_undo(change_id: int | None, db: str) -> None:
    """Undo the latest merge, alias, split or link (or CHANGE_ID)."""
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        undo = SourceBook(ledger).undo(change_id)
    err(f"undone (change {undo})")


@sources.command("history")
@json_option
@db_option
@fail_on_errors
def sources_history(as_json: bool, db: str) -> None:
    """List merges, aliases, splits and undos, oldest first."""
    from claimgraph.analyze.sources import SourceBook

    with open_db(db) as ledger:
        rows = SourceBook(ledger).history()
    if as_json:
        emit_ndjson(rows)
        return
    for r in rows:
        state = f" (undone by {r['undone_by_id']})" if r["undone_by_id"] else ""
        click.echo(f"{r['id']:>4}  {r['kind']:<6} {r['actor']}  {r['detail']}{state}")


# ---------------------------------------------------------------- figures


def _print_estimate(e: Any) -> None:
    from claimgraph.analyze.timelines import interval_text

    when = e.when.isoformat() if e.when else "undated   "
    hedged = "  hedged" if e.hedged else ""
    click.echo(f"{when}  {interval_text(e.value_low, e.value_high):>10} {e.category:<10} [{e.qualifier}] "
               f"{e.subject or '?'}{' @ ' + e.place if e.place else ''}{hedged}")
    click.echo(f"            origin {e.origin} [{e.reliability}]  reports {e.reports} · outlets {len(e.outlets)} "
               f"· independent origins {e.origins}  credibility {e.credibility}  ({e.id})")
    click.echo(f"            credibility: {e.credibility_explanation}")
    for doc_id, chain in e.chains.items():
        click.echo(f"            doc {doc_id}: {' ← '.join(chain)}")
    for reason in e.circular:
        click.echo(f"            ! {reason}")
    for c in e.contradicts:
        click.echo(f"            ✗ contradicts {c.other}: {c.reason}")


@click.command()
@click.option("--subject", help="Text the figure's subject contains (any case), e.g. \"North Korean\".")
@click.option("--category", help="Figure category: deployed, killed, wounded, casualties, captured, ...")
@click.option("--place", help="Text the figure's place contains.")
@click.option("--since", callback=_date, help="Only estimates as of this date (YYYY-MM-DD) or later.")
@click.option("--until", callback=_date, help="Only estimates as of this date or earlier.")
@click.option("--origin", help="Only estimates backed by this originating source.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV on stdout.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the estimates over time to this .svg or .png file.")
@json_option
@db_option
@fail_on_errors
def figures(subject: str | None, category: str | None, place: str | None, since: date | None,
            until: date | None, origin: str | None, as_csv: bool, chart: Path | None, as_json: bool,
            db: str) -> None:
    """Figure estimates over time with originating sources, independent-origin counts and contradictions."""
    from claimgraph.analyze.timelines import FigureQuery, figure_timeline

    query = FigureQuery(subject=subject, category=category, place=place, since=since, until=until, origin=origin)
    with open_db(db) as ledger:
        timeline = figure_timeline(ledger, query)
    estimates = timeline.estimates
    if as_json:
        emit_ndjson(e.to_json() for e in estimates)
    elif as_csv:
        from claimgraph.analyze.exports import to_csv

        click.echo(to_csv([e.to_json() for e in estimates]), nl=False)
    else:
        for e in estimates:
            _print_estimate(e)
    contradicted = sum(bool(e.contradicts) for e in estimates)
    err(f"{len(estimates)} estimate(s) from {timeline.figures} figure statement(s); {contradicted} contradicted")
    if chart is not None:
        from claimgraph.analyze.chart import draw

        title = " ".join(x for x in (subject, category, place) if x) or "all figures"
        draw(estimates, chart, title=f"Estimates over time: {title}")
        err(f"chart written to {chart}")


# ---------------------------------------------------------------- claims, export, grade


@click.command()
@click.option("--about", help="Only statements whose text or source mentions this.")
@click.option("--limit", type=int, default=5000, show_default=True, help="Most statements read.")
@json_option
@db_option
@fail_on_errors
def claims(about: str | None, limit: int, as_json: bool, db: str) -> None:
    """Attributed statements grouped into claims, with chain, hedge, counts and credibility."""
    from claimgraph.analyze.claims import claims as build

    with open_db(db) as ledger:
        found = build(ledger, about=about, limit=limit)
    if as_json:
        emit_ndjson(c.to_json() for c in found)
        return
    for c in found:
        click.echo(f"{c.id}: {c.content[:140]}")
        click.echo(f"    chain {' ← '.join(c.chain)}  hedge {c.hedge_band or '-'}  reports {c.reports} · "
                   f"outlets {c.outlets} · origins {len(c.origins)}  credibility {c.credibility}: "
                   f"{c.credibility_explanation}")
        for reason in c.circular:
            click.echo(f"    ! {reason}")
        for s in c.contradicting:
            click.echo(f"    ✗ contradicted by doc {s.document_id}: {s.content[:100]}")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "ftm"]), required=True,
              help="json: one object; csv: four files in --out; ftm: FollowTheMoney entities, one per line.")
@click.option("--out", type=click.Path(path_type=Path), help="File (json, ftm) or folder (csv); stdout if omitted.")
@db_option
@fail_on_errors
def export(fmt: str, out: Path | None, db: str) -> None:
    """Export documents, statements, figure estimates and sources (a custody event)."""
    from claimgraph.analyze.exports import export as run

    with open_db(db) as ledger:
        result = run(ledger, fmt, out=out)
    if isinstance(result, str):
        click.echo(result, nl=False)
    else:
        err("wrote " + ", ".join(str(p) for p in result))


@click.command()
@click.argument("source")
@click.argument("grade")
@click.option("--rationale", required=True, help="Why this grade (kept in the grade history).")
@db_option
@fail_on_errors
def grade(source: str, grade: str, rationale: str, db: str) -> None:
    """Grade SOURCE's reliability A (completely reliable) to F (cannot be judged)."""
    from claimgraph.analyze.grading import RELIABILITY, set_grade

    with open_db(db) as ledger:
        done = set_grade(ledger, source, grade, rationale)
    err(f"{done.source}: {done.grade} ({RELIABILITY[done.grade]})")


COMMANDS = (sources, figures, claims, export, grade)
