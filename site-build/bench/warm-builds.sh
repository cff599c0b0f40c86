#!/usr/bin/env bash
# How much of a build is the JVM's warm-up: the bench corpus built BENCH_BUILDS times (default 8) in one JVM
# (WarmBuilds.java: a new SiteBuilder per build, as the command line), with the launcher's JVM settings, on each
# JDK the launcher can use. The first build is a cold one (without the start-up cache, so a little slower than
# the launcher's); the median of the others is what the code costs once the JIT has compiled it, and the
# difference is the warm-up, which only ahead-of-time compiled code could remove. WarmBuilds is compiled
# beforehand (run as a source file, javac would warm the JDK's code up inside the measured JVM), and the corpus
# and output are on tmpfs where there is one: on a disk each build would also pay for the last one's deleted files.
#
#   site-build/bench/warm-builds.sh              # 100 and 1000 pages
#   site-build/bench/warm-builds.sh 1 100 1000   # chosen sizes
#   BENCH_WORK=/tmp site-build/bench/warm-builds.sh   # corpus and output elsewhere (default: /dev/shm, else /tmp)
# Needs python3, the jar, and the corpus generator of ../shared/bench (GOGUIDES_BENCH_HARNESS overrides).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${GOGUIDES_BENCH_HARNESS:-$root/../shared/bench}
jar=$root/site-build/target/site-build.jar
builds=${BENCH_BUILDS:-8}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
[ -f "$jar" ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 1; }
base=${BENCH_WORK:-}
[ -n "$base" ] || { [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm; } || base=/tmp
work=$(mktemp -d "$base/site-build-warm.XXXXXX")
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  python3 "$shared/gen_corpus.py" --pages "$n" --out "$work/corpus-$n" >/dev/null
  python3 "$root/site-build/bench/to_guides.py" "$work/corpus-$n" "$work/ours-$n" >/dev/null
done
# shellcheck source=site-build/bench/jdks.sh
. "$root/site-build/bench/jdks.sh"
bench_jdks
[ ${#jdks[@]} -gt 0 ] || { echo "no JDK 17 or >= 25 in /usr/lib/jvm" >&2; exit 1; }
"${jdks[0]}/bin/javac" --release 17 -cp "$jar" -d "$work/classes" "$root/site-build/bench/WarmBuilds.java"
for d in "${jdks[@]}"; do
  v=$(bench_jdk_version "$d")
  for n in "${sizes[@]}"; do
    echo "## JDK $v, $n pages"
    # the launcher's settings (site-build/bin/site-build), without its start-up cache
    "$d/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxTenuringThreshold=1 -XX:-UsePerfData -Xss512k -Xmn16m -Xmx2g \
      -cp "$jar:$work/classes" WarmBuilds "$builds" "$work/ours-$n/content" "$root/templates" \
      "$work/ours-$n/results" "$work/out"
  done
done
