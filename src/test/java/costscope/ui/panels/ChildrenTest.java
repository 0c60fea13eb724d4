package costscope.ui.panels;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Children.sync: the wanted order, with the nodes that can stay never taken out (a node taken out is restyled). */
class ChildrenTest {
    static List<Node> nodes(int n) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Region r = new Region();
            r.setId("n" + i);
            out.add(r);
        }
        return out;
    }

    /** Syncs and returns the nodes that were taken out at some point. */
    static List<Node> sync(Pane pane, List<Node> wanted) {
        List<Node> removed = new ArrayList<>();
        ListChangeListener<Node> l = c -> {
            while (c.next()) removed.addAll(c.getRemoved());
        };
        pane.getChildren().addListener(l);
        Children.sync(pane.getChildren(), wanted);
        pane.getChildren().removeListener(l);
        assertEquals(wanted, pane.getChildren());
        return removed;
    }

    @Test
    void keptNodesInOrderStayPut() {
        List<Node> n = nodes(8);
        Pane pane = new Pane();
        pane.getChildren().setAll(n);
        // drop two, insert a new one in the middle, append one
        Region fresh = new Region();
        Region last = new Region();
        List<Node> wanted = List.of(n.get(0), n.get(2), fresh, n.get(3), n.get(4), n.get(6), n.get(7), last);
        List<Node> removed = sync(pane, wanted);
        assertEquals(List.of(n.get(1), n.get(5)), removed, "only the nodes no longer wanted are taken out");
    }

    @Test
    void aMovedNodeIsTheOnlyOneTakenOut() {
        List<Node> n = nodes(6);
        Pane pane = new Pane();
        pane.getChildren().setAll(n);
        List<Node> wanted = List.of(n.get(0), n.get(1), n.get(3), n.get(4), n.get(5), n.get(2));
        List<Node> removed = sync(pane, wanted);
        assertEquals(List.of(n.get(2)), removed);
    }

    @Test
    void fromNothingAndToNothing() {
        List<Node> n = nodes(3);
        Pane pane = new Pane();
        assertTrue(sync(pane, n).isEmpty());
        assertEquals(n, sync(pane, List.of()));
        assertFalse(pane.getChildren().iterator().hasNext());
    }

    @Test
    void longestIncreasingRun() {
        assertArrayEquals(new int[]{}, Children.longestIncreasing(new int[]{}));
        assertArrayEquals(new int[]{0, 1, 2}, Children.longestIncreasing(new int[]{1, 2, 3}));
        // 0 8 4 12 2 10 6 14: one longest run has 4 elements (0 4 6 14 or 0 2 6 14 ...)
        int[] xs = {0, 8, 4, 12, 2, 10, 6, 14};
        int[] run = Children.longestIncreasing(xs);
        assertEquals(4, run.length);
        for (int i = 1; i < run.length; i++) {
            assertTrue(run[i] > run[i - 1]);
            assertTrue(xs[run[i]] > xs[run[i - 1]]);
        }
    }
}
