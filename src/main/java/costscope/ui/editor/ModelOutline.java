package costscope.ui.editor;

import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's list: a heading per kind of element, then its elements in file order; after the drivers, the heading of
 * their correlations; last, the timeline's. The correlations and the timeline are pages of their own ({@link Page}).
 */
public final class ModelOutline {
    private ModelOutline() {
    }

    /** A part of the scenario that is not a list of elements, edited on a page of its own. */
    public enum Page {
        CORRELATIONS("correlations"), TIMELINE("timeline");

        /** Its field in the file, and the id part of its outline entry ({@code outline-timeline}). */
        public final String list;

        Page(String list) {
            this.list = list;
        }
    }

    /** A heading ({@code id} null) or an element; a page's heading has no kind but its {@code page}. */
    public record Entry(ElementKind kind, String id, String label, int count, Page page) {
        public Entry(ElementKind kind, String id, String label, int count) {
            this(kind, id, label, count, null);
        }

        /** The heading of the scenario's correlations (a page of its own, after the drivers). */
        public static Entry correlations(int count) {
            return new Entry(null, null, "Correlations", count, Page.CORRELATIONS);
        }

        /** The heading of the scenario's timeline (a page of its own, last): its months, 0 for none. */
        public static Entry timeline(int months) {
            return new Entry(null, null, "Timeline", months, Page.TIMELINE);
        }

        public boolean isSection() {
            return id == null;
        }

        public boolean isCorrelations() {
            return page == Page.CORRELATIONS;
        }

        /** "Line items (9)" for a heading, "Timeline (36 months)", the label (or the id when it has none) for an element. */
        public String text() {
            if (page == Page.TIMELINE) return label + (count == 0 ? " (none)" : " (" + count + " months)");
            if (page != null) return label + " (" + count + ")";
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
        out.add(Entry.timeline(s.timeline() == null ? 0 : s.timeline().months()));
        return out;
    }
}
