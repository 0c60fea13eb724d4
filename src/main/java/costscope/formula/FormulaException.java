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

    /**
     * The one wording for a number literal too large for a double (1e400, which parsers read as infinity), in a
     * formula or anywhere in a scenario file.
     */
    public static String tooLarge(String literal) {
        return "the number " + literal + " is too large (the largest is about 1.8e308)";
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
