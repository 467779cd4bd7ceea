"""JSON a person hands to a command (score inputs, an SGÉ statement, a column mapping), read within bounds.

The reading itself is io.json_input's; JsonInputError names the file, the line and column or the key.
"""

from __future__ import annotations

from espm_desktop.io.json_input import JsonInputError, load_json, loads_bounded

__all__ = ["JsonInputError", "load_json", "loads_bounded"]
