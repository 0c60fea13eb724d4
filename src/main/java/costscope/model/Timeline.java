package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/**
 * A timeline of months: the horizon ({@code months}), an optional first calendar month ({@code start}, "2026-01"),
 * how drivers move over time ({@code paths}) and what happens at a month ({@code events}). Months are numbered from 0,
 * the first month; an event lasts from its month on.
 */
@RecordBuilder
public record Timeline(int months, String start, List<TimelinePath> paths, List<TimelineEvent> events)
        implements TimelineBuilder.With {
    /** Months at most: 100 years. */
    public static final int MAX_MONTHS = 1200;

    public Timeline {
        paths = paths == null ? List.of() : List.copyOf(paths);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
