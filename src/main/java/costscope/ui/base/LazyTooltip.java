package costscope.ui.base;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Supplier;

/**
 * A tooltip built when the mouse first comes over its node, not with the node: a {@link Tooltip} builds a popup window
 * with a scene of its own (about half a millisecond each while the code is cold), and the main window's rows, legend
 * and bands have dozens, most never hovered. Fit for tooltips whose text is made when they show (so nothing is lost by
 * not having them before); the mouse's next move over the node shows it as usual.
 */
public final class LazyTooltip {
    private LazyTooltip() {
    }

    /**
     * A control's tooltip of fixed text, built when the mouse first comes over the control; a screen reader has the
     * text at once (as the control's accessible help, which it speaks as it would the tooltip's).
     */
    public static void install(Control c, String text) {
        c.setAccessibleHelp(text);
        install(c, () -> new Tooltip(text));
    }

    /**
     * Every control under {@code root} whose accessible help is set (in its FXML, {@code accessibleHelp="..."}) and
     * that has no tooltip gets that text as a tooltip, built on the first hover: the views declare their help once,
     * for the mouse and for a screen reader.
     */
    public static void fromHelp(Node root) {
        if (root instanceof Control c && c.getTooltip() == null && c.getAccessibleHelp() != null
                && !c.getAccessibleHelp().isBlank()) {
            install(c, () -> new Tooltip(c.getAccessibleHelp()));
        }
        if (root instanceof javafx.scene.Parent p) for (Node n : p.getChildrenUnmodifiable()) fromHelp(n);
        if (root instanceof javafx.scene.control.ToolBar t) for (Node n : t.getItems()) fromHelp(n);
        if (root instanceof javafx.scene.control.SplitPane sp) for (Node n : sp.getItems()) fromHelp(n);
        if (root instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) fromHelp(s.getContent());
        if (root instanceof javafx.scene.control.TabPane tp) {
            for (javafx.scene.control.Tab tab : tp.getTabs()) if (tab.getContent() != null) fromHelp(tab.getContent());
        }
    }

    /**
     * A tooltip whose text {@code text} makes each time it shows, built when the mouse first comes over {@code node};
     * wrapped at {@code maxWidth} pixels (0: one line per line of text).
     */
    public static void showing(Node node, double maxWidth, Supplier<String> text) {
        install(node, () -> {
            Tooltip t = new Tooltip();
            if (maxWidth > 0) {
                t.setWrapText(true);
                t.setMaxWidth(maxWidth);
            }
            t.setOnShowing(e -> t.setText(text.get()));
            return t;
        });
    }

    /**
     * Installs on {@code node}, when the mouse first enters it, the tooltip {@code make} builds (as a Control's own
     * tooltip for a Control). {@code make} runs once.
     */
    public static void install(Node node, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                Tooltip t = make.get();
                if (node instanceof Control c) c.setTooltip(t);
                else Tooltip.install(node, t);
            }
        };
        node.addEventFilter(MouseEvent.MOUSE_ENTERED, first);
    }
}
