package costscope.model;

/**
 * The spelling of a choice in a scenario file: the constant's name in lower camel case ({@code PER_UNIT} is
 * {@code "perUnit"}), so every choice enum (billing, tier mode, slider scale, figure format) reads and writes its
 * values by one rule.
 */
public final class JsonNames {
    private JsonNames() {
    }

    /** "perUnit" for PER_UNIT; null for null (a choice left out). */
    public static String of(Enum<?> e) {
        if (e == null) return null;
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : e.name().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return b.toString();
    }

    /** The constant spelled {@code s}, or null when none is. */
    public static <E extends Enum<E>> E parse(Class<E> type, String s) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(s)) return e;
        }
        return null;
    }
}
