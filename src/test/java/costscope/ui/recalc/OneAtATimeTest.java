package costscope.ui.recalc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneAtATimeTest {
    @Test
    void requestsDuringARunBecomeOneMoreRunAndOlderResultsAreDropped() {
        OneAtATime runs = new OneAtATime();
        long first = runs.begin();
        assertEquals(1, first);
        assertEquals(-1, runs.begin(), "a run is going: remembered, not started");
        assertEquals(-1, runs.begin());
        assertTrue(runs.finish(first));
        assertTrue(runs.takePending(), "the requests made meanwhile ask for one more run");
        assertFalse(runs.takePending(), "once");
        long again = runs.begin();
        assertEquals(4, again);
        assertTrue(runs.finish(again));
        assertFalse(runs.finish(first), "a result older than the one on show is dropped");
        assertFalse(runs.takePending());
    }
}
