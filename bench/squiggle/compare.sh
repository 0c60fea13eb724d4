#!/usr/bin/env bash
# The Squiggle comparison of issue 12, end to end, on this machine:
#   bench/squiggle/compare.sh [SAMPLES] [ROUNDS]        (defaults 100000 and 3; run from anywhere)
# 1. AWSomeBuilder2 as it is: Squiggle's total beside `evaluate`'s monthlyTotal (they must agree to the cent).
# 2. The five-range copy (five-ranges.mjs): ROUNDS rounds, each timing, one after the other, Squiggle (run.mjs: one
#    warm-up, then the median of 5 runs), Costscope in one JVM as run.mjs times Squiggle (SquiggleBench.java simulate:
#    one warm-up, median of 5, one thread, the total only) and the `simulate` command as a user runs it (a new JVM, all
#    its outputs, every core); the load average before each round, since a shared machine's load moves every figure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
samples=${1:-100000}
rounds=${2:-3}
jar=$root/target/costscope.jar
command -v node >/dev/null || { echo "compare.sh: node is not on the PATH" >&2; exit 2; }
[ -f "$jar" ] || { echo "compare.sh: no $jar: build it first (mvn -B -q -o package -Dmaven.test.skip=true)" >&2; exit 2; }
[ -d "$here/node_modules/@quri/squiggle-lang" ] || (cd "$here" && npm ci --no-audit --no-fund)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const o=JSON.parse(s);console.log(process.argv.slice(1).map(k=>k.split(".").reduce((v,p)=>v[p],o)).join(" "))})' "$@"; }

sample=$root/sample-scenarios/awsomebuilder2.json
java -cp "$jar" "$here/SquiggleBench.java" translate "$sample" "$tmp/ab.sq"
node "$here/five-ranges.mjs" "$sample" "$tmp/ab5.json"
java -cp "$jar" "$here/SquiggleBench.java" translate "$tmp/ab5.json" "$tmp/ab5.sq"

echo "deterministic (no ranges): monthly total"
echo "  costscope evaluate  $(java -jar "$jar" evaluate "$sample" --format json | field monthlyTotal)"
echo "  squiggle            $(node "$here/run.mjs" "$tmp/ab.sq" 1000 1 | field mean)"

echo "five uncertain drivers, $samples samples: medianMillis mean p5 p95"
for r in $(seq 1 "$rounds"); do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  squiggle                     $(node "$here/run.mjs" "$tmp/ab5.sq" "$samples" 5 | field medianMillis mean p5 p95)"
  echo "  costscope, warm, 1 thread    $(java -cp "$jar" "$here/SquiggleBench.java" simulate "$tmp/ab5.json" "$samples" 1 5 | field medianMillis mean p5 p95)"
  echo "  costscope simulate command   $(java -jar "$jar" simulate "$tmp/ab5.json" --samples "$samples" --format json | field millis outputs.0.mean outputs.0.p5 outputs.0.p95)"
done
