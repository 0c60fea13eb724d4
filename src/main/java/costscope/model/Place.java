package costscope.model;

/**
 * Where something is in a scenario file, as data: the section (a top-level field such as {@code items}, or a nested
 * one such as {@code business.denominators}), the element's index and id, a row inside the element ({@code tiers[1]},
 * {@code effects[0]}, a map such as {@code values} with a key), the field, a place inside another model the problem
 * was found in (a variant's prices are checked on the model with the variant applied), the character position in a
 * formula, and the JSON line and column. Messages are rendered from it ({@link #describe()}); nothing reads a place
 * back from text.
 *
 * <p>Two renderings exist, as in the messages users already know: an element place reads
 * {@code items[3] 'claude_input', tiers[1], field unitPrice}, a path place (a JSON path, used where the element's
 * id is what is wrong or unknown) reads {@code items[3].tiers[1].unitPrice}.
 *
 * @param section  top-level (or dotted nested) field name; "" for the whole file
 * @param index    index in the section's list, or -1
 * @param id       the element's id (or a stated figure's label), shown quoted; null when not shown
 * @param row      a list or map inside the element ({@code tiers}, {@code effects}, {@code values}), or null
 * @param rowIndex index in the row's list, or -1
 * @param key      a key in the row's map ({@code values.users}), or null
 * @param field    the field, or null for the element (or row) as a whole
 * @param inner    for a problem found in a derived model, where in that model; or null
 * @param position 0-based character position in the formula, or -1
 * @param line     JSON line (1-based), or 0 when unknown
 * @param column   JSON column, or 0
 * @param path     true for the path rendering
 */
public record Place(String section, int index, String id, String row, int rowIndex, String key, String field,
                    Place inner, int position, int line, int column, boolean path) {

    /** The whole file. */
    public static Place file() {
        return new Place("", -1, null, null, -1, null, null, null, -1, 0, 0, true);
    }

    /** A top-level field or section as a whole: {@code sweep}, {@code hoursPerMonth}, {@code business.price}. */
    public static Place section(String section) {
        return new Place(section, -1, null, null, -1, null, null, null, -1, 0, 0, true);
    }

    /** An element of a section's list, shown with its id: {@code items[3] 'x'}. */
    public static Place element(String section, int index, String id) {
        return new Place(section, index, id, null, -1, null, null, null, -1, 0, 0, false);
    }

    /** An element of a section's list by path: {@code drivers[2]} (then {@code .id} with {@link #field}). */
    public static Place path(String section, int index) {
        return new Place(section, index, null, null, -1, null, null, null, -1, 0, 0, true);
    }

    /** An element-style place without index or id: {@code business.users, field formula}. */
    public static Place part(String section) {
        return new Place(section, -1, null, null, -1, null, null, null, -1, 0, 0, false);
    }

    public Place field(String f) {
        return new Place(section, index, id, row, rowIndex, key, f, inner, position, line, column, path);
    }

    /**
     * A row of a list inside the element: {@code tiers[1]}, {@code effects[0]}; inside a row, a nested one
     * ({@code effects[0].tiers[1]}: a lever effect's tier), so that two rows never share a place.
     */
    public Place row(String name, int i) {
        String nested = row != null && rowIndex >= 0 ? row + "[" + rowIndex + "]." + name : name;
        return new Place(section, index, id, nested, i, key, field, inner, position, line, column, path);
    }

    /** A map (or list as a whole) inside the element: {@code values}, {@code prices}, {@code drivers}. */
    public Place row(String name) {
        return row(name, -1);
    }

    /** A key of the row's map: {@code drivers.total_users}. */
    public Place key(String k) {
        return new Place(section, index, id, row, rowIndex, k, field, inner, position, line, column, path);
    }

    public Place inner(Place p) {
        return new Place(section, index, id, row, rowIndex, key, field, p, position, line, column, path);
    }

    /** The place at a character position of its formula. */
    public Place at(int pos) {
        return new Place(section, index, id, row, rowIndex, key, field, inner, pos, line, column, path);
    }

    /** The place at a JSON line and column. */
    public Place atLine(int l, int c) {
        return new Place(section, index, id, row, rowIndex, key, field, inner, position, l, c, path);
    }

    /** Whether this is in the element {@code section[index]}. */
    public boolean in(String sectionName, int i) {
        return section.equals(sectionName) && index == i;
    }

    /** The place without line, column or position: where, not exactly where. */
    public String where() {
        StringBuilder b = new StringBuilder(section);
        if (index >= 0) b.append('[').append(index).append(']');
        if (path) {
            if (row != null) b.append('.').append(row);
            if (rowIndex >= 0) b.append('[').append(rowIndex).append(']');
            if (key != null) b.append('.').append(key);
            if (field != null) b.append(b.length() > 0 ? "." : "").append(field);
            return b.toString();
        }
        if (id != null) b.append(" '").append(id).append('\'');
        if (row != null) {
            b.append(", ").append(row);
            if (rowIndex >= 0) b.append('[').append(rowIndex).append(']');
            if (key != null) b.append('.').append(key);
        }
        if (field != null) b.append(", field ").append(field);
        if (inner != null) b.append(" (").append(inner.where()).append(')');
        return b.toString();
    }

    /** "line 3, column 7 (items[2].unitPrice)", "items[2] 'x', field quantity, position 4", or "" for the file. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        String w = where();
        if (line > 0) {
            b.append("line ").append(line).append(", column ").append(column);
            if (!w.isEmpty()) b.append(" (").append(w).append(')');
        } else {
            b.append(w);
        }
        if (position >= 0) {
            if (b.length() > 0) b.append(", ");
            b.append("position ").append(position);
        }
        return b.toString();
    }
}
