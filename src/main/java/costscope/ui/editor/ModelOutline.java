package costscope.ui.editor;

import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's list: a heading per kind of element, then its elements in file order; after the drivers, the heading of
 * their correlations.
 */
public final class ModelOutline {
    private ModelOutline() {
    }

    /** A heading ({@code id} null) or an element; the correlations' heading has no kind either. */
    public record Entry(ElementKind kind, String id, String label, int count) {
        /** The heading of the scenario's correlations (a page of its own, after the drivers). */
        public static Entry correlations(int count) {
            return new Entry(null, null, "Correlations", count);
        }

        public boolean isSection() {
            return id == null;
        }

        public boolean isCorrelations() {
            return kind == null;
        }

        /** "Line items (9)" for a heading, the label (or the id when it has none) for an element. */
        public String text() {
            if (isCorrelations()) return label + " (" + count + ")";
            if (isSection()) return kind.section() + " (" + count + ")";
            return label == null || label.isBlank() ? id : label;
        }
    }

    /** Every heading followed by its elements. */
    public static List<Entry> of(Scenario s) {
        List<Entry> out = new ArrayList<>();
        if (s == null) return out;
        for (ElementKind k : ElementKind.values()) {
            List<?> elements = k.elements(s);
            out.add(new Entry(k, null, null, elements.size()));
            for (Object e : elements) out.add(new Entry(k, ElementKind.id(e), ElementKind.label(e), 0));
            if (k == ElementKind.DRIVER) out.add(Entry.correlations(s.correlations().size()));
        }
        return out;
    }
}
