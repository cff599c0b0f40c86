#!/usr/bin/env bash
# The runner's own cost per snippet, beyond the sandboxed process itself, and how guides run in
# parallel (a measurement, not a timed test). From the repository root:
#
#   mvn -B -q install -DskipTests && bash checks/bench/runner-overhead.sh [N_SMALL] [N_LARGE] [GUIDES] [PER_GUIDE]
#
# 1. Overhead. `check` runs one guide of N_SMALL (default 20) and one of N_LARGE (default 200) trivial
#    snippets (`true`), in the sandbox (the default), with -Dgoguides.trace.commands logging every command
#    the runner starts (setsid, limits, bwrap, bash … exactly as started). A plain script then runs the
#    logged commands from a shell loop (same cwd, same environment, same sandbox command line), and the
#    marginal wall time per snippet of both is compared, which removes the fixed costs (JVM start, host probe):
#        runner per snippet = (T_check(N_LARGE) − T_check(N_SMALL)) / (N_LARGE − N_SMALL), likewise plain;
#        overhead           = runner − plain.
# 2. Parallelism. GUIDES (default 8) guides of PER_GUIDE (default 5) snippets `sleep 0.5`: the check's
#    wall time against sum(snippets)/cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
NS=${1:-20}
NL=${2:-200}
G=${3:-8}
K=${4:-5}
JAR=site-build/target/site-build.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 2; }
W=$(mktemp -d /tmp/goguides-overhead-XXXXXX)
trap 'rm -rf "$W"' EXIT
cp "$JAR" "$W/site-build.jar"   # a private copy: a concurrent build cannot swap it mid-run

guide() { # dir slug n command
  mkdir -p "$1/guides/$2"
  { printf -- '---\ntitle: Runner benchmark %s\n---\n\n' "$2"
    for i in $(seq 1 "$3"); do printf '```sh {#s%d}\n%s\n```\n\n' "$i" "$4"; done
  } > "$1/guides/$2/index.en.md"
}
now() { date +%s.%N; }

check_time() { # content dir, trace file → seconds
  local t0 t1
  t0=$(now)
  java -Dgoguides.trace.commands="$2" -jar "$W/site-build.jar" check --offline --no-cache --content "$1" --results "$W/results" >/dev/null 2>&1 || true
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}

replay_time() { # trace file → seconds (a plain bash loop over the logged commands)
  python3 - "$1" > "$W/replay.sh" <<'PY'
import json, shlex, sys, os
print("set +e; failed=0")
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    # the runner made these folders before starting the command; the script makes them up front
    dirs = {c["cwd"]}
    files = set()
    args = c["cmd"]
    for i, a in enumerate(args[:-1]):
        if a in ("--bind", "--ro-bind", "--bind-try", "--ro-bind-try") and i + 2 < len(args) and args[i + 1].startswith("/tmp/"):
            # a file bound over a host file (the sandbox user's /etc/passwd) is made as a file, not a folder
            (files if os.path.isfile(args[i + 2]) else dirs).add(args[i + 1])
    # cgroups the runner made (and removed) for the limits: made again, untimed
    for a in args:
        if a.startswith("/sys/fs/cgroup/") and a.endswith("/cgroup.procs"):
            dirs.add(os.path.dirname(a))
    print("mkdir -p " + " ".join(shlex.quote(d) for d in sorted(dirs)) + " 2>/dev/null")
    for f in sorted(files):
        print("mkdir -p %s && cp /etc/passwd %s 2>/dev/null" % (shlex.quote(os.path.dirname(f)), shlex.quote(f)))
    # the session's wrapper is gone with the session: the plain script runs the snippet (`true`) in its place
    for a in args:
        if a.endswith("/control/wrapper.sh"):
            print("mkdir -p %s && printf 'true\\n' > %s" % (shlex.quote(os.path.dirname(a)), shlex.quote(a)))
    env = " ".join(shlex.quote(k + "=" + v) for k, v in c["env"].items())
    print("(cd %s && env -i %s %s </dev/null >/dev/null 2>&1) || failed=$((failed + 1))" % (shlex.quote(c["cwd"]), env, " ".join(shlex.quote(a) for a in args)))
print('[ "$failed" = 0 ] || echo "plain script: $failed commands failed" >&2')
PY
  grep -c '^(cd' "$W/replay.sh" >&2
  # make the folders first (untimed), then time the commands alone
  grep '^mkdir' "$W/replay.sh" | bash || true
  grep -v '^mkdir' "$W/replay.sh" > "$W/replay-run.sh" || true
  local t0 t1
  t0=$(now)
  bash "$W/replay-run.sh" || true
  t1=$(now)
  # remove the cgroups the script made (empty again now)
  grep -o "/sys/fs/cgroup/[a-z,_]*/goguides-[0-9-]*" "$W/replay.sh" | sort -u | xargs -r rmdir 2>/dev/null || true
  echo "$t1 - $t0" | bc -l
}

echo "== runner overhead: guides of $NS and $NL trivial snippets, sandboxed; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "$NS" "$NL"; do
  rm -rf "$W/c$n"; guide "$W/c$n" bench "$n" true
  check_time "$W/c$n" "$W/trace-$n.jsonl" > "$W/check-$n"   # warm-up (file cache, sandbox detection)
  rm -f "$W/trace-$n.jsonl"
  check_time "$W/c$n" "$W/trace-$n.jsonl" > "$W/check-$n"
  echo -n "commands logged for $n snippets: "
  replay_time "$W/trace-$n.jsonl" > "$W/plain-$n" 2> >(cat >&2)
  sleep 0.2
done
python3 - "$W" "$NS" "$NL" <<'PY'
import sys
w, ns, nl = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = lambda f: float(open(f"{w}/{f}").read())
cs, cl, ps, pl = r(f"check-{ns}"), r(f"check-{nl}"), r(f"plain-{ns}"), r(f"plain-{nl}")
runner = (cl - cs) / (nl - ns) * 1000
plain = (pl - ps) / (nl - ns) * 1000
print(f"check wall: {cs:.2f} s ({ns}), {cl:.2f} s ({nl});  plain loop: {ps:.2f} s, {pl:.2f} s")
print(f"per snippet: runner {runner:.1f} ms, plain script {plain:.1f} ms, runner overhead {runner - plain:.1f} ms (target <= 10)")
PY

echo "== parallel guides: $G guides x $K snippets of 'sleep 0.5', $(nproc) cores"
rm -rf "$W/par"
for g in $(seq 1 "$G"); do guide "$W/par" "g$g" "$K" "sleep 0.5"; done
check_time "$W/par" "$W/trace-par.jsonl" > "$W/par-time"
python3 - "$W/par-time" "$G" "$K" "$(nproc)" <<'PY'
import sys
t, g, k, cores = float(open(sys.argv[1]).read()), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ideal = g * k * 0.5 / cores
print(f"check wall {t:.2f} s; sum(snippets)/cores = {ideal:.2f} s; ratio {t / ideal:.2f} (includes JVM start and host probe)")
PY
