package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/** The default range of the scale charts. */
@RecordBuilder
public record Sweep(String driver, double from, double to, boolean log) implements SweepBuilder.With {
}
