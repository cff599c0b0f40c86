#!/usr/bin/env bash
# Site build benchmark: our `build` against Hugo (Debian's hugo) on the same corpus, same machine, same run,
# ours on JDK 17 and, when one is installed, on a JDK ≥ 25, side by side. Per size and generator: one untimed
# warm-up build, then BENCH_RUNS (default 5) timed builds; median wall time, CPU time (user+sys) and peak RSS
# (/usr/bin/time -v), using the harness in ../shared/bench (copied to site-build/target/bench, which it writes into).
#
#   site-build/bench/bench.sh                 # sizes 100 1000 5000
#   site-build/bench/bench.sh 100 1000        # chosen sizes
#   BENCH_RUNS=7 BENCH_QUIET=1 site-build/bench/bench.sh   # 7 timed runs; wait for an idle machine before each
#   JAVA_OPTS="-Dgoguides.phases" site-build/bench/bench.sh 5000   # extra JVM options for our build
#   BENCH_WORK=/dev/shm/goguides-bench site-build/bench/bench.sh    # corpus and output on tmpfs (see below)
#   BENCH_JDKS="/usr/lib/jvm/java-17-openjdk-amd64" site-build/bench/bench.sh  # only these JDKs (folders)
#   site-build/bench/bench-ext4.sh [sizes]    # on a fresh journaled ext4 (loop device; root)
#
# Where the corpus and the output live matters on this kind of VM: its ext4 has no journal, and then ext4
# slows down file creation after many recent deletions (each build deletes the previous output), more with
# each run, so on disk the generator that writes more files pays more. BENCH_WORK on a tmpfs measures the
# generators without that effect, bench-ext4.sh on an ordinary (journaled) ext4; the README gives all three.
# The generators run one after the other, each its warm-up and timed builds, and the effect carries over from one
# to the next (an inode counts as just deleted for 60 s after the delete, 360 s while its inode table is not
# written back; fs/ext4/ialloc.c RECENTCY_MIN and RECENTCY_DIRTY since Linux 5.7): a 1,000-page build of ours took
# 1.89 s on a settled file system and 2.50 s right after six Hugo builds (medians of 5). So on such a file system,
# before each generator's builds, it settles: sync, then BENCH_SETTLE seconds (default 65).
#
# Our build runs through site-build/bin/site-build with SITE_BUILD_JAVA set to each JDK (start-up cache: AppCDS
# on 17, AOT cache on ≥ 25; C1, serial GC): the caches are deleted first, so the warm-up build of the first size
# makes each (its training run) and the timed runs use it.
#
# Needs: python3, hugo (apt-get install hugo), the jar (mvn -q -DskipTests package).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${GOGUIDES_BENCH_HARNESS:-$root/../shared/bench}
jar=$root/site-build/target/site-build.jar
work=${BENCH_WORK:-$root/site-build/target/bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)
[ -f "$jar" ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 1; }
command -v hugo >/dev/null || { echo "install hugo: apt-get install hugo" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
# where the corpus and output live, since it changes the figures (see above and bench-ext4.sh)
read -r fstype fsdev < <(findmnt -n -T "$work" -o FSTYPE,SOURCE 2>/dev/null || echo "? ?")
journal=""
if [ "$fstype" = ext4 ] && [ -r "/sys/fs/ext4/$(basename "$fsdev")/journal_task" ]; then
  [ "$(cat "/sys/fs/ext4/$(basename "$fsdev")/journal_task")" = "<none>" ] && journal=", no journal" || journal=", journaled"
fi
echo "work folder: $work ($fstype on $fsdev$journal)"
cp -r "$shared" "$work/harness"
chmod -R u+w "$work/harness"
rm -f "$work/harness/results.json"
launcher=$root/site-build/bin/site-build
runs=${BENCH_RUNS:-5}
quiet=()
[ -n "${BENCH_QUIET:-}" ] && quiet=(--quiet-wait)
# the JDKs: BENCH_JDKS, else the newest JDK 17 and the newest JDK >= 25 in /usr/lib/jvm
jdks=()
if [ -n "${BENCH_JDKS:-}" ]; then
  read -r -a jdks <<< "$BENCH_JDKS"
else
  j17=""; j25=""
  for d in /usr/lib/jvm/*/; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null || true)
    [ -n "$v" ] || continue
    [ "$v" = 17 ] && j17=${d%/}
    [ "$v" -ge 25 ] && j25=${d%/}
  done
  [ -n "$j17" ] && jdks+=("$j17")
  [ -n "$j25" ] && jdks+=("$j25")
fi
[ ${#jdks[@]} -gt 0 ] || { echo "no JDK found (set BENCH_JDKS)" >&2; exit 1; }
variants=()
for j in "${jdks[@]}"; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$j/release")
  variants+=("ours$v=$j")
  echo "ours on JDK $v: $j"
done
# Before each generator's builds on ext4 without a journal: the file system settles (dirty inode tables written,
# then the 60 s ext4 counts an inode as just deleted), so no generator pays for the files the one before it
# deleted (see above). Elsewhere nothing to wait for.
settle() { if [ "$journal" = ", no journal" ]; then sync; sleep "${BENCH_SETTLE:-65}"; fi; }
rm -f "$root"/site-build/target/site-build-*.jsa "$root"/site-build/target/site-build-*.aot  # made afresh by the warm-up
for n in "${sizes[@]}"; do
  corpus=$work/harness/work/corpus-$n
  python3 "$work/harness/gen_corpus.py" --pages "$n" --out "$corpus" >/dev/null
  python3 "$root/site-build/bench/to_guides.py" "$corpus" "$work/ours-$n"
  settle
  python3 "$work/harness/bench.py" --variants hl --sizes "$n" --runs "$runs" "${quiet[@]}" --keep --results "$work/results.json"
  for vj in "${variants[@]}"; do
    settle
    (cd "$root" && python3 "$work/harness/bench.py" --variants "${vj%%=*}" --sizes "$n" --runs "$runs" "${quiet[@]}" --keep \
        --results "$work/results.json" --cmd "env SITE_BUILD_JAVA=${vj#*=} $launcher build --content $work/ours-$n/content \
--templates $root/templates --results $work/ours-$n/results --out {out}")
  done
  rm -rf "$corpus" "$work/ours-$n"
done
python3 - "$work/results.json" "$runs" "$fstype$journal" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
by, ours = {}, []
for r in rows:
    by.setdefault(r["pages"], {})[r["variant"]] = r
    if r["variant"].startswith("ours") and r["variant"] not in ours:
        ours.append(r["variant"])
jdk = lambda v: "JDK " + v[4:]
print("\nmedians of %s timed builds after a warm-up, on %s" % (sys.argv[2], sys.argv[3]))
head = ["pages", "Hugo wall (s)"] + ["ours %s wall (s)" % jdk(v) for v in ours] + ["%s / Hugo" % jdk(v) for v in ours] \
    + ["Hugo CPU (s)"] + ["%s CPU (s)" % jdk(v) for v in ours] \
    + ["Hugo peak RSS (MB)"] + ["%s peak RSS (MB)" % jdk(v) for v in ours] + ["%s / Hugo RSS" % jdk(v) for v in ours]
print("| " + " | ".join(head) + " |")
print("|" + "---:|" * len(head))
for n in sorted(by):
    h = by[n].get("hl")
    os_ = [by[n].get(v) for v in ours]
    if not h or None in os_:
        continue
    cells = ["%d" % n, "%.2f" % h["median_wall_s"]] + ["%.2f" % o["median_wall_s"] for o in os_] \
        + ["%.2f" % (o["median_wall_s"] / h["median_wall_s"]) for o in os_] \
        + ["%.2f" % h["median_cpu_s"]] + ["%.2f" % o["median_cpu_s"] for o in os_] \
        + ["%.0f" % h["median_max_rss_mb"]] + ["%.0f" % o["median_max_rss_mb"] for o in os_] \
        + ["%.2f" % (o["median_max_rss_mb"] / h["median_max_rss_mb"]) for o in os_]
    print("| " + " | ".join(cells) + " |")
sizes = sorted(by)
if len(sizes) >= 2:
    a, b = sizes[-2], sizes[-1]
    def per_page(v):
        return 1000 * (by[b][v]["median_wall_s"] - by[a][v]["median_wall_s"]) / (b - a)
    if all(v in by[a] and v in by[b] for v in ["hl"] + ours):
        print("\nwall time per page from %d to %d pages: Hugo %.2f ms, %s" % (a, b, per_page("hl"),
              ", ".join("%s %.2f ms" % (jdk(v), per_page(v)) for v in ours)))
PY
