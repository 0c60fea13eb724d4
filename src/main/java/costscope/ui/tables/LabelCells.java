package costscope.ui.tables;

import javafx.scene.Node;
import javafx.scene.control.Labeled;

/** The first column's cells (a label, and a swatch of the category colour where the row has one). */
final class LabelCells {
    private LabelCells() {
    }

    /**
     * Shows the label with {@code swatch} beside it (none when null); a cell without a row shows nothing. Returns
     * whether there is a row.
     */
    static boolean show(Labeled cell, Object row, String label, Node swatch) {
        cell.setText(row == null ? null : label);
        cell.setGraphic(row == null ? null : swatch);
        return row != null;
    }
}
