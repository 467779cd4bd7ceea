"""Frozen entry point of `espm-desktop-cli`: the command-line jobs (as pyproject's script), with a console."""

import sys

from espm_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
