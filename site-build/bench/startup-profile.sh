#!/usr/bin/env bash
# Where the fixed cost of a small build goes, in CPU terms (so it can run on a busy machine, unlike bench.sh's
# wall times): for each size (default 1 and 100 pages of the bench corpus) and each JDK the launcher can use
# (17 with its AppCDS archive, ≥ 25 with its AOT cache), through site-build/bin/site-build:
#   - CPU time (user+sys) and peak RSS, medians of BENCH_RUNS (default 5) builds (/usr/bin/time);
#   - the JVM's own counters of one more build (-XX:+UsePerfData saved at exit): classes loaded (from the cache or
#     not), time in class loading, linking and static initialisers, JIT compile time and methods, GC pauses;
#   - a CPU sample profile of one more build (JFR, 1 ms): the share of each library, and of each of our stages.
# The floor: `java -version` and the jar's --help with the same settings.
#
#   site-build/bench/startup-profile.sh            # 1 and 100 pages
#   site-build/bench/startup-profile.sh 100 1000   # chosen sizes
# Needs python3, the jar, and the corpus generator of ../shared/bench (GOGUIDES_BENCH_HARNESS overrides).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${GOGUIDES_BENCH_HARNESS:-$root/../shared/bench}
launcher=$root/site-build/bin/site-build
runs=${BENCH_RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100)
[ -f "$root/site-build/target/site-build.jar" ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d /tmp/site-build-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck source=site-build/bench/jdks.sh
. "$root/site-build/bench/jdks.sh"
bench_jdks
cat > "$work/cpu.jfc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="cpu">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">1 ms</setting></event>
</configuration>
EOF

cpu() { # cpu N cmd...: median user+sys (s) and peak RSS (MB) of N runs
  local n=$1; shift
  for _ in $(seq "$n"); do
    rm -rf "$work/out"
    /usr/bin/time -f '%U %S %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    cat "$work/t"
  done | python3 -c '
import sys, statistics
rows = [l.split() for l in sys.stdin if l.strip()]
print("%.2f %.0f" % (statistics.median(float(u) + float(s) for u, s, _ in rows), statistics.median(int(m) for _, _, m in rows) / 1024))'
}

for n in "${sizes[@]}"; do
  python3 "$shared/gen_corpus.py" --pages "$n" --out "$work/corpus-$n" >/dev/null
  python3 "$root/site-build/bench/to_guides.py" "$work/corpus-$n" "$work/ours-$n" >/dev/null
done
for jdk in "${jdks[@]}"; do
  java=$jdk/bin/java
  v=$(bench_jdk_version "$jdk")
  echo
  echo "## JDK $v ($jdk)"
  read -r c m < <(cpu "$runs" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version)
  echo "floor: java -version $c s CPU, $m MB"
  SITE_BUILD_JAVA=$jdk "$launcher" --help >/dev/null 2>&1  # makes the start-up cache if needed
  read -r c m < <(cpu "$runs" env SITE_BUILD_JAVA="$jdk" "$launcher" --help)
  echo "floor: site-build --help (launcher, cache) $c s CPU, $m MB"
  for n in "${sizes[@]}"; do
    args=(build --content "$work/ours-$n/content" --templates "$root/templates" --results "$work/ours-$n/results" --out "$work/out")
    read -r c m < <(cpu "$runs" env SITE_BUILD_JAVA="$jdk" "$launcher" "${args[@]}")
    rm -rf "$work/out"
    SITE_BUILD_JAVA=$jdk JAVA_OPTS="-XX:+UsePerfData -XX:+PerfDataSaveToFile -XX:PerfDataSaveFile=$work/perf -XX:+CITime -Xlog:gc:file=$work/gc" \
      "$launcher" "${args[@]}" >"$work/citime" 2>&1
    rm -rf "$work/out"
    SITE_BUILD_JAVA=$jdk JAVA_OPTS="-XX:FlightRecorderOptions=stackdepth=1024 -XX:StartFlightRecording=settings=$work/cpu.jfc,filename=$work/rec.jfr -Xlog:jfr=off" \
      "$launcher" "${args[@]}" >/dev/null 2>&1
    "$jdk/bin/jstat" -J-Djstat.showUnsupported=true -snap "file://$work/perf" > "$work/counters" 2>/dev/null || true
    "$jdk/bin/jfr" print --stack-depth 1024 --json --events jdk.ExecutionSample "$work/rec.jfr" > "$work/samples.json"
    python3 - "$n" "$c" "$m" "$work" <<'PY'
import collections, json, re, sys
n, cpu, rss, work = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
k = {}
for line in open(work + "/counters"):
    if "=" in line:
        a, b = line.strip().split("=", 1)
        k[a] = b.strip('"')
hz = float(k.get("sun.os.hrt.frequency", 1e9))
ms = lambda name: float(k.get(name, 0)) * 1000 / hz
ci = open(work + "/citime").read()
m = re.search(r"Total compilation time\s*:\s*([\d.]+) s", ci)
meth = re.search(r"C1 \{speed: [^;]*; standard:\s*[\d.]+ s, \d+ bytes, (\d+) methods", ci)
gc = [float(x) for x in re.findall(r"([\d.]+)ms\s*$", open(work + "/gc").read(), re.M)]
print("\n### %s pages: %s s CPU (user+sys), %s MB peak RSS (medians)" % (n, cpu, rss))
print("| JVM counter (one build) | value |\n|---|---:|")
rows = [
    ("classes loaded from the start-up cache / from jars", "%s / %s" % (k.get("java.cls.sharedLoadedClasses", "?"), k.get("java.cls.loadedClasses", "?"))),
    ("class loading, all threads (ms)", "%.0f" % ms("sun.cls.time")),
    ("  of which linking (ms)", "%.0f" % ms("sun.cls.classLinkedTime.self")),
    ("  of which static initialisers (ms)", "%.0f" % ms("sun.cls.classInitTime.self")),
    ("JIT (C1) compile time (ms), methods", "%.0f, %s" % (1000 * float(m.group(1)) if m else float("nan"), meth.group(1) if meth else "?")),
    ("GC pauses (ms), count", "%.0f, %d" % (sum(gc), len(gc))),
    ("JVM creation (ms)", "%.0f" % (float(k.get("sun.rt.createVmEndTime", 0)) - float(k.get("sun.rt.createVmBeginTime", 0)))),
]
for a, b in rows:
    print("| %s | %s |" % (a, b))
ev = json.load(open(work + "/samples.json"))["recording"]["events"]
GROUPS = [("com.vladsch.flexmark", "flexmark (Markdown)"), ("freemarker", "FreeMarker (templates)"),
          ("com.fasterxml.jackson", "Jackson (results JSON)"), ("org.yaml.snakeyaml", "SnakeYAML (front matter)"),
          ("org.jsoup", "jsoup"), ("org.goguides", "ours"), ("jdk.jfr", "JFR itself"), ("", "JDK (strings, regex, I/O, reflection...)")]
lib, stage = collections.Counter(), collections.Counter()
for e in ev:
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in e["values"]["stackTrace"]["frames"]]
    top = names[0] if names else ""
    lib[next(label for p, label in GROUPS if top.startswith(p))] += 1
    ours = [x for x in names if x.startswith("org.goguides") and "$$Lambda" not in x]
    stage[ours[-2] if len(ours) > 1 else (ours[-1] if ours else "(JVM threads without our frames)")] += 1
t = max(1, len(ev))
print("\nCPU samples (JFR, 1 ms, after JFR's own start): %d" % len(ev))
print("| running code of | share |\n|---|---:|")
for a, b in lib.most_common():
    print("| %s | %.0f%% |" % (a, 100.0 * b / t))
print("| our stage (outermost call below the thread's entry) | share |\n|---|---:|")
for a, b in stage.most_common(10):
    print("| %s | %.0f%% |" % (a, 100.0 * b / t))
PY
  done
done
