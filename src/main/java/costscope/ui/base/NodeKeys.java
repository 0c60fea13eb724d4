package costscope.ui.base;

import javafx.scene.Node;

import java.util.function.Predicate;

/**
 * Names for the nodes a view makes one of per element (a driver's row, slider and field; a lever's switch and saving):
 * found by name as by an id ({@link #is}, {@link #find}), without being one. JavaFX matches each kind of node (its
 * type, id and style classes) against every stylesheet once; an id per element made each row a kind of its own, and
 * the window's first show matched 55 more kinds (bench-launch; README, Speed > Start). Nodes of which a window
 * has one keep their ids.
 */
public final class NodeKeys {
    private static final String KEY = "costscope.key";

    private NodeKeys() {
    }

    /** Names {@code node} {@code key} (replacing its name, if any); no restyle follows, as it would an id's change. */
    public static void set(Node node, String key) {
        node.getProperties().put(KEY, key);
    }

    /** The name of {@code node}, or null. */
    public static String of(Node node) {
        return node.hasProperties() && node.getProperties().get(KEY) instanceof String s ? s : null;
    }

    /** Whether a node is named {@code key}: for a lookup (TestFX's {@code lookup(Predicate)}). */
    public static <T extends Node> Predicate<T> is(String key) {
        return n -> key.equals(of(n));
    }

    /** The node named {@code key} in {@code root}'s tree (as laid out: a scroll pane's content once shown), or null. */
    public static Node find(Node root, String key) {
        for (Node n : root.lookupAll("*")) {
            if (key.equals(of(n))) return n;
        }
        return null;
    }
}
