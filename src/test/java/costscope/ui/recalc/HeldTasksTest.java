package costscope.ui.recalc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start's held background work: nothing runs before the release, then all of it in order, then at once. */
class HeldTasksTest {
    /** A runner whose separate runners are runners of their own, recording which ran what. */
    static final class Recording implements TaskRunner {
        final String name;
        final List<String> log;

        Recording(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                            java.util.function.Consumer<Throwable> onError) {
            TaskRunner.synchronous().run(work, v -> {
                log.add(name + ":" + v);
                onDone.accept(v);
            }, onError);
        }

        @Override
        public TaskRunner separate(String other) {
            return new Recording(other, log);
        }
    }

    @Test
    void workWaitsForTheReleaseThenRunsInTheOrderGivenOnEveryRunnerMadeFromIt() {
        List<String> log = new ArrayList<>();
        HeldTasks held = new HeldTasks(new Recording("worker", log));
        TaskRunner simulations = held.separate("simulation");
        held.run(() -> "audit", v -> log.add("done " + v), e -> log.add("failed"));
        simulations.run(() -> "bands", v -> log.add("done " + v), e -> log.add("failed"));
        held.run(() -> {
            throw new IllegalStateException("broken");
        }, v -> log.add("done"), e -> log.add("failed " + e.getMessage()));
        assertEquals(List.of(), log, "nothing before the release");
        assertFalse(held.released());

        held.release();
        assertEquals(List.of("worker:audit", "done audit", "simulation:bands", "done bands", "failed broken"), log);
        assertTrue(held.released());

        log.clear();
        simulations.run(() -> "later", v -> log.add("done " + v), e -> log.add("failed"));
        assertEquals(List.of("simulation:later", "done later"), log, "after the release, at once");
        held.release();
        assertEquals(2, log.size(), "a second release runs nothing again");
    }

    @Test
    void workGivenWhileReleasingIsKeptBehindTheWorkBeforeIt() {
        List<String> log = new ArrayList<>();
        HeldTasks held = new HeldTasks(new Recording("w", log));
        // the first task's callback gives more work (as a recalculation's result starts a simulation)
        held.run(() -> "first", v -> held.run(() -> "third", x -> {
        }, e -> {
        }), e -> {
        });
        held.run(() -> "second", v -> {
        }, e -> {
        });
        held.release();
        assertEquals(List.of("w:first", "w:second", "w:third"), log);
    }

    @Test
    void workStillHeldWhenTheAppClosesNeverRuns() {
        List<String> log = new ArrayList<>();
        HeldTasks held = new HeldTasks(new Recording("w", log));
        held.run(() -> "audit", v -> log.add("done"), e -> log.add("failed"));
        held.shutdown();
        held.release();   // two frames after the show, when the window was closed at once
        assertEquals(List.of(), log);
    }

    @Test
    void theWrappedRunnerIsNeverHeldAndARunnerWithoutThreadsSeparatesToItself() {
        List<String> log = new ArrayList<>();
        Recording inner = new Recording("w", log);
        HeldTasks held = new HeldTasks(inner);
        assertSame(inner, held.unheld());
        held.unheld().run(() -> "theme", v -> {
        }, e -> {
        });
        assertEquals(List.of("w:theme"), log);
        HeldTasks sync = new HeldTasks(TaskRunner.synchronous());
        assertSame(sync, sync.separate("simulation"));
        assertSame(TaskRunner.synchronous().getClass(), sync.unheld().getClass());
    }
}
