"""Docs are tested: every CLI command is documented, and the README keeps its two set-up commands."""

from __future__ import annotations

from pathlib import Path

import click

from claimgraph.cli import main

REPO = Path(__file__).resolve().parents[2]


def command_paths(group: click.Group, prefix: str = "claimgraph") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, path))
    return paths


def test_every_command_is_in_the_cli_reference():
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [p for p in command_paths(main) if f"`{p}" not in reference]
    assert missing == []


def test_cli_reference_is_generated_from_the_current_help():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(REPO / "scripts" / "cli_reference.py"), "--check"],
                            check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_readme_has_exactly_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("##", 1)[0]
    commands = [line.split("#")[0].strip() for line in setup.splitlines()
                if line.startswith("make ")]
    assert commands == ["make demo", "make test"]


def test_makefile_targets_exist_for_the_readme():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("demo:", "test:", "bench:", "eval:", "lint:", "train:"):
        assert f"\n{target}" in makefile
