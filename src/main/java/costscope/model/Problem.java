package costscope.model;

import java.util.List;

/**
 * One problem in a scenario: where it is ({@link Place}), what kind of problem it is ({@link Code}), what is wrong
 * in words, and the names it is about ({@code subjects}: the unknown name, the duplicated id, the nodes of a cycle
 * in order). Code that reacts to a problem reads the code, the place and the subjects, never the message.
 */
public record Problem(Place place, Code code, String message, List<String> subjects) {

    /** The kinds of problem, for code that reacts to them (the editor puts them on fields; tests assert them). */
    public enum Code {
        /** The file cannot be read (missing, too large, unreadable). */
        FILE,
        /** Malformed JSON. */
        JSON,
        /** A field the format does not have. */
        UNKNOWN_FIELD,
        /** A value of the wrong JSON type. */
        TYPE,
        /** A required field or formula is missing, or a list that must not be empty is. */
        MISSING,
        /** A null where a value is needed. */
        NULL,
        /** A text that is not one of the allowed choices. */
        CHOICE,
        /** Not a scenario file, or a version this program does not read. */
        FORMAT,
        /** An id that is not a valid identifier. */
        INVALID_ID,
        /** An id that is a built-in name or a function name. */
        RESERVED_ID,
        /** An id used twice. */
        DUPLICATE_ID,
        /** A formula that does not parse, calls a function wrongly, or gives a function what it does not take. */
        FORMULA,
        /** A formula names something that does not exist; subjects: the name. */
        UNKNOWN_NAME,
        /** A reference (category, lever target, scale point, variant entry...) to something that does not exist or is of the wrong kind; subjects: the name. */
        UNKNOWN_REFERENCE,
        /** Formulas that depend on each other in a circle; subjects: the path, first node repeated at the end. */
        CYCLE,
        /** A value out of its allowed range (not finite, not above 0, min not below max, tiers not ascending...). */
        RANGE,
        /** Fields that cannot go together (unitPrice and tiers, hours without hourly billing...). */
        CONFLICT
    }

    public Problem {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public static Problem of(Place place, Code code, String message) {
        return new Problem(place, code, message, List.of());
    }

    public static Problem of(Place place, Code code, String message, String subject) {
        return new Problem(place, code, message, List.of(subject));
    }

    /** The place as text without line, column and position ({@code items[2] 'x', field quantity}). */
    public String where() {
        return place.where();
    }

    /** The character position in the formula, or -1. */
    public int position() {
        return place.position();
    }

    /** "line 3, column 7 (items[2].unitPrice): message" or "items[2] 'x', field quantity, position 4: message". */
    public String describe() {
        String p = place.describe();
        return p.isEmpty() ? message : p + ": " + message;
    }
}
