package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.Timeline;
import costscope.model.TimelinePath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Timeline page's texts ({@link TimelineDraft}) and their check ({@link EditCheck#timeline}): every sample's
 * timeline shows as rows that read back to the same timeline; the engine's problems land on the field they are in, at
 * the place in its text.
 */
class TimelineEditCheckTest {
    static Scenario load(String name) throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios", name));
    }

    static List<List<String>> rows(List<String>... rows) {
        return new ArrayList<>(List.of(rows));
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2.json", "billion-users.json", "innerworld.json", "raptorflow.json"})
    void everySamplesTimelineReadsBackUnchanged(String name) throws Exception {
        Scenario s = load(name);
        TimelineDraft.Rows rows = TimelineDraft.of(s.timeline());
        EditCheck.Result r = EditCheck.timeline(s, List.of(), rows);
        assertTrue(r.valid(), r.fields() + " " + r.general());
        assertFalse(r.changed(), "showing the timeline changes nothing");
        assertEquals(s, r.candidate());
    }

    @Test
    void billionUsersMilestonesShowInOneLine() throws Exception {
        TimelineDraft.Rows rows = TimelineDraft.of(load("billion-users.json").timeline());
        assertEquals(List.of("total_users", "milestones", "0: 100000; 12: 1000000; 24: 10000000; 36: 100000000; 48: 1000000000", "log"),
                rows.paths().get(0));
    }

    @Test
    void problemsLandOnTheirFieldAtTheirPlace() throws Exception {
        Scenario s = load("innerworld.json");
        // a formula with an unknown name: the engine's position, shifted past the blanks typed before the formula
        EditCheck.Result r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("24", "", rows(
                List.of("concurrent_users", "formula", "  1000 * (1 + mnth)", "")), List.of()));
        assertFalse(r.valid());
        FieldProblem p = r.fields().get("paths[0].value");
        assertEquals(14, p.position(), p.display());
        assertTrue(p.message().contains("mnth"), p.message());
        // a second path for the same driver: on the driver
        r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("24", "", rows(
                List.of("concurrent_users", "growth", "0.1", ""), List.of("concurrent_users", "growth", "0.2", "")), List.of()));
        assertEquals("driver 'concurrent_users' already has a path: give each driver one", r.fields().get("paths[1].driver").message());
        // a start that is not a month; months beyond the limit
        r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("2000", "Jan 2026", List.of(), List.of()));
        assertEquals("months must be from 1 to " + Timeline.MAX_MONTHS + " (have 2000)", r.fields().get("months").message());
        assertEquals("'Jan 2026' is not a month as YYYY-MM, such as \"2026-01\"", r.fields().get("start").message());
        // an unknown variant, a negative cost: at their fields
        r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("24", "", List.of(), rows(
                List.of("3", "x", "", "", "-5", ""), List.of("4", "y", "phase9", "", "", ""))));
        assertEquals("cost must be 0 or more (have -5.0)", r.fields().get("events[0].cost").message());
        assertEquals("'phase9' is not a variant", r.fields().get("events[1].variant").message());
        // what cannot be read at all never reaches the engine
        r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("two years", "", List.of(), rows(
                List.of("3", "x", "", "haiku: maybe", "", ""))));
        assertNull(r.candidate());
        assertEquals("position 7: lever 'haiku': 'maybe' is not on or off", r.fields().get("events[0].levers").display());
        assertTrue(r.fields().containsKey("months"));
    }

    @Test
    void aStatedFigureAtAMonthTheTimelineNoLongerHasBelongsToNoField() throws Exception {
        Scenario s = load("billion-users.json");
        EditCheck.Result r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("12", "", TimelineDraft.of(s.timeline()).paths(), List.of()));
        assertTrue(r.fields().isEmpty(), r.fields().toString());
        assertFalse(r.general().isEmpty());
        List<Problem> engine = CompiledScenario.validate(r.candidate());
        assertEquals(engine.stream().map(Problem::describe).toList(), r.general());
        assertTrue(r.general().get(0).contains("stated"), r.general().get(0));
    }

    @Test
    void blankMonthsWithoutRowsIsNoTimeline() throws Exception {
        Scenario s = load("innerworld.json");
        EditCheck.Result r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows(" ", "", List.of(), List.of()));
        assertTrue(r.valid());
        assertNull(r.candidate().timeline());
        assertTrue(r.changed());
        r = EditCheck.timeline(s.withTimeline(null), List.of(), new TimelineDraft.Rows("", "", List.of(), List.of()));
        assertFalse(r.changed());
        // a linear interpolation is what no interpolation means: written as none
        r = EditCheck.timeline(s, List.of(), new TimelineDraft.Rows("24", "", rows(List.of("concurrent_users", "milestones", "0: 1; 6: 2;", "linear")),
                List.of()));
        assertEquals(List.of(new TimelinePath("concurrent_users", null, List.of(new TimelinePath.Milestone(0, 1), new TimelinePath.Milestone(6, 2)),
                null, null)), r.candidate().timeline().paths());
    }
}
