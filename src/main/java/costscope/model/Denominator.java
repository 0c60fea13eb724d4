package costscope.model;

/** A "cost per X" denominator. {@code id} is null for the business model's {@code users}. */
public record Denominator(String id, String label, String formula) {
}
