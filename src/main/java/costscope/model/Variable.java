package costscope.model;

/** A derived quantity: a formula over drivers, other variables, items and metrics. */
public record Variable(String id, String label, String unit, String formula, String description) {
}
