package costscope.formula;

/** A formula problem at a character range of the formula text (0-based, end exclusive). */
public class FormulaException extends Exception {
    private final int start;
    private final int end;
    private final String detail;

    public FormulaException(String detail, int start, int end) {
        super(detail + " at position " + start);
        this.detail = detail;
        this.start = start;
        this.end = Math.max(end, start);
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
