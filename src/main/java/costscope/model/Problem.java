package costscope.model;

/**
 * One problem in a scenario, with its place: a JSON line and column (0 when unknown), and/or a field path with
 * a formula character position (-1 when not in a formula).
 */
public record Problem(String where, int line, int column, int position, String message) {

    public static Problem at(String where, String message) {
        return new Problem(where, 0, 0, -1, message);
    }

    public static Problem inFormula(String where, int position, String message) {
        return new Problem(where, 0, 0, position, message);
    }

    /** "line 3, column 7 (items[2].unitPrice): message" or "items[2] 'x', field quantity, position 4: message". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (line > 0) {
            b.append("line ").append(line).append(", column ").append(column);
            if (where != null && !where.isEmpty()) b.append(" (").append(where).append(')');
        } else if (where != null && !where.isEmpty()) {
            b.append(where);
        }
        if (position >= 0) {
            if (b.length() > 0) b.append(", ");
            b.append("position ").append(position);
        }
        if (b.length() > 0) b.append(": ");
        return b.append(message).toString();
    }
}
