package costscope.formula;

/** A compiled formula: evaluates over the engine's slot array without any parsing or lookup. */
@FunctionalInterface
public interface Fn {
    double eval(double[] slots);
}
