"""Lazy command registration: the table names the right module for every command, running a command
imports only its module, and `advisor --help` still lists every command."""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib import import_module

import pytest

from advisor.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT


def registered_by(module: str) -> set[str]:
    sub = argparse.ArgumentParser().add_subparsers()
    import_module(module).register(sub)
    return set(sub.choices)


def test_the_table_names_the_module_that_registers_each_command():
    for module in set(COMMANDS.values()):
        assert registered_by(module) == {c for c, m in COMMANDS.items() if m == module}, module


def test_help_lists_every_command(capsys):
    assert main([]) == 0
    listed = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in listed or f"    {command}\n" in listed, command


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_known_command_registers_only_its_own_module(command):
    sub = next(a for a in build_parser(command)._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {c for c, m in COMMANDS.items() if m == COMMANDS[command]}


def test_running_schema_imports_no_other_command_module_nor_pandas():
    code = (
        "import io, sys, contextlib\n"
        "from advisor.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): assert main(['schema']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('advisor.cli.') or m in ('pandas', 'numpy'))\n"
        "print(' '.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["advisor.cli.engine_cmds"]


def test_a_typo_lists_the_commands_and_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["recomend"])
    assert exit_info.value.code == 2
    assert "'recommend'" in capsys.readouterr().err
