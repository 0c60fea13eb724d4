package costscope.model;

/** An element of a scenario's lists that formulas and the editor name by id: a driver, variable, line item, category or lever. */
public interface Element {
    String id();

    String label();
}
