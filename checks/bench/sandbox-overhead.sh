#!/usr/bin/env bash
# Per-snippet overhead of the sandbox, measured (not a timed test). Rerun from the repository root:
#
#   mvn -B -q install -DskipTests && bash checks/bench/sandbox-overhead.sh [SNIPPETS] [ROUNDS]
#
# 1. Through the engine: `check` runs a generated guide of SNIPPETS (default 50) trivial snippets, ROUNDS
#    (default 3) times per mode, and the mean of the results' durationMs per snippet is compared:
#      none      --no-sandbox, no memory/process caps (goguides.limit.*=0)
#      none+caps --no-sandbox with the cgroup caps
#      bwrap     the sandbox with the caps (the default)
#    durationMs is measured around the process the runner starts (setsid, cgroup entry, bwrap, bash).
# 2. Raw command cost with hyperfine (-N --warmup 5 --runs 50): bash alone versus bash under bwrap
#    with the sandbox's flags, and under the root layer's overlay mounts.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-50}
ROUNDS=${2:-3}
JAR=site-build/target/site-build.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 2; }
W=$(mktemp -d /tmp/goguides-bench-XXXXXX)
trap 'rm -rf "$W"' EXIT
cp "$JAR" "$W/site-build.jar"   # a private copy: a concurrent build cannot swap it mid-run

mkdir -p "$W/content/guides/bench"
{
  printf -- '---\ntitle: Sandbox overhead benchmark\n---\n\n'
  for i in $(seq 1 "$N"); do printf '```sh {#s%d}\ntrue\n```\n\n' "$i"; done
} > "$W/content/guides/bench/index.en.md"

mean_ms() { # results dir → mean durationMs over all snippets
  python3 - "$1" <<'PY'
import json, pathlib, sys
ds = [s["durationMs"] for f in pathlib.Path(sys.argv[1]).glob("*.json") for s in json.loads(f.read_text("utf-8"))["snippets"]]
print(f"{sum(ds) / len(ds):.1f}")
PY
}

run_mode() { # name, extra java options, extra check options
  local name=$1 jopts=$2 copts=$3 all=()
  for r in $(seq 1 "$ROUNDS"); do
    rm -rf "$W/results-$name"
    # shellcheck disable=SC2086
    java $jopts -jar "$W/site-build.jar" check --offline --content "$W/content" --results "$W/results-$name" $copts >/dev/null 2>&1
    all+=("$(mean_ms "$W/results-$name")")
  done
  printf '%-10s mean ms per snippet over %d rounds of %d: %s\n' "$name" "$ROUNDS" "$N" "${all[*]}"
}

echo "== engine: $N trivial snippets, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run_mode none "-Dgoguides.limit.memory=0 -Dgoguides.limit.processes=0" "--no-sandbox"
run_mode none+caps "" "--no-sandbox"
run_mode bwrap "" ""

if command -v hyperfine >/dev/null && command -v bwrap >/dev/null; then
  echo "== raw commands (hyperfine -N --warmup 5 --runs 50)"
  mkdir -p "$W/s/home" "$W/s/control/state" "$W/s/layer/u" "$W/s/layer/w" "$W/cache"
  B="bwrap --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp --tmpfs /var/tmp --tmpfs /run --tmpfs /root --tmpfs /home \
--ro-bind $W/s/control $W/s/control --bind $W/s/control/state $W/s/control/state --bind $W/cache $W/cache --bind $W/s/home $W/s/home \
--unshare-all --die-with-parent --new-session --cap-drop ALL --chdir $W/s/home"
  O="unshare --mount --propagation private -- sh -c 'rm -rf $W/s/layer/w/work/incompat; mount -t overlay overlay -o volatile,lowerdir=/usr,upperdir=$W/s/layer/u,workdir=$W/s/layer/w /usr && exec \"\$@\"' sh"
  hyperfine -N --warmup 5 --runs 50 --style basic \
    -n bash "bash --noprofile --norc -c true" \
    -n bwrap "$B bash --noprofile --norc -c true" \
    -n "overlay+bwrap" "sh -c \"$O $B --bind /usr /usr bash --noprofile --norc -c true\"" 2>&1 | grep -E '^(Benchmark|  Time)'
fi
