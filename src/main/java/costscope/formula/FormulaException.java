package costscope.formula;

/** A formula problem at a character range of the formula text (0-based, end exclusive). */
public class FormulaException extends Exception {
    private final int start;
    private final int end;
    private final String detail;
    private final String unknownName;

    public FormulaException(String detail, int start, int end) {
        this(detail, start, end, null);
    }

    private FormulaException(String detail, int start, int end, String unknownName) {
        super(detail + " at position " + start);
        this.detail = detail;
        this.start = start;
        this.end = Math.max(end, start);
        this.unknownName = unknownName;
    }

    /** A name no scope knows: "unknown name 'userz'", at the name. */
    public static FormulaException unknownName(Expr.Name n) {
        return new FormulaException("unknown name '" + n.name() + "'", n.start(), n.end(), n.name());
    }

    /** The name that is not known, when that is the problem; else null. */
    public String unknownName() {
        return unknownName;
    }

    /** The problem without its position. */
    public String detail() {
        return detail;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
