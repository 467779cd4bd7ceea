#!/usr/bin/env bash
# Refresh the .ts sources from the code (existing translations are kept); translate new entries with Qt Linguist
# or by editing the XML, then commit the .ts. The .qm files are built at start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
for lang in fr; do
  pyside6-lupdate $(find espm_desktop/ui -name '*.py' | sort) -ts "resources/translations/espm_desktop_${lang}.ts" -no-obsolete
done
