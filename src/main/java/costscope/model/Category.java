package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.regex.Pattern;

/** A group of line items; {@code color} is {@code #rrggbb} or null for the palette default. */
@RecordBuilder
public record Category(String id, String label, String color, String description) implements Element, CategoryBuilder.With {
    /** The one pattern of a colour a scenario may give: {@code #rrggbb}. */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Whether the text is a colour of the form {@code #rrggbb}. */
    public static boolean isColour(String text) {
        return text != null && COLOUR.matcher(text).matches();
    }
}
