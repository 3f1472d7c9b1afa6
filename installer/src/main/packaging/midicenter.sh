#!/usr/bin/env bash
# The `midicenter` command of an installed MIDI Software Center (app image: <app>/lib/midicenter.sh; on PATH as a
# symlink, e.g. ~/.local/bin/midicenter or /usr/bin/midicenter). Runs the app on the bundled runtime, with the same
# JVM defaults as the repository's ./midicenter launcher (override with MIDICENTER_JAVA_OPTS).
set -euo pipefail
app="$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")"

# On 2 cores the batch jobs (import, analyze, worker...) run best with C1 only and the serial collector; searching
# and the window want the JVM's defaults (see the README's "Benchmarks").
case "${1:-} ${2:-}" in
  "search "*|"bench search"*|"bench ui"|"gui "*) default_opts="" ;;
  *) default_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
esac
opts="${MIDICENTER_JAVA_OPTS-$default_opts}"
# shellcheck disable=SC2086
exec "$app/lib/runtime/bin/java" $opts -cp "$app/lib/app/*" com.midicenter.app.Main "$@"
