#!/usr/bin/env bash
# Runs the README's main-job command (the first fenced command block after "Run the desk app") exactly as written,
# under a virtual X server and with a fresh data directory, until the desk logs "desk ready in N ms": the README's
# first set-up command must work on a fresh machine, whose local Maven repository holds none of our modules.
set -euo pipefail
cd "$(dirname "$0")/.."

command=$(awk '/^Run the desk app/{found=1} found && /^```/{if (inblock) exit; inblock=1; next} inblock{print}' README.md)
if [[ -z "$command" ]]; then
  echo "check-main-job: no command block after 'Run the desk app' in README.md" >&2
  exit 1
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "check-main-job: xvfb-run not installed, main job not checked"
  exit 0
fi

home=$(mktemp -d)
log="$home/main-job.log"
echo "check-main-job: $command"
# its own process group, so that the whole tree (xvfb-run, Xvfb, Maven's JVM) ends with it
setsid bash -c "xvfb-run -a $command -Dvenuedesk.home=$home/data" >"$log" 2>&1 &
pid=$!
trap 'kill -- -"$pid" 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 1 300); do
  if grep -q "desk ready in" "$log"; then
    grep "desk ready in" "$log"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    break
  fi
  sleep 1
done
echo "check-main-job: the desk did not become ready; its output:" >&2
tail -50 "$log" >&2
exit 1
