package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.whatif.Variants;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples' timelines (docs/samples-timelines.md): each reproduces what its report puts on a time axis. */
class SampleTimelinesTest {
    static Scenario load(String name) throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
    }

    @Test
    void theBillionUsersScalingTimelineIsAuditedAtItsMonths() throws Exception {
        Scenario sc = load("billion-users");
        CompiledScenario c = CompiledScenario.compile(sc);
        List<Audit.Line> lines = Audit.run(c);
        int[] months = {0, 12, 24, 36, 48};
        String[] points = {"100K", "1M", "10M", "100M", "1B"};
        for (int y = 0; y < 5; y++) {
            int year = y;
            Audit.Line l = lines.stream().filter(x -> x.label().startsWith("Year " + (year + 1) + " monthly cost")).findFirst().orElseThrow();
            assertEquals(months[y], l.month());
            // the month's state is the scale point's: its users (log between milestones) and regions (a step)
            Evaluator at = c.newEvaluator(sc);
            at.applyScalePoint(points[y]);
            sc.statedFigures().stream().filter(f -> f.label().equals(l.label())).findFirst().orElseThrow()
                    .levers().forEach(at::setLever);
            assertEquals(at.total(), l.computed(), 1e-6 * l.computed(), l.label());
        }
        // the report's figures are ten times a linear share of its own total: Years 2-4 differ by about that factor
        Audit.Line y2 = lines.stream().filter(x -> x.label().startsWith("Year 2")).findFirst().orElseThrow();
        assertFalse(y2.agrees());
        // between milestones the users grow at a constant rate: month 6 is sqrt(10) x 100,000
        Months.Result r = Months.run(c.newEvaluator(sc));
        Evaluator m6 = Months.at(c.newEvaluator(sc), 6);
        assertEquals(100_000 * Math.sqrt(10), m6.driverValue("total_users"), 1e-6);
        assertEquals(60, r.months().size());
    }

    @Test
    void awsomeBuilder2sStorageGrowsTwentyPercentAYear() throws Exception {
        Scenario sc = load("awsomebuilder2");
        CompiledScenario c = CompiledScenario.compile(sc);
        assertEquals(600, Months.at(c.newEvaluator(sc), 12).driverValue("aurora_storage_gb"), 1e-9);
        assertEquals(720, Months.at(c.newEvaluator(sc), 24).driverValue("aurora_storage_gb"), 1e-9);
        Months.Result r = Months.run(c.newEvaluator(sc));
        assertTrue(r.months().get(35).total() > r.months().get(0).total());
        assertFalse(r.funded());
    }

    @Test
    void innerWorldsFirstFundingRowRunsOutInItsTwentySecondMonth() throws Exception {
        // $50,000 at 1,000 concurrent users, $2,309 a month, nothing sold: 21.65 months, the report's "22 months"
        Scenario sc = load("innerworld");
        Months.Result r = Months.run(CompiledScenario.compile(sc).newEvaluator(sc));
        assertEquals(21, r.runwayMonth(), "month 21 is the 22nd month");
        assertEquals(50_000 - 22 * 2309.0, r.months().get(21).cash(), 1e-6);
    }

    @Test
    void raptorFlowsPhasesAreItsVariantsMonthByMonth() throws Exception {
        Scenario sc = load("raptorflow");
        CompiledScenario c = CompiledScenario.compile(sc);
        Months.Result r = Months.run(c.newEvaluator(sc));
        double current = CompiledScenario.compile(Variants.resolve(sc, "current").scenario()).newEvaluator().total();
        double phase2 = CompiledScenario.compile(Variants.resolve(sc, "phase2").scenario()).newEvaluator().total();
        double phase3 = CompiledScenario.compile(Variants.resolve(sc, "phase3").scenario()).newEvaluator().total();
        assertEquals(current, r.months().get(0).total(), 1e-9, "month 0: before the project");
        assertEquals(phase2, r.months().get(1).total(), 1e-9, "month 1: weeks 1 and 2, phases 1 and 2");
        assertEquals(phase3, r.months().get(2).total(), 1e-9, "month 2: the serverless migration");
        assertEquals(phase3, r.months().get(11).total(), 1e-9);
        assertEquals(3, r.paybacks().size());
    }
}
