package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.Correlation;
import costscope.model.Distribution;
import costscope.model.Driver;
import costscope.model.Problem;
import costscope.model.Range;
import costscope.model.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A driver's range and the correlations in the editor's checks and edits, without a window. */
class RangeEditCheckTest {
    static Scenario beatsight;

    @BeforeAll
    static void load() throws Exception {
        beatsight = ScenarioFiles.load(Path.of("sample-scenarios/beatsight.json"));
    }

    static Scenario withRange(Scenario s, String id, Range r) {
        return s.withDrivers(s.drivers().stream().map(d -> d.id().equals(id) ? d.withRange(r) : d).toList());
    }

    static Draft range(Scenario s, String id, String... keyValues) {
        Draft d = Drafts.of(s.driver(id));
        Map<String, String> f = new HashMap<>(d.fields());
        for (int i = 0; i < keyValues.length; i += 2) f.put("range." + keyValues[i], keyValues[i + 1]);
        return new Draft(d.kind(), f, d.tiers(), d.effects());
    }

    static EditCheck.Result check(Scenario s, String id, Draft d) {
        return EditCheck.check(s, List.of(), ElementKind.DRIVER, id, d);
    }

    @Test
    void aDriversFormHasItsRangeAsFieldsAndRoundTripsIt() {
        assertEquals(List.of("id", "label", "unit", "value", "min", "max", "step", "scale", "range.distribution", "range.low",
                "range.high", "range.mode", "range.mean", "range.sd", "description"), Draft.fieldsOf(ElementKind.DRIVER));
        Range pert = new Range(Distribution.PERT, 3.0, 5.0, 4.0, null, null);
        Scenario s = withRange(beatsight, "new_songs_per_user", pert);
        Draft d = Drafts.of(s.driver("new_songs_per_user"));
        assertEquals("pert", d.get("range.distribution"));
        assertEquals("3", d.get("range.low"));
        assertEquals("4", d.get("range.mode"));
        assertEquals("", d.get("range.mean"));
        assertEquals(s.driver("new_songs_per_user"), Drafts.build(d).element());
        Draft none = Drafts.of(beatsight.driver("mau"));
        assertEquals("", none.get("range.distribution"));
        assertNull(((Driver) Drafts.build(none).element()).range());
        Range normal = new Range(Distribution.NORMAL, null, null, null, 4.0, 0.5);
        Driver n = withRange(beatsight, "mau", normal).driver("mau");
        assertEquals(n, Drafts.build(Drafts.of(n)).element(), "mean and sd round-trip too");
    }

    @Test
    void aRangeTypedInTheFormIsReadWithTheNumbersItsDistributionTakes() {
        EditCheck.Result r = check(beatsight, "new_songs_per_user",
                range(beatsight, "new_songs_per_user", "distribution", "pert", "low", "3", "high", "5", "mode", "4", "mean", "9"));
        assertTrue(r.valid(), r.toString());
        assertEquals(new Range(Distribution.PERT, 3.0, 5.0, 4.0, null, null), r.candidate().driver("new_songs_per_user").range(),
                "a mean left in its (hidden) field is not part of a PERT range");
        EditCheck.Result uniform = check(beatsight, "new_songs_per_user",
                range(beatsight, "new_songs_per_user", "distribution", "uniform", "low", "3", "high", "5", "mode", "4"));
        assertEquals(new Range(Distribution.UNIFORM, 3.0, 5.0, null, null, null), uniform.candidate().driver("new_songs_per_user").range());
        EditCheck.Result pct = check(beatsight, "verified_share",
                range(beatsight, "verified_share", "distribution", "triangular", "low", "40%", "high", "0.6"));
        assertEquals(new Range(Distribution.TRIANGULAR, 0.4, 0.6, null, null, null), pct.candidate().driver("verified_share").range());
        EditCheck.Result cleared = check(withRange(beatsight, "mau", new Range(Distribution.LOGNORMAL, 1e3, 1e5, null, null, null)), "mau",
                range(beatsight, "mau", "distribution", "", "low", "1000", "high", "100000"));
        assertNull(cleared.candidate().driver("mau").range(), "none: no range, whatever the fields hold");
    }

    @Test
    void eachRangeProblemIsTheEnginesMessageAtTheFieldItIsAbout() {
        String id = "new_songs_per_user";
        Object[][] cases = {
                {new String[]{"distribution", "pert", "low", "5", "high", "3"}, "range.high", "high must be above low"},
                {new String[]{"distribution", "pert", "low", "3", "high", "5", "mode", "6"}, "range.mode", "mode must be between low and high"},
                {new String[]{"distribution", "pert", "low", "3"}, "range.high", "give low and high"},
                {new String[]{"distribution", "lognormal", "low", "0", "high", "5"}, "range.low", "lognormal needs low above 0"},
                {new String[]{"distribution", "normal", "mean", "4", "sd", "-1"}, "range.sd", "sd must be 0 or more"},
                {new String[]{"distribution", "normal", "low", "3", "high", "5", "mean", "4", "sd", "1"}, "range.mean", "give low and high, or mean and sd"},
                {new String[]{"distribution", "uniform", "low", "30", "high", "40"}, "range.distribution", "the range lies outside the driver's min and max"},
                {new String[]{"distribution", "pert", "low", "three", "high", "5"}, "range.low", null},
        };
        for (Object[] c : cases) {
            EditCheck.Result r = check(beatsight, id, range(beatsight, id, (String[]) c[0]));
            assertFalse(r.valid(), List.of((String[]) c[0]).toString());
            assertEquals(List.of(c[1]), List.copyOf(r.fields().keySet()), List.of((String[]) c[0]).toString());
            if (c[2] != null) assertEquals(c[2], r.fields().get(c[1]).message());
            assertEquals(List.of(), r.general());
        }
        // the message is the Checker's, as the file's validation reports it
        List<Problem> p = CompiledScenario.validate(withRange(beatsight, id, new Range(Distribution.PERT, 5.0, 3.0, null, null, null)));
        assertEquals("drivers[1] 'new_songs_per_user', range: high must be above low", p.get(0).describe());
        assertEquals(List.of("high"), p.get(0).subjects());
    }

    @Test
    void clearingARangeOrRemovingTheDriverTakesItsCorrelationsRenamingRenamesThem() {
        Scenario s = withRange(withRange(withRange(beatsight, "new_songs_per_user", new Range(Distribution.PERT, 1.0, 3.0, null, null, null)),
                "verified_share", new Range(Distribution.UNIFORM, 0.4, 0.6, null, null, null)),
                "gpu_cost_per_run", new Range(Distribution.PERT, 0.041, 0.069, 0.055, null, null));
        s = s.withCorrelations(List.of(new Correlation(List.of("new_songs_per_user", "verified_share"), 0.5),
                new Correlation(List.of("gpu_cost_per_run", "verified_share"), -0.3)));
        assertEquals(List.of(), CompiledScenario.validate(s));

        EditCheck.Result r = check(s, "verified_share", range(s, "verified_share", "distribution", ""));
        assertTrue(r.valid(), r.toString());
        assertEquals(List.of(), r.candidate().correlations());
        assertEquals(List.of("without a range it correlates with nothing: its correlations with 'new_songs_per_user' and"
                + " 'gpu_cost_per_run' go"), r.notes());
        Scenario cleared = ModelEdits.withRange(s, "new_songs_per_user", null);
        assertEquals(List.of(new Correlation(List.of("gpu_cost_per_run", "verified_share"), -0.3)), cleared.correlations());
        assertEquals(List.of(), CompiledScenario.validate(cleared));

        Scenario removed = ModelEdits.remove(s, ElementKind.DRIVER, ElementKind.DRIVER.indexOf(s, "gpu_cost_per_run"));
        assertEquals(List.of(new Correlation(List.of("new_songs_per_user", "verified_share"), 0.5)), removed.correlations());

        Draft renamed = Drafts.of(s.driver("verified_share"));
        Map<String, String> f = new HashMap<>(renamed.fields());
        f.put("id", "verified");
        EditCheck.Result rn = check(s, "verified_share", new Draft(renamed.kind(), f, renamed.tiers(), renamed.effects()));
        assertTrue(rn.valid(), rn.toString());
        assertEquals(List.of(new Correlation(List.of("new_songs_per_user", "verified"), 0.5),
                new Correlation(List.of("gpu_cost_per_run", "verified"), -0.3)), rn.candidate().correlations());
    }

    @Test
    void theCorrelationsTableIsCheckedRowByRow() {
        Scenario s = withRange(withRange(beatsight, "new_songs_per_user", new Range(Distribution.PERT, 1.0, 3.0, null, null, null)),
                "verified_share", new Range(Distribution.UNIFORM, 0.4, 0.6, null, null, null));
        EditCheck.Result ok = EditCheck.correlations(s, List.of(), List.of(List.of("new_songs_per_user", "verified_share", "60%")));
        assertTrue(ok.valid());
        assertEquals(List.of(new Correlation(List.of("new_songs_per_user", "verified_share"), 0.6)), ok.candidate().correlations());

        EditCheck.Result blank = EditCheck.correlations(s, List.of(), List.of(List.of("new_songs_per_user", "verified_share", "")));
        assertEquals("a number is required", blank.fields().get("correlations[0].rank").message());
        EditCheck.Result one = EditCheck.correlations(s, List.of(), List.of(List.of("new_songs_per_user", "verified_share", "1")));
        assertEquals(List.of("correlations[0].rank"), List.copyOf(one.fields().keySet()));
        assertTrue(one.fields().get("correlations[0].rank").message().startsWith("rank must be between -1 and 1"));
        EditCheck.Result fixed = EditCheck.correlations(s, List.of(), List.of(List.of("new_songs_per_user", "mau", "0.5")));
        assertEquals("'mau' has no range: only uncertain drivers correlate", fixed.fields().get("correlations[0].b").message());
        EditCheck.Result first = EditCheck.correlations(s, List.of(), List.of(List.of("mau", "verified_share", "0.5")));
        assertEquals(List.of("correlations[0].a"), List.copyOf(first.fields().keySet()), "at the driver the problem names");
        EditCheck.Result self = EditCheck.correlations(s, List.of(), List.of(List.of("verified_share", "verified_share", "0.5")));
        assertEquals(List.of("correlations[0].b"), List.copyOf(self.fields().keySet()));
        EditCheck.Result twice = EditCheck.correlations(s, List.of(), List.of(List.of("new_songs_per_user", "verified_share", "0.5"),
                List.of("verified_share", "new_songs_per_user", "0.2")));
        assertEquals(List.of("correlations[1].b"), List.copyOf(twice.fields().keySet()));
        EditCheck.Result none = EditCheck.correlations(s, List.of(), List.of());
        assertTrue(none.valid());
        assertFalse(none.changed());
    }
}
