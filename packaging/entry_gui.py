"""Frozen entry point of `espm-desktop`: the window, or a command-line job when the first argument names one."""

import sys

from espm_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
