package costscope.model;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/** A group of line items; {@code color} is {@code #rrggbb} or null for the palette default. */
public record Category(String id, String label, String color, String description) {
    /** The one pattern of a colour a scenario may give: {@code #rrggbb}. */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Whether the text is a colour of the form {@code #rrggbb}. */
    public static boolean isColour(String text) {
        return text != null && COLOUR.matcher(text).matches();
    }

    /** A new category, its fields set by name. */
    public static Category of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This category with some fields changed by name. */
    public Category with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a category being built or changed. */
    public static final class Builder implements Records.Builder<Category> {
        public String id;
        public String label;
        public String color;
        public String description;

        private Builder() {
        }

        @Override
        public Category build() {
            return new Category(id, label, color, description);
        }
    }
}
