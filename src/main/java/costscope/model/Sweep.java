package costscope.model;

/** The default range of the scale charts. */
public record Sweep(String driver, double from, double to, boolean log) {
}
