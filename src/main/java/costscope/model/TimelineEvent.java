package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.Map;

/**
 * What happens at a month and lasts from then on: levers switched ({@code levers}), a variant applied
 * ({@code variant}), a one-off {@code cost} paid, {@code funding} received. One event may do several of these.
 */
@RecordBuilder
public record TimelineEvent(int month, String label, Map<String, Boolean> levers, String variant, Double cost,
                            Double funding) implements TimelineEventBuilder.With {
    public TimelineEvent {
        levers = levers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levers));
    }
}
