"""Fill unfinished entries of a .ts file from a JSON dictionary {source text: translation}.

Usage: python scripts/fill_ts.py resources/translations/espm_desktop_fr.ts translations.json
Prints the sources still untranslated, so nothing is left in English by accident.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    ts_file, dict_file = sys.argv[1], sys.argv[2]
    table: dict[str, str] = json.loads(open(dict_file, encoding="utf-8").read())
    tree = ET.parse(ts_file)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished":
            if source in table:
                translation.text = table[source]
                del translation.attrib["type"]
            else:
                missing.append(source)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    with open(ts_file, encoding="utf-8") as fh:
        text = fh.read()
    with open(ts_file, "w", encoding="utf-8") as fh:
        fh.write(
            text.replace(
                "<?xml version='1.0' encoding='utf-8'?>",
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>',
            )
        )
    for source in missing:
        print("untranslated:", repr(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
