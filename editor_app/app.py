"""Entry point: `midad` opens the window; `midad COMMAND` runs the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # What argparse would print, without building the parser of every command first
        # (thirty sub-parsers: half of `--version`'s time).
        from editor_app import __version__

        print(f"midad {__version__}")
        raise SystemExit(0)
    from editor_app.cli import build_parser, location_from, run_command

    args = build_parser().parse_args(argv)
    if getattr(args, "self_check", False):
        from editor_app.self_check import run_self_check

        return run_self_check()
    if args.command is not None:
        return run_command(args)
    # Imported here so that CLI commands never load Qt.
    from editor_app.ui.application import run_window

    return run_window(location_from(args), sys.argv[:1])


if __name__ == "__main__":
    raise SystemExit(main())
