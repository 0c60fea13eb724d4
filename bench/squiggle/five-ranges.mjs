// Writes a copy of a scenario (normally sample-scenarios/awsomebuilder2.json) with the five uncertain drivers of the
// Squiggle comparison (issue 12): node five-ranges.mjs IN.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";

const RANGES = {
  sessions_per_mau: { distribution: "pert", low: 15, high: 30, mode: 20 },
  api_calls_per_session: { distribution: "lognormal", low: 35, high: 70 },
  lambda_avg_duration_s: { distribution: "triangular", low: 0.2, high: 0.4, mode: 0.28 },
  aurora_io_requests: { distribution: "uniform", low: 200e6, high: 250e6 },
  writer_peak_acu: { distribution: "normal", low: 8, high: 12 },
};
const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write("usage: node five-ranges.mjs IN.json OUT.json\n");
  process.exit(2);
}
const scenario = JSON.parse(readFileSync(input, "utf8"));
const missing = Object.keys(RANGES).filter((id) => !scenario.drivers.some((d) => d.id === id));
if (missing.length > 0) {
  process.stderr.write(`${input}: no driver ${missing.join(", ")}\n`);
  process.exit(2);
}
for (const d of scenario.drivers) if (RANGES[d.id]) d.range = RANGES[d.id];
writeFileSync(output, JSON.stringify(scenario, null, 2) + "\n");
