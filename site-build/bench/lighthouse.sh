#!/usr/bin/env bash
# Lighthouse (mobile preset) on the home page, a guide in each language and the verification page of a
# freshly built site served on 127.0.0.1, with the site URL set. Not part of `mvn verify` (it needs npm's
# lighthouse and takes minutes); rerun it from the repository root after building the jar:
#   site-build/bench/lighthouse.sh [GUIDE_SLUG]
# Prints the four category scores and CLS per page; the JSON reports go to site-build/target/lighthouse/.
set -euo pipefail
slug="${1:-first-steps}"
out=site-build/target/lighthouse
site="$out/site"
mkdir -p "$out"
command -v lighthouse >/dev/null || npm install -g lighthouse >/dev/null
java -jar site-build/target/site-build.jar build --out "$site" --base-url https://goguides.example.org >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"' EXIT
sleep 1
export CHROME_PATH=/usr/bin/chromium
for page in zh/ "zh/$slug/" "en/$slug/" en/verification/; do
  name=$(echo "$page" | tr '/' '_')
  lighthouse "http://127.0.0.1:$port/$page" --quiet --output=json --output-path="$out/$name.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu" >/dev/null
  python3 - "$out/$name.json" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
c = r["categories"]
print(f'{sys.argv[2]:28} perf {round(c["performance"]["score"]*100):3} a11y {round(c["accessibility"]["score"]*100):3} '
      f'bp {round(c["best-practices"]["score"]*100):3} seo {round(c["seo"]["score"]*100):3} '
      f'CLS {r["audits"]["cumulative-layout-shift"]["numericValue"]:.3f}')
PY
done
