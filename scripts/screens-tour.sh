#!/usr/bin/env bash
# Saves PNGs of the customers, handover, conflicts and admin screens into docs/screenshots/ by running the real
# desk under Xvfb. Needs: xvfb libgtk-3-0. Arguments: output directory, optional language (en, de).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
./mvnw -q -o -pl app-desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/desk-test-classpath.txt -Dmdep.includeScope=test
cp="app-desktop/target/test-classes:app-desktop/target/classes:$(cat app-desktop/target/desk-test-classpath.txt)"
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -Dprism.order=sw -cp "$cp" com.venuedesk.desk.ScreensTour "$out" ${2:-}
