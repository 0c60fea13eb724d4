package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;

/** A rank correlation between two uncertain drivers ({@code between}: their ids), from -1 to 1. */
@RecordBuilder
public record Correlation(List<String> between, double rank) implements CorrelationBuilder.With {
    public Correlation {
        between = between == null ? List.of() : List.copyOf(between);
    }
}
