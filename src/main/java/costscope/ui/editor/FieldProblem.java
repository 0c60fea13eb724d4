package costscope.ui.editor;

/**
 * A problem with one field of a form: the field key ("quantity", "tiers[1].unitPrice", "effects[0].value"), the
 * character position in the field's text (-1 when the problem is not in a formula) and what is wrong.
 */
public record FieldProblem(String field, int position, String message) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(field, -1, message);
    }

    /** "position 12: unknown name 'userz' (did you mean 'users'?)", or the message alone. */
    public String display() {
        return position >= 0 ? "position " + position + ": " + message : message;
    }

    /**
     * The end of the text the problem points at: the name or number starting at the position, or one character,
     * so a form can select it.
     */
    public int end(String text) {
        if (position < 0 || text == null || position >= text.length()) return position;
        int e = position;
        while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_' || text.charAt(e) == '.')) e++;
        return e == position ? position + 1 : e;
    }
}
