package costscope.ui.panels;

import javafx.scene.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a parent's children in a wanted order while moving as few as possible. A node that leaves the scene graph, even
 * for an instant as {@code setAll} or {@code clear} then {@code add} do, has all its CSS worked out again on the next
 * pulse (a few milliseconds for a row with a slider and a text field); a node that stays keeps its styles.
 */
final class Children {
    private Children() {
    }

    /** Makes {@code children} equal to {@code wanted}: removes the others, keeps the longest run already in order. */
    static void sync(List<Node> children, List<Node> wanted) {
        Set<Node> want = Collections.newSetFromMap(new IdentityHashMap<>());
        want.addAll(wanted);
        List<Node> gone = new ArrayList<>();
        for (Node n : children) if (!want.contains(n)) gone.add(n);
        if (!gone.isEmpty()) children.removeAll(gone);
        // the wanted nodes already there, by where they are now, in the wanted order: the longest increasing run stays
        Map<Node, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < children.size(); i++) at.put(children.get(i), i);
        List<Node> present = new ArrayList<>();
        for (Node n : wanted) if (at.containsKey(n)) present.add(n);
        int[] positions = present.stream().mapToInt(at::get).toArray();
        Set<Node> stay = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k : longestIncreasing(positions)) stay.add(present.get(k));
        List<Node> moved = new ArrayList<>();
        for (Node n : children) if (!stay.contains(n)) moved.add(n);
        if (!moved.isEmpty()) children.removeAll(moved);
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= children.size() || children.get(i) != wanted.get(i)) children.add(i, wanted.get(i));
        }
    }

    /** The indexes into {@code xs} of one longest strictly increasing subsequence (patience sorting). */
    static int[] longestIncreasing(int[] xs) {
        int n = xs.length;
        int[] tails = new int[n];
        int[] prev = new int[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (xs[tails[mid]] < xs[i]) lo = mid + 1;
                else hi = mid;
            }
            prev[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == len) len++;
        }
        int[] out = new int[len];
        for (int k = len - 1, i = len > 0 ? tails[len - 1] : -1; k >= 0; k--, i = prev[i]) out[k] = i;
        return len == 0 ? new int[0] : out;
    }
}
