"""The `eval` commands: score the extractors against annotated corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimgraph.cli.options import emit_json, fail_on_errors

directory = click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))


@click.group("eval")
def eval_group() -> None:
    """Score the extractors on annotated corpora (PolNeAR, conflict-figures)."""


def _print_metrics(metrics: dict[str, Any]) -> None:
    for key, value in metrics.items():
        if isinstance(value, float):
            click.echo(f"{key:<28} {value:.4f}")
        elif isinstance(value, int):
            click.echo(f"{key:<28} {value}")


@eval_group.command("polnear")
@directory
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@fail_on_errors
def polnear(directory: Path, as_json: bool) -> None:
    """Attribution scores on a PolNeAR split (DIRECTORY holds text/ and attributions/)."""
    from claimgraph.eval import polnear as scorer

    metrics = scorer.evaluate(directory)
    if as_json:
        emit_json(metrics)
    else:
        click.echo(scorer.format_report(metrics))


@eval_group.command("figures")
@directory
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--predictions-out", type=click.Path(file_okay=False, path_type=Path),
              help="Write one prediction file per article in the gold schema.")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="aliases.json to compare sources with (default: beside the gold files, else the shipped table).")
@fail_on_errors
def figures(directory: Path, as_json: bool, predictions_out: Path | None, aliases: Path | None) -> None:
    """Figure scores on conflict-figures gold files in DIRECTORY."""
    from claimgraph.eval import figures as scorer

    metrics = scorer.evaluate(directory, predictions_out=predictions_out, aliases=aliases)
    if as_json:
        emit_json(metrics)
    else:
        _print_metrics(metrics)
