#!/usr/bin/env bash
# Saves PNGs of the desk's main screens into docs/screenshots/ by running the real app under Xvfb.
# Needs: xvfb libgtk-3-0 (apt-get install -y --no-install-recommends xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
./mvnw -q -pl app-desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/desk-test-classpath.txt -Dmdep.includeScope=test
cp="app-desktop/target/test-classes:app-desktop/target/classes:$(cat app-desktop/target/desk-test-classpath.txt)"
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -Dprism.order=sw -Dvenuedesk.home="$(mktemp -d)" -cp "$cp" com.venuedesk.desk.Screenshots "$out"
# the booking history dialog, online and offline, opened from a booking's context menu (audit endpoint played by a stub)
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -Dprism.order=sw -cp "$cp" com.venuedesk.desk.history.HistoryScreenshots "$out"
# the screens of issue 20: booking dialog states, cancel prompt, provisional / awaiting approval, approvals, German conflicts
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -Dprism.order=sw -cp "$cp" com.venuedesk.desk.BusyMorningScreenshots "$out"
