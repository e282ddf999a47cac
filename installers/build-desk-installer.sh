#!/usr/bin/env bash
# Builds the desk app's native installer for this OS with jpackage. The options live in the *.args files beside this
# script; this script only gathers the jars and picks the args file.
#   installers/build-desk-installer.sh [deb|rpm|msi|dmg]
# IT pre-configures the central server for every PC installed from the package with
#   VENUEDESK_SERVER_URL=https://sync.example.org installers/build-desk-installer.sh deb
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
type="${1:-deb}"
case "$type" in
  deb|rpm) args="$here/desk/linux/$type.args" ;;
  msi)     args="$here/desk/windows/msi.args" ;;
  dmg)     args="$here/desk/macos/dmg.args" ;;
  *) echo "unknown installer type: $type (deb, rpm, msi, dmg)" >&2; exit 2 ;;
esac

cd "$root"
out="$root/app-desktop/target/installer"
rm -rf "$out" && mkdir -p "$out/lib" "$out/mods" "$out/dist"
# one reactor build: the desk's own modules come from this checkout (a separate copy-dependencies run would take
# them from ~/.m2, stale or missing on a fresh machine); each module copies its runtime libraries, the desk's are
# the union
./mvnw -q -DskipTests -pl app-desktop -am package dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$out/lib"
cp app-desktop/target/app-desktop-*.jar "$out/lib/"
# JavaFX platform jars go on the module path (jlink bakes them into the runtime), the rest on the class path.
mv "$out"/lib/javafx-*-linux.jar "$out"/lib/javafx-*-win.jar "$out"/lib/javafx-*-mac*.jar "$out/mods/" 2>/dev/null || true
rm -f "$out"/lib/javafx-*.jar

extra=()
if [ -n "${VENUEDESK_SERVER_URL:-}" ]; then
  extra+=(--java-options "-Dvenuedesk.server=${VENUEDESK_SERVER_URL}")
fi
jpackage @"$here/desk/common.args" @"$args" \
  --input "$out/lib" --main-jar "$(basename app-desktop/target/app-desktop-*.jar)" \
  --module-path "$out/mods" --dest "$out/dist" "${extra[@]}"
ls -l "$out/dist"
