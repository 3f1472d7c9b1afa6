#!/usr/bin/env bash
# native-bridge integration tests (run by `mvn verify` through exec-maven-plugin; also runnable alone):
#   test/run-tests.sh <module target dir>
# Each step prints one line; the script exits non-zero at the first failure. Needs gcc-built files from `make`
# and the Debian packages listed in .ci/run (lilv-utils, lv2-dev, sordi, qtractor).
set -euo pipefail
target="$(cd "${1:?usage: run-tests.sh <target dir>}" && pwd)"
bin="$target/native-tests"
clap="$target/midicenter.clap"
work="$target/native-tests/work"
rm -rf "$work" && mkdir -p "$work"
step() { printf '\n== %s\n' "$*" >&2; }

step "scheduler unit test (ring, placement at 120/97.3/173 BPM, loop wraps, stop, transpose, velocity, audition)"
"$bin/test_sched"

step "CLAP test host: pattern via the test extension, automation, flush, stop, state round trip, two instances"
MIDICENTER_PLUGIN_NO_JAVA=1 "$bin/clap_host" check "$clap"

step "qtractor_plugin_scan on the .clap: one MIDI output, no audio"
scan=/usr/lib/x86_64-linux-gnu/qtractor/qtractor_plugin_scan
line="$(echo "CLAP:$clap" | MIDICENTER_PLUGIN_NO_JAVA=1 timeout 60 "$scan" | grep '^CLAP|' || true)"
echo "$line" >&2
# CLAP|name|audio in:out|midi in:out|params in:out|flags|path|index|id
IFS='|' read -r _ name audio midi _ <<<"$line"
[[ "$name" == "MIDI Software Center" && "$audio" == "0:0" && "$midi" == "0:1" ]] \
  || { echo "qtractor_plugin_scan: want 'MIDI Software Center', audio 0:0, MIDI 0:1; got: $line" >&2; exit 1; }

step "lv2_validate on the bundle"
lv2_validate "$target/midicenter.lv2/manifest.ttl" "$target/midicenter.lv2/midicenter.ttl" 2>&1 | tee "$work/lv2_validate.log" >&2
grep -q 'Found 0 errors' "$work/lv2_validate.log"

step "lv2ls lists it; lv2info reads its ports; lv2bench instantiates and runs it (LV2_PATH=$target)"
export LV2_PATH="$target"
uri=https://midicenter.example/plugins/browser
lv2ls 2>/dev/null | tee "$work/lv2ls.log" >&2
grep -qx "$uri" "$work/lv2ls.log"
lv2info "$uri" 2>/dev/null > "$work/lv2info.log"
grep -q 'Symbol: *midi_out' "$work/lv2info.log" && grep -q 'Symbol: *transpose' "$work/lv2info.log"
MIDICENTER_PLUGIN_NO_JAVA=1 timeout 60 lv2bench 2>/dev/null | tee "$work/lv2bench.log" >&2
grep -q "$uri" "$work/lv2bench.log"

step "process() benchmark: 512-frame blocks, dense pattern, 100,000 blocks"
MIDICENTER_PLUGIN_NO_JAVA=1 "$bin/clap_host" bench "$clap" 100000

listing="$(jar tf "$target"/midicenter-java/midicenter-plugin-*.jar 2>/dev/null || true)"
if grep -q 'META-INF/services/com.midicenter.plugin.InstanceLogic\$Factory' <<<"$listing"; then
  step "the real Java side: a state naming a generated MIDI file; its notes at the expected frames; state saved back"
  MIDICENTER_HOME="$work/home" timeout 180 "$bin/clap_host" java "$clap" "$work"
else
  step "the Java side has no InstanceLogic yet: JVM start, API check and instance creation only"
  MIDICENTER_HOME="$work/home" timeout 120 "$bin/clap_host" java-boot "$clap" "$work"
fi
step "Java cannot start: no runtime anywhere / a Java side with another API version -> a clear line, silent, alive"
lonely="$work/lonely" && mkdir -p "$lonely" && cp "$clap" "$lonely/"
env -i PATH=/nonexistent "$bin/clap_host" java-refused "$lonely/midicenter.clap" "no Java runtime found"
mkdir -p "$work/api2/com/midicenter/plugin"
printf 'package com.midicenter.plugin;\npublic final class Bridge { public static int apiVersion() { return 999; } }\n' \
  > "$work/api2/Bridge.java"
javac -d "$work/api2" "$work/api2/Bridge.java"
MIDICENTER_PLUGIN_CLASSPATH="$work/api2" "$bin/clap_host" java-refused "$clap" "bridge API version 999"

printf '\nnative-bridge tests: all passed\n' >&2
