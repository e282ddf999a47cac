#!/usr/bin/env bash
# Builds the desk app's native installer for this OS with jpackage. The options live in the *.args files beside this
# script (common.args: every step; image.args: the application image; one per installer type); this script gathers
# the jars, and on Linux records the class-data-sharing archive the launcher starts with (see README.md).
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

# The Java runtime the desk ships with: VENUEDESK_RUNTIME_JDK, else the newest JDK 25 or later in /usr/lib/jvm, else
# the jpackage on the PATH. The desk is compiled for Java 17 and runs on either; from JDK 25 on the image starts from an
# AOT cache (JEP 483, 515: classes loaded and linked, and method profiles, from a training run), before that from a
# dynamic class-data-sharing archive.
feature_release() {
  { sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" 2> /dev/null || true; } | head -1
}
runtime_jdk="${VENUEDESK_RUNTIME_JDK:-}"
if [ -z "$runtime_jdk" ]; then
  best=0
  for home in /usr/lib/jvm/*; do
    release="$(feature_release "$home")"
    if [ -x "$home/bin/jpackage" ] && [ -n "$release" ] && [ "$release" -ge 25 ] && [ "$release" -gt "$best" ]; then
      runtime_jdk="$home" best="$release"
    fi
  done
fi
if [ -n "$runtime_jdk" ]; then
  jpackage="$runtime_jdk/bin/jpackage"
  release="$(feature_release "$runtime_jdk")"
else
  jpackage="$(command -v jpackage)"
  release="$(feature_release "$(dirname "$(dirname "$(readlink -f "$jpackage")")")")"
fi
if [ "${release:-0}" -ge 25 ]; then
  cache_kind="AOT cache"
  cache_file=venuedesk.aot
  cache_option=AOTCache
  # JavaFX 21 loads native libraries and (Marlin) calls sun.misc.Unsafe's memory methods: allowed up front, or
  # JDK 24 and later warn on every start
  image_extra=(--java-options "-XX:AOTCache=\$APPDIR/$cache_file" --java-options "--enable-native-access=javafx.graphics"
    --java-options "--sun-misc-unsafe-memory-access=allow")
  record_option="-XX:AOTCacheOutput="
  check_options="-XX:AOTMode=on -XX:+PrintSharedArchiveAndExit"
else
  cache_kind="class-data-sharing archive"
  cache_file=venuedesk.jsa
  cache_option=SharedArchiveFile
  # jlink writes the runtime's base CDS archive (lib/server/classes.jsa), which a dynamic archive builds on
  image_extra=(--jlink-options --generate-cds-archive --java-options "-XX:SharedArchiveFile=\$APPDIR/$cache_file")
  record_option="-XX:ArchiveClassesAtExit="
  check_options="-Xshare:on -XX:+PrintSharedArchiveAndExit"
fi
echo "runtime: Java $release from $jpackage; start-up cache: $cache_kind"

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
image_args=(@"$here/desk/common.args" @"$here/desk/image.args"
  --input "$out/lib" --main-jar "$(basename app-desktop/target/app-desktop-*.jar)" --module-path "$out/mods")

if [ "$type" = msi ] || [ "$type" = dmg ]; then
  # The archive must be recorded by the packaged runtime on the target OS, by a training run of the desk; that run
  # is written for Linux only (launcher and cfg paths, display), so Windows and macOS installers start without one.
  echo "note: $type installer without a $cache_kind (recorded on Linux builds only)" >&2
  "$jpackage" "${image_args[@]}" --jlink-options --strip-native-commands @"$args" --dest "$out/dist" "${extra[@]}"
  ls -l "$out/dist"
  exit 0
fi

# Step 1: the application image. Its runtime keeps bin/java (no --strip-native-commands) until step 2 is done: jlink
# runs it to write a base CDS archive, and an AOT training run starts it once more to assemble the cache.
image="$out/image/VenueDesk"
"$jpackage" "${image_args[@]}" --type app-image --dest "$out/image" "${image_extra[@]}" "${extra[@]}"
if [ "$cache_option" = SharedArchiveFile ]; then
  test -f "$image/lib/runtime/lib/server/classes.jsa"
fi

# Step 2: a training run of the image's own launcher records what the desk loads from sign-in to its first sync into
# lib/app/venuedesk.aot (or .jsa). The cache holds only for this runtime, these jars (size and modification time) and
# this class path, absolute paths included, so the run sees the image where the package installs it: a private mount
# namespace (unshare) lays the image over that directory for this run alone. It runs with the embedded server in a
# scratch home (never a user's data) and without the cfg's cache option (the JVM refuses to read and write the same
# cache); nothing in the image changes after it but the removal of the runtime's bin directory.
pkg="$(awk '$1 == "--linux-package-name" {print $2}' "$args")"
install_dir="$(awk '$1 == "--install-dir" {print $2}' "$args")"
installed="${install_dir:-/opt}/${pkg:-venuedesk}"
cfg="$image/lib/app/VenueDesk.cfg"
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
archive="$image/lib/app/$cache_file"
display=()
skip=""
if command -v xvfb-run > /dev/null; then
  display=(xvfb-run -a)   # JavaFX needs a display; Monocle cannot plug into the jlink'd javafx.graphics module
elif [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  skip="no display and no xvfb-run (apt-get install xvfb)"
fi
if ! command -v unshare > /dev/null || ! unshare --mount --map-root-user true 2> /dev/null; then
  skip="no mount namespace (unshare --mount --map-root-user) to run the desk at $installed"
fi
if [ -n "$skip" ]; then
  echo "warning: $skip: installer without a $cache_kind" >&2
  grep -v "$cache_option" "$cfg" > "$cfg.tmp" && mv "$cfg.tmp" "$cfg"
else
  # jpackage copies the image again to package it, stamping each file with the time of that copy; dpkg-deb (and
  # rpmbuild, told so in step 3) clamp the packaged files' times to SOURCE_DATE_EPOCH, so the installed jars get
  # the times the run recorded
  find "$image" -exec touch -h -d "@$epoch" {} +
  cp "$cfg" "$out/VenueDesk.cfg.release"
  # the training run talks to the embedded server even when IT configured a central one
  grep -v -e "$cache_option" -e '-Dvenuedesk.server=' "$out/VenueDesk.cfg.release" > "$cfg"
  home="$(mktemp -d)"
  echo "training run for the $cache_kind at $installed (log: $out/training.log)"
  # the directory over which the image is laid: the installed one if this machine has the desk, else a fresh
  # one in a scratch file system over its parent (both seen by this run only)
  at_install_dir='
    image="$1" installed="$2"; shift 2
    if [ ! -d "$installed" ]; then
      mount -t tmpfs tmpfs "$(dirname "$installed")" && mkdir -p "$installed"
    fi
    mount --bind "$image" "$installed" && exec "$@"'
  # runs a command (the launcher at the installed place) in that private mount namespace, for 300 s at most
  at_installed() {
    timeout 300 unshare --mount --map-root-user sh -c "$at_install_dir" sh "$image" "$installed" "$@"
  }
  # Two runs in the scratch home: the first sets it up as a desk's first start does (embedded server, demo venue,
  # sign-in, first sync; not recorded), the second is a start as staff see it every day, recorded: it quits as soon
  # as the calendar is up (--exit-when-ready), booting neither the embedded server nor the store's Hibernate, so the
  # cache holds what a start needs and no more (a cache that also held the server and the sync made every start load
  # those classes too).
  status=0
  at_installed "${display[@]}" "$installed/bin/VenueDesk" --home="$home" --demo --exit-when-synced \
    > "$out/training-setup.log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    JAVA_TOOL_OPTIONS="$record_option$installed/lib/app/$cache_file" \
      at_installed "${display[@]}" "$installed/bin/VenueDesk" --home="$home" --demo --exit-when-ready \
      > "$out/training.log" 2>&1 || status=$?
  fi
  rm -rf "$home"
  cp "$out/VenueDesk.cfg.release" "$cfg"
  if [ "$status" -ne 0 ] || [ ! -s "$archive" ]; then
    echo "training run failed (exit $status), see $out/training-setup.log and $out/training.log" >&2
    exit 1
  fi
  # the launcher at the installed place must map it: -Xshare:on (AOTMode=on) makes a mismatch an error, not a start
  # without it
  if ! JAVA_TOOL_OPTIONS="$check_options" at_installed "$installed/bin/VenueDesk" > "$out/archive-check.log" 2>&1; then
    echo "the recorded $cache_kind does not map, see $out/archive-check.log" >&2
    exit 1
  fi
  echo "$cache_kind: $(du -h "$archive" | cut -f1)"
fi
# what --strip-native-commands would have left out, now that no step needs it; a base archive without compressed
# oops serves heaps above 32 GB only, and the launcher caps the heap at 768 MB
rm -rf "$image/lib/runtime/bin" "$image/lib/runtime/lib/server/classes_nocoops.jsa"

# Step 3: the installer, from the image as it is.
package_env=(SOURCE_DATE_EPOCH="$epoch")
if [ "$type" = rpm ]; then
  # rpmbuild clamps only when its macros say so; jpackage passes none through, so a scratch HOME's .rpmmacros does
  rpm_home="$out/rpm-home"
  mkdir -p "$rpm_home"
  printf '%%clamp_mtime_to_source_date_epoch 1\n%%use_source_date_epoch_as_buildtime 1\n' > "$rpm_home/.rpmmacros"
  package_env+=(HOME="$rpm_home")
fi
env "${package_env[@]}" "$jpackage" @"$here/desk/common.args" @"$args" --app-image "$image" --dest "$out/dist"
ls -l "$out/dist"
