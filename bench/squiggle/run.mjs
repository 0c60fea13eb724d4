// Times Squiggle evaluating a program (normally one that costscope.export.SquiggleModel wrote) and prints one JSON
// line: {"samples", "millis" (each timed run), "medianMillis", "mean", "p5", "p95", "sd", "runs", "seed", "squiggle"}.
//
//   node run.mjs PROGRAM.sq SAMPLES [RUNS] [SEED]
//
// One untimed warm-up run, then RUNS timed runs (default 5), all in this process, every run with the same seed
// (default "costscope": Squiggle's environment seed, which its own sampling and jStat's use). Each timed run is one
// call of the package's run(code, {environment}): parse, compile and evaluate the whole program at SAMPLES samples;
// reading the result and the statistics below are done after the clock stops. The program must bind `total` (a
// number, or a sample set when some input is uncertain). Percentiles are interpolated between order statistics at
// (n - 1) p, as Costscope's simulate computes them. Exit code 2 on bad arguments, 1 when Squiggle reports an error.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { run } from "@quri/squiggle-lang";

const [file, samplesArg, runsArg, seedArg] = process.argv.slice(2);
const samples = Number(samplesArg);
const runs = runsArg === undefined ? 5 : Number(runsArg);
if (!file || !Number.isInteger(samples) || samples < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write("usage: node run.mjs PROGRAM.sq SAMPLES [RUNS] [SEED]  (SAMPLES and RUNS whole numbers from 1)\n");
  process.exit(2);
}
const code = readFileSync(file, "utf8");
const version = JSON.parse(
  readFileSync(new URL("./node_modules/@quri/squiggle-lang/package.json", import.meta.url), "utf8"),
).version;
// the same seed every run: each run draws the same samples, so the runs differ only in time
const seed = seedArg ?? "costscope";
const environment = { sampleCount: samples, xyPointLength: 1000, seed, profile: false };

async function evaluate() {
  const t0 = performance.now();
  const output = await run(code, { environment });
  const millis = performance.now() - t0;
  if (!output.result.ok) {
    process.stderr.write(`${file}: Squiggle error: ${output.result.value.toString()}\n`);
    process.exit(1);
  }
  return { output, millis };
}

await evaluate(); // warm-up: the JIT compiles Squiggle's own code before any run is timed
const millis = [];
let last;
for (let r = 0; r < runs; r++) {
  last = await evaluate();
  millis.push(last.millis);
}

const total = last.output.result.value.bindings.get("total");
if (total === undefined) {
  process.stderr.write(`${file}: the program binds no 'total'\n`);
  process.exit(1);
}
let values;
if (total.tag === "Number") {
  values = [total.value];
} else if (total.tag === "Dist") {
  values = Array.from(total.value.getSamples());
} else {
  process.stderr.write(`${file}: 'total' is a ${total.tag}, not a number or a distribution\n`);
  process.exit(1);
}

const sorted = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
const n = sorted.length;
const quantile = (p) => {
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const hi = sorted[Math.min(n - 1, k + 1)];
  return sorted[k] + (h - k) * (hi - sorted[k]);
};
let sum = 0;
for (const x of values) if (!Number.isNaN(x)) sum += x; // in sample order, as Costscope sums
const mean = sum / n;
let squares = 0;
for (const x of sorted) squares += (x - mean) * (x - mean);
const round = (x) => Math.round(x * 1000) / 1000;
const median = [...millis].sort((a, b) => a - b);
const medianMillis =
  runs % 2 === 1 ? median[(runs - 1) / 2] : (median[runs / 2 - 1] + median[runs / 2]) / 2;
console.log(
  JSON.stringify({
    samples,
    millis: millis.map(round),
    medianMillis: round(medianMillis),
    mean,
    p5: quantile(0.05),
    p95: quantile(0.95),
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    runs,
    seed,
    squiggle: version,
  }),
);
