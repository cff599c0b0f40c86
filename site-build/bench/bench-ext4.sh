#!/usr/bin/env bash
# Runs bench.sh with corpus and output on a new ext4 file system made with mkfs.ext4's defaults (so with
# a journal), in an image file mounted through a loop device; arguments are bench.sh's (sizes).
#
# Why: this project's VM has an ext4 root without a journal, where ext4 checks each free inode it could
# reuse for "recently deleted" (within 5-10 s) and skips it; the harness deletes the last build's output
# right before each build, so creating files there gets slower the more files a build writes. A
# journaled ext4 (every distribution's default) does not make that check. Needs root (mount) and
# e2fsprogs; the image (BENCH_IMAGE, default /var/tmp/goguides-bench-ext4.img, 3 GB sparse) is removed after.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" = 0 ] || { echo "bench-ext4.sh needs root (it mounts a loop device)" >&2; exit 1; }
command -v mkfs.ext4 >/dev/null || { echo "install e2fsprogs: apt-get install e2fsprogs" >&2; exit 1; }
img=${BENCH_IMAGE:-/var/tmp/goguides-bench-ext4.img}
mnt=$(mktemp -d /tmp/goguides-bench-ext4.XXXXXX)
cleanup() {
  umount "$mnt" 2>/dev/null || true
  rmdir "$mnt" 2>/dev/null || true
  rm -f "$img"
}
trap cleanup EXIT
rm -f "$img"
truncate -s 3G "$img"
mkfs.ext4 -q -F "$img"
mount -o loop "$img" "$mnt"
BENCH_WORK=$mnt/bench "$here/bench.sh" "$@"
