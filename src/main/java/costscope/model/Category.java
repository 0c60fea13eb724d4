package costscope.model;

/** A group of line items; {@code color} is {@code #rrggbb} or null for the palette default. */
public record Category(String id, String label, String color, String description) {
}
