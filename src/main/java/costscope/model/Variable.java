package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/** A derived quantity: a formula over drivers, other variables, items and metrics. */
@RecordBuilder
public record Variable(String id, String label, String unit, String formula, String description) implements Element, VariableBuilder.With {
}
