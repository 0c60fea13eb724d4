package costscope.formula;

/** A name no scope knows: "unknown name 'userz'", at the name; {@link #name()} says which, for a suggestion. */
public final class UnknownNameException extends FormulaException {
    private final String name;

    public UnknownNameException(Expr.Name n) {
        super("unknown name '" + n.name() + "'", n.start(), n.end());
        this.name = n.name();
    }

    /** The name that is not known. */
    public String name() {
        return name;
    }
}
