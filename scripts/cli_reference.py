"""Write docs/cli.md from the commands' own help, so the reference never drifts from the CLI.

    .venv/bin/python scripts/cli_reference.py          # rewrite docs/cli.md
    .venv/bin/python scripts/cli_reference.py --check  # exit 1 when docs/cli.md is stale (tests do this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "docs" / "cli.md"

INTRO = """# CLI reference

`claimgraph` has one verb per stage. Results go to stdout (tables, or JSON/NDJSON with `--json`)
so stages pipe; progress, logs and errors go to stderr, one line per error naming the subject,
the reason and the fix. Every command that reads the ledger takes `--db` (a SQLite path or a
`postgresql://` URL; default `claimgraph.db`, or `$CLAIMGRAPH_DB`).

This file is generated from the commands' help by `scripts/cli_reference.py`; the test suite
fails when it is stale.
"""


def render() -> str:
    from claimgraph.cli import main

    parts = [INTRO]

    def walk(command: click.Command, path: list[str]) -> None:
        ctx = click.Context(command, info_name=" ".join(path), terminal_width=100, max_content_width=100)
        parts.append(f"\n## `{' '.join(path)}`\n\n```text\n{command.get_help(ctx).rstrip()}\n```\n")
        if isinstance(command, click.Group):
            for name in sorted(command.commands):
                walk(command.commands[name], [*path, name])

    walk(main, ["claimgraph"])
    return "".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print("docs/cli.md is stale: run scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
