package costscope.export;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.Distribution;
import costscope.model.Range;
import costscope.model.RangeBuilder;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Squiggle a scenario translates to, as text (no node needed: bench/squiggle runs it, and its README has the
 * equivalence this text gives against the engine, to the cent without ranges and within sampling error with them).
 */
class SquiggleModelTest {
    static final String HEADER = "// translated by costscope.export.SquiggleModel for Squiggle 0.10.0: total is the monthly total (USD)\n";

    /** A PERT driver and a graduated two-tier item with a free allowance. */
    static final String TINY = """
            {"format": "costscope-scenario", "version": 1, "name": "Tiny",
             "drivers": [{"id": "requests", "label": "Requests", "value": 2000000, "min": 0, "max": 100000000,
                          "range": {"distribution": "pert", "low": 1000000, "high": 4000000, "mode": 2000000}}],
             "categories": [{"id": "api", "label": "API"}],
             "items": [{"id": "gateway", "label": "Gateway", "category": "api", "quantity": "requests",
                        "freeAllowance": 1000000, "tiers": [{"upTo": 1000000, "unitPrice": 3.5}, {"unitPrice": 2.8}],
                        "per": 1000000, "billing": "perUnit"}]}
            """;

    static Scenario parse(String json) throws Exception {
        return ScenarioFiles.parse(json, "test.json");
    }

    @Test
    void aPertDriverAndATieredItemWithAFreeAllowance() throws Exception {
        // alpha = 1 + 4 (2M - 1M) / 3M = 2.33..., beta = 1 + 4 (4M - 2M) / 3M = 3.66...; the driver's min and max do
        // not cut [1M, 4M], so no truncate; the item's clamp and tiers are not Squiggle arithmetic on sample sets, so
        // it is priced per sample, with the engine's arithmetic
        assertEquals("// Tiny\n" + HEADER
                + "// levers on: none; uncertain drivers: requests\n"
                + "\n"
                + "// requests: PERT(1000000, 2000000, 4000000) = 1000000 + 3000000 * Beta(1 + 4 * (2000000 - 1000000) / 3000000,"
                + " 1 + 4 * (4000000 - 2000000) / 3000000)\n"
                + "requests = 1000000 + 3000000 * beta(2.333333333333333, 3.6666666666666665)\n"
                + "gateway = SampleSet.map(requests, {|requests|\n"
                + "  billed = max(0, requests - 1000000)\n"
                + "  min(billed, 1000000) * 3.5 / 1000000 + max(0, billed - 1000000) * 2.8 / 1000000\n"
                + "})\n"
                + "api = gateway\n"
                + "total = api\n", SquiggleModel.of(parse(TINY)));
    }

    @Test
    void withoutARangeTheSameItemIsPricedOnNumbers() throws Exception {
        Scenario sc = parse(TINY);
        sc = sc.withDrivers(List.of(sc.drivers().get(0).withRange(null)));
        assertEquals("// Tiny\n" + HEADER
                + "// levers on: none; uncertain drivers: none\n"
                + "\n"
                + "requests = 2000000\n"
                + "gateway = {\n"
                + "  billed = max(0, requests - 1000000)\n"
                + "  min(billed, 1000000) * 3.5 / 1000000 + max(0, billed - 1000000) * 2.8 / 1000000\n"
                + "}\n"
                + "api = gateway\n"
                + "total = api\n", SquiggleModel.of(sc));
    }

    /**
     * Every distribution, truncation where the driver's min or max cuts it, names Squiggle reserves, a lever that is
     * on (item and category factors) and one that is off, hourly billing on the file's hours, an increment with a
     * minimum, a volume tier table with a formula minimum, spend(), step(), round(), and an uncertain condition over
     * four drivers (mapN).
     */
    @Test
    void theEngineRulesOnEveryKindOfInput() throws Exception {
        String json = """
                {"format": "costscope-scenario", "version": 1, "name": "Mixed", "hoursPerMonth": 720,
                 "drivers": [
                   {"id": "Users", "label": "Users", "value": 5000, "min": 10, "max": 1000000,
                    "range": {"distribution": "lognormal", "low": 2000, "high": 12000}},
                   {"id": "mean", "label": "Requests per user", "value": 40, "min": 0,
                    "range": {"distribution": "normal", "low": 20, "high": 60}},
                   {"id": "servers_per_k", "label": "Servers per 1,000 users", "value": 0.5,
                    "range": {"distribution": "uniform", "low": 0.4, "high": 0.6}},
                   {"id": "gb", "label": "GB stored", "value": 90, "min": 0, "max": 100,
                    "range": {"distribution": "triangular", "low": 50, "high": 150}},
                   {"id": "fixed_sd", "label": "Spread given as mean and sd", "value": 3,
                    "range": {"distribution": "normal", "mean": 3, "sd": 0}}],
                 "variables": [
                   {"id": "requests", "label": "Requests", "formula": "Users * mean"},
                   {"id": "servers", "label": "Servers", "formula": "max(1, ceil(round(Users * servers_per_k / 1000, 6)))"},
                   {"id": "tier", "label": "Support tier", "formula": "step(Users, 0, 1, 10000, 2)"},
                   {"id": "busy", "label": "Busy", "formula": "if(Users * mean * servers_per_k * gb > 10000000, 1, 0)"}],
                 "categories": [{"id": "compute", "label": "Compute"}, {"id": "storage", "label": "Storage"},
                                {"id": "support", "label": "Support"}],
                 "items": [
                   {"id": "vm", "label": "VMs", "category": "compute", "quantity": "servers", "unitPrice": 0.1, "billing": "hourly"},
                   {"id": "req", "label": "Requests", "category": "compute", "quantity": "requests", "unitPrice": 0.2,
                    "per": 1000000, "billing": "perUnit", "increment": 1000000, "minimumMonthly": 1},
                   {"id": "disk", "label": "Disk", "category": "storage", "quantity": "gb - 10 + busy + fixed_sd", "unitPrice": 0.05},
                   {"id": "plan", "label": "Support plan", "category": "support", "quantity": "spend(compute, storage)",
                    "tiers": [{"upTo": 1000, "unitPrice": 0.1}, {"upTo": 5000, "unitPrice": 0.07}, {"unitPrice": 0.05}],
                    "tierMode": "volume", "minimumMonthly": "if(tier > 1, 100, 29)"}],
                 "levers": [
                   {"id": "reserved", "label": "Reserved VMs", "enabled": true,
                    "effects": [{"item": "vm", "factor": 0.6}, {"category": "compute", "factor": 0.9}]},
                   {"id": "off", "label": "Off", "effects": [{"item": "disk", "factor": 0}]}]}
                """;
        assertEquals("// Mixed\n" + HEADER
                + "// levers on: reserved; uncertain drivers: Users, mean, servers_per_k, gb, fixed_sd\n"
                + "\n"
                + "// a billable quantity rounded up to a multiple of the increment (a quotient within 1e-9 of a whole number is whole)\n"
                + "roundUp(b, inc) = if inc > 0 then {\n"
                + "  k = b / inc\n"
                + "  w = round(k)\n"
                + "  ceil(if abs(k - w) <= 1e-9 * max(1, abs(k)) then w else k) * inc\n"
                + "} else 0 / 0\n"
                + "\n"
                + "// round(x, digits) as Costscope rounds: half away from zero\n"
                + "roundHalfAway(x, digits) = {\n"
                + "  f = 10 ^ digits\n"
                + "  v = abs(x) * f\n"
                + "  r = if v < 2 ^ 52 then floor(v + 0.5 + 1e-9) / f else abs(x)\n"
                + "  if x < 0 then -r else r\n"
                + "}\n"
                + "\n"
                + "c_Users = truncate(2000 to 12000, 10, 1000000)\n"
                + "c_mean = truncateLeft(normal({p5: 20, p95: 60}), 0)\n"
                + "servers_per_k = uniform(0.4, 0.6)\n"
                + "gb = truncateRight(triangular(50, 100, 150), 100)\n"
                + "fixed_sd = 3\n"
                + "requests = c_Users * c_mean\n"
                + "servers = SampleSet.map2(c_Users, servers_per_k, {|c_Users, servers_per_k| max(1, ceil(roundHalfAway(c_Users * servers_per_k / 1000, 6)))})\n"
                + "tier = SampleSet.map(c_Users, {|c_Users| if c_Users >= 10000 then 2 else 1})\n"
                + "busy = SampleSet.mapN([c_Users, c_mean, servers_per_k, gb], {|xs|\n"
                + "  c_Users = xs[0]\n"
                + "  c_mean = xs[1]\n"
                + "  servers_per_k = xs[2]\n"
                + "  gb = xs[3]\n"
                + "  if c_Users * c_mean * servers_per_k * gb > 10000000 then 1 else 0\n"
                + "})\n"
                + "vm = servers * 0.1 * 720 * 0.6 * 0.9\n"
                + "req = SampleSet.map(requests, {|requests|\n"
                + "  priced = roundUp(requests, 1000000) * 0.2 / 1000000\n"
                + "  if requests > 0 then max(priced, 1) else priced\n"
                + "}) * 0.9\n"
                + "disk_quantity = gb - 10 + busy + fixed_sd\n"
                + "disk = SampleSet.map(disk_quantity, {|disk_quantity| max(0, disk_quantity) * 0.05})\n"
                + "compute = vm + req\n"
                + "storage = disk\n"
                + "plan_quantity = compute + storage\n"
                + "plan_minimum = SampleSet.map(tier, {|tier| if tier > 1 then 100 else 29})\n"
                + "plan = SampleSet.map2(plan_quantity, plan_minimum, {|plan_quantity, plan_minimum|\n"
                + "  priced = plan_quantity * (if plan_quantity <= 1000 then 0.1 else if plan_quantity <= 5000 then 0.07 else 0.05)\n"
                + "  if plan_quantity > 0 then max(priced, plan_minimum) else priced\n"
                + "})\n"
                + "support = plan\n"
                + "total = compute + storage + support\n", SquiggleModel.of(parse(json)));
    }

    @Test
    void everySampleTranslatesOrNamesWhatItCannot() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("sample-scenarios"))) {
            samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        for (Path p : samples) {
            Scenario sc = ScenarioFiles.load(p);
            try {
                String program = SquiggleModel.of(sc);
                assertTrue(program.contains("\ntotal = "), p + ": binds total");
                // a sample without ranges has no sample set anywhere: every value a number
                if (sc.drivers().stream().noneMatch(d -> d.range() != null)) {
                    assertFalse(program.contains("SampleSet"), p + " has no uncertain value");
                }
                assertBindsEveryNameOnce(p, program);
            } catch (UnsupportedOperationException e) {
                assertTrue(e.getMessage() != null && e.getMessage().matches("(correlations|the metric|the name|the function|the distribution).*"),
                        p + ": " + e.getMessage());
            }
        }
    }

    /** Each top-level name bound once, and bound before any later line reads it. */
    private static void assertBindsEveryNameOnce(Path p, String program) {
        Pattern binding = Pattern.compile("^([a-z][A-Za-z0-9_]*)(\\(.*\\))? = ", Pattern.MULTILINE);
        Matcher m = binding.matcher(program);
        java.util.Set<String> bound = new java.util.HashSet<>();
        while (m.find()) assertTrue(bound.add(m.group(1)), p + ": " + m.group(1) + " bound twice");
    }

    @Test
    void awsomeBuilderWithFiveRangesRunsPerSampleOnlyWhereItsPricingIsNotLinear() throws Exception {
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios/awsomebuilder2.json"));
        Map<String, Range> ranges = Map.of(
                "sessions_per_mau", range(Distribution.PERT, 15, 30).withMode(20.0),
                "api_calls_per_session", range(Distribution.LOGNORMAL, 35, 70),
                "lambda_avg_duration_s", range(Distribution.TRIANGULAR, 0.2, 0.4).withMode(0.28),
                "aurora_io_requests", range(Distribution.UNIFORM, 200e6, 250e6),
                "writer_peak_acu", range(Distribution.NORMAL, 8, 12));
        Scenario ranged = sc.withDrivers(sc.drivers().stream()
                .map(d -> ranges.containsKey(d.id()) ? d.withRange(ranges.get(d.id())) : d).toList());
        String program = SquiggleModel.of(CompiledScenario.compile(ranged));
        String[] lines = program.split("\n");
        assertTrue(List.of(lines).contains("sessions_per_mau = 15 + 15 * beta(2.333333333333333, 3.6666666666666665)"), program);
        assertTrue(List.of(lines).contains("api_calls_per_session = truncate(35 to 70, 1, 500)"), program);
        assertTrue(List.of(lines).contains("lambda_avg_duration_s = triangular(0.2, 0.28, 0.4)"), program);
        assertTrue(List.of(lines).contains("writer_peak_acu = truncate(normal({p5: 8, p95: 12}), 0.5, 128)"), program);
        assertTrue(List.of(lines).contains("aurora_io_requests = uniform(200000000, 250000000)"), program);
        // the HTTP API's two tiers are the only per-sample pricing; every other uncertain value is sample-set arithmetic
        List<String> perSample = Stream.of(lines).filter(l -> l.contains("SampleSet.map")).toList();
        assertEquals(List.of("http_api_requests = SampleSet.map(api_requests, {|api_requests| min(api_requests, 300000000)"
                + " * 1 / 1000000 + max(0, api_requests - 300000000) * 0.9 / 1000000})"), perSample);
        // a certain condition stays a Squiggle if, its number branch made a sample set like the other
        assertTrue(List.of(lines).contains("lambda_pc_compute_quantity = if pc_instances > 0 then agent_invocations"
                + " * agent_memory_gb * agent_duration_s else SampleSet.fromNumber(0)"), program);
    }

    private static Range range(Distribution d, double low, double high) {
        return RangeBuilder.builder().distribution(d).low(low).high(high).build();
    }

    @Test
    void correlationsAreNamed() throws Exception {
        String json = """
                {"format": "costscope-scenario", "version": 1, "name": "Correlated",
                 "drivers": [{"id": "a", "label": "A", "value": 2, "range": {"distribution": "uniform", "low": 1, "high": 3}},
                             {"id": "b", "label": "B", "value": 2, "range": {"distribution": "uniform", "low": 1, "high": 3}}],
                 "correlations": [{"between": ["a", "b"], "rank": 0.5}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "x", "label": "X", "category": "c", "quantity": "a * b", "unitPrice": 1}]}
                """;
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> SquiggleModel.of(parse(json)));
        assertTrue(e.getMessage().startsWith("correlations (rank correlation between uncertain drivers [a, b])"), e.getMessage());
    }

    @Test
    void aMetricOtherThanUsersOnTheWayToTheTotalIsNamed() throws Exception {
        String json = """
                {"format": "costscope-scenario", "version": 1, "name": "Fees",
                 "drivers": [{"id": "requests", "label": "Requests", "value": 1000}],
                 "categories": [{"id": "api", "label": "API"}],
                 "items": [{"id": "fees", "label": "Fees", "category": "api", "quantity": "payingUsers", "unitPrice": 0.3}],
                 "business": {"users": {"label": "user", "formula": "requests"}, "price": 5, "conversion": 0.1}}
                """;
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> SquiggleModel.of(parse(json)));
        assertEquals("the metric 'payingUsers' on the way to the total (only 'users' is translated)", e.getMessage());
        // users itself is a formula of the model, translated like a variable
        String users = json.replace("\"payingUsers\"", "\"users * 0.1\"");
        assertTrue(SquiggleModel.of(parse(users)).contains("\nusers = requests\nfees_quantity = users * 0.1\n"));
    }

    @Test
    void aPowerUnderAMinusKeepsCostscopesPrecedence() throws Exception {
        // Costscope reads -x^2 as -(x^2); Squiggle reads -x ^ 2 as (-x)^2, so the power is parenthesised (Squiggle 0.10
        // gives 25.666666666666668 for this line at x = 3, as Costscope does)
        String json = """
                {"format": "costscope-scenario", "version": 1, "name": "Signs",
                 "drivers": [{"id": "x", "label": "X", "value": 3}],
                 "variables": [{"id": "y", "label": "Y", "formula": "10 - -x^2 * 2 + (1 - x) - (x - 1) / (2 * x)"}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "i", "label": "I", "category": "c", "quantity": "y", "unitPrice": 1}]}
                """;
        assertTrue(SquiggleModel.of(parse(json)).contains("\ny = 10 - -(x ^ 2) * 2 + (1 - x) - (x - 1) / (2 * x)\n"));
    }

    @Test
    void numbersReadBackToTheSameDouble() {
        for (double d : new double[]{0, 1, 0.1, 1.66667e-5, 4.1667e-6, 1e15, 1e20, 123456789.125, 150.0 / 63, 2.5e-300}) {
            String s = SquiggleModel.num(d);
            assertEquals(d, Double.parseDouble(s), s);
            assertTrue(s.matches("[0-9][0-9.e+-]*"), s);
        }
        assertEquals("300000000", SquiggleModel.num(3e8));
        assertEquals("1.66667e-5", SquiggleModel.num(1.66667e-5));
    }
}
