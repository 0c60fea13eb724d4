package costscope.ui.whatif;

import costscope.export.Formats;
import costscope.ui.charts.AxisMath;
import costscope.whatif.Waterfall;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A change in the waterfall's order list: its position, label and effect; drag one onto another to move it there. */
final class CompareOrderCell extends ListCell<Waterfall.Step> {
    /** Moves the item at the first index to the second. */
    interface Mover {
        void move(int from, int to);
    }

    private static final List<String> SIGN = List.of(CompareTable.SAVING, CompareTable.INCREASE);
    private final Label name = new Label();
    private final Label effect = new Label();
    private final Tooltip tip = new Tooltip();
    private final HBox box;
    private final Supplier<String> symbol;

    /** @param symbol the currency symbol of the figures shown ("$") */
    CompareOrderCell(Mover mover, Supplier<String> symbol) {
        this.symbol = symbol;
        name.setMinWidth(0);
        name.setWrapText(true);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        effect.setMinWidth(Region.USE_PREF_SIZE);
        effect.getStyleClass().add("compare-order-effect");
        box = new HBox(6, name, effect);
        // the list's width, not the label's, sets the cell's width: long labels end in "..." (no horizontal scrolling)
        setPrefWidth(0);
        setOnDragDetected(e -> {
            if (isEmpty()) return;
            var board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent c = new ClipboardContent();
            c.putString(Integer.toString(getIndex()));
            board.setContent(c);
            e.consume();
        });
        setOnDragOver(e -> {
            if (e.getGestureSource() instanceof CompareOrderCell src && src.getListView() == getListView() && src != this) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = false;
            if (e.getGestureSource() instanceof CompareOrderCell && e.getDragboard().hasString()) {
                // the index the drag started from, as put on the dragboard (cells are reused while the list scrolls)
                int from = Integer.parseInt(e.getDragboard().getString());
                int to = isEmpty() ? getListView().getItems().size() - 1 : getIndex();
                mover.move(from, to);
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    @Override
    protected void updateItem(Waterfall.Step step, boolean empty) {
        super.updateItem(step, empty);
        if (empty || step == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText((getIndex() + 1) + ". " + step.change().label());
        effect.setText((step.delta() > 0 ? "+" : "") + AxisMath.compactMoney(step.delta(), symbol.get()));
        // the sign's style class changed only when it changes, and one tooltip per cell: this runs on every frame of a
        // drag while the waterfall shows, and a style-class change or a new Tooltip restyles nodes
        String sign = Formats.showsAsZero(step.delta()) ? null : step.delta() < 0 ? CompareTable.SAVING : CompareTable.INCREASE;
        for (String c : SIGN) if (!c.equals(sign)) effect.getStyleClass().remove(c);
        if (sign != null && !effect.getStyleClass().contains(sign)) effect.getStyleClass().add(sign);
        setText(null);
        if (getGraphic() != box) setGraphic(box);
        tip.setText(step.change().describe());
        if (getTooltip() != tip) setTooltip(tip);
    }
}
