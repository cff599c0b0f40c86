#!/usr/bin/env bash
# Site build benchmark: our `build` against Hugo (Debian's hugo) on the same corpus, same machine,
# same run. Median of 3 timed builds after a warm-up, wall time and peak RSS (/usr/bin/time -v),
# using the harness in ../shared/bench (copied to site-build/target/bench, which it writes into).
#
#   site-build/bench/bench.sh                 # sizes 100 1000 5000
#   site-build/bench/bench.sh 100 1000        # chosen sizes
#   JAVA_OPTS="-Dgoguides.phases" site-build/bench/bench.sh 5000   # extra JVM options for our build
#   BENCH_WORK=/dev/shm/goguides-bench site-build/bench/bench.sh    # corpus and output on tmpfs (see below)
#   site-build/bench/bench-ext4.sh [sizes]    # on a fresh journaled ext4 (loop device; root)
#
# Where the corpus and the output live matters on this kind of VM: its ext4 has no journal, and then ext4
# slows down file creation after many recent deletions (each build deletes the previous output), more with
# each run, so on disk the generator that writes more files pays more. BENCH_WORK on a tmpfs measures the
# generators without that effect, bench-ext4.sh on an ordinary (journaled) ext4; the README gives all three.
#
# Our build runs through site-build/bin/site-build (AppCDS archive, C1, serial GC): its first run after a
# jar build, the untimed warm-up, writes the class-data-sharing archive that the timed runs use.
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
rm -f "$root/site-build/target/site-build.jsa"  # made afresh by the warm-up build
java_cmd="$launcher build"
for n in "${sizes[@]}"; do
  corpus=$work/harness/work/corpus-$n
  python3 "$work/harness/gen_corpus.py" --pages "$n" --out "$corpus" >/dev/null
  python3 "$root/site-build/bench/to_guides.py" "$corpus" "$work/ours-$n"
  python3 "$work/harness/bench.py" --variants hl --sizes "$n" --keep --results "$work/results.json"
  (cd "$root" && python3 "$work/harness/bench.py" --variants ours --sizes "$n" --keep --results "$work/results.json" \
      --cmd "$java_cmd --content $work/ours-$n/content --templates $root/templates --results $work/ours-$n/results --out {out}")
  rm -rf "$corpus" "$work/ours-$n"
done
python3 - "$work/results.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
by = {}
for r in rows:
    by.setdefault(r["pages"], {})[r["variant"]] = r
print("\n| pages | Hugo wall (s) | ours wall (s) | ours/Hugo | Hugo ms/page | ours ms/page | Hugo peak RSS (MB) | ours peak RSS (MB) | ours/Hugo RSS |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sorted(by):
    h, o = by[n].get("hl"), by[n].get("ours")
    if not h or not o:
        continue
    print("| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f |" % (
        n, h["median_wall_s"], o["median_wall_s"], o["median_wall_s"] / h["median_wall_s"], h["ms_per_page_wall"],
        o["ms_per_page_wall"], h["median_max_rss_mb"], o["median_max_rss_mb"], o["median_max_rss_mb"] / h["median_max_rss_mb"]))
PY
