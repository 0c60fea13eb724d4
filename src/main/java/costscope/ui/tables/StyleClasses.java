package costscope.ui.tables;

import java.util.List;

/**
 * Sets one style class out of a group on a node, touching its style-class list only when it changes: a change re-styles
 * the node, and rows are updated on every frame of a slider drag.
 */
final class StyleClasses {
    private StyleClasses() {
    }

    /** Leaves exactly {@code wanted} (or none, when null) of {@code group} in {@code classes}. */
    static void setOnly(List<String> classes, List<String> group, String wanted) {
        for (String g : group) {
            if (!g.equals(wanted) && classes.contains(g)) classes.remove(g);
        }
        if (wanted != null && !classes.contains(wanted)) classes.add(wanted);
    }
}
