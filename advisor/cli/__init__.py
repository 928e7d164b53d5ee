"""`advisor` command line. Each command group lives in its own module with `register(subparsers)`.

`COMMANDS` says which module registers each command: running one imports only that module (cold start
of `advisor recommend`, benchmarks/cold_start.py); `advisor --help` and unknown commands import them all.
Heavy imports (pandas, the catalog) happen inside the handlers, so `advisor --help` is instant.
Errors a user can fix (`advisor.errors.AdvisorError`) print one line and exit 2: never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from advisor.errors import AdvisorError

# command -> the module whose `register` adds it (tests/perf/test_cli.py checks the table); order = --help
COMMANDS = {
    "models": "advisor.cli.catalog_cmds",
    "data": "advisor.cli.catalog_cmds",  # data build|info|refresh
    "gpus": "advisor.cli.hardware_cmds",
    "fit": "advisor.cli.hardware_cmds",
    "recommend": "advisor.cli.engine_cmds",
    "schema": "advisor.cli.engine_cmds",
    "parse": "advisor.cli.parse_cmds",
    "gap": "advisor.cli.gap_cmds",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with `command`'s module registered, or every module when `command` is not known."""
    parser = argparse.ArgumentParser(
        prog="advisor", description="Which LLM to use, deployed how, at what monthly cost — and why."
    )
    from advisor import __version__

    parser.add_argument("--version", action="version", version=f"advisor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # the top-level parser has no option that takes a value: the first other word is the command
    parser = build_parser(next((a for a in argv if not a.startswith("-")), None))
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except AdvisorError as err:
        print(f"advisor: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `advisor gpus | head`: the reader went away; that's fine
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
