# shellcheck shell=bash
# Sourced by the benchmark scripts: bench_jdks fills the array jdks with the JDK 17 and JDK >= 25 folders in
# /usr/lib/jvm (each once, by its real path: java-1.17.0-openjdk-amd64 is a link to java-17-…), and
# bench_jdk_version prints a folder's feature version from its release file.
bench_jdk_version() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}
bench_jdks() {
  local d v real
  jdks=()
  for d in /usr/lib/jvm/*/; do
    v=$(bench_jdk_version "$d")
    real=$(readlink -f "$d")
    case " ${jdks[*]} " in *" $real "*) continue ;; esac
    { [ "$v" = 17 ] || { [ -n "$v" ] && [ "$v" -ge 25 ]; }; } && jdks+=("$real")
  done
  return 0
}
