package costscope.fuzz;

import java.util.List;
import java.util.function.Predicate;

/**
 * Bugs the fuzzer found in code being changed elsewhere right now, each reported with its minimized input: a failure
 * that matches one of these is counted and printed but does not fail the build. Each entry is narrow (one stage, one
 * exception, one place in the code) and is to be removed with its fix; an empty list is the goal.
 */
final class KnownBugs {
    /** A known bug: a name, what it is, and which failures are it. */
    record Known(String name, String what, Predicate<Pipeline.Failure> matches) {
    }

    /**
     * Each entry: where the bug is, its minimized input, and what is expected. (The first one found, an unpaired
     * surrogate escape such as "a\\udfffb" accepted and then saved as '?', is refused when read since main's 30489ec.)
     */
    static final List<Known> ALL = List.of(
            // export/Reports.java, categories(): t.row("Total", total, !isFinite(total) ? Double.NaN : total == 0 ? null : 1.0)
            // mixes double and Double in one conditional, so the null is unboxed: a NullPointerException whenever the
            // monthly total is exactly 0. Minimized: the example scenario with "items": [] (or every quantity 0); the
            // CLI's evaluate (text, markdown) then exits 1 with "internal error". Expected: the Total row's share shown
            // empty (as intended by the null), exit 0.
            new Known("categories-table-npe-at-a-zero-total",
                    "Reports.categories throws a NullPointerException when the monthly total is 0 (a null share unboxed by"
                            + " the conditional); evaluate --format text|markdown exits 1",
                    // (after many, the JIT throws this NullPointerException without a stack trace)
                    f -> f.error() instanceof NullPointerException && f.stage().equals("report categories")
                            && (f.error().getStackTrace().length == 0
                            || f.error().getStackTrace()[0].toString().startsWith("costscope.export.Reports.categories("))
                            || f.stage().equals("cli") && f.message().startsWith("exit 1 from evaluate ")
                            && f.message().contains("NullPointerException")
                            && f.message().contains("at costscope.export.Reports.categories(")));

    private KnownBugs() {
    }

    /** The known bug this failure is, or null. */
    static Known of(Pipeline.Failure f) {
        for (Known k : ALL) if (k.matches().test(f)) return k;
        return null;
    }
}
