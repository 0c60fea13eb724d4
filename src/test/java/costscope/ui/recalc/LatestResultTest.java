package costscope.ui.recalc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestResultTest {
    final HoldingRunner tasks = new HoldingRunner();
    final LatestResult latest = new LatestResult(tasks);
    final List<String> shown = new ArrayList<>();
    final List<String> computed = new ArrayList<>();

    void request(String name) {
        latest.run(() -> {
            computed.add(name);
            return name;
        }, shown::add, e -> shown.add("error " + e.getMessage()));
    }

    @Test
    void withAnImmediateRunnerEveryResultLands() {
        request("a");
        request("b");
        assertEquals(List.of("a", "b"), shown);
        assertFalse(latest.busy());
    }

    @Test
    void aResultFinishingAfterANewerOneIsDropped() {
        tasks.holding = true;
        request("old");
        request("new");
        assertTrue(latest.busy());
        assertEquals(2, tasks.held.size(), "each request goes to the runner at once");
        tasks.held.get(1).run();
        assertEquals(List.of("new"), shown);
        assertFalse(latest.busy());
        tasks.held.get(0).run();
        assertEquals(List.of("new"), shown, "the older result came last: dropped");
    }

    @Test
    void workWhoseTurnComesAfterANewerRequestIsSkipped() {
        tasks.holding = true;
        request("a");
        request("b");
        request("c");
        tasks.finishInOrder();
        assertEquals(List.of("c"), computed, "a and b were stale before they started: never computed");
        assertEquals(List.of("c"), shown);
    }

    @Test
    void aResultLandingWhileANewerRequestRunsIsShownUntilTheNewerLands() {
        tasks.holding = true;
        // the first run has started (its work is under way) when the second request comes
        latest.run(() -> {
            request("second");
            return "first";
        }, shown::add, e -> shown.add("error"));
        tasks.held.get(0).run();
        assertEquals(List.of("first"), shown);
        assertTrue(latest.busy(), "the second request has not landed");
        tasks.held.get(1).run();
        assertEquals(List.of("first", "second"), shown);
        assertFalse(latest.busy());
    }

    @Test
    void aResultStartedBeforeANewerRequestAndFinishingAfterItsResultIsDropped() {
        tasks.holding = true;
        latest.run(() -> {
            request("new");
            tasks.held.get(1).run(); // the newer run overtakes this one and lands
            return "old";
        }, shown::add, e -> shown.add("error"));
        tasks.held.get(0).run();
        assertEquals(List.of("new"), computed);
        assertEquals(List.of("new"), shown, "old was computed but finished after new landed: dropped");
        assertFalse(latest.busy());
    }

    @Test
    void anErrorLandsLikeAResultAndAStaleOneIsNot() {
        tasks.holding = true;
        latest.<String>run(() -> {
            throw new IllegalStateException("old failure");
        }, shown::add, e -> shown.add("error " + e.getMessage()));
        latest.<String>run(() -> {
            throw new IllegalStateException("new failure");
        }, shown::add, e -> shown.add("error " + e.getMessage()));
        tasks.finishNewestFirst();
        assertEquals(List.of("error new failure"), shown);
    }
}
