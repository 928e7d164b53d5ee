"""`advisor` command line. Each command group lives in its own module with `register(subparsers)`.

Heavy imports (pandas, the catalog) happen inside the handlers, so `advisor --help` is instant.
Errors a user can fix (`advisor.errors.AdvisorError`) print one line and exit 2: never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from advisor.errors import AdvisorError

# module name -> registers these commands
COMMAND_MODULES = [
    "advisor.cli.catalog_cmds",  # models, data build|info|refresh
    "advisor.cli.hardware_cmds",  # gpus, fit
    "advisor.cli.engine_cmds",  # recommend, schema
    "advisor.cli.parse_cmds",  # parse
    "advisor.cli.gap_cmds",  # gap
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor", description="Which LLM to use, deployed how, at what monthly cost — and why."
    )
    from advisor import __version__

    parser.add_argument("--version", action="version", version=f"advisor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
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
