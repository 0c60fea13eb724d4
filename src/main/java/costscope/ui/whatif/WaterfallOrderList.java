package costscope.ui.whatif;

import costscope.whatif.Waterfall;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The waterfall's order of changes in the Compare view: the list (drag and drop, Alt+Up and Alt+Down), Move up, Move
 * down and Reset order. A move shows the new order at once and hands it on (as change ids); the figures follow with
 * the recomputed waterfall, which keeps the moved change selected.
 */
final class WaterfallOrderList {
    private final ListView<Waterfall.Step> list;
    private final Button moveUp;
    private final Button moveDown;
    private final Button reset;
    private final Consumer<List<String>> reordered;

    /** @param symbol the currency symbol of the figures shown ("$") */
    WaterfallOrderList(ListView<Waterfall.Step> list, Button moveUp, Button moveDown, Button reset,
                       Supplier<String> symbol, Consumer<List<String>> reordered) {
        this.list = list;
        this.moveUp = moveUp;
        this.moveDown = moveDown;
        this.reset = reset;
        this.reordered = reordered;
        list.setCellFactory(l -> new CompareOrderCell(this::moveTo, symbol));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isAltDown()) return;
            if (e.getCode() == KeyCode.UP) {
                moveUp();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                moveDown();
                e.consume();
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> updateButtons());
    }

    /** Shows the waterfall's steps, keeping the selected change selected. */
    void show(Waterfall w, boolean defaultOrder) {
        String selected = list.getSelectionModel().getSelectedItem() == null ? null
                : list.getSelectionModel().getSelectedItem().change().id();
        list.getItems().setAll(w.steps());
        if (selected != null) {
            for (int i = 0; i < w.steps().size(); i++) {
                if (w.steps().get(i).change().id().equals(selected)) list.getSelectionModel().select(i);
            }
        }
        updateButtons();
        reset.setDisable(defaultOrder);
    }

    void clear() {
        list.getItems().clear();
    }

    void moveUp() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i > 0) moveTo(i, i - 1);
    }

    void moveDown() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i >= 0 && i + 1 < list.getItems().size()) moveTo(i, i + 1);
    }

    /** Moves the change at {@code from} to {@code to}; it stays selected. */
    private void moveTo(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= list.getItems().size() || to >= list.getItems().size()) return;
        List<Waterfall.Step> items = new ArrayList<>(list.getItems());
        items.add(to, items.remove(from));
        list.getItems().setAll(items);
        list.getSelectionModel().select(to);
        reordered.accept(items.stream().map(s -> s.change().id()).toList());
    }

    private void updateButtons() {
        int i = list.getSelectionModel().getSelectedIndex();
        moveUp.setDisable(i <= 0);
        moveDown.setDisable(i < 0 || i + 1 >= list.getItems().size());
    }
}
