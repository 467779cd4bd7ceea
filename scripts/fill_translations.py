"""Fill unfinished entries of a .ts file from a Python dict {source: translation} kept in a file.

    python scripts/fill_translations.py resources/translations/espm_desktop_fr.ts TABLE.py
TABLE.py defines FR = {...}. Entries already translated are left alone; what is still unfinished is listed.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts: str, table_file: str) -> int:
    table: dict[str, str] = runpy.run_path(table_file)["FR"]
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        if source in table:
            translation.text = table[source]
            del translation.attrib["type"]
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", repr(source))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
