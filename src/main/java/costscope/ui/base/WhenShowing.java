package costscope.ui.base;

import javafx.scene.Node;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Runs a view's refresh only while the view is showing; while it is hidden (another tab selected) changes just mark it
 * stale, and it catches up when it is shown. Hidden views then cost nothing on the frames of a slider drag.
 */
public final class WhenShowing {
    private final Node node;
    private final Runnable refresh;
    private final Set<Node> watched = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean stale;

    public WhenShowing(Node node, Runnable refresh) {
        this.node = node;
        this.refresh = refresh;
        node.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) watch();
        });
        if (node.getScene() != null) watch();
    }

    /** Something the view shows changed: refresh now if showing, else when shown. */
    public void changed() {
        if (showing()) {
            stale = false;
            refresh.run();
        } else {
            stale = true;
        }
    }

    /** True when the node is in a scene and neither it nor an ancestor is hidden; a node not yet placed counts as showing. */
    public boolean showing() {
        if (node.getScene() == null) return true;
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private void watch() {
        for (Node n = node; n != null; n = n.getParent()) {
            if (watched.add(n)) {
                n.visibleProperty().addListener((o, was, now) -> {
                    if (now && stale && showing()) {
                        stale = false;
                        refresh.run();
                    }
                });
            }
        }
    }
}
