package costscope.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import made of a file: the format read, the line items and categories, the drivers offered (a count the
 * item's cost scales with, or a usage the source left unknown that needs a value), the lines that could not be read
 * (each with its row or JSON path) and notes (a stated total that differs from the sum of its lines).
 */
public record ImportReport(String source, ImportFormat format, int items, List<String> categories, List<Offered> drivers,
                           List<Unread> unread, List<String> notes) {
    public ImportReport {
        categories = List.copyOf(categories);
        drivers = List.copyOf(drivers);
        unread = List.copyOf(unread);
        notes = List.copyOf(notes);
    }

    /** A driver the import made: its id, label, value and unit, the item that uses it, and whether it needs a value. */
    public record Offered(String id, String label, double value, String unit, String item, boolean needsValue) {
    }

    /** A line of the source that did not become part of the scenario: where (row, JSON path) and why. */
    public record Unread(String where, String why) {
    }

    /** The report as lines of text, for the command line and the app. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Imported " + source + " (" + format.title + "): " + items + " line item" + (items == 1 ? "" : "s") + " in "
                + categories.size() + " categor" + (categories.size() == 1 ? "y" : "ies") + ": " + String.join(", ", categories) + ".");
        long counts = drivers.stream().filter(d -> !d.needsValue()).count();
        long needed = drivers.size() - counts;
        if (drivers.isEmpty()) out.add("No drivers offered: no line states a count its cost scales with.");
        if (counts > 0) out.add("Drivers offered (the line's cost scales with them): " + counts);
        for (Offered d : drivers) {
            if (!d.needsValue()) out.add("  " + d.id() + " = " + Estimate.plain(d.value()) + " " + d.unit() + "  (" + d.label() + ")");
        }
        if (needed > 0) out.add("Usage the source does not know, set to 0: give each a value: " + needed);
        for (Offered d : drivers) {
            if (d.needsValue()) out.add("  " + d.id() + " (" + d.unit() + ")  " + d.label());
        }
        if (unread.isEmpty()) out.add("Every line was read.");
        else out.add("Not read: " + unread.size() + " line" + (unread.size() == 1 ? "" : "s"));
        for (Unread u : unread) out.add("  " + u.where() + ": " + u.why());
        for (String n : notes) out.add("Note: " + n);
        return out;
    }
}
