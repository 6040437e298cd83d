"""The `claimgraph` command: one verb per stage, thin over the library.

Results go to stdout (tables, or JSON/NDJSON with --json) so stages pipe;
progress, logs and errors go to stderr.
"""

from __future__ import annotations

import click

from claimgraph import __version__
from claimgraph.cli import analysis, documents, evaluate, extract, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def main() -> None:
    """claimgraph: a provenance-first evidence ledger for conflict reporting."""


for command in (*documents.COMMANDS, *extract.COMMANDS, evaluate.eval_group, *analysis.COMMANDS,
                *serve.COMMANDS):
    main.add_command(command)

__all__ = ["main"]
