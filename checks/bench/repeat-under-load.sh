#!/usr/bin/env bash
# Looks for racy steps: runs `check --repeat N --no-cache` over the guides while other processes keep
# every core busy (one `sha256sum /dev/zero` per core, started here and stopped when this script ends,
# however it ends). A race that shows only on a loaded CI host shows here as a FLAKY step or a WARN
# about the timeout margin. Run from the repository root after building the jar
# (mvn -B -q -pl site-build -am package -DskipTests):
#
#   bash checks/bench/repeat-under-load.sh                    # every guide, 5 runs, load on every core
#   REPEAT=10 LOAD=4 bash checks/bench/repeat-under-load.sh --guide debugging
#
# Extra arguments go to `check`. Results go to target/repeat-results (not the results `build` shows).
# Exit code: check's (1 when a step differed between runs or failed).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
jar=site-build/target/site-build.jar
[ -f "$jar" ] || { echo "repeat-under-load: $jar is missing: mvn -B -q -pl site-build -am package -DskipTests" >&2; exit 2; }
repeat=${REPEAT:-5}
load=${LOAD:-$(nproc 2>/dev/null || echo 2)}
pids=()
stop_load() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  pids=()
}
trap stop_load EXIT
trap 'exit 130' INT TERM
for _ in $(seq "$load"); do
  sha256sum /dev/zero >/dev/null 2>&1 &
  pids+=("$!")
done
echo "repeat-under-load: $load busy loops (pids ${pids[*]}), check --repeat $repeat --no-cache $*"
start=$SECONDS
java -jar "$jar" check --repeat "$repeat" --no-cache --results target/repeat-results "$@"
code=$?
secs=$((SECONDS - start))
stop_load
printf 'repeat-under-load: exit %d after %dm%02ds (%d runs, %d busy loops, %s)\n' "$code" $((secs / 60)) $((secs % 60)) \
  "$repeat" "$load" "$(uptime | sed 's/.*load average/load average/')"
exit "$code"
