#!/usr/bin/env bash
# CLI start-up, whole process, against a Java "hello world" measured in the same run (issue 15's targets:
# --offline <= 8x hello world, a live triage of a healthy loopback origin <= 14x).
#
#   benchmarks/cli-startup.sh [RUNS [OTHER_JAR]]   (RUNS default 5; run after `mvn -B -q -DskipTests package`)
#
# OTHER_JAR, e.g. an older build's cf-triage.jar, adds its `java -jar` rows to the same run for comparison.
# Prints the median wall time of RUNS runs of each command and its ratio to hello world. The live triage probes a
# tiny HTTP server this script starts on 127.0.0.1 (python3's http.server) and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
OTHER_JAR=${2:-}
JAR=bot-core/target/cf-triage.jar
LAUNCHER=bot-core/target/cf-triage
[[ -f $JAR && -x $LAUNCHER ]] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }

# Loopback only: Cloudflare's API and status page point at a closed loopback port, no config file is read.
export CLOUDFLARE_API_URL=http://127.0.0.1:9/ CLOUDFLARE_STATUS_URL=http://127.0.0.1:9/ CFTRIAGE_REFRESH_RANGES=false
unset CFTRIAGE_CONFIG

WORK=$(mktemp -d)
ORIGIN_PID=
cleanup() {
  [[ -n $ORIGIN_PID ]] && kill "$ORIGIN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello world");
    }
}
EOF
javac -d "$WORK" "$WORK/Hello.java"

# A healthy origin on one of Cloudflare's proxied HTTP ports that is free here.
PORT=
for p in 8880 2052 2082 2086 2095; do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
done
[[ -n $PORT ]] || { echo "no free Cloudflare HTTP port (8880 2052 2082 2086 2095) on 127.0.0.1" >&2; exit 1; }
mkdir "$WORK/site" && echo ok >"$WORK/site/index.html"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/site" >/dev/null 2>&1 &
ORIGIN_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

# median_ms CMD… : runs CMD RUNS times (output discarded, exit status checked), prints the median in ms.
median_ms() {
  local times=() start end
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$@" >"$WORK/out" 2>"$WORK/err" || { echo "failed: $*" >&2; cat "$WORK/err" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

OFFLINE=(--offline "521 example.test")
LIVE=(--allow-target 127.0.0.1/32 --port "$PORT" "521 127.0.0.1")

# Check the live run really reached the origin before timing it.
"$LAUNCHER" "${LIVE[@]}" | grep -q "127.0.0.1:$PORT (Host: 127.0.0.1) answered 200" \
  || { echo "the live triage did not see the origin on 127.0.0.1:$PORT answer 200" >&2; exit 1; }

hello=$(median_ms java -cp "$WORK" Hello)
row() {
  local name=$1; shift
  local ms; ms=$(median_ms "$@")
  awk -v n="$name" -v ms="$ms" -v h="$hello" 'BEGIN { printf "%-44s %7d ms %6.1fx\n", n, ms, ms / h }'
}

echo "$(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), median of $RUNS"
printf '%-44s %7d ms %6.1fx\n' "java -cp … Hello (hello world)" "$hello" 1
row "cf-triage --offline" "$LAUNCHER" "${OFFLINE[@]}"
row "cf-triage live, healthy 127.0.0.1:$PORT" "$LAUNCHER" "${LIVE[@]}"
row "java -jar cf-triage.jar --offline" java -jar "$JAR" "${OFFLINE[@]}"
row "java -jar cf-triage.jar live" java -jar "$JAR" "${LIVE[@]}"
if [[ -n $OTHER_JAR ]]; then
  row "java -jar OTHER_JAR --offline" java -jar "$OTHER_JAR" "${OFFLINE[@]}"
  row "java -jar OTHER_JAR live" java -jar "$OTHER_JAR" "${LIVE[@]}"
fi
